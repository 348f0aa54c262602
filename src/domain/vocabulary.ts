/**
 * The enumerations of CONTRACT §2 as the calculators see them: the canonical codes and their
 * types. The Chinese labels accepted in input files are aliases kept by `io/kinds.ts`.
 */

/** training.csv `category`. */
export const CATEGORIES = ['education', 'full_training', 'pcie_investment'] as const;
export type Category = (typeof CATEGORIES)[number];

/** qualifications.csv `qualification`. */
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

/**
 * ledger.csv `kind`: one carryforward chain per enterprise and kind (CONTRACT §2): the education
 * expense carried between tax years, the 产教融合 credit pool, and the 留抵退税 deduction carried
 * between filing periods (附列资料（五）).
 */
export const LEDGER_KINDS = ['education_expense', 'pcie_credit', 'refund_deduction'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** The two education surcharges the 产教融合 credit is set against (credits.csv `fee`). */
export const FEES = ['education_surcharge', 'local_education_surcharge'] as const;
export type Fee = (typeof FEES)[number];

/** trainees.csv `program` (RULES §4.1). */
export const PROGRAMS = ['training', 'skill_upgrade', 'apprenticeship', 'work_based', 'shortage_post'] as const;
export type Program = (typeof PROGRAMS)[number];

/** trainees.csv `group`. */
export const GROUPS = [
  'employee',
  'rural_migrant',
  'unemployed',
  'hard_to_employ',
  'veteran',
  'graduate',
  'school_leaver',
  'poverty_monitored',
  'unemployment_benefit',
  'public_staff',
] as const;
export type Group = (typeof GROUPS)[number];

export const CERTIFICATE_TYPES = ['qualification', 'skill_level', 'special_ability', 'special_operation', 'completion', 'none'] as const;
export type CertificateType = (typeof CERTIFICATE_TYPES)[number];

export const ROUTES = ['standard', 'self_evaluation', 'dual_certificate', 'apprenticeship', 'competition'] as const;
export type Route = (typeof ROUTES)[number];

/** catalog.csv `unit`: how a catalogue amount is paid. */
export const UNITS = ['per_claim', 'per_month', 'per_year'] as const;
export type Unit = (typeof UNITS)[number];

/** awards.csv `program` (RULES §5, CONTRACT §2, §6). */
export const AWARD_PROGRAMS = [
  'master_studio',
  'master_studio_rating',
  'shanglin_gold',
  'shanglin_silver',
  'shanglin_craftsman',
  'skill_star',
  'housing_allowance',
  'shortage_retention',
  'certification_enterprise',
] as const;
export type AwardProgram = (typeof AWARD_PROGRAMS)[number];

/** 技能大师工作室 `level`, lowest first: Cixi city, Ningbo, province, national. */
export const STUDIO_LEVELS = ['city', 'ningbo', 'province', 'national'] as const;
export type StudioLevel = (typeof STUDIO_LEVELS)[number];

/** A yearly review's `rating` (the studio review, the 职业技能等级认定 enterprise review). */
export const RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type Rating = (typeof RATINGS)[number];

/** Who receives each award, and so how its recipient_id is checked: a 身份证号, a 统一社会信用代码 or a studio's id (any text). */
export const AWARD_RECIPIENT: Readonly<Record<AwardProgram, 'person' | 'enterprise' | 'studio'>> = {
  master_studio: 'studio',
  master_studio_rating: 'studio',
  shanglin_gold: 'person',
  shanglin_silver: 'person',
  shanglin_craftsman: 'person',
  skill_star: 'person',
  housing_allowance: 'person',
  shortage_retention: 'enterprise',
  certification_enterprise: 'enterprise',
};

/** properties.csv `tax` (RULES §3, CONTRACT §2): 房产税, 城镇土地使用税, 耕地占用税, 契税. */
export const PROPERTY_TAXES = ['property', 'land_use', 'farmland', 'deed'] as const;
export type PropertyTax = (typeof PROPERTY_TAXES)[number];

/** properties.csv `school_type`: who runs the school (training_center is not a school). */
export const SCHOOL_TYPES = ['state_school', 'enterprise_school', 'technical_school', 'nonprofit_school', 'forprofit_school', 'training_center'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** properties.csv `use`: what the school does with the property or land. */
export const PROPERTY_USES = ['teaching', 'office', 'rented', 'business', 'staff_housing'] as const;
export type PropertyUse = (typeof PROPERTY_USES)[number];
