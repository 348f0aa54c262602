/** credits.csv (CONTRACT §4), the --explain account of the credit, and its summary figures. */
import { CREDIT_NOTE_ORDER, type CreditNote, type FeeRow, type PeriodTrace, type PoolRow } from '../calc/credit.js';
import type { ColumnDef, Table } from '../io/csv-out.js';
import { formatFen, formatRate } from '../io/money.js';
import { byText } from '../io/order.js';
import { periodStart } from '../io/values.js';
import { renderTrace } from './explain.js';

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
  // Added after the contract's columns: the period's pool shortfall when investment was withdrawn.
  { name: 'shortfall', zh: '撤回投资抵免差额', type: 'money' },
];

export function creditNotesText(notes: readonly CreditNote[]): string {
  return CREDIT_NOTE_ORDER.filter((n) => notes.includes(n)).join(';');
}

const WARNING_NOTES: CreditNote[] = ['not_pilot', 'investment_withdrawn', 'ledger_gap'];

function poolKey(id: string, period: string): string {
  return `${id}\u0000${period}`;
}

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
    })),
  };
}

export function explainCredit(id: string, trace: readonly PeriodTrace[]): string {
  return renderTrace(
    [
      `产教融合 credit against 教育费附加 and 地方教育附加, for ${id}`,
      'Order (RULES §2.3): due = round(base × rate); exemption; reduction = round((due − exemption) × rate);',
      'credit ≤ remaining, split in proportion to what remains of each fee; payable = due − exemption − reduction − credit − paid.',
      'Pool (RULES §2.4): added = round(30% × net investment); carry out = max(0, carry in + added − credits). Rounding half-up to 0.01.',
    ],
    trace.map((t) => ({ title: t.period, steps: t.steps })),
  );
}

export interface CreditSummary {
  enterprises: number;
  periods: number;
  totalDue: number;
  totalCredit: number;
  totalPayable: number;
  totalCarryForward: number;
  warnings: number;
}

export function summarizeCredits(rows: readonly FeeRow[], pool: readonly PoolRow[]): CreditSummary {
  const last = new Map<string, PoolRow>();
  for (const p of pool) {
    const prev = last.get(p.enterprise_id);
    if (!prev || periodStart(prev.period) < periodStart(p.period)) last.set(p.enterprise_id, p);
  }
  let totalDue = 0;
  let totalCredit = 0;
  let totalPayable = 0;
  for (const r of rows) {
    totalDue += r.due;
    totalCredit += r.credit;
    totalPayable += r.payable;
  }
  let totalCarryForward = 0;
  for (const p of last.values()) totalCarryForward += p.closing;
  return {
    enterprises: last.size,
    periods: pool.length,
    totalDue,
    totalCredit,
    totalPayable,
    totalCarryForward,
    warnings: creditWarningLines(rows).length,
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
