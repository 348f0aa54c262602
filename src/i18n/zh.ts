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
  'cli.problemsInInput': (p) => `输入中有 ${p.n} 个问题${p.truncated ? '（未全部列出：可调高 --max-errors）' : ''}；未写入任何文件`,
  'cli.amountTooLarge': '请检查输入中是否有金额输入过大；未写入任何文件',
  'cli.internalError': (p) => `内部错误：${p.what}${p.debug ? '' : '（设置 SKILLTAX_DEBUG=1 可显示出错位置）'}；未写入任何文件；请报告此问题`,
  // --- end cli ---
  // --- run ---
  // --- end run ---
  // --- report ---
  // --- end report ---
  // --- html ---
  // --- end html ---
  // --- io ---
  // csv-in.ts: a file that cannot be read
  'io.noSuchFile': '文件不存在',
  'io.isFolder': '是文件夹，不是文件',
  'io.permissionDenied': '没有读取权限',
  'io.cannotRead': (p) => `无法读取（${p.code}）`,
  // csv-in.ts: the header
  'io.headerRowPastEnd': (p) => `--header-row ${p.row}：${p.sheet ? '工作表' : '文件'}在该行之前就已结束（或从该行起没有内容）`,
  'io.emptySheet': '工作表为空：应有一行表头',
  'io.emptyFile': '文件为空：应有一行表头',
  'io.duplicateColumn': (p) => `第 ${p.first} 列和第 ${p.column} 列都对应 "${p.name}"：请只保留其中一列`,
  'io.netPayOnly': (p) =>
    `缺少必需列 "wages"：${p.label}（第 ${p.column} 列）是实发工资（扣除个税和代扣款项之后），不是工资薪金总额；请改为导出应发列：应发工资、工资总额或应发合计`,
  'io.missingColumn': (p) => `缺少必需列 "${p.name}"（可用列名：${p.accepted.join('、')}）`,
  'io.tabsInLine': (p) => `该行含有制表符：文件看起来以制表符分隔，却按${p.separated}读取（请加 --delimiter tab，或去掉 --delimiter 由程序自动识别）`,
  'io.delimiter.comma': '逗号',
  'io.delimiter.tab': '制表符',
  'io.delimiter.semicolon': '分号',
  'io.separated.comma': '逗号分隔',
  'io.separated.tab': '制表符分隔',
  'io.separated.semicolon': '分号分隔',
  'io.noHeaderInSheet': (p) =>
    `工作表 ${p.sheet} 的前 ${p.rows} 行中没有包含 ${p.kind} 文件必需列（${p.required.join('、')}）的表头；工作簿的工作表：${p.sheets}；${
      p.others.length ? `${p.others.join('、')} 中有这些列：请加 --sheet ${p.others[0]}` : '其他工作表中也没有这些列'
    }`,
  // csv-in.ts: the note of how a file was read
  'io.note.sheet': (p) => `工作表 ${p.sheet}${p.sheets !== undefined ? `（工作簿的工作表：${p.sheets}）` : ''}`,
  'io.note.twoRowHeader': (p) => `第 ${p.line}–${p.below} 行为两行表头，读作：${p.shown}`,
  'io.note.header': (p) => `表头在第 ${p.line} 行：${p.shown}`,
  'io.note.skippedAbove': (p) => `跳过表头上方 ${p.n} 行（标题、说明）`,
  'io.note.periodFrom': (p) => `所属期取自 ${p.year} 列和 ${p.month} 列`,
  'io.note.enterpriseFill': (p) => `每一行的 enterprise_id 均为 ${p.id}（--enterprise-id）`,
  'io.note.enterpriseNotUsed': '未使用 --enterprise-id：文件已有 enterprise_id 列（其他企业的行将被拒绝）',
  'io.note.separator': '；',
  'io.note.totalRow': (p) => `${p.where}: 合计行（${p.label}），已跳过`,
  'io.note.moreTotalRows': (p) => `${p.file}: 另有 ${p.n} 个合计行已跳过`,
  'io.note.moreRounded': (p) => `${p.file}: 另有 ${p.n} 个金额已四舍五入到分`,
  // csv-in.ts: the rows
  'io.tooManyCells': (p) => `该行有 ${p.n} 个单元格，表头只有 ${p.m} 个；${p.hint}`,
  'io.quoteThousands': (p) => `带千位分隔符的金额须加引号${p.example !== undefined ? `，如此处应写作 "${p.example}"` : '，含逗号的文字也须加引号'}`,
  'io.quoteDelimiter': (p) => `含有${p.delimiter}的单元格须加引号`,
  'io.tooFewCells': (p) => `该行只有 ${p.n} 个单元格，表头有 ${p.m} 个：记录在 "${p.name}"（第 ${p.column} 列）之前就结束了`,
  'io.missingValue': (p) => `"${p.name}" 缺少值`,
  'io.missingPeriodFrom': (p) => `"period" 缺少值（取自 ${p.year} 列和 ${p.month} 列）`,
  'io.periodFromColumns': (p) => `period: ${p.problem}（年 ${p.year}，月 ${p.month}）`,
  'io.enterpriseIdMismatch': (p) =>
    `enterprise_id: 文件已有 enterprise_id 列，而此行的值不是 --enterprise-id ${p.id}：--enterprise-id 只用于补上缺少的列（此文件请不要使用该选项）`,
  'io.nulInCell': '单元格中有 NUL 字符（\\0）：文件已损坏，或不是文本文件',
  // csv-in.ts, workbook.ts: workbooks
  'io.workbookUnreadable': (p) => `文件是（或看起来是）Excel 工作簿（${p.ext}），但无法作为工作簿读取（${p.error}）：请用 Excel 重新保存，或另存为 "CSV UTF-8"`,
  'io.zipNoSheet': '文件是 zip 压缩包，其中没有工作表（不是 Excel 工作簿？）：请用 Excel 另存为 .xlsx 或 "CSV UTF-8"',
  'io.noSuchSheet': (p) => `没有该工作表：工作簿的工作表为 ${p.sheets}（--sheet 可用名称或序号）`,
  'io.roundedToFen': (p) => `单元格的值为 ${p.text}，按 ${p.rounded} 读取（四舍五入到分）`,
  'io.formulaNoValue': (p) => `公式（=${p.formula}）没有保存的计算结果：请在 Excel 中打开文件并保存，使计算结果存入文件`,
  'io.cellError': (p) => `单元格的值是错误 ${p.error}`,
  // csv-syntax.ts
  'io.strayQuote': '无法按 CSV 读取：不以引号开头的单元格中有引号；请给整个单元格加引号，并把其中的引号写两次（12" pipe → "12"" pipe"）',
  'io.afterQuote': '无法按 CSV 读取：带引号的单元格在结束引号之后还有文字；带引号的单元格中的引号须写两次（""）',
  'io.unclosedQuote': '无法按 CSV 读取：此单元格开头的引号没有闭合，文件其余部分都会落在这个单元格里',
  // encoding.ts
  'io.utf16': '文件是 UTF-16 编码（Excel 的"Unicode 文本"）；请改存为 "CSV UTF-8" 或 "CSV"',
  'io.xlsxOnStdin': '输入是 Excel 工作簿（.xlsx）或其他 zip 压缩包：工作簿须从文件读取，不能从标准输入读取（请给出文件路径，而不是 "-"），或用 Excel 另存为 "CSV UTF-8"',
  'io.xlsOnStdin': '输入是 Excel 97–2003 工作簿（.xls）：工作簿须从文件读取，不能从标准输入读取（请给出文件路径，而不是 "-"），或用 Excel 另存为 "CSV UTF-8"',
  'io.lineTooLong': (p) => `有一行超过 ${p.mib} MiB：这不是 CSV 文件（或文件没有换行符）`,
  'io.encoding.readings': (p) => `此单元格按 ${p.firstName} 读作 "${p.first}"，按 ${p.secondName} 读作 "${p.second}"`,
  'io.encoding.invalidForced': (p) =>
    `不是有效的 ${p.name}（--encoding ${p.enc}）：${p.readings}；如果整个文件是 ${p.otherName}${p.excel ? '（中文 Windows 上的 Excel 即如此保存）' : ''}，请加 --encoding ${p.other}`,
  'io.encoding.invalid': (p) => `与文件其余部分不同，不是有效的 ${p.name}：${p.readings}；请用同一种编码保存整个文件`,
  'io.encoding.mixed': (p) => `${p.name} 文件中有一行 ${p.otherName}：${p.readings}；请用同一种编码保存整个文件（如果整个文件是 ${p.otherName}，请加 --encoding ${p.other}）`,
  // values.ts, kinds.ts: cells
  'io.value.notAmount': '不是金额：请以元为单位、用 "." 作小数点，例如 1234.56',
  'io.value.tooManyDecimals': '金额最多 2 位小数（角分）',
  'io.value.amountTooLarge': '金额过大',
  'io.value.negative': '此处不允许负数金额',
  'io.value.notCalendarDate': '不是有效的日历日期',
  'io.value.notDate': '不是日期：请写作 YYYY-MM-DD、YYYY/M/D 或 YYYYMMDD',
  'io.value.notYear': '不是年份：请写作 YYYY',
  'io.value.notFilingPeriod': '不是所属期：请写作 YYYY-MM（月）或 YYYY-Qn（季度）',
  'io.value.notPayrollPeriod': '不是工资所属期：请写作 YYYY-MM 或 YYYY',
  'io.value.notPeriod': '不是所属期：请写作 YYYY、YYYY-MM 或 YYYY-Qn',
  'io.value.notCount': '不是 0 或以上的整数',
  'io.value.notLevel': '不是技能等级：应为 1–5（5 = 初级工 … 1 = 高级技师）或 初级/中级/高级/技师/高级技师',
  'io.value.notKnown': (p) => `不是已知的${p.what}；可用值：${p.accepted}`,
  'io.value.yesNo': '请填写 yes 或 no（是/否）',
  'io.value.notRate': '不是比率：请写小数（如 0.03）或百分数（如 3%）',
  'io.value.rateAboveOne': '比率是 0 到 1 之间的小数（3% 即 0.03）',
  'io.value.notArea': '不是面积：请以平方米为单位、用 "." 作小数点，例如 1200.50',
  'io.enum.category': '费用类别',
  'io.enum.qualification': '资格',
  'io.enum.ledgerKind': '台账类型',
  'io.enum.accountKind': '科目核算方式',
  'io.enum.program': '补贴项目',
  'io.enum.group': '人员类别',
  'io.enum.certificateType': '证书类型',
  'io.enum.route': '评价方式',
  'io.enum.unit': '计发方式',
  'io.enum.awardProgram': '奖励项目',
  'io.enum.rating': '考核结果',
  'io.enum.studioLevel': '工作室级别',
  'io.enum.tax': '税种',
  'io.enum.schoolType': '学校类型',
  'io.enum.use': '用途',
  'io.enum.fee': '征收品目',
  // declared.ts
  'io.secondDeclaration': (p) => `同一${p.keyName}的第二条申报（第一条在第 ${p.first} 行）`,
  // load.ts
  'io.bothYearAndMonth': (p) => `period: ${p.id} 在 ${p.year} 年既有全年工资行又有月度工资行（第 ${p.other} 行）：工资会被重复计算`,
  'io.negativeOnlyPcie': (p) => `${p.column}: 只有 pcie_investment（产教融合投资撤回）允许负数金额`,
  'io.notLedgerExport': '不是总账明细账导出文件：需要科目列（科目编码或科目名称）以及借方金额或贷方金额列',
  'io.note.ledgerRowSkipped': (p) => `${p.at}: 明细账导出文件中的${p.summary !== undefined ? `${p.summary}行` : '无日期行'}，已跳过`,
  'io.note.ledgerExportRead': (p) => `${p.file}: 按总账明细账导出文件读取：${p.map ? '--account-map 所列科目' : '应付职工薪酬—职工教育经费科目'}共 ${p.used} 行`,
  'io.note.ledgerExportNoRow': (p) => `${p.file}: 按总账明细账导出文件读取，但没有${p.map ? ' --account-map 所列科目' : '应付职工薪酬—职工教育经费科目'}的行：请用 --account-map 指定科目`,
  'io.qualificationEndsBeforeStart': (p) => `valid_to: 资格的截止日期早于起始日期（valid_from ${p.from}）`,
  'io.periodOverlap': (p) =>
    `${p.id}: 所属期 ${p.period} 与第 ${p.line} 行的 ${p.other} 重叠${
      p.how === 'same' ? '（同一所属期申报了两次）' : p.how === 'month' ? '（该月份落在其已申报的季度内）' : '（该季度包含其已申报的月份）'
    }`,
  'io.secondClaim': (p) => `claim_id: 申请编号 ${p.id} 重复（第一次在第 ${p.first} 行）`,
  'io.claimNeedsMonths': (p) => `months: ${p.program} 申请须填写所涵盖的月数（1 或以上）`,
  'io.catalogEndsBeforeStart': (p) => `valid_to: 该行的截止日期早于起始日期（valid_from ${p.from}）`,
  'io.catalogDuplicate': (p) => `valid_from: 第 ${p.first} 行的 program、occupation、level 和 valid_from 与此行相同：无法确定适用哪一行`,
  'io.paymentNeedsMonths': (p) => `months: ${p.program} 发放记录须填写所涵盖的月数`,
  'io.secondAward': (p) => `award_id: 奖励编号 ${p.id} 重复（第一次在第 ${p.first} 行）`,
  'io.awardNeeds': (p) => `${p.need}: ${p.program} 行须填写${({ rating: '考核结果', rank: '名次', count: '人数', prior_count: '上年人数' } as Record<string, string>)[p.need] ?? p.need}`,
  'io.secondReview': (p) => `year: 工作室 ${p.id} 在 ${p.year} 年有第二条考核记录（第一条在第 ${p.first} 行）`,
  'io.studioLevelNeeded': (p) => `level: master_studio（技能大师工作室）发放记录须填写所资助的工作室级别（${p.levels.join('、')}）`,
  'io.asset': (p) => `资产 ${p.id}（${p.tax}，${p.what}）`,
  'io.assetNeeds': (p) =>
    `${p.need}: ${p.who}须填写${({ year: '年度', area_m2: '面积', unit_tax: '单位税额', price: '成交价格', date: '日期' } as Record<string, string>)[p.need] ?? p.need}`,
  'io.valueOrRent': (p) => `${p.both ? 'rent' : 'original_value'}: ${p.who}从价（original_value）或从租（rent）计征：${p.both ? '只能填写其一，不能两者都填' : '请填写其中之一'}`,
  'io.farmlandDate': (p) => `date: ${p.who}须填写占用耕地的日期（或年度）`,
  'io.oneOffYear': (p) => `year: ${p.who}为一次性征收，应属其日期 ${p.date} 所在年度，而不是 ${p.year} 年`,
  'io.monthsYearly': (p) => `months: ${p.who}按年内 1 至 12 个月计征`,
  'io.monthsOneOff': (p) => `months: ${p.who}为一次性征收：不适用月数`,
  'io.secondAsset': (p) => `asset_id: 资产 ${p.id} 在 ${p.year} 年有第二条 ${p.tax} 记录（第一条在第 ${p.first} 行）`,
  // rules-file.ts
  'io.rules.notJson': (p) => `${p.file}: 不是有效的 JSON：${p.error}`,
  'io.rules.notObject': (p) =>
    `${p.file}: 应为按参数键给出参数序列的对象，例如 {"eit.education_expense.rate": [{"from": "2018-01-01", "value": "0.08", "source": "财税〔2018〕51号"}]}`,
  'io.rules.unknownParam': (p) => `${p.file}: 未知参数 "${p.key}"（参数键见 \`skilltax rules\`）`,
  'io.rules.notArray': (p) => `${p.file}: "${p.key}" 须为条目 {from, value, source} 的数组`,
  'io.rules.noEntries': (p) => `${p.file}: "${p.key}" 没有条目：请至少给出一条 {from, value, source}，或删去该键以沿用内置序列`,
  'io.rules.entryNotObject': (p) => `${p.where}: 条目须为对象 {from, value, source}`,
  'io.rules.unknownField': (p) => `${p.where}: 未知字段 "${p.field}"（可用字段：${p.fields.join('、')}）`,
  'io.rules.fromRequired': '缺少 "from"（YYYY-MM-DD）',
  'io.rules.toBeforeFrom': '"to" 早于 "from"',
  'io.rules.valueRequired': '缺少 "value"',
  'io.rules.badValue': (p) => `${p.where}.value: ${p.problem}（读到 ${p.got}）`,
  'io.rules.badStatus': (p) => `${p.where}.status: 须为 ${p.statuses.join('、')} 之一（读到 ${p.got}）`,
  'io.rules.sourceNotText': (p) => `${p.where}.source: 应为文本`,
  'io.rules.sourceControl': (p) => `${p.where}.source: 不允许有控制字符（${p.source}）`,
  'io.rules.sameFrom': (p) => `${p.file}: "${p.key}" 有两个条目的 "from" 相同（${p.from}）`,
  'io.rules.runsPastNext': (p) => `${p.file}: "${p.key}": 自 ${p.from} 起的条目到 ${p.to} 止，超过了下一条目的 "from" ${p.next}`,
  'io.rules.cannotRead': (p) => `${p.file}: 无法读取规则文件（${p.reason}）`,
  // csv-out.ts, paths.ts: output files
  'io.out.theOutput': '输出文件',
  'io.out.isFolder': (p) => `${p.path}: 是文件夹；请指定要写入的文件`,
  'io.out.cannotCreateFolder': (p) => `${p.path}: 无法创建文件夹 ${p.folder}（${p.code}）`,
  'io.out.cannotWrite': (p) => `${p.path}: 无法写入（${p.code}）`,
  'io.out.cannotBeWritten': (p) => `${p.path}: 无法写入（${p.reason}）`,
  'io.out.symlinkLoop': (p) => `${p.path}: 无法写入（符号链接层数过多）`,
  'io.out.replacesInput': (p) =>
    `${p.what} ${p.path} 就是 ${p.inputWhat} ${p.input}${p.via}：输出文件不能覆盖同一次运行的输入文件（只有 --ledger-out 可以指定 --ledger 的文件，以便原地更新台账）：请换一个文件；${p.nothing}`,
  'io.out.resolvesTo': (p) => `（${p.path} 实际指向 ${p.real}）`,
  'io.out.twoOutputs': (p) => `${p.path}: 两个输出指向同一个文件（${p.firstWhat} ${p.first} 和 ${p.what} ${p.path}）：请指定两个不同的文件`,
  // lock.ts
  'io.lock.holder': (p) => `主机 ${p.host} 上的进程 ${p.pid}，自 ${p.since} 起（${p.command}）`,
  'io.lock.noHolder': (p) => `一个未记录持有者的进程${p.refreshed !== undefined ? `，最后刷新于 ${p.refreshed}` : ''}`,
  'io.lock.waited': (p) => `已等待 ${p.seconds} 秒（--lock-timeout ${p.timeout}）`,
  'io.lock.didNotWait': '未等待（--lock-timeout 0）',
  'io.lock.locked': (p) => `${p.path} 已被另一个 skilltax 运行锁定：${p.holder}；${p.waited}；${p.nothing}。如果并没有这样的运行，请删除文件夹 ${p.dir}`,
  'io.lock.cannotLock': (p) => `${p.path}: 无法锁定台账（${p.reason}）`,
  'io.lock.takenOver': (p) => `${p.path}: 本次运行计算期间，台账的锁被另一个运行接管（超过 ${p.seconds} 秒未刷新）；${p.nothing}：请重新运行`,
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
  'domain.got': (p) => `（读到 "${p.value}"）`,
  'domain.uscc.length': (p) => `统一社会信用代码应为 18 位，此处为 ${p.n} 位`,
  'domain.uscc.char': (p) => `统一社会信用代码第 ${p.position} 位的 "${p.char}" 不是允许的字符（代码中不使用 I、O、Z、S、V 和小写字母）`,
  'domain.uscc.check': (p) => `统一社会信用代码的校验码为 "${p.got}"，按前 17 位应为 "${p.want}"`,
  'domain.personId.form': '身份证号应为 17 位数字加 1 位数字或 X',
  'domain.personId.check': (p) => `身份证号的校验码为 "${p.got}"，按前 17 位应为 "${p.want}"`,
  'domain.personId.birthDate': '身份证号中的出生日期（第 7–14 位）不是有效的日历日期',
  'domain.yearOutOfRange': (p) => `年份超出范围：${p.year} 不在 ${p.from}–${p.to} 之内`,
  'domain.amountOverflow': (p) => `${p.what}超过 90,071,992,547,409.91 元，即 skilltax 能精确到分计算的最大数额`,
  'domain.sumOfAmounts': '金额之和',
  'domain.differenceOfAmounts': '金额之差',
  'domain.amountTimesCount': '金额乘以数量',
  // --- end domain ---
};
