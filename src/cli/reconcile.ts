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
import { t } from '../i18n/index.js';
import { act, checkStdin, err, examples, globalOptions, inputWhat, loadOptions, out, renderOptions, rulesFor, withGlobalOptions, type Outcome } from './common.js';

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
    if (e instanceof ValueProblem) throw new UsageError(t('cli.reconcile.badTolerance', { got: raw }));
    throw e;
  }
}

/**
 * Reads the declarations, recomputes the deductions (every year through the last declared one,
 * carry in from the ledger) and the credits, and lists each declared amount that differs. Nothing
 * is written, so a ledger whose later rows the recomputation contradicts is no obstacle (force).
 */
export async function runReconcile(inputs: ReconcileInputs, rules: Rules, o: LoadOptions, tolerance: Fen = 0): Promise<Difference[]> {
  if (inputs.declared && !(inputs.payroll && inputs.training)) throw new UsageError(t('cli.reconcile.declaredNeeds'));
  if (inputs.declaredCredits && !inputs.surcharges) throw new UsageError(t('cli.reconcile.declaredCreditsNeeds'));
  if (!inputs.declared && !inputs.declaredCredits) throw new UsageError(t('cli.reconcile.nothingDeclared'));

  const [declared, declaredCredits] = await loadAll([
    () =>
      inputs.declared
        ? loadDeclared(inputs.declared, declaredSchema(DEDUCTION_COLUMNS), DEDUCTION_COLUMNS, deductionKey, { keyColumn: 'year', keyName: t('cli.keyEnterpriseYear') }, o)
        : Promise.resolve([] as Declaration[]),
    () =>
      inputs.declaredCredits
        ? loadDeclared(inputs.declaredCredits, declaredCreditsSchema(CREDIT_COLUMNS), CREDIT_COLUMNS, creditKey, { keyColumn: 'period', keyName: t('cli.keyEnterprisePeriodFee') }, o)
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
    .summary(t('cli.reconcile.summary'))
    .description(t('cli.reconcile.description'))
    .option('--declared <file>', t('cli.reconcile.opt.declared'))
    .option('--payroll <file>', 'payroll.csv')
    .option('--training <file>', 'training.csv')
    .option('--qualifications <file>', 'qualifications.csv')
    .option('--ledger <file>', t('cli.reconcile.opt.ledger'))
    .option('--declared-credits <file>', t('cli.reconcile.opt.declaredCredits'))
    .option('--surcharges <file>', t('cli.reconcile.opt.surcharges'))
    .option('--out <file>', t('cli.reconcile.opt.out'))
    .option('--tolerance <amount>', t('cli.reconcile.opt.tolerance'))
    .addHelpText(
      'after',
      examples([
        'skilltax reconcile --declared declared.csv --payroll payroll.csv --training training.csv --out differences.csv',
        'skilltax reconcile --declared declared.csv --payroll payroll.csv --training training.csv \\',
        '    --qualifications qualifications.csv --ledger ledger.csv',
        'skilltax reconcile --declared-credits declared-credits.csv --surcharges surcharges.csv --training training.csv \\',
        '    --qualifications qualifications.csv',
        '',
        t('cli.reconcile.exitStatus'),
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
      ).flatMap(([path, flag]) => (path === undefined ? [] : [{ path, what: inputWhat(flag) }]));
      if (flags.out) checkOutputs([{ path: flags.out, what: '--out' }], inputs);
      const diffs = await runReconcile(flags, rulesFor(g), loadOptions(g), toleranceOf(flags.tolerance));
      await signalPoint();
      const report = render(reconcileTable(diffs), renderOptions(g));
      if (flags.out) writeFilesAtomic([{ path: flags.out, content: report, what: '--out' }], { inputs });
      else out(report);
      if (!g.quiet) {
        const keys = new Set(diffs.map((d) => `${d.enterprise_id} ${d.period?.text ?? d.year} ${d.fee ?? ''}`));
        err(`reconcile: ${diffs.length ? t('cli.reconcile.differ', { n: diffs.length, declarations: keys.size }) : t('cli.reconcile.agree')}`);
      }
      return diffs.length ? 1 : 0;
    }),
  );
  return cmd;
}
