/**
 * reconcile (CONTRACT §8): what was declared against what skilltax computes. Pure: declarations
 * and the recomputed deductions and credits in, one difference per amount that differs out
 * (difference = declared − computed).
 */
import type { Fen } from '../domain/money.js';
import type { Period } from '../domain/periods.js';
import type { Declaration } from '../domain/records.js';
import type { ColumnDef } from '../domain/table.js';
import type { EducationExpenseResult } from './education-expense.js';
import { DEDUCTION_COLUMNS } from './education-expense.js';
import type { PcieCreditResult } from './pcie-credit.js';
import { CREDIT_COLUMNS } from './pcie-credit.js';

export interface Difference {
  enterprise_id: string;
  year: number;
  column: string;
  declared: Fen;
  /** undefined when nothing was computed for that key */
  computed?: Fen;
  period?: Period;
  fee?: string;
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

/** Each declared amount of deductions.csv's columns that differs from the recomputation, by enterprise and year. */
export function compareDeductions(declared: readonly Declaration[], result: EducationExpenseResult): Difference[] {
  const computed = new Map(result.rows.map((r) => [deductionKey(r as unknown as Record<string, unknown>), r as unknown as Record<string, number>]));
  const order = moneyColumns(DEDUCTION_COLUMNS);
  const out: Difference[] = [];
  for (const d of declared) {
    const c = computed.get(d.key);
    for (const [column, value] of d.values) {
      const got = c?.[column];
      if (got === value) continue;
      out.push({ enterprise_id: d.row.enterprise_id as string, year: d.row.year as number, column, declared: value, computed: got, order: order.indexOf(column) });
    }
  }
  return out;
}

/** Each declared amount of credits.csv's columns that differs, by enterprise, period and fee. */
export function compareCredits(declared: readonly Declaration[], result: PcieCreditResult): Difference[] {
  const shortfall = new Map(result.pool.map((p) => [`${p.enterprise_id}\u0000${p.period.text}`, p.shortfall]));
  const computed = new Map(
    result.rows.map((r) => [
      `${r.enterprise_id}\u0000${r.period.text}\u0000${r.fee}`,
      { ...(r as unknown as Record<string, number>), shortfall: shortfall.get(`${r.enterprise_id}\u0000${r.period.text}`) ?? 0 } as Record<string, number>,
    ]),
  );
  const order = moneyColumns(CREDIT_COLUMNS);
  const out: Difference[] = [];
  for (const d of declared) {
    const c = computed.get(d.key);
    const period = d.row.period as Period;
    for (const [column, value] of d.values) {
      const got = c?.[column];
      if (got === value) continue;
      out.push({ enterprise_id: d.row.enterprise_id as string, year: period.year, column, declared: value, computed: got, period, fee: d.row.fee as string, order: order.indexOf(column) });
    }
  }
  return out;
}
