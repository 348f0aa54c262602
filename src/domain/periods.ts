/**
 * Dates and periods: ISO day strings (`YYYY-MM-DD`, compared as text), and periods of a year,
 * a month or a quarter. Pure arithmetic on the calendar, no clock and no time zone.
 */
import { t } from '../i18n/index.js';
import { byText } from './order.js';

export type PeriodKind = 'year' | 'month' | 'quarter';
export interface Period {
  kind: PeriodKind;
  year: number;
  /** month 1–12, quarter 1–4; 0 for a year */
  n: number;
  /** canonical text: 2024, 2024-03, 2024-Q1 */
  text: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Every date and period of the inputs lies in these years (inclusive): a year 0000 or 9999 is a
 * typing error, not a date to compute through (README "Input files"). Tax years start later
 * still: the deduction refuses years before its first rate (2008).
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/** Why a year is outside EARLIEST_YEAR–LATEST_YEAR (in the language of the process), or undefined when it is inside. */
export function yearOutOfRange(year: number): string | undefined {
  return year < EARLIEST_YEAR || year > LATEST_YEAR ? t('domain.yearOutOfRange', { year, from: EARLIEST_YEAR, to: LATEST_YEAR }) : undefined;
}

/** The number written by s[at, at + n) when those are ASCII digits, else -1. */
export function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * A period as exports write it; undefined when the text is none of these:
 *   month    `2024-01`, `2024/01`, `2024.01`, `202401`, `2024年01月`, `2024年1月`, or a day in it
 *            (`2024-01-31`, `2024/1/31`, `20240131`: e-tax pages give the period's last day)
 *   quarter  `2024-Q1`, `2024Q1`, `2024年第一季度`, `2024年第1季度`, `2024年1季度`
 *   year     `2024`, `2024年`, `2024年度`
 */
export function parsePeriodText(raw: string, o: { days?: boolean } = { days: true }): Period | undefined {
  // The usual cell, `2024-01`, read without normalising or a regular expression.
  if (raw.length === 7 && raw.charCodeAt(4) === 45) {
    const y = digitsAt(raw, 0, 4);
    const m1 = raw.charCodeAt(5) - 48;
    const m2 = raw.charCodeAt(6) - 48;
    if (y >= 0 && m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9) {
      const n = m1 * 10 + m2;
      return n < 1 || n > 12 ? undefined : { kind: 'month', year: y, n, text: raw };
    }
  }
  const t = raw.normalize('NFKC').trim();
  let d = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (d) {
    if (o.days === false) return undefined;
    const iso = `${d[1]}-${pad2(Number(d[2]))}-${pad2(Number(d[3]))}`;
    return isCalendarDate(iso) ? periodOfDate(iso, 'month') : undefined;
  }
  d = /^(\d{4})年(?:第)?([一二三四1-4])季度?$/.exec(t);
  if (d) return { kind: 'quarter', year: Number(d[1]), n: QUARTER_WORDS[d[2]!]!, text: `${d[1]}-Q${QUARTER_WORDS[d[2]!]}` };
  d = /^(\d{4})年度?$/.exec(t);
  if (d) return yearPeriod(Number(d[1]));
  return periodText(/^(\d{4})年(\d{1,2})月$/.exec(t) ? t.replace(/^(\d{4})年(\d{1,2})月$/, '$1-$2') : t);
}

function periodText(raw: string): Period | undefined {
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(raw) ?? /^(\d{4})(\d{2})$/.exec(raw);
  if (m) {
    const n = Number(m[2]);
    if (n < 1 || n > 12) return undefined;
    return { kind: 'month', year: Number(m[1]), n, text: `${m[1]}-${pad2(n)}` };
  }
  m = /^(\d{4})-?[Qq]([1-4])$/.exec(raw);
  if (m) return { kind: 'quarter', year: Number(m[1]), n: Number(m[2]), text: `${m[1]}-Q${m[2]}` };
  m = /^(\d{4})$/.exec(raw);
  if (m) return yearPeriod(Number(m[1]));
  return undefined;
}

/** The period of a whole tax year. */
export function yearPeriod(year: number): Period {
  return { kind: 'year', year, n: 0, text: String(year) };
}

/** The month or quarter that contains a day. */
export function periodOfDate(date: string, kind: 'month' | 'quarter'): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return { kind, year, n: month, text: date.slice(0, 7) };
  const n = Math.ceil(month / 3);
  return { kind, year, n, text: `${year}-Q${n}` };
}

/** Last day of a period: 2024-Q1 → 2024-03-31, 2024-02 → 2024-02-29. */
export function periodEnd(p: Period): string {
  const month = p.kind === 'month' ? p.n : p.kind === 'quarter' ? p.n * 3 : 12;
  return `${p.year}-${pad2(month)}-${pad2(daysInMonth(p.year, month))}`;
}

/** First day of a period: 2024-Q2 → 2024-04-01. */
export function periodStart(p: Period): string {
  const month = p.kind === 'month' ? p.n : p.kind === 'quarter' ? (p.n - 1) * 3 + 1 : 1;
  return `${p.year}-${pad2(month)}-01`;
}

/** The period right after: 2024 → 2025, 2024-12 → 2025-01, 2024-Q4 → 2025-Q1. */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'year') return yearPeriod(p.year + 1);
  const last = p.kind === 'month' ? 12 : 4;
  const year = p.n === last ? p.year + 1 : p.year;
  const n = p.n === last ? 1 : p.n + 1;
  const text = p.kind === 'month' ? `${year}-${pad2(n)}` : `${year}-Q${n}`;
  return { kind: p.kind, year, n, text };
}

/** By first day, then kind (a year before a month before a quarter that start the same day). */
export function comparePeriods(a: Period, b: Period): number {
  const s = byText(periodStart(a), periodStart(b));
  return s !== 0 ? s : byText(a.kind, b.kind);
}

/** The calendar year of an ISO day. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** `n` days after (or before, when negative) an ISO day. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Same calendar day `n` months later; the month's last day when it has no such day. */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  return `${year}-${pad2(month)}-${pad2(Math.min(d, daysInMonth(year, month)))}`;
}

/** Completed years from `birth` to `on` (a birthday counts on its day; 02-29 on 03-01 in other years). */
export function ageOn(birth: string, on: string): number {
  const years = yearOf(on) - yearOf(birth);
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

export function isCalendarDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    // As Date.UTC reads a year: 0–99 are 1900–1999 (so 0000-02-29 is no date, as it was).
    const y = year >= 0 && year <= 99 ? 1900 + year : year;
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
