/** `skilltax reconcile` (CONTRACT §8): declared amounts against the recomputation. */
import { Command } from 'commander';
import { computeEducationExpense, DEDUCTION_COLUMNS, educationExpense } from '../calculators/education-expense.js';
import { computePcieCredit, CREDIT_COLUMNS, pcieCredit } from '../calculators/pcie-credit.js';
import { compareCredits, compareDeductions, creditKey, deductionKey, lastDeclaredYear, type Difference } from '../calculators/reconcile.js';
import type { Declaration } from '../domain/records.js';
import { UsageError } from '../domain/errors.js';
import type { Fen } from '../domain/money.js';
import { parseAmount, ValueProblem } from '../io/values.js';
import { loadCalculatorInputs } from '../engine/index.js';
import { render, writeFilesAtomic } from '../io/csv-out.js';
import { declaredCreditsSchema, declaredSchema, loadDeclared } from '../io/declared.js';
import { loadAll, type LoadOptions } from '../io/load.js';
import { signalPoint } from '../io/exit-cleanup.js';
import { checkOutputs, type NamedPath } from '../io/paths.js';
import type { Rules } from '../rules/index.js';
import { reconcileTable } from '../report/reconcile.js';
import { act, checkStdin, err, examples, globalOptions, loadOptions, out, renderOptions, rulesFor, withGlobalOptions, type Outcome } from './common.js';

export interface ReconcileInputs {
  declared?: string;
  payroll?: string;
  training?: string;
  qualifications?: string;
  ledger?: string;
  declaredCredits?: string;
  surcharges?: string;
}

type ReconcileFlags = ReconcileInputs & { out?: string; tolerance?: string };

/** --tolerance AMOUNT: yuan, at most 2 decimals, not negative; in fen. */
function toleranceOf(raw: string | undefined): Fen {
  if (raw === undefined) return 0;
  try {
    return parseAmount(raw.trim());
  } catch (e) {
    if (e instanceof ValueProblem) throw new UsageError(`--tolerance takes an amount in yuan, 0 or more, e.g. 0.01 (got "${raw}")`);
    throw e;
  }
}

/**
 * Reads the declarations, recomputes the deductions (every year through the last declared one,
 * carry in from the ledger) and the credits, and lists each declared amount that differs. Nothing
 * is written, so a ledger whose later rows the recomputation contradicts is no obstacle (force).
 */
export async function runReconcile(inputs: ReconcileInputs, rules: Rules, o: LoadOptions, tolerance: Fen = 0): Promise<Difference[]> {
  if (inputs.declared && !(inputs.payroll && inputs.training)) throw new UsageError('--declared needs --payroll and --training to recompute the deductions');
  if (inputs.declaredCredits && !inputs.surcharges) throw new UsageError('--declared-credits needs --surcharges to recompute the credits');
  if (!inputs.declared && !inputs.declaredCredits) throw new UsageError('give --declared (with --payroll and --training), or --declared-credits (with --surcharges), or both');

  const [declared, declaredCredits] = await loadAll([
    () =>
      inputs.declared
        ? loadDeclared(inputs.declared, declaredSchema(DEDUCTION_COLUMNS), DEDUCTION_COLUMNS, deductionKey, { keyColumn: 'year', keyName: 'enterprise and year' }, o)
        : Promise.resolve([] as Declaration[]),
    () =>
      inputs.declaredCredits
        ? loadDeclared(inputs.declaredCredits, declaredCreditsSchema(CREDIT_COLUMNS), CREDIT_COLUMNS, creditKey, { keyColumn: 'period', keyName: 'enterprise, period and fee' }, o)
        : Promise.resolve([] as Declaration[]),
  ] as const);
  const paths = { ...inputs };
  const out: Difference[] = [];
  if (inputs.declared) {
    const loaded = await loadCalculatorInputs(educationExpense, paths, inputs.ledger, o);
    const result = computeEducationExpense(
      { ...loaded, payroll: loaded.payroll!, training: loaded.training! },
      // From the first year the deduction exists (2008): inputs before it have no deduction to compare.
      { rules, range: { from: rules.firstFrom('eit.education_expense.rate')!.slice(0, 4), ...(declared.length ? { to: String(lastDeclaredYear(declared)) } : {}) }, force: true, paths },
    );
    out.push(...compareDeductions(declared, result, tolerance));
  }
  if (inputs.declaredCredits) {
    const loaded = await loadCalculatorInputs(pcieCredit, paths, inputs.ledger, o);
    const result = computePcieCredit({ ...loaded, surcharges: loaded.surcharges! }, { rules, range: {}, force: true, paths });
    out.push(...compareCredits(declaredCredits, result, tolerance));
  }
  return out;
}

export function reconcileCommand(outcome: Outcome): Command {
  const cmd = new Command('reconcile')
    .summary('compare what was declared with what skilltax computes')
    .description(
      'Recomputes the education expense deductions (and, with --declared-credits, the 产教融合 credits) and compares ' +
        'every amount column the declared file gives, by enterprise and year (credits: enterprise, period and fee). ' +
        'One row per amount that differs; difference = declared − computed. Exit 1 when any differs.',
    )
    .option('--declared <file>', 'declared.csv: enterprise_id, year, then any amount columns of deductions.csv')
    .option('--payroll <file>', 'payroll.csv')
    .option('--training <file>', 'training.csv')
    .option('--qualifications <file>', 'qualifications.csv')
    .option('--ledger <file>', 'ledger.csv with what earlier years carried forward')
    .option('--declared-credits <file>', 'declared credits: enterprise_id, period, fee, then any amount columns of credits.csv')
    .option('--surcharges <file>', 'surcharges.csv (with --declared-credits)')
    .option('--out <file>', 'write the differences here (default: standard output)')
    .option('--tolerance <amount>', 'differences of at most this many yuan are not reported (default 0.00; e-filing front-ends round some figures in binary floating point)')
    .addHelpText(
      'after',
      examples([
        'skilltax reconcile --declared declared.csv --payroll payroll.csv --training training.csv --out differences.csv',
        'skilltax reconcile --declared declared.csv --payroll payroll.csv --training training.csv \\',
        '    --qualifications qualifications.csv --ledger ledger.csv',
        'skilltax reconcile --declared-credits declared-credits.csv --surcharges surcharges.csv --training training.csv \\',
        '    --qualifications qualifications.csv',
        '',
        'Exit status: 0 everything agrees; 1 differences listed; 2 nothing written.',
      ]),
    );
  withGlobalOptions(cmd);
  cmd.action(
    act(outcome, async (flags: ReconcileFlags, command: Command) => {
      const g = globalOptions(command);
      checkStdin([flags.declared, flags.payroll, flags.training, flags.qualifications, flags.ledger, flags.declaredCredits, flags.surcharges]);
      const inputs: NamedPath[] = (
        [
          [flags.declared, '--declared'],
          [flags.payroll, '--payroll'],
          [flags.training, '--training'],
          [flags.qualifications, '--qualifications'],
          [flags.ledger, '--ledger'],
          [flags.declaredCredits, '--declared-credits'],
          [flags.surcharges, '--surcharges'],
          [g.rules, '--rules'],
        ] as const
      ).flatMap(([path, flag]) => (path === undefined ? [] : [{ path, what: flag === '--rules' ? 'the --rules file' : `the ${flag} input` }]));
      if (flags.out) checkOutputs([{ path: flags.out, what: '--out' }], inputs);
      const diffs = await runReconcile(flags, rulesFor(g), loadOptions(g), toleranceOf(flags.tolerance));
      await signalPoint();
      const report = render(reconcileTable(diffs), renderOptions(g));
      if (flags.out) writeFilesAtomic([{ path: flags.out, content: report, what: '--out' }], { inputs });
      else out(report);
      if (!g.quiet) {
        const keys = new Set(diffs.map((d) => `${d.enterprise_id} ${d.period?.text ?? d.year} ${d.fee ?? ''}`));
        err(diffs.length ? `reconcile: ${diffs.length} amount${diffs.length === 1 ? ' differs' : 's differ'}, in ${keys.size} declaration${keys.size === 1 ? '' : 's'}` : 'reconcile: every declared amount agrees');
      }
      return diffs.length ? 1 : 0;
    }),
  );
  return cmd;
}
