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
import { open, stat, type FileHandle } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ByEnterpriseYear, WageTotal } from '../domain/records.js';
import { YearSums } from '../domain/year-sums.js';
import { detectDelimiter, HEADER_SEARCH_ROWS, type OnBytes, type ReadOptions } from './csv-in.js';
import { decodeStream, GB_BOM, signatureProblem } from './encoding.js';
import { payrollSchema } from './kinds.js';
import { NotFast, notFast, scanRange, type PlainHeader, type RangeData, type RangeResult } from './fast-payroll-scan.js';

export { newWageSums } from './fast-payroll-scan.js';
import { headerIndex } from './schema.js';
import { GROUP_LABEL, normalizeHeader } from './values.js';
import { sniffWorkbook } from './workbook.js';

/** Bytes read at a time (per thread); a line longer than this sends the file to the general path. 4 MiB: 8 MiB read no faster and held 4 MiB more (5M rows: 107.5 vs 102–103 MiB peak). */
const CHUNK = 4 * 1024 * 1024;
/** A thread reads 1 MiB at a time with a small young generation: its buffer and heap are memory the run holds (5M rows: peak 110.7 -> 106.0 MB, 1.11x -> 1.07x the 1M peak, same 0.86 s). A longer line sends the file to the general path. */
const WORKER_CHUNK = 1024 * 1024;
const LF = 10;
/**
 * A second thread pays on 2 cores only for a large file whose rows sum into few enterprise-years
 * (measured, README "Performance": 5M monthly rows of 2,000 enterprises 0.70 → 0.40 s; 1M rows
 * 0.16 → 0.15 s; 1M yearly rows of 100,000 enterprises 0.70 → 1.7 s, the thread's sums being as
 * many as its rows): from 64 MiB, and when the first 64 KiB of rows have at least 4 rows per
 * enterprise-year.
 */
const WORKERS_FROM_BYTES = 64 * 1024 * 1024;
const ROWS_PER_KEY_FOR_WORKERS = 4;

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

/** The header as the general reader reads it, when it is a plain one: the column indexes, or undefined. */
async function plainHeader(bytes: Buffer, o: ReadOptions): Promise<PlainHeader | undefined> {
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
 * @param threads how many threads scan the file (default: 2 when the machine has 2 cores and the file is 32 MiB or more; 1: the main thread alone)
 * @returns enterprise_id → year → { wages in fen, rows, the first line of the year's rows }
 */
export async function scanPayroll(path: string, o: ReadOptions, onBytes?: OnBytes, chunkBytes = CHUNK, threads?: number): Promise<ByEnterpriseYear<WageTotal> | undefined> {
  if (path === '-' || o.headerRow !== undefined || o.enterpriseId !== undefined || o.sheet !== undefined) return undefined;
  if (o.delimiter !== undefined && o.delimiter !== ',') return undefined;
  // A folder, a FIFO, a device: the general path reads it or says what it is. Asked before
  // opening: opening a FIFO waits for its writer, and closing it again would end that writer.
  try {
    if (!(await stat(path)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return await scan(fh, path, (await fh.stat()).size, o, onBytes, chunkBytes, threads);
  } catch (e) {
    if (e instanceof NotFast) return undefined;
    throw e;
  } finally {
    await fh.close();
  }
}

async function scan(fh: FileHandle, path: string, size: number, o: ReadOptions, onBytes: OnBytes | undefined, chunk: number, threads: number | undefined): Promise<ByEnterpriseYear<WageTotal>> {
  // The header line: the first line, read in full.
  let head = Buffer.alloc(0);
  for (let want = 64 * 1024; ; want = Math.min(chunk, want * 4)) {
    const b = Buffer.allocUnsafe(Math.min(want, Math.max(size, 1)));
    const { bytesRead } = await fh.read(b, 0, b.length, 0);
    head = b.subarray(0, bytesRead);
    if (head.indexOf(LF) >= 0 || bytesRead < b.length || want >= chunk) break;
  }
  if (sniffWorkbook(head.subarray(0, 8)) !== undefined || signatureProblem(head.subarray(0, 512))) notFast();
  const nl = head.indexOf(LF);
  if (nl < 0) notFast(); // no line end in the first chunk (or a header alone with none): the general path says what it is
  const header = await plainHeader(Buffer.from(head.subarray(0, nl + 1)), o);
  if (!header) notFast();
  const dataStart = nl + 1;
  // Rows may hold UTF-8 text (a name column) when the general path would read the file as UTF-8 throughout:
  // the header UTF-8 (or ASCII), no GB18030 BOM, --encoding not gb18030 (and each range checks its bytes are UTF-8).
  const headerBytes = head.subarray(0, dataStart);
  const utf8 = o.encoding !== 'gb18030' && isUtf8(headerBytes) && !headerBytes.subarray(0, 4).equals(GB_BOM);

  // The first 20 non-empty lines decide the delimiter on the general path (detectDelimiter).
  let sampleText = head.toString('latin1', 0, dataStart);
  let sampleLines = 1;
  let sampled = false;
  const sample = (text: string): 'more' | 'done' | 'not' => {
    sampleText += `${text}\n`;
    if (text.trim() === '' || ++sampleLines < HEADER_SEARCH_ROWS) return 'more';
    sampled = true;
    return detectDelimiter(sampleText) === ',' ? 'done' : 'not';
  };

  // The ranges: the data split at line starts, one per thread.
  const n = threads ?? (size >= WORKERS_FROM_BYTES && availableParallelism() >= 2 && rowsPerKey(head, dataStart, header!) >= ROWS_PER_KEY_FOR_WORKERS ? 2 : 1);
  const bounds = [dataStart];
  for (let k = 1; k < n; k++) bounds.push(await lineStartAfter(fh, Math.max(bounds[k - 1]!, dataStart + Math.floor(((size - dataStart) * k) / n)), size));
  bounds.push(size);
  const done = new Array<number>(n).fill(0);
  const rows = new Array<number>(n).fill(0);
  const report = (k: number, bytes: number, lines: number) => {
    done[k] = bytes;
    rows[k] = lines;
    onBytes?.(dataStart + done.reduce((x, y) => x + y, 0), size, 1 + rows.reduce((x, y) => x + y, 0));
  };
  const workers = bounds.slice(1, -1).map((s, k) => rangeInWorker(path, s, bounds[k + 2]!, header!, Math.min(chunk, WORKER_CHUNK), utf8, (bytes, lines) => report(k + 1, bytes, lines)));
  let mine: RangeResult;
  let theirs: RangeData[];
  try {
    mine = await scanRange(fh, dataStart, bounds[1]!, header!, { chunk, firstLine: 1, utf8, sample, onBytes: (bytes, lines) => report(0, bytes, lines) });
    // The first 20 non-empty lines decide the delimiter: when they run past this range into a thread's, the general path reads the file.
    if (!sampled && (workers.length > 0 || detectDelimiter(sampleText) !== ',')) notFast();
    theirs = await Promise.all(workers.map((w) => w.result));
  } finally {
    for (const w of workers) w.stop();
  }
  return merge(mine, theirs);
}

/** Rows per distinct (enterprise_id, year) among the whole lines of `head` after the header: how much a thread's sums shrink its rows. */
function rowsPerKey(head: Buffer, dataStart: number, header: PlainHeader): number {
  const keys = new Set<string>();
  let rows = 0;
  const end = head.lastIndexOf(LF);
  for (let a = dataStart; a < end; ) {
    const e = head.indexOf(LF, a);
    const cells = head.toString('latin1', a, e).split(',');
    keys.add(`${cells[header.id]}|${(cells[header.period] ?? '').slice(0, 4)}`);
    rows++;
    a = e + 1;
  }
  return keys.size ? rows / keys.size : 0;
}

/** The first line start at or after `at` (the byte after a line feed), or `size`. */
async function lineStartAfter(fh: FileHandle, at: number, size: number): Promise<number> {
  const b = Buffer.allocUnsafe(64 * 1024);
  for (let p = at - 1; p < size; p += b.length) {
    const { bytesRead } = await fh.read(b, 0, b.length, p);
    if (bytesRead === 0) break;
    const i = b.subarray(0, bytesRead).indexOf(LF);
    if (i >= 0) return p + i + 1;
  }
  return size;
}

/** A range scanned by a worker thread: its result (NotFast when it gave up), and a way to stop it. */
function rangeInWorker(path: string, start: number, end: number, header: PlainHeader, chunk: number, utf8: boolean, progress: (bytes: number, lines: number) => void): { result: Promise<RangeData>; stop(): void } {
  const worker = new Worker(new URL('./fast-payroll-worker.js', import.meta.url), { workerData: { path, start, end, header, chunk, utf8 }, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
  const result = new Promise<RangeData>((resolve, reject) => {
    worker.on('message', (m: { progress?: [number, number]; result?: RangeData; notFast?: true }) => {
      if (m.progress) progress(...m.progress);
      else if (m.result) resolve(m.result);
      else if (m.notFast) reject(new NotFast());
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the payroll scanner thread stopped (exit ${code})`)));
  });
  result.catch(() => undefined); // the main range may fail first; then this one is only stopped
  return { result, stop: () => void worker.terminate() };
}

/**
 * The ranges' sums in file order, as one pass would have made them: enterprises and years in
 * the order first seen, the line numbers of a later range moved after the lines before it.
 */
function merge(first: RangeResult, later: readonly RangeData[]): YearSums<WageTotal> {
  const out = first.out;
  let offset = 1 + first.lines;
  for (const r of later) {
    YearSums.forEachOf(r.out, (id, year, [wages, rows, yearLine, monthLine]) => {
      const s = out.slot(id, year);
      const w = out.column('wages');
      const n = out.column('rows');
      if (n[s] === 0) {
        // New here: the thread's first lines of the year, renumbered.
        w[s] = wages!;
        n[s] = rows!;
        out.column('yearLine')[s] = yearLine! < 0 ? -1 : yearLine! + offset;
        out.column('monthLine')[s] = monthLine! < 0 ? -1 : monthLine! + offset;
        return;
      }
      // Both kinds in one year: the general path reports it.
      if (out.column('monthLine')[s]! < 0 !== monthLine! < 0) notFast();
      const sum = w[s]! + wages!;
      if (!Number.isSafeInteger(sum)) notFast();
      w[s] = sum;
      n[s] = n[s]! + rows!;
    });
    offset += r.lines;
  }
  return out;
}
