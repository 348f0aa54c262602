/** fast-check generators shared by the property tests. */
import fc from 'fast-check';
import type { QualificationSpan } from '../../src/domain/qualifications.js';
import type { Qualification } from '../../src/domain/vocabulary.js';
import type { Fen } from '../../src/domain/money.js';

/** Amounts in fen up to `max`, often zero or small so that caps bind both ways and every branch is taken. */
export const amount = (max: number): fc.Arbitrary<Fen> =>
  fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 0, max }), weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 1_000 }), weight: 1 });

/** A date YYYY-MM-DD of the years minYear–maxYear (days 1–28). */
const dateArb = (minYear: number, maxYear: number): fc.Arbitrary<string> =>
  fc
    .record({ y: fc.integer({ min: minYear, max: maxYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** A qualification of `quals` from a date of those years, open-ended or to a later date. */
export const spanArb = (quals: Qualification[], minYear: number, maxYear: number): fc.Arbitrary<QualificationSpan> => {
  const date = dateArb(minYear, maxYear);
  return fc
    .record({ q: fc.constantFrom(...quals), a: date, b: fc.option(date, { nil: undefined }) })
    .map(({ q, a, b }) => {
      if (b === undefined) return { qualification: q, valid_from: a };
      const [from, to] = a <= b ? [a, b] : [b, a];
      return { qualification: q, valid_from: from, valid_to: to };
    });
};
