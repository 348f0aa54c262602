/**
 * The education expense chain in the ledger: where an enterprise's computation starts and
 * what it carries in (CONTRACT §3), and the ledger written back with the recomputed years.
 */
import type { CarryStart, DeductionRow } from '../calc/education.js';
import { carryBefore, mergeLedger, type LedgerEntry, type MergeResult } from './ledger.js';

export { describeConflict, type Conflict, type MergeResult } from './ledger.js';

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
export function planEducation(
  rows: readonly LedgerEntry[],
  dataYears: readonly number[],
  from: number,
  to: number,
): EducationPlan | undefined {
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
  const c = carryBefore(rows, { kind: 'year', year: start, n: 0, text: String(start) });
  return { start, carry: { fen: c.fen, ...(c.period ? { ledgerYear: c.period.year } : {}), ...(c.fromOpening ? { fromOpening: true } : {}), gap: c.gap } };
}

/**
 * Every input row, with the education_expense rows of the computed enterprise-years replaced
 * (opening = carry_in, added = incurred, used = deductible, closing = carry_out). A later
 * row whose opening no longer matches the recomputed closing is a conflict; with `force` the
 * enterprise's later rows are dropped instead.
 */
export function mergeEducation(ledger: readonly LedgerEntry[], computed: ReadonlyMap<string, DeductionRow[]>, force: boolean): MergeResult {
  const entries = new Map<string, LedgerEntry[]>();
  for (const [id, rows] of computed) {
    entries.set(
      id,
      rows.map((r) => ({
        enterprise_id: r.enterprise_id,
        kind: 'education_expense',
        period: { kind: 'year', year: r.year, n: 0, text: String(r.year) },
        opening: r.carry_in,
        added: r.incurred,
        used: r.deductible,
        closing: r.carry_out,
      })),
    );
  }
  return mergeLedger(ledger, 'education_expense', entries, force);
}

