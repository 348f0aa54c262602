/**
 * Invariants of the 产教融合 credit and its pool (RULES §2.3, §2.4; STYLE: property tests for
 * credit ≤ remaining and carryforward conservation), over random runs of contiguous filing
 * periods of one enterprise (months or quarters, switching at a year boundary), run the way
 * the credit pipeline runs them: carryBefore → computeCredit → mergeLedger; and through
 * runCredit on CSV files. Each property then asserts what its cases covered (helpers/coverage.ts:
 * credits taken, the split in proportion, withdrawals, exemption and reduction, sales_missing,
 * overpaid…), so that a generator change cannot let it pass vacuously.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCredit, type CreditResult, type FeeRow, investmentPeriod, type PeriodInput } from '../src/calculators/pcie-credit.js';
import type { QualificationSpan } from '../src/domain/qualifications.js';
import type { Qualification } from '../src/domain/vocabulary.js';
import { type Fen, formatFen } from '../src/domain/money.js';
import { nextPeriod, type Period, periodEnd, periodStart } from '../src/domain/periods.js';
import { carryBefore, checkLedger, mergeLedger } from '../src/ledger/ledger.js';
import type { LedgerEntry, SurchargeReturn } from '../src/domain/records.js';
import { runCredit } from './helpers/run.js';
import { tempDirs } from './helpers/files.js';
import { Coverage } from './helpers/coverage.js';
import { amount, spanArb } from './unit-helpers/arbitraries.js';
import { col, strip, writeLedger } from './unit-helpers/ledger.js';
import { ID, ID2, per, pled, rules } from './unit-helpers/credit.js';

// PROP_RUNS=5000 npx vitest run test/credit-properties.test.ts for a longer search
const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 200) };

// ── generators ────────────────────────────────────────────────────────────────
/** Net investment of a period: none, a spend, or a withdrawal. */
const investmentArb: fc.Arbitrary<Fen> = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 5_000_000 }), weight: 4 }, // up to 50,000.00
  { arbitrary: fc.integer({ min: -3_000_000, max: -1 }), weight: 1 },
);

interface PeriodData {
  period: Period;
  hasReturn: boolean;
  vat: Fen;
  offset: Fen;
  refund: Fen;
  consumption: Fen;
  sales?: Fen;
  paidEdu: Fen;
  paidLocal: Fen;
  /** one or two investment rows (netted in the period), or none */
  investments: Fen[];
}

const periodDataArb = fc
  .record({
    hasReturn: fc.oneof({ arbitrary: fc.constant(true), weight: 6 }, { arbitrary: fc.constant(false), weight: 1 }),
    vat: amount(20_000_000),
    offset: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: amount(5_000_000), weight: 1 }),
    refund: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: amount(5_000_000), weight: 1 }),
    consumption: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: amount(5_000_000), weight: 1 }),
    // around the thresholds (100,000 / 300,000) as often as far from them; 0.00 often (amount's
    // zeros: exempt, RULES §2.2); none at all (undefined: sales_missing) one time in six
    sales: fc.option(fc.oneof(amount(20_000_000), fc.integer({ min: 9_999_990, max: 10_000_010 }), fc.integer({ min: 29_999_990, max: 30_000_010 })), { nil: undefined }),
    paidEdu: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: amount(600_000), weight: 1 }),
    paidLocal: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: amount(400_000), weight: 1 }),
    investments: fc.array(investmentArb, { minLength: 0, maxLength: 2 }),
  })
  .map((d) => ({ ...d, investments: d.hasReturn ? d.investments.filter((x) => x !== 0) : d.investments.length ? d.investments : [0] }));

const QUALS: Qualification[] = ['pcie_pilot', 'pcie_pilot', 'small_scale_vat', 'small_low_profit', 'individual_business'];
const qualArb = spanArb(QUALS, 2017, 2027);

interface Scenario {
  periods: PeriodData[];
  quals: QualificationSpan[];
  /** an opening balance (closing alone) in the ledger, `gap` periods before the first one */
  opening?: Fen;
  gap: number;
}

/** Contiguous filing periods from a start, monthly or quarterly per year (a filer may switch at a new year). */
function contiguous(year: number, kinds: readonly ('month' | 'quarter')[], startIndex: number, length: number): Period[] {
  const out: Period[] = [];
  let y = year;
  let k = 0;
  let i = startIndex;
  while (out.length < length) {
    const kind = kinds[k % kinds.length]!;
    const last = kind === 'month' ? 12 : 4;
    if (i >= last) {
      y++;
      k++;
      // the first period of the next year in its own frequency
      i = 0;
      continue;
    }
    out.push(per(kind === 'month' ? `${y}-${String(i + 1).padStart(2, '0')}` : `${y}-Q${i + 1}`));
    i++;
  }
  return out;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    year: fc.integer({ min: 2018, max: 2025 }),
    kinds: fc.array(fc.constantFrom('month' as const, 'quarter' as const), { minLength: 1, maxLength: 3 }),
    startIndex: fc.integer({ min: 0, max: 11 }),
    length: fc.integer({ min: 1, max: 7 }),
    data: fc.array(periodDataArb, { minLength: 7, maxLength: 7 }),
    quals: fc.array(qualArb, { maxLength: 3 }),
    pilotAlways: fc.boolean(),
    opening: fc.option(amount(2_000_000), { nil: undefined, freq: 2 }),
    gap: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 1 }),
  })
  .map(({ year, kinds, startIndex, length, data, quals, pilotAlways, opening, gap }) => {
    const start = kinds[0] === 'quarter' ? startIndex % 4 : startIndex;
    const periods = contiguous(year, kinds, start, length).map((period, i) => ({ ...data[i]!, period }));
    const q = pilotAlways ? [...quals, { qualification: 'pcie_pilot' as const, valid_from: '2018-01-01' }] : quals;
    return { periods, quals: q, gap, ...(opening !== undefined ? { opening } : {}) };
  });

// ── the pipeline, as src/pipeline/credit.ts runs it for one enterprise ────────
function periodBefore(p: Period, n: number): Period {
  // n + 1 periods back, of the same kind: walk forward from far enough before
  let q: Period = p.kind === 'month' ? per(`${p.year - 1}-01`) : per(`${p.year - 1}-Q1`);
  const seq: Period[] = [];
  while (q.text !== p.text) {
    seq.push(q);
    q = nextPeriod(q);
  }
  return seq[seq.length - 1 - n]!;
}

function initialLedger(s: Scenario, id = ID): LedgerEntry[] {
  if (s.opening === undefined) return [];
  return [{ ...pled(periodBefore(s.periods[0]!.period, s.gap).text, { closing: '0' }, id), closing: s.opening }];
}

function input(d: PeriodData): PeriodInput {
  return {
    period: d.period,
    ...(d.hasReturn
      ? {
          surcharge: {
            vat: d.vat,
            vat_exempt_offset: d.offset,
            refund_deduction: d.refund,
            consumption_tax: d.consumption,
            ...(d.sales !== undefined ? { sales: d.sales } : {}),
            paid_edu: d.paidEdu,
            paid_local: d.paidLocal,
          },
        }
      : {}),
    investment: d.investments.reduce((a, b) => a + b, 0),
    investmentRows: d.investments.length,
  };
}

/**
 * computeCredit over `periods` with the carries the ledger gives (the pool, and the 留抵退税
 * deduction not yet used: ledger kind refund_deduction, #10 item 5), then the merged ledger.
 */
function credit(s: Scenario, ledger: readonly LedgerEntry[], periods: readonly PeriodData[]): { result: CreditResult; ledger: LedgerEntry[] } {
  const own = ledger.filter((e) => e.enterprise_id === ID && e.kind === 'pcie_credit');
  const c = carryBefore(own, periods[0]!.period);
  const refundCarry = carryBefore(ledger.filter((e) => e.enterprise_id === ID && e.kind === 'refund_deduction'), periods[0]!.period).fen;
  const result = computeCredit(rules, {
    enterpriseId: ID,
    periods: periods.map(input),
    qualifications: s.quals,
    carry: { fen: c.fen, gap: c.gap, ...(c.period ? { ledgerPeriod: c.period.text } : {}) },
    refundCarry,
  });
  const computed = new Map([[ID, result.pool.map((p) => ({ enterprise_id: ID, kind: 'pcie_credit' as const, period: p.period, opening: p.opening, added: p.added, used: p.used, closing: p.closing }))]]);
  const merged = mergeLedger(ledger, 'pcie_credit', computed, false);
  expect(merged.conflicts).toEqual([]);
  const refunds = new Map([[ID, result.refund.map((x) => ({ enterprise_id: ID, kind: 'refund_deduction' as const, period: x.period, opening: x.opening, added: x.added, used: x.used, closing: x.closing }))]]);
  const both = mergeLedger(merged.entries, 'refund_deduction', refunds, false);
  expect(both.conflicts).toEqual([]);
  return { result, ledger: both.entries };
}

/**
 * The base of each period (RULES §2.2, #10 item 5): VAT + 免抵税额 + 消费税 less the 留抵退税
 * deduction, the deduction carried in from earlier periods used first and what the base cannot
 * take carried to the next period. The scenarios' ledgers start without a refund_deduction row.
 */
function bases(periods: readonly PeriodData[]): { base: Fen; carriedIn: Fen }[] {
  let carry = 0;
  return periods.map((d) => {
    const gross = d.hasReturn ? d.vat + d.offset + d.consumption : 0;
    const available = carry + (d.hasReturn ? d.refund : 0);
    const used = Math.min(available, gross);
    const carriedIn = carry;
    carry = available - used;
    return { base: gross - used, carriedIn };
  });
}

/** round(n / d) half-up, for n ≥ 0, in integers. */
const halfUp = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

/** The qualification covers a day of the period. */
function covers(quals: readonly QualificationSpan[], q: Qualification, p: Period): boolean {
  const start = periodStart(p);
  const end = periodEnd(p);
  return quals.some((x) => x.qualification === q && x.valid_from <= end && (x.valid_to === undefined || x.valid_to >= start));
}

/**
 * RULES §2.2 small-payer exemption (财税〔2016〕12号), read on the period's last day: from
 * 2016-02-01, sales not above 100,000 a month or 300,000 a quarter, 0.00 included. A return
 * without a sales figure cannot be tested: not exempt, noted sales_missing. A period without a
 * return has no sales to miss.
 */
function exemption(d: PeriodData): { exempt: boolean; salesMissing: boolean } {
  const inForce = d.hasReturn && periodEnd(d.period) >= '2016-02-01';
  const limit = d.period.kind === 'quarter' ? 30_000_000 : 10_000_000;
  return { exempt: inForce && d.sales !== undefined && d.sales <= limit, salesMissing: inForce && d.sales === undefined };
}

/** RULES §2.2 六税两费: small-scale taxpayers 2019–2021; the three groups 2022–2027 (by the period's last day). */
function reduced(quals: readonly QualificationSpan[], p: Period): boolean {
  const end = periodEnd(p);
  const groups: Qualification[] =
    end >= '2019-01-01' && end <= '2021-12-31' ? ['small_scale_vat'] : end >= '2022-01-01' && end <= '2027-12-31' ? ['small_scale_vat', 'small_low_profit', 'individual_business'] : [];
  return groups.some((g) => covers(quals, g, p));
}

/** Rows as plain data (the rate as its text), for comparing runs. */
const plain = (rows: readonly FeeRow[]) => rows.map((r) => ({ ...r, rate: r.rate.toFixed(), notes: [...r.notes].sort() }));

// ── coverage: what the generated cases exercised, asserted after each fc.assert ──
/** Counts a scenario and each of its periods under what they exercise. */
function observe(cov: Coverage, s: Scenario | undefined, result: Pick<CreditResult, 'rows' | 'pool'>): void {
  if (s) {
    cov.count('scenarios');
    cov.count('opening balance carried in', s.opening !== undefined && s.opening > 0 && result.pool[0]!.opening > 0);
    cov.count('scenarios with a credit', result.pool.some((p) => p.used > 0));
  }
  result.pool.forEach((p, i) => {
    const [edu, local] = [result.rows[2 * i]!, result.rows[2 * i + 1]!];
    cov.count('periods');
    cov.count('credit > 0', p.used > 0);
    const remaining = edu.due - edu.exemption - edu.reduction + local.due - local.exemption - local.reduction;
    cov.count('split in proportion', p.used > 0 && p.used < remaining && edu.credit > 0 && local.credit > 0);
    cov.count('carry_out > 0', p.closing > 0);
    cov.count('quarter', p.period.kind === 'quarter');
    cov.count('no return', s !== undefined && !s.periods[i]!.hasReturn);
    // RULES §2.2: sales 0.00 with something due is exempt (issue #10 item 3)
    cov.count('exempt at sales 0.00 with VAT due', s !== undefined && s.periods[i]!.hasReturn && s.periods[i]!.sales === 0 && edu.due > 0 && edu.exemption === edu.due);
    // RULES §2.4: a fee overpaid while the other is not (the note is per fee)
    cov.count('overpaid on one fee only', edu.notes.includes('overpaid') !== local.notes.includes('overpaid'));
    for (const n of new Set([...edu.notes, ...local.notes])) cov.count(n);
  });
}

/**
 * What every property over scenarioArb must see. Measured over runs of 200 scenarios (700–820
 * periods): of the periods, credit > 0 10–17%, carry_out > 0 47–60%, small_payer_exempt 35–42%,
 * six_two_reduction 5–9%, quarters 38–50%; of the scenarios, a credit in 23–35%, an opening
 * balance carried in 28–49%; per run, the split in proportion 8–23 periods, investment_withdrawn
 * 11–38, not_pilot 131–193, ledger_gap 14–29, periods without a return 85–144. The thresholds are
 * far below (the seeds are random).
 * Issue #10 (RULES §2.2, §2.4), of the periods: sales_missing 11–16%, overpaid 22–28%; per run,
 * exempt at sales 0.00 with VAT due 22–45 periods, overpaid on one fee only 147–208.
 */
function expectCoverage(cov: Coverage): Coverage {
  return cov
    .show()
    .atLeast('credit > 0', 'periods', 0.05)
    .atLeast('scenarios with a credit', 'scenarios', 0.12)
    .atLeast('carry_out > 0', 'periods', 0.25)
    .atLeast('small_payer_exempt', 'periods', 0.15)
    .atLeast('six_two_reduction', 'periods', 0.02)
    .atLeast('quarter', 'periods', 0.2)
    .atLeast('opening balance carried in', 'scenarios', 0.1)
    .seen('split in proportion', 2)
    .seen('investment_withdrawn', 3)
    .seen('not_pilot', 30)
    .seen('ledger_gap', 3)
    .seen('no return', 20)
    .atLeast('sales_missing', 'periods', 0.04)
    .atLeast('overpaid', 'periods', 0.08)
    .seen('exempt at sales 0.00 with VAT due', 8)
    .seen('overpaid on one fee only', 40);
}

describe('properties of the credit (one enterprise, random contiguous periods)', () => {
  it('each fee: 0 ≤ credit ≤ remaining = due − exemption − reduction; payable = max(0, remaining − credit − paid), overpaid = max(0, paid − (remaining − credit))', () => {
    const cov = new Coverage('each fee');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result } = credit(s, initialLedger(s), s.periods);
        observe(cov, s, result);
        expect(result.rows).toHaveLength(2 * s.periods.length);
        const model = bases(s.periods);
        result.rows.forEach((r, i) => {
          const d = s.periods[Math.floor(i / 2)]!;
          expect(r.period.text).toBe(d.period.text);
          expect(r.fee).toBe(i % 2 === 0 ? 'education_surcharge' : 'local_education_surcharge');
          const { base, carriedIn } = model[Math.floor(i / 2)]!;
          cov.count('refund deduction carried in', i % 2 === 0 && carriedIn > 0);
          expect(r.base).toBe(base);
          expect(r.due).toBe(halfUp(base * (i % 2 === 0 ? 3 : 2), 100));
          const { exempt, salesMissing } = exemption(d);
          expect(r.exemption).toBe(exempt ? r.due : 0);
          expect(r.notes.includes('small_payer_exempt')).toBe(exempt);
          expect(r.notes.includes('sales_missing')).toBe(salesMissing);
          expect(r.reduction).toBe(reduced(s.quals, d.period) ? halfUp(r.due - r.exemption, 2) : 0);
          const remaining = r.due - r.exemption - r.reduction;
          expect(r.credit).toBeGreaterThanOrEqual(0);
          expect(r.credit).toBeLessThanOrEqual(remaining);
          expect(r.paid).toBe(d.hasReturn ? (i % 2 === 0 ? d.paidEdu : d.paidLocal) : 0);
          // RULES §2.4: payable is never negative; what was paid above what is owed is overpaid
          const owed = remaining - r.credit;
          expect(r.payable).toBe(Math.max(0, owed - r.paid));
          expect(r.overpaid).toBe(Math.max(0, r.paid - owed));
          expect(r.payable - r.overpaid).toBe(owed - r.paid);
          expect(r.notes.includes('overpaid')).toBe(r.overpaid > 0);
          expect(r.notes.includes('six_two_reduction')).toBe(r.reduction !== 0);
        });
      }),
      RUNS,
    );
    // measured: a 留抵退税 deduction carried in from an earlier period in 39–54 periods per run (#10 item 5)
    expectCoverage(cov).seen('refund deduction carried in', 10);
  });

  it('each period: credits ≤ available = max(0, opening + added); closing = opening + added − used + shortfall ≥ 0; the chain holds', () => {
    const cov = new Coverage('each period');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result } = credit(s, initialLedger(s), s.periods);
        observe(cov, s, result);
        let carry = s.opening ?? 0;
        result.pool.forEach((p, i) => {
          const [edu, local] = [result.rows[2 * i]!, result.rows[2 * i + 1]!];
          expect(p.opening).toBe(carry);
          expect(p.used).toBe(edu.credit + local.credit);
          expect(p.used).toBeLessThanOrEqual(Math.max(0, p.opening + p.added));
          expect(p.shortfall).toBe(Math.max(0, -(p.opening + p.added)));
          expect(p.closing).toBe(p.opening + p.added - p.used + p.shortfall);
          expect(p.closing).toBe(Math.max(0, p.opening + p.added - p.used));
          expect(p.closing).toBeGreaterThanOrEqual(0);
          expect(edu.notes.includes('investment_withdrawn')).toBe(p.shortfall > 0);
          // the period's notes are on both fee rows; the exemption, reduction and overpaid are per fee
          const shared = (notes: readonly string[]) => notes.filter((n) => n !== 'small_payer_exempt' && n !== 'six_two_reduction' && n !== 'overpaid');
          expect(shared(local.notes)).toEqual(shared(edu.notes));
          carry = p.closing;
        });
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('conservation when no floor is hit: Σ added − Σ used = final closing − opening carry', () => {
    const cov = new Coverage('conservation');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result } = credit(s, initialLedger(s), s.periods);
        observe(cov, s, result);
        const sum = (f: (p: (typeof result.pool)[number]) => number) => result.pool.reduce((a, p) => a + f(p), 0);
        const last = result.pool[result.pool.length - 1]!;
        // in general the shortfalls are what the floor at zero forgave
        expect(sum((p) => p.added) - sum((p) => p.used) + sum((p) => p.shortfall)).toBe(last.closing - (s.opening ?? 0));
        if (result.pool.every((p) => p.shortfall === 0)) expect(sum((p) => p.added) - sum((p) => p.used)).toBe(last.closing - (s.opening ?? 0));
        // and the credits taken are what the pool used
        expect(result.rows.reduce((a, r) => a + r.credit, 0)).toBe(sum((p) => p.used));
        // the 留抵退税 deduction conserves too (#10 item 5): Σ added = Σ used + the balance carried out
        const refundSum = (f: (x: (typeof result.refund)[number]) => number) => result.refund.reduce((a, x) => a + f(x), 0);
        expect(refundSum((x) => x.added)).toBe(refundSum((x) => x.used) + (result.refund.at(-1)?.closing ?? 0));
        expect(refundSum((x) => x.added)).toBe(s.periods.reduce((a, d) => a + (d.hasReturn ? d.refund : 0), 0));
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('the added amount is 30% of the net investment, only on the list and from 2019', () => {
    const cov = new Coverage('added');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result } = credit(s, initialLedger(s), s.periods);
        observe(cov, s, result);
        result.pool.forEach((p, i) => {
          const d = s.periods[i]!;
          const net = d.investments.reduce((a, b) => a + b, 0);
          const pilot = p.period.year >= 2019 && covers(s.quals, 'pcie_pilot', p.period);
          // a withdrawal after the pilot period still takes back what it added (财税〔2019〕46号)
          const formerPilot = s.quals.some((q) => q.qualification === 'pcie_pilot' && q.valid_from <= periodEnd(p.period));
          const counted = pilot || (p.period.year >= 2019 && formerPilot && net < 0);
          // half-up on the absolute value: away from zero for a withdrawal
          expect(p.added).toBe(counted ? Math.sign(net) * halfUp(Math.abs(net) * 3, 10) || 0 : 0);
          expect(result.rows[2 * i]!.notes.includes('not_pilot')).toBe(!counted && net !== 0);
          // on the list nothing is held back while something is owed and something is available
          const [edu, local] = [result.rows[2 * i]!, result.rows[2 * i + 1]!];
          const remaining = edu.due - edu.exemption - edu.reduction + local.due - local.exemption - local.reduction;
          expect(p.used).toBe(pilot ? Math.min(remaining, Math.max(0, p.opening + p.added)) : 0);
        });
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('the ledger rows from the pool, after an opening balance, pass checkLedger', () => {
    const cov = new Coverage('ledger check');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { result, ledger } = credit(s, initialLedger(s), s.periods);
        observe(cov, s, result);
        expect(ledger.filter((e) => e.kind === 'pcie_credit')).toHaveLength(s.periods.length + (s.opening === undefined ? 0 : 1));
        expect(ledger.filter((e) => e.kind === 'refund_deduction')).toHaveLength(result.refund.length);
        expect(checkLedger(ledger, col)).toEqual([]);
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('idempotence: recomputing with the merged ledger as input gives the same rows and the same ledger', () => {
    const cov = new Coverage('idempotence');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const first = credit(s, initialLedger(s), s.periods);
        observe(cov, s, first.result);
        const second = credit(s, first.ledger, s.periods);
        expect(plain(second.result.rows)).toEqual(plain(first.result.rows));
        expect(second.result.pool).toEqual(first.result.pool);
        expect(second.ledger).toEqual(first.ledger);
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('period by period, each period’s ledger feeding the next, gives the rows and ledger of one multi-period run', () => {
    const cov = new Coverage('period by period');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const whole = credit(s, initialLedger(s), s.periods);
        observe(cov, s, whole.result);
        let ledger = initialLedger(s);
        const rows: FeeRow[] = [];
        for (const d of s.periods) {
          const r = credit(s, ledger, [d]);
          rows.push(...r.result.rows);
          ledger = r.ledger;
        }
        expect(plain(rows)).toEqual(plain(whole.result.rows));
        expect(ledger).toEqual(whole.ledger);
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('recomputing a suffix of the periods from the ledger gives the same rows for those periods', () => {
    const cov = new Coverage('suffix');
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, k) => {
        const whole = credit(s, initialLedger(s), s.periods);
        observe(cov, s, whole.result);
        const cut = k % s.periods.length;
        cov.count('cut after the first period', cut > 0);
        cov.count('cut carrying in > 0', cut > 0 && whole.result.pool[cut - 1]!.closing > 0);
        const again = credit(s, whole.ledger, s.periods.slice(cut));
        expect(plain(again.result.rows)).toEqual(plain(whole.result.rows.slice(2 * cut)));
        expect(again.ledger).toEqual(whole.ledger);
      }),
      RUNS,
    );
    // measured: a cut after the first period in 59–64% of the scenarios, carrying in > 0 26–32%
    expectCoverage(cov).atLeast('cut after the first period', 'scenarios', 0.4).atLeast('cut carrying in > 0', 'scenarios', 0.1);
  });
});

// ── the same through runCredit on CSV files ───────────────────────────────────
describe('runCredit on CSV files: period by period equals one multi-period run', () => {
  const tempDir = tempDirs('skilltax-credit-prop-');

  /** A day inside the period (its first month, day 1–28 by position). */
  const dayIn = (p: Period, i: number) => {
    const month = p.kind === 'month' ? p.n : (p.n - 1) * 3 + 1 + (i % 3);
    return `${p.year}-${String(month).padStart(2, '0')}-${String(1 + ((i * 11) % 28)).padStart(2, '0')}`;
  };

  function writeInputs(dir: string, scenarios: [string, Scenario][]): { surcharges: string; training: string; qualifications: string } {
    const surcharges = ['enterprise_id,period,vat,vat_exempt_offset,refund_deduction,consumption_tax,sales,paid_edu,paid_local'];
    const training = ['enterprise_id,date,category,amount,incurred,description'];
    const quals = ['enterprise_id,qualification,valid_from,valid_to'];
    for (const [id, s] of scenarios) {
      for (const d of s.periods) {
        if (d.hasReturn) {
          surcharges.push(
            [id, d.period.text, formatFen(d.vat), formatFen(d.offset), formatFen(d.refund), formatFen(d.consumption), d.sales === undefined ? '' : formatFen(d.sales), formatFen(d.paidEdu), formatFen(d.paidLocal)].join(','),
          );
        }
        // the amount column is the book amount; incurred (what counts) is given on odd rows only
        d.investments.forEach((x, i) => training.push(`${id},${dayIn(d.period, i)},pcie_investment,${formatFen(x)},${i % 2 ? formatFen(x) : ''},产教融合`));
      }
      for (const q of s.quals) quals.push(`${id},${q.qualification},${q.valid_from},${q.valid_to ?? ''}`);
    }
    const files = { surcharges: join(dir, 'surcharges.csv'), training: join(dir, 'training.csv'), qualifications: join(dir, 'qualifications.csv') };
    writeFileSync(files.surcharges, surcharges.join('\n') + '\n');
    writeFileSync(files.training, training.join('\n') + '\n');
    writeFileSync(files.qualifications, quals.join('\n') + '\n');
    return files;
  }

  /**
   * A period with investments but no return can be written to files only when the pipeline
   * would put its investments in that same period (the filer's frequency around it): else it
   * gets a return. (A quarterly filer turning monthly is left out: see investmentPeriod.)
   */
  function fileable(s: Scenario): Scenario {
    let periods = s.periods;
    for (;;) {
      const all: SurchargeReturn[] = periods
        .filter((x) => x.hasReturn)
        .map((x) => ({ period: x.period, line: 0, vat: 0, vat_exempt_offset: 0, refund_deduction: 0, consumption_tax: 0, paid_edu: 0, paid_local: 0 }));
      const i = periods.findIndex((d) => !d.hasReturn && d.investments.some((_, k) => investmentPeriod(dayIn(d.period, k), all).text !== d.period.text));
      if (i < 0) return { ...s, periods };
      periods = periods.map((d, k) => (k === i ? { ...d, hasReturn: true } : d));
    }
  }

  const o = { encoding: 'utf8' as const, maxErrors: 100 };
  const key = (r: FeeRow) => `${r.enterprise_id} ${r.period.text} ${r.fee}`;

  it('same rows and same ledger, two enterprises with their own frequencies', async () => {
    const cov = new Coverage('runCredit on files');
    await fc.assert(
      fc.asyncProperty(scenarioArb.map(fileable), scenarioArb.map(fileable), async (s, s2) => {
        const dir = tempDir();
        const files = writeInputs(dir, [
          [ID, s],
          [ID2, s2],
        ]);
        const ledger0 = [...initialLedger(s, ID), ...initialLedger(s2, ID2)];
        const ledgerPath = join(dir, 'ledger.csv');

        writeLedger(ledgerPath, ledger0);
        const whole = await runCredit({ ...files, ledger: ledgerPath }, {}, rules, o, false);
        expect(whole.rows).toHaveLength(2 * (s.periods.length + s2.periods.length));
        cov.count('scenarios');
        cov.count('frequencies differ', s.periods[0]!.period.kind !== s2.periods[0]!.period.kind);
        observe(cov, undefined, { rows: whole.rows, pool: whole.pool });

        // every period of either enterprise, in the order of their last days (a period belongs to the
        // run its last day falls in); a quarter may recompute the other's months (same figures)
        const all = [...s.periods, ...s2.periods]
          .map((d) => d.period)
          .sort((a, b) => (periodEnd(a) < periodEnd(b) ? -1 : periodEnd(a) > periodEnd(b) ? 1 : a.kind === b.kind ? 0 : a.kind === 'month' ? -1 : 1));
        writeLedger(ledgerPath, ledger0);
        const byKey = new Map<string, FeeRow>();
        let last = whole;
        for (const p of all) {
          last = await runCredit({ ...files, ledger: ledgerPath }, { from: p.text, to: p.text }, rules, o, false);
          for (const r of last.rows) byKey.set(key(r), r);
          writeLedger(ledgerPath, last.ledger);
        }
        const rows = [...byKey.values()].sort((a, b) => key(a).localeCompare(key(b)));
        const wholeRows = [...whole.rows].sort((a, b) => key(a).localeCompare(key(b)));
        expect(plain(rows)).toEqual(plain(wholeRows));
        expect(strip(last.ledger)).toEqual(strip(whole.ledger));

        // and the multi-period run agrees with computeCredit on the same data
        expect(plain(whole.rows.filter((r) => r.enterprise_id === ID))).toEqual(plain(credit(s, initialLedger(s), s.periods).result.rows));
      }),
      { numRuns: Math.max(20, Math.floor(RUNS.numRuns / 8)) },
    );
    // 25 runs, ~200 periods: measured credit > 0 in 10–14% of the periods, small_payer_exempt 33–39%,
    // not_pilot 34–47 periods, the two enterprises of different frequencies in 9–14 scenarios;
    // sales_missing (an empty sales cell in the file) 17–43 periods, overpaid 49–56
    // (investment_withdrawn and six_two_reduction, 4–15 periods, are left to the properties above)
    cov
      .show()
      .atLeast('credit > 0', 'periods', 0.02)
      .atLeast('small_payer_exempt', 'periods', 0.1)
      .atLeast('frequencies differ', 'scenarios', 0.1)
      .seen('not_pilot', 5)
      .seen('sales_missing', 5)
      .seen('overpaid', 10);
  });
});
