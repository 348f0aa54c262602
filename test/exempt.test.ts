/**
 * School property exemptions (RULES §3, CONTRACT §7): a table per tax at its boundaries. Rows are
 * built from a default (an enterprise school's teaching building in 2024) and changed only in what
 * the case is about. Built-in parameters: 房产税 1.2% of the value less 30% (Zhejiang), 12% of the
 * rent; basic farmland × 1.5; 契税 3%; the school-type and use lists of params.ts.
 */
import { describe, expect, it } from 'vitest';
import { computeExemptions, decideProperty, EXEMPT_REASONS, exemptionsTable } from '../src/calculators/exempt.js';
import { RuleGapError, UsageError } from '../src/domain/errors.js';
import { formatFen } from '../src/domain/money.js';
import type { Property } from '../src/domain/records.js';
import { PROPERTY_USES, SCHOOL_TYPES } from '../src/domain/vocabulary.js';
import { Rules } from '../src/rules/index.js';

const E1 = '91330282MA2B000016';
const rules = new Rules();
const yuan = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);

function row(p: Partial<Property>): Property {
  return { asset_id: 'A1', enterprise_id: E1, tax: 'property', school_type: 'enterprise_school', use: 'teaching', year: 2024, original_value: yuan('1,000,000'), line: 2, ...p };
}
const decide = (p: Partial<Property>) => {
  const d = decideProperty(rules, row(p));
  return { base: d.base, tax: formatFen(d.taxAmount), exempt: d.exempt, exempt_amount: formatFen(d.exemptAmount), reasons: d.reasons.join(';'), refs: d.refs };
};

describe('房产税 (property): by value, by rent, part years', () => {
  it.each([
    ['by value, the Zhejiang ratio 30%', {}, '700000.00', '8400.00'],
    ['by value, the row\'s ratio 20%', { deduction_ratio: '0.2' }, '800000.00', '9600.00'],
    ['by value, 7 months', { months: 7 }, '700000.00', '4900.00'],
    ['by value, 1 month', { months: 1 }, '700000.00', '700.00'],
    ['by value, rounded half-up at the fen', { original_value: yuan('123,456.78') }, '86419.75', '1037.04'],
    ['by rent', { original_value: undefined, rent: yuan('100,000') }, '100000.00', '12000.00'],
    ['by rent, 5 months', { original_value: undefined, rent: yuan('100,000'), months: 5 }, '100000.00', '5000.00'],
    ['by rent, half-up', { original_value: undefined, rent: yuan('10.42') }, '10.42', '1.25'],
  ])('%s', (_, p, base, tax) => {
    const d = decide(p);
    expect([d.base, d.tax, d.exempt, d.exempt_amount]).toEqual([base, tax, true, tax]);
  });

  it('rule_refs cite the rate, the ratio, the school types and the uses with their status', () => {
    expect(decide({}).refs).toEqual([
      '房产税暂行条例 第四条 [verified]',
      '浙江省 房产税 减除比例 30% (房产税暂行条例 第三条: 10%–30%) [unverified]',
      '财税〔2004〕39号 第二条 (reading of the seed\'s list) [practice]',
      '财税〔2004〕39号 第二条 (自用) [practice]',
    ]);
  });

  it('a rented-out building is taxed: not_self_use', () => {
    expect(decide({ use: 'rented', original_value: undefined, rent: yuan('240,000') })).toMatchObject({ tax: '28800.00', exempt: false, exempt_amount: '0.00', reasons: 'not_self_use' });
  });

  it('a year before the exemptions\' frame (2004) is refused, never defaulted', () => {
    expect(() => decideProperty(rules, row({ year: 2003 }))).toThrow(RuleGapError);
    expect(() => decideProperty(rules, row({ year: 2004 }))).not.toThrow();
  });

  it('a row with neither value nor rent is refused naming the asset (the loader refuses it first)', () => {
    expect(() => decideProperty(rules, row({ original_value: undefined }))).toThrow(UsageError);
    expect(() => decideProperty(rules, row({ original_value: undefined }))).toThrow(/asset A1 \(property, 房产税\).*original_value or rent/);
  });
});

describe('each school type × use (房产税 and 城镇土地使用税)', () => {
  const cases = SCHOOL_TYPES.flatMap((t) => PROPERTY_USES.map((u) => [t, u] as const));
  it.each(cases)('%s, %s', (school_type, use) => {
    const selfUse = use === 'teaching' || use === 'office';
    const expected = [...(school_type === 'training_center' ? ['training_center'] : []), ...(selfUse ? [] : ['not_self_use'])];
    expect(decide({ school_type, use }).reasons).toBe(expected.join(';'));
    const land = decide({ tax: 'land_use', school_type, use, original_value: undefined, area_m2: '100', unit_tax: 500, separate_land: true });
    expect(land.reasons).toBe(expected.join(';'));
    expect(land.exempt_amount).toBe(expected.length ? '0.00' : '500.00');
  });
});

describe('城镇土地使用税 (land_use): area × unit tax, separate land for an enterprise school', () => {
  const land = (p: Partial<Property>) => decide({ tax: 'land_use', original_value: undefined, area_m2: '1000', unit_tax: yuan('5'), ...p });
  it.each([
    ['enterprise school, separate land', { separate_land: true }, '5000.00', true, ''],
    ['enterprise school, land shared with the factory', { separate_land: false }, '5000.00', false, 'land_not_separate'],
    ['enterprise school, separate_land absent: taxed', {}, '5000.00', false, 'land_not_separate'],
    ['a state school needs no separate land', { school_type: 'state_school' as const }, '5000.00', true, ''],
    ['a technical school needs no separate land', { school_type: 'technical_school' as const, separate_land: false }, '5000.00', true, ''],
    ['3 months', { separate_land: true, months: 3 }, '1250.00', true, ''],
    ['area with decimals', { separate_land: true, area_m2: '1200.5' }, '6002.50', true, ''],
    ['half-up at the fen', { separate_land: true, area_m2: '0.5', unit_tax: 1 }, '0.01', true, ''],
  ])('%s', (_, p, tax, exempt, reasons) => {
    expect(land(p)).toMatchObject({ tax, exempt, reasons });
  });

  it('the base is the area in m²', () => {
    expect(land({ area_m2: '1200.5' }).base).toBe('1200.50');
  });

  it('rule_refs name (88)国税地字第015号 for an enterprise school', () => {
    expect(land({ separate_land: false }).refs).toContain('(88)国税地字第015号 第十七条 [verified]');
  });
});

describe('耕地占用税 (farmland): one-off, basic farmland × 1.5, training centres never exempt', () => {
  const farm = (p: Partial<Property>) => decide({ tax: 'farmland', original_value: undefined, year: undefined, date: '2024-05-10', area_m2: '2000', unit_tax: yuan('30'), ...p });
  it.each([
    ['a school\'s teaching building', {}, '60000.00', true, ''],
    ['basic farmland × 1.5', { basic_farmland: true }, '90000.00', true, ''],
    ['basic_farmland no', { basic_farmland: false }, '60000.00', true, ''],
    ['a technical school (技工院校)', { school_type: 'technical_school' as const }, '60000.00', true, ''],
    ['a training centre (培训中心)', { school_type: 'training_center' as const }, '60000.00', false, 'training_center'],
    ['a training centre on basic farmland', { school_type: 'training_center' as const, basic_farmland: true }, '90000.00', false, 'training_center'],
    ['business premises (经营性场所)', { use: 'business' as const }, '60000.00', false, 'business_use'],
    ['staff housing (教职工住房)', { use: 'staff_housing' as const }, '60000.00', false, 'staff_housing'],
    ['rented out', { use: 'rented' as const }, '60000.00', false, 'not_self_use'],
    ['office', { use: 'office' as const }, '60000.00', true, ''],
  ])('%s', (_, p, tax, exempt, reasons) => {
    expect(farm(p)).toMatchObject({ tax, exempt, reasons, exempt_amount: exempt ? tax : '0.00' });
  });

  it('the law of 2019-09-01 is cited from that day; the 2008 regulations the day before', () => {
    expect(farm({ date: '2019-08-31', basic_farmland: true }).refs).toContain('耕地占用税暂行条例实施细则 (2008) (提高50%) [unverified]');
    expect(farm({ date: '2019-09-01', basic_farmland: true }).refs).toContain('耕地占用税法 第六条 [verified]');
  });

  it('farmland occupied before 2008 is refused', () => {
    expect(() => decideProperty(rules, row({ tax: 'farmland', original_value: undefined, year: undefined, date: '2007-12-31', area_m2: '1', unit_tax: 100 }))).toThrow(RuleGapError);
  });
});

describe('契税 (deed): 2021-08-31 against 2021-09-01', () => {
  const deed = (p: Partial<Property>) => decide({ tax: 'deed', original_value: undefined, year: undefined, price: yuan('5,000,000'), ...p });
  it.each([
    ['for-profit school, teaching, 2021-08-31', 'forprofit_school', 'teaching', '2021-08-31', true, ''],
    ['for-profit school, teaching, 2021-09-01', 'forprofit_school', 'teaching', '2021-09-01', false, 'after_2021_09_forprofit'],
    ['enterprise school, teaching, 2021-08-31', 'enterprise_school', 'teaching', '2021-08-31', true, ''],
    ['enterprise school, teaching, 2021-09-01', 'enterprise_school', 'teaching', '2021-09-01', false, 'after_2021_09_forprofit'],
    ['non-profit school, teaching, 2021-08-31', 'nonprofit_school', 'teaching', '2021-08-31', true, ''],
    ['non-profit school, teaching, 2021-09-01', 'nonprofit_school', 'teaching', '2021-09-01', true, ''],
    ['non-profit school, office, 2021-08-31 (teaching only)', 'nonprofit_school', 'office', '2021-08-31', false, 'not_teaching_use'],
    ['non-profit school, office, 2021-09-01 (办公、教学)', 'nonprofit_school', 'office', '2021-09-01', true, ''],
    ['state school, teaching, 2021-08-31', 'state_school', 'teaching', '2021-08-31', true, ''],
    ['state school, office, 2021-09-01', 'state_school', 'office', '2021-09-01', true, ''],
    ['training centre, 2021-08-31', 'training_center', 'teaching', '2021-08-31', false, 'training_center'],
    ['training centre, 2021-09-01', 'training_center', 'teaching', '2021-09-01', false, 'training_center'],
    ['non-profit school, business, 2021-09-01', 'nonprofit_school', 'business', '2021-09-01', false, 'business_use'],
    ['for-profit school, staff housing, 2021-09-01', 'forprofit_school', 'staff_housing', '2021-09-01', false, 'after_2021_09_forprofit;staff_housing'],
  ] as const)('%s', (_, school_type, use, date, exempt, reasons) => {
    expect(deed({ school_type, use, date })).toMatchObject({ tax: '150000.00', exempt, reasons, exempt_amount: exempt ? '150000.00' : '0.00' });
  });

  it('the row\'s rate replaces Zhejiang\'s 3%', () => {
    expect(deed({ date: '2024-03-01', school_type: 'nonprofit_school', rate: '0.04' }).tax).toBe('200000.00');
  });

  it('rule_refs cite the law in force on the date', () => {
    expect(deed({ date: '2021-08-31' }).refs).toContain('财税〔2004〕39号 第三条 (用于教学) [verified]');
    expect(deed({ date: '2021-09-01' }).refs).toContain('浙江省人大常委会 关于契税具体适用税率等事项的决定 (2021) [verified]');
    expect(deed({ date: '2021-09-01', school_type: 'forprofit_school' }).refs).toContain('契税法 第六条, 公告2021年第29号 [unverified]');
  });

  it('the year is the year of the date', () => {
    expect(decideProperty(rules, row({ tax: 'deed', original_value: undefined, year: undefined, price: 100, date: '2021-09-01' })).year).toBe(2021);
  });
});

describe('the report', () => {
  const rows = [
    row({ asset_id: 'B', tax: 'deed', original_value: undefined, year: 2021, date: '2021-09-01', price: yuan('1000'), school_type: 'nonprofit_school' }),
    row({ asset_id: 'B', year: 2024 }),
    row({ asset_id: 'B', year: 2023 }),
    row({ asset_id: 'A', use: 'rented', original_value: undefined, rent: yuan('1000') }),
  ];
  const ctx = (range = {}, explain?: string) => ({ rules, range, force: false, paths: { properties: 'properties.csv' }, ...(explain ? { explain } : {}) });

  it('one row per asset, tax and year, sorted by asset_id, tax, year; CONTRACT §7 columns', () => {
    const t = exemptionsTable(computeExemptions({ properties: rows }, ctx()).decisions);
    expect(t.columns.map((c) => c.name)).toEqual(['asset_id', 'enterprise_id', 'tax', 'year', 'base', 'tax_amount', 'exempt', 'exempt_amount', 'reasons', 'rule_refs']);
    expect(t.rows.map((r) => [r.asset_id, r.tax, r.year, r.exempt, r.exempt_amount])).toEqual([
      ['A', 'property', 2024, 'no', '0.00'],
      ['B', 'property', 2023, 'yes', '8400.00'],
      ['B', 'property', 2024, 'yes', '8400.00'],
      ['B', 'deed', 2021, 'yes', '30.00'],
    ]);
  });

  it('--year keeps the rows of that year', () => {
    expect(computeExemptions({ properties: rows }, ctx({ year: 2021 })).decisions.map((d) => d.p.tax)).toEqual(['deed']);
  });

  it('--explain records every row of the asset, and the parameters read', () => {
    const r = computeExemptions({ properties: rows }, ctx({}, 'B'));
    expect(r.trace?.subject).toBe('B');
    expect(r.trace?.sections.map((s) => s.title)).toEqual(['property (房产税) 2023: exempt 8400.00', 'property (房产税) 2024: exempt 8400.00', 'deed (契税) 2021: exempt 30.00']);
    expect(r.trace?.reads.map((x) => x.key)).toContain('exempt.deed.school_types');
    expect(computeExemptions({ properties: rows }, ctx({}, 'Z')).trace).toBeUndefined();
  });

  it('every reason is documented in the code list', () => {
    expect(EXEMPT_REASONS).toEqual(expect.arrayContaining(['not_self_use', 'school_type_not_exempt', 'land_not_separate', 'training_center', 'after_2021_09_forprofit', 'business_use']));
  });
});
