/**
 * Training-provider figures and flags (issue #15, CONTRACT §8 `providers`), on hand-built
 * certificates, claims and decisions: the figures of a provider-year, how claims are attributed,
 * and each flag at its threshold (N and N + 1, a ratio just below and above, the minimum claims,
 * the 备案 span's first and last day). The flags are heuristics: their thresholds are parameters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { providerFigures, providerFlagText, providerHeuristicsNote, providersTable, PROVIDER_COLUMNS, type ProviderDecision, type ProviderRow } from '../src/calculators/providers.js';
import type { Certificate, Claim, Provider } from '../src/domain/records.js';
import { cellsOf } from '../src/domain/table.js';
import { setLang } from '../src/i18n/index.js';
import { PARAMS } from '../src/rules/params.js';
import { claim, MAN, OTHER, override, pid, rules, WOMAN } from './unit-helpers/subsidy.js';

let line = 1;
/** A certificate of provider P1 by MAN, level 4 电工, 2024-06-01, trained 2024-03-01 … 2024-05-31. */
function cert(c: Partial<Certificate> = {}): Certificate {
  const n = ++line;
  return {
    person_id: MAN,
    certificate_no: `Q${n}`,
    certificate_type: 'skill_level',
    occupation: '电工',
    level: 4,
    certificate_date: '2024-06-01',
    provider_id: 'P1',
    training_start: '2024-03-01',
    training_end: '2024-05-31',
    line: n,
    ...c,
  };
}

/** A claim for a certificate (its number, person and date). */
const claimFor = (x: Certificate, c: Parameters<typeof claim>[0] = {}): Claim =>
  claim({ person_id: x.person_id, certificate_no: x.certificate_no, certificate_date: x.certificate_date, occupation: x.occupation, level: x.level, claim_date: '2024-07-01', ...c });

const eligible = (c: Claim, yuan: number): ProviderDecision => ({ claim_id: c.claim_id, status: 'eligible', amount: yuan * 100, reasons: [] });
const refused = (c: Claim, ...reasons: string[]): ProviderDecision => ({ claim_id: c.claim_id, status: 'ineligible', amount: 0, reasons });

const provider = (p: Partial<Provider> = {}): Provider => ({ provider_id: 'P1', name: '甬城职业培训学校', filed_from: '2023-01-01', filed_to: '2025-12-31', star: 4, line: 2, ...p });

const rowOf = (rows: ProviderRow[], id = 'P1', year = 2024): ProviderRow => {
  const r = rows.find((x) => x.provider_id === id && x.year === year);
  if (!r) throw new Error(`no row ${id} ${year}`);
  return r;
};

afterEach(() => setLang('en'));

describe('the figures of a provider and year', () => {
  const c1 = cert({ level: 5 });
  const c2 = cert({ person_id: MAN, level: 4 });
  const c3 = cert({ person_id: WOMAN, level: 4 });
  const c4 = cert({ person_id: OTHER, level: 3, occupation: '焊工' });
  const old = cert({ certificate_date: '2023-11-01', training_start: '2023-09-01', training_end: '2023-10-31', level: 1 });
  const k1 = claimFor(c1);
  const k2 = claimFor(c2);
  const k3 = claimFor(c3);
  // a claim naming P1 without a certificate of the registry: counted in the year of its certificate_date
  const k4 = claim({ person_id: pid('1970-01-01'), provider_id: 'P1', certificate_no: 'ELSEWHERE', certificate_date: '2024-02-01' });
  // filed, not yet decided: a claim, neither eligible nor refused
  const k5 = claim({ person_id: pid('1971-01-01'), provider_id: 'P1', certificate_no: 'ELSEWHERE-2', certificate_date: '2024-02-01' });
  const rows = providerFigures(rules, {
    certificates: [c1, c2, c3, c4, old],
    claims: [k1, k2, k3, k4, k5],
    decisions: [eligible(k1, 1000), refused(k2, 'claim_window_expired', 'yearly_cap_reached'), eligible(k3, 1500), refused(k4, 'not_in_catalog', 'claim_window_expired')],
    providers: [provider()],
  });

  it('one row per provider and year of the certificate_date', () => {
    expect(rows.map((r) => `${r.provider_id} ${r.year}`)).toEqual(['P1 2023', 'P1 2024']);
  });

  it('people trained (distinct persons), certificates by level, claims, eligible, refused, paid', () => {
    const r = rowOf(rows);
    expect(r).toMatchObject({ name: '甬城职业培训学校', star: 4, people_trained: 3, certificates: 4, levels: [0, 0, 1, 2, 1], claims: 5, eligible: 2, refused: 2, subsidy_paid: 250000 });
  });

  it('top reasons by count then code; subsidy per certificate half-up to the fen; never-claimed share', () => {
    const r = rowOf(rows);
    expect(r.top_reasons).toBe('claim_window_expired:2;not_in_catalog:1;yearly_cap_reached:1');
    expect(r.subsidy_per_certificate).toBe(62500); // 2500.00 / 4
    expect(r.never_claimed_share).toBe('0.25'); // c4 only
    expect(r.refusal_rate).toBe('0.5');
    expect(rowOf(rows, 'P1', 2023)).toMatchObject({ certificates: 1, claims: 0, subsidy_paid: 0, subsidy_per_certificate: 0, never_claimed_share: '1', refusal_rate: '', top_reasons: '' });
  });

  it('providers.csv: the columns of CONTRACT §8, money with 2 decimals, the share a decimal fraction', () => {
    const t = providersTable(rows);
    expect(PROVIDER_COLUMNS.map((c) => c.name).join(',')).toBe(
      'provider_id,year,name,star,people_trained,certificates,level_1,level_2,level_3,level_4,level_5,claims,eligible,refused,top_reasons,subsidy_paid,subsidy_per_certificate,never_claimed_share,flags',
    );
    const cells = [...t.rows].map((r) => cellsOf(t.columns, r));
    expect(cells[1]).toEqual(['P1', 2024, '甬城职业培训学校', 4, 3, 4, 0, 0, 1, 2, 1, 5, 2, 2, 'claim_window_expired:2;not_in_catalog:1;yearly_cap_reached:1', '2500.00', '625.00', '0.25', '']);
  });

  it('subsidy per certificate rounds half-up; the share has at most 4 places', () => {
    const cs = [cert(), cert(), cert()];
    const ks = cs.slice(0, 1).map((x) => claimFor(x));
    const r = rowOf(providerFigures(rules, { certificates: cs, claims: ks, decisions: [{ ...eligible(ks[0]!, 0), amount: 100_00 + 2 }] }));
    expect(r.subsidy_per_certificate).toBe(3334); // 10002 / 3 = 3334 (remainder 0)
    expect(r.never_claimed_share).toBe('0.6667'); // 2/3
    const r2 = rowOf(providerFigures(rules, { certificates: [cert(), cert()], claims: [], decisions: [] }));
    expect(r2.never_claimed_share).toBe('1');
    const half = [cert(), cert()];
    const kh = claimFor(half[0]!);
    expect(rowOf(providerFigures(rules, { certificates: half, claims: [kh], decisions: [{ ...eligible(kh, 0), amount: 1 }] })).subsidy_per_certificate).toBe(1); // 0.5 fen → 1
  });
});

describe('which claims count for a provider', () => {
  it("a claim's own provider_id wins over the provider of its certificate; a certificate without provider is in no row", () => {
    const a = cert({ provider_id: 'P1' });
    const none = cert({ provider_id: undefined });
    const k = claimFor(a, { provider_id: 'P2' });
    const rows = providerFigures(rules, { certificates: [a, none], claims: [k], decisions: [refused(k, 'route_excluded')] });
    expect(rows.map((r) => [r.provider_id, r.year, r.certificates, r.claims, r.refused])).toEqual([
      ['P1', 2024, 1, 0, 0],
      ['P2', 2024, 0, 1, 1],
    ]);
    // the certificate was claimed (by the claim naming P2): never_claimed 0
    expect(rowOf(rows).never_claimed_share).toBe('0');
  });

  it('a claim without a certificate number is for the same person\'s certificate of the same occupation and level', () => {
    const a = cert({ occupation: '电工', level: 4 });
    const k = claim({ person_id: MAN, certificate_no: undefined, occupation: '电工', level: 4, certificate_date: '2024-06-01' });
    const other = claim({ person_id: MAN, certificate_no: undefined, occupation: '电工', level: 3, certificate_date: '2024-06-01' });
    const r = rowOf(providerFigures(rules, { certificates: [a], claims: [k, other], decisions: [eligible(k, 1500)] }));
    expect(r).toMatchObject({ claims: 1, eligible: 1, subsidy_paid: 150000, never_claimed_share: '0' });
  });

  it('of two certificates with one number, the claimant\'s own is the one claimed', () => {
    const mine = cert({ certificate_no: 'DUP', provider_id: 'P1' });
    const theirs = cert({ certificate_no: 'DUP', provider_id: 'P2', person_id: WOMAN });
    const k = claimFor(theirs);
    const rows = providerFigures(rules, { certificates: [mine, theirs], claims: [k], decisions: [] });
    expect(rows.map((r) => [r.provider_id, r.claims, r.never_claimed_share])).toEqual([
      ['P1', 0, '1'],
      ['P2', 1, '0'],
    ]);
  });
});

describe('flags: heuristics with their thresholds as parameters', () => {
  it('the thresholds are declared practice parameters whose source says they are not law', () => {
    const keys = ['providers.same_day_batch.max', 'providers.high_refusal.ratio_percent', 'providers.high_refusal.min_claims'];
    for (const k of keys) {
      const p = PARAMS.find((x) => x.key === k)!;
      expect(p.kind).toBe('count');
      expect(p.entries.every((e) => e.status === 'practice' && /heuristic, not law/.test(e.source))).toBe(true);
    }
    expect(providerHeuristicsNote(rules, '2024-12-31')).toMatch(/heuristics of skilltax, not legal rules.*more than 10 certificates.*above 200% .*at least 10 decided claims/);
    setLang('zh');
    expect(providerHeuristicsNote(rules, '2024-12-31')).toMatch(/并非法定规则.*超过 10 本.*200%.*不少于 10 件/);
    expect(providerFlagText('not_filed')).toContain('备案');
  });

  describe('same_day_batch: more than N certificates of one date and occupation', () => {
    const three = override({ 'providers.same_day_batch.max': '3' });
    const batch = (n: number, c: Partial<Certificate> = {}) => Array.from({ length: n }, (_, i) => cert({ person_id: pid('1990-01-01', 'male', 10 + i), ...c }));
    const flags = (certs: Certificate[], r = three) => rowOf(providerFigures(r, { certificates: certs, claims: [], decisions: [] })).flags;

    it('N certificates: no flag; N + 1: flagged, with the lines of the batch', () => {
      expect(flags(batch(3))).toEqual([]);
      const four = batch(4);
      const r = rowOf(providerFigures(three, { certificates: four, claims: [], decisions: [] }));
      expect(r.flags).toEqual(['same_day_batch']);
      expect(r.evidence.same_day_batch).toEqual(four.map((c) => c.line));
    });

    it('the occupation compares folded (full-width, case, space); another date or occupation is another batch', () => {
      expect(flags([...batch(2), ...batch(2, { occupation: ' 电工 ' })])).toEqual(['same_day_batch']);
      expect(flags([...batch(3), ...batch(1, { certificate_date: '2024-06-02' })])).toEqual([]);
      expect(flags([...batch(3), ...batch(1, { occupation: '焊工' })])).toEqual([]);
      expect(flags([...batch(2), ...batch(2, { occupation: 'ＣＮＣ' }), ...batch(2, { occupation: 'cnc' })])).toEqual(['same_day_batch']);
    });

    it('by default (10) 10 are not flagged, 11 are', () => {
      expect(flags(batch(10), rules)).toEqual([]);
      expect(flags(batch(11), rules)).toEqual(['same_day_batch']);
    });
  });

  describe("high_refusal: a refusal rate above K × the area's with at least M decided claims", () => {
    // P1 has 4 decided claims, 2 refused (0.5). Other claims (no provider) are eligible: with
    // `others` of them the area's rate is 2 / (4 + others). K = 200%: flagged when 0.5 > 2 × 2 / (4 + others),
    // i.e. others > 4. At others = 4 the rate is exactly twice the area's: not above.
    function figures(others: number, r = override({ 'providers.high_refusal.ratio_percent': '200', 'providers.high_refusal.min_claims': '4' })) {
      const cs = Array.from({ length: 4 }, (_, i) => cert({ person_id: pid('1990-01-01', 'male', 10 + i) }));
      const ks = cs.map((c) => claimFor(c));
      const rest = Array.from({ length: others }, (_, i) => claim({ person_id: pid('1980-01-01', 'male', 10 + i), certificate_date: '2024-03-01' }));
      return providerFigures(r, {
        certificates: cs,
        claims: [...ks, ...rest],
        decisions: [eligible(ks[0]!, 1500), eligible(ks[1]!, 1500), refused(ks[2]!, 'not_in_catalog'), refused(ks[3]!, 'not_in_catalog'), ...rest.map((k) => eligible(k, 1000))],
      });
    }

    it('exactly K × the area rate: not flagged; just above: flagged', () => {
      expect(rowOf(figures(4))).toMatchObject({ refusal_rate: '0.5', area_refusal_rate: '0.25', flags: [] });
      expect(rowOf(figures(5))).toMatchObject({ refusal_rate: '0.5', area_refusal_rate: '0.2222', flags: ['high_refusal'] });
    });

    it('a ratio just below the provider\'s: flagged; at it: not', () => {
      // others = 4: provider 0.5, area 0.25, ratio of the rates exactly 200%
      expect(rowOf(figures(4, override({ 'providers.high_refusal.ratio_percent': '199', 'providers.high_refusal.min_claims': '4' }))).flags).toEqual(['high_refusal']);
      expect(rowOf(figures(4, override({ 'providers.high_refusal.ratio_percent': '200', 'providers.high_refusal.min_claims': '4' }))).flags).toEqual([]);
    });

    it('M decided claims: flagged; M − 1: not (the provider has 4)', () => {
      expect(rowOf(figures(10, override({ 'providers.high_refusal.ratio_percent': '200', 'providers.high_refusal.min_claims': '4' }))).flags).toEqual(['high_refusal']);
      expect(rowOf(figures(10, override({ 'providers.high_refusal.ratio_percent': '200', 'providers.high_refusal.min_claims': '5' }))).flags).toEqual([]);
      // the default (at least 10) keeps 4 claims unflagged however high the rate
      expect(rowOf(figures(50, rules)).flags).toEqual([]);
    });

    it("the area's rate is of the same year", () => {
      // refused claims of 2023 do not lower the provider's standing in 2024
      const extra = Array.from({ length: 20 }, (_, i) => claim({ person_id: pid('1975-01-01', 'male', 10 + i), certificate_date: '2023-03-01' }));
      const base = figures(5);
      const cs = Array.from({ length: 4 }, (_, i) => cert({ person_id: pid('1990-01-01', 'male', 10 + i) }));
      const ks = cs.map((c) => claimFor(c));
      const rest = Array.from({ length: 5 }, (_, i) => claim({ person_id: pid('1980-01-01', 'male', 10 + i), certificate_date: '2024-03-01' }));
      const r = override({ 'providers.high_refusal.ratio_percent': '200', 'providers.high_refusal.min_claims': '4' });
      const with2023 = providerFigures(r, {
        certificates: cs,
        claims: [...ks, ...rest, ...extra],
        decisions: [eligible(ks[0]!, 1), eligible(ks[1]!, 1), refused(ks[2]!, 'x'), refused(ks[3]!, 'x'), ...rest.map((k) => eligible(k, 1)), ...extra.map((k) => refused(k, 'x'))],
      });
      expect(rowOf(with2023).flags).toEqual(rowOf(base).flags);
      expect(rowOf(with2023).area_refusal_rate).toBe('0.2222');
    });
  });

  describe('not_filed: training or certificate outside the 备案 span', () => {
    const SPAN = [provider({ filed_from: '2024-03-01', filed_to: '2024-06-01' })];
    /** the flags of the one row of a certificate (`providers` null: no providers.csv) */
    const flagsWith = (c: Partial<Certificate>, providers: Provider[] | null = SPAN) => {
      const rows = providerFigures(rules, { certificates: [cert(c)], claims: [], decisions: [], providers: providers ?? undefined });
      expect(rows).toHaveLength(1);
      return rows[0]!.flags;
    };

    it('training from the first day and certificate on the last day of the span: filed', () => {
      expect(flagsWith({ training_start: '2024-03-01', certificate_date: '2024-06-01' })).toEqual([]);
    });

    it('training started the day before, or certificate the day after the span: not_filed', () => {
      expect(flagsWith({ training_start: '2024-02-29' })).toEqual(['not_filed']);
      expect(flagsWith({ certificate_date: '2024-06-02', training_end: '2024-06-01' })).toEqual(['not_filed']);
      expect(flagsWith({ training_end: '2024-06-02', certificate_date: '2024-06-03' })).toEqual(['not_filed']);
    });

    it('an open span (no filed_to) covers every later date; two spans with a lapse between them', () => {
      expect(flagsWith({ certificate_date: '2030-01-01', training_end: '2029-12-01' }, [provider({ filed_from: '2024-01-01', filed_to: undefined })])).toEqual([]);
      const spans = [provider({ filed_from: '2023-01-01', filed_to: '2024-03-31' }), provider({ filed_from: '2024-05-01', filed_to: undefined, line: 3 })];
      expect(flagsWith({ training_start: '2024-03-01', training_end: '2024-03-31', certificate_date: '2024-05-01' }, spans)).toEqual([]);
      expect(flagsWith({ training_start: '2024-03-01', training_end: '2024-04-15', certificate_date: '2024-05-01' }, spans)).toEqual(['not_filed']);
    });

    it('a provider absent from providers.csv: not_filed; without providers.csv: not tested', () => {
      expect(flagsWith({}, [provider({ provider_id: 'P9' })])).toEqual(['not_filed']);
      expect(flagsWith({ training_start: '2001-01-01' }, null)).toEqual([]);
    });

    it('the lines of the certificates outside the span are the evidence', () => {
      const ok = cert();
      const late = cert({ certificate_date: '2026-01-05', training_end: '2025-12-31', training_start: '2025-11-01' });
      const rows = providerFigures(rules, { certificates: [ok, late], claims: [], decisions: [], providers: [provider()] });
      expect(rowOf(rows, 'P1', 2026).evidence.not_filed).toEqual([late.line]);
      expect(rowOf(rows, 'P1', 2024).flags).toEqual([]);
    });
  });

  describe('cert_before_training_end', () => {
    const flagsWith = (c: Partial<Certificate>) => rowOf(providerFigures(rules, { certificates: [cert(c)], claims: [], decisions: [] })).flags;

    it('a certificate on the last day of training: no flag; the day before: flagged; no training_end: not tested', () => {
      expect(flagsWith({ training_end: '2024-06-01', certificate_date: '2024-06-01' })).toEqual([]);
      expect(flagsWith({ training_end: '2024-06-02', certificate_date: '2024-06-01' })).toEqual(['cert_before_training_end']);
      expect(flagsWith({ training_end: undefined })).toEqual([]);
    });
  });

  it('several flags in the fixed order, `;`-joined in providers.csv', () => {
    const r = override({ 'providers.same_day_batch.max': '1' });
    const certs = [cert({ training_end: '2024-07-01' }), cert({ person_id: WOMAN })];
    const rows = providerFigures(r, { certificates: certs, claims: [], decisions: [], providers: [] });
    expect(rowOf(rows).flags).toEqual(['not_filed', 'same_day_batch', 'cert_before_training_end']);
    const t = providersTable(rows);
    expect(cellsOf(t.columns, [...t.rows][0]!).at(-1)).toBe('not_filed;same_day_batch;cert_before_training_end');
  });
});
