/**
 * The 产教融合 credit against 教育费附加 and 地方教育附加 (RULES §2), with the surcharge
 * computation around it. Pure: typed inputs in, rows and an explain trace out.
 *
 * Per filing period and fee, in the form's order (RULES §2.3):
 *   due        = round(base × rate)
 *   exemption  = due if the small-payer exemption applies, else 0      (财税〔2016〕12号)
 *   reduction  = round((due − exemption) × reduction_rate)             (六税两费)
 *   remaining  = due − exemption − reduction
 *   credit     ≤ remaining; credit_edu + credit_local ≤ available      (财税〔2019〕46号)
 *   payable    = due − exemption − reduction − credit − paid
 * The pool per enterprise (RULES §2.4):
 *   added      = round(30% × net investment of the period)   (may be negative)
 *   available  = max(0, carry_in + added)
 *   carry_out  = max(0, carry_in + added − credit_edu − credit_local)
 */
import type { Decimal } from 'decimal.js';
import type { Qualification } from '../io/kinds.js';
import { Dec, formatFen, formatRate, mulRate, type Fen } from '../io/money.js';
import { periodEnd, periodStart, type Period } from '../io/values.js';
import type { InForce, Rules } from '../rules/index.js';
import { RuleGapError, type QualificationSpan, type TraceStep } from './education.js';

export type CreditNote = 'small_payer_exempt' | 'six_two_reduction' | 'not_pilot' | 'investment_withdrawn' | 'ledger_gap';
export const CREDIT_NOTE_ORDER: CreditNote[] = ['small_payer_exempt', 'six_two_reduction', 'not_pilot', 'investment_withdrawn', 'ledger_gap'];

export type Fee = 'education_surcharge' | 'local_education_surcharge';

export interface SurchargeFigures {
  vat: Fen;
  vat_exempt_offset: Fen;
  refund_deduction: Fen;
  consumption_tax: Fen;
  /** undefined when the return gives no sales: the exemption test does not apply */
  sales?: Fen;
  paid_edu: Fen;
  paid_local: Fen;
}

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
}

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
  payable: Fen;
  notes: CreditNote[];
}

export interface PoolRow {
  enterprise_id: string;
  period: Period;
  opening: Fen;
  added: Fen;
  used: Fen;
  closing: Fen;
  /** how far carry in + added fell below zero (investment withdrawn), else 0 */
  shortfall: Fen;
}

export interface PeriodTrace {
  period: string;
  steps: TraceStep[];
}

export interface CreditResult {
  rows: FeeRow[];
  pool: PoolRow[];
  trace: PeriodTrace[];
}

const FEES: { fee: Fee; key: string; label: string; paid: 'paid_edu' | 'paid_local' }[] = [
  { fee: 'education_surcharge', key: 'surcharge.education.rate', label: '教育费附加', paid: 'paid_edu' },
  { fee: 'local_education_surcharge', key: 'surcharge.local_education.rate', label: '地方教育附加', paid: 'paid_local' },
];

export function overlapsPeriod(spans: readonly QualificationSpan[], q: Qualification, p: Period): QualificationSpan | undefined {
  const start = periodStart(p);
  const end = periodEnd(p);
  return spans.find((s) => s.qualification === q && s.valid_from <= end && (s.valid_to === undefined || s.valid_to >= start));
}

const cite = (e: InForce): string => `${e.source}; ${e.key} [${e.status}]`;

function need(rules: Rules, key: string, date: string, period: Period): InForce {
  const e = rules.at(key, date);
  if (!e) throw new RuleGapError(`no value of ${key} is in force for ${period.text}: add one with --rules`);
  return e;
}

/** Splits what is available between the two fees in proportion to what remains of each (RULES §2.4 [P]). */
export function splitCredit(available: Fen, remEdu: Fen, remLocal: Fen): [Fen, Fen] {
  const total = remEdu + remLocal;
  if (available <= 0 || total <= 0) return [0, 0];
  if (available >= total) return [remEdu, remLocal];
  const edu = Math.min(remEdu, new Dec(available).mul(remEdu).div(total).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber());
  const local = Math.min(remLocal, available - edu);
  return [edu, local];
}

export function computeCredit(rules: Rules, input: CreditEnterpriseInput): CreditResult {
  const rows: FeeRow[] = [];
  const pool: PoolRow[] = [];
  const trace: PeriodTrace[] = [];
  let carryIn = input.carry.fen;
  input.periods.forEach((pi, index) => {
    const p = pi.period;
    const on = periodEnd(p);
    const steps: TraceStep[] = [];
    const step = (label: string, value: Fen | string, how?: string, source?: string) =>
      steps.push({ label, value: typeof value === 'number' ? formatFen(value) : value, how, source });
    const shared: CreditNote[] = [];
    if (index === 0) {
      step('pool carry in', carryIn, undefined, input.carry.ledgerPeriod ? `ledger closing of ${input.carry.ledgerPeriod}` : 'no earlier ledger row');
      if (input.carry.gap) {
        shared.push('ledger_gap');
        step('ledger gap', 'ledger_gap', `the ledger has no row for the period just before ${p.text}; its latest earlier row (${input.carry.ledgerPeriod}) was carried in`);
      }
    } else {
      step('pool carry in', carryIn, undefined, `carry out of ${input.periods[index - 1]!.period.text}`);
    }

    const s = pi.surcharge ?? { vat: 0, vat_exempt_offset: 0, refund_deduction: 0, consumption_tax: 0, paid_edu: 0, paid_local: 0 };
    const rawBase = s.vat + s.vat_exempt_offset - s.refund_deduction + s.consumption_tax;
    const base = Math.max(0, rawBase);
    step(
      'base (计征依据)',
      base,
      `VAT ${formatFen(s.vat)} + 免抵税额 ${formatFen(s.vat_exempt_offset)} − 留抵退税扣除 ${formatFen(s.refund_deduction)} + 消费税 ${formatFen(s.consumption_tax)}${rawBase < 0 ? ' (below zero: 0.00)' : ''}${pi.surcharge ? '' : ' (no return for this period)'}`,
      'RULES §2.2',
    );

    // Small-payer exemption (财税〔2016〕12号): sales above 0 and at most the threshold.
    const thresholdKey = p.kind === 'quarter' ? 'surcharge.exemption.quarterly_sales' : 'surcharge.exemption.monthly_sales';
    const threshold = rules.at(thresholdKey, on);
    let exempt = false;
    if (threshold && s.sales !== undefined && s.sales > 0) {
      const limit = Math.round(Number(threshold.value) * 100);
      exempt = s.sales <= limit;
      step('small-payer exemption', exempt ? 'applies' : 'does not apply', `sales ${formatFen(s.sales)} ${exempt ? '≤' : '>'} ${formatFen(limit)}`, cite(threshold));
    }

    // 六税两费 reduction for the groups of its era.
    const reductionRate = rules.at('surcharge.reduction.rate', on);
    const groups = rules.at('surcharge.reduction.groups', on);
    let reduceBy: Decimal | undefined;
    if (reductionRate && groups) {
      const q = groups.value
        .split(';')
        .map((g) => overlapsPeriod(input.qualifications, g as Qualification, p))
        .find((x) => x !== undefined);
      if (q) {
        reduceBy = new Dec(reductionRate.value);
        step('六税两费 reduction', formatRate(reduceBy), `${q.qualification} ${q.valid_from}…${q.valid_to ?? ''}`, `${cite(reductionRate)}; ${cite(groups)}`);
      }
    }

    const figures = FEES.map((f) => {
      const rateEntry = need(rules, f.key, on, p);
      const rate = new Dec(rateEntry.value);
      const due = mulRate(base, rate);
      const exemption = exempt ? due : 0;
      const reduction = reduceBy ? mulRate(due - exemption, reduceBy) : 0;
      const remaining = due - exemption - reduction;
      step(`${f.label} due`, due, `round(${formatFen(base)} × ${formatRate(rate)})`, cite(rateEntry));
      if (exemption) step(`${f.label} exemption`, exemption, 'the whole amount due', '财税〔2016〕12号');
      if (reduceBy) step(`${f.label} reduction`, reduction, `round((${formatFen(due)} − ${formatFen(exemption)}) × ${formatRate(reduceBy)})`);
      step(`${f.label} remaining`, remaining, `${formatFen(due)} − ${formatFen(exemption)} − ${formatFen(reduction)}`);
      return { f, rate, due, exemption, reduction, remaining };
    });

    // The pool: only a pilot enterprise (产教融合型企业) in a period the credit is in force.
    const creditRate = rules.at('pcie.credit_rate', on);
    const pilot = overlapsPeriod(input.qualifications, 'pcie_pilot', p);
    let added = 0;
    if (pi.investment !== 0 || pi.investmentRows > 0) step('net investment (产教融合投资)', pi.investment, `${pi.investmentRows} pcie_investment row${pi.investmentRows === 1 ? '' : 's'}`);
    // A withdrawal after leaving the list still takes back what its investment added: credits
    // already taken must be repaid (财税〔2019〕46号 第三条).
    const formerPilot = input.qualifications.some((q) => q.qualification === 'pcie_pilot' && q.valid_from <= periodEnd(p));
    if (creditRate && (pilot || (formerPilot && pi.investment < 0))) {
      added = mulRate(pi.investment, new Dec(creditRate.value));
      if (pi.investment !== 0) step('pool added', added, `round(${formatFen(pi.investment)} × ${creditRate.value})${pilot ? '' : ' (a withdrawal after the pilot period)'}`, cite(creditRate));
    } else if (pi.investment !== 0) {
      shared.push('not_pilot');
      step(
        'not credited',
        'not_pilot',
        creditRate ? `no pcie_pilot qualification covers ${p.text}` : `the credit is not in force in ${p.text} (from 2019-01-01)`,
        '财税〔2019〕46号 第三条',
      );
    }
    const raw = carryIn + added;
    const shortfall = raw < 0 ? -raw : 0;
    if (shortfall) {
      shared.push('investment_withdrawn');
      step('investment withdrawn', shortfall, `carry in ${formatFen(carryIn)} + added ${formatFen(added)} is below zero: earlier credits may have to be repaid`, '财税〔2019〕46号 第三条');
    }
    const usable = Boolean(pilot && creditRate);
    const available = usable ? Math.max(0, raw) : 0;
    const [edu, local] = usable ? splitCredit(available, figures[0]!.remaining, figures[1]!.remaining) : [0, 0];
    if (usable) {
      step(
        'credit split',
        `${formatFen(edu)} + ${formatFen(local)}`,
        `available ${formatFen(available)} against remaining ${formatFen(figures[0]!.remaining)} and ${formatFen(figures[1]!.remaining)}${available > 0 && available < figures[0]!.remaining + figures[1]!.remaining ? ', in proportion' : ''}`,
        'RULES §2.4 (e-filing practice)',
      );
    }
    const used = edu + local;
    const carryOut = Math.max(0, raw - used);
    step('pool carry out', carryOut, `max(0, ${formatFen(carryIn)} + ${formatFen(added)} − ${formatFen(used)})`);

    figures.forEach((x, i) => {
      const credit = i === 0 ? edu : local;
      const paid = s[x.f.paid];
      const payable = x.due - x.exemption - x.reduction - credit - paid;
      step(`${x.f.label} payable`, payable, `${formatFen(x.due)} − ${formatFen(x.exemption)} − ${formatFen(x.reduction)} − credit ${formatFen(credit)} − paid ${formatFen(paid)}`);
      const notes: CreditNote[] = [];
      if (exempt) notes.push('small_payer_exempt');
      if (x.reduction !== 0) notes.push('six_two_reduction');
      notes.push(...shared);
      rows.push({
        enterprise_id: input.enterpriseId,
        period: p,
        fee: x.f.fee,
        base,
        rate: x.rate,
        due: x.due,
        exemption: x.exemption,
        reduction: x.reduction,
        credit,
        paid,
        payable,
        notes,
      });
    });
    pool.push({ enterprise_id: input.enterpriseId, period: p, opening: carryIn, added, used, closing: carryOut, shortfall });
    trace.push({ period: p.text, steps });
    carryIn = carryOut;
  });
  return { rows, pool, trace };
}
