/**
 * Pieces of the tests' independent recomputations, written from RULES.md without the project's
 * code (a golden file is checked against these, not against src/): fen as yuan text, and the
 * check digits of RULES §6.
 */

/** Integer fen as yuan with exactly two decimals, a minus sign when negative: 123456 → "1234.56". */
export const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** RULES §6: a valid 身份证号: 17 digits and a check character (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, Σ mod 11 → 1 0 X 9 8 7 6 5 4 3 2), digits 7–14 a real date. */
export function validPersonId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((a, x, i) => a + x * Number(id[i]), 0);
  if ('10X98765432'[sum % 11] !== id[17]) return false;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** RULES §6: a valid 统一社会信用代码 (GB 32100-2015 check character). */
export function validUscc(id: string): boolean {
  const abc = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  if (id.length !== 18 || [...id].some((c) => !abc.includes(c))) return false;
  const c = 31 - (w.reduce((a, x, i) => a + x * abc.indexOf(id[i]!), 0) % 31);
  return abc[c === 31 ? 0 : c] === id[17];
}
