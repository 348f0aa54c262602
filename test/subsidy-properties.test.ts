/**
 * Invariants of the training subsidy decisions (RULES §4.2, CONTRACT §5), over random claim
 * files of a few persons with overlapping occupations, levels, certificate numbers and dates,
 * and a random history: the outcome of a claim does not depend on the order of the rows; no
 * person is paid twice for one occupation and level, or twice on one certificate; at most
 * subsidy.yearly_cap counted subsidies a person and calendar year; month limits hold; eligible
 * exactly when no blocking reason; nothing paid when ineligible. Run on decideClaims, and on
 * CSV files through the subsidy pipeline for the row order. Each property then asserts what its
 * cases covered (helpers/coverage.ts: the share of eligible claims, every reason code, partial
 * payments…), so that a generator change cannot let it pass vacuously.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimOrder, type Decision, REASONS } from '../src/calculators/training-subsidy.js';
import type { Claim, HistoryEntry } from '../src/domain/records.js';
import { GROUPS, type Program } from '../src/domain/vocabulary.js';
import { Dec, formatFen } from '../src/domain/money.js';
import { normalizeLabel } from '../src/io/values.js';
import { runSubsidy } from './helpers/run.js';
import type { Rules } from '../src/rules/index.js';
import { tempDirs } from './helpers/files.js';
import { Coverage } from './helpers/coverage.js';
import { decide, EXAMPLE, ID, ID2, MAN, OTHER, override, pid, rules, WOMAN } from './unit-helpers/subsidy.js';

// PROP_RUNS=2000 npx vitest run test/subsidy-properties.test.ts for a longer search
const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 150) };
const FILE_RUNS = { numRuns: Math.max(5, Math.round(RUNS.numRuns / 6)) };

const COUNTED: Program[] = ['training', 'skill_upgrade', 'apprenticeship'];
const CERTIFICATE_PAID: Program[] = ['training', 'skill_upgrade'];
const MONTH_LIMIT: Partial<Record<Program, number>> = { apprenticeship: 24, work_based: 6 };

// ── generators ────────────────────────────────────────────────────────────────
/** Three valid persons (one a woman near 50, one a man near 60 in the 2020s) and one invalid 身份证号. */
const OLD_MAN = pid('1963-07-01');
const PERSONS = [MAN, WOMAN, OTHER, OLD_MAN, MAN.slice(0, 17) + (MAN[17] === '0' ? '1' : '0')];
/** Spellings that are the same occupation once folded (case, full width, spaces). */
const OCCUPATIONS = ['电工', ' 电工', '焊工', 'CNC操作工', 'ｃｎｃ操作工', '数控车工'];
const CERT_NOS = ['Z1', 'Z2', 'Z3', 'Z4', 'Z5'];
const PROGRAMS: Program[] = ['training', 'skill_upgrade', 'apprenticeship', 'work_based', 'shortage_post'];

const DAY = 86_400_000;
const dateArb = (from: string, to: string): fc.Arbitrary<string> =>
  fc.integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));

/** Sometimes absent. */
const maybe = <T>(a: fc.Arbitrary<T>, absent = 1, present = 6): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: absent }, { arbitrary: a, weight: present });

/** Mostly values that pass, so that many claims are eligible and the rules across claims bite. */
const mostly = <T>(good: fc.Arbitrary<T>, other: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof({ arbitrary: good, weight: 5 }, { arbitrary: other, weight: 1 });

const claimArb = fc.record({
  person_id: fc.oneof({ arbitrary: fc.constantFrom(MAN, MAN, WOMAN), weight: 6 }, { arbitrary: fc.constantFrom(...PERSONS), weight: 2 }),
  program: fc.constantFrom(...PROGRAMS, 'training', 'skill_upgrade'),
  group: mostly(fc.constant('employee' as const), fc.constantFrom(...GROUPS)),
  // few distinct years and days, so that the yearly cap bites and claims of one date are ordered by claim_id
  claim_date: fc.oneof(
    { arbitrary: dateArb('2024-01-01', '2025-12-31'), weight: 4 },
    { arbitrary: dateArb('2020-06-01', '2025-12-31'), weight: 2 },
    { arbitrary: fc.constantFrom('2021-03-01', '2024-03-01', '2025-03-01'), weight: 2 },
  ),
  enterprise_id: maybe(fc.constantFrom(ID, ID2)),
  occupation: maybe(fc.constantFrom(...OCCUPATIONS), 1, 20),
  level: mostly(fc.integer({ min: 3, max: 5 }), maybe(fc.integer({ min: 1, max: 2 }))),
  certificate_type: mostly(fc.constantFrom('skill_level', 'qualification' as const), maybe(fc.constantFrom('completion', 'none' as const))),
  certificate_no: maybe(fc.constantFrom(...CERT_NOS)),
  /** months before the claim date (negative: a certificate dated after the claim, claim_before_certificate) */
  certAge: mostly(fc.integer({ min: 0, max: 12 }), maybe(fc.oneof({ arbitrary: fc.integer({ min: 12, max: 50 }), weight: 3 }, { arbitrary: fc.integer({ min: -3, max: -1 }), weight: 1 }))),
  route: maybe(mostly(fc.constantFrom('standard', 'competition' as const), fc.constantFrom('self_evaluation', 'dual_certificate' as const)), 4),
  insured_months: mostly(fc.integer({ min: 12, max: 60 }), maybe(fc.integer({ min: 0, max: 36 }))),
  contract_months: mostly(fc.integer({ min: 36, max: 48 }), maybe(fc.integer({ min: 0, max: 36 }))),
  // the reader refuses an apprenticeship or work_based claim of 0 months
  months: fc.integer({ min: 1, max: 14 }),
  /** sorts claim ids apart from dates */
  idKey: fc.integer({ min: 0, max: 99 }),
});
type ClaimSpec = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

function certDate(claimDate: string, monthsBefore: number): string {
  const d = new Date(`${claimDate}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - monthsBefore);
  return d.toISOString().slice(0, 10);
}

function toClaim(s: ClaimSpec, i: number): Claim {
  const c: Record<string, unknown> = {
    claim_id: `K${String(s.idKey).padStart(2, '0')}-${i}`,
    person_id: s.person_id,
    program: s.program,
    group: s.group,
    claim_date: s.claim_date,
    enterprise_id: s.enterprise_id,
    occupation: s.occupation,
    level: s.level,
    certificate_type: s.certificate_type,
    certificate_no: s.certificate_no,
    certificate_date: s.certAge === undefined ? undefined : certDate(s.claim_date, s.certAge),
    route: s.route,
    insured_months: s.insured_months,
    contract_months: s.contract_months,
    // the reader refuses an apprenticeship or work_based claim without months
    months: s.program === 'apprenticeship' || s.program === 'work_based' ? s.months : s.months % 3 === 0 ? undefined : s.months,
    line: i + 2,
  };
  for (const k of Object.keys(c)) if (c[k] === undefined) delete c[k];
  return c as unknown as Claim;
}

const historyArb = fc.record({
  person_id: fc.constantFrom(...PERSONS.slice(0, 4)),
  program: fc.constantFrom(...PROGRAMS),
  paid_date: fc.oneof(dateArb('2019-01-01', '2025-12-31'), dateArb('2024-01-01', '2025-12-31')),
  occupation: maybe(fc.constantFrom(...OCCUPATIONS)),
  level: maybe(fc.integer({ min: 1, max: 5 })),
  certificate_no: maybe(fc.constantFrom(...CERT_NOS), 3),
  months: maybe(fc.integer({ min: 0, max: 8 })),
});

type HistorySpec = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

function toHistory(h: HistorySpec, i: number): HistoryEntry {
  // the reader refuses an apprenticeship or work_based payment without its months
  const months = h.months ?? (h.program === 'apprenticeship' || h.program === 'work_based' ? 0 : undefined);
  const e: Record<string, unknown> = { ...h, months, amount: 100000, line: i + 2 };
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  return e as unknown as HistoryEntry;
}

interface Scenario {
  claims: Claim[];
  history: HistoryEntry[];
  cap: number;
  rules: Rules;
  /** a permutation seed */
  seed: number;
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    claims: fc.array(claimArb, { minLength: 1, maxLength: 14 }),
    history: fc.array(historyArb, { maxLength: 6 }),
    cap: fc.oneof({ arbitrary: fc.constant(3), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 }),
    seed: fc.integer(),
  })
  .map((s) => ({
    claims: s.claims.map(toClaim),
    history: s.history.map(toHistory),
    cap: s.cap,
    rules: s.cap === 3 ? rules : override({ 'subsidy.yearly_cap': String(s.cap) }),
    seed: s.seed,
  }));

/** A deterministic shuffle (Fisher–Yates over a small LCG). */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const run = (s: Scenario, claims = s.claims, history = s.history): Decision[] => decide({ claims, history, rules: s.rules, catalog: EXAMPLE });

/** What a claim's row in subsidies.csv shows, and the months paid. */
function result(d: Decision): string {
  return [d.claim.claim_id, d.status, formatFen(d.amount), d.reasons.join(';'), d.refs.join(';'), d.paidMonths ?? ''].join('|');
}
const results = (ds: readonly Decision[]) => ds.map(result).sort();

const occ = (o: string | undefined) => (o === undefined ? undefined : normalizeLabel(o));
const year = (date: string) => Number(date.slice(0, 4));
const eligible = (ds: readonly Decision[]) => ds.filter((d) => d.status === 'eligible');

// ── coverage: what the generated cases exercised, asserted after each fc.assert ──
/** Counts a scenario and each of its decisions under what they exercise. */
function observe(cov: Coverage, s: Scenario, ds: readonly Decision[]): void {
  cov.count('scenarios');
  cov.count('scenarios with history', s.history.length > 0);
  cov.count('scenarios with a cap other than 3', s.cap !== 3);
  for (const d of ds) {
    cov.count('claims');
    cov.count('eligible', d.status === 'eligible');
    cov.count(`eligible ${d.claim.program}`, d.status === 'eligible');
    cov.count('several reasons', d.reasons.length > 1);
    for (const r of d.reasons) cov.count(r);
    // duration_exceeded with some months left: paid for the months left
    cov.count('duration_exceeded partial', d.status === 'eligible' && d.reasons.includes('duration_exceeded'));
  }
}

/**
 * What every property over scenarioArb must see. Measured over runs of 150 scenarios (830–1,020
 * claims): eligible 30–36% of the claims, several reasons 33–43%; every reason code of REASONS,
 * the rarest cert_held_too_short 7–25 times a run, yearly_cap_reached 8–32, claim_before_certificate
 * 12–32, route_excluded 16–36; duration_exceeded paid in part 5–18 times; eligible claims of
 * training, skill_upgrade and apprenticeship 50 and more, of work_based 12–29, of shortage_post 0–4
 * (too rare to assert: its conditions all have to hold at once); history in 76–90% of the
 * scenarios, a yearly cap other than 3 in 15–39. The thresholds are far below (the seeds are random).
 */
function expectCoverage(cov: Coverage): Coverage {
  cov.show().atLeast('eligible', 'claims', 0.15).atMost('eligible', 'claims', 0.6).atLeast('several reasons', 'claims', 0.15);
  for (const r of REASONS) cov.seen(r);
  for (const p of ['training', 'skill_upgrade', 'apprenticeship'] as const) cov.seen(`eligible ${p}`, 15);
  return cov.seen('eligible work_based', 2).seen('duration_exceeded partial').atLeast('scenarios with history', 'scenarios', 0.5).seen('scenarios with a cap other than 3', 5);
}

describe('order of rows', () => {
  it('the outcome of every claim does not depend on the order of claims in the input', () => {
    const cov = new Coverage('claim order');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = run(s);
        observe(cov, s, a);
        const shuffled = shuffle(s.claims, s.seed);
        cov.count('claims shuffled', shuffled.some((c, i) => c !== s.claims[i]));
        const b = run(s, shuffled);
        expect(results(b)).toEqual(results(a));
        // and they come back in (claim_date, claim_id) order
        expect(b.map((d) => d.claim.claim_id)).toEqual(a.map((d) => d.claim.claim_id));
        expect([...a].sort((x, y) => claimOrder(x.claim, y.claim))).toEqual(a);
      }),
      RUNS,
    );
    expectCoverage(cov).atLeast('claims shuffled', 'scenarios', 0.5); // 77–91% measured
  });

  it('nor on the order of the history rows (status, amount and reasons)', () => {
    const cov = new Coverage('history order');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const brief = (ds: Decision[]) => ds.map((d) => [d.claim.claim_id, d.status, d.amount, d.reasons.join(';'), d.paidMonths]);
        const ds = run(s);
        observe(cov, s, ds);
        cov.count('history of two rows or more', s.history.length > 1);
        expect(brief(run(s, s.claims, shuffle(s.history, s.seed)))).toEqual(brief(ds));
      }),
      RUNS,
    );
    expectCoverage(cov).atLeast('history of two rows or more', 'scenarios', 0.4); // 63–72% measured
  });
});

describe('across claims and the history (RULES §4.2)', () => {
  it('no person is paid twice for one occupation and level, nor twice on one certificate, nor a lower level after a higher one (training, skill_upgrade)', () => {
    const cov = new Coverage('once per occupation, level, certificate');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ds = run(s);
        observe(cov, s, ds);
        const byPerson = new Map<string, { occ?: string; level?: number; cert?: string; from: string }[]>();
        for (const h of s.history) {
          if (!CERTIFICATE_PAID.includes(h.program)) continue;
          const list = byPerson.get(h.person_id) ?? [];
          list.push({ occ: occ(h.occupation), level: h.level, cert: h.certificate_no, from: `history ${h.line}` });
          byPerson.set(h.person_id, list);
        }
        // decisions come in claim order: each eligible one is checked against what was paid before it
        for (const d of eligible(ds)) {
          const c = d.claim;
          if (!CERTIFICATE_PAID.includes(c.program)) continue;
          const before = byPerson.get(c.person_id) ?? [];
          const o = occ(c.occupation);
          if (o !== undefined && c.level !== undefined) {
            expect(before.filter((p) => p.occ === o && p.level === c.level), `${c.claim_id} ${o} ${c.level}`).toEqual([]);
            expect(before.filter((p) => p.occ === o && p.level !== undefined && p.level < c.level!), `${c.claim_id} lower after higher`).toEqual([]);
          }
          if (c.certificate_no !== undefined) expect(before.filter((p) => p.cert === c.certificate_no), `${c.claim_id} certificate`).toEqual([]);
          before.push({ occ: o, level: c.level, cert: c.certificate_no, from: c.claim_id });
          byPerson.set(c.person_id, before);
        }
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('at most subsidy.yearly_cap counted subsidies a person and calendar year, the history included', () => {
    const cov = new Coverage('yearly cap');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ds = run(s);
        observe(cov, s, ds);
        const key = (p: string, y: number) => `${p} ${y}`;
        const history = new Map<string, number>();
        for (const h of s.history) if (COUNTED.includes(h.program)) history.set(key(h.person_id, year(h.paid_date)), (history.get(key(h.person_id, year(h.paid_date))) ?? 0) + 1);
        const claims = new Map<string, number>();
        for (const d of eligible(ds)) if (COUNTED.includes(d.claim.program)) claims.set(key(d.claim.person_id, year(d.claim.claim_date)), (claims.get(key(d.claim.person_id, year(d.claim.claim_date))) ?? 0) + 1);
        for (const [k, n] of claims) expect(n, k).toBeLessThanOrEqual(Math.max(0, s.cap - (history.get(k) ?? 0)));
        // and skill_upgrade once a year from 2025 (the example catalogue marks no skill_upgrade row shortage)
        const upgrades = new Map<string, number>();
        for (const h of s.history) if (h.program === 'skill_upgrade' && year(h.paid_date) >= 2025) upgrades.set(key(h.person_id, year(h.paid_date)), (upgrades.get(key(h.person_id, year(h.paid_date))) ?? 0) + 1);
        const paidUpgrades = new Map<string, number>();
        for (const d of eligible(ds)) if (d.claim.program === 'skill_upgrade' && year(d.claim.claim_date) >= 2025) paidUpgrades.set(key(d.claim.person_id, year(d.claim.claim_date)), (paidUpgrades.get(key(d.claim.person_id, year(d.claim.claim_date))) ?? 0) + 1);
        for (const [k, n] of paidUpgrades) expect(n, k).toBeLessThanOrEqual(Math.max(0, 1 - (upgrades.get(k) ?? 0)));
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('the months paid never exceed the limits (apprenticeship 24, work_based 6 a person), nor the months claimed', () => {
    const cov = new Coverage('month limits');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ds = run(s);
        observe(cov, s, ds);
        for (const [program, limit] of Object.entries(MONTH_LIMIT) as [Program, number][]) {
          for (const person of PERSONS) {
            const before = s.history.filter((h) => h.person_id === person && h.program === program).reduce((a, h) => a + (h.months ?? 0), 0);
            const mine = ds.filter((d) => d.claim.person_id === person && d.claim.program === program);
            const paid = eligible(mine).reduce((a, d) => a + d.paidMonths!, 0);
            expect(paid, `${person} ${program}`).toBeLessThanOrEqual(Math.max(0, limit - before));
            for (const d of mine) {
              expect(d.paidMonths).toBeDefined();
              expect(d.paidMonths!).toBeLessThanOrEqual(d.claim.months!);
            }
          }
        }
        // The old monthly shortage-post regime (#10 item 11, RULES §4.1) pays by the month a person
        // first paid before 2023 (subsidy.shortage_post.monthly_regime): at most 36 months.
        const monthlyShortage = (person: string) => s.history.some((h) => h.person_id === person && h.program === 'shortage_post' && h.paid_date < '2023-01-01');
        for (const d of ds) {
          if (d.claim.program in MONTH_LIMIT) continue;
          if (d.claim.program === 'shortage_post' && monthlyShortage(d.claim.person_id)) expect(d.paidMonths).toBeDefined();
          else expect(d.paidMonths).toBeUndefined();
        }
      }),
      RUNS,
    );
    expectCoverage(cov);
  });
});

describe('the decision itself', () => {
  it('eligible ⇔ no blocking reason (duration_exceeded with some months left only trims the months); a catalogue row when eligible', () => {
    const cov = new Coverage('eligible ⇔ no blocking reason');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ds = run(s);
        observe(cov, s, ds);
        for (const d of ds) {
          // Past the years of a first monthly shortage_post payment (RULES §4.1), duration_exceeded
          // blocks whatever months are left.
          const beyondYears = d.trace?.some((t) => t.label === 'within the years of the first payment' && t.value !== 'ok') ?? false;
          const blocking = d.reasons.filter((r) => !(r === 'duration_exceeded' && (d.paidMonths ?? 0) > 0 && !beyondYears));
          expect(d.status === 'eligible', `${d.claim.claim_id}: ${d.reasons.join(';')}`).toBe(blocking.length === 0);
          if (d.status === 'eligible') expect(d.catalog).toBeDefined();
          if (d.reasons.includes('duration_exceeded') && d.status === 'eligible') expect(d.paidMonths!).toBeLessThan(d.claim.months!);
          // reasons: contract codes, in the contract's order, each once
          expect(d.reasons).toEqual(REASONS.filter((r) => d.reasons.includes(r)));
        }
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('amount 0.00 when ineligible; when eligible, the catalogue amount by its unit (per_year × months / 12 half-up)', () => {
    const cov = new Coverage('amount');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ds = run(s);
        observe(cov, s, ds);
        for (const d of ds) {
          if (d.status === 'ineligible') {
            expect(d.amount, d.claim.claim_id).toBe(0);
            continue;
          }
          const row = d.catalog!;
          const months = d.paidMonths ?? 0;
          const want =
            row.unit === 'per_claim'
              ? row.amount
              : row.unit === 'per_month'
                ? row.amount * months
                : new Dec(row.amount).mul(months).div(12).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
          expect(d.amount, d.claim.claim_id).toBe(want);
          expect(Number.isInteger(d.amount) && d.amount >= 0).toBe(true);
        }
      }),
      RUNS,
    );
    expectCoverage(cov);
  });

  it('an invalid 身份证号 is never paid, and never counts against the person', () => {
    const cov = new Coverage('invalid 身份证号');
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ds = run(s);
        observe(cov, s, ds);
        cov.count('scenarios with an invalid 身份证号 among valid ones', ds.some((d) => d.claim.person_id === PERSONS[4]) && ds.some((d) => d.claim.person_id !== PERSONS[4]));
        for (const d of ds) if (d.claim.person_id === PERSONS[4]) expect(d.reasons).toContain('invalid_person_id');
        const without = run(s, s.claims.filter((c) => c.person_id !== PERSONS[4]));
        const valid = ds.filter((d) => d.claim.person_id !== PERSONS[4]);
        expect(results(without)).toEqual(results(valid));
      }),
      RUNS,
    );
    expectCoverage(cov).seen('scenarios with an invalid 身份证号 among valid ones', 8); // 32–47 measured
  });
});

// ── through the files: the reader and the pipeline ─────────────────────────────
const tempDir = tempDirs('skilltax-subsidy-prop-');

const TRAINEE_COLUMNS = [
  'claim_id',
  'person_id',
  'program',
  'group',
  'claim_date',
  'enterprise_id',
  'occupation',
  'level',
  'certificate_type',
  'certificate_no',
  'certificate_date',
  'route',
  'insured_months',
  'contract_months',
  'months',
] as const;

function cell(v: unknown): string {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function traineesCsv(claims: readonly Claim[]): string {
  return [TRAINEE_COLUMNS.join(','), ...claims.map((c) => TRAINEE_COLUMNS.map((k) => cell((c as unknown as Record<string, unknown>)[k])).join(',')), ''].join('\n');
}

function historyCsv(history: readonly HistoryEntry[]): string {
  const cols = ['person_id', 'program', 'paid_date', 'amount', 'occupation', 'level', 'certificate_no', 'months'] as const;
  return [cols.join(','), ...history.map((h) => cols.map((k) => (k === 'amount' ? formatFen(h.amount) : cell((h as unknown as Record<string, unknown>)[k]))).join(',')), ''].join('\n');
}

const CATALOG = new URL('../fixtures/catalog-example.csv', import.meta.url).pathname;

describe('through the files (runSubsidy)', () => {
  it('shuffling the rows of trainees.csv and history.csv changes no claim’s outcome, and the file gives what decideClaims gives', async () => {
    const cov = new Coverage('through the files');
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const dir = tempDir();
        const o = { encoding: 'auto' as const, maxErrors: 100 };
        writeFileSync(join(dir, 'a.csv'), traineesCsv(s.claims));
        writeFileSync(join(dir, 'b.csv'), traineesCsv(shuffle(s.claims, s.seed)));
        writeFileSync(join(dir, 'ha.csv'), historyCsv(s.history));
        writeFileSync(join(dir, 'hb.csv'), historyCsv(shuffle(s.history, s.seed + 1)));
        const a = await runSubsidy({ trainees: join(dir, 'a.csv'), catalog: CATALOG, history: join(dir, 'ha.csv') }, {}, s.rules, o);
        const b = await runSubsidy({ trainees: join(dir, 'b.csv'), catalog: CATALOG, history: join(dir, 'hb.csv') }, {}, s.rules, o);
        const brief = (ds: Decision[]) => ds.map((d) => [d.claim.claim_id, d.status, formatFen(d.amount), d.reasons.join(';'), d.paidMonths]).sort();
        observe(cov, s, a.decisions);
        expect(brief(b.decisions)).toEqual(brief(a.decisions));
        expect(brief(a.decisions)).toEqual(brief(run(s)));
      }),
      FILE_RUNS,
    );
    // 25 runs, 147–200 claims: measured eligible 25–35%, several reasons 20–38%
    cov.show().atLeast('eligible', 'claims', 0.1).atMost('eligible', 'claims', 0.75).atLeast('several reasons', 'claims', 0.1);
  });
});
