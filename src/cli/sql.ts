import { Argument, Command, Option } from 'commander';
import { UsageError } from '../domain/errors.js';
import { pushdownQuery, REJECT_REASONS, SQL_DIALECTS, SQL_KINDS, TABLE_NAME, type SqlDialect, type SqlKind } from '../io/sql-pushdown.js';
import { act, examples, out, type Outcome } from './common.js';

/**
 * `skilltax sql payroll|insurance --dialect D [--table NAME] [--rejected]`: prints the warehouse
 * query (CONTRACT §8) to standard output and nothing else; exit 0, or 2 on a usage error.
 */
export function sqlCommand(outcome: Outcome): Command {
  const reasons = (kind: SqlKind) => REJECT_REASONS[kind].map(([code]) => code).join(', ');
  const cmd = new Command('sql')
    .summary('print the warehouse query that aggregates payroll (or insurance months) for skilltax')
    .description(
      'Prints the SQL that does the heavy aggregation where the data lives (Spark, Hive, PostgreSQL, DuckDB), with ' +
        "skilltax's checks of each row written as filters.\n\n" +
        'payroll: a table with the columns enterprise_id, period (YYYY-MM or YYYY) and wages, summed to the yearly ' +
        'payroll.csv skilltax reads (enterprise_id, period YYYY, wages with 2 decimals): `skilltax deduct` on it gives ' +
        'the same reports as on the monthly rows. An enterprise-year with both whole-year and monthly rows is left out ' +
        '(skilltax refuses it).\n\n' +
        'insurance: a table with person_id, period (YYYY-MM) and enterprise_id, one row per month of unemployment ' +
        'insurance paid, as distinct (person_id, period, enterprise_id) rows: a month paid twice counts once. skilltax ' +
        'does not read insurance.csv yet (issue #15); this is the aggregation it will take.\n\n' +
        'With --rejected: the rows the checks reject, with a reason column. Run it first: rows it lists are missing ' +
        `from the aggregation. Reasons for payroll: ${reasons('payroll')}; for insurance: ${reasons('insurance')}.`,
    )
    .addArgument(new Argument('<kind>', 'what to aggregate').choices(SQL_KINDS))
    .addOption(new Option('--dialect <dialect>', 'the SQL dialect of the warehouse').choices(SQL_DIALECTS).makeOptionMandatory())
    .option('--table <name>', 'the table (or view) to read, optionally schema-qualified (default: the kind, payroll or insurance)')
    .option('--rejected', 'print the query that lists the rows the checks reject, with a reason column, instead')
    .addHelpText(
      'after',
      examples([
        'skilltax sql payroll --dialect duckdb',
        'skilltax sql payroll --dialect spark --table dw.payroll_monthly > payroll.sql',
        'skilltax sql payroll --dialect postgres --rejected',
        'skilltax sql insurance --dialect hive --table ods.unemployment_insurance',
        '',
        'With the DuckDB command line, on a payroll.csv of monthly rows:',
        "  duckdb w.duckdb -c \"CREATE VIEW payroll AS SELECT * FROM read_csv('payroll.csv', all_varchar = true)\"",
        '  skilltax sql payroll --dialect duckdb --rejected | duckdb -csv w.duckdb      (must list no row)',
        '  skilltax sql payroll --dialect duckdb | duckdb -csv w.duckdb > yearly/payroll.csv',
        '  skilltax deduct --payroll yearly/payroll.csv --training training.csv',
        '',
        'Exit status: 0 printed; 2 usage error (unknown kind or dialect, a table name that is not one).',
      ]),
    );
  cmd.action(
    act(outcome, async (kind: SqlKind, flags: { dialect: SqlDialect; table?: string; rejected?: boolean }) => {
      const table = flags.table ?? kind;
      if (!TABLE_NAME.test(table)) {
        throw new UsageError(`--table takes a table name such as payroll or dw.payroll (letters, digits, _ and $, up to two dots) (got "${table}"): for a file, create a view over it first`);
      }
      out(pushdownQuery(kind, { dialect: flags.dialect, table, rejected: Boolean(flags.rejected) }));
      return 0;
    }),
  );
  return cmd;
}
