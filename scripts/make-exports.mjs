#!/usr/bin/env node
/**
 * Writes fixtures/exports: one small data set (two Cixi enterprises, 2024) in the shapes Chinese
 * payroll, bookkeeping and e-tax software really export (issue #9), each beside the clean CSV of
 * the same data, so that the tests can check every shape computes the same figures:
 *   clean/                      payroll.csv, training.csv (the reference)
 *   payroll-title-rows.csv      GB18030, CRLF, a title and meta rows above the header, "8,500.00",
 *                               a 合计 row at the end and a 本页小计 row in the middle, 应发工资(元)
 *   payroll-two-row-header.csv  a merged header: 应发项目 over 基本工资 / 岗位工资 / 应发合计
 *   payroll-tab.txt             Excel's "Text (Tab delimited)" saved as GB18030, 2024年1月 and 2024.02 periods
 *   payroll-year-month.csv      separate 年份 and 月份 columns, periods like 2024年1月 elsewhere
 *   payroll-decorated.csv       `;`-separated, decorated headers: *纳税人识别号：, " 所属期 ", 应发工资（元）
 *   payroll.xlsx                a workbook: a 说明 sheet first, then 工资表 with title rows,
 *                               numbers as numeric cells, a formula total
 *   payroll-one-enterprise.xlsx no enterprise column (give --enterprise-id)
 *   payroll.xls                 the legacy format (SheetJS)
 *   ledger-detail.csv           a general-ledger detail export (明细账) as training input
 *   ledger-detail.xlsx          the same as a workbook, with title rows above the header
 * Deterministic; run after `npm run build` is not needed (no project code): `node scripts/make-exports.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.argv[2] ?? join(ROOT, 'fixtures', 'exports'));
const A = '91330282MA2AF7XJ3P'; // 慈溪市某某机械有限公司
const B = '91330282144073961U'; // 慈溪市周巷华锐轴承有限公司

// Monthly gross wages in fen, base + post pay, for 2024-01 … 2024-06.
const rows = [];
for (const [id, base, post] of [
  [A, 812_345_00, 98_765_43],
  [B, 1_203_004_50, 150_000_00],
]) {
  for (let m = 1; m <= 6; m++) rows.push({ id, month: m, base: base + m * 1_000_00, post: post + m * 10_00 });
}
const yuan = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const grouped = (fen) => yuan(fen).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const period = (m) => `2024-${String(m).padStart(2, '0')}`;

mkdirSync(join(OUT, 'clean'), { recursive: true });
const w = (name, text) => writeFileSync(join(OUT, name), text);
const gb = (name, text) => writeFileSync(join(OUT, name), iconv.encode(text, 'gb18030'));

// The reference.
w('clean/payroll.csv', ['enterprise_id,period,wages', ...rows.map((r) => `${r.id},${period(r.month)},${yuan(r.base + r.post)}`)].join('\n') + '\n');
w(
  'clean/training.csv',
  ['enterprise_id,date,category,amount,incurred', `${A},2024-01-31,education,80000.00,0.00`, `${A},2024-03-15,education,0.00,50000.00`, `${A},2024-06-30,education,0.00,12000.00`].join('\n') + '\n',
);

// Title and meta rows, units in the header, grouped amounts, subtotal and total rows; GB18030 + CRLF.
{
  const lines = ['慈溪市2024年上半年工资表', '税款所属期间：2024-01-01至2024-06-30', '金额单位：人民币元（列至角分）', '纳税人识别号,所属期,基本工资(元),岗位工资(元),应发工资(元),实发工资(元)'];
  rows.forEach((r, i) => {
    lines.push(`${r.id},${period(r.month)},"${grouped(r.base)}","${grouped(r.post)}","${grouped(r.base + r.post)}","${grouped(Math.round((r.base + r.post) * 0.8))}"`);
    if (i === 5) lines.push(`本页小计,,,,"${grouped(rows.slice(0, 6).reduce((a, x) => a + x.base + x.post, 0))}",`);
  });
  lines.push(`合计,,,,"${grouped(rows.reduce((a, x) => a + x.base + x.post, 0))}",`);
  gb('payroll-title-rows.csv', lines.join('\r\n') + '\r\n');
}

// A two-row (merged) header.
gb(
  'payroll-two-row-header.csv',
  [
    '纳税人识别号,所属期,应发项目,,,扣款项目,',
    ',,基本工资,岗位工资,应发合计,社保个人,个税',
    ...rows.map((r) => `${r.id},${period(r.month)},${yuan(r.base)},${yuan(r.post)},${yuan(r.base + r.post)},100.00,50.00`),
  ].join('\r\n') + '\r\n',
);

// Tab-delimited text.
gb('payroll-tab.txt', ['纳税人识别号\t所属期\t工资总额', ...rows.map((r) => `${r.id}\t${r.month === 1 ? '2024年1月' : `2024.${String(r.month).padStart(2, '0')}`}\t${yuan(r.base + r.post)}`)].join('\r\n') + '\r\n');

// Semicolons, and header decorations: a * required marker, a trailing colon, full-width brackets around the unit, spaces.
w(
  'payroll-decorated.csv',
  ['*纳税人识别号：;  所属期 ;应发工资（元）;备注', ...rows.map((r) => `${r.id};${period(r.month)};${yuan(r.base + r.post)};`)].join('\n') + '\n',
);

// Separate year and month columns.
w('payroll-year-month.csv', ['统一社会信用代码,年份,月份,应发合计', ...rows.map((r) => `${r.id},2024,${r.month},${yuan(r.base + r.post)}`)].join('\n') + '\n');

// Workbooks.
async function workbook(name, withEnterprise, enterprise) {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2024, 6, 1));
  wb.modified = wb.created;
  wb.addWorksheet('说明').addRow(['本工作簿由工资系统导出，工资表见下一张']);
  const ws = wb.addWorksheet('工资表');
  ws.addRow([withEnterprise ? '慈溪市2024年上半年工资表' : '慈溪市某某机械有限公司 2024年上半年工资表']);
  ws.addRow([]);
  ws.addRow([...(withEnterprise ? ['纳税人识别号'] : []), '所属期', '基本工资', '岗位工资', '应发工资']);
  const mine = rows.filter((r) => enterprise === undefined || r.id === enterprise);
  mine.forEach((r, i) => {
    const n = ws.rowCount + 1;
    const first = withEnterprise ? 'C' : 'B';
    const second = withEnterprise ? 'D' : 'C';
    ws.addRow([
      ...(withEnterprise ? [r.id] : []),
      i % 2 ? `2024年${r.month}月` : period(r.month),
      r.base / 100,
      r.post / 100,
      { formula: `${first}${n}+${second}${n}`, result: (r.base + r.post) / 100 },
    ]);
  });
  ws.addRow([...(withEnterprise ? ['合计'] : ['合计']), null, null, null, mine.reduce((a, x) => a + x.base + x.post, 0) / 100]);
  await wb.xlsx.writeFile(join(OUT, name));
}
await workbook('payroll.xlsx', true);
await workbook('payroll-one-enterprise.xlsx', false, A);
w('clean/payroll-one-enterprise.csv', ['enterprise_id,period,wages', ...rows.filter((r) => r.id === A).map((r) => `${r.id},${period(r.month)},${yuan(r.base + r.post)}`)].join('\n') + '\n');

{
  const XLSX = createRequire(import.meta.url)('@e965/xlsx');
  const wb = XLSX.utils.book_new();
  const aoa = [['纳税人识别号', '所属期', '应发工资'], ...rows.map((r) => [r.id, period(r.month), (r.base + r.post) / 100])];
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), '工资表');
  XLSX.writeFile(wb, join(OUT, 'payroll.xls'), { bookType: 'biff8' });
}

// A general-ledger detail export (明细账): the education expense account, other accounts, totals.
gb(
  'ledger-detail.csv',
  [
    '纳税人识别号,日期,凭证号,科目编码,科目名称,摘要,借方金额,贷方金额',
    `${A},,,221104,应付职工薪酬—职工教育经费,期初余额,,`,
    `${A},2024-01-31,记-12,221104,应付职工薪酬—职工教育经费,计提职工教育经费,,"80,000.00"`,
    `${A},2024-01-31,记-12,660201,管理费用—职工教育经费,计提职工教育经费,"80,000.00",`,
    `${A},2024-03-15,记-40,221104,应付职工薪酬—职工教育经费,支付技能培训费,"50,000.00",`,
    `${A},2024-03-15,记-40,1002,银行存款,支付技能培训费,,"50,000.00"`,
    `${A},,,221104,应付职工薪酬—职工教育经费,本月合计,"50,000.00",`,
    `${A},2024-06-30,记-77,221104,应付职工薪酬—职工教育经费,支付订单班培训费,"12,000.00",`,
    `${A},,,221104,应付职工薪酬—职工教育经费,本年累计,"62,000.00","80,000.00"`,
  ].join('\r\n') + '\r\n',
);

// The same ledger as a workbook, as bookkeeping software exports it: title rows above the header, amounts as numbers.
{
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2024, 6, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('明细账');
  ws.addRow(['明细账']);
  ws.addRow(['科目：221104 应付职工薪酬—职工教育经费', null, null, null, '期间：2024年1月—2024年6月']);
  ws.addRow(['纳税人识别号', '日期', '凭证号', '科目编码', '科目名称', '摘要', '借方金额', '贷方金额']);
  ws.addRow([A, null, null, '221104', '应付职工薪酬—职工教育经费', '期初余额', null, null]);
  ws.addRow([A, '2024-01-31', '记-12', '221104', '应付职工薪酬—职工教育经费', '计提职工教育经费', null, 80000]);
  ws.addRow([A, '2024-03-15', '记-40', '221104', '应付职工薪酬—职工教育经费', '支付技能培训费', 50000, null]);
  ws.addRow([A, '2024-06-30', '记-77', '221104', '应付职工薪酬—职工教育经费', '支付订单班培训费', 12000, null]);
  ws.addRow([A, null, null, '221104', '应付职工薪酬—职工教育经费', '本年累计', 62000, 80000]);
  await wb.xlsx.writeFile(join(OUT, 'ledger-detail.xlsx'));
}

if (!process.argv.includes('--quiet')) process.stdout.write(`wrote the export shapes into ${OUT}\n`);
