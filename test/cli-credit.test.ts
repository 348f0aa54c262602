/**
 * `skilltax credit` end to end (CONTRACT §1, §2, §4, §8): the report's columns and rows, the
 * exit statuses of its notes, the pcie_credit ledger rewritten in place, conflicts, --explain,
 * the period flags, output variants, `validate` and `run` with surcharges.csv. Runs the built
 * CLI (dist/, built by `npm test`'s pretest) on inputs written to temporary folders and on
 * fixtures/errors/credit-*.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, problems, requireBuild, ROOT, skilltax, where, type CliResult } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';
import { creditLine, quietLine } from './helpers/summary.js';
import { withSales } from './unit-helpers/credit.js';

const FX = 'fixtures/errors';
const A = '91330282MA2B000016';
const B = '91330282MA2B000029';
const C = '91330282MA2B00003C';

const CONTRACT_COLUMNS = 'enterprise_id,period,fee,base,rate,due,exemption,reduction,credit,paid,payable,notes';
// CONTRACT §4: the columns added at the end, shortfall then overpaid
const HEADER = `${CONTRACT_COLUMNS},shortfall,overpaid`;
/** Sales far above the exemption thresholds (100,000 a month, 300,000 a quarter) for returns whose test is not about the exemption: without a sales figure a return is noted sales_missing (RULES §2.2). */
const SALES_M = '10000000.00';

const SURCHARGES = [
  'enterprise_id,period,vat,vat_exempt_offset,refund_deduction,consumption_tax,sales,paid_edu,paid_local',
  `${B},2024-Q2,10000.00,,,,400000.00,,`,
  `${A},2024-01,100000.00,,,,${SALES_M},,`,
  `${A},2024-03,"60,000.00",40000.00,,,${SALES_M},500.00,`,
  `${B},2024-Q1,3000.00,,,,250000.00,,`,
  `${A},2024-02,100000.00,0,0,0,${SALES_M},,`,
  '',
].join('\n');

const TRAINING = [
  'enterprise_id,date,category,amount,incurred,description',
  `${A},2024-01-15,pcie_investment,10000.00,,共建实训基地`,
  `${A},2024-02-10,产教融合投资,25000.00,20000.00,`,
  `${A},2024-02-20,education,5000.00,,not an investment`,
  '',
].join('\n');

const QUALIFICATIONS = [
  'enterprise_id,qualification,valid_from,valid_to',
  `${A},pcie_pilot,2020-01-01,`,
  `${B},small_scale_vat,2020-01-01,`,
  '',
].join('\n');

// A: RULES §2.5 checks in 2024-01 (investment 10,000) and 2024-02 (20,000), then the 1,000.00
// carried out used in 2024-03 (base 60,000 + 40,000 免抵税额; 500 already paid).
// B: quarterly, small-scale: Q1 exempt (sales 250,000 ≤ 300,000), Q2 reduced by half.
const ROWS = [
  `${A},2024-01,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,1800.00,0.00,1200.00,,0.00,0.00`,
  `${A},2024-01,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,1200.00,0.00,800.00,,0.00,0.00`,
  `${A},2024-02,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,3000.00,0.00,0.00,,0.00,0.00`,
  `${A},2024-02,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,2000.00,0.00,0.00,,0.00,0.00`,
  `${A},2024-03,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,600.00,500.00,1900.00,,0.00,0.00`,
  `${A},2024-03,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,400.00,0.00,1600.00,,0.00,0.00`,
  `${B},2024-Q1,education_surcharge,3000.00,0.03,90.00,90.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
  `${B},2024-Q1,local_education_surcharge,3000.00,0.02,60.00,60.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
  `${B},2024-Q2,education_surcharge,10000.00,0.03,300.00,0.00,150.00,0.00,0.00,150.00,six_two_reduction,0.00,0.00`,
  `${B},2024-Q2,local_education_surcharge,10000.00,0.02,200.00,0.00,100.00,0.00,0.00,100.00,six_two_reduction,0.00,0.00`,
];
const REPORT = [HEADER, ...ROWS, ''].join('\n');

const LEDGER_HEADER = 'enterprise_id,kind,period,opening,added,used,closing';
const LEDGER_ROWS = [
  `${A},pcie_credit,2024-01,0.00,3000.00,3000.00,0.00`,
  `${A},pcie_credit,2024-02,0.00,6000.00,5000.00,1000.00`,
  `${A},pcie_credit,2024-03,1000.00,0.00,1000.00,0.00`,
  // B: never on the list: a row per period all the same (CONTRACT §4: ledger rows per period)
  `${B},pcie_credit,2024-Q1,0.00,0.00,0.00,0.00`,
  `${B},pcie_credit,2024-Q2,0.00,0.00,0.00,0.00`,
];

/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs('skilltax-credit-');

let data: string;
let surcharges: string;
let training: string;
let qualifications: string;

beforeAll(() => {
  requireBuild();
  data = tempDir();
  surcharges = write(data, 'surcharges.csv', SURCHARGES);
  training = write(data, 'training.csv', TRAINING);
  qualifications = write(data, 'qualifications.csv', QUALIFICATIONS);
});

const credit = (extra: string[] = []) => ['credit', '--surcharges', surcharges, '--training', training, '--qualifications', qualifications, ...extra];

/** Inputs of one test in a fresh folder: the file names are the canonical ones. */
function inputs(files: { surcharges: string; training?: string; qualifications?: string; ledger?: string }): { dir: string; args: string[] } {
  const dir = tempDir();
  const args = ['credit', '--surcharges', write(dir, 'surcharges.csv', files.surcharges)];
  if (files.training !== undefined) args.push('--training', write(dir, 'training.csv', files.training));
  if (files.qualifications !== undefined) args.push('--qualifications', write(dir, 'qualifications.csv', files.qualifications));
  if (files.ledger !== undefined) args.push('--ledger', write(dir, 'ledger.csv', files.ledger));
  return { dir, args };
}

const PREVIOUS = 'enterprise_id,period\nprevious report: must survive a refused run\n';

/** Runs a command that must be refused, with --out over an existing file and --ledger-out to a new one. */
const refused = (args: string[], opts: { input?: string } = {}): CliResult =>
  expectRefused(args, [{ flag: '--out', name: 'credits.csv', pre: PREVIOUS }, { flag: '--ledger-out', name: 'ledger-out.csv' }], opts);

describe('CONTRACT §4 credits.csv', () => {
  it('0: the contract’s columns (shortfall and overpaid added after them), two rows per enterprise-period, edu then local, sorted', () => {
    const r = skilltax(credit());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(REPORT);
    expect(r.stdout.startsWith(`${CONTRACT_COLUMNS},shortfall,overpaid\n`)).toBe(true);
    // no warning: standard error is the summary line alone (both pools end at 0.00: LEDGER_ROWS)
    expect(r.stderr).toBe(creditLine(REPORT, { carried: '0.00' }));
    expect(r.stderr).toBe(
      'credit: periods 2024-01 to 2024-06, enterprises 2, enterprise-periods 5, total due 15650.00, total credit 9000.00, total payable 5750.00, total overpaid 0.00, pool carried forward 0.00, warnings 0\n',
    );
  });

  it('--out writes the report and prints nothing; --ledger-out writes the pcie_credit rows (opening, 30% added, both credits used, closing)', () => {
    const dir = tempDir();
    const out = join(dir, 'credits.csv');
    const ledgerOut = join(dir, 'ledger.csv');
    const r = skilltax(credit(['--out', out, '--ledger-out', ledgerOut]));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(REPORT);
    expect(readFileSync(ledgerOut, 'utf8')).toBe(csv(LEDGER_HEADER, ...LEDGER_ROWS));
    expect(readdirSync(dir).sort()).toEqual(['credits.csv', 'ledger.csv']);
  });

  it('same inputs → byte-identical output; input row order does not matter', () => {
    const a = skilltax(credit());
    const dir = tempDir();
    const lines = SURCHARGES.trim().split('\n');
    const reversed = write(dir, 'surcharges.csv', csv(lines[0]!, ...lines.slice(1).reverse()));
    const b = skilltax(['credit', '--surcharges', reversed, '--training', training, '--qualifications', qualifications]);
    expect(b.stdout).toBe(a.stdout);
  });

  it('Chinese headers, and the surcharges from standard input', () => {
    const zh = csv(
      '纳税人识别号,所属期,增值税税额,免抵税额,销售额,教育费附加已缴,地方教育附加已缴',
      `${A},2024-01,100000.00,,${SALES_M},,`,
      `${A},2024-02,100000.00,,${SALES_M},,`,
      `${A},2024-03,60000.00,40000.00,${SALES_M},500.00,`,
      `${B},2024-Q1,3000.00,,250000.00,,`,
      `${B},2024-Q2,10000.00,,400000.00,,`,
    );
    const r = skilltax(['credit', '--surcharges', '-', '--training', training, '--qualifications', qualifications], { input: zh });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(REPORT);
  });

  it('the fee rows of a month and a quarter of one enterprise that do not overlap sort by their first day', () => {
    const { args } = inputs({ surcharges: csv('enterprise_id,period,vat,sales', `${A},2024-04,100.00,10000000.00`, `${A},2024-Q1,100.00,30000000.00`, `${A},2023-12,100.00,10000000.00`) });
    const r = skilltax(args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(1, -1).map((l) => l.split(',').slice(1, 3).join(' '))).toEqual([
      '2023-12 education_surcharge',
      '2023-12 local_education_surcharge',
      '2024-Q1 education_surcharge',
      '2024-Q1 local_education_surcharge',
      '2024-04 education_surcharge',
      '2024-04 local_education_surcharge',
    ]);
  });

  it('an investment in a period without a return gets its own rows (base 0) and the pool carries to the next return', () => {
    const { args } = inputs({
      surcharges: csv('enterprise_id,period,vat,sales', `${A},2024-03,100000.00,10000000.00`),
      training: csv('enterprise_id,date,category,amount', `${A},2024-02-10,pcie_investment,10000.00`),
      qualifications: QUALIFICATIONS,
    });
    const r = skilltax(args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      csv(
        HEADER,
        `${A},2024-02,education_surcharge,0.00,0.03,0.00,0.00,0.00,0.00,0.00,0.00,,0.00,0.00`,
        `${A},2024-02,local_education_surcharge,0.00,0.02,0.00,0.00,0.00,0.00,0.00,0.00,,0.00,0.00`,
        `${A},2024-03,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,1800.00,0.00,1200.00,,0.00,0.00`,
        `${A},2024-03,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,1200.00,0.00,800.00,,0.00,0.00`,
      ),
    );
  });
});

describe('CONTRACT §4 notes and exit statuses', () => {
  it('small_payer_exempt and six_two_reduction alone are information: exit 0, no warning', () => {
    const r = skilltax(credit(['--quiet']));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const plain = skilltax(credit());
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toMatch(/^warning/m);
    expect(plain.stderr).toBe(creditLine(plain.stdout, { carried: '0.00' }));
    expect(plain.stderr).toMatch(/, warnings 0\n$/);
    expect(plain.stdout).toContain('small_payer_exempt');
    expect(plain.stdout).toContain('six_two_reduction');
  });

  function warned(files: Parameters<typeof inputs>[0], extra: string[] = []): { r: CliResult; report: string; ledger: string } {
    const { dir, args } = inputs(files);
    const out = join(dir, 'credits-out.csv');
    const ledgerOut = join(dir, 'ledger-out.csv');
    const r = skilltax([...args, ...extra, '--out', out, '--ledger-out', ledgerOut]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    return { r, report: readFileSync(out, 'utf8'), ledger: readFileSync(ledgerOut, 'utf8') };
  }

  it('not_pilot: investment without the pcie_pilot qualification → exit 1, not credited, the report written', () => {
    const { r, report, ledger } = warned({
      surcharges: csv('enterprise_id,period,vat,sales', `${C},2024-05,100000.00,10000000.00`),
      training: csv('enterprise_id,date,category,amount', `${C},2024-05-31,pcie_investment,10000.00`),
      qualifications: csv('enterprise_id,qualification,valid_from,valid_to', `${C},pcie_pilot,2024-06-01,`),
    });
    expect(report).toBe(
      csv(
        HEADER,
        `${C},2024-05,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,0.00,0.00,3000.00,not_pilot,0.00,0.00`,
        `${C},2024-05,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,0.00,0.00,2000.00,not_pilot,0.00,0.00`,
      ),
    );
    expect(ledger).toBe(csv(LEDGER_HEADER, `${C},pcie_credit,2024-05,0.00,0.00,0.00,0.00`));
    expect(r.stderr).toBe(`warning: ${C} 2024-05: not_pilot\n${creditLine(report, { carried: '0.00' })}`);
  });

  it('not_pilot: investment before 2019 (财税〔2019〕46号 from 2019-01-01) even on the list; 2019-01 is credited', () => {
    const { r, report } = warned({
      surcharges: csv('enterprise_id,period,vat,sales', `${A},2018-12,100000.00,10000000.00`, `${A},2019-01,100000.00,10000000.00`),
      training: csv('enterprise_id,date,category,amount', `${A},2018-12-15,pcie_investment,10000.00`, `${A},2019-01-15,pcie_investment,10000.00`),
      qualifications: csv('enterprise_id,qualification,valid_from,valid_to', `${A},pcie_pilot,2018-01-01,`),
    });
    expect(report.split('\n').slice(1, -1).map((l) => l.split(',').slice(8, 12).join(' '))).toEqual([
      '0.00 0.00 3000.00 not_pilot',
      '0.00 0.00 2000.00 not_pilot',
      '1800.00 0.00 1200.00 ',
      '1200.00 0.00 800.00 ',
    ]);
    // 2019-01: 30% of 10,000.00 added and used up
    expect(r.stderr).toBe(`warning: ${A} 2018-12: not_pilot\n${creditLine(report, { carried: '0.00' })}`);
  });

  it('investment_withdrawn: carry in + added below zero → exit 1, shortfall reported, carry out 0', () => {
    const { r, report, ledger } = warned({
      surcharges: csv('enterprise_id,period,vat,sales', `${A},2024-02,100000.00,10000000.00`),
      training: csv('enterprise_id,date,category,amount', `${A},2024-02-15,pcie_investment,-10000.00`),
      qualifications: QUALIFICATIONS,
      // an opening balance brought from another system: 1,000.00 at the end of 2024-01
      ledger: csv(LEDGER_HEADER, `${A},pcie_credit,2024-01,,,,1000.00`),
    });
    expect(report).toBe(
      csv(
        HEADER,
        `${A},2024-02,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,0.00,0.00,3000.00,investment_withdrawn,2000.00,0.00`,
        `${A},2024-02,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,0.00,0.00,2000.00,investment_withdrawn,2000.00,0.00`,
      ),
    );
    expect(ledger).toBe(csv(LEDGER_HEADER, `${A},pcie_credit,2024-01,,,,1000.00`, `${A},pcie_credit,2024-02,1000.00,-3000.00,0.00,0.00`));
    expect(r.stderr).toBe(`warning: ${A} 2024-02: investment_withdrawn\n${creditLine(report, { carried: '0.00' })}`);
  });

  it('ledger_gap: the ledger’s latest earlier row is older than the period before → exit 1, its closing still carried in', () => {
    const { r, report, ledger } = warned({
      surcharges: csv('enterprise_id,period,vat,sales', `${A},2024-01,100000.00,10000000.00`, `${A},2024-02,100000.00,10000000.00`),
      qualifications: QUALIFICATIONS,
      ledger: csv(LEDGER_HEADER, `${A},pcie_credit,2023-10,,,,4000.00`),
    });
    expect(report).toBe(
      csv(
        HEADER,
        `${A},2024-01,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,2400.00,0.00,600.00,ledger_gap,0.00,0.00`,
        `${A},2024-01,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,1600.00,0.00,400.00,ledger_gap,0.00,0.00`,
        `${A},2024-02,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,0.00,0.00,3000.00,,0.00,0.00`,
        `${A},2024-02,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,0.00,0.00,2000.00,,0.00,0.00`,
      ),
    );
    expect(ledger).toBe(
      csv(LEDGER_HEADER, `${A},pcie_credit,2023-10,,,,4000.00`, `${A},pcie_credit,2024-01,4000.00,0.00,4000.00,0.00`, `${A},pcie_credit,2024-02,0.00,0.00,0.00,0.00`),
    );
    expect(r.stderr).toBe(`warning: ${A} 2024-01: ledger_gap\n${creditLine(report, { carried: '0.00' })}`);
  });

  it('several warnings: one line per enterprise-period, sorted, then the summary; --quiet silences them but not the exit status, and says how many', () => {
    const files = {
      surcharges: csv('enterprise_id,period,vat,sales', `${C},2024-05,100.00,10000000.00`, `${A},2024-02,100.00,10000000.00`),
      training: csv('enterprise_id,date,category,amount', `${C},2024-05-02,pcie_investment,100.00`, `${A},2024-02-15,pcie_investment,-100.00`),
      qualifications: QUALIFICATIONS,
    };
    const { r, report } = warned(files);
    expect(r.stderr).toBe(`warning: ${A} 2024-02: investment_withdrawn\nwarning: ${C} 2024-05: not_pilot\n${creditLine(report, { carried: '0.00' })}`);
    expect(r.stderr).toMatch(/, warnings 2\n$/);
    const q = warned(files, ['--quiet']);
    expect(q.r.stderr).toBe(quietLine(2));
    expect(q.r.stderr).toBe('skilltax: 2 warnings made the exit status 1 (run without --quiet to see them)\n');
  });
});

describe('CONTRACT §1/§4 refused input: exit 2, FILE:LINE:COLUMN, nothing written', () => {
  it('a month inside a quarter of one enterprise, and the same period twice: both rows named', () => {
    const f = `${FX}/credit-overlap/surcharges.csv`;
    const r = refused(['credit', '--surcharges', f]);
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [f, 3, 2, '2024-02'],
      [f, 6, 2, '2024-03'],
    ]);
    expect(ps[0]!.message).toBe(`${A}: period 2024-02 overlaps 2024-Q1 on line 2 (a month inside a quarter it also filed)`);
    expect(ps[1]!.message).toBe(`${B}: period 2024-03 overlaps 2024-03 on line 4 (the same period twice)`);
    expect(r.stderr).toMatch(/2 problems in the input; nothing was written/);
  });

  it('each month of a quarter it also filed is reported; another enterprise with the same periods is fine', () => {
    const { args } = inputs({
      surcharges: csv(
        'enterprise_id,period,vat',
        `${A},2024-01,1.00`,
        `${A},2024-02,1.00`,
        `${A},2024-03,1.00`,
        `${A},2024-Q1,3.00`,
        `${B},2024-Q1,3.00`,
        `${B},2024-04,1.00`,
      ),
    });
    const r = refused(args);
    const ps = problems(r.stderr).sort((x, y) => x.line - y.line);
    // the quarter and the first month start on the same day: the later line is the one reported
    expect(ps.map((p) => [p.line, p.got])).toEqual([
      [3, '2024-02'],
      [4, '2024-03'],
      [5, '2024-Q1'],
    ]);
    expect(ps[0]!.message).toBe(`${A}: period 2024-02 overlaps 2024-Q1 on line 5 (a month inside a quarter it also filed)`);
    expect(ps[1]!.message).toBe(`${A}: period 2024-03 overlaps 2024-Q1 on line 5 (a month inside a quarter it also filed)`);
    expect(ps[2]!.message).toMatch(new RegExp(`^${A}: period 2024-Q1 overlaps 2024-01 on line 2 `));
  });

  it('bad period text: every one listed with its line and the period column (found by header)', () => {
    const f = `${FX}/credit-bad-period/surcharges.csv`;
    const r = refused(['credit', '--surcharges', f]);
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [f, 3, 3, '2024-13'],
      [f, 4, 3, '2024'],
      [f, 5, 3, '2024-Q5'],
      [f, 6, 3, 'Q1-2024'],
    ]);
    for (const p of ps) expect(p.message).toBe('period: not a period: write YYYY-MM (month) or YYYY-Qn (quarter)');
  });

  it('a missing required column names it and its Chinese aliases', () => {
    const { args } = inputs({ surcharges: csv('enterprise_id,period,sales', `${A},2024-01,1.00`) });
    const r = refused(args);
    expect(r.stderr).toMatch(/missing required column "vat"/);
    expect(r.stderr).toContain('增值税税额');
  });

  it('a negative VAT, an amount with 3 decimals, a bad enterprise_id in surcharges.csv', () => {
    const { dir, args } = inputs({ surcharges: csv('enterprise_id,period,vat,paid_edu', `${A},2024-01,-1.00,`, `${A},2024-02,1.001,`, `91330282MA2B000017,2024-03,1.00,`, `${A},2024-04,1.00,x`) });
    const r = refused(args);
    const f = join(dir, 'surcharges.csv');
    expect(where(problems(r.stderr))).toEqual([
      [f, 2, 3, '-1.00'],
      [f, 3, 3, '1.001'],
      [f, 4, 1, '91330282MA2B000017'],
      [f, 5, 4, 'x'],
    ]);
  });

  it('--year with --from or --to; a bad --from, --to or --year; --from after --to', () => {
    for (const [extra, message] of [
      [['--year', '2024', '--from', '2024-01'], /give --year, or --from\/--to, not both/],
      [['--year', '2024', '--to', '2024-Q2'], /give --year, or --from\/--to, not both/],
      [['--year', '24'], /--year takes a year YYYY \(got "24"\)/],
      [['--from', '2024-13'], /--from takes a period YYYY-MM, YYYY-Qn or a year YYYY \(got "2024-13"\)/],
      [['--to', 'June'], /--to takes a period YYYY-MM, YYYY-Qn or a year YYYY \(got "June"\)/],
      [['--from', '2024-06', '--to', '2024-Q1'], /--from 2024-06 is after --to 2024-Q1/],
    ] as const) {
      const r = refused(credit([...extra]));
      expect(r.stderr).toMatch(message);
    }
  });

  it('--explain of an enterprise not computed', () => {
    const r = refused(credit(['--explain', C]));
    expect(r.stderr).toMatch(new RegExp(`--explain ${C}: no period of this enterprise was computed`));
  });

  it('an inconsistent pcie_credit ledger (arithmetic, chain, a year period) is refused', () => {
    const { dir, args } = inputs({
      surcharges: SURCHARGES,
      ledger: csv(
        LEDGER_HEADER,
        `${A},pcie_credit,2023-10,0.00,100.00,0.00,90.00`,
        `${A},pcie_credit,2023-12,50.00,0.00,0.00,50.00`,
        `${B},pcie_credit,2023,,,,10.00`,
        // the pool floors at zero: this row is consistent
        `${C},pcie_credit,2023-12,10.00,-100.00,0.00,0.00`,
      ),
    });
    const r = refused(args);
    const f = join(dir, 'ledger.csv');
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [f, 2, 7, '90.00'],
      [f, 3, 4, '50.00'],
      [f, 4, 3, '2023'],
    ]);
    expect(ps[0]!.message).toMatch(/closing does not equal opening \+ added − used/);
    expect(ps[1]!.message).toMatch(/chain is broken: opening of 2023-12 does not equal closing of 2023-10 \(90\.00, line 2\)/);
    expect(ps[2]!.message).toMatch(/a pcie_credit row has a month \(YYYY-MM\) or quarter \(YYYY-Qn\) period/);
  });

  it('a rules file that leaves a period without a rate: exit 2 naming the key', () => {
    const { dir, args } = inputs({ surcharges: csv('enterprise_id,period,vat', `${A},2024-01,1.00`) });
    const rules = write(dir, 'rules.json', JSON.stringify({ 'surcharge.education.rate': [{ from: '2025-01-01', value: '0.03', source: 'test' }] }));
    const r = refused([...args, '--rules', rules]);
    expect(r.stderr).toMatch(/no value of surcharge\.education\.rate is in force for 2024-01/);
  });
});

describe('CONTRACT §4 the pcie_credit ledger', () => {
  it('--ledger and --ledger-out the same file, twice: byte-identical ledger and report; other kinds kept', () => {
    const dir = tempDir();
    const ledger = write(
      dir,
      'ledger.csv',
      csv(
        LEDGER_HEADER,
        `${A},education_expense,2023,,,,5000.00`,
        `${A},pcie_credit,2023-12,,,,700.00`, // an opening balance for A's pool
        `${C},pcie_credit,2023-Q4,0.00,300.00,0.00,300.00`, // an enterprise not in the inputs
      ),
    );
    const args = credit(['--ledger', ledger, '--ledger-out', ledger]);
    const first = skilltax(args);
    expect(first.status, first.stderr).toBe(0);
    const afterFirst = readFileSync(ledger, 'utf8');
    expect(afterFirst).toBe(
      csv(
        LEDGER_HEADER,
        `${A},education_expense,2023,,,,5000.00`,
        `${A},pcie_credit,2023-12,,,,700.00`,
        `${A},pcie_credit,2024-01,700.00,3000.00,3700.00,0.00`,
        `${A},pcie_credit,2024-02,0.00,6000.00,5000.00,1000.00`,
        `${A},pcie_credit,2024-03,1000.00,0.00,1000.00,0.00`,
        `${B},pcie_credit,2024-Q1,0.00,0.00,0.00,0.00`,
        `${B},pcie_credit,2024-Q2,0.00,0.00,0.00,0.00`,
        `${C},pcie_credit,2023-Q4,0.00,300.00,0.00,300.00`,
      ),
    );
    const second = skilltax(args);
    expect(second.status, second.stderr).toBe(0);
    expect(readFileSync(ledger, 'utf8')).toBe(afterFirst);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(dir)).toEqual(['ledger.csv']);
  });

  it('period by period through the ledger gives the report and ledger of one run', () => {
    const dir = tempDir();
    const whole = join(dir, 'whole.csv');
    const one = skilltax(credit(['--ledger-out', whole]));
    const ledger = join(dir, 'ledger.csv');
    const lines: string[] = [];
    for (const [from, to] of [
      ['2024-01', '2024-01'],
      ['2024-02', '2024-02'],
      ['2024-03', '2024-03'],
      ['2024-Q1', '2024-Q1'], // B's first quarter (A's months recomputed with the same figures)
      ['2024-Q2', '2024-Q2'],
    ]) {
      const r = skilltax(credit(['--from', from!, '--to', to!, '--ledger-out', ledger, ...(existsSync(ledger) ? ['--ledger', ledger] : [])]));
      expect(r.status, r.stderr).toBe(0);
      lines.push(...r.stdout.split('\n').slice(1, -1));
    }
    expect([...new Set(lines)].sort()).toEqual([...ROWS].sort());
    expect(readFileSync(ledger, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    expect(one.status).toBe(0);
  });

  it('a range that starts after an investment with no ledger row says its carry in is 0.00 (a note, not a warning)', () => {
    const r = skilltax(credit(['--from', '2024-02', '--to', '2024-02']));
    expect(r.status, r.stderr).toBe(0);
    // 2024-02 alone: its own 20,000 → 6,000 covers both fees; 2024-01's 3,000 is not carried in
    expect(r.stdout).toBe(csv(HEADER, `${A},2024-02,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,3000.00,0.00,0.00,,0.00,0.00`, `${A},2024-02,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,2000.00,0.00,0.00,,0.00,0.00`));
    expect(r.stderr).toMatch(new RegExp(`note: ${A}: the inputs have 产教融合 investment before 2024-02.*carry in is 0\\.00`));
  });

  it('--year, --from/--to as month, quarter or year select the periods whose last day is in the range', () => {
    const sel = (extra: string[]) => {
      const r = skilltax(credit(extra));
      expect(r.status, r.stderr).toBe(0);
      return [...new Set(r.stdout.split('\n').slice(1, -1).map((l) => l.split(',').slice(0, 2).join(' ')))];
    };
    const all = [`${A} 2024-01`, `${A} 2024-02`, `${A} 2024-03`, `${B} 2024-Q1`, `${B} 2024-Q2`];
    expect(sel(['--year', '2024'])).toEqual(all);
    expect(sel(['--from', '2024', '--to', '2024'])).toEqual(all);
    expect(sel(['--from', '2024-Q1', '--to', '2024-Q1'])).toEqual([`${A} 2024-01`, `${A} 2024-02`, `${A} 2024-03`, `${B} 2024-Q1`]);
    expect(sel(['--from', '2024-02'])).toEqual([`${A} 2024-02`, `${A} 2024-03`, `${B} 2024-Q1`, `${B} 2024-Q2`]); // Q1 ends in March
    expect(sel(['--to', '2024-05'])).toEqual([`${A} 2024-01`, `${A} 2024-02`, `${A} 2024-03`, `${B} 2024-Q1`]); // Q2 ends after 2024-05
    // month by month, a quarter is computed with the month of its last day
    expect(sel(['--from', '2024-02', '--to', '2024-02'])).toEqual([`${A} 2024-02`]);
    expect(sel(['--from', '2024-03', '--to', '2024-03'])).toEqual([`${A} 2024-03`, `${B} 2024-Q1`]);
    expect(sel(['--from', '2024-06', '--to', '2024-06'])).toEqual([`${B} 2024-Q2`]);
    const none = skilltax(credit(['--year', '2023']));
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout).toBe(HEADER + '\n');
  });

  describe('a ledger conflict for pcie_credit (fixtures/errors/credit-ledger-conflict)', () => {
    const D = `${FX}/credit-ledger-conflict`;
    // the fixture's returns give no sales: a copy with sales above the thresholds, so that the runs
    // that go through are not noted sales_missing (RULES §2.2) and keep exit 0
    const S = write(tempDir(), 'surcharges.csv', withSales(readFileSync(join(ROOT, D, 'surcharges.csv'), 'utf8')));
    // the ledger was computed with an investment of 20,000 in 2024-01; training.csv now says 10,000
    const all = ['credit', '--surcharges', S, '--training', `${D}/training.csv`, '--qualifications', `${D}/qualifications.csv`, '--ledger', `${D}/ledger.csv`];
    const args = [...all, '--to', '2024-02'];

    it('without --force: exit 2, naming the enterprise, period and ledger row, nothing written', () => {
      const r = refused(args);
      expect(r.stderr).toContain(
        `ledger conflict for ${A} (pcie_credit): the recomputed closing of 2024-02 is 2000.00, but the ledger's 2024-03 row (${D}/ledger.csv:4) opens with 5000.00`,
      );
      expect(r.stderr).toMatch(/nothing was written: recompute the later periods too \(--to 2024-04\), or pass --force/);
      expect(r.stderr).not.toContain(`conflict for ${B}`); // B's later row still chains
    });

    it('with --force: the later rows of that enterprise are dropped and standard error says so', () => {
      const dir = tempDir();
      const out = join(dir, 'credits.csv');
      const ledgerOut = join(dir, 'ledger.csv');
      const r = skilltax([...args, '--force', '--out', out, '--ledger-out', ledgerOut]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain(`forced: dropped ledger row ${A} pcie_credit 2024-03 (${D}/ledger.csv:4)`);
      expect(r.stderr).toContain(`forced: dropped ledger row ${A} pcie_credit 2024-04 (${D}/ledger.csv:5)`);
      expect(r.stderr).not.toContain(`dropped ledger row ${B}`);
      expect(readFileSync(ledgerOut, 'utf8')).toBe(
        csv(
          LEDGER_HEADER,
          `${A},pcie_credit,2024-01,0.00,3000.00,500.00,2500.00`,
          `${A},pcie_credit,2024-02,2500.00,0.00,500.00,2000.00`,
          `${B},pcie_credit,2024-01,0.00,0.00,0.00,0.00`,
          `${B},pcie_credit,2024-02,0.00,0.00,0.00,0.00`,
        ),
      );
      expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(7);
    });

    it('recomputing through the later periods, as the message says (--to 2024-04, or no --to), is no conflict', () => {
      for (const extra of [['--to', '2024-04'], []]) {
        const dir = tempDir();
        const ledgerOut = join(dir, 'ledger.csv');
        const r = skilltax([...all, ...extra, '--ledger-out', ledgerOut, '--quiet']);
        expect(r.status, r.stderr).toBe(0);
        expect(readFileSync(ledgerOut, 'utf8')).toBe(
          csv(
            LEDGER_HEADER,
            `${A},pcie_credit,2024-01,0.00,3000.00,500.00,2500.00`,
            `${A},pcie_credit,2024-02,2500.00,0.00,500.00,2000.00`,
            `${A},pcie_credit,2024-03,2000.00,0.00,500.00,1500.00`,
            `${A},pcie_credit,2024-04,1500.00,0.00,500.00,1000.00`,
            `${B},pcie_credit,2024-01,0.00,0.00,0.00,0.00`,
            `${B},pcie_credit,2024-02,0.00,0.00,0.00,0.00`,
          ),
        );
      }
    });
  });
});

describe('--explain, --header zh, --format json', () => {
  it('--explain prints the pool and the sources, step by step; the report then goes only to --out', () => {
    const dir = tempDir();
    const out = join(dir, 'credits.csv');
    const r = skilltax(credit(['--explain', A.toLowerCase(), '--out', out]));
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(REPORT);
    const text = r.stdout;
    expect(text.startsWith(`产教融合 credit against 教育费附加 and 地方教育附加, for ${A}\n`)).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain(B);
    for (const period of ['2024-01', '2024-02', '2024-03']) expect(text).toMatch(new RegExp(`^${period}$`, 'm'));
    expect(text).toMatch(/pool carry in +0\.00 +\[no earlier ledger row\]/);
    expect(text).toMatch(/base \(计征依据\) +100000\.00 += VAT 60000\.00 \+ 免抵税额 40000\.00 − 留抵退税扣除 0\.00 \+ 消费税 0\.00/);
    expect(text).toMatch(/net investment \(产教融合投资\) +20000\.00/);
    expect(text).toMatch(/pool added +6000\.00 += round\(20000\.00 × 0\.3\) +\[财税〔2019〕46号 第三条; pcie\.credit_rate \[verified\]\]/);
    expect(text).toMatch(/credit split +1800\.00 \+ 1200\.00 += available 3000\.00 against remaining 3000\.00 and 2000\.00, in proportion/);
    expect(text).toMatch(/pool carry out +1000\.00 += max\(0, 0\.00 \+ 6000\.00 − 5000\.00\)/);
    expect(text).toMatch(/pool carry in +1000\.00 +\[carry out of 2024-02\]/);
    expect(text).toMatch(/教育费附加 payable +1900\.00 += 3000\.00 − 0\.00 − 0\.00 − credit 600\.00 − paid 500\.00/);
    expect(text).toContain('国务院令第448号');
    expect(text).toContain('财综〔2010〕98号');
  });

  it('--explain of the exempt and reduced enterprise names 财税〔2016〕12号 and the 六税两费 source; without --out nothing else is printed', () => {
    const r = skilltax(credit(['--explain', B]));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(HEADER);
    expect(r.stdout).toMatch(/small-payer exemption +applies += sales 250000\.00 ≤ 300000\.00 +\[财税〔2016〕12号/);
    expect(r.stdout).toMatch(/small-payer exemption +does not apply += sales 400000\.00 > 300000\.00/);
    expect(r.stdout).toMatch(/六税两费 reduction +0\.5 += small_scale_vat 2020-01-01…/);
    expect(r.stdout).toContain('公告2023年第12号');
  });

  it('--header zh: the Chinese column names, same rows', () => {
    const r = skilltax(credit(['--header', 'zh']));
    expect(r.status, r.stderr).toBe(0);
    const [head, ...rest] = r.stdout.split('\n');
    expect(head).toBe(
      '纳税人识别号,税款所属期,征收品目,计征依据,征收率,本期应纳税（费）额,减免额（小规模免征）,六税两费减征额,产教融合抵免额,本期已缴税（费）额,本期应补（退）税（费）额,备注,撤回投资抵免差额,多缴税（费）额',
    );
    expect(rest.join('\n')).toBe(ROWS.join('\n') + '\n');
  });

  it('--format json: an array of objects with the same keys, amounts as strings', () => {
    const r = skilltax(credit(['--format', 'json']));
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(10);
    expect(Object.keys(rows[0]!)).toEqual(HEADER.split(','));
    expect(rows[0]).toEqual({
      enterprise_id: A,
      period: '2024-01',
      fee: 'education_surcharge',
      base: '100000.00',
      rate: '0.03',
      due: '3000.00',
      exemption: '0.00',
      reduction: '0.00',
      credit: '1800.00',
      paid: '0.00',
      payable: '1200.00',
      notes: '',
      shortfall: '0.00',
      overpaid: '0.00',
    });
    expect(rows.map((x) => x.fee)).toEqual(Array.from({ length: 5 }, () => ['education_surcharge', 'local_education_surcharge']).flat());
  });

  it('--format json with --ledger-out still writes the ledger as CSV', () => {
    const dir = tempDir();
    const ledgerOut = join(dir, 'ledger.csv');
    const r = skilltax(credit(['--format', 'json', '--ledger-out', ledgerOut]));
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(ledgerOut, 'utf8')).toBe(csv(LEDGER_HEADER, ...LEDGER_ROWS));
  });
});

describe('issue #10: the sales figure (RULES §2.2) and overpayments (RULES §2.4), CONTRACT §4 notes sales_missing and overpaid', () => {
  /** Runs `credit` on these inputs with --out, and returns the status, standard error and the report's rows. */
  function report(files: Parameters<typeof inputs>[0], extra: string[] = []): { r: CliResult; rows: string[]; text: string } {
    const { dir, args } = inputs(files);
    const out = join(dir, 'credits-out.csv');
    const r = skilltax([...args, ...extra, '--out', out]);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith(`${HEADER}\n`)).toBe(true);
    return { r, rows: text.split('\n').slice(1, -1), text };
  }

  it('sales 0.00 with VAT due (a back-payment): exempt, monthly and quarterly, exit 0 without a warning', () => {
    const { r, rows, text } = report({ surcharges: csv('enterprise_id,period,vat,sales', `${A},2024-05,3000.00,0.00`, `${B},2024-Q2,3000.00,0`) });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(creditLine(text, { carried: '0.00' }));
    expect(rows).toEqual([
      `${A},2024-05,education_surcharge,3000.00,0.03,90.00,90.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
      `${A},2024-05,local_education_surcharge,3000.00,0.02,60.00,60.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
      `${B},2024-Q2,education_surcharge,3000.00,0.03,90.00,90.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
      `${B},2024-Q2,local_education_surcharge,3000.00,0.02,60.00,60.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
    ]);
  });

  it('an empty sales cell: sales_missing on both fee rows, no exemption, exit 1 with one warning line; the other periods as usual', () => {
    const files = { surcharges: csv('enterprise_id,period,vat,sales', `${A},2024-04,3000.00,50000.00`, `${A},2024-05,3000.00,`, `${A},2024-06,3000.00,0.00`) };
    const { r, rows, text } = report(files);
    expect(r.status, r.stderr).toBe(1);
    expect(rows).toEqual([
      `${A},2024-04,education_surcharge,3000.00,0.03,90.00,90.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
      `${A},2024-04,local_education_surcharge,3000.00,0.02,60.00,60.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
      `${A},2024-05,education_surcharge,3000.00,0.03,90.00,0.00,0.00,0.00,0.00,90.00,sales_missing,0.00,0.00`,
      `${A},2024-05,local_education_surcharge,3000.00,0.02,60.00,0.00,0.00,0.00,0.00,60.00,sales_missing,0.00,0.00`,
      `${A},2024-06,education_surcharge,3000.00,0.03,90.00,90.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
      `${A},2024-06,local_education_surcharge,3000.00,0.02,60.00,60.00,0.00,0.00,0.00,0.00,small_payer_exempt,0.00,0.00`,
    ]);
    expect(r.stderr).toBe(`warning: ${A} 2024-05: sales_missing\n${creditLine(text, { carried: '0.00' })}`);
    // --quiet silences the line, not the exit status: one line says why it is 1
    const q = report(files, ['--quiet']);
    expect([q.r.status, q.r.stderr]).toEqual([1, quietLine(1)]);
    // --explain says why
    const { args } = inputs(files);
    const e = skilltax([...args, '--explain', A]);
    expect(e.status).toBe(1);
    expect(e.stdout).toMatch(/small-payer exemption +sales_missing += the return gives no sales figure: the exemption could not be tested/);
  });

  it('no sales column at all (canonical or Chinese headers): every row sales_missing, a warning line per enterprise-period, sorted; summary.csv counts them', () => {
    const canonical = csv('enterprise_id,period,vat', `${B},2024-Q1,3000.00`, `${A},2024-01,100000.00`, `${A},2024-02,100000.00`);
    const chinese = csv('纳税人识别号,所属期,增值税税额', `${B},2024-Q1,3000.00`, `${A},2024-01,100000.00`, `${A},2024-02,100000.00`);
    for (const surcharges of [canonical, chinese]) {
      const { r, rows, text } = report({ surcharges });
      expect(r.status, r.stderr).toBe(1);
      expect(rows).toHaveLength(6);
      expect(rows.map((l) => l.split(',').slice(6, 7).concat(l.split(',').slice(11, 12)).join(' '))).toEqual(Array.from({ length: 6 }, () => '0.00 sales_missing'));
      expect(r.stderr).toBe(
        `warning: ${A} 2024-01: sales_missing\nwarning: ${A} 2024-02: sales_missing\nwarning: ${B} 2024-Q1: sales_missing\n${creditLine(text, { carried: '0.00' })}`,
      );
    }
    const dir = tempDir();
    write(dir, 'surcharges.csv', canonical);
    const run = skilltax(['run', dir, '--quiet']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe(quietLine(3));
    expect(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')).toContain('pcie_credit,warnings,3');
  });

  it('no sales figure before the exemption is in force (2016-02-01): nothing to test, no note; from 2016-02 sales_missing', () => {
    const before = report({ surcharges: csv('enterprise_id,period,vat', `${A},2015-12,3000.00`, `${A},2016-01,3000.00`, `${B},2015-Q4,3000.00`) });
    expect(before.r.status, before.r.stderr).toBe(0);
    expect(before.r.stderr).toBe(creditLine(before.text, { carried: '0.00' }));
    expect(before.rows.map((l) => l.split(',')[11])).toEqual(['', '', '', '', '', '']);
    const across = report({ surcharges: csv('enterprise_id,period,vat', `${A},2016-01,3000.00`, `${A},2016-02,3000.00`) });
    expect(across.r.status).toBe(1);
    expect(across.rows.map((l) => `${l.split(',')[1]} ${l.split(',')[11]}`)).toEqual(['2016-01 ', '2016-01 ', '2016-02 sales_missing', '2016-02 sales_missing']);
    expect(across.r.stderr).toBe(`warning: ${A} 2016-02: sales_missing\n${creditLine(across.text, { carried: '0.00' })}`);
  });

  it('paid above what is due: payable 0.00, the difference in overpaid, note overpaid on that fee, exit 1 with a warning line', () => {
    const files = {
      surcharges: csv('enterprise_id,period,vat,sales,paid_edu,paid_local', `${A},2024-05,100000.00,${SALES_M},3500.00,2000.00`, `${A},2024-06,100000.00,${SALES_M},3000.00,2000.01`),
    };
    const { r, rows, text } = report(files);
    expect(r.status, r.stderr).toBe(1);
    expect(rows).toEqual([
      `${A},2024-05,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,0.00,3500.00,0.00,overpaid,0.00,500.00`,
      // paid exactly what is due: nothing payable, nothing overpaid, no note
      `${A},2024-05,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,0.00,2000.00,0.00,,0.00,0.00`,
      `${A},2024-06,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,0.00,3000.00,0.00,,0.00,0.00`,
      `${A},2024-06,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,0.00,2000.01,0.00,overpaid,0.00,0.01`,
    ]);
    expect(r.stderr).toBe(`warning: ${A} 2024-05: overpaid\nwarning: ${A} 2024-06: overpaid\n${creditLine(text, { carried: '0.00' })}`);
    expect(r.stderr).toMatch(/, total overpaid 500\.01, pool carried forward 0\.00, warnings 2\n$/);
    const { args } = inputs(files);
    const json = skilltax([...args, '--format', 'json', '--quiet']);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as Record<string, string>[]).map((x) => [x.payable, x.overpaid, x.notes])).toEqual([
      ['0.00', '500.00', 'overpaid'],
      ['0.00', '0.00', ''],
      ['0.00', '0.00', ''],
      ['0.00', '0.01', 'overpaid'],
    ]);
  });

  it('paid exactly what is due (after a credit): payable 0.00, overpaid 0.00, no note, exit 0', () => {
    // RULES §2.5 first check: credits 1,800.00 and 1,200.00 leave 1,200.00 and 800.00, paid in full
    const { r, rows, text } = report({
      surcharges: csv('enterprise_id,period,vat,sales,paid_edu,paid_local', `${A},2024-01,100000.00,${SALES_M},1200.00,800.00`),
      training: csv('enterprise_id,date,category,amount', `${A},2024-01-15,pcie_investment,10000.00`),
      qualifications: QUALIFICATIONS,
    });
    expect(r.status, r.stderr).toBe(0);
    // 3,000.00 added to the pool, all of it used
    expect(r.stderr).toBe(creditLine(text, { carried: '0.00' }));
    expect(rows).toEqual([
      `${A},2024-01,education_surcharge,100000.00,0.03,3000.00,0.00,0.00,1800.00,1200.00,0.00,,0.00,0.00`,
      `${A},2024-01,local_education_surcharge,100000.00,0.02,2000.00,0.00,0.00,1200.00,800.00,0.00,,0.00,0.00`,
    ]);
  });
});

describe('validate and run with surcharges.csv', () => {
  it('validate --kind surcharges lists the overlaps and bad periods (exit 1); the kind is inferred from surcharges.csv', () => {
    const overlap = `${FX}/credit-overlap/surcharges.csv`;
    const bad = `${FX}/credit-bad-period/surcharges.csv`;
    for (const args of [['validate', '--kind', 'surcharges', overlap, bad], ['validate', overlap, bad]]) {
      const r = skilltax(args);
      expect(r.status, r.stderr).toBe(1);
      expect(where(problems(r.stdout))).toEqual([
        [overlap, 3, 2, '2024-02'],
        [overlap, 6, 2, '2024-03'],
        [bad, 3, 3, '2024-13'],
        [bad, 4, 3, '2024'],
        [bad, 5, 3, '2024-Q5'],
        [bad, 6, 3, 'Q1-2024'],
      ]);
      expect(r.stderr).toBe(`${overlap} (surcharges): 2 problems\n${bad} (surcharges): 4 problems\n`);
    }
  });

  it('validate: a clean surcharges file is ok (exit 0), also named surcharges-2024.csv', () => {
    const dir = tempDir();
    const named = write(dir, 'surcharges-2024.csv', SURCHARGES);
    const r = skilltax(['validate', surcharges, named]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${surcharges} (surcharges): ok\n${named} (surcharges): ok\n`);
  });

  it('validate --format csv: file,line,column,value,message', () => {
    const overlap = `${FX}/credit-overlap/surcharges.csv`;
    const r = skilltax(['validate', '--format', 'csv', overlap]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('file,line,column,value,message');
    expect(r.stdout).toContain(`${overlap},3,2,2024-02,${A}: period 2024-02 overlaps 2024-Q1 on line 2 (a month inside a quarter it also filed)`);
  });

  it('run DIR with surcharges.csv, training.csv and qualifications.csv (no payroll): credits.csv, ledger.csv, summary.csv', () => {
    const dir = tempDir();
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    copyFileSync(surcharges, join(inDir, 'surcharges.csv'));
    copyFileSync(training, join(inDir, 'training.csv'));
    copyFileSync(qualifications, join(inDir, 'qualifications.csv'));
    const r = skilltax(['run', inDir]);
    expect(r.status, r.stderr).toBe(0);
    const outDir = join(inDir, 'out');
    expect(readdirSync(outDir).sort()).toEqual(['credits.csv', 'ledger.csv', 'report.html', 'summary.csv', 'summary.json']);
    expect(readFileSync(join(outDir, 'credits.csv'), 'utf8')).toBe(REPORT);
    expect(readFileSync(join(outDir, 'ledger.csv'), 'utf8')).toBe(csv(LEDGER_HEADER, ...LEDGER_ROWS));
    const summary = readFileSync(join(outDir, 'summary.csv'), 'utf8');
    expect(summary).toContain('pcie_credit,periods,2024-01 to 2024-06');
    expect(summary).toContain('pcie_credit,enterprises,2');
    expect(summary).toContain('pcie_credit,rows,5');
    expect(summary).toContain('pcie_credit,total_credit,9000.00'); // 3,000 + 5,000 + 1,000
    expect(summary).toContain('pcie_credit,warnings,0');
    expect(summary).not.toContain('education_expense');
    // the run's summary is on standard error; standard output stays empty
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('产教融合 credit against the education surcharges');
  });

  it('run DIR with surcharges.csv alone: every period computed, no credit (nothing invested)', () => {
    const dir = tempDir();
    write(dir, 'surcharges.csv', SURCHARGES);
    const outDir = join(dir, 'reports');
    const r = skilltax(['run', dir, '--out', outDir, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(outDir).sort()).toEqual(['credits.csv', 'ledger.csv', 'report.html', 'summary.csv', 'summary.json']);
    const report = readFileSync(join(outDir, 'credits.csv'), 'utf8').split('\n').slice(1, -1);
    expect(report).toHaveLength(10);
    expect(report.every((l) => l.split(',')[8] === '0.00')).toBe(true);
  });

  it('run DIR: a warning of the credit makes the exit status 1, with the reports written', () => {
    const dir = tempDir();
    write(dir, 'surcharges.csv', csv('enterprise_id,period,vat,sales', `${C},2024-05,100.00,10000000.00`));
    write(dir, 'training.csv', csv('enterprise_id,date,category,amount', `${C},2024-05-02,pcie_investment,100.00`));
    const r = skilltax(['run', dir]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`warning: ${C} 2024-05: not_pilot`);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['credits.csv', 'ledger.csv', 'report.html', 'summary.csv', 'summary.json']);
  });

  it('run DIR: a bad surcharges.csv refuses the whole run, nothing written', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, FX, 'credit-overlap', 'surcharges.csv'), join(dir, 'surcharges.csv'));
    const r = skilltax(['run', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/surcharges\.csv:3:2: .*overlaps 2024-Q1/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
