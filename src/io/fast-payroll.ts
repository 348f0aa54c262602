/**
 * The fast path for payroll.csv (issue #13): a byte-level scanner over the raw file for the
 * common case, summing wages to integer fen per enterprise and year without a string per cell.
 *
 * It reads a file only when every line is one the general reader (csv-in.ts) would read the
 * same way without a problem or a note: the header on line 1 with every required column and
 * nothing to guess (no empty or group cell, no duplicate), commas, data lines of printable ASCII
 * without quotes, exactly the header's number of cells, `enterprise_id` a valid 统一社会信用代码 in
 * capitals, `period` `YYYY-MM` or `YYYY` in 1900–2100, `wages` `123` or `123.45`, no enterprise
 * year with both monthly and whole-year rows, no sum beyond 2^53 fen. At the first line it does
 * not take, it stops and returns undefined: the caller reads the whole file again on the general
 * path, which yields the same records and reports every problem at its FILE:LINE:COLUMN. So the
 * result is the general path's result or none: test/fast-path.test.ts checks that on generated
 * and adversarial files.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { usccProblem } from '../domain/ids.js';
import { yearOutOfRange } from '../domain/periods.js';
import type { ByEnterpriseYear, WageTotal } from '../domain/records.js';
import { detectDelimiter, HEADER_SEARCH_ROWS, type ReadOptions } from './csv-in.js';
import { decodeStream, signatureProblem } from './encoding.js';
import { payrollSchema } from './kinds.js';
import { headerIndex } from './schema.js';
import { normalizeHeader } from './values.js';
import { sniffWorkbook } from './workbook.js';

/** Bytes read at a time; a line longer than this sends the file to the general path. */
const CHUNK = 8 * 1024 * 1024;
const LF = 10;
const CR = 13;
const COMMA = 44;
const QUOTE = 34;
const DASH = 45;
const DOT = 46;
const ZERO = 48;
const SPACE = 32;
/** A header cell that groups the columns below it (csv-in.ts GROUP_LABEL): a two-row header the general path must judge. */
const GROUP_LABEL = /项目$|^(应发|扣款|代扣|扣除|收入|补贴|津贴)$/;

/** Where the scanner gave up: thrown inside, caught by scanPayroll, which returns undefined. */
class NotFast extends Error {}
const notFast = (): never => {
  throw new NotFast();
};

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

/** Buffer's own latin1 slice (no encoding dispatch): the bytes of an ASCII cell as a string. */
type Latin1 = Buffer & { latin1Slice(start: number, end: number): string };

/** Progress of a read: bytes done of the file's size in bytes, and the lines read so far. */
export type OnBytes = (done: number, total: number, rows?: number) => void;

/** The header as the general reader reads it, when it is a plain one: the column indexes, or undefined. */
async function plainHeader(bytes: Buffer, o: ReadOptions): Promise<{ cells: number; id: number; period: number; wages: number } | undefined> {
  let text = '';
  for await (const b of decodeStream(once(bytes), o.encoding)) {
    if ('fatal' in b || b.marks.length) return undefined;
    text += b.text;
  }
  text = text.replace(/\r?\n$/, '');
  if (/["\r\n\t\0]/.test(text)) return undefined;
  const index = headerIndex(payrollSchema);
  const cells = text.split(',');
  const seen = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    const label = normalizeHeader(cells[i]!);
    if (label === '' || GROUP_LABEL.test(label)) return undefined;
    const name = index.get(label);
    if (name === undefined) continue;
    if (seen.has(name)) return undefined;
    seen.set(name, i);
  }
  const id = seen.get('enterprise_id');
  const period = seen.get('period');
  const wages = seen.get('wages');
  if (id === undefined || period === undefined || wages === undefined) return undefined;
  return { cells: cells.length, id, period, wages };
}

/**
 * payroll.csv summed per enterprise and year (the result of `loadPayroll`), by the byte scanner,
 * or undefined when the file is not one it reads (standard input, a workbook, an option that
 * changes the reading, any line outside the common case): the caller then reads it on the
 * general path. Never throws for the file's content; a file that cannot be opened is left to
 * the general path too, which reports it.
 *
 * @param path the payroll file
 * @param o the reading options (--encoding, --delimiter, --header-row, --enterprise-id …)
 * @param onBytes progress: bytes scanned of the file's size
 * @param chunkBytes bytes read at a time (8 MiB; the tests make lines cross chunk ends with small ones)
 * @returns enterprise_id → year → { wages in fen, rows, the first line of the year's rows }
 */
export async function scanPayroll(path: string, o: ReadOptions, onBytes?: OnBytes, chunkBytes = CHUNK): Promise<ByEnterpriseYear<WageTotal> | undefined> {
  if (path === '-' || o.headerRow !== undefined || o.enterpriseId !== undefined || o.sheet !== undefined) return undefined;
  if (o.delimiter !== undefined && o.delimiter !== ',') return undefined;
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = (await fh.stat()).size;
    return await scan(fh, size, o, onBytes, chunkBytes);
  } catch (e) {
    if (e instanceof NotFast) return undefined;
    throw e;
  } finally {
    await fh.close();
  }
}

async function scan(fh: FileHandle, size: number, o: ReadOptions, onBytes: OnBytes | undefined, chunk: number): Promise<ByEnterpriseYear<WageTotal>> {
  const buf = Buffer.allocUnsafe(chunk) as Latin1;
  let avail = 0; // bytes in buf
  let pos = 0; // file position of the next read
  let eof = false;
  const fill = async () => {
    const { bytesRead } = await fh.read(buf, avail, chunk - avail, pos);
    pos += bytesRead;
    avail += bytesRead;
    if (bytesRead === 0) eof = true;
  };
  while (!eof && avail < chunk && buf.subarray(0, avail).indexOf(LF) < 0) await fill();
  if (sniffWorkbook(buf.subarray(0, Math.min(avail, 8))) !== undefined || signatureProblem(buf.subarray(0, Math.min(avail, 512)))) notFast();
  const nl = buf.subarray(0, avail).indexOf(LF);
  if (nl < 0) notFast(); // a header with no data line, or longer than a chunk: the general path says what it is
  const header = await plainHeader(Buffer.from(buf.subarray(0, nl + 1)), o);
  if (!header) notFast();
  const { cells: headerCells, id: idCol, period: periodCol, wages: wagesCol } = header!;
  const lastCol = headerCells - 1;

  const out: ByEnterpriseYear<WageTotal> = new Map();
  const starts = new Int32Array(headerCells + 1);
  const years = new Map<number, boolean>(); // year → in range
  // The first 20 non-empty lines decide the delimiter on the general path (detectDelimiter).
  let sample: string | undefined = buf.toString('latin1', 0, nl + 1);
  let sampleLines = 1;
  let line = 1;
  const lastId = Buffer.alloc(18);
  let lastYears: Map<number, WageTotal> | undefined;

  /** One data line [a, e) (no line end), its cell starts in `starts` (n cells). */
  const row = (a: number, e: number, n: number) => {
    if (n !== headerCells) {
      // A blank line (or only commas and spaces) is skipped on the general path; anything else is a shape problem there.
      for (let i = a; i < e; i++) if (buf[i] !== COMMA && buf[i] !== SPACE) notFast();
      return;
    }
    const cellEnd = (c: number) => (c === lastCol ? e : starts[c + 1]! - 1);
    if (cellEnd(idCol) === starts[idCol]) {
      // No enterprise_id: a line of commas (and spaces) is skipped on the general path; anything else is a problem there.
      for (let i = a; i < e; i++) if (buf[i] !== COMMA && buf[i] !== SPACE) notFast();
      return;
    }
    // enterprise_id: 18 characters of the GB 32100 alphabet with a valid check character (checked once per id).
    const ia = starts[idCol]!;
    if (cellEnd(idCol) - ia !== 18) notFast();
    // Rows come in runs of one enterprise: the previous row's id is compared byte by byte, with no string made.
    let same = lastYears !== undefined;
    for (let k = 0; same && k < 18; k++) same = buf[ia + k] === lastId[k];
    let byYear: Map<number, WageTotal>;
    if (same) byYear = lastYears!;
    else {
      const id = buf.latin1Slice(ia, ia + 18);
      let found = out.get(id);
      if (found === undefined) {
        if (usccProblem(id) !== undefined) notFast();
        out.set(id, (found = new Map()));
      }
      buf.copy(lastId, 0, ia, ia + 18);
      byYear = lastYears = found;
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
    let t = byYear.get(year);
    if (t === undefined) {
      t = monthly ? { wages: 0, rows: 0, monthLine: line } : { wages: 0, rows: 0, yearLine: line };
      byYear.set(year, t);
    } else if ((monthly ? t.yearLine : t.monthLine) !== undefined) notFast(); // both kinds in one year: the general path reports it
    const sum = t.wages + fen;
    if (!Number.isSafeInteger(sum)) notFast();
    t.wages = sum;
    t.rows++;
  };

  let a = nl + 1; // start of the current line
  for (;;) {
    // Scan the whole lines in buf[a, end).
    const end = eof ? avail : buf.lastIndexOf(LF, avail - 1) + 1;
    let n = 1;
    starts[0] = a;
    for (let i = a; i < end; i++) {
      const b = buf[i]!;
      if (b === COMMA) {
        if (n === headerCells) {
          // More cells than the header: the general path decides (extra empty cells, a thousands separator).
          notFast();
        }
        starts[n++] = i + 1;
      } else if (b === LF || (b === CR && i + 1 < end && buf[i + 1] === LF)) {
        line++;
        row(a, i, n);
        if (sample !== undefined) {
          const text = buf.latin1Slice(a, i);
          sample += `${text}\n`;
          if (text.trim() !== '' && ++sampleLines >= HEADER_SEARCH_ROWS) {
            if (detectDelimiter(sample) !== ',') notFast();
            sample = undefined;
          }
        }
        if (b === CR) i++;
        a = i + 1;
        n = 1;
        starts[0] = a;
      } else if (b < SPACE || b > 126 || b === QUOTE) notFast();
    }
    if (eof) {
      if (a < avail) {
        line++;
        row(a, avail, n);
        if (sample !== undefined) sample += buf.latin1Slice(a, avail);
      }
      break;
    }
    // Keep the partial line, read on.
    if (a === 0 && avail === chunk) notFast(); // a line longer than a chunk
    buf.copy(buf, 0, a, avail);
    avail -= a;
    a = 0;
    onBytes?.(pos - avail, size, line);
    await fill();
  }
  if (sample !== undefined && detectDelimiter(sample) !== ',') notFast();
  onBytes?.(size, size, line);
  return out;
}
