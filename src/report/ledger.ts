import { describeConflict, type Conflict } from '../ledger/education.js';
import type { LedgerEntry } from '../ledger/ledger.js';

/** What --force did, for standard error. */
export function describeDropped(dropped: readonly LedgerEntry[], conflicts: readonly Conflict[]): string[] {
  if (!dropped.length) return [];
  const lines = conflicts.map((c) => `forced: ${describeConflict(c)}`);
  for (const d of dropped) lines.push(`forced: dropped ledger row ${d.enterprise_id} ${d.kind} ${d.period.text}${d.file ? ` (${d.file}:${d.line})` : ''}`);
  return lines;
}
