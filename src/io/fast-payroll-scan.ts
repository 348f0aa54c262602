/**
 * The byte scanner of the payroll fast path (fast-payroll.ts), over one range of a file: whole
 * lines from a line start to a line start (or the end of the file). It runs in the main thread
 * and in worker threads (fast-payroll-worker.ts), so it imports nothing heavy: domain checks only.
 * At a line it does not take it throws NotFast; the caller then reads the file on the general path.
 */
import { isUtf8 } from 'node:buffer';
import type { FileHandle } from 'node:fs/promises';
import { usccProblem } from '../domain/ids.js';
import { yearOutOfRange } from '../domain/periods.js';
import type { WageTotal } from '../domain/records.js';
import { YearSums, type YearSumsData } from '../domain/year-sums.js';
import { totalLabel } from './values.js';

const LF = 10;
const CR = 13;
const COMMA = 44;
const QUOTE = 34;
const DASH = 45;
const DOT = 46;
const ZERO = 48;
const SPACE = 32;

/** Where the scanner gave up: the file goes to the general path. */
export class NotFast extends Error {}
export const notFast = (): never => {
  throw new NotFast();
};

/** The columns of a plain payroll header (0-based) and its number of cells. */
export interface PlainHeader {
  cells: number;
  id: number;
  period: number;
  wages: number;
}

/** Buffer's own latin1 slice (no encoding dispatch): the bytes of an ASCII cell as a string. */
export type Latin1 = Buffer & { latin1Slice(start: number, end: number): string };

/** What one range gives: the sums, and the number of lines it held (lines are numbered from `firstLine` + 1). */
export interface RangeResult {
  out: YearSums<WageTotal>;
  lines: number;
}

/** A range's result as a worker thread posts it (the sums' columns). */
export interface RangeData {
  out: YearSumsData;
  lines: number;
}

/** Payroll sums per enterprise and year, in columns: wages in fen, rows, and the first line of whole-year and of monthly rows. */
export const newWageSums = (): YearSums<WageTotal> => new YearSums<WageTotal>(['wages', 'rows', 'yearLine', 'monthLine'], new Set(['rows', 'yearLine', 'monthLine']), new Set(['yearLine', 'monthLine']));

export interface RangeOptions {
  /** bytes read at a time; a line longer than this gives up */
  chunk: number;
  /** the number of the line before the range (1 after the header; a later range counts from 0 and is renumbered) */
  firstLine: number;
  /** the first lines, as text, until `sample` says it has seen enough (false: give up) — the delimiter check */
  sample?: (line: string) => 'more' | 'done' | 'not';
  /** bytes beyond ASCII may stand in cells not read, as valid UTF-8 (the file is UTF-8: see fast-payroll.ts) */
  utf8: boolean;
  /** bytes of the range done so far */
  onBytes?: (done: number, lines: number) => void;
}

/**
 * Scans the lines of fh in [start, end): wages summed to fen per enterprise_id and year, with
 * the first line of each year's rows. Throws NotFast at the first line the general path would
 * read otherwise or with a problem (see fast-payroll.ts).
 */
export async function scanRange(fh: FileHandle, start: number, end: number, header: PlainHeader, o: RangeOptions): Promise<RangeResult> {
  const chunk = o.chunk;
  const buf = Buffer.allocUnsafe(chunk) as Latin1;
  let avail = 0; // bytes in buf
  let pos = start; // file position of the next read
  let eof = start >= end;
  const fill = async () => {
    const want = Math.min(chunk - avail, end - pos);
    const { bytesRead } = want > 0 ? await fh.read(buf, avail, want, pos) : { bytesRead: 0 };
    pos += bytesRead;
    avail += bytesRead;
    if (bytesRead === 0 || pos >= end) eof = true;
  };
  if (!eof) await fill();
  const { cells: headerCells, id: idCol, period: periodCol, wages: wagesCol } = header;
  const lastCol = headerCells - 1;
  const out = newWageSums();
  const starts = new Int32Array(headerCells + 1);
  const years = new Map<number, boolean>(); // year → in range
  let sample = o.sample;
  let line = o.firstLine;
  const lastId = Buffer.alloc(18);
  let lastEnterprise = -1;
  // The columns, fetched again when they grow.
  let generation = -1;
  let wages = out.column('wages');
  let rows = out.column('rows');
  let yearLines = out.column('yearLine');
  let monthLines = out.column('monthLine');
  /** the current line has bytes beyond ASCII */
  let lineHigh = false;

  /** A line of commas and spaces only is skipped on the general path; any other line here is a problem there (a shape, a missing id). */
  const skipBlank = (a: number, e: number) => {
    for (let i = a; i < e; i++) if (buf[i] !== COMMA && buf[i] !== SPACE) notFast();
  };

  /** One data line [a, e) (no line end), its cell starts in `starts` (n cells). */
  const row = (a: number, e: number, n: number) => {
    if (n !== headerCells) return skipBlank(a, e);
    const cellEnd = (c: number) => (c === lastCol ? e : starts[c + 1]! - 1);
    if (lineHigh) {
      // A total row (合计 …) is skipped with a note on the general path: its first non-empty cell is looked at.
      for (let c = 0; c < n; c++) {
        const text = buf.toString('utf8', starts[c]!, cellEnd(c));
        if (text.trim() === '') continue;
        if (totalLabel(text) !== undefined) notFast();
        break;
      }
    }
    if (cellEnd(idCol) === starts[idCol]) return skipBlank(a, e);
    // enterprise_id: 18 characters of the GB 32100 alphabet with a valid check character (checked once per id).
    const ia = starts[idCol]!;
    if (cellEnd(idCol) - ia !== 18) notFast();
    // Rows come in runs of one enterprise: the previous row's id is compared byte by byte, with no string made.
    let same = lastEnterprise >= 0;
    for (let k = 0; same && k < 18; k++) same = buf[ia + k] === lastId[k];
    if (!same) {
      const id = buf.latin1Slice(ia, ia + 18);
      if (!out.has(id) && usccProblem(id) !== undefined) notFast();
      buf.copy(lastId, 0, ia, ia + 18);
      lastEnterprise = out.enterprise(id);
    }
    // period: YYYY-MM or YYYY.
    const pa = starts[periodCol]!;
    const pl = cellEnd(periodCol) - pa;
    let year = 0;
    for (let i = pa; i < pa + 4; i++) {
      const d = buf[i]! - ZERO;
      if (d < 0 || d > 9) notFast();
      year = year * 10 + d;
    }
    let monthly: boolean;
    if (pl === 7) {
      const m1 = buf[pa + 5]! - ZERO;
      const m2 = buf[pa + 6]! - ZERO;
      if (buf[pa + 4] !== DASH || m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) notFast();
      const month = m1 * 10 + m2;
      if (month < 1 || month > 12) notFast();
      monthly = true;
    } else if (pl === 4) monthly = false;
    else return notFast();
    let inRange = years.get(year);
    if (inRange === undefined) years.set(year, (inRange = yearOutOfRange(year) === undefined));
    if (!inRange) notFast();
    // wages: digits, then . and one or two digits; at most 13 digits of yuan (parseAmount's limit is 14, with leading zeros stripped).
    const wa = starts[wagesCol]!;
    const we = cellEnd(wagesCol);
    let yuan = 0;
    let i = wa;
    for (; i < we; i++) {
      const d = buf[i]! - ZERO;
      if (d < 0 || d > 9) break;
      yuan = yuan * 10 + d;
    }
    if (i === wa || i - wa > 13) notFast();
    let fen = yuan * 100;
    if (i < we) {
      if (buf[i] !== DOT || we - i < 2 || we - i > 3) notFast();
      const f1 = buf[i + 1]! - ZERO;
      if (f1 < 0 || f1 > 9) notFast();
      fen += f1 * 10;
      if (we - i === 3) {
        const f2 = buf[i + 2]! - ZERO;
        if (f2 < 0 || f2 > 9) notFast();
        fen += f2;
      }
    }
    const s = out.slotAt(lastEnterprise, year);
    if (out.generation !== generation) {
      generation = out.generation;
      wages = out.column('wages');
      rows = out.column('rows');
      yearLines = out.column('yearLine');
      monthLines = out.column('monthLine');
    }
    const mine = monthly ? monthLines : yearLines;
    // Both kinds in one year: the general path reports it.
    if ((monthly ? yearLines : monthLines)[s]! >= 0) notFast();
    if (mine[s]! < 0) mine[s] = line;
    const sum = wages[s]! + fen;
    if (!Number.isSafeInteger(sum)) notFast();
    wages[s] = sum;
    rows[s]!++;
  };

  let a = 0; // start of the current line
  for (;;) {
    // Scan the whole lines in buf[a, stop).
    const stop = eof ? avail : buf.lastIndexOf(LF, avail - 1) + 1;
    const from = a;
    let high = false;
    let n = 1;
    starts[0] = a;
    for (let i = a; i < stop; i++) {
      const b = buf[i]!;
      if (b > COMMA && b < 127) continue; // most bytes: digits, letters, - and . (one test)
      if (b === COMMA) {
        // More cells than the header: the general path decides (extra empty cells, a thousands separator).
        if (n === headerCells) notFast();
        starts[n++] = i + 1;
      } else if (b === LF || (b === CR && i + 1 < stop && buf[i + 1] === LF)) {
        line++;
        row(a, i, n);
        if (sample !== undefined) {
          const said = sample(buf.latin1Slice(a, i));
          if (said === 'not') notFast();
          if (said === 'done') sample = undefined;
        }
        if (b === CR) i++;
        a = i + 1;
        n = 1;
        starts[0] = a;
        lineHigh = false;
      } else if (b < SPACE || b === QUOTE || b === 127) notFast();
      else if (b > 127) {
        // UTF-8 text in a cell: not a two-byte sequence (U+0080–U+07FF), which the general path checks line by line for GB18030 read as Latin.
        if (!o.utf8 || (b >= 0xc2 && b <= 0xdf)) notFast();
        high = lineHigh = true;
      }
    }
    if (high && !isUtf8(buf.subarray(from, stop))) notFast();
    if (eof) {
      if (a < avail) {
        // The last line of the file, with no line end.
        line++;
        row(a, avail, n);
        if (sample?.(buf.latin1Slice(a, avail)) === 'not') notFast();
      }
      break;
    }
    // Keep the partial line, read on.
    if (a === 0 && avail === chunk) notFast(); // a line longer than a chunk
    buf.copy(buf, 0, a, avail);
    avail -= a;
    a = 0;
    o.onBytes?.(pos - start - avail, line - o.firstLine);
    await fill();
  }
  o.onBytes?.(end - start, line - o.firstLine);
  return { out, lines: line - o.firstLine };
}
