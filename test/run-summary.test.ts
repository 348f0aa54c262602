/**
 * summary.json and reform.csv of `skilltax run` on a copy of fixtures/demo, checked against
 * INDEPENDENT sums of the CSV reports the same run wrote (integer fen from the text cells, towns
 * from enterprises.csv read here), the inputs' sha256 computed here (node:crypto), and, for
 * `--reform` (the education rate at 10% from 2018), RULES §1 recomputed from the inputs
 * (test/helpers/recompute.ts), not through src/.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { skilltax } from './helpers/cli.js';
import { copyDemo, DEMO, demoEnterprises, readCsv, type Row } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';
import { fen, recomputeDeductions, RULES_RATES, yuan, type DeductionRates } from './helpers/recompute.js';

/** Every input of the demo (CSV files), copied into each test folder. */
const INPUTS = readdirSync(DEMO).filter((f) => f.endsWith('.csv')).sort();
/** The demo's inputs in GB18030 (the others are UTF-8). */
const GB18030 = new Set(['training.csv', 'trainees.csv']);
const BEARING = '91330282144073961U'; // 周巷镇, a general enterprise with deductions and subsidy claims

const tempDir = tempDirs('skilltax-run-summary-');

/** summary.json as far as these tests read it. */
interface Summary {
  dir: string;
  years: { from: number | null; to: number | null };
  exit_status: number;
  calculators: Record<string, { items: Record<string, string>; totals: Record<string, string | number> }>;
  by_town: Record<string, Record<string, Record<string, string | number>>>;
  by_year: Record<string, Record<string, Record<string, string | number>>>;
  warnings: number;
  notes: number;
  unknown_enterprises: string[];
  parameters_overridden: { key: string; value: string; source: string; origin: string }[];
  inputs: { file: string; kind: string; rows: number | null; sha256: string }[];
  outputs: string[];
  reform?: { file: string; parameters: { key: string; baseline: string | null; reform: string }[]; totals: Record<string, Record<string, { baseline: string | number; reform: string | number; difference: string | number }>> };
}

/** A copy of the demo (every input, and `extra` files) run with `args`: the folder, the result, summary.json and the CSV reports. */
function runCopy(args: string[] = [], extra: Record<string, string> = {}) {
  const dir = tempDir();
  copyDemo(dir, INPUTS);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  const r = skilltax(['run', dir, ...args]);
  const out = join(dir, 'out');
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  const report = (name: string): Row[] => readCsv(readFileSync(join(out, name)));
  return { dir, out, r, summary, report };
}

/** Σ of an amount column, in fen. */
const sum = (rows: readonly Row[], col: string) => rows.reduce((a, r) => a + fen(r[col]!), 0);
/** Σ of an amount column by a key, as yuan text. */
function sumBy(rows: readonly Row[], key: (r: Row) => string, col: string): Record<string, string> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + fen(r[col]!));
  return Object.fromEntries([...m].map(([k, v]) => [k, yuan(v)]));
}
/** Rows counted by a key. */
function countBy(rows: readonly Row[], key: (r: Row) => string): Record<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return Object.fromEntries(m);
}

const enterprises = demoEnterprises();
/** The town of a row's enterprise in fixtures/demo/enterprises.csv ('' without one). */
const townOf = (r: Row) => enterprises.get(r.enterprise_id ?? '')?.town ?? '';

let base: ReturnType<typeof runCopy>;
beforeAll(() => {
  base = runCopy(['--quiet']);
});

describe('summary.json of skilltax run on the demo', () => {
  it('the exit status and the years; no warnings', () => {
    expect([base.r.status, base.r.stderr]).toEqual([0, '']);
    expect(base.summary.exit_status).toBe(0);
    // the one note: the demo's certificates in conflict (issue #15), on purpose
    expect([base.summary.warnings, base.summary.notes]).toEqual([0, 1]);
    expect(base.summary.dir).toBe(basename(base.dir)); // the folder by its own name
    // the first and last year of any report's rows
    const years = [
      ...base.report('deductions.csv').map((r) => r.year!),
      ...base.report('credits.csv').map((r) => r.period!),
      ...base.report('subsidies.csv').map((r) => r.claim_date!),
      ...base.report('award-payments.csv').map((r) => r.year!),
      ...base.report('exemptions.csv').map((r) => r.year!),
    ].map((y) => Number(y.slice(0, 4)));
    expect(base.summary.years).toEqual({ from: Math.min(...years), to: Math.max(...years) });
  });

  it('education_expense: totals, by town (enterprises.csv) and by year equal the sums of deductions.csv', () => {
    const rows = base.report('deductions.csv');
    const totals = base.summary.calculators.education_expense!.totals;
    for (const col of ['wages', 'cap', 'incurred', 'deductible', 'full_deductible', 'total_deductible', 'total_adjustment']) expect([col, totals[col]]).toEqual([col, yuan(sum(rows, col))]);
    expect(totals.enterprise_years).toBe(rows.length);
    // the run summary's own item agrees
    expect(base.summary.calculators.education_expense!.items.total_deductible).toBe(yuan(sum(rows, 'total_deductible')));
    // by town: the towns of enterprises.csv, and the town column of the report is the same
    const byTown = sumBy(rows, townOf, 'deductible');
    expect(Object.keys(byTown).sort()).toEqual(['周巷镇', '坎墩街道', '宗汉街道', '新浦镇', '观海卫镇', '逍林镇', '龙山镇']);
    expect(base.summary.by_town.education_expense!.deductible).toEqual(byTown);
    expect(sumBy(rows, (r) => r.town!, 'deductible')).toEqual(byTown);
    expect(base.summary.by_town.education_expense!.wages).toEqual(sumBy(rows, townOf, 'wages'));
    // by year
    expect(base.summary.by_year.education_expense!.deductible).toEqual(sumBy(rows, (r) => r.year!, 'deductible'));
    expect(base.summary.by_year.education_expense!.cap).toEqual(sumBy(rows, (r) => r.year!, 'cap'));
    // a year-end balance is summed by year, never over the years
    expect(base.summary.by_year.education_expense!.carry_out).toEqual(sumBy(rows, (r) => r.year!, 'carry_out'));
    expect(totals.carry_out).toBeUndefined();
  });

  it('training_subsidy: claims, eligible and ineligible counts and the amount, in all and by town, equal subsidies.csv', () => {
    const rows = base.report('subsidies.csv');
    const eligible = rows.filter((r) => r.status === 'eligible');
    const totals = base.summary.calculators.training_subsidy!.totals;
    expect(totals).toMatchObject({ claims: rows.length, eligible: eligible.length, ineligible: rows.length - eligible.length, amount: yuan(sum(rows, 'amount')) });
    expect(eligible.length).toBeGreaterThan(0);
    expect(rows.length - eligible.length).toBeGreaterThan(0);
    // by town ('' for the claims without an employer)
    const eligibleBy = (key: (r: Row) => string) => Object.fromEntries(Object.keys(countBy(rows, key)).map((k) => [k, eligible.filter((r) => key(r) === k).length]));
    expect(base.summary.by_town.training_subsidy!.claims).toEqual(countBy(rows, townOf));
    expect(base.summary.by_town.training_subsidy!.eligible).toEqual(eligibleBy(townOf));
    expect(base.summary.by_town.training_subsidy!.amount).toEqual(sumBy(rows, townOf, 'amount'));
    expect(base.summary.by_year.training_subsidy!.eligible).toEqual(eligibleBy((r) => r.claim_date!.slice(0, 4)));
  });

  it('pcie_credit and exempt: their amounts equal the sums of credits.csv and exemptions.csv', () => {
    const credits = base.report('credits.csv');
    for (const col of ['due', 'exemption', 'reduction', 'credit', 'paid', 'payable']) expect([col, base.summary.calculators.pcie_credit!.totals[col]]).toEqual([col, yuan(sum(credits, col))]);
    expect(base.summary.by_town.pcie_credit!.credit).toEqual(sumBy(credits, townOf, 'credit'));
    const exemptions = base.report('exemptions.csv');
    for (const col of ['tax_amount', 'exempt_amount']) expect([col, base.summary.calculators.exempt!.totals[col]]).toEqual([col, yuan(sum(exemptions, col))]);
    expect(base.summary.by_town.exempt!.exempt_amount).toEqual(sumBy(exemptions, townOf, 'exempt_amount'));
  });

  it('inputs: every input file of the folder, its sha256 and its data rows', () => {
    const want = INPUTS.map((file) => {
      const bytes = readFileSync(join(base.dir, file));
      const text = GB18030.has(file) ? iconv.decode(bytes, 'gb18030') : bytes;
      return { file, rows: readCsv(text).length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
    expect(base.summary.inputs.map(({ file, rows, sha256 }) => ({ file, rows, sha256 })).sort((a, b) => (a.file < b.file ? -1 : 1))).toEqual(want);
    expect(base.summary.inputs.find((i) => i.file === 'enterprises.csv')).toMatchObject({ kind: 'enterprises', rows: enterprises.size });
    expect(base.summary.inputs.find((i) => i.file === 'payroll.csv')!.kind).toBe('payroll');
  });

  it('outputs: the files in the output folder; no parameter overridden, no unknown enterprise', () => {
    expect([...base.summary.outputs].sort()).toEqual(readdirSync(base.out).sort());
    expect(base.summary.parameters_overridden).toEqual([]);
    expect(base.summary.unknown_enterprises).toEqual([]);
  });

  it('with rules.json in the folder: the key it replaces listed in parameters_overridden, the file among the inputs', () => {
    const rules = JSON.stringify({
      'eit.education_expense.rate': [
        { from: '2008-01-01', value: '0.025', source: '企业所得税法实施条例 第四十二条' },
        { from: '2018-01-01', value: '0.08', source: '财税〔2018〕51号 (rules.json)' },
      ],
    });
    const withRules = runCopy(['--quiet'], { 'rules.json': rules });
    expect(withRules.r.status, withRules.r.stderr).toBe(0);
    const listed = withRules.summary.parameters_overridden;
    expect([...new Set(listed.map((p) => p.key))]).toEqual(['eit.education_expense.rate']);
    expect(listed).toContainEqual(expect.objectContaining({ key: 'eit.education_expense.rate', value: '0.08', source: '财税〔2018〕51号 (rules.json)' }));
    expect(listed.every((p) => p.origin !== 'built-in')).toBe(true);
    expect(withRules.summary.inputs.find((i) => i.file === 'rules.json')!.sha256).toBe(createHash('sha256').update(rules).digest('hex'));
    // the same rates: the same deductions
    expect(readFileSync(join(withRules.out, 'deductions.csv')).equals(readFileSync(join(base.out, 'deductions.csv')))).toBe(true);
  });

  it('an enterprise missing from enterprises.csv: empty name and town in its rows, listed in unknown_enterprises, summed under the town ""', () => {
    const text = readFileSync(join(DEMO, 'enterprises.csv'), 'utf8');
    const without = text.split('\n').filter((l) => !l.startsWith(`${BEARING},`)).join('\n');
    expect(without).not.toBe(text);
    const dir = tempDir();
    copyDemo(dir, INPUTS);
    writeFileSync(join(dir, 'enterprises.csv'), without);
    const r = skilltax(['run', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(BEARING);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
    expect(summary.unknown_enterprises).toEqual([BEARING]);
    const rows = readCsv(readFileSync(join(dir, 'out', 'deductions.csv')));
    for (const row of rows) {
      const e = row.enterprise_id === BEARING ? undefined : enterprises.get(row.enterprise_id!);
      expect([row.enterprise_id, row.name, row.town]).toEqual([row.enterprise_id, e?.name ?? '', e?.town ?? '']);
    }
    expect(summary.by_town.education_expense!.deductible!['']).toBe(yuan(sum(rows.filter((x) => x.enterprise_id === BEARING), 'deductible')));
    expect(summary.by_town.education_expense!.deductible!['周巷镇']).toBeUndefined();
  });
});

describe('run --reform: the education rate at 10% from 2018', () => {
  /** The reform's general rate: 2.5% before 2018, 10% from 2018; the 高新技术企业 series (8% in 2015–2017) unchanged. */
  const REFORM_RATES: DeductionRates = { general: (y) => (y >= 2018 ? '0.10' : '0.025'), highTech: RULES_RATES.highTech };
  const REFORM = JSON.stringify({
    'eit.education_expense.rate': [
      { from: '2008-01-01', value: '0.025', source: '企业所得税法实施条例 第四十二条' },
      { from: '2018-01-01', value: '0.10', source: 'what-if: 10% from 2018' },
    ],
  });
  let reformed: ReturnType<typeof runCopy>;
  let reformFile: string;
  beforeAll(() => {
    reformFile = join(tempDir(), 'R.json');
    writeFileSync(reformFile, REFORM);
    reformed = runCopy(['--quiet', '--reform', reformFile]);
  });

  /** Σ deductible of the recomputed rows: all, by town (enterprises.csv), by year. */
  const sums = (rates: DeductionRates) => {
    const rows = recomputeDeductions(rates).rows;
    return { all: yuan(sum(rows, 'deductible')), town: sumBy(rows, townOf, 'deductible'), year: sumBy(rows, (r) => r.year!, 'deductible') };
  };

  it('exits 0 and writes reform.csv with its columns', () => {
    expect([reformed.r.status, reformed.r.stderr]).toEqual([0, '']);
    expect(readdirSync(reformed.out)).toContain('reform.csv');
    expect(readFileSync(join(reformed.out, 'reform.csv'), 'utf8').split('\n')[0]).toBe('calculator,measure,town,year,baseline,reform,difference,unit');
  });

  it('education_expense deductible in reform.csv (all, by town, by year) equals RULES §1 recomputed at 8% and at 10%', () => {
    const baseline = sums(RULES_RATES);
    const reform = sums(REFORM_RATES);
    // the recomputation is the golden deductions.csv's, and the reform changes it
    expect(baseline.all).toBe(yuan(sum(base.report('deductions.csv'), 'deductible')));
    expect(reform.all).not.toBe(baseline.all);
    const rows = reformed.report('reform.csv').filter((r) => r.calculator === 'education_expense' && r.measure === 'deductible');
    const line = (b: string, r: string) => ({ baseline: b, reform: r, difference: yuan(fen(r) - fen(b)), unit: 'yuan' });
    const pick = (town: string, year: string) => {
      const found = rows.filter((r) => r.town === town && r.year === year);
      expect(found, `${town} ${year}`).toHaveLength(1);
      const { baseline: b, reform: r, difference, unit } = found[0]!;
      return { baseline: b, reform: r, difference, unit };
    };
    expect(pick('*', '*')).toEqual(line(baseline.all, reform.all));
    const towns = Object.keys(baseline.town).sort();
    expect(rows.filter((r) => r.year === '*' && r.town !== '*').map((r) => r.town).sort()).toEqual(towns);
    for (const t of towns) expect([t, pick(t, '*')]).toEqual([t, line(baseline.town[t]!, reform.town[t]!)]);
    const years = Object.keys(baseline.year).sort();
    expect(rows.filter((r) => r.town === '*' && r.year !== '*').map((r) => r.year).sort()).toEqual(years);
    for (const y of years) expect([y, pick('*', y)]).toEqual([y, line(baseline.year[y]!, reform.year[y]!)]);
    // before 2018 nothing changes
    for (const y of years.filter((y) => Number(y) < 2018)) expect(pick('*', y).difference).toBe('0.00');
  });

  it('writes the baseline: ledger.csv and every report byte-identical to a run without --reform', () => {
    for (const name of readdirSync(base.out).filter((n) => n.endsWith('.csv'))) {
      expect([name, readFileSync(join(reformed.out, name)).equals(readFileSync(join(base.out, name)))]).toEqual([name, true]);
    }
  });

  it('summary.json has reform.totals (education_expense deductible as recomputed) and the parameter changed', () => {
    const baseline = sums(RULES_RATES).all;
    const reform = sums(REFORM_RATES).all;
    expect(reformed.summary.reform!.file).toBe(basename(reformFile));
    expect(reformed.summary.reform!.totals.education_expense!.deductible).toEqual({ baseline, reform, difference: yuan(fen(reform) - fen(baseline)) });
    expect(reformed.summary.reform!.parameters.map((p) => p.key)).toContain('eit.education_expense.rate');
    expect(reformed.summary.reform!.parameters).toContainEqual(expect.objectContaining({ key: 'eit.education_expense.rate', baseline: '0.08' }));
    // the baseline's figures are those of the run without --reform
    const { reform: _r, outputs: _o, dir: _d, inputs: _i, ...rest } = reformed.summary;
    const { outputs: _o2, dir: _d2, inputs: _i2, ...plain } = base.summary;
    expect(rest).toEqual(plain);
  });
});
