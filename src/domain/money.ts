/** Money as integer fen (分), and the one rounding rule: half-up to the fen (RULES: rounding). */
import { Decimal } from 'decimal.js';
import { t, type MessageKey } from '../i18n/index.js';

/**
 * Money is held as integer fen (分) in a JavaScript number. Every amount in the inputs has at
 * most two decimals, so sums are exact as long as they stay below Number.MAX_SAFE_INTEGER
 * (about 90 trillion yuan), which `addFen` checks. Multiplications by a rate go through
 * decimal.js and are rounded half-up to the fen, as the forms do (RULES: rounding).
 */
export type Fen = number;

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export { D as Dec };

/**
 * A figure beyond what integer fen hold exactly (±(2^53 − 1) fen, about ±90,071,992,547,409.91
 * yuan). The CLI reports it as an input problem (exit 2, nothing written): never a figure off by
 * a fen.
 */
export class AmountOverflowError extends Error {
  /** The message, made again in any language (a problem keeps it in English and Chinese). */
  readonly text: () => string;
  /** `what` overflowed: one of the English names of WHAT (said in the language of the message), or a text of its own. */
  constructor(what = 'a sum of amounts') {
    const key = WHAT[what];
    const text = () => t('domain.amountOverflow', { what: key ? t(key) : what });
    super(text());
    this.text = text;
  }
}

/** What overflowed, by its English name: the catalogue's words for it. */
const WHAT: Record<string, MessageKey> = {
  'a sum of amounts': 'domain.sumOfAmounts',
  'a difference of amounts': 'domain.differenceOfAmounts',
  'an amount times a count': 'domain.amountTimesCount',
};

function checked(x: number, what: string): Fen {
  if (!Number.isSafeInteger(x)) throw new AmountOverflowError(what);
  return x;
}

/** a + b, exact, or AmountOverflowError. */
export function addFen(a: Fen, b: Fen): Fen {
  return checked(a + b, 'a sum of amounts');
}

/** a − b, exact, or AmountOverflowError. */
export function subFen(a: Fen, b: Fen): Fen {
  return checked(a - b, 'a difference of amounts');
}

/** fen × a whole number (months, counts), exact, or AmountOverflowError. */
export function mulFen(fen: Fen, n: number): Fen {
  return checked(fen * n, 'an amount times a count');
}

/** A rate as `num / den`, den = 10^places, both safe integers; null when it has more than 15 places. */
interface Fraction {
  num: number;
  den: number;
}
/** The fractions of the rates seen: the rules give one Decimal object per rate, read a million times. */
const FRACTIONS = new WeakMap<Decimal, Fraction | null>();

function fractionOf(rate: Decimal): Fraction | null {
  let f = FRACTIONS.get(rate);
  if (f === undefined) {
    const places = rate.decimalPlaces();
    const den = 10 ** places;
    const num = places <= 15 ? new D(rate).mul(den).toNumber() : Number.NaN;
    f = Number.isSafeInteger(num) && Number.isSafeInteger(den) ? { num, den } : null;
    FRACTIONS.set(rate, f);
  }
  return f;
}

/**
 * round(fen × rate) half-up to a whole fen (away from zero at one half). When fen × the rate's
 * digits is a safe integer (every amount of the inputs times a rate of the rules), in integer
 * arithmetic: the quotient by 10^places, estimated by a division, is corrected by its remainder,
 * so it is exact. Otherwise through decimal.js. Both give the same figure (test/values.test.ts).
 */
export function mulRate(fen: Fen, rate: Decimal): Fen {
  const f = fractionOf(rate);
  const p = f ? fen * f.num : Number.NaN;
  if (f && Number.isSafeInteger(p) && Math.abs(p) <= Number.MAX_SAFE_INTEGER - f.den) {
    const a = Math.abs(p);
    let q = Math.floor(a / f.den);
    let rest = a - q * f.den; // exact: q × den ≤ a + den
    if (rest < 0) {
      q -= 1;
      rest += f.den;
    } else if (rest >= f.den) {
      q += 1;
      rest -= f.den;
    }
    const r = 2 * rest >= f.den ? q + 1 : q;
    return r === 0 ? 0 : p < 0 ? -r : r; // never -0
  }
  const r = new D(fen).mul(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return r === 0 ? 0 : r; // never -0
}

/** Exactly two decimals, no separators: 1234567 → "12345.67", -5 → "-0.05". */
export function formatFen(fen: Fen): string {
  checked(fen, 'a figure');
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  return `${neg ? '-' : ''}${yuan}.${cents < 10 ? '0' : ''}${cents}`;
}

/** A rate as a plain decimal fraction: 0.08, 0.025, 0.5 (never an exponent). */
export function formatRate(rate: Decimal): string {
  return rate.toFixed();
}

/**
 * `num / den` as a decimal fraction rounded half-up to `places` decimals (decimal.js, exact),
 * printed as CONTRACT §1 prints rates: no trailing zeros (2/3 → "0.6667", 1/2 → "0.5", 0 → "0").
 * Empty text when `den` is 0 (no share of nothing). `num` and `den` are counts or fen.
 */
export function shareText(num: number, den: number, places = 4): string {
  if (den === 0) return '';
  return new D(num).div(den).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
}
