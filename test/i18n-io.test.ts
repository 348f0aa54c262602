/**
 * Chinese end to end for the reading of input files (issue #14): under LANG=zh_CN.UTF-8 a broken
 * input is reported in Chinese at the same FILE:LINE:COLUMN as in English; `--lang en` brings the
 * English back; validate's CSV is an output file, so its messages follow --header, not --lang.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problems, requireBuild, skilltax, type CliResult } from './helpers/cli.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
/** A valid 统一社会信用代码 (check character 3). */
const ID = '913302827178543073';
let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'skilltax-i18n-io-'));
  writeFileSync(at('amount.csv'), `enterprise_id,period,wages\n${ID},2024-01,12a\n`);
  writeFileSync(at('column.csv'), `enterprise_id,period\n${ID},2024-01\n`);
  writeFileSync(at('uscc.csv'), `enterprise_id,period,wages\n${ID.slice(0, 17)}9,2024-01,100\n`);
  // A UTF-8 file with one line saved as GB18030.
  writeFileSync(
    at('encoding.csv'),
    Buffer.concat([Buffer.from(`enterprise_id,period,wages,employee_id\n${ID},2024-01,100,张三\n`), Buffer.from([...Buffer.from(`${ID},2024-02,100,`), 0xc0, 0xee, 0xcb, 0xc4, 0x0a])]),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** validate of one payroll file, in English and under the Chinese locale. */
function both(name: string): { en: CliResult; zh: CliResult } {
  const args = ['validate', '--kind', 'payroll', at(name)];
  return { en: skilltax(args), zh: skilltax(args, { env: ZH }) };
}

const places = (text: string) => problems(text).map((p) => `${p.file}:${p.line}:${p.column}`);

describe('input problems under LANG=zh_CN.UTF-8', () => {
  const cases: [string, RegExp, RegExp][] = [
    ['amount.csv', /:2:3: wages: not an amount: write yuan/, /:2:3: wages: 不是金额：请以元为单位、用 "\." 作小数点，例如 1234\.56（读到 "12a"）$/m],
    ['column.csv', /:1:1: missing required column "wages" \(accepted names: wages, /, /:1:1: 缺少必需列 "wages"（可用列名：wages、工资薪金、/],
    ['uscc.csv', /:2:1: enterprise_id: 统一社会信用代码 check character is "9", the first 17 characters call for "3"/, /:2:1: enterprise_id: 统一社会信用代码的校验码为 "9"，按前 17 位应为 "3"/],
    ['encoding.csv', /:3:4: not valid UTF-8 like the rest of the file: this cell reads .* as GB18030; save the whole file in one encoding/, /:3:4: 与文件其余部分不同，不是有效的 UTF-8：此单元格按 UTF-8 读作 .*，按 GB18030 读作 "李四"；请用同一种编码保存整个文件/],
  ];
  it.each(cases)('%s: the Chinese message at the same FILE:LINE:COLUMN as the English one', (name, en, zh) => {
    const r = both(name);
    expect(r.en.status).toBe(1);
    expect(r.zh.status).toBe(1);
    expect(r.en.stdout).toMatch(en);
    expect(r.zh.stdout).toMatch(zh);
    expect(r.zh.stdout).not.toMatch(en);
    expect(places(r.zh.stdout)).toEqual(places(r.en.stdout));
    expect(places(r.zh.stdout).length).toBeGreaterThan(0);
  });

  it('a missing file: 文件不存在, as a FILE:0:0 line and on standard error', () => {
    const r = both('nowhere.csv');
    expect(r.en.status).toBe(2);
    expect(r.zh.status).toBe(2);
    expect(r.en.stdout).toBe(`${at('nowhere.csv')}:0:0: no such file\n`);
    expect(r.zh.stdout).toBe(`${at('nowhere.csv')}:0:0: 文件不存在\n`);
    expect(r.zh.stderr).toContain(`skilltax: ${at('nowhere.csv')}: 文件不存在`);
  });

  it('a computing command reports the problems of its inputs in Chinese on standard error', () => {
    const r = skilltax(['deduct', '--payroll', at('amount.csv'), '--training', at('amount.csv')], { env: ZH });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^${at('amount.csv').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:3: wages: 不是金额`, 'm'));
    const missing = skilltax(['deduct', '--payroll', at('amount.csv'), '--training', at('nowhere-training.csv')], { env: ZH });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`${at('nowhere-training.csv')}: 文件不存在`);
  });

  it('--lang en prints the English text under a Chinese locale', () => {
    const r = skilltax(['validate', '--lang', 'en', '--kind', 'payroll', at('amount.csv'), at('uscc.csv')], { env: ZH });
    const en = skilltax(['validate', '--kind', 'payroll', at('amount.csv'), at('uscc.csv')]);
    expect(r.stdout).toBe(en.stdout);
    expect(r.stdout).toMatch(/wages: not an amount: write yuan with a "\." decimal point, e\.g\. 1234\.56 \(got "12a"\)/);
    expect(r.stdout).not.toMatch(/不是金额|校验码/);
  });
});

describe('validate --format csv: an output file, in English unless --header zh', () => {
  const csv = (extra: string[], env: Record<string, string> = ZH) =>
    skilltax(['validate', '--format', 'csv', ...extra, '--kind', 'payroll', at('amount.csv'), at('uscc.csv'), at('nowhere.csv')], { env });

  it('under LANG=zh_CN.UTF-8 (and with --lang zh) the message column is the English one, byte for byte', () => {
    const english = csv([], {}).stdout;
    expect(english).toContain('not an amount');
    expect(english).toContain(',no such file\n');
    expect(csv([]).stdout).toBe(english);
    expect(csv(['--lang', 'zh']).stdout).toBe(english);
  });

  it('with --header zh the headers and the messages are Chinese, whatever the language', () => {
    for (const env of [ZH, {}]) {
      const out = csv(['--header', 'zh'], env).stdout;
      expect(out.split('\n')[0]).toMatch(/^\uFEFF?文件,行,列,值,问题$/);
      expect(out).toContain('wages: 不是金额');
      expect(out).toContain('统一社会信用代码的校验码为');
      expect(out).toContain(',文件不存在\n');
      expect(out).not.toContain('not an amount');
    }
  });
});
