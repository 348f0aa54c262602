/**
 * 免申即享 (issue #15): `matchCertificates` decides an unclaimed certificate through the one
 * decision function of `subsidy`. The property: over random registries, insurance months, filed
 * claims and history, every row of unclaimed.csv pays exactly what `decideClaims` pays when that
 * row is written as a filed claim (the trainees.csv row it stands for); used, conflicting,
 * duplicated and expired certificates are never listed (expired only with includeExpired).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchCertificates, matchClaimId } from '../src/calculators/match.js';
import { decideClaims } from '../src/calculators/training-subsidy.js';
import type { Certificate, Claim, HistoryEntry, InsuredMonths } from '../src/domain/records.js';
import { addMonths } from '../src/domain/periods.js';
import { EXAMPLE, pid, rules } from './unit-helpers/subsidy.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 60) };
const A = '91330282144073961U';
const B = '913302827251836406';

/** Insured months kept as plain lists (the reference the loader's index is checked against elsewhere): distinct months up to the date's. */
function months(rows: { person: string; month: string; employer: string }[]): InsuredMonths {
  return {
    monthsBy: (p, date, rule) => {
      if (rule !== 'cumulative') throw new Error('the test counts cumulative months only');
      return new Set(rows.filter((r) => r.person === p && r.month <= date.slice(0, 7)).map((r) => r.month)).size;
    },
    employerOn: (p, date) => rows.filter((r) => r.person === p && r.month <= date.slice(0, 7)).sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : a.employer < b.employer ? -1 : 1))[0]?.employer,
    persons: () => new Set(rows.map((r) => r.person)).size,
  };
}

const PEOPLE = [pid('1990-03-15'), pid('1985-07-20', 'female'), pid('1995-01-01', 'male', 34), pid('1978-11-02', 'male', 56)];
const DATES = ['2023-01-10', '2023-06-30', '2023-12-31', '2024-02-29', '2024-05-15', '2024-09-01'];

const arbCase = fc.record({
  certs: fc.array(fc.record({ person: fc.integer({ min: 0, max: 3 }), no: fc.integer({ min: 1, max: 9 }), level: fc.integer({ min: 1, max: 5 }), date: fc.constantFrom(...DATES), occ: fc.constantFrom('电工', '焊工', '车工') }), { maxLength: 10 }),
  insured: fc.array(fc.record({ person: fc.integer({ min: 0, max: 3 }), from: fc.integer({ min: 0, max: 30 }), n: fc.integer({ min: 1, max: 30 }), employer: fc.constantFrom(A, B) }), { maxLength: 6 }),
  claimed: fc.array(fc.record({ cert: fc.integer({ min: 0, max: 9 }), person: fc.integer({ min: 0, max: 3 }), date: fc.constantFrom(...DATES) }), { maxLength: 4 }),
  paid: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
  asOf: fc.constantFrom('2024-06-30', '2024-12-31', '2025-03-01'),
  expired: fc.boolean(),
});

type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const certificates: Certificate[] = c.certs.map((x, i) => ({
    person_id: PEOPLE[x.person]!,
    certificate_no: `Z${x.no}`,
    certificate_type: 'skill_level',
    occupation: x.occ,
    level: x.level,
    certificate_date: x.date,
    line: i + 2,
  }));
  const rows = c.insured.flatMap((x) =>
    Array.from({ length: x.n }, (_, k) => ({ person: PEOPLE[x.person]!, month: addMonths('2022-01-01', x.from + k).slice(0, 7), employer: x.employer })),
  );
  const trainees: Claim[] = c.claimed.flatMap((x, i) => {
    const cert = certificates[x.cert];
    if (!cert) return [];
    return [{ claim_id: `C${i}`, person_id: PEOPLE[x.person]!, program: 'skill_upgrade', group: 'employee', claim_date: x.date, occupation: cert.occupation, level: cert.level, certificate_type: 'skill_level', certificate_no: cert.certificate_no, certificate_date: cert.certificate_date, insured_months: 36, line: i + 2 } satisfies Claim];
  });
  const history: HistoryEntry[] = c.paid.flatMap((k, i) => {
    const cert = certificates[k];
    return cert ? [{ person_id: cert.person_id, program: 'skill_upgrade', paid_date: '2023-01-01', amount: 100000, certificate_no: cert.certificate_no, line: i + 2 } satisfies HistoryEntry] : [];
  });
  return { certificates, insurance: months(rows), trainees, history };
}

describe('matchCertificates: one decision function with subsidy', () => {
  it('pays each unclaimed row exactly what the same claim pays when filed in trainees.csv', () => {
    let rowsSeen = 0;
    let payable = 0;
    fc.assert(
      fc.property(arbCase, (c) => {
        const x = build(c);
        const r = matchCertificates(rules, { ...x, catalog: EXAMPLE }, c.asOf, { includeExpired: c.expired });
        // as of the date: the claims and payments made by then
        const trainees = x.trainees.filter((t) => t.claim_date <= c.asOf);
        const history = x.history.filter((h) => h.paid_date <= c.asOf);
        const used = new Set([...trainees.map((t) => t.certificate_no), ...history.map((h) => h.certificate_no)]);
        for (const row of r.rows) {
          rowsSeen++;
          expect(used.has(row.certificate.certificate_no)).toBe(false);
          if (!c.expired) expect(row.daysLeft).toBeGreaterThanOrEqual(0);
          // the row as a filed claim, decided with every filed claim and the other matched ones, by subsidy's function
          const others = r.rows.filter((o) => o !== row).map((o) => o.claim);
          const asFiled: Claim = { ...row.claim, claim_id: matchClaimId(row.certificate.certificate_no) };
          expect(row.certificate.certificate_date <= c.asOf).toBe(true);
          const d = decideClaims(rules, { claims: [...trainees, ...others, asFiled], catalog: EXAMPLE, history, qualifications: new Map() }).find((y) => y.claim.claim_id === asFiled.claim_id)!;
          expect([d.status, d.amount, d.reasons.join(';')]).toEqual([row.decision.status, row.decision.amount, row.decision.reasons.join(';')]);
          if (d.status === 'eligible') payable++;
        }
        // a certificate number claimed by another person than its holder is a conflict, never a row
        for (const k of r.conflicts_) expect(r.rows.some((row) => row.certificate.certificate_no === k.certificate_no && row.certificate.person_id === k.person_id)).toBe(false);
      }),
      RUNS,
    );
    // not vacuous: rows were decided, some of them payable
    expect(rowsSeen).toBeGreaterThan(20);
    expect(payable).toBeGreaterThan(3);
  });

  it('at the boundaries: 11 insured months is not enough, 12 is; the deadline is the claim window after the certificate', () => {
    const P = PEOPLE[0]!;
    const cert: Certificate = { person_id: P, certificate_no: 'K1', certificate_type: 'skill_level', occupation: '电工', level: 4, certificate_date: '2024-03-01', line: 2 };
    const ins = (n: number) => months(Array.from({ length: n }, (_, k) => ({ person: P, month: addMonths('2023-07-01', k).slice(0, 7), employer: A })));
    const at = (n: number) => matchCertificates(rules, { certificates: [cert], insurance: ins(n), catalog: EXAMPLE }, '2024-06-30').rows[0]!;
    expect(at(11).decision.reasons).toContain('insured_months_insufficient');
    expect([at(12).decision.status, at(12).decision.amount, at(12).claim.enterprise_id]).toEqual(['eligible', 150000, A]);
    const window = rules.count('subsidy.claim_window_months', '2024-06-30');
    expect(at(12).deadline).toBe(addMonths('2024-03-01', window));
    // past the deadline: listed only with includeExpired, as lost
    const late = addMonths('2024-03-01', window + 1);
    expect(matchCertificates(rules, { certificates: [cert], insurance: ins(30), catalog: EXAMPLE }, late).rows).toEqual([]);
    const lost = matchCertificates(rules, { certificates: [cert], insurance: ins(30), catalog: EXAMPLE }, late, { includeExpired: true }).rows[0]!;
    expect(lost.daysLeft).toBeLessThan(0);
    expect(lost.decision.reasons).toContain('claim_window_expired');
  });

  it('lists a certificate claimed by another person, and one listed twice, as conflicts; neither is paid', () => {
    const [P, Q] = [PEOPLE[0]!, PEOPLE[1]!];
    const cert = (person: string, no: string, line: number): Certificate => ({ person_id: person, certificate_no: no, certificate_type: 'skill_level', occupation: '电工', level: 4, certificate_date: '2024-03-01', line });
    const claim: Claim = { claim_id: 'C1', person_id: Q, program: 'skill_upgrade', group: 'employee', claim_date: '2024-04-01', certificate_no: 'X1', certificate_date: '2024-03-01', occupation: '电工', level: 4, certificate_type: 'skill_level', insured_months: 36, line: 2 };
    const r = matchCertificates(rules, { certificates: [cert(P, 'X1', 2), cert(P, 'X2', 3), cert(P, 'X2', 4)], insurance: months([]), catalog: EXAMPLE, trainees: [claim] }, '2024-06-30');
    expect(r.rows).toEqual([]);
    expect(r.conflicts_.map((c) => [c.certificate_no, c.kind, c.other_person_id, c.where])).toEqual([
      ['X1', 'claimed_by_other', Q, 'C1'],
      ['X2', 'duplicate_in_registry', '', ''],
      ['X2', 'duplicate_in_registry', '', ''],
    ]);
    // one number held by two persons in the registry: both rows in conflict, neither matched
    const two = matchCertificates(rules, { certificates: [cert(P, 'Y1', 2), cert(Q, 'Y1', 3)], insurance: months([]), catalog: EXAMPLE }, '2024-06-30');
    expect([two.rows.length, two.conflicts_.map((c) => [c.person_id, c.other_person_id])]).toEqual([0, [[P, Q], [Q, P]].sort((a, b) => (a[0]! < b[0]! ? -1 : 1))]);
    expect(r.hints).toHaveLength(1);
  });

  it('as of a past day: certificates issued after it, and claims filed after it, are not counted', () => {
    const P = PEOPLE[0]!;
    const ins = months(Array.from({ length: 30 }, (_, k) => ({ person: P, month: addMonths('2022-01-01', k).slice(0, 7), employer: A })));
    const early: Certificate = { person_id: P, certificate_no: 'E1', certificate_type: 'skill_level', occupation: '电工', level: 4, certificate_date: '2023-03-01', line: 2 };
    const later: Certificate = { ...early, certificate_no: 'E2', occupation: '焊工', certificate_date: '2024-03-01', line: 3 };
    const filedLater: Claim = { claim_id: 'C9', person_id: P, program: 'skill_upgrade', group: 'employee', claim_date: '2024-01-10', certificate_no: 'E1', certificate_date: '2023-03-01', occupation: '电工', level: 4, certificate_type: 'skill_level', insured_months: 24, line: 2 };
    const r = matchCertificates(rules, { certificates: [early, later], insurance: ins, catalog: EXAMPLE, trainees: [filedLater] }, '2023-06-30');
    expect(r.rows.map((x) => [x.certificate.certificate_no, x.decision.status])).toEqual([['E1', 'eligible']]);
    expect(r.used).toBe(0);
  });
});
