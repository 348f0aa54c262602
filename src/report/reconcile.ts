/** The reconcile report (CONTRACT §8): one row per declared amount that differs from the computed one. */
import type { Table } from '../domain/table.js';
import { formatFen, subFen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { periodStart } from '../domain/periods.js';
import type { Difference } from '../calculators/reconcile.js';

export function reconcileTable(diffs: readonly Difference[]): Table {
  const sorted = [...diffs].sort(
    (a, b) =>
      byText(a.enterprise_id, b.enterprise_id) ||
      a.year - b.year ||
      byText(a.period ? periodStart(a.period) : '', b.period ? periodStart(b.period) : '') ||
      byText(a.fee ?? '', b.fee ?? '') ||
      a.order - b.order,
  );
  return {
    columns: [
      { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
      { name: 'year', zh: '年度', type: 'int' },
      { name: 'column', zh: '项目', type: 'text' },
      { name: 'declared', zh: '申报金额', type: 'money' },
      { name: 'computed', zh: '计算金额', type: 'money' },
      { name: 'difference', zh: '差额', type: 'money' },
      // Added after the contract's columns: the key of a credit row.
      { name: 'period', zh: '税款所属期', type: 'text' },
      { name: 'fee', zh: '征收品目', type: 'text' },
      // Added after them (#10 item 7): the limit of the return a declared credit split breaks.
      { name: 'limit', zh: '超出限额', type: 'text' },
    ],
    rows: sorted.map((d) => ({
      enterprise_id: d.enterprise_id,
      year: d.year,
      column: d.column,
      declared: formatFen(d.declared),
      computed: d.computed === undefined ? '' : formatFen(d.computed),
      difference: formatFen(subFen(d.declared, d.computed ?? 0)),
      period: d.period?.text ?? '',
      fee: d.fee ?? '',
      limit: d.limit ?? '',
    })),
  };
}
