import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { render, writeFilesAtomic, type PendingFile } from '../io/csv-out.js';
import { UsageError } from '../io/errors.js';
import type { LedgerEntry } from '../ledger/ledger.js';
import { runCredit } from '../pipeline/credit.js';
import { runDeduct } from '../pipeline/deduct.js';
import { runSubsidy } from '../pipeline/subsidy.js';
import { subsidiesTable, subsidySummaryTable, subsidyTotals } from '../report/subsidies.js';
import { creditsTable, creditWarningLines, summarizeCredits } from '../report/credits.js';
import { deductionsTable, ledgerTable, summarizeDeductions, warningLines } from '../report/deductions.js';
import { describeDropped } from '../report/ledger.js';
import { runSummaryTable, runSummaryText, type RunSummary } from '../report/summary.js';
import { act, chalkFor, err, examples, globalOptions, loadOptions, out, renderOptions, rulesFor, withGlobalOptions, yearRange } from './common.js';

export function runCommand(): Command {
  const cmd = new Command('run')
    .summary('run every calculator whose inputs are in a folder')
    .description(
      'Runs every calculator whose inputs are present in DIR under their canonical names, writes each report, ' +
        'the updated ledger.csv and summary.csv into OUTDIR, and prints a short summary. The education expense ' +
        'deduction needs payroll.csv and training.csv; the 产教融合 credit needs surcharges.csv (with training.csv ' +
        'for the investments); the training subsidies need trainees.csv and catalog.csv (with history.csv when ' +
        'present). qualifications.csv, ledger.csv and rules.json (parameter overrides) are used when present.',
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
      const surcharges = input('surcharges.csv');
      const qualifications = input('qualifications.csv');
      const trainees = input('trainees.csv');
      const catalog = input('catalog.csv');
      if (!(payroll && training) && !surcharges && !(trainees && catalog)) {
        throw new UsageError(
          `${dir}: no calculator has its inputs here (the education expense deduction needs payroll.csv and training.csv; the 产教融合 credit needs surcharges.csv; the training subsidies need trainees.csv and catalog.csv)`,
        );
      }
      const ext = g.format === 'json' ? 'json' : 'csv';
      const files: PendingFile[] = [];
      const summary: RunSummary = {};
      const warnings: string[] = [];
      const notes: string[] = [];
      let ledger: string | LedgerEntry[] | undefined = input('ledger.csv');
      if (payroll && training) {
        const d = await runDeduct({ payroll, training, qualifications, ledger: ledger as string | undefined }, range, rules, loadOptions(g), Boolean(flags.force));
        files.push({ path: join(outDir, `deductions.${ext}`), content: render(deductionsTable(d.rows), renderOptions(g)) });
        const years = d.from === undefined || d.to === undefined ? '' : d.from === d.to ? String(d.from) : `${d.from}-${d.to}`;
        summary.education = { ...summarizeDeductions(d.rows), span: years };
        warnings.push(...warningLines(d.rows));
        notes.push(...describeDropped(d.dropped, d.conflicts), ...d.hints.map((h) => `note: ${h}`));
        ledger = d.ledger;
      }
      if (surcharges) {
        const c = await runCredit(
          { surcharges, training, qualifications, ledger },
          { year: range.year, from: range.from?.toString(), to: range.to?.toString() },
          rules,
          loadOptions(g),
          Boolean(flags.force),
        );
        files.push({ path: join(outDir, `credits.${ext}`), content: render(creditsTable(c.rows, c.pool), renderOptions(g)) });
        const span = c.from === undefined || c.to === undefined ? '' : `${c.from.slice(0, 7)} to ${c.to.slice(0, 7)}`;
        summary.credit = { ...summarizeCredits(c.rows, c.pool), span };
        warnings.push(...creditWarningLines(c.rows));
        notes.push(...describeDropped(c.dropped, c.conflicts), ...c.hints.map((h) => `note: ${h}`));
        ledger = c.ledger;
      }
      if (trainees && catalog) {
        const sub = await runSubsidy(
          { trainees, catalog, history: input('history.csv'), qualifications },
          { from: range.year ?? range.from, to: range.year ?? range.to },
          rules,
          loadOptions(g),
        );
        files.push({ path: join(outDir, `subsidies.${ext}`), content: render(subsidiesTable(sub.decisions), renderOptions(g)) });
        files.push({ path: join(outDir, `subsidy-summary.${ext}`), content: render(subsidySummaryTable(sub.decisions), renderOptions(g)) });
        summary.subsidy = subsidyTotals(sub.decisions);
      }
      files.push({ path: join(outDir, 'ledger.csv'), content: render(ledgerTable(Array.isArray(ledger) ? ledger : []), { ...renderOptions(g), format: 'csv' }) });
      files.push({ path: join(outDir, `summary.${ext}`), content: render(runSummaryTable(summary), renderOptions(g)) });
      writeFilesAtomic(files);
      if (!g.quiet) {
        out(runSummaryText(dir, outDir, summary, files.map((f) => f.path), chalkFor(g, process.stdout)));
        for (const w of warnings) err(`warning: ${w}`);
        for (const n of notes) err(n);
      }
      return warnings.length ? 1 : 0;
    }),
  );
  return cmd;
}
