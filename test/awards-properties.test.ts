/**
 * Invariants of the award decisions (RULES §5, CONTRACT §6) over random award files of a few
 * recipients (a person with an invalid 身份证号 among them), studios with random yearly reviews,
 * and a random history, under both repeat rules of the excellence reward: the decisions do not
 * depend on the order of the rows (in memory, and through CSV files and the loader); no recipient
 * is paid twice for a once-only award (a title, the housing allowance, a 技能之星 event, an
 * enterprise award a year, a studio level, the excellence reward once per studio or once per run);
 * eligible exactly when no reason, nothing paid when ineligible. Each property then asserts what
 * its cases covered (helpers/coverage.ts), so that a generator change cannot let it pass vacuously.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awardPaymentsTable, awards as awardsCalculator, computeAwards, type AwardDecision, AWARD_REASONS } from '../src/calculators/awards.js';
import type { Award, AwardHistoryEntry } from '../src/domain/records.js';
import { AWARD_PROGRAMS, AWARD_RECIPIENT, RATINGS, STUDIO_LEVELS, type AwardProgram, type StudioLevel } from '../src/domain/vocabulary.js';
import { loadCalculatorInputs } from '../src/engine/index.js';
import { Coverage } from './helpers/coverage.js';
import { tempDirs } from './helpers/files.js';
import { decide, E1, E2, override, P1, P2, pid, rules } from './unit-helpers/awards.js';

// PROP_RUNS=2000 npx vitest run test/awards-properties.test.ts for a longer search
const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 200) };
const FILE_RUNS = { numRuns: Math.max(5, Math.round(RUNS.numRuns / 8)) };

const BAD = P1.slice(0, 17) + (P1[17] === '0' ? '1' : '0');
const P3 = pid('1979-09-09', 56);
const PERSONS = [P1, P1, P2, P3, BAD];
const ENTERPRISES = [E1, E2, E1.toLowerCase()];
const STUDIOS = ['S-1', 'S-2'];
const EVENTS = ['2022年技能之星', '2024年技能之星'];
const LEVELS = ['city', 'ningbo', 'province', 'national', '1', '2', '3', 'county'];
const PER_RUN = override({ 'awards.master_studio_rating.repeat': 'per_run' });

const recipientArb = (p: AwardProgram) => fc.constantFrom(...{ person: PERSONS, enterprise: ENTERPRISES, studio: STUDIOS }[AWARD_RECIPIENT[p]]);
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: a, weight: 5 });

/** One row of any program but the reviews (those come per studio and year, below). */
const rowArb = fc
  // studio grants and retention twice as often: their refusals need a second row of the same recipient
  .constantFrom(...AWARD_PROGRAMS.filter((p) => p !== 'master_studio_rating'), 'master_studio', 'master_studio', 'shortage_retention')
  .chain((program) =>
    fc.record({
      program: fc.constant(program),
      recipient_id: recipientArb(program),
      // retention from 2023 (its parameter starts then)
      year: program === 'shortage_retention' ? fc.integer({ min: 2023, max: 2024 }) : fc.integer({ min: 2019, max: 2024 }),
      level: program === 'master_studio' ? maybe(fc.constantFrom(...LEVELS, 'city', 'ningbo')) : maybe(fc.constantFrom(...LEVELS)),
      rating: fc.constantFrom(...RATINGS, 'excellent'),
      rank: fc.integer({ min: 0, max: 6 }),
      count: fc.integer({ min: 0, max: 3 }),
      prior_count: fc.integer({ min: 0, max: 3 }),
      event: maybe(fc.constantFrom(...EVENTS)),
      award_date: maybe(fc.constantFrom('05-01', '12-31', '06-30')),
    }),
  );

/** Each studio's reviews: a rating (mostly excellent) or none for each year 2016–2024. */
const reviewsArb = fc.tuple(
  ...STUDIOS.map(() => fc.array(fc.oneof({ arbitrary: fc.constant('excellent' as const), weight: 6 }, { arbitrary: fc.constantFrom(...RATINGS, undefined), weight: 2 }), { minLength: 9, maxLength: 9 })),
);

const historyArb = fc.array(
  fc.constantFrom(...AWARD_PROGRAMS).chain((program) =>
    fc.record({
      program: fc.constant(program),
      recipient_id: recipientArb(program).filter((id) => id !== BAD),
      year: fc.integer({ min: 2015, max: 2022 }),
      level: fc.constantFrom('city', 'ningbo', 'province', 'national'),
      event: maybe(fc.constantFrom(...EVENTS)),
    }),
  ),
  { maxLength: 4 },
);

interface Case {
  awards: Award[];
  history: AwardHistoryEntry[];
}

const caseArb: fc.Arbitrary<Case> = fc.record({ rows: fc.array(rowArb, { maxLength: 25 }), reviews: reviewsArb, history: historyArb }).map(({ rows, reviews, history }) => {
  const awards: Award[] = [];
  rows.forEach((r, i) => {
    const { award_date, level, event, ...rest } = r;
    awards.push({
      ...rest,
      award_id: `A${String(i).padStart(3, '0')}`,
      ...(level !== undefined ? { level } : {}),
      ...(event !== undefined ? { event } : {}),
      ...(award_date !== undefined ? { award_date: `${r.year}-${award_date}` } : {}),
      line: i + 2,
    } as Award);
  });
  STUDIOS.forEach((studio, s) =>
    reviews[s]!.forEach((rating, y) => {
      if (rating === undefined) return;
      const year = 2016 + y;
      awards.push({ award_id: `R${s}-${year}`, program: 'master_studio_rating', recipient_id: studio, year, rating, line: awards.length + 2 });
    }),
  );
  const hist = history.map((h, i): AwardHistoryEntry => {
    const id = AWARD_RECIPIENT[h.program] === 'studio' ? h.recipient_id : h.recipient_id.toUpperCase();
    return { award_id: `H${i}`, program: h.program, recipient_id: id, year: h.year, line: i + 2, ...(h.program === 'master_studio' ? { level: h.level } : {}), ...(h.event ? { event: h.event } : {}) };
  });
  return { awards, history: hist };
});

const view = (d: AwardDecision) => ({ status: d.status, amount: d.amount, reasons: d.reasons, refs: d.refs, benefits: d.benefits, reported: d.reported, recipient: d.recipient });
const byId = (ds: AwardDecision[]) => Object.fromEntries(ds.map((d) => [d.award.award_id, view(d)]));

/** What may be paid once only: program, recipient and scope, by the repeat rule. */
function onceKeys(d: { program: AwardProgram; recipient: string; year: number; level?: string; event?: string }, repeat: string): string | undefined {
  const event = d.event === undefined ? String(d.year) : d.event.normalize('NFKC').trim().toLowerCase();
  switch (d.program) {
    case 'master_studio':
      return `${d.program} ${d.recipient} ${d.level}`;
    case 'master_studio_rating':
      return repeat === 'once' ? `${d.program} ${d.recipient}` : `${d.program} ${d.recipient} ${d.year}`;
    case 'skill_star':
      return `${d.program} ${d.recipient} ${event}`;
    case 'shortage_retention':
    case 'certification_enterprise':
      return `${d.program} ${d.recipient} ${d.year}`;
    default:
      return `${d.program} ${d.recipient}`;
  }
}

describe('the order of the rows changes nothing', () => {
  it('decideAwards on the rows and history in any order', () => {
    const cov = new Coverage('order');
    fc.assert(
      fc.property(caseArb, fc.boolean(), fc.integer(), (c, perRun, seed) => {
        const r = perRun ? PER_RUN : rules;
        const base = byId(decide(c.awards, c.history, r));
        const shuffle = <T>(xs: T[]) => fc.sample(fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }), { seed, numRuns: 1 })[0]!;
        const again = byId(decide(shuffle([...c.awards]), shuffle([...c.history]), r));
        expect(again).toEqual(base);
        cov.count('cases');
        cov.count('eligible rows', true, Object.values(base).filter((d) => d.status === 'eligible').length);
        cov.count('rows', true, Object.keys(base).length);
      }),
      RUNS,
    );
    cov.show().atLeast('eligible rows', 'rows', 0.15);
  });

  it('through CSV files and the loader: the same award-payments.csv whatever the order of the lines', async () => {
    const tempDir = tempDirs('skilltax-awards-prop-');
    const dir = tempDir();
    const cells = (a: Award) => [a.award_id, a.program, a.recipient_id, a.year, a.level ?? '', a.rating ?? '', a.rank ?? '', a.count ?? '', a.prior_count ?? '', a.event ?? '', a.award_date ?? ''].join(',');
    const header = 'award_id,program,recipient_id,year,level,rating,rank,count,prior_count,event,award_date';
    const table = async (lines: string[], hist: string[]) => {
      writeFileSync(join(dir, 'awards.csv'), [header, ...lines].join('\n') + '\n');
      writeFileSync(join(dir, 'award-history.csv'), ['award_id,program,recipient_id,year,level,event', ...hist].join('\n') + '\n');
      const paths = { awards: join(dir, 'awards.csv'), history: join(dir, 'award-history.csv') };
      const inputs = await loadCalculatorInputs(awardsCalculator, paths, undefined, { encoding: 'auto', maxErrors: 100 });
      return awardPaymentsTable(computeAwards({ ...inputs, awards: inputs.awards! }, { rules, range: {}, force: false, paths }).decisions);
    };
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer(), async (c, seed) => {
        const lines = c.awards.map(cells);
        const hist = c.history.map((h) => [h.award_id, h.program, h.recipient_id, h.year, h.level ?? '', h.event ?? ''].join(','));
        const shuffle = <T>(xs: T[]) => fc.sample(fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }), { seed, numRuns: 1 })[0]!;
        expect(await table(shuffle(lines), shuffle(hist))).toEqual(await table(lines, hist));
      }),
      FILE_RUNS,
    );
  });
});

describe('once-only awards are paid once', () => {
  it('no recipient is paid twice for a once-only award, counting the history; eligible exactly without reasons', () => {
    const cov = new Coverage('once');
    fc.assert(
      fc.property(caseArb, fc.boolean(), (c, perRun) => {
        const repeat = perRun ? 'per_run' : 'once';
        const ds = decide(c.awards, c.history, perRun ? PER_RUN : rules);
        const paidKeys = new Map<string, string>();
        /** studio → the highest level granted so far */
        const top = new Map<string, number>();
        for (const h of c.history) {
          if (h.program === 'master_studio') top.set(h.recipient_id, Math.max(top.get(h.recipient_id) ?? -1, STUDIO_LEVELS.indexOf(h.level as StudioLevel)));
          const key = onceKeys({ ...h, recipient: h.recipient_id }, repeat)!;
          if (!paidKeys.has(key)) paidKeys.set(key, h.award_id);
        }
        for (const d of ds) {
          expect(d.status === 'eligible').toBe(d.reasons.length === 0 && d.reported);
          if (d.status === 'ineligible') expect(d.amount).toBe(0);
          else expect(d.amount).toBeGreaterThan(0);
          expect(d.reasons.every((r) => (AWARD_REASONS as readonly string[]).includes(r))).toBe(true);
          if (!d.reported) expect(d.award.program).toBe('master_studio_rating');
          cov.count('rows');
          for (const r of d.reasons) cov.count(r);
          if (d.status !== 'eligible') continue;
          cov.count('eligible');
          const key = onceKeys({ ...d.award, recipient: d.recipient }, repeat)!;
          expect(paidKeys.get(key), `${d.award.award_id} paid again for ${key}`).toBeUndefined();
          paidKeys.set(key, d.award.award_id);
          // a studio is granted only levels above every level granted before (decisions come in decision order)
          if (d.award.program === 'master_studio') {
            cov.count('studio grants');
            const rank = STUDIO_LEVELS.indexOf(d.award.level as StudioLevel);
            expect(rank, `${d.award.award_id}: ${d.award.level} after ${top.get(d.recipient)}`).toBeGreaterThan(top.get(d.recipient) ?? -1);
            top.set(d.recipient, rank);
          }
          if (d.award.program === 'master_studio_rating') cov.count(`excellence rewards (${repeat})`);
        }
      }),
      RUNS,
    );
    cov.show().atLeast('eligible', 'rows', 0.15);
    for (const r of AWARD_REASONS) cov.seen(r);
    cov.seen('studio grants').seen('excellence rewards (once)').seen('excellence rewards (per_run)', 5);
  });
});
