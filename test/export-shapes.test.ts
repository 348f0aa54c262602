/**
 * Issue #9, the input half: every shape of fixtures/exports (made by scripts/make-exports.mjs)
 * computes, through the built CLI, byte for byte the report of the clean CSV of the same data; and
 * what cannot be read is refused at the cell the user sees, with nothing written.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectDelimiter } from '../src/io/csv-in.js';
import { normalizeHeader } from '../src/io/values.js';
import { expectRefused, requireBuild, ROOT, skilltax } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';

const tempDir = tempDirs('skilltax-shapes-');
const EX = join(ROOT, 'fixtures', 'exports');
const TRAINING = join(EX, 'clean', 'training.csv');
const A = '91330282MA2AF7XJ3P';
const B = '91330282144073961U';
const OUT = [{ flag: '--out', name: 'deductions.csv' }];

const deduct = (payroll: string, ...extra: string[]) => skilltax(['deduct', '--payroll', payroll, '--training', TRAINING, ...extra]);

let clean: string;
let cleanOne: string;
beforeAll(() => {
  requireBuild();
  const r = deduct(join(EX, 'clean', 'payroll.csv'));
  expect(r.status, r.stderr).toBe(0);
  clean = r.stdout;
  const one = deduct(join(EX, 'clean', 'payroll-one-enterprise.csv'));
  expect(one.status, one.stderr).toBe(0);
  cleanOne = one.stdout;
  expect(clean).toContain(B);
});

describe('every shape gives the report of the clean CSV', () => {
  it.each([
    ['payroll-title-rows.csv', [], 'payroll-title-rows.csv: comma-separated; the header on line 4: 纳税人识别号, 所属期, 基本工资(元), 岗位工资(元), 应发工资(元), 实发工资(元); 3 lines above it skipped'],
    ['payroll-two-row-header.csv', [], 'payroll-two-row-header.csv: comma-separated; a two-row header on lines 1–2, read as: 纳税人识别号, 所属期, 基本工资, 岗位工资, 应发合计, 社保个人, 个税'],
    ['payroll-tab.txt', [], 'payroll-tab.txt: tab-separated; the header on line 1: 纳税人识别号, 所属期, 工资总额'],
    ['payroll-year-month.csv', [], 'the period from the columns 年份 and 月份'],
    ['payroll-decorated.csv', [], 'payroll-decorated.csv: semicolon-separated; the header on line 1: *纳税人识别号：, 所属期, 应发工资（元）, 备注'],
    ['payroll.xlsx', ['--sheet', '工资表'], "payroll.xlsx: sheet 工资表 (the workbook's sheets: 1 说明, 2 工资表); the header on row 3: 纳税人识别号, 所属期, 基本工资, 岗位工资, 应发工资; 1 row above it skipped"],
    ['payroll.xlsx', ['--sheet', '2'], 'payroll.xlsx[工资表]!A16: a total row (合计), skipped'],
    ['payroll.xls', [], 'payroll.xls: sheet 工资表; the header on row 1: 纳税人识别号, 所属期, 应发工资'],
  ])('deduct --payroll %s %j', (name, extra, said) => {
    const r = deduct(join(EX, name), ...extra);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(clean);
    expect(r.stderr).toContain('note: ');
    expect(r.stderr).toContain(said);
  });

  it('title rows and totals: each total row skipped with a note naming its line; net pay beside the gross column ignored', () => {
    const r = deduct(join(EX, 'payroll-title-rows.csv'));
    const file = join(EX, 'payroll-title-rows.csv');
    expect(r.stderr).toContain(`note: ${file}:11: a total row (本页小计), skipped\n`);
    expect(r.stderr).toContain(`note: ${file}:18: a total row (合计), skipped\n`);
    expect(r.stdout).toBe(clean); // 实发工资(元) (80% of gross) was not taken
  });

  it('a workbook of one enterprise without the column, with --enterprise-id', () => {
    const r = deduct(join(EX, 'payroll-one-enterprise.xlsx'), '--sheet', '工资表', '--enterprise-id', A);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(cleanOne);
    expect(r.stderr).toContain(`enterprise_id ${A} for every row (--enterprise-id)`);
  });

  it('a general-ledger detail export (明细账) as training input', () => {
    const r = skilltax(['deduct', '--payroll', join(EX, 'clean', 'payroll.csv'), '--training', join(EX, 'ledger-detail.csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(clean);
    expect(r.stderr).toContain('read as a general-ledger export: 3 rows of the education expense account');
  });

  it('the ledger as a workbook, with title rows above its header: the notes name the sheet and cell', () => {
    const file = join(EX, 'ledger-detail.xlsx');
    const r = skilltax(['deduct', '--payroll', join(EX, 'clean', 'payroll.csv'), '--training', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(clean);
    expect(r.stderr).toContain(`note: ${file}: sheet 明细账; the header on row 3: 纳税人识别号, 日期, 凭证号, 科目编码, 科目名称, 摘要, 借方金额, 贷方金额; 2 rows above it skipped (titles, notes)\n`);
    expect(r.stderr).toContain(`note: ${file}[明细账]!A8: a 本年累计 row of the ledger export, skipped\n`);
  });

  it('--account-map: an account booked as expense (debit = book = incurred), the map loaded once', () => {
    const d = tempDir();
    const ledger = write(
      d,
      'gl.csv',
      csv('纳税人识别号,日期,凭证号,科目编码,科目名称,摘要,借方金额,贷方金额', `${A},2024-03-15,记-40,660299,管理费用—培训费,支付技能培训费,"50,000.00",`, `${A},2024-03-15,记-40,1002,银行存款,支付技能培训费,,"50,000.00"`),
    );
    const map = write(d, 'accounts.csv', csv('account,category,kind', '660299,education,expense'));
    const expected = write(d, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2024-03-15,education,50000.00`));
    const want = skilltax(['deduct', '--payroll', join(EX, 'clean', 'payroll.csv'), '--training', expected]);
    const r = skilltax(['deduct', '--payroll', join(EX, 'clean', 'payroll.csv'), '--training', ledger, '--account-map', map]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(want.stdout);
    expect(r.stderr).toContain('1 row of the education expense accounts of --account-map');
    const bad = expectRefused(['deduct', '--payroll', join(EX, 'clean', 'payroll.csv'), '--training', ledger, '--account-map', join(d, 'none.csv')], OUT);
    expect(bad.stderr).toContain('none.csv: no such file');
  });

  it('run on a folder: each shape saved as payroll.csv (read by its content) gives the clean deductions.csv', () => {
    const runOn = (payroll: string, ...extra: string[]) => {
      const d = tempDir();
      copyFileSync(payroll, join(d, 'payroll.csv'));
      copyFileSync(TRAINING, join(d, 'training.csv'));
      mkdirSync(join(d, 'out'));
      const r = skilltax(['run', d, ...extra]);
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(join(d, 'out', 'deductions.csv'), 'utf8');
    };
    const want = runOn(join(EX, 'clean', 'payroll.csv'));
    for (const [name, extra] of [
      ['payroll-title-rows.csv', []],
      ['payroll-two-row-header.csv', []],
      ['payroll-tab.txt', []],
      ['payroll-year-month.csv', []],
      ['payroll-decorated.csv', []],
      ['payroll.xlsx', ['--sheet', '工资表']],
      ['payroll.xls', []],
    ] as const) {
      expect(runOn(join(EX, name), ...extra), name).toBe(want);
    }
  });

  it('validate explains what it detected (sheet, header line, rows skipped, delimiter) and keeps its exit status', () => {
    const r = skilltax(['validate', '--kind', 'payroll', '--sheet', '工资表', join(EX, 'payroll.xlsx')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `note: ${join(EX, 'payroll.xlsx')}: sheet 工资表 (the workbook's sheets: 1 说明, 2 工资表); the header on row 3: 纳税人识别号, 所属期, 基本工资, 岗位工资, 应发工资; 1 row above it skipped (titles, notes)\n` +
        `note: ${join(EX, 'payroll.xlsx')}[工资表]!A16: a total row (合计), skipped\n` +
        `${join(EX, 'payroll.xlsx')} (payroll): ok\n`,
    );
    // a plain CSV: nothing to explain
    const plain = skilltax(['validate', join(EX, 'clean', 'payroll.csv')]);
    expect(plain.stderr).toBe(`${join(EX, 'clean', 'payroll.csv')} (payroll): ok\n`);
  });
});

describe('what is refused, at the cell the user sees, nothing written', () => {
  it('a workbook whose default sheet has no header: the sheets and the required columns listed', () => {
    const file = join(EX, 'payroll.xlsx');
    const r = expectRefused(['deduct', '--payroll', file, '--training', TRAINING], OUT);
    expect(r.stderr).toBe(
      `${file}[说明]: no header with the required columns of a payroll file (enterprise_id, period, wages) in the first 20 rows of sheet 说明; the workbook's sheets: 1 说明, 2 工资表; 工资表 has them: pass --sheet 工资表\n` +
        'skilltax: 1 problem in the input; nothing was written\n',
    );
    const none = expectRefused(['deduct', '--payroll', file, '--training', TRAINING, '--sheet', '9'], OUT);
    expect(none.stderr).toContain(`${file}[9]: no such sheet: the workbook's sheets are 1 说明, 2 工资表 (--sheet takes a name or a number)\n`);
  });

  it('validate --format json gives the sheet of a workbook problem; a zip with no sheet is said to be no workbook', () => {
    const r = skilltax(['validate', '--kind', 'payroll', '--format', 'json', join(EX, 'payroll.xlsx')]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject([{ file: join(EX, 'payroll.xlsx'), line: 0, column: 0, sheet: '说明' }]);
    const d = tempDir();
    const zip = write(d, 'payroll.xlsx', readFileSync(join(EX, 'payroll.xlsx')).subarray(0, 30));
    const z = skilltax(['validate', '--kind', 'payroll', zip]);
    expect(z.status).toBe(1);
    expect(z.stdout).toMatch(new RegExp(`^${zip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: the file is an Excel workbook \\(\\.xlsx\\) or looks like one, but it cannot be read as one`));
  });

  it('a formula without a saved value: the cell named', async () => {
    const d = tempDir();
    const file = join(d, 'payroll.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工资表');
    ws.addRow(['纳税人识别号', '所属期', '应发工资']);
    ws.addRow([A, '2024-01', 8500]);
    ws.addRow([A, '2024-02', { formula: 'C2*2' }]);
    ws.addRow([A, '2024-03', 1234.5649999]);
    await wb.xlsx.writeFile(file);
    const r = expectRefused(['deduct', '--payroll', file, '--training', TRAINING], OUT);
    expect(r.stderr).toContain(`${file}[工资表]!C3: wages: a formula (=C2*2) with no saved value: open the file in Excel and save it, so the value is stored\n`);
    expect(r.stderr).toContain('skilltax: 1 problem in the input; nothing was written\n');
    // the number cell with more than 2 decimals is rounded with a note (validate says it)
    const v = skilltax(['validate', '--kind', 'payroll', file]);
    expect(v.stderr).toContain(`note: ${file}[工资表]!C4: wages: the cell holds 1234.5649999, read as 1234.56 (rounded half-up to the fen)\n`);
  });

  it('a total row in the middle is skipped with a note; a malformed row is still an error', () => {
    const d = tempDir();
    const ok = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2024-01,100.00`, '合 计：,,100.00', `${A},2024-02,100.00`));
    const r = deduct(ok);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`note: ${ok}:3: a total row (合计), skipped\n`);
    const bad = write(d, 'payroll-bad.csv', csv('enterprise_id,period,wages', `${A},2024-01,100.00`, '合计额,,100.00', `${A},2024-02,100.00`));
    const b = expectRefused(['deduct', '--payroll', bad, '--training', TRAINING], OUT);
    expect(b.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: enterprise_id: .*\\(got "合计额"\\)\\n`));
    expect(b.stderr).toContain(`${bad}:3:2: missing value for "period"`);
  });

  it('--enterprise-id with the column present: a row of another enterprise is refused; a bad id is a usage error', () => {
    const file = join(EX, 'payroll.xlsx');
    const r = expectRefused(['deduct', '--payroll', file, '--training', TRAINING, '--sheet', '工资表', '--enterprise-id', A], OUT);
    expect(r.stderr).toContain(
      `${file}[工资表]!A10: enterprise_id: the file has an enterprise_id column, and this row's is not --enterprise-id ${A}: --enterprise-id only fills a missing column (leave it out for this file) (got "${B}")\n`,
    );
    const u = expectRefused(['deduct', '--payroll', file, '--training', TRAINING, '--enterprise-id', '91330282MA2AF7XJ3X'], OUT);
    expect(u.stderr).toMatch(/^skilltax: --enterprise-id 91330282MA2AF7XJ3X: /);
  });

  it('net pay only: refused, saying net pay is not the wage base and naming the gross columns', () => {
    const d = tempDir();
    const p = write(d, 'payroll.csv', csv('纳税人识别号,所属期,实发工资', `${A},2024-01,8000.00`));
    const r = expectRefused(['deduct', '--payroll', p, '--training', TRAINING], OUT);
    expect(r.stderr).toBe(
      `${p}:1:3: missing required column "wages": 实发工资 (column 3) is net pay (实发, after tax and deductions), which is not the wage base; export the gross pay column instead: 应发工资, 工资总额 or 应发合计 (got "实发工资")\n` +
        'skilltax: 1 problem in the input; nothing was written\n',
    );
  });

  it('a tab-separated file read with --delimiter ",": the message says it looks tab-separated', () => {
    const file = join(EX, 'payroll-tab.txt');
    const r = expectRefused(['deduct', '--payroll', file, '--training', TRAINING, '--delimiter', ','], OUT);
    expect(r.stderr).toContain(
      `${file}:1:1: the line holds tab characters: the file looks tab-separated, but it was read as comma-separated (pass --delimiter tab, or leave --delimiter out to detect it)\n`,
    );
    // --delimiter applies to every text input of the command: validate checks the one file
    const t = skilltax(['validate', '--kind', 'payroll', '--delimiter', 'tab', file]);
    expect(t.status, t.stderr).toBe(0);
  });

  it('--header-row fixes the header line (of every input of the command: validate checks one file)', () => {
    const file = join(EX, 'payroll-title-rows.csv');
    const r = skilltax(['validate', '--kind', 'payroll', '--header-row', '4', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('the header on line 4: 纳税人识别号');
    const wrong = skilltax(['validate', '--kind', 'payroll', '--header-row', '2', file]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain(`${file}:2:1: missing required column "enterprise_id"`);
  });
});

describe('the pieces', () => {
  it.each([
    ['应发工资(元)', '应发工资'],
    ['金额（元）', '金额'],
    ['*纳税人识别号', '纳税人识别号'],
    ['所属期：', '所属期'],
    [' 工资薪金 ', '工资薪金'],
    ['应发工资（单位：元）', '应发工资'],
    ['纳税人识别号(统一社会信用代码)', '纳税人识别号(统一社会信用代码)'],
    ['应发工资(万元)', '应发工资(万元)'],
    ['*', '*'],
  ])('normalizeHeader(%j) = %j', (label, want) => {
    expect(normalizeHeader(label)).toBe(want);
  });

  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a;b;c\n1;2;3\n', ';'],
    ['title\r\na\tb\tc\r\n1\t"8,500.00"\t3\r\n', '\t'],
    ['a;b,c\n', ','],
    ['', ','],
  ])('detectDelimiter(%j) = %j', (text, want) => {
    expect(detectDelimiter(text)).toBe(want);
  });
});
