/**
 * Every rate, cap, threshold and amount the calculators use, as dated data with its legal
 * source and status (RULES.md: [V] verified, [P] practice, [U] unverified). Nothing here is
 * logic; `skilltax rules` prints it and `--rules FILE` replaces any series by key.
 */
import type { ParamDef } from './types.js';

/** The source of the provider flags' thresholds: this tool's own heuristics, not law. */
const PROVIDER_HEURISTIC = 'skilltax heuristic, not law (issue #15): a flag asks for a look, it decides nothing';

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
    whenNotInForce: 'the general rate applies',
    entries: [
      // Text verified; the 2015-01-01 start date is not [U].
      { from: '2015-01-01', to: '2017-12-31', value: '0.08', source: '财税〔2015〕63号', status: 'unverified' },
    ],
  },
  {
    key: 'eit.education_expense.advanced_tech_service_rate',
    kind: 'rate',
    description: '技术先进型服务企业 rate (a qualification valid on any day of the tax year)',
    whenNotInForce: 'the general rate applies',
    entries: [{ from: '2017-01-01', to: '2017-12-31', value: '0.08', source: '财税〔2017〕79号', status: 'verified' }],
  },
  // Which tax years a qualification counts for (RULES §1.1): valid on the year's last day
  // (year_end; 国家税务总局公告2017年第24号 for 高新技术企业), or on any day of it (any_day).
  ...(['high_tech', 'advanced_tech_service', 'software_ic', 'animation', 'nuclear_power', 'airline'] as const).map(
    (q): ParamDef => ({
      key: `eit.qualification_test.${q}`,
      kind: 'choice',
      choices: ['year_end', 'any_day'],
      description: `when a ${q} qualification counts for a tax year: valid on 12-31 (year_end) or on any day of it (any_day)`,
      entries: [
        q === 'high_tech'
          ? { from: '2008-01-01', value: 'year_end', source: '国家税务总局公告2017年第24号', status: 'verified' }
          : { from: '2008-01-01', value: 'year_end', source: '国家税务总局公告2017年第24号 (by analogy)', status: 'practice' },
      ],
    }),
  ),
  // Row 6: training cost deducted in full when accounted separately (RULES §1.3).
  {
    key: 'eit.education_expense.full_deduction.software_ic',
    kind: 'flag',
    description: '集成电路设计企业 / 软件企业: employee training cost deducted in full (row 6)',
    whenNotInForce: 'no full deduction: full_training rows count as ordinary education expense (row 5)',
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
    whenNotInForce: 'no full deduction: full_training rows count as ordinary education expense (row 5)',
    entries: [{ from: '2009-01-01', value: 'yes', source: '财税〔2009〕65号', status: 'verified' }],
  },
  {
    key: 'eit.education_expense.full_deduction.nuclear_power',
    kind: 'flag',
    description: '核电企业: 核电厂操纵员培养费 deducted in full (row 6)',
    whenNotInForce: 'no full deduction: full_training rows count as ordinary education expense (row 5)',
    entries: [{ from: '2014-01-01', value: 'yes', source: '国家税务总局公告2014年第29号', status: 'verified' }],
  },
  {
    key: 'eit.education_expense.full_deduction.airline',
    kind: 'flag',
    description: '航空企业: 空勤训练费 deducted in full (row 6)',
    whenNotInForce: 'no full deduction: full_training rows count as ordinary education expense (row 5)',
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
    whenNotInForce: 'no credit: investment is noted not_pilot and the pool waits',
    entries: [{ from: '2019-01-01', value: '0.3', source: '财税〔2019〕46号 第三条', status: 'verified' }],
  },
  {
    key: 'surcharge.exemption.monthly_sales',
    kind: 'amount',
    description: 'small-payer exemption: monthly sales at most this',
    whenNotInForce: 'no small-payer exemption',
    entries: [{ from: '2016-02-01', value: '100000.00', source: '财税〔2016〕12号', status: 'verified' }],
  },
  {
    key: 'surcharge.exemption.quarterly_sales',
    kind: 'amount',
    description: 'small-payer exemption: quarterly sales at most this',
    whenNotInForce: 'no small-payer exemption',
    entries: [{ from: '2016-02-01', value: '300000.00', source: '财税〔2016〕12号', status: 'verified' }],
  },
  {
    key: 'surcharge.reduction.rate',
    kind: 'rate',
    description: '六税两费 reduction of what remains after the exemption (set by province up to 50%)',
    whenNotInForce: 'no 六税两费 reduction',
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
    whenNotInForce: 'no 六税两费 reduction',
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
  // Frame rules from the national and Zhejiang/Ningbo texts; local amounts live in the catalogue.
  {
    key: 'subsidy.yearly_cap',
    kind: 'count',
    description: 'individual subsidies (training, skill_upgrade, apprenticeship) per person per calendar year of the claim',
    entries: [{ from: '2008-01-01', value: '3', source: '浙江省 2024 职业技能培训补贴通知', status: 'practice' }],
  },
  {
    key: 'subsidy.claim_window_months',
    kind: 'count',
    description: 'months after the certificate date within which a training or skill_upgrade claim is made',
    entries: [{ from: '2008-01-01', value: '12', source: '浙江省 2024 职业技能培训补贴通知', status: 'practice' }],
  },
  {
    key: 'subsidy.working_age.min',
    kind: 'count',
    description: 'youngest age (completed years) for a subsidy',
    entries: [{ from: '2008-01-01', value: '16', source: '宁波 2020 职业技能培训补贴办法 (劳动年龄)', status: 'practice' }],
  },
  {
    key: 'subsidy.retirement_age.male',
    kind: 'count',
    description: 'working age ends on this birthday (men); rises gradually from 2025',
    entries: [{ from: '2008-01-01', value: '60', source: '宁波 2020 职业技能培训补贴办法 (劳动年龄 男16-60)', status: 'practice' }],
  },
  {
    key: 'subsidy.retirement_age.female',
    kind: 'count',
    description: 'working age ends on this birthday (women); rises gradually from 2025',
    entries: [{ from: '2008-01-01', value: '50', source: '宁波 2020 职业技能培训补贴办法 (劳动年龄 女16-50)', status: 'practice' }],
  },
  {
    key: 'subsidy.excluded_groups',
    kind: 'list',
    description: 'groups never subsidised (civil servants and public-institution staff on establishment)',
    entries: [{ from: '2008-01-01', value: 'public_staff', source: '国办发〔2019〕24号', status: 'verified' }],
  },
  {
    key: 'subsidy.skill_upgrade.groups',
    kind: 'list',
    description: 'groups for the skill_upgrade subsidy (insured employees of enterprises; from 2024 people drawing unemployment insurance benefit)',
    entries: [
      { from: '2008-01-01', value: 'employee', source: '人社部发〔2017〕40号', status: 'verified' },
      // RULES §4.2 [V secondary]; the notice's exact start date is not known: 2024-01-01 [U].
      { from: '2024-01-01', value: 'employee;unemployment_benefit', source: '人社部 2024 技能提升补贴通知 (领取失业保险金人员)', status: 'unverified' },
    ],
  },
  {
    key: 'subsidy.skill_upgrade.employer_groups',
    kind: 'list',
    description: 'groups whose skill_upgrade claim must name an employer (an enterprise, not a 个体工商户)',
    entries: [{ from: '2008-01-01', value: 'employee', source: '人社部发〔2017〕40号', status: 'verified' }],
  },
  ...(['training', 'apprenticeship', 'work_based', 'shortage_post'] as const).map(
    (p): ParamDef => ({
      key: `subsidy.${p}.groups`,
      kind: 'list',
      description: `groups that may claim the ${p} subsidy (subsidy.excluded_groups are never subsidised)`,
      entries: [
        {
          from: '2008-01-01',
          value: 'employee;rural_migrant;unemployed;hard_to_employ;veteran;graduate;school_leaver;poverty_monitored;unemployment_benefit',
          source: { training: '国办发〔2019〕24号', apprenticeship: '人社部发〔2021〕39号', work_based: '人社部发〔2020〕30号', shortage_post: '甬人社发〔2023〕22号' }[p],
          status: 'practice',
        },
      ],
    }),
  ),
  ...(['training', 'apprenticeship', 'work_based', 'shortage_post'] as const).map(
    (p): ParamDef => ({
      key: `subsidy.${p}.yearly_cap`,
      kind: 'count',
      description: `${p} subsidies per person per calendar year, beside subsidy.yearly_cap (e.g. Shenzhen: once a year); none built in`,
      whenNotInForce: `no yearly limit on ${p} subsidies besides subsidy.yearly_cap`,
      entries: [],
    }),
  ),
  {
    key: 'subsidy.training.excluded_routes',
    kind: 'list',
    description: 'certificate routes that are no basis for the individual training subsidy',
    entries: [{ from: '2008-01-01', value: 'self_evaluation;dual_certificate;apprenticeship', source: '宁波 职业技能培训补贴 (自主评价、双证书、学徒制除外)', status: 'practice' }],
  },
  {
    key: 'subsidy.skill_upgrade.levels',
    kind: 'list',
    description: 'levels the skill_upgrade subsidy pays for (5 = 初级工, 4 = 中级工, 3 = 高级工)',
    entries: [{ from: '2008-01-01', value: '5;4;3', source: '人社部发〔2017〕40号', status: 'verified' }],
  },
  {
    key: 'subsidy.skill_upgrade.insured_months',
    kind: 'count',
    description: 'unemployment-insurance months required for skill_upgrade, by certificate date',
    entries: [
      { from: '2008-01-01', value: '36', source: '人社部发〔2017〕40号', status: 'verified' },
      { from: '2019-01-01', value: '12', source: '人社部 财政部 2019 (参保放宽至1年)', status: 'practice' },
    ],
  },
  {
    // RULES §4.1 gives the months required, not how they are counted; the issue (#15) and the
    // 2017 notice's 累计缴纳 read as cumulative, months in different enterprises adding up; that
    // wording was not seen here [U].
    key: 'subsidy.insured_months.rule',
    kind: 'choice',
    choices: ['cumulative', 'consecutive'],
    description:
      'how insurance.csv months are counted: cumulative (every distinct month paid, in any enterprise, adds up; a month paid twice counts once) or consecutive (the latest unbroken run of months)',
    entries: [{ from: '2008-01-01', value: 'cumulative', source: '人社部发〔2017〕40号 (累计缴纳失业保险费)', status: 'unverified' }],
  },
  {
    key: 'subsidy.skill_upgrade.yearly_cap',
    kind: 'count',
    description: 'skill_upgrade subsidies per person per calendar year (national, since 2025)',
    whenNotInForce: 'no yearly limit on skill_upgrade subsidies besides subsidy.yearly_cap',
    entries: [{ from: '2025-01-01', value: '1', source: '人社部 2025 技能提升补贴 (每年1次)', status: 'unverified' }],
  },
  {
    key: 'subsidy.skill_upgrade.urgent_extra',
    kind: 'count',
    description: 'extra skill_upgrade subsidies a year for occupations the catalogue marks urgent (catalog.csv `urgent`, since 2025)',
    whenNotInForce: 'no extra skill_upgrade subsidies for urgently needed occupations',
    entries: [{ from: '2025-01-01', value: '2', source: '人社部 2025 技能提升补贴 (急需紧缺职业另加2次)', status: 'unverified' }],
  },
  {
    key: 'subsidy.apprenticeship.min_contract_months',
    kind: 'count',
    description: 'labour contract months required for the apprenticeship subsidy',
    entries: [{ from: '2008-01-01', value: '12', source: '人社部发〔2021〕39号', status: 'practice' }],
  },
  {
    key: 'subsidy.apprenticeship.max_months',
    kind: 'count',
    description: 'apprenticeship months paid per person, across claims and history',
    entries: [{ from: '2008-01-01', value: '24', source: '人社部发〔2021〕39号 (1–2 年)', status: 'practice' }],
  },
  {
    key: 'subsidy.work_based.max_months',
    kind: 'count',
    description: '以工代训 months paid per person, across claims and history',
    entries: [{ from: '2008-01-01', value: '6', source: '人社部发〔2020〕30号', status: 'verified' }],
  },
  {
    key: 'subsidy.shortage_post.monthly_regime',
    kind: 'flag',
    description: 'the monthly shortage post subsidy (before the one-off of 甬人社发〔2023〕22号): read on the date of the person\'s first payment',
    entries: [
      { from: '2008-01-01', value: 'yes', source: '宁波 紧缺职业高技能人才岗位补贴 (按月发放)', status: 'practice' },
      // The notice's exact start is not confirmed [U]; its catalogue amounts start 2023-01-01.
      { from: '2023-01-01', value: 'no', source: '甬人社发〔2023〕22号', status: 'unverified' },
    ],
  },
  {
    key: 'subsidy.shortage_post.monthly_amount.level2',
    kind: 'amount',
    description: 'monthly shortage post subsidy for a 技师 (level 2) under the old regime',
    entries: [{ from: '2008-01-01', value: '500.00', source: '甬人社发〔2023〕22号 (原按月补贴)', status: 'practice' }],
  },
  {
    key: 'subsidy.shortage_post.monthly_amount.level1',
    kind: 'amount',
    description: 'monthly shortage post subsidy for a 高级技师 (level 1) under the old regime',
    entries: [{ from: '2008-01-01', value: '1000.00', source: '甬人社发〔2023〕22号 (原按月补贴)', status: 'practice' }],
  },
  {
    key: 'subsidy.shortage_post.max_months',
    kind: 'count',
    description: 'months of the monthly shortage post subsidy paid per person',
    entries: [{ from: '2008-01-01', value: '36', source: '甬人社发〔2023〕22号 (原按月补贴)', status: 'practice' }],
  },
  {
    key: 'subsidy.shortage_post.max_years',
    kind: 'count',
    description: 'years after the first monthly shortage post payment within which every monthly payment falls',
    entries: [{ from: '2008-01-01', value: '5', source: '甬人社发〔2023〕22号 (原按月补贴)', status: 'practice' }],
  },
  {
    key: 'subsidy.shortage_post.levels',
    kind: 'list',
    description: 'levels the shortage post subsidy pays for (2 = 技师, 1 = 高级技师)',
    entries: [{ from: '2008-01-01', value: '2;1', source: '甬人社发〔2023〕22号', status: 'practice' }],
  },
  {
    key: 'subsidy.shortage_post.min_contract_months',
    kind: 'count',
    description: 'labour contract months required for the shortage post subsidy',
    entries: [{ from: '2008-01-01', value: '36', source: '甬人社发〔2023〕22号', status: 'practice' }],
  },
  {
    key: 'subsidy.shortage_post.min_insured_months',
    kind: 'count',
    description: 'insured months required for the shortage post subsidy',
    entries: [{ from: '2008-01-01', value: '12', source: '甬人社发〔2023〕22号', status: 'practice' }],
  },
  {
    key: 'subsidy.shortage_post.held_years.level2',
    kind: 'count',
    description: 'years a 技师 (level 2) certificate is held before the shortage post subsidy',
    entries: [{ from: '2008-01-01', value: '3', source: '甬人社发〔2023〕22号', status: 'practice' }],
  },
  {
    key: 'subsidy.shortage_post.held_years.level1',
    kind: 'count',
    description: 'years a 高级技师 (level 1) certificate is held before the shortage post subsidy',
    entries: [{ from: '2008-01-01', value: '1', source: '甬人社发〔2023〕22号', status: 'practice' }],
  },
  // ── Talent awards and grants (RULES §5) ──────────────────────────────────────
  // The Cixi bureau's 2021 reply (the seed) is the only source of most amounts: the bureau's own
  // account of what it pays, no policy text seen [P]; start dates are not in the seed (from 2008,
  // like the subsidy rules; a bureau sets them with --rules). Amounts above the city level, the
  // repeat rule and the amounts the seed does not give are [U].
  {
    key: 'awards.master_studio.amount.city',
    kind: 'amount',
    description: '技能大师工作室 construction grant, Cixi city level (once per studio)',
    entries: [{ from: '2008-01-01', value: '50000.00', source: '慈溪市人力社保局 2021 答复 (seed)', status: 'practice' }],
  },
  {
    key: 'awards.master_studio.amount.ningbo',
    kind: 'amount',
    description: '技能大师工作室 grant on promotion to Ningbo level ("晋升宁波市级…再给予相应补助"); no published amount',
    entries: [{ from: '2008-01-01', value: '50000.00', source: '慈溪市人力社保局 2021 答复 (seed: 相应补助, amount not given)', status: 'unverified' }],
  },
  {
    key: 'awards.master_studio.amount.province',
    kind: 'amount',
    description: '技能大师工作室 grant on promotion to provincial level',
    entries: [{ from: '2008-01-01', value: '50000.00', source: '浙江省 省级技能大师工作室 50,000 (secondary source, Cixi\'s own amount not given)', status: 'unverified' }],
  },
  {
    key: 'awards.master_studio.amount.national',
    kind: 'amount',
    description: '技能大师工作室 grant on promotion to national level',
    entries: [{ from: '2008-01-01', value: '200000.00', source: '国家级技能大师工作室 200,000 (secondary source, Cixi\'s own amount not given)', status: 'unverified' }],
  },
  {
    key: 'awards.master_studio_rating.amount',
    kind: 'amount',
    description: '技能大师工作室 excellence reward, due in the year that completes the consecutive excellent reviews',
    entries: [{ from: '2008-01-01', value: '50000.00', source: '慈溪市人力社保局 2021 答复 (seed: 连续三年考核优秀)', status: 'practice' }],
  },
  {
    key: 'awards.master_studio_rating.years',
    kind: 'count',
    description: 'consecutive yearly reviews rated excellent that make the excellence reward due',
    entries: [{ from: '2008-01-01', value: '3', source: '慈溪市人力社保局 2021 答复 (seed: 连续三年考核优秀)', status: 'practice' }],
  },
  {
    key: 'awards.master_studio_rating.repeat',
    kind: 'choice',
    choices: ['once', 'per_run'],
    description: 'the excellence reward is paid once per studio (once: the seed reads as a one-off second tranche) or for each run of consecutive excellent years (per_run)',
    entries: [{ from: '2008-01-01', value: 'once', source: '慈溪市人力社保局 2021 答复 (seed wording, repeat rule not stated)', status: 'unverified' }],
  },
  ...(
    [
      ['shanglin_gold', '上林金匠', '20000.00'],
      ['shanglin_silver', '上林银匠', '10000.00'],
      ['shanglin_craftsman', '上林工匠', '5000.00'],
    ] as const
  ).flatMap(([p, title, amount]): ParamDef[] => [
    {
      key: `awards.${p}.amount`,
      kind: 'amount',
      description: `${title} (上林名匠 yearly title): paid once per person`,
      entries: [{ from: '2008-01-01', value: amount, source: '慈溪市人力社保局 2021 答复 (seed)', status: 'practice' }],
    },
    {
      key: `awards.${p}.benefits`,
      kind: 'list',
      description: `the non-cash benefits of the ${title} title (award-payments.csv benefits)`,
      entries: [{ from: '2008-01-01', value: '工会疗休养', source: '慈溪市人力社保局 2021 答复 (seed)', status: 'practice' }],
    },
  ]),
  ...(
    [
      [1, '10000.00'],
      [2, '6000.00'],
      [3, '3000.00'],
      [4, '0.00'],
      [5, '0.00'],
    ] as const
  ).map(
    ([rank, amount]): ParamDef => ({
      key: `awards.skill_star.amount.rank${rank}`,
      kind: 'amount',
      description: `技能之星 competition: the amount for rank ${rank} of an event (0.00: the rank is not paid)`,
      entries: [{ from: '2008-01-01', value: amount, source: '慈溪市人力社保局 2021 答复 (seed gives the cap only, amounts by rank not given)', status: 'unverified' }],
    }),
  ),
  {
    key: 'awards.skill_star.cap',
    kind: 'amount',
    description: '技能之星 competition: at most this per winner',
    entries: [{ from: '2008-01-01', value: '10000.00', source: '慈溪市人力社保局 2021 答复 (seed: 最高1万元)', status: 'practice' }],
  },
  {
    key: 'awards.skill_star.benefits',
    kind: 'list',
    description: 'the titles a 技能之星 winner receives (award-payments.csv benefits)',
    entries: [{ from: '2008-01-01', value: '技能之星;慈溪市技术能手', source: '慈溪市人力社保局 2021 答复 (seed)', status: 'practice' }],
  },
  {
    key: 'awards.housing_allowance.amount.level1',
    kind: 'amount',
    description: '高技能人才生活安居补助 for a 高级技师 (level 1), once per person',
    entries: [{ from: '2008-01-01', value: '30000.00', source: '宁波 高技能人才生活安居补助 (secondary source)', status: 'practice' }],
  },
  {
    key: 'awards.housing_allowance.amount.level2',
    kind: 'amount',
    description: '高技能人才生活安居补助 for a 技师 (level 2), once per person; no published amount',
    entries: [{ from: '2008-01-01', value: '15000.00', source: '慈溪市人力社保局 2021 答复 (seed: 按等级, amount not given)', status: 'unverified' }],
  },
  {
    key: 'awards.shortage_retention.amount_per_worker',
    kind: 'amount',
    description: 'enterprise award per shortage high-skill worker (level 3 or above) kept, when the headcount is not below last year\'s',
    entries: [{ from: '2023-01-01', value: '600.00', source: '宁波 2023 紧缺高技能人才留用奖励 (secondary source)', status: 'practice' }],
  },
  {
    key: 'awards.certification_enterprise.amount',
    kind: 'amount',
    description: '职业技能等级认定 enterprise rated excellent in the yearly review ("对考核优秀的给予相应奖励"); no published amount',
    entries: [{ from: '2008-01-01', value: '10000.00', source: '慈溪市人力社保局 2021 答复 (seed: 相应奖励, amount not given)', status: 'unverified' }],
  },
  // ── School property exemptions (RULES §3) ───────────────────────────────────
  // Rates and ratios of the four taxes, and which school types and uses are exempt, by date.
  // Nothing in force (a year before the exemptions' frame) is refused, never defaulted.
  {
    key: 'exempt.property.value_rate',
    kind: 'rate',
    description: '房产税 by value: yearly rate of the original value less the deduction ratio',
    entries: [{ from: '1986-10-01', value: '0.012', source: '房产税暂行条例 第四条', status: 'verified' }],
  },
  {
    key: 'exempt.property.rent_rate',
    kind: 'rate',
    description: '房产税 by rent: rate of the rent',
    entries: [{ from: '1986-10-01', value: '0.12', source: '房产税暂行条例 第四条', status: 'verified' }],
  },
  {
    key: 'exempt.property.deduction_ratio',
    kind: 'rate',
    description: '房产税 by value: share of the original value deducted (10%–30%, set by the province) when the row gives none',
    entries: [{ from: '1986-10-01', value: '0.3', source: '浙江省 房产税 减除比例 30% (房产税暂行条例 第三条: 10%–30%)', status: 'unverified' }],
  },
  {
    key: 'exempt.property.school_types',
    kind: 'list',
    description: '房产税: school types whose self-used property is exempt (training_center is not a school)',
    entries: [{ from: '2004-01-01', value: 'state_school;enterprise_school;technical_school;nonprofit_school;forprofit_school', source: '财税〔2004〕39号 第二条 (reading of the seed\'s list)', status: 'practice' }],
  },
  {
    key: 'exempt.property.uses',
    kind: 'list',
    description: '房产税: uses that are the school\'s own (自用); rented-out, business and staff housing are taxed',
    entries: [{ from: '2004-01-01', value: 'teaching;office', source: '财税〔2004〕39号 第二条 (自用)', status: 'practice' }],
  },
  {
    key: 'exempt.land_use.school_types',
    kind: 'list',
    description: '城镇土地使用税: school types whose self-used land is exempt (training_center is not a school)',
    entries: [{ from: '2004-01-01', value: 'state_school;enterprise_school;technical_school;nonprofit_school;forprofit_school', source: '财税〔2004〕39号 第二条 (reading of the seed\'s list)', status: 'practice' }],
  },
  {
    key: 'exempt.land_use.uses',
    kind: 'list',
    description: '城镇土地使用税: uses that are the school\'s own (自用)',
    entries: [{ from: '2004-01-01', value: 'teaching;office', source: '财税〔2004〕39号 第二条 (自用)', status: 'practice' }],
  },
  {
    key: 'exempt.land_use.separate_land_types',
    kind: 'list',
    description: '城镇土地使用税: school types exempt only when their land is separate from the enterprise\'s other land (separate_land yes)',
    entries: [{ from: '2004-01-01', value: 'enterprise_school', source: '(88)国税地字第015号 第十七条', status: 'verified' }],
  },
  {
    key: 'exempt.farmland.school_types',
    kind: 'list',
    description: '耕地占用税: approved schools (incl. 技工院校) exempt; 职工夜校、学习班、培训中心、函授学校 are not',
    entries: [
      { from: '2008-01-01', value: 'state_school;enterprise_school;technical_school;nonprofit_school;forprofit_school', source: '耕地占用税暂行条例 (2007) 第八条', status: 'unverified' },
      { from: '2019-09-01', value: 'state_school;enterprise_school;technical_school;nonprofit_school;forprofit_school', source: '耕地占用税法 第七条; 实施办法 第六条', status: 'verified' },
    ],
  },
  {
    key: 'exempt.farmland.uses',
    kind: 'list',
    description: '耕地占用税: uses of the school that are exempt; business premises and staff housing are taxed',
    entries: [
      { from: '2008-01-01', value: 'teaching;office', source: '耕地占用税暂行条例 (2007) 第八条', status: 'unverified' },
      { from: '2019-09-01', value: 'teaching;office', source: '耕地占用税法 实施办法 第六条 (经营性场所、教职工住房)', status: 'verified' },
    ],
  },
  {
    key: 'exempt.farmland.basic_farmland_increase',
    kind: 'rate',
    description: '耕地占用税 on basic farmland: the unit tax is raised by this share (加按150%: × 1.5)',
    entries: [
      { from: '2008-01-01', value: '0.5', source: '耕地占用税暂行条例实施细则 (2008) (提高50%)', status: 'unverified' },
      { from: '2019-09-01', value: '0.5', source: '耕地占用税法 第六条', status: 'verified' },
    ],
  },
  {
    key: 'exempt.deed.rate',
    kind: 'rate',
    description: '契税 rate in Zhejiang (3%–5% by law) when the row gives none',
    entries: [
      { from: '1997-10-01', value: '0.03', source: '浙江省 契税 3% (契税暂行条例 第三条: 3%–5%)', status: 'unverified' },
      { from: '2021-09-01', value: '0.03', source: '浙江省人大常委会 关于契税具体适用税率等事项的决定 (2021)', status: 'verified' },
    ],
  },
  {
    key: 'exempt.deed.school_types',
    kind: 'list',
    description: '契税: school types exempt (before 2021-09-01 schools run with non-state-fiscal funds, and state schools as 事业单位; from 2021-09-01 non-profit schools only)',
    entries: [
      { from: '2004-01-01', to: '2021-08-31', value: 'state_school;enterprise_school;technical_school;nonprofit_school;forprofit_school', source: '财税〔2004〕39号 第三条; 契税暂行条例 第六条 (state schools)', status: 'practice' },
      { from: '2021-09-01', value: 'state_school;nonprofit_school', source: '契税法 第六条 (非营利性的学校)', status: 'unverified' },
    ],
  },
  {
    key: 'exempt.deed.uses',
    kind: 'list',
    description: '契税: uses exempt (before 2021-09-01 teaching only; from 2021-09-01 办公、教学)',
    entries: [
      { from: '2004-01-01', to: '2021-08-31', value: 'teaching', source: '财税〔2004〕39号 第三条 (用于教学)', status: 'verified' },
      { from: '2021-09-01', value: 'teaching;office', source: '契税法 第六条 (办公、教学)', status: 'unverified' },
    ],
  },
  {
    key: 'exempt.deed.nonprofit_only',
    kind: 'flag',
    description: '契税: only non-profit schools qualify (a school type refused is after_2021_09_forprofit)',
    entries: [
      { from: '2004-01-01', to: '2021-08-31', value: 'no', source: '财税〔2004〕39号 第三条 (repealed by 公告2021年第29号)', status: 'verified' },
      { from: '2021-09-01', value: 'yes', source: '契税法 第六条; 公告2021年第29号', status: 'unverified' },
    ],
  },
  // ── Training-provider supervision (issue #15) ──────────────────────────────
  // Heuristics of this tool for the flags of `skilltax providers`, not legal rules: a flag asks a
  // person to look, it decides nothing. A bureau sets its own thresholds with --rules.
  {
    key: 'providers.same_day_batch.max',
    kind: 'count',
    description: 'same_day_batch: a provider is flagged when more certificates than this share one certificate_date and occupation (read on that date)',
    entries: [{ from: '2008-01-01', value: '10', source: PROVIDER_HEURISTIC, status: 'practice' }],
  },
  {
    key: 'providers.high_refusal.ratio_percent',
    kind: 'count',
    description: "high_refusal: a provider is flagged when its claims' refusal rate is above this percentage of the area's rate of the year (200 = twice; read on 31 December)",
    entries: [{ from: '2008-01-01', value: '200', source: PROVIDER_HEURISTIC, status: 'practice' }],
  },
  {
    key: 'providers.high_refusal.min_claims',
    kind: 'count',
    description: 'high_refusal: only a provider with at least this many decided claims in the year is flagged (read on 31 December)',
    entries: [{ from: '2008-01-01', value: '10', source: PROVIDER_HEURISTIC, status: 'practice' }],
  },
];
