/**
 * Every rate, cap, threshold and amount the calculators use, as dated data with its legal
 * source and status (RULES.md: [V] verified, [P] practice, [U] unverified). Nothing here is
 * logic; `skilltax rules` prints it and `--rules FILE` replaces any series by key.
 */
import type { ParamDef } from './types.js';

export const PARAMS: ParamDef[] = [
  // ── 职工教育经费 (RULES §1.1) ────────────────────────────────────────────────
  {
    key: 'eit.education_expense.rate',
    kind: 'rate',
    description: 'general deduction rate of 工资薪金总额; the excess carries forward',
    entries: [
      { from: '2008-01-01', value: '0.025', source: '企业所得税法实施条例 第四十二条', status: 'verified' },
      { from: '2018-01-01', value: '0.08', source: '财税〔2018〕51号', status: 'verified' },
    ],
  },
  {
    key: 'eit.education_expense.high_tech_rate',
    kind: 'rate',
    description: '高新技术企业 rate (a qualification valid on any day of the tax year)',
    entries: [
      // Text verified; the 2015-01-01 start date is not [U].
      { from: '2015-01-01', to: '2017-12-31', value: '0.08', source: '财税〔2015〕63号', status: 'unverified' },
    ],
  },
  {
    key: 'eit.education_expense.advanced_tech_service_rate',
    kind: 'rate',
    description: '技术先进型服务企业 rate (a qualification valid on any day of the tax year)',
    entries: [{ from: '2017-01-01', to: '2017-12-31', value: '0.08', source: '财税〔2017〕79号', status: 'verified' }],
  },
  // Row 6: training cost deducted in full when accounted separately (RULES §1.3).
  {
    key: 'eit.education_expense.full_deduction.software_ic',
    kind: 'flag',
    description: '集成电路设计企业 / 软件企业: employee training cost deducted in full (row 6)',
    entries: [
      { from: '2011-01-01', to: '2019-12-31', value: 'yes', source: '财税〔2012〕27号 第六条', status: 'verified' },
      // Believed still in force after 公告2020年第45号, not confirmed.
      { from: '2020-01-01', value: 'yes', source: '财税〔2012〕27号 第六条 (公告2020年第45号)', status: 'unverified' },
    ],
  },
  {
    key: 'eit.education_expense.full_deduction.animation',
    kind: 'flag',
    description: '动漫企业: employee training cost deducted in full (row 6)',
    entries: [{ from: '2009-01-01', value: 'yes', source: '财税〔2009〕65号', status: 'verified' }],
  },
  {
    key: 'eit.education_expense.full_deduction.nuclear_power',
    kind: 'flag',
    description: '核电企业: 核电厂操纵员培养费 deducted in full (row 6)',
    entries: [{ from: '2014-01-01', value: 'yes', source: '国家税务总局公告2014年第29号', status: 'verified' }],
  },
  {
    key: 'eit.education_expense.full_deduction.airline',
    kind: 'flag',
    description: '航空企业: 空勤训练费 deducted in full (row 6)',
    entries: [{ from: '2011-01-01', value: 'yes', source: '国家税务总局公告2011年第34号', status: 'verified' }],
  },
  // ── Surcharges and the 产教融合 credit (RULES §2) ────────────────────────────
  {
    key: 'surcharge.education.rate',
    kind: 'rate',
    description: '教育费附加 rate on VAT and consumption tax',
    entries: [{ from: '2005-10-01', value: '0.03', source: '国务院令第448号 (征收教育费附加的暂行规定)', status: 'verified' }],
  },
  {
    key: 'surcharge.local_education.rate',
    kind: 'rate',
    description: '地方教育附加 rate on VAT and consumption tax',
    entries: [{ from: '2011-01-01', value: '0.02', source: '财综〔2010〕98号', status: 'verified' }],
  },
  {
    key: 'pcie.credit_rate',
    kind: 'rate',
    description: 'share of net 产教融合 investment credited against the education surcharges',
    entries: [{ from: '2019-01-01', value: '0.3', source: '财税〔2019〕46号 第三条', status: 'verified' }],
  },
  {
    key: 'surcharge.exemption.monthly_sales',
    kind: 'amount',
    description: 'small-payer exemption: monthly sales at most this',
    entries: [{ from: '2016-02-01', value: '100000.00', source: '财税〔2016〕12号', status: 'verified' }],
  },
  {
    key: 'surcharge.exemption.quarterly_sales',
    kind: 'amount',
    description: 'small-payer exemption: quarterly sales at most this',
    entries: [{ from: '2016-02-01', value: '300000.00', source: '财税〔2016〕12号', status: 'verified' }],
  },
  {
    key: 'surcharge.reduction.rate',
    kind: 'rate',
    description: '六税两费 reduction of what remains after the exemption (set by province up to 50%)',
    entries: [
      { from: '2019-01-01', to: '2021-12-31', value: '0.5', source: '财税〔2019〕13号', status: 'unverified' },
      { from: '2022-01-01', to: '2022-12-31', value: '0.5', source: '财政部 税务总局公告2022年第10号', status: 'verified' },
      { from: '2023-01-01', to: '2027-12-31', value: '0.5', source: '财政部 税务总局公告2023年第12号', status: 'verified' },
    ],
  },
  {
    key: 'surcharge.reduction.groups',
    kind: 'qualifications',
    description: 'who gets the 六税两费 reduction (qualifications separated by ";")',
    entries: [
      { from: '2019-01-01', to: '2021-12-31', value: 'small_scale_vat', source: '财税〔2019〕13号', status: 'unverified' },
      {
        from: '2022-01-01',
        to: '2027-12-31',
        value: 'small_scale_vat;small_low_profit;individual_business',
        source: '财政部 税务总局公告2022年第10号; 公告2023年第12号',
        status: 'verified',
      },
    ],
  },
  // ── Training subsidies (RULES §4) ──────────────────────────────────────────
  {
    key: 'subsidy.yearly_cap',
    kind: 'count',
    description: 'individual subsidies per person per calendar year',
    entries: [{ from: '2019-01-01', value: '3', source: '浙江省 2024 职业技能培训补贴通知', status: 'practice' }],
  },
  {
    key: 'subsidy.claim_window_months',
    kind: 'count',
    description: 'months after the certificate date within which a claim is made',
    entries: [{ from: '2019-01-01', value: '12', source: '浙江省 2024 职业技能培训补贴通知', status: 'practice' }],
  },
];
