/**
 * Conservation at scale (issue #8): over generated data for many enterprises and years, what is
 * carried is neither created nor lost, to the fen.
 *   education expense: Σ deductible (row 5) + Σ final carry out = Σ incurred (row 5) + Σ opening balances
 *   产教融合 pool:     Σ used + Σ final closing = Σ opening + Σ added + Σ shortfall (the part of a
 *                      withdrawal beyond the pool, which the pool does not go below zero for)
 *   留抵退税 deduction: Σ added = Σ used + Σ final closing (the refund-deduction pool)
 * 10,000 enterprises over 10 years for the deduction; the credit over 2,000 enterprises' quarterly
 * returns for 10 years in `npm test`, 10,000 with SKILLTAX_LONG=1 (`npm run fuzz`). Sums in BigInt.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../scripts/prng.mjs';
import { withUsccCheck } from '../src/domain/ids.js';
import { skilltax } from './helpers/cli.js';
import { tempDirs } from './helpers/files.js';
import { yuan } from './helpers/recompute.js';

const LONG = process.env.SKILLTAX_LONG === '1';
const tempDir = tempDirs('skilltax-conservation-');
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function enterprise(n: number): string {
  let body = '';
  let v = n * 7919 + 104729;
  for (let i = 0; i < 7; i++) {
    body = ALPHABET[v % 31] + body;
    v = Math.floor(v / 31);
  }
  return withUsccCheck(`91330282MA${body}`);
}

const prng = (seed: number): (() => number) => mulberry32(seed);

const fen = (s: string | undefined): bigint => (s === undefined || s === '' ? 0n : BigInt(s.replace('.', '')));
type Row = Record<string, string>;
const read = (path: string) => parse(readFileSync(path), { columns: true, bom: true }) as Row[];

function byEnterprise(rows: Row[], key: string): Map<string, Row[]> {
  const m = new Map<string, Row[]>();
  for (const r of rows) {
    const list = m.get(r.enterprise_id!) ?? [];
    list.push(r);
    m.set(r.enterprise_id!, list);
  }
  for (const list of m.values()) list.sort((a, b) => (a[key]! < b[key]! ? -1 : a[key]! > b[key]! ? 1 : 0));
  return m;
}

describe('conservation at scale', () => {
  it('education expense: 10,000 enterprises over 2015–2024, opening balances for some', () => {
    const dir = tempDir();
    const rnd = prng(7);
    const payroll = ['enterprise_id,period,wages'];
    const training = ['enterprise_id,date,category,amount,incurred'];
    const ledger = ['enterprise_id,kind,period,opening,added,used,closing'];
    const quals = ['enterprise_id,qualification,valid_from,valid_to'];
    let opening = 0n;
    for (let e = 0; e < 10_000; e++) {
      const id = enterprise(e);
      if (rnd() < 0.1) {
        const balance = Math.floor(rnd() * 5_000_000);
        ledger.push(`${id},education_expense,2014,,,,${yuan(balance)}`);
        opening += BigInt(balance);
      }
      if (rnd() < 0.05) quals.push(`${id},high_tech,2015-01-01,2017-12-31`);
      for (let y = 2015; y <= 2024; y++) {
        if (rnd() < 0.05) continue; // a year without data
        const wages = Math.floor(rnd() * 200_000_000);
        payroll.push(`${id},${y},${yuan(wages)}`);
        const rows = Math.floor(rnd() * 3);
        for (let k = 0; k < rows; k++) {
          const amount = Math.floor(rnd() * wages * 0.06);
          const incurred = rnd() < 0.2 ? Math.floor(amount * 0.8) : amount;
          training.push(`${id},${y}-0${1 + k}-15,education,${yuan(amount)},${yuan(incurred)}`);
        }
      }
    }
    const w = (name: string, lines: string[]) => writeFileSync(join(dir, name), lines.join('\n') + '\n');
    w('payroll.csv', payroll);
    w('training.csv', training);
    w('ledger.csv', ledger);
    w('qualifications.csv', quals);
    const r = skilltax(['deduct', '--payroll', join(dir, 'payroll.csv'), '--training', join(dir, 'training.csv'), '--qualifications', join(dir, 'qualifications.csv'),
      '--ledger', join(dir, 'ledger.csv'), '--out', join(dir, 'deductions.csv'), '--ledger-out', join(dir, 'ledger-out.csv'), '--quiet']);
    expect([0, 1]).toContain(r.status);
    const rows = read(join(dir, 'deductions.csv'));
    const enterprises = byEnterprise(rows, 'year');
    expect(enterprises.size).toBe(10_000);
    let deductible = 0n;
    let incurred = 0n;
    let finalCarry = 0n;
    let carriedIn = 0n;
    for (const list of enterprises.values()) {
      for (const x of list) {
        deductible += fen(x.deductible);
        incurred += fen(x.incurred);
      }
      finalCarry += fen(list.at(-1)!.carry_out);
      carriedIn += fen(list[0]!.carry_in);
    }
    expect(carriedIn).toBe(opening);
    expect(deductible + finalCarry).toBe(incurred + opening);
    // a meaningful share carries forward, so the identity is not 0 = 0
    expect(finalCarry).toBeGreaterThan(0n);
    // the ledger written holds the same chain
    const led = read(join(dir, 'ledger-out.csv')).filter((x) => x.kind === 'education_expense' && x.period !== '2014');
    let used = 0n;
    let added = 0n;
    for (const x of led) {
      used += fen(x.used);
      added += fen(x.added);
    }
    expect(used).toBe(deductible);
    expect(added).toBe(incurred);
  }, 120_000);

  it(`产教融合 pool: ${LONG ? '10,000' : '2,000'} enterprises' quarterly returns 2015–2024, investments and withdrawals`, () => {
    const n = LONG ? 10_000 : 2_000;
    const dir = tempDir();
    const rnd = prng(11);
    const surcharges = ['enterprise_id,period,vat,refund_deduction,sales'];
    const training = ['enterprise_id,date,category,amount'];
    const quals = ['enterprise_id,qualification,valid_from,valid_to'];
    for (let e = 0; e < n; e++) {
      const id = enterprise(e);
      const pilot = rnd() < 0.5;
      if (pilot) quals.push(`${id},pcie_pilot,2019-01-01,${rnd() < 0.2 ? '2022-12-31' : ''}`);
      for (let y = 2015; y <= 2024; y++) {
        for (let q = 1; q <= 4; q++) {
          const vat = Math.floor(rnd() * 20_000_000);
          // now and then a 留抵退税 deduction, sometimes above the quarter's VAT (carried on)
          const refund = y >= 2019 && rnd() < 0.05 ? Math.floor(rnd() * 40_000_000) : 0;
          surcharges.push(`${id},${y}-Q${q},${yuan(vat)},${yuan(refund)},${yuan(vat * 8)}`);
          if (pilot && y >= 2019 && rnd() < 0.15) {
            const amount = Math.floor(rnd() * 30_000_000) * (rnd() < 0.15 ? -1 : 1);
            training.push(`${id},${y}-${String(q * 3 - 1).padStart(2, '0')}-10,pcie_investment,${yuan(amount)}`);
          }
        }
      }
    }
    const w = (name: string, lines: string[]) => writeFileSync(join(dir, name), lines.join('\n') + '\n');
    w('surcharges.csv', surcharges);
    w('training.csv', training);
    w('qualifications.csv', quals);
    const r = skilltax(['credit', '--surcharges', join(dir, 'surcharges.csv'), '--training', join(dir, 'training.csv'), '--qualifications', join(dir, 'qualifications.csv'),
      '--out', join(dir, 'credits.csv'), '--ledger-out', join(dir, 'ledger.csv'), '--quiet']);
    expect([0, 1]).toContain(r.status);
    const credits = read(join(dir, 'credits.csv'));
    const pool = byEnterprise(read(join(dir, 'ledger.csv')).filter((x) => x.kind === 'pcie_credit'), 'period');
    let used = 0n;
    let added = 0n;
    let final = 0n;
    let opening = 0n;
    for (const list of pool.values()) {
      for (const x of list) {
        used += fen(x.used);
        added += fen(x.added);
      }
      final += fen(list.at(-1)!.closing);
      opening += fen(list[0]!.opening);
    }
    let credited = 0n;
    let shortfall = 0n;
    for (const c of credits) {
      credited += fen(c.credit);
      if (c.fee === 'education_surcharge') shortfall += fen(c.shortfall);
    }
    expect(opening).toBe(0n);
    expect(credited).toBe(used);
    expect(used + final).toBe(opening + added + shortfall);
    expect(used).toBeGreaterThan(0n);
    expect(shortfall).toBeGreaterThan(0n);
    // the refund-deduction pool: nothing added is lost or made
    const refund = byEnterprise(read(join(dir, 'ledger.csv')).filter((x) => x.kind === 'refund_deduction'), 'period');
    let rAdded = 0n;
    let rUsed = 0n;
    let rFinal = 0n;
    for (const list of refund.values()) {
      for (const x of list) {
        rAdded += fen(x.added);
        rUsed += fen(x.used);
      }
      rFinal += fen(list.at(-1)!.closing);
      expect(fen(list[0]!.opening)).toBe(0n);
    }
    expect(rAdded).toBe(rUsed + rFinal);
    expect(rFinal).toBeGreaterThan(0n);
  }, 300_000);
});
