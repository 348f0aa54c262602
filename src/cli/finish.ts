/**
 * The one finishing step of every calculator command: the explain account, the reports and the
 * ledger written atomically before anything is printed, then warnings, forced drops, notes and
 * the calculator's afterword on standard error. Returns the exit status: 1 when a warning needs a
 * person.
 */
import type { Calculator, CalculatorResult } from '../calculators/calculator.js';
import { UsageError } from '../domain/errors.js';
import { render, writeFilesAtomic, type PendingFile } from '../io/csv-out.js';
import { describeDropped, ledgerTable } from '../ledger/ledger.js';
import { renderTrace, renderTraceJson } from '../report/explain.js';
import { err, out, renderOptions, type GlobalOptions } from './common.js';

/** What the command line asked for: `out`, `ledgerOut`, `explain`, and any report's own flag (`summary`). */
export type OutputFlags = Readonly<Record<string, unknown>> & { out?: string; ledgerOut?: string; explain?: string };

export function finish(g: GlobalOptions, calc: Calculator, result: CalculatorResult, flags: OutputFlags, paths: Readonly<Record<string, string | undefined>>): number {
  let account: string | undefined;
  if (flags.explain !== undefined) {
    if (!result.trace) throw new UsageError(calc.explain.missing(flags.explain, paths));
    account = g.format === 'json' ? renderTraceJson(result.trace) : renderTrace(result.trace);
  }
  const files: PendingFile[] = [];
  let main: string | undefined;
  for (const report of calc.reports) {
    const path = flags[report.flag] as string | undefined;
    if (report.flag !== 'out' && path === undefined) continue;
    const content = render(report.table(result), renderOptions(g));
    if (report.flag === 'out') main = content;
    if (path !== undefined) files.push({ path, content });
  }
  if (flags.ledgerOut && result.ledger) files.push({ path: flags.ledgerOut, content: render(ledgerTable(result.ledger), { ...renderOptions(g), format: 'csv' }) });
  writeFilesAtomic(files);
  if (account !== undefined) out(account);
  else if (!flags.out && main !== undefined) out(main);
  const warnings = calc.warnings(result);
  if (!g.quiet) {
    for (const w of warnings) err(`warning: ${w}`);
    for (const line of describeDropped(result.dropped, result.conflicts)) err(line);
    for (const h of result.hints) err(`note: ${h}`);
    if (calc.afterword) err(calc.afterword(result));
  }
  return warnings.length ? 1 : 0;
}
