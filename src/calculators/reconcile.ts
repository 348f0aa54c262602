/**
 * reconcile (CONTRACT §8): what was declared against what skilltax computes. Pure: declarations
 * and the recomputed deductions and credits in, one difference per amount that differs out
 * (difference = declared − computed), differences within the tolerance left out.
 *
 * The split of a period's 产教融合 credit between the two fees is the taxpayer's choice (RULES
 * §2.4): when both fees of a period are declared, their credits are accepted whenever each is at
 * most its fee's remaining amount (due − exemption − reduction) and together at most the pool
 * available, and their total equals the computed total; the payable of each fee is then checked
 * against that split. A split that breaks a limit is compared fee by fee, and the row says which
 * limit it broke.
 */
import type { Fen } from '../domain/money.js';
import type { Period } from '../domain/periods.js';
import type { Declaration } from '../domain/records.js';
import type { ColumnDef } from '../domain/table.js';
import type { EducationExpenseResult } from './education-expense.js';
import { DEDUCTION_COLUMNS } from './education-expense.js';
import type { FeeRow, PcieCreditResult } from './pcie-credit.js';
import { CREDIT_COLUMNS } from './pcie-credit.js';
import { formatFen } from '../domain/money.js';

export interface Difference {
  enterprise_id: string;
  year: number;
  column: string;
  declared: Fen;
  /** undefined when nothing was computed for that key */
  computed?: Fen;
  period?: Period;
  fee?: string;
  /** the limit of the return a declared credit breaks, when one does */
  limit?: string;
  /** the column's place in its report, for ordering */
  order: number;
}

export const moneyColumns = (cols: readonly ColumnDef[]) => cols.filter((c) => c.type === 'money').map((c) => c.name);

export const deductionKey = (r: Record<string, unknown>) => `${r.enterprise_id as string}\u0000${r.year as number}`;
export const creditKey = (r: Record<string, unknown>) => `${r.enterprise_id as string}\u0000${(r.period as Period).text}\u0000${r.fee as string}`;

/** The last year declared: the recomputation runs through it. */
export function lastDeclaredYear(declared: readonly Declaration[]): number {
  return Math.max(...declared.map((d) => d.row.year as number));
}

/** A difference is reported when it is larger than the tolerance (fen, ≥ 0): a tolerance of 0.01 absorbs a one-fen rounding. */
const differs = (declared: Fen, computed: Fen | undefined, tolerance: Fen) => computed === undefined || Math.abs(declared - computed) > tolerance;

/** Each declared amount of deductions.csv's columns that differs from the recomputation, by enterprise and year. */
export function compareDeductions(declared: readonly Declaration[], result: EducationExpenseResult, tolerance: Fen = 0): Difference[] {
  const computed = new Map(result.rows.map((r) => [deductionKey(r as unknown as Record<string, unknown>), r as unknown as Record<string, number>]));
  const order = moneyColumns(DEDUCTION_COLUMNS);
  const out: Difference[] = [];
  for (const d of declared) {
    const c = computed.get(d.key);
    for (const [column, value] of d.values) {
      const got = c?.[column];
      if (!differs(value, got, tolerance)) continue;
      out.push({ enterprise_id: d.row.enterprise_id as string, year: d.row.year as number, column, declared: value, computed: got, order: order.indexOf(column) });
    }
  }
  return out;
}

/**
 * Each declared amount of credits.csv's columns that differs, by enterprise, period and fee; a
 * declared split of the credit within the return's limits is accepted (see the module comment).
 */
export function compareCredits(declared: readonly Declaration[], result: PcieCreditResult, tolerance: Fen = 0): Difference[] {
  const periodKey = (id: string, period: string) => `${id}\u0000${period}`;
  const pool = new Map(result.pool.map((p) => [periodKey(p.enterprise_id, p.period.text), p]));
  const rows = new Map<string, FeeRow>(result.rows.map((r) => [`${r.enterprise_id}\u0000${r.period.text}\u0000${r.fee}`, r]));
  const figures = (r: FeeRow) =>
    ({ ...(r as unknown as Record<string, number>), shortfall: pool.get(periodKey(r.enterprise_id, r.period.text))?.shortfall ?? 0 }) as Record<string, number>;
  // Both fees of a period declared with a credit: the split is the taxpayer's to choose.
  const byPeriod = new Map<string, Declaration[]>();
  for (const d of declared) {
    const k = periodKey(d.row.enterprise_id as string, (d.row.period as Period).text);
    byPeriod.set(k, [...(byPeriod.get(k) ?? []), d]);
  }
  const order = moneyColumns(CREDIT_COLUMNS);
  const out: Difference[] = [];
  const push = (d: Declaration, column: string, value: Fen, got: Fen | undefined, limit?: string) => {
    const period = d.row.period as Period;
    out.push({
      enterprise_id: d.row.enterprise_id as string,
      year: period.year,
      column,
      declared: value,
      computed: got,
      period,
      fee: d.row.fee as string,
      ...(limit ? { limit } : {}),
      order: order.indexOf(column),
    });
  };
  for (const [k, group] of byPeriod) {
    const split = group.length === 2 && group.every((d) => d.values.has('credit')) ? group : undefined;
    const computedRows = group.map((d) => rows.get(d.key));
    let accepted = false;
    const limits = new Map<Declaration, string>();
    if (split && computedRows.every((r) => r !== undefined)) {
      const p = pool.get(k);
      const available = p?.available ?? 0;
      let total = 0;
      let computedTotal = 0;
      split.forEach((d, i) => {
        const r = computedRows[i]!;
        const credit = d.values.get('credit')!;
        const remaining = r.due - r.exemption - r.reduction;
        total += credit;
        computedTotal += r.credit;
        if (credit > remaining) limits.set(d, `credit above the fee's remaining ${formatFen(remaining)} (due − exemption − reduction)`);
      });
      if (total > available) for (const d of split) if (!limits.has(d)) limits.set(d, `credits together ${formatFen(total)}, above the pool available ${formatFen(available)}`);
      accepted = limits.size === 0 && !differs(total, computedTotal, tolerance);
      if (accepted) {
        // The declared split stands: each fee's payable follows from it.
        split.forEach((d, i) => {
          const r = computedRows[i]!;
          const credit = d.values.get('credit')!;
          const payable = Math.max(0, r.due - r.exemption - r.reduction - credit - r.paid);
          const overpaid = Math.max(0, -(r.due - r.exemption - r.reduction - credit - r.paid));
          const fig = figures(r);
          for (const [column, value] of d.values) {
            if (column === 'credit') continue;
            const got = column === 'payable' ? payable : column === 'overpaid' ? overpaid : fig[column];
            if (differs(value, got, tolerance)) push(d, column, value, got);
          }
        });
      }
    }
    if (accepted) continue;
    group.forEach((d, i) => {
      const r = computedRows[i];
      const fig = r ? figures(r) : undefined;
      for (const [column, value] of d.values) {
        const got = fig?.[column];
        if (differs(value, got, tolerance)) push(d, column, value, got, column === 'credit' ? limits.get(d) : undefined);
      }
    });
  }
  return out;
}
