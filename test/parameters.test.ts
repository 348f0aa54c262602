/**
 * Every parameter is used, and only declared parameters are (the Tax-Calculator habit,
 * tests/test_calcfunctions.py): the calculators, run through a recording view of the rules over
 * the demo and over the cases the demo does not reach, read every declared key, and a read of a
 * key nobody declared is refused. A lookup with nothing in force is an error, never a default,
 * except for the keys that declare what their absence means (`whenNotInForce`).
 */
import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../src/calculators/registry.js';
import { computeEnterprise } from '../src/calculators/education-expense.js';
import { decideClaims } from '../src/calculators/training-subsidy.js';
import { decideAwards } from '../src/calculators/awards.js';
import { decideProperty } from '../src/calculators/exempt.js';
import { providerFigures } from '../src/calculators/providers.js';
import { matchCertificates } from '../src/calculators/match.js';
import { RuleGapError, UsageError } from '../src/domain/errors.js';
import { emptyYear, type LedgerEntry } from '../src/domain/records.js';
import { loadCalculatorInputs } from '../src/engine/index.js';
import { PARAMS } from '../src/rules/params.js';
import { Rules } from '../src/rules/index.js';
import { DEMO, demoFile } from './helpers/demo.js';
import { fen, ID, qual } from './unit-helpers/education.js';
import { cat, claim, paid, pid } from './unit-helpers/subsidy.js';

async function keysRead(): Promise<Set<string>> {
  const read = new Set<string>();
  // A key with no built-in entries (a per-program yearly cap a bureau may set) is given one, so
  // that its read shows.
  const empty = PARAMS.filter((p) => p.entries.length === 0).map((p) => p.key);
  const rules = new Rules()
    .withOverrides(new Map(empty.map((k) => [k, [{ from: '2008-01-01', value: '99', source: 'test', status: 'unverified' as const }]])))
    .recording((r) => read.add(r.key));
  // The demo through every calculator of the registry, the ledger passed on as `run` does.
  let ledger: string | LedgerEntry[] = demoFile('ledger.csv');
  for (const c of CALCULATORS) {
    const paths = Object.fromEntries(c.inputs.map((i) => [i.flag, `${DEMO}/${i.file}`]));
    const inputs = await loadCalculatorInputs(c, paths, ledger, { encoding: 'auto', maxErrors: 100 });
    const r = c.compute(inputs, { rules, range: {}, force: false, paths, options: { today: '2024-12-31', 'as-of-default': 'data' } });
    if (r.ledger) ledger = [...r.ledger];
  }
  // What the demo has no enterprise or claim for: 技术先进型服务企业 in 2017, the other three
  // row-6 qualifications, and a 2025 skill_upgrade in a shortage occupation.
  for (const q of ['advanced_tech_service', 'airline', 'animation', 'nuclear_power'] as const) {
    computeEnterprise(rules, {
      enterpriseId: ID,
      start: 2017,
      end: 2017,
      years: new Map([[2017, { ...emptyYear(), wages: fen('100,000') }]]),
      qualifications: [qual(q, '2015-01-01')],
      carry: { fen: 0, gap: false },
    });
  }
  // the old monthly shortage-post regime (a person first paid in 2021), both levels
  for (const level of [1, 2]) {
    decideClaims(rules, {
      claims: [claim({ program: 'shortage_post', level, months: 2, claim_date: '2024-04-01' })],
      catalog: [],
      history: [paid({ program: 'shortage_post', occupation: '电工', level, paid_date: '2021-03-31', amount: 500, months: 1 })],
      qualifications: new Map(),
    });
  }
  decideClaims(rules, {
    claims: [claim({ program: 'skill_upgrade', occupation: '电工', level: 4, certificate_date: '2025-03-01', claim_date: '2025-04-01' })],
    catalog: [cat({ program: 'skill_upgrade', occupation: '电工', level: 4, amount: 1500, urgent: true })],
    history: [],
    qualifications: new Map(),
  });
  // the awards the demo does not reach: a studio promoted to provincial and national level, a 技能之星 rank 5
  decideAwards(rules, {
    awards: [
      { award_id: 'P1', program: 'master_studio', recipient_id: 'S-1', year: 2024, level: 'province', line: 2 },
      { award_id: 'P2', program: 'master_studio', recipient_id: 'S-1', year: 2024, level: 'national', line: 3 },
      { award_id: 'P3', program: 'skill_star', recipient_id: pid('1990-01-01'), year: 2024, rank: 5, line: 4 },
    ],
    history: [],
  });
  // the school property exemptions, should the demo lose a case: each tax once, a for-profit deed after 2021-09-01
  const prop = { asset_id: 'X', enterprise_id: ID, school_type: 'forprofit_school', use: 'teaching', line: 2 } as const;
  decideProperty(rules, { ...prop, tax: 'property', year: 2024, original_value: 100_000_00 });
  decideProperty(rules, { ...prop, tax: 'property', year: 2024, rent: 100_000_00 });
  decideProperty(rules, { ...prop, tax: 'land_use', school_type: 'enterprise_school', year: 2024, area_m2: '100', unit_tax: 500 });
  decideProperty(rules, { ...prop, tax: 'farmland', year: 2024, date: '2024-03-01', area_m2: '100', unit_tax: 500, basic_farmland: true });
  decideProperty(rules, { ...prop, tax: 'deed', year: 2024, date: '2024-03-01', price: 100_000_00 });
  // the provider flags' thresholds (read once a provider has a certificate and a decided claim)
  const k = claim({ provider_id: 'P1', certificate_date: '2024-03-01' });
  providerFigures(rules, {
    certificates: [{ person_id: k.person_id, certificate_no: 'Q1', certificate_type: 'skill_level', occupation: '电工', level: 4, certificate_date: '2024-03-01', provider_id: 'P1', line: 2 }],
    claims: [k],
    decisions: [{ claim_id: k.claim_id, status: 'ineligible', amount: 0, reasons: ['not_in_catalog'] }],
  });
  // match (免申即享): the claim window and how insured months are counted, on the as-of date
  matchCertificates(rules, {
    certificates: [{ person_id: k.person_id, certificate_no: 'Q2', certificate_type: 'skill_level', occupation: '电工', level: 4, certificate_date: '2024-03-01', line: 2 }],
    insurance: { monthsBy: () => 12, employerOn: () => undefined, persons: () => 1 },
    catalog: [],
  }, '2024-06-30');
  return read;
}

describe('parameters: declared once, each read by some calculator', () => {
  it('every declared key is read, and every key read is declared', async () => {
    const read = await keysRead();
    const declared = PARAMS.map((p) => p.key).sort();
    expect([...read].sort()).toEqual(declared);
  });

  it('each key is declared once', () => {
    const keys = PARAMS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a read of an undeclared key is a usage error (exit 2, no stack trace)', () => {
    expect(() => new Rules().count('subsidy.no_such_key', '2024-01-01')).toThrow(UsageError);
    expect(() => new Rules().count('subsidy.no_such_key', '2024-01-01')).toThrow('unknown parameter subsidy.no_such_key');
  });

  it('a key is read as its kind: a rate is not a count', () => {
    expect(() => new Rules().count('pcie.credit_rate', '2024-01-01')).toThrow(/is a rate, not read as count/);
  });
});

describe('a lookup with nothing in force is an error, never a default', () => {
  const late = new Rules().withOverrides(
    new Map([['subsidy.retirement_age.female', [{ from: '2030-01-01', value: '55', source: 'test', status: 'unverified' as const }]]]),
    'late.json',
  );

  it('names the key, the date and where the series came from', () => {
    expect(() => late.count('subsidy.retirement_age.female', '2024-06-30')).toThrow(RuleGapError);
    expect(() => late.count('subsidy.retirement_age.female', '2024-06-30')).toThrow(
      'no value of subsidy.retirement_age.female is in force for 2024-06-30 (the series from the --rules file late.json starts 2030-01-01): add an entry with --rules',
    );
    expect(() => new Rules().count('subsidy.yearly_cap', '2007-12-31')).toThrow(/no value of subsidy\.yearly_cap is in force for 2007-12-31 \(the built-in series starts 2008-01-01\)/);
  });

  it('only a key that declares what its absence means may be read as optional', () => {
    const optional = PARAMS.filter((p) => p.whenNotInForce !== undefined).map((p) => p.key);
    expect(optional.sort()).toEqual([
      'eit.education_expense.advanced_tech_service_rate',
      'eit.education_expense.full_deduction.airline',
      'eit.education_expense.full_deduction.animation',
      'eit.education_expense.full_deduction.nuclear_power',
      'eit.education_expense.full_deduction.software_ic',
      'eit.education_expense.high_tech_rate',
      'pcie.credit_rate',
      'subsidy.apprenticeship.yearly_cap',
      'subsidy.shortage_post.yearly_cap',
      'subsidy.skill_upgrade.urgent_extra',
      'subsidy.skill_upgrade.yearly_cap',
      'subsidy.training.yearly_cap',
      'subsidy.work_based.yearly_cap',
      'surcharge.exemption.monthly_sales',
      'surcharge.exemption.quarterly_sales',
      'surcharge.reduction.groups',
      'surcharge.reduction.rate',
    ]);
    expect(new Rules().rateIfInForce('pcie.credit_rate', '2018-12-31')).toBeUndefined();
    expect(() => new Rules().countIfInForce('subsidy.yearly_cap', '2007-12-31')).toThrow(/not declared optional/);
  });

  it('the subsidy no longer falls back to a constant: a retirement age series from 2030 refuses the claims before', () => {
    const c = claim({ person_id: pid('1986-01-01', 'female') });
    expect(() => decideClaims(late, { claims: [c], catalog: [cat({ program: 'training', amount: 1000 })], history: [], qualifications: new Map() })).toThrow(
      /no value of subsidy\.retirement_age\.female is in force for 2024-03-01/,
    );
  });
});
