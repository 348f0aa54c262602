import { Command } from 'commander';
import { UsageError } from '../domain/errors.js';
import { render, type Table } from '../io/csv-out.js';
import { parseDate, ValueProblem } from '../io/values.js';
import { t } from '../i18n/index.js';
import { act, examples, globalOptions, out, renderOptions, rulesFor, withGlobalOptions, type Outcome } from './common.js';

export function rulesCommand(outcome: Outcome): Command {
  const cmd = new Command('rules')
    .summary(t('cli.rules.summary'))
    .description(t('cli.rules.description'))
    .option('--at <date>', t('cli.rules.opt.at'))
    .addHelpText(
      'after',
      examples([
        'skilltax rules',
        'skilltax rules --at 2017-06-30',
        'skilltax rules --rules my-rules.json --format json',
        '',
        t('cli.rules.exampleFile'),
        '  { "eit.education_expense.rate": [ { "from": "2018-01-01", "value": "0.08", "source": "财税〔2018〕51号" } ] }',
      ]),
    );
  withGlobalOptions(cmd);
  cmd.action(
    act(outcome, async (flags: { at?: string }, command: Command) => {
      const g = globalOptions(command);
      let at: string | undefined;
      if (flags.at !== undefined) {
        try {
          at = parseDate(flags.at.trim());
        } catch (e) {
          if (e instanceof ValueProblem) throw new UsageError(t('cli.rules.badAt', { problem: e.message, got: flags.at }));
          throw e;
        }
      }
      const rules = rulesFor(g);
      const table: Table = {
        columns: [
          { name: 'key', zh: '参数', type: 'text' },
          { name: 'value', zh: '值', type: 'rate' },
          { name: 'valid_from', zh: '起始日期', type: 'text' },
          { name: 'valid_to', zh: '截止日期', type: 'text' },
          { name: 'source', zh: '依据', type: 'text' },
          { name: 'status', zh: '状态', type: 'text' },
        ],
        rows: rules.listing(at),
      };
      out(render(table, renderOptions(g)));
      return 0;
    }),
  );
  return cmd;
}
