/**
 * Training subsidy rules that public notices show and issue #10 asks for (RULES §4.2): who may
 * claim per program (领取失业保险金人员 for skill_upgrade, the employer requirement by group),
 * per-program yearly caps beside the overall one, occupation-specific age limits in the
 * catalogue, and apprenticeship amounts by certificate outcome.
 */
import { describe, expect, it } from 'vitest';
import { cat, claim, decide, one, outcome, override, paid, pid } from './unit-helpers/subsidy.js';

describe('#10 item 9: who may claim skill_upgrade (subsidy.skill_upgrade.groups, .employer_groups)', () => {
  const upgrade = { program: 'skill_upgrade' as const, certificate_date: '2024-03-01', claim_date: '2024-04-01' };

  it('a person drawing unemployment insurance benefit claims without an employer from 2024', () => {
    expect(outcome(one({ ...upgrade, group: 'unemployment_benefit', enterprise_id: undefined }))).toBe('eligible 1500.00');
  });
  it('before 2024 the group could not claim skill_upgrade', () => {
    expect(outcome(one({ ...upgrade, group: 'unemployment_benefit', enterprise_id: undefined, certificate_date: '2023-03-01', claim_date: '2023-04-01' }))).toBe(
      'ineligible 0.00 group_not_eligible',
    );
  });
  it('an employee still needs an employer', () => {
    const [d] = decide({ claims: [claim({ ...upgrade, group: 'employee', enterprise_id: undefined })] });
    expect(outcome(d!)).toBe('ineligible 0.00 group_not_eligible');
    expect(d!.trace!.find((s) => s.label === 'group')?.how).toBe('skill_upgrade is for employees of an enterprise: the claim names none');
  });
  it('a bureau changes the lists with --rules, never in code: no employer required for employees either', () => {
    const rules = override({ 'subsidy.skill_upgrade.employer_groups': 'unemployment_benefit' });
    // employer_groups now names a group that does not claim here: the employee's claim needs none
    expect(outcome(one({ ...upgrade, group: 'employee', enterprise_id: undefined }, { rules }))).toBe('eligible 1500.00');
  });
  it('the other programs take their groups from subsidy.<program>.groups', () => {
    const rules = override({ 'subsidy.training.groups': 'unemployed' });
    expect(outcome(one({ group: 'employee' }, { rules }))).toBe('ineligible 0.00 group_not_eligible');
    expect(outcome(one({ group: 'unemployed' }, { rules }))).toBe('eligible 1500.00');
  });
});

describe('#10 item 10: a program’s own yearly cap beside subsidy.yearly_cap', () => {
  const two = (rules?: ReturnType<typeof override>) =>
    decide({
      claims: [
        claim({ occupation: '电工', level: 4, certificate_date: '2024-02-01', claim_date: '2024-03-01' }),
        claim({ occupation: '焊工', level: 4, certificate_date: '2024-04-01', claim_date: '2024-05-01' }),
      ],
      ...(rules ? { rules } : {}),
    }).map(outcome);
  it('none built in: two training subsidies in a year', () => {
    expect(two()).toEqual(['eligible 1500.00', 'eligible 1500.00']);
  });
  it('subsidy.training.yearly_cap = 1 (Shenzhen): the second is yearly_cap_reached', () => {
    expect(two(override({ 'subsidy.training.yearly_cap': '1' }))).toEqual(['eligible 1500.00', 'ineligible 0.00 yearly_cap_reached']);
  });
});

describe('#10 item 12: the catalogue’s age limits for an occupation replace the general working age', () => {
  const woman52 = pid('1972-01-10', 'female');
  const housekeeping = (limits: { max_age_female?: number; min_age?: number }) => [cat({ program: 'training', occupation: '家政服务员', level: 5, amount: 1000, ...limits })];
  it('a woman of 52 in 家政服务: age_out_of_range under the general 50', () => {
    expect(outcome(one({ person_id: woman52, occupation: '家政服务员', level: 5 }, { catalog: housekeeping({}) }))).toBe('ineligible 0.00 age_out_of_range');
  });
  it('with max_age_female 55 on the row (Ningbo): eligible, and the explain says whose limits', () => {
    const [d] = decide({ claims: [claim({ person_id: woman52, occupation: '家政服务员', level: 5 })], catalog: housekeeping({ max_age_female: 55 }) });
    expect(outcome(d!)).toBe('eligible 1000.00');
    expect(d!.trace!.find((s) => s.label === 'working age')?.how).toMatch(/52 on 2024-03-01 \(woman; 16 ≤ age < 55; the occupation's limits, catalog\.csv line \d+\)/);
  });
  it('min_age on the row: a 17-year-old below 18 is out', () => {
    const young = pid('2006-06-01');
    expect(outcome(one({ person_id: young, occupation: '家政服务员', level: 5 }, { catalog: housekeeping({ min_age: 18 }) }))).toBe('ineligible 0.00 age_out_of_range');
  });
});

describe('#10 item 13: apprenticeship amounts by certificate outcome', () => {
  const catalog = [
    cat({ program: 'apprenticeship', amount: 5000, unit: 'per_year', valid_from: '2021-01-01' }),
    cat({ program: 'apprenticeship', amount: 4000, unit: 'per_year', valid_from: '2021-01-01', certificate_type: 'none' }),
  ];
  it('ended with a certificate: the level’s amount', () => {
    expect(outcome(one({ program: 'apprenticeship', certificate_type: 'skill_level', months: 12 }, { catalog }))).toBe('eligible 5000.00');
  });
  it('ended without one: the `none` row, shown in the explain', () => {
    const [d] = decide({ claims: [claim({ program: 'apprenticeship', certificate_type: undefined, months: 12 })], catalog });
    expect(outcome(d!)).toBe('eligible 4000.00');
    expect(d!.trace!.find((s) => s.label === 'catalogue row')?.how).toContain('certificate none (ended without one)');
  });
});

describe('#10 item 11: the old monthly shortage-post subsidy (first paid before 甬人社发〔2023〕22号)', () => {
  const first = paid({ program: 'shortage_post', occupation: '电工', level: 2, paid_date: '2021-03-31', amount: 500, months: 1 });
  const monthly = (months: number, claim_date: string, history = [first]) => one({ program: 'shortage_post', months, claim_date }, { history });

  it('a person first paid under the monthly regime is paid 500 a month (技师), not refused as a duplicate', () => {
    expect(outcome(monthly(12, '2024-04-01'))).toBe('eligible 6000.00');
  });
  it('at most 36 months in all: 35 more after the first month are paid in full, 36 more only 35', () => {
    expect(outcome(monthly(35, '2024-04-01'))).toBe('eligible 17500.00');
    expect(outcome(monthly(36, '2024-04-01'))).toBe('eligible 17500.00 duration_exceeded');
  });
  it('every payment within 5 years of the first: on the last day yes, a day later no', () => {
    expect(outcome(monthly(1, '2026-03-31'))).toBe('eligible 500.00');
    expect(outcome(monthly(1, '2026-04-01'))).toBe('ineligible 0.00 duration_exceeded');
  });
  it('a monthly claim without its months pays nothing and says why', () => {
    const [d] = decide({ claims: [claim({ program: 'shortage_post', claim_date: '2024-04-01' })], history: [first] });
    expect(outcome(d!)).toBe('ineligible 0.00 duration_exceeded');
  });
  it('a 高级技师 is paid 1,000 a month', () => {
    const f = paid({ program: 'shortage_post', occupation: '电工', level: 1, paid_date: '2022-06-30', amount: 1000, months: 1 });
    expect(outcome(one({ program: 'shortage_post', level: 1, months: 2, claim_date: '2024-04-01' }, { history: [f] }))).toBe('eligible 2000.00');
  });
  it('a person first paid after the change keeps the one-off rule: a second claim is a duplicate', () => {
    const after = paid({ program: 'shortage_post', occupation: '电工', level: 2, paid_date: '2023-06-30', amount: 10000 });
    expect(outcome(monthly(1, '2024-04-01', [after]))).toBe('ineligible 0.00 duplicate_occupation_level');
  });
  it('the explain says which regime and why', () => {
    const [d] = decide({ claims: [claim({ program: 'shortage_post', months: 2, claim_date: '2024-04-01' })], history: [first] });
    expect(d!.trace!.find((s) => s.label === 'monthly regime')?.how).toMatch(/^first paid 2021-03-31 \(history line \d+ \(shortage_post, paid 2021-03-31\)\), before the one-off of 甬人社发〔2023〕22号$/);
  });
});
