/** The demo data set (fixtures/demo) and its golden outputs (test/golden/demo), for the demo tests. */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ROOT } from './cli.js';

export const DEMO = join(ROOT, 'fixtures', 'demo');
export const GOLDEN = join(ROOT, 'test', 'golden', 'demo');

export const demoFile = (name: string) => join(DEMO, name);
export const golden = (name: string) => readFileSync(join(GOLDEN, name));

export type Row = Record<string, string>;
/** CSV text as rows keyed by the header's names (a UTF-8 BOM dropped). */
export const readCsv = (text: string | Buffer): Row[] => parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];

/** Copies these files of fixtures/demo into dir, under the same names. */
export function copyDemo(dir: string, names: readonly string[]): void {
  for (const f of names) copyFileSync(demoFile(f), join(dir, f));
}

/** The columns `run` appends to every report with an enterprise_id, from enterprises.csv (CONTRACT §2). */
export const ENTERPRISE_COLUMNS = ['name', 'town'] as const;

/**
 * A golden report as a single command (`deduct`, `credit`, `subsidy`, `exempt`, which do not read
 * enterprises.csv) writes it: the golden file without its last two columns `name,town`. Parsed as
 * CSV (cells may be quoted) and written back as the reports are (csv-stringify, `\n` records).
 * Throws when the file does not end with those two columns.
 */
export function goldenWithoutEnterprise(name: string): Buffer {
  const records = parse(golden(name), { bom: true }) as string[][];
  const head = records[0] ?? [];
  if (head.slice(-2).join(',') !== ENTERPRISE_COLUMNS.join(',')) throw new Error(`${name}: the last columns are ${head.slice(-2).join(',')}, not name,town`);
  return Buffer.from(stringify(records.map((r) => r.slice(0, -2)), { record_delimiter: '\n' }), 'utf8');
}

/** Rows without `name` and `town` (as a single command writes them). */
export const withoutEnterprise = (rows: readonly Row[]): Row[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !(ENTERPRISE_COLUMNS as readonly string[]).includes(k))));

/** fixtures/demo/enterprises.csv by enterprise_id: name and town. */
export function demoEnterprises(): Map<string, { name: string; town: string }> {
  return new Map(readCsv(readFileSync(demoFile('enterprises.csv'))).map((r) => [r.enterprise_id!, { name: r.name ?? '', town: r.town ?? '' }]));
}

/** A row with `name` and `town` of its enterprise_id from `enterprises` ('' for an id absent from it or an empty id), as `run` adds them. */
export function withEnterpriseOf(row: Row, enterprises: ReadonlyMap<string, { name: string; town: string }> = demoEnterprises()): Row {
  const e = enterprises.get(row.enterprise_id ?? '');
  return { ...row, name: e?.name ?? '', town: e?.town ?? '' };
}

/** The notes `run fixtures/demo` prints after its summary: the demo's registry has certificates in conflict on purpose (issue #15). */
export const DEMO_NOTES: readonly string[] = ['note: 3 certificates in conflict (claimed by another person, or listed twice in the registry): not paid; see the conflicts report (--conflicts FILE; match-conflicts.csv in run)'];
