import { Command } from 'commander';
import { UsageError } from '../io/errors.js';
import { runCredit } from '../pipeline/credit.js';
import { creditsTable, creditWarningLines, explainCredit } from '../report/credits.js';
import { act, checkStdin, examples, globalOptions, loadOptions, withLedgerCommandOptions, parseYearOption, rulesFor, withGlobalOptions } from './common.js';
import { finish } from './finish.js';

interface CreditFlags {
  surcharges: string;
  training?: string;
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

export function periodRange(o: { year?: string; from?: string; to?: string }) {
  const year = parseYearOption('--year', o.year);
  if (year !== undefined && (o.from !== undefined || o.to !== undefined)) throw new UsageError('give --year, or --from/--to, not both');
  return { year, from: o.from, to: o.to };
}

export function creditCommand(): Command {
  const cmd = new Command('credit')
    .summary('产教融合 credit against the education surcharges (教育费附加, 地方教育附加) with its carryforward')
    .description(
      'Computes, per enterprise and filing period, the education surcharge and the local education surcharge ' +
        '(base, due, small-payer exemption, 六税两费 reduction, paid, payable) and, for enterprises on the ' +
        '产教融合 pilot list, the credit of 30% of their net vocational-education investment, with what is ' +
        'not used carried forward period to period. Two rows per enterprise-period.',
    )
    .requiredOption('--surcharges <file>', 'surcharges.csv (enterprise_id, period, vat, …)')
    .option('--training <file>', 'training.csv: its pcie_investment rows are the investments')
    .option('--qualifications <file>', 'qualifications.csv (pcie_pilot, small_scale_vat, small_low_profit, individual_business)')
    .option('--year <yyyy>', 'the periods of this year only')
    .option('--from <period>', 'first period (YYYY-MM, YYYY-Qn or YYYY; default: the first in the inputs)')
    .option('--to <period>', 'last period (default: the last in the inputs)');
  withLedgerCommandOptions(cmd, 'pool');
  cmd.addHelpText(
    'after',
    examples([
      'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv --out credits.csv',
      'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv \\',
      '    --ledger ledger.csv --ledger-out ledger.csv --from 2024-01 --to 2024-06',
      'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv \\',
      '    --explain 91330282MA2CL4RK12',
      '',
      'Exit status: 0 done; 1 done with warnings (not_pilot, investment_withdrawn, ledger_gap); 2 nothing written.',
    ]),
  );
  withGlobalOptions(cmd);
  cmd.action(
    act(async (flags: CreditFlags, command: Command) => {
      const g = globalOptions(command);
      const range = periodRange(flags);
      checkStdin([flags.surcharges, flags.training, flags.qualifications, flags.ledger]);
      const result = await runCredit(
        { surcharges: flags.surcharges, training: flags.training, qualifications: flags.qualifications, ledger: flags.ledger },
        range,
        rulesFor(g),
        loadOptions(g),
        Boolean(flags.force),
      );
      return finish(
        g,
        flags,
        { ...result, report: creditsTable(result.rows, result.pool), warnings: creditWarningLines(result.rows) },
        explainCredit,
        'period',
      );
    }),
  );
  return cmd;
}
