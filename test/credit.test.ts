/**
 * The 产教融合 credit against 教育费附加 and 地方教育附加 (RULES §2). Every expected figure is
 * from RULES.md or worked by hand from its formulas (RULES §2.3, §2.4):
 *   base = vat + vat_exempt_offset − refund_deduction + consumption_tax
 *   due = round(base × rate); exemption = due when the small-payer test passes;
 *   reduction = round((due − exemption) × 50%); remaining = due − exemption − reduction;
 *   added = round(30% × net investment); available = max(0, carry_in + added);
 *   credit_edu = min(rem_edu, round(available × rem_edu / (rem_edu + rem_local)));
 *   credit_local = min(rem_local, available − credit_edu);
 *   payable = max(0, due − exemption − reduction − credit − paid);
 *   overpaid = max(0, paid − (due − exemption − reduction − credit));
 *   carry_out = max(0, carry_in + added − credits).
 * The small-payer test passes when sales ≤ 100,000 a month (300,000 a quarter), 0.00 included,
 * from 2016-02-01; a return without a sales figure is noted `sales_missing` (RULES §2.2). A case
 * that gives no sales gets a figure far above the thresholds (unit-helpers/credit.ts); `sales: null`
 * is a return without one.
 */
import { describe, expect, it } from 'vitest';
import { investmentPeriod, resolvePeriods, splitCredit } from '../src/calculators/pcie-credit.js';
import { RuleGapError, UsageError } from '../src/domain/errors.js';
import type { SurchargeReturn } from '../src/domain/records.js';
import { feeText, fen, figures, one, per, PILOT, poolText, qual, run, rules, type Case, type PeriodIn } from './unit-helpers/credit.js';

/** The two fee rows' text of a one-period case, and its pool row. */
function texts(c: Case) {
  const r = one(c);
  return { edu: feeText(r.edu), local: feeText(r.local), pool: poolText(r.pool) };
}

describe('RULES §2.5 worked checks: VAT 100,000 in a month, on the list, no exemption, no reduction', () => {
  it('investment 10,000 → available 3,000; credits 1,800.00 and 1,200.00; payable 1,200.00 and 800.00; carry_out 0', () => {
    const t = texts({ periods: [{ period: '2024-03', vat: '100,000', investment: '10,000' }] });
    expect(t.edu).toEqual({
      period: '2024-03',
      fee: 'education_surcharge',
      base: '100000.00',
      rate: '0.03',
      due: '3000.00',
      exemption: '0.00',
      reduction: '0.00',
      credit: '1800.00',
      paid: '0.00',
      payable: '1200.00',
      notes: '',
      overpaid: '0.00',
    });
    expect(t.local).toEqual({
      period: '2024-03',
      fee: 'local_education_surcharge',
      base: '100000.00',
      rate: '0.02',
      due: '2000.00',
      exemption: '0.00',
      reduction: '0.00',
      credit: '1200.00',
      paid: '0.00',
      payable: '800.00',
      notes: '',
      overpaid: '0.00',
    });
    expect(t.pool).toEqual({ period: '2024-03', opening: '0.00', added: '3000.00', used: '3000.00', closing: '0.00', shortfall: '0.00' });
  });

  it('investment 20,000 → available 6,000; credits 3,000.00 and 2,000.00; payable 0; carry_out 1,000.00', () => {
    const t = texts({ periods: [{ period: '2024-03', vat: '100,000', investment: '20,000' }] });
    expect(t.edu).toMatchObject({ due: '3000.00', credit: '3000.00', payable: '0.00', notes: '' });
    expect(t.local).toMatchObject({ due: '2000.00', credit: '2000.00', payable: '0.00', notes: '' });
    expect(t.pool).toEqual({ period: '2024-03', opening: '0.00', added: '6000.00', used: '5000.00', closing: '1000.00', shortfall: '0.00' });
  });

  it('the second check’s carry_out 1,000.00 is used the next month, before any new investment', () => {
    const r = run({
      periods: [
        { period: '2024-03', vat: '100,000', investment: '20,000' },
        { period: '2024-04', vat: '100,000' },
      ],
    });
    // 2024-04: available 1,000 < 5,000 remaining → 3 : 2 → 600 + 400
    expect(r.rows.slice(2).map(feeText).map((x) => [x.credit, x.payable])).toEqual([
      ['600.00', '2400.00'],
      ['400.00', '1600.00'],
    ]);
    expect(r.pool.map(poolText)).toEqual([
      { period: '2024-03', opening: '0.00', added: '6000.00', used: '5000.00', closing: '1000.00', shortfall: '0.00' },
      { period: '2024-04', opening: '1000.00', added: '0.00', used: '1000.00', closing: '0.00', shortfall: '0.00' },
    ]);
  });
});

describe('RULES §2.2 the base: VAT + 免抵税额 − 留抵退税本期扣除额 + 消费税', () => {
  it.each([
    // vat, offset, refund, consumption, base, edu due, local due
    [{ vat: '100,000' }, '100000.00', '3000.00', '2000.00'],
    [{ vat: '60,000', vat_exempt_offset: '40,000' }, '100000.00', '3000.00', '2000.00'],
    [{ vat: '130,000', refund_deduction: '30,000' }, '100000.00', '3000.00', '2000.00'],
    [{ vat: '50,000', consumption_tax: '50,000' }, '100000.00', '3000.00', '2000.00'],
    [{ vat: '100,000', vat_exempt_offset: '20,000', refund_deduction: '30,000', consumption_tax: '10,000' }, '100000.00', '3000.00', '2000.00'],
    [{ vat: '0' }, '0.00', '0.00', '0.00'],
  ] as const)('%o → base %s, due %s and %s', (ret, base, eduDue, localDue) => {
    const t = texts({ periods: [{ period: '2024-05', ...ret }] });
    expect([t.edu.base, t.edu.due, t.local.base, t.local.due]).toEqual([base, eduDue, base, localDue]);
    expect([t.edu.payable, t.local.payable]).toEqual([eduDue, localDue]);
  });

  it('due is rounded half-up to the fen (base 10.50: 0.315 → 0.32, 0.21)', () => {
    const t = texts({ periods: [{ period: '2024-05', vat: '10.50' }] });
    expect([t.edu.due, t.local.due]).toEqual(['0.32', '0.21']);
  });

  it('a refund deduction larger than the VAT gives a base of 0.00, never a negative amount due (the rest is carried forward: RULES §2.2, test/refund-deduction.test.ts)', () => {
    const t = texts({ periods: [{ period: '2024-05', vat: '1,000', refund_deduction: '5,000' }] });
    expect([t.edu.base, t.edu.due, t.local.due, t.edu.payable]).toEqual(['0.00', '0.00', '0.00', '0.00']);
  });
});

describe('RULES §2.2 small-payer exemption (财税〔2016〕12号): sales ≤ 100,000 a month, ≤ 300,000 a quarter, 0.00 included, from 2016-02-01', () => {
  // VAT 3,000 → due 90.00 and 60.00
  it.each([
    // period, sales, exempt?
    ['2024-06', '100,000.00', true],
    ['2024-06', '100,000.01', false],
    ['2024-06', '0.01', true],
    // sales 0.00 with VAT due (a back-payment, input tax transferred out) is "not above 100,000":
    // exempt, as the e-filing pre-fills it (RULES §2.2 [V wording, P behaviour]; issue #10 item 3)
    ['2024-06', '0.00', true],
    ['2024-06', '0', true],
    ['2024-Q2', '0.00', true],
    ['2016-02', '0.00', true], // first month in force
    ['2016-01', '0.00', false], // before 2016-02-01: no exemption, even at 0
    ['2024-06', '150,000', false], // above the monthly threshold…
    ['2024-Q2', '150,000', true], // …but within the quarterly one
    ['2024-Q2', '300,000.00', true],
    ['2024-Q2', '300,000.01', false],
    ['2016-02', '50,000', true], // first month in force
    ['2016-01', '50,000', false], // before 2016-02-01: no exemption
    ['2015-Q4', '50,000', false],
    ['2019-12', '100,000.00', true],
  ] as const)('%s, sales %s: exempt %s', (period, sales, exempt) => {
    const t = texts({ periods: [{ period, vat: '3,000', sales }], quals: [] });
    expect([t.edu.due, t.local.due]).toEqual(['90.00', '60.00']);
    if (exempt) {
      expect([t.edu.exemption, t.local.exemption]).toEqual(['90.00', '60.00']);
      expect([t.edu.payable, t.local.payable]).toEqual(['0.00', '0.00']);
      expect([t.edu.notes, t.local.notes]).toEqual(['small_payer_exempt', 'small_payer_exempt']);
    } else {
      expect([t.edu.exemption, t.local.exemption]).toEqual(['0.00', '0.00']);
      expect([t.edu.payable, t.local.payable]).toEqual(['90.00', '60.00']);
      expect([t.edu.notes, t.local.notes]).toEqual(['', '']);
    }
  });

  it('sales 0.00 with VAT due: exempt, and the trace says why (sales 0.00 ≤ 100000.00)', () => {
    const r = run({ periods: [{ period: '2024-06', vat: '3,000', sales: '0.00' }], quals: [] });
    expect(r.rows.map(feeText).map((x) => [x.due, x.exemption, x.payable, x.notes])).toEqual([
      ['90.00', '90.00', '0.00', 'small_payer_exempt'],
      ['60.00', '60.00', '0.00', 'small_payer_exempt'],
    ]);
    expect(r.trace[0]!.steps.find((x) => x.label === 'small-payer exemption')).toMatchObject({ value: 'applies', how: 'sales 0.00 ≤ 100000.00' });
  });

  // Until issue #10 a return without sales silently lost the exemption (exit 0). RULES §2.2: "No
  // sales figure at all: the exemption cannot be tested; say so (note `sales_missing`) rather than
  // decide silently." The exemption is not given (the safe way), and both fee rows say so.
  it.each([
    // period, what is due
    ['2024-06', '90.00', '60.00'],
    ['2024-Q2', '90.00', '60.00'],
    ['2016-02', '90.00', '60.00'], // the first month the exemption is in force
  ] as const)('%s, no sales figure: sales_missing on both rows, no exemption, the whole amount payable', (period, eduDue, localDue) => {
    const r = run({ periods: [{ period, vat: '3,000', sales: null }], quals: [] });
    expect(r.rows.map(feeText).map((x) => [x.due, x.exemption, x.payable, x.notes])).toEqual([
      [eduDue, '0.00', eduDue, 'sales_missing'],
      [localDue, '0.00', localDue, 'sales_missing'],
    ]);
    const step = r.trace[0]!.steps.find((x) => x.label === 'small-payer exemption')!;
    expect(step.value).toBe('sales_missing');
    expect(step.how).toMatch(/no sales figure/);
  });

  it.each(['2016-01', '2015-Q4', '2015-12'])('%s, no sales figure, before the exemption is in force (2016-02-01): no sales_missing, nothing to test', (period) => {
    const t = texts({ periods: [{ period, vat: '3,000', sales: null }], quals: [] });
    expect([t.edu.exemption, t.edu.payable, t.local.payable]).toEqual(['0.00', '90.00', '60.00']);
    expect([t.edu.notes, t.local.notes]).toEqual(['', '']);
  });

  it('sales_missing stacks with the other notes: a reduced payer without sales keeps its reduction', () => {
    const t = texts({ periods: [{ period: '2024-06', vat: '10,000', sales: null }], quals: [qual('small_scale_vat', '2020-01-01')] });
    expect([t.edu.exemption, t.edu.reduction, t.edu.payable]).toEqual(['0.00', '150.00', '150.00']);
    expect([t.edu.notes, t.local.notes]).toEqual(['six_two_reduction;sales_missing', 'six_two_reduction;sales_missing']);
  });

  it('a period with an investment but no return has no sales to miss: no sales_missing', () => {
    const r = run({ periods: [{ period: '2024-05', investment: '1,000', hasReturn: false }] });
    expect(r.rows.map((x) => feeText(x).notes)).toEqual(['', '']);
  });

  it('sales_missing is noted in the period without sales only', () => {
    const r = run({
      periods: [
        { period: '2024-04', vat: '3,000', sales: '50,000' },
        { period: '2024-05', vat: '3,000', sales: null },
        { period: '2024-06', vat: '3,000', sales: '0.00' },
      ],
      quals: [],
    });
    expect(r.rows.map(feeText).map((x) => [x.period, x.exemption, x.notes])).toEqual([
      ['2024-04', '90.00', 'small_payer_exempt'],
      ['2024-04', '60.00', 'small_payer_exempt'],
      ['2024-05', '0.00', 'sales_missing'],
      ['2024-05', '0.00', 'sales_missing'],
      ['2024-06', '90.00', 'small_payer_exempt'],
      ['2024-06', '60.00', 'small_payer_exempt'],
    ]);
  });

  it('the thresholds come from the rules (surcharge.exemption.monthly_sales can be overridden)', () => {
    const r = rules.withOverrides(new Map([['surcharge.exemption.monthly_sales', [{ from: '2016-02-01', value: '150000.00', source: 'test', status: 'verified' as const }]]]));
    const t = texts({ periods: [{ period: '2024-06', vat: '3,000', sales: '150,000' }], quals: [], rules: r });
    expect(t.edu.exemption).toBe('90.00');
  });
});

describe('RULES §2.2 六税两费 reduction by era, on what remains after the exemption', () => {
  // VAT 10,000 → due 300.00 and 200.00; 50% → 150.00 and 100.00
  it.each([
    // period, qualification, reduced?
    ['2018-12', 'small_scale_vat', false], // before 财税〔2019〕13号
    ['2019-01', 'small_scale_vat', true],
    ['2021-12', 'small_scale_vat', true],
    ['2021-12', 'small_low_profit', false], // 2019–2021: small-scale taxpayers only
    ['2021-12', 'individual_business', false],
    ['2021-Q4', 'small_low_profit', false],
    ['2022-01', 'small_scale_vat', true], // 公告2022年第10号: the three groups
    ['2022-01', 'small_low_profit', true],
    ['2022-06', 'individual_business', true],
    ['2022-Q1', 'small_low_profit', true],
    ['2023-01', 'small_scale_vat', true], // 公告2023年第12号: the three groups to 2027
    ['2024-07', 'small_low_profit', true],
    ['2027-12', 'individual_business', true],
    ['2028-01', 'small_scale_vat', false], // the default series ends 2027-12-31
    ['2024-07', 'pcie_pilot', false], // other qualifications do not reduce
    ['2024-07', 'high_tech', false],
  ] as const)('%s, %s: reduced %s', (period, q, reduced) => {
    const t = texts({ periods: [{ period, vat: '10,000' }], quals: [qual(q, '2015-01-01')] });
    expect([t.edu.due, t.local.due]).toEqual(['300.00', '200.00']);
    if (reduced) {
      expect([t.edu.reduction, t.local.reduction]).toEqual(['150.00', '100.00']);
      expect([t.edu.payable, t.local.payable]).toEqual(['150.00', '100.00']);
      expect([t.edu.notes, t.local.notes]).toEqual(['six_two_reduction', 'six_two_reduction']);
    } else {
      expect([t.edu.reduction, t.local.reduction]).toEqual(['0.00', '0.00']);
      expect([t.edu.payable, t.local.payable]).toEqual(['300.00', '200.00']);
      expect([t.edu.notes, t.local.notes]).toEqual(['', '']);
    }
  });

  it('without any qualification: no reduction in any era', () => {
    for (const period of ['2020-05', '2022-05', '2025-05']) {
      const t = texts({ periods: [{ period, vat: '10,000' }], quals: [] });
      expect([t.edu.reduction, t.local.reduction]).toEqual(['0.00', '0.00']);
    }
  });

  it('a qualification valid on any day of the period counts (last day 2023-01-01; first day 2023-03-31 for 2023-Q1)', () => {
    expect(texts({ periods: [{ period: '2023-01', vat: '10,000' }], quals: [qual('small_scale_vat', '2020-01-01', '2023-01-01')] }).edu.reduction).toBe('150.00');
    expect(texts({ periods: [{ period: '2023-02', vat: '10,000' }], quals: [qual('small_scale_vat', '2020-01-01', '2023-01-01')] }).edu.reduction).toBe('0.00');
    expect(texts({ periods: [{ period: '2023-Q1', vat: '10,000' }], quals: [qual('small_scale_vat', '2023-03-31')] }).edu.reduction).toBe('150.00');
  });

  it('the reduction is rounded half-up: base 1.00 → due 0.03 and 0.02 → reduction 0.02 and 0.01', () => {
    const t = texts({ periods: [{ period: '2024-01', vat: '1.00' }], quals: [qual('small_scale_vat', '2020-01-01')] });
    expect([t.edu.due, t.edu.reduction, t.edu.payable]).toEqual(['0.03', '0.02', '0.01']);
    expect([t.local.due, t.local.reduction, t.local.payable]).toEqual(['0.02', '0.01', '0.01']);
  });

  it('half-up, not banker’s: base 10.50 → local due 0.21 → reduction round(0.105) = 0.11', () => {
    const t = texts({ periods: [{ period: '2024-01', vat: '10.50' }], quals: [qual('small_scale_vat', '2020-01-01')] });
    expect([t.edu.due, t.edu.reduction]).toEqual(['0.32', '0.16']);
    expect([t.local.due, t.local.reduction]).toEqual(['0.21', '0.11']);
  });

  it('the reduction is taken on due − exemption: an exempt small-scale payer gets 0 reduction and only the exemption note', () => {
    const t = texts({ periods: [{ period: '2024-01', vat: '10,000', sales: '90,000' }], quals: [qual('small_scale_vat', '2020-01-01')] });
    expect([t.edu.exemption, t.edu.reduction, t.edu.payable]).toEqual(['300.00', '0.00', '0.00']);
    expect([t.local.exemption, t.local.reduction, t.local.payable]).toEqual(['200.00', '0.00', '0.00']);
    expect(t.edu.notes).toBe('small_payer_exempt');
  });

  it('the rate comes from the rules (a province at 30%)', () => {
    const r = rules.withOverrides(new Map([['surcharge.reduction.rate', [{ from: '2023-01-01', to: '2027-12-31', value: '0.3', source: 'test', status: 'verified' as const }]]]));
    const t = texts({ periods: [{ period: '2024-01', vat: '10,000' }], quals: [qual('small_low_profit', '2020-01-01')], rules: r });
    expect([t.edu.reduction, t.local.reduction]).toEqual(['90.00', '60.00']);
  });

  it('reduction then credit: the credit takes what the reduction leaves (2023, small-scale pilot, investment 10,000)', () => {
    const t = texts({ periods: [{ period: '2023-05', vat: '100,000', investment: '10,000' }], quals: [PILOT, qual('small_scale_vat', '2020-01-01')] });
    expect([t.edu.due, t.edu.reduction, t.edu.credit, t.edu.payable]).toEqual(['3000.00', '1500.00', '1500.00', '0.00']);
    expect([t.local.due, t.local.reduction, t.local.credit, t.local.payable]).toEqual(['2000.00', '1000.00', '1000.00', '0.00']);
    expect(t.pool).toMatchObject({ added: '3000.00', used: '2500.00', closing: '500.00' });
    expect(t.edu.notes).toBe('six_two_reduction');
  });
});

describe('RULES §2.4 the credit and its split between the two fees', () => {
  it('available smaller than both remaining: 3 : 2 split, rounded half-up, the remainder to the local fee', () => {
    // VAT 1,000 → due 30.00 and 20.00. Investment 0.17 → added round(0.051) = 0.05 → 0.03 + 0.02
    let t = texts({ periods: [{ period: '2024-02', vat: '1,000', investment: '0.17' }] });
    expect([t.pool.added, t.edu.credit, t.local.credit]).toEqual(['0.05', '0.03', '0.02']);
    // investment 0.23 → added round(0.069) = 0.07 → edu round(0.042) = 0.04, local 0.03
    t = texts({ periods: [{ period: '2024-02', vat: '1,000', investment: '0.23' }] });
    expect([t.pool.added, t.edu.credit, t.local.credit]).toEqual(['0.07', '0.04', '0.03']);
    // investment 0.03 → added 0.01 → edu round(0.006) = 0.01, local 0.00
    t = texts({ periods: [{ period: '2024-02', vat: '1,000', investment: '0.03' }] });
    expect([t.pool.added, t.edu.credit, t.local.credit, t.pool.closing]).toEqual(['0.01', '0.01', '0.00', '0.00']);
  });

  it('the pool added is rounded half-up: 30% × 0.05 = 0.015 → 0.02', () => {
    const t = texts({ periods: [{ period: '2024-02', vat: '1,000', investment: '0.05' }] });
    expect(t.pool.added).toBe('0.02');
  });

  it('available equal to both remaining: both fees fully credited, nothing carried', () => {
    const t = texts({ periods: [{ period: '2024-02', vat: '100,000', investment: '16,666.67' }] });
    // added round(5,000.001) = 5,000.00
    expect([t.pool.added, t.edu.credit, t.local.credit, t.pool.closing]).toEqual(['5000.00', '3000.00', '2000.00', '0.00']);
  });

  it('one fee at zero (a rules file setting 地方教育附加 to 0): the whole credit goes to the other, up to its remaining', () => {
    const r = rules.withOverrides(new Map([['surcharge.local_education.rate', [{ from: '2011-01-01', value: '0', source: 'test', status: 'verified' as const }]]]));
    let t = texts({ periods: [{ period: '2024-02', vat: '100,000', investment: '5,000' }], rules: r });
    expect([t.edu.credit, t.local.due, t.local.credit, t.pool.closing]).toEqual(['1500.00', '0.00', '0.00', '0.00']);
    t = texts({ periods: [{ period: '2024-02', vat: '100,000', investment: '20,000' }], rules: r });
    expect([t.edu.credit, t.edu.payable, t.local.credit, t.pool.closing]).toEqual(['3000.00', '0.00', '0.00', '3000.00']);
  });

  it('both fees exempt: nothing credited, the whole pool carries forward', () => {
    const t = texts({ periods: [{ period: '2024-02', vat: '3,000', sales: '80,000', investment: '10,000' }] });
    expect([t.edu.exemption, t.edu.credit, t.edu.payable]).toEqual(['90.00', '0.00', '0.00']);
    expect([t.local.exemption, t.local.credit, t.local.payable]).toEqual(['60.00', '0.00', '0.00']);
    expect(t.pool).toEqual({ period: '2024-02', opening: '0.00', added: '3000.00', used: '0.00', closing: '3000.00', shortfall: '0.00' });
    expect(t.edu.notes).toBe('small_payer_exempt');
  });

  it('a period with an investment but no return: base 0, nothing credited, the pool carries to the next return', () => {
    const r = run({
      periods: [
        { period: '2024-01', investment: '10,000', hasReturn: false },
        { period: '2024-02', vat: '100,000' },
      ],
    });
    expect(r.rows.slice(0, 2).map(feeText).map((x) => [x.base, x.due, x.credit, x.payable])).toEqual([
      ['0.00', '0.00', '0.00', '0.00'],
      ['0.00', '0.00', '0.00', '0.00'],
    ]);
    expect(r.rows.slice(2).map((x) => feeText(x).credit)).toEqual(['1800.00', '1200.00']);
    expect(r.pool.map((p) => [poolText(p).added, poolText(p).used, poolText(p).closing])).toEqual([
      ['3000.00', '0.00', '3000.00'],
      ['0.00', '3000.00', '0.00'],
    ]);
  });

  it('paid amounts reduce what is payable', () => {
    const t = texts({ periods: [{ period: '2024-02', vat: '100,000', paid_edu: '1,000', paid_local: '500' }] });
    expect([t.edu.paid, t.edu.payable, t.edu.overpaid, t.local.paid, t.local.payable, t.local.overpaid]).toEqual(['1000.00', '2000.00', '0.00', '500.00', '1500.00', '0.00']);
    expect([t.edu.notes, t.local.notes]).toEqual(['', '']);
  });
});

describe('RULES §2.4 payable is never negative: paid above what is owed is overpaid (issue #10 item 6)', () => {
  // Until issue #10 the payable of this case was −1,800.00 and −1,200.00, without a word.
  it('paid above due − credit: payable 0.00, overpaid the difference, note overpaid on each such row', () => {
    const r = run({ periods: [{ period: '2024-02', vat: '100,000', investment: '10,000', paid_edu: '3,000', paid_local: '2,000' }] });
    const [edu, local] = r.rows.map(feeText);
    expect([edu!.credit, edu!.payable, edu!.overpaid, edu!.notes]).toEqual(['1800.00', '0.00', '1800.00', 'overpaid']);
    expect([local!.credit, local!.payable, local!.overpaid, local!.notes]).toEqual(['1200.00', '0.00', '1200.00', 'overpaid']);
    // paying does not change the credit: the pool is used against what is owed, not what is unpaid
    expect(poolText(r.pool[0]!)).toMatchObject({ used: '3000.00', closing: '0.00' });
    expect(r.trace[0]!.steps.find((x) => x.label === '教育费附加 payable')).toMatchObject({ value: '0.00' });
    expect(r.trace[0]!.steps.find((x) => x.label === '教育费附加 payable')!.how).toMatch(/below zero: overpaid 1800\.00$/);
  });

  it.each([
    // paid_edu, paid_local → edu payable, edu overpaid, local payable, local overpaid, notes (edu, local)
    ['3,000.00', '2,000.00', '0.00', '0.00', '0.00', '0.00', '', ''], // paid exactly what is due: no note
    ['3,000.01', '2,000.00', '0.00', '0.01', '0.00', '0.00', 'overpaid', ''], // a fen above, on one fee only
    ['2,999.99', '2,000.01', '0.01', '0.00', '0.00', '0.01', '', 'overpaid'],
    ['0.00', '5,000.00', '3000.00', '0.00', '0.00', '3000.00', '', 'overpaid'], // paid to the wrong fee: not netted across fees
  ] as const)('due 3,000.00 and 2,000.00, paid %s and %s → payable %s (overpaid %s) and %s (overpaid %s)', (pe, pl, eduPay, eduOver, localPay, localOver, eduNotes, localNotes) => {
    const t = texts({ periods: [{ period: '2024-02', vat: '100,000', paid_edu: pe, paid_local: pl }] });
    expect([t.edu.payable, t.edu.overpaid, t.local.payable, t.local.overpaid]).toEqual([eduPay, eduOver, localPay, localOver]);
    expect([t.edu.notes, t.local.notes]).toEqual([eduNotes, localNotes]);
  });

  it('an exempt payer that paid anyway: what it paid is overpaid (paid − (due − exemption))', () => {
    const t = texts({ periods: [{ period: '2024-02', vat: '3,000', sales: '0.00', paid_edu: '90.00', paid_local: '60.00' }], quals: [] });
    expect([t.edu.exemption, t.edu.payable, t.edu.overpaid, t.edu.notes]).toEqual(['90.00', '0.00', '90.00', 'small_payer_exempt;overpaid']);
    expect([t.local.exemption, t.local.payable, t.local.overpaid, t.local.notes]).toEqual(['60.00', '0.00', '60.00', 'small_payer_exempt;overpaid']);
  });

  it('a reduced payer that paid the whole amount due: the reduction is overpaid', () => {
    const t = texts({ periods: [{ period: '2024-02', vat: '10,000', paid_edu: '300.00', paid_local: '200.00' }], quals: [qual('small_low_profit', '2020-01-01')] });
    expect([t.edu.reduction, t.edu.payable, t.edu.overpaid, t.edu.notes]).toEqual(['150.00', '0.00', '150.00', 'six_two_reduction;overpaid']);
    expect([t.local.reduction, t.local.payable, t.local.overpaid]).toEqual(['100.00', '0.00', '100.00']);
  });
});

describe('RULES §2.1 who and when: the pilot list, from 2019-01-01 (财税〔2019〕46号)', () => {
  it('investment in a period without the pcie_pilot qualification: not_pilot, not added, nothing credited', () => {
    const t = texts({ periods: [{ period: '2024-01', vat: '100,000', investment: '10,000' }], quals: [qual('pcie_pilot', '2024-03-01')] });
    expect(t.pool).toEqual({ period: '2024-01', opening: '0.00', added: '0.00', used: '0.00', closing: '0.00', shortfall: '0.00' });
    expect([t.edu.credit, t.local.credit, t.edu.payable, t.local.payable]).toEqual(['0.00', '0.00', '3000.00', '2000.00']);
    expect([t.edu.notes, t.local.notes]).toEqual(['not_pilot', 'not_pilot']);
  });

  it('a pool carried in is neither used nor lost in a period off the list', () => {
    const t = texts({ periods: [{ period: '2024-01', vat: '100,000' }], quals: [qual('pcie_pilot', '2020-01-01', '2023-12-31')], carry: '1,000', carryPeriod: '2023-12' });
    expect(t.pool).toEqual({ period: '2024-01', opening: '1000.00', added: '0.00', used: '0.00', closing: '1000.00', shortfall: '0.00' });
    expect(t.edu.credit).toBe('0.00');
    expect(t.edu.notes).toBe(''); // no investment in the period: nothing to flag
  });

  it('on the list for part of the period: the period counts (pilot from 2024-01-31)', () => {
    const t = texts({ periods: [{ period: '2024-01', vat: '100,000', investment: '10,000' }], quals: [qual('pcie_pilot', '2024-01-31')] });
    expect([t.pool.added, t.edu.credit, t.edu.notes]).toEqual(['3000.00', '1800.00', '']);
  });

  it('the 2018/2019 boundary: investment in 2018-12 is not credited, 2019-01 is', () => {
    const r = run({
      periods: [
        { period: '2018-12', vat: '100,000', investment: '10,000' },
        { period: '2019-01', vat: '100,000', investment: '10,000' },
      ],
      quals: [qual('pcie_pilot', '2018-01-01')],
    });
    const rows = r.rows.map(feeText);
    expect(rows.map((x) => [x.period, x.credit, x.notes])).toEqual([
      ['2018-12', '0.00', 'not_pilot'],
      ['2018-12', '0.00', 'not_pilot'],
      ['2019-01', '1800.00', ''],
      ['2019-01', '1200.00', ''],
    ]);
    expect(r.pool.map(poolText).map((p) => [p.added, p.closing])).toEqual([
      ['0.00', '0.00'],
      ['3000.00', '0.00'],
    ]);
    expect(r.trace[0]!.steps.find((s) => s.value === 'not_pilot')!.how).toMatch(/not in force in 2018-12 \(from 2019-01-01\)/);
  });

  it('quarterly: 2019-Q1 is credited, 2018-Q4 is not', () => {
    const r = run({
      periods: [
        { period: '2018-Q4', vat: '100,000', investment: '10,000' },
        { period: '2019-Q1', vat: '100,000', investment: '10,000' },
      ],
      quals: [qual('pcie_pilot', '2018-01-01')],
    });
    expect(r.rows.map((x) => x.credit)).toEqual([0, 0, fen('1,800'), fen('1,200')]);
  });
});

describe('RULES §2.4 withdrawals: net investment may be negative', () => {
  it('a withdrawal the pool absorbs: added negative, the rest still credited, no note', () => {
    const t = texts({ periods: [{ period: '2024-04', vat: '100,000', investment: '-10,000' }], carry: '5,000', carryPeriod: '2024-03' });
    expect(t.pool).toEqual({ period: '2024-04', opening: '5000.00', added: '-3000.00', used: '2000.00', closing: '0.00', shortfall: '0.00' });
    expect([t.edu.credit, t.local.credit]).toEqual(['1200.00', '800.00']);
    expect(t.edu.notes).toBe('');
  });

  it('carry_in + added below zero: investment_withdrawn, the shortfall reported, nothing credited, carry_out 0', () => {
    const t = texts({ periods: [{ period: '2024-04', vat: '100,000', investment: '-10,000' }], carry: '1,000', carryPeriod: '2024-03' });
    expect(t.pool).toEqual({ period: '2024-04', opening: '1000.00', added: '-3000.00', used: '0.00', closing: '0.00', shortfall: '2000.00' });
    expect([t.edu.credit, t.local.credit, t.edu.payable, t.local.payable]).toEqual(['0.00', '0.00', '3000.00', '2000.00']);
    expect([t.edu.notes, t.local.notes]).toEqual(['investment_withdrawn', 'investment_withdrawn']);
    const step = one({ periods: [{ period: '2024-04', vat: '100,000', investment: '-10,000' }], carry: '1,000', carryPeriod: '2024-03' });
    expect(step.pool.shortfall).toBe(fen('2,000'));
  });

  it('investment and withdrawal in one period net out before the 30%', () => {
    const t = texts({ periods: [{ period: '2024-04', vat: '100,000', investment: '6,000' }] });
    expect(t.pool.added).toBe('1800.00');
  });

  it('after a shortfall the next period starts from 0, not from the negative balance', () => {
    const r = run({
      periods: [
        { period: '2024-04', vat: '100,000', investment: '-10,000' },
        { period: '2024-05', vat: '100,000', investment: '10,000' },
      ],
      carry: '1,000',
      carryPeriod: '2024-03',
    });
    expect(r.pool.map(poolText)).toEqual([
      { period: '2024-04', opening: '1000.00', added: '-3000.00', used: '0.00', closing: '0.00', shortfall: '2000.00' },
      { period: '2024-05', opening: '0.00', added: '3000.00', used: '3000.00', closing: '0.00', shortfall: '0.00' },
    ]);
    expect(r.rows[2]!.notes).toEqual([]);
  });

  it('a withdrawal off the list is not_pilot only (nothing was added, nothing to repay here)', () => {
    const t = texts({ periods: [{ period: '2024-04', vat: '100,000', investment: '-10,000' }], quals: [] });
    expect(t.pool).toMatchObject({ added: '0.00', closing: '0.00', shortfall: '0.00' });
    expect(t.edu.notes).toBe('not_pilot');
  });
});

describe('CONTRACT §4 notes and the pool over several periods', () => {
  it('ledger_gap is noted on the first computed period only, on both fee rows', () => {
    const r = run({
      periods: [
        { period: '2024-04', vat: '100,000' },
        { period: '2024-05', vat: '100,000' },
      ],
      carry: '500',
      carryPeriod: '2024-01',
      gap: true,
    });
    expect(r.rows.map((x) => feeText(x).notes)).toEqual(['ledger_gap', 'ledger_gap', '', '']);
    expect(r.pool[0]!.opening).toBe(fen('500'));
    expect(r.trace[0]!.steps.some((s) => s.value === 'ledger_gap' && s.how!.includes('2024-01'))).toBe(true);
  });

  it('notes in the contract’s order: small_payer_exempt;six_two_reduction;not_pilot;investment_withdrawn;ledger_gap;sales_missing;overpaid', () => {
    // exempt and not on the list, with an investment, after a gap, overpaid
    const t = texts({ periods: [{ period: '2024-04', vat: '100', sales: '1,000', investment: '100', paid_edu: '1.00' }], quals: [], gap: true, carry: '0', carryPeriod: '2023-12' });
    expect(t.edu.notes).toBe('small_payer_exempt;not_pilot;ledger_gap;overpaid');
    // reduced and withdrawn
    const w = texts({ periods: [{ period: '2024-04', vat: '100', investment: '-100' }], quals: [PILOT, qual('small_low_profit', '2020-01-01')] });
    expect(w.edu.notes).toBe('six_two_reduction;investment_withdrawn');
    // reduced, not on the list, after a gap, without sales, overpaid
    const m = texts({ periods: [{ period: '2024-04', vat: '100', sales: null, investment: '100', paid_edu: '3.00' }], quals: [qual('small_low_profit', '2020-01-01')], gap: true, carry: '0', carryPeriod: '2023-12' });
    expect(m.edu.notes).toBe('six_two_reduction;not_pilot;ledger_gap;sales_missing;overpaid');
    expect(m.local.notes).toBe('six_two_reduction;not_pilot;ledger_gap;sales_missing');
  });

  it('the pool chains: each opening is the previous closing; monthly and quarterly periods of one enterprise in order', () => {
    const periods: PeriodIn[] = [
      { period: '2024-01', vat: '50,000', investment: '20,000' }, // due 1,500 + 1,000; added 6,000 → closing 3,500
      { period: '2024-02', vat: '50,000' }, // closing 1,000
      { period: '2024-03', vat: '50,000' }, // available 1,000 < 2,500 → 600 + 400, closing 0
      { period: '2024-Q2', vat: '100,000', investment: '1,000' }, // added 300 → 180 + 120
    ];
    const r = run({ periods });
    expect(r.pool.map(poolText).map((p) => [p.period, p.opening, p.added, p.used, p.closing])).toEqual([
      ['2024-01', '0.00', '6000.00', '2500.00', '3500.00'],
      ['2024-02', '3500.00', '0.00', '2500.00', '1000.00'],
      ['2024-03', '1000.00', '0.00', '1000.00', '0.00'],
      ['2024-Q2', '0.00', '300.00', '300.00', '0.00'],
    ]);
    expect(r.rows.map((x) => x.credit)).toEqual([150_000, 100_000, 150_000, 100_000, 60_000, 40_000, 18_000, 12_000]);
  });

  it('a period before 2011 has no 地方教育附加 rate: refused with RuleGapError naming the key and period', () => {
    expect(() => run({ periods: [{ period: '2010-12', vat: '100' }], quals: [] })).toThrow(RuleGapError);
    expect(() => run({ periods: [{ period: '2010-12', vat: '100' }], quals: [] })).toThrow(/surcharge\.local_education\.rate.*2010-12/);
  });

  it('the trace names each step’s source: rates, 财税〔2016〕12号, 六税两费, 财税〔2019〕46号', () => {
    const r = run({ periods: [{ period: '2024-04', vat: '3,000', sales: '50,000', investment: '100' }], quals: [PILOT, qual('small_scale_vat', '2020-01-01')] });
    const sources = r.trace[0]!.steps.map((s) => s.source ?? '').join('\n');
    for (const s of ['国务院令第448号', '财综〔2010〕98号', '财税〔2016〕12号', '财税〔2019〕46号', 'RULES §2.2']) expect(sources).toContain(s);
    const reduced = run({ periods: [{ period: '2024-04', vat: '3,000' }], quals: [qual('small_scale_vat', '2020-01-01')] });
    expect(reduced.trace[0]!.steps.map((s) => s.source ?? '').join('\n')).toContain('公告2023年第12号');
  });
});

describe('splitCredit (RULES §2.4 [P]): in proportion to what remains, never above it', () => {
  it.each([
    // available, remaining edu, remaining local → edu, local (fen)
    [300_000, 300_000, 200_000, 180_000, 120_000], // RULES §2.5 first check
    [600_000, 300_000, 200_000, 300_000, 200_000], // more than enough: both in full
    [500_000, 300_000, 200_000, 300_000, 200_000], // exactly enough
    [0, 300_000, 200_000, 0, 0],
    [-5, 300_000, 200_000, 0, 0],
    [100, 0, 0, 0, 0],
    [1, 3, 2, 1, 0], // round(0.6) = 1
    [7, 300, 200, 4, 3], // round(4.2) = 4, the rest to local
    [5, 3, 3, 3, 2], // round(2.5) = 3 half-up, the remainder 2 to local
    [3, 1, 1, 1, 1], // more than enough
    [100, 0, 500, 0, 100], // nothing remains of edu
    [100, 500, 0, 100, 0], // nothing remains of local
    [2, 1, 1_000_000, 0, 2], // round(2 × 1 / 1,000,001) = 0: all to local
    [999_999, 1_000_000, 1, 999_998, 1], // round(999,998.000…) = 999,998, the remaining fen to local
  ])('available %d against %d and %d → %d + %d', (available, edu, local, wantEdu, wantLocal) => {
    expect(splitCredit(available, edu, local)).toEqual([wantEdu, wantLocal]);
  });

  it('for every small case: 0 ≤ each ≤ its remaining, sum ≤ available, sum = min(available, total), edu within a fen of its share', () => {
    for (let available = -2; available <= 30; available++) {
      for (let a = 0; a <= 12; a++) {
        for (let b = 0; b <= 12; b++) {
          const [e, l] = splitCredit(available, a, b);
          expect(e).toBeGreaterThanOrEqual(0);
          expect(l).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(a);
          expect(l).toBeLessThanOrEqual(b);
          expect(e + l).toBeLessThanOrEqual(Math.max(0, available));
          // nothing is left unused while something remains and something is available
          expect(e + l).toBe(Math.max(0, Math.min(available, a + b)));
          if (available > 0 && available < a + b) expect(Math.abs(e * (a + b) - available * a)).toBeLessThanOrEqual((a + b) / 2);
        }
      }
    }
  });
});

describe('pipeline helpers (src/pipeline/credit.ts)', () => {
  const ret = (period: string, line = 2): SurchargeReturn => ({ period: per(period), line, ...figures({ vat: '100' }) });

  it.each([
    // date, the enterprise's returns, period
    ['2024-02-15', ['2024-Q1', '2024-Q2'], '2024-Q1'], // inside a quarterly filer's quarter
    ['2024-06-30', ['2024-Q1', '2024-Q2'], '2024-Q2'],
    ['2024-02-29', ['2024-01', '2024-02'], '2024-02'], // a monthly filer's month
    ['2024-08-01', ['2024-Q1'], '2024-Q3'], // no return: the quarter around it, as the filer files
    ['2024-08-01', ['2024-01'], '2024-08'], // no return: the month around it
    ['2024-01-15', ['2024-Q2'], '2024-Q1'], // before every return: the first return’s frequency
    ['2024-01-15', ['2024-05'], '2024-01'],
    ['2024-01-15', [], '2024-01'], // no return at all: a month
    ['2024-12-31', ['2023-Q4'], '2024-Q4'],
    ['2024-05-10', ['2024-01', '2024-Q3'], '2024-05'], // monthly, then quarterly from Q3: the frequency in force before it
    ['2024-08-10', ['2024-01', '2024-Q3'], '2024-Q3'],
  ] as const)('%s with returns %j → %s', (date, periods, want) => {
    expect(investmentPeriod(date, periods.map((p, i) => ret(p, i + 2))).text).toBe(want);
  });

  it.each([
    // range, periods in the inputs, from, to
    [{ year: 2024 }, ['2023-12', '2025-01'], '2024-01-01', '2024-12-31'],
    [{}, ['2024-03', '2024-Q1', '2023-11'], '2023-11-01', '2024-03-31'],
    [{}, ['2024-Q3'], '2024-07-01', '2024-09-30'],
    [{ from: '2024-02' }, ['2024-01', '2024-06'], '2024-02-01', '2024-06-30'],
    [{ to: '2024-02' }, ['2024-01', '2024-06'], '2024-01-01', '2024-02-29'],
    [{ from: '2024-Q2', to: '2024-Q3' }, ['2024-01'], '2024-04-01', '2024-09-30'],
    [{ from: '2023', to: '2024' }, ['2024-01'], '2023-01-01', '2024-12-31'],
    [{ from: '2024-04', to: '2024-Q2' }, [], '2024-04-01', '2024-06-30'],
    [{ from: ' 2024-03 ' }, ['2024-06'], '2024-03-01', '2024-06-30'],
  ] as const)('%o over %j → %s … %s', (range, periods, from, to) => {
    expect(resolvePeriods(range, periods.map(per))).toEqual({ from, to });
  });

  it('no periods and no range: nothing to compute', () => {
    expect(resolvePeriods({}, [])).toEqual({ from: undefined, to: undefined });
  });

  it('--from after --to, or a period that is not one, is a UsageError (exit 2) naming the flag', () => {
    expect(() => resolvePeriods({ from: '2024-06', to: '2024-03' }, [])).toThrow(UsageError);
    expect(() => resolvePeriods({ from: '2024-06', to: '2024-03' }, [])).toThrow(/--from 2024-06 is after --to 2024-03/);
    expect(() => resolvePeriods({ from: '2024-Q3', to: '2024-06' }, [])).toThrow(/is after/);
    for (const [flag, bad] of [
      ['from', '2024-13'],
      ['from', 'Q3'],
      ['to', '2024-Q5'],
      ['to', '24-01'],
    ] as const) {
      expect(() => resolvePeriods({ [flag]: bad }, [])).toThrow(UsageError);
      expect(() => resolvePeriods({ [flag]: bad }, [])).toThrow(new RegExp(`--${flag} takes a period YYYY-MM, YYYY-Qn or a year YYYY \\(got "${bad}"\\)`));
    }
  });
});
