/**
 * Training subsidy eligibility (RULES §4, CONTRACT §5). Pure: claims, catalogue, history and
 * qualifications in; one decision per claim with its reasons, amount, sources and an explain
 * trace out. Claims are decided in (claim_date, claim_id) order, and an eligible claim counts
 * against the later ones exactly as a paid subsidy in the history does.
 */
import type { CatalogRow, HistoryRow, Program, TraineeRow } from '../io/kinds.js';
import { personIdInfo, personIdProblem } from '../io/ids.js';
import { Dec, formatFen, type Fen } from '../io/money.js';
import { byText } from '../io/order.js';
import { normalizeLabel } from '../io/values.js';
import type { InForce, Rules } from '../rules/index.js';
import { qualifiedOn, type QualificationSpan, type TraceStep } from './education.js';

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
] as const;
export type Reason = (typeof REASONS)[number];

export interface Claim extends TraineeRow {
  line: number;
}

export interface CatalogEntry extends CatalogRow {
  line: number;
}

export interface HistoryEntry extends HistoryRow {
  line: number;
}

export interface Decision {
  claim: Claim;
  status: 'eligible' | 'ineligible';
  amount: Fen;
  reasons: Reason[];
  /** legal sources of the rules and the catalogue row used */
  refs: string[];
  decidingDate: string;
  catalog?: CatalogEntry;
  /** months paid for a per-month or per-year program (after the per-person limit) */
  paidMonths?: number;
  trace: TraceStep[];
}

/** The legal basis of each program (RULES §4.1). */
export const PROGRAM_SOURCES: Record<Program, string> = {
  training: '国办发〔2019〕24号',
  skill_upgrade: '人社部发〔2017〕40号',
  apprenticeship: '人社部发〔2021〕39号',
  work_based: '人社部发〔2020〕30号',
  shortage_post: '甬人社发〔2023〕22号',
};

/** The rules across claims (once per occupation and level, lower after higher, one subsidy per certificate). */
const CROSS_CLAIM_SOURCE = '浙江省 2024 职业技能培训补贴通知';

/** Programs counted against the yearly cap (individual subsidies, RULES §4.2). */
const COUNTED: Program[] = ['training', 'skill_upgrade', 'apprenticeship'];
/** Programs that pay for obtaining a certificate: one subsidy per occupation and level, per certificate. */
const CERTIFICATE_PAID: Program[] = ['training', 'skill_upgrade'];
const MONTH_LIMITS: Partial<Record<Program, string>> = {
  apprenticeship: 'subsidy.apprenticeship.max_months',
  work_based: 'subsidy.work_based.max_months',
};

const LEVEL_NAMES = ['', '高级技师', '技师', '高级工', '中级工', '初级工'];
export const levelName = (l: number | undefined): string => (l === undefined ? '(none)' : `${l} (${LEVEL_NAMES[l] ?? '?'})`);

/** Same calendar day `n` months later; the month's last day when it has no such day. */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Completed years from `birth` to `on` (a birthday counts on its day; 02-29 on 03-01 in other years). */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** What has been paid to a person that later claims are checked against. */
interface Paid {
  program: Program;
  occupation?: string;
  level?: number;
  certificate_no?: string;
  year: number;
  months: number;
  /** for the explain: "claim C-12 (2023-03-02)" or "history line 5 (2022-07-01)" */
  what: string;
}

const occKey = (o: string | undefined): string | undefined => (o === undefined ? undefined : normalizeLabel(o));

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
): { row?: CatalogEntry; miss?: 'not_in_catalog' | 'level_not_covered' } {
  const occ = occKey(occupation);
  const valid = catalog.filter((r) => r.program === program && r.valid_from <= on && (r.valid_to === undefined || on <= r.valid_to));
  const byOcc = valid.filter((r) => r.occupation === '*' || (occ !== undefined && occKey(r.occupation) === occ));
  if (!byOcc.length) return { miss: 'not_in_catalog' };
  const byLevel = byOcc.filter((r) => r.level === '*' || (level !== undefined && r.level === level));
  if (!byLevel.length) return { miss: 'level_not_covered' };
  const score = (r: CatalogEntry) => (r.occupation === '*' ? 0 : 2) + (r.level === '*' ? 0 : 1);
  const row = [...byLevel].sort((a, b) => score(b) - score(a) || byText(b.valid_from, a.valid_from) || a.line - b.line)[0]!;
  return { row };
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

export function decideClaims(rules: Rules, input: SubsidyInput): Decision[] {
  const paid = new Map<string, Paid[]>();
  const paidOf = (person: string) => {
    let list = paid.get(person);
    if (!list) paid.set(person, (list = []));
    return list;
  };
  /** certificate number → the first training or skill_upgrade payment on it, of anyone */
  const certificates = new Map<string, Paid>();
  /** A payment (from the history, or an eligible claim) that later claims are checked against. */
  const record = (person: string, p: Paid) => {
    paidOf(person).push(p);
    if (p.certificate_no && CERTIFICATE_PAID.includes(p.program) && !certificates.has(p.certificate_no)) certificates.set(p.certificate_no, p);
  };
  const paidRecord = (r: Pick<Claim, 'program' | 'occupation' | 'level' | 'certificate_no'>, date: string, months: number, what: string): Paid => ({
    program: r.program,
    occupation: occKey(r.occupation),
    level: r.level,
    certificate_no: r.certificate_no,
    year: Number(date.slice(0, 4)),
    months,
    what,
  });
  for (const h of input.history) {
    record(h.person_id, paidRecord(h, h.paid_date, h.months ?? 0, `history line ${h.line} (${h.program}, paid ${h.paid_date})`));
  }
  const decisions: Decision[] = [];
  for (const c of [...input.claims].sort(claimOrder)) {
    const d = decideOne(rules, input, c, paidOf(c.person_id), certificates);
    decisions.push(d);
    if (d.status === 'eligible') {
      record(c.person_id, paidRecord(c, c.claim_date, d.paidMonths ?? 0, `claim ${c.claim_id} (${c.program}, claimed ${c.claim_date})`));
    }
  }
  return decisions;
}

function decideOne(rules: Rules, input: SubsidyInput, c: Claim, earlier: readonly Paid[], certificates: ReadonlyMap<string, Paid>): Decision {
  const reasons = new Set<Reason>();
  const refs = new Set<string>([PROGRAM_SOURCES[c.program]]);
  const trace: TraceStep[] = [];
  const check = (label: string, ok: boolean, how: string, reason?: Reason, source?: string) => {
    trace.push({ label, value: ok ? 'ok' : reason ?? 'fails', how, source });
    if (!ok && reason) reasons.add(reason);
    if (source) refs.add(source);
  };
  const param = (key: string, on: string): InForce | undefined => rules.at(key, on);
  const count = (key: string, on: string): number | undefined => {
    const e = param(key, on);
    return e === undefined ? undefined : Number(e.value);
  };
  const list = (key: string, on: string): string[] => param(key, on)?.value.split(';') ?? [];
  const src = (key: string, on: string) => {
    const e = param(key, on);
    return e ? `${e.source}` : undefined;
  };

  const p = c.program;
  const certificateProgram = p === 'training' || p === 'skill_upgrade' || p === 'shortage_post';
  // A subsidy for obtaining a certificate is decided by the rules and catalogue of the day it was
  // obtained; a post or apprenticeship subsidy by those in force when it is claimed.
  const decidingDate = (p === 'training' || p === 'skill_upgrade') && c.certificate_date ? c.certificate_date : c.claim_date;
  trace.push({
    label: 'deciding date',
    value: decidingDate,
    how:
      (p === 'training' || p === 'skill_upgrade') && c.certificate_date
        ? 'the certificate date (rules and catalogue in force when it was obtained)'
        : p === 'training' || p === 'skill_upgrade'
          ? 'the claim date (no certificate date)'
          : 'the claim date',
  });

  // ── the person ───────────────────────────────────────────────────────────────
  const idProblem = personIdProblem(c.person_id);
  check('身份证号', idProblem === undefined, idProblem ?? 'valid check character and birth date', 'invalid_person_id', 'GB 11643-1999');
  if (idProblem === undefined) {
    const info = personIdInfo(c.person_id);
    const age = ageOn(info.birthDate, decidingDate);
    const min = count('subsidy.working_age.min', decidingDate) ?? 16;
    const retireKey = info.sex === 'male' ? 'subsidy.retirement_age.male' : 'subsidy.retirement_age.female';
    const retire = count(retireKey, decidingDate) ?? Infinity;
    check(
      'working age',
      age >= min && age < retire,
      // The birth date is not shown: with the masked number it would give the whole 身份证号 away.
      `${age} on ${decidingDate} (${info.sex === 'male' ? 'man' : 'woman'}; ${min} ≤ age < ${retire})`,
      'age_out_of_range',
      src(retireKey, decidingDate),
    );
  }
  const excluded = list('subsidy.excluded_groups', decidingDate);
  let groupOk = !excluded.includes(c.group);
  let groupHow = groupOk ? `${c.group}` : `${c.group} is never subsidised`;
  if (groupOk && p === 'skill_upgrade') {
    const allowed = list('subsidy.skill_upgrade.groups', decidingDate);
    if (!allowed.includes(c.group)) {
      groupOk = false;
      groupHow = `skill_upgrade is for ${allowed.join(', ')} only, not ${c.group}`;
    } else if (!c.enterprise_id) {
      groupOk = false;
      groupHow = 'skill_upgrade is for employees of an enterprise: the claim names none';
    } else {
      const ib = qualifiedOn(input.qualifications.get(c.enterprise_id) ?? [], 'individual_business', decidingDate);
      if (ib) {
        groupOk = false;
        groupHow = `the employer ${c.enterprise_id} is a 个体工商户 (qualifications: individual_business ${ib.valid_from}…)`;
      }
    }
  }
  check('group', groupOk, groupHow, 'group_not_eligible', p === 'skill_upgrade' ? src('subsidy.skill_upgrade.groups', decidingDate) : src('subsidy.excluded_groups', decidingDate));

  // ── the certificate ──────────────────────────────────────────────────────────
  if (certificateProgram) {
    const has = c.certificate_type !== undefined && c.certificate_type !== 'none' && c.certificate_date !== undefined;
    check(
      'certificate',
      has,
      has
        ? `${c.certificate_type} ${c.certificate_no ?? ''} of ${c.certificate_date}`.replace('  ', ' ')
        : c.certificate_type === undefined || c.certificate_type === 'none'
          ? 'no certificate'
          : 'no certificate date',
      'no_certificate',
    );
  }
  if (p === 'training') {
    const route = c.route ?? 'standard';
    const bad = list('subsidy.training.excluded_routes', decidingDate);
    check('route', !bad.includes(route), bad.includes(route) ? `${route} certificates are no basis for the training subsidy` : route, 'route_excluded', src('subsidy.training.excluded_routes', decidingDate));
  }
  if ((p === 'training' || p === 'skill_upgrade') && c.certificate_date) {
    const months = count('subsidy.claim_window_months', decidingDate) ?? 12;
    const deadline = addMonths(c.certificate_date, months);
    check(
      'claim window',
      c.claim_date <= deadline,
      `claimed ${c.claim_date}, ${c.claim_date <= deadline ? 'by' : 'after'} ${deadline} (${months} months after the certificate)`,
      'claim_window_expired',
      src('subsidy.claim_window_months', decidingDate),
    );
  }

  // ── the catalogue ───────────────────────────────────────────────────────────
  const pick = pickCatalog(input.catalog, p, c.occupation, c.level, decidingDate);
  const row = pick.row;
  if (row) {
    const catSource = row.source ?? `catalog.csv line ${row.line}`;
    refs.add(catSource);
    trace.push({
      label: 'catalogue row',
      value: `${formatFen(row.amount)} ${row.unit}`,
      how: `line ${row.line}: ${row.program}, occupation ${row.occupation}, level ${row.level === '*' ? '*' : levelName(row.level)}, valid ${row.valid_from}…${row.valid_to ?? ''}${row.shortage ? ', shortage' : ''}`,
      source: catSource,
    });
  } else {
    check(
      'catalogue',
      false,
      pick.miss === 'not_in_catalog'
        ? `no ${p} row for occupation ${c.occupation ?? '(none)'} valid on ${decidingDate}`
        : `the catalogue has ${p} rows for ${c.occupation} on ${decidingDate}, none for level ${levelName(c.level)}`,
      pick.miss,
    );
  }

  // ── the program's own conditions ────────────────────────────────────────────
  if (p === 'skill_upgrade') {
    const levels = list('subsidy.skill_upgrade.levels', decidingDate);
    const ok = c.level !== undefined && levels.includes(String(c.level));
    check('level', ok, `${levelName(c.level)}; paid for levels ${levels.join(', ')}`, 'level_not_covered', src('subsidy.skill_upgrade.levels', decidingDate));
    const need = count('subsidy.skill_upgrade.insured_months', decidingDate) ?? 12;
    const have = c.insured_months ?? 0;
    check('insured months', have >= need, `${have} (at least ${need} for a certificate of ${decidingDate})`, 'insured_months_insufficient', src('subsidy.skill_upgrade.insured_months', decidingDate));
  }
  if (p === 'apprenticeship') {
    const need = count('subsidy.apprenticeship.min_contract_months', decidingDate) ?? 12;
    const have = c.contract_months ?? 0;
    check('labour contract', have >= need, `${have} months (at least ${need})`, 'contract_too_short', src('subsidy.apprenticeship.min_contract_months', decidingDate));
  }
  if (p === 'shortage_post') {
    const levels = list('subsidy.shortage_post.levels', decidingDate);
    const ok = c.level !== undefined && levels.includes(String(c.level));
    check('level', ok, `${levelName(c.level)}; paid for levels ${levels.join(', ')}`, 'level_not_covered', src('subsidy.shortage_post.levels', decidingDate));
    const contract = count('subsidy.shortage_post.min_contract_months', decidingDate) ?? 36;
    check('labour contract', (c.contract_months ?? 0) >= contract, `${c.contract_months ?? 0} months (at least ${contract})`, 'contract_too_short', src('subsidy.shortage_post.min_contract_months', decidingDate));
    const insured = count('subsidy.shortage_post.min_insured_months', decidingDate) ?? 12;
    check('insured months', (c.insured_months ?? 0) >= insured, `${c.insured_months ?? 0} (at least ${insured})`, 'insured_months_insufficient', src('subsidy.shortage_post.min_insured_months', decidingDate));
    if (c.certificate_date && (c.level === 1 || c.level === 2)) {
      const key = `subsidy.shortage_post.held_years.level${c.level}`;
      const years = count(key, decidingDate) ?? 0;
      const since = addMonths(c.certificate_date, 12 * years);
      check('certificate held', c.claim_date >= since, `certificate of ${c.certificate_date}, ${years} years on ${since}; claimed ${c.claim_date}`, 'cert_held_too_short', src(key, decidingDate));
    }
    if (row) check('shortage occupation', row.shortage === true, row.shortage ? `${row.occupation} is marked shortage` : `the catalogue row (line ${row.line}) does not mark ${c.occupation} as a shortage occupation`, 'not_in_catalog');
  }

  // ── what was paid before ─────────────────────────────────────────────────────
  const occ = occKey(c.occupation);
  if (CERTIFICATE_PAID.includes(p)) {
    const same = earlier.filter((e) => CERTIFICATE_PAID.includes(e.program));
    if (occ !== undefined && c.level !== undefined) {
      const dup = same.find((e) => e.occupation === occ && e.level === c.level);
      check('once per occupation and level', !dup, dup ? `${c.occupation} level ${levelName(c.level)} already paid: ${dup.what}` : `no earlier ${c.occupation} level ${c.level}`, 'duplicate_occupation_level', CROSS_CLAIM_SOURCE);
      const higher = same.find((e) => e.occupation === occ && e.level !== undefined && e.level < c.level!);
      check('no lower level after a higher one', !higher, higher ? `level ${levelName(higher.level)} of ${c.occupation} already paid: ${higher.what}` : 'no higher level paid', 'lower_level_after_higher', CROSS_CLAIM_SOURCE);
    }
    if (c.certificate_no) {
      // A certificate number belongs to one person: used by anyone before, it pays no more.
      const used = certificates.get(c.certificate_no);
      check('one subsidy per certificate', !used, used ? `certificate ${c.certificate_no} already paid: ${used.what}` : `certificate ${c.certificate_no} not paid before`, 'certificate_already_used', CROSS_CLAIM_SOURCE);
    }
  }
  if (p === 'shortage_post') {
    const before = earlier.find((e) => e.program === 'shortage_post');
    check('once per person', !before, before ? `a shortage post subsidy was already paid: ${before.what}` : 'none paid before', 'duplicate_occupation_level', PROGRAM_SOURCES.shortage_post);
  }
  const year = Number(c.claim_date.slice(0, 4));
  if (COUNTED.includes(p)) {
    const cap = count('subsidy.yearly_cap', c.claim_date);
    if (cap !== undefined) {
      const inYear = earlier.filter((e) => COUNTED.includes(e.program) && e.year === year);
      check(
        'yearly cap',
        inYear.length < cap,
        `${inYear.length} counted subsidies already in ${year}${inYear.length ? ': ' + inYear.map((e) => e.what).join(', ') : ''} (at most ${cap})`,
        'yearly_cap_reached',
        src('subsidy.yearly_cap', c.claim_date),
      );
    }
  }
  if (p === 'skill_upgrade') {
    const cap = count('subsidy.skill_upgrade.yearly_cap', c.claim_date);
    if (cap !== undefined) {
      const extra = row?.shortage ? (count('subsidy.skill_upgrade.urgent_extra', c.claim_date) ?? 0) : 0;
      const inYear = earlier.filter((e) => e.program === 'skill_upgrade' && e.year === year);
      check(
        'skill_upgrade a year',
        inYear.length < cap + extra,
        `${inYear.length} skill_upgrade subsidies already in ${year} (at most ${cap + extra}${extra ? ', shortage occupation' : ''})`,
        'yearly_cap_reached',
        src('subsidy.skill_upgrade.yearly_cap', c.claim_date),
      );
    }
  }
  let paidMonths: number | undefined;
  let partial = false;
  const limitKey = MONTH_LIMITS[p];
  if (limitKey) {
    const limit = count(limitKey, decidingDate) ?? Infinity;
    const used = earlier.filter((e) => e.program === p).reduce((a, e) => a + e.months, 0);
    const left = Math.max(0, limit - used);
    const months = c.months ?? 0;
    paidMonths = Math.min(months, left);
    partial = months > left && left > 0;
    check(
      'months per person',
      months <= left,
      `${months} claimed, ${used} paid before, at most ${limit}: ${left === 0 ? 'none left' : months > left ? `${left} paid` : 'all paid'}`,
      'duration_exceeded',
      src(limitKey, decidingDate),
    );
  }

  // ── the decision ────────────────────────────────────────────────────────────
  const blocking = [...reasons].filter((r) => !(r === 'duration_exceeded' && partial));
  const eligible = blocking.length === 0 && row !== undefined;
  let amount = 0;
  if (eligible) {
    const months = paidMonths ?? c.months ?? 0;
    if (row.unit === 'per_claim') amount = row.amount;
    else if (row.unit === 'per_month') amount = row.amount * months;
    else amount = new Dec(row.amount).mul(months).div(12).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
    const how =
      row.unit === 'per_claim'
        ? 'the catalogue amount'
        : row.unit === 'per_month'
          ? `${formatFen(row.amount)} × ${months} months`
          : `round(${formatFen(row.amount)} × ${months} / 12)`;
    trace.push({ label: 'amount', value: formatFen(amount), how });
  }
  const ordered = REASONS.filter((r) => reasons.has(r));
  trace.push({ label: 'decision', value: eligible ? 'eligible' : 'ineligible', how: ordered.join(';') || undefined });
  return {
    claim: c,
    status: eligible ? 'eligible' : 'ineligible',
    amount,
    reasons: ordered,
    refs: [...refs],
    decidingDate,
    ...(row ? { catalog: row } : {}),
    ...(paidMonths !== undefined ? { paidMonths } : {}),
    trace,
  };
}
