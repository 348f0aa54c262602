/**
 * Small builders for the training subsidy unit tables (RULES §4, CONTRACT §5): claims with
 * sensible defaults per program (override only what a case is about), catalogue rows and
 * history rows in yuan as RULES.md writes them, and decisions back as short text.
 */
import { decideClaims, type Decision } from '../../src/calculators/training-subsidy.js';
import type { CatalogEntry, Claim, HistoryEntry } from '../../src/domain/records.js';
import type { QualificationSpan } from '../../src/domain/qualifications.js';
import { personIdCheckChar } from '../../src/domain/ids.js';
import type { Program, Unit } from '../../src/domain/vocabulary.js';
import { formatFen } from '../../src/domain/money.js';
import { Rules } from '../../src/rules/index.js';
import { fen, ID } from './education.js';

export { fen, ID, ID2, ID3, qual } from './education.js';

export const rules = new Rules();

type Yuan = string | number;

/** A valid 居民身份证号 (RULES §6) of a person born on `birth`: the 17th digit odd for a man, even for a woman. */
export function pid(birth: string, sex: 'male' | 'female' = 'male', seq = 12): string {
  const first17 = `330282${birth.replace(/-/g, '')}${String(seq).padStart(2, '0')}${sex === 'male' ? 1 : 2}`;
  const check = personIdCheckChar(first17);
  if (check === undefined) throw new Error(`not 17 digits: ${first17}`);
  return first17 + check;
}

/** The default claimant: a man born 1990-03-15. */
export const MAN = pid('1990-03-15');
export const WOMAN = pid('1985-07-20', 'female');
export const OTHER = pid('1995-01-01', 'male', 34);

// ── the catalogue ─────────────────────────────────────────────────────────────
let catLine = 1;

export interface CatIn {
  program: Program;
  occupation?: string;
  level?: number | '*';
  amount: Yuan;
  unit?: Unit;
  valid_from?: string;
  valid_to?: string;
  shortage?: boolean;
  urgent?: boolean;
  certificate_type?: CatalogEntry['certificate_type'];
  min_age?: number;
  max_age_male?: number;
  max_age_female?: number;
  source?: string;
  line?: number;
}

export function cat(r: CatIn): CatalogEntry {
  return {
    program: r.program,
    occupation: r.occupation ?? '*',
    level: r.level ?? '*',
    amount: fen(r.amount),
    unit: r.unit ?? 'per_claim',
    valid_from: r.valid_from ?? '2020-01-01',
    ...(r.valid_to !== undefined ? { valid_to: r.valid_to } : {}),
    ...(r.shortage !== undefined ? { shortage: r.shortage } : {}),
    ...(r.urgent !== undefined ? { urgent: r.urgent } : {}),
    ...(r.certificate_type !== undefined ? { certificate_type: r.certificate_type } : {}),
    ...(r.min_age !== undefined ? { min_age: r.min_age } : {}),
    ...(r.max_age_male !== undefined ? { max_age_male: r.max_age_male } : {}),
    ...(r.max_age_female !== undefined ? { max_age_female: r.max_age_female } : {}),
    ...(r.source !== undefined ? { source: r.source } : {}),
    line: r.line ?? ++catLine,
  };
}

/** fixtures/catalog-example.csv, row for row (lines 2–18), without the sources. */
export const EXAMPLE: CatalogEntry[] = [
  cat({ program: 'training', level: 5, amount: 1000, line: 2 }),
  cat({ program: 'training', level: 4, amount: 1500, line: 3 }),
  cat({ program: 'training', level: 3, amount: 2000, line: 4 }),
  cat({ program: 'training', level: 2, amount: 2500, line: 5 }),
  cat({ program: 'training', level: 1, amount: 3000, line: 6 }),
  cat({ program: 'skill_upgrade', level: 5, amount: 1000, line: 7 }),
  cat({ program: 'skill_upgrade', level: 4, amount: 1500, line: 8 }),
  cat({ program: 'skill_upgrade', level: 3, amount: 2000, line: 9 }),
  cat({ program: 'apprenticeship', amount: 5000, unit: 'per_year', valid_from: '2021-01-01', line: 10 }),
  cat({ program: 'work_based', amount: 500, unit: 'per_month', valid_to: '2021-12-31', line: 11 }),
  ...['数控车工', '电工', '焊工'].flatMap((occupation, i) => [
    cat({ program: 'shortage_post', occupation, level: 2, amount: 10000, valid_from: '2023-01-01', shortage: true, line: 12 + 2 * i }),
    cat({ program: 'shortage_post', occupation, level: 1, amount: 20000, valid_from: '2023-01-01', shortage: true, line: 13 + 2 * i }),
  ]),
  cat({ program: 'shortage_post', amount: 0, valid_from: '2023-01-01', shortage: false, line: 18 }),
];

// ── claims ────────────────────────────────────────────────────────────────────
let claimNo = 0;

/** What each program's claim has unless a case says otherwise: an eligible claim on EXAMPLE. */
const DEFAULTS: Record<Program, Partial<Claim>> = {
  training: {
    enterprise_id: ID,
    occupation: '电工',
    level: 4,
    certificate_type: 'skill_level',
    certificate_date: '2024-03-01',
    claim_date: '2024-04-01',
    route: 'standard',
  },
  skill_upgrade: {
    enterprise_id: ID,
    occupation: '电工',
    level: 4,
    certificate_type: 'skill_level',
    certificate_date: '2024-03-01',
    claim_date: '2024-04-01',
    insured_months: 24,
  },
  apprenticeship: { enterprise_id: ID, occupation: '数控车工', level: 4, claim_date: '2024-04-01', contract_months: 24, months: 12 },
  work_based: { enterprise_id: ID, claim_date: '2021-06-01', months: 6 },
  shortage_post: {
    enterprise_id: ID,
    occupation: '电工',
    level: 2,
    certificate_type: 'skill_level',
    certificate_date: '2020-06-01',
    claim_date: '2024-04-01',
    contract_months: 36,
    insured_months: 12,
  },
};

export type ClaimIn = { [K in keyof Claim]?: Claim[K] | undefined };

/**
 * A claim of `program` (default training) by MAN, with the program's defaults; a field given as
 * undefined is removed. Each claim gets its own certificate number unless one is given.
 */
export function claim(c: ClaimIn = {}): Claim {
  const n = ++claimNo;
  const program = c.program ?? 'training';
  const merged: Record<string, unknown> = {
    claim_id: `C${String(n).padStart(4, '0')}`,
    person_id: MAN,
    program,
    group: 'employee',
    ...DEFAULTS[program],
    ...(DEFAULTS[program].certificate_type ? { certificate_no: `Z${String(n).padStart(6, '0')}` } : {}),
    line: n + 1,
    ...c,
  };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return merged as unknown as Claim;
}

// ── history ───────────────────────────────────────────────────────────────────
let historyLine = 1;

export type HistoryIn = { [K in Exclude<keyof HistoryEntry, 'amount'>]?: HistoryEntry[K] | undefined } & { program: Program; paid_date: string; amount?: Yuan };

/** A subsidy paid before (history.csv), to MAN unless said. */
export function paid(h: HistoryIn): HistoryEntry {
  const merged: Record<string, unknown> = { person_id: MAN, line: ++historyLine, ...h, amount: fen(h.amount ?? 1000) };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  return merged as unknown as HistoryEntry;
}

// ── deciding ──────────────────────────────────────────────────────────────────
export interface Case {
  claims: Claim[];
  /** default EXAMPLE */
  catalog?: CatalogEntry[];
  history?: HistoryEntry[];
  quals?: Record<string, QualificationSpan[]>;
  rules?: Rules;
}

export function decide(c: Case): Decision[] {
  return decideClaims(c.rules ?? rules, {
    claims: c.claims,
    catalog: c.catalog ?? EXAMPLE,
    history: c.history ?? [],
    qualifications: new Map(Object.entries(c.quals ?? {})),
  }, { explain: () => true });
}

/** The decision of one claim, alone or with the other inputs of a case. */
export function one(c: ClaimIn, rest: Omit<Case, 'claims'> = {}): Decision {
  const ds = decide({ ...rest, claims: [claim(c)] });
  return ds[0]!;
}

/** "eligible 1500.00", "ineligible 0.00 age_out_of_range;route_excluded", "eligible 3000.00 duration_exceeded" */
export function outcome(d: Decision): string {
  return [d.status, formatFen(d.amount), d.reasons.join(';')].filter(Boolean).join(' ');
}

/** The outcome of each claim by claim_id. */
export function outcomes(ds: readonly Decision[]): Record<string, string> {
  return Object.fromEntries(ds.map((d) => [d.claim.claim_id, outcome(d)]));
}

/** Rules with whole series replaced: `{ 'subsidy.yearly_cap': '2' }` from 2008, or a list of [from, value]. */
export function override(values: Record<string, string | [string, string][]>, base: Rules = rules): Rules {
  return base.withOverrides(
    new Map(
      Object.entries(values).map(([key, v]) => [
        key,
        (typeof v === 'string' ? [['2008-01-01', v] as [string, string]] : v).map(([from, value]) => ({ from, value, source: 'test override', status: 'unverified' as const })),
      ]),
    ),
  );
}
