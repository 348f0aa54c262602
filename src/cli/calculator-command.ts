/**
 * The command of a calculator, generated from its descriptor: its input options (in the order
 * it lists them), its range options, the ledger options when it has a ledger kind, its report
 * outputs, --explain and --force; help with examples; the action loads, computes and finishes.
 */
import { Command } from 'commander';
import type { Calculator, RangeRequest } from '../calculators/calculator.js';
import { UsageError } from '../domain/errors.js';
import { runCalculator } from '../engine/index.js';
import { signalPoint } from '../io/exit-cleanup.js';
import { lockLedger } from '../io/lock.js';
import { checkOutputs, type NamedPath, type OutputPath } from '../io/paths.js';
import { t } from '../i18n/index.js';
import { parseDate, ValueProblem } from '../io/values.js';
import { loadRules } from '../io/rules-file.js';
import { act, checkStdin, examples, globalOptions, inputWhat, loadOptions, parseYearOption, periodRange, rulesFor, withGlobalOptions, yearRange, type GlobalOptions, type Outcome } from './common.js';
import { finish, type OutputFlags } from './finish.js';

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The range the command line asks for, checked for form by the calculator's range kind. */
export function rangeOf(calc: Calculator, flags: { year?: string; from?: string; to?: string }): RangeRequest {
  if (calc.range === 'years') return yearRange(flags);
  if (calc.range === 'periods') return periodRange(flags);
  if (calc.range === 'none') return {};
  return { year: parseYearOption('--year', flags.year) };
}

/** The files a calculator command reads: its inputs, the ledger and the --rules file. */
function inputsOf(calc: Calculator, paths: Readonly<Record<string, string | undefined>>, ledger: string | undefined, g: GlobalOptions): NamedPath[] {
  const named = (path: string | undefined, what: string) => (path === undefined ? [] : [{ path, what }]);
  return [...calc.inputs.flatMap((i) => named(paths[i.flag], inputWhat(`--${i.flag}`))), ...named(ledger, inputWhat('--ledger')), ...named(g.rules, inputWhat('--rules'))];
}

/** The files it writes: its reports and the ledger, which may be the --ledger file (in place). */
function outputsOf(calc: Calculator, flags: OutputFlags & { ledger?: string }): OutputPath[] {
  const outs: OutputPath[] = [];
  for (const r of calc.reports) {
    const path = flags[r.flag] as string | undefined;
    if (path !== undefined) outs.push({ path, what: `--${r.flag}` });
  }
  if (calc.ledger && flags.ledgerOut) outs.push({ path: flags.ledgerOut, what: '--ledger-out', ...(flags.ledger !== undefined ? { mayReplace: flags.ledger } : {}) });
  return outs;
}

/**
 * The values of a calculator's own options from the command line, checked: `--as-of` a date
 * YYYY-MM-DD, and `today` (this machine's clock and time zone) for a calculator that takes
 * --as-of (the calculator defaults to it; a rerun with the same --as-of is byte-identical).
 * Throws UsageError for a malformed date.
 */
export function optionsOf(calc: Calculator, flags: Readonly<Record<string, unknown>>): Record<string, string | boolean | undefined> {
  const out: Record<string, string | boolean | undefined> = {};
  for (const o of calc.options ?? []) {
    const v = flags[camel(o.flag)];
    out[o.flag] = v === undefined ? undefined : o.arg ? String(v) : true;
  }
  if ((calc.options ?? []).some((o) => o.flag === 'as-of')) {
    if (out['as-of'] !== undefined) out['as-of'] = asOfDate(out['as-of'] as string);
    out.today = asOfDate(undefined);
  }
  return out;
}

/** --as-of: a date as input files write them (YYYY-MM-DD, YYYY/M/D, YYYYMMDD; io/values parseDate), as YYYY-MM-DD; today (local time) when not given. */
export function asOfDate(given: string | undefined): string {
  if (given === undefined) {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  try {
    return parseDate(given.trim());
  } catch (e) {
    if (e instanceof ValueProblem) throw new UsageError(t('cli.badAsOf', { value: given }));
    throw e;
  }
}

export function calculatorCommand(calc: Calculator, outcome: Outcome): Command {
  const cmd = new Command(calc.command).summary(calc.summary).description(calc.description);
  for (const i of calc.inputs) {
    if (i.required) cmd.requiredOption(`--${i.flag} <file>`, i.help);
    else cmd.option(`--${i.flag} <file>`, i.help);
  }
  const what = calc.range === 'periods' ? 'period' : 'yyyy';
  if (calc.rangeHelp) {
    cmd.option('--year <yyyy>', calc.rangeHelp.year);
    if (calc.rangeHelp.from) cmd.option(`--from <${what}>`, calc.rangeHelp.from);
    if (calc.rangeHelp.to) cmd.option(`--to <${what}>`, calc.rangeHelp.to);
  }
  if (calc.ledger) cmd.option('--ledger <file>', t('cli.opt.ledger', { holds: calc.ledger.holds }));
  for (const r of calc.reports) cmd.option(`--${r.flag} <file>`, r.help);
  if (calc.ledger) cmd.option('--ledger-out <file>', t('cli.opt.ledgerOut'));
  cmd.option(`--explain <${calc.explain.arg}>`, calc.explain.help);
  cmd.option('--reform <file>', t('cli.opt.reform'));
  for (const o of calc.options ?? []) cmd.option(o.arg ? `--${o.flag} <${o.arg}>` : `--${o.flag}`, o.help);
  if (calc.ledger) cmd.option('--force', t('cli.opt.force'));
  cmd.addHelpText('after', examples([...calc.examples]));
  withGlobalOptions(cmd);
  cmd.action(
    act(outcome, async (flags: OutputFlags & { year?: string; from?: string; to?: string; ledger?: string; force?: boolean; reform?: string }, command: Command) => {
      const g = globalOptions(command);
      if (flags.reform !== undefined && flags.explain === undefined) throw new UsageError(t('cli.reformNeedsExplain', { command: calc.command }));
      if (g.format === 'xlsx' && !flags.out) throw new UsageError(t('cli.xlsxNeedsOut'));
      const range = rangeOf(calc, flags);
      const paths: Record<string, string | undefined> = {};
      for (const i of calc.inputs) paths[i.flag] = flags[camel(i.flag)] as string | undefined;
      checkStdin([...Object.values(paths), flags.ledger]);
      const inputs = [...inputsOf(calc, paths, flags.ledger, g), ...(flags.reform !== undefined ? [{ path: flags.reform, what: inputWhat('--reform') }] : [])];
      checkOutputs(outputsOf(calc, flags), inputs);
      // The ledger this run writes is locked before any input is read, until it is renamed into place.
      const lock = calc.ledger && flags.ledgerOut ? await lockLedger(flags.ledgerOut, { timeoutSeconds: g.lockTimeout, command: `skilltax ${calc.command}` }) : undefined;
      try {
        const rules = rulesFor(g);
        const options = optionsOf(calc, flags);
        const result = await runCalculator(calc, paths, flags.ledger, { rules, range, force: Boolean(flags.force), explain: flags.explain, options }, loadOptions(g));
        await signalPoint(); // SIGINT/SIGTERM during the computation: stop before writing
        // --reform with --explain: the same subject under the reform's rules (its ledger is never written).
        const reform =
          flags.reform !== undefined
            ? { file: flags.reform, result: await runCalculator(calc, paths, flags.ledger, { rules: loadRules(flags.reform, rules), range, force: true, explain: flags.explain, options }, loadOptions(g)) }
            : undefined;
        const status = await finish(g, calc, result, flags, paths, { inputs, ...(lock ? { lock } : {}), ...(reform ? { reform } : {}) });
        await signalPoint(); // … during the writing: the set is complete, then stop
        return status;
      } finally {
        await lock?.release();
      }
    }),
  );
  return cmd;
}
