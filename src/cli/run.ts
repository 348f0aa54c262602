import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { render, writeFilesAtomic, type PendingFile } from '../io/csv-out.js';
import { UsageError } from '../io/errors.js';
import { runDeduct } from '../pipeline/deduct.js';
import { deductionsTable, ledgerTable, summarizeDeductions, warningLines } from '../report/deductions.js';
import { describeDropped } from '../report/ledger.js';
import { runSummaryTable, runSummaryText } from '../report/summary.js';
import { act, chalkFor, err, examples, globalOptions, loadOptions, out, renderOptions, rulesFor, withGlobalOptions, yearRange } from './common.js';

export function runCommand(): Command {
  const cmd = new Command('run')
    .summary('run every calculator whose inputs are in a folder')
    .description(
      'Runs every calculator whose inputs are present in DIR under their canonical names (payroll.csv, ' +
        'training.csv, qualifications.csv, ledger.csv, and rules.json for parameter overrides), writes each ' +
        'report, the updated ledger.csv and summary.csv into OUTDIR, and prints a short summary. ' +
        'Calculators so far: the employee education expense deduction (needs payroll.csv and training.csv).',
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
    act(async (dir: string, flags: { out?: string; year?: string; from?: string; to?: string; force?: boolean }, command: Command) => {
      const g = globalOptions(command);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such folder`);
      const range = yearRange(flags);
      const outDir = flags.out ?? join(dir, 'out');
      const input = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : undefined);
      const rules = rulesFor(g, input('rules.json'));
      const payroll = input('payroll.csv');
      const training = input('training.csv');
      if (!payroll || !training) {
        throw new UsageError(`${dir}: no calculator has its inputs here (the education expense deduction needs payroll.csv and training.csv)`);
      }
      const result = await runDeduct(
        { payroll, training, qualifications: input('qualifications.csv'), ledger: input('ledger.csv') },
        range,
        rules,
        loadOptions(g),
        Boolean(flags.force),
      );
      const ext = g.format === 'json' ? 'json' : 'csv';
      const summary = summarizeDeductions(result.rows);
      const files: PendingFile[] = [
        { path: join(outDir, `deductions.${ext}`), content: render(deductionsTable(result.rows), renderOptions(g)) },
        { path: join(outDir, 'ledger.csv'), content: render(ledgerTable(result.ledger), { ...renderOptions(g), format: 'csv' }) },
        { path: join(outDir, `summary.${ext}`), content: render(runSummaryTable(summary, result), renderOptions(g)) },
      ];
      writeFilesAtomic(files);
      const warnings = warningLines(result.rows);
      if (!g.quiet) {
        out(runSummaryText(dir, outDir, summary, result, files.map((f) => f.path), chalkFor(g, process.stdout)));
        for (const w of warnings) err(`warning: ${w}`);
        for (const line of describeDropped(result.dropped, result.conflicts)) err(line);
        for (const h of result.hints) err(`note: ${h}`);
      }
      return warnings.length ? 1 : 0;
    }),
  );
  return cmd;
}
