/**
 * Employee education expense, A105050 rows 4–6 (RULES §1). Every expected figure is from
 * RULES.md or worked by hand from its formulas:
 *   cap = round(wages × rate); deductible = min(cap, incurred + carry_in);
 *   adjustment = book − deductible; carry_out = incurred + carry_in − deductible.
 */
import { describe, expect, it } from 'vitest';
import { computeEnterprise, qualifiedInYear, rateFor } from '../src/calculators/education-expense.js';
import { emptyYear } from '../src/domain/records.js';
import { RuleGapError } from '../src/domain/errors.js';
import { Tracer } from '../src/domain/trace.js';
import { Rules } from '../src/rules/index.js';
import { fen, ID, only, qual, row5, rules, run, type YearIn } from './unit-helpers/education.js';
import { override } from './unit-helpers/subsidy.js';

describe('RULES §1.4 worked checks (2018 on, rate 8%)', () => {
  const cases: [string, YearIn & { carry: string }, Record<string, string>][] = [
    [
      'A',
      { wages: '1,000,000', book: '100,000', incurred: '100,000', carry: '0' },
      { deductible: '80000.00', adjustment: '20000.00', carry_out: '20000.00' },
    ],
    [
      'B',
      { wages: '1,000,000', book: '30,000', incurred: '30,000', carry: '20,000' },
      { deductible: '50000.00', adjustment: '-20000.00', carry_out: '0.00' },
    ],
    [
      'C',
      { wages: '1,000,000', book: '90,000', incurred: '60,000', carry: '0' },
      { deductible: '60000.00', adjustment: '30000.00', carry_out: '0.00' },
    ],
  ];
  for (const year of [2018, 2023]) {
    it.each(cases)(`case %s in ${year}`, (_name, input, want) => {
      const r = only({ years: { [year]: input }, carry: { yuan: input.carry } });
      expect(row5(r)).toMatchObject({ rate: '0.08', cap: '80000.00', ...want });
      expect(r.notes).toEqual([]);
      // no row 6: row 4 = row 5
      expect([r.total_book, r.total_deductible, r.total_adjustment]).toEqual([r.book, r.deductible, r.adjustment]);
    });
  }

  it('A then B: case A’s carry out is case B’s carry in', () => {
    const rows = run({ years: { 2018: { wages: '1,000,000', book: '100,000' }, 2019: { wages: '1,000,000', book: '30,000' } } });
    expect(rows.map(row5)).toEqual([
      { wages: '1000000.00', rate: '0.08', cap: '80000.00', book: '100000.00', incurred: '100000.00', carry_in: '0.00', deductible: '80000.00', adjustment: '20000.00', carry_out: '20000.00' },
      { wages: '1000000.00', rate: '0.08', cap: '80000.00', book: '30000.00', incurred: '30000.00', carry_in: '20000.00', deductible: '50000.00', adjustment: '-20000.00', carry_out: '0.00' },
    ]);
  });
});

describe('RULES §1.4 the 2.5% era (a published Q&A)', () => {
  it('2011: wages 1,000, spend 100 → deduct 25, carry 75; 2012: wages 5,000, spend 20 → deduct min(125, 95) = 95, carry 0', () => {
    const rows = run({ years: { 2011: { wages: '1,000', book: '100' }, 2012: { wages: '5,000', book: '20' } } });
    expect(rows.map(row5)).toEqual([
      { wages: '1000.00', rate: '0.025', cap: '25.00', book: '100.00', incurred: '100.00', carry_in: '0.00', deductible: '25.00', adjustment: '75.00', carry_out: '75.00' },
      { wages: '5000.00', rate: '0.025', cap: '125.00', book: '20.00', incurred: '20.00', carry_in: '75.00', deductible: '95.00', adjustment: '-75.00', carry_out: '0.00' },
    ]);
  });
});

describe('RULES §1.1 the general rate by tax year', () => {
  it.each([
    [2008, '0.025', '25000.00'],
    [2012, '0.025', '25000.00'],
    [2017, '0.025', '25000.00'],
    [2018, '0.08', '80000.00'],
    [2024, '0.08', '80000.00'],
  ])('%d: rate %s, cap on 1,000,000 wages %s', (year, rate, cap) => {
    const r = only({ years: { [year]: { wages: '1,000,000' } } });
    expect(row5(r)).toMatchObject({ rate, cap });
  });

  it.each([2007, 2000])('%d (before 2008) is refused with RuleGapError', (year) => {
    expect(() => run({ years: { [year]: { wages: '1,000,000', book: '10,000' } } })).toThrow(RuleGapError);
    expect(() => run({ years: { [year]: { wages: '1,000,000' } } })).toThrow(`no employee education expense rate is in force for ${year}`);
  });

  it('a run starting in 2007 is refused even when later years are fine', () => {
    expect(() => run({ years: { 2007: {}, 2008: { wages: '1,000' } } })).toThrow(RuleGapError);
  });

  it('a rules file without any general rate is refused with RuleGapError, not a crash', () => {
    const empty = new Rules().withOverrides(new Map([['eit.education_expense.rate', []]]));
    expect(() => run({ years: { 2020: { wages: '1,000' } }, rules: empty })).toThrow(RuleGapError);
  });
});

describe('RULES §1.1 qualification rates: 高新技术企业 8% in 2015–2017, 技术先进型服务企业 8% in 2017', () => {
  const wages = '1,000,000';
  it.each([
    // qualification, valid_from, valid_to, year, rate
    ['high_tech', '2010-01-01', undefined, 2014, '0.025'], // before 财税〔2015〕63号
    ['high_tech', '2010-01-01', undefined, 2015, '0.08'],
    ['high_tech', '2010-01-01', undefined, 2016, '0.08'],
    ['high_tech', '2010-01-01', undefined, 2017, '0.08'],
    ['high_tech', '2010-01-01', undefined, 2018, '0.08'], // the general rate: not needed
    ['advanced_tech_service', '2010-01-01', undefined, 2016, '0.025'],
    ['advanced_tech_service', '2010-01-01', undefined, 2017, '0.08'],
    ['advanced_tech_service', '2010-01-01', undefined, 2018, '0.08'],
    // a qualification counts when it is valid on the year's last day (RULES §1.1, 公告2017年第24号)
    ['high_tech', '2012-01-01', '2015-01-01', 2015, '0.025'], // lapsed 2015-01-01, not renewed
    ['high_tech', '2012-01-01', '2015-12-31', 2015, '0.08'], // valid on 12-31
    ['high_tech', '2012-01-01', '2014-12-31', 2015, '0.025'], // ended the day before
    ['high_tech', '2017-12-31', undefined, 2017, '0.08'], // first day is 2017-12-31
    ['high_tech', '2018-01-01', undefined, 2017, '0.025'], // starts the day after
    ['advanced_tech_service', '2017-12-31', '2020-12-30', 2017, '0.08'],
    ['advanced_tech_service', '2016-01-01', '2017-01-01', 2017, '0.025'],
    ['advanced_tech_service', '2016-01-01', '2016-12-31', 2017, '0.025'],
    // a qualification other than these two does not raise the rate
    ['software_ic', '2010-01-01', undefined, 2016, '0.025'],
    ['pcie_pilot', '2010-01-01', undefined, 2016, '0.025'],
  ] as const)('%s %s…%s: %d at %s', (q, from, to, year, rate) => {
    const r = only({ years: { [year]: { wages } }, quals: [qual(q, from, to)] });
    expect(row5(r).rate).toBe(rate);
    expect(r.cap).toBe(rate === '0.08' ? fen('80,000') : fen('25,000'));
  });

  it('the higher rate is chosen and named with its source and status in the trace', () => {
    const trace = new Tracer(true);
    computeEnterprise(
      rules,
      {
        enterpriseId: ID,
        start: 2016,
        end: 2016,
        years: new Map([[2016, { ...emptyYear(), wages: fen('1,000,000') }]]),
        qualifications: [qual('high_tech', '2014-06-01', '2017-05-31')],
        carry: { fen: 0, gap: false },
      },
      trace,
    );
    const rateStep = trace.sections[0]!.steps.find((s) => s.label.startsWith('rate'))!;
    expect(rateStep.value).toBe('0.08');
    expect(rateStep.how).toContain('高新技术企业');
    expect(rateStep.source).toContain('财税〔2015〕63号');
    expect(rateStep.source).toContain('[unverified]');
  });

  it('rateFor names the general rate and its source for an unqualified enterprise', () => {
    const r = rateFor(rules, [], 2019);
    expect(r.rate.toFixed()).toBe('0.08');
    expect(r.why).toBe('general rate');
    expect(r.entry.source).toBe('财税〔2018〕51号');
  });

  it('RULES §1.1 worked check: a certificate 2014-04-21 → 2017-04-20, not renewed: 2017 at 2.5%', () => {
    const r = only({ years: { 2017: { wages: '2,000,000', book: '100,000' } }, quals: [qual('high_tech', '2014-04-21', '2017-04-20')] });
    expect(row5(r)).toMatchObject({ rate: '0.025', cap: '50000.00', deductible: '50000.00', adjustment: '50000.00', carry_out: '50000.00' });
  });

  it('the test is a parameter: eit.qualification_test.high_tech = any_day counts the lapse year', () => {
    const anyDay = override({ 'eit.qualification_test.high_tech': 'any_day' });
    const r = only({ years: { 2017: { wages: '2,000,000', book: '100,000' } }, quals: [qual('high_tech', '2014-04-21', '2017-04-20')], rules: anyDay });
    expect(row5(r)).toMatchObject({ rate: '0.08', cap: '160000.00', deductible: '100000.00', carry_out: '0.00' });
  });

  it('qualifiedInYear matches the qualification asked for only', () => {
    const spans = [qual('high_tech', '2015-03-01', '2016-02-29'), qual('airline', '2011-01-01')];
    expect(qualifiedInYear(spans, 'high_tech', 2014)).toBeUndefined();
    expect(qualifiedInYear(spans, 'high_tech', 2015)).toBeDefined();
    expect(qualifiedInYear(spans, 'high_tech', 2016, 'any_day')).toBeDefined();
    expect(qualifiedInYear(spans, 'high_tech', 2016)).toBeUndefined(); // year_end: lapsed 2016-02-29
    expect(qualifiedInYear(spans, 'high_tech', 2017)).toBeUndefined();
    expect(qualifiedInYear(spans, 'airline', 2030)).toBeDefined();
    expect(qualifiedInYear(spans, 'animation', 2016)).toBeUndefined();
  });
});

describe('RULES §1.3 row 6: training cost deducted in full for qualified enterprises', () => {
  it.each(['software_ic', 'animation', 'nuclear_power', 'airline'] as const)(
    '%s: deductible = incurred, adjustment = book − incurred, no carryforward',
    (q) => {
      // wages 1,000,000 → cap 80,000; row 5: book = incurred = 50,000 → deductible 50,000
      // row 6: book 300,000, incurred 250,000 → deductible 250,000, adjustment 50,000
      const r = only({
        years: { 2019: { wages: '1,000,000', book: '50,000', fullBook: '300,000', fullIncurred: '250,000' } },
        quals: [qual(q, '2015-01-01')],
      });
      expect(row5(r)).toMatchObject({ cap: '80000.00', book: '50000.00', incurred: '50000.00', deductible: '50000.00', adjustment: '0.00', carry_out: '0.00' });
      expect(r.full_book).toBe(fen('300,000'));
      expect(r.full_incurred).toBe(fen('250,000'));
      expect(r.full_deductible).toBe(fen('250,000'));
      expect(r.full_adjustment).toBe(fen('50,000'));
      // row 4 = row 5 + row 6
      expect(r.total_book).toBe(fen('350,000'));
      expect(r.total_deductible).toBe(fen('300,000'));
      expect(r.total_adjustment).toBe(fen('50,000'));
      expect(r.notes).toEqual([]);
    },
  );

  it('row 6 is not capped and never carries forward, however large', () => {
    const rows = run({
      years: { 2019: { wages: '100,000', fullBook: '2,000,000' }, 2020: { wages: '100,000' } },
      quals: [qual('software_ic', '2019-01-01', '2019-12-31')],
    });
    expect(rows[0]).toMatchObject({ cap: fen('8,000'), deductible: 0, carry_out: 0, full_deductible: fen('2,000,000'), full_adjustment: 0 });
    expect(rows[1]).toMatchObject({ carry_in: 0, deductible: 0, carry_out: 0 });
  });

  it.each([
    ['no qualification at all', []],
    ['high_tech is not a full-deduction qualification', [qual('high_tech', '2015-01-01')]],
    ['software_ic ended the year before', [qual('software_ic', '2015-01-01', '2018-12-31')]],
    ['software_ic starts the year after', [qual('software_ic', '2020-01-01')]],
  ])('unqualified (%s): full_training is row-5 expense and noted full_training_unqualified', (_why, quals) => {
    // book 70,000 + 30,000 = 100,000 → case A
    const r = only({ years: { 2019: { wages: '1,000,000', book: '70,000', fullBook: '30,000' } }, quals });
    expect(row5(r)).toMatchObject({ book: '100000.00', incurred: '100000.00', deductible: '80000.00', adjustment: '20000.00', carry_out: '20000.00' });
    expect([r.full_book, r.full_incurred, r.full_deductible, r.full_adjustment]).toEqual([0, 0, 0, 0]);
    expect(r.total_deductible).toBe(fen('80,000'));
    expect(r.notes).toEqual(['full_training_unqualified']);
  });

  it('unqualified full_training keeps its own book/incurred split in row 5', () => {
    // book 60,000 + 40,000 = 100,000; incurred 60,000 + 10,000 = 70,000 → deductible 70,000, adjustment 30,000
    const r = only({ years: { 2019: { wages: '1,000,000', book: '60,000', fullBook: '40,000', fullIncurred: '10,000' } } });
    expect(row5(r)).toMatchObject({ book: '100000.00', incurred: '70000.00', deductible: '70000.00', adjustment: '30000.00', carry_out: '0.00' });
    expect(r.notes).toEqual(['full_training_unqualified']);
  });

  it('the unqualified part carries forward like any education expense', () => {
    const rows = run({ years: { 2019: { wages: '100,000', fullBook: '20,000' }, 2020: { wages: '1,000,000' } } });
    // 2019: cap 8,000, carry 12,000; 2020: cap 80,000, absorbs 12,000
    expect(rows.map((r) => [r.deductible, r.carry_out])).toEqual([
      [fen('8,000'), fen('12,000')],
      [fen('12,000'), 0],
    ]);
    expect(rows[0]!.notes).toEqual(['full_training_unqualified']);
    expect(rows[1]!.notes).toEqual([]);
  });

  it('a qualification that lapses during the year, not renewed by 12-31, gives no row 6 (airline, last day 2019-01-01)', () => {
    const r = only({ years: { 2019: { wages: '1,000', fullBook: '500' } }, quals: [qual('airline', '2011-01-01', '2019-01-01')] });
    expect(r.full_deductible).toBe(0);
    expect(r.notes).toEqual(['full_training_unqualified']);
  });

  it('with eit.qualification_test.airline = any_day (a bureau reading it so), the same year has row 6', () => {
    const anyDay = override({ 'eit.qualification_test.airline': 'any_day' });
    const r = only({ years: { 2019: { wages: '1,000', fullBook: '500' } }, quals: [qual('airline', '2011-01-01', '2019-01-01')], rules: anyDay });
    expect(r.full_deductible).toBe(fen('500'));
    expect(r.notes).toEqual([]);
  });

  it.each([
    ['software_ic', 2010], // 财税〔2012〕27号 series starts 2011
    ['nuclear_power', 2013], // 公告2014年第29号 series starts 2014
  ] as const)('%s in %d, before its full-deduction rule, is row-5 expense', (q, year) => {
    const r = only({ years: { [year]: { wages: '1,000,000', fullBook: '1,000' } }, quals: [qual(q, '2008-01-01')] });
    expect(r.full_deductible).toBe(0);
    expect(r.incurred).toBe(fen('1,000'));
    expect(r.notes).toEqual(['full_training_unqualified']);
  });

  it('high_tech rate and software_ic row 6 together (2016)', () => {
    const r = only({
      years: { 2016: { wages: '1,000,000', book: '100,000', fullBook: '10,000' } },
      quals: [qual('high_tech', '2015-01-01'), qual('software_ic', '2015-01-01')],
    });
    expect(row5(r)).toMatchObject({ rate: '0.08', deductible: '80000.00', carry_out: '20000.00' });
    expect(r.full_deductible).toBe(fen('10,000'));
    expect(r.total_deductible).toBe(fen('90,000'));
  });
});

describe('CONTRACT §3 notes: no_wages, ledger_gap', () => {
  it('expense in a year without wages: cap 0, all carried, no_wages', () => {
    const r = only({ years: { 2019: { book: '10,000' } } });
    expect(row5(r)).toMatchObject({ wages: '0.00', cap: '0.00', deductible: '0.00', adjustment: '10000.00', carry_out: '10000.00' });
    expect(r.notes).toEqual(['no_wages']);
  });

  it('carryforward alone in a year without wages: no_wages, carried on unchanged', () => {
    const r = only({ years: { 2019: {} }, carry: { yuan: '5,000', ledgerYear: 2018 } });
    expect(row5(r)).toMatchObject({ carry_in: '5000.00', deductible: '0.00', carry_out: '5000.00' });
    expect(r.notes).toEqual(['no_wages']);
  });

  it('a year with neither wages, expense nor carry: a row of zeros and no note', () => {
    const r = only({ years: { 2019: {} } });
    expect([r.wages, r.cap, r.deductible, r.carry_out, r.total_deductible]).toEqual([0, 0, 0, 0, 0]);
    expect(r.notes).toEqual([]);
  });

  it('ledger_gap is noted on the first computed year only', () => {
    const rows = run({
      years: { 2019: { wages: '1,000,000', book: '10,000' }, 2020: { wages: '1,000,000' } },
      carry: { yuan: '5,000', ledgerYear: 2016, gap: true },
    });
    expect(rows[0]!.notes).toEqual(['ledger_gap']);
    expect(rows[0]!.carry_in).toBe(fen('5,000'));
    expect(rows[1]!.notes).toEqual([]);
  });

  it('notes combine in the order full_training_unqualified, ledger_gap, no_wages', () => {
    const r = only({ years: { 2019: { fullBook: '1,000' } }, carry: { yuan: '1', ledgerYear: 2015, gap: true } });
    expect(r.notes).toEqual(['full_training_unqualified', 'ledger_gap', 'no_wages']);
  });
});

describe('RULES §1.3 a year with only a carryforward still absorbs it up to its cap', () => {
  it('2018 case A leaves 20,000; 2019 (wages 100,000, no expense) absorbs 8,000; 2020 absorbs the rest', () => {
    const rows = run({
      years: { 2018: { wages: '1,000,000', book: '100,000' }, 2019: { wages: '100,000' }, 2020: { wages: '1,000,000' } },
    });
    expect(rows.map(row5)).toEqual([
      { wages: '1000000.00', rate: '0.08', cap: '80000.00', book: '100000.00', incurred: '100000.00', carry_in: '0.00', deductible: '80000.00', adjustment: '20000.00', carry_out: '20000.00' },
      { wages: '100000.00', rate: '0.08', cap: '8000.00', book: '0.00', incurred: '0.00', carry_in: '20000.00', deductible: '8000.00', adjustment: '-8000.00', carry_out: '12000.00' },
      { wages: '1000000.00', rate: '0.08', cap: '80000.00', book: '0.00', incurred: '0.00', carry_in: '12000.00', deductible: '12000.00', adjustment: '-12000.00', carry_out: '0.00' },
    ]);
  });

  it('a year missing from the data inside the range is computed as an empty year (no gaps)', () => {
    const rows = run({ years: { 2018: { wages: '100,000', book: '10,000' }, 2020: { wages: '100,000' } } });
    expect(rows.map((r) => r.year)).toEqual([2018, 2019, 2020]);
    expect(rows.map((r) => [r.carry_in, r.deductible, r.carry_out])).toEqual([
      [0, fen('8,000'), fen('2,000')],
      [fen('2,000'), 0, fen('2,000')],
      [fen('2,000'), fen('2,000'), 0],
    ]);
    expect(rows[1]!.notes).toEqual(['no_wages']);
  });

  it('a carryforward from the 2.5% era is absorbed at 8% from 2018', () => {
    const rows = run({ years: { 2017: { wages: '1,000,000', book: '100,000' }, 2018: { wages: '1,000,000' } } });
    expect(rows.map(row5).map((r) => [r.rate, r.deductible, r.carry_out])).toEqual([
      ['0.025', '25000.00', '75000.00'],
      ['0.08', '75000.00', '0.00'],
    ]);
  });
});

describe('RULES rounding: the cap is rounded half-up to the fen', () => {
  it.each([
    // year, wages, cap (half-up), banker's would give
    [2012, '33,985', '849.63', '849.62'], // 33,985 × 2.5% = 849.625
    [2012, '0.20', '0.01', '0.00'], // 0.005
    [2012, '1.00', '0.03', '0.02'], // 0.025
    [2012, '1,000.20', '25.01', '25.00'], // 25.005
    [2019, '123.45', '9.88', '9.88'], // 9.876
    [2019, '123.43', '9.87', '9.87'], // 9.8744
  ])('%d: wages %s → cap %s (banker’s: %s)', (year, wages, cap) => {
    const r = only({ years: { [year]: { wages, book: '1,000' } } });
    expect(row5(r).cap).toBe(cap);
    // the rounded cap is what is deducted and what the carry is computed from
    expect(r.deductible).toBe(fen(cap));
    expect(r.carry_out).toBe(fen('1,000') - fen(cap));
  });
});

describe('the figures are conserved year by year', () => {
  it('deductible + carry_out = incurred + carry_in, and adjustment = book − deductible, on every row', () => {
    const rows = run({
      years: {
        2015: { wages: '12,345.67', book: '999.99', incurred: '800' },
        2016: { wages: '0', book: '50' },
        2017: { wages: '1,000,000', book: '1', incurred: '0' },
        2018: { wages: '77,777.77', book: '10,000', fullBook: '3' },
      },
      carry: { yuan: '123.45', ledgerYear: 2014 },
    });
    for (const r of rows) {
      expect(r.deductible + r.carry_out).toBe(r.incurred + r.carry_in);
      expect(r.adjustment).toBe(r.book - r.deductible);
      expect(r.deductible).toBeLessThanOrEqual(r.cap);
      expect(r.carry_out).toBeGreaterThanOrEqual(0);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.carry_in).toBe(rows[i - 1]!.carry_out);
  });
});
