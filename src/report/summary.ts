/** The run summary: summary.csv (`calculator,item,value`) and the short account printed on the terminal. */
import { basename } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Table } from '../domain/table.js';
import { t } from '../i18n/index.js';
import { padEndWidth, terminalWidth } from './text.js';

/** One calculator's part: its name (summary.csv), its title (terminal) and its items. */
export interface SummarySection {
  calculator: string;
  title: string;
  items: readonly { item: string; label: string; value: string; warning?: boolean }[];
}

/** summary.csv: one row per calculator and item, values as computed (never in the language of messages). */
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

/**
 * The terminal account of a run: each calculator's items, labels in a column of at least 24
 * display columns (Chinese labels take two a character; a longer label widens the column for all,
 * with two spaces after the longest), then the files written.
 */
export function runSummaryText(dir: string, outDir: string, sections: readonly SummarySection[], written: string[], c: ChalkInstance): string {
  const lines = [c.bold(`skilltax run ${dir}`)];
  const column = Math.max(24, ...sections.flatMap((s) => s.items.map((i) => terminalWidth(i.label) + 2)));
  for (const calc of sections) {
    lines.push(`  ${c.cyan(calc.title)}`);
    for (const { label, value, warning } of calc.items) {
      const shown = warning ? (value === '0' ? c.green(value) : c.yellow(`${value} ${t('report.listedBelow')}`)) : value;
      lines.push(`    ${padEndWidth(label, column)}${shown}`);
    }
  }
  lines.push(`  ${t('report.wrote', { files: written.map((p) => basename(p)), dir: outDir })}`, '');
  return lines.join('\n');
}
