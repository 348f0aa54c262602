/**
 * The one finishing step of every calculator command: the explain account, the reports and the
 * ledger written as one set (the ledger renamed last, under its lock) before anything is printed,
 * then warnings, forced drops, notes and the calculator's afterword on standard error. Everything
 * printed on standard error is worked out before the files are written, so a failure there writes
 * nothing. Reports are made as they are written (or printed, without --out): a million rows are
 * never one string. Returns the exit status: 1 when a warning needs a person.
 */
import type { Calculator, CalculatorResult } from '../calculators/calculator.js';
import { UsageError } from '../domain/errors.js';
import { holdsPersonIds, renderPieces, writeFilesAtomic, type FileContent, type PendingFile } from '../io/csv-out.js';
import type { LedgerLock } from '../io/lock.js';
import type { NamedPath } from '../io/paths.js';
import { describeDropped, ledgerTable } from '../ledger/ledger.js';
import { renderTrace, renderTraceJson } from '../report/explain.js';
import { t } from '../i18n/index.js';
import { err, out, renderOptions, renderReport, type GlobalOptions } from './common.js';

/** What the command line asked for: `out`, `ledgerOut`, `explain`, and any report's own flag (`summary`). */
export type OutputFlags = Readonly<Record<string, unknown>> & { out?: string; ledgerOut?: string; explain?: string };

/** What the run read (no output may replace one, but the in-place ledger) and the lock on the ledger it writes. */
export interface FinishGuard {
  inputs: readonly NamedPath[];
  lock?: LedgerLock;
  /** --explain with --reform: the same subject computed under the reform file's rules, printed after the baseline's */
  reform?: { file: string; result: CalculatorResult };
}

export async function finish(
  g: GlobalOptions,
  calc: Calculator,
  result: CalculatorResult,
  flags: OutputFlags & { ledger?: string },
  paths: Readonly<Record<string, string | undefined>>,
  guard: FinishGuard = { inputs: [] },
): Promise<number> {
  let account: string | undefined;
  if (flags.explain !== undefined) {
    if (!result.trace) throw new UsageError(calc.explain.missing(flags.explain, paths));
    account = g.format === 'json' ? renderTraceJson(result.trace) : renderTrace(result.trace);
    const reform = guard.reform;
    if (reform) {
      if (!reform.result.trace) throw new UsageError(calc.explain.missing(flags.explain, paths));
      account =
        g.format === 'json'
          ? `{"baseline":${account.trimEnd()},"reform":${renderTraceJson(reform.result.trace).trimEnd()},"reform_file":${JSON.stringify(reform.file)}}\n`
          : `${t('cli.explainBaseline')}\n${account}\n${t('cli.explainReform', { file: reform.file })}\n${renderTrace(reform.result.trace)}`;
    }
  }
  const files: PendingFile[] = [];
  let main: FileContent | undefined;
  for (const report of calc.reports) {
    const path = flags[report.flag] as string | undefined;
    if (report.flag !== 'out' && path === undefined) continue;
    const table = report.table(result);
    const content = await renderReport(g, report.name, table);
    if (report.flag === 'out') main = content;
    if (path !== undefined) files.push({ path, content, what: `--${report.flag}`, private: holdsPersonIds(table) });
  }
  if (flags.ledgerOut && result.ledger) {
    files.push({
      path: flags.ledgerOut,
      content: renderPieces(ledgerTable(result.ledger), { header: g.header, format: 'csv', bom: g.bom }),
      what: '--ledger-out',
      ledger: true,
      ...(flags.ledger !== undefined ? { mayReplace: flags.ledger } : {}),
    });
  }
  const warnings = calc.warnings(result);
  // One rule for every command: reports on stdout only without --out; the summary line, warnings
  // and notes on stderr; with --quiet, one line says what made the exit status 1.
  const afterword = calc.afterword ? calc.afterword(result) : t('cli.afterword', { command: calc.command, items: calc.summarize(result).map((i) => `${i.label} ${i.value}`) });
  writeFilesAtomic(files, { inputs: guard.inputs, ...(guard.lock ? { beforeRename: () => guard.lock!.assertHeld() } : {}) });
  if (account !== undefined) out(account);
  else if (!flags.out && main !== undefined && !(main instanceof Uint8Array)) for (const piece of typeof main === 'string' ? [main] : main) out(piece);
  if (!g.quiet) {
    for (const w of warnings) err(t('cli.warning', { text: w }));
    for (const line of describeDropped(result.dropped, result.conflicts)) err(line);
    for (const h of result.hints) err(t('cli.note', { text: h }));
    err(afterword);
  } else if (warnings.length) err(quietWarnings(warnings.length));
  return warnings.length ? 1 : 0;
}

/** The one line --quiet still prints when warnings make the exit status 1. */
export function quietWarnings(n: number): string {
  return `skilltax: ${t('cli.quietWarnings', { n })}`;
}
