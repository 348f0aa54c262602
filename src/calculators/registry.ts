/**
 * Every calculator, in the order `skilltax run` executes them. A calculator with a ledger kind
 * receives the ledger as the calculators before it left it (the education expense rows first,
 * then the 产教融合 pool), so `run` writes one ledger with every kind recomputed.
 */
import type { Calculator } from './calculator.js';
import { educationExpense } from './education-expense.js';
import { pcieCredit } from './pcie-credit.js';
import { trainingSubsidy } from './training-subsidy.js';
import { awards } from './awards.js';
import { exempt } from './exempt.js';

export const CALCULATORS: readonly Calculator[] = [educationExpense, pcieCredit, trainingSubsidy, awards, exempt];

/** The files `skilltax run` writes, in order: each calculator's reports, then ledger.csv and the summary. */
export function runOutputs(ext: 'csv' | 'json' = 'csv'): string[] {
  return [...CALCULATORS.flatMap((c) => c.reports.map((r) => `${r.name}.${ext}`)), 'ledger.csv', `summary.${ext}`];
}
