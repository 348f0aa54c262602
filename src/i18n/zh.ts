/**
 * The Chinese catalogue (中文消息): exactly the keys of en.ts, each with a message taking the same
 * parameters (its type is `Catalogue`, so a missing or extra key does not compile). Terms follow
 * the forms and documents (A105050 行次, 职工教育经费, 教育费附加 …). Keep each area's keys between
 * its markers, in the order of en.ts.
 */
import type { Catalogue } from './en.js';

export const zh: Catalogue = {
  // --- common ---
  'common.nothingWritten': '未写入任何文件',
  // --- end common ---
  // --- cli ---
  'cli.opt.reform': '与 --explain 同用：再按该参数文件说明同一对象（政策调整测算，参见 run --reform）',
  'cli.reformNeedsExplain': (p) => `${p.command} 的 --reform 用于按两种参数说明同一对象：请同时给出 --explain ID（整批对比请用 skilltax run DIR --reform FILE）`,
  'cli.explainBaseline': '=== 现行政策（当前生效的参数） ===',
  'cli.explainReform': (p) => `=== 调整方案（${p.file}） ===`,
  'cli.problemsInInput': (p) => `输入中有 ${p.n} 个问题${p.truncated ? '（未全部列出：可调高 --max-errors）' : ''}；未写入任何文件`,
  'cli.amountTooLarge': '请检查输入中是否有金额输入过大；未写入任何文件',
  'cli.internalError': (p) => `内部错误：${p.what}${p.debug ? '' : '（设置 SKILLTAX_DEBUG=1 可显示出错位置）'}；未写入任何文件；请报告此问题`,
  // help
  'cli.description':
    '根据企业 CSV 导出数据计算职业技能相关税收优惠：职工教育经费税前扣除，及产教融合试点企业抵免教育费附加、地方教育附加，' +
    '并维护结转台账；职业技能培训补贴资格审核；人才奖励与补助；学校房产税、城镇土地使用税免税；以及各项参数及其政策依据。',
  'cli.versionOption': '显示版本号',
  'cli.helpAfterError': '（加 --help 查看用法）',
  'cli.exitStatus': '退出状态：0 完成；1 完成，但有事项需人工处理；2 用法错误或输入无效（未写入任何文件）。',
  'cli.helpUsage': '用法：',
  'cli.helpArguments': '参数：',
  'cli.helpOptions': '选项：',
  'cli.helpCommands': '命令：',
  'cli.helpOption': '显示命令帮助',
  'cli.helpCommand': '显示命令帮助',
  'cli.examples': '示例：',
  // global options
  'cli.opt.rules': '参数覆盖文件（JSON，见 `skilltax rules`）',
  'cli.opt.encoding': '输入文件编码（默认 auto：带或不带 BOM 的 UTF-8，否则 GB18030）',
  'cli.opt.header': '输出 CSV 表头的语言（默认 en）',
  'cli.opt.format': '报表格式（默认 csv；xlsx：Excel 工作簿，需配合 --out）',
  'cli.opt.bom': 'CSV 输出以 UTF-8 BOM 开头，便于 Excel 打开',
  'cli.opt.quiet': '不在标准错误上打印汇总和警告',
  'cli.opt.noColor': '不使用颜色（也遵循 NO_COLOR）',
  'cli.opt.lang': '消息、计算说明（explain）和 HTML 报告的语言（默认取 LC_ALL/LC_MESSAGES/LANG：以 zh 开头为中文）',
  'cli.opt.maxErrors': '每个文件最多列出的问题数（默认 100）',
  'cli.opt.lockTimeout': '等待另一运行释放本次要写入的台账的秒数，超时则以状态 2 退出（默认 60）',
  'cli.opt.sheet': '读取 .xlsx/.xls 输入的哪个工作表，按名称或序号（默认第一个）',
  'cli.opt.headerRow': '表头所在行（工作簿的行号）（默认：前 20 行中第一个包含全部必需列的行）',
  'cli.opt.delimiter': '文本输入的分隔符：comma（逗号）、tab（制表符）或 semicolon（分号）（默认：根据开头几行识别）',
  'cli.opt.enterpriseId': '输入文件没有 enterprise_id 列时，所有行使用的统一社会信用代码',
  'cli.opt.accountMap': '作为 training 输入的明细账导出中的会计科目对照：account,category,kind',
  // usage errors of the global options
  'cli.badMaxErrors': (p) => `--max-errors 须为 1 或以上的整数（输入为 "${p.got}"）`,
  'cli.badLockTimeout': (p) => `--lock-timeout 须为 0 到 86400 之间的秒数（输入为 "${p.got}"）`,
  'cli.badHeaderRow': (p) => `--header-row 须为 1 或以上的行号（输入为 "${p.got}"）`,
  'cli.badDelimiter': (p) => `--delimiter 须为 comma（","）、tab 或 semicolon（";"）（输入为 "${p.got}"）`,
  'cli.badSheet': '--sheet 须为工作表名称或序号',
  'cli.xlsxPrinted': '--format xlsx 将工作簿写入文件：此输出是打印出来的，请使用 --format csv 或 json',
  'cli.badYear': (p) => `${p.flag} 须为年度 YYYY（输入为 "${p.got}"）`,
  'cli.yearOrRange': '请给出 --year，或 --from/--to，不能同时给出',
  'cli.oneStdin': '只能有一个输入从标准输入（"-"）读取',
  'cli.theInput': (p) => `${p.flag} 输入文件`,
  'cli.theRulesFile': '--rules 参数文件',
  // calculator commands
  'cli.opt.ledger': (p) => `ledger.csv：以前期间的${p.holds}`,
  'cli.opt.ledgerOut': '更新后的台账写到此处（可以就是 --ledger 文件本身）',
  'cli.opt.force': '重新计算使以后年度的台账行失效时，删除这些行而不是拒绝运行',
  'cli.xlsxNeedsOut': '--format xlsx 写出的是工作簿：请给出 --out FILE.xlsx（报表不打印）',
  'cli.warning': (p) => `警告：${p.text}`,
  'cli.note': (p) => `提示：${p.text}`,
  'cli.afterword': (p) => `${p.command}：${p.items.join('，')}`,
  'cli.quietWarnings': (p) => `${p.n} 条警告使退出状态为 1（去掉 --quiet 运行可查看）`,
  'cli.progressFormat': '{file} |{bar}| {percentage}% {done}/{size} MB | {rate} 行/秒 | 剩余 {eta_formatted}',
  // declared files (validate, reconcile): what a second declaration repeats
  'cli.keyEnterpriseYear': '企业和年度',
  'cli.keyEnterprisePeriodFee': '企业、所属期和征收品目',
  // reconcile
  'cli.reconcile.summary': '将申报数与 skilltax 的计算结果比对',
  'cli.reconcile.description':
    '重新计算职工教育经费扣除（加 --declared-credits 时，还重新计算产教融合抵免），并按企业和年度' +
    '（抵免：按企业、所属期和征收品目）比对申报文件给出的每个金额列。' +
    '每个不一致的金额一行；差额 = 申报数 − 计算数。有不一致时退出状态为 1。',
  'cli.reconcile.opt.declared': 'declared.csv：enterprise_id、year，以及 deductions.csv 中任意金额列',
  'cli.reconcile.opt.ledger': 'ledger.csv，记录以前年度的结转额',
  'cli.reconcile.opt.declaredCredits': '申报的抵免：enterprise_id、period、fee，以及 credits.csv 中任意金额列',
  'cli.reconcile.opt.surcharges': 'surcharges.csv（配合 --declared-credits）',
  'cli.reconcile.opt.out': '差异写到此处（默认：标准输出）',
  'cli.reconcile.opt.tolerance': '不超过此金额（元）的差异不列出（默认 0.00；部分电子申报前端以二进制浮点数舍入某些数字）',
  'cli.reconcile.exitStatus': '退出状态：0 全部一致；1 列出了差异；2 未写入任何文件。',
  'cli.reconcile.badTolerance': (p) => `--tolerance 须为 0 或以上的金额（元），如 0.01（输入为 "${p.got}"）`,
  'cli.reconcile.declaredNeeds': '--declared 需要 --payroll 和 --training 才能重新计算扣除额',
  'cli.reconcile.declaredCreditsNeeds': '--declared-credits 需要 --surcharges 才能重新计算抵免额',
  'cli.reconcile.nothingDeclared': '请给出 --declared（配合 --payroll 和 --training），或 --declared-credits（配合 --surcharges），或两者',
  'cli.reconcile.differ': (p) => `${p.n} 个金额不一致，涉及 ${p.declarations} 条申报`,
  'cli.reconcile.agree': '所有申报金额均一致',
  // rules
  'cli.rules.summary': '列出带日期的参数，及其政策依据和状态',
  'cli.rules.description':
    '将每个比例、限额、标准和金额列为带日期的参数：参数名、值、有效期、政策依据和状态（verified 已核实、practice 实务口径、unverified 未核实）。给出 --rules FILE 时，覆盖值显示在相应位置。',
  'cli.rules.opt.at': '只列出此日期（YYYY-MM-DD）有效的参数',
  'cli.rules.exampleFile': '参数文件按参数名替换整个序列：',
  'cli.rules.badAt': (p) => `--at：${p.problem}（输入为 "${p.got}"）`,
  // sql
  'cli.sql.summary': '打印在数据仓库中汇总工资（或参保月份）供 skilltax 读取的查询',
  'cli.sql.description': (p) =>
    '打印在数据所在处（Spark、Hive、PostgreSQL、DuckDB）完成大量汇总的 SQL，skilltax 对每行的检查写成过滤条件。\n\n' +
    'payroll：含 enterprise_id、period（YYYY-MM 或 YYYY）和 wages 列的表，汇总为 skilltax 读取的年度 payroll.csv' +
    '（enterprise_id、period YYYY、两位小数的 wages）：对其运行 `skilltax deduct` 与对月度行运行得到相同报表。' +
    '同一企业年度既有全年行又有月度行的不汇总（skilltax 拒绝此类数据）。\n\n' +
    'insurance：含 person_id、period（YYYY-MM）和 enterprise_id 的表，每缴纳一个月失业保险一行，按不同的' +
    '（person_id、period、enterprise_id）计：同一月份缴纳两次只计一次。skilltax 尚不读取 insurance.csv（issue #15）；这是它将采用的汇总。\n\n' +
    '加 --rejected：列出检查不通过的行，附 reason 列。请先运行它：它列出的行不会计入汇总。' +
    `payroll 的原因：${p.payrollReasons}；insurance 的原因：${p.insuranceReasons}。`,
  'cli.sql.arg.kind': '汇总的对象',
  'cli.sql.opt.dialect': '数据仓库的 SQL 方言',
  'cli.sql.opt.table': '读取的表（或视图），可带模式名（默认：与对象同名，payroll 或 insurance）',
  'cli.sql.opt.rejected': '改为打印列出检查不通过的行（附 reason 列）的查询',
  'cli.sql.exampleDuckdb': '用 DuckDB 命令行处理月度行的 payroll.csv：',
  'cli.sql.exampleNoRow': '（应当不列出任何行）',
  'cli.sql.exitStatus': '退出状态：0 已打印；2 用法错误（未知的对象或方言，表名不合法）。',
  'cli.sql.badTable': (p) => `--table 须为表名，如 payroll 或 dw.payroll（字母、数字、_ 和 $，最多两个点）（输入为 "${p.got}"）：如是文件，请先为其建视图`,
  // validate
  'cli.validate.summary': '只检查输入文件，不做计算',
  'cli.validate.description': (p) =>
    `按种类（${p.kinds}）检查每个文件，每个问题列为 FILE:LINE:COLUMN: 说明。\n` +
    '所有文件都会检查；无法读取（或无法判断种类）的文件列为 FILE:0:0: 原因。\n' +
    '退出状态：0 无问题；1 发现问题；2 有文件无法读取或参数不可用（未知的 --kind）。',
  'cli.validate.arg.files': '要检查的文件（"-" 表示标准输入）',
  'cli.validate.opt.kind': (p) => `所有文件的种类（${p.kinds}）；默认：根据文件名判断`,
  'cli.validate.unknownKind': (p) => `--kind ${p.kind}：未知的种类（已知：${p.kinds}）`,
  'cli.validate.noKind': (p) => `无法根据文件名判断种类；请给出 --kind（${p.kinds}）`,
  'cli.validate.fileResult': (p) => `${p.file}（${p.kind}）：${p.problems === 0 ? '无问题' : `${p.problems} 个问题`}`,
  // --- end cli ---
  // --- run ---
  'run.unknownEnterprises': (p) => `报表中有 ${p.n} 个企业代码不在 enterprises.csv 中（${p.ids}${p.more ? ' …' : ''}）：无企业名称和镇街道`,
  'run.reformHeading': (p) => `调整方案 ${p.file} 与现行政策对比（全部镇街道、全部年度）：`,
  'run.reformNoChange': '各项金额与现行政策相同',
  'run.needs': (p) => `${p.noun}需要 ${p.files}`,
  'run.needsWith': (p) => `${p.needs}（如有 ${p.optional} 一并使用）`,
  'run.useSeparator': '；',
  'run.summary': '对一个文件夹运行其输入齐备的全部计算项目',
  'run.description': (p) =>
    '对 DIR 中以规范文件名提供输入的每个计算项目进行计算，将各报表、更新后的 ledger.csv、summary.csv、summary.json 和 report.html 写入 OUTDIR，并输出简要汇总。' +
    `${p.uses}。如有 ledger.csv、rules.json（参数覆盖）和 enterprises.csv（企业名称和镇街道）一并使用。`,
  'run.argDir': '存放输入文件的文件夹',
  'run.optOut': '报表写入位置（默认 DIR/out）',
  'run.optYear': '只计算该年度',
  'run.optFrom': '起始年度',
  'run.optTo': '截止年度',
  'run.optReform': '用于与现行政策对比的参数文件（格式同 --rules）：写出 reform.csv 并在 report.html 中增加“政策调整测算”部分；不改动台账',
  'run.exitStatus': '退出状态：0 完成；1 完成但有警告；2 未写入任何文件。',
  'run.noSuchFolder': (p) => `${p.dir}：文件夹不存在`,
  'run.noCalculator': (p) => `${p.dir}：没有任何计算项目的输入文件齐备（${p.needs}）`,
  'run.what.input': (p) => `输入文件 ${p.name}`,
  'run.what.reformFile': '--reform 文件',
  'run.what.report': '报表',
  'run.what.ledger': '台账',
  'run.what.summary': '汇总',
  'run.what.reform': '政策调整对比表',
  'run.what.workbook': '工作簿',
  // --- end run ---
  // --- report ---
  'report.listedBelow': '（见下文）',
  'report.wrote': (p) => `已将 ${p.files.join('、')} 写入 ${p.dir}`,
  // --- end report ---
  // --- html ---
  // --- end html ---
  // --- io ---
  'io.enterpriseTwice': (p) => `enterprise_id：${p.id} 重复出现（首次在第 ${p.first} 行）`,
  // --- end io ---
  // --- deduct ---
  'deduct.noun': '职工教育经费扣除',
  'deduct.summary': '职工教育经费税前扣除（A105050 第4–6行）及其结转',
  'deduct.description':
    '计算企业所得税职工教育经费支出的税前扣除：按工资薪金总额的 8%（2018 年以前为 2.5%）计算扣除限额，' +
    '超过部分准予在以后纳税年度结转扣除；符合条件的企业单独核算的职工培训费用按税收规定全额扣除。每户企业每个年度一行。',
  'deduct.exitStatus': '退出状态：0 完成；1 完成但有警告（如 ledger_gap 等备注）；2 未写入任何文件。',
  'deduct.input.payroll': 'payroll.csv（enterprise_id、period、wages）：工资薪金',
  'deduct.input.training': 'training.csv（enterprise_id、date、category、amount、incurred）：职工教育经费和培训费用',
  'deduct.input.qualifications': 'qualifications.csv（high_tech、software_ic 等资格）',
  'deduct.range.year': '只计算该年度',
  'deduct.range.from': '起始年度（默认：输入中的第一个年度）',
  'deduct.range.to': '终止年度（默认：输入中的最后一个年度）',
  'deduct.ledgerHolds': '结转额',
  'deduct.explain.help': '逐步列出一户企业的计算过程',
  'deduct.explain.missing': (p) => `--explain ${p.id}：该企业没有计算任何年度（不在输入中，或不在所要求的期间内）`,
  'deduct.report.out': '报表写入此文件（默认：标准输出）',
  'deduct.title': '职工教育经费（A105050 第4–6行）',
  'deduct.rateGap': (p) => `${p.year} 年没有有效的职工教育经费扣除率：${p.reason}`,
  'deduct.why.general': '一般扣除率',
  'deduct.why.special': (p) => `${p.label}（资格：${p.span}；${p.key}）`,
  'deduct.noFull.notInForce': (p) => `${p.qualification} 全额扣除政策在 ${p.year} 年不适用（${p.key}）`,
  'deduct.noFull.lapsed': (p) => `${p.qualification} 资格不适用于 ${p.year} 年：${p.year}-12-31 不在有效期内且未重新认定（${p.key}）`,
  'deduct.noFull.none': (p) => `${p.year} 年没有 software_ic、animation、nuclear_power 或 airline 资格`,
  'deduct.step.wages': '工资薪金总额（A105050 第1行 第5列）',
  'deduct.how.wages': (p) => `${p.n} 行工资数据合计`,
  'deduct.step.rate': '税收规定扣除率',
  'deduct.step.fullUnqualified': '无资格的全额扣除培训费用',
  'deduct.how.fullUnqualified': (p) =>
    `${p.n} 行 full_training（账载金额 ${p.book}，实际发生额 ${p.incurred}）按一般职工教育经费处理（第5行）：${p.why}`,
  'deduct.step.cap': '扣除限额',
  'deduct.step.book': '账载金额（第1列）',
  'deduct.how.book': (p) => `${p.n} 行职工教育经费${p.unqualified ? ' + 无资格的 full_training' : ''}`,
  'deduct.step.incurred': '实际发生额（第2列）',
  'deduct.step.carryIn': '以前年度累计结转扣除额（第4列）',
  'deduct.source.firstYear': '台账中没有更早的记录：第一个年度',
  'deduct.source.ledgerOpening': (p) => `台账 ${p.year} 年期初（无更早记录）`,
  'deduct.source.ledgerClosing': (p) => `台账 ${p.year} 年期末`,
  'deduct.step.ledgerGap': '台账断档',
  'deduct.how.ledgerGap': (p) => `台账中没有 ${p.missing} 年的记录；已结转其最近一条更早记录（${p.year} 年）`,
  'deduct.source.carryOut': (p) => `${p.year} 年累计结转以后年度扣除额`,
  'deduct.step.deductible': '税收金额（第5列）',
  'deduct.how.deductible': (p) => `min(扣除限额 ${p.cap}, 实际发生额 ${p.incurred} + 以前年度累计结转扣除额 ${p.carryIn})`,
  'deduct.step.adjustment': '纳税调整金额（第6列）',
  'deduct.how.adjustment': (p) => `账载金额 ${p.book} − 税收金额 ${p.deductible}`,
  'deduct.step.carryOut': '累计结转以后年度扣除额（第7列）',
  'deduct.how.carryOut': (p) => `实际发生额 ${p.incurred} + 以前年度累计结转扣除额 ${p.carryIn} − 税收金额 ${p.deductible}`,
  'deduct.step.row6': '第6行 按税收规定全额扣除的职工培训费用',
  'deduct.how.row6': (p) =>
    `实际发生额 ${p.incurred}，全额扣除；纳税调整金额 = 账载金额 ${p.book} − 实际发生额 = ${p.adjustment}；${p.label}（资格：${p.span}）`,
  'deduct.step.row4Deductible': '第4行 职工教育经费支出 税收金额',
  'deduct.step.row4Adjustment': '第4行 职工教育经费支出 纳税调整金额',
  'deduct.how.row4': (p) => `第5行 ${p.row5} + 第6行 ${p.row6}`,
  'deduct.step.noWages': '无工资薪金',
  'deduct.how.noWages': '没有工资薪金的年度有职工教育经费支出或结转：扣除限额为 0.00',
  'deduct.fromAfterTo': (p) => `--from ${p.from} 晚于 --to ${p.to}`,
  'deduct.yearUnsupported': (p) =>
    `不支持 ${p.year} 年：职工教育经费扣除自 ${p.first} 年起计算（企业所得税法实施条例 第四十二条）；请用 --from ${p.first} 或更晚的年度`,
  'deduct.hint.skipped': (p) => `${p.id}：${p.years} 年的输入未计算：台账给出了 ${p.year} 年末的期初余额（${p.file}:${p.line}）`,
  'deduct.hint.noLedger': (p) =>
    `${p.id}：输入中 ${p.years} 年有职工教育经费，早于第一个计算年度 ${p.start}，但台账中没有 ${p.before} 年的记录：其以前年度累计结转扣除额为 0.00（请提供 --ledger，或从其第一个年度起计算）`,
  'deduct.advice': (p) => `请把以后年度也一并重新计算（--to ${p.last}）`,
  'deduct.heading.title': (p) => `职工教育经费支出，A105050《职工薪酬支出及纳税调整明细表》第4–6行，企业 ${p.id}`,
  'deduct.heading.formulas': '公式（RULES §1.3）：扣除限额 = round(工资薪金 × 扣除率)；税收金额 = min(扣除限额, 实际发生额 + 以前年度累计结转扣除额)；',
  'deduct.heading.rounding': '纳税调整金额 = 账载金额 − 税收金额；累计结转以后年度扣除额 = 实际发生额 + 以前年度累计结转扣除额 − 税收金额。四舍五入到 0.01。',
  'deduct.label.years': '年度',
  'deduct.label.enterprises': '企业户数',
  'deduct.label.rows': '企业年度数',
  'deduct.label.totalDeductible': '税收金额合计',
  'deduct.label.totalCarryForward': '累计结转以后年度扣除额合计',
  'deduct.label.warnings': '警告',
  // --- end deduct ---
  // --- credit ---
  'credit.step.poolCarryIn': '上期结转抵免额',
  'credit.source.ledgerClosing': (p) => `台账 ${p.period} 期末`,
  'credit.source.noLedger': '台账中没有更早的记录',
  'credit.step.ledgerGap': '台账断档',
  'credit.how.ledgerGap': (p) => `台账中没有 ${p.period} 前一期的记录；已结转其最近一条更早记录（${p.earlier}）`,
  'credit.source.carryOut': (p) => `${p.period} 期末结转抵免额`,
  'credit.step.refund': '留抵退税扣除额',
  'credit.how.refund': (p) =>
    `上期结转 ${p.carriedIn} + 本期 ${p.added} = ${p.available}，本期扣除 ${p.used}，结转下期 ${p.out}`,
  'credit.step.base': '计征依据',
  'credit.how.base': (p) =>
    `增值税 ${p.vat} + 免抵税额 ${p.offset} − 留抵退税扣除 ${p.refund} + 消费税 ${p.consumption}${p.noReturn ? '（本期无申报）' : ''}`,
  'credit.step.exemptionTest': '小规模免征',
  'credit.how.salesMissing': '申报表未给出销售额：无法判断是否免征',
  'credit.value.applies': '适用',
  'credit.value.doesNotApply': '不适用',
  'credit.how.sales': (p) => `销售额 ${p.sales} ${p.op} ${p.limit}`,
  'credit.step.reduction': '六税两费减征',
  'credit.step.feeDue': (p) => `${p.fee} 本期应纳税（费）额`,
  'credit.step.feeExemption': (p) => `${p.fee} 减免额`,
  'credit.how.wholeDue': '全额免征',
  'credit.step.feeReduction': (p) => `${p.fee} 减征额`,
  'credit.step.feeRemaining': (p) => `${p.fee} 减免后余额`,
  'credit.step.investment': '产教融合投资净额',
  'credit.how.investment': (p) => `${p.n} 行 pcie_investment`,
  'credit.step.poolAdded': '本期新增可抵免额',
  'credit.how.poolAdded': (p) => `round(${p.investment} × ${p.rate})${p.pilot ? '' : '（试点期满后撤回投资）'}`,
  'credit.step.notCredited': '不予抵免',
  'credit.how.noPilot': (p) => `没有覆盖 ${p.period} 的 pcie_pilot（产教融合型企业）资格`,
  'credit.how.notInForce': (p) => `抵免政策在 ${p.period} 不适用（自 ${p.first} 起施行）`,
  'credit.step.withdrawn': '撤回投资',
  'credit.how.withdrawn': (p) => `上期结转 ${p.carryIn} + 本期新增 ${p.added} 小于零：已抵免的金额可能需要补缴`,
  'credit.step.split': '抵免额分配',
  'credit.how.split': (p) => `可抵免额 ${p.available}，对应余额 ${p.edu} 和 ${p.local}${p.proportion ? '，按比例分配' : ''}`,
  'credit.source.split': 'RULES §2.4（电子税务局做法）',
  'credit.step.poolCarryOut': '结转以后期间抵免额',
  'credit.step.feePayable': (p) => `${p.fee} 本期应补（退）税（费）额`,
  'credit.how.payable': (p) =>
    `${p.due} − ${p.exemption} − ${p.reduction} − 抵免额 ${p.credit} − 已缴 ${p.paid}${p.overpaid ? ` 小于零：多缴 ${p.overpaid}` : ''}`,
  'credit.badPeriod': (p) => `${p.flag} 须为所属期 YYYY-MM、YYYY-Qn 或年度 YYYY（收到 "${p.raw}"）`,
  'credit.hint.skipped': (p) => `${p.id}：所属期 ${p.first}–${p.last} 未计算：台账给出了 ${p.period} 的期初余额（${p.file}:${p.line}）`,
  'credit.hint.noLedger': (p) =>
    `${p.id}：输入中在第一个计算所属期 ${p.period} 之前有产教融合投资，但台账中没有结转其抵免额的记录：上期结转抵免额为 0.00（请提供 --ledger，或从其第一个所属期起计算）`,
  'credit.advice.recompute': (p) => `请把以后所属期也一并重新计算（--to ${p.last}）`,
  'credit.advice.addReturns': (p) => `输入中 ${p.lastInput} 以后没有申报，而台账记录到 ${p.last}：请补充以后的申报并重新计算到该期`,
  'credit.heading.title': (p) => `产教融合型企业投资抵免教育费附加和地方教育附加，企业 ${p.id}`,
  'credit.heading.order': '顺序（RULES §2.3）：应纳税（费）额 = round(计征依据 × 征收率)；小规模免征；减征额 = round((应纳 − 免征) × 减征比例)；',
  'credit.heading.credit': '抵免额 ≤ 减免后余额，按两项附加的余额比例分配；应补（退）额 = max(0, 应纳 − 免征 − 减征 − 抵免 − 已缴)，小于零为多缴。',
  'credit.heading.pool': (p) =>
    `抵免额结转（RULES §2.4）：本期新增 = round(${p.rateKey} × 投资净额)；结转以后期间 = max(0, 上期结转 + 本期新增 − 本期抵免)。四舍五入到 0.01。`,
  'credit.label.periods': '所属期',
  'credit.label.enterprises': '企业户数',
  'credit.label.rows': '企业所属期数',
  'credit.label.totalDue': '应纳税（费）额合计',
  'credit.label.totalCredit': '抵免额合计',
  'credit.label.totalPayable': '应补（退）税（费）额合计',
  'credit.label.totalOverpaid': '多缴税（费）额合计',
  'credit.label.poolCarriedForward': '结转以后期间抵免额',
  'credit.label.warnings': '警告',
  'credit.noun': '产教融合型企业抵免',
  'credit.summary': '产教融合型企业投资抵免教育费附加、地方教育附加及其结转',
  'credit.description':
    '按企业和所属期计算教育费附加和地方教育附加（计征依据、应纳额、小规模免征、六税两费减征、已缴、应补（退）额）；' +
    '对列入产教融合型企业试点名单的企业，按其职业教育投资净额的 30% 抵免，当期未抵免完的结转以后期间抵免。每户企业每个所属期两行。',
  'credit.exitStatus': '退出状态：0 完成；1 完成但有警告（not_pilot、investment_withdrawn、ledger_gap、sales_missing、overpaid）；2 未写入任何文件。',
  'credit.input.surcharges': 'surcharges.csv（enterprise_id、period、vat 等）：附加税费申报',
  'credit.input.training': 'training.csv：其中 pcie_investment 行为产教融合投资',
  'credit.input.qualifications': 'qualifications.csv（pcie_pilot、small_scale_vat、small_low_profit、individual_business）',
  'credit.range.year': '只计算该年度的所属期',
  'credit.range.from': '起始所属期（YYYY-MM、YYYY-Qn 或 YYYY；默认：输入中的第一个）',
  'credit.range.to': '终止所属期（默认：输入中的最后一个）',
  'credit.ledgerHolds': '结转抵免额',
  'credit.explain.missing': (p) => `--explain ${p.id}：该企业没有计算任何所属期（不在输入中，或不在所要求的期间内）`,
  'credit.title': '产教融合型企业抵免教育费附加、地方教育附加',
  // --- end credit ---
  // --- subsidy ---
  // --- end subsidy ---
  // --- awards ---
  // --- end awards ---
  // --- exempt ---
  // --- end exempt ---
  // --- ledger ---
  'ledger.period.education': 'education_expense 行的所属期应为年度（YYYY）',
  'ledger.period.pcie': 'pcie_credit 行的所属期应为月份（YYYY-MM）或季度（YYYY-Qn）',
  'ledger.period.refund': 'refund_deduction 行的所属期应为月份（YYYY-MM）或季度（YYYY-Qn）',
  'ledger.check.together': 'opening、added、used 须同时填写；期初余额只填 closing',
  'ledger.check.negative': (p) => `education_expense 的 ${p.name} 不能为负数`,
  'ledger.check.closing': (p) => `closing 不等于 opening + added − used（${p.opening} + ${p.added} − ${p.used} = ${p.want}）`,
  'ledger.check.second': (p) => `${p.id} ${p.period} 有第二条 ${p.kind} 记录（第一条在第 ${p.line} 行）`,
  'ledger.check.overlapping': (p) => `${p.id} ${p.period} 的 ${p.kind} 记录与 ${p.earlier} 重叠（第一条在第 ${p.line} 行）`,
  'ledger.check.balanceLater': (p) => `只有结转链最早的一条记录可以只填 closing；${p.id} 在此之前已有 ${p.earlier} 的记录`,
  'ledger.check.chainBroken': (p) => `结转链断开：${p.period} 的 opening 不等于 ${p.earlier} 的 closing（${p.closing}，第 ${p.line} 行）`,
  'ledger.conflict': (p) =>
    `${p.id}（${p.kind}）台账冲突：重新计算的 ${p.period} 期末余额为 ${p.computed}，但台账中 ${p.later} 的记录${p.at}，${p.opens}`,
  'ledger.conflict.balance': '只给出期末余额（期初余额记录）',
  'ledger.conflict.opensWith': (p) => `期初为 ${p.opening}`,
  'ledger.refused': (p) => `${p.nothingWritten}：${p.advice}，或使用 --force 删除台账中${p.n === 1 ? '该企业' : '这些企业'}以后期间的记录`,
  'ledger.forced': (p) => `已强制：${p.conflict}`,
  'ledger.forcedDropped': (p) => `已强制：删除台账记录 ${p.id} ${p.kind} ${p.period}${p.at}`,
  // --- end ledger ---
  // --- rules ---
  'rules.value.choice': (p) => `应为 ${p.choices} 之一`,
  'rules.value.rate': '比率应为小数，如 "0.08"',
  'rules.value.rateRange': '比率应为 0 到 1 之间的小数（8% 写作 "0.08"）',
  'rules.value.amount': '不是金额：请以元为单位，用 "." 作小数点，最多 2 位小数，如 100000.00',
  'rules.value.count': '应为整数',
  'rules.value.flag': '应为 "yes" 或 "no"',
  'rules.value.list': '应为以 ";" 分隔的值列表',
  'rules.value.qualification': (p) => `"${p.value}" 不是资格代码（${p.known}）`,
  'rules.unknown': (p) => `未知参数 ${p.key}`,
  'rules.gap.builtIn': '内置参数序列',
  'rules.gap.file': (p) => `--rules 文件 ${p.file} 中的参数序列`,
  'rules.gap.starts': (p) => `${p.series}自 ${p.first} 起${p.noEntry ? '，且该日没有有效条目' : ''}`,
  'rules.gap.empty': (p) => `${p.series}没有任何条目`,
  'rules.gap': (p) => `${p.key} 在 ${p.on} 没有有效的值（${p.span}）：请用 --rules 补充条目`,
  // --- end rules ---
  // --- domain ---
  // --- end domain ---
};
