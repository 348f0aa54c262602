/** `skilltax validate`: each file checked by the loader its kind has in the calculators, so validate and the calculators agree. */
import { basename } from 'node:path';
import { Command } from 'commander';
import { DEDUCTION_COLUMNS } from '../calculators/education-expense.js';
import { CREDIT_COLUMNS } from '../calculators/pcie-credit.js';
import { formatProblem, InputError, ProblemList, UsageError, type Problem } from '../domain/errors.js';
import type { InputKind } from '../domain/records.js';
import { INPUT_LOADERS } from '../engine/index.js';
import { readRows } from '../io/csv-in.js';
import { render } from '../io/csv-out.js';
import { declaredCreditsSchema, declaredSchema } from '../io/declared.js';
import { SCHEMAS } from '../io/kinds.js';
import type { LoadOptions } from '../io/load.js';
import type { Schema } from '../io/schema.js';
import { act, checkStdin, err, examples, globalOptions, loadOptions, out, withGlobalOptions, type Outcome } from './common.js';

/** The input kinds, with the declared files whose columns follow the calculators' reports. */
const KINDS: Record<string, Schema> = {
  ...SCHEMAS,
  declared: declaredSchema(DEDUCTION_COLUMNS),
  declared_credits: declaredCreditsSchema(CREDIT_COLUMNS),
};

async function check(path: string, kind: string, o: LoadOptions): Promise<Problem[]> {
  const loader = (INPUT_LOADERS as Record<string, ((path: string, o: LoadOptions) => Promise<unknown>) | undefined>)[kind as InputKind];
  try {
    if (loader) await loader(path, o);
    else {
      const problems = new ProblemList(o.maxErrors);
      await readRows(path, KINDS[kind]!, o, problems, () => {});
      problems.throwIfAny();
    }
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
}

/** payroll.csv → payroll; payroll-2024.csv → payroll. */
export function inferKind(path: string): string | undefined {
  const name = basename(path).toLowerCase().replace(/\.(csv|txt)$/, '');
  const norm = name.replace(/-/g, '_'); // declared-credits.csv → declared_credits
  if (KINDS[norm]) return norm;
  return Object.keys(KINDS)
    .sort((a, b) => b.length - a.length)
    .find((k) => norm.startsWith(k) && /[_.\s]/.test(norm.charAt(k.length)));
}

export function validateCommand(outcome: Outcome): Command {
  const kinds = Object.keys(KINDS).join(', ');
  const cmd = new Command('validate')
    .summary('check input files without computing anything')
    .description(`Checks each file against its kind (${kinds}) and lists every problem as FILE:LINE:COLUMN: message.\nExit status: 0 clean, 1 problems found, 2 unusable arguments.`)
    .argument('<files...>', 'files to check ("-" for standard input)')
    .option('--kind <kind>', `the kind of every file (${kinds}); default: from the file name`)
    .addHelpText(
      'after',
      examples([
        'skilltax validate fixtures/demo/payroll.csv fixtures/demo/training.csv',
        'skilltax validate --kind payroll export-2024-01.csv',
        'skilltax validate --format csv fixtures/demo/*.csv > problems.csv',
        'cat ledger.csv | skilltax validate --kind ledger -',
      ]),
    );
  withGlobalOptions(cmd);
  cmd.action(
    act(outcome, async (files: string[], flags: { kind?: string }, command: Command) => {
      const g = globalOptions(command);
      checkStdin(files);
      if (flags.kind !== undefined && !KINDS[flags.kind]) throw new UsageError(`--kind ${flags.kind}: unknown kind (known: ${kinds})`);
      const plan = files.map((f) => {
        const kind = flags.kind ?? inferKind(f);
        if (!kind) throw new UsageError(`${f}: cannot tell the kind from the file name; pass --kind (${kinds})`);
        return { file: f, kind };
      });
      const all: Problem[] = [];
      for (const { file, kind } of plan) {
        const problems = await check(file, kind, loadOptions(g));
        all.push(...problems);
        if (!g.quiet) err(`${file === '-' ? '<stdin>' : file} (${kind}): ${problems.length === 0 ? 'ok' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}`);
      }
      if (g.format === 'csv' && g.formatGiven) {
        out(
          render(
            {
              columns: [
                { name: 'file', zh: '文件', type: 'text' },
                { name: 'line', zh: '行', type: 'int' },
                { name: 'column', zh: '列', type: 'int' },
                { name: 'value', zh: '值', type: 'text' },
                { name: 'message', zh: '问题', type: 'text' },
              ],
              rows: all.map((p) => ({ file: p.file, line: p.line, column: p.column, value: p.value ?? '', message: p.message })),
            },
            { header: g.header, format: 'csv', bom: g.bom },
          ),
        );
      } else if (g.format === 'json') {
        out(JSON.stringify(all.map((p) => ({ file: p.file, line: p.line, column: p.column, value: p.value ?? '', message: p.message })), null, 2) + '\n');
      } else {
        for (const p of all) out(formatProblem(p) + '\n');
      }
      return all.length ? 1 : 0;
    }),
  );
  return cmd;
}
