import { Command } from 'commander';
import { runDeduct } from '../pipeline/deduct.js';
import { deductionsTable, explainEnterprise, warningLines } from '../report/deductions.js';
import { act, checkStdin, examples, globalOptions, loadOptions, withLedgerCommandOptions, rulesFor, withGlobalOptions, yearRange } from './common.js';
import { finish } from './finish.js';

interface DeductFlags {
  payroll: string;
  training: string;
  qualifications?: string;
  ledger?: string;
  year?: string;
  from?: string;
  to?: string;
  out?: string;
  ledgerOut?: string;
  explain?: string;
  force?: boolean;
}

export function deductCommand(): Command {
  const cmd = new Command('deduct')
    .summary('employee education expense deduction (职工教育经费, A105050 rows 4–6) with its carryforward')
    .description(
      'Computes the enterprise income tax deduction for employee education expense (职工教育经费): the cap of ' +
        '8% (2.5% before 2018) of wages, the carryforward of the excess across years, and the full deduction of ' +
        'separately accounted training for qualified enterprises. One row per enterprise and year.',
    )
    .requiredOption('--payroll <file>', 'payroll.csv (enterprise_id, period, wages)')
    .requiredOption('--training <file>', 'training.csv (enterprise_id, date, category, amount, incurred)')
    .option('--qualifications <file>', 'qualifications.csv (high_tech, software_ic, …)')
    .option('--year <yyyy>', 'compute this year only')
    .option('--from <yyyy>', 'first year (default: the first year in the inputs)')
    .option('--to <yyyy>', 'last year (default: the last year in the inputs)');
  withLedgerCommandOptions(cmd, 'carryforward');
  cmd.addHelpText(
    'after',
    examples([
      'skilltax deduct --payroll payroll.csv --training training.csv --out deductions.csv',
      'skilltax deduct --payroll payroll.csv --training training.csv --qualifications qualifications.csv \\',
      '    --ledger ledger.csv --ledger-out ledger.csv --year 2024 --out deductions-2024.csv',
      'skilltax deduct --payroll payroll.csv --training training.csv --explain 913302827251836406',
      'skilltax deduct --payroll payroll.csv --training training.csv --header zh --bom --out 职工教育经费.csv',
      '',
      'Exit status: 0 done; 1 done with warnings (notes such as ledger_gap); 2 nothing written.',
    ]),
  );
  withGlobalOptions(cmd);
  cmd.action(
    act(async (flags: DeductFlags, command: Command) => {
      const g = globalOptions(command);
      const range = yearRange(flags);
      checkStdin([flags.payroll, flags.training, flags.qualifications, flags.ledger]);
      const rules = rulesFor(g);
      const result = await runDeduct(
        { payroll: flags.payroll, training: flags.training, qualifications: flags.qualifications, ledger: flags.ledger },
        range,
        rules,
        loadOptions(g),
        Boolean(flags.force),
      );
      return finish(
        g,
        flags,
        { ...result, report: deductionsTable(result.rows), warnings: warningLines(result.rows) },
        explainEnterprise,
        'year',
      );
    }),
  );
  return cmd;
}
