#!/usr/bin/env node
/**
 * The workbook benchmark (issue #9): `node bench/xlsx.mjs [rows] [dir]` writes a payroll workbook of
 * `rows` rows (default 1,000,000; streamed with exceljs's WorkbookWriter, deterministic data) and
 * times `skilltax deduct` reading it: wall and CPU time and peak memory from the child's own resource
 * usage (bench/measure.mjs). Build first (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rows = Number((process.argv[2] ?? '1000000').replace(/[_,]/g, ''));
const dir = resolve(process.argv[3] ?? join(ROOT, 'bench', 'data-xlsx'));
if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a whole number (got ${process.argv[2]})`);
const { withUsccCheck } = await import(new URL('../dist/domain/ids.js', import.meta.url).href);
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const id = (n) => {
  let body = '';
  for (let v = n * 7919 + 104729, i = 0; i < 7; i++, v = Math.floor(v / 31)) body = ALPHABET[v % 31] + body;
  return withUsccCheck(`91330282MA${body}`);
};

mkdirSync(dir, { recursive: true });
const book = join(dir, `payroll-${rows}.xlsx`);
// The workbook is written by a child process (this script with --write): a child's peak RSS
// starts from its parent's RSS (see bench/measure.mjs), so the measuring process stays small.
if (process.argv[4] === '--write') {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: book, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('工资表');
  ws.addRow(['慈溪市工资表（导出）']).commit();
  ws.addRow(['纳税人识别号', '所属期', '应发工资', '职工编号']).commit();
  const ids = Array.from({ length: 2000 }, (_, i) => id(i));
  let seed = 7;
  for (let i = 0; i < rows; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const fen = 300000 + (seed % 2700000);
    ws.addRow([ids[i % ids.length], `2024-${String((Math.floor(i / ids.length) % 12) + 1).padStart(2, '0')}`, fen / 100, `E${i % 500}`]).commit();
  }
  ws.commit();
  await wb.commit();
  process.exit(0);
}
if (!existsSync(book)) {
  process.stdout.write(`writing ${rows.toLocaleString('en-US')} rows into ${book} …\n`);
  const w = spawnSync(process.execPath, [fileURLToPath(import.meta.url), String(rows), dir, '--write'], { stdio: 'inherit' });
  if (w.status !== 0) process.exit(2);
}
const training = join(dir, 'training.csv');
if (!existsSync(training)) (await import('node:fs')).writeFileSync(training, 'enterprise_id,date,category,amount\n');
const args = ['deduct', '--payroll', book, '--training', training, '--out', join(dir, 'deductions.csv'), '--quiet'];
const stderr = join(dir, 'stderr.txt');
const m = await measure(join(ROOT, 'bin', 'skilltax.js'), args, { stderr });
if (m.exit !== 0 && m.exit !== 1) {
  process.stderr.write(existsSync(stderr) ? readFileSync(stderr, 'utf8') : `skilltax deduct failed (${m.signal ?? m.exit})\n`);
  process.exit(2);
}
process.stdout.write(
  [
    `skilltax deduct on ${book}`,
    `  payroll rows        ${rows.toLocaleString('en-US')} (${(statSync(book).size / 1e6).toFixed(1)} MB workbook)`,
    `  wall time           ${m.wall.toFixed(2)} s (cpu ${m.cpu.toFixed(2)} s)`,
    `  peak memory (RSS)   ${(m.maxRssKiB / 1024).toFixed(1)} MiB`,
  ].join('\n') + '\n',
);
