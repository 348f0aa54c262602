/**
 * Writing reports: CSV (English or Chinese headers, optional BOM, Excel-safe text cells) or
 * JSON, and the one place files are written (`writeFilesAtomic`): a run's files as one set,
 * each complete or absent (README "Guarantees").
 */
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import { cellsOf, type Cell, type ColumnDef, type ReportTable } from '../domain/table.js';
import { onAbort } from './exit-cleanup.js';
import { checkOutputs, resolveTarget, type NamedPath } from './paths.js';
import { HOST_TAG, processAlive, SELF_START } from './process-id.js';

export type { Cell, ColumnDef, ReportTable, Table } from '../domain/table.js';

export type HeaderLang = 'en' | 'zh';

export interface RenderOptions {
  header: HeaderLang;
  format: 'csv' | 'json';
  bom: boolean;
}

/** A text cell that Excel would read as a formula gets a leading apostrophe. */
export function excelSafe(text: string): string {
  // = + - @ tab CR: the characters /^[=+\-@\t\r]/ matches, tested by code (a million cells)
  const c = text.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 ? `'${text}` : text;
}

function cellText(text: boolean, v: Cell | undefined): string {
  if (v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return text ? excelSafe(s) : s;
}

/** Text is handed to the writer in pieces of about this many characters (a report of a million rows is never one string; 64K, not 256K: larger pieces wait in memory for a full GC, measured 383 vs 322–333 MiB peak for deduct at 1M enterprise-years). */
const PIECE = 1 << 16;

/** A record of `n` cells none of which holds a comma, a quote or a line break, by the number of cells. */
const PLAIN = new Map<number, RegExp>();
const plainRecord = (n: number): RegExp => {
  let re = PLAIN.get(n);
  if (!re) PLAIN.set(n, (re = new RegExp(n <= 1 ? '^[^,"\\n\\r]*$' : `^[^,"\\n\\r]*(?:,[^,"\\n\\r]*){${n - 1}}$`)));
  return re;
};

/**
 * One CSV record, as csv-stringify writes it with our options (`record_delimiter: '\n'`):
 * cells joined by commas when none holds a comma, a quote or a line break (the common case,
 * without the library's per-cell work: one test of the joined line), else csv-stringify's own
 * quoting of the record.
 */
export function csvRecord(cells: readonly string[]): string {
  const line = cells.join(',');
  return plainRecord(cells.length).test(line) ? `${line}\n` : stringify([cells], { record_delimiter: '\n' });
}

/** A report as CSV, in pieces: the header (English or Chinese), a row a line, text cells Excel-safe, optional BOM. */
export function csvPieces(t: ReportTable, header: HeaderLang, bom: boolean): Iterable<string> {
  const head = csvRecord(t.columns.map((c) => (header === 'zh' ? c.zh : c.name)));
  return {
    *[Symbol.iterator]() {
      let piece = (bom ? '\uFEFF' : '') + head;
      const texts: string[] = new Array<string>(t.columns.length);
      const isText = t.columns.map((c) => c.type === 'text');
      for (const r of t.rows) {
        const cells = cellsOf(t.columns, r);
        for (let i = 0; i < texts.length; i++) texts[i] = cellText(isText[i]!, cells[i]);
        piece += csvRecord(texts);
        if (piece.length >= PIECE) {
          yield piece;
          piece = '';
        }
      }
      yield piece;
    },
  };
}

/**
 * A report as JSON, in pieces: an array of objects keyed by the header, the text
 * `JSON.stringify(rows, null, 2)` gives, and a newline. Amounts and rates stay strings so no
 * figure passes through a float; counts are numbers.
 */
export function jsonPieces(t: ReportTable, header: HeaderLang): Iterable<string> {
  const keys = t.columns.map((c) => (header === 'zh' ? c.zh : c.name));
  return {
    *[Symbol.iterator]() {
      let piece = '';
      let n = 0;
      for (const r of t.rows) {
        const o: Record<string, Cell> = {};
        cellsOf(t.columns, r).forEach((cell, i) => {
          const v = cell ?? '';
          o[keys[i]!] = t.columns[i]!.type === 'int' && typeof v === 'number' ? v : String(v);
        });
        // An element of the array: its lines indented one level more, as JSON.stringify indents them.
        piece += `${n++ === 0 ? '[\n  ' : ',\n  '}${JSON.stringify(o, null, 2).replace(/\n/g, '\n  ')}`;
        if (piece.length >= PIECE) {
          yield piece;
          piece = '';
        }
      }
      yield piece + (n === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/** A report in pieces of text, in the format asked for. */
export function renderPieces(t: ReportTable, o: RenderOptions): Iterable<string> {
  return o.format === 'json' ? jsonPieces(t, o.header) : csvPieces(t, o.header, o.bom);
}

export function renderCsv(t: ReportTable, header: HeaderLang, bom: boolean): string {
  return [...csvPieces(t, header, bom)].join('');
}

export function renderJson(t: ReportTable, header: HeaderLang): string {
  return [...jsonPieces(t, header)].join('');
}

/** A report as one string (small reports: the summary, a listing); large ones are written in pieces (renderPieces). */
export function render(t: ReportTable, o: RenderOptions): string {
  return [...renderPieces(t, o)].join('');
}

/** A report with a column whose cells identify a person (身份证号, `personal` in its table) is created private (0600). */
export function holdsPersonIds(t: ReportTable): boolean {
  return t.columns.some((c) => c.personal === true);
}

/** What a file holds: its text or bytes, or its text in pieces made as they are written. */
export type FileContent = string | Uint8Array | Iterable<string>;

export interface PendingFile {
  path: string;
  content: FileContent;
  /** How a message names it: the flag (`--out`) or "the output". */
  what?: string;
  /** The ledger: renamed after every other file of the set. */
  ledger?: boolean;
  /** Holds person ids: created with mode 0600 when new (a replaced file keeps its mode). */
  private?: boolean;
  /** The input this output may replace: the in-place ledger (--ledger F --ledger-out F). */
  mayReplace?: string;
}

export interface WriteOptions {
  /** The inputs of the run: no output may be one of them, but for its `mayReplace`. */
  inputs?: readonly NamedPath[];
  /** Called when every temporary file is complete, just before the first rename (the ledger lock is still ours). */
  beforeRename?: () => void;
}

// ── temporary files ───────────────────────────────────────────────────────────

/**
 * `.NAME.skilltax-tmp-HOST-PID-START`: the host tag, pid and start time of the process writing
 * it, so that a later run can tell a temporary file of a run that died from one being written.
 */
const TEMP_SUFFIX = `.skilltax-tmp-${HOST_TAG}-${process.pid}-${SELF_START}`;
const TEMP_NAME = /^\..+\.skilltax-tmp-([0-9a-f]{8})-(\d+)-(\d+)$/;
/** The name temporary files had before (`.NAME.tmp-PID-RANDOM`): removed when older than an hour. */
const OLD_TEMP_NAME = /^\..+\.tmp-\d+-[0-9a-f]{8}$/;
/** A temporary file older than this is stale whoever wrote it: writing a set takes seconds. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}${TEMP_SUFFIX}`);
}

/** Whether a file name is a stale temporary file of skilltax: older than an hour, or its process (on this host) is gone. */
export function isStaleTemp(name: string, st: Stats, now = Date.now()): boolean {
  const m = TEMP_NAME.exec(name);
  if (!m) return OLD_TEMP_NAME.test(name) && now - st.mtimeMs > STALE_TEMP_MS;
  if (now - st.mtimeMs > STALE_TEMP_MS) return true;
  return m[1] === HOST_TAG && !processAlive(Number(m[2]), m[3]!);
}

/** Removes the stale temporary files of skilltax in a folder (best effort); returns their names. */
export function removeStaleTemps(dir: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith('.') || !(TEMP_NAME.test(name) || OLD_TEMP_NAME.test(name))) continue;
    try {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isFile() && isStaleTemp(name, st)) {
        rmSync(p, { force: true });
        removed.push(name);
      }
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return removed;
}

// ── writing a set of files ────────────────────────────────────────────────────

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

interface Planned {
  f: PendingFile;
  /** The file written: symbolic links followed to their target. */
  target: string;
  /** The existing file, if any. */
  st?: Stats;
  tmp?: string;
}

/** An error while making a file's content (not while writing it): passed on as it is. */
class ContentError extends Error {
  constructor(override readonly cause: unknown) {
    super('making the content failed');
  }
}

/** Writes a file's content at the descriptor's position, piece by piece when it comes in pieces. */
function writeContent(fd: number, f: PendingFile): void {
  const c = f.content;
  if (typeof c === 'string' || c instanceof Uint8Array) {
    writeFileSync(fd, c);
    return;
  }
  const it = c[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<string>;
    try {
      next = it.next();
    } catch (e) {
      throw new ContentError(e);
    }
    if (next.done) return;
    writeFileSync(fd, next.value);
  }
}

/**
 * Writes a run's files as one set (README "Guarantees"):
 *
 * 1. checks every output first: none is an input of the run (but the in-place ledger), none is
 *    a folder, no two are one file;
 * 2. removes stale temporary files of skilltax in the output folders;
 * 3. writes each file to a temporary sibling of its target (symbolic links are followed: the
 *    link stays, its target is replaced) with the mode of the file it replaces (and its owner,
 *    when running as root), or 0600 for a new file that holds person ids, and fsyncs it;
 * 4. renames them into place in the order given, the ledger last, then fsyncs the folders.
 *
 * A failure before the renames (a full disk, a folder that cannot be made) leaves no output and
 * no temporary file; the folders it made are removed again. A signal (SIGINT, SIGTERM, SIGHUP)
 * is handled when this function has finished. A file that exists and is not a regular file (a
 * terminal, a pipe: /dev/stdout) is written directly. Content in pieces is made as it is written:
 * an error making it (not a file system error) is thrown as it is, and nothing is renamed.
 */
export function writeFilesAtomic(files: readonly PendingFile[], o: WriteOptions = {}): void {
  checkOutputs(
    files.map((f) => ({ path: f.path, what: f.what ?? t('io.out.theOutput'), ...(f.mayReplace !== undefined ? { mayReplace: f.mayReplace } : {}) })),
    o.inputs ?? [],
  );
  const plan: Planned[] = files.map((f) => {
    const target = resolveTarget(f.path);
    let st: Stats | undefined;
    try {
      st = statSync(target);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) throw new UsageError(t('io.out.isFolder', { path: f.path }));
    return { f, target, ...(st ? { st } : {}) };
  });

  const made: { top: string; dir: string }[] = [];
  const written: Planned[] = [];
  const undo = () => {
    for (const p of written) if (p.tmp) rmSync(p.tmp, { force: true });
    for (const m of made.reverse()) {
      for (let d = m.dir; ; d = dirname(d)) {
        try {
          rmdirSync(d);
        } catch {
          break;
        }
        if (d === m.top || dirname(d) === d) break;
      }
    }
  };
  const unregister = onAbort(undo);
  try {
    for (const dir of new Set(plan.map((p) => dirname(p.target)))) removeStaleTemps(dir);
    for (const p of plan) {
      const dir = dirname(p.target);
      try {
        const top = mkdirSync(dir, { recursive: true });
        if (top !== undefined) made.push({ top, dir });
      } catch (e) {
        const shown = resolve(p.f.path) === p.target ? dirname(p.f.path) : dir;
        throw new UsageError(t('io.out.cannotCreateFolder', { path: p.f.path, folder: shown, code: errCode(e) }));
      }
      if (p.st && !p.st.isFile()) continue; // a device or a pipe: written below, directly
      const tmp = tempPathFor(p.target);
      let fd: number | undefined;
      try {
        // A new file gets the mode the umask gives, as any new file; private and replacing ones
        // start at 0600 and get their final mode before any content is written.
        fd = openSync(tmp, 'w', p.st || p.f.private ? 0o600 : 0o666);
        p.tmp = tmp;
        written.push(p);
        if (p.st) {
          if (isRoot()) fchownSync(fd, p.st.uid, p.st.gid);
          fchmodSync(fd, p.st.mode & 0o7777);
        } else if (p.f.private) fchmodSync(fd, 0o600);
        writeContent(fd, p.f);
        fsyncSync(fd);
      } catch (e) {
        throw e instanceof ContentError ? e.cause : new UsageError(t('io.out.cannotWrite', { path: p.f.path, code: errCode(e) }));
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
    for (const p of plan) {
      if (!(p.st && !p.st.isFile())) continue;
      let fd: number | undefined;
      try {
        fd = openSync(p.target, 'w');
        writeContent(fd, p.f);
      } catch (e) {
        throw e instanceof ContentError ? e.cause : new UsageError(t('io.out.cannotWrite', { path: p.f.path, code: errCode(e) }));
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    }
    // A target may have become a folder since the check (one output's folder is another's path):
    // found now, nothing is renamed.
    for (const p of written) {
      let st: Stats | undefined;
      try {
        st = statSync(p.target);
      } catch {
        st = undefined;
      }
      if (st?.isDirectory()) throw new UsageError(t('io.out.cannotWrite', { path: p.f.path, code: 'EISDIR' }));
    }
    o.beforeRename?.();
    const order = [...written.filter((p) => !p.f.ledger), ...written.filter((p) => p.f.ledger)];
    for (const p of order) {
      try {
        renameSync(p.tmp!, p.target);
      } catch (e) {
        throw new UsageError(t('io.out.cannotWrite', { path: p.f.path, code: errCode(e) }));
      }
      delete p.tmp;
    }
    for (const dir of new Set(order.map((p) => dirname(p.target)))) {
      try {
        const fd = openSync(dir, 'r');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      } catch {
        // Not every file system can fsync a folder; the renames are done.
      }
    }
  } catch (e) {
    undo();
    throw e;
  } finally {
    unregister();
  }
}
