import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Calculator } from '../calculators/calculator.js';
import { CALCULATORS } from '../calculators/registry.js';
import { UsageError } from '../domain/errors.js';
import type { LedgerEntry } from '../domain/records.js';
import { runCalculator, type LedgerSource } from '../engine/index.js';
import { holdsPersonIds, render, renderPieces, writeFilesAtomic, type PendingFile } from '../io/csv-out.js';
import { renderXlsx } from '../io/xlsx-out.js';
import type { ReportTable } from '../domain/table.js';
import { signalPoint } from '../io/exit-cleanup.js';
import { lockLedger } from '../io/lock.js';
import { checkOutputs, type NamedPath } from '../io/paths.js';
import { describeDropped, ledgerTable } from '../ledger/ledger.js';
import { runSummaryTable, runSummaryText, type SummarySection } from '../report/summary.js';
import { act, chalkFor, err, examples, globalOptions, loadOptions, renderOptions, rulesFor, withGlobalOptions, yearRange, type Outcome } from './common.js';
import { quietWarnings } from './finish.js';

/** The canonical input names `run` reads from DIR (any calculator's, the ledger, rules.json). */
const INPUT_NAMES: ReadonlySet<string> = new Set([...CALCULATORS.flatMap((c) => c.inputs.map((i) => i.file)), 'ledger.csv', 'rules.json']);

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const needs = (c: Calculator) => `${c.noun} need${c.nounPlural ? '' : 's'} ${list(c.inputs.filter((i) => i.required).map((i) => i.file))}`;

/**
 * The ledger a calculator of `run` reads: ledger.csv, or the rows the calculator before it left
 * (passed on as they are, a ledger merged as it is read never collected; a calculator without a
 * ledger kind never reads it).
 */
function ledgerFor(calc: Calculator, carried: string | Iterable<LedgerEntry> | undefined): LedgerSource {
  if (typeof carried === 'string' || carried === undefined || Array.isArray(carried)) return carried;
  return calc.ledger ? carried : undefined;
}

/** The workbook `run --format xlsx` writes: the summary and every report, a sheet each. */
export const WORKBOOK = 'skilltax.xlsx';

export function runCommand(outcome: Outcome): Command {
  const uses = CALCULATORS.map((c) => {
    const optional = c.inputs.filter((i) => !i.required).map((i) => i.file);
    return `${needs(c)}${optional.length ? ` (with ${list(optional)} when present)` : ''}`;
  });
  const cmd = new Command('run')
    .summary('run every calculator whose inputs are in a folder')
    .description(
      'Runs every calculator whose inputs are present in DIR under their canonical names, writes each report, ' +
        'the updated ledger.csv and summary.csv into OUTDIR, and prints a short summary. ' +
        `${uses.join('; ').replace(/^t/, 'T')}. ledger.csv and rules.json (parameter overrides) are used when present.`,
    )
    .argument('<dir>', 'folder with the input files')
    .option('--out <outdir>', 'where to write the reports (default DIR/out)')
    .option('--year <yyyy>', 'compute this year only')
    .option('--from <yyyy>', 'first year')
    .option('--to <yyyy>', 'last year')
    .option('--force', 'drop later ledger rows that the recomputation invalidates instead of refusing')
    .addHelpText(
      'after',
      examples([
        'skilltax run fixtures/demo',
        'skilltax run /data/2024 --year 2024 --out /reports/2024',
        'skilltax run /data/cixi --header zh --bom --quiet',
        '',
        'Exit status: 0 done; 1 done with warnings; 2 nothing written.',
      ]),
    );
  withGlobalOptions(cmd);
  cmd.action(
    act(outcome, async (dir: string, flags: { out?: string; year?: string; from?: string; to?: string; force?: boolean }, command: Command) => {
      const g = globalOptions(command);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such folder`);
      const range = yearRange(flags);
      const outDir = flags.out ?? join(dir, 'out');
      // An input under its canonical name, or as a workbook of the same name (payroll.xlsx, payroll.xls).
      const input = (name: string) =>
        [name, ...(name.endsWith('.csv') ? [name.replace(/\.csv$/, '.xlsx'), name.replace(/\.csv$/, '.xls')] : [])].map((n) => join(dir, n)).find((p) => existsSync(p));
      const rules = rulesFor(g, input('rules.json'));
      const runnable = CALCULATORS.filter((c) => c.inputs.every((i) => !i.required || input(i.file)));
      if (!runnable.length) throw new UsageError(`${dir}: no calculator has its inputs here (${CALCULATORS.map(needs).join('; ')})`);
      const ext = g.format === 'json' ? 'json' : 'csv';
      // --format xlsx: one workbook, the summary sheet first, then a sheet per report (CONTRACT §1).
      const workbook = g.format === 'xlsx';
      // Every canonical input present is an input of the run, used or not: no output may replace
      // one, but ledger.csv itself when --out is DIR (the in-place ledger, README "Guarantees").
      const inputs: NamedPath[] = [...INPUT_NAMES]
        .flatMap((name) => (input(name) ? [{ path: join(dir, name), what: `the input ${name}` }] : []))
        .concat(g.rules !== undefined ? [{ path: g.rules, what: 'the --rules file' }] : []);
      const ledgerIn = input('ledger.csv');
      const ledgerOut = join(outDir, 'ledger.csv');
      const reportPaths = workbook ? [join(outDir, WORKBOOK)] : runnable.flatMap((c) => c.reports.map((r) => join(outDir, `${r.name}.${ext}`)));
      const summaryPath = join(outDir, `summary.${ext}`);
      checkOutputs(
        [
          ...reportPaths.map((path) => ({ path, what: 'the report' })),
          { path: ledgerOut, what: 'the ledger', ...(ledgerIn ? { mayReplace: ledgerIn } : {}) },
          { path: summaryPath, what: 'the summary' },
        ],
        inputs,
      );
      // The ledger written is locked before any input is read, until it is renamed into place.
      const lock = await lockLedger(ledgerOut, { timeoutSeconds: g.lockTimeout, command: 'skilltax run' });
      try {
        const files: PendingFile[] = [];
        const sheets: { name: string; table: ReportTable }[] = [];
        const sections: SummarySection[] = [];
        const warnings: string[] = [];
        const notes: string[] = [];
        // The ledger goes from one calculator to the next, each recomputing its own kind.
        let ledger: string | Iterable<LedgerEntry> | undefined = ledgerIn;
        for (const calc of runnable) {
          const paths = Object.fromEntries(calc.inputs.map((i) => [i.flag, input(i.file)]));
          const result = await runCalculator(calc, paths, ledgerFor(calc, ledger), { rules, range, force: Boolean(flags.force) }, loadOptions(g));
          for (const r of calc.reports) {
            const table = r.table(result);
            if (workbook) sheets.push({ name: r.name, table });
            else files.push({ path: join(outDir, `${r.name}.${ext}`), content: renderPieces(table, renderOptions(g)), what: 'the report', private: holdsPersonIds(table) });
          }
          sections.push({ calculator: calc.name, title: calc.title, items: calc.summarize(result) });
          warnings.push(...calc.warnings(result));
          notes.push(...describeDropped(result.dropped, result.conflicts), ...result.hints.map((h) => `note: ${h}`));
          if (result.ledger) ledger = result.ledger;
          await signalPoint(); // SIGINT/SIGTERM during a computation: stop before writing
        }
        const entries: Iterable<LedgerEntry> = typeof ledger === 'string' || ledger === undefined ? [] : ledger;
        files.push({
          path: ledgerOut,
          content: renderPieces(ledgerTable(entries), { header: g.header, format: 'csv', bom: g.bom }),
          what: 'the ledger',
          ledger: true,
          ...(ledgerIn ? { mayReplace: ledgerIn } : {}),
        });
        if (workbook) {
          const all = [{ name: 'summary', table: runSummaryTable(sections) }, ...sheets];
          files.push({ path: join(outDir, WORKBOOK), content: await renderXlsx(all, g.header), what: 'the workbook', private: sheets.some((x) => holdsPersonIds(x.table)) });
        } else files.push({ path: summaryPath, content: render(runSummaryTable(sections), renderOptions(g)), what: 'the summary' });
        const summary = g.quiet ? undefined : runSummaryText(dir, outDir, sections, files.map((f) => f.path), chalkFor(g, process.stderr));
        // The ledger is renamed last (after summary.csv, whatever the order listed).
        writeFilesAtomic(files, { inputs, beforeRename: () => lock.assertHeld() });
        await signalPoint(); // … during the writing: the set is complete, then stop
        // The summary goes to standard error like every command's (standard output is for reports).
        if (summary !== undefined) {
          process.stderr.write(summary);
          for (const w of warnings) err(`warning: ${w}`);
          for (const n of notes) err(n);
        } else if (warnings.length) err(quietWarnings(warnings.length));
        return warnings.length ? 1 : 0;
      } finally {
        await lock.release();
      }
    }),
  );
  return cmd;
}
