/** The run summary: summary.csv and the short account printed on the terminal. */
import { basename } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Table } from '../io/csv-out.js';
import { formatFen } from '../io/money.js';
import type { CreditSummary } from './credits.js';
import type { DeductionSummary } from './deductions.js';
import type { SubsidyTotals } from './subsidies.js';

export interface RunSummary {
  education?: DeductionSummary & { span: string };
  credit?: CreditSummary & { span: string };
  subsidy?: SubsidyTotals;
}

type Item = [item: string, label: string, value: string, warn?: boolean];

function items(s: RunSummary): { calculator: string; title: string; items: Item[] }[] {
  const out: { calculator: string; title: string; items: Item[] }[] = [];
  if (s.education) {
    const e = s.education;
    out.push({
      calculator: 'education_expense',
      title: 'Employee education expense (职工教育经费, A105050 rows 4–6)',
      items: [
        ['years', 'years', e.span || '(no data)'],
        ['enterprises', 'enterprises', String(e.enterprises)],
        ['rows', 'enterprise-years', String(e.rows)],
        ['total_deductible', 'total deductible', formatFen(e.totalDeductible)],
        ['total_carry_forward', 'total carried forward', formatFen(e.totalCarryForward)],
        ['warnings', 'warnings', String(e.warnings), true],
      ],
    });
  }
  if (s.credit) {
    const c = s.credit;
    out.push({
      calculator: 'pcie_credit',
      title: '产教融合 credit against the education surcharges',
      items: [
        ['periods', 'periods', c.span || '(no data)'],
        ['enterprises', 'enterprises', String(c.enterprises)],
        ['rows', 'enterprise-periods', String(c.periods)],
        ['total_due', 'total due', formatFen(c.totalDue)],
        ['total_credit', 'total credit', formatFen(c.totalCredit)],
        ['total_payable', 'total payable', formatFen(c.totalPayable)],
        ['total_carry_forward', 'pool carried forward', formatFen(c.totalCarryForward)],
        ['warnings', 'warnings', String(c.warnings), true],
      ],
    });
  }
  if (s.subsidy) {
    const t = s.subsidy;
    out.push({
      calculator: 'training_subsidy',
      title: 'Training subsidies (职业技能培训补贴)',
      items: [
        ['claims', 'claims', String(t.claims)],
        ['persons', 'persons', String(t.persons)],
        ['eligible', 'eligible', String(t.eligible)],
        ['ineligible', 'ineligible', String(t.claims - t.eligible)],
        ['total_amount', 'total amount', formatFen(t.amount)],
      ],
    });
  }
  return out;
}

export function runSummaryTable(s: RunSummary): Table {
  return {
    columns: [
      { name: 'calculator', zh: '计算项目', type: 'text' },
      { name: 'item', zh: '指标', type: 'text' },
      { name: 'value', zh: '值', type: 'text' },
    ],
    rows: items(s).flatMap((c) => c.items.map(([item, , value]) => ({ calculator: c.calculator, item, value }))),
  };
}

export function runSummaryText(dir: string, outDir: string, s: RunSummary, written: string[], c: ChalkInstance): string {
  const lines = [c.bold(`skilltax run ${dir}`)];
  for (const calc of items(s)) {
    lines.push(`  ${c.cyan(calc.title)}`);
    for (const [, label, value, isWarning] of calc.items) {
      const shown = isWarning ? (value === '0' ? c.green(value) : c.yellow(`${value} (see standard error)`)) : value;
      lines.push(`    ${label.padEnd(24)}${shown}`);
    }
  }
  lines.push(`  wrote ${written.map((p) => basename(p)).join(', ')} to ${outDir}`, '');
  return lines.join('\n');
}
