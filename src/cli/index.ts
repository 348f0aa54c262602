/** The program: commander wiring, and the mapping of typed errors to exit statuses (CONTRACT §1). */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { CALCULATORS } from '../calculators/registry.js';
import { escapeLines, formatProblem, InputError, RefusedError, RuleGapError, UsageError } from '../domain/errors.js';
import { AmountOverflowError } from '../domain/money.js';
import { calculatorCommand } from './calculator-command.js';
import { closeStdout, examples, localizeHelp, withGlobalOptions, type Outcome } from './common.js';
import { reconcileCommand } from './reconcile.js';
import { rulesCommand } from './rules.js';
import { runCommand } from './run.js';
import { sqlCommand } from './sql.js';
import { validateCommand } from './validate.js';
import { detectLang, setLang, t } from '../i18n/index.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(outcome: Outcome = { status: 0 }): Command {
  const program = new Command('skilltax')
    .description(t('cli.description'))
    .version(version(), '-V, --version', t('cli.versionOption'))
    .showHelpAfterError(t('cli.helpAfterError'))
    .addHelpText(
      'after',
      examples([
        'skilltax run fixtures/demo',
        'skilltax deduct --payroll payroll.csv --training training.csv --ledger ledger.csv --ledger-out ledger.csv --year 2024',
        'skilltax credit --surcharges surcharges.csv --training training.csv --qualifications qualifications.csv',
        'skilltax subsidy --trainees trainees.csv --catalog catalog.csv --history history.csv --out subsidies.csv',
        'skilltax awards --awards awards.csv --history award-history.csv --out award-payments.csv',
        'skilltax exempt --properties properties.csv --out exemptions.csv',
        'skilltax reconcile --declared declared.csv --payroll payroll.csv --training training.csv',
        'skilltax validate payroll.csv training.csv',
        'skilltax rules --at 2024-12-31',
        '',
        t('cli.exitStatus'),
      ]),
    );
  withGlobalOptions(program);
  for (const calc of CALCULATORS) program.addCommand(calculatorCommand(calc, outcome));
  for (const c of [reconcileCommand(outcome), validateCommand(outcome), rulesCommand(outcome), runCommand(outcome), sqlCommand(outcome)]) program.addCommand(c);
  const override = (c: Command) => {
    c.exitOverride();
    localizeHelp(c);
    c.commands.forEach(override);
  };
  override(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closeStdout();
    else throw e;
  });
  // A closed standard error (`2>&-`, a reader gone) loses the messages, not the run's exit status.
  process.stderr.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
  setLang(detectLang(argv.slice(2), process.env));
  const outcome: Outcome = { status: 0 };
  const program = buildProgram(outcome);
  try {
    await program.parseAsync(argv);
    return outcome.status;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help' && e.exitCode === 0) return 0; // `skilltax help deduct`
      return 2; // a usage error (no command, unknown option …): commander has printed the message
    }
    if (e instanceof InputError) {
      for (const p of e.problems) process.stderr.write(formatProblem(p) + '\n');
      process.stderr.write(`skilltax: ${t('cli.problemsInInput', { n: e.problems.length, truncated: e.truncated })}\n`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof RefusedError || e instanceof RuleGapError) {
      process.stderr.write(`skilltax: ${escapeLines(e.message)}\n`);
      return 2;
    }
    if (e instanceof AmountOverflowError) {
      process.stderr.write(`skilltax: ${escapeLines(e.message)}: ${t('cli.amountTooLarge')}\n`);
      return 2;
    }
    // A stack trace is for the developers: only with SKILLTAX_DEBUG=1.
    const debug = process.env.SKILLTAX_DEBUG === '1';
    const what = escapeLines(e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e));
    process.stderr.write(`skilltax: ${t('cli.internalError', { what, debug })}\n`);
    return 2;
  }
}
