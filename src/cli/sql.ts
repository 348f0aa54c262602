import { Argument, Command, Option } from 'commander';
import { UsageError } from '../domain/errors.js';
import { pushdownQuery, REJECT_REASONS, SQL_DIALECTS, SQL_KINDS, TABLE_NAME, type SqlDialect, type SqlKind } from '../io/sql-pushdown.js';
import { t } from '../i18n/index.js';
import { act, examples, out, type Outcome } from './common.js';

/**
 * `skilltax sql payroll|insurance --dialect D [--table NAME] [--rejected]`: prints the warehouse
 * query (CONTRACT §8) to standard output and nothing else; exit 0, or 2 on a usage error.
 */
export function sqlCommand(outcome: Outcome): Command {
  const reasons = (kind: SqlKind) => REJECT_REASONS[kind].map(([code]) => code).join(', ');
  const cmd = new Command('sql')
    .summary(t('cli.sql.summary'))
    .description(t('cli.sql.description', { payrollReasons: reasons('payroll'), insuranceReasons: reasons('insurance') }))
    .addArgument(new Argument('<kind>', t('cli.sql.arg.kind')).choices(SQL_KINDS))
    .addOption(new Option('--dialect <dialect>', t('cli.sql.opt.dialect')).choices(SQL_DIALECTS).makeOptionMandatory())
    .option('--table <name>', t('cli.sql.opt.table'))
    .option('--rejected', t('cli.sql.opt.rejected'))
    .addHelpText(
      'after',
      examples([
        'skilltax sql payroll --dialect duckdb',
        'skilltax sql payroll --dialect spark --table dw.payroll_monthly > payroll.sql',
        'skilltax sql payroll --dialect postgres --rejected',
        'skilltax sql insurance --dialect hive --table ods.unemployment_insurance',
        '',
        t('cli.sql.exampleDuckdb'),
        "  duckdb w.duckdb -c \"CREATE VIEW payroll AS SELECT * FROM read_csv('payroll.csv', all_varchar = true)\"",
        `  skilltax sql payroll --dialect duckdb --rejected | duckdb -csv w.duckdb      ${t('cli.sql.exampleNoRow')}`,
        '  skilltax sql payroll --dialect duckdb | duckdb -csv w.duckdb > yearly/payroll.csv',
        '  skilltax deduct --payroll yearly/payroll.csv --training training.csv',
        '',
        t('cli.sql.exitStatus'),
      ]),
    );
  cmd.action(
    act(outcome, async (kind: SqlKind, flags: { dialect: SqlDialect; table?: string; rejected?: boolean }) => {
      const table = flags.table ?? kind;
      if (!TABLE_NAME.test(table)) {
        throw new UsageError(t('cli.sql.badTable', { got: table }));
      }
      out(pushdownQuery(kind, { dialect: flags.dialect, table, rejected: Boolean(flags.rejected) }));
      return 0;
    }),
  );
  return cmd;
}
