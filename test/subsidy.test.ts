/**
 * Training subsidy eligibility (RULES §4, CONTRACT §5): a table per rule, each with passing and
 * failing cases at its boundary. Claims are built with the defaults of unit-helpers/subsidy.ts
 * (an eligible claim on the example catalogue, fixtures/catalog-example.csv) and changed only in
 * what the case is about. Amounts from the catalogue: training 1,000 / 1,500 / 2,000 / 2,500 /
 * 3,000 for levels 5–1 (RULES §4.3), skill_upgrade 1,000 / 1,500 / 2,000 for levels 5–3,
 * apprenticeship 5,000 a year, work_based 500 a month (2020–2021), shortage_post 10,000 / 20,000.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, ageOn } from '../src/domain/periods.js';
import { claimOrder, pickCatalog, REASONS } from '../src/calculators/training-subsidy.js';
import { parsePersonId } from '../src/io/values.js';
import { cat, claim, decide, EXAMPLE, ID, ID2, MAN, one, OTHER, outcome, outcomes, override, paid, pid, qual, rules, WOMAN, type ClaimIn } from './unit-helpers/subsidy.js';

const ELIGIBLE_4 = 'eligible 1500.00'; // a training claim at level 4 (中级工)

/** Outcomes of single claims: [what, claim, expected]. */
type Row = [string, ClaimIn, string];

describe('the defaults: one eligible claim per program on the example catalogue', () => {
  it.each([
    ['training level 4', { program: 'training' }, ELIGIBLE_4],
    ['skill_upgrade level 4', { program: 'skill_upgrade' }, 'eligible 1500.00'],
    ['apprenticeship 12 months', { program: 'apprenticeship' }, 'eligible 5000.00'],
    ['work_based 6 months', { program: 'work_based' }, 'eligible 3000.00'],
    ['shortage_post level 2 (技师)', { program: 'shortage_post' }, 'eligible 10000.00'],
  ] as Row[])('%s', (_what, c, want) => {
    expect(outcome(one(c))).toBe(want);
  });
});

describe('invalid_person_id (GB 11643-1999, RULES §6; CONTRACT §1: a decision, not an input error)', () => {
  const bad = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
  it.each([
    ['valid', MAN, ELIGIBLE_4],
    ['wrong check character', bad(MAN), 'ineligible 0.00 invalid_person_id'],
    ['birth date 1990-02-30 (check character right for the digits)', pid('1990-02-30'), 'ineligible 0.00 invalid_person_id'],
    ['birth date 1990-13-01', pid('1990-13-01'), 'ineligible 0.00 invalid_person_id'],
    ['17 characters', MAN.slice(0, 17), 'ineligible 0.00 invalid_person_id'],
    ['a letter among the digits', 'A' + MAN.slice(1), 'ineligible 0.00 invalid_person_id'],
    ['check character X', '33028219880808121X', ELIGIBLE_4],
    ['check character X read as lower-case x (the reader upper-cases it)', parsePersonId('33028219880808121x'), ELIGIBLE_4],
  ])('%s: %s → %s', (_what, person_id, want) => {
    expect(outcome(one({ person_id }))).toBe(want);
  });

  it('an invalid 身份证号 still has every other reason listed (its age cannot be known)', () => {
    const d = one({ person_id: bad(MAN), group: 'public_staff', route: 'self_evaluation' });
    expect(d.reasons).toEqual(['invalid_person_id', 'group_not_eligible', 'route_excluded']);
  });
});

describe('age_out_of_range: 16 ≤ age < 60 (men) / 50 (women) on the deciding date (RULES §4.2, 宁波 2020)', () => {
  const boy = pid('2008-06-01');
  const man = pid('1964-05-10');
  const woman = pid('1974-05-10', 'female');
  const leapWoman = pid('1972-02-29', 'female'); // 50 in 2022, a year without 02-29
  it.each([
    ['the 16th birthday', boy, '2024-06-01', ELIGIBLE_4],
    ['the day before the 16th birthday', boy, '2024-05-31', 'ineligible 0.00 age_out_of_range'],
    ['a man the day before his 60th birthday', man, '2024-05-09', ELIGIBLE_4],
    ['a man on his 60th birthday', man, '2024-05-10', 'ineligible 0.00 age_out_of_range'],
    ['a woman the day before her 50th birthday', woman, '2024-05-09', ELIGIBLE_4],
    ['a woman on her 50th birthday', woman, '2024-05-10', 'ineligible 0.00 age_out_of_range'],
    ['a woman born 02-29, on 02-28 of her 50th year', leapWoman, '2022-02-28', ELIGIBLE_4],
    ['a woman born 02-29, on 03-01 of her 50th year', leapWoman, '2022-03-01', 'ineligible 0.00 age_out_of_range'],
    ['a man of 50 (the women’s limit is not his)', pid('1974-05-10'), '2024-05-10', ELIGIBLE_4],
  ])('%s', (_what, person_id, certificate_date, want) => {
    expect(outcome(one({ person_id, certificate_date, claim_date: addMonths(certificate_date, 1) }))).toBe(want);
  });

  it('training and skill_upgrade: the certificate date decides, even when the claim is made after the birthday', () => {
    const d = one({ person_id: man, certificate_date: '2024-05-09', claim_date: '2024-06-01' });
    expect(d.decidingDate).toBe('2024-05-09');
    expect(outcome(d)).toBe(ELIGIBLE_4);
    expect(outcome(one({ program: 'skill_upgrade', person_id: man, certificate_date: '2024-05-09', claim_date: '2024-06-01' }))).toBe('eligible 1500.00');
  });

  it.each([
    ['apprenticeship', '2024-05-09', 'eligible 5000.00'],
    ['apprenticeship', '2024-05-10', 'ineligible 0.00 age_out_of_range'],
    ['shortage_post', '2024-05-09', 'eligible 10000.00'],
    ['shortage_post', '2024-05-10', 'ineligible 0.00 age_out_of_range'],
  ] as const)('%s: the claim date decides (man turning 60 on 2024-05-10, claimed %s)', (program, claim_date, want) => {
    expect(outcome(one({ program, person_id: man, claim_date }))).toBe(want);
  });

  it('the limits are dated parameters: a retirement age of 63 from 2025 lets the man in for a 2025 certificate only', () => {
    const later = override({ 'subsidy.retirement_age.male': [['2008-01-01', '60'], ['2025-01-01', '63']] });
    expect(outcome(one({ person_id: man, certificate_date: '2024-12-31', claim_date: '2025-01-15' }, { rules: later }))).toBe('ineligible 0.00 age_out_of_range');
    expect(outcome(one({ person_id: man, certificate_date: '2025-01-01', claim_date: '2025-01-15' }, { rules: later }))).toBe(ELIGIBLE_4);
  });
});

describe('group_not_eligible: public_staff never; skill_upgrade only for employees of an enterprise (国办发〔2019〕24号, 人社部发〔2017〕40号)', () => {
  it.each(['training', 'skill_upgrade', 'apprenticeship', 'work_based', 'shortage_post'] as const)('public_staff in %s', (program) => {
    const d = one({ program, group: 'public_staff' });
    expect(d.status).toBe('ineligible');
    expect(d.reasons).toEqual(['group_not_eligible']);
  });

  it.each(['employee', 'rural_migrant', 'unemployed', 'hard_to_employ', 'veteran', 'graduate', 'school_leaver', 'poverty_monitored'] as const)(
    'training for %s (without an employer too)',
    (group) => {
      expect(outcome(one({ group }))).toBe(ELIGIBLE_4);
      expect(outcome(one({ group, enterprise_id: undefined }))).toBe(ELIGIBLE_4);
    },
  );

  it.each([
    ['an employee of an enterprise', {}, {}, 'eligible 1500.00'],
    ['unemployed', { group: 'unemployed' }, {}, 'ineligible 0.00 group_not_eligible'],
    ['a rural migrant worker', { group: 'rural_migrant' }, {}, 'ineligible 0.00 group_not_eligible'],
    ['an employee without an employer named', { enterprise_id: undefined }, {}, 'ineligible 0.00 group_not_eligible'],
    ['an employee of a 个体工商户', {}, { [ID]: [qual('individual_business', '2020-01-01')] }, 'ineligible 0.00 group_not_eligible'],
    ['the employer became a 个体工商户 the day after the certificate', {}, { [ID]: [qual('individual_business', '2024-03-02')] }, 'eligible 1500.00'],
    ['the employer stopped being a 个体工商户 before the certificate', {}, { [ID]: [qual('individual_business', '2019-01-01', '2024-02-29')] }, 'eligible 1500.00'],
    ['another enterprise is a 个体工商户', {}, { [ID2]: [qual('individual_business', '2020-01-01')] }, 'eligible 1500.00'],
    ['the employer has other qualifications', {}, { [ID]: [qual('high_tech', '2020-01-01')] }, 'eligible 1500.00'],
  ] as [string, ClaimIn, Record<string, ReturnType<typeof qual>[]>, string][])('skill_upgrade: %s', (_what, c, quals, want) => {
    expect(outcome(one({ program: 'skill_upgrade', ...c }, { quals }))).toBe(want);
  });

  it('the 个体工商户 employer does not matter for training', () => {
    expect(outcome(one({}, { quals: { [ID]: [qual('individual_business', '2020-01-01')] } }))).toBe(ELIGIBLE_4);
  });
});

describe('no_certificate: training, skill_upgrade and shortage_post pay for a certificate', () => {
  it.each([
    ['training', { certificate_type: 'none' }],
    ['training', { certificate_type: undefined }],
    ['training', { certificate_date: undefined }],
    ['skill_upgrade', { certificate_type: 'none' }],
    ['skill_upgrade', { certificate_date: undefined }],
    ['shortage_post', { certificate_type: 'none' }],
    ['shortage_post', { certificate_type: undefined, certificate_date: undefined }],
  ] as [string, ClaimIn][])('%s with %o', (program, c) => {
    expect(outcome(one({ program: program as ClaimIn['program'], ...c }))).toBe('ineligible 0.00 no_certificate');
  });

  it.each(['qualification', 'skill_level', 'special_ability', 'special_operation', 'completion'] as const)('training with a %s certificate', (certificate_type) => {
    expect(outcome(one({ certificate_type }))).toBe(ELIGIBLE_4);
  });

  it.each(['apprenticeship', 'work_based'] as const)('%s needs none', (program) => {
    expect(one({ program, certificate_type: 'none' }).status).toBe('eligible');
  });

  it('without a certificate date, the claim date decides the rest', () => {
    expect(one({ certificate_date: undefined }).decidingDate).toBe('2024-04-01');
  });
});

describe('route_excluded: no training subsidy for self-evaluation, dual-certificate or apprenticeship certificates (宁波)', () => {
  it.each([
    ['self_evaluation', 'ineligible 0.00 route_excluded'],
    ['dual_certificate', 'ineligible 0.00 route_excluded'],
    ['apprenticeship', 'ineligible 0.00 route_excluded'],
    ['competition', ELIGIBLE_4],
    ['standard', ELIGIBLE_4],
    [undefined, ELIGIBLE_4], // standard by default
  ] as const)('training, route %s → %s', (route, want) => {
    expect(outcome(one({ route }))).toBe(want);
  });

  it.each(['self_evaluation', 'dual_certificate', 'apprenticeship'] as const)('only for training: skill_upgrade with route %s is paid', (route) => {
    expect(outcome(one({ program: 'skill_upgrade', route }))).toBe('eligible 1500.00');
  });

  it('the list is a parameter: without dual_certificate on it, such a certificate is paid', () => {
    const r = override({ 'subsidy.training.excluded_routes': 'self_evaluation;apprenticeship' });
    expect(outcome(one({ route: 'dual_certificate' }, { rules: r }))).toBe(ELIGIBLE_4);
    expect(outcome(one({ route: 'self_evaluation' }, { rules: r }))).toBe('ineligible 0.00 route_excluded');
  });
});

describe('claim_window_expired: claim within 12 months of the certificate date (浙江 2024)', () => {
  it.each([
    ['2024-03-01', '2025-03-01', ELIGIBLE_4],
    ['2024-03-01', '2025-03-02', 'ineligible 0.00 claim_window_expired'],
    ['2024-03-01', '2024-03-01', ELIGIBLE_4],
    ['2023-01-31', '2024-01-31', ELIGIBLE_4],
    ['2023-01-31', '2024-02-01', 'ineligible 0.00 claim_window_expired'],
    ['2024-02-29', '2025-02-28', ELIGIBLE_4], // no 2025-02-29: the month's last day
    ['2024-02-29', '2025-03-01', 'ineligible 0.00 claim_window_expired'],
    ['2023-12-31', '2024-12-31', ELIGIBLE_4],
    ['2023-12-31', '2025-01-01', 'ineligible 0.00 claim_window_expired'],
  ])('training: certificate %s, claimed %s → %s', (certificate_date, claim_date, want) => {
    expect(outcome(one({ certificate_date, claim_date }))).toBe(want);
  });

  it.each([
    ['2024-02-29', '2025-02-28', 'eligible 1500.00'],
    ['2024-02-29', '2025-03-01', 'ineligible 0.00 claim_window_expired'],
  ])('skill_upgrade: certificate %s, claimed %s → %s', (certificate_date, claim_date, want) => {
    expect(outcome(one({ program: 'skill_upgrade', certificate_date, claim_date }))).toBe(want);
  });

  it('shortage_post has no window: it pays for a certificate held for years', () => {
    expect(outcome(one({ program: 'shortage_post', certificate_date: '2019-01-01', claim_date: '2024-04-01' }))).toBe('eligible 10000.00');
  });

  it.each([
    ['2023-01-31', '2023-02-28', ELIGIBLE_4],
    ['2023-01-31', '2023-03-01', 'ineligible 0.00 claim_window_expired'],
    ['2024-01-31', '2024-02-29', ELIGIBLE_4],
    ['2024-01-31', '2024-03-01', 'ineligible 0.00 claim_window_expired'],
  ])('subsidy.claim_window_months 1 (an override): certificate %s, claimed %s → %s (month ends)', (certificate_date, claim_date, want) => {
    expect(outcome(one({ certificate_date, claim_date }, { rules: override({ 'subsidy.claim_window_months': '1' }) }))).toBe(want);
  });

  it.each([
    ['2024-03-15', 12, '2025-03-15'],
    ['2023-01-31', 12, '2024-01-31'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2023-03-31', 1, '2023-04-30'],
    ['2023-12-31', 12, '2024-12-31'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2020-06-01', 36, '2023-06-01'],
  ])('addMonths(%s, %d) = %s', (date, n, want) => {
    expect(addMonths(date, n)).toBe(want);
  });
});

describe('ageOn: completed years, a birthday counts on its day', () => {
  it.each([
    ['2008-06-01', '2024-05-31', 15],
    ['2008-06-01', '2024-06-01', 16],
    ['1964-05-10', '2024-05-10', 60],
    ['1972-02-29', '2022-02-28', 49],
    ['1972-02-29', '2022-03-01', 50],
    ['1972-02-29', '2024-02-29', 52],
  ])('born %s, on %s: %d', (birth, on, want) => {
    expect(ageOn(birth, on)).toBe(want);
  });
});

describe('not_in_catalog / level_not_covered: the catalogue row valid on the deciding date, the most specific one', () => {
  const layered = [
    cat({ program: 'training', amount: 800 }), // * / *
    cat({ program: 'training', level: 4, amount: 1500 }), // * / 4
    cat({ program: 'training', occupation: '电工', amount: 1800 }), // 电工 / *
    cat({ program: 'training', occupation: '电工', level: 4, amount: 2000 }), // 电工 / 4
  ];
  it.each([
    ['电工', 4, 'eligible 2000.00'], // occupation and level
    ['电工', 3, 'eligible 1800.00'], // the occupation's * row before the * occupation's level row
    ['焊工', 4, 'eligible 1500.00'],
    ['焊工', 3, 'eligible 800.00'],
    [' 电工 ', 4, 'eligible 2000.00'], // the occupation compared without surrounding space
  ] as const)('%s level %d → %s', (occupation, level, want) => {
    expect(outcome(one({ occupation, level }, { catalog: layered }))).toBe(want);
  });

  it('occupations match ignoring case and full-width forms', () => {
    const catalog = [cat({ program: 'training', occupation: 'CNC操作工', level: 4, amount: 1600 })];
    expect(outcome(one({ occupation: 'ｃｎｃ操作工' }, { catalog }))).toBe('eligible 1600.00');
  });

  it('the row order in the catalogue does not matter', () => {
    const reversed = [...layered].reverse();
    for (const [occupation, level] of [['电工', 4], ['电工', 3], ['焊工', 4], ['焊工', 3]] as const) {
      expect(outcome(one({ occupation, level }, { catalog: reversed }))).toBe(outcome(one({ occupation, level }, { catalog: layered })));
    }
  });

  const narrow = [
    cat({ program: 'training', occupation: '电工', level: 5, amount: 1000 }),
    cat({ program: 'training', occupation: '电工', level: 4, amount: 1500 }),
    cat({ program: 'skill_upgrade', occupation: '焊工', level: 4, amount: 1500 }),
  ];
  it.each([
    ['another occupation', { occupation: '焊工' }, 'ineligible 0.00 not_in_catalog'],
    ['no occupation', { occupation: undefined }, 'ineligible 0.00 not_in_catalog'],
    ['the occupation at another level', { level: 3 }, 'ineligible 0.00 level_not_covered'],
    ['the occupation without a level', { level: undefined }, 'ineligible 0.00 level_not_covered'],
    ['a program without rows', { program: 'apprenticeship' }, 'ineligible 0.00 not_in_catalog'],
    ['the occupation and level', {}, 'eligible 1500.00'],
  ] as Row[])('%s', (_what, c, want) => {
    expect(outcome(one(c, { catalog: narrow }))).toBe(want);
  });

  it('a * level row covers a claim without a level', () => {
    expect(outcome(one({ level: undefined }, { catalog: [cat({ program: 'training', occupation: '电工', amount: 700 })] }))).toBe('eligible 700.00');
  });

  const changed = [
    cat({ program: 'training', level: 4, amount: 1500, valid_from: '2020-01-01', valid_to: '2023-12-31' }),
    cat({ program: 'training', level: 4, amount: 1800, valid_from: '2024-01-01' }),
  ];
  it.each([
    ['2019-12-31', '2020-06-01', 'ineligible 0.00 not_in_catalog'], // before the first row
    ['2020-01-01', '2020-06-01', 'eligible 1500.00'],
    ['2023-12-31', '2024-02-01', 'eligible 1500.00'], // claimed after the change: the certificate date decides
    ['2024-01-01', '2024-02-01', 'eligible 1800.00'],
  ])('training: certificate %s, claimed %s → %s (catalogue changed on 2024-01-01)', (certificate_date, claim_date, want) => {
    expect(outcome(one({ certificate_date, claim_date }, { catalog: changed }))).toBe(want);
  });

  it('skill_upgrade: the certificate date decides too', () => {
    const catalog = [
      cat({ program: 'skill_upgrade', level: 4, amount: 1500, valid_to: '2023-12-31' }),
      cat({ program: 'skill_upgrade', level: 4, amount: 1200, valid_from: '2024-01-01' }),
    ];
    expect(outcome(one({ program: 'skill_upgrade', certificate_date: '2023-12-31', claim_date: '2024-01-02' }, { catalog }))).toBe('eligible 1500.00');
  });

  it('two open rows of the same specificity: the latest valid_from in force wins', () => {
    const catalog = [cat({ program: 'training', level: 4, amount: 1500, valid_from: '2020-01-01' }), cat({ program: 'training', level: 4, amount: 1700, valid_from: '2023-07-01' })];
    expect(outcome(one({ certificate_date: '2023-06-30', claim_date: '2023-08-01' }, { catalog }))).toBe('eligible 1500.00');
    expect(outcome(one({ certificate_date: '2023-07-01', claim_date: '2023-08-01' }, { catalog }))).toBe('eligible 1700.00');
  });

  const shortage = [
    cat({ program: 'shortage_post', occupation: '电工', level: 2, amount: 10000, valid_from: '2023-01-01', valid_to: '2023-12-31', shortage: true }),
    cat({ program: 'shortage_post', occupation: '电工', level: 2, amount: 12000, valid_from: '2024-01-01', shortage: true }),
  ];
  it.each([
    ['2022-12-31', 'ineligible 0.00 not_in_catalog'],
    ['2023-01-01', 'eligible 10000.00'],
    ['2023-12-31', 'eligible 10000.00'],
    ['2024-01-01', 'eligible 12000.00'],
  ])('shortage_post: the claim date decides (certificate 2019-06-01, claimed %s) → %s', (claim_date, want) => {
    const d = one({ program: 'shortage_post', certificate_date: '2019-06-01', claim_date }, { catalog: shortage });
    expect(d.decidingDate).toBe(claim_date);
    expect(outcome(d)).toBe(want);
  });

  it.each([
    ['work_based', '2021-12-31', 'eligible 3000.00'],
    ['work_based', '2022-01-01', 'ineligible 0.00 not_in_catalog'], // 以工代训 ran 2020–2021
    ['apprenticeship', '2020-12-31', 'ineligible 0.00 not_in_catalog'],
    ['apprenticeship', '2021-01-01', 'eligible 5000.00'],
  ] as const)('%s claimed %s → %s (the claim date decides)', (program, claim_date, want) => {
    expect(outcome(one({ program, claim_date }))).toBe(want);
  });

  it('the row used is reported with its line, and its source among the rule_refs', () => {
    const catalog = [cat({ program: 'training', level: 4, amount: 1500, source: '杭人社发〔2020〕43号 (example)', line: 7 })];
    const d = one({}, { catalog });
    expect(d.catalog?.line).toBe(7);
    expect(d.refs).toContain('杭人社发〔2020〕43号 (example)');
    expect(d.refs).toContain('国办发〔2019〕24号');
    const noSource = one({}, { catalog: [cat({ program: 'training', level: 4, amount: 1500, line: 9 })] });
    expect(noSource.refs).toContain('catalog.csv line 9');
  });

  it('pickCatalog: which miss', () => {
    expect(pickCatalog(narrow, 'training', '电工', 4, '2024-01-01').row?.amount).toBe(150000);
    expect(pickCatalog(narrow, 'training', '电工', 2, '2024-01-01')).toEqual({ miss: 'level_not_covered' });
    expect(pickCatalog(narrow, 'training', '车工', 4, '2024-01-01')).toEqual({ miss: 'not_in_catalog' });
    expect(pickCatalog(narrow, 'training', '电工', 4, '2019-12-31')).toEqual({ miss: 'not_in_catalog' });
  });
});

describe('skill_upgrade (人社部发〔2017〕40号): levels 5–3 only; insured 36 months before 2019-01-01, 12 from it', () => {
  it.each([
    [5, 'eligible 1000.00'],
    [4, 'eligible 1500.00'],
    [3, 'eligible 2000.00'],
    [2, 'ineligible 0.00 level_not_covered'],
    [1, 'ineligible 0.00 level_not_covered'],
    [undefined, 'ineligible 0.00 level_not_covered'],
  ])('level %s → %s', (level, want) => {
    expect(outcome(one({ program: 'skill_upgrade', level }))).toBe(want);
  });

  it('level 2 is not paid even when the catalogue has a * level row', () => {
    const catalog = [cat({ program: 'skill_upgrade', amount: 1500 })];
    expect(outcome(one({ program: 'skill_upgrade', level: 2 }, { catalog }))).toBe('ineligible 0.00 level_not_covered');
    expect(outcome(one({ program: 'skill_upgrade', level: 3 }, { catalog }))).toBe('eligible 1500.00');
  });

  const since2015 = [cat({ program: 'skill_upgrade', level: 4, amount: 1500, valid_from: '2015-01-01' })];
  it.each([
    ['2018-12-31', 35, 'ineligible 0.00 insured_months_insufficient'],
    ['2018-12-31', 36, 'eligible 1500.00'],
    ['2018-12-31', 12, 'ineligible 0.00 insured_months_insufficient'],
    ['2019-01-01', 11, 'ineligible 0.00 insured_months_insufficient'],
    ['2019-01-01', 12, 'eligible 1500.00'],
    ['2024-03-01', 12, 'eligible 1500.00'],
    ['2024-03-01', 0, 'ineligible 0.00 insured_months_insufficient'],
    ['2024-03-01', undefined, 'ineligible 0.00 insured_months_insufficient'],
  ])('certificate %s, insured %s months → %s', (certificate_date, insured_months, want) => {
    const d = one({ program: 'skill_upgrade', certificate_date, claim_date: addMonths(certificate_date, 2), insured_months }, { catalog: since2015 });
    expect(outcome(d)).toBe(want);
  });

  it('the insured months are the 2019 relaxation’s for a certificate of 2019 claimed in 2019, the 2017 rule’s for one of 2018', () => {
    const d = one({ program: 'skill_upgrade', certificate_date: '2018-12-31', claim_date: '2019-01-02', insured_months: 20 }, { catalog: since2015 });
    expect(d.reasons).toEqual(['insured_months_insufficient']);
    expect(d.refs).toContain('人社部发〔2017〕40号');
    expect(d.trace!.find((s) => s.label === 'insured months')?.how).toContain('at least 36');
  });
});

describe('apprenticeship (人社部发〔2021〕39号): contract ≥ 12 months; per_year × months / 12, half-up', () => {
  it.each([
    [11, 'ineligible 0.00 contract_too_short'],
    [12, 'eligible 5000.00'],
    [36, 'eligible 5000.00'],
    [undefined, 'ineligible 0.00 contract_too_short'],
  ])('contract %s months → %s', (contract_months, want) => {
    expect(outcome(one({ program: 'apprenticeship', contract_months }))).toBe(want);
  });

  it.each([
    ['5000.00', 12, '5000.00'],
    ['5000.00', 24, '10000.00'],
    ['5000.00', 7, '2916.67'], // 2916.666…
    ['5000.00', 1, '416.67'],
    ['5000.00', 5, '2083.33'], // 2083.333…
    ['4000.01', 6, '2000.01'], // 2000.005 exactly: half-up, not to even
    ['4000.03', 6, '2000.02'], // 2000.015
    ['3000.00', 18, '4500.00'],
  ])('%s a year × %d months → %s', (amount, months, want) => {
    const catalog = [cat({ program: 'apprenticeship', amount, unit: 'per_year', valid_from: '2021-01-01' })];
    expect(outcome(one({ program: 'apprenticeship', months }, { catalog }))).toBe(`eligible ${want}`);
  });

  it('at most 24 months a person, across history and earlier claims', () => {
    const history = [paid({ program: 'apprenticeship', paid_date: '2022-06-01', months: 20, amount: '8333.33' })];
    const d = one({ program: 'apprenticeship', months: 6 }, { history });
    expect(outcome(d)).toBe('eligible 1666.67 duration_exceeded'); // 4 months left: 5000 × 4 / 12
    expect(d.paidMonths).toBe(4);
    expect(outcome(one({ program: 'apprenticeship', months: 4 }, { history }))).toBe('eligible 1666.67');
    const full = [paid({ program: 'apprenticeship', paid_date: '2022-06-01', months: 24 })];
    expect(outcome(one({ program: 'apprenticeship', months: 1 }, { history: full }))).toBe('ineligible 0.00 duration_exceeded');
  });
});

describe('work_based (以工代训, 人社部发〔2020〕30号): monthly amount × months, at most 6 months a person', () => {
  it.each([
    [1, 'eligible 500.00'],
    [6, 'eligible 3000.00'],
    [7, 'eligible 3000.00 duration_exceeded'], // 6 paid
    [12, 'eligible 3000.00 duration_exceeded'],
  ])('%d months → %s', (months, want) => {
    const d = one({ program: 'work_based', months });
    expect(outcome(d)).toBe(want);
    expect(d.paidMonths).toBe(Math.min(months, 6));
  });

  it.each([
    ['4 months paid before, 2 claimed', 4, 2, 'eligible 1000.00'],
    ['4 months paid before, 3 claimed: 2 paid', 4, 3, 'eligible 1000.00 duration_exceeded'],
    ['5 months paid before, 1 claimed', 5, 1, 'eligible 500.00'],
    ['6 months paid before: none left', 6, 1, 'ineligible 0.00 duration_exceeded'],
    ['7 months paid before (an old overpayment): none left', 7, 1, 'ineligible 0.00 duration_exceeded'],
  ])('history: %s', (_what, before, months, want) => {
    const history = [paid({ program: 'work_based', paid_date: '2020-09-01', months: before })];
    expect(outcome(one({ program: 'work_based', months }, { history }))).toBe(want);
  });

  it('earlier claims in the file count, partly paid ones with the months paid', () => {
    const ds = decide({
      claims: [
        claim({ claim_id: 'W1', program: 'work_based', claim_date: '2021-03-01', months: 4 }),
        claim({ claim_id: 'W2', program: 'work_based', claim_date: '2021-06-01', months: 4 }),
        claim({ claim_id: 'W3', program: 'work_based', claim_date: '2021-09-01', months: 1 }),
      ],
    });
    expect(outcomes(ds)).toEqual({ W1: 'eligible 2000.00', W2: 'eligible 1000.00 duration_exceeded', W3: 'ineligible 0.00 duration_exceeded' });
  });

  it('another program’s months and another person’s months do not count', () => {
    const history = [
      paid({ program: 'apprenticeship', paid_date: '2021-01-01', months: 12 }),
      paid({ program: 'work_based', paid_date: '2021-01-01', months: 6, person_id: OTHER }),
    ];
    expect(outcome(one({ program: 'work_based', months: 6 }, { history }))).toBe('eligible 3000.00');
  });

  it('an ineligible work_based claim for another reason lists duration_exceeded too, and is paid nothing', () => {
    expect(outcome(one({ program: 'work_based', months: 7, group: 'public_staff' }))).toBe('ineligible 0.00 group_not_eligible;duration_exceeded');
  });

  it('subsidy.work_based.max_months 3 (an override)', () => {
    expect(outcome(one({ program: 'work_based', months: 4 }, { rules: override({ 'subsidy.work_based.max_months': '3' }) }))).toBe('eligible 1500.00 duration_exceeded');
  });
});

describe('shortage_post (甬人社发〔2023〕22号): 技师 10,000 / 高级技师 20,000, once per person', () => {
  it.each([
    [2, '2020-06-01', 'eligible 10000.00'],
    [1, '2020-06-01', 'eligible 20000.00'],
  ])('level %d', (level, certificate_date, want) => {
    expect(outcome(one({ program: 'shortage_post', level, certificate_date }))).toBe(want);
  });

  it('level 3 is not covered (the catalogue’s fallback row marks no shortage either)', () => {
    expect(one({ program: 'shortage_post', level: 3 }).reasons).toEqual(['not_in_catalog', 'level_not_covered']);
    const only = [cat({ program: 'shortage_post', occupation: '电工', level: 3, amount: 5000, valid_from: '2023-01-01', shortage: true })];
    expect(outcome(one({ program: 'shortage_post', level: 3 }, { catalog: only }))).toBe('ineligible 0.00 level_not_covered');
  });

  it.each([
    ['contract 35 months', { contract_months: 35 }, 'ineligible 0.00 contract_too_short'],
    ['contract 36 months', { contract_months: 36 }, 'eligible 10000.00'],
    ['no contract months', { contract_months: undefined }, 'ineligible 0.00 contract_too_short'],
    ['insured 11 months', { insured_months: 11 }, 'ineligible 0.00 insured_months_insufficient'],
    ['insured 12 months', { insured_months: 12 }, 'eligible 10000.00'],
    ['no insured months', { insured_months: undefined }, 'ineligible 0.00 insured_months_insufficient'],
  ] as Row[])('%s', (_what, c, want) => {
    expect(outcome(one({ program: 'shortage_post', ...c }))).toBe(want);
  });

  it.each([
    ['技师, 3 years on the day', 2, '2021-04-01', '2024-04-01', 'eligible 10000.00'],
    ['技师, the day before 3 years', 2, '2021-04-01', '2024-03-31', 'ineligible 0.00 cert_held_too_short'],
    ['技师 of 2020-02-29, on 2023-02-28', 2, '2020-02-29', '2023-02-28', 'eligible 10000.00'],
    ['技师 of 2020-02-29, on 2023-02-27', 2, '2020-02-29', '2023-02-27', 'ineligible 0.00 cert_held_too_short'],
    ['高级技师, 1 year on the day', 1, '2023-04-01', '2024-04-01', 'eligible 20000.00'],
    ['高级技师, the day before 1 year', 1, '2023-04-01', '2024-03-31', 'ineligible 0.00 cert_held_too_short'],
    ['高级技师 held 2 years', 1, '2022-04-01', '2024-04-01', 'eligible 20000.00'],
  ])('certificate held: %s', (_what, level, certificate_date, claim_date, want) => {
    expect(outcome(one({ program: 'shortage_post', level, certificate_date, claim_date }))).toBe(want);
  });

  it.each([
    ['an occupation off the shortage list (the * row says no)', { occupation: '车工' }, [], 'ineligible 0.00 not_in_catalog'],
    ['the row without a shortage flag', {}, [cat({ program: 'shortage_post', occupation: '电工', level: 2, amount: 10000, valid_from: '2023-01-01' })], 'ineligible 0.00 not_in_catalog'],
    ['the row marked shortage', {}, [cat({ program: 'shortage_post', occupation: '电工', level: 2, amount: 10000, valid_from: '2023-01-01', shortage: true })], 'eligible 10000.00'],
  ] as [string, ClaimIn, ReturnType<typeof cat>[], string][])('shortage flag: %s', (_what, c, catalog, want) => {
    expect(outcome(one({ program: 'shortage_post', ...c }, catalog.length ? { catalog } : {}))).toBe(want);
  });

  it('once per person ever: a shortage post subsidy in the history, of any occupation, before', () => {
    // (paid since the one-off regime of 2023: a first payment before it keeps the old monthly
    // subsidy instead, test/subsidy-fidelity.test.ts)
    const history = [paid({ program: 'shortage_post', paid_date: '2023-05-01', occupation: '焊工', level: 1, amount: 20000 })];
    expect(outcome(one({ program: 'shortage_post' }, { history }))).toBe('ineligible 0.00 duplicate_occupation_level');
    expect(outcome(one({ program: 'shortage_post', person_id: OTHER }, { history }))).toBe('eligible 10000.00');
  });

  it('once per person ever: an earlier claim in the file; an ineligible one does not count', () => {
    const ds = decide({
      claims: [
        claim({ claim_id: 'S1', program: 'shortage_post', claim_date: '2024-01-10', contract_months: 24 }), // ineligible
        claim({ claim_id: 'S2', program: 'shortage_post', claim_date: '2024-02-10' }),
        claim({ claim_id: 'S3', program: 'shortage_post', claim_date: '2025-03-10', occupation: '焊工', level: 1 }),
      ],
    });
    expect(outcomes(ds)).toEqual({
      S1: 'ineligible 0.00 contract_too_short',
      S2: 'eligible 10000.00',
      S3: 'ineligible 0.00 duplicate_occupation_level',
    });
  });
});

describe('duplicate_occupation_level: the same occupation at the same level once per person, ever (training and skill_upgrade)', () => {
  it('training then skill_upgrade of the same occupation and level (another certificate)', () => {
    const ds = decide({
      claims: [
        claim({ claim_id: 'A', certificate_date: '2024-03-01', claim_date: '2024-04-01' }),
        claim({ claim_id: 'B', program: 'skill_upgrade', certificate_date: '2024-05-01', claim_date: '2024-06-01' }),
      ],
    });
    expect(outcomes(ds)).toEqual({ A: ELIGIBLE_4, B: 'ineligible 0.00 duplicate_occupation_level' });
    expect(ds[1]!.trace!.find((s) => s.label === 'once per occupation and level')?.how).toContain('claim A');
  });

  it.each([
    ['training 电工 4 paid in 2021', { program: 'training', occupation: '电工', level: 4 }, 'ineligible 0.00 duplicate_occupation_level'],
    ['skill_upgrade 电工 4 paid in 2021', { program: 'skill_upgrade', occupation: '电工', level: 4 }, 'ineligible 0.00 duplicate_occupation_level'],
    ['training 电工 5 paid in 2021 (a lower level)', { program: 'training', occupation: '电工', level: 5 }, ELIGIBLE_4],
    ['training 焊工 4 paid in 2021', { program: 'training', occupation: '焊工', level: 4 }, ELIGIBLE_4],
    ['training 电工 without a level', { program: 'training', occupation: '电工' }, ELIGIBLE_4],
    ['training 电工 4 paid to another person', { program: 'training', occupation: '电工', level: 4, person_id: OTHER }, ELIGIBLE_4],
  ] as [string, Omit<Parameters<typeof paid>[0], 'paid_date'>, string][])('history: %s', (_what, h, want) => {
    const history = [paid({ ...h, paid_date: '2021-06-01' })];
    expect(outcome(one({}, { history }))).toBe(want);
  });

  it('the history’s occupation is compared like the catalogue’s (case, full-width, spaces)', () => {
    const history = [paid({ program: 'training', occupation: ' ＣＮＣ操作工', level: 4, paid_date: '2021-06-01' })];
    const catalog = [cat({ program: 'training', level: 4, amount: 1500 })];
    expect(outcome(one({ occupation: 'cnc操作工' }, { history, catalog }))).toBe('ineligible 0.00 duplicate_occupation_level');
  });

  it('an ineligible earlier claim does not count', () => {
    const ds = decide({
      claims: [claim({ claim_id: 'A', route: 'self_evaluation', claim_date: '2024-04-01' }), claim({ claim_id: 'B', claim_date: '2024-04-02' })],
    });
    expect(outcomes(ds)).toEqual({ A: 'ineligible 0.00 route_excluded', B: ELIGIBLE_4 });
  });
});

describe('lower_level_after_higher: no lower level of an occupation after a higher one was subsidised', () => {
  it.each([
    ['高级工 (3) paid, 中级工 (4) claimed', 3, 4, 'ineligible 0.00 lower_level_after_higher'],
    ['高级工 (3) paid, 初级工 (5) claimed', 3, 5, 'ineligible 0.00 lower_level_after_higher'],
    ['中级工 (4) paid, 高级工 (3) claimed', 4, 3, 'eligible 2000.00'],
    ['初级工 (5) paid, 中级工 (4) claimed', 5, 4, ELIGIBLE_4],
  ])('history: %s', (_what, paidLevel, level, want) => {
    const history = [paid({ program: 'training', occupation: '电工', level: paidLevel, paid_date: '2021-06-01' })];
    expect(outcome(one({ level }, { history }))).toBe(want);
  });

  it('within the file: skill_upgrade 高级工, then training 初级工 of the same occupation; another occupation is fine', () => {
    const ds = decide({
      claims: [
        claim({ claim_id: 'A', program: 'skill_upgrade', level: 3, claim_date: '2024-04-01' }),
        claim({ claim_id: 'B', level: 5, claim_date: '2024-05-01' }),
        claim({ claim_id: 'C', level: 5, occupation: '焊工', claim_date: '2024-05-02' }),
      ],
    });
    expect(outcomes(ds)).toEqual({ A: 'eligible 2000.00', B: 'ineligible 0.00 lower_level_after_higher', C: 'eligible 1000.00' });
  });
});

describe('certificate_already_used: one certificate, one subsidy (training and skill_upgrade never both)', () => {
  it('training, then skill_upgrade on the same certificate number', () => {
    const ds = decide({
      claims: [
        claim({ claim_id: 'A', certificate_no: 'ZJ-2024-001', claim_date: '2024-04-01' }),
        claim({ claim_id: 'B', program: 'skill_upgrade', certificate_no: 'ZJ-2024-001', occupation: '焊工', claim_date: '2024-04-02' }),
        claim({ claim_id: 'C', program: 'skill_upgrade', certificate_no: 'ZJ-2024-002', occupation: '焊工', claim_date: '2024-04-03' }),
      ],
    });
    expect(outcomes(ds)).toEqual({ A: ELIGIBLE_4, B: 'ineligible 0.00 certificate_already_used', C: 'eligible 1500.00' });
  });

  it('a certificate paid in the history', () => {
    const history = [paid({ program: 'skill_upgrade', certificate_no: 'ZJ-2023-077', paid_date: '2023-09-01' })];
    expect(outcome(one({ certificate_no: 'ZJ-2023-077' }, { history }))).toBe('ineligible 0.00 certificate_already_used');
    expect(outcome(one({ certificate_no: 'ZJ-2023-078' }, { history }))).toBe(ELIGIBLE_4);
  });

  it('the same occupation and level on the same certificate gives both reasons', () => {
    const history = [paid({ program: 'training', occupation: '电工', level: 4, certificate_no: 'ZJ-1', paid_date: '2023-09-01' })];
    expect(outcome(one({ program: 'skill_upgrade', certificate_no: 'ZJ-1' }, { history }))).toBe('ineligible 0.00 duplicate_occupation_level;certificate_already_used');
  });

  it('claims without certificate numbers are not compared', () => {
    const ds = decide({ claims: [claim({ certificate_no: undefined, claim_date: '2024-04-01' }), claim({ certificate_no: undefined, occupation: '焊工', claim_date: '2024-04-02' })] });
    expect(ds.map(outcome)).toEqual([ELIGIBLE_4, ELIGIBLE_4]);
  });
});

describe('yearly_cap_reached: at most 3 individual subsidies a person per calendar year (training, skill_upgrade, apprenticeship)', () => {
  const OCC = ['电工', '焊工', '车工', '钳工', '铣工'];
  const trainings = (year: number, n: number, from = 0): ReturnType<typeof claim>[] =>
    Array.from({ length: n }, (_, i) =>
      claim({ claim_id: `T${year}-${from + i + 1}`, occupation: OCC[from + i]!, certificate_date: `${year}-02-0${from + i + 1}`, claim_date: `${year}-03-0${from + i + 1}` }),
    );

  it('the third claim of a year is paid, the fourth is not', () => {
    const ds = decide({ claims: trainings(2024, 4) });
    expect(ds.map(outcome)).toEqual([ELIGIBLE_4, ELIGIBLE_4, ELIGIBLE_4, 'ineligible 0.00 yearly_cap_reached']);
    expect(ds[3]!.trace!.find((s) => s.label === 'yearly cap')?.how).toBe(
      '3 counted subsidies already in 2024: claim T2024-1 (training, claimed 2024-03-01), claim T2024-2 (training, claimed 2024-03-02), claim T2024-3 (training, claimed 2024-03-03) (at most 3)',
    );
  });

  it('training, skill_upgrade and apprenticeship all count', () => {
    const ds = decide({
      claims: [
        claim({ claim_id: 'A', program: 'apprenticeship', claim_date: '2024-01-10' }),
        claim({ claim_id: 'B', program: 'skill_upgrade', occupation: '焊工', claim_date: '2024-04-01' }),
        claim({ claim_id: 'C', occupation: '车工', claim_date: '2024-04-02' }),
        claim({ claim_id: 'D', occupation: '钳工', claim_date: '2024-04-03' }),
        claim({ claim_id: 'E', program: 'apprenticeship', claim_date: '2024-05-01', months: 6 }),
      ],
    });
    expect(outcomes(ds)).toEqual({
      A: 'eligible 5000.00',
      B: 'eligible 1500.00',
      C: ELIGIBLE_4,
      D: 'ineligible 0.00 yearly_cap_reached',
      E: 'ineligible 0.00 yearly_cap_reached',
    });
  });

  it('work_based and shortage_post are not counted, and not capped', () => {
    const ds = decide({
      claims: [
        claim({ claim_id: 'W', program: 'work_based', claim_date: '2021-01-15' }),
        ...trainings(2021, 3),
        claim({ claim_id: 'W2', program: 'work_based', claim_date: '2021-12-01', months: 1 }),
      ],
    });
    expect(outcomes(ds)).toEqual({ W: 'eligible 3000.00', 'T2021-1': ELIGIBLE_4, 'T2021-2': ELIGIBLE_4, 'T2021-3': ELIGIBLE_4, W2: 'ineligible 0.00 duration_exceeded' });
    const s = decide({ claims: [...trainings(2024, 3), claim({ claim_id: 'S', program: 'shortage_post', claim_date: '2024-02-01' })] });
    expect(outcomes(s)).toEqual({ S: 'eligible 10000.00', 'T2024-1': ELIGIBLE_4, 'T2024-2': ELIGIBLE_4, 'T2024-3': ELIGIBLE_4 });
  });

  it('history counts by the year of its paid_date', () => {
    const history = [
      paid({ program: 'training', occupation: '铣工', level: 5, paid_date: '2024-01-05' }),
      paid({ program: 'skill_upgrade', occupation: '磨工', level: 5, paid_date: '2024-02-05' }),
      paid({ program: 'training', occupation: '刨工', level: 5, paid_date: '2023-12-31' }), // last year
      paid({ program: 'work_based', paid_date: '2024-01-05', months: 1 }), // not counted
      paid({ program: 'training', occupation: '镗工', level: 5, paid_date: '2024-01-05', person_id: OTHER }), // another person
    ];
    expect(decide({ claims: trainings(2024, 2), history }).map(outcome)).toEqual([ELIGIBLE_4, 'ineligible 0.00 yearly_cap_reached']);
  });

  it('a new calendar year starts again; the year is the claim’s, not the certificate’s', () => {
    const ds = decide({
      claims: [...trainings(2024, 3), claim({ claim_id: 'N', occupation: '钳工', certificate_date: '2024-12-20', claim_date: '2025-01-02' })],
    });
    expect(ds.map(outcome)).toEqual([ELIGIBLE_4, ELIGIBLE_4, ELIGIBLE_4, ELIGIBLE_4]);
    const late = decide({ claims: [...trainings(2024, 3), claim({ claim_id: 'N', occupation: '钳工', certificate_date: '2024-12-20', claim_date: '2024-12-31' })] });
    expect(late.map(outcome)[3]).toBe('ineligible 0.00 yearly_cap_reached');
  });

  it('ineligible claims do not use up the cap', () => {
    const ds = decide({
      claims: [claim({ claim_id: 'X', group: 'public_staff', occupation: '铣工', certificate_date: '2023-12-01', claim_date: '2024-01-02' }), ...trainings(2024, 3)],
    });
    expect(outcomes(ds)).toEqual({ X: 'ineligible 0.00 group_not_eligible', 'T2024-1': ELIGIBLE_4, 'T2024-2': ELIGIBLE_4, 'T2024-3': ELIGIBLE_4 });
  });

  it('a partly paid apprenticeship counts as one', () => {
    const history = [paid({ program: 'apprenticeship', paid_date: '2023-01-01', months: 20 })];
    const ds = decide({ claims: [claim({ claim_id: 'A', program: 'apprenticeship', claim_date: '2024-01-10', months: 12 }), ...trainings(2024, 3)], history });
    expect(outcomes(ds)).toEqual({ A: 'eligible 1666.67 duration_exceeded', 'T2024-1': ELIGIBLE_4, 'T2024-2': ELIGIBLE_4, 'T2024-3': 'ineligible 0.00 yearly_cap_reached' });
  });

  it('subsidy.yearly_cap 2 (a rules override, CONTRACT §9) makes the third claim ineligible', () => {
    const ds = decide({ claims: trainings(2024, 3), rules: override({ 'subsidy.yearly_cap': '2' }) });
    expect(ds.map(outcome)).toEqual([ELIGIBLE_4, ELIGIBLE_4, 'ineligible 0.00 yearly_cap_reached']);
    expect(ds[2]!.refs).toContain('test override');
  });

  it('the cap in force on the claim date applies (a series changing on 2025-01-01)', () => {
    const r = override({ 'subsidy.yearly_cap': [['2008-01-01', '3'], ['2025-01-01', '1']] });
    expect(decide({ claims: trainings(2024, 3), rules: r }).map(outcome)).toEqual([ELIGIBLE_4, ELIGIBLE_4, ELIGIBLE_4]);
    expect(decide({ claims: trainings(2025, 2), rules: r }).map(outcome)).toEqual([ELIGIBLE_4, 'ineligible 0.00 yearly_cap_reached']);
  });
});

describe('skill_upgrade once a year from 2025, plus 2 for shortage occupations (subsidy.skill_upgrade.yearly_cap, unverified)', () => {
  const upgrades = (year: number, catalog = EXAMPLE) =>
    decide({
      catalog,
      claims: [5, 4, 3].map((level, i) =>
        claim({ claim_id: `U${i + 1}`, program: 'skill_upgrade', level, certificate_date: `${year}-02-0${i + 1}`, claim_date: `${year}-03-0${i + 1}` }),
      ),
    });

  it('2024: no such limit', () => {
    expect(upgrades(2024).map(outcome)).toEqual(['eligible 1000.00', 'eligible 1500.00', 'eligible 2000.00']);
  });

  it('2025: the second skill_upgrade of the year is not paid; a training claim still is', () => {
    expect(upgrades(2025).map(outcome)).toEqual(['eligible 1000.00', 'ineligible 0.00 yearly_cap_reached', 'ineligible 0.00 yearly_cap_reached']);
    const ds = decide({
      claims: [
        claim({ claim_id: 'U', program: 'skill_upgrade', certificate_date: '2025-02-01', claim_date: '2025-03-01' }),
        claim({ claim_id: 'T', occupation: '焊工', certificate_date: '2025-02-02', claim_date: '2025-03-02' }),
      ],
    });
    expect(outcomes(ds)).toEqual({ U: 'eligible 1500.00', T: ELIGIBLE_4 });
  });

  it('2025, an occupation the catalogue marks urgent (CONTRACT §2 `urgent`): three a year', () => {
    const catalog = [5, 4, 3].map((level, i) => cat({ program: 'skill_upgrade', occupation: '电工', level, amount: [1000, 1500, 2000][i]!, urgent: true }));
    expect(upgrades(2025, catalog).map(outcome)).toEqual(['eligible 1000.00', 'eligible 1500.00', 'eligible 2000.00']);
  });

  it('2025, shortage alone (not urgent) gives no extra allowance (#10 item 10: urgent has its own column)', () => {
    const catalog = [5, 4, 3].map((level, i) => cat({ program: 'skill_upgrade', occupation: '电工', level, amount: [1000, 1500, 2000][i]!, shortage: true }));
    expect(upgrades(2025, catalog).map(outcome)).toEqual(['eligible 1000.00', 'ineligible 0.00 yearly_cap_reached', 'ineligible 0.00 yearly_cap_reached']);
  });

  it('2025: a skill_upgrade paid this year in the history counts', () => {
    const history = [paid({ program: 'skill_upgrade', occupation: '焊工', level: 4, paid_date: '2025-01-10' })];
    expect(outcome(one({ program: 'skill_upgrade', certificate_date: '2025-01-20', claim_date: '2025-02-01' }, { history }))).toBe('ineligible 0.00 yearly_cap_reached');
    const lastYear = [paid({ program: 'skill_upgrade', occupation: '焊工', level: 4, paid_date: '2024-12-31' })];
    expect(outcome(one({ program: 'skill_upgrade', certificate_date: '2025-01-20', claim_date: '2025-02-01' }, { history: lastYear }))).toBe('eligible 1500.00');
  });
});

describe('an ineligible claim lists all its reasons, in the contract’s order', () => {
  it('training: nine reasons at once', () => {
    const boy = pid('2009-06-01');
    const history = [
      paid({ person_id: boy, program: 'training', occupation: '电工', level: 4, certificate_no: 'ZJ-9', paid_date: '2025-01-05' }),
      paid({ person_id: boy, program: 'skill_upgrade', occupation: '电工', level: 3, paid_date: '2025-01-06' }),
      paid({ person_id: boy, program: 'training', occupation: '焊工', level: 5, paid_date: '2025-01-07' }),
    ];
    const catalog = [cat({ program: 'training', occupation: '焊工', amount: 1000 })];
    const d = one(
      { person_id: boy, group: 'public_staff', route: 'dual_certificate', certificate_no: 'ZJ-9', certificate_date: '2024-01-10', claim_date: '2025-02-01' },
      { history, catalog },
    );
    expect(d.reasons).toEqual([
      'age_out_of_range',
      'group_not_eligible',
      'route_excluded',
      'claim_window_expired',
      'not_in_catalog',
      'duplicate_occupation_level',
      'lower_level_after_higher',
      'certificate_already_used',
      'yearly_cap_reached',
    ]);
    expect(outcome(d)).toMatch(/^ineligible 0\.00 /);
  });

  it('skill_upgrade: group, level and insured months together', () => {
    expect(outcome(one({ program: 'skill_upgrade', group: 'unemployed', level: 2, insured_months: 3 }))).toBe(
      'ineligible 0.00 group_not_eligible;level_not_covered;insured_months_insufficient',
    );
  });

  it('shortage_post: no certificate, contract, insured months, and a second one', () => {
    const history = [paid({ program: 'shortage_post', paid_date: '2023-05-01' })];
    expect(outcome(one({ program: 'shortage_post', certificate_type: 'none', contract_months: 12, insured_months: 6 }, { history }))).toBe(
      'ineligible 0.00 no_certificate;insured_months_insufficient;contract_too_short;duplicate_occupation_level',
    );
  });

  it('reasons are among the contract’s codes and never repeated', () => {
    const d = one({ program: 'skill_upgrade', level: 1 }); // not in the catalogue and not a skill_upgrade level: one reason
    expect(d.reasons).toEqual(['level_not_covered']);
    for (const r of d.reasons) expect(REASONS).toContain(r);
  });
});

describe('claims are decided in (claim_date, claim_id) order; an earlier eligible claim counts against later ones', () => {
  it('the earlier claim date wins whatever the row order', () => {
    const late = claim({ claim_id: 'C1', claim_date: '2024-05-01' });
    const early = claim({ claim_id: 'C2', program: 'skill_upgrade', claim_date: '2024-04-01' });
    for (const claims of [
      [late, early],
      [early, late],
    ]) {
      const ds = decide({ claims });
      expect(ds.map((d) => d.claim.claim_id)).toEqual(['C2', 'C1']);
      expect(outcomes(ds)).toEqual({ C2: 'eligible 1500.00', C1: 'ineligible 0.00 duplicate_occupation_level' });
    }
  });

  it('on the same date, claim_id in text order decides (C10 before C9)', () => {
    const a = claim({ claim_id: 'C9', claim_date: '2024-04-01' });
    const b = claim({ claim_id: 'C10', claim_date: '2024-04-01' });
    expect(outcomes(decide({ claims: [a, b] }))).toEqual({ C10: ELIGIBLE_4, C9: 'ineligible 0.00 duplicate_occupation_level' });
    expect(claimOrder(a, b)).toBeGreaterThan(0);
  });

  it('the certificate date does not order claims', () => {
    const ds = decide({
      claims: [
        claim({ claim_id: 'A', certificate_date: '2024-01-01', claim_date: '2024-06-01' }),
        claim({ claim_id: 'B', certificate_date: '2024-05-01', claim_date: '2024-05-15' }),
      ],
    });
    expect(outcomes(ds)).toEqual({ B: ELIGIBLE_4, A: 'ineligible 0.00 duplicate_occupation_level' });
  });

  it('claims of other persons never count', () => {
    const ds = decide({ claims: [claim({ claim_id: 'A' }), claim({ claim_id: 'B', person_id: WOMAN }), claim({ claim_id: 'C', person_id: OTHER })] });
    expect(ds.map(outcome)).toEqual([ELIGIBLE_4, ELIGIBLE_4, ELIGIBLE_4]);
  });
});

describe('the decision record: deciding date, rule sources, trace', () => {
  it('a training claim: deciding date = certificate date; sources of the program, the rules and the catalogue; the trace ends with the decision', () => {
    const d = one({ certificate_date: '2024-03-01', claim_date: '2024-04-01' });
    expect(d.decidingDate).toBe('2024-03-01');
    expect(d.refs[0]).toBe('国办发〔2019〕24号');
    expect(d.refs).toEqual(expect.arrayContaining(['GB 11643-1999', '宁波 2020 职业技能培训补贴办法 (劳动年龄 男16-60)', 'catalog.csv line 3']));
    expect(d.trace![0]).toEqual({ label: 'deciding date', value: '2024-03-01', how: 'the certificate date (rules and catalogue in force when it was obtained)' });
    expect(d.trace!.at(-1)).toMatchObject({ label: 'decision', value: 'eligible' });
    expect(d.trace!.find((s) => s.label === 'amount')).toEqual({ label: 'amount', value: '1500.00', how: 'the catalogue amount' });
  });

  it('the default parameters are the ones RULES §4 names', () => {
    const at = (k: string, d = '2024-06-01') => rules.at(k, d)?.value;
    expect(at('subsidy.yearly_cap')).toBe('3');
    expect(at('subsidy.claim_window_months')).toBe('12');
    expect([at('subsidy.working_age.min'), at('subsidy.retirement_age.male'), at('subsidy.retirement_age.female')]).toEqual(['16', '60', '50']);
    expect(at('subsidy.skill_upgrade.insured_months', '2018-12-31')).toBe('36');
    expect(at('subsidy.skill_upgrade.insured_months', '2019-01-01')).toBe('12');
    expect(at('subsidy.skill_upgrade.levels')).toBe('5;4;3');
    expect(at('subsidy.skill_upgrade.yearly_cap')).toBeUndefined();
    expect(at('subsidy.skill_upgrade.yearly_cap', '2025-01-01')).toBe('1');
    expect(at('subsidy.work_based.max_months')).toBe('6');
    expect([at('subsidy.shortage_post.held_years.level2'), at('subsidy.shortage_post.held_years.level1')]).toEqual(['3', '1']);
    expect([at('subsidy.shortage_post.min_contract_months'), at('subsidy.shortage_post.min_insured_months')]).toEqual(['36', '12']);
  });
});
