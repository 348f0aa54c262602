/**
 * Excel workbooks as input (issue #9): `.xlsx` streamed with exceljs's WorkbookReader (a
 * million-row sheet is never held as a whole), legacy `.xls` (OLE2, at most 65,536 rows) read with
 * SheetJS (@e965/xlsx). Detected by content, not by extension. Each row is handed on as the text
 * of its cells, so the same schemas and value parsers read a workbook and a CSV:
 *   - a number cell is the shortest decimal text of its stored value (8500.1, 0.025,
 *     1234.5649999), marked numeric: an amount column rounds it to the fen with a note
 *     (`roundToFen`), a rate column keeps it;
 *   - a date cell (a date format, or a JS date) is `YYYY-MM-DD`;
 *   - a formula cell is its cached value; with none, a problem naming the cell;
 *   - rich text and hyperlinks are their text; an error value (#N/A …) is a problem.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Decimal } from 'decimal.js';
import type { Text } from '../domain/errors.js';
import { t } from '../i18n/index.js';

export type WorkbookKind = 'xlsx' | 'xls';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What the first bytes of a file say it is: an `.xlsx` (zip), an `.xls` (OLE2), or neither. */
export function sniffWorkbook(head: Buffer): WorkbookKind | undefined {
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 8).equals(OLE2)) return 'xls';
  return undefined;
}

/** Reads the first bytes of a file (not of standard input). */
export function fileHead(path: string, n = 8): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, 0);
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** One row of a sheet: its number as Excel shows it, and its cells' text (index 0 = column A). */
export interface SheetRow {
  row: number;
  cells: string[];
  /** 1-based columns whose cell is a number (not text that looks like one) */
  numeric: number[];
  /** a cell with no usable value (a formula without a cached value, an error value) */
  /** the cells with no usable value: the message in the language of the process, and (not enumerable) the text that makes it in any language */
  problems: { column: number; message: string; value?: string; readonly text?: Text }[];
}

export { columnLetters } from '../domain/errors.js';

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;

/** A number cell as text: the shortest that reads back as the stored double (8500.1, not 8500.1000000000003638), never an exponent. */
function numberText(v: number): string {
  return Number.isFinite(v) ? new Decimal(String(v)).toFixed() : String(v);
}

/**
 * An amount from a number cell: more than 2 decimals (a formula's 1234.5649999) is rounded
 * half-up to the fen, with the note saying so; undefined note when nothing changed.
 */
export function roundToFen(text: string): { text: string; note?: string } {
  if (!/^-?\d+\.\d{3,}$/.test(text)) return { text };
  const r = new Decimal(text).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  return { text: r, note: t('io.roundedToFen', { text, rounded: r }) };
}

/** Excel's date formats: d, m (not inside [h]:mm), y in the format code. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(f) || (/m/i.test(f) && !/[hs]/i.test(f));
}

/** Excel's serial day (1900 system, with its 1900-02-29) as an ISO day. */
export function serialDate(serial: number): string {
  // Serial 60 is Excel's 1900-02-29, a day that never was: serials before it are one day later.
  const ms = Math.round((serial - (serial < 60 ? 25568 : 25569)) * 86400000);
  return isoDay(new Date(ms));
}

interface Conv {
  text: string;
  numeric?: boolean;
  problem?: Text;
}

function convert(value: unknown, numFmt: string | undefined): Conv {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: isoDay(value) };
  if (typeof value === 'number') return isDateFormat(numFmt) ? { text: serialDate(value) } : { text: numberText(value), numeric: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      if (!('result' in o) || o.result === undefined || o.result === null) {
        const formula = String(o.formula ?? o.sharedFormula);
        return { text: '', problem: () => t('io.formulaNoValue', { formula }) };
      }
      return convert(o.result, numFmt);
    }
    if ('richText' in o && Array.isArray(o.richText)) return { text: (o.richText as { text: string }[]).map((t) => t.text).join('') };
    if ('text' in o && typeof o.text === 'string') return { text: o.text };
    if ('error' in o) {
      const error = String(o.error);
      return { text: '', problem: () => t('io.cellError', { error }) };
    }
  }
  return { text: String(value) };
}

function toRow(row: number, values: { column: number; value: unknown; numFmt?: string }[]): SheetRow {
  const cells: string[] = [];
  const numeric: number[] = [];
  const problems: SheetRow['problems'] = [];
  for (const v of values) {
    const c = convert(v.value, v.numFmt);
    while (cells.length < v.column - 1) cells.push('');
    cells[v.column - 1] = c.text;
    if (c.numeric) numeric.push(v.column);
    if (c.problem) problems.push(Object.defineProperty({ column: v.column, message: c.problem() }, 'text', { value: c.problem, enumerable: false }));
  }
  return { row, cells, numeric, problems };
}

/** Which sheet: by name, or by 1-based number; default the first. */
export type SheetChoice = string | number | undefined;

export interface SheetRead {
  /** the sheet read, when it was found */
  sheet?: string;
  /** the names of the sheets seen (every sheet, unless reading stopped early) */
  sheets: string[];
}

const sameName = (a: string, b: string) => a.normalize('NFKC').trim() === b.normalize('NFKC').trim();

/** The sheet chosen: the first by default; by name, else (digits) by 1-based number. */
function chooseSheet(choice: SheetChoice, sheets: readonly string[]): number {
  if (choice === undefined) return sheets.length ? 0 : -1;
  if (typeof choice === 'number') return choice >= 1 && choice <= sheets.length ? choice - 1 : -1;
  const byName = sheets.findIndex((n) => sameName(n, choice));
  if (byName >= 0 || !/^\d+$/.test(choice.trim())) return byName;
  return chooseSheet(Number(choice.trim()), sheets);
}

/**
 * Hands each row of the chosen sheet to `onRow` (false stops reading); the other sheets are only
 * named. Throws what the libraries throw for a damaged file (the caller names the file).
 */
export async function readWorkbook(
  path: string,
  kind: WorkbookKind,
  choice: SheetChoice,
  onRow: (row: SheetRow) => boolean,
  /** told the sheet chosen (undefined: none is) and every sheet's name, before the first row */
  onSheet?: (sheet: string | undefined, sheets: string[]) => void,
): Promise<SheetRead> {
  return kind === 'xlsx' ? readXlsx(path, choice, onRow, onSheet) : readXls(path, choice, onRow, onSheet);
}

interface ZipEntry {
  path: string;
  stream(): NodeJS.ReadableStream;
}
interface ReaderInternals {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  model?: { sheets?: { name: string; state?: string }[] };
}

async function readXlsx(path: string, choice: SheetChoice, onRow: (row: SheetRow) => boolean, onSheet?: (sheet: string | undefined, sheets: string[]) => void): Promise<SheetRead> {
  // Loaded when a workbook is read (it takes ~130 ms to load: a CSV run never pays for it).
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  // exceljs's streaming reader names a sheet from xl/workbook.xml, which a zip may store after the
  // sheets (exceljs's own writer does): it then fails at random (exceljs issue #3064). The
  // workbook part and its relations are read first through the zip's central directory.
  const unzipper = createRequire(import.meta.url)('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };
  const zip = await unzipper.Open.file(path);
  const part = (name: string) => zip.files.find((f) => f.path === name);
  const internals = reader as unknown as ReaderInternals;
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (rels) await internals._parseRels(rels.stream());
  if (book) await internals._parseWorkbook(book.stream());
  // The sheets in the workbook's order (the tabs the user sees), whatever the zip's order.
  const sheets = (internals.model?.sheets ?? []).map((s) => s.name);
  const sheet = sheets[chooseSheet(choice, sheets)];
  onSheet?.(sheet, sheets);
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    let go = sheet !== undefined && name === sheet;
    for await (const row of ws) {
      if (!go) continue; // the rows of the other sheets (and after a stop) are read past
      const values: { column: number; value: unknown; numFmt?: string }[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => values.push({ column, value: cell.value, numFmt: cell.numFmt }));
      go = onRow(toRow(row.number, values));
    }
  }
  return { ...(sheet !== undefined ? { sheet } : {}), sheets };
}

interface XlsCell {
  v?: unknown;
  t?: string;
  z?: string;
  f?: string;
  w?: string;
}
interface XlsSheet {
  [ref: string]: XlsCell | unknown;
}
interface XlsLib {
  readFile(path: string, o: Record<string, unknown>): { SheetNames: string[]; Sheets: Record<string, XlsSheet> };
  utils: { decode_range(r: string): { s: { r: number; c: number }; e: { r: number; c: number } }; encode_cell(c: { r: number; c: number }): string };
}

async function readXls(path: string, choice: SheetChoice, onRow: (row: SheetRow) => boolean, onSheet?: (sheet: string | undefined, sheets: string[]) => void): Promise<SheetRead> {
  // SheetJS is CommonJS; loaded only for an .xls.
  const XLSX = createRequire(import.meta.url)('@e965/xlsx') as XlsLib;
  const wb = XLSX.readFile(path, { cellDates: true, cellNF: true, cellFormula: true, dense: false });
  const sheets = wb.SheetNames;
  const index = chooseSheet(choice, sheets);
  onSheet?.(index < 0 ? undefined : sheets[index], sheets);
  if (index < 0) return { sheets };
  const sheet = sheets[index]!;
  const ws = wb.Sheets[sheet]!;
  const ref = ws['!ref'] as string | undefined;
  if (ref) {
    const range = XLSX.utils.decode_range(ref);
    for (let r = range.s.r; r <= range.e.r; r++) {
      const values: { column: number; value: unknown; numFmt?: string }[] = [];
      for (let c = range.s.c; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XlsCell | undefined;
        if (!cell || cell.v === undefined) {
          if (cell?.f) values.push({ column: c + 1, value: { formula: cell.f } });
          continue;
        }
        const v = cell.t === 'e' ? { error: cell.w ?? '#ERROR' } : cell.v;
        values.push({ column: c + 1, value: v, ...(cell.z ? { numFmt: cell.z } : {}) });
      }
      if (!onRow(toRow(r + 1, values))) break;
    }
  }
  return { sheet, sheets };
}
