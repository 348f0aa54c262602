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
  // --- end subsidy ---
  // --- awards ---
  // --- end awards ---
  // --- exempt ---
  // --- end exempt ---
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
  // --- end domain ---
} as const satisfies Record<string, Message>;

/** The Chinese catalogue's type: the English keys, each with a message taking the same parameters. */
export type Catalogue = { readonly [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K] };
