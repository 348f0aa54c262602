#!/usr/bin/env node
/**
 * Synthetic, deterministic input for the benchmark: `node bench/generate.mjs [rows] [dir]`
 * writes payroll.csv (default 2,000,000 rows: ~2,000 enterprises with valid 统一社会信用代码,
 * one row per employee and month over 2020–2024), training.csv and qualifications.csv into
 * dir (default bench/data, git-ignored), plus manifest.json describing them; `generateReturns`
 * writes a county's surcharge returns for the credit benchmark. The same arguments always give
 * byte-identical files (seeded PRNG, no clock). Needs the build (`npm run build`) for the
 * project's check-character helper.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../scripts/prng.mjs';

export const DEFAULT_ROWS = 2_000_000;
export const DEFAULT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');
const SEED = 20240531;
const FIRST_YEAR = 2020;
const LAST_YEAR = 2024;
const MONTHS = (LAST_YEAR - FIRST_YEAR + 1) * 12;
const MAX_ENTERPRISES = 2000;
const GENERATOR_VERSION = 1;

// 统一社会信用代码 check character (GB 32100-2015, RULES §6): the project's own, from the build.
const { withUsccCheck: uscc } = await import(new URL('../dist/domain/ids.js', import.meta.url).href);
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Enterprise n → 91 (enterprise, 工商) + 330282 (慈溪) + MA + 7 characters from n. */
export function enterpriseId(n) {
  let body = '';
  let v = n * 7919 + 104729; // spread, so ids do not sort in generation order
  for (let i = 0; i < 7; i++) {
    body = USCC_ALPHABET[v % 31] + body;
    v = Math.floor(v / 31);
  }
  return uscc(`91330282MA${body}`);
}

const yuan = (fen) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Buffered synchronous writer: a few MB of memory whatever the file size. */
export function writer(path) {
  const fd = openSync(path, 'w');
  let buf = '';
  let bytes = 0;
  return {
    line(s) {
      buf += s + '\n';
      if (buf.length >= 1 << 20) this.flush();
    },
    flush() {
      if (buf) bytes += writeSync(fd, buf);
      buf = '';
    },
    close() {
      this.flush();
      closeSync(fd);
      return bytes;
    },
  };
}

/**
 * Writes the three files and returns the manifest. Enterprises get a skewed share of the
 * employees (a few large, many small); each employee has a monthly wage with a yearly raise
 * and a December bonus; training spend is 1–12% of the year's wages (so some enterprises
 * carry forward), and a few enterprises hold high_tech or software_ic qualifications.
 */
export function generate(rows = DEFAULT_ROWS, dir = DEFAULT_DIR) {
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a whole number of 1 or more (got ${rows})`);
  mkdirSync(dir, { recursive: true });
  const rnd = mulberry32(SEED);
  const employees = Math.ceil(rows / MONTHS);
  const enterprises = Math.min(MAX_ENTERPRISES, Math.ceil(employees / 16));

  // Every enterprise has at least one employee; the rest are shared by a heavy-tailed weight.
  const ids = Array.from({ length: enterprises }, (_, i) => enterpriseId(i));
  const weight = ids.map(() => Math.exp(1.2 * Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd())));
  const cumulative = [];
  let total = 0;
  for (const w of weight) cumulative.push((total += w));
  const staff = ids.map(() => 1);
  for (let e = enterprises; e < employees; e++) {
    const x = rnd() * total;
    let lo = 0;
    let hi = enterprises - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    staff[lo]++;
  }
  // Employee k of enterprise i: a monthly base wage of 3,000–30,000 yuan, in fen.
  const base = staff.map((n) => Array.from({ length: n }, () => 300_000 + Math.floor(rnd() * 2_700_000)));

  const years = LAST_YEAR - FIRST_YEAR + 1;
  const wagesByYear = ids.map(() => new Array(years).fill(0));
  const payroll = writer(join(dir, 'payroll.csv'));
  payroll.line('enterprise_id,period,wages,employee_id');
  let written = 0;
  outer: for (let m = 0; m < MONTHS; m++) {
    const y = Math.floor(m / 12);
    const month = (m % 12) + 1;
    const period = `${FIRST_YEAR + y}-${String(month).padStart(2, '0')}`;
    const raise = 1 + 0.03 * y;
    for (let i = 0; i < enterprises; i++) {
      const id = ids[i];
      for (let k = 0; k < staff[i]; k++) {
        if (written === rows) break outer;
        let fen = Math.round(base[i][k] * raise);
        if (month === 12) fen *= 2; // year-end bonus (年终奖)
        wagesByYear[i][y] += fen;
        payroll.line(`${id},${period},${yuan(fen)},E${String(k + 1).padStart(5, '0')}`);
        written++;
      }
    }
  }
  const payrollBytes = payroll.close();

  const training = writer(join(dir, 'training.csv'));
  training.line('enterprise_id,date,category,amount,incurred,description');
  const quals = writer(join(dir, 'qualifications.csv'));
  quals.line('enterprise_id,qualification,valid_from,valid_to');
  let trainingRows = 0;
  let qualificationRows = 0;
  for (let i = 0; i < enterprises; i++) {
    const id = ids[i];
    const q = rnd();
    const softwareIc = q < 0.02;
    if (softwareIc) quals.line(`${id},software_ic,2019-01-01,`);
    else if (q < 0.07) quals.line(`${id},high_tech,2017-06-01,2023-05-31`);
    if (q < 0.07) qualificationRows++;
    if (rnd() < 0.02) {
      quals.line(`${id},pcie_pilot,2021-01-01,`);
      qualificationRows++;
    }
    for (let y = 0; y < years; y++) {
      const wages = wagesByYear[i][y];
      if (wages === 0 || rnd() < 0.1) continue; // some enterprise-years spend nothing
      const share = 0.01 + rnd() * 0.11; // 1–12% of wages: above 8% carries forward
      const spend = Math.round(wages * share);
      const n = 1 + Math.floor(rnd() * 6);
      for (let r = 0; r < n; r++) {
        const amount = Math.max(1, Math.round(spend / n));
        const month = 1 + Math.floor(rnd() * 12);
        const day = 1 + Math.floor(rnd() * 28);
        const date = `${FIRST_YEAR + y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        // A tenth of the rows are accruals not yet spent (incurred below book).
        const incurred = rnd() < 0.1 ? yuan(Math.round(amount * 0.7)) : '';
        training.line(`${id},${date},education,${yuan(amount)},${incurred},职工培训 ${r + 1}`);
        trainingRows++;
      }
      if (softwareIc || rnd() < 0.01) {
        training.line(`${id},${FIRST_YEAR + y}-09-15,full_training,${yuan(Math.round(wages * 0.005) + 1)},,单独核算培训费`);
        trainingRows++;
      }
    }
  }
  const trainingBytes = training.close();
  const qualificationBytes = quals.close();

  const manifest = {
    generator: GENERATOR_VERSION,
    seed: SEED,
    rows: written,
    enterprises,
    employees,
    years: `${FIRST_YEAR}-${LAST_YEAR}`,
    files: {
      'payroll.csv': { rows: written, bytes: payrollBytes },
      'training.csv': { rows: trainingRows, bytes: trainingBytes },
      'qualifications.csv': { rows: qualificationRows, bytes: qualificationBytes },
    },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

export const DEFAULT_RETURNS = 600_000;
export const DEFAULT_RETURNS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data-credit');

/**
 * A county's surcharge returns for one year (2024), for `skilltax credit`: `returns` returns
 * from enterprises filing monthly (9 in 10) or quarterly, with VAT, sales (a fifth of them small
 * enough for the exemption), payments; one in ten on the 产教融合 pilot list with one to three
 * investments (one in twenty of those a withdrawal), one in six small-scale or 小型微利 (the
 * 六税两费 reduction). Writes surcharges.csv, training.csv, qualifications.csv and manifest.json.
 */
export function generateReturns(returns = DEFAULT_RETURNS, dir = DEFAULT_RETURNS_DIR) {
  if (!Number.isInteger(returns) || returns < 1) throw new Error(`returns must be a whole number of 1 or more (got ${returns})`);
  mkdirSync(dir, { recursive: true });
  const rnd = mulberry32(SEED + 1);
  const surcharges = writer(join(dir, 'surcharges.csv'));
  surcharges.line('enterprise_id,period,vat,vat_exempt_offset,refund_deduction,consumption_tax,sales,paid_edu,paid_local');
  const training = writer(join(dir, 'training.csv'));
  training.line('enterprise_id,date,category,amount,incurred,description');
  const quals = writer(join(dir, 'qualifications.csv'));
  quals.line('enterprise_id,qualification,valid_from,valid_to');
  let written = 0;
  let enterprises = 0;
  let investments = 0;
  for (let e = 0; written < returns; e++) {
    const id = enterpriseId(10_000 + e);
    enterprises++;
    const quarterly = rnd() < 0.1;
    const small = rnd() < 0.2;
    if (rnd() < 1 / 6) quals.line(`${id},${rnd() < 0.5 ? 'small_scale_vat' : 'small_low_profit'},2020-01-01,`);
    if (rnd() < 0.1) {
      quals.line(`${id},pcie_pilot,2022-01-01,`);
      const n = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) {
        const fen = 1_000_000 + Math.floor(rnd() * 50_000_000);
        const date = `2024-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
        training.line(`${id},${date},pcie_investment,${rnd() < 0.05 ? '-' : ''}${yuan(fen)},,产教融合投资`);
        investments++;
      }
    }
    const periods = quarterly ? ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'] : Array.from({ length: 12 }, (_, m) => `2024-${String(m + 1).padStart(2, '0')}`);
    for (const p of periods) {
      if (written === returns) break;
      const sales = small ? Math.floor(rnd() * (quarterly ? 30_000_000 : 10_000_000)) : 10_000_000 + Math.floor(rnd() * 500_000_000);
      const vat = Math.floor(sales * (small ? 0.03 : 0.13));
      const offset = rnd() < 0.05 ? Math.floor(vat * 0.2) : 0;
      const paidEdu = rnd() < 0.3 ? Math.floor(vat * 0.03) : 0;
      const paidLocal = paidEdu ? Math.floor(vat * 0.02) : 0;
      surcharges.line(`${id},${p},${yuan(vat)},${yuan(offset)},0.00,0.00,${yuan(sales)},${yuan(paidEdu)},${yuan(paidLocal)}`);
      written++;
    }
  }
  const manifest = {
    generator: GENERATOR_VERSION,
    seed: SEED + 1,
    returns: written,
    enterprises,
    files: {
      'surcharges.csv': { rows: written, bytes: surcharges.close() },
      'training.csv': { rows: investments, bytes: training.close() },
      'qualifications.csv': { bytes: quals.close() },
    },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const rows = process.argv[2] === undefined ? DEFAULT_ROWS : Number(process.argv[2].replace(/[_,]/g, ''));
  const dir = resolve(process.argv[3] ?? DEFAULT_DIR);
  const t0 = process.hrtime.bigint();
  const m = generate(rows, dir);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const mb = (b) => (b / 1e6).toFixed(1);
  process.stdout.write(
    `wrote ${dir}: payroll.csv ${m.rows} rows (${mb(m.files['payroll.csv'].bytes)} MB, ${m.enterprises} enterprises, ${m.employees} employees), ` +
      `training.csv ${m.files['training.csv'].rows} rows, qualifications.csv ${m.files['qualifications.csv'].rows} rows in ${s.toFixed(1)} s\n`,
  );
}
