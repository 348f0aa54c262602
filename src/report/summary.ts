/** The run summary: summary.csv and the short account printed on the terminal. */
import { basename } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Table } from '../io/csv-out.js';
import { formatFen } from '../io/money.js';
import type { DeductResult } from '../pipeline/deduct.js';
import type { DeductionSummary } from './deductions.js';

function yearsText(r: Pick<DeductResult, 'from' | 'to'>): string {
  if (r.from === undefined || r.to === undefined) return '';
  return r.from === r.to ? String(r.from) : `${r.from}-${r.to}`;
}

export function runSummaryTable(s: DeductionSummary, r: Pick<DeductResult, 'from' | 'to'>): Table {
  const item = (name: string, value: string) => ({ calculator: 'education_expense', item: name, value });
  return {
    columns: [
      { name: 'calculator', zh: '计算项目', type: 'text' },
      { name: 'item', zh: '指标', type: 'text' },
      { name: 'value', zh: '值', type: 'text' },
    ],
    rows: [
      item('years', yearsText(r)),
      item('enterprises', String(s.enterprises)),
      item('rows', String(s.rows)),
      item('total_deductible', formatFen(s.totalDeductible)),
      item('total_carry_forward', formatFen(s.totalCarryForward)),
      item('warnings', String(s.warnings)),
    ],
  };
}

export function runSummaryText(
  dir: string,
  outDir: string,
  s: DeductionSummary,
  r: Pick<DeductResult, 'from' | 'to'>,
  written: string[],
  c: ChalkInstance,
): string {
  const line = (label: string, value: string) => `    ${label.padEnd(24)}${value}`;
  const warn = s.warnings ? c.yellow(`${s.warnings} (see standard error)`) : c.green('0');
  return [
    c.bold(`skilltax run ${dir}`),
    `  ${c.cyan('Employee education expense (职工教育经费, A105050 rows 4–6)')}`,
    line('years', yearsText(r) || '(no data)'),
    line('enterprises', String(s.enterprises)),
    line('enterprise-years', String(s.rows)),
    line('total deductible', formatFen(s.totalDeductible)),
    line('total carried forward', formatFen(s.totalCarryForward)),
    line('warnings', warn),
    `  wrote ${written.map((p) => basename(p)).join(', ')} to ${outDir}`,
    '',
  ].join('\n');
}
