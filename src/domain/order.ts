/**
 * Ordering for output rows: plain UTF-16 code-unit order, never the user's locale, so the same
 * inputs give byte-identical files on every machine (CONTRACT §1).
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
