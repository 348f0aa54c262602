/**
 * Reading input CSV files: bytes to text line by line in the file's encoding (encoding.ts),
 * text to records with the physical line where each starts (csv-syntax.ts), header matching by
 * canonical name or alias, the shape of each record against the header, cell parsing by schema,
 * and problems reported as FILE:LINE:COLUMN. Rows are streamed to a callback, so a payroll file
 * of millions of rows is never held in memory.
 *
 * Files as payroll, bookkeeping and e-tax software export them (issue #9, README "Files from your
 * software"): `.xlsx`/`.xls` workbooks (detected by content; a sheet's rows go through the same
 * header matching and cell parsing, problems at `FILE[SHEET]!D17`), title rows above the header
 * (the header is the first of the first 20 rows with every required column, or --header-row),
 * two-row headers, total rows (合计 …) skipped with a note, tab and `;` delimiters, separate
 * year and month columns, --enterprise-id for a file of one enterprise without the column.
 */
import { createReadStream, statSync } from 'node:fs';
import { columnLetters, escapeControl, FileError, problemText, ProblemList, type Problem, type Text } from '../domain/errors.js';
import { maskPersonId } from '../domain/ids.js';
import { t } from '../i18n/index.js';
import { CsvTokenizer, type RecordSink } from './csv-syntax.js';
import { decodeStream, type EncodingOption, type TextMark } from './encoding.js';
import { acceptedNames, headerIndex, type RowOf, type Schema } from './schema.js';
import { GROUP_LABEL, normalizeHeader, totalLabel, ValueProblem } from './values.js';
import { fileHead, readWorkbook, roundToFen, serialDate, sniffWorkbook, type SheetRow, type WorkbookKind } from './workbook.js';

export type { EncodingOption } from './encoding.js';

/** Progress of a read: bytes done of the file's size in bytes, and the lines read so far. */
export type OnBytes = (done: number, total: number, rows?: number) => void;

export interface ReadOptions {
  encoding: EncodingOption;
  /** Where standard input comes from when the path is "-" (tests pass their own). */
  stdin?: NodeJS.ReadableStream;
  /** --sheet: a workbook's sheet by name or 1-based number (default the first) */
  sheet?: string | number;
  /** --header-row: the line (a workbook's row) of the header; default the first of the first 20 with every required column */
  headerRow?: number;
  /** --delimiter: `,`, tab or `;` (default: detected from the first lines) */
  delimiter?: string;
  /** --enterprise-id: fills a missing (required) enterprise_id column for every row; already checked as a 统一社会信用代码 */
  enterpriseId?: string;
  /** receives notes of the reading (how the file was read, rows skipped): information, exit status unchanged */
  note?: (message: string) => void;
  /** progress of a long read (a file, not standard input or a workbook): called once per file with its name, returns what receives bytes done of the file's size and the lines read */
  progress?: (file: string) => OnBytes | undefined;
}

export interface RowContext {
  file: string;
  line: number;
  /** 1-based column number of a canonical column in this file (0 when absent). */
  column(name: string): number;
  /** A problem at a column of this row: a catalogue text (kept in English and Chinese), or a message as it is. */
  problem(column: string, message: string | Text, value?: string): void;
  /** Where this row is, for a note: `FILE:LINE`, or in a workbook `FILE[SHEET]!A7` */
  at(): string;
}

export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

function openBytes(path: string, opts: ReadOptions): AsyncIterable<Buffer | string> {
  if (path === '-') return (opts.stdin ?? process.stdin) as AsyncIterable<Buffer | string>;
  return createReadStream(path, { highWaterMark: 1024 * 1024 });
}

/** The bytes of `src`, counted into `read.bytes` as they pass. */
async function* counted(src: AsyncIterable<Buffer | string>, read: { bytes: number }): AsyncGenerator<Buffer | string> {
  for await (const chunk of src) {
    read.bytes += chunk.length;
    yield chunk;
  }
}

/** A file that cannot be read at all is a FileError (exit 2, or a line of its own in `validate`); anything else is thrown as it is. */
function ioError(e: unknown, file: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (err === null || typeof err !== 'object' || typeof err.code !== 'string' || err.syscall === undefined) return e;
  if (err.code === 'ENOENT') return new FileError(file, () => t('io.noSuchFile'));
  if (err.code === 'EISDIR') return new FileError(file, () => t('io.isFolder'));
  if (err.code === 'EACCES' || err.code === 'EPERM') return new FileError(file, () => t('io.permissionDenied'));
  const code = err.code;
  return new FileError(file, () => t('io.cannotRead', { code }));
}

/** A value shown in a problem: at most 200 characters. */
function clip(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

/** An amount written with a thousands separator and no quotes, split into cells (`1`, `234.56`): where, and as what. */
function thousandsSplit(cells: readonly string[]): { index: number; text: string } | undefined {
  for (let i = 0; i + 1 < cells.length; i++) {
    if (!/^[+-]?[¥￥]?\s*\d{1,3}$/.test(cells[i]!.trim()) || !/^\d{3}(\.\d*)?\s*元?$/.test(cells[i + 1]!.trim())) continue;
    let text = cells[i]!.trim();
    for (let k = i + 1; k < cells.length && /^\d{3}(\.\d*)?\s*元?$/.test(cells[k]!.trim()); k++) {
      text += `,${cells[k]!.trim()}`;
      if (cells[k]!.includes('.')) break;
    }
    return { index: i, text };
  }
  return undefined;
}

/** How many rows the header is looked for in, from the top (README "Files from your software"). */
export const HEADER_SEARCH_ROWS = 20;
/** At most this many notes of one sort (total rows, rounded cells) a file; then one that counts the rest. */
const MAX_NOTES = 20;
const YEAR_LABELS = new Set(['年份', '年', '年度', '所属年度', 'year']);
const MONTH_LABELS = new Set(['月份', '月', '所属月份', 'month']);
/** Net pay (实发): never the wage base (CONTRACT §2); a payroll file with only this is refused saying so. */
const NET_PAY = /^(实发工资|实发工资总额|实发合计|实发工资合计|实发金额|实发数|实发)$/;

/** A delimiter's name in the catalogue (`io.delimiter.*`, `io.separated.*`). */
const DELIMITER_NAMES: Record<string, 'comma' | 'tab' | 'semicolon'> = { ',': 'comma', '\t': 'tab', ';': 'semicolon' };

/** A row seen before the header is known. */
interface PendingRow {
  cells: string[];
  line: number;
  sheetRow?: SheetRow;
}

/** A header: where, the labels read, the columns found and what is missing. */
interface HeaderPlan {
  /** index into the rows looked at */
  at: number;
  line: number;
  /** a two-row header: the line of its second row */
  below?: number;
  names: string[];
  colOf: Map<string, number>;
  duplicates: { column: number; name: string; first: number; text: string }[];
  /** the period from separate year and month columns (0-based) */
  periodFrom?: { year: number; month: number };
  /** enterprise_id from --enterprise-id */
  fill: boolean;
  missing: string[];
}

const isEmpty = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** A row whose first non-empty cell says it is a total: its 1-based column and label. */
function totalRow(cells: readonly string[]): { column: number; label: string } | undefined {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.trim() === '') continue;
    const label = totalLabel(c);
    return label === undefined ? undefined : { column: i + 1, label };
  }
  return undefined;
}

/** The first `max` non-empty lines of a text, without splitting the rest of it. */
function firstLines(text: string, max: number): string[] {
  const out: string[] = [];
  const eol = /\r\n|\n|\r/g;
  let a = 0;
  while (out.length < max && a <= text.length) {
    const m = eol.exec(text);
    const e = m ? m.index : text.length;
    const line = text.slice(a, e);
    if (line.trim() !== '') out.push(line);
    if (!m) break;
    a = eol.lastIndex;
  }
  return out;
}

/** The delimiter of a text file from its first 20 non-empty lines: tab or `;` when a line holds more of them than commas, else comma. */
export function detectDelimiter(text: string): string {
  let tab = 0;
  let semi = 0;
  let comma = 0;
  for (const line of firstLines(text, HEADER_SEARCH_ROWS)) {
    const count = (ch: string) => line.split(ch).length - 1;
    tab = Math.max(tab, count('\t'));
    semi = Math.max(semi, count(';'));
    comma = Math.max(comma, count(','));
  }
  if (tab > 0 && tab >= comma && tab >= semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

/** The sheets of a workbook as a list: `1 说明, 2 工资表`. */
const sheetList = (sheets: readonly string[]) => sheets.map((s, i) => `${i + 1} ${s}`).join(', ');

export async function readRows<S extends Schema>(
  path: string,
  schema: S,
  opts: ReadOptions,
  problems: ProblemList,
  onRow: (row: RowOf<S>, ctx: RowContext) => void,
): Promise<void> {
  const file = displayName(path);
  const index = headerIndex(schema);
  const names = Object.keys(schema.columns);
  const requiredNames = names.filter((n) => schema.columns[n]!.required);
  let colOf: Map<string, number> | undefined; // canonical name → 0-based index
  let plan: HeaderPlan | undefined;
  /** the header asks for more than the columns' parsers (year and month columns, --enterprise-id) */
  let withExtras = false;
  let headerCells = 0;
  let headerFailed = false;
  let parsers: { name: string; idx: number; required: boolean; parse: (raw: string) => unknown; sensitive: boolean }[] = [];
  // Where the rows come from: a workbook's sheet, or text split at the delimiter.
  let workbook: WorkbookKind | undefined;
  let sheet: string | undefined;
  let sheets: string[] = [];
  let delimiter = ',';
  const pending: PendingRow[] = [];
  let skippedAbove = 0;
  const counts = { total: 0, rounded: 0 };

  const add = (line: number, column: number, message: string | Text, value?: string) => {
    if (problems.full) problems.truncated = true;
    else problems.add({ file, line, column, ...problemText(message), ...(value !== undefined ? { value: clip(value) } : {}), ...(sheet !== undefined ? { sheet } : {}) });
  };
  /** A location for a note: `FILE:LINE` in a text file, `FILE[SHEET]!B7` in a workbook. */
  const where = (line: number, column: number) => (sheet !== undefined ? `${file}[${sheet}]!${columnLetters(column)}${line}` : `${file}:${line}`);
  const note = (message: string) => opts.note?.(message);
  const noteCounted = (sort: keyof typeof counts, message: string) => {
    if (++counts[sort] <= MAX_NOTES) note(message);
  };
  const ctx: RowContext = {
    file,
    line: 0,
    column: (name) => {
      if (colOf?.has(name)) return colOf.get(name)! + 1;
      if (name === 'period' && plan?.periodFrom) return plan.periodFrom.month + 1;
      return 0;
    },
    problem: (column, message, value) => add(ctx.line, ctx.column(column) || 1, message, value),
    at: () => where(ctx.line, 1),
  };
  /** After a problem: go on unless the list is full (a header with a problem ends the reading). */
  const goOn = (): boolean => {
    if (!colOf) {
      headerFailed = true;
      return false;
    }
    if (problems.full) {
      problems.truncated = true;
      return false;
    }
    return true;
  };

  // ── The header ─────────────────────────────────────────────────────────────

  /** The columns a header row (or two rows merged) gives. */
  const mapHeader = (cells: string[], at: number, line: number, below?: number): HeaderPlan => {
    const map = new Map<string, number>();
    const duplicates: HeaderPlan['duplicates'] = [];
    const labels = cells.map((h) => normalizeHeader(h));
    labels.forEach((label, i) => {
      const name = index.get(label);
      if (name === undefined) return;
      if (map.has(name)) duplicates.push({ column: i + 1, name, first: map.get(name)! + 1, text: cells[i]! });
      else map.set(name, i);
    });
    let periodFrom: HeaderPlan['periodFrom'];
    if (schema.columns.period && !map.has('period')) {
      const year = labels.findIndex((l) => YEAR_LABELS.has(l));
      const month = labels.findIndex((l) => MONTH_LABELS.has(l));
      if (year >= 0 && month >= 0) periodFrom = { year, month };
    }
    const fill = !map.has('enterprise_id') && schema.columns.enterprise_id?.required === true && opts.enterpriseId !== undefined;
    const missing = requiredNames.filter((n) => !map.has(n) && !(n === 'period' && periodFrom) && !(n === 'enterprise_id' && fill));
    return { at, line, ...(below !== undefined ? { below } : {}), names: cells, colOf: map, duplicates, ...(periodFrom ? { periodFrom } : {}), fill, missing };
  };

  /** Row i as the header, with the row below when it names the columns row i leaves empty or groups; 'wait' for that row. */
  const planAt = (rows: readonly PendingRow[], i: number, final: boolean): HeaderPlan | 'wait' => {
    const top = rows[i]!.cells;
    const open = (k: number) => {
      const t = normalizeHeader(top[k] ?? '');
      return t === '' || GROUP_LABEL.test(t);
    };
    if (top.some((_, k) => open(k))) {
      const next = rows[i + 1];
      if (!next) {
        if (!final) return 'wait';
      } else {
        // The row below is a second header row when it names only columns the top leaves open.
        let supplies = false;
        let data = false;
        next.cells.forEach((c, k) => {
          if (c.trim() === '') return;
          if (open(k)) supplies = true;
          else data = true;
        });
        if (supplies && !data) {
          const width = Math.max(top.length, next.cells.length);
          const merged = Array.from({ length: width }, (_, k) => (open(k) && (next.cells[k] ?? '').trim() !== '' ? next.cells[k]! : (top[k] ?? '')));
          return mapHeader(merged, i, rows[i]!.line, next.line);
        }
      }
    }
    return mapHeader(top, i, rows[i]!.line);
  };

  /**
   * The header among the rows seen: the first of the first 20 with every required column (or the
   * row of --header-row); 'wait' for more rows; `complete: false` with the closest row when none has them.
   */
  const findHeader = (rows: readonly PendingRow[], final: boolean, fixed: boolean): { plan?: HeaderPlan; complete: boolean } | 'wait' => {
    if (fixed) {
      if (!rows.length) return final ? { complete: false } : 'wait';
      const p = planAt(rows, 0, final);
      return p === 'wait' ? p : { plan: p, complete: p.missing.length === 0 };
    }
    let best: HeaderPlan | undefined;
    for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
      const p = planAt(rows, i, final);
      if (p === 'wait') return p;
      if (p.missing.length === 0) return { plan: p, complete: true };
      if (!best || p.missing.length < best.missing.length) best = p;
    }
    if (!final && rows.length <= HEADER_SEARCH_ROWS) return 'wait';
    return { ...(best ? { plan: best } : {}), complete: false };
  };

  /** The other sheets of the workbook that have a header with every required column. */
  const sheetsWithHeader = async (): Promise<string[]> => {
    const found: string[] = [];
    for (const other of sheets) {
      if (other === sheet) continue;
      const rows: PendingRow[] = [];
      await readWorkbook(path, workbook!, other, (r) => {
        if (!isEmpty(r.cells)) rows.push({ cells: r.cells, line: r.row });
        return rows.length <= HEADER_SEARCH_ROWS;
      });
      const h = findHeader(rows, true, false);
      if (h !== 'wait' && h.complete) found.push(other);
    }
    return found;
  };

  /** No usable header: what is missing, where, and what might be wrong. */
  const headerProblems = (h: { plan?: HeaderPlan }) => {
    const p = h.plan;
    if (!p && opts.headerRow !== undefined && skippedAbove > 0) {
      const row = opts.headerRow;
      add(sheet !== undefined ? 0 : 1, sheet !== undefined ? 0 : 1, () => t('io.headerRowPastEnd', { row, sheet: sheet !== undefined }));
      return;
    }
    if (!p) {
      add(sheet !== undefined ? 0 : 1, sheet !== undefined ? 0 : 1, sheet !== undefined ? () => t('io.emptySheet') : () => t('io.emptyFile'));
      return;
    }
    for (const d of p.duplicates) add(p.line, d.column, () => t('io.duplicateColumn', d), d.text);
    // A sheet with nothing of the header at all, in a workbook of several: the one message that lists the sheets says it.
    if (workbook !== undefined && sheets.length > 1 && p.missing.length === requiredNames.length) return;
    for (const name of p.missing) {
      const spec = schema.columns[name]!;
      const net = schema.kind === 'payroll' && name === 'wages' ? p.names.findIndex((c) => NET_PAY.test(normalizeHeader(c))) : -1;
      if (net >= 0) {
        add(
          p.line,
          net + 1,
          () => t('io.netPayOnly', { label: p.names[net]!.trim(), column: net + 1 }),
          p.names[net]!,
        );
        continue;
      }
      add(p.line, 1, () => t('io.missingColumn', { name, accepted: acceptedNames(name, spec) }));
    }
    if (workbook === undefined && delimiter !== '\t' && p.names.some((c) => c.includes('\t'))) {
      const name = DELIMITER_NAMES[delimiter]!;
      add(p.line, 1, () => t('io.tabsInLine', { separated: t(`io.separated.${name}`) }));
    }
  };

  /** Takes the header found: its columns, a note of how the file was read, then the rows after it. */
  const useHeader = (p: HeaderPlan, rows: readonly PendingRow[]): boolean => {
    colOf = p.colOf;
    plan = p;
    withExtras = p.periodFrom !== undefined || p.fill || opts.enterpriseId !== undefined;
    headerCells = p.names.length;
    parsers = names
      .filter((n) => colOf!.has(n))
      .map((n) => ({
        name: n,
        idx: colOf!.get(n)!,
        required: schema.columns[n]!.required,
        parse: schema.columns[n]!.parse,
        sensitive: schema.columns[n]!.sensitive === true,
      }));
    const skipped = skippedAbove + p.at;
    const inSheet = workbook !== undefined;
    const plain = workbook === undefined && delimiter === ',' && p.below === undefined && skipped === 0 && p.line === 1 && !p.periodFrom && opts.enterpriseId === undefined && opts.headerRow === undefined;
    if (!plain) {
      const parts: string[] = [];
      if (workbook !== undefined) parts.push(t('io.note.sheet', { sheet: sheet!, ...(sheets.length > 1 ? { sheets: sheetList(sheets) } : {}) }));
      else parts.push(t(`io.separated.${DELIMITER_NAMES[delimiter]!}`));
      const shown = clip(p.names.map((c) => c.trim()).filter((c) => c !== '').join(', '));
      parts.push(p.below !== undefined ? t('io.note.twoRowHeader', { sheet: inSheet, line: p.line, below: p.below, shown }) : t('io.note.header', { sheet: inSheet, line: p.line, shown }));
      if (skipped > 0) parts.push(t('io.note.skippedAbove', { sheet: inSheet, n: skipped }));
      if (p.periodFrom) parts.push(t('io.note.periodFrom', { year: p.names[p.periodFrom.year]!.trim(), month: p.names[p.periodFrom.month]!.trim() }));
      if (p.fill) parts.push(t('io.note.enterpriseFill', { id: opts.enterpriseId! }));
      else if (opts.enterpriseId !== undefined && p.colOf.has('enterprise_id')) parts.push(t('io.note.enterpriseNotUsed'));
      note(`${file}: ${parts.join(t('io.note.separator'))}`);
    }
    for (const d of p.duplicates) add(p.line, d.column, () => t('io.duplicateColumn', d), d.text);
    if (p.duplicates.length) {
      headerFailed = true;
      return false;
    }
    for (const r of rows.slice(p.at + (p.below !== undefined ? 2 : 1))) {
      if (!dataRow(r.cells, r.line, r.sheetRow)) return false;
    }
    return true;
  };

  /** Decides the header from the rows seen, when it can; false stops the reading. */
  const decide = (final: boolean): boolean => {
    const h = findHeader(pending, final, opts.headerRow !== undefined);
    if (h === 'wait') return true;
    const rows = pending.splice(0);
    if (h.complete && h.plan) return useHeader(h.plan, rows);
    headerProblems(h);
    headerFailed = true;
    return false;
  };

  /** A row before the header is known: held (at most the first 20 and the one below) until it is. */
  const headerPhase = (row: PendingRow): boolean => {
    if (isEmpty(row.cells)) return true;
    if (opts.headerRow !== undefined && row.line < opts.headerRow) {
      skippedAbove++;
      return true;
    }
    pending.push(row);
    return decide(false);
  };

  // ── The rows ───────────────────────────────────────────────────────────────

  /** A record with more cells than the header (unless the extra ones are empty), or too few for a required column. */
  /** A thousands split starting in a column whose parser takes amounts (refuses text, takes the joined figure). */
  const splitAmount = (cells: readonly string[]): boolean => {
    const split = thousandsSplit(cells);
    if (!split) return false;
    const p = parsers.find((x) => x.idx === split.index);
    if (!p) return false;
    const takes = (raw: string) => {
      try {
        p.parse(raw);
        return true;
      } catch (e) {
        if (e instanceof ValueProblem) return false;
        throw e;
      }
    };
    return !takes('not a figure') && takes(split.text);
  };

  const shapeProblem = (cells: string[], line: number): boolean => {
    const n = cells.length;
    const m = headerCells;
    if (n > m) {
      // Empty cells past the header are an export's trailing delimiters, unless an amount column
      // holds the first part of an unquoted thousands separator (`…,1,234.50,` read as 1.00).
      if (cells.slice(m).every((c) => c.trim() === '') && !(delimiter === ',' && splitAmount(cells))) return false;
      const split = delimiter === ',' ? thousandsSplit(cells) : undefined;
      const name = DELIMITER_NAMES[delimiter]!;
      add(
        line,
        split ? split.index + 1 : m + 1,
        () =>
          t('io.tooManyCells', {
            n,
            m,
            hint: delimiter === ',' ? t('io.quoteThousands', split ? { example: split.text } : {}) : t('io.quoteDelimiter', { delimiter: t(`io.delimiter.${name}`) }),
          }),
        split ? split.text : cells.slice(m).join(delimiter),
      );
      return true;
    }
    const missing = parsers.find((p) => p.required && p.idx >= n);
    if (!missing) return false;
    add(line, missing.idx + 1, () => t('io.tooFewCells', { n, m, name: missing.name, column: missing.idx + 1 }));
    return true;
  };

  /** A number cell of a workbook that its column's parser refused as it is: an amount rounded to the fen, a date serial. */
  const numericCell = (parse: (raw: string) => unknown, raw: string): { value: unknown; note?: string } | undefined => {
    const r = roundToFen(raw);
    if (r.note) {
      try {
        return { value: parse(r.text), note: r.note };
      } catch (e) {
        if (!(e instanceof ValueProblem)) throw e;
      }
    }
    if (/^\d{1,7}(\.\d+)?$/.test(raw) && Number(raw) >= 1 && Number(raw) < 2958466) {
      try {
        return { value: parse(serialDate(Math.floor(Number(raw)))) };
      } catch (e) {
        if (!(e instanceof ValueProblem)) throw e;
      }
    }
    return undefined;
  };

  /** A cell its column's parser refused: a workbook's number cell read another way (rounded, a day number), else a problem. */
  const badCell = (e: unknown, p: (typeof parsers)[number], raw: string, row: Record<string, unknown>, line: number, sr: SheetRow | undefined): boolean => {
    if (!(e instanceof ValueProblem)) throw e;
    const fixed = sr?.numeric.includes(p.idx + 1) ? numericCell(p.parse, raw) : undefined;
    if (fixed) {
      row[p.name] = fixed.value;
      if (fixed.note) noteCounted('rounded', `${where(line, p.idx + 1)}: ${p.name}: ${fixed.note}`);
      return true;
    }
    add(line, p.idx + 1, () => `${p.name}: ${e.text()}`, p.sensitive ? maskPersonId(raw) : raw);
    return false;
  };

  /** The period from year and month columns, the enterprise of --enterprise-id: false when the row has a problem. */
  const extras = (cells: string[], line: number, row: Record<string, unknown>, ok: boolean): boolean => {
    const from = plan!.periodFrom;
    if (from) {
      const y = (cells[from.year] ?? '').trim().replace(/年$/, '');
      const m = (cells[from.month] ?? '').trim().replace(/月$/, '');
      if (y === '' || m === '') {
        const columns = { year: plan!.names[from.year]!.trim(), month: plan!.names[from.month]!.trim() };
        add(line, (y === '' ? from.year : from.month) + 1, () => t('io.missingPeriodFrom', columns), '');
        ok = false;
      } else {
        const text = /^\d{4}$/.test(y) && /^\d{1,2}$/.test(m) ? `${y}-${m.padStart(2, '0')}` : `${y}-${m}`;
        try {
          row.period = schema.columns.period!.parse(text);
        } catch (e) {
          if (!(e instanceof ValueProblem)) throw e;
          add(line, from.month + 1, () => t('io.periodFromColumns', { problem: e.text(), year: y, month: m }), m);
          ok = false;
        }
      }
    }
    if (plan!.fill) row.enterprise_id = opts.enterpriseId;
    else if (opts.enterpriseId !== undefined && ok && row.enterprise_id !== undefined && row.enterprise_id !== opts.enterpriseId) {
      add(
        line,
        colOf!.get('enterprise_id')! + 1,
        () => t('io.enterpriseIdMismatch', { id: opts.enterpriseId! }),
        String(row.enterprise_id),
      );
      ok = false;
    }
    return ok;
  };

  /** A workbook cell with no usable value (a formula without a saved value, an error) in a column read: a problem at it. */
  const sheetCellProblem = (sr: SheetRow, p: (typeof parsers)[number], line: number): boolean => {
    const q = sr.problems.find((x) => x.column === p.idx + 1);
    if (!q) return false;
    const text = q.text ?? (() => q.message);
    add(line, p.idx + 1, () => `${p.name}: ${text()}`, q.value);
    return true;
  };

  const skipTotal = (line: number, total: { column: number; label: string }): boolean => {
    if (counts.total < MAX_NOTES) note(t('io.note.totalRow', { where: where(line, total.column), label: total.label }));
    counts.total++;
    return true;
  };

  const dataRow = (cells: string[], line: number, sr?: SheetRow): boolean => {
    if (isEmpty(cells)) return true;
    const total = totalRow(cells);
    if (total) return skipTotal(line, total);
    if (sr === undefined && cells.length !== headerCells && shapeProblem(cells, line)) return goOn();
    ctx.line = line;
    const row: Record<string, unknown> = {};
    let ok = true;
    for (const p of parsers) {
      if (sr !== undefined && sr.problems.length > 0 && sheetCellProblem(sr, p, line)) {
        ok = false;
        continue;
      }
      const raw = (cells[p.idx] ?? '').trim();
      if (raw === '') {
        if (p.required) {
          const name = p.name;
          add(line, p.idx + 1, () => t('io.missingValue', { name }), '');
          ok = false;
        }
        continue;
      }
      try {
        row[p.name] = p.parse(raw);
      } catch (e) {
        if (!badCell(e, p, raw, row, line, sr)) ok = false;
      }
    }
    if (withExtras) ok = extras(cells, line, row, ok);
    if (ok) onRow(row as RowOf<S>, ctx);
    if (problems.full) {
      problems.truncated = true;
      return false;
    }
    return true;
  };

  /** Before the header is known, a record that cannot be read decides it with the rows before (or fails it, on the first row). */
  const beforeRecordProblem = (): boolean => {
    if (colOf || !pending.length) return true;
    return decide(true) && colOf !== undefined;
  };

  const handle: RecordSink = (cells, line, issue, maybeNul) => {
    if (issue) {
      if (!beforeRecordProblem()) return false;
      add(line, issue.column, issue.message, issue.value);
      return goOn();
    }
    if (maybeNul) {
      const i = cells.findIndex((c) => c.includes('\0'));
      if (i >= 0) {
        if (!beforeRecordProblem()) return false;
        // Refused at the cell: no NUL ever reaches a report (and the value shows it escaped).
        add(line, i + 1, () => t('io.nulInCell'), escapeControl(cells[i]!));
        return goOn();
      }
    }
    if (!colOf) return headerPhase({ cells, line });
    return dataRow(cells, line);
  };

  const finish = async () => {
    if (!colOf && !headerFailed) {
      decide(true);
      if (!colOf && workbook !== undefined && sheets.length > 1) {
        const others = await sheetsWithHeader();
        const about = { kind: schema.kind, required: requiredNames, rows: HEADER_SEARCH_ROWS, sheet: sheet!, sheets: sheetList(sheets), others };
        add(0, 0, () => t('io.noHeaderInSheet', about));
      }
    }
    if (counts.total > MAX_NOTES) note(t('io.note.moreTotalRows', { file, n: counts.total - MAX_NOTES }));
    if (counts.rounded > MAX_NOTES) note(t('io.note.moreRounded', { file, n: counts.rounded - MAX_NOTES }));
  };

  if (path !== '-') {
    try {
      workbook = sniffWorkbook(fileHead(path, 8));
    } catch (e) {
      throw ioError(e, file);
    }
  }

  if (workbook !== undefined) {
    let own: unknown;
    let found = false;
    try {
      await readWorkbook(
        path,
        workbook,
        opts.sheet,
        (sr) => {
          try {
            return colOf ? dataRow(sr.cells, sr.row, sr) : headerPhase({ cells: sr.cells, line: sr.row, sheetRow: sr });
          } catch (e) {
            own = e;
            return false;
          }
        },
        (name, all) => {
          sheets = all;
          if (name !== undefined) {
            sheet = name;
            found = true;
          }
        },
      );
    } catch (e) {
      const io = ioError(e, file);
      if (io !== e || e instanceof FileError) throw io;
      const about = { ext: workbook === 'xlsx' ? '.xlsx' : '.xls', error: escapeControl(String((e as Error)?.message ?? e)) };
      add(1, 1, () => t('io.workbookUnreadable', about));
      return;
    }
    if (own !== undefined) throw own;
    if (!found) {
      if (!sheets.length) {
        add(1, 1, () => t('io.zipNoSheet'));
        return;
      }
      const list = sheetList(sheets);
      const p: Problem = { file, line: 0, column: 0, sheet: String(opts.sheet), ...problemText(() => t('io.noSuchSheet', { sheets: list })) };
      problems.add(p);
      return;
    }
    await finish();
    return;
  }

  // The text is held until its first 20 lines are in (or it ends), so that the delimiter is
  // detected from the same lines however the bytes arrive.
  let tokenizer: CsvTokenizer | undefined;
  let held: { text: string; marks: readonly TextMark[] }[] | undefined = [];
  let heldLines = 0;
  const start = (): CsvTokenizer => {
    const batches = held ?? [];
    held = undefined;
    delimiter = opts.delimiter ?? detectDelimiter(batches.map((b) => b.text).join(''));
    const t = new CsvTokenizer(handle, delimiter);
    tokenizer = t;
    for (const b of batches) {
      t.push(b.text, b.marks);
      if (t.stopped) break;
    }
    return t;
  };
  let fatal = false;
  const onBytes = path === '-' ? undefined : opts.progress?.(file);
  let size = 0;
  try {
    if (onBytes) size = statSync(path).size;
  } catch (e) {
    throw ioError(e, file);
  }
  const read = { bytes: 0 };
  try {
    for await (const batch of decodeStream(onBytes ? counted(openBytes(path, opts), read) : openBytes(path, opts), opts.encoding)) {
      onBytes?.(read.bytes, size, ctx.line);
      if ('fatal' in batch) {
        const t = tokenizer ?? start();
        if (!t.stopped) add(t.line, 1, batch.fatal);
        fatal = true;
        break;
      }
      if (held) {
        held.push(batch);
        heldLines += firstLines(batch.text, HEADER_SEARCH_ROWS).length;
        if (opts.delimiter !== undefined || heldLines >= HEADER_SEARCH_ROWS) start();
      } else tokenizer!.push(batch.text, batch.marks);
      if (tokenizer?.stopped) break;
    }
    const t = tokenizer ?? start();
    if (!fatal && !t.stopped) t.end();
  } catch (e) {
    throw ioError(e, file);
  } finally {
    onBytes?.(size, size, ctx.line);
  }
  if (!fatal) await finish();
}

