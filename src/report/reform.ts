/** reform.csv: the baseline and the reform side by side (CONTRACT §8 `run --reform`). */
import { formatFen } from '../domain/money.js';
import type { Table } from '../domain/table.js';
import type { ReformData } from './run-data.js';

/**
 * reform.csv's table: `calculator,measure,town,year,baseline,reform,difference,unit`, one row per
 * (calculator, measure, town, year) of either side with `*` for the sums over towns and years.
 * Amounts in yuan with two decimals (`unit` yuan), counts of rows as whole numbers (`unit` count);
 * difference = reform − baseline.
 */
export function reformTable(reform: ReformData): Table {
  const v = (unit: 'fen' | 'count', x: number) => (unit === 'fen' ? formatFen(x) : String(x));
  return {
    columns: [
      { name: 'calculator', zh: '计算项目', type: 'text' },
      { name: 'measure', zh: '指标', type: 'text' },
      { name: 'town', zh: '镇街道', type: 'text' },
      { name: 'year', zh: '年度', type: 'text' },
      { name: 'baseline', zh: '现行政策', type: 'money' },
      { name: 'reform', zh: '调整方案', type: 'money' },
      { name: 'difference', zh: '差额', type: 'money' },
      { name: 'unit', zh: '单位', type: 'text' },
    ],
    rows: reform.rows.map((r) => ({
      calculator: r.calculator,
      measure: r.measure,
      town: r.town,
      year: r.year,
      baseline: v(r.unit, r.baseline),
      reform: v(r.unit, r.reform),
      difference: v(r.unit, r.reform - r.baseline),
      unit: r.unit === 'fen' ? 'yuan' : 'count',
    })),
  };
}
