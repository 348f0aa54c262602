/**
 * The seam every calculator goes through: a descriptor that declares, once, its command and
 * help, the input kinds it needs (with their canonical file names), its compute function, its
 * report tables, its part of the run summary, its warnings, its explain and its ledger kind.
 * `registry.ts` lists the descriptors; the CLI, `run`, `validate`, the run summary and the
 * golden-file lists iterate over it.
 */
import type { LedgerEntry, InputKind, InputTypes } from '../domain/records.js';
import type { ReportTable } from '../domain/table.js';
import type { Trace } from '../domain/trace.js';
import type { LedgerKind } from '../domain/vocabulary.js';
import type { Conflict } from '../ledger/ledger.js';
import type { Rules } from '../rules/index.js';

/** One input a calculator reads: its kind, its file name in a `run` folder, its flag. */
export interface InputSpec {
  kind: InputKind;
  /** the canonical file name (`payroll.csv`) */
  file: string;
  /** the command-line flag without dashes (`payroll`) */
  flag: string;
  required: boolean;
  help: string;
}

/**
 * The span asked for, as given on the command line (already checked for form): `year` a tax
 * year; `from`/`to` years (`YYYY`) or, for a calculator of filing periods, periods too.
 */
export interface RangeRequest {
  year?: number;
  from?: string;
  to?: string;
}

/**
 * Whether a year (YYYY) is in the span asked for: `year` alone, else `from`/`to` read as years,
 * each open when absent. For calculators that report the rows of the years asked for (awards,
 * exempt, the claims of subsidy); a range of periods is not a range of years.
 */
export function inYearRange(range: RangeRequest): (year: number) => boolean {
  const from = range.year ?? (range.from === undefined ? undefined : Number(range.from));
  const to = range.year ?? (range.to === undefined ? undefined : Number(range.to));
  return (y) => (from === undefined || y >= from) && (to === undefined || y <= to);
}

/** How the calculator's command takes its range: years, filing periods, the year of the claims, or none (match: its as-of date). */
export type RangeKind = 'years' | 'periods' | 'claim_year' | 'none';

export interface ComputeContext {
  rules: Rules;
  range: RangeRequest;
  /** --force: drop later ledger rows a recomputation contradicts */
  force: boolean;
  /** the subject of --explain as given (only its trace is recorded) */
  explain?: string;
  /** the input paths by flag, for messages */
  paths: Readonly<Record<string, string | undefined>>;
  /** the values of the calculator's own options (`options` of its descriptor) by flag: text, or true for a switch */
  options?: Readonly<Record<string, string | boolean | undefined>>;
}

/** What every calculator's result carries besides its own rows. */
export interface CalculatorResult {
  /** the ledger to write (calculators with a ledger kind), in ledger order: an array, or rows merged as they are read */
  ledger?: Iterable<LedgerEntry>;
  conflicts: readonly Conflict[];
  dropped: readonly LedgerEntry[];
  /** things a person may want to know that are not warnings (standard error, exit status unchanged) */
  hints: readonly string[];
  /** the trace of the --explain subject, when it was computed */
  trace?: Trace;
}

/** One report a calculator writes: `deductions` → deductions.csv, by `--out` (or its own flag). */
export interface ReportSpec<R> {
  /** file name without extension */
  name: string;
  /** the flag that writes it (`out` for the main report) */
  flag: string;
  help: string;
  table(result: R): ReportTable;
}

/** One line of summary.csv and of the terminal summary. */
export interface SummaryItem {
  item: string;
  label: string;
  value: string;
  /** a count of warnings: shown green at 0, yellow otherwise */
  warning?: boolean;
}

export interface Calculator<R extends CalculatorResult = CalculatorResult> {
  /** the calculator's one name (summary.csv `calculator`, the module's file name) */
  name: string;
  /** the command (CONTRACT: deduct, credit, subsidy) */
  command: string;
  /** what it is called in a sentence ("the 产教融合 credit"), and whether that is plural */
  noun: string;
  nounPlural?: boolean;
  summary: string;
  description: string;
  /** help examples, then a blank line and the exit statuses */
  examples: readonly string[];
  inputs: readonly InputSpec[];
  range: RangeKind;
  /** range option help: [--year, --from, --to] (those the command has; none for range 'none') */
  rangeHelp?: { year: string; from?: string; to?: string };
  /** the ledger kind it carries forward, and what the ledger holds for --ledger's help */
  ledger?: { kind: LedgerKind; holds: string };
  /** options of its own (match: --as-of, --include-expired): a flag with an argument, or a switch */
  options?: readonly { flag: string; arg?: string; help: string }[];
  /** --explain: the argument's name and help, and the message when the subject was not computed */
  explain: { arg: string; help: string; style: 'full' | 'source'; missing(id: string, paths: Readonly<Record<string, string | undefined>>): string };
  /** run the calculator on loaded inputs (a required input is always present) */
  compute(inputs: Partial<InputTypes>, ctx: ComputeContext): R;
  reports: readonly ReportSpec<R>[];
  /** the run summary: its title and items */
  title: string;
  summarize(result: R): SummaryItem[];
  /** lines that make the exit status 1 (repeated on standard error as `warning: …`) */
  warnings(result: R): string[];
  /** a one-line account for standard error after the command (not with --quiet) */
  afterword?(result: R): string;
}

/** Types a descriptor with its own result type for the registry. */
export function defineCalculator<R extends CalculatorResult>(c: Calculator<R>): Calculator {
  return c as unknown as Calculator;
}
