/**
 * Talent awards and grants (RULES §5, CONTRACT §6): the `awards` command. Pure: award rows and the
 * history of awards paid in; one decision per row with its reasons, amount, sources (with their
 * status) and non-cash benefits out. Rows are decided in (year, award date, award_id) order, never
 * in file order, and a granted award counts against the later rows exactly as a payment in
 * award-history.csv does.
 *
 * What defines a program is one row of PROGRAM_SPECS: who receives it (so how its id is checked),
 * and its named rules, each citing the parameter it applies.
 */
import { personIdProblem, maskPersonId, usccProblem } from '../domain/ids.js';
import { addFen, formatFen, mulFen, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import type { Award, AwardHistoryEntry, InputTypes } from '../domain/records.js';
import type { ColumnDef, Table } from '../domain/table.js';
import { Tracer, type ParamRead, type Trace, type TraceStep } from '../domain/trace.js';
import { AWARD_RECIPIENT, STUDIO_LEVELS, type AwardProgram, type StudioLevel } from '../domain/vocabulary.js';
import type { Rules } from '../rules/index.js';
import { getLang, t, tIn, type Lang } from '../i18n/index.js';
import { withTexts, type TextKey } from './messages.js';
import { defineCalculator, inYearRange, type CalculatorResult, type ComputeContext, type SummaryItem } from './calculator.js';

export const AWARD_REASONS = [
  'invalid_recipient_id',
  'unknown_level',
  'level_not_covered',
  'level_already_granted',
  'not_three_consecutive',
  'duplicate_award',
  'rank_not_awarded',
  'not_excellent',
  'headcount_fell',
  'no_workers',
] as const;
export type AwardReason = (typeof AWARD_REASONS)[number];


/**
 * What an award reason code means, for a person (the explain, the HTML report): "already paid"
 * / "已享受过该奖励". A code not in AWARD_REASONS is given back as it is.
 */
export function awardReasonText(code: string, lang: Lang = getLang()): string {
  return (AWARD_REASONS as readonly string[]).includes(code) ? tIn(lang, `awards.reason.${code}` as TextKey) : code;
}

/** Reason codes with what each means, for the explain. */
const reasonsWithText = (codes: readonly string[]) => withTexts(codes, (code) => awardReasonText(code));

export interface AwardDecision {
  award: Award;
  /** the recipient id as compared and reported: upper-cased for a 身份证号 or 统一社会信用代码 */
  recipient: string;
  status: 'eligible' | 'ineligible';
  amount: Fen;
  reasons: AwardReason[];
  /** the sources of the rules applied, each parameter's with its status: `慈溪… (seed) [practice]` */
  refs: string[];
  /** the non-cash titles and benefits granted with it */
  benefits: string[];
  /**
   * In award-payments.csv: every row but a studio's yearly review that makes no reward due and
   * is refused nothing (RULES §5: a review row appears only when a reward falls due or is refused).
   */
  reported: boolean;
  /** the steps and parameters read, only for the row being explained */
  trace?: TraceStep[];
  reads?: ParamRead[];
}

/** The legal basis of each recipient id check. */
const ID_SOURCES = { person: 'GB 11643-1999', enterprise: 'GB 32100-2015' } as const;

const LEVEL_NAMES: Record<string, string> = { '1': '高级技师', '2': '技师', '3': '高级工', '4': '中级工', '5': '初级工' };
const STUDIO_LEVEL_NAMES: Record<StudioLevel, string> = { city: '慈溪市级', ningbo: '宁波市级', province: '省级', national: '国家级' };

/** Events compare after folding full-width forms, case and surrounding space; an unnamed event is its year. */
const eventKey = (a: { event?: string; year: number }) => (a.event === undefined ? String(a.year) : a.event.normalize('NFKC').trim().toLowerCase());

/** The recipient as compared: a 身份证号 or 统一社会信用代码 upper-cased (a small x is an X), a studio id as given. */
export const recipientKey = (program: AwardProgram, id: string) => (AWARD_RECIPIENT[program] === 'studio' ? id.trim() : id.trim().toUpperCase());

/** The day an award is decided and its parameters read: its award_date, else 31 December of its year. */
export const awardDate = (a: Pick<Award, 'award_date' | 'year'>) => a.award_date ?? `${a.year}-12-31`;

/** Decision order: (year, award date, award_id); award_id is unique, so file order never matters. */
export function awardOrder(a: Award, b: Award): number {
  return a.year - b.year || byText(awardDate(a), awardDate(b)) || byText(a.award_id, b.award_id);
}

// ── What was granted before: the once-only rules ────────────────────────────────

interface Granted {
  /** program, recipient and scope (title: '', event, year, studio level) → what paid it */
  once: Map<string, string>;
  /** studio → level → what paid it */
  studioLevels: Map<string, Map<StudioLevel, string>>;
  /** studio → the excellence rewards paid: year, what, and whether award-history.csv holds it */
  studioRewards: Map<string, { year: number; what: string; history: boolean }[]>;
  /** studio → year → rating, from every review row of the file */
  reviews: Map<string, Map<number, string>>;
  /** studio → excellent reviews in the file since the count last restarted or came to an end */
  pending: Map<string, number>;
}

/** The key of a once-only award: a title once per person, housing once per person, 技能之星 once per event, an enterprise award once a year. */
function onceKey(program: AwardProgram, recipient: string, a: { event?: string; year: number }): string | undefined {
  switch (program) {
    case 'shanglin_gold':
    case 'shanglin_silver':
    case 'shanglin_craftsman':
    case 'housing_allowance':
      return `${program}\u0000${recipient}`;
    case 'skill_star':
      return `${program}\u0000${recipient}\u0000${eventKey(a)}`;
    case 'shortage_retention':
    case 'certification_enterprise':
      return `${program}\u0000${recipient}\u0000${a.year}`;
    default:
      return undefined;
  }
}

function grant(g: Granted, program: AwardProgram, recipient: string, a: { event?: string; year: number; level?: string }, what: string, history: boolean): void {
  const key = onceKey(program, recipient, a);
  if (key !== undefined && !g.once.has(key)) g.once.set(key, what);
  if (program === 'master_studio' && isStudioLevel(a.level)) {
    let levels = g.studioLevels.get(recipient);
    if (!levels) g.studioLevels.set(recipient, (levels = new Map()));
    if (!levels.has(a.level)) levels.set(a.level, what);
  }
  if (program === 'master_studio_rating') {
    const list = g.studioRewards.get(recipient) ?? [];
    list.push({ year: a.year, what, history });
    g.studioRewards.set(recipient, list);
  }
}

const isStudioLevel = (l: string | undefined): l is StudioLevel => l !== undefined && (STUDIO_LEVELS as readonly string[]).includes(l);

// ── One row ────────────────────────────────────────────────────────────────────

/** What a program's rules see and record. */
interface Ctx {
  rules: Rules;
  a: Award;
  recipient: string;
  /** the day its parameters are read */
  on: string;
  g: Granted;
  tracer: Tracer;
  /** records a rule's outcome: its reason when it fails; the cited parameters go into rule_refs */
  check(label: string, ok: boolean, how: string, reason: AwardReason, cite?: readonly string[], source?: string): void;
  /** records a step that is not a test (a figure, a count) */
  note(label: string, value: string, how: string, cite?: readonly string[]): void;
  /** the amount due if nothing is refused */
  due(amount: Fen, how: string, cite: readonly string[]): void;
  /** the non-cash benefits of a list parameter, granted with the amount */
  benefits(key: string): void;
  /** a studio review that makes nothing due: not in the report */
  unreported(): void;
}

interface ProgramSpec {
  /** what the award is, for the explain: its message key */
  title: TextKey;
  decide(x: Ctx): void;
}

/** Once per person, title, event or enterprise-year (RULES §5): what was paid before refuses it. */
const onceCheck = (x: Ctx, label: string, cite: readonly string[]) => {
  const key = onceKey(x.a.program, x.recipient, x.a)!;
  const before = x.g.once.get(key);
  x.check(label, before === undefined, before === undefined ? t('awards.how.nonePaid') : t('awards.how.alreadyPaid', { paid: before }), 'duplicate_award', cite);
};

/** 上林金匠 / 银匠 / 工匠: the title's amount, once per person per title, with its non-cash benefit (工会疗休养). */
const shanglin =
  (title: string): ProgramSpec['decide'] =>
  (x) => {
    const key = `awards.${x.a.program}.amount`;
    const amount = x.rules.amount(key, x.on);
    onceCheck(x, t('awards.check.oncePerPersonTitle', { title }), [key]);
    x.due(amount, t('awards.how.titleAmount', { title }), [key]);
    x.benefits(`awards.${x.a.program}.benefits`);
  };

/**
 * 技能大师工作室 construction grant by level; on promotion the grant of the new level, each level
 * once per studio. A level at or below one already granted is refused.
 */
const masterStudio: ProgramSpec['decide'] = (x) => {
  const level = x.a.level;
  if (!isStudioLevel(level)) {
    x.check(t('awards.check.studioLevel'), false, level === undefined ? t('awards.how.noLevel') : t('awards.how.notStudioLevel', { level, levels: STUDIO_LEVELS }), 'unknown_level');
    return;
  }
  const key = `awards.master_studio.amount.${level}`;
  const amount = x.rules.amount(key, x.on);
  x.note(t('awards.check.studioLevel'), level, STUDIO_LEVEL_NAMES[level]);
  const granted = x.g.studioLevels.get(x.recipient) ?? new Map<StudioLevel, string>();
  const rank = STUDIO_LEVELS.indexOf(level);
  const atOrAbove = [...granted].filter(([l]) => STUDIO_LEVELS.indexOf(l) >= rank).sort(([a], [b]) => STUDIO_LEVELS.indexOf(b) - STUDIO_LEVELS.indexOf(a));
  x.check(
    t('awards.check.eachLevelOnce'),
    atOrAbove.length === 0,
    atOrAbove.length === 0
      ? granted.size
        ? t('awards.how.promotion', { granted: [...granted].map(([level, paid]) => ({ level, paid })) })
        : t('awards.how.noGrantBefore')
      : t('awards.how.levelGranted', { level: atOrAbove[0]![0], paid: atOrAbove[0]![1] }),
    'level_already_granted',
    [key],
  );
  x.due(amount, t('awards.how.levelGrant', { level }), [key]);
};

/**
 * The excellence reward: due in the year that completes `years` consecutive excellent reviews
 * (连续三年考核优秀); a review not excellent, or a year without one, restarts the count. A year
 * without a review row counts as excellent when an excellence reward in award-history.csv covers
 * it. `repeat` = once: one reward per studio ever; per_run: one for each run of `years`. An
 * excellent review that is the `years`-th since the count last restarted but not consecutive (a
 * year missing between) is refused not_three_consecutive; other reviews are not reported.
 */
const studioRating: ProgramSpec['decide'] = (x) => {
  const { a, g } = x;
  const need = x.rules.count('awards.master_studio_rating.years', x.on);
  const reviews = g.reviews.get(x.recipient) ?? new Map<number, string>();
  const rewards = g.studioRewards.get(x.recipient) ?? [];
  // A reward in the history stands for the `need` excellent years it rewarded (their review rows may be in no file).
  const covered = (y: number) => rewards.some((r) => r.history && r.year - need < y && y <= r.year);
  if (a.rating !== 'excellent') {
    g.pending.set(x.recipient, 0);
    x.note(t('awards.check.review'), a.rating ?? t('awards.none'), t('awards.how.notExcellent', { need }), ['awards.master_studio_rating.years']);
    x.unreported();
    return;
  }
  let streak = 0;
  const years: string[] = [];
  for (let y = a.year; ; y--) {
    const r = reviews.get(y);
    if (r === 'excellent' || (r === undefined && covered(y))) {
      streak++;
      years.push(r === undefined ? t('awards.how.yearFromHistory', { year: y }) : String(y));
    } else break;
  }
  const pending = (g.pending.get(x.recipient) ?? 0) + 1;
  g.pending.set(x.recipient, pending);
  x.note(t('awards.check.excellentYears'), String(streak), t('awards.how.excellentYears', { years: years.reverse(), need }), ['awards.master_studio_rating.years']);
  const key = 'awards.master_studio_rating.amount';
  if (streak % need === 0) {
    g.pending.set(x.recipient, 0);
    const amount = x.rules.amount(key, x.on);
    const repeat = x.rules.choice('awards.master_studio_rating.repeat', x.on);
    const before = repeat === 'once' ? rewards[0] : rewards.find((r) => r.year === a.year);
    x.check(
      repeat === 'once' ? t('awards.check.oncePerStudio') : t('awards.check.oncePerRun'),
      before === undefined,
      before === undefined
        ? t('awards.how.runCompletes', { streak, run: streak / need, once: repeat === 'once' })
        : repeat === 'once'
          ? t('awards.how.rewardPaidOnce', { paid: before.what })
          : t('awards.how.runRewardPaid', { paid: before.what }),
      'duplicate_award',
      ['awards.master_studio_rating.repeat'],
    );
    x.due(amount, t('awards.how.excellenceReward', { need }), [key]);
    return;
  }
  if (pending >= need) {
    g.pending.set(x.recipient, 0);
    x.check(t('awards.check.consecutiveYears'), false, t('awards.how.yearMissing', { need, streak }), 'not_three_consecutive', [
      'awards.master_studio_rating.years',
    ]);
    return;
  }
  x.unreported();
};

/** 技能之星: the rank's amount, at most the cap; ranks without an amount are not paid; once per person per event. */
const skillStar: ProgramSpec['decide'] = (x) => {
  const { a } = x;
  const rank = a.rank ?? 0;
  x.note(t('awards.check.event'), a.event ?? String(a.year), a.event === undefined ? t('awards.how.eventUnnamed') : t('awards.how.eventNamed'));
  const key = `awards.skill_star.amount.rank${rank}`;
  const paidRanks = [1, 2, 3, 4, 5];
  if (!paidRanks.includes(rank)) {
    x.check(t('awards.check.rank'), false, t('awards.how.rankOutside', { rank, first: paidRanks[0]!, last: paidRanks.at(-1)! }), 'rank_not_awarded');
    onceCheck(x, t('awards.check.oncePerEvent'), []);
    return;
  }
  const amount = x.rules.amount(key, x.on);
  const cap = x.rules.amount('awards.skill_star.cap', x.on);
  x.check(t('awards.check.rank'), amount > 0, amount > 0 ? t('awards.how.rankAmount', { rank, amount: formatFen(amount) }) : t('awards.how.rankUnpaid', { rank }), 'rank_not_awarded', [key]);
  onceCheck(x, t('awards.check.oncePerEvent'), []);
  const paid = Math.min(amount, cap);
  x.due(
    paid,
    amount > cap ? t('awards.how.rankCapped', { cap: formatFen(cap), rank, amount: formatFen(amount) }) : t('awards.how.rankAtMost', { rank, cap: formatFen(cap) }),
    ['awards.skill_star.cap'],
  );
  x.benefits('awards.skill_star.benefits');
};

/** 高技能人才生活安居补助: by the level the person holds on the award date, once per person. */
const housing: ProgramSpec['decide'] = (x) => {
  const level = x.a.level;
  if (level === undefined || LEVEL_NAMES[level] === undefined) {
    x.check(t('awards.check.skillLevel'), false, level === undefined ? t('awards.how.noSkillLevel') : t('awards.how.notSkillLevel', { level }), 'unknown_level');
    onceCheck(x, t('awards.check.oncePerPerson'), []);
    return;
  }
  const paid = level === '1' || level === '2';
  if (!paid) {
    x.check(t('awards.check.skillLevel'), false, t('awards.how.levelNotPaid', { level, name: LEVEL_NAMES[level]! }), 'level_not_covered');
    onceCheck(x, t('awards.check.oncePerPerson'), []);
    return;
  }
  const key = `awards.housing_allowance.amount.level${level}`;
  const amount = x.rules.amount(key, x.on);
  x.note(t('awards.check.skillLevel'), level, t('awards.how.levelHeld', { name: LEVEL_NAMES[level]!, on: x.on }));
  onceCheck(x, t('awards.check.oncePerPerson'), [key]);
  x.due(amount, t('awards.how.titleAmount', { title: LEVEL_NAMES[level]! }), [key]);
};

/** Keeping shortage high-skill workers (level 3 or above): 600 each when the headcount is not below last year's. */
const retention: ProgramSpec['decide'] = (x) => {
  const count = x.a.count ?? 0;
  const prior = x.a.prior_count ?? 0;
  const key = 'awards.shortage_retention.amount_per_worker';
  const per = x.rules.amount(key, x.on);
  x.check(t('awards.check.headcountKept'), count >= prior, t('awards.how.headcount', { count, prior }), 'headcount_fell', [key]);
  if (count >= prior) x.check(t('awards.check.workers'), count > 0, `${count}`, 'no_workers');
  onceCheck(x, t('awards.check.oncePerEnterpriseYear'), []);
  x.due(mulFen(per, count), `${formatFen(per)} × ${count}`, [key]);
};

/** 职业技能等级认定 enterprise review: the reward for an enterprise rated excellent, once a year. */
const certification: ProgramSpec['decide'] = (x) => {
  const key = 'awards.certification_enterprise.amount';
  const amount = x.rules.amount(key, x.on);
  x.check(t('awards.check.review'), x.a.rating === 'excellent', t('awards.how.rated', { rating: x.a.rating ?? t('awards.none'), year: x.a.year }), 'not_excellent', [key]);
  onceCheck(x, t('awards.check.oncePerEnterpriseYear'), []);
  x.due(amount, t('awards.how.excellentReviewReward'), [key]);
};

export const PROGRAM_SPECS: Record<AwardProgram, ProgramSpec> = {
  master_studio: { title: 'awards.program.master_studio', decide: masterStudio },
  master_studio_rating: { title: 'awards.program.master_studio_rating', decide: studioRating },
  shanglin_gold: { title: 'awards.program.shanglin_gold', decide: shanglin('上林金匠') },
  shanglin_silver: { title: 'awards.program.shanglin_silver', decide: shanglin('上林银匠') },
  shanglin_craftsman: { title: 'awards.program.shanglin_craftsman', decide: shanglin('上林工匠') },
  skill_star: { title: 'awards.program.skill_star', decide: skillStar },
  housing_allowance: { title: 'awards.program.housing_allowance', decide: housing },
  shortage_retention: { title: 'awards.program.shortage_retention', decide: retention },
  certification_enterprise: { title: 'awards.program.certification_enterprise', decide: certification },
};

/** How a parameter read is cited in rule_refs: its source with its status (a `;` in a source would split it: written `,`). */
const refOf = (r: ParamRead) => `${r.source.replace(/;/g, ',')} [${r.status}]`;

function decideOne(rules: Rules, a: Award, g: Granted, traced: boolean): AwardDecision {
  const tracer = new Tracer(traced, 'full');
  const r0 = rules.recording((r) => tracer.read(r));
  const recipient = recipientKey(a.program, a.recipient_id);
  const kind = AWARD_RECIPIENT[a.program];
  const on = awardDate(a);
  const reasons = new Set<AwardReason>();
  const refs = new Set<string>();
  const benefitKeys: string[] = [];
  let due: Fen | undefined;
  let reported = true;
  const cite = (keys: readonly string[]) => {
    for (const k of keys) refs.add(refOf(tracer.cited(k)));
  };
  tracer.step(() => ({ label: t('awards.step.decidedOn'), value: on, how: a.award_date ? t('awards.how.awardDate') : t('awards.how.yearEnd', { year: a.year }) }));
  const x: Ctx = {
    rules: r0,
    a,
    recipient,
    on,
    g,
    tracer,
    check: (label, ok, how, reason, keys = [], source) => {
      tracer.step(() => ({ label, value: ok ? 'ok' : reason, how, ...(keys.length ? { cite: keys } : {}), ...(source ? { source } : {}) }));
      if (!ok) reasons.add(reason);
      cite(keys);
    },
    note: (label, value, how, keys = []) => {
      tracer.step(() => ({ label, value, how, ...(keys.length ? { cite: keys } : {}) }));
      cite(keys);
    },
    due: (amount, how, keys) => {
      due = amount;
      tracer.step(() => ({ label: t('awards.step.amount'), value: formatFen(amount), how, cite: keys }));
      cite(keys);
    },
    benefits: (key) => benefitKeys.push(key),
    unreported: () => {
      reported = false;
    },
  };

  if (kind !== 'studio') {
    const problem = kind === 'person' ? personIdProblem(recipient) : usccProblem(recipient);
    x.check(kind === 'person' ? t('awards.check.personId') : t('awards.check.uscc'), problem === undefined, problem ?? t('awards.how.idValid'), 'invalid_recipient_id', [], ID_SOURCES[kind]);
    refs.add(ID_SOURCES[kind]);
  }
  PROGRAM_SPECS[a.program].decide(x);

  const ordered = AWARD_REASONS.filter((r) => reasons.has(r));
  const eligible = ordered.length === 0 && due !== undefined;
  const amount = eligible ? due! : 0;
  const benefits: string[] = [];
  if (eligible) {
    for (const key of benefitKeys) {
      const list = r0.list(key, on);
      benefits.push(...list.filter((b) => !benefits.includes(b)));
      cite([key]);
      tracer.step(() => ({ label: t('awards.step.benefits'), value: list.join(';'), how: t('awards.how.benefits'), cite: [key] }));
    }
  }
  if (reported)
    tracer.step(() => ({
      label: t('awards.step.decision'),
      value: eligible ? 'eligible' : 'ineligible',
      how: eligible ? t('awards.how.paid', { amount: formatFen(amount) }) : t('awards.how.refused', { reasons: reasonsWithText(ordered) }),
    }));
  else tracer.step(() => ({ label: t('awards.step.decision'), value: 'nothing due', how: t('awards.how.nothingDue') }));
  return {
    award: a,
    recipient,
    status: eligible ? 'eligible' : 'ineligible',
    amount,
    reasons: ordered,
    refs: [...refs],
    benefits,
    reported,
    ...(traced ? { trace: tracer.steps, reads: tracer.reads } : {}),
  };
}

export interface AwardsInput {
  awards: readonly Award[];
  history: readonly AwardHistoryEntry[];
}

export interface DecideAwardsOptions {
  /** which award to record a trace for (--explain: one award_id) */
  explain?: (awardId: string) => boolean;
}

/**
 * Decides every award row in (year, award date, award_id) order, each granted one counting
 * against the later ones as a payment of award-history.csv does. Throws RuleGapError when a
 * parameter has nothing in force on the day it is needed.
 */
export function decideAwards(rules: Rules, input: AwardsInput, o: DecideAwardsOptions = {}): AwardDecision[] {
  const g: Granted = { once: new Map(), studioLevels: new Map(), studioRewards: new Map(), reviews: new Map(), pending: new Map() };
  const history = [...input.history].sort((a, b) => a.year - b.year || byText(a.award_id, b.award_id) || a.line - b.line);
  for (const h of history) {
    grant(g, h.program, recipientKey(h.program, h.recipient_id), h, t('awards.paid.history', { line: h.line, id: h.award_id, year: h.year }), true);
  }
  for (const a of input.awards) {
    if (a.program !== 'master_studio_rating' || a.rating === undefined) continue;
    const studio = recipientKey(a.program, a.recipient_id);
    let byYear = g.reviews.get(studio);
    if (!byYear) g.reviews.set(studio, (byYear = new Map()));
    byYear.set(a.year, a.rating);
  }
  const decisions: AwardDecision[] = [];
  for (const a of [...input.awards].sort(awardOrder)) {
    const d = decideOne(rules, a, g, o.explain?.(a.award_id) ?? false);
    decisions.push(d);
    if (d.status === 'eligible') grant(g, a.program, d.recipient, a, t('awards.paid.award', { id: a.award_id, year: a.year }), false);
  }
  return decisions;
}

/** The account of one award row: a 身份证号 masked (first 6 and last 4 shown). */
function explainTrace(d: AwardDecision): Trace {
  const a = d.award;
  const who = AWARD_RECIPIENT[a.program] === 'person' ? maskPersonId(d.recipient) : d.recipient;
  const outcome = !d.reported
    ? t('awards.explain.nothingDue')
    : t('awards.explain.outcome', { eligible: d.status === 'eligible', amount: formatFen(d.amount), reasons: reasonsWithText(d.reasons) });
  return {
    subject: a.award_id,
    heading: [
      t('awards.explain.heading1', {
        id: a.award_id,
        program: a.program,
        title: t(PROGRAM_SPECS[a.program].title),
        recipient: AWARD_RECIPIENT[a.program],
        who,
        year: a.year,
        enterprise: a.enterprise_id,
      }),
      t('awards.explain.heading2'),
    ],
    sections: [{ title: outcome, steps: d.trace ?? [] }],
    reads: d.reads ?? [],
  };
}

// ── The command ──────────────────────────────────────────────────────────────

export interface AwardsResult extends CalculatorResult {
  /** the decisions reported: the rows of the years asked for, but reviews that make nothing due */
  decisions: AwardDecision[];
}

/**
 * Every row of the file is decided, so that earlier rows count against later ones; only the rows
 * of the years asked for (--year; in `run`, also --from/--to) are reported.
 */
export function computeAwards(inputs: Pick<InputTypes, 'awards'> & Partial<Pick<InputTypes, 'award_history'>>, ctx: ComputeContext): AwardsResult {
  const explainId = ctx.explain?.trim();
  const all = decideAwards(ctx.rules, { awards: inputs.awards, history: inputs.award_history ?? [] }, { explain: (id) => id === explainId });
  const inRange = inYearRange(ctx.range);
  const explained = all.find((d) => d.trace !== undefined);
  return {
    decisions: all.filter((d) => d.reported && inRange(d.award.year)),
    conflicts: [],
    dropped: [],
    hints: [],
    ...(explained ? { trace: explainTrace(explained) } : {}),
  };
}

export const AWARD_COLUMNS: readonly ColumnDef[] = [
  { name: 'award_id', zh: '奖励编号', type: 'text' },
  { name: 'program', zh: '奖励项目', type: 'text' },
  // a 身份证号 for the personal awards: the report is created 0600
  { name: 'recipient_id', zh: '奖励对象', type: 'text', personal: true },
  { name: 'year', zh: '年度', type: 'int' },
  { name: 'status', zh: '审核结果', type: 'text' },
  { name: 'amount', zh: '奖励金额', type: 'money' },
  { name: 'reasons', zh: '原因', type: 'text' },
  { name: 'rule_refs', zh: '政策依据', type: 'text' },
  { name: 'benefits', zh: '荣誉及待遇', type: 'text' },
];

/** award-payments.csv (CONTRACT §6, `benefits` at the end), one row per award reported, sorted by award_id. */
export function awardPaymentsTable(decisions: readonly AwardDecision[]): Table {
  const sorted = [...decisions].sort((a, b) => byText(a.award.award_id, b.award.award_id));
  return {
    columns: AWARD_COLUMNS,
    rows: sorted.map((d) => ({
      award_id: d.award.award_id,
      program: d.award.program,
      recipient_id: d.recipient,
      year: d.award.year,
      status: d.status,
      amount: formatFen(d.amount),
      reasons: d.reasons.join(';'),
      rule_refs: d.refs.join(';'),
      benefits: d.benefits.join(';'),
    })),
  };
}

export interface AwardTotals {
  awards: number;
  recipients: number;
  eligible: number;
  amount: Fen;
}

export function awardTotals(decisions: readonly AwardDecision[]): AwardTotals {
  let eligible = 0;
  let amount = 0;
  for (const d of decisions) {
    if (d.status === 'eligible') eligible++;
    amount = addFen(amount, d.amount);
  }
  return { awards: decisions.length, recipients: new Set(decisions.map((d) => d.recipient)).size, eligible, amount };
}

export const awards = defineCalculator<AwardsResult>({
  name: 'awards',
  command: 'awards',
  noun: t('awards.noun'),
  nounPlural: true,
  summary: t('awards.summary'),
  description: t('awards.description'),
  examples: [
    'skilltax awards --awards awards.csv --out award-payments.csv',
    'skilltax awards --awards awards.csv --history award-history.csv --year 2024 --out award-payments-2024.csv',
    'skilltax awards --awards fixtures/demo/awards.csv --history fixtures/demo/award-history.csv --explain AW2024-001',
    '',
    t('awards.exitStatus'),
  ],
  inputs: [
    { kind: 'awards', file: 'awards.csv', flag: 'awards', required: true, help: t('awards.input.awards') },
    { kind: 'award_history', file: 'award-history.csv', flag: 'history', required: false, help: t('awards.input.history') },
  ],
  range: 'claim_year',
  rangeHelp: { year: t('awards.range.year') },
  explain: {
    arg: 'award_id',
    help: t('awards.explain.help'),
    style: 'full',
    missing: (id, paths) => t('awards.explain.missing', { id, file: paths.awards }),
  },
  compute: (inputs, ctx) => computeAwards({ ...inputs, awards: inputs.awards! }, ctx),
  reports: [{ name: 'award-payments', flag: 'out', help: t('awards.report.payments'), table: (r) => awardPaymentsTable(r.decisions) }],
  title: t('awards.title'),
  summarize: (r): SummaryItem[] => {
    const totals = awardTotals(r.decisions);
    return [
      { item: 'awards', label: t('awards.item.awards'), value: String(totals.awards) },
      { item: 'recipients', label: t('awards.item.recipients'), value: String(totals.recipients) },
      { item: 'eligible', label: t('awards.item.eligible'), value: String(totals.eligible) },
      { item: 'ineligible', label: t('awards.item.ineligible'), value: String(totals.awards - totals.eligible) },
      { item: 'total_amount', label: t('awards.item.totalAmount'), value: formatFen(totals.amount) },
    ];
  },
  warnings: () => [],
  afterword: (r) => {
    const x = awardTotals(r.decisions);
    return t('awards.afterword', { awards: x.awards, recipients: x.recipients, eligible: x.eligible, amount: formatFen(x.amount) });
  },
});
