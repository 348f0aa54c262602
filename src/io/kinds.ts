/**
 * The input kinds of CONTRACT §2 known so far, each as one schema: canonical columns, Chinese
 * aliases, the parser of each cell. The enumeration codes come from `domain/vocabulary.ts`;
 * the Chinese labels accepted for them are here.
 */
import {
  AWARD_PROGRAMS,
  CATEGORIES,
  CERTIFICATE_TYPES,
  GROUPS,
  LEDGER_KINDS,
  PROGRAMS,
  QUALIFICATIONS,
  RATINGS,
  ROUTES,
  STUDIO_LEVELS,
  UNITS,
  PROPERTY_TAXES,
  PROPERTY_USES,
  SCHOOL_TYPES,
  type PropertyTax,
  type PropertyUse,
  type SchoolType,
  type AwardProgram,
  type Category,
  type CertificateType,
  type Group,
  type LedgerKind,
  type Program,
  type Qualification,
  type Rating,
  type Route,
  type StudioLevel,
  type Unit,
} from '../domain/vocabulary.js';
import { Dec } from '../domain/money.js';
import { t } from '../i18n/index.js';
import { defineSchema, optional, required, sensitive, type RowOf, type Schema } from './schema.js';
import {
  enumParser,
  parseAmount,
  parseAnyPeriod,
  parseDate,
  parseFilingPeriod,
  parseCount,
  parseLevel,
  parseMonthNumber,
  parseMonthOrYear,
  parsePersonId,
  parseValidPersonId,
  parseStar,
  parseText,
  parseUscc,
  parseYear,
  ValueProblem,
} from './values.js';

const ENTERPRISE_ALIASES = ['纳税人识别号', '统一社会信用代码', '纳税人识别号(统一社会信用代码)', '统一社会信用代码(纳税人识别号)', '社会信用代码', '企业代码'];

export const parseCategory = enumParser<Category>('category', {
  values: CATEGORIES,
  aliases: {
    education: ['职工教育经费'],
    full_training: ['全额扣除职工培训费用'],
    pcie_investment: ['产教融合投资'],
  },
});

export const parseQualification = enumParser<Qualification>('qualification', {
  values: QUALIFICATIONS,
  aliases: {
    high_tech: ['高新技术企业'],
    advanced_tech_service: ['技术先进型服务企业'],
    software_ic: ['软件和集成电路企业'],
    animation: ['动漫企业'],
    nuclear_power: ['核电企业'],
    airline: ['航空企业'],
    pcie_pilot: ['产教融合型企业'],
    small_scale_vat: ['小规模纳税人'],
    small_low_profit: ['小型微利企业'],
    individual_business: ['个体工商户'],
  },
});

export const parseLedgerKind = enumParser<LedgerKind>('ledgerKind', {
  values: LEDGER_KINDS,
  aliases: { education_expense: ['职工教育经费'], pcie_credit: ['产教融合抵免'], refund_deduction: ['留抵退税扣除'] },
});

const amount = (raw: string) => parseAmount(raw);
const signedAmount = (raw: string) => parseAmount(raw, true);

export const payrollSchema = defineSchema('payroll', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  period: required(parseMonthOrYear, ['所属期', '期间', '工资所属期']),
  // Gross pay (应发) is the wage base (国税函〔2009〕3号); net pay (实发) never is (CONTRACT §2).
  wages: required(amount, ['工资薪金', '工资薪金总额', '工资总额', '应发工资', '应发合计', '应发工资合计', '税前工资']),
  employee_id: optional(parseText, ['职工编号', '工号']),
});

export const trainingSchema = defineSchema('training', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  date: required(parseDate, ['日期', '发生日期', '记账日期']),
  category: required(parseCategory, ['类别', '费用类别']),
  // Negative only for pcie_investment (a withdrawal); the training reader checks that.
  amount: required(signedAmount, ['账载金额', '金额']),
  incurred: optional(signedAmount, ['实际发生额']),
  description: optional(parseText, ['摘要', '说明']),
});

/**
 * A general-ledger detail export (明细账 / 序时账) given as training input: the rows of the
 * education expense accounts become training rows (README "Files from your software").
 */
export const ledgerDetailSchema = defineSchema('ledger_detail', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  // Empty on the 期初余额 / 本月合计 / 本年累计 rows, which are skipped.
  date: optional(parseDate, ['日期', '记账日期', '凭证日期']),
  voucher: optional(parseText, ['凭证号', '凭证字号', '凭证编号']),
  account_code: optional(parseText, ['科目编码', '科目代码', '会计科目编码']),
  account_name: optional(parseText, ['科目名称', '会计科目', '科目']),
  description: optional(parseText, ['摘要']),
  debit: optional(signedAmount, ['借方金额', '借方', '借方发生额']),
  credit: optional(signedAmount, ['贷方金额', '贷方', '贷方发生额']),
});

/** --account-map FILE: which ledger accounts are training expense, and how to read them. */
export const accountMapSchema = defineSchema('account_map', {
  account: required(parseText, ['科目', '科目编码', '科目名称']),
  category: required(parseCategory, ['类别']),
  // payable: 应付职工薪酬—职工教育经费 (credit = accrued, book; debit = spent, incurred);
  // expense: booked straight to an expense account such as 管理费用—职工教育经费 (debit = book = incurred).
  kind: optional(enumParser<'payable' | 'expense'>('accountKind', { values: ['payable', 'expense'], aliases: { payable: ['应付'], expense: ['费用'] } }), ['方式', '类型']),
});

export const qualificationsSchema = defineSchema('qualifications', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  qualification: required(parseQualification, ['资格', '资质']),
  valid_from: required(parseDate, ['起始日期', '有效期起']),
  valid_to: optional(parseDate, ['截止日期', '有效期止']),
});

export const ledgerSchema = defineSchema('ledger', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  kind: required(parseLedgerKind, ['类型', '台账类型']),
  period: required(parseAnyPeriod, ['所属期', '年度']),
  opening: optional(signedAmount, ['期初余额', '以前年度累计结转扣除额']),
  added: optional(signedAmount, ['本期增加', '本年发生额']),
  used: optional(signedAmount, ['本期使用', '本年扣除额']),
  closing: required(signedAmount, ['期末余额', '累计结转以后年度扣除额']),
});

export const surchargesSchema = defineSchema('surcharges', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  period: required(parseFilingPeriod, ['所属期', '税款所属期']),
  vat: required(amount, ['增值税税额', '增值税']),
  vat_exempt_offset: optional(amount, ['免抵税额', '增值税免抵税额']),
  refund_deduction: optional(amount, ['留抵退税本期扣除额']),
  consumption_tax: optional(amount, ['消费税', '消费税税额']),
  sales: optional(amount, ['销售额', '应税销售额']),
  paid_edu: optional(amount, ['教育费附加已缴', '教育费附加本期已缴税（费）额']),
  paid_local: optional(amount, ['地方教育附加已缴', '地方教育附加本期已缴税（费）额']),
});

// ── Training subsidies (CONTRACT §2, §5) ───────────────────────────────────────
export const parseProgram = enumParser<Program>('program', {
  values: PROGRAMS,
  aliases: {
    training: ['职业培训补贴'],
    skill_upgrade: ['技能提升补贴'],
    apprenticeship: ['企业新型学徒制', '学徒制'],
    work_based: ['以工代训'],
    shortage_post: ['紧缺职业高技能人才岗位补贴'],
  },
});

export const parseGroup = enumParser<Group>('group', {
  values: GROUPS,
  aliases: {
    employee: ['企业职工'],
    rural_migrant: ['农村转移劳动者'],
    unemployed: ['登记失业人员'],
    hard_to_employ: ['就业困难人员'],
    veteran: ['退役军人'],
    graduate: ['毕业年度高校毕业生'],
    school_leaver: ['两后生'],
    poverty_monitored: ['脱贫人口', '防止返贫监测对象'],
    unemployment_benefit: ['领取失业保险金人员'],
    public_staff: ['机关事业单位在编人员'],
  },
});

export const parseCertificateType = enumParser<CertificateType>('certificateType', {
  values: CERTIFICATE_TYPES,
  aliases: {
    qualification: ['职业资格证书'],
    skill_level: ['职业技能等级证书'],
    special_ability: ['专项职业能力证书'],
    special_operation: ['特种作业操作证'],
    completion: ['培训合格证书'],
    none: ['无'],
  },
});

export const parseRoute = enumParser<Route>('route', {
  values: ROUTES,
  aliases: {
    standard: ['社会化评价', '常规'],
    self_evaluation: ['企业自主评价', '自主评价'],
    dual_certificate: ['双证书'],
    apprenticeship: ['学徒制培训'],
    competition: ['技能竞赛'],
  },
});

export const parseUnit = enumParser<Unit>('unit', {
  values: UNITS,
  aliases: { per_claim: ['每次'], per_month: ['每月'], per_year: ['每年'] },
});

/** `*` (any) or a value. */
function anyOr<T>(parse: (raw: string) => T): (raw: string) => T | '*' {
  return (raw) => (raw.normalize('NFKC') === '*' ? '*' : parse(raw));
}

function parseYesNo(raw: string): boolean {
  const v = raw.normalize('NFKC').trim().toLowerCase();
  if (['yes', 'y', 'true', '1', '是'].includes(v)) return true;
  if (['no', 'n', 'false', '0', '否'].includes(v)) return false;
  throw new ValueProblem(() => t('io.value.yesNo'));
}

const amount0 = (raw: string) => parseAmount(raw);

const PERSON_ALIASES = ['身份证号', '公民身份号码'];
const OCCUPATION_ALIASES = ['职业', '职业（工种）', '职业(工种)', '工种'];
const LEVEL_ALIASES = ['等级', '技能等级'];
const CERTIFICATE_DATE_ALIASES = ['发证日期', '证书日期'];
const ROUTE_ALIASES = ['评价方式', '取证途径'];
const PROVIDER_ALIASES = ['培训机构编号', '机构编号'];

export const traineesSchema = defineSchema('trainees', {
  claim_id: required(parseText, ['申请编号']),
  person_id: sensitive(required(parsePersonId, PERSON_ALIASES)),
  program: required(parseProgram, ['项目', '补贴项目']),
  group: required(parseGroup, ['人员类别']),
  claim_date: required(parseDate, ['申请日期']),
  name: optional(parseText, ['姓名']),
  enterprise_id: optional(parseUscc, ENTERPRISE_ALIASES),
  occupation: optional(parseText, OCCUPATION_ALIASES),
  level: optional(parseLevel, LEVEL_ALIASES),
  certificate_type: optional(parseCertificateType, ['证书类型']),
  certificate_no: optional(parseText, ['证书编号']),
  certificate_date: optional(parseDate, CERTIFICATE_DATE_ALIASES),
  route: optional(parseRoute, ROUTE_ALIASES),
  insured_months: optional(parseCount, ['参保月数', '缴费月数']),
  contract_months: optional(parseCount, ['劳动合同期限', '合同月数']),
  months: optional(parseCount, ['月数', '培训月数']),
  // issue #15: the training provider (培训机构) that trained the person
  provider_id: optional(parseText, PROVIDER_ALIASES),
});

export const catalogSchema = defineSchema('catalog', {
  program: required(parseProgram, ['项目', '补贴项目']),
  occupation: required(anyOr(parseText), ['职业', '职业（工种）', '工种']),
  level: required(anyOr(parseLevel), ['等级', '技能等级']),
  amount: required(amount0, ['补贴标准', '金额']),
  unit: required(parseUnit, ['单位', '计发方式']),
  valid_from: required(parseDate, ['起始日期', '生效日期']),
  valid_to: optional(parseDate, ['截止日期', '失效日期']),
  shortage: optional(parseYesNo, ['紧缺', '是否紧缺']),
  // CONTRACT §2: urgently needed (急需紧缺) for the 2025 skill_upgrade allowance; a row for one
  // certificate outcome (`none`: an apprenticeship that ended without one); age limits of the
  // occupation that replace the general working age.
  urgent: optional(parseYesNo, ['急需', '是否急需']),
  certificate_type: optional(parseCertificateType, ['证书类型']),
  min_age: optional(parseCount, ['最低年龄']),
  max_age_male: optional(parseCount, ['男性最高年龄']),
  max_age_female: optional(parseCount, ['女性最高年龄']),
  source: optional(parseText, ['依据', '文件']),
});

export const historySchema = defineSchema('history', {
  person_id: sensitive(required(parseValidPersonId, PERSON_ALIASES)),
  program: required(parseProgram, ['项目', '补贴项目']),
  paid_date: required(parseDate, ['发放日期', '支付日期']),
  amount: required(amount0, ['金额', '补贴金额']),
  occupation: optional(parseText, OCCUPATION_ALIASES),
  level: optional(parseLevel, LEVEL_ALIASES),
  certificate_no: optional(parseText, ['证书编号']),
  // Added to the contract's columns: the months an apprenticeship or work_based payment covered.
  months: optional(parseCount, ['月数']),
});

// ── The bureau's view of the subsidy fund (issue #15; CONTRACT §2) ─────────────────
/** certificates.csv: the certificates issued in the area (the certificate registry's export). */
export const certificatesSchema = defineSchema('certificates', {
  person_id: sensitive(required(parseValidPersonId, PERSON_ALIASES)),
  certificate_no: required(parseText, ['证书编号']),
  certificate_type: required(parseCertificateType, ['证书类型']),
  occupation: required(parseText, OCCUPATION_ALIASES),
  level: required(parseLevel, LEVEL_ALIASES),
  certificate_date: required(parseDate, CERTIFICATE_DATE_ALIASES),
  route: optional(parseRoute, ROUTE_ALIASES),
  name: optional(parseText, ['姓名']),
  provider_id: optional(parseText, PROVIDER_ALIASES),
  training_start: optional(parseDate, ['培训开始日期', '培训起始日期']),
  training_end: optional(parseDate, ['培训结束日期', '培训截止日期']),
});

/** insurance.csv: one row per person and month of unemployment insurance paid; `period` is read as its month number. */
export const insuranceSchema = defineSchema('insurance', {
  person_id: sensitive(required(parsePersonId, PERSON_ALIASES)),
  period: required(parseMonthNumber, ['缴费月份', '所属期', '费款所属期']),
  enterprise_id: required(parseUscc, [...ENTERPRISE_ALIASES, '单位编号']),
});

/** providers.csv: the training providers (培训机构), their 备案 validity and yearly review. */
export const providersSchema = defineSchema('providers', {
  provider_id: required(parseText, PROVIDER_ALIASES),
  name: required(parseText, ['机构名称', '培训机构名称']),
  filed_from: required(parseDate, ['备案起始日期', '备案日期']),
  filed_to: optional(parseDate, ['备案截止日期', '备案有效期至']),
  star: optional(parseStar, ['星级']),
  review_year: optional(parseYear, ['考评年度']),
  review_result: optional(parseText, ['考评结果']),
});

/** fund.csv: the skills fund (专账) allocated per year and program (`*`: every program). */
export const fundSchema = defineSchema('fund', {
  year: required(parseYear, ['年度']),
  program: required(anyOr(parseProgram), ['项目', '补贴项目']),
  allocated: required(amount0, ['下达金额', '安排资金']),
  source: optional(parseText, ['文件依据', '依据']),
});

export type TraineeRow = RowOf<typeof traineesSchema>;
export type CatalogRow = RowOf<typeof catalogSchema>;
export type HistoryRow = RowOf<typeof historySchema>;

export const enterprisesSchema = defineSchema('enterprises', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  name: optional(parseText, ['企业名称', '纳税人名称']),
  town: optional(parseText, ['镇街道']),
  industry: optional(parseText, ['行业']),
});

export type PayrollRow = RowOf<typeof payrollSchema>;
export type TrainingRow = RowOf<typeof trainingSchema>;
export type QualificationRow = RowOf<typeof qualificationsSchema>;
export type LedgerRow = RowOf<typeof ledgerSchema>;
export type SurchargeRow = RowOf<typeof surchargesSchema>;

// ── Talent awards and grants (CONTRACT §2, §6; RULES §5) ──────────────────────────
export const parseAwardProgram = enumParser<AwardProgram>('awardProgram', {
  values: AWARD_PROGRAMS,
  aliases: {
    master_studio: ['技能大师工作室', '技能大师工作室建设'],
    master_studio_rating: ['技能大师工作室考核', '技能大师工作室年度考核'],
    shanglin_gold: ['上林金匠'],
    shanglin_silver: ['上林银匠'],
    shanglin_craftsman: ['上林工匠'],
    skill_star: ['技能之星'],
    housing_allowance: ['高技能人才生活安居补助', '生活安居补助'],
    shortage_retention: ['紧缺高技能人才留用奖励', '稳岗奖励'],
    certification_enterprise: ['职业技能等级认定企业', '等级认定企业考核'],
  },
});

export const parseRating = enumParser<Rating>('rating', {
  values: RATINGS,
  aliases: { excellent: ['优秀'], good: ['良好'], pass: ['合格'], fail: ['不合格'] },
});

const parseStudioLevel = enumParser<StudioLevel>('studioLevel', {
  values: STUDIO_LEVELS,
  aliases: { city: ['市级', '慈溪市级', '县级'], ningbo: ['宁波市级'], province: ['省级'], national: ['国家级'] },
});

/**
 * An award's `level`: a studio level (`city`, `ningbo`, `province`, `national` or 市级 … 国家级) or a
 * skill level (1–5, 技师, 高级技师 …), made canonical; any other text is kept as given, for the
 * calculator to decide `unknown_level` (never an input error).
 */
export function parseAwardLevel(raw: string): string {
  for (const parse of [parseStudioLevel, parseLevel]) {
    try {
      return String(parse(raw));
    } catch (e) {
      if (!(e instanceof ValueProblem)) throw e;
    }
  }
  return raw;
}

export const awardsSchema = defineSchema('awards', {
  award_id: required(parseText, ['奖励编号', '申报编号']),
  program: required(parseAwardProgram, ['项目', '奖励项目']),
  // A 身份证号, a 统一社会信用代码 or a studio's id, by program: its validity is decided.
  recipient_id: sensitive(required(parseText, ['奖励对象', '对象编号', '获奖对象'])),
  year: required(parseYear, ['年度', '考核年度']),
  enterprise_id: optional(parseUscc, ENTERPRISE_ALIASES),
  level: optional(parseAwardLevel, ['等级', '级别', '技能等级']),
  rating: optional(parseRating, ['考核结果', '考核等次']),
  rank: optional(parseCount, ['名次']),
  count: optional(parseCount, ['人数', '紧缺高技能人才人数']),
  prior_count: optional(parseCount, ['上年人数']),
  event: optional(parseText, ['赛事', '竞赛名称']),
  award_date: optional(parseDate, ['奖励日期', '发放日期']),
});

export const awardHistorySchema = defineSchema('award_history', {
  award_id: required(parseText, ['奖励编号', '申报编号']),
  program: required(parseAwardProgram, ['项目', '奖励项目']),
  recipient_id: sensitive(required(parseText, ['奖励对象', '对象编号', '获奖对象'])),
  year: required(parseYear, ['年度', '考核年度']),
  level: optional(parseAwardLevel, ['等级', '级别', '技能等级']),
  amount: optional(amount0, ['金额', '奖励金额']),
  // Added to the contract's columns: the competition of a 技能之星 payment (unnamed: its year).
  event: optional(parseText, ['赛事', '竞赛名称']),
});

// ── School property exemptions (CONTRACT §2, §7; RULES §3) ─────────────────────
export const parsePropertyTax = enumParser<PropertyTax>('tax', {
  values: PROPERTY_TAXES,
  aliases: { property: ['房产税'], land_use: ['城镇土地使用税', '土地使用税'], farmland: ['耕地占用税'], deed: ['契税'] },
});

export const parseSchoolType = enumParser<SchoolType>('schoolType', {
  values: SCHOOL_TYPES,
  aliases: {
    state_school: ['公办学校', '国家拨付事业经费的学校'],
    enterprise_school: ['企业办学校', '企业办的学校'],
    technical_school: ['技工院校', '技工学校'],
    nonprofit_school: ['非营利性学校', '非营利性民办学校'],
    forprofit_school: ['营利性学校', '营利性民办学校'],
    training_center: ['培训中心', '职工培训中心', '培训班'],
  },
});

export const parsePropertyUse = enumParser<PropertyUse>('use', {
  values: PROPERTY_USES,
  aliases: { teaching: ['教学'], office: ['办公'], rented: ['出租'], business: ['经营', '经营性场所'], staff_housing: ['教职工住房', '职工住房'] },
});

/** A ratio or rate as a decimal fraction 0–1: `0.3`, `.03` or `30%` → canonical text ("0.3"). */
export function parseFraction(raw: string): string {
  const m = /^(\d{1,6}(?:\.\d{1,8})?|\.\d{1,8})\s*(%?)$/.exec(raw.normalize('NFKC').trim());
  if (!m) throw new ValueProblem(() => t('io.value.notRate'));
  const d = m[2] === '%' ? new Dec(m[1]!).div(100) : new Dec(m[1]!);
  if (d.gt(1)) throw new ValueProblem(() => t('io.value.rateAboveOne'));
  return d.toFixed();
}

/** An area in m², 0 or more, at most 4 decimals → canonical decimal text ("1200.5"). */
export function parseArea(raw: string): string {
  const s = raw.replace(/(?<=\d),(?=\d{3}(\D|$))/g, '').replace(/\s*(m²|㎡|平方米)$/, '').trim();
  const m = /^(\d{1,12})(?:\.(\d{1,4}))?$/.exec(s);
  if (!m) throw new ValueProblem(() => t('io.value.notArea'));
  const int = m[1]!.replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

export const propertiesSchema = defineSchema('properties', {
  asset_id: required(parseText, ['资产编号', '房产编号', '土地编号']),
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  tax: required(parsePropertyTax, ['税种']),
  school_type: required(parseSchoolType, ['学校类型', '办学类型']),
  use: required(parsePropertyUse, ['用途', '使用情况']),
  year: optional(parseYear, ['年度', '纳税年度']),
  original_value: optional(amount0, ['房产原值']),
  deduction_ratio: optional(parseFraction, ['减除比例', '扣除比例']),
  rent: optional(amount0, ['租金收入', '年租金']),
  area_m2: optional(parseArea, ['面积', '占地面积', '土地面积']),
  unit_tax: optional(amount0, ['单位税额', '适用税额']),
  basic_farmland: optional(parseYesNo, ['基本农田', '是否基本农田']),
  separate_land: optional(parseYesNo, ['用地能否明确区分', '单独用地']),
  price: optional(amount0, ['成交价格', '计税价格']),
  rate: optional(parseFraction, ['税率', '适用税率']),
  date: optional(parseDate, ['日期', '权属转移日期', '占用日期']),
  months: optional(parseCount, ['月数', '应税月数']),
});

/** The kinds `validate` knows, by canonical file name without `.csv`. */
export const SCHEMAS: Record<string, Schema> = {
  payroll: payrollSchema,
  training: trainingSchema,
  qualifications: qualificationsSchema,
  ledger: ledgerSchema,
  surcharges: surchargesSchema,
  trainees: traineesSchema,
  catalog: catalogSchema,
  history: historySchema,
  enterprises: enterprisesSchema,
  awards: awardsSchema,
  award_history: awardHistorySchema,
  properties: propertiesSchema,
  certificates: certificatesSchema,
  insurance: insuranceSchema,
  providers: providersSchema,
  fund: fundSchema,
};
