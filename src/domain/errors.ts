/**
 * Typed errors that the CLI maps to exit statuses (CONTRACT §1): every one of these means
 * exit 2 and nothing written.
 */
import { getLang, setLang, t, type Lang } from '../i18n/index.js';

/**
 * A message made from the catalogues (`t()` calls): made again in another language by running it
 * there (`inLang`). A problem keeps its message in English (output files, validate's CSV) and in
 * Chinese (the terminal under --lang zh, validate's CSV with --header zh).
 */
export type Text = () => string;

/** `text` made in `lang`; the language of the process is the same again afterwards. */
export function inLang(lang: Lang, text: Text): string {
  const was = getLang();
  if (was === lang) return text();
  setLang(lang);
  try {
    return text();
  } finally {
    setLang(was);
  }
}

/** A problem's `message` (English) and `zh` (Chinese) from a catalogue text; a plain string is kept as it is, in `message`. */
export function problemText(text: string | Text): Pick<Problem, 'message' | 'zh'> {
  return typeof text === 'string' ? { message: text } : { message: inLang('en', text), zh: inLang('zh', text) };
}

/** A problem's message in `lang` (default the language of the process): its Chinese when it has one, else its message. */
export function problemMessage(p: Pick<Problem, 'message' | 'zh'>, lang: Lang = getLang()): string {
  return lang === 'zh' && p.zh !== undefined ? p.zh : p.message;
}

export interface Problem {
  file: string;
  /** the physical line (CSV), or the row number of a workbook's sheet */
  line: number;
  column: number;
  /** what is wrong, in English: what output files hold (validate --format csv/json) */
  message: string;
  /** the message in Chinese, when it was made from the catalogues (problemText) */
  zh?: string;
  value?: string;
  /** a workbook's sheet: the location is then shown as the cell the user sees, `FILE[SHEET]!D17` */
  sheet?: string;
}

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Where a problem is: `FILE:LINE:COLUMN` in a text file, `FILE[SHEET]!D17` in a workbook (row 0: the sheet as a whole). */
export function problemLocation(p: Pick<Problem, 'file' | 'line' | 'column' | 'sheet'>): string {
  if (p.sheet === undefined) return `${escapeControl(p.file)}:${p.line}:${p.column}`;
  return `${escapeControl(p.file)}[${escapeControl(p.sheet)}]!${p.line > 0 ? `${columnLetters(Math.max(1, p.column))}${p.line}` : ''}`.replace(/!$/, '');
}

/**
 * Characters that must not reach a terminal or a log as they are: C0 controls (newline, ESC of a
 * terminal escape sequence, NUL …), DEL, C1 controls, the Unicode line and paragraph separators,
 * the bidirectional overrides and isolates, zero-width characters and the byte order mark.
 */
const CONTROL_CLASS = '[\\u0000-\\u001f\\u007f-\\u009f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff]';
const HAS_CONTROL = new RegExp(CONTROL_CLASS);
const CONTROL = new RegExp(CONTROL_CLASS, 'g');
const NAMED: Record<string, string> = { '\0': '\\0', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Input text made safe to print: each control character is shown as an escape (`\n`, `\r`, `\t`,
 * `\0`, `\x1b`, `\u202e` …), everything else as it is. Used for every message and explain line;
 * reports keep the input text.
 */
export function escapeControl(s: string): string {
  if (!HAS_CONTROL.test(s)) return s;
  return s.replace(CONTROL, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A message of several lines made safe to print: each line's control characters escaped, the line breaks kept. */
export function escapeLines(text: string): string {
  return text.split('\n').map(escapeControl).join('\n');
}

/** `FILE:LINE:COLUMN: message (got "value")` (in a workbook `FILE[SHEET]!D17: …`), control characters escaped (see escapeControl). */
export function formatProblem(p: Problem): string {
  const got = p.value === undefined ? '' : t('domain.got', { value: escapeControl(p.value) });
  return `${problemLocation(p)}: ${escapeControl(problemMessage(p))}${got}`;
}

/** Problems found in input files. */
export class InputError extends Error {
  constructor(readonly problems: Problem[], readonly truncated = false) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** Wrong arguments, a missing file, an unusable rules file. */
export class UsageError extends Error {}

/**
 * A file that cannot be read at all (missing, a folder, no permission): `file` and the `reason`
 * alone (in the language of the process); `texts`, the reason as a problem's message and Chinese.
 */
export class FileError extends UsageError {
  readonly reason: string;
  readonly texts: Pick<Problem, 'message' | 'zh'>;
  constructor(
    readonly file: string,
    reason: string | Text,
  ) {
    const r = typeof reason === 'string' ? reason : reason();
    super(`${file}: ${r}`);
    this.reason = r;
    this.texts = problemText(reason);
  }
}

/** A state change the tool will not make without being told (e.g. a ledger conflict without --force). */
export class RefusedError extends Error {}

/**
 * A parameter with nothing in force on the date a rule needs it (RULES: every value is dated).
 * Never a silent default: the CLI maps it to exit 2 like a usage error.
 */
export class RuleGapError extends Error {}

/** Collects problems up to a limit; `full` tells the reader to stop. */
export class ProblemList {
  readonly items: Problem[] = [];
  truncated = false;
  constructor(readonly max: number) {}
  add(p: Problem): void {
    if (this.items.length >= this.max) {
      this.truncated = true;
      return;
    }
    this.items.push(p);
  }
  get full(): boolean {
    return this.items.length >= this.max;
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new InputError(this.items, this.truncated);
  }
}
