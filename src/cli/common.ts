/** What every command shares: the global options, the terminal, and writing outputs. */
import { Chalk, type ChalkInstance } from 'chalk';
import { Command, Option } from 'commander';
import type { RangeRequest } from '../calculators/calculator.js';
import { escapeLines, UsageError } from '../domain/errors.js';
import type { EncodingOption } from '../io/csv-in.js';
import { installSignalCleanup } from '../io/exit-cleanup.js';
import { renderPieces, type FileContent, type HeaderLang, type RenderOptions } from '../io/csv-out.js';
import { renderXlsx } from '../io/xlsx-out.js';
import type { ReportTable } from '../domain/table.js';
import { loadAccountMap, type AccountMap, type LoadOptions } from '../io/load.js';
import { progressFor } from './progress.js';
import { usccProblem } from '../domain/ids.js';
import { loadRules } from '../io/rules-file.js';
import { detectLang, getLang, setLang, t, type Lang } from '../i18n/index.js';
import { terminalWidth, wrapWidth } from '../report/text.js';
import type { Rules } from '../rules/index.js';

export interface GlobalOptions {
  rules?: string;
  encoding: EncodingOption;
  header: HeaderLang;
  format: 'csv' | 'json' | 'xlsx';
  /** --format was given (validate prints plain lines unless asked for csv) */
  formatGiven: boolean;
  bom: boolean;
  quiet: boolean;
  color: boolean;
  maxErrors: number;
  /** Language of messages, explain and the HTML report (--lang, else LC_ALL/LC_MESSAGES/LANG, else en; src/i18n). */
  lang: Lang;
  /** Seconds to wait for another run's lock on a ledger this run writes (--lock-timeout, default 60). */
  lockTimeout: number;
  /** Input options (README "Files from your software"): a workbook's sheet, the header's line, the delimiter, the enterprise of a file without the column, the account map of a ledger export. */
  sheet?: string;
  headerRow?: number;
  delimiter?: string;
  enterpriseId?: string;
  accountMap?: string;
}

const DELIMITERS: Record<string, string> = { ',': ',', comma: ',', tab: '\t', '\t': '\t', '\\t': '\t', ';': ';', semicolon: ';' };

/** Adds the global options of CONTRACT §1. No defaults here: `globalOptions` applies them, so
 * an option given before the command name is not overridden by the command's default. */
export function withGlobalOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--rules <file>', t('cli.opt.rules')))
    .addOption(new Option('--encoding <enc>', t('cli.opt.encoding')).choices(['auto', 'utf8', 'gb18030']))
    .addOption(new Option('--header <lang>', t('cli.opt.header')).choices(['en', 'zh']))
    .addOption(new Option('--format <fmt>', t('cli.opt.format')).choices(['csv', 'json', 'xlsx']))
    .option('--bom', t('cli.opt.bom'))
    .option('--quiet', t('cli.opt.quiet'))
    .option('--no-color', t('cli.opt.noColor'))
    .addOption(new Option('--lang <lang>', t('cli.opt.lang')).choices(['en', 'zh']))
    .option('--max-errors <n>', t('cli.opt.maxErrors'))
    .option('--lock-timeout <seconds>', t('cli.opt.lockTimeout'))
    .option('--sheet <name|n>', t('cli.opt.sheet'))
    .option('--header-row <n>', t('cli.opt.headerRow'))
    .option('--delimiter <d>', t('cli.opt.delimiter'))
    .option('--enterprise-id <id>', t('cli.opt.enterpriseId'))
    .option('--account-map <file>', t('cli.opt.accountMap'));
}

export function globalOptions(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals() as Record<string, unknown>;
  let maxErrors = 100;
  if (o.maxErrors !== undefined) {
    const s = String(o.maxErrors);
    if (!/^[1-9]\d*$/.test(s)) throw new UsageError(t('cli.badMaxErrors', { got: s }));
    maxErrors = Number(s);
  }
  let lockTimeout = 60;
  if (o.lockTimeout !== undefined) {
    const s = String(o.lockTimeout);
    if (!/^\d+(\.\d+)?$/.test(s) || Number(s) > 86_400) throw new UsageError(t('cli.badLockTimeout', { got: s }));
    lockTimeout = Number(s);
  }
  let headerRow: number | undefined;
  if (o.headerRow !== undefined) {
    const v = String(o.headerRow);
    if (!/^[1-9]\d{0,8}$/.test(v)) throw new UsageError(t('cli.badHeaderRow', { got: v }));
    headerRow = Number(v);
  }
  let delimiter: string | undefined;
  if (o.delimiter !== undefined) {
    delimiter = DELIMITERS[String(o.delimiter).toLowerCase()];
    if (delimiter === undefined) throw new UsageError(t('cli.badDelimiter', { got: String(o.delimiter) }));
  }
  let enterpriseId: string | undefined;
  if (o.enterpriseId !== undefined) {
    enterpriseId = String(o.enterpriseId).trim().toUpperCase();
    const problem = usccProblem(enterpriseId);
    if (problem) throw new UsageError(`--enterprise-id ${String(o.enterpriseId)}: ${problem}`);
  }
  if (o.sheet !== undefined && String(o.sheet).trim() === '') throw new UsageError(t('cli.badSheet'));
  return {
    ...(o.sheet !== undefined ? { sheet: String(o.sheet) } : {}),
    ...(headerRow !== undefined ? { headerRow } : {}),
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(enterpriseId !== undefined ? { enterpriseId } : {}),
    ...(o.accountMap !== undefined ? { accountMap: String(o.accountMap) } : {}),
    rules: o.rules as string | undefined,
    encoding: (o.encoding as EncodingOption | undefined) ?? 'auto',
    header: (o.header as HeaderLang | undefined) ?? 'en',
    format: (o.format as 'csv' | 'json' | 'xlsx' | undefined) ?? 'csv',
    formatGiven: o.format !== undefined,
    bom: Boolean(o.bom),
    quiet: Boolean(o.quiet),
    color: o.color !== false && !('NO_COLOR' in process.env && process.env.NO_COLOR !== ''),
    maxErrors,
    lang: langOf(o.lang as Lang | undefined),
    lockTimeout,
  };
}

/** --lang, else the locale of LC_ALL, LC_MESSAGES or LANG (the first set; zh_* is Chinese), else en; messages are made in it from here on. */
function langOf(given: Lang | undefined): Lang {
  const lang = given ?? detectLang([], process.env);
  setLang(lang);
  return lang;
}

/** --account-map, read once per file name (run reads training for several calculators), when a ledger export first needs it. */
const accountMaps = new Map<string, Promise<AccountMap>>();
function accountMapOf(path: string, g: GlobalOptions): PromiseLike<AccountMap> {
  return {
    then(ok, fail) {
      let p = accountMaps.get(path);
      if (!p) accountMaps.set(path, (p = loadAccountMap(path, { encoding: g.encoding, maxErrors: g.maxErrors })));
      return p.then(ok, fail);
    },
  };
}

export function loadOptions(g: GlobalOptions): LoadOptions {
  const progress = progressFor(g);
  return {
    encoding: g.encoding,
    maxErrors: g.maxErrors,
    ...(g.sheet !== undefined ? { sheet: g.sheet } : {}),
    ...(g.headerRow !== undefined ? { headerRow: g.headerRow } : {}),
    ...(g.delimiter !== undefined ? { delimiter: g.delimiter } : {}),
    ...(g.enterpriseId !== undefined ? { enterpriseId: g.enterpriseId } : {}),
    ...(g.accountMap !== undefined ? { accountMap: accountMapOf(g.accountMap, g) } : {}),
    ...(progress ? { progress } : {}),
  };
}

/** How a text output is rendered. A workbook (--format xlsx) is not text: commands that print their output refuse it. */
export function renderOptions(g: GlobalOptions): RenderOptions {
  if (g.format === 'xlsx') throw new UsageError(t('cli.xlsxPrinted'));
  return { header: g.header, format: g.format, bom: g.bom };
}

/** A report's file content in the chosen format: CSV or JSON text in pieces made as they are written, or a workbook with one sheet. */
export async function renderReport(g: GlobalOptions, name: string, table: ReportTable): Promise<FileContent> {
  return g.format === 'xlsx' ? renderXlsx([{ name, table }], g.header) : renderPieces(table, renderOptions(g));
}

export function rulesFor(g: GlobalOptions, fallback?: string): Rules {
  return loadRules(g.rules ?? fallback);
}

export function chalkFor(g: GlobalOptions, stream: NodeJS.WriteStream): ChalkInstance {
  const level = g.color && stream.isTTY ? 1 : 0;
  return new Chalk({ level });
}

export function parseYearOption(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw new UsageError(t('cli.badYear', { flag, got: v }));
  return Number(v);
}

/** --year, or --from/--to, as years YYYY. */
export function yearRange(o: { year?: string; from?: string; to?: string }): RangeRequest {
  const year = parseYearOption('--year', o.year);
  const from = parseYearOption('--from', o.from);
  const to = parseYearOption('--to', o.to);
  if (year !== undefined && (from !== undefined || to !== undefined)) throw new UsageError(t('cli.yearOrRange'));
  return { year, ...(from !== undefined ? { from: String(from) } : {}), ...(to !== undefined ? { to: String(to) } : {}) };
}

/** --year YYYY, or --from/--to as periods (YYYY-MM, YYYY-Qn) or years: the calculator checks their form. */
export function periodRange(o: { year?: string; from?: string; to?: string }): RangeRequest {
  const year = parseYearOption('--year', o.year);
  if (year !== undefined && (o.from !== undefined || o.to !== undefined)) throw new UsageError(t('cli.yearOrRange'));
  return { year, ...(o.from !== undefined ? { from: o.from } : {}), ...(o.to !== undefined ? { to: o.to } : {}) };
}

/** At most one input may come from standard input. */
export function checkStdin(paths: (string | undefined)[]): void {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError(t('cli.oneStdin'));
}

let stdoutClosed = false;
/** The reader went away (`| head`): not an error; what is left to print is dropped. */
export function closeStdout(): void {
  stdoutClosed = true;
}

export function out(text: string): void {
  if (!stdoutClosed) process.stdout.write(text);
}

/** A line (or lines) on standard error, input text in it made safe (control characters escaped, #8 item 12). */
export function err(text: string): void {
  const line = escapeLines(text.endsWith('\n') ? text.slice(0, -1) : text);
  process.stderr.write(line + '\n');
}

/** What an input file is called in messages: "the --payroll input", "the --rules file". */
export function inputWhat(flag: string): string {
  return flag === '--rules' ? t('cli.theRulesFile') : t('cli.theInput', { flag });
}

/** Help in the language of messages: commander's headings and its help and version options (its error messages stay English). */
export function localizeHelp(cmd: Command): void {
  const titles: Readonly<Record<string, string>> = {
    'Usage:': t('cli.helpUsage'),
    'Arguments:': t('cli.helpArguments'),
    'Options:': t('cli.helpOptions'),
    'Commands:': t('cli.helpCommands'),
  };
  // In Chinese, widths by string-width and lines broken between characters; English help stays commander's own.
  const wide = getLang() === 'zh' ? { displayWidth: terminalWidth, boxWrap: (s: string, width: number) => (width < 40 ? s : wrapWidth(s, width)) } : {};
  cmd.configureHelp({ styleTitle: (s: string) => titles[s] ?? s, ...wide });
  cmd.helpOption('-h, --help', t('cli.helpOption'));
  if (cmd.commands.length) cmd.helpCommand('help [command]', t('cli.helpCommand'));
}

export function examples(lines: string[]): string {
  return `\n${t('cli.examples')}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** The exit status of one invocation: each command's action returns it, `main` reads it. */
export interface Outcome {
  status: number;
}

/**
 * Wraps a command's action so its returned exit status reaches `main` through `outcome`. From
 * here on SIGINT, SIGTERM and SIGHUP end the run through the cleanup handlers (exit 128 + n, no
 * temporary file or lock left behind).
 */
export function act<A extends unknown[]>(outcome: Outcome, fn: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    installSignalCleanup();
    outcome.status = await fn(...args);
  };
}
