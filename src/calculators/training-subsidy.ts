/**
 * Training subsidy eligibility (RULES §4, CONTRACT §5): the `subsidy` command. Pure: claims,
 * catalogue, history and qualifications in; one decision per claim with its reasons, amount and
 * sources out. Claims are decided in (claim_date, claim_id) order, and an eligible claim counts
 * against the later ones exactly as a paid subsidy in the history does.
 *
 * What defines a program is one row of PROGRAM_SPECS; every rule is a named check citing its
 * source (the Catala habit: named exceptions, not branches inside one long function).
 */
import { addFen, Dec, formatFen, mulFen, type Fen } from '../domain/money.js';
import { personIdInfo, personIdProblem, maskPersonId, type PersonIdInfo } from '../domain/ids.js';
import { byText } from '../domain/order.js';
import { addMonths, ageOn, yearOf } from '../domain/periods.js';
import { covering, type QualificationSpan } from '../domain/qualifications.js';
import type { CatalogEntry, Claim, HistoryEntry, InputTypes } from '../domain/records.js';
import type { ColumnDef, ReportTable, Table } from '../domain/table.js';
import { Tracer, type ParamRead, type StepSpec, type Trace, type TraceStep } from '../domain/trace.js';
import type { CertificateType, Program } from '../domain/vocabulary.js';
import type { Rules } from '../rules/index.js';
import { defineCalculator, inYearRange, type CalculatorResult, type ComputeContext, type SummaryItem } from './calculator.js';

export { addMonths, ageOn } from '../domain/periods.js';

export const REASONS = [
  'invalid_person_id',
  'age_out_of_range',
  'group_not_eligible',
  'no_certificate',
  'route_excluded',
  'claim_window_expired',
  'not_in_catalog',
  'level_not_covered',
  'insured_months_insufficient',
  'contract_too_short',
  'duration_exceeded',
  'cert_held_too_short',
  'duplicate_occupation_level',
  'lower_level_after_higher',
  'certificate_already_used',
  'yearly_cap_reached',
  'claim_before_certificate',
] as const;
export type Reason = (typeof REASONS)[number];

export interface Decision {
  claim: Claim;
  status: 'eligible' | 'ineligible';
  amount: Fen;
  /** in REASONS order (a list shared by the decisions with the same reasons) */
  reasons: readonly Reason[];
  /** legal sources of the rules and the catalogue row used, in the order applied (shared likewise) */
  refs: readonly string[];
  decidingDate: string;
  catalog?: CatalogEntry | undefined;
  /** months paid for a per-month or per-year program (after the per-person limit) */
  paidMonths?: number | undefined;
  /** the steps of the decision and the parameters read, only for a claim being explained */
  trace?: TraceStep[];
  reads?: ParamRead[];
}

/** The rules across claims (once per occupation and level, lower after higher, one subsidy per certificate). */
const CROSS_CLAIM_SOURCE = '浙江省 2024 职业技能培训补贴通知';

/** What defines a program (RULES §4.1). */
export interface ProgramSpec {
  /** the legal basis, first in rule_refs */
  source: string;
  /**
   * `certificate`: decided by the rules and catalogue of the day the certificate was obtained
   * (a subsidy for obtaining it); `claim`: by those in force when claimed (a post or an
   * apprenticeship subsidy).
   */
  decidingDate: 'certificate' | 'claim';
  /** needs a certificate (no_certificate) */
  certificate: boolean;
  /** pays for obtaining a certificate: once per occupation and level, once per certificate number, within the claim window */
  paysForCertificate: boolean;
  /** counted against subsidy.yearly_cap (individual subsidies, RULES §4.2) */
  counted: boolean;
  /** the program's own conditions before the catalogue (route, claim window …) and after it (level, months …) */
  before: readonly Check[];
  after: readonly Check[];
  /** further rules across claims and history */
  across: readonly Check[];
  /** the key of the per-person month limit, for a program paid by the month */
  monthLimit?: string;
}

/**
 * Where a check's rule comes from: the key (or keys) of the parameters read, whose sources are
 * cited, or a source named outright.
 */
type Cite = string | readonly string[] | { source: string };

/** The parameters a check reads (Rules, or the decider's cache in front of it). */
type RuleReader = Pick<Rules, 'amount' | 'count' | 'flag' | 'list' | 'countIfInForce'>;

/** What a check sees: the claim, its deciding date, the catalogue row, what was paid before. */
interface Ctx {
  rules: RuleReader;
  input: SubsidyInput;
  c: Claim;
  spec: ProgramSpec;
  decidingDate: string;
  row?: CatalogEntry | undefined;
  earlier: readonly Paid[];
  certificates: ReadonlyMap<string, Paid>;
  /** the claimant's 身份证号 checked (once per person) */
  id: IdCheck;
  /** the claim is explained: checks write out `how` (else they pass '' and build no text) */
  traced: boolean;
  /** Records a rule's outcome: its reason when it fails, its source in rule_refs, and for the explain how it was decided. */
  check(label: string, ok: boolean, how: string, reason?: Reason, cite?: Cite): void;
}
type Check = (x: Ctx) => void;

const LEVEL_NAMES = ['', '高级技师', '技师', '高级工', '中级工', '初级工'];
export const levelName = (l: number | undefined): string => (l === undefined ? '(none)' : `${l} (${LEVEL_NAMES[l] ?? '?'})`);

/** A 身份证号 checked (GB 11643-1999): the birth date and sex it gives, or why it is not valid. */
type IdCheck = PersonIdInfo | string;

/** Checks 身份证号; persons born the same day of the same sex share one info (a few thousand days for a million persons). */
class IdChecker {
  private readonly infos = { male: new Map<string, PersonIdInfo>(), female: new Map<string, PersonIdInfo>() };

  check(id: string): IdCheck {
    const problem = personIdProblem(id);
    if (problem !== undefined) return problem;
    const info = personIdInfo(id);
    const same = this.infos[info.sex];
    const shared = same.get(info.birthDate);
    if (shared) return shared;
    same.set(info.birthDate, info);
    return info;
  }
}

/** A claimant or a person paid before: what was paid to them (in the order paid, history first), their 身份证号 checked. */
interface Person {
  /** NO_PAYMENTS until the first (a list of just the payments: most persons have one or two) */
  paid: readonly Paid[];
  id: IdCheck | undefined;
  /** a claim of theirs is reported (counted once in the totals) */
  reported: boolean;
}

/** What has been paid to a person that later claims are checked against. */
interface Paid {
  program: Program;
  /** folded (occKey) */
  occupation?: string | undefined;
  level?: number | undefined;
  certificate_no?: string | undefined;
  year: number;
  /** the day it was paid (history) or claimed */
  date: string;
  months: number;
  /** the history row or the eligible claim it comes from */
  from: HistoryEntry | Claim;
}

/** For the explain: "claim C-12 (training, claimed 2023-03-02)" or "history line 5 (training, paid 2022-07-01)". */
function what(p: Paid): string {
  const f = p.from;
  return 'paid_date' in f ? `history line ${f.line} (${f.program}, paid ${f.paid_date})` : `claim ${f.claim_id} (${f.program}, claimed ${f.claim_date})`;
}

/** Occupations compare after folding full-width forms, case and surrounding space (a file has few distinct ones: each is folded once). */
const folded = new Map<string, string>();
const occKey = (o: string | undefined): string | undefined => {
  if (o === undefined) return undefined;
  let k = folded.get(o);
  if (k === undefined) {
    k = o.normalize('NFKC').trim().toLowerCase();
    if (folded.size < 100_000) folded.set(o, k);
  }
  return k;
};

/** The parameter keys of each program, made once: `subsidy.<program>.groups`, `subsidy.<program>.yearly_cap`. */
interface ProgramKeys {
  groups: string;
  yearlyCap: string;
  /** skill_upgrade's employer requirement with the groups admitted, as cited together */
  employerAndGroups: readonly string[];
}
const KEYS = new Map<Program, ProgramKeys>();
function keysOf(p: Program): ProgramKeys {
  let k = KEYS.get(p);
  if (!k) {
    const groups = `subsidy.${p}.groups`;
    KEYS.set(p, (k = { groups, yearlyCap: `subsidy.${p}.yearly_cap`, employerAndGroups: ['subsidy.skill_upgrade.employer_groups', groups] }));
  }
  return k;
}

// ── Named checks ─────────────────────────────────────────────────────────────
// Each builds its explain text (`how`) only for the claim explained: x.traced ? `…` : ''.

const ID_SOURCE = { source: 'GB 11643-1999' };
const CROSS_CLAIM = { source: CROSS_CLAIM_SOURCE };

/** 居民身份证号 check character and birth date (GB 11643-1999); then the working age on the deciding date. */
const personChecks: Check = (x) => {
  const problem = typeof x.id === 'string' ? x.id : undefined;
  const info = typeof x.id === 'string' ? undefined : x.id;
  x.check('身份证号', problem === undefined, x.traced ? (problem ?? 'valid check character and birth date') : '', 'invalid_person_id', ID_SOURCE);
  if (info === undefined) return;
  const age = ageOn(info.birthDate, x.decidingDate);
  const retireKey = info.sex === 'male' ? 'subsidy.retirement_age.male' : 'subsidy.retirement_age.female';
  // The catalogue row's own limits for the occupation replace the general ones (Ningbo: women in
  // 家政服务 up to 55; RULES §4.2).
  const row = x.row;
  const rowMax = info.sex === 'male' ? row?.max_age_male : row?.max_age_female;
  const min = row?.min_age ?? x.rules.count('subsidy.working_age.min', x.decidingDate);
  const retire = rowMax ?? x.rules.count(retireKey, x.decidingDate);
  const own = row && (row.min_age !== undefined || rowMax !== undefined);
  x.check(
    'working age',
    age >= min && age < retire,
    // The birth date is not shown: with the masked number it would give the whole 身份证号 away.
    x.traced ? `${age} on ${x.decidingDate} (${info.sex === 'male' ? 'man' : 'woman'}; ${min} ≤ age < ${retire}${own ? `; the occupation's limits, catalog.csv line ${row.line}` : ''})` : '',
    'age_out_of_range',
    own && rowMax !== undefined ? { source: row.source ?? `catalog.csv line ${row.line}` } : retireKey,
  );
};

/**
 * Groups never subsidised (国办发〔2019〕24号); the groups each program admits (`subsidy.<program>.groups`);
 * for skill_upgrade, the groups that must name an employer that is no 个体工商户
 * (`subsidy.skill_upgrade.employer_groups`: an employee must, a person drawing unemployment
 * insurance benefit need not).
 */
const groupCheck: Check = (x) => {
  const { c, decidingDate: on } = x;
  const excluded = x.rules.list('subsidy.excluded_groups', on);
  const keys = keysOf(c.program);
  const groupsKey = keys.groups;
  const allowed = x.rules.list(groupsKey, on);
  let ok = !excluded.includes(c.group);
  let how = x.traced ? (ok ? `${c.group}` : `${c.group} is never subsidised`) : '';
  if (c.program !== 'skill_upgrade') {
    if (ok && !allowed.includes(c.group)) return x.check('group', false, x.traced ? `${c.program} is for ${allowed.join(', ')} only, not ${c.group}` : '', 'group_not_eligible', groupsKey);
    return x.check('group', ok, how, 'group_not_eligible', 'subsidy.excluded_groups');
  }
  const employerGroups = x.rules.list('subsidy.skill_upgrade.employer_groups', on);
  const needsEmployer = employerGroups.includes(c.group);
  // The rule that decided: the groups admitted; for an employee, the employer requirement too.
  let cite: Cite = needsEmployer ? keys.employerAndGroups : groupsKey;
  if (ok && !allowed.includes(c.group)) {
    ok = false;
    if (x.traced) how = `skill_upgrade is for ${allowed.join(', ')} only, not ${c.group}`;
    cite = groupsKey;
  } else if (ok && needsEmployer && !c.enterprise_id) {
    ok = false;
    if (x.traced) how = 'skill_upgrade is for employees of an enterprise: the claim names none';
  } else if (ok && needsEmployer) {
    const ib = covering(x.input.qualifications.get(c.enterprise_id!) ?? [], 'individual_business', on, on);
    if (ib) {
      ok = false;
      if (x.traced) how = `the employer ${c.enterprise_id} is a 个体工商户 (qualifications: individual_business ${ib.valid_from}…)`;
    }
  }
  // failing, only the first rule is cited
  x.check('group', ok, how, 'group_not_eligible', ok || typeof cite === 'string' ? cite : cite[0]);
};

const certificateCheck: Check = (x) => {
  const { c } = x;
  const has = c.certificate_type !== undefined && c.certificate_type !== 'none' && c.certificate_date !== undefined;
  x.check(
    'certificate',
    has,
    !x.traced
      ? ''
      : has
        ? `${c.certificate_type} ${c.certificate_no ?? ''} of ${c.certificate_date}`.replace('  ', ' ')
        : c.certificate_type === undefined || c.certificate_type === 'none'
          ? 'no certificate'
          : 'no certificate date',
    'no_certificate',
  );
};

/** A subsidy for a certificate is claimed once it is obtained: a claim dated before its certificate pays nothing. */
const claimAfterCertificateCheck: Check = (x) => {
  const { c } = x;
  if (!c.certificate_date) return;
  const ok = c.claim_date >= c.certificate_date;
  x.check('claimed after the certificate', ok, x.traced ? `claimed ${c.claim_date}, certificate of ${c.certificate_date}` : '', 'claim_before_certificate');
};

/** Self-evaluation, dual-certificate and apprenticeship certificates are no basis for the training subsidy. */
const routeCheck: Check = (x) => {
  const route = x.c.route ?? 'standard';
  const bad = x.rules.list('subsidy.training.excluded_routes', x.decidingDate).includes(route);
  x.check('route', !bad, x.traced ? (bad ? `${route} certificates are no basis for the training subsidy` : route) : '', 'route_excluded', 'subsidy.training.excluded_routes');
};

/** Claimed within the window after the certificate (the same day N months on is in time). */
const claimWindowCheck: Check = (x) => {
  const { c } = x;
  if (!c.certificate_date) return;
  const months = x.rules.count('subsidy.claim_window_months', x.decidingDate);
  const deadline = addMonths(c.certificate_date, months);
  const ok = c.claim_date <= deadline;
  x.check('claim window', ok, x.traced ? `claimed ${c.claim_date}, ${ok ? 'by' : 'after'} ${deadline} (${months} months after the certificate)` : '', 'claim_window_expired', 'subsidy.claim_window_months');
};

/** The level is one the program pays for. */
const levelIn =
  (key: string): Check =>
  (x) => {
    const levels = x.rules.list(key, x.decidingDate);
    const ok = x.c.level !== undefined && levels.includes(String(x.c.level));
    x.check('level', ok, x.traced ? `${levelName(x.c.level)}; paid for levels ${levels.join(', ')}` : '', 'level_not_covered', key);
  };

/** skill_upgrade: unemployment insurance months, by the certificate's date (36 before 2019, 12 from 2019). */
const skillUpgradeInsuredCheck: Check = (x) => {
  const need = x.rules.count('subsidy.skill_upgrade.insured_months', x.decidingDate);
  const have = x.c.insured_months ?? 0;
  x.check('insured months', have >= need, x.traced ? `${have} (at least ${need} for a certificate of ${x.decidingDate})` : '', 'insured_months_insufficient', 'subsidy.skill_upgrade.insured_months');
};

const minInsured =
  (key: string): Check =>
  (x) => {
    const need = x.rules.count(key, x.decidingDate);
    const have = x.c.insured_months ?? 0;
    x.check('insured months', have >= need, x.traced ? `${have} (at least ${need})` : '', 'insured_months_insufficient', key);
  };

const minContract =
  (key: string): Check =>
  (x) => {
    const need = x.rules.count(key, x.decidingDate);
    const have = x.c.contract_months ?? 0;
    x.check('labour contract', have >= need, x.traced ? `${have} months (at least ${need})` : '', 'contract_too_short', key);
  };

/** shortage_post: the certificate held 3 years (level 2) or 1 year (level 1) at the claim. */
const certificateHeldCheck: Check = (x) => {
  const { c } = x;
  if (!c.certificate_date || (c.level !== 1 && c.level !== 2)) return;
  const key = `subsidy.shortage_post.held_years.level${c.level}`;
  const years = x.rules.count(key, x.decidingDate);
  const since = addMonths(c.certificate_date, 12 * years);
  x.check('certificate held', c.claim_date >= since, x.traced ? `certificate of ${c.certificate_date}, ${years} years on ${since}; claimed ${c.claim_date}` : '', 'cert_held_too_short', key);
};

/** shortage_post: the catalogue marks the occupation shortage. */
const shortageOccupationCheck: Check = (x) => {
  const { c, row } = x;
  if (!row) return;
  x.check(
    'shortage occupation',
    row.shortage === true,
    !x.traced ? '' : row.shortage ? `${row.occupation} is marked shortage` : `the catalogue row (line ${row.line}) does not mark ${c.occupation} as a shortage occupation`,
    'not_in_catalog',
  );
};

/** Once per occupation and level; no lower level after a higher one; one subsidy per certificate number (RULES §4.2). */
const certificateCrossChecks: Check = (x) => {
  const { c } = x;
  const occ = occKey(c.occupation);
  if (occ !== undefined && c.level !== undefined) {
    let dup: Paid | undefined;
    let higher: Paid | undefined;
    for (const e of x.earlier) {
      if (!PROGRAM_SPECS[e.program].paysForCertificate || e.occupation !== occ) continue;
      if (!dup && e.level === c.level) dup = e;
      if (!higher && e.level !== undefined && e.level < c.level) higher = e;
    }
    x.check(
      'once per occupation and level',
      !dup,
      !x.traced ? '' : dup ? `${c.occupation} level ${levelName(c.level)} already paid: ${what(dup)}` : `no earlier ${c.occupation} level ${c.level}`,
      'duplicate_occupation_level',
      CROSS_CLAIM,
    );
    x.check(
      'no lower level after a higher one',
      !higher,
      !x.traced ? '' : higher ? `level ${levelName(higher.level)} of ${c.occupation} already paid: ${what(higher)}` : 'no higher level paid',
      'lower_level_after_higher',
      CROSS_CLAIM,
    );
  }
  if (c.certificate_no) {
    // A certificate number belongs to one person: used by anyone before, it pays no more.
    const used = x.certificates.get(c.certificate_no);
    x.check(
      'one subsidy per certificate',
      !used,
      !x.traced ? '' : used ? `certificate ${c.certificate_no} already paid: ${what(used)}` : `certificate ${c.certificate_no} not paid before`,
      'certificate_already_used',
      CROSS_CLAIM,
    );
  }
};

/** shortage_post: once per person, ever. */
const oncePerPersonCheck: Check = (x) => {
  let before: Paid | undefined;
  for (const e of x.earlier) if (e.program === x.c.program) {
    before = e;
    break;
  }
  x.check('once per person', !before, !x.traced ? '' : before ? `a shortage post subsidy was already paid: ${what(before)}` : 'none paid before', 'duplicate_occupation_level', x.spec);
};

/** At most subsidy.yearly_cap counted subsidies per person in the calendar year of the claim. */
const yearlyCapCheck: Check = (x) => {
  const year = yearOf(x.c.claim_date);
  const cap = x.rules.count('subsidy.yearly_cap', x.c.claim_date);
  let n = 0;
  for (const e of x.earlier) if (PROGRAM_SPECS[e.program].counted && e.year === year) n++;
  x.check('yearly cap', n < cap, x.traced ? `${n} counted subsidies already in ${year}${n ? ': ' + countedIn(x.earlier, year).map(what).join(', ') : ''} (at most ${cap})` : '', 'yearly_cap_reached', 'subsidy.yearly_cap');
};

/** The counted subsidies paid in a year (for the explain). */
function countedIn(earlier: readonly Paid[], year: number): Paid[] {
  return earlier.filter((e) => PROGRAM_SPECS[e.program].counted && e.year === year);
}

/**
 * A program's own yearly cap beside subsidy.yearly_cap (`subsidy.<program>.yearly_cap`, none built in
 * but skill_upgrade's: since 2025 once a year, plus urgent_extra for an occupation the catalogue
 * marks `urgent`).
 */
const programYearlyCheck: Check = (x) => {
  const p = x.c.program;
  const key = keysOf(p).yearlyCap;
  const cap = x.rules.countIfInForce(key, x.c.claim_date);
  if (cap === undefined) return;
  const extra = p === 'skill_upgrade' && x.row?.urgent ? (x.rules.countIfInForce('subsidy.skill_upgrade.urgent_extra', x.c.claim_date) ?? 0) : 0;
  const year = yearOf(x.c.claim_date);
  let n = 0;
  for (const e of x.earlier) if (e.program === p && e.year === year) n++;
  x.check(`${p} a year`, n < cap + extra, x.traced ? `${n} ${p} subsidies already in ${year} (at most ${cap + extra}${extra ? ', urgent occupation' : ''})` : '', 'yearly_cap_reached', key);
};

/** The legal basis and rules of each program (RULES §4.1). */
export const PROGRAM_SPECS: Record<Program, ProgramSpec> = {
  training: {
    source: '国办发〔2019〕24号',
    decidingDate: 'certificate',
    certificate: true,
    paysForCertificate: true,
    counted: true,
    before: [routeCheck, claimWindowCheck],
    after: [],
    across: [certificateCrossChecks],
  },
  skill_upgrade: {
    source: '人社部发〔2017〕40号',
    decidingDate: 'certificate',
    certificate: true,
    paysForCertificate: true,
    counted: true,
    before: [claimWindowCheck],
    after: [levelIn('subsidy.skill_upgrade.levels'), skillUpgradeInsuredCheck],
    across: [certificateCrossChecks],
  },
  apprenticeship: {
    source: '人社部发〔2021〕39号',
    decidingDate: 'claim',
    certificate: false,
    paysForCertificate: false,
    counted: true,
    before: [],
    after: [minContract('subsidy.apprenticeship.min_contract_months')],
    across: [],
    monthLimit: 'subsidy.apprenticeship.max_months',
  },
  work_based: {
    source: '人社部发〔2020〕30号',
    decidingDate: 'claim',
    certificate: false,
    paysForCertificate: false,
    counted: false,
    before: [],
    after: [],
    across: [],
    monthLimit: 'subsidy.work_based.max_months',
  },
  shortage_post: {
    source: '甬人社发〔2023〕22号',
    decidingDate: 'claim',
    certificate: true,
    paysForCertificate: false,
    counted: false,
    before: [],
    after: [
      levelIn('subsidy.shortage_post.levels'),
      minContract('subsidy.shortage_post.min_contract_months'),
      minInsured('subsidy.shortage_post.min_insured_months'),
      certificateHeldCheck,
      shortageOccupationCheck,
    ],
    across: [oncePerPersonCheck],
  },
};

/**
 * The old monthly shortage post subsidy (RULES §4.1): a person first paid while the monthly regime
 * was in force (`subsidy.shortage_post.monthly_regime` on the first payment's date) keeps it: the
 * level's monthly amount × months, at most `max_months` in all, every claim within `max_years` of
 * the first payment. Its amounts are parameters, not catalogue rows.
 */
const MONTHLY_SHORTAGE: ProgramSpec = {
  source: '甬人社发〔2023〕22号',
  decidingDate: 'claim',
  certificate: false,
  paysForCertificate: false,
  counted: false,
  before: [],
  after: [levelIn('subsidy.shortage_post.levels')],
  across: [],
  monthLimit: 'subsidy.shortage_post.max_months',
};

/** The monthly amount of the person's level as a catalogue-like row (parameters, not the catalogue). */
function monthlyRow(rules: RuleReader, c: Claim, tracer: Tracer, first: Paid): CatalogEntry | CatalogMiss {
  if (c.level !== 1 && c.level !== 2) return 'level_not_covered';
  const key = `subsidy.shortage_post.monthly_amount.level${c.level}`;
  const amount = rules.amount(key, c.claim_date);
  tracer.step(() => ({ label: 'monthly regime', value: 'monthly', how: `first paid ${first.date} (${what(first)}), before the one-off of 甬人社发〔2023〕22号`, cite: ['subsidy.shortage_post.monthly_regime'] }));
  return { program: 'shortage_post', occupation: c.occupation ?? '*', level: c.level, amount, unit: 'per_month', valid_from: first.date, source: tracer.cited(key).source, line: 0 };
}

/** The first shortage_post payment of a person (the earliest date; of equal dates, the first recorded), when it was made under the monthly regime. */
function monthlyRegimeStart(rules: RuleReader, earlier: readonly Paid[]): Paid | undefined {
  let first: Paid | undefined;
  for (const e of earlier) if (e.program === 'shortage_post' && (!first || e.date < first.date)) first = e;
  return first && rules.flag('subsidy.shortage_post.monthly_regime', first.date) ? first : undefined;
}

/** The catalogue rows of one program: those for any occupation, and by folded occupation those and the occupation's own. */
interface ProgramRows {
  any: CatalogEntry[];
  byOccupation: Map<string, CatalogEntry[]>;
}

type CatalogMiss = 'not_in_catalog' | 'level_not_covered';

/** A catalogue indexed by program and occupation, each row with its position (the last tie-break). */
class CatalogIndex {
  private readonly programs = new Map<Program, ProgramRows>();
  private readonly position = new Map<CatalogEntry, number>();

  constructor(catalog: readonly CatalogEntry[]) {
    const own = new Map<Program, Map<string, CatalogEntry[]>>();
    catalog.forEach((r, i) => {
      this.position.set(r, i);
      let p = this.programs.get(r.program);
      if (!p) this.programs.set(r.program, (p = { any: [], byOccupation: new Map() }));
      if (r.occupation === '*') p.any.push(r);
      else {
        let byOcc = own.get(r.program);
        if (!byOcc) own.set(r.program, (byOcc = new Map()));
        const k = occKey(r.occupation)!;
        const list = byOcc.get(k);
        if (list) list.push(r);
        else byOcc.set(k, [r]);
      }
    });
    for (const [program, byOcc] of own) {
      const p = this.programs.get(program)!;
      for (const [k, rows] of byOcc) p.byOccupation.set(k, [...p.any, ...rows]);
    }
  }

  /** pickCatalog's row, or why there is none, looking only at the rows of the program for `*` and for the occupation. */
  pick(program: Program, occupation: string | undefined, level: number | undefined, on: string, certificate?: CertificateType): CatalogEntry | CatalogMiss {
    const p = this.programs.get(program);
    if (!p) return 'not_in_catalog';
    const occ = occKey(occupation);
    const rows = (occ === undefined ? undefined : p.byOccupation.get(occ)) ?? p.any;
    // A row for one certificate outcome applies to that outcome only (`none`: without a certificate).
    const outcome = certificate ?? 'none';
    let byOcc = false;
    let best: CatalogEntry | undefined;
    let bestScore = -1;
    for (const r of rows) {
      if (!(r.valid_from <= on && (r.valid_to === undefined || on <= r.valid_to) && (r.certificate_type === undefined || r.certificate_type === outcome))) continue;
      byOcc = true;
      if (!(r.level === '*' || (level !== undefined && r.level === level))) continue;
      const score = (r.occupation === '*' ? 0 : 4) + (r.level === '*' ? 0 : 2) + (r.certificate_type === undefined ? 0 : 1);
      // the most specific, then the latest valid_from, then the first line (then the first in the catalogue)
      if (
        !best ||
        score > bestScore ||
        (score === bestScore &&
          (r.valid_from > best.valid_from || (r.valid_from === best.valid_from && (r.line < best.line || (r.line === best.line && this.position.get(r)! < this.position.get(best)!)))))
      ) {
        best = r;
        bestScore = score;
      }
    }
    return best ?? (byOcc ? 'level_not_covered' : 'not_in_catalog');
  }
}

const indexes = new WeakMap<readonly CatalogEntry[], CatalogIndex>();
function catalogIndex(catalog: readonly CatalogEntry[]): CatalogIndex {
  let i = indexes.get(catalog);
  if (!i) indexes.set(catalog, (i = new CatalogIndex(catalog)));
  return i;
}

/**
 * The catalogue row for a program, occupation and level valid on a date: the most specific one
 * (exact occupation before `*`, then exact level before `*`), then the latest valid_from.
 */
export function pickCatalog(
  catalog: readonly CatalogEntry[],
  program: Program,
  occupation: string | undefined,
  level: number | undefined,
  on: string,
  certificate?: CertificateType,
): { row?: CatalogEntry; miss?: 'not_in_catalog' | 'level_not_covered' } {
  const r = catalogIndex(catalog).pick(program, occupation, level, on, certificate);
  return typeof r === 'string' ? { miss: r } : { row: r };
}

export interface SubsidyInput {
  claims: readonly Claim[];
  catalog: readonly CatalogEntry[];
  history: readonly HistoryEntry[];
  qualifications: ReadonlyMap<string, readonly QualificationSpan[]>;
}

export function claimOrder(a: Claim, b: Claim): number {
  return byText(a.claim_date, b.claim_date) || byText(a.claim_id, b.claim_id);
}

/**
 * The claims by claim_id, and the (claim_date, claim_id) order as positions in that list: sorted
 * once by claim_id, then (stably) grouped by claim_date, of which there are a few thousand.
 */
function claimOrders(claims: readonly Claim[]): { byId: Claim[]; inOrder: Int32Array } {
  // by claim_id: positions sorted by the ids, read from one list (not through each claim)
  const ids = claims.map((c) => c.claim_id);
  const positions = Array.from(ids.keys()).sort((a, b) => byText(ids[a]!, ids[b]!));
  const byId = positions.map((i) => claims[i]!);
  // then by claim_date, keeping the claim_id order within a day: counted per day
  const dayOf = new Map<string, number>();
  const day = new Int32Array(byId.length);
  byId.forEach((c, i) => {
    let k = dayOf.get(c.claim_date);
    if (k === undefined) dayOf.set(c.claim_date, (k = dayOf.size));
    day[i] = k;
  });
  const days = [...dayOf.keys()].sort(byText);
  const rank = new Int32Array(days.length);
  days.forEach((d, r) => (rank[dayOf.get(d)!] = r));
  /** where the claims of each day (by rank) start in inOrder */
  const from = new Int32Array(days.length + 1);
  for (const k of day) from[rank[k]! + 1]!++;
  for (let r = 1; r <= days.length; r++) from[r]! += from[r - 1]!;
  const inOrder = new Int32Array(byId.length);
  day.forEach((k, i) => (inOrder[from[rank[k]!]!++] = i));
  return { byId, inOrder };
}

export interface DecideOptions {
  /** which claims to record a trace for (--explain: one claim_id) */
  explain?: (claimId: string) => boolean;
}

/** Equal lists made once and shared: the reasons and rule_refs of a million claims are a few hundred distinct lists. */
class Lists {
  private readonly byMask = new Map<number, readonly Reason[]>();
  private readonly refs: RefNode = { next: new Map() };

  /** The reasons of a bit mask over REASONS, in REASONS order. */
  reasons(mask: number): readonly Reason[] {
    let list = this.byMask.get(mask);
    if (!list) this.byMask.set(mask, (list = Object.freeze(REASONS.filter((_, i) => mask & (1 << i)))));
    return list;
  }

  /** The shared copy of a list of sources. */
  sources(list: readonly string[]): readonly string[] {
    let node = this.refs;
    for (const s of list) {
      let next = node.next.get(s);
      if (!next) node.next.set(s, (next = { next: new Map() }));
      node = next;
    }
    return (node.list ??= Object.freeze([...list]));
  }
}
interface RefNode {
  next: Map<string, RefNode>;
  list?: readonly string[];
}

/** Each reason's bit in a mask over REASONS. */
const BIT = Object.fromEntries(REASONS.map((r, i) => [r, 1 << i])) as Record<Reason, number>;
const DURATION_EXCEEDED = BIT.duration_exceeded;
const NO_PAYMENTS: readonly Paid[] = Object.freeze([]);

/**
 * Decides every claim in (claim_date, claim_id) order, each eligible one counting against the
 * later ones as a history payment does. Throws RuleGapError when a rule's parameter has nothing in
 * force on the date it is needed. Payments are indexed by person and certificate number: each
 * claim looks only at its person's own. The rules are read once per parameter and day (a
 * recording view given as `rules` sees each distinct read once); the explain text is made only
 * for the claims `o.explain` names.
 */
export function decideClaims(rules: Rules, input: SubsidyInput, o: DecideOptions = {}): Decision[] {
  const { byId, inOrder } = decideAll(rules, input, o);
  return Array.from(inOrder, (i) => byId[i]!);
}

/** The decisions by claim_id, the order they were made in (positions in byId), the one explained. */
interface AllDecided {
  byId: Decision[];
  inOrder: Int32Array;
  traced?: Decision;
}

/**
 * decideClaims, with each decision handed to `each` as it is made, with the person (the same
 * object for every claim of one 身份证号) and its position in byId.
 */
function decideAll(rules: Rules, input: SubsidyInput, o: DecideOptions, each?: (d: Decision, person: Person, position: number) => void): AllDecided {
  /** person_id → the person */
  const people = new Map<string, Person>();
  const person = (id: string) => {
    let p = people.get(id);
    if (!p) people.set(id, (p = { paid: NO_PAYMENTS, id: undefined, reported: false }));
    return p;
  };
  /** certificate number → the first training or skill_upgrade payment on it, of anyone */
  const certificates = new Map<string, Paid>();
  /** A payment (from the history, or an eligible claim) that later claims are checked against. */
  const record = (to: Person, p: Paid) => {
    to.paid = [...to.paid, p];
    if (p.certificate_no && PROGRAM_SPECS[p.program].paysForCertificate && !certificates.has(p.certificate_no)) certificates.set(p.certificate_no, p);
  };
  const paidRecord = (r: Pick<Claim, 'program' | 'occupation' | 'level' | 'certificate_no'>, date: string, months: number, from: HistoryEntry | Claim): Paid => ({
    program: r.program,
    occupation: occKey(r.occupation),
    level: r.level,
    certificate_no: r.certificate_no,
    year: yearOf(date),
    date,
    months,
    from,
  });
  for (const h of input.history) record(person(h.person_id), paidRecord(h, h.paid_date, h.months ?? 0, h));
  const decider = new Decider(rules, input, certificates);
  const ids = new IdChecker();
  const { byId: claims, inOrder } = claimOrders(input.claims);
  // Each claim's person looked up before the claims are decided, in one pass (decided by date, the
  // claims come in no order in memory).
  const persons = claims.map((c) => person(c.person_id));
  // made full of undefined (not new Array(n): a large one would keep its elements in a dictionary)
  const byId: (Decision | undefined)[] = claims.map(() => undefined);
  let traced: Decision | undefined;
  for (const i of inOrder) {
    const c = claims[i]!;
    const p = persons[i]!;
    const d = decider.decide(c, p.paid, (p.id ??= ids.check(c.person_id)), o.explain?.(c.claim_id) ?? false);
    byId[i] = d;
    if (d.trace && !traced) traced = d;
    each?.(d, p, i);
    if (d.status === 'eligible') record(p, paidRecord(c, c.claim_date, d.paidMonths ?? 0, c));
  }
  return { byId: byId as Decision[], inOrder, ...(traced ? { traced } : {}) };
}

/**
 * The rules as the decider reads them: each parameter read once a day (a few thousand days) from
 * a recording view of the rules, and kept with its read, which is reported again to the claim's
 * tracer on every later use. A recording view given as the rules sees each distinct read once.
 */
class CachedRules implements RuleReader {
  private readonly cache = new Map<string, Map<string, { value: unknown; read: ParamRead | undefined }>>();
  private readonly view: Rules;
  private last: ParamRead | undefined;

  constructor(
    rules: Rules,
    private readonly report: (r: ParamRead) => void,
  ) {
    this.view = rules.recording((r) => {
      this.last = r;
      report(r);
    });
  }

  amount(key: string, on: string): Fen {
    return this.get(key, on, 'amount') as Fen;
  }
  count(key: string, on: string): number {
    return this.get(key, on, 'count') as number;
  }
  flag(key: string, on: string): boolean {
    return this.get(key, on, 'flag') as boolean;
  }
  list(key: string, on: string): readonly string[] {
    return this.get(key, on, 'list') as readonly string[];
  }
  countIfInForce(key: string, on: string): number | undefined {
    return this.get(key, on, 'countIfInForce') as number | undefined;
  }

  private get(key: string, on: string, how: keyof RuleReader): unknown {
    let byDay = this.cache.get(key);
    if (!byDay) this.cache.set(key, (byDay = new Map()));
    const hit = byDay.get(on);
    if (hit) {
      if (hit.read) this.report(hit.read);
      return hit.value;
    }
    this.last = undefined;
    const value = this.view[how](key, on);
    byDay.set(on, { value, read: this.last });
    return value;
  }
}

/**
 * Decides one claim after another: the catalogue index, the shared lists and the rules serve them
 * all; the decider is the checks' view of the claim being decided (no objects made per claim but
 * the decision).
 */
class Decider implements Ctx {
  readonly rules: CachedRules;
  private readonly catalog: CatalogIndex;
  private readonly lists = new Lists();
  /**
   * The claims not explained share one tracer that keeps only the latest read of each key (what
   * rule_refs cites; every citation follows its read in the same check). A claim explained gets
   * its own, which refuses a citation of a parameter it did not read.
   */
  private readonly untraced = new Tracer(false, 'source');
  private tracer = this.untraced;
  // the claim being decided
  c!: Claim;
  spec!: ProgramSpec;
  decidingDate = '';
  row: CatalogEntry | undefined;
  earlier: readonly Paid[] = [];
  id: IdCheck = '';
  traced = false;
  /** the reasons found (a mask over REASONS), the sources cited in order */
  private reasons = 0;
  private readonly refs: string[] = [];

  constructor(
    rules: Rules,
    readonly input: SubsidyInput,
    readonly certificates: ReadonlyMap<string, Paid>,
  ) {
    this.catalog = catalogIndex(input.catalog);
    this.rules = new CachedRules(rules, (r) => this.tracer.read(r));
  }

  private cite(source: string): void {
    if (!this.refs.includes(source)) this.refs.push(source);
  }

  check(label: string, ok: boolean, how: string, reason?: Reason, cite?: Cite): void {
    if (!ok && reason) this.reasons |= BIT[reason];
    if (cite === undefined) {
      // nothing to cite
    } else if (typeof cite === 'string') this.cite(this.tracer.cited(cite).source);
    else if ('source' in cite) this.cite(cite.source);
    else for (const k of cite) this.cite(this.tracer.cited(k).source);
    if (this.traced) {
      const keys = cite === undefined || (typeof cite !== 'string' && 'source' in cite) ? [] : typeof cite === 'string' ? [cite] : cite;
      const source = cite !== undefined && typeof cite !== 'string' && 'source' in cite ? cite.source : undefined;
      this.step({ label, value: ok ? 'ok' : (reason ?? 'fails'), how, ...(keys.length ? { cite: keys } : source !== undefined ? { source } : {}) });
    }
  }

  /** A step of the explain (called only for the claim explained: its text is made only then). */
  private step(s: StepSpec): void {
    this.tracer.step(() => s);
  }

  decide(c: Claim, earlier: readonly Paid[], id: IdCheck, traced: boolean): Decision {
    // The sources of the rules applied go into rule_refs whether or not the claim is explained.
    const tracer = (this.tracer = traced ? new Tracer(true, 'source') : this.untraced);
    const r0 = this.rules;
    const monthlyFrom = c.program === 'shortage_post' ? monthlyRegimeStart(r0, earlier) : undefined;
    const spec = monthlyFrom ? MONTHLY_SHORTAGE : PROGRAM_SPECS[c.program];
    this.reasons = 0;
    this.refs.length = 0;
    this.refs.push(spec.source);
    const decidingDate = spec.decidingDate === 'certificate' && c.certificate_date ? c.certificate_date : c.claim_date;
    if (traced) {
      this.step({
        label: 'deciding date',
        value: decidingDate,
        how:
          spec.decidingDate === 'certificate'
            ? c.certificate_date
              ? 'the certificate date (rules and catalogue in force when it was obtained)'
              : 'the claim date (no certificate date)'
            : 'the claim date',
      });
    }
    this.c = c;
    this.spec = spec;
    this.decidingDate = decidingDate;
    this.row = undefined;
    this.earlier = earlier;
    this.id = id;
    this.traced = traced;
    const x: Ctx = this;

    // The catalogue row is chosen first (its age limits may replace the general ones), shown in its
    // place below. The old monthly shortage post subsidy is paid from its parameters instead.
    const pick = monthlyFrom ? monthlyRow(r0, c, tracer, monthlyFrom) : this.catalog.pick(c.program, c.occupation, c.level, decidingDate, c.certificate_type);
    const row = typeof pick === 'string' ? undefined : pick;
    x.row = row;

    personChecks(x);
    groupCheck(x);
    if (spec.certificate) {
      certificateCheck(x);
      claimAfterCertificateCheck(x);
    }
    for (const check of spec.before) check(x);

    // ── the catalogue ───────────────────────────────────────────────────────────
    if (row) {
      const catSource = row.source ?? `catalog.csv line ${row.line}`;
      this.cite(catSource);
      if (traced) {
        this.step({
          label: 'catalogue row',
          value: `${formatFen(row.amount)} ${row.unit}`,
          how: `${row.line ? `line ${row.line}` : 'the monthly regime\'s parameter'}: ${row.program}, occupation ${row.occupation}, level ${row.level === '*' ? '*' : levelName(row.level)}${row.certificate_type ? `, certificate ${row.certificate_type === 'none' ? 'none (ended without one)' : row.certificate_type}` : ''}, valid ${row.valid_from}…${row.valid_to ?? ''}${row.shortage ? ', shortage' : ''}${row.urgent ? ', urgent' : ''}`,
          source: catSource,
        });
      }
    } else {
      x.check(
        'catalogue',
        false,
        !traced
          ? ''
          : pick === 'not_in_catalog'
            ? `no ${c.program} row for occupation ${c.occupation ?? '(none)'} valid on ${decidingDate}`
            : `the catalogue has ${c.program} rows for ${c.occupation} on ${decidingDate}, none for level ${levelName(c.level)}`,
        pick as CatalogMiss,
      );
    }

    for (const check of spec.after) check(x);
    for (const check of spec.across) check(x);
    let beyondYears = false;
    if (monthlyFrom) {
      const years = r0.count('subsidy.shortage_post.max_years', c.claim_date);
      const until = addMonths(monthlyFrom.date, 12 * years);
      beyondYears = c.claim_date > until;
      x.check(
        'within the years of the first payment',
        c.claim_date <= until,
        traced ? `first monthly payment ${monthlyFrom.date} (${what(monthlyFrom)}); claimed ${c.claim_date}, ${c.claim_date <= until ? 'by' : 'after'} ${until}` : '',
        'duration_exceeded',
        'subsidy.shortage_post.max_years',
      );
    }
    if (spec.counted) yearlyCapCheck(x);
    programYearlyCheck(x);

    // ── months per person ───────────────────────────────────────────────────────
    let paidMonths: number | undefined;
    let partial = false;
    if (spec.monthLimit) {
      const limit = r0.count(spec.monthLimit, decidingDate);
      // Under the monthly regime a history payment without its months counts as one month.
      let used = 0;
      for (const e of earlier) if (e.program === c.program) used += monthlyFrom && e.months === 0 ? 1 : e.months;
      const left = Math.max(0, limit - used);
      const months = c.months ?? 0;
      if (monthlyFrom && c.months === undefined) {
        x.check('months per person', false, traced ? 'a monthly shortage_post claim gives the months it covers (column months): none given' : '', 'duration_exceeded', spec.monthLimit);
      }
      paidMonths = Math.min(months, left);
      partial = months > left && left > 0;
      x.check(
        'months per person',
        months <= left,
        traced ? `${months} claimed, ${used} paid before, at most ${limit}: ${left === 0 ? 'none left' : months > left ? `${left} paid` : 'all paid'}` : '',
        'duration_exceeded',
        spec.monthLimit,
      );
    }

    // ── the decision ────────────────────────────────────────────────────────────
    // A claim past its month limit with months left is paid for those months and stays eligible.
    const reasons = this.reasons;
    const blocking = partial && !beyondYears ? reasons & ~DURATION_EXCEEDED : reasons;
    const eligible = blocking === 0 && row !== undefined;
    let amount = 0;
    if (eligible) {
      const months = paidMonths ?? c.months ?? 0;
      if (row.unit === 'per_claim') amount = row.amount;
      else if (row.unit === 'per_month') amount = mulFen(row.amount, months);
      else amount = new Dec(row.amount).mul(months).div(12).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
      if (traced) {
        this.step({
          label: 'amount',
          value: formatFen(amount),
          how:
            row.unit === 'per_claim'
              ? 'the catalogue amount'
              : row.unit === 'per_month'
                ? `${formatFen(row.amount)} × ${months} months`
                : `round(${formatFen(row.amount)} × ${months} / 12)`,
        });
      }
    }
    const ordered = this.lists.reasons(reasons);
    if (traced) this.step({ label: 'decision', value: eligible ? 'eligible' : 'ineligible', ...(ordered.length ? { how: ordered.join(';') } : {}) });
    // every field in the literal, catalog and paidMonths undefined when there are none: no
    // properties added afterwards (each would take a list of its own in a million decisions)
    const d: Decision = { claim: c, status: eligible ? 'eligible' : 'ineligible', amount, reasons: ordered, refs: this.lists.sources(this.refs), decidingDate, catalog: row, paidMonths };
    if (traced) {
      d.trace = tracer.steps;
      d.reads = tracer.reads;
    }
    return d;
  }
}

/** The account of one claim: the 身份证号 masked (first 6 and last 4 shown). */
function explainTrace(d: Decision): Trace {
  const c = d.claim;
  return {
    subject: c.claim_id,
    heading: [
      `Training subsidy claim ${c.claim_id}: ${c.program}, person ${maskPersonId(c.person_id)}, group ${c.group}${c.enterprise_id ? `, employer ${c.enterprise_id}` : ''}`,
      `occupation ${c.occupation ?? '(none)'}, level ${c.level ?? '(none)'}, claimed ${c.claim_date}. Claims are decided in (claim_date, claim_id) order;`,
      'earlier eligible claims and the history count against later ones.',
    ],
    sections: [{ title: `${d.status}${d.status === 'eligible' ? ` ${formatFen(d.amount)}` : ''}${d.reasons.length ? ` (${d.reasons.join(';')})` : ''}`, steps: d.trace ?? [] }],
    reads: d.reads ?? [],
  };
}

// ── The command ──────────────────────────────────────────────────────────────

export interface TrainingSubsidyResult extends CalculatorResult {
  /** the decisions reported, by claim_id: every claim, or those claimed in the years asked for */
  decisions: Decision[];
  /** subsidy-summary.csv's lines and the totals of the decisions reported */
  summary: SummaryLine[];
  totals: SubsidyTotals;
}

/**
 * Every claim in the file is decided, in (claim_date, claim_id) order, so that earlier claims
 * count against later ones; only the claims made in the years asked for (--year; in `run`, also
 * --from/--to) are reported. The summary and totals are counted as the claims are decided.
 */
export function computeTrainingSubsidy(
  inputs: Pick<InputTypes, 'trainees' | 'catalog'> & Partial<Pick<InputTypes, 'history' | 'qualifications'>>,
  ctx: ComputeContext,
): TrainingSubsidyResult {
  const explainId = ctx.explain?.trim();
  const inRange = inYearRange(ctx.range);
  const tally = new Tally();
  const reported = new Uint8Array(inputs.trainees.length);
  let n = 0;
  const all = decideAll(
    ctx.rules,
    { claims: inputs.trainees, catalog: inputs.catalog, history: inputs.history ?? [], qualifications: inputs.qualifications ?? new Map() },
    { explain: (id) => id === explainId },
    (d, person, i) => {
      if (!inRange(yearOf(d.claim.claim_date))) return;
      reported[i] = 1;
      n++;
      tally.add(d, !person.reported);
      person.reported = true;
    },
  );
  return {
    decisions: n === all.byId.length ? all.byId : all.byId.filter((_, i) => reported[i] === 1),
    summary: tally.lines(),
    totals: tally.totals(),
    conflicts: [],
    dropped: [],
    hints: [],
    ...(all.traced ? { trace: explainTrace(all.traced) } : {}),
  };
}

// ── Reports, summary ─────────────────────────────────────────────────────────

export const SUBSIDY_COLUMNS: readonly ColumnDef[] = [
  { name: 'claim_id', zh: '申请编号', type: 'text' },
  { name: 'person_id', zh: '身份证号', type: 'text', personal: true },
  { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
  { name: 'program', zh: '补贴项目', type: 'text' },
  { name: 'occupation', zh: '职业（工种）', type: 'text' },
  { name: 'level', zh: '技能等级', type: 'int' },
  { name: 'certificate_date', zh: '发证日期', type: 'text' },
  { name: 'claim_date', zh: '申请日期', type: 'text' },
  { name: 'status', zh: '审核结果', type: 'text' },
  { name: 'amount', zh: '补贴金额', type: 'money' },
  { name: 'reasons', zh: '原因', type: 'text' },
  { name: 'rule_refs', zh: '政策依据', type: 'text' },
];

export const SUBSIDY_SUMMARY_COLUMNS: readonly ColumnDef[] = [
  { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
  { name: 'program', zh: '补贴项目', type: 'text' },
  { name: 'claims', zh: '申请数', type: 'int' },
  { name: 'eligible', zh: '符合条件数', type: 'int' },
  { name: 'amount', zh: '补贴金额', type: 'money' },
];

/** subsidies.csv (CONTRACT §5), one row per claim, sorted by claim_id. The 身份证号 as the input had it. */
export function subsidiesTable(decisions: readonly Decision[]): ReportTable {
  // Reported by claim_id already (computeTrainingSubsidy): then the sort is one pass.
  const sorted = [...decisions].sort((a, b) => byText(a.claim.claim_id, b.claim.claim_id));
  const text = new Texts();
  return {
    columns: SUBSIDY_COLUMNS,
    // Each row's cells, in SUBSIDY_COLUMNS order, made as the report is written (none kept).
    rows: {
      *[Symbol.iterator]() {
        for (const d of sorted) {
          const c = d.claim;
          yield [
            c.claim_id,
            c.person_id,
            c.enterprise_id ?? '',
            c.program,
            c.occupation ?? '',
            c.level ?? '',
            c.certificate_date ?? '',
            c.claim_date,
            d.status,
            text.fen(d.amount),
            text.joined(d.reasons),
            text.joined(d.refs),
          ];
        }
      },
    },
  };
}

/** The text of cells that repeat from row to row (amounts, the shared reason and source lists), made once each. */
class Texts {
  private readonly amounts = new Map<Fen, string>();
  private readonly lists = new Map<readonly string[], string>();

  fen(amount: Fen): string {
    let t = this.amounts.get(amount);
    if (t === undefined) {
      t = formatFen(amount);
      if (this.amounts.size < 10_000) this.amounts.set(amount, t);
    }
    return t;
  }

  /** The list joined with `;` (a list shared by many decisions is joined once). */
  joined(list: readonly string[]): string {
    let t = this.lists.get(list);
    if (t === undefined) {
      t = list.join(';');
      if (this.lists.size < 10_000) this.lists.set(list, t);
    }
    return t;
  }
}

export interface SummaryLine {
  enterprise_id: string;
  program: string;
  claims: number;
  eligible: number;
  amount: number;
}

/** Claims, eligible and amount per enterprise and program, and in all, counted one decision at a time. */
class Tally {
  private readonly by = new Map<string, Map<Program, SummaryLine>>();
  private readonly all: SummaryLine[] = [];
  private readonly sum: SubsidyTotals = { claims: 0, eligible: 0, amount: 0, persons: 0 };

  /** `newPerson`: the first decision of its person counted */
  add(d: Decision, newPerson: boolean): void {
    const e = d.claim.enterprise_id ?? '';
    let programs = this.by.get(e);
    if (!programs) this.by.set(e, (programs = new Map()));
    let s = programs.get(d.claim.program);
    if (!s) {
      programs.set(d.claim.program, (s = { enterprise_id: e, program: d.claim.program, claims: 0, eligible: 0, amount: 0 }));
      this.all.push(s);
    }
    count(s, d);
    count(this.sum, d);
    if (newPerson) this.sum.persons++;
  }

  /** by enterprise_id, then program */
  lines(): SummaryLine[] {
    return [...this.all].sort((a, b) => byText(a.enterprise_id, b.enterprise_id) || byText(a.program, b.program));
  }

  totals(): SubsidyTotals {
    return { ...this.sum };
  }
}

function count(t: { claims: number; eligible: number; amount: Fen }, d: Decision): void {
  t.claims++;
  if (d.status === 'eligible') t.eligible++;
  t.amount = addFen(t.amount, d.amount);
}

/** The decisions counted (the persons by 身份证号). */
function tallied(decisions: readonly Decision[]): Tally {
  const t = new Tally();
  const persons = new Set<string>();
  for (const d of decisions) {
    t.add(d, !persons.has(d.claim.person_id));
    persons.add(d.claim.person_id);
  }
  return t;
}

export function summaryLines(decisions: readonly Decision[]): SummaryLine[] {
  return tallied(decisions).lines();
}

/** subsidy-summary.csv: claims, eligible and amount per enterprise and program. */
export function subsidySummaryTable(decisions: readonly Decision[]): Table {
  return summaryTable(summaryLines(decisions));
}

function summaryTable(lines: readonly SummaryLine[]): Table {
  return { columns: SUBSIDY_SUMMARY_COLUMNS, rows: lines.map((s) => ({ ...s, amount: formatFen(s.amount) })) };
}

export interface SubsidyTotals {
  claims: number;
  eligible: number;
  amount: number;
  persons: number;
}

export function subsidyTotals(decisions: readonly Decision[]): SubsidyTotals {
  return tallied(decisions).totals();
}

export const trainingSubsidy = defineCalculator<TrainingSubsidyResult>({
  name: 'training_subsidy',
  command: 'subsidy',
  noun: 'the training subsidies',
  nounPlural: true,
  summary: 'training subsidy eligibility: five programs, the per-person rules across claims and years',
  description:
    'Decides, for every claim in trainees.csv, whether it is eligible and for how much, and lists every reason when ' +
    'it is not: the person (身份证号, working age, group), the certificate, the catalogue, the program conditions, and ' +
    'the rules across claims and history (once per occupation and level, no lower level after a higher one, one ' +
    'subsidy per certificate, at most 3 a year, month limits). Claims are decided in (claim_date, claim_id) order.',
  examples: [
    'skilltax subsidy --trainees trainees.csv --catalog fixtures/catalog-example.csv --out subsidies.csv',
    'skilltax subsidy --trainees trainees.csv --catalog catalog.csv --history history.csv --year 2024 \\',
    '    --out subsidies-2024.csv --summary subsidy-summary-2024.csv',
    'skilltax subsidy --trainees fixtures/demo/trainees.csv --catalog fixtures/demo/catalog.csv \\',
    '    --history fixtures/demo/history.csv --explain C2024-0001',
    '',
    'Exit status: 0 done (ineligible claims are decisions, not errors); 2 nothing written.',
  ],
  inputs: [
    { kind: 'trainees', file: 'trainees.csv', flag: 'trainees', required: true, help: 'trainees.csv: the claims' },
    { kind: 'catalog', file: 'catalog.csv', flag: 'catalog', required: true, help: 'catalog.csv: amounts by program, occupation and level (see fixtures/catalog-example.csv)' },
    { kind: 'history', file: 'history.csv', flag: 'history', required: false, help: 'history.csv: subsidies paid before' },
    { kind: 'qualifications', file: 'qualifications.csv', flag: 'qualifications', required: false, help: 'qualifications.csv (an individual_business employer excludes skill_upgrade)' },
  ],
  range: 'claim_year',
  rangeHelp: { year: 'report the claims made in this year (earlier claims in the file still count against them)' },
  explain: {
    arg: 'claim_id',
    help: 'print a step-by-step account of one claim',
    style: 'source',
    missing: (id, paths) => `--explain ${id}: no such claim_id in ${paths.trainees}`,
  },
  compute: (inputs, ctx) => computeTrainingSubsidy({ ...inputs, trainees: inputs.trainees!, catalog: inputs.catalog! }, ctx),
  reports: [
    { name: 'subsidies', flag: 'out', help: 'write subsidies.csv here (default: standard output)', table: (r) => subsidiesTable(r.decisions) },
    { name: 'subsidy-summary', flag: 'summary', help: 'write subsidy-summary.csv (enterprise_id, program, claims, eligible, amount) here', table: (r) => summaryTable(r.summary) },
  ],
  title: 'Training subsidies (职业技能培训补贴)',
  summarize: (r): SummaryItem[] => {
    const t = r.totals;
    return [
      { item: 'claims', label: 'claims', value: String(t.claims) },
      { item: 'persons', label: 'persons', value: String(t.persons) },
      { item: 'eligible', label: 'eligible', value: String(t.eligible) },
      { item: 'ineligible', label: 'ineligible', value: String(t.claims - t.eligible) },
      { item: 'total_amount', label: 'total amount', value: formatFen(t.amount) },
    ];
  },
  warnings: () => [],
  afterword: (r) => {
    const t = r.totals;
    return `subsidy: ${t.claims} claim${t.claims === 1 ? '' : 's'} of ${t.persons} person${t.persons === 1 ? '' : 's'}, ${t.eligible} eligible, ${t.claims - t.eligible} ineligible, amount ${formatFen(t.amount)}`;
  },
});
