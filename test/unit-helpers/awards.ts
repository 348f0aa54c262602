/**
 * Small builders for the talent award unit tables (RULES §5, CONTRACT §6): award rows with a
 * recipient of the right kind for their program (override only what a case is about), history
 * rows, parameter overrides, and decisions back as short text.
 */
import { decideAwards, type AwardDecision } from '../../src/calculators/awards.js';
import { personIdCheckChar } from '../../src/domain/ids.js';
import { formatFen } from '../../src/domain/money.js';
import type { Award, AwardHistoryEntry } from '../../src/domain/records.js';
import { AWARD_RECIPIENT, type AwardProgram } from '../../src/domain/vocabulary.js';
import { Rules, type Entry } from '../../src/rules/index.js';
import { fen } from './education.js';

export const rules = new Rules();

/** A valid 居民身份证号 of a person born in Cixi on `birth`. */
export function pid(birth: string, seq = 12): string {
  const first17 = `330282${birth.replace(/-/g, '')}${String(seq).padStart(2, '0')}1`;
  return first17 + personIdCheckChar(first17)!;
}

export const P1 = pid('1970-05-01');
export const P2 = pid('1985-11-30', 34);
export const E1 = '91330282MA2B000016';
export const E2 = '91330282MA2B000029';
export const S1 = 'CX-DSGZS-01';

/** The recipient of each kind a row gets unless a case names one. */
const DEFAULT_RECIPIENT = { person: P1, enterprise: E1, studio: S1 } as const;

let n = 0;

export type AwardIn = { program: AwardProgram } & { [K in Exclude<keyof Award, 'program'>]?: Award[K] };

/** An award row of 2024 with an id of its own (`A<n>`) unless one is given. */
export function award(a: AwardIn): Award {
  const k = ++n;
  return {
    award_id: `A${String(k).padStart(4, '0')}`,
    recipient_id: DEFAULT_RECIPIENT[AWARD_RECIPIENT[a.program]],
    year: 2024,
    line: k + 1,
    ...a,
  };
}

/** A studio's yearly reviews, one row per [year, rating]. */
export const reviews = (list: readonly [number, Award['rating']][], studio = S1): Award[] =>
  list.map(([year, rating]) => award({ program: 'master_studio_rating', recipient_id: studio, year, rating, award_id: `R-${studio}-${year}` }));

export type HistoryIn = { program: AwardProgram } & { [K in Exclude<keyof AwardHistoryEntry, 'program' | 'amount'>]?: AwardHistoryEntry[K] } & { amount?: string | number };

/** An award paid before (award-history.csv), amounts in yuan. */
export function paid(h: HistoryIn): AwardHistoryEntry {
  const k = ++n;
  const { amount, ...rest } = h;
  return {
    award_id: `H${k}`,
    recipient_id: DEFAULT_RECIPIENT[AWARD_RECIPIENT[h.program]],
    year: 2020,
    line: k + 1,
    ...rest,
    ...(amount !== undefined ? { amount: fen(amount) } : {}),
  };
}

/** The built-in rules with whole series replaced: `{ key: value }` from 2008-01-01. */
export function override(values: Record<string, string>): Rules {
  return rules.withOverrides(new Map(Object.entries(values).map(([k, value]): [string, Entry[]] => [k, [{ from: '2008-01-01', value, source: 'test', status: 'unverified' }]])), 'test.json');
}

export function decide(awards: readonly Award[], history: readonly AwardHistoryEntry[] = [], r: Rules = rules): AwardDecision[] {
  return decideAwards(r, { awards, history });
}

/** "eligible 50000.00", "ineligible 0.00 duplicate_award", or "-" for a review that is not reported. */
export function outcome(d: AwardDecision): string {
  if (!d.reported) return '-';
  return `${d.status} ${formatFen(d.amount)}${d.reasons.length ? ' ' + d.reasons.join(';') : ''}`;
}

/** The outcome of each row, in the order the rows were given. */
export function outcomes(awards: readonly Award[], history: readonly AwardHistoryEntry[] = [], r: Rules = rules): string[] {
  const by = new Map(decide(awards, history, r).map((d) => [d.award.award_id, d]));
  return awards.map((a) => outcome(by.get(a.award_id)!));
}

/** The outcome of one row decided alone. */
export const one = (a: AwardIn, history: readonly AwardHistoryEntry[] = [], r: Rules = rules) => outcomes([award(a)], history, r)[0]!;
