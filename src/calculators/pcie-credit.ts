/**
 * The 产教融合 credit against 教育费附加 and 地方教育附加 (RULES §2, CONTRACT §4): the `credit`
 * command, with the surcharge computation around it. Pure: typed inputs in, rows, pool and
 * (for one enterprise) an explain trace out.
 *
 * Per filing period and fee, in the form's order (RULES §2.3); parameters are read on the
 * period's last day:
 *   due        = round(base × rate)
 *   exemption  = due if the small-payer exemption applies, else 0      (财税〔2016〕12号)
 *   reduction  = round((due − exemption) × reduction_rate)             (六税两费)
 *   remaining  = due − exemption − reduction
 *   credit     ≤ remaining; credit_edu + credit_local ≤ available      (财税〔2019〕46号)
 *   payable    = max(0, due − exemption − reduction − credit − paid); below zero: overpaid
 * The pool per enterprise (RULES §2.4):
 *   added      = round(pcie.credit_rate × net investment of the period)   (may be negative)
 *   available  = max(0, carry_in + added)
 *   carry_out  = max(0, carry_in + added − credit_edu − credit_local)
 */
import type { Decimal } from 'decimal.js';
import { UsageError } from '../domain/errors.js';
import { addFen, AmountOverflowError, Dec, formatFen, formatRate, mulRate, subFen, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { parsePeriodText, periodEnd, periodOfDate, periodStart, type Period } from '../domain/periods.js';
import { covering, describeSpan, EVER, type QualificationSpan } from '../domain/qualifications.js';
import type { InputTypes, Investment, LedgerEntry, SurchargeFigures, SurchargeReturn } from '../domain/records.js';
import type { Cells, ColumnDef, ReportTable } from '../domain/table.js';
import { NO_TRACE, Tracer, type StepSpec, type Trace } from '../domain/trace.js';
import type { Fee, Qualification } from '../domain/vocabulary.js';
import { carryforward } from '../ledger/carryforward.js';
import { carryBefore, type Conflict } from '../ledger/ledger.js';
import type { Rules } from '../rules/index.js';
import { t } from '../i18n/index.js';
import { defineCalculator, type CalculatorResult, type ComputeContext, type RangeRequest, type SummaryItem } from './calculator.js';

export type CreditNote = 'small_payer_exempt' | 'six_two_reduction' | 'not_pilot' | 'investment_withdrawn' | 'ledger_gap' | 'sales_missing' | 'overpaid';
/** CONTRACT §4's order. */
export const CREDIT_NOTE_ORDER: CreditNote[] = ['small_payer_exempt', 'six_two_reduction', 'not_pilot', 'investment_withdrawn', 'ledger_gap', 'sales_missing', 'overpaid'];
/** Notes that need a person (exit status 1); the reliefs are information. */
const WARNING_NOTES: CreditNote[] = ['not_pilot', 'investment_withdrawn', 'ledger_gap', 'sales_missing', 'overpaid'];

export interface PeriodInput {
  period: Period;
  /** undefined for a period that only has an investment */
  surcharge?: SurchargeFigures;
  /** net 产教融合 investment dated in the period (negative: a withdrawal) */
  investment: Fen;
  investmentRows: number;
}

export interface CreditCarry {
  fen: Fen;
  ledgerPeriod?: string;
  gap: boolean;
}

export interface CreditEnterpriseInput {
  enterpriseId: string;
  periods: readonly PeriodInput[];
  qualifications: readonly QualificationSpan[];
  carry: CreditCarry;
  /** the 留抵退税 deduction not yet used, carried in (fen; 0 when none) */
  refundCarry?: Fen;
}

/** One row of credits.csv (one fee of one enterprise-period), amounts in fen. */
export interface FeeRow {
  enterprise_id: string;
  period: Period;
  fee: Fee;
  base: Fen;
  rate: Decimal;
  due: Fen;
  exemption: Fen;
  reduction: Fen;
  credit: Fen;
  paid: Fen;
  /** never negative: paid above what is owed is `overpaid` */
  payable: Fen;
  /** paid above due − exemption − reduction − credit, else 0 */
  overpaid: Fen;
  notes: CreditNote[];
}

/** One enterprise-period of a carried balance, in fen: the columns of its ledger row. */
export interface LedgerFlow {
  enterprise_id: string;
  period: Period;
  /** 上期结存: carried in */
  opening: Fen;
  /** 当期新增: the period's addition */
  added: Fen;
  /** used against the period's figure */
  used: Fen;
  /** 结转下期: carried to the next period */
  closing: Fen;
}

/** The pool of one enterprise-period: its `pcie_credit` ledger row, and the shortfall of a withdrawal. */
export interface PoolRow extends LedgerFlow {
  /** how far carry in + added fell below zero (investment withdrawn), else 0 */
  shortfall: Fen;
  /** what the period's credits could take together (0 when the credit is not usable) */
  available: Fen;
}

/** The 留抵退税 deduction of one enterprise-period (附列资料（五）): its `refund_deduction` ledger row (`added` is the period's refund deduction, `used` what the period's base took). */
export type RefundRow = LedgerFlow;

export interface CreditResult {
  rows: FeeRow[];
  pool: PoolRow[];
  refund: RefundRow[];
}

const FEE_SPECS: { fee: Fee; key: string; label: string; paid: 'paid_edu' | 'paid_local'; source: string }[] = [
  { fee: 'education_surcharge', key: 'surcharge.education.rate', label: '教育费附加', paid: 'paid_edu', source: '国务院令第448号' },
  { fee: 'local_education_surcharge', key: 'surcharge.local_education.rate', label: '地方教育附加', paid: 'paid_local', source: '财综〔2010〕98号' },
];
const CREDIT_RATE = 'pcie.credit_rate';
const REDUCTION_RATE = 'surcharge.reduction.rate';
const REDUCTION_GROUPS = 'surcharge.reduction.groups';

/** A qualification counts for a filing period when it is valid on any day of it (RULES §2.3); `days`: the period's first and last day, when already looked up. */
export function overlapsPeriod(spans: readonly QualificationSpan[], q: Qualification, p: Period, days = daysOf(p)): QualificationSpan | undefined {
  return covering(spans, q, days.start, days.end);
}

/** Splits what is available between the two fees in proportion to what remains of each (RULES §2.4 [P]). */
export function splitCredit(available: Fen, remEdu: Fen, remLocal: Fen): [Fen, Fen] {
  const total = addFen(remEdu, remLocal);
  if (available <= 0 || total <= 0) return [0, 0];
  if (available >= total) return [remEdu, remLocal];
  const edu = Math.min(remEdu, new Dec(available).mul(remEdu).div(total).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber());
  const local = Math.min(remLocal, available - edu);
  return [edu, local];
}

const NO_RETURN: SurchargeFigures = { vat: 0, vat_exempt_offset: 0, refund_deduction: 0, consumption_tax: 0, paid_edu: 0, paid_local: 0 };

// ── Notes as bits ────────────────────────────────────────────────────────────

/** A note's bit in a set of notes (a small int): its place in CONTRACT §4's order. */
const NOTE_BIT = Object.fromEntries(CREDIT_NOTE_ORDER.map((n, i) => [n, 1 << i])) as Record<CreditNote, number>;
const WARNING_BITS = WARNING_NOTES.reduce((a, n) => a | NOTE_BIT[n], 0);
/** The order FeeRow.notes lists them in: the fee's reliefs, the period's notes as they arise, then overpaid. */
const NOTE_LIST_ORDER: readonly CreditNote[] = ['small_payer_exempt', 'six_two_reduction', 'ledger_gap', 'sales_missing', 'not_pilot', 'investment_withdrawn', 'overpaid'];
/** credits.csv's `notes` cell of every set of notes. */
const NOTES_TEXT = Array.from({ length: 1 << CREDIT_NOTE_ORDER.length }, (_, bits) => CREDIT_NOTE_ORDER.filter((n) => bits & NOTE_BIT[n]).join(';'));

/** A set of notes as FeeRow.notes lists it. */
function noteList(bits: number): CreditNote[] {
  return NOTE_LIST_ORDER.filter((n) => bits & NOTE_BIT[n]);
}

// ── Periods, parameters and rates, each worked out once ───────────────────────

/** First and last day of each period seen, by its text (a few dozen distinct periods however many returns). */
const DAYS = new Map<string, { start: string; end: string }>();
function daysOf(p: Period): { start: string; end: string } {
  let d = DAYS.get(p.text);
  if (!d) DAYS.set(p.text, (d = { start: periodStart(p), end: periodEnd(p) }));
  return d;
}

/** The parameters a filing period reads, on its last day, in the order the computation reads them. */
interface PeriodRules {
  thresholdKey: string;
  /** the small-payer sales threshold, when the exemption is in force */
  limit: Fen | undefined;
  reductionRate: Decimal | undefined;
  groups: readonly string[] | undefined;
  /** the rate of each fee, in FEE_SPECS order */
  rates: readonly Decimal[];
  creditRate: Decimal | undefined;
  /** the integer fractions of the rates (factorOf), read once with them */
  factors: { rates: readonly (Factor | null)[]; reduction: Factor | null; credit: Factor | null };
}

/** Reads a period's parameters. Throws RuleGapError when a fee's rate is not in force. */
function readPeriodRules(r: Rules, p: Period, on: string): PeriodRules {
  const thresholdKey = p.kind === 'quarter' ? 'surcharge.exemption.quarterly_sales' : 'surcharge.exemption.monthly_sales';
  const limit = r.amountIfInForce(thresholdKey, on);
  const reductionRate = r.rateIfInForce(REDUCTION_RATE, on);
  const groups = reductionRate ? r.listIfInForce(REDUCTION_GROUPS, on) : undefined;
  const rates = FEE_SPECS.map((f) => r.rate(f.key, on));
  const creditRate = r.rateIfInForce(CREDIT_RATE, on);
  const factors = { rates: rates.map(factorOf), reduction: reductionRate ? factorOf(reductionRate) : null, credit: creditRate ? factorOf(creditRate) : null };
  return { thresholdKey, limit, reductionRate, groups, rates, creditRate, factors };
}

/** Period parameters by rules and period text: rules never change once built, and the values read are the same for every enterprise. */
const PERIOD_RULES = new WeakMap<Rules, Map<string, PeriodRules>>();
function periodRules(r: Rules, p: Period, on: string): PeriodRules {
  let byPeriod = PERIOD_RULES.get(r);
  if (!byPeriod) PERIOD_RULES.set(r, (byPeriod = new Map()));
  let pr = byPeriod.get(p.text);
  if (!pr) byPeriod.set(p.text, (pr = readPeriodRules(r, p, on)));
  return pr;
}

/** A rate as the integer fraction num/den of its decimal digits. */
interface Factor {
  num: number;
  den: number;
}

/** The integer fraction of a rate, or null when it has more than 15 decimals. */
const FACTORS = new WeakMap<Decimal, Factor | null>();
function factorOf(rate: Decimal): Factor | null {
  let f = FACTORS.get(rate);
  if (f === undefined) {
    const m = /^(\d+)(?:\.(\d{1,15}))?$/.exec(rate.toFixed());
    const digits = m ? m[1]! + (m[2] ?? '') : '';
    f = m && Number.isSafeInteger(Number(digits)) ? { num: Number(digits), den: 10 ** (m[2]?.length ?? 0) } : null;
    FACTORS.set(rate, f);
  }
  return f;
}

/**
 * round(fen × rate) half-up to a whole fen, exactly as `mulRate`, in integer arithmetic when
 * fen × the rate's digits stays below 2^52 (every rate of up to 15 decimals, every amount below
 * about 15 trillion yuan at a rate like 0.03); through decimal.js otherwise. Never -0.
 */
export function rateMul(fen: Fen, rate: Decimal): Fen {
  return mulBy(fen, rate, factorOf(rate));
}

/** rateMul with the rate's factor already looked up. */
function mulBy(fen: Fen, rate: Decimal, f: Factor | null): Fen {
  if (f === null) return mulRate(fen, rate);
  const x = fen * f.num;
  const a = Math.abs(x);
  if (!(a <= 2 ** 52)) return mulRate(fen, rate);
  let q = Math.floor(a / f.den);
  let rem = a - q * f.den;
  // the float division may land one off: the remainder says which way
  if (rem < 0) {
    q -= 1;
    rem += f.den;
  } else if (rem >= f.den) {
    q += 1;
    rem -= f.den;
  }
  if (rem * 2 >= f.den) q += 1; // half away from zero (ROUND_HALF_UP)
  return x < 0 && q !== 0 ? -q : q;
}

const RATE_TEXT = new WeakMap<Decimal, string>();
/** formatRate, once per rate. */
function rateText(rate: Decimal): string {
  let t = RATE_TEXT.get(rate);
  if (t === undefined) RATE_TEXT.set(rate, (t = formatRate(rate)));
  return t;
}

// ── The fold ─────────────────────────────────────────────────────────────────

/** One fee of an enterprise-period as computed: its FeeRow figures in fen, its notes as bits (NOTE_BIT, the period's own included). */
export type FeeOutcome = Omit<FeeRow, 'enterprise_id' | 'period' | 'base' | 'notes'> & { notes: number };

/**
 * One enterprise-period as computed: both fees, the pool and the 留抵退税 deduction, in fen.
 * `foldCredit` reuses one such object from period to period: copy what you keep.
 */
export interface PeriodOutcome {
  period: Period;
  base: Fen;
  /** in FEE_SPECS order: education, local education */
  fees: readonly [FeeOutcome, FeeOutcome];
  /** the pool: its ledger row, the shortfall and what the credits could take */
  opening: Fen;
  added: Fen;
  used: Fen;
  closing: Fen;
  shortfall: Fen;
  available: Fen;
  /** whether the period carries a 留抵退税 deduction (a refund_deduction ledger row), and its figures */
  refund: boolean;
  refundOpening: Fen;
  refundAdded: Fen;
  refundUsed: Fen;
  refundClosing: Fen;
}

function feeOutcome(fee: Fee): FeeOutcome {
  return { fee, rate: new Dec(0), due: 0, exemption: 0, reduction: 0, credit: 0, paid: 0, payable: 0, overpaid: 0, notes: 0 };
}

/** Records a step built by the caller (only when tracing): no closure over the fold's figures, which then need no context of their own. */
/** A step of the trace. Callers write `trace.on && step(trace, {…})`: the texts are made only for the explained subject (500,000 returns make none). */
function step(trace: Tracer, spec: StepSpec): void {
  trace.step(() => spec);
}

/**
 * Folds one enterprise's periods in order, the pool carried from each to the next, and hands
 * each period's outcome to `each` (one object reused: copy what you keep). `trace` records every
 * step (a section per period) when on; off, no step text is built and each period's parameters
 * are read once per rules and period. Throws RuleGapError when a required rate is not in force
 * (e.g. 地方教育附加 before 2011), AmountOverflowError beyond the fen's exact range.
 */
export function foldCredit(rules: Rules, input: CreditEnterpriseInput, trace: Tracer, each: (o: PeriodOutcome) => void): void {
  const on = trace.on;
  const r0 = on ? rules.recording((r) => trace.read(r)) : rules;
  const quals = input.qualifications;
  const o: PeriodOutcome = {
    period: input.periods[0]?.period as Period, // set for each period before `each` sees it
    base: 0,
    fees: [feeOutcome(FEE_SPECS[0]!.fee), feeOutcome(FEE_SPECS[1]!.fee)],
    opening: 0,
    added: 0,
    used: 0,
    closing: 0,
    shortfall: 0,
    available: 0,
    refund: false,
    refundOpening: 0,
    refundAdded: 0,
    refundUsed: 0,
    refundClosing: 0,
  };
  let carryIn = input.carry.fen;
  let refundIn = input.refundCarry ?? 0;
  for (let index = 0; index < input.periods.length; index++) {
    const pi = input.periods[index]!;
    const p = pi.period;
    const days = daysOf(p);
    const end = days.end;
    let shared = 0;
    if (on) trace.section(p.text);
    if (index === 0) {
      if (on) {
        const source = input.carry.ledgerPeriod ? t('credit.source.ledgerClosing', { period: input.carry.ledgerPeriod }) : t('credit.source.noLedger');
        trace.on && step(trace, { label: t('credit.step.poolCarryIn'), value: formatFen(carryIn), source });
      }
      if (input.carry.gap) {
        shared |= NOTE_BIT.ledger_gap;
        if (on) step(trace, { label: t('credit.step.ledgerGap'), value: 'ledger_gap', how: t('credit.how.ledgerGap', { period: p.text, earlier: input.carry.ledgerPeriod }) });
      }
    } else if (on) {
      trace.on && step(trace, { label: t('credit.step.poolCarryIn'), value: formatFen(carryIn), source: t('credit.source.carryOut', { period: input.periods[index - 1]!.period.text }) });
    }

    const s = pi.surcharge ?? NO_RETURN;
    // The 留抵退税 deduction: what the base cannot take is carried to the next periods (附列资料（五）,
    // RULES §2.2), the deduction carried in used first.
    const gross = addFen(addFen(s.vat, s.vat_exempt_offset), s.consumption_tax);
    const refundAvailable = addFen(refundIn, s.refund_deduction);
    const refundUsed = Math.min(refundAvailable, gross);
    const refundOut = refundAvailable - refundUsed;
    const base = gross - refundUsed;
    o.refund = refundIn !== 0 || s.refund_deduction !== 0;
    if (o.refund) {
      if (on) {
        trace.on && step(trace, {
          label: t('credit.step.refund'),
          value: formatFen(refundUsed),
          how: t('credit.how.refund', {
            carriedIn: formatFen(refundIn),
            added: formatFen(s.refund_deduction),
            available: formatFen(refundAvailable),
            used: formatFen(refundUsed),
            out: formatFen(refundOut),
          }),
          source: '附列资料（五）; RULES §2.2',
        });
      }
      o.refundOpening = refundIn;
      o.refundAdded = s.refund_deduction;
      o.refundUsed = refundUsed;
      o.refundClosing = refundOut;
    }
    refundIn = refundOut;
    if (on) {
      trace.on && step(trace, {
        label: t('credit.step.base'),
        value: formatFen(base),
        how: t('credit.how.base', {
          vat: formatFen(s.vat),
          offset: formatFen(s.vat_exempt_offset),
          refund: formatFen(refundUsed),
          consumption: formatFen(s.consumption_tax),
          noReturn: !pi.surcharge,
        }),
        source: 'RULES §2.2',
      });
    }

    // The period's parameters: read through the recording view when traced, else once per period.
    const pr = on ? readPeriodRules(r0, p, end) : periodRules(rules, p, end);

    // Small-payer exemption (财税〔2016〕12号): sales not above the threshold, 0.00 included (RULES
    // §2.2). A return without a sales figure cannot be tested: it is noted, never silently charged.
    const limit = pr.limit;
    let exempt = false;
    if (limit !== undefined && pi.surcharge && s.sales === undefined) {
      shared |= NOTE_BIT.sales_missing;
      if (on) step(trace, { label: t('credit.step.exemptionTest'), value: 'sales_missing', how: t('credit.how.salesMissing'), cite: [pr.thresholdKey] });
    }
    if (limit !== undefined && s.sales !== undefined) {
      const sales = s.sales;
      exempt = sales <= limit;
      if (on) {
        trace.on && step(trace, {
          label: t('credit.step.exemptionTest'),
          value: exempt ? t('credit.value.applies') : t('credit.value.doesNotApply'),
          how: t('credit.how.sales', { sales: formatFen(sales), op: exempt ? '≤' : '>', limit: formatFen(limit) }),
          cite: [pr.thresholdKey],
        });
      }
    }

    // 六税两费 reduction for the groups of its era.
    const reductionRate = pr.reductionRate;
    let reduceBy: Decimal | undefined;
    if (reductionRate && pr.groups) {
      let q: QualificationSpan | undefined;
      for (const g of pr.groups) if ((q = overlapsPeriod(quals, g as Qualification, p, days))) break;
      if (q) {
        reduceBy = reductionRate;
        if (on) step(trace, { label: t('credit.step.reduction'), value: formatRate(reductionRate), how: describeSpan(q), cite: [REDUCTION_RATE, REDUCTION_GROUPS] });
      }
    }

    for (let i = 0; i < FEE_SPECS.length; i++) {
      const f = FEE_SPECS[i]!;
      const x = o.fees[i]!;
      const rate = pr.rates[i]!;
      const due = mulBy(base, rate, pr.factors.rates[i]!);
      const exemption = exempt ? due : 0;
      const reduction = reduceBy ? mulBy(due - exemption, reduceBy, pr.factors.reduction) : 0;
      const remaining = due - exemption - reduction;
      x.rate = rate;
      x.due = due;
      x.exemption = exemption;
      x.reduction = reduction;
      if (on) {
        trace.on && step(trace, { label: t('credit.step.feeDue', { fee: f.label }), value: formatFen(due), how: `round(${formatFen(base)} × ${formatRate(rate)})`, cite: [f.key] });
        if (exemption) trace.on && step(trace, { label: t('credit.step.feeExemption', { fee: f.label }), value: formatFen(exemption), how: t('credit.how.wholeDue'), source: '财税〔2016〕12号' });
        if (reduceBy) trace.on && step(trace, { label: t('credit.step.feeReduction', { fee: f.label }), value: formatFen(reduction), how: `round((${formatFen(due)} − ${formatFen(exemption)}) × ${formatRate(reduceBy!)})` });
        trace.on && step(trace, { label: t('credit.step.feeRemaining', { fee: f.label }), value: formatFen(remaining), how: `${formatFen(due)} − ${formatFen(exemption)} − ${formatFen(reduction)}` });
      }
    }

    // The pool: only a pilot enterprise (产教融合型企业) in a period the credit is in force.
    const creditRate = pr.creditRate;
    const pilot = overlapsPeriod(quals, 'pcie_pilot', p, days);
    let added = 0;
    if (on && (pi.investment !== 0 || pi.investmentRows > 0)) {
      trace.on && step(trace, { label: t('credit.step.investment'), value: formatFen(pi.investment), how: t('credit.how.investment', { n: pi.investmentRows }) });
    }
    // A withdrawal after leaving the list still takes back what its investment added: credits
    // already taken must be repaid (财税〔2019〕46号 第三条).
    const formerPilot = covering(quals, 'pcie_pilot', EVER, end) !== undefined;
    if (creditRate && (pilot || (formerPilot && pi.investment < 0))) {
      added = mulBy(pi.investment, creditRate, pr.factors.credit);
      if (on && pi.investment !== 0) {
        trace.on && step(trace, {
          label: t('credit.step.poolAdded'),
          value: formatFen(added),
          how: t('credit.how.poolAdded', { investment: formatFen(pi.investment), rate: formatRate(creditRate), pilot: Boolean(pilot) }),
          cite: [CREDIT_RATE],
        });
      }
    } else if (pi.investment !== 0) {
      shared |= NOTE_BIT.not_pilot;
      if (on) {
        trace.on && step(trace, {
          label: t('credit.step.notCredited'),
          value: 'not_pilot',
          how: creditRate ? t('credit.how.noPilot', { period: p.text }) : t('credit.how.notInForce', { period: p.text, first: rules.firstFrom(CREDIT_RATE) ?? '?' }),
          source: '财税〔2019〕46号 第三条',
        });
      }
    }
    const raw = addFen(carryIn, added);
    const shortfall = raw < 0 ? -raw : 0;
    if (shortfall) {
      shared |= NOTE_BIT.investment_withdrawn;
      if (on) {
        trace.on && step(trace, {
          label: t('credit.step.withdrawn'),
          value: formatFen(shortfall),
          how: t('credit.how.withdrawn', { carryIn: formatFen(carryIn), added: formatFen(added) }),
          source: '财税〔2019〕46号 第三条',
        });
      }
    }
    const usable = Boolean(pilot && creditRate);
    const available = usable ? Math.max(0, raw) : 0;
    const [fe, fl] = o.fees;
    const remEdu = fe.due - fe.exemption - fe.reduction;
    const remLocal = fl.due - fl.exemption - fl.reduction;
    let edu = 0;
    let local = 0;
    if (usable) {
      [edu, local] = splitCredit(available, remEdu, remLocal);
      if (on) {
        trace.on && step(trace, {
          label: t('credit.step.split'),
          value: `${formatFen(edu)} + ${formatFen(local)}`,
          how: t('credit.how.split', {
            available: formatFen(available),
            edu: formatFen(remEdu),
            local: formatFen(remLocal),
            proportion: available > 0 && available < remEdu + remLocal,
          }),
          source: t('credit.source.split'),
        });
      }
    }
    const used = edu + local;
    const carryOut = Math.max(0, raw - used);
    if (on) step(trace, { label: t('credit.step.poolCarryOut'), value: formatFen(carryOut), how: `max(0, ${formatFen(carryIn)} + ${formatFen(added)} − ${formatFen(used)})` });

    for (let i = 0; i < FEE_SPECS.length; i++) {
      const f = FEE_SPECS[i]!;
      const x = o.fees[i]!;
      const credit = i === 0 ? edu : local;
      const paid = s[f.paid];
      const balance = subFen(x.due - x.exemption - x.reduction - credit, paid);
      // Payable is never negative: paid above what is owed is an overpayment, shown apart (RULES §2.4).
      const payable = Math.max(0, balance);
      const overpaid = Math.max(0, -balance);
      if (on) {
        trace.on && step(trace, {
          label: t('credit.step.feePayable', { fee: f.label }),
          value: formatFen(payable),
          how: t('credit.how.payable', {
            due: formatFen(x.due),
            exemption: formatFen(x.exemption),
            reduction: formatFen(x.reduction),
            credit: formatFen(credit),
            paid: formatFen(paid),
            ...(overpaid ? { overpaid: formatFen(overpaid) } : {}),
          }),
        });
      }
      x.credit = credit;
      x.paid = paid;
      x.payable = payable;
      x.overpaid = overpaid;
      x.notes = (exempt ? NOTE_BIT.small_payer_exempt : 0) | (x.reduction !== 0 ? NOTE_BIT.six_two_reduction : 0) | shared | (overpaid ? NOTE_BIT.overpaid : 0);
    }
    o.period = p;
    o.base = base;
    o.opening = carryIn;
    o.added = added;
    o.used = used;
    o.closing = carryOut;
    o.shortfall = shortfall;
    o.available = available;
    each(o);
    carryIn = carryOut;
  }
}

/**
 * Folds one enterprise's periods (`foldCredit`) into rows: two fee rows and a pool row per
 * period, a refund row per period with a 留抵退税 deduction. `trace` records every step when on.
 * Throws RuleGapError when a required rate is not in force (e.g. 地方教育附加 before 2011).
 */
export function computeCredit(rules: Rules, input: CreditEnterpriseInput, trace: Tracer = NO_TRACE): CreditResult {
  const out: CreditResult = { rows: [], pool: [], refund: [] };
  foldCredit(rules, input, trace, (o) => collect(input.enterpriseId, o, out));
  return out;
}

/** Adds one period's rows to `out`. */
function collect(enterprise_id: string, o: PeriodOutcome, out: CreditResult): void {
  for (const x of o.fees) {
    const { fee, rate, due, exemption, reduction, credit, paid, payable, overpaid } = x;
    out.rows.push({ enterprise_id, period: o.period, fee, base: o.base, rate, due, exemption, reduction, credit, paid, payable, overpaid, notes: noteList(x.notes) });
  }
  out.pool.push({ enterprise_id, period: o.period, opening: o.opening, added: o.added, used: o.used, closing: o.closing, shortfall: o.shortfall, available: o.available });
  if (o.refund) out.refund.push({ enterprise_id, period: o.period, opening: o.refundOpening, added: o.refundAdded, used: o.refundUsed, closing: o.refundClosing });
}

// ── Periods and the command ──────────────────────────────────────────────────

/** Parses --from/--to: a period `YYYY-MM`, `YYYY-Qn` or a year. */
function rangePeriod(flag: string, raw: string): Period {
  const p = parsePeriodText(raw.trim());
  if (!p) throw new UsageError(t('credit.badPeriod', { flag, raw }));
  return p;
}

/**
 * The date span to compute, from --year or --from/--to, else the inputs' first and last period. A
 * period is in the span when its last day is.
 */
export function resolvePeriods(range: RangeRequest, periods: Iterable<Period>): { from?: string; to?: string } {
  if (range.year !== undefined) return { from: `${range.year}-01-01`, to: `${range.year}-12-31` };
  let min: string | undefined;
  let max: string | undefined;
  for (const p of periods) {
    if (min === undefined || periodStart(p) < min) min = periodStart(p);
    if (max === undefined || periodEnd(p) > max) max = periodEnd(p);
  }
  const from = range.from !== undefined ? periodStart(rangePeriod('--from', range.from)) : min;
  const to = range.to !== undefined ? periodEnd(rangePeriod('--to', range.to)) : max;
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(t('deduct.fromAfterTo', { from: range.from ?? from, to: range.to ?? to }));
  return { from, to };
}

/** The filing period an investment falls in: the return that contains its date, else the filing frequency around it. */
export function investmentPeriod(date: string, returns: readonly SurchargeReturn[]): Period {
  const within = returns.find((r) => periodStart(r.period) <= date && date <= periodEnd(r.period));
  if (within) return within.period;
  let before: SurchargeReturn | undefined;
  for (const r of returns) if (periodStart(r.period) <= date) before = r;
  const kind = (before ?? returns[0])?.period.kind;
  const quarter = periodOfDate(date, 'quarter');
  // A quarter that would overlap a return (a monthly filer since) is never made: the month is.
  const clash = returns.some((r) => periodStart(r.period) <= periodEnd(quarter) && periodStart(quarter) <= periodEnd(r.period));
  return kind === 'quarter' && !clash ? quarter : periodOfDate(date, 'month');
}

/** The run's figures for the summary, summed as the periods are computed. */
export interface CreditTotals {
  /** enterprise-periods computed */
  periods: number;
  due: Fen;
  credit: Fen;
  payable: Fen;
  overpaid: Fen;
  /** the pool each enterprise carries out of its last period */
  carryForward: Fen;
  /** false when a sum left the range integer fen hold exactly (the summary then refuses, as addFen does) */
  exact: boolean;
}

/**
 * Where one computed enterprise's fold starts: its periods in the range after the first `skip`
 * (those before the ledger's opening balance), and what it carries in.
 */
export interface CreditPlan {
  enterpriseId: string;
  skip: number;
  carry: CreditCarry;
  refundCarry: Fen;
}

/** What `credit` computes, as it is kept: the enterprises' plans, totals and warnings, the ledger merged as it is read. */
export interface CreditsComputed extends CalculatorResult {
  from?: string;
  to?: string;
  /** the rules computed with: the report folds each enterprise again with them */
  rules: Rules;
  /**
   * The computed enterprises, in enterprise order. No period is held between folds: the report
   * folds one enterprise at a time from `input(plan)` (`creditRecords`), and lets it go.
   */
  enterprises: CreditPlan[];
  /** the fold input of a computed enterprise, its periods rebuilt from the inputs */
  input(plan: CreditPlan): CreditEnterpriseInput;
  totals: CreditTotals;
  /** the enterprise-periods whose notes need a person, one line each, sorted */
  warningLines: string[];
  /** every fee row, pool row and refund row, in enterprise and period order: folded again on first read (for callers that want them all; the commands do not) */
  readonly rows: FeeRow[];
  readonly pool: PoolRow[];
  readonly refund: RefundRow[];
  /** in ledger order (merged as it is read), or as given when nothing was computed */
  ledger: Iterable<LedgerEntry>;
  conflicts: Conflict[];
  dropped: LedgerEntry[];
  hints: string[];
}

/** The same with the ledger as an array of objects (for reconcile and the tests). */
export interface PcieCreditResult extends CreditsComputed {
  ledger: LedgerEntry[];
}

/** A period of an enterprise with its first and last day. */
type PeriodSlot = PeriodInput & { start: string; end: string };

/** The list without its first `skip` elements (itself when there are none to skip). */
const skipFirst = <T>(list: T[], skip: number): T[] => (skip ? list.slice(skip) : list);

/**
 * Each investment in the period `investmentPeriod` gives it, per period in the order first
 * invested. Throws AmountOverflowError when the investments of a period do not sum exactly.
 */
function investmentSlots(list: readonly Investment[], own: readonly SurchargeReturn[]): Map<string, PeriodSlot> {
  const slots = new Map<string, PeriodSlot>();
  for (const inv of list) {
    const p = investmentPeriod(inv.date, own);
    let v = slots.get(p.text);
    if (!v) {
      const { start, end } = daysOf(p);
      slots.set(p.text, (v = { period: p, investment: 0, investmentRows: 0, start, end }));
    }
    v.investment = addFen(v.investment, inv.fen);
    v.investmentRows++;
  }
  return slots;
}

/**
 * The credit for every enterprise with a return or an investment, over the periods asked for,
 * the pool carried through the ledger. Each enterprise is folded and its ledger rows, totals and
 * warnings kept; its periods and rows are let go (the report folds it again): memory holds the
 * inputs and the ledger, here as an array of objects (reconcile, the tests; the command keeps it
 * in columns: computeCredits). Throws UsageError for a bad --from/--to, RuleGapError for a
 * parameter gap, RefusedError for a ledger conflict without `force`.
 */
export function computePcieCredit(inputs: CreditInputs, ctx: ComputeContext): PcieCreditResult {
  const r = computeCredits(inputs, ctx);
  r.ledger = [...r.ledger];
  return r as PcieCreditResult;
}

type CreditInputs = Pick<InputTypes, 'surcharges'> & Partial<Pick<InputTypes, 'training' | 'qualifications' | 'ledger'>>;

/**
 * computePcieCredit as `credit` runs it: the ledger's computed rows kept in columns and the
 * ledger merged as it is read (never a million row objects at once). Throws as computePcieCredit.
 */
export function computeCredits(inputs: CreditInputs, ctx: ComputeContext): CreditsComputed {
  const returns = inputs.surcharges;
  const investments = inputs.training?.pcie ?? new Map<string, Investment[]>();
  const quals = inputs.qualifications ?? new Map<string, QualificationSpan[]>();
  const ledger = inputs.ledger ?? [];

  // The periods of the investments, per enterprise (few); the returns' periods are their own.
  const invested = new Map<string, Map<string, PeriodSlot>>();
  for (const [id, list] of investments) invested.set(id, investmentSlots(list, returns.get(id) ?? []));
  const distinct = new Map<string, Period>();
  for (const list of returns.values()) for (const r of list) if (!distinct.has(r.period.text)) distinct.set(r.period.text, r.period);
  for (const m of invested.values()) for (const v of m.values()) if (!distinct.has(v.period.text)) distinct.set(v.period.text, v.period);
  const { from, to } = resolvePeriods(ctx.range, distinct.values());
  const totals: CreditTotals = { periods: 0, due: 0, credit: 0, payable: 0, overpaid: 0, carryForward: 0, exact: true };

  /** Every period of the enterprise with a return or an investment: the returns' (with what was invested in them), then those with investments only. */
  const slotsOf = (id: string): PeriodSlot[] => {
    const extra = invested.get(id);
    const own = returns.get(id) ?? [];
    const mine: PeriodSlot[] = new Array(own.length);
    for (let i = 0; i < own.length; i++) {
      const r = own[i]!;
      const inv = extra?.get(r.period.text);
      const { start, end } = daysOf(r.period);
      mine[i] = { period: r.period, surcharge: r, investment: inv ? inv.investment : 0, investmentRows: inv ? inv.investmentRows : 0, start, end };
    }
    if (extra) {
      const filed = new Set(own.map((r) => r.period.text));
      for (const v of extra.values()) if (!filed.has(v.period.text)) mine.push({ ...v });
    }
    return mine;
  };
  /** The periods in the range (a period belongs to the range its last day falls in), by first day. */
  const inRange = (mine: readonly PeriodSlot[]): PeriodSlot[] => {
    const list = mine.filter((v) => v.end >= from! && v.end <= to!);
    for (let i = 1; i < list.length; i++) if (list[i - 1]!.start > list[i]!.start) return list.sort((a, b) => byText(a.start, b.start));
    return list;
  };
  const input = (plan: CreditPlan, periods = skipFirst(inRange(slotsOf(plan.enterpriseId)), plan.skip)): CreditEnterpriseInput => ({
    enterpriseId: plan.enterpriseId,
    periods,
    qualifications: quals.get(plan.enterpriseId) ?? [],
    carry: plan.carry,
    refundCarry: plan.refundCarry,
  });
  if (from === undefined || to === undefined) {
    return creditResult({ from, to, rules: ctx.rules, enterprises: [], input, totals, warningLines: [], ledger: [...ledger], conflicts: [], dropped: [], hints: [] });
  }

  const explainId = ctx.explain?.trim().toUpperCase();
  let trace: Trace | undefined;
  const hints: string[] = [];
  const warningLines: string[] = [];
  const sum = (a: Fen, b: Fen): Fen => {
    const s = a + b;
    if (!Number.isSafeInteger(s)) totals.exact = false;
    return s;
  };
  const ids = new Set(returns.keys());
  for (const id of investments.keys()) ids.add(id);
  const enterprises: CreditPlan[] = [];
  const done = carryforward<{ plan: CreditPlan; list: PeriodSlot[] }, CreditPlan>(
    {
      kinds: ['pcie_credit', 'refund_deduction'],
      ledger,
      ids,
      force: ctx.force,
      plan: (id, rowsByKind) => {
        const own = rowsByKind.get('pcie_credit') ?? [];
        const mine = slotsOf(id);
        // An opening balance (closing alone) is the pool at the end of its period: compute after it.
        const balance = own.find((e) => e.opening === undefined);
        const floor = balance ? periodEnd(balance.period) : '';
        // A quarterly return is computed in the month-by-month run of the quarter's last month.
        const range = inRange(mine);
        let skip = 0;
        while (skip < range.length && range[skip]!.start <= floor) skip++;
        if (skip) {
          hints.push(
            t('credit.hint.skipped', {
              id,
              first: range[0]!.period.text,
              last: range[skip - 1]!.period.text,
              period: balance!.period.text,
              file: balance!.file,
              line: balance!.line,
            }),
          );
        }
        const list = skipFirst(range, skip);
        if (list.length === 0) return undefined;
        const c = carryBefore(own, list[0]!.period);
        // The pool does not move in a period without a return or an investment. When the inputs
        // reach back to the ledger's row, they show whether the hole between had such a period: a
        // gap only if it did (so period-by-period runs equal one run). When they start later, the
        // hole cannot be seen: a gap, as for the education ledger.
        if (c.gap && c.period) {
          const after = periodEnd(c.period);
          if (mine.some((v) => v.start <= after)) c.gap = mine.some((v) => v.start > after && daysOf(v.period).end < list[0]!.start);
        }
        if (!c.period && (investments.get(id) ?? []).some((inv) => inv.date < list[0]!.start)) {
          hints.push(t('credit.hint.noLedger', { id, period: list[0]!.period.text }));
        }
        // The 留抵退税 deduction carried in: the closing of the latest refund_deduction row before (an
        // opening balance after which nothing is computed is the same row's closing).
        const refundCarry = carryBefore(rowsByKind.get('refund_deduction') ?? [], list[0]!.period).fen;
        return { plan: { enterpriseId: id, skip, carry: { fen: c.fen, ...(c.period ? { ledgerPeriod: c.period.text } : {}), gap: c.gap }, refundCarry }, list };
      },
      fold: (id, { plan, list }) => {
        const tracer = id === explainId ? new Tracer(true) : NO_TRACE;
        const rows: LedgerEntry[] = [];
        const refundRows: LedgerEntry[] = [];
        let lastStart = '';
        let lastClosing = 0;
        foldCredit(ctx.rules, input(plan, list), tracer, (o) => {
          rows.push({ enterprise_id: id, kind: 'pcie_credit', period: o.period, opening: o.opening, added: o.added, used: o.used, closing: o.closing });
          if (o.refund) refundRows.push({ enterprise_id: id, kind: 'refund_deduction', period: o.period, opening: o.refundOpening, added: o.refundAdded, used: o.refundUsed, closing: o.refundClosing });
          totals.periods++;
          for (const x of o.fees) {
            totals.overpaid = sum(totals.overpaid, x.overpaid);
            totals.due = sum(totals.due, x.due);
            totals.credit = sum(totals.credit, x.credit);
            totals.payable = sum(totals.payable, x.payable);
          }
          // The pool carried forward is the closing of the enterprise's latest period.
          const start = daysOf(o.period).start;
          if (lastStart === '' || lastStart < start) {
            lastStart = start;
            lastClosing = o.closing;
          }
          const line = warningLine(id, o);
          if (line !== undefined) warningLines.push(line);
        });
        totals.carryForward = sum(totals.carryForward, lastClosing);
        if (tracer.on) trace = explainTrace(id, tracer);
        for (const x of refundRows) rows.push(x);
        return { result: plan, rows };
      },
      advice: (conflicts) => {
        const ids = new Set(conflicts.map((c) => c.enterprise_id));
        let last: Period | undefined;
        for (const e of ledger) if (e.kind !== 'education_expense' && ids.has(e.enterprise_id) && (!last || periodEnd(e.period) > periodEnd(last))) last = e.period;
        let lastInput = '';
        for (const id of ids) for (const v of slotsOf(id)) if (daysOf(v.period).end > lastInput) lastInput = daysOf(v.period).end;
        return last && lastInput >= periodEnd(last)
          ? t('credit.advice.recompute', { last: last.text })
          : t('credit.advice.addReturns', { lastInput: lastInput.slice(0, 7), last: last?.text });
      },
    },
    (plan) => enterprises.push(plan),
  );
  return creditResult({
    from,
    to,
    rules: ctx.rules,
    enterprises,
    input,
    totals,
    warningLines: warningLines.sort(byText),
    ledger: done.ledger,
    conflicts: done.conflicts,
    dropped: done.dropped,
    hints,
    ...(trace ? { trace } : {}),
  });
}

/** The result with `rows`, `pool` and `refund` added as properties folded on first read (not enumerable: a copy of the result does not fold). */
function creditResult(r: Omit<CreditsComputed, 'rows' | 'pool' | 'refund'>): CreditsComputed {
  let all: CreditResult | undefined;
  const get = (): CreditResult => {
    if (!all) {
      const out: CreditResult = { rows: [], pool: [], refund: [] };
      for (const plan of r.enterprises) foldCredit(r.rules, r.input(plan), NO_TRACE, (o) => collect(plan.enterpriseId, o, out));
      all = out;
    }
    return all;
  };
  return Object.defineProperties(r, {
    rows: { get: () => get().rows },
    pool: { get: () => get().pool },
    refund: { get: () => get().refund },
  }) as CreditsComputed;
}

function explainTrace(id: string, tracer: Tracer): Trace {
  return {
    subject: id,
    heading: [t('credit.heading.title', { id }), t('credit.heading.order'), t('credit.heading.credit'), t('credit.heading.pool', { rateKey: CREDIT_RATE })],
    sections: tracer.sections,
    reads: tracer.reads,
  };
}

// ── Report, summary, warnings ────────────────────────────────────────────────

export const CREDIT_COLUMNS: readonly ColumnDef[] = [
  { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
  { name: 'period', zh: '税款所属期', type: 'text' },
  { name: 'fee', zh: '征收品目', type: 'text' },
  { name: 'base', zh: '计征依据', type: 'money' },
  { name: 'rate', zh: '征收率', type: 'rate' },
  { name: 'due', zh: '本期应纳税（费）额', type: 'money' },
  { name: 'exemption', zh: '减免额（小规模免征）', type: 'money' },
  { name: 'reduction', zh: '六税两费减征额', type: 'money' },
  { name: 'credit', zh: '产教融合抵免额', type: 'money' },
  { name: 'paid', zh: '本期已缴税（费）额', type: 'money' },
  { name: 'payable', zh: '本期应补（退）税（费）额', type: 'money' },
  { name: 'notes', zh: '备注', type: 'text' },
  // Added after the contract's columns (CONTRACT §4): the period's pool shortfall when investment
  // was withdrawn, and what was paid above what is owed.
  { name: 'shortfall', zh: '撤回投资抵免差额', type: 'money' },
  { name: 'overpaid', zh: '多缴税（费）额', type: 'money' },
];

export function creditNotesText(notes: readonly CreditNote[]): string {
  return CREDIT_NOTE_ORDER.filter((n) => notes.includes(n)).join(';');
}

/** formatFen, with the one text of zero shared by every cell that holds it. */
const money = (fen: Fen): string => (fen === 0 ? '0.00' : formatFen(fen));

/** Adds the rows of credits.csv of one enterprise-period to `out`, one per fee, as cells in CREDIT_COLUMNS order. */
function addFeeCells(enterprise_id: string, o: PeriodOutcome, out: Cells[]): void {
  const period = o.period.text;
  const base = money(o.base);
  const shortfall = money(o.shortfall);
  for (const x of o.fees) {
    out.push([
      enterprise_id,
      period,
      x.fee,
      base,
      rateText(x.rate),
      money(x.due),
      money(x.exemption),
      money(x.reduction),
      money(x.credit),
      money(x.paid),
      money(x.payable),
      NOTES_TEXT[x.notes]!,
      shortfall,
      money(x.overpaid),
    ]);
  }
}

/**
 * credits.csv's rows (CONTRACT §4) as cells in CREDIT_COLUMNS order, two per enterprise-period,
 * by enterprise, period and fee: each enterprise folded again from its inputs, its rows yielded,
 * then let go.
 */
export function* creditRecords(result: CreditsComputed): Generator<Cells> {
  const batch: Cells[] = [];
  for (const plan of result.enterprises) {
    batch.length = 0;
    foldCredit(result.rules, result.input(plan), NO_TRACE, (o) => addFeeCells(plan.enterpriseId, o, batch));
    yield* batch;
  }
}

/**
 * credits.csv (CONTRACT §4): two rows per enterprise-period, by enterprise, period and fee (the
 * order the enterprises are folded in), made as they are written (`creditRecords`, again on each
 * reading).
 */
export function creditsTable(result: CreditsComputed): ReportTable {
  return { columns: CREDIT_COLUMNS, rows: { [Symbol.iterator]: () => creditRecords(result) } };
}

/** The warning line of an enterprise-period whose notes need a person (not the reliefs, which are information): the first fee's warning notes, else the second's. */
function warningLine(id: string, o: PeriodOutcome): string | undefined {
  const warn = o.fees[0].notes & WARNING_BITS || o.fees[1].notes & WARNING_BITS;
  return warn ? `${id} ${o.period.text}: ${NOTES_TEXT[warn]}` : undefined;
}

/** The run summary's figures: periods, enterprises, due, credit, payable, the pool left at the end. Throws AmountOverflowError when a total is beyond the fen's exact range. */
export function summarizeCredits(result: CreditsComputed): SummaryItem[] {
  const n = result.totals;
  if (!n.exact) throw new AmountOverflowError('a sum of amounts');
  const span = result.from === undefined || result.to === undefined ? '' : `${result.from.slice(0, 7)} to ${result.to.slice(0, 7)}`;
  return [
    // summary.csv holds `item` and `value` (never translated); `label` is the terminal's.
    { item: 'periods', label: t('credit.label.periods'), value: span || '(no data)' },
    { item: 'enterprises', label: t('credit.label.enterprises'), value: String(result.enterprises.length) },
    { item: 'rows', label: t('credit.label.rows'), value: String(n.periods) },
    { item: 'total_due', label: t('credit.label.totalDue'), value: formatFen(n.due) },
    { item: 'total_credit', label: t('credit.label.totalCredit'), value: formatFen(n.credit) },
    { item: 'total_payable', label: t('credit.label.totalPayable'), value: formatFen(n.payable) },
    { item: 'total_overpaid', label: t('credit.label.totalOverpaid'), value: formatFen(n.overpaid) },
    { item: 'total_carry_forward', label: t('credit.label.poolCarriedForward'), value: formatFen(n.carryForward) },
    { item: 'warnings', label: t('credit.label.warnings'), value: String(result.warningLines.length), warning: true },
  ];
}

export const pcieCredit = defineCalculator<CreditsComputed>({
  name: 'pcie_credit',
  command: 'credit',
  noun: t('credit.noun'),
  summary: t('credit.summary'),
  description: t('credit.description'),
  examples: [
    'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv --out credits.csv',
    'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv \\',
    '    --ledger ledger.csv --ledger-out ledger.csv --from 2024-01 --to 2024-06',
    'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv \\',
    '    --explain 91330282MA2CL4RK12',
    '',
    t('credit.exitStatus'),
  ],
  inputs: [
    { kind: 'surcharges', file: 'surcharges.csv', flag: 'surcharges', required: true, help: t('credit.input.surcharges') },
    { kind: 'training', file: 'training.csv', flag: 'training', required: false, help: t('credit.input.training') },
    {
      kind: 'qualifications',
      file: 'qualifications.csv',
      flag: 'qualifications',
      required: false,
      help: t('credit.input.qualifications'),
    },
  ],
  range: 'periods',
  rangeHelp: {
    year: t('credit.range.year'),
    from: t('credit.range.from'),
    to: t('credit.range.to'),
  },
  ledger: { kind: 'pcie_credit', holds: t('credit.ledgerHolds') },
  explain: {
    arg: 'enterprise_id',
    help: t('deduct.explain.help'), // the same words as deduct's
    style: 'full',
    missing: (id) => t('credit.explain.missing', { id }),
  },
  compute: (inputs, ctx) => computeCredits({ ...inputs, surcharges: inputs.surcharges! }, ctx),
  reports: [{ name: 'credits', flag: 'out', help: t('deduct.report.out'), table: (r) => creditsTable(r) }],
  title: t('credit.title'),
  summarize: summarizeCredits,
  warnings: (r) => r.warningLines,
});
