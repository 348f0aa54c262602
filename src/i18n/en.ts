/**
 * The English catalogue: the keys of every user-facing message, by area. The Chinese catalogue
 * (zh.ts) has exactly these keys (its type is derived from this object). Keep each area's keys
 * between its markers, sorted as the code uses them.
 */
/** A message: plain text, or text made from named parameters. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((p: any) => string);

export const en = {
  // --- common ---
  'common.nothingWritten': 'nothing was written',
  // --- end common ---
  // --- cli ---
  'cli.opt.reform': 'with --explain: also explain the subject under this rules file (a what-if; see run --reform)',
  'cli.reformNeedsExplain': (p: { command: string }) => `--reform on ${p.command} explains one subject both ways: give --explain ID too (skilltax run DIR --reform FILE compares whole runs)`,
  'cli.explainBaseline': '=== baseline (the rules in force) ===',
  'cli.explainReform': (p: { file: string }) => `=== reform (${p.file}) ===`,
  'cli.problemsInInput': (p: { n: number; truncated: boolean }) =>
    `${p.n} problem${p.n === 1 ? '' : 's'} in the input${p.truncated ? ' (more not shown: raise --max-errors)' : ''}; nothing was written`,
  'cli.amountTooLarge': 'check the inputs for an amount typed too large; nothing was written',
  'cli.internalError': (p: { what: string; debug: boolean }) =>
    `internal error: ${p.what}${p.debug ? '' : ' (SKILLTAX_DEBUG=1 shows where)'}; nothing was written; please report it`,
  // help
  'cli.description':
    'Vocational-skills tax reliefs from enterprise CSV exports: the employee education expense deduction ' +
    '(职工教育经费) and the 产教融合 credit against the education surcharges, with their carryforward ' +
    'ledger; training subsidy eligibility; talent awards and grants; school property tax exemptions; and the parameters with their legal sources.',
  'cli.versionOption': 'output the version number',
  'cli.helpAfterError': '(run with --help for usage)',
  'cli.exitStatus': 'Exit status: 0 done; 1 done, but something needs a person; 2 usage error or invalid input (nothing written).',
  'cli.helpUsage': 'Usage:',
  'cli.helpArguments': 'Arguments:',
  'cli.helpOptions': 'Options:',
  'cli.helpCommands': 'Commands:',
  'cli.helpOption': 'display help for command',
  'cli.helpCommand': 'display help for command',
  'cli.examples': 'Examples:',
  // global options
  'cli.opt.rules': 'parameter overrides (JSON, see `skilltax rules`)',
  'cli.opt.encoding': 'input encoding (default auto: UTF-8 with or without BOM, else GB18030)',
  'cli.opt.header': 'language of output CSV headers (default en)',
  'cli.opt.format': 'report format (default csv; xlsx: an Excel workbook, with --out)',
  'cli.opt.bom': 'start CSV output with a UTF-8 BOM, for Excel',
  'cli.opt.quiet': 'print no summary or warnings on standard error',
  'cli.opt.noColor': 'no colour (NO_COLOR is honoured too)',
  'cli.opt.lang': 'language of messages, explain and the HTML report (default from LC_ALL/LC_MESSAGES/LANG: zh* is Chinese)',
  'cli.opt.maxErrors': 'list at most this many problems per file (default 100)',
  'cli.opt.lockTimeout': 'wait this long for another run that holds the ledger this run writes, then exit 2 (default 60)',
  'cli.opt.sheet': 'the sheet of an .xlsx/.xls input to read, by name or number (default the first)',
  'cli.opt.headerRow': "the line (a workbook's row) of the header (default: the first of the first 20 with every required column)",
  'cli.opt.delimiter': 'the delimiter of text inputs: comma, tab or semicolon (default: detected from the first lines)',
  'cli.opt.enterpriseId': 'the 统一社会信用代码 of an input that has no enterprise_id column, for every row',
  'cli.opt.accountMap': 'the ledger accounts of a general-ledger detail export (明细账) given as training input: account,category,kind',
  // usage errors of the global options
  'cli.badMaxErrors': (p: { got: string }) => `--max-errors takes a whole number of 1 or more (got "${p.got}")`,
  'cli.badLockTimeout': (p: { got: string }) => `--lock-timeout takes a number of seconds from 0 to 86400 (got "${p.got}")`,
  'cli.badHeaderRow': (p: { got: string }) => `--header-row takes a line number of 1 or more (got "${p.got}")`,
  'cli.badDelimiter': (p: { got: string }) => `--delimiter takes comma (","), tab or semicolon (";") (got "${p.got}")`,
  'cli.badSheet': '--sheet takes a sheet name or number',
  'cli.xlsxPrinted': '--format xlsx writes a workbook to a file: this output is printed, use --format csv or json',
  'cli.badYear': (p: { flag: string; got: string }) => `${p.flag} takes a year YYYY (got "${p.got}")`,
  'cli.yearOrRange': 'give --year, or --from/--to, not both',
  'cli.oneStdin': 'only one input can be read from standard input ("-")',
  'cli.theInput': (p: { flag: string }) => `the ${p.flag} input`,
  'cli.theRulesFile': 'the --rules file',
  // calculator commands
  'cli.opt.ledger': (p: { holds: string }) => `ledger.csv: the ${p.holds} from earlier periods`,
  'cli.opt.ledgerOut': 'write the updated ledger here (may be the --ledger file itself)',
  'cli.opt.force': 'drop later ledger rows that the recomputation invalidates instead of refusing',
  'cli.xlsxNeedsOut': '--format xlsx writes a workbook: give --out FILE.xlsx (the report is not printed)',
  'cli.warning': (p: { text: string }) => `warning: ${p.text}`,
  'cli.note': (p: { text: string }) => `note: ${p.text}`,
  'cli.afterword': (p: { command: string; items: string[] }) => `${p.command}: ${p.items.join(', ')}`,
  'cli.quietWarnings': (p: { n: number }) => `${p.n} warning${p.n === 1 ? '' : 's'} made the exit status 1 (run without --quiet to see ${p.n === 1 ? 'it' : 'them'})`,
  'cli.progressFormat': '{file} |{bar}| {percentage}% {done}/{size} MB | {rate} rows/s | ETA {eta_formatted}',
  // declared files (validate, reconcile): what a second declaration repeats
  'cli.keyEnterpriseYear': 'enterprise and year',
  'cli.keyEnterprisePeriodFee': 'enterprise, period and fee',
  // reconcile
  'cli.reconcile.summary': 'compare what was declared with what skilltax computes',
  'cli.reconcile.description':
    'Recomputes the education expense deductions (and, with --declared-credits, the 产教融合 credits) and compares ' +
    'every amount column the declared file gives, by enterprise and year (credits: enterprise, period and fee). ' +
    'One row per amount that differs; difference = declared − computed. Exit 1 when any differs.',
  'cli.reconcile.opt.declared': 'declared.csv: enterprise_id, year, then any amount columns of deductions.csv',
  'cli.reconcile.opt.ledger': 'ledger.csv with what earlier years carried forward',
  'cli.reconcile.opt.declaredCredits': 'declared credits: enterprise_id, period, fee, then any amount columns of credits.csv',
  'cli.reconcile.opt.surcharges': 'surcharges.csv (with --declared-credits)',
  'cli.reconcile.opt.out': 'write the differences here (default: standard output)',
  'cli.reconcile.opt.tolerance':
    'differences of at most this many yuan are not reported (default 0.00; e-filing front-ends round some figures in binary floating point)',
  'cli.reconcile.exitStatus': 'Exit status: 0 everything agrees; 1 differences listed; 2 nothing written.',
  'cli.reconcile.badTolerance': (p: { got: string }) => `--tolerance takes an amount in yuan, 0 or more, e.g. 0.01 (got "${p.got}")`,
  'cli.reconcile.declaredNeeds': '--declared needs --payroll and --training to recompute the deductions',
  'cli.reconcile.declaredCreditsNeeds': '--declared-credits needs --surcharges to recompute the credits',
  'cli.reconcile.nothingDeclared': 'give --declared (with --payroll and --training), or --declared-credits (with --surcharges), or both',
  'cli.reconcile.differ': (p: { n: number; declarations: number }) =>
    `${p.n} amount${p.n === 1 ? ' differs' : 's differ'}, in ${p.declarations} declaration${p.declarations === 1 ? '' : 's'}`,
  'cli.reconcile.agree': 'every declared amount agrees',
  // rules
  'cli.rules.summary': 'list the dated parameters, with their legal sources and status',
  'cli.rules.description':
    'Lists every rate, cap, threshold and amount as a dated parameter: key, value, validity, legal source and status (verified, practice or unverified). With --rules FILE, the overrides are shown in place.',
  'cli.rules.opt.at': 'only the parameters in force on this date (YYYY-MM-DD)',
  'cli.rules.exampleFile': 'A rules file replaces whole series by key:',
  'cli.rules.badAt': (p: { problem: string; got: string }) => `--at: ${p.problem} (got "${p.got}")`,
  // sql
  'cli.sql.summary': 'print the warehouse query that aggregates payroll (or insurance months) for skilltax',
  'cli.sql.description': (p: { payrollReasons: string; insuranceReasons: string }) =>
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
    `from the aggregation. Reasons for payroll: ${p.payrollReasons}; for insurance: ${p.insuranceReasons}.`,
  'cli.sql.arg.kind': 'what to aggregate',
  'cli.sql.opt.dialect': 'the SQL dialect of the warehouse',
  'cli.sql.opt.table': 'the table (or view) to read, optionally schema-qualified (default: the kind, payroll or insurance)',
  'cli.sql.opt.rejected': 'print the query that lists the rows the checks reject, with a reason column, instead',
  'cli.sql.exampleDuckdb': 'With the DuckDB command line, on a payroll.csv of monthly rows:',
  'cli.sql.exampleNoRow': '(must list no row)',
  'cli.sql.exitStatus': 'Exit status: 0 printed; 2 usage error (unknown kind or dialect, a table name that is not one).',
  'cli.sql.badTable': (p: { got: string }) =>
    `--table takes a table name such as payroll or dw.payroll (letters, digits, _ and $, up to two dots) (got "${p.got}"): for a file, create a view over it first`,
  // validate
  'cli.validate.summary': 'check input files without computing anything',
  'cli.validate.description': (p: { kinds: string }) =>
    `Checks each file against its kind (${p.kinds}) and lists every problem as FILE:LINE:COLUMN: message.\n` +
    'Every file is checked; a file that cannot be read (or whose kind cannot be told) is listed as FILE:0:0: reason.\n' +
    'Exit status: 0 clean, 1 problems found, 2 a file could not be read or an unusable argument (unknown --kind).',
  'cli.validate.arg.files': 'files to check ("-" for standard input)',
  'cli.validate.opt.kind': (p: { kinds: string }) => `the kind of every file (${p.kinds}); default: from the file name`,
  'cli.validate.unknownKind': (p: { kind: string; kinds: string }) => `--kind ${p.kind}: unknown kind (known: ${p.kinds})`,
  'cli.validate.noKind': (p: { kinds: string }) => `cannot tell the kind from the file name; pass --kind (${p.kinds})`,
  'cli.validate.fileResult': (p: { file: string; kind: string; problems: number }) =>
    `${p.file} (${p.kind}): ${p.problems === 0 ? 'ok' : `${p.problems} problem${p.problems === 1 ? '' : 's'}`}`,
  // --- end cli ---
  // --- run ---
  'run.unknownEnterprises': (p: { n: number; ids: string; more: boolean }) =>
    `${p.n} enterprise id${p.n === 1 ? '' : 's'} in the reports ${p.n === 1 ? 'is' : 'are'} not in enterprises.csv (${p.ids}${p.more ? ' …' : ''}): no name or town for ${p.n === 1 ? 'it' : 'them'}`,
  'run.reformHeading': (p: { file: string }) => `reform ${p.file} against the baseline (all towns and years):`,
  'run.reformNoChange': 'no amount differs from the baseline',
  'run.needs': (p: { noun: string; plural: boolean; files: string }) => `${p.noun} need${p.plural ? '' : 's'} ${p.files}`,
  'run.needsWith': (p: { needs: string; optional: string }) => `${p.needs} (with ${p.optional} when present)`,
  'run.useSeparator': '; ',
  'run.summary': 'run every calculator whose inputs are in a folder',
  'run.description': (p: { uses: string }) =>
    'Runs every calculator whose inputs are present in DIR under their canonical names, writes each report, ' +
    'the updated ledger.csv, summary.csv, summary.json and report.html into OUTDIR, and prints a short summary. ' +
    `${p.uses.replace(/^t/, 'T')}. ledger.csv, rules.json (parameter overrides) and enterprises.csv (names and towns) are used when present.`,
  'run.argDir': 'folder with the input files',
  'run.optOut': 'where to write the reports (default DIR/out)',
  'run.optYear': 'compute this year only',
  'run.optFrom': 'first year',
  'run.optTo': 'last year',
  'run.optReform': 'a rules file (as --rules) to compare with the baseline: writes reform.csv and a Reform section in report.html; never changes the ledger',
  'run.exitStatus': 'Exit status: 0 done; 1 done with warnings; 2 nothing written.',
  'run.noSuchFolder': (p: { dir: string }) => `${p.dir}: no such folder`,
  'run.noCalculator': (p: { dir: string; needs: string }) => `${p.dir}: no calculator has its inputs here (${p.needs})`,
  'run.what.input': (p: { name: string }) => `the input ${p.name}`,
  'run.what.reformFile': 'the --reform file',
  'run.what.report': 'the report',
  'run.what.ledger': 'the ledger',
  'run.what.summary': 'the summary',
  'run.what.reform': 'the reform comparison',
  'run.what.workbook': 'the workbook',
  // --- end run ---
  // --- report ---
  'report.listedBelow': '(listed below)',
  'report.wrote': (p: { files: string[]; dir: string }) => `wrote ${p.files.join(', ')} to ${p.dir}`,
  // --- end report ---
  // --- html ---
  // --- end html ---
  // --- io ---
  'io.enterpriseTwice': (p: { id: string; first: number }) => `enterprise_id: ${p.id} is listed twice (the first is on line ${p.first})`,
  // --- end io ---
  // --- deduct ---
  // --- end deduct ---
  // --- credit ---
  // --- end credit ---
  // --- subsidy ---
  // --- end subsidy ---
  // --- awards ---
  // --- end awards ---
  // --- exempt ---
  // --- end exempt ---
  // --- ledger ---
  // --- end ledger ---
  // --- rules ---
  // --- end rules ---
  // --- domain ---
  // --- end domain ---
} as const satisfies Record<string, Message>;

/** The Chinese catalogue's type: the English keys, each with a message taking the same parameters. */
export type Catalogue = { readonly [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K] };
