/**
 * The one carryforward pipeline, for every ledger kind (`education_expense`, `pcie_credit`):
 * the ledger's rows of the kind grouped by enterprise, a plan per enterprise (where it starts
 * and what it carries in, the calculator's), the fold over its periods (the calculator's), the
 * computed rows merged back into the ledger, and a conflict with a later row refused unless
 * `--force` (CONTRACT §3). The chain is an explicit fold and a gap is reported, never a silent
 * restart at zero (the OpenFisca trap STYLE.md warns of).
 */
import { RefusedError } from '../domain/errors.js';
import type { LedgerEntry } from '../domain/records.js';
import type { LedgerKind } from '../domain/vocabulary.js';
import { describeConflict, mergeLedger, type Conflict } from './ledger.js';

export interface CarryforwardJob<P, R> {
  kind: LedgerKind;
  /** every ledger row read (all kinds): rows of other kinds pass through unchanged */
  ledger: readonly LedgerEntry[];
  /** the enterprises to consider, in any order (computed in code-unit order) */
  ids: Iterable<string>;
  /** the enterprise's plan from its ledger rows of this kind; undefined when nothing is computed */
  plan(id: string, rows: readonly LedgerEntry[]): P | undefined;
  /** computes the enterprise's periods: its results and the ledger rows they give */
  fold(id: string, plan: P): { result: R; rows: LedgerEntry[] };
  /** drop the later rows a recomputation contradicts instead of refusing */
  force: boolean;
  /** what the refusal tells the user to do, before "or pass --force …" */
  advice(conflicts: readonly Conflict[]): string;
}

export interface CarryforwardResult<R> {
  /** one per computed enterprise, in enterprise order */
  results: R[];
  /** the ledger to write: every input row, with the computed periods replaced */
  ledger: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
}

/**
 * Runs the job. Throws RefusedError (exit 2, nothing written) naming every conflict when a
 * later ledger row no longer opens with the recomputed closing and `force` is not set.
 */
export function runCarryforward<P, R>(job: CarryforwardJob<P, R>): CarryforwardResult<R> {
  const rowsOf = new Map<string, LedgerEntry[]>();
  for (const e of job.ledger) {
    if (e.kind !== job.kind) continue;
    const list = rowsOf.get(e.enterprise_id);
    if (list) list.push(e);
    else rowsOf.set(e.enterprise_id, [e]);
  }
  const results: R[] = [];
  const computed = new Map<string, LedgerEntry[]>();
  for (const id of [...new Set(job.ids)].sort()) {
    const plan = job.plan(id, rowsOf.get(id) ?? []);
    if (plan === undefined) continue;
    const r = job.fold(id, plan);
    results.push(r.result);
    computed.set(id, r.rows);
  }
  const merged = mergeLedger(job.ledger, job.kind, computed, job.force);
  if (merged.conflicts.length && !job.force) {
    const n = new Set(merged.conflicts.map((c) => c.enterprise_id)).size;
    throw new RefusedError(
      merged.conflicts.map(describeConflict).join('\n') +
        `\nnothing was written: ${job.advice(merged.conflicts)}, or pass --force to drop the ledger's later rows for ${n === 1 ? 'this enterprise' : 'these enterprises'}`,
    );
  }
  return { results, ledger: merged.entries, conflicts: merged.conflicts, dropped: merged.dropped };
}
