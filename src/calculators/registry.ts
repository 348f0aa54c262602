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
import { match } from './match.js';
import { fund, providers } from './fund.js';

export const CALCULATORS: readonly Calculator[] = [educationExpense, pcieCredit, trainingSubsidy, awards, exempt, match, providers, fund];

/** The files `skilltax run` writes, in order: each calculator's reports, then ledger.csv, summary.csv (not with --format json), summary.json and report.html. */
export function runOutputs(ext: 'csv' | 'json' = 'csv'): string[] {
  return [...CALCULATORS.flatMap((c) => c.reports.map((r) => `${r.name}.${ext}`)), 'ledger.csv', ...(ext === 'csv' ? ['summary.csv'] : []), 'summary.json', 'report.html'];
}

/** What `run` writes about the run itself: they name the input folder and the inputs' sha256, so they are not golden files. */
export const RUN_RECORDS: readonly string[] = ['summary.json', 'report.html'];

/** The outputs of `run` that depend only on the inputs' rows (the golden files of the demo): runOutputs without RUN_RECORDS. */
export function goldenOutputs(ext: 'csv' | 'json' = 'csv'): string[] {
  return runOutputs(ext).filter((n) => !RUN_RECORDS.includes(n));
}
