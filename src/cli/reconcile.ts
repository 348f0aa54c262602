import { Command } from 'commander';
import { render, writeFilesAtomic } from '../io/csv-out.js';
import { runReconcile, type ReconcileInputs } from '../pipeline/reconcile.js';
import { reconcileTable } from '../report/reconcile.js';
import { act, checkStdin, err, examples, globalOptions, loadOptions, out, renderOptions, rulesFor, withGlobalOptions } from './common.js';

type ReconcileFlags = ReconcileInputs & { out?: string };

export function reconcileCommand(): Command {
  const cmd = new Command('reconcile')
    .summary('compare what was declared with what skilltax computes')
    .description(
      'Recomputes the education expense deductions (and, with --declared-credits, the 产教融合 credits) and compares ' +
        'every amount column the declared file gives, by enterprise and year (credits: enterprise, period and fee). ' +
        'One row per amount that differs; difference = declared − computed. Exit 1 when any differs.',
    )
    .option('--declared <file>', 'declared.csv: enterprise_id, year, then any amount columns of deductions.csv')
    .option('--payroll <file>', 'payroll.csv')
    .option('--training <file>', 'training.csv')
    .option('--qualifications <file>', 'qualifications.csv')
    .option('--ledger <file>', 'ledger.csv with what earlier years carried forward')
    .option('--declared-credits <file>', 'declared credits: enterprise_id, period, fee, then any amount columns of credits.csv')
    .option('--surcharges <file>', 'surcharges.csv (with --declared-credits)')
    .option('--out <file>', 'write the differences here (default: standard output)')
    .addHelpText(
      'after',
      examples([
        'skilltax reconcile --declared declared.csv --payroll payroll.csv --training training.csv --out differences.csv',
        'skilltax reconcile --declared declared.csv --payroll payroll.csv --training training.csv \\',
        '    --qualifications qualifications.csv --ledger ledger.csv',
        'skilltax reconcile --declared-credits declared-credits.csv --surcharges surcharges.csv --training training.csv \\',
        '    --qualifications qualifications.csv',
        '',
        'Exit status: 0 everything agrees; 1 differences listed; 2 nothing written.',
      ]),
    );
  withGlobalOptions(cmd);
  cmd.action(
    act(async (flags: ReconcileFlags, command: Command) => {
      const g = globalOptions(command);
      checkStdin([flags.declared, flags.payroll, flags.training, flags.qualifications, flags.ledger, flags.declaredCredits, flags.surcharges]);
      const diffs = await runReconcile(flags, rulesFor(g), loadOptions(g));
      const report = render(reconcileTable(diffs), renderOptions(g));
      if (flags.out) writeFilesAtomic([{ path: flags.out, content: report }]);
      else out(report);
      if (!g.quiet) {
        const keys = new Set(diffs.map((d) => `${d.enterprise_id} ${d.period?.text ?? d.year} ${d.fee ?? ''}`));
        err(diffs.length ? `reconcile: ${diffs.length} amount${diffs.length === 1 ? ' differs' : 's differ'}, in ${keys.size} declaration${keys.size === 1 ? '' : 's'}` : 'reconcile: every declared amount agrees');
      }
      return diffs.length ? 1 : 0;
    }),
  );
  return cmd;
}
