/** The demo data set (fixtures/demo) and its golden outputs (test/golden/demo), for the demo tests. */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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
