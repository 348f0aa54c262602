/**
 * The quick paths of two hot parsers (issue #13) against the code they replace, kept here
 * verbatim as the reference: parseAmount's digit-by-digit reading of `1234.56`, and daysInMonth
 * by arithmetic instead of a Date; and parsePeriodText's reading of `2024-01` against its general
 * path (the same text after a space, which the quick path leaves to the general one). Same value or the same error message, for generated and
 * hostile text and every month of years 0–9999.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isCalendarDate, parsePeriodText, yearOutOfRange } from '../src/domain/periods.js';
import { parseCategory } from '../src/io/kinds.js';
import { normalizeLabel, parseAmount, parseDate, ValueProblem } from '../src/io/values.js';

const MAX_FEN = 9_000_000_000_000_000;
/** parseAmount before the quick path (src/io/values.ts at f0182db). */
function referenceAmount(raw: string, allowNegative = false): number {
  let s = raw;
  if (s.includes(',')) s = s.replace(/(?<=\d),(?=\d{3}(\D|$))/g, '');
  s = s.replace(/^([+-]?)\s*[¥￥]\s*/, '$1').replace(/\s*元$/, '').trim();
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s) ?? /^([+-]?)()\.(\d+)$/.exec(s);
  if (!m) throw new ValueProblem('not an amount: write yuan with a "." decimal point, e.g. 1234.56');
  const frac = m[3] ?? '';
  if (frac.length > 2) throw new ValueProblem('an amount has at most 2 decimals (角分)');
  const intPart = m[2] === '' ? '0' : m[2]!;
  if (intPart.replace(/^0+/, '').length > 14) throw new ValueProblem('amount is too large');
  const fen = Number(intPart) * 100 + Number((frac + '00').slice(0, 2));
  if (fen > MAX_FEN) throw new ValueProblem('amount is too large');
  const neg = m[1] === '-' && fen !== 0;
  if (neg && !allowNegative) throw new ValueProblem('a negative amount is not allowed here');
  return neg ? -fen : fen;
}

/** parseDate before the quick path (src/io/values.ts at f0182db). */
function referenceDate(raw: string): string {
  let y: string, mo: string, d: string;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(raw);
  if (m) {
    [, y, mo, d] = m as unknown as [string, string, string, string];
  } else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw))) {
    [, y, mo, d] = m as unknown as [string, string, string, string];
  } else {
    throw new ValueProblem('not a date: write YYYY-MM-DD, YYYY/M/D or YYYYMMDD');
  }
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isCalendarDate(iso)) throw new ValueProblem('not a calendar date');
  const far = yearOutOfRange(Number(y));
  if (far) throw new ValueProblem(far);
  return iso;
}

const outcome = <T>(f: () => T) => {
  try {
    return { value: f() };
  } catch (e) {
    if (e instanceof ValueProblem) return { error: e.message };
    throw e;
  }
};

describe('quick parsers give what the code they replace gave', () => {
  it('parseAmount', () => {
    const digits = fc.stringMatching(/^[0-9]{0,17}$/);
    const amountish = fc.oneof(
      fc.tuple(digits, fc.constantFrom('', '.', '.0', '.5', '.05', '.50', '.123', '.1.2', ',000', ' ', '元', '-'), fc.constantFrom('', '-', '+', '¥', ' ')).map(([d, tail, head]) => head + d + tail),
      fc.string({ unit: fc.constantFrom('0', '1', '9', '.', ',', '-', '+', ' ', '¥', '元', 'e', '١', '０', '\t') }),
      fc.string(),
    );
    fc.assert(
      fc.property(amountish, fc.boolean(), (raw, neg) => {
        expect(outcome(() => parseAmount(raw, neg))).toEqual(outcome(() => referenceAmount(raw, neg)));
      }),
      { numRuns: 20_000 },
    );
    for (const raw of ['0', '00', '0.00', '1234567890123', '12345678901234', '9999999999999.99', '0000000000000012.5', '1.', '.1', '1.234', '१२']) {
      expect(outcome(() => parseAmount(raw))).toEqual(outcome(() => referenceAmount(raw)));
    }
  });

  it('parsePeriodText', () => {
    const seven = fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '-', '/', 'Q', '年', '０', ' ', '.'), minLength: 7, maxLength: 7 });
    const monthish = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(seven, monthish, fc.string({ minLength: 7, maxLength: 7 })), (raw) => {
        expect(parsePeriodText(raw)).toEqual(parsePeriodText(` ${raw}`));
        expect(parsePeriodText(raw, { days: false })).toEqual(parsePeriodText(` ${raw}`, { days: false }));
      }),
      { numRuns: 20_000 },
    );
  });

  it('parseDate', () => {
    const dateish = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const ten = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '-', '/', '０', ' '), minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(fc.oneof(dateish, ten, fc.string({ minLength: 10, maxLength: 10 })), (raw) => {
        expect(outcome(() => parseDate(raw))).toEqual(outcome(() => referenceDate(raw)));
      }),
      { numRuns: 20_000 },
    );
    for (const raw of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0000-02-29', '1899-12-31', '2101-01-01', '2024-13-01', '2024-00-10', '2024-04-31']) {
      expect(outcome(() => parseDate(raw))).toEqual(outcome(() => referenceDate(raw)));
    }
  });

  it('an enumeration: a cell in normal form looked up as it is gives what normalising it gives', () => {
    const labels = ['education', 'full_training', 'pcie_investment', '职工教育经费', 'Education', ' education', 'EDUCATION', 'ｅｄｕｃａｔｉｏｎ', '产教融合投资', 'other', ''];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...labels), fc.string()), (raw) => {
        const viaNormal = outcome(() => parseCategory(normalizeLabel(raw)));
        const direct = outcome(() => parseCategory(raw));
        // The quick lookup may only answer for text already in normal form; otherwise the two may differ only in the message's echo (none here).
        if (normalizeLabel(raw) === raw) expect(direct).toEqual(viaNormal);
        else expect(direct).toEqual(outcome(() => parseCategory(` ${raw} `)));
      }),
      { numRuns: 5_000 },
    );
  });

  it('daysInMonth', () => {
    for (let y = 0; y <= 9999; y++) for (let m = 1; m <= 12; m++) if (daysInMonth(y, m) !== new Date(Date.UTC(y, m, 0)).getUTCDate()) expect([y, m]).toBe('the same');
  });
});
