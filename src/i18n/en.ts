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
  'cli.badAsOf': (p: { value: string }) => `--as-of takes a date YYYY-MM-DD (got "${p.value}")`,
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
  'run.what.html': 'the HTML report',
  'run.rulesNotStdin': '--rules and --reform take a file: standard input ("-") is for one CSV input',
  'run.underReform': (p: { file: string; message: string }) => `under the --reform file ${p.file} (the baseline computed): ${p.message}`,
  // --- end run ---
  // --- report ---
  'report.listedBelow': '(listed below)',
  'report.wrote': (p: { files: string[]; dir: string }) => `wrote ${p.files.join(', ')} to ${p.dir}`,
  // --- end report ---
  // --- html ---
  'html.title': 'skilltax run report',
  'html.inputFolder': 'input folder',
  'html.years': 'years',
  'html.reformFile': 'reform',
  'html.warnings': (p: { n: number }) => `${p.n} warning${p.n === 1 ? '' : 's'} to look at first`,
  'html.noWarnings': 'No warning: nothing needs a person first.',
  'html.notes': (p: { n: number }) => `${p.n} note${p.n === 1 ? '' : 's'}`,
  'html.unknownEnterprises': (p: { n: number; ids: string }) => `${p.n} enterprise id${p.n === 1 ? '' : 's'} in the reports missing from enterprises.csv: ${p.ids}`,
  'html.totals': 'Totals by calculator',
  'html.total': 'Total',
  'html.townUnknown': '(town not known)',
  'html.nothingToChart': 'Nothing to chart: every figure is zero.',
  'html.tableBehind': 'Table behind the chart',
  'html.legalSource': 'Legal source',
  'html.level': (p: { level: string }) => `level ${p.level}`,
  'html.noLevel': 'no level',
  'html.rightAxis': (p: { name: string }) => `${p.name} (right axis)`,
  'html.edu.title': 'Employee education expense (职工教育经费)',
  'html.edu.byYear': 'Wages, cap, deductible and carried forward by year (all enterprises)',
  'html.edu.largestCarried': (p: { year: string }) => `Largest balances carried forward out of ${p.year}`,
  'html.credit.title': '产教融合 credit against the education surcharges',
  'html.credit.byPeriod': 'Credit used and pool carried, by quarter',
  'html.credit.relief': 'Exemptions and reductions granted, by quarter',
  'html.subsidy.title': 'Training subsidies (职业技能培训补贴)',
  'html.subsidy.byProgram': 'Claims eligible and ineligible, by programme',
  'html.subsidy.byTown': 'Claims eligible and ineligible, by town (镇街道)',
  'html.subsidy.reasons': 'Top reasons for refusal',
  'html.subsidy.byLevel': 'Amounts granted, by level',
  'html.awardsExempt.title': 'Talent awards and school property tax exemptions',
  'html.awards.byProgram': 'Talent awards (人才奖励) paid, by programme',
  'html.exempt.byTax': 'Tax before exemption and exempt amount, by tax',
  'html.reform.title': 'Reform: what-if against the baseline',
  'html.reform.params': 'Parameters the reform changes',
  'html.reform.byCalculator': 'Difference by calculator',
  'html.reform.byTown': (p: { measure: string }) => `Difference by town (镇街道): ${p.measure}`,
  'html.reform.byYear': (p: { measure: string }) => `Baseline and reform by year: ${p.measure}`,
  'html.reform.unchanged': (p: { n: number }) => `${p.n} other figure${p.n === 1 ? '' : 's'} unchanged.`,
  'html.reform.nothingChanged': 'The reform changes no figure of this run.',
  'html.reform.affected': 'Most affected enterprises and persons',
  'html.inputs.title': 'Inputs and parameters',
  'html.inputs.read': 'Inputs read',
  'html.inputs.overridden': 'Parameters overridden',
  'html.noOverrides': 'None: every parameter is the built-in one (skilltax rules lists them with their sources).',
  'html.outputs': 'Files written',
  'html.footer': 'Made by skilltax run from the reports of this run. Amounts in yuan (元).',
  'html.measure.wages': 'wages (工资薪金总额)',
  'html.measure.cap': 'cap',
  'html.measure.incurred': 'incurred',
  'html.measure.deductible': 'deductible (row 5)',
  'html.measure.carry_out': 'carried forward',
  'html.measure.year': 'year',
  'html.measure.quarter': 'quarter',
  'html.measure.enterprise_id': 'enterprise (统一社会信用代码)',
  'html.measure.name': 'name',
  'html.measure.town': 'town (镇街道)',
  'html.measure.due': 'due',
  'html.measure.exemption': 'exemption',
  'html.measure.reduction': 'reduction (六税两费)',
  'html.measure.credit': 'credit used',
  'html.measure.paid': 'paid',
  'html.measure.payable': 'payable',
  'html.measure.pool': 'pool carried',
  'html.measure.rows': 'rows',
  'html.measure.eligible': 'eligible',
  'html.measure.ineligible': 'ineligible',
  'html.measure.amount': 'amount',
  'html.measure.program': 'programme',
  'html.measure.reason': 'reason',
  'html.measure.level': 'level',
  'html.measure.tax': 'tax',
  'html.measure.exempt': 'exempt',
  'html.measure.tax_amount': 'tax before exemption',
  'html.measure.exempt_amount': 'exempt amount',
  'html.measure.calculator': 'calculator',
  'html.measure.measure': 'measure',
  'html.measure.baseline': 'baseline',
  'html.measure.reform': 'reform',
  'html.measure.difference': 'difference',
  'html.measure.subject': 'enterprise or person',
  'html.measure.key': 'parameter',
  'html.measure.value': 'value',
  'html.measure.source': 'source',
  'html.measure.status': 'status',
  'html.measure.origin': 'from',
  'html.measure.file': 'file',
  'html.measure.kind': 'kind',
  'html.measure.total_deductible': 'total deductible (row 4)',
  'html.measure.total_adjustment': 'total adjustment (纳税调整)',
  'html.measure.full_deductible': 'deductible in full (row 6)',
  'html.measure.enterprise_years': 'enterprise-years',
  'html.measure.claims': 'claims',
  'html.measure.awards': 'awards',
  'html.measure.assets': 'assets',
  'html.calc.education_expense': 'Education expense (职工教育经费)',
  'html.calc.pcie_credit': '产教融合 credit',
  'html.calc.training_subsidy': 'Training subsidies',
  'html.calc.awards': 'Talent awards',
  'html.calc.exempt': 'School tax exemptions',
  'html.term.training': 'vocational training',
  'html.term.skill_upgrade': 'skill upgrade (技能提升补贴)',
  'html.term.apprenticeship': 'apprenticeship (学徒制)',
  'html.term.work_based': 'work-based training (以工代训)',
  'html.term.shortage_post': 'shortage posts',
  'html.term.property': 'property tax (房产税)',
  'html.term.land_use': 'land use tax (城镇土地使用税)',
  'html.term.farmland': 'farmland occupation tax (耕地占用税)',
  'html.term.deed': 'deed tax (契税)',
  'html.note.full_training_unqualified': 'full deduction of training costs claimed without the qualification that allows it (row 6 not deducted)',
  'html.note.ledger_gap': 'no ledger row for the year before: the carryforward brought in may be missing (give the ledger, or compute from the first year)',
  'html.note.no_wages': 'expense or carryforward in a year without wages: nothing can be deducted that year',
  'html.note.not_pilot': '产教融合 investment in a period without the 产教融合型企业 qualification: not credited',
  'html.note.investment_withdrawn': 'investment withdrawn below the credits already taken: earlier credits may need repaying',
  'html.note.sales_missing': 'no sales figure: the small-payer exemption could not be tested',
  'html.note.overpaid': 'paid above what is due',
  // --- end html ---
  // --- io ---
  'io.townStar': 'town: "*" stands for all towns in summary.json and reform.csv; give the town\'s name, or leave it empty',
  'io.enterpriseTwice': (p: { id: string; first: number }) => `enterprise_id: ${p.id} is listed twice (the first is on line ${p.first})`,
  // csv-in.ts: a file that cannot be read
  'io.noSuchFile': 'no such file',
  'io.isFolder': 'is a folder, not a file',
  'io.permissionDenied': 'permission denied',
  'io.cannotRead': (p: { code: string }) => `cannot be read (${p.code})`,
  // csv-in.ts: the header
  'io.headerRowPastEnd': (p: { row: number; sheet: boolean }) =>
    `--header-row ${p.row}: the ${p.sheet ? 'sheet' : 'file'} ends before that ${p.sheet ? 'row' : 'line'} (or has nothing from there on)`,
  'io.emptySheet': 'the sheet is empty: a header row is expected',
  'io.emptyFile': 'the file is empty: a header line is expected',
  'io.duplicateColumn': (p: { first: number; column: number; name: string }) => `columns ${p.first} and ${p.column} both give "${p.name}": keep one of them`,
  'io.netPayOnly': (p: { label: string; column: number }) =>
    `missing required column "wages": ${p.label} (column ${p.column}) is net pay (实发, after tax and deductions), which is not the wage base; export the gross pay column instead: 应发工资, 工资总额 or 应发合计`,
  'io.missingColumn': (p: { name: string; accepted: readonly string[] }) => `missing required column "${p.name}" (accepted names: ${p.accepted.join(', ')})`,
  'io.tabsInLine': (p: { separated: string }) =>
    `the line holds tab characters: the file looks tab-separated, but it was read as ${p.separated} (pass --delimiter tab, or leave --delimiter out to detect it)`,
  'io.delimiter.comma': 'comma',
  'io.delimiter.tab': 'tab',
  'io.delimiter.semicolon': 'semicolon',
  'io.separated.comma': 'comma-separated',
  'io.separated.tab': 'tab-separated',
  'io.separated.semicolon': 'semicolon-separated',
  'io.noHeaderInSheet': (p: { kind: string; required: readonly string[]; rows: number; sheet: string; sheets: string; others: readonly string[] }) =>
    `no header with the required columns of a ${p.kind} file (${p.required.join(', ')}) in the first ${p.rows} rows of sheet ${p.sheet}; the workbook's sheets: ${p.sheets}; ${
      p.others.length ? `${p.others.join(', ')} ${p.others.length === 1 ? 'has' : 'have'} them: pass --sheet ${p.others[0]}` : 'no other sheet has them either'
    }`,
  // csv-in.ts: the note of how a file was read
  'io.note.sheet': (p: { sheet: string; sheets?: string }) => `sheet ${p.sheet}${p.sheets !== undefined ? ` (the workbook's sheets: ${p.sheets})` : ''}`,
  'io.note.twoRowHeader': (p: { sheet: boolean; line: number; below: number; shown: string }) => `a two-row header on ${p.sheet ? 'row' : 'line'}s ${p.line}–${p.below}, read as: ${p.shown}`,
  'io.note.header': (p: { sheet: boolean; line: number; shown: string }) => `the header on ${p.sheet ? 'row' : 'line'} ${p.line}: ${p.shown}`,
  'io.note.skippedAbove': (p: { sheet: boolean; n: number }) => `${p.n} ${p.sheet ? 'row' : 'line'}${p.n === 1 ? '' : 's'} above it skipped (titles, notes)`,
  'io.note.periodFrom': (p: { year: string; month: string }) => `the period from the columns ${p.year} and ${p.month}`,
  'io.note.enterpriseFill': (p: { id: string }) => `enterprise_id ${p.id} for every row (--enterprise-id)`,
  'io.note.enterpriseNotUsed': '--enterprise-id not used: the file has an enterprise_id column (a row of another enterprise is refused)',
  'io.note.separator': '; ',
  'io.note.totalRow': (p: { where: string; label: string }) => `${p.where}: a total row (${p.label}), skipped`,
  'io.note.moreTotalRows': (p: { file: string; n: number }) => `${p.file}: ${p.n} more total rows skipped`,
  'io.note.moreRounded': (p: { file: string; n: number }) => `${p.file}: ${p.n} more amounts rounded to the fen`,
  // csv-in.ts: the rows
  'io.tooManyCells': (p: { n: number; m: number; hint: string }) => `${p.n} cells, header has ${p.m}; ${p.hint}`,
  'io.quoteThousands': (p: { example?: string }) =>
    `an amount with a thousands separator must be quoted${p.example !== undefined ? `, as "${p.example}" here` : ', and so must any text with a comma'}`,
  'io.quoteDelimiter': (p: { delimiter: string }) => `a cell that holds a ${p.delimiter} must be quoted`,
  'io.tooFewCells': (p: { n: number; m: number; name: string; column: number }) =>
    `${p.n} cell${p.n === 1 ? '' : 's'}, header has ${p.m}: the record ends before "${p.name}" (column ${p.column})`,
  'io.missingValue': (p: { name: string }) => `missing value for "${p.name}"`,
  'io.missingPeriodFrom': (p: { year: string; month: string }) => `missing value for "period" (from the columns ${p.year} and ${p.month})`,
  'io.periodFromColumns': (p: { problem: string; year: string; month: string }) => `period: ${p.problem} (year ${p.year}, month ${p.month})`,
  'io.enterpriseIdMismatch': (p: { id: string }) =>
    `enterprise_id: the file has an enterprise_id column, and this row's is not --enterprise-id ${p.id}: --enterprise-id only fills a missing column (leave it out for this file)`,
  'io.nulInCell': 'a NUL character (\\0) in the cell: the file is damaged or not a text file',
  // csv-in.ts, workbook.ts: workbooks
  'io.workbookUnreadable': (p: { ext: string; error: string }) =>
    `the file is an Excel workbook (${p.ext}) or looks like one, but it cannot be read as one (${p.error}): save it again from Excel, or as "CSV UTF-8"`,
  'io.zipNoSheet': 'the file is a zip archive with no workbook sheet in it (not an Excel workbook?): save it from Excel as .xlsx or "CSV UTF-8"',
  'io.noSuchSheet': (p: { sheets: string }) => `no such sheet: the workbook's sheets are ${p.sheets} (--sheet takes a name or a number)`,
  'io.roundedToFen': (p: { text: string; rounded: string }) => `the cell holds ${p.text}, read as ${p.rounded} (rounded half-up to the fen)`,
  'io.formulaNoValue': (p: { formula: string }) => `a formula (=${p.formula}) with no saved value: open the file in Excel and save it, so the value is stored`,
  'io.cellError': (p: { error: string }) => `the cell holds the error ${p.error}`,
  // csv-syntax.ts
  'io.strayQuote': 'not readable as CSV: a quote inside a cell that does not start with one; quote the whole cell and double the quote inside it (12" pipe → "12"" pipe")',
  'io.afterQuote': 'not readable as CSV: text after the closing quote of a quoted cell; a quote inside a quoted cell is written twice ("")',
  'io.unclosedQuote': 'not readable as CSV: the quote that opens this cell is never closed, so the rest of the file would be inside it',
  // encoding.ts
  'io.utf16': `the file is UTF-16 (Excel's "Unicode Text"); save it as "CSV UTF-8" or "CSV" instead`,
  'io.xlsxOnStdin':
    'the input is an Excel workbook (.xlsx) or another zip archive: a workbook is read from a file, not from standard input (give its path instead of "-"), or save it from Excel as "CSV UTF-8"',
  'io.xlsOnStdin':
    'the input is an Excel 97–2003 workbook (.xls): a workbook is read from a file, not from standard input (give its path instead of "-"), or save it from Excel as "CSV UTF-8"',
  'io.lineTooLong': (p: { mib: number }) => `a line longer than ${p.mib} MiB: this is not a CSV file (or it has no line ends)`,
  'io.encoding.readings': (p: { first: string; firstName: string; second: string; secondName: string }) =>
    `this cell reads "${p.first}" as ${p.firstName} and "${p.second}" as ${p.secondName}`,
  'io.encoding.invalidForced': (p: { name: string; enc: string; readings: string; otherName: string; other: string; excel: boolean }) =>
    `not valid ${p.name} (--encoding ${p.enc}): ${p.readings}; if the whole file is ${p.otherName}${p.excel ? ' (as Excel on Chinese Windows saves it)' : ''}, pass --encoding ${p.other}`,
  'io.encoding.invalid': (p: { name: string; readings: string }) => `not valid ${p.name} like the rest of the file: ${p.readings}; save the whole file in one encoding`,
  'io.encoding.mixed': (p: { name: string; readings: string; otherName: string; other: string }) =>
    `a ${p.otherName} line in a ${p.name} file: ${p.readings}; save the whole file in one encoding (or pass --encoding ${p.other} if the whole file is ${p.otherName})`,
  // values.ts, kinds.ts: cells
  'io.value.notAmount': 'not an amount: write yuan with a "." decimal point, e.g. 1234.56',
  'io.value.tooManyDecimals': 'an amount has at most 2 decimals (角分)',
  'io.value.amountTooLarge': 'amount is too large',
  'io.value.negative': 'a negative amount is not allowed here',
  'io.value.notCalendarDate': 'not a calendar date',
  'io.value.notDate': 'not a date: write YYYY-MM-DD, YYYY/M/D or YYYYMMDD',
  'io.value.notYear': 'not a year: write YYYY',
  'io.value.notFilingPeriod': 'not a period: write YYYY-MM (month) or YYYY-Qn (quarter)',
  'io.value.notPayrollPeriod': 'not a payroll period: write YYYY-MM or YYYY',
  'io.value.notPeriod': 'not a period: write YYYY, YYYY-MM or YYYY-Qn',
  'io.value.notCount': 'not a whole number of 0 or more',
  'io.value.notLevel': 'not a skill level: 1–5 (5 = 初级工 … 1 = 高级技师) or 初级/中级/高级/技师/高级技师',
  'io.value.notKnown': (p: { what: string; accepted: string }) => `not a known ${p.what}; accepted: ${p.accepted}`,
  'io.value.yesNo': 'write yes or no',
  'io.value.notRate': 'not a rate: write a decimal fraction such as 0.03, or a percentage such as 3%',
  'io.value.rateAboveOne': 'a rate is a fraction between 0 and 1 (3% is 0.03)',
  'io.value.notArea': 'not an area: write square metres with a "." decimal point, e.g. 1200.50',
  'io.value.notMonth': 'not a month: write YYYY-MM',
  'io.value.notStar': 'not a star rating (星级): 1–5',
  'io.enum.category': 'category',
  'io.enum.qualification': 'qualification',
  'io.enum.ledgerKind': 'ledger kind',
  'io.enum.accountKind': 'account kind',
  'io.enum.program': 'program',
  'io.enum.group': 'group',
  'io.enum.certificateType': 'certificate type',
  'io.enum.route': 'route',
  'io.enum.unit': 'unit',
  'io.enum.awardProgram': 'award program',
  'io.enum.rating': 'rating',
  'io.enum.studioLevel': 'studio level',
  'io.enum.tax': 'tax',
  'io.enum.schoolType': 'school type',
  'io.enum.use': 'use',
  'io.enum.fee': 'fee',
  // declared.ts
  'io.secondDeclaration': (p: { keyName: string; first: number }) => `a second declaration for the same ${p.keyName} (the first is on line ${p.first})`,
  // load.ts
  'io.bothYearAndMonth': (p: { id: string; year: number; other: number }) =>
    `period: ${p.id} has both whole-year and monthly payroll rows for ${p.year} (line ${p.other}): its wages would be counted twice`,
  'io.negativeOnlyPcie': (p: { column: string }) => `${p.column}: a negative amount is allowed only for pcie_investment (a withdrawal)`,
  'io.notLedgerExport': 'not a general-ledger export: it needs an account column (科目编码 or 科目名称) and 借方金额 or 贷方金额',
  'io.note.ledgerRowSkipped': (p: { at: string; summary?: string }) => `${p.at}: a ${p.summary ?? 'row without a date'} row of the ledger export, skipped`,
  'io.note.ledgerExportRead': (p: { file: string; used: number; map: boolean }) =>
    `${p.file}: read as a general-ledger export: ${p.used} row${p.used === 1 ? '' : 's'} of the education expense account${p.map ? 's of --account-map' : ' 应付职工薪酬—职工教育经费'}`,
  'io.note.ledgerExportNoRow': (p: { file: string; map: boolean }) =>
    `${p.file}: read as a general-ledger export, but no row is of ${p.map ? 'an account of --account-map' : 'the account 应付职工薪酬—职工教育经费'}: give the account with --account-map`,
  'io.qualificationEndsBeforeStart': (p: { from: string }) => `valid_to: the qualification ends before it starts (valid_from ${p.from})`,
  'io.periodOverlap': (p: { id: string; period: string; other: string; line: number; how: 'same' | 'month' | 'quarter' }) =>
    `${p.id}: period ${p.period} overlaps ${p.other} on line ${p.line}${
      p.how === 'same' ? ' (the same period twice)' : p.how === 'month' ? ' (a month inside a quarter it also filed)' : ' (a quarter containing a month it also filed)'
    }`,
  'io.secondClaim': (p: { id: string; first: number }) => `claim_id: a second claim ${p.id} (the first is on line ${p.first})`,
  'io.claimNeedsMonths': (p: { program: string }) => `months: ${p.program === 'apprenticeship' ? 'an' : 'a'} ${p.program} claim needs the months it covers (1 or more)`,
  'io.catalogEndsBeforeStart': (p: { from: string }) => `valid_to: the row ends before it starts (valid_from ${p.from})`,
  'io.catalogDuplicate': (p: { first: number }) => `valid_from: line ${p.first} has the same program, occupation, level and valid_from: which one applies is unclear`,
  'io.paymentNeedsMonths': (p: { program: string }) => `months: ${p.program === 'apprenticeship' ? 'an' : 'a'} ${p.program} payment needs the months it covered`,
  'io.secondAward': (p: { id: string; first: number }) => `award_id: a second award ${p.id} (the first is on line ${p.first})`,
  'io.awardNeeds': (p: { need: string; program: string }) => `${p.need}: a ${p.program} row needs its ${p.need.replace('_', ' ')}`,
  'io.secondReview': (p: { id: string; year: number; first: number }) => `year: studio ${p.id} has a second review for ${p.year} (the first is on line ${p.first})`,
  'io.studioLevelNeeded': (p: { levels: readonly string[] }) => `level: a master_studio payment needs the studio level it was paid for (${p.levels.join(', ')})`,
  'io.asset': (p: { id: string; tax: string; what: string }) => `asset ${p.id} (${p.tax}, ${p.what})`,
  'io.assetNeeds': (p: { need: string; who: string }) => `${p.need}: ${p.who} needs its ${p.need.replace('_', ' ')}`,
  'io.valueOrRent': (p: { both: boolean; who: string }) =>
    `${p.both ? 'rent' : 'original_value'}: ${p.who} is taxed by value (original_value) or by rent (rent): ${p.both ? 'give one, not both' : 'give one of them'}`,
  'io.farmlandDate': (p: { who: string }) => `date: ${p.who} needs the date (or year) the farmland was occupied`,
  'io.oneOffYear': (p: { who: string; date: string; year: number }) => `year: ${p.who} is one-off, due in the year of its date ${p.date}, not ${p.year}`,
  'io.monthsYearly': (p: { who: string }) => `months: ${p.who} is taxed for 1 to 12 months of its year`,
  'io.monthsOneOff': (p: { who: string }) => `months: ${p.who} is one-off: months do not apply`,
  'io.secondAsset': (p: { tax: string; id: string; year: number; first: number }) => `asset_id: a second ${p.tax} row for asset ${p.id} in ${p.year} (the first is on line ${p.first})`,
  // load-fund.ts
  'io.trainingEndsBeforeStart': (p: { from: string }) => `training_end: the training ends before it starts (training_start ${p.from})`,
  'io.secondProvider': (p: { id: string; first: number }) => `provider_id: a second provider ${p.id} (the first is on line ${p.first})`,
  'io.filingEndsBeforeStart': (p: { from: string }) => `filed_to: the 备案 ends before it starts (filed_from ${p.from})`,
  'io.secondAllocation': (p: { year: number; program: string; first: number }) =>
    `program: a second allocation for ${p.program === '*' ? 'all programs (*)' : p.program} in ${p.year} (the first is on line ${p.first})`,
  // rules-file.ts
  'io.rules.notJson': (p: { file: string; error: string }) => `${p.file}: not valid JSON: ${p.error}`,
  'io.rules.notObject': (p: { file: string }) =>
    `${p.file}: expected an object of parameter series by key, e.g. {"eit.education_expense.rate": [{"from": "2018-01-01", "value": "0.08", "source": "财税〔2018〕51号"}]}`,
  'io.rules.unknownParam': (p: { file: string; key: string }) => `${p.file}: unknown parameter "${p.key}" (see \`skilltax rules\` for the keys)`,
  'io.rules.notArray': (p: { file: string; key: string }) => `${p.file}: "${p.key}" must be an array of entries {from, value, source}`,
  'io.rules.noEntries': (p: { file: string; key: string }) =>
    `${p.file}: "${p.key}" has no entries: give at least one {from, value, source}, or leave the key out to keep the built-in series`,
  'io.rules.entryNotObject': (p: { where: string }) => `${p.where}: an entry must be an object {from, value, source}`,
  'io.rules.unknownField': (p: { where: string; field: string; fields: readonly string[] }) => `${p.where}: unknown field "${p.field}" (fields: ${p.fields.join(', ')})`,
  'io.rules.fromRequired': '"from" (YYYY-MM-DD) is required',
  'io.rules.toBeforeFrom': '"to" is before "from"',
  'io.rules.valueRequired': '"value" is required',
  'io.rules.badValue': (p: { where: string; problem: string; got: string }) => `${p.where}.value: ${p.problem} (got ${p.got})`,
  'io.rules.badStatus': (p: { where: string; statuses: readonly string[]; got: string }) => `${p.where}.status: one of ${p.statuses.join(', ')} (got ${p.got})`,
  'io.rules.sourceNotText': (p: { where: string }) => `${p.where}.source: a text is expected`,
  'io.rules.sourceControl': (p: { where: string; source: string }) => `${p.where}.source: a control character (${p.source}) is not allowed`,
  'io.rules.sameFrom': (p: { file: string; key: string; from: string }) => `${p.file}: "${p.key}" has two entries with the same "from" (${p.from})`,
  'io.rules.runsPastNext': (p: { file: string; key: string; from: string; to: string; next: string }) =>
    `${p.file}: "${p.key}": the entry from ${p.from} runs to ${p.to}, past the next entry's "from" ${p.next}`,
  'io.rules.cannotRead': (p: { file: string; reason: string }) => `${p.file}: cannot read the rules file (${p.reason})`,
  // csv-out.ts, paths.ts: output files
  'io.out.theOutput': 'the output',
  'io.out.isFolder': (p: { path: string }) => `${p.path}: is a folder; name a file to write`,
  'io.out.cannotCreateFolder': (p: { path: string; folder: string; code: string }) => `${p.path}: cannot create the folder ${p.folder} (${p.code})`,
  'io.out.cannotWrite': (p: { path: string; code: string }) => `${p.path}: cannot write (${p.code})`,
  'io.out.cannotBeWritten': (p: { path: string; reason: string }) => `${p.path}: cannot be written (${p.reason})`,
  'io.out.symlinkLoop': (p: { path: string }) => `${p.path}: cannot be written (too many levels of symbolic links)`,
  'io.out.replacesInput': (p: { what: string; path: string; inputWhat: string; input: string; via: string; nothing: string }) =>
    `${p.what} ${p.path} is ${p.inputWhat} ${p.input}${p.via}: an output may not replace an input of the same run ` +
    `(only --ledger-out may name the --ledger file, to update it in place): name another file; ${p.nothing}`,
  'io.out.resolvesTo': (p: { path: string; real: string }) => ` (${p.path} resolves to ${p.real})`,
  'io.out.twoOutputs': (p: { path: string; firstWhat: string; first: string; what: string }) =>
    `${p.path}: two outputs name the same file (${p.firstWhat} ${p.first} and ${p.what} ${p.path}): name two files`,
  // lock.ts
  'io.lock.holder': (p: { pid: number; host: string; since: string; command: string }) => `pid ${p.pid} on host ${p.host}, since ${p.since} (${p.command})`,
  'io.lock.noHolder': (p: { refreshed?: string }) => `a process that recorded no holder${p.refreshed !== undefined ? `, last refreshed ${p.refreshed}` : ''}`,
  'io.lock.waited': (p: { seconds: number; timeout: number }) => `waited ${p.seconds} s (--lock-timeout ${p.timeout})`,
  'io.lock.didNotWait': 'did not wait (--lock-timeout 0)',
  'io.lock.locked': (p: { path: string; holder: string; waited: string; dir: string; nothing: string }) =>
    `${p.path} is locked by another skilltax run: ${p.holder}; ${p.waited}; ${p.nothing}. If no such run is going on, remove the folder ${p.dir}`,
  'io.lock.cannotLock': (p: { path: string; reason: string }) => `${p.path}: cannot lock the ledger (${p.reason})`,
  'io.lock.takenOver': (p: { path: string; seconds: number; nothing: string }) =>
    `${p.path}: the lock on the ledger was taken over by another run while this one computed (held more than ${p.seconds} s without refresh); ${p.nothing}: run it again`,
  // --- end io ---
  // --- deduct ---
  'deduct.noun': 'the education expense deduction',
  'deduct.summary': 'employee education expense deduction (职工教育经费, A105050 rows 4–6) with its carryforward',
  'deduct.description':
    'Computes the enterprise income tax deduction for employee education expense (职工教育经费): the cap of ' +
    '8% (2.5% before 2018) of wages, the carryforward of the excess across years, and the full deduction of ' +
    'separately accounted training for qualified enterprises. One row per enterprise and year.',
  'deduct.exitStatus': 'Exit status: 0 done; 1 done with warnings (notes such as ledger_gap); 2 nothing written.',
  'deduct.input.payroll': 'payroll.csv (enterprise_id, period, wages)',
  'deduct.input.training': 'training.csv (enterprise_id, date, category, amount, incurred)',
  'deduct.input.qualifications': 'qualifications.csv (high_tech, software_ic, …)',
  'deduct.range.year': 'compute this year only',
  'deduct.range.from': 'first year (default: the first year in the inputs)',
  'deduct.range.to': 'last year (default: the last year in the inputs)',
  'deduct.ledgerHolds': 'carryforward',
  'deduct.explain.help': 'print a step-by-step account of one enterprise',
  'deduct.explain.missing': (p: { id: string }) =>
    `--explain ${p.id}: no year of this enterprise was computed (not in the inputs, or outside the range asked for)`,
  'deduct.report.out': 'write the report here (default: standard output)',
  'deduct.title': 'Employee education expense (职工教育经费, A105050 rows 4–6)',
  'deduct.rateGap': (p: { year: number; reason: string }) => `no employee education expense rate is in force for ${p.year}: ${p.reason}`,
  'deduct.why.general': 'general rate',
  'deduct.why.special': (p: { label: string; span: string; key: string }) => `${p.label} (qualifications: ${p.span}; ${p.key})`,
  'deduct.noFull.notInForce': (p: { qualification: string; year: number; key: string }) =>
    `the ${p.qualification} full deduction is not in force in ${p.year} (${p.key})`,
  'deduct.noFull.lapsed': (p: { qualification: string; year: number; key: string }) =>
    `the ${p.qualification} qualification does not count for ${p.year}: not valid on ${p.year}-12-31 and not renewed (${p.key})`,
  'deduct.noFull.none': (p: { year: number }) => `no software_ic, animation, nuclear_power or airline qualification in ${p.year}`,
  'deduct.step.wages': 'wages (工资薪金总额, A105050 row 1 col 5)',
  'deduct.how.wages': (p: { n: number }) => `sum of ${p.n} payroll row${p.n === 1 ? '' : 's'}`,
  'deduct.step.rate': 'rate (税收规定扣除率)',
  'deduct.step.fullUnqualified': 'full_training without a qualification',
  'deduct.how.fullUnqualified': (p: { n: number; book: string; incurred: string; why: string }) =>
    `${p.n} full_training rows (book ${p.book}, incurred ${p.incurred}) treated as ordinary education expense (row 5): ${p.why}`,
  'deduct.step.cap': 'cap (扣除限额)',
  'deduct.step.book': 'book (账载金额, col 1)',
  'deduct.how.book': (p: { n: number; unqualified: boolean }) =>
    `${p.n} education row${p.n === 1 ? '' : 's'}${p.unqualified ? ' + unqualified full_training' : ''}`,
  'deduct.step.incurred': 'incurred (实际发生额, col 2)',
  'deduct.step.carryIn': 'carry in (以前年度累计结转扣除额, col 4)',
  'deduct.source.firstYear': 'no earlier ledger row: first year',
  'deduct.source.ledgerOpening': (p: { year: number }) => `ledger opening of ${p.year} (no earlier row)`,
  'deduct.source.ledgerClosing': (p: { year: number }) => `ledger closing of ${p.year}`,
  'deduct.step.ledgerGap': 'ledger gap',
  'deduct.how.ledgerGap': (p: { missing: number; year: number }) =>
    `the ledger has no row for ${p.missing}; its latest earlier row (${p.year}) was carried in`,
  'deduct.source.carryOut': (p: { year: number }) => `carry out of ${p.year}`,
  'deduct.step.deductible': 'deductible (税收金额, col 5)',
  'deduct.how.deductible': (p: { cap: string; incurred: string; carryIn: string }) =>
    `min(cap ${p.cap}, incurred ${p.incurred} + carry in ${p.carryIn})`,
  'deduct.step.adjustment': 'adjustment (纳税调整金额, col 6)',
  'deduct.how.adjustment': (p: { book: string; deductible: string }) => `book ${p.book} − deductible ${p.deductible}`,
  'deduct.step.carryOut': 'carry out (累计结转以后年度扣除额, col 7)',
  'deduct.how.carryOut': (p: { incurred: string; carryIn: string; deductible: string }) =>
    `incurred ${p.incurred} + carry in ${p.carryIn} − deductible ${p.deductible}`,
  'deduct.step.row6': 'row 6 full deduction (按税收规定全额扣除的职工培训费用)',
  'deduct.how.row6': (p: { incurred: string; book: string; adjustment: string; label: string; span: string }) =>
    `incurred ${p.incurred}, deducted in full; adjustment = book ${p.book} − incurred = ${p.adjustment}; ${p.label} (qualifications: ${p.span})`,
  'deduct.step.row4Deductible': 'row 4 total deductible (职工教育经费支出 税收金额)',
  'deduct.step.row4Adjustment': 'row 4 total adjustment',
  'deduct.how.row4': (p: { row5: string; row6: string }) => `row 5 ${p.row5} + row 6 ${p.row6}`,
  'deduct.step.noWages': 'no wages',
  'deduct.how.noWages': 'expense or carryforward in a year without wages: the cap is 0.00',
  'deduct.fromAfterTo': (p: { from: string | number; to: string | number }) => `--from ${p.from} is after --to ${p.to}`,
  'deduct.yearUnsupported': (p: { year: number; first: string }) =>
    `year ${p.year} is not supported: the employee education expense (职工教育经费) deduction is computed for ${p.first} and later (企业所得税法实施条例 第四十二条); choose --from ${p.first} or later`,
  'deduct.hint.skipped': (p: { id: string; years: string; year: number; file?: string; line?: number }) =>
    `${p.id}: the inputs for ${p.years} are not computed: the ledger brings an opening balance for the end of ${p.year} (${p.file}:${p.line})`,
  'deduct.hint.noLedger': (p: { id: string; years: string; start: number; before: number }) =>
    `${p.id}: the inputs have education expense in ${p.years}, before the first computed year ${p.start}, but no ledger row for ${p.before}: its carry in is 0.00 (pass --ledger, or compute from its first year)`,
  'deduct.advice': (p: { last: number }) => `recompute the later years too (--to ${p.last})`,
  'deduct.heading.title': (p: { id: string }) => `Employee education expense (职工教育经费), form A105050 rows 4–6, for ${p.id}`,
  'deduct.heading.formulas': 'Formulas (RULES §1.3): cap = round(wages × rate); deductible = min(cap, incurred + carry in);',
  'deduct.heading.rounding': 'adjustment = book − deductible; carry out = incurred + carry in − deductible. Rounding half-up to 0.01.',
  'deduct.label.years': 'years',
  'deduct.label.enterprises': 'enterprises',
  'deduct.label.rows': 'enterprise-years',
  'deduct.label.totalDeductible': 'total deductible',
  'deduct.label.totalCarryForward': 'total carried forward',
  'deduct.label.warnings': 'warnings',
  // --- end deduct ---
  // --- credit ---
  'credit.step.poolCarryIn': 'pool carry in',
  'credit.source.ledgerClosing': (p: { period: string }) => `ledger closing of ${p.period}`,
  'credit.source.noLedger': 'no earlier ledger row',
  'credit.step.ledgerGap': 'ledger gap',
  'credit.how.ledgerGap': (p: { period: string; earlier?: string }) =>
    `the ledger has no row for the period just before ${p.period}; its latest earlier row (${p.earlier}) was carried in`,
  'credit.source.carryOut': (p: { period: string }) => `carry out of ${p.period}`,
  'credit.step.refund': '留抵退税 deduction',
  'credit.how.refund': (p: { carriedIn: string; added: string; available: string; used: string; out: string }) =>
    `carried in ${p.carriedIn} + this period ${p.added} = ${p.available}, used ${p.used}, carried to the next period ${p.out}`,
  'credit.step.base': 'base (计征依据)',
  'credit.how.base': (p: { vat: string; offset: string; refund: string; consumption: string; noReturn: boolean }) =>
    `VAT ${p.vat} + 免抵税额 ${p.offset} − 留抵退税扣除 ${p.refund} + 消费税 ${p.consumption}${p.noReturn ? ' (no return for this period)' : ''}`,
  'credit.step.exemptionTest': 'small-payer exemption',
  'credit.how.salesMissing': 'the return gives no sales figure: the exemption could not be tested',
  'credit.value.applies': 'applies',
  'credit.value.doesNotApply': 'does not apply',
  'credit.how.sales': (p: { sales: string; op: string; limit: string }) => `sales ${p.sales} ${p.op} ${p.limit}`,
  'credit.step.reduction': '六税两费 reduction',
  'credit.step.feeDue': (p: { fee: string }) => `${p.fee} due`,
  'credit.step.feeExemption': (p: { fee: string }) => `${p.fee} exemption`,
  'credit.how.wholeDue': 'the whole amount due',
  'credit.step.feeReduction': (p: { fee: string }) => `${p.fee} reduction`,
  'credit.step.feeRemaining': (p: { fee: string }) => `${p.fee} remaining`,
  'credit.step.investment': 'net investment (产教融合投资)',
  'credit.how.investment': (p: { n: number }) => `${p.n} pcie_investment row${p.n === 1 ? '' : 's'}`,
  'credit.step.poolAdded': 'pool added',
  'credit.how.poolAdded': (p: { investment: string; rate: string; pilot: boolean }) =>
    `round(${p.investment} × ${p.rate})${p.pilot ? '' : ' (a withdrawal after the pilot period)'}`,
  'credit.step.notCredited': 'not credited',
  'credit.how.noPilot': (p: { period: string }) => `no pcie_pilot qualification covers ${p.period}`,
  'credit.how.notInForce': (p: { period: string; first: string }) => `the credit is not in force in ${p.period} (from ${p.first})`,
  'credit.step.withdrawn': 'investment withdrawn',
  'credit.how.withdrawn': (p: { carryIn: string; added: string }) =>
    `carry in ${p.carryIn} + added ${p.added} is below zero: earlier credits may have to be repaid`,
  'credit.step.split': 'credit split',
  'credit.how.split': (p: { available: string; edu: string; local: string; proportion: boolean }) =>
    `available ${p.available} against remaining ${p.edu} and ${p.local}${p.proportion ? ', in proportion' : ''}`,
  'credit.source.split': 'RULES §2.4 (e-filing practice)',
  'credit.step.poolCarryOut': 'pool carry out',
  'credit.step.feePayable': (p: { fee: string }) => `${p.fee} payable`,
  'credit.how.payable': (p: { due: string; exemption: string; reduction: string; credit: string; paid: string; overpaid?: string }) =>
    `${p.due} − ${p.exemption} − ${p.reduction} − credit ${p.credit} − paid ${p.paid}${p.overpaid ? ` is below zero: overpaid ${p.overpaid}` : ''}`,
  'credit.badPeriod': (p: { flag: string; raw: string }) => `${p.flag} takes a period YYYY-MM, YYYY-Qn or a year YYYY (got "${p.raw}")`,
  'credit.hint.skipped': (p: { id: string; first: string; last: string; period: string; file?: string; line?: number }) =>
    `${p.id}: periods ${p.first}–${p.last} are not computed: the ledger brings an opening balance for ${p.period} (${p.file}:${p.line})`,
  'credit.hint.noLedger': (p: { id: string; period: string }) =>
    `${p.id}: the inputs have 产教融合 investment before ${p.period}, the first computed period, but no ledger row carries its pool in: its carry in is 0.00 (pass --ledger, or compute from its first period)`,
  'credit.advice.recompute': (p: { last: string }) => `recompute the later periods too (--to ${p.last})`,
  'credit.advice.addReturns': (p: { lastInput: string; last?: string }) =>
    `the inputs have no return after ${p.lastInput} while the ledger goes on to ${p.last}: add the later returns and recompute through them`,
  'credit.heading.title': (p: { id: string }) => `产教融合 credit against 教育费附加 and 地方教育附加, for ${p.id}`,
  'credit.heading.order': 'Order (RULES §2.3): due = round(base × rate); exemption; reduction = round((due − exemption) × rate);',
  'credit.heading.credit': 'credit ≤ remaining, split in proportion to what remains of each fee; payable = max(0, due − exemption − reduction − credit − paid), below zero overpaid.',
  'credit.heading.pool': (p: { rateKey: string }) =>
    `Pool (RULES §2.4): added = round(${p.rateKey} × net investment); carry out = max(0, carry in + added − credits). Rounding half-up to 0.01.`,
  'credit.label.periods': 'periods',
  'credit.label.enterprises': 'enterprises',
  'credit.label.rows': 'enterprise-periods',
  'credit.label.totalDue': 'total due',
  'credit.label.totalCredit': 'total credit',
  'credit.label.totalPayable': 'total payable',
  'credit.label.totalOverpaid': 'total overpaid',
  'credit.label.poolCarriedForward': 'pool carried forward',
  'credit.label.warnings': 'warnings',
  'credit.noun': 'the 产教融合 credit',
  'credit.summary': '产教融合 credit against the education surcharges (教育费附加, 地方教育附加) with its carryforward',
  'credit.description':
    'Computes, per enterprise and filing period, the education surcharge and the local education surcharge ' +
    '(base, due, small-payer exemption, 六税两费 reduction, paid, payable) and, for enterprises on the ' +
    '产教融合 pilot list, the credit of 30% of their net vocational-education investment, with what is ' +
    'not used carried forward period to period. Two rows per enterprise-period.',
  'credit.exitStatus': 'Exit status: 0 done; 1 done with warnings (not_pilot, investment_withdrawn, ledger_gap, sales_missing, overpaid); 2 nothing written.',
  'credit.input.surcharges': 'surcharges.csv (enterprise_id, period, vat, …)',
  'credit.input.training': 'training.csv: its pcie_investment rows are the investments',
  'credit.input.qualifications': 'qualifications.csv (pcie_pilot, small_scale_vat, small_low_profit, individual_business)',
  'credit.range.year': 'the periods of this year only',
  'credit.range.from': 'first period (YYYY-MM, YYYY-Qn or YYYY; default: the first in the inputs)',
  'credit.range.to': 'last period (default: the last in the inputs)',
  'credit.ledgerHolds': 'pool',
  'credit.explain.missing': (p: { id: string }) =>
    `--explain ${p.id}: no period of this enterprise was computed (not in the inputs, or outside the range asked for)`,
  'credit.title': '产教融合 credit against the education surcharges',
  // --- end credit ---
  // --- subsidy ---
  'subsidy.noun': 'the training subsidies',
  'subsidy.summary': 'training subsidy eligibility: five programs, the per-person rules across claims and years',
  'subsidy.description':
    'Decides, for every claim in trainees.csv, whether it is eligible and for how much, and lists every reason when ' +
    'it is not: the person (身份证号, working age, group), the certificate, the catalogue, the program conditions, and ' +
    'the rules across claims and history (once per occupation and level, no lower level after a higher one, one ' +
    'subsidy per certificate, at most 3 a year, month limits). Claims are decided in (claim_date, claim_id) order.',
  'subsidy.exitStatus': 'Exit status: 0 done (ineligible claims are decisions, not errors); 2 nothing written.',
  'subsidy.input.trainees': 'trainees.csv: the claims',
  'subsidy.input.catalog': 'catalog.csv: amounts by program, occupation and level (see fixtures/catalog-example.csv)',
  'subsidy.input.history': 'history.csv: subsidies paid before',
  'subsidy.input.qualifications': 'qualifications.csv (an individual_business employer excludes skill_upgrade)',
  'subsidy.range.year': 'report the claims made in this year (earlier claims in the file still count against them)',
  'subsidy.explain.help': 'print a step-by-step account of one claim',
  'subsidy.explain.missing': (p: { id: string; file: string | undefined }) => `--explain ${p.id}: no such claim_id in ${p.file}`,
  'subsidy.report.subsidies': 'write subsidies.csv here (default: standard output)',
  'subsidy.report.summary': 'write subsidy-summary.csv (enterprise_id, program, claims, eligible, amount) here',
  'subsidy.title': 'Training subsidies (职业技能培训补贴)',
  'subsidy.item.claims': 'claims',
  'subsidy.item.persons': 'persons',
  'subsidy.item.eligible': 'eligible',
  'subsidy.item.ineligible': 'ineligible',
  'subsidy.item.totalAmount': 'total amount',
  'subsidy.afterword': (p: { claims: number; persons: number; eligible: number; amount: string }) =>
    `subsidy: ${p.claims} claim${p.claims === 1 ? '' : 's'} of ${p.persons} person${p.persons === 1 ? '' : 's'}, ${p.eligible} eligible, ${p.claims - p.eligible} ineligible, amount ${p.amount}`,
  'subsidy.none': '(none)',
  'subsidy.paid.history': (p: { line: number; program: string; date: string }) => `history line ${p.line} (${p.program}, paid ${p.date})`,
  'subsidy.paid.claim': (p: { id: string; program: string; date: string }) => `claim ${p.id} (${p.program}, claimed ${p.date})`,
  'subsidy.check.personId': '身份证号',
  'subsidy.check.workingAge': 'working age',
  'subsidy.check.group': 'group',
  'subsidy.check.certificate': 'certificate',
  'subsidy.check.claimAfterCertificate': 'claimed after the certificate',
  'subsidy.check.route': 'route',
  'subsidy.check.claimWindow': 'claim window',
  'subsidy.check.level': 'level',
  'subsidy.check.insuredMonths': 'insured months',
  'subsidy.check.contract': 'labour contract',
  'subsidy.check.certificateHeld': 'certificate held',
  'subsidy.check.shortageOccupation': 'shortage occupation',
  'subsidy.check.onceOccupationLevel': 'once per occupation and level',
  'subsidy.check.noLowerAfterHigher': 'no lower level after a higher one',
  'subsidy.check.oncePerCertificate': 'one subsidy per certificate',
  'subsidy.check.oncePerPerson': 'once per person',
  'subsidy.check.yearlyCap': 'yearly cap',
  'subsidy.check.programYear': (p: { program: string }) => `${p.program} a year`,
  'subsidy.check.catalogue': 'catalogue',
  'subsidy.check.withinYears': 'within the years of the first payment',
  'subsidy.check.monthsPerPerson': 'months per person',
  'subsidy.step.monthlyRegime': 'monthly regime',
  'subsidy.step.decidingDate': 'deciding date',
  'subsidy.step.catalogueRow': 'catalogue row',
  'subsidy.step.amount': 'amount',
  'subsidy.step.decision': 'decision',
  'subsidy.how.personIdValid': 'valid check character and birth date',
  'subsidy.how.workingAge': (p: { age: number; on: string; male: boolean; min: number; retire: number; line: number | undefined }) =>
    `${p.age} on ${p.on} (${p.male ? 'man' : 'woman'}; ${p.min} ≤ age < ${p.retire}${p.line !== undefined ? `; the occupation's limits, catalog.csv line ${p.line}` : ''})`,
  'subsidy.how.groupNever': (p: { group: string }) => `${p.group} is never subsidised`,
  'subsidy.how.groupOnly': (p: { program: string; allowed: readonly string[]; group: string }) => `${p.program} is for ${p.allowed.join(', ')} only, not ${p.group}`,
  'subsidy.how.employerNone': 'skill_upgrade is for employees of an enterprise: the claim names none',
  'subsidy.how.employerIndividual': (p: { id: string; from: string }) => `the employer ${p.id} is a 个体工商户 (qualifications: individual_business ${p.from}…)`,
  'subsidy.how.certificate': (p: { type: string; no: string | undefined; date: string }) => `${p.type} ${p.no ?? ''} of ${p.date}`.replace('  ', ' '),
  'subsidy.how.noCertificate': 'no certificate',
  'subsidy.how.noCertificateDate': 'no certificate date',
  'subsidy.how.claimAfterCertificate': (p: { claimed: string; certificate: string }) => `claimed ${p.claimed}, certificate of ${p.certificate}`,
  'subsidy.how.routeExcluded': (p: { route: string }) => `${p.route} certificates are no basis for the training subsidy`,
  'subsidy.how.claimWindow': (p: { claimed: string; ok: boolean; deadline: string; months: number }) =>
    `claimed ${p.claimed}, ${p.ok ? 'by' : 'after'} ${p.deadline} (${p.months} months after the certificate)`,
  'subsidy.how.level': (p: { level: string; levels: readonly string[] }) => `${p.level}; paid for levels ${p.levels.join(', ')}`,
  'subsidy.how.insuredForCertificate': (p: { have: number; need: number; date: string }) => `${p.have} (at least ${p.need} for a certificate of ${p.date})`,
  'subsidy.how.insured': (p: { have: number; need: number }) => `${p.have} (at least ${p.need})`,
  'subsidy.how.contract': (p: { have: number; need: number }) => `${p.have} months (at least ${p.need})`,
  'subsidy.how.certificateHeld': (p: { certificate: string; years: number; since: string; claimed: string }) =>
    `certificate of ${p.certificate}, ${p.years} years on ${p.since}; claimed ${p.claimed}`,
  'subsidy.how.shortage': (p: { occupation: string }) => `${p.occupation} is marked shortage`,
  'subsidy.how.notShortage': (p: { line: number; occupation: string | undefined }) => `the catalogue row (line ${p.line}) does not mark ${p.occupation} as a shortage occupation`,
  'subsidy.how.levelPaid': (p: { occupation: string; level: string; paid: string }) => `${p.occupation} level ${p.level} already paid: ${p.paid}`,
  'subsidy.how.noEarlierLevel': (p: { occupation: string; level: number }) => `no earlier ${p.occupation} level ${p.level}`,
  'subsidy.how.higherPaid': (p: { level: string; occupation: string; paid: string }) => `level ${p.level} of ${p.occupation} already paid: ${p.paid}`,
  'subsidy.how.noHigherPaid': 'no higher level paid',
  'subsidy.how.certificatePaid': (p: { no: string; paid: string }) => `certificate ${p.no} already paid: ${p.paid}`,
  'subsidy.how.certificateNotPaid': (p: { no: string }) => `certificate ${p.no} not paid before`,
  'subsidy.how.shortagePaid': (p: { paid: string }) => `a shortage post subsidy was already paid: ${p.paid}`,
  'subsidy.how.nonePaid': 'none paid before',
  'subsidy.how.yearlyCap': (p: { n: number; year: number; paid: readonly string[]; cap: number }) =>
    `${p.n} counted subsidies already in ${p.year}${p.n ? ': ' + p.paid.join(', ') : ''} (at most ${p.cap})`,
  'subsidy.how.programYear': (p: { n: number; program: string; year: number; cap: number; urgent: boolean }) =>
    `${p.n} ${p.program} subsidies already in ${p.year} (at most ${p.cap}${p.urgent ? ', urgent occupation' : ''})`,
  'subsidy.how.monthlyRegime': (p: { date: string; paid: string }) => `first paid ${p.date} (${p.paid}), before the one-off of 甬人社发〔2023〕22号`,
  'subsidy.how.byCertificateDate': 'the certificate date (rules and catalogue in force when it was obtained)',
  'subsidy.how.byClaimDateNoCertificate': 'the claim date (no certificate date)',
  'subsidy.how.byClaimDate': 'the claim date',
  'subsidy.how.catalogueRow': (p: {
    line: number;
    program: string;
    occupation: string;
    level: string;
    certificate: string | undefined;
    from: string;
    to: string;
    shortage: boolean;
    urgent: boolean;
  }) =>
    `${p.line ? `line ${p.line}` : "the monthly regime's parameter"}: ${p.program}, occupation ${p.occupation}, level ${p.level}${p.certificate ? `, certificate ${p.certificate === 'none' ? 'none (ended without one)' : p.certificate}` : ''}, valid ${p.from}…${p.to}${p.shortage ? ', shortage' : ''}${p.urgent ? ', urgent' : ''}`,
  'subsidy.how.noCatalogueRow': (p: { program: string; occupation: string; on: string }) => `no ${p.program} row for occupation ${p.occupation} valid on ${p.on}`,
  'subsidy.how.noCatalogueLevel': (p: { program: string; occupation: string | undefined; on: string; level: string }) =>
    `the catalogue has ${p.program} rows for ${p.occupation} on ${p.on}, none for level ${p.level}`,
  'subsidy.how.withinYears': (p: { first: string; paid: string; claimed: string; ok: boolean; until: string }) =>
    `first monthly payment ${p.first} (${p.paid}); claimed ${p.claimed}, ${p.ok ? 'by' : 'after'} ${p.until}`,
  'subsidy.how.monthsNotGiven': 'a monthly shortage_post claim gives the months it covers (column months): none given',
  'subsidy.how.months': (p: { months: number; used: number; limit: number; left: number }) =>
    `${p.months} claimed, ${p.used} paid before, at most ${p.limit}: ${p.left === 0 ? 'none left' : p.months > p.left ? `${p.left} paid` : 'all paid'}`,
  'subsidy.how.amountPerClaim': 'the catalogue amount',
  'subsidy.how.amountPerMonth': (p: { amount: string; months: number }) => `${p.amount} × ${p.months} months`,
  'subsidy.how.amountPerYear': (p: { amount: string; months: number }) => `round(${p.amount} × ${p.months} / 12)`,
  'subsidy.how.reasons': (p: { reasons: readonly { code: string; text: string }[] }) => p.reasons.map((r) => r.code).join(';'),
  'subsidy.explain.heading1': (p: { id: string; program: string; person: string; group: string; employer: string | undefined }) =>
    `Training subsidy claim ${p.id}: ${p.program}, person ${p.person}, group ${p.group}${p.employer ? `, employer ${p.employer}` : ''}`,
  'subsidy.explain.heading2': (p: { occupation: string; level: string; claimed: string }) =>
    `occupation ${p.occupation}, level ${p.level}, claimed ${p.claimed}. Claims are decided in (claim_date, claim_id) order;`,
  'subsidy.explain.heading3': 'earlier eligible claims and the history count against later ones.',
  'subsidy.explain.outcome': (p: { eligible: boolean; amount: string; reasons: readonly { code: string; text: string }[] }) =>
    `${p.eligible ? `eligible ${p.amount}` : 'ineligible'}${p.reasons.length ? ` (${p.reasons.map((r) => r.code).join(';')})` : ''}`,
  'subsidy.reason.invalid_person_id': 'the 身份证号 is not valid (check character or birth date)',
  'subsidy.reason.age_out_of_range': "age outside the working age (or the occupation's own limits)",
  'subsidy.reason.group_not_eligible': "the person's group is not one the program admits",
  'subsidy.reason.no_certificate': 'no certificate (or no certificate date)',
  'subsidy.reason.route_excluded': 'a certificate by a route the training subsidy excludes (self-evaluation, dual certificate, apprenticeship)',
  'subsidy.reason.claim_window_expired': 'claim filed after the claim window',
  'subsidy.reason.not_in_catalog': 'no catalogue row for the program, occupation and date (or not a shortage occupation)',
  'subsidy.reason.level_not_covered': 'the level is not one the program pays for',
  'subsidy.reason.insured_months_insufficient': 'too few months insured against unemployment (失业保险参保)',
  'subsidy.reason.contract_too_short': 'the labour contract is too short',
  'subsidy.reason.duration_exceeded': 'beyond the months or years the program pays a person',
  'subsidy.reason.cert_held_too_short': 'the certificate not held long enough',
  'subsidy.reason.duplicate_occupation_level': 'already subsidised for this occupation and level (or for this once-only program)',
  'subsidy.reason.lower_level_after_higher': 'a lower level after a higher one of the same occupation was subsidised',
  'subsidy.reason.certificate_already_used': 'the certificate has already been subsidised',
  'subsidy.reason.yearly_cap_reached': "the person's subsidies of the year reached the yearly limit",
  'subsidy.reason.program_cap_reached': "the program's limit is reached",
  'subsidy.reason.claim_before_certificate': 'claimed before the certificate was obtained',
  'subsidy.reason.employer_required': 'the program is for employees of an enterprise (no 个体工商户)',
  'providers.flag.not_filed': "training or certificate dated outside the provider's 备案 validity (or the provider is not in providers.csv)",
  'providers.flag.same_day_batch': 'more certificates than the threshold with the same date and occupation',
  'providers.flag.high_refusal': "the provider's claims refused far more often than the area's claims",
  'providers.flag.cert_before_training_end': 'certificate issued before the training ended',
  'providers.heuristics': (p: { batch: number; ratio: number; minClaims: number }) =>
    `the flags of providers.csv are heuristics of skilltax, not legal rules: a flag asks for a look, it decides nothing ` +
    `(same_day_batch: more than ${p.batch} certificates of one date and occupation, providers.same_day_batch.max; ` +
    `high_refusal: a refusal rate above ${p.ratio}% of the area's with at least ${p.minClaims} decided claims, ` +
    `providers.high_refusal.ratio_percent and providers.high_refusal.min_claims; set them with --rules)`,
  'fund.overspent': (p: { year: number; program: string; paid: string; allocated: string }) =>
    `fund ${p.year} ${p.program}: paid ${p.paid} is more than the allocation ${p.allocated} (专账资金超支)`,
  // --- end subsidy ---
  // --- awards ---
  'awards.noun': 'the talent awards',
  'awards.summary': 'talent awards and grants: master studios, 上林名匠, 技能之星, housing support, retention, certification enterprises',
  'awards.description':
    'Decides, for every row of awards.csv, whether the award is due and how much, with every reason when it is not: ' +
    "the recipient id (身份证号, 统一社会信用代码, or a studio id), the program's rule (studio level and promotions, three " +
    'consecutive excellent reviews, the 技能之星 rank, the housing level, the retention headcount, the enterprise review) and ' +
    'the once-only rules across rows and award-history.csv. Rows are decided in (year, award date, award_id) order; a ' +
    'studio review appears in the report only when a reward falls due or is refused.',
  'awards.exitStatus': 'Exit status: 0 done (refused awards are decisions, not errors); 2 nothing written.',
  'awards.input.awards': 'awards.csv: the award rows (one per grant, title, review or claim)',
  'awards.input.history': 'award-history.csv: awards paid before (the once-only rules hold across runs)',
  'awards.range.year': 'report the awards of this year (earlier rows in the file still count against them)',
  'awards.explain.help': 'print a step-by-step account of one award row',
  'awards.explain.missing': (p: { id: string; file: string | undefined }) => `--explain ${p.id}: no such award_id in ${p.file}`,
  'awards.report.payments': 'write award-payments.csv here (default: standard output)',
  'awards.title': 'Talent awards and grants (人才奖励)',
  'awards.item.awards': 'awards',
  'awards.item.recipients': 'recipients',
  'awards.item.eligible': 'eligible',
  'awards.item.ineligible': 'ineligible',
  'awards.item.totalAmount': 'total amount',
  'awards.afterword': (p: { awards: number; recipients: number; eligible: number; amount: string }) =>
    `awards: ${p.awards} award${p.awards === 1 ? '' : 's'} of ${p.recipients} recipient${p.recipients === 1 ? '' : 's'}, ${p.eligible} eligible, ${p.awards - p.eligible} ineligible, amount ${p.amount}`,
  'awards.none': '(none)',
  'awards.paid.history': (p: { line: number; id: string; year: number }) => `award-history.csv line ${p.line} (${p.id}, ${p.year})`,
  'awards.paid.award': (p: { id: string; year: number }) => `award ${p.id} (${p.year})`,
  'awards.program.master_studio': '技能大师工作室 construction grant',
  'awards.program.master_studio_rating': '技能大师工作室 yearly review (excellence reward)',
  'awards.program.shanglin_gold': '上林金匠',
  'awards.program.shanglin_silver': '上林银匠',
  'awards.program.shanglin_craftsman': '上林工匠',
  'awards.program.skill_star': '技能之星 competition',
  'awards.program.housing_allowance': '高技能人才生活安居补助',
  'awards.program.shortage_retention': 'shortage high-skill worker retention award',
  'awards.program.certification_enterprise': '职业技能等级认定 enterprise review reward',
  'awards.check.personId': '身份证号',
  'awards.check.uscc': '统一社会信用代码',
  'awards.check.oncePerPersonTitle': (p: { title: string }) => `once per person (${p.title})`,
  'awards.check.studioLevel': 'studio level',
  'awards.check.eachLevelOnce': 'each level once',
  'awards.check.review': 'review',
  'awards.check.excellentYears': 'consecutive excellent years',
  'awards.check.oncePerStudio': 'once per studio',
  'awards.check.oncePerRun': 'once per run',
  'awards.check.consecutiveYears': 'consecutive years',
  'awards.check.event': 'event',
  'awards.check.rank': 'rank',
  'awards.check.oncePerEvent': 'once per person per event',
  'awards.check.skillLevel': 'skill level',
  'awards.check.oncePerPerson': 'once per person',
  'awards.check.headcountKept': 'headcount kept',
  'awards.check.workers': 'workers',
  'awards.check.oncePerEnterpriseYear': 'once per enterprise a year',
  'awards.step.decidedOn': 'decided on',
  'awards.step.amount': 'amount',
  'awards.step.benefits': 'benefits',
  'awards.step.decision': 'decision',
  'awards.how.nonePaid': 'none paid before',
  'awards.how.alreadyPaid': (p: { paid: string }) => `already paid: ${p.paid}`,
  'awards.how.titleAmount': (p: { title: string }) => `the ${p.title} amount`,
  'awards.how.noLevel': 'no level given',
  'awards.how.notStudioLevel': (p: { level: string; levels: readonly string[] }) => `"${p.level}" is not a studio level (${p.levels.join(', ')})`,
  'awards.how.promotion': (p: { granted: readonly { level: string; paid: string }[] }) =>
    `a promotion: granted before ${p.granted.map((g) => `${g.level} (${g.paid})`).join(', ')}`,
  'awards.how.noGrantBefore': 'no grant before',
  'awards.how.levelGranted': (p: { level: string; paid: string }) => `${p.level} already granted: ${p.paid}`,
  'awards.how.levelGrant': (p: { level: string }) => `the ${p.level} level grant`,
  'awards.how.notExcellent': (p: { need: number }) => `not excellent: the count of consecutive excellent years restarts (${p.need} needed)`,
  'awards.how.yearFromHistory': (p: { year: number }) => `${p.year} (award-history.csv)`,
  'awards.how.excellentYears': (p: { years: readonly string[]; need: number }) => `${p.years.join(', ')}; ${p.need} needed`,
  'awards.how.runCompletes': (p: { streak: number; run: number; once: boolean }) =>
    `the run of ${p.streak} completes ${p.run === 1 ? 'its first' : `run ${p.run}`}; no reward paid before${p.once ? '' : ' for it'}`,
  'awards.how.rewardPaidOnce': (p: { paid: string }) => `an excellence reward was already paid: ${p.paid} (paid once per studio)`,
  'awards.how.runRewardPaid': (p: { paid: string }) => `this run's reward was already paid: ${p.paid}`,
  'awards.how.excellenceReward': (p: { need: number }) => `the excellence reward (${p.need} consecutive excellent years)`,
  'awards.how.yearMissing': (p: { need: number; streak: number }) =>
    `the ${p.need}th excellent review since the count restarted, but a year is missing between them: ${p.streak} consecutive`,
  'awards.how.eventUnnamed': "unnamed: the row's year",
  'awards.how.eventNamed': 'the competition',
  'awards.how.rankOutside': (p: { rank: number; first: number; last: number }) => `rank ${p.rank}: ranks ${p.first}–${p.last} have an amount`,
  'awards.how.rankAmount': (p: { rank: number; amount: string }) => `rank ${p.rank}: ${p.amount}`,
  'awards.how.rankUnpaid': (p: { rank: number }) => `rank ${p.rank} is not paid (its amount is 0.00)`,
  'awards.how.rankCapped': (p: { cap: string; rank: number; amount: string }) => `the cap ${p.cap} (rank ${p.rank}: ${p.amount})`,
  'awards.how.rankAtMost': (p: { rank: number; cap: string }) => `rank ${p.rank}, at most ${p.cap}`,
  'awards.how.noSkillLevel': 'no level given (the level held on the award date)',
  'awards.how.notSkillLevel': (p: { level: string }) => `"${p.level}" is not a skill level (1–5, 技师, 高级技师)`,
  'awards.how.levelNotPaid': (p: { level: string; name: string }) => `${p.level} (${p.name}): paid for 技师 (2) and 高级技师 (1) only`,
  'awards.how.levelHeld': (p: { name: string; on: string }) => `${p.name}, held on ${p.on}`,
  'awards.how.headcount': (p: { count: number; prior: number }) => `${p.count} workers at level 3 or above, ${p.prior} the year before`,
  'awards.how.rated': (p: { rating: string; year: number }) => `rated ${p.rating} in ${p.year}`,
  'awards.how.excellentReviewReward': 'the reward for an excellent review',
  'awards.how.awardDate': 'the award date',
  'awards.how.yearEnd': (p: { year: number }) => `31 December of ${p.year} (no award_date)`,
  'awards.how.idValid': 'valid check character',
  'awards.how.benefits': 'granted with the award',
  'awards.how.paid': (p: { amount: string }) => `${p.amount} paid`,
  'awards.how.refused': (p: { reasons: readonly { code: string; text: string }[] }) => `${p.reasons.map((r) => r.code).join(';')}: 0.00 paid`,
  'awards.how.nothingDue': 'a review that makes no reward due: not in award-payments.csv',
  'awards.explain.nothingDue': 'nothing due (not in award-payments.csv)',
  'awards.explain.outcome': (p: { eligible: boolean; amount: string; reasons: readonly { code: string; text: string }[] }) =>
    `${p.eligible ? `eligible ${p.amount}` : 'ineligible'}${p.reasons.length ? ` (${p.reasons.map((r) => r.code).join(';')})` : ''}`,
  'awards.explain.heading1': (p: { id: string; program: string; title: string; recipient: 'person' | 'enterprise' | 'studio'; who: string; year: number; enterprise: string | undefined }) =>
    `Award ${p.id}: ${p.program} (${p.title}), ${p.recipient} ${p.who}, year ${p.year}${p.enterprise ? `, enterprise ${p.enterprise}` : ''}.`,
  'awards.explain.heading2': 'Awards are decided in (year, award date, award_id) order; earlier granted awards and award-history.csv count against later ones.',
  'awards.reason.invalid_recipient_id': 'the recipient id (身份证号 or 统一社会信用代码) is not valid',
  'awards.reason.unknown_level': 'no level, or not a level of the program',
  'awards.reason.level_not_covered': 'the level is not one the program pays for',
  'awards.reason.level_already_granted': 'the studio was already granted this level or a higher one',
  'awards.reason.not_three_consecutive': 'the excellent reviews are not in consecutive years',
  'awards.reason.duplicate_award': 'already paid (the award is paid once)',
  'awards.reason.rank_not_awarded': 'the rank has no amount',
  'awards.reason.not_excellent': 'the review is not excellent',
  'awards.reason.headcount_fell': 'fewer high-skill workers than the year before',
  'awards.reason.no_workers': 'no high-skill workers to reward',
  // --- end awards ---
  // --- exempt ---
  'exempt.error.noYear': (p: { id: string; tax: string }) => `asset ${p.id} (${p.tax}): no year or date to tax it in`,
  'exempt.error.missing': (p: { id: string; tax: string; name: string; line: number; columns: readonly string[]; all: boolean }) =>
    `asset ${p.id} (${p.tax}, ${p.name}) line ${p.line}: ${p.columns.join(p.all ? ' and ' : ' or ')}: the rules do not cover it without`,
  'exempt.explain.section': (p: { tax: string; name: string; year: number }) => `${p.tax} (${p.name}) ${p.year}`,
  'exempt.step.decidedOn': 'decided on',
  'exempt.step.base': '余值 (base)',
  'exempt.step.taxByValue': 'tax by value',
  'exempt.step.taxByRent': 'tax by rent',
  'exempt.step.tax': 'tax',
  'exempt.step.taxBasicFarmland': 'tax (basic farmland)',
  'exempt.step.decision': 'decision',
  'exempt.check.schoolType': 'school type',
  'exempt.check.use': 'use',
  'exempt.check.landSeparate': "land separate from the enterprise's",
  'exempt.source.line': (p: { line: number }) => `properties.csv line ${p.line}`,
  'exempt.how.yearEnd': (p: { year: number }) => `31 December of ${p.year}`,
  'exempt.how.rowDate': 'the date of the row (one-off tax)',
  'exempt.how.yearEndNoDate': (p: { year: number }) => `31 December of ${p.year} (no date)`,
  'exempt.how.ofTheRow': (p: { value: string }) => `${p.value} (the row)`,
  'exempt.how.provinceRatio': (p: { ratio: string }) => `${p.ratio} (the province's ratio)`,
  'exempt.how.residual': (p: { original: string; ratio: string }) => `original value ${p.original} × (1 − ${p.ratio})`,
  'exempt.how.rent': (p: { rent: string; rate: string; part: string }) => `rent ${p.rent} × ${p.rate}${p.part}`,
  'exempt.how.area': (p: { area: string; unit: string; part: string }) => `${p.area} m² × ${p.unit} yuan/m²${p.part}`,
  'exempt.how.areaNotBasic': (p: { area: string; unit: string }) => `${p.area} m² × ${p.unit} yuan/m² (not basic farmland)`,
  'exempt.how.price': (p: { price: string; rate: string }) => `price ${p.price} × ${p.rate}`,
  'exempt.how.exemptAre': (p: { value: string; list: readonly string[] }) => `${p.value}: exempt are ${p.list.join(', ')}`,
  'exempt.how.separateNotGiven': 'separate_land not given: taken as not separate',
  'exempt.how.separateYes': 'separate_land yes',
  'exempt.how.separateNo': 'separate_land no',
  'exempt.how.exempt': (p: { amount: string }) => `${p.amount} exempt`,
  'exempt.how.due': (p: { reasons: readonly { code: string; text: string }[]; amount: string }) => `${p.reasons.map((r) => r.code).join(';')}: ${p.amount} due`,
  'exempt.explain.heading1': (p: { id: string; enterprise: string; schoolType: string; use: string; rows: number }) =>
    `Asset ${p.id}: enterprise ${p.enterprise}, ${p.schoolType}, used for ${p.use}; ${p.rows} row${p.rows === 1 ? '' : 's'}.`,
  'exempt.explain.heading2': "Exempt when the school type and the use are exempt for the tax on its day (and, for an enterprise school's land, the land is separate).",
  'exempt.explain.outside': 'None of its rows is in the years reported: they are not in exemptions.csv.',
  'exempt.explain.outcome': (p: { section: string; exempt: boolean; amount: string; reasons: readonly { code: string; text: string }[] }) =>
    `${p.section}: ${p.exempt ? `exempt ${p.amount}` : `taxed ${p.amount} (${p.reasons.map((r) => r.code).join(';')})`}`,
  'exempt.noun': 'the school property tax exemptions',
  'exempt.summary': 'school property tax exemptions: 房产税, 城镇土地使用税, 耕地占用税 and 契税 of schools run by enterprises and others',
  'exempt.description':
    'Decides, for every row of properties.csv (an asset under one tax in one year, or on its date for a one-off tax), the ' +
    "tax that would be due and whether the school's use of it is exempt, with every reason when it is not: the school type, " +
    "the use (self-use, teaching), an enterprise school's land separate from the enterprise's, and for 契税 the rule of " +
    '2021-09-01 (non-profit schools only). A row without the figures its tax is computed from is refused, never guessed.',
  'exempt.exitStatus': 'Exit status: 0 done (a taxed asset is a decision, not an error); 2 nothing written.',
  'exempt.input.properties': 'properties.csv: one row per asset, tax and year (or date)',
  'exempt.range.year': 'report the rows of this year (a one-off tax: the year of its date)',
  'exempt.explain.help': 'print a step-by-step account of one asset (every tax and year of it)',
  'exempt.explain.missing': (p: { id: string; file: string | undefined }) => `--explain ${p.id}: no such asset_id in ${p.file}`,
  'exempt.report.exemptions': 'write exemptions.csv here (default: standard output)',
  'exempt.title': 'School property tax exemptions (学校房产土地税收优惠)',
  'exempt.item.rows': 'rows',
  'exempt.item.assets': 'assets',
  'exempt.item.enterprises': 'enterprises',
  'exempt.item.exempt': 'exempt',
  'exempt.item.taxed': 'taxed',
  'exempt.item.totalTax': 'tax before exemption',
  'exempt.item.totalExempt': 'exempt amount',
  'exempt.item.exemptTax': (p: { tax: string; name: string }) => `exempt ${p.tax}`,
  'exempt.afterword': (p: { rows: number; assets: number; exempt: number; exemptAmount: string; taxAmount: string }) =>
    `exempt: ${p.rows} row${p.rows === 1 ? '' : 's'} of ${p.assets} asset${p.assets === 1 ? '' : 's'}, ${p.exempt} exempt, ${p.rows - p.exempt} taxed, exempt amount ${p.exemptAmount} of ${p.taxAmount}`,
  'exempt.reason.training_center': 'a training centre is not a school the exemption covers',
  'exempt.reason.school_type_not_exempt': 'the school type is not exempt from this tax',
  'exempt.reason.after_2021_09_forprofit': 'from 2021-09-01 only non-profit schools are exempt from 契税',
  'exempt.reason.not_self_use': 'not used by the school itself (rented out or lent)',
  'exempt.reason.business_use': 'used for business',
  'exempt.reason.staff_housing': 'used as staff housing',
  'exempt.reason.not_teaching_use': 'not used for teaching, offices, research or the like',
  'exempt.reason.land_not_separate': "an enterprise school's land not separate from the enterprise's",
  // --- end exempt ---
  // --- match ---
  'match.noun': 'the 免申即享 match',
  'match.summary': 'certificates that would pay a subsidy but were never claimed (免申即享)',
  'match.description':
    'Finds the certificates of the registry (certificates.csv) that no filed claim (trainees.csv) and no payment (history.csv) used, and decides each ' +
    'as the 技能提升补贴 (skill_upgrade) claim its holder would file on --as-of, with the insured months and employer of insurance.csv, by the same rules as ' +
    '`subsidy` (one decision function). Writes unclaimed.csv, payable rows first by claim deadline; certificates claimed by another person or listed twice ' +
    'go to the conflicts report (--conflicts) and are not paid.',
  'match.exitStatus': 'Exit status: 0 done; 2 usage error or invalid input (nothing written).',
  'match.input.certificates': 'certificates.csv: the certificate registry (证书), one row per certificate',
  'match.input.insurance': 'insurance.csv: unemployment-insurance months paid (one row per person and month)',
  'match.input.trainees': 'trainees.csv: the claims already filed (their certificates are not matched)',
  'match.opt.asOf': 'the day the claims would be filed, YYYY-MM-DD (default today); written in the as_of column',
  'match.opt.includeExpired': 'also list the certificates past their claim window (what was lost)',
  'match.explain.help': 'print every step of the decision for one unclaimed certificate (by certificate_no)',
  'match.explain.missing': (p: { id: string }) => `certificate ${p.id} is not an unclaimed certificate on the as-of date (claimed, paid, in conflict, expired without --include-expired, or not in certificates.csv)`,
  'match.report.unclaimed': 'unclaimed.csv: the unclaimed certificates and what each would pay',
  'match.report.conflicts': 'the conflicts: certificates claimed by another person, or listed twice in the registry',
  'match.title': '免申即享: unclaimed certificates',
  'match.item.asOf': 'as of',
  'match.item.certificates': 'certificates',
  'match.item.used': 'claimed or paid',
  'match.item.unclaimed': 'unclaimed in time',
  'match.item.payable': 'payable',
  'match.item.payableAmount': 'payable amount',
  'match.item.expired': 'expired unclaimed',
  'match.item.conflicts': 'conflicts',
  'match.conflictsNote': (p: { n: number }) => `${p.n} certificate${p.n === 1 ? '' : 's'} in conflict (claimed by another person, or listed twice in the registry): not paid; see the conflicts report`,
  'providers.noun': 'the training-provider figures',
  'providers.summary': 'training providers (培训机构) per year: people trained, claims, refusals, subsidy paid, heuristic flags',
  'providers.description':
    'Per training provider and year (of the certificate): people trained, certificates by level, claims filed, eligible and refused (with the top reasons, ' +
    'decided by the rules of `subsidy` when catalog.csv is given), subsidy paid and per certificate, the share of certificates never claimed, and flags ' +
    '(not_filed, same_day_batch, high_refusal, cert_before_training_end): heuristics of this tool with thresholds as parameters, not legal rules.',
  'providers.input.trainees': 'trainees.csv: the claims filed (with provider_id, or matched by certificate_no)',
  'providers.input.providers': 'providers.csv: the providers with their 备案 validity, stars and reviews',
  'providers.input.catalog': 'catalog.csv: the subsidy catalogue, to decide the claims (without it, claims are counted but not decided)',
  'providers.explain.help': 'not available for providers: the figures are counts (see README "Training providers")',
  'providers.explain.missing': (p: { id: string }) => `--explain is not available for providers (asked for ${p.id}): the rows of providers.csv are counts; each flag's evidence is in the README's heuristics`,
  'providers.noCatalog': 'no catalog.csv: claims are counted, but eligible, refused and subsidy paid are left at 0',
  'providers.report': 'providers.csv: the figures and flags per provider and year',
  'providers.title': 'Training providers (培训机构)',
  'providers.item.providers': 'providers',
  'providers.item.rows': 'provider-years',
  'providers.item.flagged': 'provider-years flagged',
  'fund.noun': 'the fund usage',
  'fund.summary': 'the skills fund (专账): allocated, paid, committed, usage rate and what remains, per year and program',
  'fund.description':
    'Per year and program of fund.csv: allocated, paid (eligible subsidies decided by the rules of `subsidy`, claimed that year, plus history.csv paid that year), ' +
    'committed (what the unclaimed certificates would pay, 免申即享, shown apart, with certificates.csv and insurance.csv), usage rate = paid / allocated, ' +
    'and what remains. A year and program that spends more than its allocation is a warning (exit 1).',
  'fund.exitStatus': 'Exit status: 0 done; 1 a year overspent its allocation; 2 usage error or invalid input (nothing written).',
  'fund.input.fund': 'fund.csv: the allocations of the skills fund (专账) per year and program',
  'fund.input.certificates': 'certificates.csv: with insurance.csv, the unclaimed certificates counted as committed',
  'fund.explain.help': 'not available for the fund usage: the figures are sums (see README)',
  'fund.explain.missing': (p: { id: string }) => `--explain is not available for the fund usage (asked for ${p.id}): its rows are sums of subsidies.csv and history.csv`,
  'fund.report': 'fund-usage.csv: the fund per year and program',
  'fund.title': 'Skills fund usage (专账资金使用率)',
  'fund.item.allocated': 'allocated',
  'fund.item.paid': 'paid',
  'fund.item.committed': 'committed (unclaimed)',
  'fund.item.warnings': 'warnings',
  // --- end match ---
  // --- ledger ---
  'ledger.period.education': 'an education_expense row has a year period (YYYY)',
  'ledger.period.pcie': 'a pcie_credit row has a month (YYYY-MM) or quarter (YYYY-Qn) period',
  'ledger.period.refund': 'a refund_deduction row has a month (YYYY-MM) or quarter (YYYY-Qn) period',
  'ledger.check.together': 'give opening, added and used together, or closing alone for an opening balance',
  'ledger.check.negative': (p: { name: string }) => `an education_expense ${p.name} cannot be negative`,
  'ledger.check.closing': (p: { opening: string; added: string; used: string; want: string }) =>
    `closing does not equal opening + added − used (${p.opening} + ${p.added} − ${p.used} = ${p.want})`,
  'ledger.check.second': (p: { kind: string; id: string; period: string; line?: number }) =>
    `a second ${p.kind} row for ${p.id} ${p.period} (the first is on line ${p.line})`,
  'ledger.check.overlapping': (p: { earlier: string; kind: string; id: string; period: string; line?: number }) =>
    `an overlapping (${p.earlier}) ${p.kind} row for ${p.id} ${p.period} (the first is on line ${p.line})`,
  'ledger.check.balanceLater': (p: { id: string; earlier: string }) =>
    `only the earliest row of a chain may give closing alone; ${p.id} has a row for ${p.earlier} before it`,
  'ledger.check.chainBroken': (p: { period: string; earlier: string; closing: string; line?: number }) =>
    `the chain is broken: opening of ${p.period} does not equal closing of ${p.earlier} (${p.closing}, line ${p.line})`,
  'ledger.conflict': (p: { id: string; kind: string; period: string; computed: string; later: string; at: string; opens: string }) =>
    `ledger conflict for ${p.id} (${p.kind}): the recomputed closing of ${p.period} is ${p.computed}, but the ledger's ${p.later} row${p.at} ${p.opens}`,
  'ledger.conflict.balance': 'gives a closing alone (an opening balance)',
  'ledger.conflict.opensWith': (p: { opening: string }) => `opens with ${p.opening}`,
  'ledger.refused': (p: { nothingWritten: string; advice: string; n: number }) =>
    `${p.nothingWritten}: ${p.advice}, or pass --force to drop the ledger's later rows for ${p.n === 1 ? 'this enterprise' : 'these enterprises'}`,
  'ledger.forced': (p: { conflict: string }) => `forced: ${p.conflict}`,
  'ledger.forcedDropped': (p: { id: string; kind: string; period: string; at: string }) => `forced: dropped ledger row ${p.id} ${p.kind} ${p.period}${p.at}`,
  // --- end ledger ---
  // --- rules ---
  'rules.value.choice': (p: { choices: string }) => `one of ${p.choices} is expected`,
  'rules.value.rate': 'a rate is a decimal fraction such as "0.08"',
  'rules.value.rateRange': 'a rate is a fraction between 0 and 1 (8% is "0.08")',
  'rules.value.amount': 'not an amount: write yuan with a "." decimal point and at most 2 decimals, e.g. 100000.00',
  'rules.value.count': 'a whole number is expected',
  'rules.value.flag': '"yes" or "no" is expected',
  'rules.value.list': 'a list of values separated by ";" is expected',
  'rules.value.qualification': (p: { value: string; known: string }) => `"${p.value}" is not a qualification (${p.known})`,
  'rules.unknown': (p: { key: string }) => `unknown parameter ${p.key}`,
  'rules.gap.builtIn': 'the built-in series',
  'rules.gap.file': (p: { file: string }) => `the series from the --rules file ${p.file}`,
  'rules.gap.starts': (p: { series: string; first: string; noEntry: boolean }) => `${p.series} starts ${p.first}${p.noEntry ? ' and has no entry for that day' : ''}`,
  'rules.gap.empty': (p: { series: string }) => `${p.series} has no entries`,
  'rules.gap': (p: { key: string; on: string; span: string }) => `no value of ${p.key} is in force for ${p.on} (${p.span}): add an entry with --rules`,
  // --- end rules ---
  // --- domain ---
  'domain.got': (p: { value: string }) => ` (got "${p.value}")`,
  'domain.uscc.length': (p: { n: number }) => `统一社会信用代码 must have 18 characters, this has ${p.n}`,
  'domain.uscc.char': (p: { position: number; char: string }) => `统一社会信用代码 character ${p.position} "${p.char}" is not allowed (I, O, Z, S, V and lower case never appear)`,
  'domain.uscc.check': (p: { got: string; want: string }) => `统一社会信用代码 check character is "${p.got}", the first 17 characters call for "${p.want}"`,
  'domain.personId.form': '身份证号 must be 17 digits and a digit or X',
  'domain.personId.check': (p: { got: string; want: string }) => `身份证号 check character is "${p.got}", the first 17 digits call for "${p.want}"`,
  'domain.personId.birthDate': '身份证号 birth date (digits 7–14) is not a calendar date',
  'domain.yearOutOfRange': (p: { year: number; from: number; to: number }) => `year out of range: ${p.year} is outside ${p.from}–${p.to}`,
  'domain.amountOverflow': (p: { what: string }) => `${p.what} exceeds 90,071,992,547,409.91 yuan, the largest figure skilltax computes to the fen`,
  'domain.sumOfAmounts': 'a sum of amounts',
  'domain.differenceOfAmounts': 'a difference of amounts',
  'domain.amountTimesCount': 'an amount times a count',
  // --- end domain ---
} as const satisfies Record<string, Message>;

/** The Chinese catalogue's type: the English keys, each with a message taking the same parameters. */
export type Catalogue = { readonly [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K] };
