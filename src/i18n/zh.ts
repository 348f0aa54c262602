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
};
