/**
 * A `RunData` made the way a reader of the outputs would: from the files `skilltax run` wrote
 * (its CSV reports, ledger.csv, summary.csv), the demo's enterprises.csv and inputs, and the
 * parameter table. For the tests of report.html that do not depend on how run.ts builds it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePeriodText } from '../../src/domain/periods.js';
import type { LedgerEntry } from '../../src/domain/records.js';
import type { ColumnDef } from '../../src/domain/table.js';
import type { Lang } from '../../src/i18n/index.js';
import { fenOf, sumFacts } from '../../src/report/facts.js';
import type { EnterpriseInfo, ParamInForce, RunData, RunReport } from '../../src/report/run-data.js';
import { PARAMS } from '../../src/rules/params.js';
import { readCsv, type Row } from './demo.js';

/** The report files of a run, by name (without .csv), in the order `run` writes them. */
export const REPORT_NAMES: Readonly<Record<string, string>> = {
  deductions: 'education_expense',
  credits: 'pcie_credit',
  subsidies: 'training_subsidy',
  'subsidy-summary': 'training_subsidy',
  'award-payments': 'awards',
  exemptions: 'exempt',
};

/** enterprises.csv of a folder, by id. */
export function enterprisesOf(dir: string): Map<string, EnterpriseInfo> {
  const rows = readCsv(readFileSync(join(dir, 'enterprises.csv')));
  return new Map(rows.map((r) => [r.enterprise_id!, { name: r.name ?? '', town: r.town ?? '', industry: r.industry ?? '' }]));
}

/** The CSV reports of an output folder as tables of text cells, as written (`name` and `town` at the end when enterprises.csv was read). */
export function reportsOf(outDir: string): RunReport[] {
  const present = new Set(readdirSync(outDir));
  return Object.entries(REPORT_NAMES)
    .filter(([name]) => present.has(`${name}.csv`))
    .map(([name, calculator]) => {
      const bytes = readFileSync(join(outDir, `${name}.csv`));
      const header = bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',');
      const columns: ColumnDef[] = header.map((h) => ({ name: h, zh: h, type: 'text' }));
      return { calculator, name, table: { columns, rows: readCsv(bytes) } };
    });
}

/** ledger.csv of an output folder as entries in fen. */
export function ledgerOf(outDir: string): LedgerEntry[] {
  return readCsv(readFileSync(join(outDir, 'ledger.csv'))).map((r) => ({
    enterprise_id: r.enterprise_id!,
    kind: r.kind as LedgerEntry['kind'],
    period: parsePeriodText(r.period!)!,
    ...(r.opening ? { opening: fenOf(r.opening) } : {}),
    ...(r.added ? { added: fenOf(r.added) } : {}),
    ...(r.used ? { used: fenOf(r.used) } : {}),
    closing: fenOf(r.closing!),
  }));
}

/** Every parameter's value in force on `on` (the built-in series), as `skilltax rules --on` prints it. */
export function paramsOn(on: string): ParamInForce[] {
  return PARAMS.flatMap((p) => {
    const e = p.entries.filter((x) => x.from <= on && (x.to === undefined || on <= x.to)).at(-1);
    return e ? [{ key: p.key, value: e.value, on, source: e.source, status: e.status, origin: 'built-in' }] : [];
  });
}

/** The RunData of a `skilltax run DIR --out OUTDIR` that has already been run, read back from its files. */
export function runDataFromFiles(dir: string, outDir: string, lang: Lang): RunData {
  const enterprises = enterprisesOf(dir);
  const reports = reportsOf(outDir);
  const summary: Row[] = readCsv(readFileSync(join(outDir, 'summary.csv')));
  const sections = [...new Set(summary.map((r) => r.calculator!))].map((calculator) => ({
    calculator,
    title: calculator,
    items: summary.filter((r) => r.calculator === calculator).map((r) => ({ item: r.item!, label: r.item!, value: r.value!, warning: r.item === 'warnings' })),
  }));
  const years = reports.find((r) => r.name === 'deductions')!.table.rows as Row[];
  const ys = years.map((r) => Number(r.year));
  const inputs = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, kind: file.replace(/\.csv$/, ''), rows: readCsv(bytes).length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
  const to = Math.max(...ys);
  const summed = sumFacts(reports, enterprises);
  return {
    lang,
    dir,
    years: { from: Math.min(...ys), to },
    sections,
    warnings: [],
    notes: [],
    codes: {},
    reports,
    ledger: ledgerOf(outDir),
    enterprises,
    unknownEnterprises: [],
    facts: summed.facts,
    largest: summed.largest,
    params: paramsOn(`${to}-12-31`),
    inputs,
    outputs: readdirSync(outDir).sort(),
  };
}
