/**
 * The demo data set end to end: `skilltax run fixtures/demo` against the golden files in
 * test/golden/demo (regenerate them with `node scripts/update-golden.mjs`, after
 * `npx tsc -p tsconfig.json`, and review the diff). The golden figures are also recomputed
 * here from the inputs with RULES §1's formulas in integer fen (deductions.csv, the
 * education_expense rows of ledger.csv and their totals in summary.csv), so a wrong golden file
 * cannot be committed unnoticed. Who exercises what: see scripts/make-demo.mjs. The 产教融合 credit of
 * the same run (credits.csv, the pcie_credit ledger rows) is checked in test/demo-credit.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, skilltax } from './helpers/cli.js';
import { copyDemo, DEMO, DEMO_NOTES, demoEnterprises, demoFile, GOLDEN, readCsv, withEnterpriseOf, type Row } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';
import { fen, recomputeDeductions, yuan } from './helpers/recompute.js';
import { runSummary } from './helpers/summary.js';
import { goldenOutputs, runOutputs } from '../src/calculators/registry.js';

// What `run` writes, from the calculator registry (deductions, credits, subsidies, subsidy-summary, ledger, summary).
const OUTPUTS = runOutputs();
// Those compared byte for byte with test/golden/demo (summary.json names the folder and the inputs' sha256: test/run-summary.test.ts).
const GOLDEN_OUTPUTS = goldenOutputs();
// The training subsidies' inputs (checked in test/demo-subsidy.test.ts), copied along when a test runs a copy of the demo.
const SUBSIDY_INPUTS = ['trainees.csv', 'catalog.csv', 'history.csv'];
// The talent awards' inputs (checked in test/demo-awards.test.ts), likewise.
const AWARD_INPUTS = ['awards.csv', 'award-history.csv'];
// The school property exemptions' input (checked in test/demo-exempt.test.ts), likewise.
const PROPERTY_INPUTS = ['properties.csv'];
// The bureau's view of the fund (免申即享, providers, 专账; checked in test/demo-fund.test.ts), likewise.
const FUND_INPUTS = ['certificates.csv', 'insurance.csv', 'providers.csv', 'fund.csv'];

// The demo's enterprises (fixtures/demo/enterprises.csv).
const BEARING = '91330282144073961U'; // 周巷镇, general enterprise
const HIGH_TECH = '913302827251836406'; // 观海卫镇, 高新技术企业 2015–2024
const SOFTWARE = '91330282MA2CL4RK12'; // 坎墩街道, software_ic: row 6
const ACCRUAL = '91330282254907316F'; // 宗汉街道, 2019 accrual spent in 2020
const ABSORBER = '91330282683914527E'; // 龙山镇, big 2017 spend carried forward
const OPENING = '91330282MA28PY6G0Q'; // 逍林镇, opening balance in ledger.csv
const LATE = '91330282MA2GQ7WE59'; // 新浦镇, starts 2020, ends 2024 with a carryforward

const byKey = (rows: Row[]) => new Map(rows.map((r) => [`${r.enterprise_id} ${r.year}`, r]));

const deductArgs = [
  'deduct',
  '--payroll', demoFile('payroll.csv'),
  '--training', demoFile('training.csv'),
  '--qualifications', demoFile('qualifications.csv'),
  '--ledger', demoFile('ledger.csv'),
];

/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs();

let out: string;
let first: ReturnType<typeof skilltax>;

beforeAll(() => {
  out = tempDir('skilltax-demo-');
  first = skilltax(['run', DEMO, '--out', out]);
});

describe('skilltax run fixtures/demo', () => {
  it('exits 0 without warnings', () => {
    // standard error is the run's summary alone (issue #8 item 16): nothing after it, every warnings count 0
    const s = runSummary(first.stderr);
    expect(s.after).toEqual(DEMO_NOTES);
    const counts = s.sections.flatMap((x) => x.items.filter(([label]) => label === 'warnings').map(([, v]) => `${x.title}: ${v}`));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((c) => !c.endsWith(': 0'))).toEqual([]);
    expect(first.stdout).toBe('');
    expect(first.status).toBe(0);
  });

  it.each(GOLDEN_OUTPUTS)('writes %s byte for byte as the golden file', (name) => {
    expect(readFileSync(join(out, name)).equals(readFileSync(join(GOLDEN, name)))).toBe(true);
    // …and the same text, for a readable diff when it is not.
    expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(GOLDEN, name), 'utf8'));
  });

  it('writes nothing else', () => {
    expect(readdirSync(out).sort()).toEqual([...OUTPUTS].sort());
  });

  it('prints a summary naming the years, enterprises and total deductible of summary.csv', () => {
    const s = new Map(recomputedSummary());
    expect(s.get('years')).toBe('2016-2024');
    expect(s.get('enterprises')).toBe('7');
    expect(s.get('warnings')).toBe('0');
    // on standard error, standard output empty
    expect(first.stdout).toBe('');
    expect(first.stderr.startsWith(`skilltax run ${DEMO}\n`)).toBe(true);
    expect(first.stderr).toMatch(/years\s+2016-2024\n/);
    expect(first.stderr).toMatch(/enterprises\s+7\n/);
    expect(first.stderr).toMatch(/enterprise-years\s+57\n/);
    expect(first.stderr).toMatch(new RegExp(`enterprise-years\\s+${s.get('rows')}\\n`));
    expect(first.stderr).toMatch(new RegExp(`total deductible\\s+${s.get('total_deductible')!.replace('.', '\\.')}\\n`));
    expect(first.stderr).toMatch(new RegExp(`total carried forward\\s+${s.get('total_carry_forward')!.replace('.', '\\.')}\\n`));
    expect(first.stderr).toMatch(/warnings\s+0\n/);
    expect(first.stderr).toContain('wrote deductions.csv, credits.csv, subsidies.csv, subsidy-summary.csv, award-payments.csv, exemptions.csv, unclaimed.csv, match-conflicts.csv, providers.csv, fund-usage.csv, ledger.csv, summary.csv');
  });

  it('gives byte-identical outputs on a second run', () => {
    const again = tempDir('skilltax-demo-again-');
    const r = skilltax(['run', DEMO, '--out', again, '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    for (const name of OUTPUTS) expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name)))).toBe(true);
  });

  it('writes Chinese headers with --header zh, the figures unchanged', () => {
    const zh = tempDir('skilltax-demo-zh-');
    const r = skilltax(['run', DEMO, '--out', zh, '--header', 'zh', '--quiet']);
    expect(r.status).toBe(0);
    const [head, ...body] = readFileSync(join(zh, 'deductions.csv'), 'utf8').split('\n');
    expect(head).toBe(
      '纳税人识别号,税款所属年度,工资薪金支出税收金额,税收规定扣除率,扣除限额,账载金额,实际发生额,以前年度累计结转扣除额,' +
        '税收金额,纳税调整金额,累计结转以后年度扣除额,全额扣除职工培训费用账载金额,全额扣除职工培训费用实际发生额,' +
        '全额扣除职工培训费用税收金额,全额扣除职工培训费用纳税调整金额,职工教育经费支出账载金额,职工教育经费支出税收金额,' +
        '职工教育经费支出纳税调整金额,备注,企业名称,镇街道',
    );
    expect(body.join('\n')).toBe(readFileSync(join(GOLDEN, 'deductions.csv'), 'utf8').split('\n').slice(1).join('\n'));
    expect(readFileSync(join(zh, 'ledger.csv'), 'utf8').split('\n')[0]).toBe('纳税人识别号,类型,所属期,期初余额,本期增加,本期使用,期末余额');
    expect(readFileSync(join(zh, 'summary.csv'), 'utf8').split('\n')[0]).toBe('计算项目,指标,值');
  });

  it('writes the same rows as JSON with --format json, amounts as strings', () => {
    const js = tempDir('skilltax-demo-json-');
    const r = skilltax(['run', DEMO, '--out', js, '--format', 'json', '--quiet']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(readFileSync(join(js, 'deductions.json'), 'utf8')) as Record<string, string | number>[];
    const golden = readCsv(readFileSync(join(GOLDEN, 'deductions.csv')));
    expect(rows.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)])))).toEqual(golden);
    expect(typeof rows[0]!.wages).toBe('string');
  });

  it('reads its own ledger back: running on out/ledger.csv changes nothing', () => {
    const dir = tempDir('skilltax-demo-ledger-');
    copyDemo(dir, ['payroll.csv', 'training.csv', 'qualifications.csv', 'surcharges.csv', 'enterprises.csv', ...SUBSIDY_INPUTS, ...AWARD_INPUTS, ...PROPERTY_INPUTS, ...FUND_INPUTS]);
    copyFileSync(join(GOLDEN, 'ledger.csv'), join(dir, 'ledger.csv'));
    const r = skilltax(['run', dir, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const name of GOLDEN_OUTPUTS) expect(readFileSync(join(dir, 'out', name), 'utf8')).toBe(readFileSync(join(GOLDEN, name), 'utf8'));
  });
});

describe('the demo scenarios (RULES §1), checked by hand', () => {
  const rows = () => byKey(readCsv(readFileSync(join(GOLDEN, 'deductions.csv'))));
  // [enterprise, year, column → expected]; figures checked by hand against RULES §1.3.
  const cases: [string, string, number, Row][] = [
    ['高新技术企业 8% in 2017 (财税〔2015〕63号), spend above it carried', HIGH_TECH, 2017,
      { wages: '6015481.66', rate: '0.08', cap: '481238.53', incurred: '517331.42', deductible: '481238.53', adjustment: '36092.89', carry_out: '36092.89' }],
    ['高新技术企业 carry absorbed in 2018', HIGH_TECH, 2018,
      { rate: '0.08', carry_in: '36092.89', deductible: '356749.25', adjustment: '-36092.89', carry_out: '0.00' }],
    ['general enterprise 2.5% in 2017, cap rounded half-up from 110268.425', BEARING, 2017,
      { wages: '4410737.00', rate: '0.025', cap: '110268.43', deductible: '110268.43', adjustment: '17642.94', carry_out: '17642.94' }],
    ['software_ic row 6 deducted in full, outside the cap', SOFTWARE, 2019,
      { rate: '0.08', deductible: '81636.01', full_book: '206238.35', full_incurred: '206238.35', full_deductible: '206238.35', full_adjustment: '0.00', total_deductible: '287874.36' }],
    ['software_ic 2016 at 2.5%: row 6 is not capped', SOFTWARE, 2016,
      { rate: '0.025', cap: '65789.31', deductible: '47368.31', full_deductible: '84210.32', total_deductible: '131578.63' }],
    ['row 6 accrual booked, not spent', SOFTWARE, 2022,
      { full_book: '348846.71', full_incurred: '308846.71', full_deductible: '308846.71', full_adjustment: '40000.00', total_adjustment: '40000.00' }],
    ['row 6 accrual spent the next year', SOFTWARE, 2023,
      { full_book: '331913.17', full_incurred: '371913.17', full_deductible: '371913.17', full_adjustment: '-40000.00' }],
    ['accrual: book 90,000 incurred 60,000 (RULES §1.4 case C)', ACCRUAL, 2019,
      { book: '90000.00', incurred: '60000.00', deductible: '60000.00', adjustment: '30000.00', carry_out: '0.00' }],
    ['accrual spent the next year with book 0', ACCRUAL, 2020,
      { book: '64789.95', incurred: '94789.95', carry_in: '0.00', deductible: '94789.95', adjustment: '-30000.00' }],
    ['big 2017 spend over the 2.5% cap', ABSORBER, 2017,
      { rate: '0.025', cap: '84495.29', incurred: '520000.00', deductible: '84495.29', adjustment: '435504.71', carry_out: '435504.71' }],
    ['…absorbed in 2018 up to the 8% cap', ABSORBER, 2018,
      { cap: '284087.19', carry_in: '435504.71', deductible: '284087.19', adjustment: '-142043.59', carry_out: '293461.12' }],
    ['…in 2019', ABSORBER, 2019, { carry_in: '293461.12', deductible: '296750.05', carry_out: '152504.85' }],
    ['…and used up in 2020', ABSORBER, 2020, { carry_in: '152504.85', deductible: '260187.68', adjustment: '-152504.85', carry_out: '0.00' }],
    ['opening balance 50,000 from ledger.csv 2017', OPENING, 2018,
      { carry_in: '50000.00', cap: '175315.26', deductible: '175315.26', adjustment: '-43828.81', carry_out: '6171.19' }],
    ['…used up in 2019', OPENING, 2019, { carry_in: '6171.19', deductible: '155647.41', carry_out: '0.00' }],
    ['2024 spend above 8%: carried out of the last year', LATE, 2024,
      { cap: '181001.36', deductible: '181001.36', adjustment: '27150.20', carry_out: '27150.20' }],
  ];
  it.each(cases)('%s (%s %i)', (_what, id, year, want) => {
    const r = rows().get(`${id} ${year}`);
    expect(r).toBeDefined();
    for (const [col, v] of Object.entries(want)) expect([col, r![col]]).toEqual([col, v]);
    expect(r!.notes).toBe('');
  });

  it('computes each enterprise from its first year through 2024, with no gaps', () => {
    const years = new Map<string, number[]>();
    for (const r of readCsv(readFileSync(join(GOLDEN, 'deductions.csv')))) years.set(r.enterprise_id!, [...(years.get(r.enterprise_id!) ?? []), Number(r.year)]);
    const span = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    expect(Object.fromEntries(years)).toEqual({
      [BEARING]: span(2016, 2024),
      [HIGH_TECH]: span(2016, 2024),
      [SOFTWARE]: span(2016, 2024),
      [ACCRUAL]: span(2016, 2024),
      [ABSORBER]: span(2016, 2024),
      [OPENING]: span(2018, 2024),
      [LATE]: span(2020, 2024),
    });
  });

  it('keeps the opening balance row and chains every later year in ledger.csv', () => {
    const ledger = readCsv(readFileSync(join(GOLDEN, 'ledger.csv'))).filter((r) => r.enterprise_id === OPENING && r.kind === 'education_expense');
    expect(ledger[0]).toEqual({ enterprise_id: OPENING, kind: 'education_expense', period: '2017', opening: '', added: '', used: '', closing: '50000.00' });
    expect(ledger.map((r) => r.period)).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
    for (let i = 1; i < ledger.length; i++) expect(ledger[i]!.opening).toBe(ledger[i - 1]!.closing);
  });
});

// ── RULES §1 recomputed from the inputs, in integer fen, without the project's code: test/helpers/recompute.ts ──
const recompute = () => recomputeDeductions();

/**
 * The education_expense items of summary.csv, in order, from the recomputed rows: the years, the
 * enterprises, the enterprise-years, Σ row 4 deductible, Σ over enterprises of the last year's
 * carry out, and the rows with notes.
 */
function recomputedSummary(): [string, string][] {
  const { rows, from, to } = recompute();
  const last = new Map<string, Row>();
  for (const r of rows) if (!last.has(r.enterprise_id!) || Number(last.get(r.enterprise_id!)!.year) < Number(r.year)) last.set(r.enterprise_id!, r);
  return [
    ['years', from === to ? String(from) : `${from}-${to}`],
    ['enterprises', String(new Set(rows.map((r) => r.enterprise_id)).size)],
    ['rows', String(rows.length)],
    ['total_deductible', yuan(rows.reduce((a, r) => a + fen(r.total_deductible!), 0))],
    ['total_carry_forward', yuan([...last.values()].reduce((a, r) => a + fen(r.carry_out!), 0))],
    ['warnings', String(rows.filter((r) => r.notes !== '').length)],
  ];
}

describe('the golden deductions.csv', () => {
  it('agrees to the cent with RULES §1 recomputed independently from the inputs', () => {
    const golden = readCsv(readFileSync(join(GOLDEN, 'deductions.csv')));
    expect(golden).toHaveLength(57);
    // name and town (镇街道) at the end, from enterprises.csv
    expect(golden).toEqual(recompute().rows.map((r) => withEnterpriseOf(r)));
  });
});

describe('name and town (镇街道) from fixtures/demo/enterprises.csv', () => {
  // every report of `run` with an enterprise_id (not ledger.csv: an input of the next run, CONTRACT §8); enterprises.csv read here, not through src/
  const withIds = GOLDEN_OUTPUTS.filter((n) => n !== 'ledger.csv' && readCsv(readFileSync(join(GOLDEN, n))).some((r) => 'enterprise_id' in r));

  it('are the last two columns of deductions, credits, subsidies, subsidy-summary and exemptions', () => {
    expect(withIds.sort()).toEqual(['credits.csv', 'deductions.csv', 'exemptions.csv', 'subsidies.csv', 'subsidy-summary.csv', 'unclaimed.csv']);
    for (const n of withIds) expect([n, readFileSync(join(GOLDEN, n), 'utf8').split('\n')[0]!.split(',').slice(-2)]).toEqual([n, ['name', 'town']]);
  });

  it.each(['deductions.csv', 'credits.csv', 'subsidies.csv', 'subsidy-summary.csv', 'exemptions.csv'])("%s: each row's are enterprises.csv's for its enterprise_id (empty for an id it lacks or no id)", (n) => {
    const enterprises = demoEnterprises();
    const rows = readCsv(readFileSync(join(out, n)));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const e = enterprises.get(r.enterprise_id!);
      expect([r.enterprise_id, r.name, r.town]).toEqual([r.enterprise_id, e?.name ?? '', e?.town ?? '']);
    }
    // the rows of enterprises named, and (subsidy-summary) the claims without an enterprise left empty
    expect(rows.some((r) => r.name !== '' && r.town !== '')).toBe(true);
  });
});

describe('the golden summary.csv (education_expense)', () => {
  it('agrees with the totals of RULES §1 recomputed independently from the inputs', () => {
    const summary = readCsv(readFileSync(join(GOLDEN, 'summary.csv')));
    const mine = summary.filter((r) => r.calculator === 'education_expense').map((r): [string, string] => [r.item!, r.value!]);
    expect(mine).toEqual(recomputedSummary());
    // the figures worked by hand above end the chains: LATE is the only enterprise left with a carryforward
    expect(Object.fromEntries(recomputedSummary())).toMatchObject({ years: '2016-2024', enterprises: '7', rows: '57', total_carry_forward: '27150.20', warnings: '0' });
    // one section per calculator, in the order the run computes them
    expect([...new Set(summary.map((r) => r.calculator))]).toEqual(['education_expense', 'pcie_credit', 'training_subsidy', 'awards', 'exempt', 'match', 'providers', 'fund']);
  });
});

describe('the golden ledger.csv (education_expense)', () => {
  it('has a row per recomputed enterprise-year of every enterprise (opening = carry_in, added = incurred, used = deductible, closing = carry_out), and the input rows not recomputed', () => {
    const { rows, ledger } = recompute();
    const computed = rows.map((r) => ({
      enterprise_id: r.enterprise_id!, kind: 'education_expense', period: r.year!, opening: r.carry_in!, added: r.incurred!, used: r.deductible!, closing: r.carry_out!,
    }));
    const recomputedKeys = new Set(computed.map((r) => `${r.enterprise_id} ${r.period}`));
    const kept = ledger.filter((r) => !recomputedKeys.has(`${r.enterprise_id} ${r.period}`));
    expect(kept).toHaveLength(1); // the opening balance of OPENING, 2017
    const key = (r: Row) => `${r.enterprise_id} ${r.period}`;
    const want = [...kept, ...computed].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const golden = readCsv(readFileSync(join(GOLDEN, 'ledger.csv')));
    expect(golden.filter((r) => r.kind === 'education_expense')).toEqual(want);
    expect(new Set(want.map((r) => r.enterprise_id)).size).toBe(7);
    // the other rows are the credit's pool (test/demo-credit.test.ts) and the 留抵退税 deduction
    // carried (test/refund-deduction.test.ts)
    expect(new Set(golden.filter((r) => r.kind !== 'education_expense').map((r) => r.kind))).toEqual(new Set(['pcie_credit', 'refund_deduction']));
  });
});

describe('--explain on the demo', () => {
  const yearBlock = (text: string, year: number) => {
    const start = text.indexOf(`\n${year}\n`);
    expect(start).toBeGreaterThan(0);
    const end = text.indexOf('\n\n', start + 1);
    return text.slice(start, end < 0 ? undefined : end);
  };

  it('shows the 高新技术企业 rate 0.08 with 财税〔2015〕63号 in 2017', () => {
    const r = skilltax([...deductArgs, '--explain', HIGH_TECH]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`for ${HIGH_TECH}`);
    const y2017 = yearBlock(r.stdout, 2017);
    expect(y2017).toMatch(/rate \(税收规定扣除率\)\s+0\.08\s+= 高新技术企业 .*\[财税〔2015〕63号/);
    expect(y2017).toMatch(/cap \(扣除限额\)\s+481238\.53\s+= round\(6015481\.66 × 0\.08\)/);
    // From 2018 every enterprise has 8% under 财税〔2018〕51号.
    expect(yearBlock(r.stdout, 2018)).toMatch(/rate \(税收规定扣除率\)\s+0\.08\s+= general rate\s+\[财税〔2018〕51号/);
  });

  it('shows the general rate 0.025 with 实施条例 第四十二条 for a general enterprise in 2017', () => {
    const r = skilltax([...deductArgs, '--explain', BEARING]);
    expect(r.status).toBe(0);
    const y2017 = yearBlock(r.stdout, 2017);
    expect(y2017).toMatch(/rate \(税收规定扣除率\)\s+0\.025\s+= general rate\s+\[企业所得税法实施条例 第四十二条/);
    expect(y2017).toMatch(/cap \(扣除限额\)\s+110268\.43\s+= round\(4410737\.00 × 0\.025\)/);
    expect(y2017).not.toContain('财税〔2015〕63号');
  });

  it('names the ledger as the source of the opening balance', () => {
    const r = skilltax([...deductArgs, '--explain', OPENING]);
    expect(r.status).toBe(0);
    expect(yearBlock(r.stdout, 2018)).toMatch(/carry in \(以前年度累计结转扣除额, col 4\)\s+50000\.00\s+\[ledger closing of 2017\]/);
  });
});

describe('the GB18030 input', () => {
  const bytes = () => readFileSync(demoFile('training.csv'));

  it('fixtures/demo/training.csv is GB18030, not UTF-8', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes())).toThrow();
    const text = iconv.decode(bytes(), 'gb18030');
    expect(text.split('\r\n')[0]).toBe('纳税人识别号,日期,类别,账载金额,实际发生额,摘要');
    expect(text).toContain('全额扣除职工培训费用');
    // the other inputs are UTF-8 (but trainees.csv, GB18030 too: test/demo-subsidy.test.ts)
    for (const f of ['payroll.csv', 'qualifications.csv', 'ledger.csv', 'enterprises.csv', 'surcharges.csv', 'catalog.csv', 'history.csv', ...AWARD_INPUTS, ...PROPERTY_INPUTS]) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(demoFile(f)))).not.toThrow();
    }
  });

  it('is read as GB18030 by default: the same results as a UTF-8 copy', () => {
    const dir = tempDir('skilltax-demo-utf8-');
    copyDemo(dir, ['payroll.csv', 'qualifications.csv', 'ledger.csv', 'surcharges.csv', 'enterprises.csv', ...SUBSIDY_INPUTS, ...AWARD_INPUTS, ...PROPERTY_INPUTS, ...FUND_INPUTS]);
    writeFileSync(join(dir, 'training.csv'), iconv.decode(bytes(), 'gb18030'), 'utf8');
    const r = skilltax(['run', dir, '--quiet']);
    expect(r.status).toBe(0);
    for (const name of GOLDEN_OUTPUTS) expect(readFileSync(join(dir, 'out', name), 'utf8')).toBe(readFileSync(join(GOLDEN, name), 'utf8'));
  });

  it('validates clean, and is refused with a hint when forced to UTF-8', () => {
    const ok = skilltax(['validate', demoFile('training.csv')]);
    expect(ok.status).toBe(0);
    const bad = skilltax(['validate', '--encoding', 'utf8', demoFile('training.csv')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('--encoding gb18030');
  });
});

describe('scripts/make-demo.mjs', () => {
  it('regenerates fixtures/demo byte for byte (deterministic, and the committed inputs are current)', () => {
    const dir = tempDir('skilltax-make-demo-');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'make-demo.mjs'), dir, '--quiet'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const inputs = readdirSync(DEMO).filter((f) => f.endsWith('.csv')).sort();
    expect(readdirSync(dir).sort()).toEqual(inputs);
    for (const f of inputs) expect(readFileSync(join(dir, f)).equals(readFileSync(demoFile(f)))).toBe(true);
  });
});
