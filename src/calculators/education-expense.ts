/**
 * Employee education expense (职工教育经费) on form A105050 rows 4–6 (RULES §1, CONTRACT §3):
 * the `deduct` command. Pure: typed inputs in, rows, ledger rows and (for one enterprise) an
 * explain trace out; no I/O, no clock.
 *
 * Row 5 (the capped part), per the form's fill-in instructions:
 *   cap        = round(wages × rate)
 *   deductible = min(cap, incurred + carry_in)
 *   adjustment = book − deductible
 *   carry_out  = incurred + carry_in − deductible
 * Row 6 (training cost deducted in full, only for a qualified enterprise that year):
 *   deductible = incurred, adjustment = book − incurred, no carryforward.
 * Row 4 = row 5 + row 6.
 */
import type { Decimal } from 'decimal.js';
import { RuleGapError, UsageError } from '../domain/errors.js';
import { addFen, formatFen, formatRate, mulRate, subFen, type Fen } from '../domain/money.js';
import { yearPeriod, type Period } from '../domain/periods.js';
import { covering, describeSpan, type QualificationSpan } from '../domain/qualifications.js';
import { emptyYear, type InputTypes, type LedgerEntry, type YearData } from '../domain/records.js';
import { float64Column, Interned, uint16Column, uint32Column, uint8Column } from '../domain/columns.js';
import type { Cells, ColumnDef, ReportTable } from '../domain/table.js';
import { NO_TRACE, Tracer, type StepSpec, type Trace } from '../domain/trace.js';
import type { Qualification } from '../domain/vocabulary.js';
import { carryforward } from '../ledger/carryforward.js';
import { carryBefore, mergeLedger, type Conflict, type MergeResult } from '../ledger/ledger.js';
import type { InForce, Rules } from '../rules/index.js';
import { t } from '../i18n/index.js';
import { defineCalculator, type CalculatorResult, type ComputeContext, type RangeRequest, type SummaryItem } from './calculator.js';

export type EducationNote = 'full_training_unqualified' | 'ledger_gap' | 'no_wages';
const NOTE_ORDER: EducationNote[] = ['full_training_unqualified', 'ledger_gap', 'no_wages'];

/** Where the first year's carry in comes from. */
export interface CarryStart {
  fen: Fen;
  /** the ledger year it was read from, if any */
  ledgerYear?: number;
  /** read from the opening of the ledger's row for the first computed year (no earlier row) */
  fromOpening?: boolean;
  /** the ledger's latest earlier row is older than the year before the first computed year */
  gap: boolean;
}

export interface EnterpriseInput {
  enterpriseId: string;
  /** first and last year to compute (inclusive) */
  start: number;
  end: number;
  years: ReadonlyMap<number, YearData>;
  qualifications: readonly QualificationSpan[];
  carry: CarryStart;
}

/** One row of deductions.csv, amounts in fen. */
export interface DeductionRow {
  enterprise_id: string;
  year: number;
  wages: Fen;
  rate: Decimal;
  cap: Fen;
  book: Fen;
  incurred: Fen;
  carry_in: Fen;
  deductible: Fen;
  adjustment: Fen;
  carry_out: Fen;
  full_book: Fen;
  full_incurred: Fen;
  full_deductible: Fen;
  full_adjustment: Fen;
  total_book: Fen;
  total_deductible: Fen;
  total_adjustment: Fen;
  notes: EducationNote[];
}

/** What a row of deductions.csv is made from; the other columns follow (`deductionRow`). */
export type DeductionCore = Pick<DeductionRow, 'enterprise_id' | 'year' | 'wages' | 'rate' | 'cap' | 'book' | 'incurred' | 'carry_in' | 'deductible' | 'full_book' | 'full_incurred' | 'notes'>;

/**
 * The row with the columns that follow from its core (A105050 填报说明, RULES §1.3): row 5
 * adjustment = book − deductible and carry out = incurred + carry in − deductible; row 6
 * deducts its incurred in full, adjustment = book − incurred; row 4 = row 5 + row 6. Throws
 * AmountOverflowError for a figure beyond integer fen.
 */
export function deductionRow(c: DeductionCore): DeductionRow {
  const available = addFen(c.incurred, c.carry_in);
  const adjustment = subFen(c.book, c.deductible);
  const fullDeductible = c.full_incurred;
  const fullAdjustment = subFen(c.full_book, c.full_incurred);
  const totalDeductible = addFen(c.deductible, fullDeductible);
  const totalAdjustment = addFen(adjustment, fullAdjustment);
  return {
    enterprise_id: c.enterprise_id,
    year: c.year,
    wages: c.wages,
    rate: c.rate,
    cap: c.cap,
    book: c.book,
    incurred: c.incurred,
    carry_in: c.carry_in,
    deductible: c.deductible,
    adjustment,
    carry_out: available - c.deductible,
    full_book: c.full_book,
    full_incurred: c.full_incurred,
    full_deductible: fullDeductible,
    full_adjustment: fullAdjustment,
    total_book: addFen(c.book, c.full_book),
    total_deductible: totalDeductible,
    total_adjustment: totalAdjustment,
    notes: c.notes,
  };
}

const RATE_KEY = 'eit.education_expense.rate';
/** Higher rates for a qualification held in the year (财税〔2015〕63号, 财税〔2017〕79号). */
const SPECIAL_RATES: { qualification: Qualification; key: string; label: string }[] = [
  { qualification: 'high_tech', key: 'eit.education_expense.high_tech_rate', label: '高新技术企业' },
  { qualification: 'advanced_tech_service', key: 'eit.education_expense.advanced_tech_service_rate', label: '技术先进型服务企业' },
];
/** Row 6: training cost deducted in full (RULES §1.3), each with its own flag parameter. */
const FULL_DEDUCTION: { qualification: Qualification; label: string }[] = [
  { qualification: 'software_ic', label: '软件和集成电路企业' },
  { qualification: 'animation', label: '动漫企业' },
  { qualification: 'nuclear_power', label: '核电企业' },
  { qualification: 'airline', label: '航空企业' },
];
const fullDeductionKey = (q: Qualification) => `eit.education_expense.full_deduction.${q}`;

/** How a qualification counts for a tax year (RULES §1.1): valid on 12-31, or on any day of the year. */
export type QualificationTest = 'year_end' | 'any_day';
const testKey = (q: Qualification) => `eit.qualification_test.${q}`;

/**
 * The span of `q` that makes it count for the tax year: valid on 12-31 (`year_end`: the year of
 * issue counts, the year it expires only when a renewal covers 12-31; 国家税务总局公告2017年第24号),
 * or on any day of the year (`any_day`).
 */
export function qualifiedInYear(spans: readonly QualificationSpan[], q: Qualification, year: number, test: QualificationTest = 'year_end'): QualificationSpan | undefined {
  return covering(spans, q, test === 'year_end' ? `${year}-12-31` : `${year}-01-01`, `${year}-12-31`);
}

/** qualifiedInYear with the test the rules set for `q` (parameter eit.qualification_test.<q>). */
function qualifiedFor(rules: Rules, spans: readonly QualificationSpan[], q: Qualification, year: number): QualificationSpan | undefined {
  if (!spans.some((s) => s.qualification === q)) return undefined;
  return qualifiedInYear(spans, q, year, rules.choice(testKey(q), `${year}-12-31`) as QualificationTest);
}

/** The rate of an enterprise-year, the parameter it was read from and why. */
export interface RateChoice {
  rate: Decimal;
  key: string;
  entry: InForce;
  why: string;
}

/**
 * The rate for an enterprise-year (tax-year parameters are read on 12-31): the general series,
 * or a qualification's higher rate. Returns the rate, the key it was read from and why.
 * Throws RuleGapError when no general rate is in force.
 */
export function rateFor(rules: Rules, spans: readonly QualificationSpan[], year: number): RateChoice {
  const on = `${year}-12-31`;
  let general: Decimal;
  try {
    general = rules.rate(RATE_KEY, on);
  } catch (e) {
    if (e instanceof RuleGapError) throw new RuleGapError(t('deduct.rateGap', { year, reason: e.message }));
    throw e;
  }
  let best = { rate: general, key: RATE_KEY, why: t('deduct.why.general') };
  for (const s of SPECIAL_RATES) {
    const q = qualifiedFor(rules, spans, s.qualification, year);
    if (!q) continue;
    const special = rules.rateIfInForce(s.key, on);
    if (special && special.gt(best.rate)) best = { rate: special, key: s.key, why: t('deduct.why.special', { label: s.label, span: describeSpan(q), key: testKey(s.qualification) }) };
  }
  return { ...best, entry: rules.at(best.key, on)! };
}

function fullDeductionFor(rules: Rules, spans: readonly QualificationSpan[], year: number) {
  for (const f of FULL_DEDUCTION) {
    const q = qualifiedFor(rules, spans, f.qualification, year);
    if (!q) continue;
    if (rules.flagIfInForce(fullDeductionKey(f.qualification), `${year}-12-31`) === true) return { ...f, span: q };
  }
  return undefined;
}

function whyNoFullDeduction(rules: Rules, spans: readonly QualificationSpan[], year: number): string {
  const held = FULL_DEDUCTION.find((f) => qualifiedFor(rules, spans, f.qualification, year));
  if (held) return t('deduct.noFull.notInForce', { qualification: held.qualification, year, key: fullDeductionKey(held.qualification) });
  const lapsed = FULL_DEDUCTION.find((f) => qualifiedInYear(spans, f.qualification, year, 'any_day'));
  return lapsed
    ? t('deduct.noFull.lapsed', { qualification: lapsed.qualification, year, key: testKey(lapsed.qualification) })
    : t('deduct.noFull.none', { year });
}

/** 2019 or 2019–2022 */
const yearSpan = (years: readonly number[]) => (Math.min(...years) === Math.max(...years) ? String(years[0]) : `${Math.min(...years)}–${Math.max(...years)}`);

/**
 * rateFor; for an enterprise without qualifications, not traced, the rate of the year as
 * `memo` holds it (one read per year of a computation instead of one per enterprise-year).
 */
function generalRateOf(rules: Rules, spans: readonly QualificationSpan[], year: number, memo: Map<number, RateChoice> | undefined): RateChoice {
  if (!memo || spans.length) return rateFor(rules, spans, year);
  let r = memo.get(year);
  if (!r) memo.set(year, (r = rateFor(rules, spans, year)));
  return r;
}

/**
 * Folds one enterprise's years in order, each year's carry out becoming the next one's carry in
 * (RULES §1.3). `trace` records every step of the enterprise (a section per year) when on.
 * `generalRates`: a memo of the general rate by year, shared by the enterprises of one computation.
 * Throws RuleGapError when a parameter the year needs is not in force.
 */
export function computeEnterprise(rules: Rules, input: EnterpriseInput, trace: Tracer = NO_TRACE, generalRates?: Map<number, RateChoice>): DeductionRow[] {
  const rows: DeductionRow[] = [];
  const r0 = trace.on ? rules.recording((r) => trace.read(r)) : rules;
  // Untraced (every enterprise but the one explained), a step's text is not even described:
  // `step?.(…)` does not evaluate its argument.
  const step = trace.on ? (make: () => StepSpec) => trace.step(make) : undefined;
  let carryIn = input.carry.fen;
  for (let year = input.start; year <= input.end; year++) {
    const d = input.years.get(year) ?? emptyYear();
    const notes: EducationNote[] = [];
    if (trace.on) trace.section(String(year));
    step?.(() => ({ label: t('deduct.step.wages'), value: formatFen(d.wages), how: t('deduct.how.wages', { n: d.wageRows }), source: '国税函〔2009〕3号' }));
    const r = generalRateOf(r0, input.qualifications, year, trace.on ? undefined : generalRates);
    step?.(() => ({ label: t('deduct.step.rate'), value: formatRate(r.rate), how: r.why, cite: [r.key] }));

    let book = d.book;
    let incurred = d.incurred;
    let fullBook = 0;
    let fullIncurred = 0;
    const full = fullDeductionFor(r0, input.qualifications, year);
    const hasFull = d.fullRows > 0 || d.fullBook !== 0 || d.fullIncurred !== 0;
    if (hasFull && full) {
      fullBook = d.fullBook;
      fullIncurred = d.fullIncurred;
    } else if (hasFull) {
      // No qualification (or its flag not in force): ordinary education expense (RULES §1.3).
      book = addFen(book, d.fullBook);
      incurred = addFen(incurred, d.fullIncurred);
      notes.push('full_training_unqualified');
      step?.(() => ({
        label: t('deduct.step.fullUnqualified'),
        value: 'full_training_unqualified',
        how: t('deduct.how.fullUnqualified', {
          n: d.fullRows,
          book: formatFen(d.fullBook),
          incurred: formatFen(d.fullIncurred),
          why: whyNoFullDeduction(r0, input.qualifications, year),
        }),
        source: 'RULES §1.3',
      }));
    }

    const cap = mulRate(d.wages, r.rate);
    step?.(() => ({ label: t('deduct.step.cap'), value: formatFen(cap), how: `round(${formatFen(d.wages)} × ${formatRate(r.rate)})` }));
    step?.(() => ({
      label: t('deduct.step.book'),
      value: formatFen(book),
      how: t('deduct.how.book', { n: d.educationRows, unqualified: notes.includes('full_training_unqualified') }),
    }));
    step?.(() => ({ label: t('deduct.step.incurred'), value: formatFen(incurred) }));
    const carryLabel = t('deduct.step.carryIn');
    if (year === input.start) {
      const c = input.carry;
      const where =
        c.ledgerYear === undefined
          ? t('deduct.source.firstYear')
          : c.fromOpening
            ? t('deduct.source.ledgerOpening', { year: c.ledgerYear })
            : t('deduct.source.ledgerClosing', { year: c.ledgerYear });
      step?.(() => ({ label: carryLabel, value: formatFen(carryIn), source: where }));
      if (c.gap) {
        notes.push('ledger_gap');
        step?.(() => ({ label: t('deduct.step.ledgerGap'), value: 'ledger_gap', how: t('deduct.how.ledgerGap', { missing: year - 1, year: c.ledgerYear! }) }));
      }
    } else {
      step?.(() => ({ label: carryLabel, value: formatFen(carryIn), source: t('deduct.source.carryOut', { year: year - 1 }) }));
    }
    const available = addFen(incurred, carryIn);
    const deductible = Math.min(cap, available);
    const row = deductionRow({
      enterprise_id: input.enterpriseId,
      year,
      wages: d.wages,
      rate: r.rate,
      cap,
      book,
      incurred,
      carry_in: carryIn,
      deductible,
      full_book: fullBook,
      full_incurred: fullIncurred,
      notes,
    });
    step?.(() => ({
      label: t('deduct.step.deductible'),
      value: formatFen(deductible),
      how: t('deduct.how.deductible', { cap: formatFen(cap), incurred: formatFen(incurred), carryIn: formatFen(carryIn) }),
      source: 'A105050 填报说明',
    }));
    step?.(() => ({ label: t('deduct.step.adjustment'), value: formatFen(row.adjustment), how: t('deduct.how.adjustment', { book: formatFen(book), deductible: formatFen(deductible) }) }));
    step?.(() => ({
      label: t('deduct.step.carryOut'),
      value: formatFen(row.carry_out),
      how: t('deduct.how.carryOut', { incurred: formatFen(incurred), carryIn: formatFen(carryIn), deductible: formatFen(deductible) }),
    }));

    if (full && hasFull) {
      step?.(() => ({
        label: t('deduct.step.row6'),
        value: formatFen(fullIncurred),
        how: t('deduct.how.row6', {
          incurred: formatFen(fullIncurred),
          book: formatFen(fullBook),
          adjustment: formatFen(fullBook - fullIncurred),
          label: full.label,
          span: describeSpan(full.span),
        }),
        cite: [fullDeductionKey(full.qualification)],
      }));
    }
    step?.(() => ({ label: t('deduct.step.row4Deductible'), value: formatFen(row.total_deductible), how: t('deduct.how.row4', { row5: formatFen(deductible), row6: formatFen(row.full_deductible) }) }));
    step?.(() => ({ label: t('deduct.step.row4Adjustment'), value: formatFen(row.total_adjustment), how: t('deduct.how.row4', { row5: formatFen(row.adjustment), row6: formatFen(row.full_adjustment) }) }));

    if (d.wages === 0 && (book !== 0 || incurred !== 0 || carryIn !== 0 || fullBook !== 0 || fullIncurred !== 0)) {
      notes.push('no_wages');
      step?.(() => ({ label: t('deduct.step.noWages'), value: 'no_wages', how: t('deduct.how.noWages') }));
    }

    rows.push(row);
    carryIn = row.carry_out;
  }
  return rows;
}

// ── The ledger chain (CONTRACT §3) ───────────────────────────────────────────

export interface EducationPlan {
  start: number;
  carry: CarryStart;
}

/**
 * An enterprise is computed from its first year in [from, to] with data or a carryforward
 * through `to`. A carryforward is a ledger row before `from` (the chain goes on), or an
 * opening balance (closing alone) inside the range, which feeds the year after it. The carry
 * in is the closing of the latest ledger row before the first computed year; when that row
 * is older than the year before, the chain has a hole: `ledger_gap`. With no earlier row,
 * the opening of the ledger's own row for the first computed year is carried in, so a
 * recomputation never drops a balance the ledger states.
 */
export function planEducation(rows: readonly LedgerEntry[], dataYears: readonly number[], from: number, to: number): EducationPlan | undefined {
  // An opening balance (closing alone) states the carryforward at the end of its year: the
  // enterprise's own computation starts after it, whatever the inputs hold for earlier years.
  const balance = rows.find((r) => r.opening === undefined);
  const floor = balance ? Math.max(from, balance.period.year + 1) : from;
  const candidates: number[] = [];
  const firstData = dataYears.find((y) => y >= floor && y <= to);
  if (firstData !== undefined) candidates.push(firstData);
  if (rows.some((r) => r.period.year < from)) candidates.push(from);
  if (balance && balance.period.year >= from && balance.period.year < to) candidates.push(balance.period.year + 1);
  if (candidates.length === 0) return undefined;
  const start = Math.min(...candidates);
  const c = carryBefore(rows, yearPeriod(start));
  return { start, carry: { fen: c.fen, ...(c.period ? { ledgerYear: c.period.year } : {}), ...(c.fromOpening ? { fromOpening: true } : {}), gap: c.gap } };
}

/** The year periods of the ledger rows, one object per year (a ledger row's period is never changed). */
const YEAR_PERIODS = new Map<number, Period>();
const yearPeriodOf = (year: number): Period => {
  let p = YEAR_PERIODS.get(year);
  if (!p) YEAR_PERIODS.set(year, (p = yearPeriod(year)));
  return p;
};

/** The ledger rows of computed years: opening = carry_in, added = incurred, used = deductible, closing = carry_out. */
export function educationLedgerRows(rows: readonly DeductionRow[]): LedgerEntry[] {
  return rows.map((r) => ({
    enterprise_id: r.enterprise_id,
    kind: 'education_expense',
    period: yearPeriodOf(r.year),
    opening: r.carry_in,
    added: r.incurred,
    used: r.deductible,
    closing: r.carry_out,
  }));
}

/**
 * Every input row, with the education_expense rows of the computed enterprise-years replaced. A
 * later row whose opening no longer matches the recomputed closing is a conflict; with `force`
 * the enterprise's later rows are dropped instead.
 */
export function mergeEducation(ledger: readonly LedgerEntry[], computed: ReadonlyMap<string, DeductionRow[]>, force: boolean): MergeResult {
  return mergeLedger(ledger, 'education_expense', new Map([...computed].map(([id, rows]) => [id, educationLedgerRows(rows)])), force);
}

// ── The command: years, enterprises, the fold through the ledger ─────────────

/** The years to compute: --year, else --from/--to, each defaulting to the inputs' first and last year. */
export function resolveYears(range: RangeRequest, dataYears: Iterable<number>): { from?: number; to?: number } {
  if (range.year !== undefined) return { from: range.year, to: range.year };
  let min: number | undefined;
  let max: number | undefined;
  for (const y of dataYears) {
    if (min === undefined || y < min) min = y;
    if (max === undefined || y > max) max = y;
  }
  const rFrom = range.from === undefined ? undefined : Number(range.from);
  const rTo = range.to === undefined ? undefined : Number(range.to);
  const from = rFrom ?? (min !== undefined && rTo !== undefined && min > rTo ? rTo : min);
  const to = rTo ?? (rFrom !== undefined && max !== undefined && max < rFrom ? rFrom : max);
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(t('deduct.fromAfterTo', { from, to }));
  return { from, to };
}

/**
 * Every computed row of deductions.csv in columns (about 73 bytes an enterprise-year instead of
 * a DeductionRow object of several hundred): the core of each row (`DeductionCore`) is kept and
 * the row rebuilt by `deductionRow` when read. Rows are added enterprise by enterprise in
 * code-unit order, each enterprise's years in order: read back, they are in deductions.csv order.
 */
export class DeductionStore implements Iterable<DeductionRow> {
  private readonly ids: string[] = [];
  private readonly owner = uint32Column();
  private readonly year = uint16Column();
  private readonly rate = uint16Column();
  private readonly rates = new Interned<Decimal>();
  /** the rates seen, by object: the rules give the same Decimal for every year a rate is in force */
  private readonly rateNumbers = new Map<Decimal, number>();
  private readonly notes = uint8Column();
  private readonly wages = float64Column();
  private readonly cap = float64Column();
  private readonly book = float64Column();
  private readonly incurred = float64Column();
  private readonly carryIn = float64Column();
  private readonly deductible = float64Column();
  private readonly fullBook = float64Column();
  private readonly fullIncurred = float64Column();

  private enterprises = 0;
  private warnings = 0;
  private totalDeductible: Fen = 0;
  private totalCarryForward: Fen = 0;
  /** a sum beyond integer fen, thrown when the totals are asked for (as summing the rows then would) */
  private overflow?: unknown;

  get length(): number {
    return this.year.length;
  }

  /**
   * The run summary's sums, kept as rows are added: enterprises, rows with notes, row 4
   * deductible, and the carry out of each enterprise's last year. Throws AmountOverflowError
   * when a sum is beyond integer fen.
   */
  totals(): { enterprises: number; warnings: number; totalDeductible: Fen; totalCarryForward: Fen } {
    if (this.overflow !== undefined) throw this.overflow;
    return { enterprises: this.enterprises, warnings: this.warnings, totalDeductible: this.totalDeductible, totalCarryForward: this.totalCarryForward };
  }

  /**
   * Appends the rows of one enterprise (all of them: an enterprise is added once), its years in
   * order. Throws when the enterprise does not come after the last one added.
   */
  add(rows: readonly DeductionRow[]): void {
    if (!rows.length) return;
    const id = rows[0]!.enterprise_id;
    const last = this.ids[this.ids.length - 1];
    if (last !== undefined && !(last < id)) throw new Error(`deduction rows added out of order: ${id} after ${last}`);
    if (rows.some((r) => r.enterprise_id !== id)) throw new Error(`rows of another enterprise among those of ${id}`);
    const owner = this.ids.push(id) - 1;
    this.enterprises++;
    try {
      for (const r of rows) this.totalDeductible = addFen(this.totalDeductible, r.total_deductible);
      this.totalCarryForward = addFen(this.totalCarryForward, rows[rows.length - 1]!.carry_out);
    } catch (e) {
      this.overflow ??= e;
    }
    for (const r of rows) {
      if (r.notes.length) this.warnings++;
      this.owner.push(owner);
      this.year.push(r.year);
      let rate = this.rateNumbers.get(r.rate);
      if (rate === undefined) this.rateNumbers.set(r.rate, (rate = this.rates.index(formatRate(r.rate), () => r.rate)));
      this.rate.push(rate);
      let bits = 0;
      for (const n of r.notes) bits |= 1 << NOTE_ORDER.indexOf(n);
      this.notes.push(bits);
      this.wages.push(r.wages);
      this.cap.push(r.cap);
      this.book.push(r.book);
      this.incurred.push(r.incurred);
      this.carryIn.push(r.carry_in);
      this.deductible.push(r.deductible);
      this.fullBook.push(r.full_book);
      this.fullIncurred.push(r.full_incurred);
    }
  }

  /** Whether the i-th row has notes (a warning), without rebuilding it. */
  hasNotes(i: number): boolean {
    return this.notes.at(i) !== 0;
  }

  /** The i-th row (0 ≤ i < length). */
  row(i: number): DeductionRow {
    const bits = this.notes.at(i);
    return deductionRow({
      enterprise_id: this.ids[this.owner.at(i)]!,
      year: this.year.at(i),
      wages: this.wages.at(i),
      rate: this.rates.value(this.rate.at(i)),
      cap: this.cap.at(i),
      book: this.book.at(i),
      incurred: this.incurred.at(i),
      carry_in: this.carryIn.at(i),
      deductible: this.deductible.at(i),
      full_book: this.fullBook.at(i),
      full_incurred: this.fullIncurred.at(i),
      notes: bits === 0 ? [] : NOTE_ORDER.filter((_, k) => bits & (1 << k)),
    });
  }

  *[Symbol.iterator](): Iterator<DeductionRow> {
    for (let i = 0; i < this.length; i++) yield this.row(i);
  }
}

/** What `deduct` computes, as it is kept: rows in columns, the ledger merged as it is read. */
export interface EducationDeductions extends CalculatorResult {
  from?: number;
  to?: number;
  deductions: DeductionStore;
  /** in ledger order (merged as it is read), or as given when nothing was computed */
  ledger: Iterable<LedgerEntry>;
  conflicts: Conflict[];
  dropped: LedgerEntry[];
  hints: string[];
}

/** The same with every row and ledger row as an object (for reconcile and the tests). */
export interface EducationExpenseResult extends CalculatorResult {
  from?: number;
  to?: number;
  rows: DeductionRow[];
  ledger: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
  hints: string[];
}

type EducationInputs = Pick<InputTypes, 'payroll' | 'training'> & Partial<Pick<InputTypes, 'qualifications' | 'ledger'>>;

/**
 * The deduction for every enterprise of the inputs (and of the ledger) over the years asked
 * for, the ledger merged. Throws UsageError for a year before the rate series (2008), RuleGapError
 * for another parameter gap, RefusedError for a ledger conflict without `force`.
 */
export function computeEducationExpense(inputs: EducationInputs, ctx: ComputeContext): EducationExpenseResult {
  const { deductions, ledger, ...rest } = computeEducationDeductions(inputs, ctx);
  return { ...rest, rows: [...deductions], ledger: [...ledger] };
}

/**
 * computeEducationExpense as `deduct` runs it, for a county's or a province's enterprises: one
 * enterprise at a time, its rows kept in columns; its explain trace only for `ctx.explain`.
 * With `release`, each enterprise's payroll and training entries are deleted from the inputs once
 * it is computed, so that the inputs shrink as the results grow (the caller gives up the maps).
 */
export function computeEducationDeductions(inputs: EducationInputs, ctx: ComputeContext, release = false): EducationDeductions {
  const { rules } = ctx;
  const quals = inputs.qualifications ?? new Map<string, QualificationSpan[]>();
  const ledger = inputs.ledger ?? [];
  const payroll = inputs.payroll;
  const education = inputs.training.education;
  /** The enterprise's years with data: wages and training summed per year (in that order of first appearance). */
  const yearsOf = (id: string): Map<number, YearData> => {
    const years = new Map<number, YearData>();
    for (const [y, w] of payroll.get(id) ?? []) {
      const d = emptyYear();
      d.wages = w.wages;
      d.wageRows = w.rows;
      years.set(y, d);
    }
    for (const [y, t] of education.get(id) ?? []) {
      let d = years.get(y);
      if (!d) years.set(y, (d = emptyYear()));
      d.book = t.book;
      d.incurred = t.incurred;
      d.educationRows = t.educationRows;
      d.fullBook = t.fullBook;
      d.fullIncurred = t.fullIncurred;
      d.fullRows = t.fullRows;
    }
    return years;
  };

  const allYears = new Set<number>();
  for (const source of [payroll, education]) for (const m of source.values()) for (const y of m.keys()) allYears.add(y);
  const { from, to } = resolveYears(ctx.range, allYears);
  const deductions = new DeductionStore();
  if (from === undefined || to === undefined) return { from, to, deductions, ledger: [...ledger], conflicts: [], dropped: [], hints: [] };
  for (const y of [from, to]) {
    if (!rules.at(RATE_KEY, `${y}-12-31`)) {
      const first = rules.firstFrom(RATE_KEY)?.slice(0, 4) ?? '?';
      throw new UsageError(t('deduct.yearUnsupported', { year: y, first }));
    }
  }

  const explainId = ctx.explain?.trim().toUpperCase();
  let trace: Trace | undefined;
  const hints: string[] = [];
  const generalRates = new Map<number, RateChoice>();
  const ids = new Set([...payroll.keys(), ...education.keys()]);
  for (const e of ledger) if (e.kind === 'education_expense') ids.add(e.enterprise_id);
  const done = carryforward(
    {
      kinds: ['education_expense'],
      ledger,
      ids,
      force: ctx.force,
      plan: (id, rows) => {
        const own = rows.get('education_expense') ?? [];
        const years = yearsOf(id);
        const plan = planEducation(own, [...years.keys()].sort((a, b) => a - b), from, to);
        const balance = own.find((e) => e.opening === undefined);
        const skipped = balance ? [...years.keys()].filter((y) => y >= from && y <= balance.period.year) : [];
        if (skipped.length) {
          hints.push(t('deduct.hint.skipped', { id, years: yearSpan(skipped), year: balance!.period.year, file: balance!.file, line: balance!.line }));
        }
        // A carry in of zero only because no ledger was given is the trap of a chain that silently
        // restarts: say so when the inputs show expense in earlier years.
        if (plan && plan.carry.ledgerYear === undefined) {
          const earlier = [...years].filter(([y, d]) => y < plan.start && (d.incurred !== 0 || d.fullIncurred !== 0)).map(([y]) => y);
          if (earlier.length) {
            hints.push(t('deduct.hint.noLedger', { id, years: yearSpan(earlier), start: plan.start, before: plan.start - 1 }));
          }
        }
        if (release && !plan) {
          payroll.delete(id);
          education.delete(id);
        }
        return plan && { ...plan, years };
      },
      fold: (id, plan) => {
        const tracer = id === explainId ? new Tracer(true) : NO_TRACE;
        const rows = computeEnterprise(rules, { enterpriseId: id, start: plan.start, end: to, years: plan.years, qualifications: quals.get(id) ?? [], carry: plan.carry }, tracer, generalRates);
        if (tracer.on) trace = explainTrace(id, tracer);
        if (release) {
          payroll.delete(id);
          education.delete(id);
        }
        return { result: rows, rows: educationLedgerRows(rows) };
      },
      advice: (conflicts) => {
        const set = new Set(conflicts.map((c) => c.enterprise_id));
        let last = 0;
        for (const e of ledger) if (e.kind === 'education_expense' && set.has(e.enterprise_id)) last = Math.max(last, e.period.year);
        return t('deduct.advice', { last });
      },
    },
    (rows) => deductions.add(rows),
  );
  return { from, to, deductions, ledger: done.ledger, conflicts: done.conflicts, dropped: done.dropped, hints, ...(trace ? { trace } : {}) };
}

function explainTrace(id: string, tracer: Tracer): Trace {
  return {
    subject: id,
    heading: [
      t('deduct.heading.title', { id }),
      t('deduct.heading.formulas'),
      t('deduct.heading.rounding'),
    ],
    sections: tracer.sections,
    reads: tracer.reads,
  };
}

// ── Report, summary, warnings ────────────────────────────────────────────────

export const DEDUCTION_COLUMNS: readonly ColumnDef[] = [
  { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
  { name: 'year', zh: '税款所属年度', type: 'int' },
  { name: 'wages', zh: '工资薪金支出税收金额', type: 'money' },
  { name: 'rate', zh: '税收规定扣除率', type: 'rate' },
  { name: 'cap', zh: '扣除限额', type: 'money' },
  { name: 'book', zh: '账载金额', type: 'money' },
  { name: 'incurred', zh: '实际发生额', type: 'money' },
  { name: 'carry_in', zh: '以前年度累计结转扣除额', type: 'money' },
  { name: 'deductible', zh: '税收金额', type: 'money' },
  { name: 'adjustment', zh: '纳税调整金额', type: 'money' },
  { name: 'carry_out', zh: '累计结转以后年度扣除额', type: 'money' },
  { name: 'full_book', zh: '全额扣除职工培训费用账载金额', type: 'money' },
  { name: 'full_incurred', zh: '全额扣除职工培训费用实际发生额', type: 'money' },
  { name: 'full_deductible', zh: '全额扣除职工培训费用税收金额', type: 'money' },
  { name: 'full_adjustment', zh: '全额扣除职工培训费用纳税调整金额', type: 'money' },
  { name: 'total_book', zh: '职工教育经费支出账载金额', type: 'money' },
  { name: 'total_deductible', zh: '职工教育经费支出税收金额', type: 'money' },
  { name: 'total_adjustment', zh: '职工教育经费支出纳税调整金额', type: 'money' },
  { name: 'notes', zh: '备注', type: 'text' },
];

export function notesText(notes: readonly EducationNote[]): string {
  return NOTE_ORDER.filter((n) => notes.includes(n)).join(';');
}

/** The text of each rate written (a few rates, a million rows). */
const RATE_TEXT = new WeakMap<Decimal, string>();
const rateText = (rate: Decimal): string => {
  let text = RATE_TEXT.get(rate);
  if (text === undefined) RATE_TEXT.set(rate, (text = formatRate(rate)));
  return text;
};

/** A row of deductions.csv as cells in DEDUCTION_COLUMNS order: amounts with two decimals. */
function deductionCells(r: DeductionRow): Cells {
  return [
    r.enterprise_id,
    r.year,
    formatFen(r.wages),
    rateText(r.rate),
    formatFen(r.cap),
    formatFen(r.book),
    formatFen(r.incurred),
    formatFen(r.carry_in),
    formatFen(r.deductible),
    formatFen(r.adjustment),
    formatFen(r.carry_out),
    formatFen(r.full_book),
    formatFen(r.full_incurred),
    formatFen(r.full_deductible),
    formatFen(r.full_adjustment),
    formatFen(r.total_book),
    formatFen(r.total_deductible),
    formatFen(r.total_adjustment),
    notesText(r.notes),
  ];
}

/** deductions.csv (CONTRACT §3), by enterprise and year (the store's order): each row made as it is written. */
export function deductionsTable(rows: DeductionStore): ReportTable {
  return {
    columns: DEDUCTION_COLUMNS,
    rows: {
      *[Symbol.iterator]() {
        for (let i = 0; i < rows.length; i++) yield deductionCells(rows.row(i));
      },
    },
  };
}

/** One line per row with notes, for standard error, by enterprise and year. */
export function warningLines(rows: DeductionStore): string[] {
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!rows.hasNotes(i)) continue;
    const r = rows.row(i);
    lines.push(`${r.enterprise_id} ${r.year}: ${notesText(r.notes)}`);
  }
  return lines;
}

/** The run summary's figures: enterprises, enterprise-years, row 4 deductible, carryforward left at the end. */
export function summarizeDeductions(result: EducationDeductions): SummaryItem[] {
  const n = result.deductions.totals();
  const span = result.from === undefined || result.to === undefined ? '' : result.from === result.to ? String(result.from) : `${result.from}-${result.to}`;
  return [
    // summary.csv holds `item` and `value` (never translated); `label` is the terminal's.
    { item: 'years', label: t('deduct.label.years'), value: span || '(no data)' },
    { item: 'enterprises', label: t('deduct.label.enterprises'), value: String(n.enterprises) },
    { item: 'rows', label: t('deduct.label.rows'), value: String(result.deductions.length) },
    { item: 'total_deductible', label: t('deduct.label.totalDeductible'), value: formatFen(n.totalDeductible) },
    { item: 'total_carry_forward', label: t('deduct.label.totalCarryForward'), value: formatFen(n.totalCarryForward) },
    { item: 'warnings', label: t('deduct.label.warnings'), value: String(n.warnings), warning: true },
  ];
}

export const educationExpense = defineCalculator<EducationDeductions>({
  name: 'education_expense',
  command: 'deduct',
  noun: t('deduct.noun'),
  summary: t('deduct.summary'),
  description: t('deduct.description'),
  examples: [
    'skilltax deduct --payroll payroll.csv --training training.csv --out deductions.csv',
    'skilltax deduct --payroll payroll.csv --training training.csv --qualifications qualifications.csv \\',
    '    --ledger ledger.csv --ledger-out ledger.csv --year 2024 --out deductions-2024.csv',
    'skilltax deduct --payroll payroll.csv --training training.csv --explain 913302827251836406',
    'skilltax deduct --payroll payroll.csv --training training.csv --header zh --bom --out 职工教育经费.csv',
    '',
    t('deduct.exitStatus'),
  ],
  inputs: [
    { kind: 'payroll', file: 'payroll.csv', flag: 'payroll', required: true, help: t('deduct.input.payroll') },
    { kind: 'training', file: 'training.csv', flag: 'training', required: true, help: t('deduct.input.training') },
    { kind: 'qualifications', file: 'qualifications.csv', flag: 'qualifications', required: false, help: t('deduct.input.qualifications') },
  ],
  range: 'years',
  rangeHelp: {
    year: t('deduct.range.year'),
    from: t('deduct.range.from'),
    to: t('deduct.range.to'),
  },
  ledger: { kind: 'education_expense', holds: t('deduct.ledgerHolds') },
  explain: {
    arg: 'enterprise_id',
    help: t('deduct.explain.help'),
    style: 'full',
    missing: (id) => t('deduct.explain.missing', { id }),
  },
  // The engine loaded the inputs for this computation alone: they are released as it goes.
  compute: (inputs, ctx) => computeEducationDeductions({ ...inputs, payroll: inputs.payroll!, training: inputs.training! }, ctx, true),
  reports: [{ name: 'deductions', flag: 'out', help: t('deduct.report.out'), table: (r) => deductionsTable(r.deductions) }],
  title: t('deduct.title'),
  summarize: summarizeDeductions,
  warnings: (r) => warningLines(r.deductions),
});
