import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Command } from 'commander';
import type { Calculator } from '../calculators/calculator.js';
import { CALCULATORS } from '../calculators/registry.js';
import { FileError, RuleGapError, UsageError } from '../domain/errors.js';
import type { LedgerEntry } from '../domain/records.js';
import { runCalculator, type InputCache, type LedgerSource } from '../engine/index.js';
import { holdsPersonIds, render, renderPieces, writeFilesAtomic, type PendingFile } from '../io/csv-out.js';
import { renderXlsx } from '../io/xlsx-out.js';
import type { ReportTable } from '../domain/table.js';
import { signalPoint } from '../io/exit-cleanup.js';
import { lockLedger } from '../io/lock.js';
import { checkOutputs, type NamedPath } from '../io/paths.js';
import { describeDropped, ledgerTable } from '../ledger/ledger.js';
import { runSummaryTable, runSummaryText, type SummarySection } from '../report/summary.js';
import { act, chalkFor, err, examples, globalOptions, inputWhat, loadOptions, renderOptions, rulesFor, withGlobalOptions, yearRange, type Outcome } from './common.js';
import { quietWarnings } from './finish.js';
import { asOfDate } from './calculator-command.js';
import { byText } from '../domain/order.js';
import { formatFen } from '../domain/money.js';
import { CATALOGUES, getLang, listOf, t, type MessageKey } from '../i18n/index.js';
import { loadEnterprises, type Enterprise } from '../io/enterprises.js';
import { digestInput } from '../io/digest.js';
import { loadRules } from '../io/rules-file.js';
import { BUILT_IN, type Rules } from '../rules/index.js';
import type { RangeRequest } from '../calculators/calculator.js';
import { mostAffected, reformRows, sumFacts, withEnterprises, type RunFacts } from '../report/facts.js';
import { reformTable } from '../report/reform.js';
import type { Fact, ParamInForce, ReformData, RunData, RunReport } from '../report/run-data.js';
import { renderSummaryJson } from '../report/summary-json.js';

/** The canonical input names `run` reads from DIR (any calculator's, the ledger, rules.json). */
const INPUT_NAMES: ReadonlySet<string> = new Set([...CALCULATORS.flatMap((c) => c.inputs.map((i) => i.file)), 'enterprises.csv', 'ledger.csv', 'rules.json']);

/** The kind of an input of `run` by its file name (summary.json `inputs`). */
function kindOf(file: string): string {
  const csv = file.replace(/\.xlsx?$/i, '.csv');
  const spec = CALCULATORS.flatMap((c) => c.inputs).find((i) => i.file === csv);
  return spec ? spec.kind : csv.replace(/\.(csv|json)$/, '').replace(/-/g, '_');
}

/** What one pass of every runnable calculator gives: reports (with name and town), summary parts, the ledger, facts. */
interface Pass {
  reports: RunReport[];
  sections: SummarySection[];
  warnings: string[];
  notes: string[];
  ledger: string | Iterable<LedgerEntry> | undefined;
  facts: RunFacts;
  /** enterprise ids in the reports that enterprises.csv lacks */
  unknown: Set<string>;
}

/**
 * Runs every calculator in order on the inputs of the folder under `rules`, passing the ledger on.
 * With enterprises.csv, each report with an enterprise_id gains `name` and `town` at the end.
 * Throws what loading and computing throw.
 */
async function computeAll(
  subjects: boolean,
  runnable: readonly Calculator[],
  input: (name: string) => string | undefined,
  ledgerIn: string | undefined,
  rules: Rules,
  range: RangeRequest,
  force: boolean,
  g: ReturnType<typeof globalOptions>,
  enterprises: ReadonlyMap<string, Enterprise> | undefined,
  options: Readonly<Record<string, string | boolean | undefined>> = {},
  cache: InputCache = new Map(),
): Promise<Pass> {
  const pass: Pass = { reports: [], sections: [], warnings: [], notes: [], ledger: ledgerIn, facts: { facts: [], subjects: new Map(), largest: [], codes: {} }, unknown: new Set() };
  for (const calc of runnable) {
    const paths = Object.fromEntries(calc.inputs.map((i) => [i.flag, input(i.file)]));
    const result = await runCalculator(calc, paths, ledgerFor(calc, pass.ledger), { rules, range, force, options }, loadOptions(g), cache);
    for (const r of calc.reports) {
      const table = r.table(result);
      pass.reports.push({ calculator: calc.name, name: r.name, table: enterprises ? withEnterprises(table, enterprises, (id) => pass.unknown.add(id)) : table });
    }
    pass.sections.push({ calculator: calc.name, title: calc.title, items: calc.summarize(result) });
    pass.warnings.push(...calc.warnings(result));
    pass.notes.push(...describeDropped(result.dropped, result.conflicts), ...result.hints.map((h) => t('cli.note', { text: h })));
    if (result.ledger) pass.ledger = result.ledger;
    await signalPoint(); // SIGINT/SIGTERM during a computation: stop before writing
  }
  pass.facts = sumFacts(pass.reports, enterprises, { subjects });
  return pass;
}

/** The ledger's rows but the education_expense ones (read one at a time: a million of those are never held here). */
function poolsOf(entries: Iterable<LedgerEntry>): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const e of entries) if (e.kind !== 'education_expense') out.push(e);
  return out;
}

/** The reform's pass: a parameter gap or a refusal under it names the --reform file (the baseline computed). */
async function underReform<T>(file: string, pass: () => Promise<T>): Promise<T> {
  try {
    return await pass();
  } catch (e) {
    if (e instanceof RuleGapError || (e instanceof UsageError && !(e instanceof FileError))) throw new UsageError(t('run.underReform', { file, message: e.message }));
    throw e;
  }
}

/** The first and last year of the facts (undefined when there is none). */
function yearsOf(facts: readonly Fact[]): { from?: number; to?: number } {
  const years = facts.filter((f) => f.year !== '*' && f.year !== '').map((f) => Number(f.year));
  return years.length ? { from: Math.min(...years), to: Math.max(...years) } : {};
}

/** The parameters in force on the last day of `year` (today's listing when undefined), with the entries of replaced series not in force then. */
function paramsInForce(rules: Rules, year: number | undefined): ParamInForce[] {
  const on = year === undefined ? undefined : `${year}-12-31`;
  // a rules file by its own name (the same bytes however its path was typed)
  const origin = (key: string) => (rules.origin(key) === BUILT_IN ? BUILT_IN : basename(rules.origin(key)));
  const inForce = rules.listing(on).map((p) => ({ key: p.key, value: p.value, on: on ?? p.valid_from, source: p.source, status: p.status, origin: origin(p.key) }));
  const replaced = rules
    .listing()
    .filter((p) => rules.origin(p.key) !== 'built-in' && !inForce.some((q) => q.key === p.key && q.value === p.value && q.source === p.source))
    .map((p) => ({ key: p.key, value: p.value, on: p.valid_from, source: p.source, status: p.status, origin: origin(p.key) }));
  return [...inForce, ...replaced];
}

/**
 * The reform against the baseline: reform.csv's rows, the parameters it changed (each entry of a
 * series the reform file replaced whose value differs from the baseline's on its first day, with
 * the baseline's value on that day), the subjects most affected.
 */
function reformData(file: string, base: Pass, reform: Pass, baseRules: Rules, reformRules: Rules, enterprises: ReadonlyMap<string, Enterprise> | undefined): ReformData {
  const params: ParamInForce[] = [];
  const baselineParams: ParamInForce[] = [];
  for (const e of reformRules.listing()) {
    if (reformRules.origin(e.key) !== file) continue;
    const was = baseRules.at(e.key, e.valid_from);
    if (was?.value === e.value) continue;
    params.push({ key: e.key, value: e.value, on: e.valid_from, source: e.source, status: e.status, origin: basename(file) });
    const baseOrigin = baseRules.origin(e.key);
    baselineParams.push({ key: e.key, value: was?.value ?? '', on: e.valid_from, source: was?.source ?? '', status: was?.status ?? e.status, origin: baseOrigin === BUILT_IN ? BUILT_IN : basename(baseOrigin) });
  }
  return {
    file: basename(file),
    params,
    baselineParams,
    rows: reformRows(base.facts.facts, reform.facts.facts),
    affected: mostAffected(base.facts, reform.facts, enterprises),
    reports: reform.reports,
  };
}

/** The reform's lines of the terminal summary: each calculator's amounts that changed, all towns and years. */
function reformText(r: ReformData): string {
  const lines = [`  ${t('run.reformHeading', { file: r.file })}`];
  const totals = r.rows.filter((x) => x.town === '*' && x.year === '*' && x.unit === 'fen' && x.reform !== x.baseline);
  const measure = (m: string) => (`html.measure.${m}` in CATALOGUES[getLang()] ? t(`html.measure.${m}` as MessageKey) : m);
  const calculator = (c: string) => (`html.calc.${c}` in CATALOGUES[getLang()] ? t(`html.calc.${c}` as MessageKey) : c);
  const named = (m: string) => (measure(m) === m ? m : `${measure(m)} (${m})`);
  for (const x of totals) lines.push(`    ${calculator(x.calculator)} ${named(x.measure)}: ${formatFen(x.baseline)} → ${formatFen(x.reform)} (${x.reform >= x.baseline ? '+' : ''}${formatFen(x.reform - x.baseline)})`);
  if (!totals.length) lines.push(`    ${t('run.reformNoChange')}`);
  return lines.join('\n') + '\n';
}

const needs = (c: Calculator) => t('run.needs', { noun: c.noun, plural: Boolean(c.nounPlural), files: listOf(c.inputs.filter((i) => i.required).map((i) => i.file)) });

/**
 * The ledger a calculator of `run` reads: ledger.csv, or the rows the calculator before it left
 * (passed on as they are, a ledger merged as it is read never collected; a calculator without a
 * ledger kind never reads it).
 */
function ledgerFor(calc: Calculator, carried: string | Iterable<LedgerEntry> | undefined): LedgerSource {
  if (typeof carried === 'string' || carried === undefined || Array.isArray(carried)) return carried;
  return calc.ledger ? carried : undefined;
}

/** The workbook `run --format xlsx` writes: the summary and every report, a sheet each. */
export const WORKBOOK = 'skilltax.xlsx';

export function runCommand(outcome: Outcome): Command {
  const uses = CALCULATORS.map((c) => {
    const optional = c.inputs.filter((i) => !i.required).map((i) => i.file);
    return optional.length ? t('run.needsWith', { needs: needs(c), optional: listOf(optional) }) : needs(c);
  });
  const cmd = new Command('run')
    .summary(t('run.summary'))
    .description(t('run.description', { uses: uses.join(t('run.useSeparator')) }))
    .argument('<dir>', t('run.argDir'))
    .option('--out <outdir>', t('run.optOut'))
    .option('--year <yyyy>', t('run.optYear'))
    .option('--from <yyyy>', t('run.optFrom'))
    .option('--to <yyyy>', t('run.optTo'))
    .option('--force', t('cli.opt.force'))
    .option('--reform <file>', t('run.optReform'))
    .option('--as-of <date>', t('match.opt.asOf'))
    .option('--include-expired', t('match.opt.includeExpired'))
    .addHelpText(
      'after',
      examples([
        'skilltax run fixtures/demo',
        'skilltax run /data/2024 --year 2024 --out /reports/2024',
        'skilltax run /data/cixi --header zh --bom --quiet',
        'skilltax run fixtures/demo --lang zh --reform reform-10pct.json',
        '',
        t('run.exitStatus'),
      ]),
    );
  withGlobalOptions(cmd);
  cmd.action(
    act(outcome, async (dir: string, flags: { out?: string; year?: string; from?: string; to?: string; force?: boolean; reform?: string; asOf?: string; includeExpired?: boolean }, command: Command) => {
      const g = globalOptions(command);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(t('run.noSuchFolder', { dir }));
      if (flags.reform === '-' || g.rules === '-') throw new UsageError(t('run.rulesNotStdin'));
      const range = yearRange(flags);
      const outDir = flags.out ?? join(dir, 'out');
      // An input under its canonical name, or as a workbook of the same name (payroll.xlsx, payroll.xls).
      const input = (name: string) =>
        [name, ...(name.endsWith('.csv') ? [name.replace(/\.csv$/, '.xlsx'), name.replace(/\.csv$/, '.xls')] : [])].map((n) => join(dir, n)).find((p) => existsSync(p));
      const rules = rulesFor(g, input('rules.json'));
      const runnable = CALCULATORS.filter((c) => c.inputs.every((i) => !i.required || input(i.file)));
      if (!runnable.length) throw new UsageError(t('run.noCalculator', { dir, needs: CALCULATORS.map(needs).join(t('run.useSeparator')) }));
      const ext = g.format === 'json' ? 'json' : 'csv';
      // --format xlsx: one workbook, the summary sheet first, then a sheet per report (CONTRACT §1).
      const workbook = g.format === 'xlsx';
      // Every canonical input present is an input of the run, used or not: no output may replace
      // one, but ledger.csv itself when --out is DIR (the in-place ledger, README "Guarantees").
      const inputs: NamedPath[] = [...INPUT_NAMES]
        // the file read (payroll.xlsx for payroll.csv), and its canonical name too
        .flatMap((name) => {
          const found = input(name);
          if (!found) return [];
          const canonical = join(dir, name);
          return [...new Set([found, canonical])].map((path) => ({ path, what: t('run.what.input', { name: basename(found) }) }));
        })
        .concat(g.rules !== undefined ? [{ path: g.rules, what: inputWhat('--rules') }] : [])
        .concat(flags.reform !== undefined ? [{ path: flags.reform, what: t('run.what.reformFile') }] : []);
      const ledgerIn = input('ledger.csv');
      const ledgerOut = join(outDir, 'ledger.csv');
      // A report named as an input (providers.csv: the figures of `providers`, CONTRACT §8, and the
      // providers' list, §2) cannot go beside the inputs: the next run would read it as one.
      if (!workbook && resolve(outDir) === resolve(dir)) {
        const clash = runnable.flatMap((c) => c.reports.map((r) => `${r.name}.${ext}`)).find((n) => INPUT_NAMES.has(n));
        if (clash) throw new UsageError(t('run.reportIsInputName', { name: clash, dir }));
      }
      const reportPaths = workbook ? [join(outDir, WORKBOOK)] : runnable.flatMap((c) => c.reports.map((r) => join(outDir, `${r.name}.${ext}`)));
      const summaryPath = join(outDir, `summary.${ext}`);
      const summaryJsonPath = join(outDir, 'summary.json');
      const htmlPath = join(outDir, 'report.html');
      const reformPath = join(outDir, `reform.${ext}`);
      checkOutputs(
        [
          ...reportPaths.map((path) => ({ path, what: t('run.what.report') })),
          { path: ledgerOut, what: t('run.what.ledger'), ...(ledgerIn ? { mayReplace: ledgerIn } : {}) },
          // summary.csv; with --format json, summary.json alone (it holds summary.csv's items)
          ...(ext === 'csv' ? [{ path: summaryPath, what: t('run.what.summary') }] : []),
          { path: summaryJsonPath, what: t('run.what.summary') },
          { path: htmlPath, what: t('run.what.html') },
          ...(flags.reform !== undefined && !workbook ? [{ path: reformPath, what: t('run.what.reform') }] : []),
        ],
        inputs,
      );
      // The ledger written is locked before any input is read, until it is renamed into place.
      const lock = await lockLedger(ledgerOut, { timeoutSeconds: g.lockTimeout, command: 'skilltax run' });
      try {
        const enterprisesPath = input('enterprises.csv');
        const enterprises = enterprisesPath ? await loadEnterprises(enterprisesPath, loadOptions(g)) : undefined;
        const reformRules = flags.reform !== undefined ? loadRules(flags.reform, rules) : undefined;
        // match: --as-of, else the end of the data's last year (never after today): README "skilltax run DIR"
        const options = { ...(flags.asOf !== undefined ? { 'as-of': asOfDate(flags.asOf) } : {}), today: asOfDate(undefined), 'as-of-default': 'data', 'include-expired': Boolean(flags.includeExpired) };
        // the claims, certificates, insurance months … are read once for the run (engine SHARED_INPUTS)
        const cache: InputCache = new Map();
        const baseline = await computeAll(reformRules !== undefined, runnable, input, ledgerIn, rules, range, Boolean(flags.force), g, enterprises, options, cache);
        // The reform: the same inputs under the reform's parameters. Its ledger is never written, and a
        // later ledger row it contradicts is set aside (as --force would) rather than refused.
        const reform = reformRules ? await underReform(flags.reform!, () => computeAll(true, runnable, input, ledgerIn, reformRules, range, true, g, enterprises, options, cache)) : undefined;
        const files: PendingFile[] = [];
        const sheets: { name: string; table: ReportTable }[] = [];
        for (const r of baseline.reports) {
          if (workbook) sheets.push({ name: r.name, table: r.table });
          else files.push({ path: join(outDir, `${r.name}.${ext}`), content: renderPieces(r.table, renderOptions(g)), what: t('run.what.report'), private: holdsPersonIds(r.table) });
        }
        const { sections, warnings, notes } = baseline;
        const unknown = [...baseline.unknown].sort(byText);
        if (unknown.length) notes.push(t('cli.note', { text: t('run.unknownEnterprises', { n: unknown.length, ids: unknown.slice(0, 5).join(', '), more: unknown.length > 5 }) }));
        const entries: Iterable<LedgerEntry> = typeof baseline.ledger === 'string' || baseline.ledger === undefined ? [] : baseline.ledger;
        files.push({
          path: ledgerOut,
          content: renderPieces(ledgerTable(entries), { header: g.header, format: 'csv', bom: g.bom }),
          what: t('run.what.ledger'),
          ledger: true,
          ...(ledgerIn ? { mayReplace: ledgerIn } : {}),
        });
        if (workbook) {
          const all = [{ name: 'summary', table: runSummaryTable(sections) }, ...sheets];
          if (reform) all.push({ name: 'reform', table: reformTable(reformData(flags.reform!, baseline, reform, rules, reformRules!, enterprises)) });
          files.push({ path: join(outDir, WORKBOOK), content: await renderXlsx(all, g.header), what: t('run.what.workbook'), private: sheets.some((x) => holdsPersonIds(x.table)) });
        } else if (ext === 'csv') files.push({ path: summaryPath, content: render(runSummaryTable(sections), renderOptions(g)), what: t('run.what.summary') });
        const reformed = reform ? reformData(flags.reform!, baseline, reform, rules, reformRules!, enterprises) : undefined;
        if (reformed && !workbook) files.push({ path: reformPath, content: render(reformTable(reformed), renderOptions(g)), what: t('run.what.reform') });
        const status = warnings.length ? 1 : 0;
        const data: RunData = {
          lang: g.lang,
          // the folder's own name: the same inputs give the same bytes however the path was typed
          dir: basename(resolve(dir)),
          years: yearsOf(baseline.facts.facts),
          sections,
          warnings,
          notes,
          codes: baseline.facts.codes,
          reports: baseline.reports,
          // the 产教融合 pool and the carried 留抵退税 deduction: the page's credit section (never the million education_expense rows)
          ledger: poolsOf(entries),
          ...(enterprises ? { enterprises } : {}),
          unknownEnterprises: unknown,
          facts: baseline.facts.facts,
          largest: baseline.facts.largest,
          params: paramsInForce(rules, yearsOf(baseline.facts.facts).to),
          inputs: await Promise.all(
            [...[...INPUT_NAMES].flatMap((name) => input(name) ?? []), ...(g.rules !== undefined ? [g.rules] : []), ...(flags.reform !== undefined ? [flags.reform] : [])].map(async (path) => ({
              file: basename(path),
              kind: path === g.rules || path === flags.reform ? 'rules' : kindOf(basename(path)),
              ...(await digestInput(path)),
            })),
          ),
          outputs: [...files.map((f) => basename(f.path)), 'summary.json', 'report.html'].sort(byText),
          ...(reformed ? { reform: reformed } : {}),
        };
        files.push({ path: summaryJsonPath, content: renderSummaryJson(data, status), what: t('run.what.summary') });
        // report.html: loaded only here (ECharts costs about 0.4 s of CPU to load, which no other command pays).
        const { renderReportHtml } = await import('../report/html.js');
        files.push({ path: htmlPath, content: renderReportHtml(data), what: t('run.what.html'), private: data.reports.some((r) => holdsPersonIds(r.table)) });
        const summary = g.quiet ? undefined : runSummaryText(dir, outDir, sections, files.map((f) => f.path), chalkFor(g, process.stderr)) + (reformed ? reformText(reformed) : '');
        // The ledger is renamed last (after summary.csv, whatever the order listed).
        writeFilesAtomic(files, { inputs, beforeRename: () => lock.assertHeld() });
        await signalPoint(); // … during the writing: the set is complete, then stop
        // The summary goes to standard error like every command's (standard output is for reports).
        if (summary !== undefined) {
          process.stderr.write(summary);
          for (const w of warnings) err(t('cli.warning', { text: w }));
          for (const n of notes) err(n);
        } else if (warnings.length) err(quietWarnings(warnings.length));
        return status;
      } finally {
        await lock.release();
      }
    }),
  );
  return cmd;
}
