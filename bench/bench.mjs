#!/usr/bin/env node
/**
 * Benchmarks of the built CLI on synthetic data (build first: `npm run build`; `npm run bench`
 * does): `node bench/bench.mjs [payroll-rows] [dir] [returns]`.
 *   1. `skilltax deduct` on payroll.csv (default 2,000,000 rows in bench/data);
 *   2. `skilltax credit` on a county's surcharge returns (default 600,000 in bench/data-credit).
 * Generates the data when it is absent or was made for another size, runs each command once and
 * reports rows, wall seconds, rows per second and peak resident memory. Peak memory comes from
 * GNU time (`/usr/bin/time -v`) when it is installed; otherwise only wall time is shown.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'skilltax.js');
const TIME = '/usr/bin/time';

function die(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

if (!existsSync(join(ROOT, 'dist', 'cli', 'index.js'))) die('dist/ is missing: run `npm run build` first (`npm run bench` does)');
const { DEFAULT_DIR, DEFAULT_ROWS, DEFAULT_RETURNS, DEFAULT_RETURNS_DIR, generate, generateReturns } = await import('./generate.mjs');

const count = (arg, fallback, what) => {
  if (arg === undefined) return fallback;
  const n = Number(arg.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) die(`${what} must be a whole number of 1 or more (got "${arg}")`);
  return n;
};
const rows = count(process.argv[2], DEFAULT_ROWS, 'rows');
const dir = resolve(process.argv[3] ?? DEFAULT_DIR);
const returns = count(process.argv[4], DEFAULT_RETURNS, 'returns');
const creditDir = process.argv[3] === undefined ? DEFAULT_RETURNS_DIR : join(dir, 'credit');

function manifest(d) {
  try {
    return JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** GNU time is usable when `time -v true` works (busybox and BSD time lack -v). */
function gnuTime() {
  if (!existsSync(TIME)) return false;
  const r = spawnSync(TIME, ['-v', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /Maximum resident set size/.test(r.stderr);
}
const withTime = gnuTime();

/** Runs the CLI once with `args`; wall seconds, cpu seconds and peak RSS (KiB) when GNU time is there. */
function measure(command, args) {
  const t0 = process.hrtime.bigint();
  const r = withTime
    ? spawnSync(TIME, ['-v', process.execPath, BIN, command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(process.execPath, [BIN, command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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
  if (r.status !== 0 && r.status !== 1) die(`skilltax ${command} failed (exit ${r.status ?? r.signal}):\n${stderr}`);
  return { status: r.status, wall, cpu, peakKb };
}

const mb = (bytes) => (bytes / 1e6).toFixed(1);
const fmt = (n) => n.toLocaleString('en-US');
const lines = (m) => [
  `  wall time           ${m.wall.toFixed(2)} s${m.cpu !== undefined ? ` (cpu ${m.cpu.toFixed(2)} s)` : ''}`,
  `  peak memory (RSS)   ${m.peakKb !== undefined ? `${(m.peakKb / 1024).toFixed(1)} MiB` : `not measured (${TIME} -v not available)`}`,
];
const reportRows = (path) => readFileSync(path, 'utf8').split('\n').length - 2;

// ── 1. deduct on payroll ─────────────────────────────────────────────────────
let m = manifest(dir);
if (!['payroll.csv', 'training.csv', 'qualifications.csv'].every((f) => existsSync(join(dir, f))) || !m || m.rows !== rows) {
  process.stdout.write(`generating ${fmt(rows)} payroll rows into ${dir} …\n`);
  m = generate(rows, dir);
}
const outDir = join(dir, 'out');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const d = measure('deduct', [
  '--payroll', join(dir, 'payroll.csv'),
  '--training', join(dir, 'training.csv'),
  '--qualifications', join(dir, 'qualifications.csv'),
  '--out', join(outDir, 'deductions.csv'),
  '--ledger-out', join(outDir, 'ledger.csv'),
  '--quiet',
]);
process.stdout.write(
  [
    `skilltax deduct on ${dir}`,
    `  payroll rows        ${fmt(m.rows)} (${mb(m.files['payroll.csv'].bytes)} MB, ${m.enterprises} enterprises)`,
    `  training rows       ${fmt(m.files['training.csv'].rows)}`,
    `  report rows         ${fmt(reportRows(join(outDir, 'deductions.csv')))} (exit ${d.status})`,
    ...lines(d),
    `  throughput          ${fmt(Math.round(m.rows / d.wall))} payroll rows/s`,
  ].join('\n') + '\n',
);

// ── 2. credit on a county's surcharge returns ─────────────────────────────────
let c = manifest(creditDir);
if (!existsSync(join(creditDir, 'surcharges.csv')) || !c || c.returns !== returns) {
  process.stdout.write(`generating ${fmt(returns)} surcharge returns into ${creditDir} …\n`);
  c = generateReturns(returns, creditDir);
}
const creditOut = join(creditDir, 'out');
rmSync(creditOut, { recursive: true, force: true });
mkdirSync(creditOut, { recursive: true });
const k = measure('credit', [
  '--surcharges', join(creditDir, 'surcharges.csv'),
  '--training', join(creditDir, 'training.csv'),
  '--qualifications', join(creditDir, 'qualifications.csv'),
  '--out', join(creditOut, 'credits.csv'),
  '--ledger-out', join(creditOut, 'ledger.csv'),
  '--quiet',
]);
process.stdout.write(
  [
    `skilltax credit on ${creditDir}`,
    `  surcharge returns   ${fmt(c.returns)} (${mb(c.files['surcharges.csv'].bytes)} MB, ${fmt(c.enterprises)} enterprises, ${fmt(c.files['training.csv'].rows)} investments)`,
    `  report rows         ${fmt(reportRows(join(creditOut, 'credits.csv')))} (exit ${k.status})`,
    ...lines(k),
    `  throughput          ${fmt(Math.round(c.returns / k.wall))} returns/s`,
  ].join('\n') + '\n',
);
