/**
 * Small builders for the 产教融合 credit unit tables (RULES §2): amounts in yuan as RULES.md
 * writes them, periods as their text (`2024-01`, `2024-Q1`), results back as yuan text.
 */
import { computeCredit, creditNotesText, type CreditResult, type FeeRow, type PeriodInput, type PoolRow } from '../../src/calculators/pcie-credit.js';
import type { SurchargeFigures } from '../../src/domain/records.js';
import { Tracer, type TraceSection } from '../../src/domain/trace.js';
import type { QualificationSpan } from '../../src/domain/qualifications.js';
import { type Fen, formatFen } from '../../src/domain/money.js';
import { parseAnyPeriod, parseFilingPeriod } from '../../src/io/values.js';
import type { Period } from '../../src/domain/periods.js';
import type { LedgerEntry } from '../../src/domain/records.js';
import { Rules } from '../../src/rules/index.js';
import { fen, ID, ledgerEntry, qual, type LedgerAmounts } from './education.js';

export { fen, ID, ID2, ID3, qual } from './education.js';

export const rules = new Rules();

type Yuan = string | number;

/** `2024-01` or `2024-Q1` → Period. */
export function per(text: string): Period {
  return parseFilingPeriod(text);
}

/** The pilot-list qualification (产教融合型企业) from a date, open-ended by default. */
export const PILOT = qual('pcie_pilot', '2019-01-01');

export interface ReturnIn {
  vat?: Yuan;
  vat_exempt_offset?: Yuan;
  refund_deduction?: Yuan;
  consumption_tax?: Yuan;
  /**
   * Sales of the period. Absent: a figure far above the exemption thresholds (NOT_EXEMPT_SALES),
   * so that a case about something else is neither exempt nor noted `sales_missing`. `null`: the
   * return gives no sales figure at all (RULES §2.2: `sales_missing` while the exemption is in force).
   */
  sales?: Yuan | null;
  paid_edu?: Yuan;
  paid_local?: Yuan;
}

/**
 * The sales a case gets when it gives none: above 100,000 a month and 300,000 a quarter
 * (财税〔2016〕12号), so the small-payer exemption does not apply and no `sales_missing` is noted.
 */
export const NOT_EXEMPT_SALES = { month: '10,000,000.00', quarter: '30,000,000.00' } as const;

/** The return's figures; `kind` chooses the default sales (see ReturnIn.sales). */
export function figures(r: ReturnIn, kind: Period['kind'] = 'month'): SurchargeFigures {
  const sales = r.sales === undefined ? NOT_EXEMPT_SALES[kind === 'quarter' ? 'quarter' : 'month'] : r.sales;
  return {
    vat: fen(r.vat ?? 0),
    vat_exempt_offset: fen(r.vat_exempt_offset ?? 0),
    refund_deduction: fen(r.refund_deduction ?? 0),
    consumption_tax: fen(r.consumption_tax ?? 0),
    ...(sales !== null ? { sales: fen(sales) } : {}),
    paid_edu: fen(r.paid_edu ?? 0),
    paid_local: fen(r.paid_local ?? 0),
  };
}

export interface PeriodIn extends ReturnIn {
  period: string;
  /** net investment of the period in yuan (negative: a withdrawal); absent: none */
  investment?: Yuan;
  /** false: a period with an investment but no return */
  hasReturn?: boolean;
}

export function periodInput(p: PeriodIn): PeriodInput {
  const period = per(p.period);
  return {
    period,
    ...(p.hasReturn === false ? {} : { surcharge: figures(p, period.kind) }),
    investment: fen(p.investment ?? 0),
    investmentRows: p.investment === undefined ? 0 : 1,
  };
}

export interface Case {
  periods: PeriodIn[];
  /** default: on the pilot list from 2019-01-01 */
  quals?: QualificationSpan[];
  carry?: Yuan;
  /** the ledger period the carry was read from */
  carryPeriod?: string;
  gap?: boolean;
  rules?: Rules;
  enterpriseId?: string;
}

/** The case computed with its trace recorded (a section per period). */
export function run(c: Case): CreditResult & { trace: TraceSection[] } {
  const tracer = new Tracer(true);
  const r = computeCredit(
    c.rules ?? rules,
    {
      enterpriseId: c.enterpriseId ?? ID,
      periods: c.periods.map(periodInput),
      qualifications: c.quals ?? [PILOT],
      carry: { fen: fen(c.carry ?? 0), gap: c.gap ?? false, ...(c.carryPeriod ? { ledgerPeriod: c.carryPeriod } : {}) },
    },
    tracer,
  );
  return { ...r, trace: tracer.sections };
}

/** One period's result: its two fee rows (edu, local) and its pool row. */
export function one(c: Case): { edu: FeeRow; local: FeeRow; pool: PoolRow } {
  const r = run(c);
  if (r.rows.length !== 2 || r.pool.length !== 1) throw new Error(`expected one period, got ${r.pool.length}`);
  return { edu: r.rows[0]!, local: r.rows[1]!, pool: r.pool[0]! };
}

const y = (v: Fen) => formatFen(v);

/** A fee row as credits.csv prints it (without enterprise_id and shortfall, which is the pool's; notes in the contract's order). */
export function feeText(r: FeeRow): Record<string, string> {
  return {
    period: r.period.text,
    fee: r.fee,
    base: y(r.base),
    rate: r.rate.toFixed(),
    due: y(r.due),
    exemption: y(r.exemption),
    reduction: y(r.reduction),
    credit: y(r.credit),
    paid: y(r.paid),
    payable: y(r.payable),
    notes: creditNotesText(r.notes),
    overpaid: y(r.overpaid),
  };
}

/** A pool row as the ledger prints it, with the shortfall. */
export function poolText(p: PoolRow): Record<string, string> {
  return { period: p.period.text, opening: y(p.opening), added: y(p.added), used: y(p.used), closing: y(p.closing), shortfall: y(p.shortfall) };
}

/** A pcie_credit ledger row; `closing` alone for an opening balance. */
export function pled(period: string, v: LedgerAmounts, enterprise_id = ID, line?: number): LedgerEntry {
  return ledgerEntry('pcie_credit', parseAnyPeriod(period), v, enterprise_id, line);
}

/**
 * surcharges.csv text (a simple file: no quoted commas) with a `sales` column added at the end,
 * far above the exemption thresholds (NOT_EXEMPT_SALES, per the row's period kind), for tests
 * about something other than the small-payer exemption: without it every return is noted
 * `sales_missing` (RULES §2.2) and the run exits 1. The header must name `period`.
 */
export function withSales(text: string): string {
  const lines = text.split('\n');
  const header = lines[0]!.split(',');
  const at = header.indexOf('period');
  if (at < 0 || header.includes('sales')) throw new Error(`withSales: no period column, or sales already there: ${lines[0]}`);
  return lines
    .map((l, i) => {
      if (i === 0) return `${l},sales`;
      if (l === '') return l;
      const kind = /Q\d$/.test(l.split(',')[at]!) ? 'quarter' : 'month';
      return `${l},${NOT_EXEMPT_SALES[kind].replace(/,/g, '')}`;
    })
    .join('\n');
}
