/** The input kinds of CONTRACT §2 known so far, each as one schema. */
import { defineSchema, optional, required, type RowOf, type Schema } from './schema.js';
import {
  enumParser,
  parseAmount,
  parseAnyPeriod,
  parseDate,
  parseFilingPeriod,
  parseMonthOrYear,
  parseText,
  parseUscc,
} from './values.js';

const ENTERPRISE_ALIASES = ['纳税人识别号', '统一社会信用代码', '纳税人识别号(统一社会信用代码)', '企业代码'];

export const CATEGORIES = ['education', 'full_training', 'pcie_investment'] as const;
export type Category = (typeof CATEGORIES)[number];
export const parseCategory = enumParser<Category>('category', {
  values: CATEGORIES,
  aliases: {
    education: ['职工教育经费'],
    full_training: ['全额扣除职工培训费用'],
    pcie_investment: ['产教融合投资'],
  },
});

export const QUALIFICATIONS = [
  'high_tech',
  'advanced_tech_service',
  'software_ic',
  'animation',
  'nuclear_power',
  'airline',
  'pcie_pilot',
  'small_scale_vat',
  'small_low_profit',
  'individual_business',
] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];
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

export const LEDGER_KINDS = ['education_expense', 'pcie_credit'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const parseLedgerKind = enumParser<LedgerKind>('ledger kind', {
  values: LEDGER_KINDS,
  aliases: { education_expense: ['职工教育经费'], pcie_credit: ['产教融合抵免'] },
});

const amount = (raw: string) => parseAmount(raw);
const signedAmount = (raw: string) => parseAmount(raw, true);

export const payrollSchema = defineSchema('payroll', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  period: required(parseMonthOrYear, ['所属期', '期间', '工资所属期']),
  wages: required(amount, ['工资薪金', '应发工资', '实发工资总额', '工资薪金总额']),
  employee_id: optional(parseText, ['职工编号', '工号']),
});

export const trainingSchema = defineSchema('training', {
  enterprise_id: required(parseUscc, ENTERPRISE_ALIASES),
  date: required(parseDate, ['日期', '发生日期']),
  category: required(parseCategory, ['类别', '费用类别']),
  // Negative only for pcie_investment (a withdrawal); the training reader checks that.
  amount: required(signedAmount, ['账载金额', '金额']),
  incurred: optional(signedAmount, ['实际发生额']),
  description: optional(parseText, ['摘要', '说明']),
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

/** The kinds `validate` knows, by canonical file name without `.csv`. */
export const SCHEMAS: Record<string, Schema> = {
  payroll: payrollSchema,
  training: trainingSchema,
  qualifications: qualificationsSchema,
  ledger: ledgerSchema,
  surcharges: surchargesSchema,
  enterprises: enterprisesSchema,
};
