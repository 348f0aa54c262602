/**
 * Writing reports: CSV (English or Chinese headers, optional BOM, Excel-safe text cells) or
 * JSON, and atomic writes (temporary file in the same folder, then rename) so every written
 * file is complete or absent.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../domain/errors.js';
import type { Cell, ColumnDef, Table } from '../domain/table.js';

export type { Cell, ColumnDef, Table } from '../domain/table.js';

export type HeaderLang = 'en' | 'zh';

export interface RenderOptions {
  header: HeaderLang;
  format: 'csv' | 'json';
  bom: boolean;
}

/** A text cell that Excel would read as a formula gets a leading apostrophe. */
export function excelSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(c: ColumnDef, v: Cell | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  return c.type === 'text' ? excelSafe(s) : s;
}

export function renderCsv(t: Table, header: HeaderLang, bom: boolean): string {
  const head = t.columns.map((c) => (header === 'zh' ? c.zh : c.name));
  const body = t.rows.map((r) => t.columns.map((c) => cellText(c, r[c.name])));
  const text = stringify([head, ...body], { record_delimiter: '\n' });
  return (bom ? '\uFEFF' : '') + text;
}

export function renderJson(t: Table, header: HeaderLang): string {
  const out = t.rows.map((r) => {
    const o: Record<string, Cell> = {};
    for (const c of t.columns) {
      const v = r[c.name] ?? '';
      // Amounts and rates stay strings so no figure passes through a float.
      o[header === 'zh' ? c.zh : c.name] = c.type === 'int' && typeof v === 'number' ? v : String(v);
    }
    return o;
  });
  return JSON.stringify(out, null, 2) + '\n';
}

export function render(t: Table, o: RenderOptions): string {
  return o.format === 'json' ? renderJson(t, o.header) : renderCsv(t, o.header, o.bom);
}

export interface PendingFile {
  path: string;
  content: string;
}

/**
 * Writes every file to a temporary sibling first, then renames them all: a failure before the
 * renames leaves no output at all. Writing a file over an input (e.g. --ledger-out equal to
 * --ledger) is safe because the input was fully read before.
 */
export function writeFilesAtomic(files: readonly PendingFile[]): void {
  // Everything that can be checked is checked before anything is written.
  const seen = new Set<string>();
  for (const f of files) {
    const full = resolve(f.path);
    if (seen.has(full)) throw new UsageError(`${f.path}: two outputs name the same file`);
    seen.add(full);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) throw new UsageError(`${f.path}: is a folder; name a file to write`);
  }
  const temps: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      const dir = dirname(f.path);
      try {
        mkdirSync(dir, { recursive: true });
      } catch (e) {
        throw new UsageError(`${f.path}: cannot create the folder ${dir} (${(e as NodeJS.ErrnoException).code})`);
      }
      const tmp = join(dir, `.${basename(f.path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
      try {
        writeFileSync(tmp, f.content);
      } catch (e) {
        throw new UsageError(`${f.path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
      temps.push({ tmp, path: f.path });
    }
    for (const t of temps) {
      try {
        renameSync(t.tmp, t.path);
      } catch (e) {
        throw new UsageError(`${t.path}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    }
  } catch (e) {
    for (const t of temps) rmSync(t.tmp, { force: true });
    throw e;
  }
}
