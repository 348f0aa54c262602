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
import { getLang, t, tIn, type Lang } from '../i18n/index.js';
import { withTexts, type TextKey } from './messages.js';
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

/** Every reason code CONTRACT §5 documents: REASONS and the codes of rules not (yet) applied. */
export const DOCUMENTED_REASONS: readonly string[] = [...REASONS, 'program_cap_reached', 'employer_required'];

/**
 * What a reason code means, for a person (the explain, the HTML report): "claim filed after the
 * claim window" / "超过申领期限". A code CONTRACT §5 does not document is given back as it is.
 */
export function reasonText(code: string, lang: Lang = getLang()): string {
  return DOCUMENTED_REASONS.includes(code) ? tIn(lang, `subsidy.reason.${code}` as TextKey) : code;
}

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
  /**
   * Records a rule's outcome: its reason when it fails, its source in rule_refs, and for the
   * explain how it was decided. `label` is a message key (its text is made only for the explain).
   */
  check(label: Label, ok: boolean, how: string, reason?: Reason, cite?: Cite): void;
}
type Check = (x: Ctx) => void;

/** A check's label: the key of its text, or (a label with figures) a function making it. */
type Label = TextKey | (() => string);
const labelText = (l: Label): string => (typeof l === 'function' ? l() : t(l));

const LEVEL_NAMES = ['', '高级技师', '技师', '高级工', '中级工', '初级工'];
export const levelName = (l: number | undefined): string => (l === undefined ? t('subsidy.none') : `${l} (${LEVEL_NAMES[l] ?? '?'})`);

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
  return 'paid_date' in f
    ? t('subsidy.paid.history', { line: f.line, program: f.program, date: f.paid_date })
    : t('subsidy.paid.claim', { id: f.claim_id, program: f.program, date: f.claim_date });
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
  x.check('subsidy.check.personId', problem === undefined, x.traced ? (problem ?? t('subsidy.how.personIdValid')) : '', 'invalid_person_id', ID_SOURCE);
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
    'subsidy.check.workingAge',
    age >= min && age < retire,
    // The birth date is not shown: with the masked number it would give the whole 身份证号 away.
    x.traced ? t('subsidy.how.workingAge', { age, on: x.decidingDate, male: info.sex === 'male', min, retire, line: own ? row.line : undefined }) : '',
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
  let how = x.traced ? (ok ? `${c.group}` : t('subsidy.how.groupNever', { group: c.group })) : '';
  if (c.program !== 'skill_upgrade') {
    if (ok && !allowed.includes(c.group))
      return x.check('subsidy.check.group', false, x.traced ? t('subsidy.how.groupOnly', { program: c.program, allowed, group: c.group }) : '', 'group_not_eligible', groupsKey);
    return x.check('subsidy.check.group', ok, how, 'group_not_eligible', 'subsidy.excluded_groups');
  }
  const employerGroups = x.rules.list('subsidy.skill_upgrade.employer_groups', on);
  const needsEmployer = employerGroups.includes(c.group);
  // The rule that decided: the groups admitted; for an employee, the employer requirement too.
  let cite: Cite = needsEmployer ? keys.employerAndGroups : groupsKey;
  if (ok && !allowed.includes(c.group)) {
    ok = false;
    if (x.traced) how = t('subsidy.how.groupOnly', { program: 'skill_upgrade', allowed, group: c.group });
    cite = groupsKey;
  } else if (ok && needsEmployer && !c.enterprise_id) {
    ok = false;
    if (x.traced) how = t('subsidy.how.employerNone');
  } else if (ok && needsEmployer) {
    const ib = covering(x.input.qualifications.get(c.enterprise_id!) ?? [], 'individual_business', on, on);
    if (ib) {
      ok = false;
      if (x.traced) how = t('subsidy.how.employerIndividual', { id: c.enterprise_id!, from: ib.valid_from });
    }
  }
  // failing, only the first rule is cited
  x.check('subsidy.check.group', ok, how, 'group_not_eligible', ok || typeof cite === 'string' ? cite : cite[0]);
};

const certificateCheck: Check = (x) => {
  const { c } = x;
  const has = c.certificate_type !== undefined && c.certificate_type !== 'none' && c.certificate_date !== undefined;
  x.check(
    'subsidy.check.certificate',
    has,
    !x.traced
      ? ''
      : has
        ? t('subsidy.how.certificate', { type: c.certificate_type!, no: c.certificate_no, date: c.certificate_date! })
        : c.certificate_type === undefined || c.certificate_type === 'none'
          ? t('subsidy.how.noCertificate')
          : t('subsidy.how.noCertificateDate'),
    'no_certificate',
  );
};

/** A subsidy for a certificate is claimed once it is obtained: a claim dated before its certificate pays nothing. */
const claimAfterCertificateCheck: Check = (x) => {
  const { c } = x;
  if (!c.certificate_date) return;
  const ok = c.claim_date >= c.certificate_date;
  x.check('subsidy.check.claimAfterCertificate', ok, x.traced ? t('subsidy.how.claimAfterCertificate', { claimed: c.claim_date, certificate: c.certificate_date }) : '', 'claim_before_certificate');
};

/** Self-evaluation, dual-certificate and apprenticeship certificates are no basis for the training subsidy. */
const routeCheck: Check = (x) => {
  const route = x.c.route ?? 'standard';
  const bad = x.rules.list('subsidy.training.excluded_routes', x.decidingDate).includes(route);
  x.check('subsidy.check.route', !bad, x.traced ? (bad ? t('subsidy.how.routeExcluded', { route }) : route) : '', 'route_excluded', 'subsidy.training.excluded_routes');
};

/** Claimed within the window after the certificate (the same day N months on is in time). */
const claimWindowCheck: Check = (x) => {
  const { c } = x;
  if (!c.certificate_date) return;
  const months = x.rules.count('subsidy.claim_window_months', x.decidingDate);
  const deadline = addMonths(c.certificate_date, months);
  const ok = c.claim_date <= deadline;
  x.check('subsidy.check.claimWindow', ok, x.traced ? t('subsidy.how.claimWindow', { claimed: c.claim_date, ok, deadline, months }) : '', 'claim_window_expired', 'subsidy.claim_window_months');
};

/** The level is one the program pays for. */
const levelIn =
  (key: string): Check =>
  (x) => {
    const levels = x.rules.list(key, x.decidingDate);
    const ok = x.c.level !== undefined && levels.includes(String(x.c.level));
    x.check('subsidy.check.level', ok, x.traced ? t('subsidy.how.level', { level: levelName(x.c.level), levels }) : '', 'level_not_covered', key);
  };

/** skill_upgrade: unemployment insurance months, by the certificate's date (36 before 2019, 12 from 2019). */
const skillUpgradeInsuredCheck: Check = (x) => {
  const need = x.rules.count('subsidy.skill_upgrade.insured_months', x.decidingDate);
  const have = x.c.insured_months ?? 0;
  x.check('subsidy.check.insuredMonths', have >= need, x.traced ? t('subsidy.how.insuredForCertificate', { have, need, date: x.decidingDate }) : '', 'insured_months_insufficient', 'subsidy.skill_upgrade.insured_months');
};

const minInsured =
  (key: string): Check =>
  (x) => {
    const need = x.rules.count(key, x.decidingDate);
    const have = x.c.insured_months ?? 0;
    x.check('subsidy.check.insuredMonths', have >= need, x.traced ? t('subsidy.how.insured', { have, need }) : '', 'insured_months_insufficient', key);
  };

const minContract =
  (key: string): Check =>
  (x) => {
    const need = x.rules.count(key, x.decidingDate);
    const have = x.c.contract_months ?? 0;
    x.check('subsidy.check.contract', have >= need, x.traced ? t('subsidy.how.contract', { have, need }) : '', 'contract_too_short', key);
  };

/** shortage_post: the certificate held 3 years (level 2) or 1 year (level 1) at the claim. */
const certificateHeldCheck: Check = (x) => {
  const { c } = x;
  if (!c.certificate_date || (c.level !== 1 && c.level !== 2)) return;
  const key = `subsidy.shortage_post.held_years.level${c.level}`;
  const years = x.rules.count(key, x.decidingDate);
  const since = addMonths(c.certificate_date, 12 * years);
  x.check('subsidy.check.certificateHeld', c.claim_date >= since, x.traced ? t('subsidy.how.certificateHeld', { certificate: c.certificate_date, years, since, claimed: c.claim_date }) : '', 'cert_held_too_short', key);
};

/** shortage_post: the catalogue marks the occupation shortage. */
const shortageOccupationCheck: Check = (x) => {
  const { c, row } = x;
  if (!row) return;
  x.check(
    'subsidy.check.shortageOccupation',
    row.shortage === true,
    !x.traced ? '' : row.shortage ? t('subsidy.how.shortage', { occupation: row.occupation }) : t('subsidy.how.notShortage', { line: row.line, occupation: c.occupation }),
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
      'subsidy.check.onceOccupationLevel',
      !dup,
      !x.traced
        ? ''
        : dup
          ? t('subsidy.how.levelPaid', { occupation: c.occupation!, level: levelName(c.level), paid: what(dup) })
          : t('subsidy.how.noEarlierLevel', { occupation: c.occupation!, level: c.level }),
      'duplicate_occupation_level',
      CROSS_CLAIM,
    );
    x.check(
      'subsidy.check.noLowerAfterHigher',
      !higher,
      !x.traced ? '' : higher ? t('subsidy.how.higherPaid', { level: levelName(higher.level), occupation: c.occupation!, paid: what(higher) }) : t('subsidy.how.noHigherPaid'),
      'lower_level_after_higher',
      CROSS_CLAIM,
    );
  }
  if (c.certificate_no) {
    // A certificate number belongs to one person: used by anyone before, it pays no more.
    const used = x.certificates.get(c.certificate_no);
    x.check(
      'subsidy.check.oncePerCertificate',
      !used,
      !x.traced ? '' : used ? t('subsidy.how.certificatePaid', { no: c.certificate_no, paid: what(used) }) : t('subsidy.how.certificateNotPaid', { no: c.certificate_no }),
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
  x.check('subsidy.check.oncePerPerson', !before, !x.traced ? '' : before ? t('subsidy.how.shortagePaid', { paid: what(before) }) : t('subsidy.how.nonePaid'), 'duplicate_occupation_level', x.spec);
};

/** At most subsidy.yearly_cap counted subsidies per person in the calendar year of the claim. */
const yearlyCapCheck: Check = (x) => {
  const year = yearOf(x.c.claim_date);
  const cap = x.rules.count('subsidy.yearly_cap', x.c.claim_date);
  let n = 0;
  for (const e of x.earlier) if (PROGRAM_SPECS[e.program].counted && e.year === year) n++;
  x.check('subsidy.check.yearlyCap', n < cap, x.traced ? t('subsidy.how.yearlyCap', { n, year, paid: countedIn(x.earlier, year).map(what), cap }) : '', 'yearly_cap_reached', 'subsidy.yearly_cap');
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
  x.check(
    () => t('subsidy.check.programYear', { program: p }),
    n < cap + extra,
    x.traced ? t('subsidy.how.programYear', { n, program: p, year, cap: cap + extra, urgent: extra > 0 }) : '',
    'yearly_cap_reached',
    key,
  );
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
  tracer.step(() => ({ label: t('subsidy.step.monthlyRegime'), value: 'monthly', how: t('subsidy.how.monthlyRegime', { date: first.date, paid: what(first) }), cite: ['subsidy.shortage_post.monthly_regime'] }));
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

  check(label: Label, ok: boolean, how: string, reason?: Reason, cite?: Cite): void {
    if (!ok && reason) this.reasons |= BIT[reason];
    if (cite === undefined) {
      // nothing to cite
    } else if (typeof cite === 'string') this.cite(this.tracer.cited(cite).source);
    else if ('source' in cite) this.cite(cite.source);
    else for (const k of cite) this.cite(this.tracer.cited(k).source);
    if (this.traced) {
      const keys = cite === undefined || (typeof cite !== 'string' && 'source' in cite) ? [] : typeof cite === 'string' ? [cite] : cite;
      const source = cite !== undefined && typeof cite !== 'string' && 'source' in cite ? cite.source : undefined;
      this.step({ label: labelText(label), value: ok ? 'ok' : (reason ?? 'fails'), how, ...(keys.length ? { cite: keys } : source !== undefined ? { source } : {}) });
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
        label: t('subsidy.step.decidingDate'),
        value: decidingDate,
        how:
          spec.decidingDate === 'certificate'
            ? c.certificate_date
              ? t('subsidy.how.byCertificateDate')
              : t('subsidy.how.byClaimDateNoCertificate')
            : t('subsidy.how.byClaimDate'),
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
          label: t('subsidy.step.catalogueRow'),
          value: `${formatFen(row.amount)} ${row.unit}`,
          how: t('subsidy.how.catalogueRow', {
            line: row.line,
            program: row.program,
            occupation: row.occupation,
            level: row.level === '*' ? '*' : levelName(row.level),
            certificate: row.certificate_type,
            from: row.valid_from,
            to: row.valid_to ?? '',
            shortage: Boolean(row.shortage),
            urgent: Boolean(row.urgent),
          }),
          source: catSource,
        });
      }
    } else {
      x.check(
        'subsidy.check.catalogue',
        false,
        !traced
          ? ''
          : pick === 'not_in_catalog'
            ? t('subsidy.how.noCatalogueRow', { program: c.program, occupation: c.occupation ?? t('subsidy.none'), on: decidingDate })
            : t('subsidy.how.noCatalogueLevel', { program: c.program, occupation: c.occupation, on: decidingDate, level: levelName(c.level) }),
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
        'subsidy.check.withinYears',
        c.claim_date <= until,
        traced ? t('subsidy.how.withinYears', { first: monthlyFrom.date, paid: what(monthlyFrom), claimed: c.claim_date, ok: c.claim_date <= until, until }) : '',
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
        x.check('subsidy.check.monthsPerPerson', false, traced ? t('subsidy.how.monthsNotGiven') : '', 'duration_exceeded', spec.monthLimit);
      }
      paidMonths = Math.min(months, left);
      partial = months > left && left > 0;
      x.check(
        'subsidy.check.monthsPerPerson',
        months <= left,
        traced ? t('subsidy.how.months', { months, used, limit, left }) : '',
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
          label: t('subsidy.step.amount'),
          value: formatFen(amount),
          how:
            row.unit === 'per_claim'
              ? t('subsidy.how.amountPerClaim')
              : row.unit === 'per_month'
                ? t('subsidy.how.amountPerMonth', { amount: formatFen(row.amount), months })
                : t('subsidy.how.amountPerYear', { amount: formatFen(row.amount), months }),
        });
      }
    }
    const ordered = this.lists.reasons(reasons);
    if (traced) this.step({ label: t('subsidy.step.decision'), value: eligible ? 'eligible' : 'ineligible', ...(ordered.length ? { how: t('subsidy.how.reasons', { reasons: reasonsWithText(ordered) }) } : {}) });
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

/** Reason codes with what each means, for the explain. */
const reasonsWithText = (codes: readonly string[]) => withTexts(codes, (code) => reasonText(code));

/** The account of one claim: the 身份证号 masked (first 6 and last 4 shown). */
export function explainTrace(d: Decision): Trace {
  const c = d.claim;
  return {
    subject: c.claim_id,
    heading: [
      t('subsidy.explain.heading1', { id: c.claim_id, program: c.program, person: maskPersonId(c.person_id), group: c.group, employer: c.enterprise_id }),
      t('subsidy.explain.heading2', { occupation: c.occupation ?? t('subsidy.none'), level: c.level === undefined ? t('subsidy.none') : String(c.level), claimed: c.claim_date }),
      t('subsidy.explain.heading3'),
    ],
    sections: [
      {
        title: t('subsidy.explain.outcome', { eligible: d.status === 'eligible', amount: formatFen(d.amount), reasons: reasonsWithText(d.reasons) }),
        steps: d.trace ?? [],
      },
    ],
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
  noun: t('subsidy.noun'),
  nounPlural: true,
  summary: t('subsidy.summary'),
  description: t('subsidy.description'),
  examples: [
    'skilltax subsidy --trainees trainees.csv --catalog fixtures/catalog-example.csv --out subsidies.csv',
    'skilltax subsidy --trainees trainees.csv --catalog catalog.csv --history history.csv --year 2024 \\',
    '    --out subsidies-2024.csv --summary subsidy-summary-2024.csv',
    'skilltax subsidy --trainees fixtures/demo/trainees.csv --catalog fixtures/demo/catalog.csv \\',
    '    --history fixtures/demo/history.csv --explain C2024-0001',
    '',
    t('subsidy.exitStatus'),
  ],
  inputs: [
    { kind: 'trainees', file: 'trainees.csv', flag: 'trainees', required: true, help: t('subsidy.input.trainees') },
    { kind: 'catalog', file: 'catalog.csv', flag: 'catalog', required: true, help: t('subsidy.input.catalog') },
    { kind: 'history', file: 'history.csv', flag: 'history', required: false, help: t('subsidy.input.history') },
    { kind: 'qualifications', file: 'qualifications.csv', flag: 'qualifications', required: false, help: t('subsidy.input.qualifications') },
  ],
  range: 'claim_year',
  rangeHelp: { year: t('subsidy.range.year') },
  explain: {
    arg: 'claim_id',
    help: t('subsidy.explain.help'),
    style: 'source',
    missing: (id, paths) => t('subsidy.explain.missing', { id, file: paths.trainees }),
  },
  compute: (inputs, ctx) => computeTrainingSubsidy({ ...inputs, trainees: inputs.trainees!, catalog: inputs.catalog! }, ctx),
  reports: [
    { name: 'subsidies', flag: 'out', help: t('subsidy.report.subsidies'), table: (r) => subsidiesTable(r.decisions) },
    { name: 'subsidy-summary', flag: 'summary', help: t('subsidy.report.summary'), table: (r) => summaryTable(r.summary) },
  ],
  title: t('subsidy.title'),
  summarize: (r): SummaryItem[] => {
    const totals = r.totals;
    return [
      { item: 'claims', label: t('subsidy.item.claims'), value: String(totals.claims) },
      { item: 'persons', label: t('subsidy.item.persons'), value: String(totals.persons) },
      { item: 'eligible', label: t('subsidy.item.eligible'), value: String(totals.eligible) },
      { item: 'ineligible', label: t('subsidy.item.ineligible'), value: String(totals.claims - totals.eligible) },
      { item: 'total_amount', label: t('subsidy.item.totalAmount'), value: formatFen(totals.amount) },
    ];
  },
  warnings: () => [],
  afterword: (r) => {
    const x = r.totals;
    return t('subsidy.afterword', { claims: x.claims, persons: x.persons, eligible: x.eligible, amount: formatFen(x.amount) });
  },
});
