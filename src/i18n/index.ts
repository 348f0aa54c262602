/**
 * The message catalogues (README "Languages"): every user-facing string of skilltax, English in
 * `en.ts` and Chinese in `zh.ts`, by key. A message is a string, or a function of named
 * parameters for the messages that carry figures, file names or codes; the Chinese catalogue has
 * the English one's type, so a key missing in either language, or a message taking other
 * parameters, does not compile, and test/i18n.test.ts finds keys no code uses.
 *
 * The language is set once per process (`setLang`, by the CLI from --lang or the locale); a
 * message is made in it when it is made. Output files never depend on it: CSV headers follow
 * --header.
 */
import { en, type Catalogue, type Message } from './en.js';
import { zh } from './zh.js';

export type Lang = 'en' | 'zh';
export type MessageKey = keyof typeof en;
type ParamsOf<K extends MessageKey> = (typeof en)[K] extends (p: infer P) => string ? [params: P] : [];

export type { Catalogue, Message };

export const CATALOGUES: Readonly<Record<Lang, Readonly<Record<string, Message>>>> = { en, zh };

let current: Lang = 'en';

/** The language messages are made in from now on. */
export function setLang(lang: Lang): void {
  current = lang;
}

/** The language messages are made in. */
export function getLang(): Lang {
  return current;
}

/**
 * The language a command line asks for: `--lang zh|en` (also `--lang=zh`), else the first set of
 * LC_ALL, LC_MESSAGES and LANG (Chinese when it starts with `zh`, as `zh_CN.UTF-8`), else English.
 * An unknown --lang value gives English here; the option's own check reports it.
 */
export function detectLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v !== undefined) return v === 'zh' ? 'zh' : 'en';
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** The message `key` in `lang`, its parameters put in. */
export function tIn<K extends MessageKey>(lang: Lang, key: K, ...params: ParamsOf<K>): string {
  const m = CATALOGUES[lang][key] as Message;
  return typeof m === 'string' ? m : m(params[0] as never);
}

/** The message `key` in the current language (`setLang`), its parameters put in. */
export function t<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return tIn(current, key, ...params);
}

/** A list joined as a sentence: "a, b and c" / "a、b 和 c" (a space between Chinese and a Latin word, as file names are). */
export function listOf(items: readonly string[], lang: Lang = current): string {
  if (items.length <= 1) return items.join('');
  return lang === 'zh' ? `${items.slice(0, -1).join('、')} 和 ${items.at(-1)}` : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
