/**
 * Files as Chinese payroll, finance and e-tax software export them (issue #9): period spellings,
 * workbooks read and written.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePeriodText } from '../src/domain/periods.js';
import { columnLetters, fileHead, readWorkbook, roundToFen, serialDate, sniffWorkbook, type SheetRow } from '../src/io/workbook.js';
import { renderXlsx } from '../src/io/xlsx-out.js';
import { tempDirs } from './helpers/files.js';

const tempDir = tempDirs('skilltax-exports-');

describe('period spellings of real exports', () => {
  it.each([
    ['2024-01', '2024-01'],
    ['2024/01', '2024-01'],
    ['2024.01', '2024-01'],
    ['202401', '2024-01'],
    ['2024年01月', '2024-01'],
    ['2024年1月', '2024-01'],
    ['2024-01-31', '2024-01'],
    ['2024/1/31', '2024-01'],
    ['20240131', '2024-01'],
    ['２０２４－０１', '2024-01'],
    ['2024-Q1', '2024-Q1'],
    ['2024Q1', '2024-Q1'],
    ['2024年第一季度', '2024-Q1'],
    ['2024年第4季度', '2024-Q4'],
    ['2024', '2024'],
    ['2024年', '2024'],
    ['2024年度', '2024'],
  ])('%s → %s', (raw, text) => {
    expect(parsePeriodText(raw)?.text).toBe(text);
  });
  it.each(['2024-13', '2024-02-30', '2024年13月', '2024年第五季度', 'Jan 2024'])('%s is not a period', (raw) => {
    expect(parsePeriodText(raw)).toBeUndefined();
  });
});

async function rowsOf(path: string, sheet?: string | number) {
  const rows: SheetRow[] = [];
  const kind = sniffWorkbook(fileHead(path));
  const read = await readWorkbook(path, kind!, sheet, (r) => (rows.push(r), true));
  return { kind, rows, read };
}

describe('workbooks in', () => {
  it('an .xlsx: detected by content, the first sheet by default, numbers exact, dates, cached formula values, rounding noted', async () => {
    const dir = tempDir();
    const path = join(dir, 'payroll.dat'); // the extension does not matter
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表由工资系统导出']);
    const ws = wb.addWorksheet('工资表');
    ws.addRow(['纳税人识别号', '所属期', '应发工资', '日期']);
    ws.addRow(['91330282MA2AF7XJ3P', '2024-01', 8500.1, new Date(Date.UTC(2024, 0, 31))]);
    ws.addRow(['91330282MA2AF7XJ3P', '2024-02', { formula: 'C2*2', result: 17000.2 }, 45351]);
    ws.getCell('D3').numFmt = 'yyyy/m/d';
    ws.addRow(['91330282MA2AF7XJ3P', '2024-03', 1234.5649999, null]);
    ws.addRow(['91330282MA2AF7XJ3P', '2024-04', { formula: 'C2*3' }, null]);
    await wb.xlsx.writeFile(path);

    const first = await rowsOf(path);
    expect(first.kind).toBe('xlsx');
    expect(first.read).toEqual({ sheet: '说明', sheets: ['说明', '工资表'] });
    const { rows, read } = await rowsOf(path, '工资表');
    expect(read.sheet).toBe('工资表');
    expect(rows.map((r) => r.cells)).toEqual([
      ['纳税人识别号', '所属期', '应发工资', '日期'],
      ['91330282MA2AF7XJ3P', '2024-01', '8500.1', '2024-01-31'],
      ['91330282MA2AF7XJ3P', '2024-02', '17000.2', '2024-02-29'],
      ['91330282MA2AF7XJ3P', '2024-03', '1234.5649999'],
      ['91330282MA2AF7XJ3P', '2024-04', ''],
    ]);
    expect(rows[1]!.numeric).toEqual([3]);
    expect(roundToFen(rows[3]!.cells[2]!)).toEqual({ text: '1234.56', note: 'the cell holds 1234.5649999, read as 1234.56 (rounded half-up to the fen)' });
    expect(roundToFen('8500.1')).toEqual({ text: '8500.1' });
    expect(rows[4]!.problems).toEqual([{ column: 3, message: 'a formula (=C2*3) with no saved value: open the file in Excel and save it, so the value is stored' }]);
    expect((await rowsOf(path, 2)).read.sheet).toBe('工资表');
    expect((await rowsOf(path, '没有')).read).toEqual({ sheets: ['说明', '工资表'] });
  });

  it('an .xls (OLE2) through SheetJS', async () => {
    const dir = tempDir();
    const path = join(dir, 'payroll.xls');
    const XLSX = createRequire(import.meta.url)('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['纳税人识别号', '所属期', '应发工资'], ['91330282MA2AF7XJ3P', '2024年1月', 8500.1]]), '工资表');
    XLSX.writeFile(wb, path, { bookType: 'biff8' });
    const { kind, rows, read } = await rowsOf(path);
    expect(kind).toBe('xls');
    expect(read).toEqual({ sheet: '工资表', sheets: ['工资表'] });
    expect(rows.map((r) => r.cells)).toEqual([['纳税人识别号', '所属期', '应发工资'], ['91330282MA2AF7XJ3P', '2024年1月', '8500.1']]);
  });

  it('helpers: column letters and Excel serial days', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(serialDate(45351)).toBe('2024-02-29');
    expect(serialDate(1)).toBe('1900-01-01');
  });
});

describe('workbooks out', () => {
  it('a sheet per table: headers in the chosen language, amounts numeric with 0.00, ids as text, frozen header; read back exactly', async () => {
    const table = {
      columns: [
        { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' as const },
        { name: 'year', zh: '年度', type: 'int' as const },
        { name: 'rate', zh: '税收规定扣除率', type: 'rate' as const },
        { name: 'cap', zh: '扣除限额', type: 'money' as const },
        { name: 'notes', zh: '备注', type: 'text' as const },
      ],
      rows: [
        { enterprise_id: '913302827251836406', year: 2024, rate: '0.08', cap: '481238.53', notes: '' },
        { enterprise_id: '91330282MA2AF7XJ3P', year: 2023, rate: '0.025', cap: '-0.05', notes: 'ledger_gap' },
      ],
    };
    const dir = tempDir();
    const path = join(dir, 'out.xlsx');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, await renderXlsx([{ name: 'deductions', table }], 'zh'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('deductions')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, '纳税人识别号', '年度', '税收规定扣除率', '扣除限额', '备注']);
    expect(ws.getCell('A2').value).toBe('913302827251836406');
    expect(ws.getCell('B2').value).toBe(2024);
    expect(ws.getCell('C2').value).toBe(0.08);
    expect(ws.getCell('D2').value).toBe(481238.53);
    expect(ws.getCell('D2').numFmt).toBe('0.00');
    expect(ws.getCell('D3').value).toBe(-0.05);
    expect(ws.getCell('E3').value).toBe('ledger_gap');
    // read back through the input side: the same text as the CSV report
    const back: string[][] = [];
    await readWorkbook(path, 'xlsx', undefined, (r) => (back.push(r.cells), true));
    expect(back.slice(1)).toEqual([
      ['913302827251836406', '2024', '0.08', '481238.53'],
      ['91330282MA2AF7XJ3P', '2023', '0.025', '-0.05', 'ledger_gap'],
    ]);
  });
});

describe('a general-ledger detail export (明细账) as training input', () => {
  const GL = [
    '纳税人识别号,日期,凭证号,科目编码,科目名称,摘要,借方金额,贷方金额',
    '91330282MA2AF7XJ3P,,,221104,应付职工薪酬—职工教育经费,期初余额,,',
    '91330282MA2AF7XJ3P,2024-01-31,记-12,221104,应付职工薪酬—职工教育经费,计提职工教育经费,,"8,000.00"',
    '91330282MA2AF7XJ3P,2024-03-15,记-40,221104,应付职工薪酬-职工教育经费,支付培训费,"5,000.00",',
    '91330282MA2AF7XJ3P,2024-03-15,记-40,1002,银行存款,支付培训费,,"5,000.00"',
    '91330282MA2AF7XJ3P,,,221104,应付职工薪酬—职工教育经费,本月合计,"5,000.00","8,000.00"',
    '',
  ].join('\n');
  const CLEAN = 'enterprise_id,date,category,amount,incurred\n91330282MA2AF7XJ3P,2024-01-31,education,8000.00,0.00\n91330282MA2AF7XJ3P,2024-03-15,education,0.00,5000.00\n';
  const PAYROLL = 'enterprise_id,period,wages\n91330282MA2AF7XJ3P,2024,1000000\n';

  it('the payable account: credit = accrued (book), debit = spent (incurred); other accounts ignored; totals skipped with a note', async () => {
    const { skilltax } = await import('./helpers/cli.js');
    const { write } = await import('./helpers/files.js');
    const { deductLine } = await import('./helpers/summary.js');
    const dir = tempDir();
    const p = write(dir, 'payroll.csv', PAYROLL);
    const gl = skilltax(['deduct', '--payroll', p, '--training', write(dir, 'gl.csv', GL)]);
    const clean = skilltax(['deduct', '--payroll', p, '--training', write(dir, 'training.csv', CLEAN)]);
    expect(gl.status, gl.stderr).toBe(0);
    expect(gl.stdout).toBe(clean.stdout);
    expect(gl.stdout).toContain(',8000.00,5000.00,0.00,5000.00,3000.00,');
    expect(gl.stderr).toBe(
      [
        `note: ${dir}/gl.csv:2: a 期初余额 row of the ledger export, skipped`,
        `note: ${dir}/gl.csv:6: a 本月合计 row of the ledger export, skipped`,
        `note: ${dir}/gl.csv: read as a general-ledger export: 2 rows of the education expense account 应付职工薪酬—职工教育经费`,
        // the summary line last (issue #8 item 16): the same as the clean file's, its only line
        deductLine(gl.stdout),
      ].join('\n'),
    );
    expect(clean.stderr).toBe(deductLine(gl.stdout));
  });

  it('an --account-map expense account (管理费用—职工教育经费): debit = book = incurred', async () => {
    const { loadTraining, loadAccountMap } = await import('../src/io/load.js');
    const { write } = await import('./helpers/files.js');
    const dir = tempDir();
    const gl = write(dir, 'gl.csv', '纳税人识别号,日期,科目编码,科目名称,借方金额,贷方金额\n91330282MA2AF7XJ3P,2024-05-06,660212,管理费用-职工教育经费,1200.00,\n91330282MA2AF7XJ3P,2024-12-31,660212,管理费用-职工教育经费,,1200.00\n');
    const map = await loadAccountMap(write(dir, 'map.csv', 'account,category,kind\n660212,education,expense\n'), { encoding: 'auto', maxErrors: 10 });
    const notes: string[] = [];
    const t = await loadTraining(gl, { encoding: 'auto', maxErrors: 10, accountMap: map, note: (n) => notes.push(n) });
    expect(t.education.get('91330282MA2AF7XJ3P')?.get(2024)).toMatchObject({ book: 120000, incurred: 120000, educationRows: 2 });
    expect(notes).toEqual([`${dir}/gl.csv: read as a general-ledger export: 2 rows of the education expense accounts of --account-map`]);
  });
});

describe('--format xlsx (issue #9 "Excel out")', () => {
  it('run writes one workbook, the summary sheet first, a sheet per report, each value equal to the CSV run’s', async () => {
    const { skilltax } = await import('./helpers/cli.js');
    const { DEMO, readCsv } = await import('./helpers/demo.js');
    const { readFileSync } = await import('node:fs');
    const xl = tempDir();
    const csvOut = tempDir();
    const a = skilltax(['run', DEMO, '--out', xl, '--format', 'xlsx', '--quiet']);
    const b = skilltax(['run', DEMO, '--out', csvOut, '--quiet']);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(xl).sort()).toEqual(['ledger.csv', 'report.html', 'skilltax.xlsx', 'summary.json']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(xl, 'skilltax.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('summary');
    for (const name of names) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const rows = readCsv(readFileSync(join(csvOut, `${name}.csv`)));
      const head = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      expect(head).toEqual(Object.keys(rows[0]!));
      expect(ws.rowCount).toBe(rows.length + 1);
      rows.forEach((row, i) => {
        const cells = ws.getRow(i + 2);
        head.forEach((col, j) => {
          const v = cells.getCell(j + 1).value;
          const want = row[col]!;
          if (typeof v === 'number') expect(v, `${name} ${i + 2} ${col}`).toBe(Number(want));
          else expect(v ?? '', `${name} ${i + 2} ${col}`).toBe(want);
        });
      });
    }
    // ids stay text (no 9.13E+17), amounts are numbers with two decimals shown
    const d = wb.getWorksheet('deductions')!;
    expect(typeof d.getCell('A2').value).toBe('string');
    expect(d.getCell('C2').numFmt).toBe('0.00');
  });

  it('a calculator command writes its report as a workbook with --out; without --out it is a usage error', async () => {
    const { skilltax } = await import('./helpers/cli.js');
    const { demoFile } = await import('./helpers/demo.js');
    const args = ['deduct', '--payroll', demoFile('payroll.csv'), '--training', demoFile('training.csv'), '--qualifications', demoFile('qualifications.csv'), '--ledger', demoFile('ledger.csv')];
    const none = skilltax([...args, '--format', 'xlsx']);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('skilltax: --format xlsx writes a workbook: give --out FILE.xlsx (the report is not printed)\n');
    const out = join(tempDir(), '职工教育经费.xlsx');
    const r = skilltax([...args, '--format', 'xlsx', '--header', 'zh', '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['deductions']);
    expect(wb.getWorksheet('deductions')!.getCell('A1').value).toBe('纳税人识别号');
  });
});

describe('run DIR finds an input saved as a workbook under the canonical name', () => {
  it('payroll.xlsx in the folder is the payroll (with --sheet)', async () => {
    const { skilltax } = await import('./helpers/cli.js');
    const { copyFileSync, readFileSync } = await import('node:fs');
    const dir = tempDir();
    copyFileSync(join('fixtures', 'exports', 'payroll.xlsx'), join(dir, 'payroll.xlsx'));
    copyFileSync(join('fixtures', 'exports', 'clean', 'training.csv'), join(dir, 'training.csv'));
    const r = skilltax(['run', dir, '--quiet', '--sheet', '工资表']);
    expect(r.status, r.stderr).toBe(0);
    const clean = skilltax(['deduct', '--payroll', join('fixtures', 'exports', 'clean', 'payroll.csv'), '--training', join('fixtures', 'exports', 'clean', 'training.csv'), '--quiet']);
    expect(readFileSync(join(dir, 'out', 'deductions.csv'), 'utf8')).toBe(clean.stdout);
  });
});
