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
  'cli.problemsInInput': (p: { n: number; truncated: boolean }) =>
    `${p.n} problem${p.n === 1 ? '' : 's'} in the input${p.truncated ? ' (more not shown: raise --max-errors)' : ''}; nothing was written`,
  'cli.amountTooLarge': 'check the inputs for an amount typed too large; nothing was written',
  'cli.internalError': (p: { what: string; debug: boolean }) =>
    `internal error: ${p.what}${p.debug ? '' : ' (SKILLTAX_DEBUG=1 shows where)'}; nothing was written; please report it`,
  // --- end cli ---
  // --- run ---
  // --- end run ---
  // --- report ---
  // --- end report ---
  // --- html ---
  // --- end html ---
  // --- io ---
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
