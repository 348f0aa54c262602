/**
 * The calculators run on files as the commands run them (loaded through the engine, computed by
 * the descriptor), for property tests that go through CSV files.
 */
import { computePcieCredit, pcieCredit, type PcieCreditResult } from '../../src/calculators/pcie-credit.js';
import { computeEducationExpense, educationExpense, type EducationExpenseResult } from '../../src/calculators/education-expense.js';
import { computeTrainingSubsidy, trainingSubsidy, type TrainingSubsidyResult } from '../../src/calculators/training-subsidy.js';
import type { LedgerEntry } from '../../src/domain/records.js';
import { loadCalculatorInputs } from '../../src/engine/index.js';
import type { LoadOptions } from '../../src/io/load.js';
import type { Rules } from '../../src/rules/index.js';

const str = (n: number | undefined) => (n === undefined ? {} : { v: String(n) });

export async function runDeduct(
  paths: { payroll: string; training: string; qualifications?: string; ledger?: string },
  range: { year?: number; from?: number; to?: number },
  rules: Rules,
  o: LoadOptions,
  force: boolean,
): Promise<EducationExpenseResult> {
  const inputs = await loadCalculatorInputs(educationExpense, paths, paths.ledger, o);
  const from = str(range.from).v;
  const to = str(range.to).v;
  return computeEducationExpense(
    { ...inputs, payroll: inputs.payroll!, training: inputs.training! },
    { rules, range: { year: range.year, ...(from ? { from } : {}), ...(to ? { to } : {}) }, force, paths },
  );
}

export async function runCredit(
  paths: { surcharges: string; training?: string; qualifications?: string; ledger?: string | LedgerEntry[] },
  range: { year?: number; from?: string; to?: string },
  rules: Rules,
  o: LoadOptions,
  force: boolean,
): Promise<PcieCreditResult> {
  const { ledger, ...files } = paths;
  const inputs = await loadCalculatorInputs(pcieCredit, files, ledger, o);
  return computePcieCredit({ ...inputs, surcharges: inputs.surcharges! }, { rules, range, force, paths: files });
}

export async function runSubsidy(
  paths: { trainees: string; catalog: string; history?: string; qualifications?: string },
  years: { from?: number; to?: number },
  rules: Rules,
  o: LoadOptions,
): Promise<TrainingSubsidyResult> {
  const inputs = await loadCalculatorInputs(trainingSubsidy, paths, undefined, o);
  return computeTrainingSubsidy(
    { ...inputs, trainees: inputs.trainees!, catalog: inputs.catalog! },
    { rules, range: { ...(years.from !== undefined ? { from: String(years.from) } : {}), ...(years.to !== undefined ? { to: String(years.to) } : {}) }, force: false, paths },
  );
}
