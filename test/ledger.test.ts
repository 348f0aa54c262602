/**
 * The carryforward ledger (CONTRACT §3 ledger output; STYLE: hledger-style balance assertions,
 * one reproducing test per error message).
 */
import { describe, expect, it } from 'vitest';
import { computeEnterprise, type DeductionRow, mergeEducation, planEducation } from '../src/calculators/education-expense.js';
import type { LedgerEntry, YearData } from '../src/domain/records.js';
import { formatProblem } from '../src/domain/errors.js';
import { checkLedger, describeConflict, ledgerRecord } from '../src/ledger/ledger.js';
import { comparePeriods, nextPeriod } from '../src/domain/periods.js';
import { parseAnyPeriod } from '../src/io/values.js';
import { fen, ID, ID2, led, rules, yearData, yearPeriod, type YearIn } from './unit-helpers/education.js';
import { col } from './unit-helpers/ledger.js';

const messages = (entries: LedgerEntry[]) => checkLedger(entries, col).map((p) => p.message);

function pcie(period: string, v: { opening?: number; added?: number; used?: number; closing: number }, enterprise_id = ID): LedgerEntry {
  return { enterprise_id, kind: 'pcie_credit', period: parseAnyPeriod(period), ...v };
}

describe('periods', () => {
  it.each([
    ['2019', '2020'],
    ['2019-12', '2020-01'],
    ['2019-03', '2019-04'],
    ['2019-Q4', '2020-Q1'],
    ['2019-Q2', '2019-Q3'],
  ])('after %s comes %s', (a, b) => {
    expect(nextPeriod(parseAnyPeriod(a)).text).toBe(b);
  });
  it('periods order by their first day', () => {
    expect(comparePeriods(parseAnyPeriod('2019-Q2'), parseAnyPeriod('2019-03'))).toBeGreaterThan(0);
    expect(comparePeriods(parseAnyPeriod('2019'), parseAnyPeriod('2020'))).toBeLessThan(0);
  });
});

describe('checkLedger: a consistent ledger passes', () => {
  it('an opening balance (closing alone) followed by a chain', () => {
    expect(
      checkLedger(
        [
          led(2017, { closing: '5,000' }),
          led(2018, { opening: '5,000', added: '100,000', used: '80,000', closing: '25,000' }),
          led(2019, { opening: '25,000', added: '30,000', used: '55,000', closing: '0' }),
        ],
        col,
      ),
    ).toEqual([]);
  });

  it('rows in any order; each enterprise and kind is its own chain', () => {
    expect(
      messages([
        led(2019, { opening: '20,000', added: '0', used: '20,000', closing: '0' }),
        led(2019, { opening: '0', added: '10', used: '10', closing: '0' }, ID2),
        led(2018, { opening: '0', added: '100,000', used: '80,000', closing: '20,000' }),
        pcie('2019-01', { opening: 0, added: 300_000, used: 300_000, closing: 0 }),
        pcie('2019-02', { opening: 0, added: -100, used: 0, closing: 0 }), // the 产教融合 pool floors at 0 (RULES §2.4)
      ]),
    ).toEqual([]);
  });

  it('a year missing between two rows is not a chain break (deduct reports ledger_gap instead)', () => {
    expect(messages([led(2016, { closing: '100' }), led(2018, { opening: '50', added: '0', used: '0', closing: '50' })])).toEqual([]);
  });

  it('the earliest row may also be a full row with an opening', () => {
    expect(messages([led(2018, { opening: '5,000', added: '0', used: '0', closing: '5,000' })])).toEqual([]);
  });
});

describe('checkLedger: each problem has its message (CONTRACT §3: an inconsistent ledger is refused)', () => {
  it('closing = opening + added − used', () => {
    const p = checkLedger([led(2018, { opening: '5,000', added: '100,000', used: '80,000', closing: '20,000' }, ID, 2)], col);
    expect(p).toHaveLength(1);
    expect(formatProblem(p[0]!)).toBe(
      'ledger.csv:2:7: closing does not equal opening + added − used (5000.00 + 100000.00 − 80000.00 = 25000.00) (got "20000.00")',
    );
  });

  it('the chain: a year’s opening is the previous year’s closing', () => {
    const p = checkLedger(
      [
        led(2018, { opening: '0', added: '100,000', used: '80,000', closing: '20,000' }, ID, 2),
        led(2019, { opening: '25,000', added: '0', used: '25,000', closing: '0' }, ID, 3),
      ],
      col,
    );
    expect(p.map(formatProblem)).toEqual([
      'ledger.csv:3:4: the chain is broken: opening of 2019 does not equal closing of 2018 (20000.00, line 2) (got "25000.00")',
    ]);
  });

  it('a duplicate year', () => {
    const p = checkLedger([led(2018, { closing: '10' }, ID, 2), led(2018, { closing: '10' }, ID, 3)], col);
    expect(p.map(formatProblem)).toEqual([`ledger.csv:3:3: a second education_expense row for ${ID} 2018 (the first is on line 2) (got "2018")`]);
  });

  it('closing alone is allowed only on the earliest row of a chain', () => {
    const p = checkLedger(
      [led(2017, { closing: '5,000' }, ID, 2), led(2018, { closing: '7,000' }, ID, 3)],
      col,
    );
    expect(p.map(formatProblem)).toEqual([
      `ledger.csv:3:4: only the earliest row of a chain may give closing alone; ${ID} has a row for 2017 before it`,
    ]);
  });

  it('opening, added and used come together', () => {
    expect(messages([led(2018, { opening: '0', added: '10', closing: '10' })])).toEqual([
      'give opening, added and used together, or closing alone for an opening balance',
    ]);
    expect(checkLedger([led(2018, { opening: '0', added: '10', closing: '10' })], col)[0]!.column).toBe(col('used'));
    expect(checkLedger([led(2018, { added: '10', used: '0', closing: '10' })], col)[0]!.column).toBe(col('opening'));
  });

  it.each([
    ['closing', { closing: '-1' }],
    ['closing', { opening: '0', added: '10', used: '20', closing: '-10' }],
    ['used', { opening: '0', added: '10', used: '-10', closing: '20' }],
    ['added', { opening: '10', added: '-10', used: '0', closing: '0' }],
    ['opening', { opening: '-10', added: '10', used: '0', closing: '0' }],
  ])('an education_expense %s cannot be negative', (name, v) => {
    const p = checkLedger([led(2018, v)], col);
    expect(p.map((x) => x.message)).toContain(`an education_expense ${name} cannot be negative`);
    expect(p.find((x) => x.message.includes('negative'))!.column).toBe(col(name));
  });

  it('the period form must suit the kind', () => {
    expect(messages([{ ...led(2018, { closing: '0' }), period: parseAnyPeriod('2018-12') }])).toEqual([
      'an education_expense row has a year period (YYYY)',
    ]);
    expect(messages([pcie('2019', { closing: 0 })])).toEqual(['a pcie_credit row has a month (YYYY-MM) or quarter (YYYY-Qn) period']);
  });

  it('all problems are listed, not just the first', () => {
    const p = checkLedger(
      [
        led(2017, { opening: '0', added: '1', used: '0', closing: '2' }),
        led(2018, { opening: '3', added: '0', used: '0', closing: '3' }),
        led(2018, { closing: '3' }, ID2),
        led(2019, { closing: '-3' }, ID2),
      ],
      col,
    );
    expect(p.length).toBe(4);
  });
});

describe('ledgerRecord: the written ledger row', () => {
  it('prints amounts with 2 decimals and leaves the missing ones empty', () => {
    expect(ledgerRecord(led(2017, { closing: '5,000' }))).toEqual({
      enterprise_id: ID,
      kind: 'education_expense',
      period: '2017',
      opening: '',
      added: '',
      used: '',
      closing: '5000.00',
    });
  });
});

describe('planEducation (CONTRACT §3: start year, carry in, ledger_gap)', () => {
  it.each([
    // name, ledger, data years, from, to, start, carry yuan, ledger year, gap
    ['data only: the first data year in range', [], [2019, 2020], 2018, 2020, 2019, '0', undefined, false],
    ['data before the range is ignored', [], [2016, 2019], 2018, 2020, 2019, '0', undefined, false],
    ['the year before carries in', [led(2017, { closing: '5,000' })], [2019], 2018, 2020, 2018, '5,000', 2017, false],
    ['a ledger before the range starts the run at from, even without data', [led(2017, { closing: '5,000' })], [], 2018, 2020, 2018, '5,000', 2017, false],
    ['an older row: ledger_gap', [led(2015, { closing: '5,000' })], [2018], 2018, 2018, 2018, '5,000', 2015, true],
    [
      'the latest earlier row carries in',
      [led(2016, { closing: '5' }), led(2017, { opening: '5', added: '10', used: '0', closing: '15' })],
      [2018],
      2018,
      2018,
      2018,
      '15',
      2017,
      false,
    ],
    ['an opening balance inside the range feeds the year after it', [led(2018, { closing: '7,000' })], [2020], 2018, 2020, 2019, '7,000', 2018, false],
    [
      'no earlier row: the opening of the recomputed first year is kept',
      [led(2018, { opening: '5,000', added: '100,000', used: '80,000', closing: '25,000' })],
      [2018],
      2018,
      2019,
      2018,
      '5,000',
      2018,
      false,
    ],
    ['data before an opening balance is not computed: the balance starts the chain', [led(2019, { closing: '7,000' })], [2018], 2018, 2020, 2020, '7,000', 2019, false],
  ] as const)('%s', (_name, ledger, data, from, to, start, carry, ledgerYear, gap) => {
    const plan = planEducation(ledger as unknown as LedgerEntry[], data as unknown as number[], from, to);
    expect(plan).toBeDefined();
    expect(plan!.start).toBe(start);
    expect(plan!.carry.fen).toBe(fen(carry));
    expect(plan!.carry.ledgerYear).toBe(ledgerYear);
    expect(plan!.carry.gap).toBe(gap);
  });

  it.each([
    ['nothing at all', [], [], 2018, 2020],
    ['data after the range only', [], [2021], 2018, 2020],
    ['an opening balance on the last year of the range (nothing to feed)', [led(2020, { closing: '1' })], [], 2018, 2020],
    ['an opening balance after the range', [led(2022, { closing: '1' })], [], 2018, 2020],
  ] as const)('nothing to compute: %s', (_name, ledger, data, from, to) => {
    expect(planEducation(ledger as unknown as LedgerEntry[], data as unknown as number[], from, to)).toBeUndefined();
  });
});

function compute(years: Record<number, YearIn>, start: number, end: number, carryFen = 0, enterpriseId = ID): DeductionRow[] {
  const m = new Map<number, YearData>(Object.entries(years).map(([y, v]) => [Number(y), yearData(v)]));
  return computeEnterprise(rules, { enterpriseId, start, end, years: m, qualifications: [], carry: { fen: carryFen, gap: false } });
}

const view = (entries: LedgerEntry[]) => entries.map((e) => [e.enterprise_id === ID ? 'E1' : 'E2', e.kind, e.period.text, e.opening, e.added, e.used, e.closing]);

describe('mergeEducation (CONTRACT §3 --ledger-out)', () => {
  // 2018 case A then 2019 case B: opening 0/20,000, added 100,000/30,000, used 80,000/50,000, closing 20,000/0
  const caseAB = { 2018: { wages: '1,000,000', book: '100,000' }, 2019: { wages: '1,000,000', book: '30,000' } };

  it('computed years replace their rows (opening = carry_in, added = incurred, used = deductible, closing = carry_out); others are kept', () => {
    const ledger = [
      led(2017, { closing: '0' }),
      led(2018, { opening: '0', added: '1', used: '1', closing: '0' }), // stale: replaced
      led(2018, { opening: '0', added: '9', used: '9', closing: '0' }, ID2), // another enterprise: kept
      pcie('2019-Q1', { opening: 0, added: 3_000, used: 3_000, closing: 0 }), // another kind: kept
    ];
    const m = mergeEducation(ledger, new Map([[ID, compute(caseAB, 2018, 2019)]]), false);
    expect(m.conflicts).toEqual([]);
    expect(m.dropped).toEqual([]);
    expect(view(m.entries)).toEqual([
      ['E1', 'education_expense', '2017', undefined, undefined, undefined, 0],
      ['E1', 'education_expense', '2018', 0, fen('100,000'), fen('80,000'), fen('20,000')],
      ['E1', 'education_expense', '2019', fen('20,000'), fen('30,000'), fen('50,000'), 0],
      ['E1', 'pcie_credit', '2019-Q1', 0, 3_000, 3_000, 0],
      ['E2', 'education_expense', '2018', 0, 900, 900, 0],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(checkLedger(m.entries, col)).toEqual([]);
  });

  it('a later row that still chains is kept without conflict', () => {
    const ledger = [led(2020, { opening: '0', added: '10', used: '10', closing: '0' })];
    const m = mergeEducation(ledger, new Map([[ID, compute(caseAB, 2018, 2019)]]), false);
    expect(m.conflicts).toEqual([]);
    expect(m.entries.map((e) => e.period.text)).toEqual(['2018', '2019', '2020']);
  });

  it('a later closing-only row after the computed years is a conflict, never a ledger checkLedger refuses', () => {
    const ledger = [led(2020, { closing: '5,000' })];
    const rows = compute({ 2018: { wages: '1,000,000', book: '100,000' }, 2019: { wages: '100,000' } }, 2018, 2019);
    const m = mergeEducation(ledger, new Map([[ID, rows]]), false);
    expect(m.conflicts).toHaveLength(1);
    expect(describeConflict(m.conflicts[0]!)).toContain('gives a closing alone');
    const f = mergeEducation(ledger, new Map([[ID, rows]]), true);
    expect(f.dropped).toHaveLength(1);
    expect(checkLedger(f.entries, col)).toEqual([]);
  });

  it('a later row whose opening no longer matches is a conflict naming the enterprise and year', () => {
    const later = led(2020, { opening: '5,000', added: '0', used: '5,000', closing: '0' }, ID, 4);
    const ledger = [later, led(2021, { opening: '0', added: '0', used: '0', closing: '0' }, ID, 5)];
    const m = mergeEducation(ledger, new Map([[ID, compute(caseAB, 2018, 2019)]]), false);
    expect(m.conflicts).toEqual([{ enterprise_id: ID, kind: 'education_expense', period: '2019', year: 2019, computed: 0, later }]);
    expect(describeConflict(m.conflicts[0]!)).toBe(
      `ledger conflict for ${ID} (education_expense): the recomputed closing of 2019 is 0.00, but the ledger's 2020 row (ledger.csv:4) opens with 5000.00`,
    );
    expect(m.dropped).toEqual([]);
  });

  it('--force drops that enterprise’s later education rows, and only those', () => {
    const ledger = [
      led(2020, { opening: '5,000', added: '0', used: '5,000', closing: '0' }),
      led(2021, { opening: '0', added: '0', used: '0', closing: '0' }),
      led(2020, { opening: '0', added: '0', used: '0', closing: '0' }, ID2),
      pcie('2020-01', { opening: 0, added: 0, used: 0, closing: 0 }),
    ];
    const m = mergeEducation(ledger, new Map([[ID, compute(caseAB, 2018, 2019)]]), true);
    expect(m.conflicts).toHaveLength(1);
    expect(m.dropped.map((e) => e.period.text)).toEqual(['2020', '2021']);
    expect(view(m.entries).map((r) => `${r[0]} ${r[1]} ${r[2]}`)).toEqual([
      'E1 education_expense 2018',
      'E1 education_expense 2019',
      'E1 pcie_credit 2020-01',
      'E2 education_expense 2020',
    ]);
    expect(checkLedger(m.entries, col)).toEqual([]);
  });

  it('merging the same computation twice changes nothing (idempotence)', () => {
    const computed = new Map([
      [ID, compute(caseAB, 2018, 2019, fen('5,000'))],
      [ID2, compute({ 2019: { wages: '100', book: '100' } }, 2019, 2019, 0, ID2)],
    ]);
    const once = mergeEducation([led(2017, { closing: '5,000' })], computed, false);
    const twice = mergeEducation(once.entries, computed, false);
    expect(twice.entries).toEqual(once.entries);
    expect(twice.conflicts).toEqual([]);
  });

  it('an enterprise with no computed rows leaves its ledger rows alone', () => {
    const ledger = [led(2018, { closing: '1' })];
    expect(mergeEducation(ledger, new Map([[ID, []]]), false).entries).toEqual(ledger);
  });

  it('the merged ledger is sorted by enterprise, kind and period', () => {
    const m = mergeEducation(
      [led(2020, { opening: '0', added: '0', used: '0', closing: '0' }, ID2), pcie('2018-Q1', { closing: 0 })],
      new Map([[ID, compute(caseAB, 2018, 2019)]]),
      false,
    );
    expect(m.entries.map((e) => `${e.enterprise_id.slice(0, 4)} ${e.kind} ${e.period.text}`)).toEqual([
      '9133 education_expense 2018',
      '9133 education_expense 2019',
      '9133 pcie_credit 2018-Q1',
      '9135 education_expense 2020',
    ]);
  });
});

describe('plan + compute + merge: the pipeline in miniature', () => {
  it('a ledger with a gap gives ledger_gap and the old closing as carry in', () => {
    const ledger = [led(2015, { closing: '3,000' })];
    const plan = planEducation(ledger, [2018], 2018, 2018)!;
    const rows = computeEnterprise(rules, {
      enterpriseId: ID,
      start: plan.start,
      end: 2018,
      years: new Map([[2018, yearData({ wages: '100,000' })]]),
      qualifications: [],
      carry: plan.carry,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ year: 2018, carry_in: fen('3,000'), deductible: fen('3,000'), carry_out: 0, notes: ['ledger_gap'] });
    const merged = mergeEducation(ledger, new Map([[ID, rows]]), false);
    expect(merged.entries.map((e) => e.period)).toEqual([yearPeriod(2015), yearPeriod(2018)]);
    expect(checkLedger(merged.entries, col)).toEqual([]);
  });
});
