/** `skilltax validate`: each file checked by the loader its kind has in the calculators, so validate and the calculators agree. */
import { basename } from 'node:path';
import { Command } from 'commander';
import { DEDUCTION_COLUMNS } from '../calculators/education-expense.js';
import { CREDIT_COLUMNS } from '../calculators/pcie-credit.js';
import { escapeControl, FileError, formatProblem, InputError, problemMessage, ProblemList, UsageError, type Problem } from '../domain/errors.js';
import type { InputKind } from '../domain/records.js';
import { INPUT_LOADERS } from '../engine/index.js';
import { readRows } from '../io/csv-in.js';
import { render } from '../io/csv-out.js';
import { declaredCreditsSchema, declaredSchema, loadDeclared } from '../io/declared.js';
import { creditKey, deductionKey } from '../calculators/reconcile.js';
import { SCHEMAS } from '../io/kinds.js';
import type { LoadOptions } from '../io/load.js';
import type { Schema } from '../io/schema.js';
import { t } from '../i18n/index.js';
import { act, checkStdin, err, examples, globalOptions, loadOptions, out, withGlobalOptions, type Outcome } from './common.js';

/** The input kinds, with the declared files whose columns follow the calculators' reports. */
export const KINDS: Record<string, Schema> = {
  ...SCHEMAS,
  declared: declaredSchema(DEDUCTION_COLUMNS),
  declared_credits: declaredCreditsSchema(CREDIT_COLUMNS),
};

/** The problems of one file of `kind` (KINDS), as `validate` finds them; throws FileError for a file that cannot be read. */
export async function checkFile(path: string, kind: string, o: LoadOptions): Promise<Problem[]> {
  const loader = (INPUT_LOADERS as Record<string, ((path: string, o: LoadOptions) => Promise<unknown>) | undefined>)[kind as InputKind];
  try {
    if (loader) await loader(path, o);
    else if (kind === 'declared') await loadDeclared(path, KINDS.declared!, DEDUCTION_COLUMNS, deductionKey, { keyColumn: 'year', keyName: t('cli.keyEnterpriseYear') }, o);
    else if (kind === 'declared_credits') await loadDeclared(path, KINDS.declared_credits!, CREDIT_COLUMNS, creditKey, { keyColumn: 'period', keyName: t('cli.keyEnterprisePeriodFee') }, o);
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

/** payroll.csv → payroll; payroll-2024.csv → payroll; payroll.xlsx → payroll. */
export function inferKind(path: string): string | undefined {
  const name = basename(path).toLowerCase().replace(/\.(csv|txt|xlsx|xls)$/, '');
  const norm = name.replace(/-/g, '_'); // declared-credits.csv → declared_credits
  if (KINDS[norm]) return norm;
  return Object.keys(KINDS)
    .sort((a, b) => b.length - a.length)
    .find((k) => norm.startsWith(k) && /[_.\s]/.test(norm.charAt(k.length)));
}

export function validateCommand(outcome: Outcome): Command {
  const kinds = Object.keys(KINDS).join(', ');
  const cmd = new Command('validate')
    .summary(t('cli.validate.summary'))
    .description(t('cli.validate.description', { kinds }))
    .argument('<files...>', t('cli.validate.arg.files'))
    .option('--kind <kind>', t('cli.validate.opt.kind', { kinds }))
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
      if (flags.kind !== undefined && !KINDS[flags.kind]) throw new UsageError(t('cli.validate.unknownKind', { kind: flags.kind, kinds }));
      // Every file is checked and everything found is listed, whatever happens to one of them. A file
      // that cannot be read at all (missing, a folder, no permission) or whose kind cannot be told is
      // an unusable argument: its own line in the list (LINE and COLUMN 0), and exit 2 at the end.
      const all: Problem[] = [];
      let unusable = 0;
      for (const file of files) {
        const shown = file === '-' ? '<stdin>' : file;
        const kind = flags.kind ?? inferKind(file);
        let problems: Problem[];
        try {
          if (!kind) throw new FileError(shown, t('cli.validate.noKind', { kinds }));
          // What the reading detected (the sheet, the header's line, rows skipped, the delimiter) is said as notes.
          const notes: string[] = [];
          try {
            problems = await checkFile(file, kind, { ...loadOptions(g), note: (m) => notes.push(m) });
          } finally {
            if (!g.quiet) for (const n of notes) err(t('cli.note', { text: n }));
          }
        } catch (e) {
          if (!(e instanceof FileError)) throw e;
          unusable++;
          all.push({ file: e.file, line: 0, column: 0, ...e.texts });
          err(`skilltax: ${escapeControl(e.file)}: ${escapeControl(e.reason)}`);
          continue;
        }
        all.push(...problems);
        if (!g.quiet) err(t('cli.validate.fileResult', { file: shown, kind, problems: problems.length }));
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
              // An output file: its messages follow --header (English, or Chinese with --header zh), never --lang.
              rows: all.map((p) => ({ file: p.file, line: p.line, column: p.column, value: p.value ?? '', message: g.header === 'zh' ? problemMessage(p, 'zh') : p.message })),
            },
            { header: g.header, format: 'csv', bom: g.bom },
          ),
        );
      } else if (g.format === 'json') {
        out(JSON.stringify(all.map((p) => ({ file: p.file, line: p.line, column: p.column, value: p.value ?? '', message: p.message, ...(p.sheet !== undefined ? { sheet: p.sheet } : {}) })), null, 2) + '\n');
      } else {
        for (const p of all) out(formatProblem(p) + '\n');
      }
      return unusable ? 2 : all.length ? 1 : 0;
    }),
  );
  return cmd;
}
