/**
 * Reports as an Excel workbook (`--format xlsx`, issue #9): one sheet per table, headers in the
 * chosen language, amounts as numeric cells with the `0.00` format (exact: an amount Excel could
 * not hold to the fen, more than 15 significant digits, stays text), counts as numbers, ids and
 * codes as text cells (never 1.23E+17), the header row frozen, columns as wide as their Chinese
 * text, no formulas. Built with exceljs; the caller writes the bytes atomically like any output.
 */
import { cellsOf, type ReportTable } from '../domain/table.js';
import { displayWidth } from '../domain/text.js';
import type { HeaderLang } from './csv-out.js';

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
}

const exact = (s: string) => s.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length <= 15;

/** The workbook's bytes: a sheet for each table, in order. */
export async function renderXlsx(sheets: readonly { name: string; table: ReportTable }[], header: HeaderLang): Promise<Buffer> {
  // Loaded only when a workbook is written (~130 ms to load).
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  // Fixed metadata: the same inputs give the same workbook.
  wb.creator = 'skilltax';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  for (const { name, table } of sheets) {
    const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
    const heads = table.columns.map((c) => (header === 'zh' ? c.zh : c.name));
    ws.addRow(heads).font = { bold: true };
    const widths = heads.map((h) => displayWidth(h));
    for (const r of table.rows) {
      const cells = cellsOf(table.columns, r);
      const values = table.columns.map((c, i) => {
        const v = cells[i];
        const text = v === undefined ? '' : String(v);
        widths[i] = Math.max(widths[i]!, displayWidth(text));
        if (text === '') return null;
        if ((c.type === 'money' || c.type === 'rate') && /^-?\d+(\.\d+)?$/.test(text) && exact(text)) return Number(text);
        if (c.type === 'int' && /^-?\d{1,15}$/.test(text)) return Number(text);
        return text;
      });
      ws.addRow(values);
    }
    table.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(60, widths[i]! + 2);
      if (c.type === 'money') col.numFmt = '0.00';
      if (c.type === 'text') col.numFmt = '@';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
