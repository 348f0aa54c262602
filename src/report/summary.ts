/** The run summary: summary.csv (`calculator,item,value`) and the short account printed on the terminal. */
import { basename } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Table } from '../domain/table.js';

/** One calculator's part: its name (summary.csv), its title (terminal) and its items. */
export interface SummarySection {
  calculator: string;
  title: string;
  items: readonly { item: string; label: string; value: string; warning?: boolean }[];
}

export function runSummaryTable(sections: readonly SummarySection[]): Table {
  return {
    columns: [
      { name: 'calculator', zh: '计算项目', type: 'text' },
      { name: 'item', zh: '指标', type: 'text' },
      { name: 'value', zh: '值', type: 'text' },
    ],
    rows: sections.flatMap((c) => c.items.map(({ item, value }) => ({ calculator: c.calculator, item, value }))),
  };
}

export function runSummaryText(dir: string, outDir: string, sections: readonly SummarySection[], written: string[], c: ChalkInstance): string {
  const lines = [c.bold(`skilltax run ${dir}`)];
  for (const calc of sections) {
    lines.push(`  ${c.cyan(calc.title)}`);
    for (const { label, value, warning } of calc.items) {
      const shown = warning ? (value === '0' ? c.green(value) : c.yellow(`${value} (listed below)`)) : value;
      lines.push(`    ${label.padEnd(24)}${shown}`);
    }
  }
  lines.push(`  wrote ${written.map((p) => basename(p)).join(', ')} to ${outDir}`, '');
  return lines.join('\n');
}
