/**
 * The command line in Chinese (issue #14 "Chinese end to end"): help and usage errors follow
 * --lang, else the locale; terminal columns line up by display width with Chinese labels; the
 * language of messages never changes an output file's bytes (only --header zh changes headers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLang, tIn } from '../src/i18n/index.js';
import { renderTrace } from '../src/report/explain.js';
import { runSummaryText } from '../src/report/summary.js';
import { padEndWidth, padStartWidth, wrapWidth } from '../src/report/text.js';
import { requireBuild, ROOT, skilltax } from './helpers/cli.js';
import { tempDirs } from './helpers/files.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const DEMO = join(ROOT, 'fixtures', 'demo');
const DEDUCT = ['deduct', '--payroll', join(DEMO, 'payroll.csv'), '--training', join(DEMO, 'training.csv'), '--qualifications', join(DEMO, 'qualifications.csv')];
const HAN = /[\u4e00-\u9fff]/;

beforeAll(requireBuild);

describe('help in the language of the locale, or of --lang', () => {
  it('skilltax --help: Chinese under LANG=zh_CN.UTF-8, English with --lang en', () => {
    const zh = skilltax(['--help'], { env: ZH });
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^用法：/);
    for (const heading of ['选项：', '命令：', '示例：']) expect(zh.stdout).toContain(`\n${heading}\n`);
    expect(zh.stdout).toContain('职工教育经费税前扣除');
    expect(zh.stdout).toContain(tIn('zh', 'cli.exitStatus'));
    expect(zh.stdout).toContain(tIn('zh', 'cli.opt.quiet'));
    expect(zh.stdout).not.toContain('Exit status: 0 done');

    const en = skilltax(['--help', '--lang', 'en'], { env: ZH });
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/^Usage: skilltax/);
    expect(en.stdout).toContain('\nOptions:\n');
    expect(en.stdout).toContain('Vocational-skills tax reliefs');
    expect(en.stdout).toContain('Exit status: 0 done; 1 done, but something needs a person; 2 usage error or invalid input (nothing written).');
    expect(en.stdout).not.toContain('用法');
    // --lang en under a Chinese locale is the help of an English locale, byte for byte.
    expect(en.stdout).toBe(skilltax(['--help']).stdout);
  });

  it('skilltax deduct --help: Chinese under LANG=zh_CN.UTF-8, English with --lang en', () => {
    const zh = skilltax(['deduct', '--help'], { env: ZH });
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/^用法： skilltax deduct/);
    expect(zh.stdout).toContain('\n选项：\n');
    expect(zh.stdout).toContain(tIn('zh', 'cli.opt.ledgerOut'));
    expect(zh.stdout).toContain('显示命令帮助');

    const en = skilltax(['deduct', '--help', '--lang', 'en'], { env: ZH });
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/^Usage: skilltax deduct/);
    expect(en.stdout).toContain('write the updated ledger here');
    expect(en.stdout).toContain('display help for command');
    expect(en.stdout).toBe(skilltax(['deduct', '--help']).stdout);
  });

  it('--lang zh under an English locale gives Chinese help, its lines within the terminal width', () => {
    const r = skilltax(['reconcile', '--help', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    expect(r.stdout).toContain(tIn('zh', 'cli.reconcile.exitStatus'));
    for (const line of r.stdout.split('\n').filter((l) => HAN.test(l) && !l.startsWith('  skilltax'))) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });
});

describe('usage errors in Chinese', () => {
  it('a bad --year', () => {
    const r = skilltax([...DEDUCT, '--year', '20x'], { env: ZH });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('skilltax: --year 须为年度 YYYY（输入为 "20x"）\n');
    expect(skilltax([...DEDUCT, '--year', '20x']).stderr).toBe('skilltax: --year takes a year YYYY (got "20x")\n');
  });

  it('a bad --max-errors', () => {
    const r = skilltax([...DEDUCT, '--max-errors', '0'], { env: ZH });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('skilltax: --max-errors 须为 1 或以上的整数（输入为 "0"）\n');
    expect(skilltax([...DEDUCT, '--max-errors', '0', '--lang', 'en'], { env: ZH }).stderr).toBe('skilltax: --max-errors takes a whole number of 1 or more (got "0")\n');
  });

  it('--year with --from, and two inputs from standard input', () => {
    expect(skilltax([...DEDUCT, '--year', '2024', '--from', '2023'], { env: ZH }).stderr).toBe('skilltax: 请给出 --year，或 --from/--to，不能同时给出\n');
    expect(skilltax(['deduct', '--payroll', '-', '--training', '-'], { env: ZH, input: '' }).stderr).toBe('skilltax: 只能有一个输入从标准输入（"-"）读取\n');
  });
});

describe('columns by display width', () => {
  const labels = ['合计', 'total', '结转额度', 'a中b', '职工教育经费扣除额'];

  it('padEndWidth pads Chinese labels to the same display column as English ones', () => {
    const lines = labels.map((l) => `${padEndWidth(l, 20)}|`);
    for (const line of lines) expect(stringWidth(line)).toBe(21);
    // The bar after each label sits in the same terminal column.
    for (const line of lines) expect(stringWidth(line.slice(0, line.indexOf('|')))).toBe(20);
    expect(padEndWidth('合计', 6)).toBe('合计  ');
    expect(padEndWidth('total', 6)).toBe('total'.padEnd(6));
    expect(padEndWidth('职工教育经费扣除额', 4)).toBe('职工教育经费扣除额');
    expect(padStartWidth('合计', 6)).toBe('  合计');
  });

  it('the run summary lines up Chinese labels, coloured or not', () => {
    const sections = [{ calculator: 'education_expense', title: '职工教育经费', items: labels.map((label, i) => ({ item: `i${i}`, label, value: String(i) })) }];
    for (const level of [0, 1] as const) {
      const text = runSummaryText('demo', 'demo/out', sections, [], new Chalk({ level }));
      const rows = text.split('\n').filter((l) => /^ {4}\S/.test(l));
      expect(rows).toHaveLength(labels.length);
      for (const [i, row] of rows.entries()) expect(stringWidth(row.slice(0, row.lastIndexOf(String(i))))).toBe(4 + 24);
    }
  });

  it('explain aligns Chinese step labels and their figures', () => {
    const trace = {
      subject: 'x',
      heading: ['x'],
      reads: [],
      sections: [{ title: '扣除', steps: labels.map((label, i) => ({ label, value: `${i}00.00`, how: 'a × b' })) }],
    };
    const rows = renderTrace(trace)
      .split('\n')
      .filter((l) => l.includes('= a × b'));
    const ends = rows.map((r) => stringWidth(r.slice(0, r.indexOf('  = '))));
    expect(new Set(ends).size).toBe(1);
  });

  it('wrapWidth breaks Chinese text between characters, never before a closing mark', () => {
    const text = '根据企业 CSV 导出数据计算职业技能相关税收优惠：职工教育经费税前扣除，及产教融合试点企业抵免教育费附加。';
    const lines = wrapWidth(text, 20).split('\n');
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(20);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。、；：）]/);
    expect(wrapWidth('a few English words', 8)).toBe('a few\nEnglish\nwords');
  });
});

describe('the language of messages never changes an output file', () => {
  const tempDir = tempDirs('skilltax-i18n-cli-');
  const deduct = (env: Record<string, string>, ...extra: string[]) => {
    const dir = tempDir();
    const out = join(dir, 'deductions.csv');
    const ledger = join(dir, 'ledger.csv');
    const r = skilltax([...DEDUCT, '--ledger', join(DEMO, 'ledger.csv'), '--ledger-out', ledger, '--out', out, ...extra], { env });
    expect(r.status, r.stderr).toBeLessThan(2);
    return { out: readFileSync(out), ledger: readFileSync(ledger), stderr: r.stderr };
  };

  it('LANG=zh_CN.UTF-8 writes the same bytes as an English locale; only --header zh changes the headers', () => {
    const en = deduct({});
    const zh = deduct(ZH);
    expect(zh.out.equals(en.out)).toBe(true);
    expect(zh.ledger.equals(en.ledger)).toBe(true);
    expect(en.out.toString('utf8').split('\n')[0]).not.toMatch(HAN);

    const headerZh = deduct(ZH, '--header', 'zh');
    expect(headerZh.out.equals(en.out)).toBe(false);
    expect(headerZh.out.toString('utf8').split('\n')[0]).toMatch(HAN);
    // Past the header, the same rows; and --header zh gives the same file whatever the locale.
    expect(headerZh.out.toString('utf8').split('\n').slice(1)).toEqual(en.out.toString('utf8').split('\n').slice(1));
    expect(deduct({}, '--header', 'zh').out.equals(headerZh.out)).toBe(true);
  });
});

// The unit tests above call t() in the process's language: leave it English for the next file.
setLang('en');
