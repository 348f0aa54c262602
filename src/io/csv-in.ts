/**
 * Reading input CSV files: bytes to text line by line in the file's encoding (encoding.ts),
 * text to records with the physical line where each starts (csv-syntax.ts), header matching by
 * canonical name or alias, the shape of each record against the header, cell parsing by schema,
 * and problems reported as FILE:LINE:COLUMN. Rows are streamed to a callback, so a payroll file
 * of millions of rows is never held in memory.
 */
import { createReadStream } from 'node:fs';
import { escapeControl, FileError, ProblemList } from '../domain/errors.js';
import { maskPersonId } from '../domain/ids.js';
import { CsvTokenizer, type RecordSink } from './csv-syntax.js';
import { decodeStream, type EncodingOption } from './encoding.js';
import { acceptedNames, headerIndex, type RowOf, type Schema } from './schema.js';
import { normalizeLabel, ValueProblem } from './values.js';

export type { EncodingOption } from './encoding.js';

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

function openBytes(path: string, opts: ReadOptions): AsyncIterable<Buffer | string> {
  if (path === '-') return (opts.stdin ?? process.stdin) as AsyncIterable<Buffer | string>;
  return createReadStream(path, { highWaterMark: 1024 * 1024 });
}

/** A file that cannot be read at all is a FileError (exit 2, or a line of its own in `validate`); anything else is thrown as it is. */
function ioError(e: unknown, file: string): unknown {
  const err = e as NodeJS.ErrnoException;
  if (err === null || typeof err !== 'object' || typeof err.code !== 'string' || err.syscall === undefined) return e;
  if (err.code === 'ENOENT') return new FileError(file, 'no such file');
  if (err.code === 'EISDIR') return new FileError(file, 'is a folder, not a file');
  if (err.code === 'EACCES' || err.code === 'EPERM') return new FileError(file, 'permission denied');
  return new FileError(file, `cannot be read (${err.code})`);
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
  let colOf: Map<string, number> | undefined; // canonical name → 0-based index
  let headerCells = 0;
  let headerFailed = false;
  let parsers: { name: string; idx: number; required: boolean; parse: (raw: string) => unknown; sensitive: boolean }[] = [];
  const add = (line: number, column: number, message: string, value?: string) =>
    problems.add({ file, line, column, message, ...(value !== undefined ? { value: clip(value) } : {}) });
  const ctx: RowContext = {
    file,
    line: 0,
    column: (name) => (colOf?.has(name) ? colOf.get(name)! + 1 : 0),
    problem: (column, message, value) => add(ctx.line, ctx.column(column) || 1, message, value),
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

  const header = (cells: string[], line: number): boolean => {
    colOf = new Map();
    headerCells = cells.length;
    const headerProblems = problems.items.length;
    cells.forEach((h, i) => {
      const name = index.get(normalizeLabel(h));
      if (name === undefined) return;
      if (colOf!.has(name)) {
        add(line, i + 1, `columns ${colOf!.get(name)! + 1} and ${i + 1} both give "${name}": keep one of them`, h);
        return;
      }
      colOf!.set(name, i);
    });
    for (const name of names) {
      const spec = schema.columns[name]!;
      if (spec.required && !colOf.has(name)) {
        add(line, 1, `missing required column "${name}" (accepted names: ${acceptedNames(name, spec).join(', ')})`);
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
  };

  /** A record with more cells than the header (unless the extra ones are empty), or too few for a required column. */
  const shapeProblem = (cells: string[], line: number): boolean => {
    const n = cells.length;
    const m = headerCells;
    if (n > m) {
      if (cells.slice(m).every((c) => c.trim() === '')) return false;
      const split = thousandsSplit(cells);
      add(
        line,
        split ? split.index + 1 : m + 1,
        `${n} cells, header has ${m}; an amount with a thousands separator must be quoted${split ? `, as "${split.text}" here` : ', and so must any text with a comma'}`,
        split ? split.text : cells.slice(m).join(','),
      );
      return true;
    }
    const missing = parsers.find((p) => p.required && p.idx >= n);
    if (!missing) return false;
    add(line, missing.idx + 1, `${n} cell${n === 1 ? '' : 's'}, header has ${m}: the record ends before "${missing.name}" (column ${missing.idx + 1})`);
    return true;
  };

  const handle: RecordSink = (cells, line, issue, maybeNul) => {
    if (issue) {
      add(line, issue.column, issue.message, issue.value);
      return goOn();
    }
    if (cells.length === 1 && cells[0]!.trim() === '') return true;
    if (maybeNul) {
      const i = cells.findIndex((c) => c.includes('\0'));
      if (i >= 0) {
        // Refused at the cell: no NUL ever reaches a report (and the value shows it escaped).
        add(line, i + 1, 'a NUL character (\\0) in the cell: the file is damaged or not a text file', escapeControl(cells[i]!));
        return goOn();
      }
    }
    if (!colOf) {
      if (header(cells, line)) return true;
      headerFailed = true;
      return false;
    }
    if (cells.every((c) => c.trim() === '')) return true;
    if (cells.length !== headerCells && shapeProblem(cells, line)) return goOn();
    ctx.line = line;
    const row: Record<string, unknown> = {};
    let ok = true;
    for (const p of parsers) {
      const raw = (cells[p.idx] ?? '').trim();
      if (raw === '') {
        if (p.required) {
          add(line, p.idx + 1, `missing value for "${p.name}"`, '');
          ok = false;
        }
        continue;
      }
      try {
        row[p.name] = p.parse(raw);
      } catch (e) {
        if (!(e instanceof ValueProblem)) throw e;
        add(line, p.idx + 1, `${p.name}: ${e.message}`, p.sensitive ? maskPersonId(raw) : raw);
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

  const tokenizer = new CsvTokenizer(handle);
  let fatal = false;
  try {
    for await (const batch of decodeStream(openBytes(path, opts), opts.encoding)) {
      if ('fatal' in batch) {
        add(tokenizer.line, 1, batch.fatal);
        fatal = true;
        break;
      }
      tokenizer.push(batch.text, batch.marks);
      if (tokenizer.stopped) break;
    }
    if (!fatal && !tokenizer.stopped) tokenizer.end();
  } catch (e) {
    throw ioError(e, file);
  }
  if (!colOf && !headerFailed && !fatal) add(1, 1, 'the file is empty: a header line is expected');
}
