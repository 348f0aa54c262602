/** What deduct and credit do once computed: explain, write the report and ledger, warn, exit status. */
import { render, writeFilesAtomic, type PendingFile, type Table } from '../io/csv-out.js';
import { UsageError } from '../io/errors.js';
import type { Conflict, LedgerEntry } from '../ledger/ledger.js';
import { ledgerTable } from '../report/deductions.js';
import { describeDropped } from '../report/ledger.js';
import { err, out, renderOptions, type GlobalOptions } from './common.js';

export interface Computed<T> {
  report: Table;
  ledger: LedgerEntry[];
  traces: Map<string, T>;
  warnings: string[];
  dropped: LedgerEntry[];
  conflicts: Conflict[];
  hints: string[];
}

export interface OutputFlags {
  out?: string;
  ledgerOut?: string;
  explain?: string;
}

/**
 * Explain (stdout), report (--out, else stdout), ledger (--ledger-out), all files written
 * atomically before anything is printed; warnings, forced drops and notes on standard error.
 * Returns the exit status: 1 when a warning needs a person.
 */
export function finish<T>(g: GlobalOptions, flags: OutputFlags, c: Computed<T>, explain: (id: string, trace: T) => string, what: string): number {
  let account: string | undefined;
  if (flags.explain !== undefined) {
    const id = flags.explain.trim().toUpperCase();
    const trace = c.traces.get(id);
    if (!trace) throw new UsageError(`--explain ${flags.explain}: no ${what} of this enterprise was computed (not in the inputs, or outside the range asked for)`);
    account = explain(id, trace);
  }
  const report = render(c.report, renderOptions(g));
  const files: PendingFile[] = [];
  if (flags.out) files.push({ path: flags.out, content: report });
  if (flags.ledgerOut) files.push({ path: flags.ledgerOut, content: render(ledgerTable(c.ledger), { ...renderOptions(g), format: 'csv' }) });
  writeFilesAtomic(files);
  if (account !== undefined) out(account);
  else if (!flags.out) out(report);
  if (!g.quiet) {
    for (const w of c.warnings) err(`warning: ${w}`);
    for (const line of describeDropped(c.dropped, c.conflicts)) err(line);
    for (const h of c.hints) err(`note: ${h}`);
  }
  return c.warnings.length ? 1 : 0;
}
