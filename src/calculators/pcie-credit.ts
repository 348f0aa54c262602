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
import { addFen, Dec, formatFen, formatRate, mulRate, subFen, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { parsePeriodText, periodEnd, periodOfDate, periodStart, type Period } from '../domain/periods.js';
import { covering, describeSpan, EVER, type QualificationSpan } from '../domain/qualifications.js';
import type { InputTypes, Investment, LedgerEntry, SurchargeFigures, SurchargeReturn } from '../domain/records.js';
import type { ColumnDef, Table } from '../domain/table.js';
import { NO_TRACE, Tracer, type Trace } from '../domain/trace.js';
import type { Fee, Qualification } from '../domain/vocabulary.js';
import { runCarryforward } from '../ledger/carryforward.js';
import { carryBefore, type Conflict } from '../ledger/ledger.js';
import type { Rules } from '../rules/index.js';
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

/** A qualification counts for a filing period when it is valid on any day of it (RULES §2.3). */
export function overlapsPeriod(spans: readonly QualificationSpan[], q: Qualification, p: Period): QualificationSpan | undefined {
  return covering(spans, q, periodStart(p), periodEnd(p));
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

/**
 * Folds one enterprise's periods in order, the pool carried from each to the next. `trace`
 * records every step (a section per period) when on. Throws RuleGapError when a required rate is
 * not in force (e.g. 地方教育附加 before 2011).
 */
export function computeCredit(rules: Rules, input: CreditEnterpriseInput, trace: Tracer = NO_TRACE): CreditResult {
  const rows: FeeRow[] = [];
  const pool: PoolRow[] = [];
  const refund: RefundRow[] = [];
  const r0 = trace.on ? rules.recording((r) => trace.read(r)) : rules;
  let carryIn = input.carry.fen;
  let refundIn = input.refundCarry ?? 0;
  input.periods.forEach((pi, index) => {
    const p = pi.period;
    const on = periodEnd(p);
    trace.section(p.text);
    const shared: CreditNote[] = [];
    if (index === 0) {
      trace.step(() => ({ label: 'pool carry in', value: formatFen(carryIn), source: input.carry.ledgerPeriod ? `ledger closing of ${input.carry.ledgerPeriod}` : 'no earlier ledger row' }));
      if (input.carry.gap) {
        shared.push('ledger_gap');
        trace.step(() => ({ label: 'ledger gap', value: 'ledger_gap', how: `the ledger has no row for the period just before ${p.text}; its latest earlier row (${input.carry.ledgerPeriod}) was carried in` }));
      }
    } else {
      trace.step(() => ({ label: 'pool carry in', value: formatFen(carryIn), source: `carry out of ${input.periods[index - 1]!.period.text}` }));
    }

    const s = pi.surcharge ?? NO_RETURN;
    // The 留抵退税 deduction: what the base cannot take is carried to the next periods (附列资料（五）,
    // RULES §2.2), the deduction carried in used first.
    const gross = addFen(addFen(s.vat, s.vat_exempt_offset), s.consumption_tax);
    const refundAvailable = addFen(refundIn, s.refund_deduction);
    const refundUsed = Math.min(refundAvailable, gross);
    const refundOut = refundAvailable - refundUsed;
    const base = gross - refundUsed;
    if (refundIn !== 0 || s.refund_deduction !== 0) {
      const rIn = refundIn;
      trace.step(() => ({
        label: '留抵退税 deduction',
        value: formatFen(refundUsed),
        how: `carried in ${formatFen(rIn)} + this period ${formatFen(s.refund_deduction)} = ${formatFen(refundAvailable)}, used ${formatFen(refundUsed)}, carried to the next period ${formatFen(refundOut)}`,
        source: '附列资料（五）; RULES §2.2',
      }));
      refund.push({ enterprise_id: input.enterpriseId, period: p, opening: rIn, added: s.refund_deduction, used: refundUsed, closing: refundOut });
    }
    refundIn = refundOut;
    trace.step(() => ({
      label: 'base (计征依据)',
      value: formatFen(base),
      how: `VAT ${formatFen(s.vat)} + 免抵税额 ${formatFen(s.vat_exempt_offset)} − 留抵退税扣除 ${formatFen(refundUsed)} + 消费税 ${formatFen(s.consumption_tax)}${pi.surcharge ? '' : ' (no return for this period)'}`,
      source: 'RULES §2.2',
    }));

    // Small-payer exemption (财税〔2016〕12号): sales not above the threshold, 0.00 included (RULES
    // §2.2). A return without a sales figure cannot be tested: it is noted, never silently charged.
    const thresholdKey = p.kind === 'quarter' ? 'surcharge.exemption.quarterly_sales' : 'surcharge.exemption.monthly_sales';
    const limit = r0.amountIfInForce(thresholdKey, on);
    let exempt = false;
    if (limit !== undefined && pi.surcharge && s.sales === undefined) {
      shared.push('sales_missing');
      trace.step(() => ({ label: 'small-payer exemption', value: 'sales_missing', how: 'the return gives no sales figure: the exemption could not be tested', cite: [thresholdKey] }));
    }
    if (limit !== undefined && s.sales !== undefined) {
      const sales = s.sales;
      exempt = sales <= limit;
      trace.step(() => ({ label: 'small-payer exemption', value: exempt ? 'applies' : 'does not apply', how: `sales ${formatFen(sales)} ${exempt ? '≤' : '>'} ${formatFen(limit)}`, cite: [thresholdKey] }));
    }

    // 六税两费 reduction for the groups of its era.
    const reductionRate = r0.rateIfInForce(REDUCTION_RATE, on);
    const groups = reductionRate ? r0.listIfInForce(REDUCTION_GROUPS, on) : undefined;
    let reduceBy: Decimal | undefined;
    if (reductionRate && groups) {
      const q = groups.map((g) => overlapsPeriod(input.qualifications, g as Qualification, p)).find((x) => x !== undefined);
      if (q) {
        reduceBy = reductionRate;
        trace.step(() => ({ label: '六税两费 reduction', value: formatRate(reductionRate), how: describeSpan(q), cite: [REDUCTION_RATE, REDUCTION_GROUPS] }));
      }
    }

    const figures = FEE_SPECS.map((f) => {
      const rate = r0.rate(f.key, on);
      const due = mulRate(base, rate);
      const exemption = exempt ? due : 0;
      const reduction = reduceBy ? mulRate(due - exemption, reduceBy) : 0;
      const remaining = due - exemption - reduction;
      trace.step(() => ({ label: `${f.label} due`, value: formatFen(due), how: `round(${formatFen(base)} × ${formatRate(rate)})`, cite: [f.key] }));
      if (exemption) trace.step(() => ({ label: `${f.label} exemption`, value: formatFen(exemption), how: 'the whole amount due', source: '财税〔2016〕12号' }));
      if (reduceBy) trace.step(() => ({ label: `${f.label} reduction`, value: formatFen(reduction), how: `round((${formatFen(due)} − ${formatFen(exemption)}) × ${formatRate(reduceBy!)})` }));
      trace.step(() => ({ label: `${f.label} remaining`, value: formatFen(remaining), how: `${formatFen(due)} − ${formatFen(exemption)} − ${formatFen(reduction)}` }));
      return { f, rate, due, exemption, reduction, remaining };
    });

    // The pool: only a pilot enterprise (产教融合型企业) in a period the credit is in force.
    const creditRate = r0.rateIfInForce(CREDIT_RATE, on);
    const pilot = overlapsPeriod(input.qualifications, 'pcie_pilot', p);
    let added = 0;
    if (pi.investment !== 0 || pi.investmentRows > 0) {
      trace.step(() => ({ label: 'net investment (产教融合投资)', value: formatFen(pi.investment), how: `${pi.investmentRows} pcie_investment row${pi.investmentRows === 1 ? '' : 's'}` }));
    }
    // A withdrawal after leaving the list still takes back what its investment added: credits
    // already taken must be repaid (财税〔2019〕46号 第三条).
    const formerPilot = covering(input.qualifications, 'pcie_pilot', EVER, on) !== undefined;
    if (creditRate && (pilot || (formerPilot && pi.investment < 0))) {
      added = mulRate(pi.investment, creditRate);
      if (pi.investment !== 0) {
        trace.step(() => ({
          label: 'pool added',
          value: formatFen(added),
          how: `round(${formatFen(pi.investment)} × ${formatRate(creditRate)})${pilot ? '' : ' (a withdrawal after the pilot period)'}`,
          cite: [CREDIT_RATE],
        }));
      }
    } else if (pi.investment !== 0) {
      shared.push('not_pilot');
      trace.step(() => ({
        label: 'not credited',
        value: 'not_pilot',
        how: creditRate ? `no pcie_pilot qualification covers ${p.text}` : `the credit is not in force in ${p.text} (from ${rules.firstFrom(CREDIT_RATE) ?? '?'})`,
        source: '财税〔2019〕46号 第三条',
      }));
    }
    const raw = addFen(carryIn, added);
    const shortfall = raw < 0 ? -raw : 0;
    if (shortfall) {
      shared.push('investment_withdrawn');
      trace.step(() => ({
        label: 'investment withdrawn',
        value: formatFen(shortfall),
        how: `carry in ${formatFen(carryIn)} + added ${formatFen(added)} is below zero: earlier credits may have to be repaid`,
        source: '财税〔2019〕46号 第三条',
      }));
    }
    const usable = Boolean(pilot && creditRate);
    const available = usable ? Math.max(0, raw) : 0;
    const [remEdu, remLocal] = [figures[0]!.remaining, figures[1]!.remaining];
    const [edu, local] = usable ? splitCredit(available, remEdu, remLocal) : [0, 0];
    if (usable) {
      trace.step(() => ({
        label: 'credit split',
        value: `${formatFen(edu)} + ${formatFen(local)}`,
        how: `available ${formatFen(available)} against remaining ${formatFen(remEdu)} and ${formatFen(remLocal)}${available > 0 && available < remEdu + remLocal ? ', in proportion' : ''}`,
        source: 'RULES §2.4 (e-filing practice)',
      }));
    }
    const used = edu + local;
    const carryOut = Math.max(0, raw - used);
    trace.step(() => ({ label: 'pool carry out', value: formatFen(carryOut), how: `max(0, ${formatFen(carryIn)} + ${formatFen(added)} − ${formatFen(used)})` }));

    figures.forEach((x, i) => {
      const credit = i === 0 ? edu : local;
      const paid = s[x.f.paid];
      const balance = subFen(x.due - x.exemption - x.reduction - credit, paid);
      // Payable is never negative: paid above what is owed is an overpayment, shown apart (RULES §2.4).
      const payable = Math.max(0, balance);
      const overpaid = Math.max(0, -balance);
      trace.step(() => ({
        label: `${x.f.label} payable`,
        value: formatFen(payable),
        how: `${formatFen(x.due)} − ${formatFen(x.exemption)} − ${formatFen(x.reduction)} − credit ${formatFen(credit)} − paid ${formatFen(paid)}${overpaid ? ` is below zero: overpaid ${formatFen(overpaid)}` : ''}`,
      }));
      const notes: CreditNote[] = [];
      if (exempt) notes.push('small_payer_exempt');
      if (x.reduction !== 0) notes.push('six_two_reduction');
      notes.push(...shared);
      if (overpaid) notes.push('overpaid');
      rows.push({ enterprise_id: input.enterpriseId, period: p, fee: x.f.fee, base, rate: x.rate, due: x.due, exemption: x.exemption, reduction: x.reduction, credit, paid, payable, overpaid, notes });
    });
    pool.push({ enterprise_id: input.enterpriseId, period: p, opening: carryIn, added, used, closing: carryOut, shortfall, available });
    carryIn = carryOut;
  });
  return { rows, pool, refund };
}

// ── Periods and the command ──────────────────────────────────────────────────

/** Parses --from/--to: a period `YYYY-MM`, `YYYY-Qn` or a year. */
function rangePeriod(flag: string, raw: string): Period {
  const p = parsePeriodText(raw.trim());
  if (!p) throw new UsageError(`${flag} takes a period YYYY-MM, YYYY-Qn or a year YYYY (got "${raw}")`);
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
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${range.from ?? from} is after --to ${range.to ?? to}`);
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

export interface PcieCreditResult extends CalculatorResult {
  from?: string;
  to?: string;
  rows: FeeRow[];
  pool: PoolRow[];
  refund: RefundRow[];
  ledger: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
  hints: string[];
}

type PeriodSlot = PeriodInput & { start: string };

/**
 * The credit for every enterprise with a return or an investment, over the periods asked for,
 * the pool carried through the ledger. Throws UsageError for a bad --from/--to, RuleGapError for a
 * parameter gap, RefusedError for a ledger conflict without `force`.
 */
export function computePcieCredit(
  inputs: Pick<InputTypes, 'surcharges'> & Partial<Pick<InputTypes, 'training' | 'qualifications' | 'ledger'>>,
  ctx: ComputeContext,
): PcieCreditResult {
  const returns = inputs.surcharges;
  const investments = inputs.training?.pcie ?? new Map<string, Investment[]>();
  const quals = inputs.qualifications ?? new Map<string, QualificationSpan[]>();
  const ledger = inputs.ledger ?? [];

  // Every period with a return or an investment, per enterprise.
  const periods = new Map<string, Map<string, PeriodSlot>>();
  const slot = (id: string, p: Period) => {
    let m = periods.get(id);
    if (!m) periods.set(id, (m = new Map()));
    let v = m.get(p.text);
    if (!v) m.set(p.text, (v = { period: p, investment: 0, investmentRows: 0, start: periodStart(p) }));
    return v;
  };
  for (const [id, list] of returns) for (const r of list) slot(id, r.period).surcharge = r;
  for (const [id, list] of investments) {
    const own = returns.get(id) ?? [];
    for (const inv of list) {
      const v = slot(id, investmentPeriod(inv.date, own));
      v.investment = addFen(v.investment, inv.fen);
      v.investmentRows++;
    }
  }
  const all: Period[] = [];
  for (const m of periods.values()) for (const v of m.values()) all.push(v.period);
  const { from, to } = resolvePeriods(ctx.range, all);
  if (from === undefined || to === undefined) return { from, to, rows: [], pool: [], refund: [], ledger: [...ledger], conflicts: [], dropped: [], hints: [] };

  const explainId = ctx.explain?.trim().toUpperCase();
  let trace: Trace | undefined;
  const hints: string[] = [];
  const done = runCarryforward({
    kinds: ['pcie_credit', 'refund_deduction'],
    ledger,
    ids: periods.keys(),
    force: ctx.force,
    plan: (id, rowsByKind) => {
      const own = rowsByKind.get('pcie_credit') ?? [];
      const mine = [...periods.get(id)!.values()];
      // An opening balance (closing alone) is the pool at the end of its period: compute after it.
      const balance = own.find((e) => e.opening === undefined);
      const floor = balance ? periodEnd(balance.period) : '';
      // A period belongs to the range its last day falls in: a quarterly return is computed in
      // the month-by-month run of the quarter's last month.
      const inRange = mine.filter((v) => periodEnd(v.period) >= from && periodEnd(v.period) <= to).sort((a, b) => byText(a.start, b.start));
      const skipped = inRange.filter((v) => v.start <= floor);
      if (skipped.length) {
        hints.push(
          `${id}: periods ${skipped[0]!.period.text}–${skipped[skipped.length - 1]!.period.text} are not computed: the ledger brings an opening balance for ${balance!.period.text} (${balance!.file}:${balance!.line})`,
        );
      }
      const list = inRange.filter((v) => v.start > floor);
      if (list.length === 0) return undefined;
      const c = carryBefore(own, list[0]!.period);
      // The pool does not move in a period without a return or an investment. When the inputs
      // reach back to the ledger's row, they show whether the hole between had such a period: a
      // gap only if it did (so period-by-period runs equal one run). When they start later, the
      // hole cannot be seen: a gap, as for the education ledger.
      if (c.gap && c.period) {
        const after = periodEnd(c.period);
        if (mine.some((v) => v.start <= after)) c.gap = mine.some((v) => v.start > after && periodEnd(v.period) < list[0]!.start);
      }
      if (!c.period && (investments.get(id) ?? []).some((inv) => inv.date < list[0]!.start)) {
        hints.push(
          `${id}: the inputs have 产教融合 investment before ${list[0]!.period.text}, the first computed period, but no ledger row carries its pool in: its carry in is 0.00 (pass --ledger, or compute from its first period)`,
        );
      }
      // The 留抵退税 deduction carried in: the closing of the latest refund_deduction row before (an
      // opening balance after which nothing is computed is the same row's closing).
      const refundCarry = carryBefore(rowsByKind.get('refund_deduction') ?? [], list[0]!.period).fen;
      return { list, carry: { fen: c.fen, ...(c.period ? { ledgerPeriod: c.period.text } : {}), gap: c.gap }, refundCarry };
    },
    fold: (id, plan) => {
      const tracer = id === explainId ? new Tracer(true) : NO_TRACE;
      const r = computeCredit(ctx.rules, { enterpriseId: id, periods: plan.list, qualifications: quals.get(id) ?? [], carry: plan.carry, refundCarry: plan.refundCarry }, tracer);
      if (tracer.on) trace = explainTrace(id, tracer);
      const rows: LedgerEntry[] = r.pool.map((p) => ({ enterprise_id: id, kind: 'pcie_credit', period: p.period, opening: p.opening, added: p.added, used: p.used, closing: p.closing }));
      for (const x of r.refund) rows.push({ enterprise_id: id, kind: 'refund_deduction', period: x.period, opening: x.opening, added: x.added, used: x.used, closing: x.closing });
      return { result: r, rows };
    },
    advice: (conflicts) => {
      const ids = new Set(conflicts.map((c) => c.enterprise_id));
      let last: Period | undefined;
      for (const e of ledger) if (e.kind !== 'education_expense' && ids.has(e.enterprise_id) && (!last || periodEnd(e.period) > periodEnd(last))) last = e.period;
      let lastInput = '';
      for (const id of ids) for (const v of periods.get(id)?.values() ?? []) if (periodEnd(v.period) > lastInput) lastInput = periodEnd(v.period);
      return last && lastInput >= periodEnd(last)
        ? `recompute the later periods too (--to ${last.text})`
        : `the inputs have no return after ${lastInput.slice(0, 7)} while the ledger goes on to ${last?.text}: add the later returns and recompute through them`;
    },
  });
  return {
    from,
    to,
    rows: done.results.flatMap((r) => r.rows),
    pool: done.results.flatMap((r) => r.pool),
    refund: done.results.flatMap((r) => r.refund),
    ledger: done.ledger,
    conflicts: done.conflicts,
    dropped: done.dropped,
    hints,
    ...(trace ? { trace } : {}),
  };
}

function explainTrace(id: string, t: Tracer): Trace {
  return {
    subject: id,
    heading: [
      `产教融合 credit against 教育费附加 and 地方教育附加, for ${id}`,
      'Order (RULES §2.3): due = round(base × rate); exemption; reduction = round((due − exemption) × rate);',
      'credit ≤ remaining, split in proportion to what remains of each fee; payable = max(0, due − exemption − reduction − credit − paid), below zero overpaid.',
      `Pool (RULES §2.4): added = round(${CREDIT_RATE} × net investment); carry out = max(0, carry in + added − credits). Rounding half-up to 0.01.`,
    ],
    sections: t.sections,
    reads: t.reads,
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

const poolKey = (id: string, period: string) => `${id}\u0000${period}`;

/** credits.csv (CONTRACT §4): two rows per enterprise-period, sorted by enterprise, period, fee. */
export function creditsTable(rows: readonly FeeRow[], pool: readonly PoolRow[]): Table {
  const shortfall = new Map(pool.map((p) => [poolKey(p.enterprise_id, p.period.text), p.shortfall]));
  const sorted = [...rows].sort(
    (a, b) =>
      byText(a.enterprise_id, b.enterprise_id) ||
      byText(periodStart(a.period), periodStart(b.period)) ||
      (a.fee === b.fee ? 0 : a.fee === 'education_surcharge' ? -1 : 1),
  );
  return {
    columns: CREDIT_COLUMNS,
    rows: sorted.map((r) => ({
      enterprise_id: r.enterprise_id,
      period: r.period.text,
      fee: r.fee,
      base: formatFen(r.base),
      rate: formatRate(r.rate),
      due: formatFen(r.due),
      exemption: formatFen(r.exemption),
      reduction: formatFen(r.reduction),
      credit: formatFen(r.credit),
      paid: formatFen(r.paid),
      payable: formatFen(r.payable),
      notes: creditNotesText(r.notes),
      shortfall: formatFen(shortfall.get(poolKey(r.enterprise_id, r.period.text)) ?? 0),
      overpaid: formatFen(r.overpaid),
    })),
  };
}

/** Enterprise-periods whose notes need a person (not the reliefs, which are information). */
export function creditWarningLines(rows: readonly FeeRow[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    const warn = r.notes.filter((n) => WARNING_NOTES.includes(n));
    const key = poolKey(r.enterprise_id, r.period.text);
    if (!warn.length || seen.has(key)) continue;
    seen.add(key);
    out.push(`${r.enterprise_id} ${r.period.text}: ${creditNotesText(warn)}`);
  }
  return out.sort(byText);
}

/** The run summary's figures: periods, enterprises, due, credit, payable, the pool left at the end. */
export function summarizeCredits(result: PcieCreditResult): SummaryItem[] {
  const last = new Map<string, PoolRow>();
  for (const p of result.pool) {
    const prev = last.get(p.enterprise_id);
    if (!prev || periodStart(prev.period) < periodStart(p.period)) last.set(p.enterprise_id, p);
  }
  let totalDue = 0;
  let totalCredit = 0;
  let totalPayable = 0;
  let totalOverpaid = 0;
  for (const r of result.rows) {
    totalOverpaid = addFen(totalOverpaid, r.overpaid);
    totalDue = addFen(totalDue, r.due);
    totalCredit = addFen(totalCredit, r.credit);
    totalPayable = addFen(totalPayable, r.payable);
  }
  let totalCarryForward = 0;
  for (const p of last.values()) totalCarryForward = addFen(totalCarryForward, p.closing);
  const span = result.from === undefined || result.to === undefined ? '' : `${result.from.slice(0, 7)} to ${result.to.slice(0, 7)}`;
  return [
    { item: 'periods', label: 'periods', value: span || '(no data)' },
    { item: 'enterprises', label: 'enterprises', value: String(last.size) },
    { item: 'rows', label: 'enterprise-periods', value: String(result.pool.length) },
    { item: 'total_due', label: 'total due', value: formatFen(totalDue) },
    { item: 'total_credit', label: 'total credit', value: formatFen(totalCredit) },
    { item: 'total_payable', label: 'total payable', value: formatFen(totalPayable) },
    { item: 'total_overpaid', label: 'total overpaid', value: formatFen(totalOverpaid) },
    { item: 'total_carry_forward', label: 'pool carried forward', value: formatFen(totalCarryForward) },
    { item: 'warnings', label: 'warnings', value: String(creditWarningLines(result.rows).length), warning: true },
  ];
}

export const pcieCredit = defineCalculator<PcieCreditResult>({
  name: 'pcie_credit',
  command: 'credit',
  noun: 'the 产教融合 credit',
  summary: '产教融合 credit against the education surcharges (教育费附加, 地方教育附加) with its carryforward',
  description:
    'Computes, per enterprise and filing period, the education surcharge and the local education surcharge ' +
    '(base, due, small-payer exemption, 六税两费 reduction, paid, payable) and, for enterprises on the ' +
    '产教融合 pilot list, the credit of 30% of their net vocational-education investment, with what is ' +
    'not used carried forward period to period. Two rows per enterprise-period.',
  examples: [
    'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv --out credits.csv',
    'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv \\',
    '    --ledger ledger.csv --ledger-out ledger.csv --from 2024-01 --to 2024-06',
    'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv \\',
    '    --explain 91330282MA2CL4RK12',
    '',
    'Exit status: 0 done; 1 done with warnings (not_pilot, investment_withdrawn, ledger_gap, sales_missing, overpaid); 2 nothing written.',
  ],
  inputs: [
    { kind: 'surcharges', file: 'surcharges.csv', flag: 'surcharges', required: true, help: 'surcharges.csv (enterprise_id, period, vat, …)' },
    { kind: 'training', file: 'training.csv', flag: 'training', required: false, help: 'training.csv: its pcie_investment rows are the investments' },
    {
      kind: 'qualifications',
      file: 'qualifications.csv',
      flag: 'qualifications',
      required: false,
      help: 'qualifications.csv (pcie_pilot, small_scale_vat, small_low_profit, individual_business)',
    },
  ],
  range: 'periods',
  rangeHelp: {
    year: 'the periods of this year only',
    from: 'first period (YYYY-MM, YYYY-Qn or YYYY; default: the first in the inputs)',
    to: 'last period (default: the last in the inputs)',
  },
  ledger: { kind: 'pcie_credit', holds: 'pool' },
  explain: {
    arg: 'enterprise_id',
    help: 'print a step-by-step account of one enterprise',
    style: 'full',
    missing: (id) => `--explain ${id}: no period of this enterprise was computed (not in the inputs, or outside the range asked for)`,
  },
  compute: (inputs, ctx) => computePcieCredit({ ...inputs, surcharges: inputs.surcharges! }, ctx),
  reports: [{ name: 'credits', flag: 'out', help: 'write the report here (default: standard output)', table: (r) => creditsTable(r.rows, r.pool) }],
  title: '产教融合 credit against the education surcharges',
  summarize: summarizeCredits,
  warnings: (r) => creditWarningLines(r.rows),
});
