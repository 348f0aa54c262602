#!/usr/bin/env node
/**
 * Synthetic inputs for `skilltax deduct` at the scale of many enterprises and years (issue #13:
 * 100k enterprises × 10 years = 1M enterprise-years), seeded and deterministic:
 * `node bench/generate-enterprises.mjs [enterprises] [years] [dir]`.
 *
 * Writes into `dir`:
 * - payroll.csv: ONE whole-year row per enterprise-year (`period` YYYY, the yearly form a
 *   warehouse aggregation produces), wages heavy-tailed across enterprises with a yearly raise;
 * - training.csv: one `education` row per enterprise-year, 1–12% of the year's wages (so the
 *   2.5% cap before 2018 and the 8% cap after it are often exceeded and carried forward), a
 *   tenth of them accruals with `incurred` below the book amount;
 * - qualifications.csv: a few enterprises with high_tech (the higher rate before 2018) or
 *   software_ic spans.
 * Years run from 2015 (the 2.5% rate) to 2015 + years − 1. Needs the build (`npm run build`)
 * for the project's 统一社会信用代码 check character.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mulberry32 } from '../scripts/prng.mjs';

const SEED = 20250613;
const FIRST_YEAR = 2015;

const { withUsccCheck } = await import(new URL('../dist/domain/ids.js', import.meta.url).href);
/** The 31 characters of a 统一社会信用代码 (GB 32100-2015: no I, O, S, V, Z). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Enterprise n → 91 (enterprise registered with 市场监管) + 330281 (余姚) + MA + 7 characters
 * spread from n (so ids do not sort in generation order) + the check character. Distinct for
 * n below 31^7 / 7,919 (3.4 million).
 */
function usccOf(n) {
  const chars = [];
  for (let v = n * 7919 + 15485863, k = 0; k < 7; k++, v = Math.floor(v / 31)) chars.unshift(USCC_CHARS[v % 31]);
  return withUsccCheck(`91330281MA${chars.join('')}`);
}

/** fen → yuan text with two decimals (non-negative). */
const yuanText = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** A file written through a 1 MB buffer; `end()` returns the bytes written. */
class BufferedFile {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.pending = [];
    this.size = 0;
    this.bytes = 0;
    this.rows = -1; // the header is not a row
  }
  line(text) {
    this.pending.push(text);
    this.size += text.length + 1;
    this.rows++;
    if (this.size >= 1 << 20) this.drain();
  }
  drain() {
    if (this.pending.length) this.bytes += writeSync(this.fd, this.pending.join('\n') + '\n');
    this.pending = [];
    this.size = 0;
  }
  end() {
    this.drain();
    closeSync(this.fd);
    return { rows: this.rows, bytes: this.bytes };
  }
}

/**
 * Writes payroll.csv, training.csv and qualifications.csv for `enterprises` enterprises over
 * `years` years into `dir` (created if needed); the same arguments give the same bytes.
 * Returns `{ files: { 'payroll.csv': { rows, bytes }, … }, enterprises, years, firstYear, lastYear }`.
 */
export function generateEnterpriseYears(enterprises, years, dir) {
  for (const [what, n] of [['enterprises', enterprises], ['years', years]]) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a whole number of 1 or more (got ${n})`);
  }
  if (FIRST_YEAR + years - 1 > 9999) throw new Error(`years must end by 9999 (got ${years} from ${FIRST_YEAR})`);
  mkdirSync(dir, { recursive: true });
  const rnd = mulberry32(SEED);
  const ids = Array.from({ length: enterprises }, (_, i) => usccOf(i));
  // A yearly wage bill of about 500k yuan, log-normal (a few large enterprises, many small),
  // growing 0–10% a year; kept in fen for the training amounts.
  const wages = new Float64Array(enterprises * years);
  for (let i = 0; i < enterprises; i++) {
    const normal = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    let fen = Math.max(1_000_000, Math.round(50_000_000 * Math.exp(1.3 * normal)));
    for (let y = 0; y < years; y++) {
      wages[i * years + y] = fen;
      fen = Math.round(fen * (1 + rnd() * 0.1));
    }
  }

  // Year by year, every enterprise in each: how ten annual exports appended look.
  const payroll = new BufferedFile(join(dir, 'payroll.csv'));
  payroll.line('enterprise_id,period,wages');
  const training = new BufferedFile(join(dir, 'training.csv'));
  training.line('enterprise_id,date,category,amount,incurred,description');
  for (let y = 0; y < years; y++) {
    const year = FIRST_YEAR + y;
    for (let i = 0; i < enterprises; i++) {
      const fen = wages[i * years + y];
      payroll.line(`${ids[i]},${year},${yuanText(fen)}`);
      const amount = Math.max(1, Math.round(fen * (0.01 + rnd() * 0.11)));
      const date = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const incurred = rnd() < 0.1 ? yuanText(Math.round(amount * 0.7)) : '';
      training.line(`${ids[i]},${date},education,${yuanText(amount)},${incurred},职工教育经费`);
    }
  }

  const quals = new BufferedFile(join(dir, 'qualifications.csv'));
  quals.line('enterprise_id,qualification,valid_from,valid_to');
  for (let i = 0; i < enterprises; i++) {
    const q = rnd();
    if (q < 0.03) {
      // Three-year certificates, the second one renewed after a lapse of a few days.
      quals.line(`${ids[i]},high_tech,${FIRST_YEAR - 1}-11-20,${FIRST_YEAR + 2}-11-19`);
      quals.line(`${ids[i]},high_tech,${FIRST_YEAR + 2}-12-01,${FIRST_YEAR + 5}-11-30`);
    } else if (q < 0.04) quals.line(`${ids[i]},software_ic,${FIRST_YEAR + 1}-03-15,`);
  }

  return {
    files: { 'payroll.csv': payroll.end(), 'training.csv': training.end(), 'qualifications.csv': quals.end() },
    enterprises,
    years,
    firstYear: FIRST_YEAR,
    lastYear: FIRST_YEAR + years - 1,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const count = (arg, fallback) => (arg === undefined ? fallback : Number(arg.replace(/[_,]/g, '')));
  const dir = resolve(process.argv[4] ?? 'bench/data-enterprises');
  const t0 = process.hrtime.bigint();
  const m = generateEnterpriseYears(count(process.argv[2], 100_000), count(process.argv[3], 10), dir);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const files = Object.entries(m.files).map(([name, f]) => `${name} ${f.rows} rows (${(f.bytes / 1e6).toFixed(1)} MB)`);
  process.stdout.write(`wrote ${dir}: ${m.enterprises} enterprises × ${m.years} years (${m.firstYear}–${m.lastYear}): ${files.join(', ')} in ${s.toFixed(1)} s\n`);
}
