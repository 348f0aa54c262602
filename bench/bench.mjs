#!/usr/bin/env node
/**
 * Benchmark of `skilltax deduct` on synthetic data: `node bench/bench.mjs [rows] [dir]`
 * (defaults: 2,000,000 payroll rows in bench/data). Generates the data when it is absent or
 * was made for another row count, runs the built CLI once (build first: `npm run build`) and
 * reports rows, wall seconds, rows per second and peak resident memory. Peak memory comes
 * from GNU time (`/usr/bin/time -v`) when it is installed; otherwise only wall time is shown.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DIR, DEFAULT_ROWS, generate } from './generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'skilltax.js');
const TIME = '/usr/bin/time';

function die(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const rows = process.argv[2] === undefined ? DEFAULT_ROWS : Number(process.argv[2].replace(/[_,]/g, ''));
if (!Number.isInteger(rows) || rows < 1) die(`rows must be a whole number of 1 or more (got "${process.argv[2]}")`);
const dir = resolve(process.argv[3] ?? DEFAULT_DIR);
if (!existsSync(join(ROOT, 'dist', 'cli', 'index.js'))) die('dist/ is missing: run `npm run build` first (`npm run bench` does)');

function manifest() {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

let m = manifest();
const present = ['payroll.csv', 'training.csv', 'qualifications.csv'].every((f) => existsSync(join(dir, f)));
if (!present || !m || m.rows !== rows) {
  process.stdout.write(`generating ${rows} payroll rows into ${dir} …\n`);
  const t0 = process.hrtime.bigint();
  m = generate(rows, dir);
  process.stdout.write(`generated in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s\n`);
}

const outDir = join(dir, 'out');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const args = [
  BIN,
  'deduct',
  '--payroll',
  join(dir, 'payroll.csv'),
  '--training',
  join(dir, 'training.csv'),
  '--qualifications',
  join(dir, 'qualifications.csv'),
  '--out',
  join(outDir, 'deductions.csv'),
  '--ledger-out',
  join(outDir, 'ledger.csv'),
  '--quiet',
];

/** GNU time is usable when `time -v true` works (busybox and BSD time lack -v). */
function gnuTime() {
  if (!existsSync(TIME)) return false;
  const r = spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr);
}

const withTime = gnuTime();
const t0 = process.hrtime.bigint();
const r = withTime
  ? spawnSync(TIME, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const wall = Number(process.hrtime.bigint() - t0) / 1e9;

let stderr = r.stderr ?? '';
let peakKb;
let cpu;
if (withTime) {
  const i = stderr.lastIndexOf('\tCommand being timed:');
  const report = i >= 0 ? stderr.slice(i) : stderr;
  if (i >= 0) stderr = stderr.slice(0, i);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  if (rss) peakKb = Number(rss[1]);
  const user = /User time \(seconds\): ([\d.]+)/.exec(report);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
  if (user && sys) cpu = Number(user[1]) + Number(sys[1]);
}
// skilltax exits 1 when it wrote its reports with warnings: both count as a completed run.
if (r.status !== 0 && r.status !== 1) die(`skilltax deduct failed (exit ${r.status ?? r.signal}):\n${stderr}`);

const reportRows = readFileSync(join(outDir, 'deductions.csv'), 'utf8').split('\n').length - 2;
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const lines = [
  `skilltax deduct on ${dir}`,
  `  payroll rows        ${m.rows.toLocaleString('en-US')} (${mb(m.files['payroll.csv'].bytes)} MB, ${m.enterprises} enterprises)`,
  `  training rows       ${m.files['training.csv'].rows.toLocaleString('en-US')}`,
  `  report rows         ${reportRows.toLocaleString('en-US')} (exit ${r.status})`,
  `  wall time           ${wall.toFixed(2)} s${cpu !== undefined ? ` (cpu ${cpu.toFixed(2)} s)` : ''}`,
  `  throughput          ${Math.round(m.rows / wall).toLocaleString('en-US')} payroll rows/s`,
  `  peak memory (RSS)   ${peakKb !== undefined ? `${(peakKb / 1024).toFixed(1)} MiB` : `not measured (${TIME} -v not available)`}`,
];
process.stdout.write(lines.join('\n') + '\n');
