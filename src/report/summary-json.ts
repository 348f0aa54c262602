/**
 * summary.json (README "Files `run` writes"): what a cron job checks after a run without parsing
 * CSV. Amounts are strings with two decimals (yuan, as CONTRACT §1's JSON reports), counts are
 * numbers. Keys are English and never follow --lang; the same data gives the same bytes.
 */
import { formatFen } from '../domain/money.js';
import { cellsOf } from '../domain/table.js';
import type { Fact, RunData } from './run-data.js';

/** The version of this file's shape: raised when a key changes meaning (keys are only ever added). */
export const SUMMARY_JSON_VERSION = 1;

const shown = (unit: 'fen' | 'count', v: number): string | number => (unit === 'fen' ? formatFen(v) : v);

/** facts → { calculator: { measure: value } } for one town and year ('*' = all). */
function pick(facts: readonly Fact[], keep: (f: Fact) => boolean, by: (f: Fact) => string | undefined): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const f of facts) {
    if (!keep(f)) continue;
    const calc = (out[f.calculator] ??= {});
    const k = by(f);
    if (k === undefined) calc[f.measure] = shown(f.unit, f.value);
    else ((calc[f.measure] ??= {}) as Record<string, unknown>)[k] = shown(f.unit, f.value);
  }
  return out;
}

/** fund-usage.csv's rows as summary.json's `fund_usage` (absent without fund.csv). */
function fundUsageOf(data: RunData): { fund_usage?: Record<string, string>[] } {
  const r = data.reports.find((x) => x.name === 'fund-usage');
  if (!r) return {};
  const keep = ['year', 'program', 'allocated', 'paid', 'committed', 'usage_rate', 'remaining', 'warning'];
  const at = keep.map((k) => r.table.columns.findIndex((c) => c.name === k));
  const rows: Record<string, string>[] = [];
  for (const row of r.table.rows) {
    const cells = cellsOf(r.table.columns, row);
    rows.push(Object.fromEntries(keep.map((k, i) => [k, String(cells[at[i]!] ?? '')])));
  }
  return { fund_usage: rows };
}

/**
 * The text of summary.json for a run: version, folder and years, exit status, totals per
 * calculator (the run summary's items and the summed measures), by town and by year, warnings and
 * notes counted (their texts follow --lang: they are on standard error) with the report codes counted, enterprises missing from enterprises.csv, the
 * parameters a rules file replaced, the inputs read (file, kind, rows, sha256), the outputs, and the
 * reform's totals when `--reform` was given.
 */
export function renderSummaryJson(data: RunData, exitStatus: number): string {
  const totals = pick(data.facts, (f) => f.town === '*' && f.year === '*', () => undefined);
  const calculators = Object.fromEntries(
    data.sections.map((s) => [s.calculator, { items: Object.fromEntries(s.items.map((i) => [i.item, i.value])), totals: totals[s.calculator] ?? {} }]),
  );
  const summary = {
    skilltax_summary: SUMMARY_JSON_VERSION,
    dir: data.dir,
    years: { from: data.years.from ?? null, to: data.years.to ?? null },
    exit_status: exitStatus,
    calculators,
    by_town: pick(data.facts, (f) => f.year === '*' && f.town !== '*', (f) => f.town),
    by_year: pick(data.facts, (f) => f.town === '*' && f.year !== '*', (f) => f.year),
    // Counts, not the texts: the texts follow --lang, and this file never does (the terminal has them).
    warnings: data.warnings.length,
    notes: data.notes.length,
    codes: data.codes,
    unknown_enterprises: data.unknownEnterprises,
    // 专账资金使用率 per year and program (fund-usage.csv, when fund.csv was read): amounts as strings, the rate a decimal fraction
    ...fundUsageOf(data),
    parameters_overridden: data.params.filter((p) => p.origin !== 'built-in').map((p) => ({ key: p.key, value: p.value, on: p.on, source: p.source, status: p.status, origin: p.origin })),
    inputs: data.inputs,
    outputs: data.outputs,
    ...(data.reform
      ? {
          reform: {
            file: data.reform.file,
            parameters: data.reform.params.map((p, i) => ({
              key: p.key,
              from: p.on,
              baseline: data.reform!.baselineParams[i]?.value || null,
              reform: p.value,
              source: p.source,
            })),
            totals: Object.fromEntries(
              [...new Set(data.reform.rows.map((r) => r.calculator))].map((c) => [
                c,
                Object.fromEntries(
                  data.reform!.rows
                    .filter((r) => r.calculator === c && r.town === '*' && r.year === '*')
                    .map((r) => [r.measure, { baseline: shown(r.unit, r.baseline), reform: shown(r.unit, r.reform), difference: shown(r.unit, r.reform - r.baseline) }]),
                ),
              ]),
            ),
          },
        }
      : {}),
  };
  return JSON.stringify(summary, null, 2) + '\n';
}
