/**
 * Invariants of the education expense carryforward (STYLE: property tests for carryforward
 * conservation, deductible ≤ cap, idempotence), over random multi-year inputs of one
 * enterprise, run the way the deduct pipeline runs them: planEducation → computeEnterprise →
 * mergeEducation; and once through runDeduct on CSV files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEnterprise, type DeductionRow, mergeEducation, planEducation } from '../src/calculators/education-expense.js';
import type { QualificationSpan } from '../src/domain/qualifications.js';
import type { LedgerEntry, YearData } from '../src/domain/records.js';
import type { Qualification } from '../src/domain/vocabulary.js';
import { type Fen, formatFen } from '../src/domain/money.js';
import { checkLedger } from '../src/ledger/ledger.js';
import { runDeduct } from './helpers/run.js';
import { tempDirs } from './helpers/files.js';
import { amount, spanArb } from './unit-helpers/arbitraries.js';
import { col, strip, writeLedger } from './unit-helpers/ledger.js';
import { ID, ID2, led, rules } from './unit-helpers/education.js';

// ── generators ────────────────────────────────────────────────────────────────
const QUALS: Qualification[] = ['high_tech', 'advanced_tech_service', 'software_ic', 'animation', 'nuclear_power', 'airline'];

const yearDataArb: fc.Arbitrary<YearData> = fc
  .record({
    wages: amount(200_000_000), // up to 2,000,000.00
    book: amount(20_000_000),
    incurredDelta: fc.integer({ min: -5_000_000, max: 5_000_000 }),
    hasFull: fc.boolean(),
    fullBook: amount(5_000_000),
    fullIncurred: amount(5_000_000),
  })
  .map((r) => {
    const incurred = Math.max(0, r.book + r.incurredDelta);
    return {
      wages: r.wages,
      wageRows: 12,
      book: r.book,
      incurred,
      educationRows: r.book || incurred ? 1 : 0,
      fullBook: r.hasFull ? r.fullBook : 0,
      fullIncurred: r.hasFull ? r.fullIncurred : 0,
      fullRows: r.hasFull ? 1 : 0,
    };
  });

const qualArb = spanArb(QUALS, 2008, 2025);

interface Scenario {
  from: number;
  to: number;
  /** years with data (a payroll or training row) */
  years: Map<number, YearData>;
  quals: QualificationSpan[];
  /** an opening balance brought from another system: ledger closing of from − 1 − openingGap */
  opening?: Fen;
  /** years missing between the opening balance and `from` (> 0: ledger_gap) */
  openingGap: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    from: fc.integer({ min: 2009, max: 2022 }),
    span: fc.integer({ min: 0, max: 5 }),
    data: fc.array(fc.option(yearDataArb, { nil: undefined, freq: 4 }), { minLength: 6, maxLength: 6 }),
    quals: fc.array(qualArb, { maxLength: 3 }),
    opening: fc.option(amount(30_000_000), { nil: undefined, freq: 2 }),
    openingGap: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 1 }),
  })
  .map(({ from, span, data, quals, opening, openingGap }) => {
    const years = new Map<number, YearData>();
    for (let i = 0; i <= span; i++) if (data[i]) years.set(from + i, data[i]!);
    return { from, to: from + span, years, quals, openingGap, ...(opening !== undefined ? { opening } : {}) };
  });

// ── the pipeline, as src/pipeline/deduct.ts runs it for one enterprise ─────────
function initialLedger(s: Scenario): LedgerEntry[] {
  return s.opening === undefined ? [] : [{ ...led(s.from - 1 - s.openingGap, { closing: '0' }), closing: s.opening }];
}

function deduct(s: Scenario, ledger: readonly LedgerEntry[], from: number, to: number): { rows: DeductionRow[]; ledger: LedgerEntry[] } {
  const dataYears = [...s.years.keys()].sort((a, b) => a - b);
  const plan = planEducation(ledger, dataYears, from, to);
  if (!plan) return { rows: [], ledger: [...ledger] };
  const rows = computeEnterprise(rules, {
    enterpriseId: ID,
    start: plan.start,
    end: to,
    years: s.years,
    qualifications: s.quals,
    carry: plan.carry,
  });
  const merged = mergeEducation(ledger, new Map([[ID, rows]]), false);
  expect(merged.conflicts).toEqual([]);
  return { rows, ledger: merged.entries };
}

/** Rows as plain data (the rate as its text), for comparing runs. */
const plain = (rows: DeductionRow[]) => rows.map((r) => ({ ...r, rate: r.rate.toFixed() }));

// PROP_RUNS=20000 npx vitest run test/properties.test.ts for a longer search
const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 300) };

/** RULES §1.3 row 6, with the first year of each qualification's rule (rules/params.ts series starts). */
const FULL_FROM: Partial<Record<Qualification, number>> = { software_ic: 2011, animation: 2009, nuclear_power: 2014, airline: 2011 };
function fullQualified(spans: readonly QualificationSpan[], year: number): boolean {
  return spans.some(
    (q) =>
      FULL_FROM[q.qualification] !== undefined &&
      year >= FULL_FROM[q.qualification]! &&
      q.valid_from <= `${year}-12-31` &&
      (q.valid_to === undefined || q.valid_to >= `${year}-01-01`),
  );
}

describe('properties of the carryforward (one enterprise, random years)', () => {
  it('conservation: Σ deductible + final carry_out = Σ incurred + opening balance', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { rows } = deduct(s, initialLedger(s), s.from, s.to);
        if (rows.length === 0) {
          expect(s.years.size).toBe(0);
          expect(s.opening).toBeUndefined();
          return;
        }
        const sumDeductible = rows.reduce((a, r) => a + r.deductible, 0);
        const sumIncurred = rows.reduce((a, r) => a + r.incurred, 0);
        expect(sumDeductible + rows[rows.length - 1]!.carry_out).toBe(sumIncurred + (s.opening ?? 0));
      }),
      RUNS,
    );
  });

  it('every row: 0 ≤ deductible ≤ cap, carry_out ≥ 0, the chain holds, rows 4 = 5 + 6, nothing lost between rows 5 and 6', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { rows } = deduct(s, initialLedger(s), s.from, s.to);
        let carry = s.opening ?? 0;
        let year = rows[0]?.year;
        for (const r of rows) {
          expect(r.year).toBe(year);
          year = r.year + 1;
          expect(r.deductible).toBeGreaterThanOrEqual(0);
          expect(r.deductible).toBeLessThanOrEqual(r.cap);
          expect(r.deductible).toBeLessThanOrEqual(r.incurred + r.carry_in);
          expect(r.carry_out).toBeGreaterThanOrEqual(0);
          expect(r.carry_in).toBe(carry);
          expect(r.adjustment).toBe(r.book - r.deductible);
          expect(r.full_deductible).toBe(r.full_incurred);
          expect(r.full_adjustment).toBe(r.full_book - r.full_incurred);
          expect(r.total_book).toBe(r.book + r.full_book);
          expect(r.total_deductible).toBe(r.deductible + r.full_deductible);
          expect(r.total_adjustment).toBe(r.adjustment + r.full_adjustment);
          const d = s.years.get(r.year);
          expect(r.incurred + r.full_incurred).toBe((d?.incurred ?? 0) + (d?.fullIncurred ?? 0));
          expect(r.book + r.full_book).toBe((d?.book ?? 0) + (d?.fullBook ?? 0));
          const hasFull = (d?.fullRows ?? 0) > 0;
          const qualified = fullQualified(s.quals, r.year);
          expect(r.notes.includes('full_training_unqualified')).toBe(hasFull && !qualified);
          if (!qualified) expect([r.full_book, r.full_incurred]).toEqual([0, 0]);
          expect(r.notes.includes('ledger_gap')).toBe(r === rows[0] && s.opening !== undefined && s.openingGap > 0);
          carry = r.carry_out;
        }
      }),
      RUNS,
    );
  });

  it('the written ledger passes its own check', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { ledger } = deduct(s, initialLedger(s), s.from, s.to);
        expect(checkLedger(ledger, col)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('idempotence: recomputing with the merged ledger as input gives the same rows and the same ledger', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const first = deduct(s, initialLedger(s), s.from, s.to);
        const second = deduct(s, first.ledger, s.from, s.to);
        expect(plain(second.rows)).toEqual(plain(first.rows));
        expect(second.ledger).toEqual(first.ledger);
      }),
      RUNS,
    );
  });

  it('year by year, each year’s ledger feeding the next, gives the rows and ledger of one multi-year run', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const whole = deduct(s, initialLedger(s), s.from, s.to);
        let ledger = initialLedger(s);
        const rows: DeductionRow[] = [];
        for (let y = s.from; y <= s.to; y++) {
          const r = deduct(s, ledger, y, y);
          expect(r.rows.length).toBeLessThanOrEqual(1);
          rows.push(...r.rows);
          ledger = r.ledger;
        }
        expect(plain(rows)).toEqual(plain(whole.rows));
        expect(ledger).toEqual(whole.ledger);
      }),
      RUNS,
    );
  });

  it('recomputing a suffix of the years from the ledger gives the same rows for those years', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, k) => {
        const whole = deduct(s, initialLedger(s), s.from, s.to);
        const cut = s.from + (k % (s.to - s.from + 1));
        const again = deduct(s, whole.ledger, cut, s.to);
        expect(plain(again.rows)).toEqual(plain(whole.rows.filter((r) => r.year >= cut)));
        expect(again.ledger).toEqual(whole.ledger);
      }),
      RUNS,
    );
  });
});

// ── the same through runDeduct on CSV files ───────────────────────────────────
describe('runDeduct on CSV files: year by year equals one multi-year run', () => {
  const tempDir = tempDirs('skilltax-prop-');

  function writeInputs(dir: string, s: Scenario, s2: Scenario): { payroll: string; training: string; qualifications: string } {
    const payroll = ['enterprise_id,period,wages'];
    const training = ['enterprise_id,date,category,amount,incurred,description'];
    const quals = ['enterprise_id,qualification,valid_from,valid_to'];
    for (const [id, sc] of [
      [ID, s],
      [ID2, s2],
    ] as const) {
      for (const [y, d] of sc.years) {
        // wages split over two months to exercise the yearly sum
        const half = Math.floor(d.wages / 2);
        payroll.push(`${id},${y}-03,${formatFen(half)}`, `${id},${y}-11,${formatFen(d.wages - half)}`);
        if (d.educationRows) training.push(`${id},${y}-06-30,education,${formatFen(d.book)},${formatFen(d.incurred)},training`);
        if (d.fullRows) training.push(`${id},${y}/7/1,full_training,${formatFen(d.fullBook)},${formatFen(d.fullIncurred)},`);
      }
      for (const q of sc.quals) quals.push(`${id},${q.qualification},${q.valid_from},${q.valid_to ?? ''}`);
    }
    const files = { payroll: join(dir, 'payroll.csv'), training: join(dir, 'training.csv'), qualifications: join(dir, 'qualifications.csv') };
    writeFileSync(files.payroll, payroll.join('\n') + '\n');
    writeFileSync(files.training, training.join('\n') + '\n');
    writeFileSync(files.qualifications, quals.join('\n') + '\n');
    return files;
  }

  const o = { encoding: 'utf8' as const, maxErrors: 100 };

  it('same rows and same ledger', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, scenarioArb, async (s, s2raw) => {
        // the second enterprise shares the year range
        const s2: Scenario = { ...s2raw, from: s.from, to: s.to, years: new Map([...s2raw.years].map(([y, d]) => [y - s2raw.from + s.from, d])) };
        for (const y of [...s2.years.keys()]) if (y > s.to) s2.years.delete(y);
        const dir = tempDir();
        const files = writeInputs(dir, s, s2);
        const ledger0 = [...initialLedger(s), ...(s2.opening !== undefined ? [{ ...led(s.from - 1 - s2.openingGap, { closing: '0' }, ID2), closing: s2.opening }] : [])];
        const ledgerPath = join(dir, 'ledger.csv');

        writeLedger(ledgerPath, ledger0);
        const whole = await runDeduct({ ...files, ledger: ledgerPath }, { from: s.from, to: s.to }, rules, o, false);

        writeLedger(ledgerPath, ledger0);
        const rows: DeductionRow[] = [];
        let last = whole;
        for (let y = s.from; y <= s.to; y++) {
          last = await runDeduct({ ...files, ledger: ledgerPath }, { year: y }, rules, o, false);
          rows.push(...last.rows);
          writeLedger(ledgerPath, last.ledger);
        }
        const key = (r: DeductionRow) => `${r.enterprise_id} ${r.year}`;
        rows.sort((a, b) => key(a).localeCompare(key(b)));
        const wholeRows = [...whole.rows].sort((a, b) => key(a).localeCompare(key(b)));
        expect(plain(rows)).toEqual(plain(wholeRows));
        expect(strip(last.ledger)).toEqual(strip(whole.ledger));
      }),
      { numRuns: Math.max(25, Math.floor(RUNS.numRuns / 12)) },
    );
  });
});
