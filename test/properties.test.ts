/**
 * Invariants of the education expense carryforward (STYLE: property tests for carryforward
 * conservation, deductible ≤ cap, idempotence), over random multi-year inputs of one
 * enterprise, run the way the deduct pipeline runs them: planEducation → computeEnterprise →
 * mergeEducation; and once through runDeduct on CSV files. Each property then asserts what its
 * cases covered (helpers/coverage.ts: carryforwards made and absorbed, row 6, notes…), so that a
 * generator change cannot let it pass vacuously.
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
import { Coverage } from './helpers/coverage.js';
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
      // valid on the year's last day (RULES §1.1, eit.qualification_test.* = year_end)
      q.valid_from <= `${year}-12-31` &&
      (q.valid_to === undefined || q.valid_to >= `${year}-12-31`),
  );
}

// ── coverage: what the generated cases exercised, asserted after each fc.assert ──
/** Counts a scenario and each of its computed years under what they exercise. */
function observe(cov: Coverage, s: Scenario | undefined, rows: readonly DeductionRow[]): void {
  if (s) {
    cov.count('scenarios');
    cov.count('scenarios with rows', rows.length > 0);
    cov.count('opening balance carried in', s.opening !== undefined && s.opening > 0 && rows.length > 0 && rows[0]!.carry_in > 0);
  }
  for (const r of rows) {
    cov.count('years');
    cov.count('carry_out > 0', r.carry_out > 0);
    cov.count('carry in absorbed', r.carry_in > 0 && r.deductible > r.incurred);
    cov.count('spend deducted in full', r.incurred > 0 && r.carry_out === 0);
    cov.count('row 6', r.full_book > 0 || r.full_incurred > 0);
    cov.count('notes', r.notes.length > 0);
    for (const n of r.notes) cov.count(n);
    cov.count('rate 2.5%', r.rate.toFixed() === '0.025');
    cov.count('rate 8% before 2018', r.year < 2018 && r.rate.toFixed() === '0.08');
  }
}

/**
 * What every property over scenarioArb must see. Measured over runs of 300 scenarios (~960
 * years): scenarios with rows 96–98%; of the years, carry_out > 0 77–86%, carry in absorbed
 * 12–18%, spend deducted in full 6–8%, row 6 8–14%, notes 55–60%; per run, an opening balance
 * carried in 99–128 scenarios, ledger_gap 22–37 years, 高新技术企业 8% before 2018 15–36 years.
 * The thresholds are far below (the seeds are random).
 */
function expectCoverage(cov: Coverage): Coverage {
  return cov
    .show()
    .atLeast('scenarios with rows', 'scenarios', 0.8)
    .atLeast('opening balance carried in', 'scenarios', 0.15)
    .atLeast('carry_out > 0', 'years', 0.5)
    .atLeast('carry in absorbed', 'years', 0.05)
    .atLeast('spend deducted in full', 'years', 0.02)
    .atLeast('row 6', 'years', 0.04)
    .atLeast('notes', 'years', 0.3)
    .atLeast('full_training_unqualified', 'years', 0.1)
    .atLeast('no_wages', 'years', 0.1)
    .seen('ledger_gap', 5)
    .atLeast('rate 2.5%', 'years', 0.2)
    .seen('rate 8% before 2018', 3);
}

describe('properties of the carryforward (one enterprise, random years)', () => {
  it('conservation: Σ deductible + final carry_out = Σ incurred + opening balance', () => {
    const cov = new Coverage('conservation');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { rows } = deduct(s, initialLedger(s), s.from, s.to);
        observe(cov, s, rows);
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
    expectCoverage(cov);
  });

  it('every row: 0 ≤ deductible ≤ cap, carry_out ≥ 0, the chain holds, rows 4 = 5 + 6, nothing lost between rows 5 and 6', () => {
    const cov = new Coverage('every row');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { rows } = deduct(s, initialLedger(s), s.from, s.to);
        observe(cov, s, rows);
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
          // row 6 only when qualified, and full_training rows of an unqualified year seen both ways
          cov.count('unqualified full_training rows counted in row 5', hasFull && !qualified && (d?.fullIncurred ?? 0) > 0);
        }
      }),
      RUNS,
    );
    expectCoverage(cov).seen('unqualified full_training rows counted in row 5', 50); // 190–202 measured
  });

  it('the written ledger passes its own check', () => {
    const cov = new Coverage('ledger check');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { rows, ledger } = deduct(s, initialLedger(s), s.from, s.to);
        observe(cov, s, rows);
        cov.count('ledger rows', true, ledger.length);
        cov.count('ledger rows with an opening balance alone', true, ledger.filter((e) => e.opening === undefined).length);
        expect(checkLedger(ledger, col)).toEqual([]);
      }),
      RUNS,
    );
    expectCoverage(cov).seen('ledger rows with an opening balance alone', 40); // 143–158 measured
  });

  it('idempotence: recomputing with the merged ledger as input gives the same rows and the same ledger', () => {
    const cov = new Coverage('idempotence');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const first = deduct(s, initialLedger(s), s.from, s.to);
        observe(cov, s, first.rows);
        const second = deduct(s, first.ledger, s.from, s.to);
        expect(plain(second.rows)).toEqual(plain(first.rows));
        expect(second.ledger).toEqual(first.ledger);
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('year by year, each year’s ledger feeding the next, gives the rows and ledger of one multi-year run', () => {
    const cov = new Coverage('year by year');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const whole = deduct(s, initialLedger(s), s.from, s.to);
        observe(cov, s, whole.rows);
        cov.count('multi-year scenarios', whole.rows.length > 1);
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
    expectCoverage(cov).atLeast('multi-year scenarios', 'scenarios', 0.5); // 79–82% measured
  });

  it('recomputing a suffix of the years from the ledger gives the same rows for those years', () => {
    const cov = new Coverage('suffix');
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, k) => {
        const whole = deduct(s, initialLedger(s), s.from, s.to);
        observe(cov, s, whole.rows);
        const cut = s.from + (k % (s.to - s.from + 1));
        // a suffix that starts after a computed year, carrying in from the ledger
        cov.count('cut after a computed year', whole.rows.some((r) => r.year < cut));
        cov.count('cut carrying in > 0', whole.rows.some((r) => r.year === cut - 1 && r.carry_out > 0));
        const again = deduct(s, whole.ledger, cut, s.to);
        expect(plain(again.rows)).toEqual(plain(whole.rows.filter((r) => r.year >= cut)));
        expect(again.ledger).toEqual(whole.ledger);
      }),
      RUNS,
    );
    // measured: cut after a computed year 49–57% of the scenarios, carrying in > 0 41–46%
    expectCoverage(cov).atLeast('cut after a computed year', 'scenarios', 0.3).atLeast('cut carrying in > 0', 'scenarios', 0.2);
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
    const cov = new Coverage('runDeduct on files');
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
        cov.count('scenarios');
        cov.count('scenarios with rows', whole.rows.length > 0);
        cov.count('two enterprises', new Set(whole.rows.map((r) => r.enterprise_id)).size === 2);
        observe(cov, undefined, whole.rows);

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
    // 25 runs, ~150 years: measured rows in 25/25 scenarios, both enterprises in 23–25, of the years
    // carry_out > 0 76–82%, carry in absorbed 11–13%, row 6 9–15%, notes 56–62%
    cov
      .show()
      .atLeast('scenarios with rows', 'scenarios', 0.8)
      .atLeast('two enterprises', 'scenarios', 0.6)
      .atLeast('carry_out > 0', 'years', 0.5)
      .atLeast('carry in absorbed', 'years', 0.02)
      .atLeast('row 6', 'years', 0.02)
      .atLeast('notes', 'years', 0.25);
  });
});
