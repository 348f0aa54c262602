/**
 * The education expense chain in the ledger: where an enterprise's computation starts and
 * what it carries in (CONTRACT §3), and the ledger written back with the recomputed years.
 */
import { byText } from '../io/order.js';
import type { CarryStart, DeductionRow } from '../calc/education.js';
import { formatFen } from '../io/money.js';
import { compareEntries, type LedgerEntry } from './ledger.js';

export interface EducationPlan {
  start: number;
  carry: CarryStart;
}

/**
 * An enterprise is computed from its first year in [from, to] with data or a carryforward
 * through `to`. A carryforward is a ledger row before `from` (the chain goes on), or an
 * opening balance (closing alone) inside the range, which feeds the year after it. The carry
 * in is the closing of the latest ledger row before the first computed year; when that row
 * is older than the year before, the chain has a hole: `ledger_gap`.
 */
export function planEducation(
  rows: readonly LedgerEntry[],
  dataYears: readonly number[],
  from: number,
  to: number,
): EducationPlan | undefined {
  const candidates: number[] = [];
  const firstData = dataYears.find((y) => y >= from && y <= to);
  if (firstData !== undefined) candidates.push(firstData);
  if (rows.some((r) => r.period.year < from)) candidates.push(from);
  for (const r of rows) {
    if (r.opening === undefined && r.period.year >= from && r.period.year < to) candidates.push(r.period.year + 1);
  }
  if (candidates.length === 0) return undefined;
  const start = Math.min(...candidates);
  let prior: LedgerEntry | undefined;
  for (const r of rows) if (r.period.year < start && (!prior || r.period.year > prior.period.year)) prior = r;
  if (!prior) return { start, carry: { fen: 0, gap: false } };
  return { start, carry: { fen: prior.closing, ledgerYear: prior.period.year, gap: prior.period.year < start - 1 } };
}

export interface Conflict {
  enterprise_id: string;
  year: number;
  computed: number;
  later: LedgerEntry;
}

export interface MergeResult {
  entries: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
}

/**
 * Every input row, with the education_expense rows of the computed enterprise-years replaced
 * (opening = carry_in, added = incurred, used = deductible, closing = carry_out). A later
 * row whose opening no longer matches the recomputed closing is a conflict; with `force` the
 * enterprise's later rows are dropped instead.
 */
export function mergeEducation(ledger: readonly LedgerEntry[], computed: ReadonlyMap<string, DeductionRow[]>, force: boolean): MergeResult {
  const span = new Map<string, { start: number; end: number; closing: number }>();
  for (const [id, rows] of computed) {
    if (rows.length === 0) continue;
    span.set(id, { start: rows[0]!.year, end: rows[rows.length - 1]!.year, closing: rows[rows.length - 1]!.carry_out });
  }
  const kept: LedgerEntry[] = [];
  const firstLater = new Map<string, LedgerEntry>();
  for (const e of ledger) {
    const s = e.kind === 'education_expense' ? span.get(e.enterprise_id) : undefined;
    if (s && e.period.year >= s.start && e.period.year <= s.end) continue;
    if (s && e.period.year > s.end) {
      const f = firstLater.get(e.enterprise_id);
      if (!f || e.period.year < f.period.year) firstLater.set(e.enterprise_id, e);
    }
    kept.push(e);
  }
  const conflicts: Conflict[] = [];
  for (const [id, later] of firstLater) {
    const s = span.get(id)!;
    if (later.opening !== undefined && later.opening !== s.closing) conflicts.push({ enterprise_id: id, year: s.end, computed: s.closing, later });
  }
  conflicts.sort((a, b) => byText(a.enterprise_id, b.enterprise_id));
  const dropped: LedgerEntry[] = [];
  let entries = kept;
  if (force && conflicts.length) {
    const drop = new Set(conflicts.map((c) => c.enterprise_id));
    entries = kept.filter((e) => {
      const out = e.kind === 'education_expense' && drop.has(e.enterprise_id) && e.period.year > span.get(e.enterprise_id)!.end;
      if (out) dropped.push(e);
      return !out;
    });
  }
  for (const rows of computed.values()) {
    for (const r of rows) {
      entries.push({
        enterprise_id: r.enterprise_id,
        kind: 'education_expense',
        period: { kind: 'year', year: r.year, n: 0, text: String(r.year) },
        opening: r.carry_in,
        added: r.incurred,
        used: r.deductible,
        closing: r.carry_out,
      });
    }
  }
  entries.sort(compareEntries);
  dropped.sort(compareEntries);
  return { entries, conflicts, dropped };
}

export function describeConflict(c: Conflict): string {
  const at = c.later.file ? ` (${c.later.file}:${c.later.line})` : '';
  return `ledger conflict for ${c.enterprise_id}: the recomputed carry out of ${c.year} is ${formatFen(c.computed)}, but the ledger's ${c.later.period.text} row${at} opens with ${formatFen(c.later.opening ?? 0)}`;
}
