/** Money as integer fen (分), and the one rounding rule: half-up to the fen (RULES: rounding). */
import { Decimal } from 'decimal.js';

/**
 * Money is held as integer fen (分) in a JavaScript number. Every amount in the inputs has at
 * most two decimals, so sums are exact as long as they stay below Number.MAX_SAFE_INTEGER
 * (about 90 trillion yuan), which `addFen` checks. Multiplications by a rate go through
 * decimal.js and are rounded half-up to the fen, as the forms do (RULES: rounding).
 */
export type Fen = number;

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export { D as Dec };

export class AmountOverflowError extends Error {}

export function addFen(a: Fen, b: Fen): Fen {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new AmountOverflowError('a sum of amounts exceeds 90,000,000,000,000.00');
  return s;
}

/** round(fen × rate) half-up to a whole fen. */
export function mulRate(fen: Fen, rate: Decimal): Fen {
  const r = new D(fen).mul(rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return r === 0 ? 0 : r; // never -0
}

/** Exactly two decimals, no separators: 1234567 → "12345.67", -5 → "-0.05". */
export function formatFen(fen: Fen): string {
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
