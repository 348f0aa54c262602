/**
 * The deduct pipeline: files → aggregates (io) → per-enterprise plan (ledger) → fold (calc)
 * → merged ledger. Returns everything the CLI needs to write; writes nothing itself.
 */
import { computeEnterprise, emptyYear, RuleGapError, type DeductionRow, type QualificationSpan, type YearData, type YearTrace } from '../calc/education.js';
import { RefusedError, UsageError } from '../io/errors.js';
import { loadAll, loadLedger, loadPayroll, loadQualifications, loadTraining, type LoadOptions } from '../io/load.js';
import { describeConflict, mergeEducation, planEducation, type Conflict } from '../ledger/education.js';
import type { LedgerEntry } from '../ledger/ledger.js';
import type { Rules } from '../rules/index.js';

export interface DeductInputs {
  payroll: string;
  training: string;
  qualifications?: string;
  ledger?: string;
}

export interface YearRange {
  year?: number;
  from?: number;
  to?: number;
}

export interface DeductResult {
  from?: number;
  to?: number;
  rows: DeductionRow[];
  traces: Map<string, YearTrace[]>;
  /** the ledger to write: input rows with the computed years replaced */
  ledger: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
  /** things a person may want to know that are not notes (standard error, exit status unchanged) */
  hints: string[];
}

const RATE_KEY = 'eit.education_expense.rate';

export function resolveYears(range: YearRange, dataYears: Iterable<number>): { from?: number; to?: number } {
  if (range.year !== undefined) return { from: range.year, to: range.year };
  let min: number | undefined;
  let max: number | undefined;
  for (const y of dataYears) {
    if (min === undefined || y < min) min = y;
    if (max === undefined || y > max) max = y;
  }
  const from = range.from ?? (min !== undefined && range.to !== undefined && min > range.to ? range.to : min);
  const to = range.to ?? (range.from !== undefined && max !== undefined && max < range.from ? range.from : max);
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

function lastLedgerYear(ledger: readonly LedgerEntry[], ids: string[]): number {
  const set = new Set(ids);
  let last = 0;
  for (const e of ledger) if (e.kind === 'education_expense' && set.has(e.enterprise_id)) last = Math.max(last, e.period.year);
  return last;
}

export async function runDeduct(inputs: DeductInputs, range: YearRange, rules: Rules, o: LoadOptions, force: boolean): Promise<DeductResult> {
  // In the order of the command line, so problems are listed as the user named the files.
  const [payroll, training, quals, ledger] = await loadAll([
    () => loadPayroll(inputs.payroll, o),
    () => loadTraining(inputs.training, o),
    () => (inputs.qualifications ? loadQualifications(inputs.qualifications, o) : Promise.resolve(new Map<string, QualificationSpan[]>())),
    () => (inputs.ledger ? loadLedger(inputs.ledger, o) : Promise.resolve([] as LedgerEntry[])),
  ] as const);

  // Merge the aggregates into one YearData per enterprise and year.
  const data = new Map<string, Map<number, YearData>>();
  const at = (id: string, year: number): YearData => {
    let m = data.get(id);
    if (!m) data.set(id, (m = new Map()));
    let d = m.get(year);
    if (!d) m.set(year, (d = emptyYear()));
    return d;
  };
  for (const [id, years] of payroll) for (const [y, w] of years) Object.assign(at(id, y), { wages: w.wages, wageRows: w.rows });
  for (const [id, years] of training.education) for (const [y, t] of years) Object.assign(at(id, y), t);

  const allYears = new Set<number>();
  for (const m of data.values()) for (const y of m.keys()) allYears.add(y);
  const { from, to } = resolveYears(range, allYears);
  if (from === undefined || to === undefined) {
    return { from, to, rows: [], traces: new Map(), ledger: [...ledger], conflicts: [], dropped: [], hints: [] };
  }
  for (const y of [from, to]) {
    if (!rules.forYear(RATE_KEY, y)) {
      const first = rules.def(RATE_KEY).entries[0]?.from.slice(0, 4) ?? '?';
      throw new UsageError(
        `year ${y} is not supported: the employee education expense (职工教育经费) deduction is computed for ${first} and later (企业所得税法实施条例 第四十二条); choose --from ${first} or later`,
      );
    }
  }

  const ledgerByEnterprise = new Map<string, LedgerEntry[]>();
  for (const e of ledger) {
    if (e.kind !== 'education_expense') continue;
    const list = ledgerByEnterprise.get(e.enterprise_id) ?? [];
    list.push(e);
    ledgerByEnterprise.set(e.enterprise_id, list);
  }

  const ids = [...new Set([...data.keys(), ...ledgerByEnterprise.keys()])].sort();
  const rows: DeductionRow[] = [];
  const traces = new Map<string, YearTrace[]>();
  const computed = new Map<string, DeductionRow[]>();
  const hints: string[] = [];
  for (const id of ids) {
    const years = data.get(id) ?? new Map<number, YearData>();
    const plan = planEducation(ledgerByEnterprise.get(id) ?? [], [...years.keys()].sort((a, b) => a - b), from, to);
    const balance = ledgerByEnterprise.get(id)?.find((e) => e.opening === undefined);
    const skipped = balance ? [...years.keys()].filter((y) => y >= from && y <= balance.period.year) : [];
    if (skipped.length) {
      hints.push(
        `${id}: the inputs for ${Math.min(...skipped)}–${Math.max(...skipped)} are not computed: the ledger brings an opening balance for the end of ${balance!.period.year} (${balance!.file}:${balance!.line})`,
      );
    }
    if (!plan) continue;
    // A carry in of zero only because no ledger was given is the trap of a chain that silently
    // restarts: say so when the inputs show expense in earlier years.
    if (plan.carry.ledgerYear === undefined) {
      const earlier = [...years].filter(([y, d]) => y < plan.start && (d.incurred !== 0 || d.fullIncurred !== 0)).map(([y]) => y);
      if (earlier.length) {
        hints.push(
          `${id}: the inputs have education expense in ${Math.min(...earlier)}–${Math.max(...earlier)}, before the first computed year ${plan.start}, but no ledger row for ${plan.start - 1}: its carry in is 0.00 (pass --ledger, or compute from its first year)`,
        );
      }
    }
    try {
      const r = computeEnterprise(rules, {
        enterpriseId: id,
        start: plan.start,
        end: to,
        years,
        qualifications: quals.get(id) ?? [],
        carry: plan.carry,
      });
      rows.push(...r.rows);
      traces.set(id, r.trace);
      computed.set(id, r.rows);
    } catch (e) {
      if (e instanceof RuleGapError) throw new UsageError(e.message);
      throw e;
    }
  }

  const merged = mergeEducation(ledger, computed, force);
  if (merged.conflicts.length && !force) {
    throw new RefusedError(
      merged.conflicts.map(describeConflict).join('\n') +
        `\nnothing was written: recompute the later years too (--to ${lastLedgerYear(ledger, merged.conflicts.map((c) => c.enterprise_id))}), or pass --force to drop the ledger's later rows for ${merged.conflicts.length === 1 ? 'this enterprise' : 'these enterprises'}`,
    );
  }
  return { from, to, rows, traces, ledger: merged.entries, conflicts: merged.conflicts, dropped: merged.dropped, hints };
}
