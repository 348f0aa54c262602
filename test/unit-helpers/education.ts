/** Small builders for the education expense unit tables: amounts in yuan as RULES.md writes them. */
import type { Decimal } from 'decimal.js';
import { type CarryStart, computeEnterprise, type DeductionRow } from '../../src/calculators/education-expense.js';
import { emptyYear, type LedgerEntry, type YearData } from '../../src/domain/records.js';
import type { QualificationSpan } from '../../src/domain/qualifications.js';
import type { Qualification } from '../../src/domain/vocabulary.js';
import type { Fen } from '../../src/domain/money.js';
import type { Period } from '../../src/domain/periods.js';
import { Rules } from '../../src/rules/index.js';

export const ID = '91330282MA2AF7XJ3P';
export const ID2 = '91350100M000100Y43';
export const ID3 = '91110000600037341L';

export const rules = new Rules();

/** "1,000,000" or "849.63" yuan → fen, without going through floating point. */
export function fen(yuan: string | number): Fen {
  const s = String(yuan).replace(/,/g, '').replace('−', '-');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new Error(`bad yuan ${yuan}`);
  const v = Number(m[2]) * 100 + Number(((m[3] ?? '') + '00').slice(0, 2));
  return m[1] ? -v : v;
}

export interface YearIn {
  wages?: string | number;
  book?: string | number;
  /** defaults to book */
  incurred?: string | number;
  fullBook?: string | number;
  /** defaults to fullBook */
  fullIncurred?: string | number;
}

export function yearData(y: YearIn): YearData {
  const d = emptyYear();
  if (y.wages !== undefined) {
    d.wages = fen(y.wages);
    d.wageRows = 12;
  }
  if (y.book !== undefined || y.incurred !== undefined) {
    d.book = fen(y.book ?? 0);
    d.incurred = fen(y.incurred ?? y.book ?? 0);
    d.educationRows = 1;
  }
  if (y.fullBook !== undefined || y.fullIncurred !== undefined) {
    d.fullBook = fen(y.fullBook ?? 0);
    d.fullIncurred = fen(y.fullIncurred ?? y.fullBook ?? 0);
    d.fullRows = 1;
  }
  return d;
}

export function qual(qualification: Qualification, valid_from: string, valid_to?: string): QualificationSpan {
  return valid_to === undefined ? { qualification, valid_from } : { qualification, valid_from, valid_to };
}

export interface Case {
  years: Record<number, YearIn>;
  start?: number;
  end?: number;
  quals?: QualificationSpan[];
  carry?: Partial<CarryStart> & { yuan?: string | number };
  rules?: Rules;
}

export function run(c: Case): DeductionRow[] {
  const ys = Object.keys(c.years).map(Number);
  const years = new Map<number, YearData>(ys.map((y) => [y, yearData(c.years[y]!)]));
  const carry: CarryStart = {
    fen: c.carry?.fen ?? (c.carry?.yuan !== undefined ? fen(c.carry.yuan) : 0),
    gap: c.carry?.gap ?? false,
    ...(c.carry?.ledgerYear !== undefined ? { ledgerYear: c.carry.ledgerYear } : {}),
  };
  return computeEnterprise(c.rules ?? rules, {
    enterpriseId: ID,
    start: c.start ?? Math.min(...ys),
    end: c.end ?? Math.max(...ys),
    years,
    qualifications: c.quals ?? [],
    carry,
  });
}

export function only(c: Case): DeductionRow {
  const rows = run(c);
  if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
  return rows[0]!;
}

/** A row's row-5 figures in yuan text, as RULES §1.4 tabulates them. */
export function row5(r: DeductionRow): Record<string, string> {
  const y = (v: Fen) => (v / 100).toFixed(2);
  return {
    wages: y(r.wages),
    rate: (r.rate as Decimal).toFixed(),
    cap: y(r.cap),
    book: y(r.book),
    incurred: y(r.incurred),
    carry_in: y(r.carry_in),
    deductible: y(r.deductible),
    adjustment: y(r.adjustment),
    carry_out: y(r.carry_out),
  };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', year, n: 0, text: String(year) };
}

/** The amounts of a ledger row in yuan. */
export interface LedgerAmounts {
  opening?: string | number;
  added?: string | number;
  used?: string | number;
  closing: string | number;
}

/** An education_expense ledger row; `closing` alone for an opening balance. */
export function led(year: number, v: LedgerAmounts, enterprise_id = ID, line?: number): LedgerEntry {
  return ledgerEntry('education_expense', yearPeriod(year), v, enterprise_id, line);
}

/** A ledger row of any kind, amounts in yuan; `closing` alone for an opening balance; with `line`, read from ledger.csv. */
export function ledgerEntry(kind: LedgerEntry['kind'], period: Period, v: LedgerAmounts, enterprise_id: string, line?: number): LedgerEntry {
  return {
    enterprise_id,
    kind,
    period,
    ...(v.opening !== undefined ? { opening: fen(v.opening) } : {}),
    ...(v.added !== undefined ? { added: fen(v.added) } : {}),
    ...(v.used !== undefined ? { used: fen(v.used) } : {}),
    closing: fen(v.closing),
    ...(line !== undefined ? { file: 'ledger.csv', line } : {}),
  };
}
