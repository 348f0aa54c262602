/**
 * Input value parsers and money (CONTRACT §1 "Values in input files"; RULES: rounding half-up to
 * 0.01 at every form figure).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseAnyPeriod, parseDate, parseFilingPeriod, parseMonthOrYear, parseYear, ValueProblem } from '../src/io/values.js';
import { periodStart } from '../src/domain/periods.js';
import { addFen, AmountOverflowError, formatFen, formatRate, mulRate } from '../src/domain/money.js';

describe('amount (CONTRACT §1: yuan, "." decimal point, at most 2 decimals) → integer fen', () => {
  it.each([
    ['0', 0],
    ['0.00', 0],
    ['1', 100],
    ['1.5', 150],
    ['1.05', 105],
    ['.5', 50],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['1,234,567.89', 123456789],
    ['¥100', 10000],
    ['￥100', 10000],
    ['¥ 1,000.00', 100000],
    ['100元', 10000],
    ['100 元', 10000],
    ['  100.10  ', 10010],
    ['80000', 8000000],
  ])('%j is %d fen', (raw, fen) => {
    const v = parseAmount(raw);
    expect(v).toBe(fen);
    expect(Number.isInteger(v)).toBe(true);
  });

  it.each([
    ['1.234', 'at most 2 decimals'],
    ['0.001', 'at most 2 decimals'],
    ['1,234.567', 'at most 2 decimals'],
    ['abc', 'not an amount'],
    ['', 'not an amount'],
    ['12a', 'not an amount'],
    ['1e5', 'not an amount'],
    ['1 234', 'not an amount'],
    ['1,23', 'not an amount'], // a comma groups exactly 3 digits
    ['1,2345', 'not an amount'],
    ['1.2.3', 'not an amount'],
    ['1,234,56', 'not an amount'],
    ['NaN', 'not an amount'],
    ['100000000000000.00', 'too large'],
  ])('%j is refused (%s)', (raw, why) => {
    expect(() => parseAmount(raw)).toThrow(ValueProblem);
    expect(() => parseAmount(raw)).toThrow(why);
  });

  it('a negative amount is refused unless the column allows it', () => {
    expect(() => parseAmount('-5')).toThrow('a negative amount is not allowed here');
    expect(() => parseAmount('-1,234.50')).toThrow(ValueProblem);
    expect(() => parseAmount('¥-5')).toThrow(ValueProblem);
    expect(parseAmount('-5', true)).toBe(-500);
    expect(parseAmount('-1,234.50', true)).toBe(-123450);
    expect(parseAmount('-¥12.30', true)).toBe(-1230);
  });

  it('minus zero is zero, allowed everywhere', () => {
    expect(parseAmount('-0')).toBe(0);
    expect(parseAmount('-0.00', true)).toBe(0);
    expect(Object.is(parseAmount('-0', true), -0)).toBe(false);
  });

  it('the largest accepted amount is still an exact integer of fen', () => {
    const fen = parseAmount('90000000000000.00');
    expect(fen).toBe(9_000_000_000_000_000);
    expect(Number.isSafeInteger(fen)).toBe(true);
    expect(() => parseAmount('90000000000000.01')).toThrow('too large');
  });
});

describe('date (CONTRACT §1: YYYY-MM-DD, YYYY/M/D, YYYYMMDD) → YYYY-MM-DD', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024-02-29', '2024-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400
    ['2023-12-31', '2023-12-31'],
  ])('%j is %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    ['2023-02-29', 'not a calendar date'], // 2023 is not a leap year
    ['1900-02-29', 'not a calendar date'], // divisible by 100, not by 400
    ['2024-04-31', 'not a calendar date'],
    ['2024-13-01', 'not a calendar date'],
    ['2024-00-10', 'not a calendar date'],
    ['2024-01-00', 'not a calendar date'],
    ['20230229', 'not a calendar date'],
    ['2024.03.05', 'not a date'],
    ['05/03/2024', 'not a date'],
    ['2024-3', 'not a date'],
    ['24-03-05', 'not a date'],
    ['', 'not a date'],
  ])('%j is refused (%s)', (raw, why) => {
    expect(() => parseDate(raw)).toThrow(ValueProblem);
    expect(() => parseDate(raw)).toThrow(why);
  });
});

describe('year and periods (CONTRACT §1: YYYY, YYYY-MM, YYYY-Qn)', () => {
  it('a year is four digits', () => {
    expect(parseYear('2024')).toBe(2024);
    expect(() => parseYear('24')).toThrow(ValueProblem);
    expect(() => parseYear('2024-01')).toThrow(ValueProblem);
    expect(() => parseYear('1800')).toThrow('year out of range');
  });

  it.each([
    ['2024-03', 'month', 3, '2024-03', '2024-03-01'],
    ['2024-3', 'month', 3, '2024-03', '2024-03-01'],
    ['2024-12', 'month', 12, '2024-12', '2024-12-01'],
    ['2024-Q1', 'quarter', 1, '2024-Q1', '2024-01-01'],
    ['2024-Q2', 'quarter', 2, '2024-Q2', '2024-04-01'],
    ['2024-q4', 'quarter', 4, '2024-Q4', '2024-10-01'],
  ])('filing period %j is a %s (n %d, %s, starting %s)', (raw, kind, n, text, start) => {
    const p = parseFilingPeriod(raw);
    expect(p).toMatchObject({ kind, year: 2024, n, text });
    expect(periodStart(p)).toBe(start);
  });

  it.each(['2024', '2024-13', '2024-00', '2024-Q0', '2024-Q5', '2024-H1', 'Q1-2024', ''])('filing period %j is refused', (raw) => {
    expect(() => parseFilingPeriod(raw)).toThrow(ValueProblem);
  });

  it('payroll takes a month or a whole year, not a quarter', () => {
    expect(parseMonthOrYear('2024-06')).toMatchObject({ kind: 'month', year: 2024, n: 6, text: '2024-06' });
    expect(parseMonthOrYear('2024')).toMatchObject({ kind: 'year', year: 2024, n: 0, text: '2024' });
    expect(periodStart(parseMonthOrYear('2024'))).toBe('2024-01-01');
    expect(() => parseMonthOrYear('2024-Q2')).toThrow('not a payroll period');
  });

  it('the ledger takes any of the three', () => {
    expect(parseAnyPeriod('2024').kind).toBe('year');
    expect(parseAnyPeriod('2024-07').kind).toBe('month');
    expect(parseAnyPeriod('2024-Q3').kind).toBe('quarter');
    expect(() => parseAnyPeriod('2024-07-01')).toThrow(ValueProblem);
  });
});

describe('formatFen (CONTRACT §1: outputs print exactly 2 decimals, no separators)', () => {
  it.each([
    [0, '0.00'],
    [-0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [105, '1.05'],
    [123456789, '1234567.89'],
    [8000000, '80000.00'],
    [-5, '-0.05'],
    [-2000000, '-20000.00'],
    [-123456, '-1234.56'],
    [9_000_000_000_000_000, '90000000000000.00'],
  ])('%d fen prints %j', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('parse then format gives the canonical text back', () => {
    for (const raw of ['1,234.5', '¥0.5', '100元', '-0.05']) {
      expect(formatFen(parseAmount(raw, true))).toBe(new Decimal(raw.replace(/[,¥元]/g, '')).toFixed(2));
    }
  });
});

describe('formatRate (CONTRACT §1: a rate in outputs is a plain decimal fraction)', () => {
  it.each([
    ['0.08', '0.08'],
    ['0.025', '0.025'],
    ['0.5', '0.5'],
    ['0.0000001', '0.0000001'], // never an exponent
  ])('%s prints %s', (rate, text) => {
    expect(formatRate(new Decimal(rate))).toBe(text);
  });
});

describe('mulRate: round(fen × rate) half-up to the fen (RULES: 849.625 → 849.63, banker’s would be wrong)', () => {
  const bankers = (fen: number, rate: string) =>
    new Decimal(fen).mul(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();

  it.each([
    // wages (fen), rate, exact product (fen), half-up, banker's
    // RULES' example: 33,985.00 yuan × 2.5% = 849.625 yuan = 84,962.5 fen → 849.63 (banker's: 849.62)
    [3_398_500, '0.025', '84962.5', 84963, 84962],
    [20, '0.025', '0.5', 1, 0],
    [100, '0.025', '2.5', 3, 2],
    [60, '0.025', '1.5', 2, 2], // an odd neighbour: both rules agree
    [100_020, '0.025', '2500.5', 2501, 2500],
    [1_000_100, '0.025', '25002.5', 25003, 25002],
    [11, '0.5', '5.5', 6, 6],
    [9, '0.5', '4.5', 5, 4],
  ])('%d fen × %s = %s fen → %d (banker’s: %d)', (fen, rate, exact, halfUp, even) => {
    expect(new Decimal(fen).mul(rate).toString()).toBe(exact);
    expect(mulRate(fen, new Decimal(rate))).toBe(halfUp);
    expect(bankers(fen, rate)).toBe(even);
  });

  it.each([
    [100_000_000, '0.08', 8_000_000], // case A: 1,000,000.00 × 8% = 80,000.00
    [100_000, '0.025', 2_500], // 1,000.00 × 2.5% = 25.00
    [500_000, '0.025', 12_500], // 5,000.00 × 2.5% = 125.00
    [12_345, '0.08', 988], // 987.6 → 988
    [12_343, '0.08', 987], // 987.44 → 987
    [0, '0.08', 0],
  ])('%d fen × %s = %d fen', (fen, rate, want) => {
    expect(mulRate(fen, new Decimal(rate))).toBe(want);
  });

  it('8% never lands on half a fen (8·w ≡ 50 mod 100 has no solution); only the 2.5% era has ties', () => {
    for (let w = 0; w < 1000; w++) {
      expect(new Decimal(w).mul('0.08').mod(1).eq(0.5)).toBe(false);
    }
  });

  it('stays exact for large wages (no float error)', () => {
    // 123,456,789,012.34 yuan × 2.5% = 3,086,419,725.3085 yuan = 308,641,972,530.85 fen → 3,086,419,725.31
    expect(mulRate(12_345_678_901_234, new Decimal('0.025'))).toBe(308_641_972_531);
    expect(mulRate(9_000_000_000_000_000, new Decimal('0.08'))).toBe(720_000_000_000_000);
  });
});

describe('mulRate in integer arithmetic = the same through decimal.js', () => {
  const viaDecimal = (fen: number, rate: Decimal) => {
    const r = new Decimal(fen).mul(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
    return r === 0 ? 0 : r;
  };
  const RATES = ['0', '1', '0.5', '0.08', '0.025', '0.15', '0.03', '0.02', '0.015', '0.7', '0.123456789', '0.0000001', '1.5', '0.333333333333333', '0.1234567890123456789', '12.5'];
  const fen = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }),
    fc.constantFrom(0, 1, -1, 20, -20, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 52, 9_007_199_254_740, 3_602_879_701_896_397),
  );
  it('any fen, rates of many places, ties, products beyond 2^53 (decimal.js then)', () => {
    fc.assert(
      fc.property(fen, fc.constantFrom(...RATES), fc.boolean(), (f, text, negative) => {
        const rate = new Decimal(negative ? `-${text}` : text);
        const got = mulRate(f, rate);
        expect(got).toBe(viaDecimal(f, rate));
        expect(Object.is(got, -0)).toBe(false);
        // again: the rate's fraction is remembered
        expect(mulRate(f, rate)).toBe(got);
      }),
      { numRuns: 5000 },
    );
  });
  it('every half fen of a 2.5% rate rounds away from zero', () => {
    const rate = new Decimal('0.025');
    for (let w = -10_000; w <= 10_000; w += 20) expect(mulRate(w, rate)).toBe(viaDecimal(w, rate));
  });
});

describe('addFen: sums stay exact integers', () => {
  it('adds', () => {
    expect(addFen(1, 2)).toBe(3);
    expect(addFen(-500, 200)).toBe(-300);
  });
  it('refuses a sum beyond Number.MAX_SAFE_INTEGER', () => {
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(AmountOverflowError);
  });
});
