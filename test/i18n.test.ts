/**
 * The catalogues (src/i18n): every key in both languages, no key unused, no message empty, and
 * the language detected from --lang and the locale as CONTRACT §1 says.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, detectLang, tIn } from '../src/i18n/index.js';
import { ROOT } from './helpers/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return p.endsWith('i18n') ? [] : sources(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('message catalogues', () => {
  const en = Object.keys(CATALOGUES.en).sort();
  const zh = Object.keys(CATALOGUES.zh).sort();

  it('have the same keys in English and Chinese', () => {
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('use every key somewhere in src/ (as a literal, or by a prefix the code completes)', () => {
    const code = sources(join(ROOT, 'src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    // Keys built at run time: `t(\`subsidy.reason.${code}\`)` uses every key under subsidy.reason.
    const prefixes = [...code.matchAll(/`([a-zA-Z0-9_.]+\.)\$\{/g)].map((m) => m[1]!);
    const unused = en.filter((k) => !code.includes(`'${k}'`) && !code.includes(`"${k}"`) && !prefixes.some((p) => k.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('have no empty message, in either language', () => {
    for (const lang of ['en', 'zh'] as const)
      for (const [k, m] of Object.entries(CATALOGUES[lang])) {
        if (typeof m === 'string') expect(m.trim(), `${lang} ${k}`).not.toBe('');
        else expect(typeof m, `${lang} ${k}`).toBe('function');
      }
  });

  it('give Chinese text in the Chinese catalogue', () => {
    expect(tIn('zh', 'common.nothingWritten')).toMatch(/[\u4e00-\u9fff]/);
    expect(tIn('en', 'common.nothingWritten')).toBe('nothing was written');
  });
});

describe('detectLang', () => {
  it('takes --lang before the locale, and zh* locales as Chinese', () => {
    expect(detectLang(['node', 'skilltax', 'run', 'x', '--lang', 'zh'], {})).toBe('zh');
    expect(detectLang(['--lang=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLang([], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang([], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(detectLang([], { LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh');
    expect(detectLang([], {})).toBe('en');
    expect(detectLang(['--', '--lang', 'zh'], {})).toBe('en');
  });
});
