import { Command } from 'commander';
import { render, writeFilesAtomic, type PendingFile } from '../io/csv-out.js';
import { UsageError } from '../io/errors.js';
import { formatFen } from '../io/money.js';
import { runSubsidy } from '../pipeline/subsidy.js';
import { explainClaim, subsidiesTable, subsidySummaryTable, subsidyTotals } from '../report/subsidies.js';
import { act, checkStdin, err, examples, globalOptions, loadOptions, out, parseYearOption, renderOptions, rulesFor, withGlobalOptions } from './common.js';

interface SubsidyFlags {
  trainees: string;
  catalog: string;
  history?: string;
  qualifications?: string;
  year?: string;
  out?: string;
  summary?: string;
  explain?: string;
}

export function subsidyCommand(): Command {
  const cmd = new Command('subsidy')
    .summary('training subsidy eligibility: five programs, the per-person rules across claims and years')
    .description(
      'Decides, for every claim in trainees.csv, whether it is eligible and for how much, and lists every reason when ' +
        'it is not: the person (身份证号, working age, group), the certificate, the catalogue, the program conditions, and ' +
        'the rules across claims and history (once per occupation and level, no lower level after a higher one, one ' +
        'subsidy per certificate, at most 3 a year, month limits). Claims are decided in (claim_date, claim_id) order.',
    )
    .requiredOption('--trainees <file>', 'trainees.csv: the claims')
    .requiredOption('--catalog <file>', 'catalog.csv: amounts by program, occupation and level (see fixtures/catalog-example.csv)')
    .option('--history <file>', 'history.csv: subsidies paid before')
    .option('--qualifications <file>', 'qualifications.csv (an individual_business employer excludes skill_upgrade)')
    .option('--year <yyyy>', 'report the claims made in this year (earlier claims in the file still count against them)')
    .option('--out <file>', 'write subsidies.csv here (default: standard output)')
    .option('--summary <file>', 'write subsidy-summary.csv (enterprise_id, program, claims, eligible, amount) here')
    .option('--explain <claim_id>', 'print a step-by-step account of one claim')
    .addHelpText(
      'after',
      examples([
        'skilltax subsidy --trainees trainees.csv --catalog fixtures/catalog-example.csv --out subsidies.csv',
        'skilltax subsidy --trainees trainees.csv --catalog catalog.csv --history history.csv --year 2024 \\',
        '    --out subsidies-2024.csv --summary subsidy-summary-2024.csv',
        'skilltax subsidy --trainees fixtures/demo/trainees.csv --catalog fixtures/demo/catalog.csv \\',
        '    --history fixtures/demo/history.csv --explain C2024-0001',
        '',
        'Exit status: 0 done (ineligible claims are decisions, not errors); 2 nothing written.',
      ]),
    );
  withGlobalOptions(cmd);
  cmd.action(
    act(async (flags: SubsidyFlags, command: Command) => {
      const g = globalOptions(command);
      const year = parseYearOption('--year', flags.year);
      checkStdin([flags.trainees, flags.catalog, flags.history, flags.qualifications]);
      const result = await runSubsidy(
        { trainees: flags.trainees, catalog: flags.catalog, history: flags.history, qualifications: flags.qualifications },
        { from: year, to: year },
        rulesFor(g),
        loadOptions(g),
      );
      let account: string | undefined;
      if (flags.explain !== undefined) {
        const d = result.all.find((x) => x.claim.claim_id === flags.explain!.trim());
        if (!d) throw new UsageError(`--explain ${flags.explain}: no such claim_id in ${flags.trainees}`);
        account = explainClaim(d);
      }
      const report = render(subsidiesTable(result.decisions), renderOptions(g));
      const files: PendingFile[] = [];
      if (flags.out) files.push({ path: flags.out, content: report });
      if (flags.summary) files.push({ path: flags.summary, content: render(subsidySummaryTable(result.decisions), renderOptions(g)) });
      writeFilesAtomic(files);
      if (account !== undefined) out(account);
      else if (!flags.out) out(report);
      if (!g.quiet) {
        const t = subsidyTotals(result.decisions);
        err(`subsidy: ${t.claims} claim${t.claims === 1 ? '' : 's'} of ${t.persons} person${t.persons === 1 ? '' : 's'}, ${t.eligible} eligible, ${t.claims - t.eligible} ineligible, amount ${formatFen(t.amount)}`);
      }
      return 0;
    }),
  );
  return cmd;
}
