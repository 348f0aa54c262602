/**
 * The skills fund's usage (专账资金使用率, issue #15) on hand-built allocations, decisions and
 * history: paid = eligible decided + history paid in the year, usage rate = paid / allocated
 * (checked against an independent sum and an integer rounding), the `overspent` warning, the
 * `*` allocation alone and beside program rows, committed amounts shown apart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fundTable, fundUsage, FUND_COLUMNS, type Commitment, type FundDecision } from '../src/calculators/fund-usage.js';
import type { FundAllocation, HistoryEntry } from '../src/domain/records.js';
import { cellsOf } from '../src/domain/table.js';
import { PROGRAMS, type Program } from '../src/domain/vocabulary.js';
import { setLang } from '../src/i18n/index.js';
import { paid } from './unit-helpers/subsidy.js';

afterEach(() => setLang('en'));

let line = 1;
const alloc = (year: number, program: Program | '*', yuan: number, source?: string): FundAllocation => ({ year, program, allocated: yuan * 100, ...(source ? { source } : {}), line: ++line });
const decided = (program: Program, claim_date: string, yuan: number, status: FundDecision['status'] = 'eligible'): FundDecision => ({ program, claim_date, status, amount: yuan * 100 });
const hist = (program: Program, paid_date: string, yuan: number): HistoryEntry => paid({ program, paid_date, amount: yuan });

/** year program allocated paid usage remaining [overspent] */
const brief = (rows: ReturnType<typeof fundUsage>['rows']) =>
  rows.map((r) => `${r.year} ${r.program} ${r.allocated / 100} ${r.paid / 100} ${r.usage_rate || '-'} ${r.remaining / 100}${r.overspent ? ' overspent' : ''}`);

describe('paid, usage rate and remaining per year and program', () => {
  it('paid = eligible decided (year of claim_date) + history (year of paid_date); ineligible decisions do not count', () => {
    const u = fundUsage({
      fund: [alloc(2024, 'training', 10_000)],
      decisions: [decided('training', '2024-03-01', 3000), decided('training', '2024-12-31', 1000, 'ineligible'), decided('training', '2025-01-01', 500)],
      history: [hist('training', '2024-01-01', 2000), hist('training', '2023-12-31', 700)],
    });
    expect(u.rows).toHaveLength(1);
    expect(u.rows[0]).toMatchObject({ year: 2024, program: 'training', allocated: 1_000_000, paid_decided: 300_000, paid_history: 200_000, paid: 500_000, usage_rate: '0.5', remaining: 500_000, overspent: false });
    expect(u.warnings).toEqual([]);
  });

  it('years fund.csv allocates nothing in have no rows; several allocations of a year and program add up, sources once each', () => {
    const u = fundUsage({
      fund: [alloc(2024, 'training', 6000, '甬财社〔2024〕1号'), alloc(2024, 'training', 4000, '浙财社〔2024〕9号'), alloc(2024, 'training', 1000, '甬财社〔2024〕1号')],
      decisions: [decided('training', '2023-06-01', 99_999)],
      history: [],
    });
    expect(brief(u.rows)).toEqual(['2024 training 11000 0 0 11000']);
    expect(u.rows[0]!.source).toBe('甬财社〔2024〕1号;浙财社〔2024〕9号');
  });

  it('the rate is rounded half-up to 4 places, printed without trailing zeros; empty when nothing is allocated', () => {
    const rate = (allocatedFen: number, paidFen: number) =>
      fundUsage({ fund: [{ year: 2024, program: 'training', allocated: allocatedFen, line: 2 }], decisions: [{ program: 'training', claim_date: '2024-05-01', status: 'eligible', amount: paidFen }], history: [] }).rows[0]!.usage_rate;
    expect(rate(3, 2)).toBe('0.6667');
    expect(rate(30_000, 1)).toBe('0'); // 0.0000333…
    expect(rate(20_000, 1)).toBe('0.0001'); // 0.00005 → half up
    expect(rate(200_000, 1)).toBe('0'); // 0.000005
    expect(rate(100, 100)).toBe('1');
    expect(rate(0, 100)).toBe('');
  });

  it('usage rate against an independent sum (generated decisions and history, BigInt rounding)', () => {
    let seed = 20240601;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const fund = [2023, 2024, 2025].flatMap((y) => PROGRAMS.map((p) => ({ year: y, program: p, allocated: 1 + rnd(50_000_000), line: 2 }) as FundAllocation));
    const decisions: FundDecision[] = Array.from({ length: 3000 }, () => ({
      program: PROGRAMS[rnd(PROGRAMS.length)]!,
      claim_date: `${2022 + rnd(5)}-0${1 + rnd(9)}-1${rnd(10)}`,
      status: rnd(3) === 0 ? 'ineligible' : 'eligible',
      amount: rnd(300_000),
    }));
    const history = Array.from({ length: 2000 }, () => ({ ...hist(PROGRAMS[rnd(PROGRAMS.length)]!, `${2022 + rnd(5)}-1${rnd(3)}-0${1 + rnd(9)}`, 0), amount: rnd(500_000) }));
    const u = fundUsage({ fund, decisions, history });
    expect(u.rows).toHaveLength(15);
    for (const r of u.rows) {
      let sum = 0;
      for (const d of decisions) if (d.status === 'eligible' && d.program === r.program && d.claim_date.startsWith(String(r.year))) sum += d.amount;
      for (const h of history) if (h.program === r.program && h.paid_date.startsWith(String(r.year))) sum += h.amount;
      const allocated = fund.find((f) => f.year === r.year && f.program === r.program)!.allocated;
      expect(r.paid).toBe(sum);
      expect(r.remaining).toBe(allocated - sum);
      // round half-up of sum / allocated to 4 places, in integers: floor((2 × sum × 10⁴ + allocated) / (2 × allocated))
      const q = (2n * BigInt(sum) * 10_000n + BigInt(allocated)) / (2n * BigInt(allocated));
      const expected = `${q / 10_000n}.${String(q % 10_000n).padStart(4, '0')}`.replace(/\.?0+$/, '');
      expect(r.usage_rate, `${r.year} ${r.program}`).toBe(expected === '' ? '0' : expected);
      expect(r.overspent).toBe(sum > allocated);
    }
  });
});

describe('overspent', () => {
  it('paid above the allocation: a warning naming year, program and figures; paid equal to it: none', () => {
    const u = fundUsage({
      fund: [alloc(2024, 'training', 1000), alloc(2024, 'skill_upgrade', 1000)],
      decisions: [decided('training', '2024-02-01', 1000), decided('skill_upgrade', '2024-02-01', 1000)],
      history: [hist('skill_upgrade', '2024-03-01', 0.01)],
    });
    expect(brief(u.rows)).toEqual(['2024 skill_upgrade 1000 1000.01 1 -0.01 overspent', '2024 training 1000 1000 1 0']);
    expect(u.warnings).toEqual(['fund 2024 skill_upgrade: paid 1000.01 is more than the allocation 1000.00 (专账资金超支)']);
    setLang('zh');
    expect(fundUsage({ fund: [alloc(2024, 'training', 1)], decisions: [decided('training', '2024-02-01', 2)], history: [] }).warnings).toEqual([
      '技能提升行动专账 2024 年 training：支出 2.00 超过资金安排 1.00（专账资金超支）',
    ]);
  });

  it('a program paid in an allocated year with no allocation of its own and no `*`: a row with allocated 0, no rate, overspent', () => {
    const u = fundUsage({ fund: [alloc(2024, 'training', 1000)], decisions: [decided('apprenticeship', '2024-05-01', 5000)], history: [] });
    expect(brief(u.rows)).toEqual(['2024 apprenticeship 0 5000 - -5000 overspent', '2024 training 1000 0 0 1000']);
    expect(u.warnings).toHaveLength(1);
  });
});

describe('the `*` allocation', () => {
  it('alone, it covers every program: one row `*` with all paid summed', () => {
    const u = fundUsage({
      fund: [alloc(2024, '*', 10_000)],
      decisions: [decided('training', '2024-02-01', 1500), decided('skill_upgrade', '2024-02-01', 1000), decided('shortage_post', '2024-09-01', 2000)],
      history: [hist('apprenticeship', '2024-10-01', 500)],
    });
    expect(brief(u.rows)).toEqual(['2024 * 10000 5000 0.5 5000']);
  });

  it('beside program rows, it covers the programs without a row of their own: nothing counted twice', () => {
    const decisions = [decided('training', '2024-02-01', 1500), decided('skill_upgrade', '2024-02-01', 1000), decided('shortage_post', '2024-09-01', 2000)];
    const u = fundUsage({ fund: [alloc(2024, '*', 4000), alloc(2024, 'training', 2000)], decisions, history: [hist('training', '2024-03-01', 100)] });
    expect(brief(u.rows)).toEqual(['2024 * 4000 3000 0.75 1000', '2024 training 2000 1600 0.8 400']);
    // the rows of the year add up to everything allocated and paid
    expect(u.rows.reduce((s, r) => s + r.paid, 0)).toBe(decisions.reduce((s, d) => s + d.amount, 0) + 100_00);
    expect(u.rows.reduce((s, r) => s + r.allocated, 0)).toBe(6000_00);
  });
});

describe('committed (unclaimed payable) is shown apart', () => {
  it('attributed like payments, never in paid, rate or remaining', () => {
    const committed: Commitment[] = [
      { program: 'training', year: 2024, amount: 700_00 },
      { program: 'skill_upgrade', year: 2024, amount: 300_00 },
      { program: 'training', year: 2030, amount: 1 },
    ];
    const u = fundUsage({ fund: [alloc(2024, 'training', 1000), alloc(2024, '*', 500)], decisions: [decided('training', '2024-02-01', 400)], history: [], committed });
    expect(u.rows.map((r) => [r.program, r.committed, r.paid, r.usage_rate, r.remaining])).toEqual([
      ['*', 300_00, 0, '0', 500_00],
      ['training', 700_00, 400_00, '0.4', 600_00],
    ]);
  });
});

describe('the table', () => {
  it('money with 2 decimals (remaining may be negative), the rate a decimal fraction, warning `overspent`', () => {
    const t = fundTable(fundUsage({ fund: [alloc(2024, 'training', 100, 'budget 1')], decisions: [decided('training', '2024-02-01', 150)], history: [hist('training', '2024-03-01', 0.5)] }));
    expect(FUND_COLUMNS.map((c) => c.name)).toEqual(['year', 'program', 'allocated', 'paid_decided', 'paid_history', 'paid', 'committed', 'usage_rate', 'remaining', 'warning', 'source']);
    expect([...t.rows].map((r) => cellsOf(t.columns, r))).toEqual([[2024, 'training', '100.00', '150.00', '0.50', '150.50', '0.00', '1.505', '-50.50', 'overspent', 'budget 1']]);
  });
});
