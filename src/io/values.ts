/**
 * Value parsers for input cells (CONTRACT §1 "Values in input files"). Each takes the cell's
 * trimmed text and returns the typed value or throws a ValueProblem whose message tells a
 * person what is wrong; the reader adds FILE:LINE:COLUMN and the cell's text.
 */
import type { Text } from '../domain/errors.js';
import { personIdProblem, usccProblem } from '../domain/ids.js';
import type { Fen } from '../domain/money.js';
import { t, type MessageKey } from '../i18n/index.js';
import { daysInMonth, digitsAt, isCalendarDate, parsePeriodText, yearOutOfRange, type Period } from '../domain/periods.js';

/**
 * A cell that cannot be read as its column's value: what is wrong, in the language of the
 * process (`message`), and as a text made again in any language (`text`; a plain string is that
 * string in every language).
 */
export class ValueProblem extends Error {
  readonly text: Text;
  constructor(text: string | Text) {
    super(typeof text === 'string' ? text : text());
    this.text = typeof text === 'string' ? () => text : text;
  }
}

/** A ValueProblem of one catalogue message. */
const problem = (key: Exclude<MessageKey & `io.value.${string}`, 'io.value.notKnown'>) => new ValueProblem(() => t(key));

const MAX_FEN = 9_000_000_000_000_000; // 90 trillion yuan: keeps every sum an exact integer

/** `1,234.56`, ` ¥100 `, `100元`, `-5.5` (when allowed) → integer fen. */
export function parseAmount(raw: string, allowNegative = false): Fen {
  // The usual cell, `1234` or `1234.5` or `1234.56` with at most 13 digits of yuan: read digit by digit.
  const n = raw.length;
  if (n > 0 && n <= 16) {
    let yuan = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = raw.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      yuan = yuan * 10 + d;
    }
    if (i > 0 && i <= 13) {
      if (i === n) return yuan * 100;
      if (raw.charCodeAt(i) === 46 && (n - i === 2 || n - i === 3)) {
        const f1 = raw.charCodeAt(i + 1) - 48;
        const f2 = n - i === 3 ? raw.charCodeAt(i + 2) - 48 : 0;
        if (f1 >= 0 && f1 <= 9 && f2 >= 0 && f2 <= 9) return yuan * 100 + f1 * 10 + f2;
      }
    }
  }
  let s = raw;
  if (s.includes(',')) s = s.replace(/(?<=\d),(?=\d{3}(\D|$))/g, '');
  s = s.replace(/^([+-]?)\s*[¥￥]\s*/, '$1').replace(/\s*元$/, '').trim();
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(s) ?? /^([+-]?)()\.(\d+)$/.exec(s);
  if (!m) throw problem('io.value.notAmount');
  const frac = m[3] ?? '';
  if (frac.length > 2) throw problem('io.value.tooManyDecimals');
  const intPart = m[2] === '' ? '0' : m[2]!;
  if (intPart.replace(/^0+/, '').length > 14) throw problem('io.value.amountTooLarge');
  const fen = Number(intPart) * 100 + Number((frac + '00').slice(0, 2));
  if (fen > MAX_FEN) throw problem('io.value.amountTooLarge');
  const neg = m[1] === '-' && fen !== 0;
  if (neg && !allowNegative) throw problem('io.value.negative');
  return neg ? -fen : fen;
}

/** `YYYY-MM-DD`, `YYYY/M/D` or `YYYYMMDD` → `YYYY-MM-DD`. */
export function parseDate(raw: string): string {
  // The usual cell, `2024-03-01`, read without regular expressions.
  if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
    const yy = digitsAt(raw, 0, 4);
    const mm = digitsAt(raw, 5, 2);
    const dd = digitsAt(raw, 8, 2);
    if (yy >= 0 && mm >= 0 && dd >= 0) {
      if (mm < 1 || mm > 12 || dd < 1 || dd > daysInMonth(yy, mm)) throw problem('io.value.notCalendarDate');
      if (yearOutOfRange(yy)) throw new ValueProblem(() => yearOutOfRange(yy)!);
      return raw;
    }
  }
  let y: string, mo: string, d: string;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(raw);
  if (m) {
    [, y, mo, d] = m as unknown as [string, string, string, string];
  } else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw))) {
    [, y, mo, d] = m as unknown as [string, string, string, string];
  } else {
    throw problem('io.value.notDate');
  }
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isCalendarDate(iso)) throw problem('io.value.notCalendarDate');
  if (yearOutOfRange(Number(y))) throw new ValueProblem(() => yearOutOfRange(Number(y))!);
  return iso;
}

export function parseYear(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw problem('io.value.notYear');
  const y = Number(raw);
  if (yearOutOfRange(y)) throw new ValueProblem(() => yearOutOfRange(y)!);
  return y;
}

function inRange(p: Period): Period {
  if (yearOutOfRange(p.year)) throw new ValueProblem(() => yearOutOfRange(p.year)!);
  return p;
}

/** `YYYY-MM` or `YYYY-Qn` (a filing period). */
export function parseFilingPeriod(raw: string): Period {
  const p = parsePeriodText(raw);
  if (!p || p.kind === 'year') throw problem('io.value.notFilingPeriod');
  return inRange(p);
}

/** Payroll: `YYYY-MM` or `YYYY` (a whole year's wages). */
export function parseMonthOrYear(raw: string): Period {
  const p = parsePeriodText(raw);
  if (!p || p.kind === 'quarter') throw problem('io.value.notPayrollPeriod');
  return inRange(p);
}

/** Any period: YYYY, YYYY-MM or YYYY-Qn (the ledger checks which one its kind needs); the ledger is skilltax's own file, so a day is not taken for its month. */
export function parseAnyPeriod(raw: string): Period {
  const p = parsePeriodText(raw, { days: false });
  if (!p) throw problem('io.value.notPeriod');
  return inRange(p);
}

/**
 * A month, `YYYY-MM` (also `YYYY/M`, `YYYYMM`, `YYYY年M月`), as its month number
 * year × 12 + month − 1: insurance.csv has one row per month paid, and twenty million of them
 * are read without making a Period each.
 */
export function parseMonthNumber(raw: string): number {
  // The usual cell, `2024-01`, read without normalising or a regular expression.
  if (raw.length === 7 && raw.charCodeAt(4) === 45) {
    const y = digitsAt(raw, 0, 4);
    const m = digitsAt(raw, 5, 2);
    if (y >= 0 && m >= 1 && m <= 12 && !yearOutOfRange(y)) return y * 12 + m - 1;
  }
  // a day stands for its month (README "Periods"), as an Excel date cell of the month is read
  const p = parsePeriodText(raw, { days: true });
  if (!p || p.kind !== 'month') throw problem('io.value.notMonth');
  return inRange(p).year * 12 + p.n - 1;
}

/**
 * The text of a cell as a string of its own. The reader hands cells of 13 characters or more as
 * slices of the text it read them from: one such cell kept per row (an id, a claim_id, a
 * certificate number) keeps the whole file's text in memory, and compares several times slower
 * than a string of its own (sorting a million claim_ids). Copied code unit by code unit: the same text.
 */
export function owned(s: string): string {
  const n = s.length;
  if (n < 13 || n > 64) return s;
  const codes = (CODES[n] ??= new Array<number>(n));
  for (let i = 0; i < n; i++) codes[i] = s.charCodeAt(i);
  return String.fromCharCode.apply(null, codes);
}
/** owned's buffers of code units, one per length (reused: one string is copied at a time) */
const CODES: number[][] = [];

/**
 * One string for each distinct text of a column whose values repeat from row to row (dates,
 * occupations, employers): a million claims hold a few thousand of them, and equal strings that
 * are one string compare at once. At most `max` are kept; past that a text is its own string.
 */
export function interner(max = 100_000): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const t = seen.get(s);
    if (t !== undefined) return t;
    const own = owned(s);
    if (seen.size < max) seen.set(own, own);
    return own;
  };
}

// Payroll repeats the same few thousand codes millions of times: check each once, and hand out
// one string of its own for each (never the slice of the file's text the cell came as).
const validUscc = new Map<string, string>();

export function parseUscc(raw: string): string {
  const known = validUscc.get(raw);
  if (known !== undefined) return known;
  const id = raw.toUpperCase();
  if (usccProblem(id)) throw new ValueProblem(() => usccProblem(id)!);
  const own = owned(id);
  if (id === raw && validUscc.size < 200_000) validUscc.set(own, own);
  return own;
}

/** A whole number of months (or other count), 0 or more. */
export function parseCount(raw: string): number {
  if (!/^\d{1,4}$/.test(raw)) throw problem('io.value.notCount');
  return Number(raw);
}

/** Skill level: 1–5 (5 = 初级工 … 1 = 高级技师), or the Chinese name. */
const LEVEL_NAMES: Record<string, number> = {
  初级: 5, 初级工: 5, 五级: 5,
  中级: 4, 中级工: 4, 四级: 4,
  高级: 3, 高级工: 3, 三级: 3,
  技师: 2, 二级: 2,
  高级技师: 1, 一级: 1,
};
export function parseLevel(raw: string): number {
  if (/^[1-5]$/.test(raw)) return Number(raw);
  const n = LEVEL_NAMES[raw.normalize('NFKC').trim()];
  if (n === undefined) throw problem('io.value.notLevel');
  return n;
}

/** A training provider's star rating (星级): 1–5, also written 3星, 三星 or 三星级. */
const STAR_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
export function parseStar(raw: string): number {
  const m = /^([1-5一二三四五])(?:星级?)?$/.exec(raw.normalize('NFKC').trim());
  if (!m) throw problem('io.value.notStar');
  return STAR_WORDS[m[1]!] ?? Number(m[1]);
}

/** A person's ID as given, upper-cased (a trailing x is X); in trainees.csv its validity is a decision, not a parse. */
export function parsePersonId(raw: string): string {
  return raw.toUpperCase();
}

const validPersonIds = new Map<string, string>();
/**
 * A 居民身份证号 that must be valid (RULES §6: 18 characters, check character, calendar birth
 * date): certificates.csv and insurance.csv (CONTRACT §1; only trainees.csv decides an invalid one
 * instead). Upper-cased; ValueProblem naming what is wrong (`3.30282E+17`, what Excel makes of a
 * number column, is not one). The valid ones are remembered (20 million insurance months are a few
 * hundred thousand persons).
 */
export function parseValidPersonId(raw: string): string {
  const known = validPersonIds.get(raw);
  if (known !== undefined) return known;
  const id = raw.toUpperCase();
  if (personIdProblem(id)) throw new ValueProblem(() => personIdProblem(id)!);
  const own = owned(id);
  if (validPersonIds.size < 2_000_000) validPersonIds.set(raw === id ? own : owned(raw), own);
  return own;
}

/** A 居民身份证号 that must be valid (CONTRACT §1), e.g. in history.csv. */
export function parseText(raw: string): string {
  return raw;
}

/** A header cell that groups the columns below it in a two-row header (应发项目 over 基本工资 …). */
export const GROUP_LABEL = /项目$|^(应发|扣款|代扣|扣除|收入|补贴|津贴)$/;
const TOTAL_ROW = /^(合计|总计|小计|本页小计|本页合计)$/;

/** The label a total row's first non-empty cell gives (合计 …, spaces and colons aside), or undefined when the cell is no such label. */
export function totalLabel(cell: string): string | undefined {
  if (cell.length > 12) return undefined;
  const t = cell.replace(/[\s:：]/g, '');
  return TOTAL_ROW.test(t) ? t : undefined;
}

/** Folds full-width forms, case and surrounding space, for headers and enumeration labels. */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

/**
 * A header cell as matched against the canonical names and aliases: normalizeLabel, then without
 * the decorations exports add: a unit in brackets (`应发工资(元)`, `金额（元）`, `(单位：元)`; never
 * 万元, which changes the amount), a `*` required marker, a trailing colon, inner spaces.
 */
export function normalizeHeader(s: string): string {
  let t = normalizeLabel(s);
  if (t === '') return t;
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t
      .replace(/^\*+\s*(?=\S)/, '')
      .replace(/(?<=\S)\s*\*+$/, '')
      .replace(/\s*[:：]$/, '')
      .replace(/\s*\(\s*(?:单位\s*[:：]?\s*)?(?:人民币)?(?:元|yuan|rmb|cny)\s*\)$/, '')
      .trim();
  }
  return t.replace(/\s+/g, '');
}

export interface EnumSpec<T extends string> {
  values: readonly T[];
  aliases?: Partial<Record<T, readonly string[]>>;
}

/** The names of the enumerations a cell may hold (the catalogue's `io.enum.*`). */
export type EnumName = MessageKey extends infer K ? (K extends `io.enum.${infer W}` ? W : never) : never;

/** The parser of a cell holding one of `spec`'s values or aliases; `what` names the enumeration in a message. */
export function enumParser<T extends string>(what: EnumName, spec: EnumSpec<T>): (raw: string) => T {
  const table = new Map<string, T>();
  for (const v of spec.values) {
    table.set(normalizeLabel(v), v);
    for (const a of spec.aliases?.[v] ?? []) table.set(normalizeLabel(a), v);
  }
  const accepted = spec.values
    .map((v) => (spec.aliases?.[v]?.length ? `${v} [${spec.aliases[v]!.join('/')}]` : v))
    .join(', ');
  // A cell already in normal form (`education`) is looked up as it is, without normalising it.
  const plain = new Map([...table].filter(([k]) => normalizeLabel(k) === k));
  return (raw: string): T => {
    const v = plain.get(raw) ?? table.get(normalizeLabel(raw));
    if (v === undefined) throw new ValueProblem(() => t('io.value.notKnown', { what: t(`io.enum.${what}`), accepted }));
    return v;
  };
}
