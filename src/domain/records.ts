/**
 * The input records the calculators consume, as the input layer (`io`) delivers them: validated,
 * amounts in integer fen, dates as ISO days, each with the line it came from where a message may
 * need it. `io` builds these from its schemas; a calculator never reads a file.
 */
import type { Fen } from './money.js';
import type { Period } from './periods.js';
import type { QualificationSpan } from './qualifications.js';
import type { AwardProgram, CertificateType, Group, LedgerKind, Program, PropertyTax, PropertyUse, Rating, Route, SchoolType, Unit } from './vocabulary.js';

/**
 * enterprise → year → value, in the order first added: what the calculators read of the payroll
 * and training sums. A Map of Maps is one (tests build them so); the loaders give a YearSums
 * (year-sums.ts), which keeps the sums in columns and makes each enterprise's Map when asked.
 */
export interface ByEnterpriseYear<T> extends Iterable<[string, ReadonlyMap<number, T>]> {
  readonly size: number;
  get(id: string): ReadonlyMap<number, T> | undefined;
  has(id: string): boolean;
  keys(): Iterable<string>;
  values(): Iterable<ReadonlyMap<number, T>>;
  /** drops an enterprise once computed (the calculator releases what it has done with) */
  delete(id: string): boolean;
}

/** One enterprise-year of education expense (职工教育经费) inputs, in fen. */
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

/** Payroll summed per enterprise and year. */
export interface WageTotal {
  wages: Fen;
  rows: number;
  /** first line of a whole-year row and of a monthly row, to refuse counting a year twice */
  yearLine?: number;
  monthLine?: number;
}

/** The training rows of one enterprise-year, summed by category (`education`, `full_training`). */
export type TrainingTotal = Omit<YearData, 'wages' | 'wageRows'>;

/** One 产教融合 investment (training.csv `pcie_investment`). */
export interface Investment {
  date: string;
  /** actually spent (incurred, else the book amount); negative for a withdrawal */
  fen: Fen;
  line: number;
}

/** training.csv as the calculators use it. */
export interface TrainingInput {
  education: ByEnterpriseYear<TrainingTotal>;
  /** 产教融合 investments by enterprise, in file order */
  pcie: Map<string, Investment[]>;
}

/** The figures of one surcharge return (surcharges.csv), in fen. */
export interface SurchargeFigures {
  vat: Fen;
  vat_exempt_offset: Fen;
  refund_deduction: Fen;
  consumption_tax: Fen;
  /** undefined when the return gives no sales: the exemption test does not apply */
  sales?: Fen;
  paid_edu: Fen;
  paid_local: Fen;
}

export interface SurchargeReturn extends SurchargeFigures {
  period: Period;
  line: number;
}

/** One claim of trainees.csv. */
export interface Claim {
  claim_id: string;
  /** as given (upper-cased): its validity is decided, not parsed */
  person_id: string;
  program: Program;
  group: Group;
  claim_date: string;
  name?: string;
  enterprise_id?: string;
  occupation?: string;
  level?: number;
  certificate_type?: CertificateType;
  certificate_no?: string;
  certificate_date?: string;
  route?: Route;
  insured_months?: number;
  contract_months?: number;
  months?: number;
  /** the training provider (培训机构) that trained the person (issue #15) */
  provider_id?: string;
  line: number;
}

/** One row of catalog.csv: `*` stands for any occupation or level. */
export interface CatalogEntry {
  program: Program;
  occupation: string;
  level: number | '*';
  amount: Fen;
  unit: Unit;
  valid_from: string;
  valid_to?: string;
  shortage?: boolean;
  /** urgently needed (the 2025 skill_upgrade extra allowance) */
  urgent?: boolean;
  /** the row applies to claims with this certificate type only (`none`: without a certificate) */
  certificate_type?: CertificateType;
  /** the occupation's own age limits: they replace the general working-age test */
  min_age?: number;
  max_age_male?: number;
  max_age_female?: number;
  source?: string;
  line: number;
}

/** One subsidy paid before (history.csv). */
export interface HistoryEntry {
  person_id: string;
  program: Program;
  paid_date: string;
  amount: Fen;
  occupation?: string;
  level?: number;
  certificate_no?: string;
  /** the months an apprenticeship or work_based payment covered */
  months?: number;
  line: number;
}

/** One row of the carryforward ledger (ledger.csv), amounts in fen. */
export interface LedgerEntry {
  enterprise_id: string;
  kind: LedgerKind;
  period: Period;
  opening?: Fen;
  added?: Fen;
  used?: Fen;
  closing: Fen;
  /** where it was read from, for messages; absent for computed rows */
  file?: string;
  line?: number;
}

/** One row of declared.csv or declared-credits.csv (reconcile): its key, its amounts in fen by column, the parsed row. */
export interface Declaration {
  key: string;
  line: number;
  values: ReadonlyMap<string, Fen>;
  row: Record<string, unknown>;
}

/**
 * One row of awards.csv (RULES §5, CONTRACT §2). `recipient_id` is kept as given: whether it is a
 * valid 身份证号 or 统一社会信用代码 for the program is decided, not parsed. `level` is canonical when
 * it was recognised (`city` … `national` for a studio, `1`–`5` for a skill level) and the text as
 * given otherwise (the calculator decides `unknown_level`).
 */
export interface Award {
  award_id: string;
  program: AwardProgram;
  recipient_id: string;
  year: number;
  enterprise_id?: string;
  level?: string;
  rating?: Rating;
  rank?: number;
  count?: number;
  prior_count?: number;
  /** the competition (技能之星); unnamed, the row's year */
  event?: string;
  award_date?: string;
  line: number;
}

/** One award paid before (award-history.csv): the once-only rules hold across runs. */
export interface AwardHistoryEntry {
  award_id: string;
  program: AwardProgram;
  recipient_id: string;
  year: number;
  level?: string;
  amount?: Fen;
  event?: string;
  line: number;
}

/**
 * One row of properties.csv (RULES §3, CONTRACT §2, §7): an asset under one of the four taxes, in
 * one year (a yearly tax) or on its date (a one-off tax). `deduction_ratio`, `rate` and `area_m2`
 * are canonical decimal text ("0.3", "1200.5"); amounts are fen. Which figures each tax needs is
 * checked by the loader.
 */
export interface Property {
  asset_id: string;
  enterprise_id: string;
  tax: PropertyTax;
  school_type: SchoolType;
  use: PropertyUse;
  year?: number;
  original_value?: Fen;
  deduction_ratio?: string;
  rent?: Fen;
  area_m2?: string;
  unit_tax?: Fen;
  basic_farmland?: boolean;
  separate_land?: boolean;
  price?: Fen;
  rate?: string;
  date?: string;
  months?: number;
  line: number;
}

/** One certificate of certificates.csv (the certificate registry's export, CONTRACT §2; issue #15). */
export interface Certificate {
  /** as given (upper-cased) */
  person_id: string;
  certificate_no: string;
  certificate_type: CertificateType;
  occupation: string;
  /** 5 = 初级工 … 1 = 高级技师 */
  level: number;
  certificate_date: string;
  route?: Route;
  name?: string;
  provider_id?: string;
  training_start?: string;
  training_end?: string;
  line: number;
}

/**
 * How insured months are counted (parameter `subsidy.insured_months.rule`): `cumulative`, every
 * distinct month paid, in any enterprise (累计); `consecutive`, the latest unbroken run of months.
 */
export type InsuredMonthsRule = 'cumulative' | 'consecutive';

/**
 * Unemployment-insurance months per person (insurance.csv: one row per month paid), aggregated
 * as they are read (domain/insured-months.ts). A month paid twice (two enterprises, or the same
 * row twice) counts once. The loader cannot read the rules, so the counting rule is an argument
 * of `monthsBy`: the caller reads `subsidy.insured_months.rule` on its deciding date.
 */
export interface InsuredMonths {
  /**
   * The months paid up to and including the month of `date` (YYYY-MM-DD; any day of a month
   * counts that month), by `rule`: `cumulative` counts them all; `consecutive` counts the latest
   * unbroken run of them, whether or not it reaches the month of `date`. 0 for a person with none.
   */
  monthsBy(person: string, date: string, rule: InsuredMonthsRule): number;
  /**
   * The enterprise paying in the month of `date`, else in the latest month paid before it;
   * undefined when none. When two enterprises paid the same month, the one first in byText
   * order of their 统一社会信用代码 (so the answer never depends on the rows' order).
   */
  employerOn(person: string, date: string): string | undefined;
  /** the persons with at least one month */
  persons(): number;
}

/** One training provider of providers.csv (培训机构, with its 备案 validity). */
export interface Provider {
  provider_id: string;
  name: string;
  filed_from: string;
  /** empty: still filed */
  filed_to?: string;
  /** 1–5 stars */
  star?: number;
  review_year?: number;
  review_result?: string;
  line: number;
}

/** One allocation of fund.csv (the skills fund 专账): `program` `*` = every program. */
export interface FundAllocation {
  year: number;
  program: Program | '*';
  allocated: Fen;
  source?: string;
  line: number;
}

/** What each input kind loads into (CONTRACT §2). */
export interface InputTypes {
  payroll: ByEnterpriseYear<WageTotal>;
  training: TrainingInput;
  qualifications: Map<string, QualificationSpan[]>;
  /** read from ledger.csv (an array), or the ledger a calculator before left in `run` (merged as it is read) */
  ledger: Iterable<LedgerEntry>;
  surcharges: Map<string, SurchargeReturn[]>;
  trainees: Claim[];
  catalog: CatalogEntry[];
  history: HistoryEntry[];
  awards: Award[];
  award_history: AwardHistoryEntry[];
  properties: Property[];
  certificates: Certificate[];
  insurance: InsuredMonths;
  providers: Provider[];
  fund: FundAllocation[];
}
export type InputKind = keyof InputTypes;
