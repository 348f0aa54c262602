import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import type { Calculator } from '../calculators/calculator.js';
import { CALCULATORS } from '../calculators/registry.js';
import { UsageError } from '../domain/errors.js';
import type { LedgerEntry } from '../domain/records.js';
import { runCalculator, type LedgerSource } from '../engine/index.js';
import { render, writeFilesAtomic, type PendingFile } from '../io/csv-out.js';
import { describeDropped, ledgerTable } from '../ledger/ledger.js';
import { runSummaryTable, runSummaryText, type SummarySection } from '../report/summary.js';
import { act, chalkFor, err, examples, globalOptions, loadOptions, out, renderOptions, rulesFor, withGlobalOptions, yearRange, type Outcome } from './common.js';

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const needs = (c: Calculator) => `${c.noun} need${c.nounPlural ? '' : 's'} ${list(c.inputs.filter((i) => i.required).map((i) => i.file))}`;

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
      const input = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined);
      const rules = rulesFor(g, input('rules.json'));
      const runnable = CALCULATORS.filter((c) => c.inputs.every((i) => !i.required || input(i.file)));
      if (!runnable.length) throw new UsageError(`${dir}: no calculator has its inputs here (${CALCULATORS.map(needs).join('; ')})`);
      const ext = g.format === 'json' ? 'json' : 'csv';
      const files: PendingFile[] = [];
      const sections: SummarySection[] = [];
      const warnings: string[] = [];
      const notes: string[] = [];
      // The ledger goes from one calculator to the next, each recomputing its own kind.
      let ledger: LedgerSource = input('ledger.csv');
      for (const calc of runnable) {
        const paths = Object.fromEntries(calc.inputs.map((i) => [i.flag, input(i.file)]));
        const result = await runCalculator(calc, paths, ledger, { rules, range, force: Boolean(flags.force) }, loadOptions(g));
        for (const r of calc.reports) files.push({ path: join(outDir, `${r.name}.${ext}`), content: render(r.table(result), renderOptions(g)) });
        sections.push({ calculator: calc.name, title: calc.title, items: calc.summarize(result) });
        warnings.push(...calc.warnings(result));
        notes.push(...describeDropped(result.dropped, result.conflicts), ...result.hints.map((h) => `note: ${h}`));
        if (result.ledger) ledger = result.ledger;
      }
      const entries: readonly LedgerEntry[] = Array.isArray(ledger) ? ledger : [];
      files.push({ path: join(outDir, 'ledger.csv'), content: render(ledgerTable(entries), { ...renderOptions(g), format: 'csv' }) });
      files.push({ path: join(outDir, `summary.${ext}`), content: render(runSummaryTable(sections), renderOptions(g)) });
      writeFilesAtomic(files);
      if (!g.quiet) {
        out(runSummaryText(dir, outDir, sections, files.map((f) => f.path), chalkFor(g, process.stdout)));
        for (const w of warnings) err(`warning: ${w}`);
        for (const n of notes) err(n);
      }
      return warnings.length ? 1 : 0;
    }),
  );
  return cmd;
}
