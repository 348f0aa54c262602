/**
 * What a `skilltax run` knows when it has computed, as the run's own outputs take it:
 * summary.json, report.html and reform.csv are made from one `RunData`. `cli/run.ts` builds it;
 * `report/facts.ts` sums the reports into facts (calculator, measure, town, year); the renderers
 * read only this.
 */
import type { LedgerEntry } from '../domain/records.js';
import type { ReportTable } from '../domain/table.js';
import type { Status } from '../domain/trace.js';
import type { Lang } from '../i18n/index.js';
import type { SummarySection } from './summary.js';

/** One enterprise of enterprises.csv (CONTRACT §2): its name, town (镇街道) and industry ('' when not given). */
export interface EnterpriseInfo {
  name: string;
  town: string;
  industry: string;
}

/** One input file the run read: its name in DIR, its kind, its data rows (null for a workbook), the sha256 of its bytes (hex). */
export interface InputRead {
  file: string;
  kind: string;
  rows: number | null;
  sha256: string;
}

/** A parameter in force for the run (`skilltax rules`), and whether a rules file replaced its built-in series. */
export interface ParamInForce {
  key: string;
  value: string;
  /** the date it was looked up on (YYYY-MM-DD): the last day of the run's last year */
  on: string;
  source: string;
  status: Status;
  /** `built-in`, or the rules file that replaced the series */
  origin: string;
}

/**
 * One summed figure: a measure of a calculator for one town and one year. `town` is the town of
 * the row's enterprise in enterprises.csv ('' when unknown or without an enterprise); `*` in
 * `town` or `year` is the sum over all of them. `unit`: `fen` for amounts (integer fen), `count`
 * for numbers of rows.
 */
export interface Fact {
  calculator: string;
  measure: string;
  town: string;
  year: string;
  unit: 'fen' | 'count';
  value: number;
}

/** A subject's year-end balance among the largest of its year. */
export interface LargestBalance {
  calculator: string;
  measure: string;
  year: string;
  id: string;
  town: string;
  value: number;
}

/** One subject (an enterprise or a person) and a measure's value for it, for "most affected" and "largest balances" lists. */
export interface SubjectFigure {
  calculator: string;
  measure: string;
  /** `enterprise` (统一社会信用代码) or `person` (身份证号: mask it wherever a terminal or log shows it) */
  kind: 'enterprise' | 'person';
  id: string;
  name: string;
  town: string;
  unit: 'fen' | 'count';
  baseline: number;
  reform: number;
}

/** A report of the run, as written: tables with `name` and `town` at the end when enterprises.csv was present. */
export interface RunReport {
  calculator: string;
  /** file name without extension (`deductions`) */
  name: string;
  table: ReportTable;
}

/** The what-if of `--reform FILE`: the same inputs under the reform's parameters. */
export interface ReformData {
  /** the reform rules file as given */
  file: string;
  /** the entries of the series the reform file replaced whose value differs from the baseline's on their first day (`on`) */
  params: readonly ParamInForce[];
  /** the baseline's entry in force on each of those days, index for index ('' value: none in force) */
  baselineParams: readonly ParamInForce[];
  /** reform.csv: every (calculator, measure, town, year) of either side, with the `*` sums */
  rows: readonly { calculator: string; measure: string; town: string; year: string; unit: 'fen' | 'count'; baseline: number; reform: number }[];
  /** the subjects whose figures changed most, largest absolute difference first (at most 10 per calculator and measure) */
  affected: readonly SubjectFigure[];
  /** the reform's own reports, for the page's detail (never written as files) */
  reports: readonly RunReport[];
}

export interface RunData {
  lang: Lang;
  /** the input folder as given on the command line */
  dir: string;
  /** the years the run computed (first, last) */
  years: { from?: number; to?: number };
  sections: readonly SummarySection[];
  /** warnings (exit 1) and notes, as printed */
  warnings: readonly string[];
  notes: readonly string[];
  /** notes and reasons codes of the reports, counted: calculator → code → rows */
  codes: Readonly<Record<string, Readonly<Record<string, number>>>>;
  reports: readonly RunReport[];
  /** the ledger written, without its education_expense rows (the pools the page charts) */
  ledger: readonly LedgerEntry[];
  /** enterprises.csv, when present */
  enterprises?: ReadonlyMap<string, EnterpriseInfo>;
  /** ids in the reports that enterprises.csv lacks (when it is present) */
  unknownEnterprises: readonly string[];
  facts: readonly Fact[];
  /** the largest year-end balances (carry_out) per year, 10 each (facts.ts `sumFacts`) */
  largest: readonly LargestBalance[];
  /** the parameters in force; `origin` tells which a rules file replaced */
  params: readonly ParamInForce[];
  inputs: readonly InputRead[];
  /** the files the run writes (names in OUTDIR) */
  outputs: readonly string[];
  reform?: ReformData;
}
