/**
 * 免申即享 (政策找人): the certificates of the registry that would pay a training subsidy but were
 * never claimed (issue #15, CONTRACT §8 `skilltax match`). Pure. Each unclaimed certificate
 * becomes the claim its holder would file on the as-of date (程序 skill_upgrade, 技能提升补贴: a
 * certificate of an insured worker), with the insured months and the employer the
 * unemployment-insurance months give on that date; every such claim is decided by
 * `decideClaims`, the one decision function of `subsidy`, together with the claims already
 * filed (trainees.csv) and the payments already made (history.csv), in the same (claim_date,
 * claim_id) order. So a row of unclaimed.csv pays exactly what `skilltax subsidy` pays when the
 * same claim is written into trainees.csv (test/match.test.ts checks it).
 */
import { byText } from '../domain/order.js';
import { addMonths } from '../domain/periods.js';
import type { Certificate, Claim, InputTypes, InsuredMonthsRule } from '../domain/records.js';
import type { ColumnDef, ReportTable, Table } from '../domain/table.js';
import { formatFen, type Fen } from '../domain/money.js';
import type { Rules } from '../rules/index.js';
import { t } from '../i18n/index.js';
import { decideClaims, explainTrace, type Decision } from './training-subsidy.js';
import { memoBy } from './memo.js';
import { defineCalculator, type CalculatorResult, type ComputeContext, type SummaryItem } from './calculator.js';

/** The program an unclaimed certificate is matched to: the 技能提升补贴 of insured workers (RULES §4). */
export const MATCH_PROGRAM = 'skill_upgrade' as const;
/** The claim_id an unclaimed certificate's claim is decided under: a claim_id trainees.csv accepts. */
export const matchClaimId = (certificateNo: string): string => `MATCH-${certificateNo}`;

/** One certificate of the registry that no claim and no payment used, decided as if claimed on the as-of date. */
export interface UnclaimedRow {
  certificate: Certificate;
  /** the claim decided (its claim_date is the as-of date) */
  claim: Claim;
  decision: Decision;
  /** certificate_date + the claim window (subsidy.claim_window_months) */
  deadline: string;
  /** days from the as-of date to the deadline (negative: past it) */
  daysLeft: number;
}

/** A certificate the registry and the claims disagree on: held by one person, claimed by another; or listed twice. */
export interface MatchConflict {
  certificate_no: string;
  /** `claimed_by_other`, or `duplicate_in_registry` (the number listed more than once, for one person or several: each row) */
  kind: 'claimed_by_other' | 'duplicate_in_registry';
  person_id: string;
  /** the other person (claimed_by_other) or '' */
  other_person_id: string;
  /** the claim_id of the other person's claim ('' for a duplicate in the registry) */
  where: string;
}

export interface MatchResult extends CalculatorResult {
  asOf: string;
  /** payable first, then by deadline, certificate_no; expired ones only with includeExpired */
  rows: UnclaimedRow[];
  conflicts_: MatchConflict[];
  /** certificates of the registry read, and those used by a claim or a payment */
  certificates: number;
  used: number;
  expired: number;
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/**
 * The unclaimed certificates on `asOf` (YYYY-MM-DD), as things stood that day: certificates issued
 * after it, claims filed and payments made after it are left out. A certificate is used when a
 * filed claim or a history payment names its certificate_no (whoever filed it: a claim by another person than the
 * holder is a conflict, not a match). Each unused one is decided as the claim
 * `{claim_id: MATCH-<no>, program: skill_upgrade, group: employee, claim_date: asOf,
 * enterprise_id: employer on asOf, insured_months: months paid by asOf, certificate fields}` with
 * every filed claim, after them on the same day by claim_id. Expired certificates (deadline before
 * asOf) are kept only with `includeExpired`. Throws RuleGapError as `subsidy` does.
 */
export function matchCertificates(
  rules: Rules,
  inputs: Pick<InputTypes, 'certificates' | 'insurance' | 'catalog'> & Partial<Pick<InputTypes, 'trainees' | 'history' | 'qualifications'>>,
  asOf: string,
  o: { includeExpired?: boolean; explain?: string } = {},
): MatchResult {
  // As of the date: the claims filed and the payments made by then; a certificate issued after it does not exist yet.
  const trainees = (inputs.trainees ?? []).filter((c) => c.claim_date <= asOf);
  const history = (inputs.history ?? []).filter((h) => h.paid_date <= asOf);
  // who used which certificate number
  const claimedBy = new Map<string, Claim>();
  for (const c of trainees) if (c.certificate_no && !claimedBy.has(c.certificate_no)) claimedBy.set(c.certificate_no, c);
  const paid = new Set<string>();
  for (const h of history) if (h.certificate_no) paid.add(h.certificate_no);
  // the registry: a certificate number is one certificate; listed twice (for one person or two) it is a conflict, not paid
  const conflicts: MatchConflict[] = [];
  const byNo = new Map<string, Certificate[]>();
  for (const c of inputs.certificates) {
    if (c.certificate_date > asOf) continue;
    const list = byNo.get(c.certificate_no);
    if (list) list.push(c);
    else byNo.set(c.certificate_no, [c]);
  }
  const unique: Certificate[] = [];
  for (const [no, list] of byNo) {
    if (list.length === 1) {
      unique.push(list[0]!);
      continue;
    }
    // (no line numbers: the same registry in another row order gives the same report)
    for (const c of list) {
      const other = list.find((o) => o.person_id !== c.person_id)?.person_id ?? '';
      conflicts.push({ certificate_no: no, kind: 'duplicate_in_registry', person_id: c.person_id, other_person_id: other, where: '' });
    }
  }
  const windowMonths = rules.count('subsidy.claim_window_months', asOf);
  // how insured months are counted (累计 by default): the parameter in force on the as-of date
  const rule = rules.choice('subsidy.insured_months.rule', asOf) as InsuredMonthsRule;
  const candidates: { certificate: Certificate; claim: Claim; deadline: string }[] = [];
  let used = 0;
  let expired = 0;
  for (const c of unique) {
    const claim = claimedBy.get(c.certificate_no);
    if (claim && claim.person_id !== c.person_id) {
      conflicts.push({ certificate_no: c.certificate_no, kind: 'claimed_by_other', person_id: c.person_id, other_person_id: claim.person_id, where: claim.claim_id });
      continue;
    }
    if (claim || paid.has(c.certificate_no)) {
      used++;
      continue;
    }
    const deadline = addMonths(c.certificate_date, windowMonths);
    if (deadline < asOf) {
      expired++;
      if (!o.includeExpired) continue;
    }
    const employer = inputs.insurance.employerOn(c.person_id, asOf);
    candidates.push({
      certificate: c,
      deadline,
      claim: {
        claim_id: matchClaimId(c.certificate_no),
        person_id: c.person_id,
        program: MATCH_PROGRAM,
        group: 'employee',
        claim_date: asOf,
        ...(employer !== undefined ? { enterprise_id: employer } : {}),
        occupation: c.occupation,
        level: c.level,
        certificate_type: c.certificate_type,
        certificate_no: c.certificate_no,
        certificate_date: c.certificate_date,
        ...(c.route !== undefined ? { route: c.route } : {}),
        insured_months: inputs.insurance.monthsBy(c.person_id, asOf, rule),
        line: c.line,
      },
    });
  }
  // One decision function: the filed claims and the matched ones together.
  const explained = o.explain === undefined ? undefined : matchClaimId(o.explain.trim());
  const decisions = decideClaims(
    rules,
    {
      claims: [...trainees, ...candidates.map((x) => x.claim)],
      catalog: inputs.catalog,
      history,
      qualifications: inputs.qualifications ?? new Map(),
    },
    { explain: (id) => id === explained },
  );
  const byId = new Map<string, Decision>();
  for (const d of decisions) byId.set(d.claim.claim_id, d);
  const rows: UnclaimedRow[] = candidates.map((x) => ({ ...x, decision: byId.get(x.claim.claim_id)!, daysLeft: daysBetween(asOf, x.deadline) }));
  const payable = (r: UnclaimedRow) => (r.decision.status === 'eligible' && r.decision.amount > 0 ? 0 : 1);
  rows.sort((a, b) => payable(a) - payable(b) || byText(a.deadline, b.deadline) || byText(a.certificate.certificate_no, b.certificate.certificate_no) || byText(a.certificate.person_id, b.certificate.person_id));
  conflicts.sort((a, b) => byText(a.certificate_no, b.certificate_no) || byText(a.kind, b.kind) || byText(a.person_id, b.person_id) || byText(a.other_person_id, b.other_person_id) || byText(a.where, b.where));
  const traced = explained === undefined ? undefined : byId.get(explained);
  return { asOf, rows, ...(traced?.trace ? { trace: explainTrace(traced) } : {}), conflicts_: conflicts, certificates: inputs.certificates.length, used, expired, conflicts: [], dropped: [], hints: conflicts.length ? [t('match.conflictsNote', { n: conflicts.length })] : [] };
}

const matched = memoBy<readonly Certificate[], MatchResult>();

/**
 * matchCertificates, made once for the same inputs (the same loaded arrays, rules object and
 * options): `run` shares loaded inputs between calculators, so `match` and `fund` decide the
 * unclaimed certificates once.
 */
export function matchOnce(rules: Rules, inputs: Parameters<typeof matchCertificates>[1], asOf: string, o: { includeExpired?: boolean; explain?: string } = {}): MatchResult {
  const args = [rules, inputs.insurance, inputs.catalog, inputs.trainees, inputs.history, inputs.qualifications, asOf, Boolean(o.includeExpired), o.explain];
  return matched(inputs.certificates, args, () => matchCertificates(rules, inputs, asOf, o));
}

export const UNCLAIMED_COLUMNS: readonly ColumnDef[] = [
  { name: 'as_of', zh: '测算日期', type: 'text' },
  { name: 'person_id', zh: '身份证号', type: 'text', personal: true },
  { name: 'certificate_no', zh: '证书编号', type: 'text' },
  { name: 'program', zh: '补贴项目', type: 'text' },
  { name: 'occupation', zh: '职业（工种）', type: 'text' },
  { name: 'level', zh: '等级', type: 'int' },
  { name: 'certificate_date', zh: '发证日期', type: 'text' },
  { name: 'claim_deadline', zh: '申领截止日期', type: 'text' },
  { name: 'days_left', zh: '剩余天数', type: 'int' },
  { name: 'enterprise_id', zh: '参保单位', type: 'text' },
  { name: 'amount', zh: '可享补贴', type: 'money' },
  { name: 'reasons_if_not_payable', zh: '不能享受的原因', type: 'text' },
  { name: 'rule_refs', zh: '政策依据', type: 'text' },
];

/** unclaimed.csv (CONTRACT §8): payable first, sorted by deadline. */
export function unclaimedTable(r: MatchResult): ReportTable {
  return {
    columns: UNCLAIMED_COLUMNS,
    rows: r.rows.map((x) => [
      r.asOf,
      x.certificate.person_id,
      x.certificate.certificate_no,
      x.claim.program,
      x.certificate.occupation,
      x.certificate.level,
      x.certificate.certificate_date,
      x.deadline,
      x.daysLeft,
      x.claim.enterprise_id ?? '',
      formatFen(x.decision.status === 'eligible' ? x.decision.amount : 0),
      x.decision.status === 'eligible' ? '' : x.decision.reasons.join(';'),
      x.decision.refs.join(';'),
    ]),
  };
}

/** match-conflicts.csv: the conflicts section (certificates claimed by another person, or listed twice). */
export function conflictsTable(r: MatchResult): Table {
  return {
    columns: [
      { name: 'certificate_no', zh: '证书编号', type: 'text' },
      { name: 'conflict', zh: '冲突', type: 'text' },
      { name: 'person_id', zh: '身份证号', type: 'text', personal: true },
      { name: 'other_person_id', zh: '另一身份证号', type: 'text', personal: true },
      { name: 'where', zh: '位置', type: 'text' },
    ],
    rows: r.conflicts_.map((c) => ({ certificate_no: c.certificate_no, conflict: c.kind, person_id: c.person_id, other_person_id: c.other_person_id, where: c.where })),
  };
}

/** The payable rows' total (fen) and count. */
export function payableTotals(r: MatchResult): { payable: number; amount: Fen } {
  let payable = 0;
  let amount: Fen = 0;
  for (const x of r.rows)
    if (x.decision.status === 'eligible' && x.decision.amount > 0 && x.daysLeft >= 0) {
      payable++;
      amount += x.decision.amount;
    }
  return { payable, amount };
}

/**
 * The as-of date: `--as-of` when given; else, for `skilltax match`, today (ctx.options.today, from
 * the CLI's clock); in `run` (ctx.options['as-of-default'] = 'data'), the last day of the latest
 * year of the certificates and claims, or today when that is later (a batch over past years is
 * matched as of the end of the years it covers; never a day in the future).
 */
export function asOfFor(options: Readonly<Record<string, string | boolean | undefined>> | undefined, inputs: { certificates: readonly Certificate[]; trainees?: readonly Claim[] }): string {
  const given = options?.['as-of'];
  if (typeof given === 'string') return given;
  const today = options?.today;
  if (typeof today !== 'string') throw new Error('match: the CLI passes today or --as-of');
  if (options?.['as-of-default'] !== 'data') return today;
  let last = '';
  for (const c of inputs.certificates) if (c.certificate_date > last) last = c.certificate_date;
  for (const c of inputs.trainees ?? []) if (c.claim_date > last) last = c.claim_date;
  if (last === '') return today;
  const end = `${last.slice(0, 4)}-12-31`;
  return end < today ? end : today;
}

export const match = defineCalculator<MatchResult>({
  name: 'match',
  command: 'match',
  noun: t('match.noun'),
  summary: t('match.summary'),
  description: t('match.description'),
  examples: [
    'skilltax match --certificates certificates.csv --insurance insurance.csv --catalog catalog.csv \\',
    '    --trainees trainees.csv --history history.csv --as-of 2024-12-31 --out unclaimed.csv',
    'skilltax match --certificates fixtures/demo/certificates.csv --insurance fixtures/demo/insurance.csv \\',
    '    --catalog fixtures/demo/catalog.csv --trainees fixtures/demo/trainees.csv --include-expired',
    '',
    t('match.exitStatus'),
  ],
  inputs: [
    { kind: 'certificates', file: 'certificates.csv', flag: 'certificates', required: true, help: t('match.input.certificates') },
    { kind: 'insurance', file: 'insurance.csv', flag: 'insurance', required: true, help: t('match.input.insurance') },
    { kind: 'catalog', file: 'catalog.csv', flag: 'catalog', required: true, help: t('subsidy.input.catalog') },
    { kind: 'trainees', file: 'trainees.csv', flag: 'trainees', required: false, help: t('match.input.trainees') },
    { kind: 'history', file: 'history.csv', flag: 'history', required: false, help: t('subsidy.input.history') },
    { kind: 'qualifications', file: 'qualifications.csv', flag: 'qualifications', required: false, help: t('subsidy.input.qualifications') },
  ],
  options: [
    { flag: 'as-of', arg: 'date', help: t('match.opt.asOf') },
    { flag: 'include-expired', help: t('match.opt.includeExpired') },
  ],
  range: 'none',
  explain: {
    arg: 'certificate_no',
    help: t('match.explain.help'),
    style: 'source',
    missing: (id) => t('match.explain.missing', { id }),
  },
  compute: (inputs, ctx) =>
    matchOnce(ctx.rules, { ...inputs, certificates: inputs.certificates!, insurance: inputs.insurance!, catalog: inputs.catalog! }, asOfFor(ctx.options, { certificates: inputs.certificates!, ...(inputs.trainees ? { trainees: inputs.trainees } : {}) }), { includeExpired: ctx.options?.['include-expired'] === true, ...(ctx.explain !== undefined ? { explain: ctx.explain } : {}) }),
  reports: [
    { name: 'unclaimed', flag: 'out', help: t('match.report.unclaimed'), table: (r) => unclaimedTable(r) },
    { name: 'match-conflicts', flag: 'conflicts', help: t('match.report.conflicts'), table: (r) => conflictsTable(r) },
  ],
  title: t('match.title'),
  summarize: (r): SummaryItem[] => {
    const p = payableTotals(r);
    return [
      { item: 'as_of', label: t('match.item.asOf'), value: r.asOf },
      { item: 'certificates', label: t('match.item.certificates'), value: String(r.certificates) },
      { item: 'used', label: t('match.item.used'), value: String(r.used) },
      { item: 'unclaimed', label: t('match.item.unclaimed'), value: String(r.rows.filter((x) => x.daysLeft >= 0).length) },
      { item: 'payable', label: t('match.item.payable'), value: String(p.payable) },
      { item: 'payable_amount', label: t('match.item.payableAmount'), value: formatFen(p.amount) },
      { item: 'expired', label: t('match.item.expired'), value: String(r.expired) },
      { item: 'conflicts', label: t('match.item.conflicts'), value: String(r.conflicts_.length) },
    ];
  },
  warnings: () => [],
});
