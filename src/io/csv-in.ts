/**
 * Reading input CSV files: encoding detection (UTF-8 with or without BOM, else GB18030, which
 * is what Excel on Chinese Windows writes), header matching by canonical name or alias, cell
 * parsing by schema, and problems reported as FILE:LINE:COLUMN. Rows are streamed to a
 * callback, so a payroll file of millions of rows is never held in memory.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { ProblemList, UsageError } from '../domain/errors.js';
import { maskPersonId } from '../domain/ids.js';
import { acceptedNames, headerIndex, type RowOf, type Schema } from './schema.js';
import { normalizeLabel, ValueProblem } from './values.js';

export type EncodingOption = 'auto' | 'utf8' | 'gb18030';

export interface ReadOptions {
  encoding: EncodingOption;
  /** Where standard input comes from when the path is "-" (tests pass their own). */
  stdin?: NodeJS.ReadableStream;
}

export interface RowContext {
  file: string;
  line: number;
  /** 1-based column number of a canonical column in this file (0 when absent). */
  column(name: string): number;
  problem(column: string, message: string, value?: string): void;
}

export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

const SAMPLE_AFTER_HIGH_BYTE = 64 * 1024;
const SAMPLE_MAX = 8 * 1024 * 1024;

function validUtf8(buf: Buffer, atEnd: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: !atEnd });
    return true;
  } catch {
    return false;
  }
}

/** Decodes a byte stream to text, deciding the encoding from the first bytes when asked to. */
async function* decode(bytes: AsyncIterable<Buffer>, encoding: EncodingOption, file: string): AsyncGenerator<string> {
  const it = bytes[Symbol.asyncIterator]();
  const held: Buffer[] = [];
  let heldLen = 0;
  let firstHigh = -1;
  let ended = false;
  let chosen: 'utf8' | 'gb18030' | undefined = encoding === 'auto' ? undefined : encoding;
  while (!chosen) {
    const r = await it.next();
    if (r.done) {
      ended = true;
    } else {
      const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as unknown as string);
      if (firstHigh < 0) {
        const i = chunk.findIndex((b) => b >= 0x80);
        if (i >= 0) firstHigh = heldLen + i;
      }
      held.push(chunk);
      heldLen += chunk.length;
    }
    const enough = ended || heldLen >= SAMPLE_MAX || (firstHigh >= 0 && heldLen - firstHigh >= SAMPLE_AFTER_HIGH_BYTE);
    if (!enough) continue;
    const sample = Buffer.concat(held);
    if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
      throw new UsageError(`${file}: the file is UTF-16 (Excel's "Unicode Text"); save it as "CSV UTF-8" or "CSV" instead`);
    }
    if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) chosen = 'utf8';
    else chosen = firstHigh < 0 || validUtf8(sample, ended) ? 'utf8' : 'gb18030';
  }
  const decoder =
    chosen === 'utf8'
      ? (() => {
          const td = new TextDecoder('utf-8', { fatal: true });
          return { write: (b: Buffer) => td.decode(b, { stream: true }), end: () => td.decode() };
        })()
      : (() => {
          const d = iconv.getDecoder('gb18030');
          let first = true;
          return {
            write: (b: Buffer) => {
              let s = d.write(b);
              if (first && s.length > 0) {
                first = false;
                if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
              }
              return s;
            },
            end: () => d.end() ?? '',
          };
        })();
  const wrap = (fn: () => string): string => {
    try {
      return fn();
    } catch {
      throw new UsageError(
        `${file}: the file is not valid UTF-8; if it was saved by Excel on Chinese Windows, pass --encoding gb18030`,
      );
    }
  };
  for (const b of held) {
    const s = wrap(() => decoder.write(b));
    if (s) yield s;
  }
  if (!ended) {
    for (;;) {
      const r = await it.next();
      if (r.done) break;
      const chunk = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as unknown as string);
      const s = wrap(() => decoder.write(chunk));
      if (s) yield s;
    }
  }
  const tail = wrap(() => decoder.end());
  if (tail) yield tail;
}

function openBytes(path: string, opts: ReadOptions): AsyncIterable<Buffer> {
  if (path === '-') return (opts.stdin ?? process.stdin) as AsyncIterable<Buffer>;
  return createReadStream(path, { highWaterMark: 1024 * 1024 });
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.includes('\n')) for (const ch of c) if (ch === '\n') n++;
  }
  return n;
}

function ioError(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`${file}: no such file`);
  if (code === 'EISDIR') return new UsageError(`${file}: is a folder, not a file`);
  if (code === 'EACCES') return new UsageError(`${file}: permission denied`);
  return e;
}

interface CsvParseError {
  message: string;
  code?: string;
  lines?: number;
}

/**
 * Reads `path` with `schema`, calling `onRow` for each row whose cells all parse. Problems go
 * to `problems`; reading stops once it is full. Throws UsageError for an unreadable file.
 */
export async function readRows<S extends Schema>(
  path: string,
  schema: S,
  opts: ReadOptions,
  problems: ProblemList,
  onRow: (row: RowOf<S>, ctx: RowContext) => void,
): Promise<void> {
  const file = displayName(path);
  const bytes = openBytes(path, opts);
  // No `info: true`: it costs more than half the parse. Lines are counted here instead: every
  // record (an empty line is a record of one empty cell) takes one line plus the line breaks
  // inside its quoted cells.
  const parser = parse({ relax_column_count: true, skip_empty_lines: false, relax_quotes: false });
  const source = Readable.from(decode(bytes, opts.encoding, file));
  let sourceError: unknown;
  source.on('error', (e) => {
    sourceError = e;
    parser.destroy();
  });
  source.pipe(parser);

  const index = headerIndex(schema);
  const names = Object.keys(schema.columns);
  let colOf: Map<string, number> | undefined; // canonical name → 0-based index
  let parsers: { name: string; idx: number; required: boolean; parse: (raw: string) => unknown; sensitive: boolean }[] = [];
  let line = 1;
  const ctx: RowContext = {
    file,
    line: 0,
    column: (name) => (colOf?.has(name) ? colOf.get(name)! + 1 : 0),
    problem: (column, message, value) =>
      problems.add({ file, line: ctx.line, column: ctx.column(column) || 1, message, value }),
  };
  let nextLine = 1;
  /** One record; false when reading should stop (a bad header, or the problem list is full). */
  const handle = (cells: string[]): boolean => {
    line = nextLine;
    nextLine += 1 + countNewlines(cells);
    if (cells.length === 1 && cells[0]!.trim() === '') return true;
    if (!colOf) {
      colOf = new Map();
      const headerProblems = problems.items.length;
      cells.forEach((h, i) => {
        const name = index.get(normalizeLabel(h));
        if (name === undefined) return;
        if (colOf!.has(name)) {
          problems.add({
            file,
            line,
            column: i + 1,
            message: `columns ${colOf!.get(name)! + 1} and ${i + 1} both give "${name}": keep one of them`,
            value: h,
          });
          return;
        }
        colOf!.set(name, i);
      });
      for (const name of names) {
        const spec = schema.columns[name]!;
        if (spec.required && !colOf.has(name)) {
          problems.add({
            file,
            line,
            column: 1,
            message: `missing required column "${name}" (accepted names: ${acceptedNames(name, spec).join(', ')})`,
          });
        }
      }
      if (problems.items.length > headerProblems) return false;
      parsers = names
        .filter((n) => colOf!.has(n))
        .map((n) => ({
          name: n,
          idx: colOf!.get(n)!,
          required: schema.columns[n]!.required,
          parse: schema.columns[n]!.parse,
          sensitive: schema.columns[n]!.sensitive === true,
        }));
      return true;
    }
    if (cells.every((c) => c.trim() === '')) return true;
    ctx.line = line;
    const row: Record<string, unknown> = {};
    let ok = true;
    for (const p of parsers) {
      const raw = (cells[p.idx] ?? '').trim();
      if (raw === '') {
        if (p.required) {
          problems.add({ file, line, column: p.idx + 1, message: `missing value for "${p.name}"`, value: '' });
          ok = false;
        }
        continue;
      }
      try {
        row[p.name] = p.parse(raw);
      } catch (e) {
        if (!(e instanceof ValueProblem)) throw e;
        problems.add({ file, line, column: p.idx + 1, message: `${p.name}: ${e.message}`, value: p.sensitive ? maskPersonId(raw) : raw });
        ok = false;
      }
    }
    if (ok) onRow(row as RowOf<S>, ctx);
    if (problems.full) {
      problems.truncated = true;
      return false;
    }
    return true;
  };
  try {
    // 'data' events rather than `for await`: the async iterator costs a third of the parse.
    await new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (e?: unknown) => {
        if (done) return;
        done = true;
        if (e) reject(e);
        else resolve();
      };
      parser.on('data', (cells: string[]) => {
        if (done) return;
        let go: boolean;
        try {
          go = handle(cells);
        } catch (e) {
          finish(e);
          parser.destroy();
          return;
        }
        if (!go) {
          finish();
          parser.destroy();
        }
      });
      parser.on('end', () => finish());
      parser.on('close', () => finish(sourceError));
      parser.on('error', (e) => finish(e));
    });
  } catch (e) {
    if (sourceError) throw ioError(sourceError, file);
    const err = e as CsvParseError & NodeJS.ErrnoException;
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      problems.add({ file, line: err.lines ?? line, column: 1, message: `not readable as CSV: ${err.message}` });
      return;
    }
    throw ioError(e, file);
  } finally {
    parser.destroy();
    source.destroy();
  }
  if (sourceError) throw ioError(sourceError, file);
  if (!colOf) problems.add({ file, line: 1, column: 1, message: 'the file is empty: a header line is expected' });
}
