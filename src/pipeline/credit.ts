/**
 * The credit pipeline: surcharge returns and 产教融合 investments → periods per enterprise →
 * pool carried in from the ledger → computeCredit → merged ledger. Writes nothing.
 */
import { computeCredit, type FeeRow, type PeriodInput, type PeriodTrace, type PoolRow } from '../calc/credit.js';
import { RuleGapError, type QualificationSpan } from '../calc/education.js';
import { RefusedError, UsageError } from '../io/errors.js';
import { loadAll, loadLedger, loadQualifications, loadSurcharges, loadTraining, type Investment, type LoadOptions, type SurchargeReturn } from '../io/load.js';
import { parseAnyPeriod, periodEnd, periodStart, ValueProblem, type Period } from '../io/values.js';
import { carryBefore, describeConflict, mergeLedger, type Conflict, type LedgerEntry } from '../ledger/ledger.js';
import type { Rules } from '../rules/index.js';

export interface CreditInputs {
  surcharges: string;
  training?: string;
  qualifications?: string;
  /** a ledger file, or entries already loaded (by `run`, after the deduction merged its rows) */
  ledger?: string | LedgerEntry[];
}

export interface PeriodRange {
  year?: number;
  from?: string;
  to?: string;
}

export interface CreditResult {
  from?: string;
  to?: string;
  rows: FeeRow[];
  pool: PoolRow[];
  traces: Map<string, PeriodTrace[]>;
  ledger: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
  hints: string[];
}

function rangePeriod(flag: string, raw: string): Period {
  try {
    return parseAnyPeriod(raw.trim());
  } catch (e) {
    if (e instanceof ValueProblem) throw new UsageError(`${flag} takes a period YYYY-MM, YYYY-Qn or a year YYYY (got "${raw}")`);
    throw e;
  }
}

/** The date span to compute, from --year or --from/--to, else the inputs' first and last period. A
 * period is in the span when its last day is. */
export function resolvePeriods(range: PeriodRange, periods: Iterable<Period>): { from?: string; to?: string } {
  if (range.year !== undefined) return { from: `${range.year}-01-01`, to: `${range.year}-12-31` };
  let min: string | undefined;
  let max: string | undefined;
  for (const p of periods) {
    if (min === undefined || periodStart(p) < min) min = periodStart(p);
    if (max === undefined || periodEnd(p) > max) max = periodEnd(p);
  }
  const from = range.from !== undefined ? periodStart(rangePeriod('--from', range.from)) : min;
  const to = range.to !== undefined ? periodEnd(rangePeriod('--to', range.to)) : max;
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${range.from ?? from} is after --to ${range.to ?? to}`);
  return { from, to };
}

function periodOfDate(date: string, kind: 'month' | 'quarter'): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (kind === 'month') return { kind, year, n: month, text: date.slice(0, 7) };
  const n = Math.ceil(month / 3);
  return { kind, year, n, text: `${year}-Q${n}` };
}

/** The filing period an investment falls in: the return that contains its date, else the filing frequency around it. */
export function investmentPeriod(date: string, returns: readonly SurchargeReturn[]): Period {
  const within = returns.find((r) => periodStart(r.period) <= date && date <= periodEnd(r.period));
  if (within) return within.period;
  let before: SurchargeReturn | undefined;
  for (const r of returns) if (periodStart(r.period) <= date) before = r;
  const kind = (before ?? returns[0])?.period.kind;
  const quarter = periodOfDate(date, 'quarter');
  // A quarter that would overlap a return (a monthly filer since) is never made: the month is.
  const clash = returns.some((r) => periodStart(r.period) <= periodEnd(quarter) && periodStart(quarter) <= periodEnd(r.period));
  return kind === 'quarter' && !clash ? quarter : periodOfDate(date, 'month');
}

export async function runCredit(inputs: CreditInputs, range: PeriodRange, rules: Rules, o: LoadOptions, force: boolean): Promise<CreditResult> {
  const [returns, training, quals, ledger] = await loadAll([
    () => loadSurcharges(inputs.surcharges, o),
    () => (inputs.training ? loadTraining(inputs.training, o) : Promise.resolve(undefined)),
    () => (inputs.qualifications ? loadQualifications(inputs.qualifications, o) : Promise.resolve(new Map<string, QualificationSpan[]>())),
    () =>
      Array.isArray(inputs.ledger)
        ? Promise.resolve(inputs.ledger)
        : inputs.ledger
          ? loadLedger(inputs.ledger, o)
          : Promise.resolve([] as LedgerEntry[]),
  ] as const);
  const investments = training?.pcie ?? new Map<string, Investment[]>();

  // Every period with a return or an investment, per enterprise.
  const periods = new Map<string, Map<string, PeriodInput & { start: string }>>();
  const slot = (id: string, p: Period) => {
    let m = periods.get(id);
    if (!m) periods.set(id, (m = new Map()));
    let v = m.get(p.text);
    if (!v) m.set(p.text, (v = { period: p, investment: 0, investmentRows: 0, start: periodStart(p) }));
    return v;
  };
  for (const [id, list] of returns) for (const r of list) slot(id, r.period).surcharge = r;
  for (const [id, list] of investments) {
    const own = returns.get(id) ?? [];
    for (const inv of list) {
      const v = slot(id, investmentPeriod(inv.date, own));
      v.investment += inv.fen;
      v.investmentRows++;
    }
  }
  const all: Period[] = [];
  for (const m of periods.values()) for (const v of m.values()) all.push(v.period);
  const { from, to } = resolvePeriods(range, all);

  const pcieRows = new Map<string, LedgerEntry[]>();
  for (const e of ledger) {
    if (e.kind !== 'pcie_credit') continue;
    const list = pcieRows.get(e.enterprise_id) ?? [];
    list.push(e);
    pcieRows.set(e.enterprise_id, list);
  }

  const rows: FeeRow[] = [];
  const pool: PoolRow[] = [];
  const traces = new Map<string, PeriodTrace[]>();
  const computed = new Map<string, LedgerEntry[]>();
  const hints: string[] = [];
  if (from !== undefined && to !== undefined) {
    for (const id of [...periods.keys()].sort()) {
      const own = pcieRows.get(id) ?? [];
      // An opening balance (closing alone) is the pool at the end of its period: compute after it.
      const balance = own.find((e) => e.opening === undefined);
      const floor = balance ? periodEnd(balance.period) : '';
      // A period belongs to the range its last day falls in: a quarterly return is computed in
      // the month-by-month run of the quarter's last month.
      const inRange = [...periods.get(id)!.values()]
        .filter((v) => periodEnd(v.period) >= from && periodEnd(v.period) <= to)
        .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      const skipped = inRange.filter((v) => v.start <= floor);
      if (skipped.length) {
        hints.push(
          `${id}: periods ${skipped[0]!.period.text}–${skipped[skipped.length - 1]!.period.text} are not computed: the ledger brings an opening balance for ${balance!.period.text} (${balance!.file}:${balance!.line})`,
        );
      }
      const list = inRange.filter((v) => v.start > floor);
      if (list.length === 0) continue;
      const c = carryBefore(own, list[0]!.period);
      // The pool does not move in a period without a return or an investment. When the inputs
      // reach back to the ledger's row, they show whether the hole between had such a period: a
      // gap only if it did (so period-by-period runs equal one run). When they start later, the
      // hole cannot be seen: a gap, as for the education ledger.
      if (c.gap && c.period) {
        const after = periodEnd(c.period);
        const firstStart = list[0]!.start;
        const own = [...periods.get(id)!.values()];
        const inputsReachBack = own.some((v) => v.start <= after);
        if (inputsReachBack) c.gap = own.some((v) => v.start > after && periodEnd(v.period) < firstStart);
      }
      if (!c.period) {
        const earlier = (investments.get(id) ?? []).filter((inv) => inv.date < list[0]!.start);
        if (earlier.length) {
          hints.push(
            `${id}: the inputs have 产教融合 investment before ${list[0]!.period.text}, the first computed period, but no ledger row carries its pool in: its carry in is 0.00 (pass --ledger, or compute from its first period)`,
          );
        }
      }
      try {
        const r = computeCredit(rules, {
          enterpriseId: id,
          periods: list,
          qualifications: quals.get(id) ?? [],
          carry: { fen: c.fen, ...(c.period ? { ledgerPeriod: c.period.text } : {}), gap: c.gap },
        });
        rows.push(...r.rows);
        pool.push(...r.pool);
        traces.set(id, r.trace);
        computed.set(
          id,
          r.pool.map((p) => ({ enterprise_id: id, kind: 'pcie_credit', period: p.period, opening: p.opening, added: p.added, used: p.used, closing: p.closing })),
        );
      } catch (e) {
        if (e instanceof RuleGapError) throw new UsageError(e.message);
        throw e;
      }
    }
  }

  const merged = mergeLedger(ledger, 'pcie_credit', computed, force);
  if (merged.conflicts.length && !force) {
    const ids = new Set(merged.conflicts.map((c) => c.enterprise_id));
    let last: Period | undefined;
    for (const e of ledger) if (e.kind === 'pcie_credit' && ids.has(e.enterprise_id) && (!last || periodEnd(e.period) > periodEnd(last))) last = e.period;
    let lastInput = '';
    for (const id of ids) for (const v of periods.get(id)?.values() ?? []) if (periodEnd(v.period) > lastInput) lastInput = periodEnd(v.period);
    const how =
      last && lastInput >= periodEnd(last)
        ? `recompute the later periods too (--to ${last.text})`
        : `the inputs have no return after ${lastInput.slice(0, 7)} while the ledger goes on to ${last?.text}: add the later returns and recompute through them`;
    throw new RefusedError(
      merged.conflicts.map(describeConflict).join('\n') +
        `\nnothing was written: ${how}, or pass --force to drop the ledger's later rows for ${ids.size === 1 ? 'this enterprise' : 'these enterprises'}`,
    );
  }
  return { from, to, rows, pool, traces, ledger: merged.entries, conflicts: merged.conflicts, dropped: merged.dropped, hints };
}
