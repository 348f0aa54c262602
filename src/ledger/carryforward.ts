/**
 * The one carryforward pipeline, for every ledger kind (`education_expense`, `pcie_credit`,
 * `refund_deduction`): the ledger's rows of the job's kinds grouped by enterprise, a plan per
 * enterprise (where it starts and what it carries in, the calculator's), the fold over its
 * periods (the calculator's), the computed rows merged back into the ledger kind by kind, and a
 * conflict with a later row refused unless `--force` (CONTRACT §3). One fold may carry several
 * balances (the 产教融合 pool and the 留抵退税 deduction). The chain is an explicit fold and a gap is
 * reported, never a silent restart at zero (the OpenFisca trap STYLE.md warns of). The computed
 * rows are kept in columns and the ledger merged as it is read (`carryforward`), so a million
 * enterprise-years fit in tens of megabytes.
 */
import { RefusedError } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import type { LedgerEntry } from '../domain/records.js';
import type { LedgerKind } from '../domain/vocabulary.js';
import { ComputedRows, describeConflict, MergedLedger, replaceSpans, spanRemovals, type Conflict } from './ledger.js';

/** An enterprise's ledger rows of each of the job's kinds (an absent kind: no rows). */
export type RowsByKind = ReadonlyMap<LedgerKind, readonly LedgerEntry[]>;

export interface CarryforwardJob<P, R> {
  /** the kinds the fold carries; the first is the calculator's own */
  kinds: readonly LedgerKind[];
  /**
   * every ledger row read (all kinds): rows of other kinds pass through unchanged. A MergedLedger
   * (the ledger a calculator before this one left, in `run`) is read as it is merged, never
   * collected: a million rows of another kind pass through as they are written.
   */
  ledger: Iterable<LedgerEntry>;
  /** the enterprises to consider, in any order (computed in code-unit order) */
  ids: Iterable<string>;
  /** the enterprise's plan from its ledger rows of the job's kinds; undefined when nothing is computed */
  plan(id: string, rows: RowsByKind): P | undefined;
  /** computes the enterprise's periods: its results and the ledger rows they give (each with its kind) */
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
  const results: R[] = [];
  const done = carryforward(job, (r) => results.push(r));
  return { results, ledger: [...done.ledger], conflicts: done.conflicts, dropped: done.dropped };
}

/** The ledger of a carryforward as it is kept: merged in ledger order as it is read. */
export interface CarriedLedger {
  ledger: MergedLedger;
  conflicts: Conflict[];
  dropped: LedgerEntry[];
}

/**
 * runCarryforward for many enterprises: each enterprise's result goes to `take` as it is
 * computed (nothing is collected here), its ledger rows are kept in columns, and the ledger is
 * merged as it is read. Throws RefusedError as runCarryforward does.
 */
export function carryforward<P, R>(job: CarryforwardJob<P, R>, take: (result: R) => void): CarriedLedger {
  const ordered = job.ledger instanceof MergedLedger;
  // Read more than once: any other iterable than an array is collected first.
  const source: Iterable<LedgerEntry> = ordered || Array.isArray(job.ledger) ? job.ledger : [...job.ledger];
  const rowsOf = new Map<string, Map<LedgerKind, LedgerEntry[]>>();
  for (const e of source) {
    if (!job.kinds.includes(e.kind)) continue;
    let byKind = rowsOf.get(e.enterprise_id);
    if (!byKind) rowsOf.set(e.enterprise_id, (byKind = new Map()));
    const list = byKind.get(e.kind);
    if (list) list.push(e);
    else byKind.set(e.kind, [e]);
  }
  const computed = new ComputedRows();
  for (const id of [...new Set(job.ids)].sort()) {
    const plan = job.plan(id, rowsOf.get(id) ?? new Map());
    if (plan === undefined) continue;
    const r = job.fold(id, plan);
    take(r.result);
    for (const row of r.rows) if (!job.kinds.includes(row.kind)) throw new Error(`a computed ${row.kind} row in a carryforward of ${job.kinds.join(', ')}`);
    computed.add(id, r.rows);
  }
  let kept = source;
  const conflicts: Conflict[] = [];
  const dropped: LedgerEntry[] = [];
  for (const k of job.kinds) {
    const spanOf = (id: string) => computed.span(id, k);
    let replaced: { conflicts: Conflict[]; dropped: LedgerEntry[] };
    if (ordered) {
      const r = (replaced = spanRemovals(kept, k, spanOf, job.force));
      const from = kept;
      kept = {
        *[Symbol.iterator]() {
          for (const e of from) if (r.keeps(e)) yield e;
        },
      };
    } else kept = (replaced = replaceSpans(kept, k, spanOf, job.force)).kept;
    conflicts.push(...replaced.conflicts);
    dropped.push(...replaced.dropped);
  }
  if (conflicts.length && !job.force) {
    const n = new Set(conflicts.map((c) => c.enterprise_id)).size;
    throw new RefusedError(
      conflicts.map(describeConflict).join('\n') + '\n' + t('ledger.refused', { nothingWritten: t('common.nothingWritten'), advice: job.advice(conflicts), n }),
    );
  }
  return { ledger: new MergedLedger(kept, computed, ordered), conflicts, dropped };
}
