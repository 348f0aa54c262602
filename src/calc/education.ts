/**
 * Employee education expense (职工教育经费) on form A105050 rows 4–6 (RULES §1). Pure: typed
 * inputs in, rows and an explain trace out; no I/O, no clock.
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
import { addFen, formatFen, formatRate, mulRate, type Fen } from '../io/money.js';
import type { Qualification } from '../io/kinds.js';
import type { InForce, Rules } from '../rules/index.js';

export type EducationNote = 'full_training_unqualified' | 'ledger_gap' | 'no_wages';

export interface YearData {
  wages: Fen;
  wageRows: number;
  book: Fen;
  incurred: Fen;
  educationRows: number;
  fullBook: Fen;
  fullIncurred: Fen;
  fullRows: number;
}

export const emptyYear = (): YearData => ({
  wages: 0,
  wageRows: 0,
  book: 0,
  incurred: 0,
  educationRows: 0,
  fullBook: 0,
  fullIncurred: 0,
  fullRows: 0,
});

export interface QualificationSpan {
  qualification: Qualification;
  valid_from: string;
  valid_to?: string;
}

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

export interface TraceStep {
  /** what the figure is, with its form name */
  label: string;
  value: string;
  /** the formula with the figures put in */
  how?: string;
  /** legal source or input it comes from */
  source?: string;
}

export interface YearTrace {
  year: number;
  steps: TraceStep[];
}

export interface EnterpriseResult {
  rows: DeductionRow[];
  trace: YearTrace[];
}

export class RuleGapError extends Error {}

const RATE_KEY = 'eit.education_expense.rate';
const SPECIAL_RATES: { qualification: Qualification; key: string; label: string }[] = [
  { qualification: 'high_tech', key: 'eit.education_expense.high_tech_rate', label: '高新技术企业' },
  { qualification: 'advanced_tech_service', key: 'eit.education_expense.advanced_tech_service_rate', label: '技术先进型服务企业' },
];
const FULL_DEDUCTION: { qualification: Qualification; label: string }[] = [
  { qualification: 'software_ic', label: '软件和集成电路企业' },
  { qualification: 'animation', label: '动漫企业' },
  { qualification: 'nuclear_power', label: '核电企业' },
  { qualification: 'airline', label: '航空企业' },
];

/** A qualification counts for a tax year when its validity overlaps any day of that year (RULES §1.1). */
export function qualifiedInYear(spans: readonly QualificationSpan[], q: Qualification, year: number): QualificationSpan | undefined {
  return spans.find(
    (s) => s.qualification === q && s.valid_from <= `${year}-12-31` && (s.valid_to === undefined || s.valid_to >= `${year}-01-01`),
  );
}

/** The qualification span covering a day, if any. */
export function qualifiedOn(spans: readonly QualificationSpan[], q: Qualification, date: string): QualificationSpan | undefined {
  return spans.find((s) => s.qualification === q && s.valid_from <= date && (s.valid_to === undefined || s.valid_to >= date));
}

const cite = (e: InForce): string => `${e.source}; ${e.key} [${e.status}]`;
const span = (s: QualificationSpan): string => `${s.qualification} ${s.valid_from}…${s.valid_to ?? ''}`;

/** The rate for an enterprise-year: the general series, or a qualification's higher rate. */
export function rateFor(rules: Rules, spans: readonly QualificationSpan[], year: number): { rate: Decimal; entry: InForce; why: string } {
  const general = rules.rateForYear(RATE_KEY, year);
  if (!general) {
    const first = rules.def(RATE_KEY).entries[0]?.from.slice(0, 4);
    throw new RuleGapError(
      `no employee education expense rate is in force for ${year}: the deduction is computed from ${first ?? 'the first year of the rate series'} on (企业所得税法实施条例 第四十二条)`,
    );
  }
  let best = { rate: general.rate, entry: general.entry, why: 'general rate' };
  for (const s of SPECIAL_RATES) {
    const q = qualifiedInYear(spans, s.qualification, year);
    if (!q) continue;
    const special = rules.rateForYear(s.key, year);
    if (special && special.rate.gt(best.rate)) best = { rate: special.rate, entry: special.entry, why: `${s.label} (qualifications: ${span(q)})` };
  }
  return best;
}

function fullDeductionFor(rules: Rules, spans: readonly QualificationSpan[], year: number) {
  for (const f of FULL_DEDUCTION) {
    const q = qualifiedInYear(spans, f.qualification, year);
    if (!q) continue;
    const flag = rules.forYear(`eit.education_expense.full_deduction.${f.qualification}`, year);
    if (flag?.value === 'yes') return { ...f, span: q, entry: flag };
  }
  return undefined;
}

function whyNoFullDeduction(spans: readonly QualificationSpan[], year: number): string {
  const held = FULL_DEDUCTION.find((f) => qualifiedInYear(spans, f.qualification, year));
  return held
    ? `the ${held.qualification} full deduction is not in force in ${year} (eit.education_expense.full_deduction.${held.qualification})`
    : `no software_ic, animation, nuclear_power or airline qualification in ${year}`;
}

/** Folds one enterprise's years in order, each year's carry out becoming the next one's carry in. */
export function computeEnterprise(rules: Rules, input: EnterpriseInput): EnterpriseResult {
  const rows: DeductionRow[] = [];
  const trace: YearTrace[] = [];
  let carryIn = input.carry.fen;
  for (let year = input.start; year <= input.end; year++) {
    const d = input.years.get(year) ?? emptyYear();
    const steps: TraceStep[] = [];
    const notes: EducationNote[] = [];
    const step = (label: string, value: Fen | string, how?: string, source?: string) =>
      steps.push({ label, value: typeof value === 'number' ? formatFen(value) : value, how, source });

    step('wages (工资薪金总额, A105050 row 1 col 5)', d.wages, `sum of ${d.wageRows} payroll row${d.wageRows === 1 ? '' : 's'}`, '国税函〔2009〕3号');
    const r = rateFor(rules, input.qualifications, year);
    step('rate (税收规定扣除率)', formatRate(r.rate), r.why, cite(r.entry));

    let book = d.book;
    let incurred = d.incurred;
    let fullBook = 0;
    let fullIncurred = 0;
    const full = fullDeductionFor(rules, input.qualifications, year);
    if (d.fullRows > 0 || d.fullBook !== 0 || d.fullIncurred !== 0) {
      if (full) {
        fullBook = d.fullBook;
        fullIncurred = d.fullIncurred;
      } else {
        book = addFen(book, d.fullBook);
        incurred = addFen(incurred, d.fullIncurred);
        notes.push('full_training_unqualified');
        step(
          'full_training without a qualification',
          'full_training_unqualified',
          `${d.fullRows} full_training rows (book ${formatFen(d.fullBook)}, incurred ${formatFen(d.fullIncurred)}) treated as ordinary education expense (row 5): ${whyNoFullDeduction(input.qualifications, year)}`,
          'RULES §1.3',
        );
      }
    }

    const cap = mulRate(d.wages, r.rate);
    step('cap (扣除限额)', cap, `round(${formatFen(d.wages)} × ${formatRate(r.rate)})`);
    step('book (账载金额, col 1)', book, `${d.educationRows} education row${d.educationRows === 1 ? '' : 's'}${notes.includes('full_training_unqualified') ? ' + unqualified full_training' : ''}`);
    step('incurred (实际发生额, col 2)', incurred);
    if (year === input.start) {
      if (input.carry.ledgerYear !== undefined) {
        const where = input.carry.fromOpening ? `ledger opening of ${input.carry.ledgerYear} (no earlier row)` : `ledger closing of ${input.carry.ledgerYear}`;
        step('carry in (以前年度累计结转扣除额, col 4)', carryIn, undefined, where);
      } else {
        step('carry in (以前年度累计结转扣除额, col 4)', carryIn, undefined, 'no earlier ledger row: first year');
      }
      if (input.carry.gap) {
        notes.push('ledger_gap');
        step(
          'ledger gap',
          'ledger_gap',
          `the ledger has no row for ${year - 1}; its latest earlier row (${input.carry.ledgerYear}) was carried in`,
        );
      }
    } else {
      step('carry in (以前年度累计结转扣除额, col 4)', carryIn, undefined, `carry out of ${year - 1}`);
    }
    const available = addFen(incurred, carryIn);
    const deductible = Math.min(cap, available);
    step('deductible (税收金额, col 5)', deductible, `min(cap ${formatFen(cap)}, incurred ${formatFen(incurred)} + carry in ${formatFen(carryIn)})`, 'A105050 填报说明');
    const adjustment = book - deductible;
    step('adjustment (纳税调整金额, col 6)', adjustment, `book ${formatFen(book)} − deductible ${formatFen(deductible)}`);
    const carryOut = available - deductible;
    step('carry out (累计结转以后年度扣除额, col 7)', carryOut, `incurred ${formatFen(incurred)} + carry in ${formatFen(carryIn)} − deductible ${formatFen(deductible)}`);

    if (full && (fullBook !== 0 || fullIncurred !== 0 || d.fullRows > 0)) {
      step(
        'row 6 full deduction (按税收规定全额扣除的职工培训费用)',
        fullIncurred,
        `incurred ${formatFen(fullIncurred)}, deducted in full; adjustment = book ${formatFen(fullBook)} − incurred = ${formatFen(fullBook - fullIncurred)}; ${full.label} (qualifications: ${span(full.span)})`,
        cite(full.entry),
      );
    }
    const fullDeductible = fullIncurred;
    const fullAdjustment = fullBook - fullIncurred;
    const totalBook = book + fullBook;
    const totalDeductible = deductible + fullDeductible;
    const totalAdjustment = adjustment + fullAdjustment;
    step('row 4 total deductible (职工教育经费支出 税收金额)', totalDeductible, `row 5 ${formatFen(deductible)} + row 6 ${formatFen(fullDeductible)}`);
    step('row 4 total adjustment', totalAdjustment, `row 5 ${formatFen(adjustment)} + row 6 ${formatFen(fullAdjustment)}`);

    if (d.wages === 0 && (book !== 0 || incurred !== 0 || carryIn !== 0 || fullBook !== 0 || fullIncurred !== 0)) {
      notes.push('no_wages');
      step('no wages', 'no_wages', 'expense or carryforward in a year without wages: the cap is 0.00');
    }

    rows.push({
      enterprise_id: input.enterpriseId,
      year,
      wages: d.wages,
      rate: r.rate,
      cap,
      book,
      incurred,
      carry_in: carryIn,
      deductible,
      adjustment,
      carry_out: carryOut,
      full_book: fullBook,
      full_incurred: fullIncurred,
      full_deductible: fullDeductible,
      full_adjustment: fullAdjustment,
      total_book: totalBook,
      total_deductible: totalDeductible,
      total_adjustment: totalAdjustment,
      notes,
    });
    trace.push({ year, steps });
    carryIn = carryOut;
  }
  return { rows, trace };
}
