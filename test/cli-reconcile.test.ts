/**
 * skilltax reconcile (CONTRACT §8): recompute and compare every declared amount column; one row
 * per difference (declared − computed); exit 1 when any, 0 when none, 2 refused. Runs the built CLI.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { expectRefused, problems, requireBuild, skilltax, where } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';

const tempDir = tempDirs('skilltax-reconcile-');
const A = '91330282MA2B000016';
const B = '91330282MA2B000029';
const HEADER = 'enterprise_id,year,column,declared,computed,difference,period,fee,limit';

let dir: string;
let base: string[];
beforeAll(() => {
  requireBuild();
  dir = tempDir();
  // RULES §1.4 cases A and B for A (2018, 2019), the 2.5% example for B (2011, 2012)
  write(dir, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2018,1000000`, `${A},2019,1000000`, `${B},2011,1000`, `${B},2012,5000`));
  write(dir, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2018-03-01,education,100000`, `${A},2019-03-01,education,30000`, `${B},2011-05-01,education,100`, `${B},2012-05-01,education,20`));
  base = ['reconcile', '--payroll', join(dir, 'payroll.csv'), '--training', join(dir, 'training.csv')];
});

const reconcile = (declared: string, extra: string[] = []) => skilltax([...base, '--declared', write(tempDir(), 'declared.csv', declared), ...extra]);

describe('reconcile deductions', () => {
  it('every declared amount agrees: the header alone, exit 0', () => {
    const r = reconcile(csv('enterprise_id,year,deductible,adjustment,carry_out', `${A},2018,80000.00,20000.00,20000.00`, `${A},2019,50000.00,-20000.00,0.00`, `${B},2012,95.00,-75.00,0.00`));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(csv(HEADER));
    expect(r.stderr).toBe('reconcile: every declared amount agrees\n');
  });

  it('one row per differing amount, difference = declared − computed, exit 1; undeclared columns are not compared', () => {
    const r = reconcile(csv('enterprise_id,year,wages,deductible,carry_out', `${A},2019,1000000,40000,10000.00`, `${B},2011,1000.00,25.00,`));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(csv(HEADER, `${A},2019,deductible,40000.00,50000.00,-10000.00,,,`, `${A},2019,carry_out,10000.00,0.00,10000.00,,,`));
    expect(r.stderr).toBe('reconcile: 2 amounts differ, in 1 declaration\n');
  });

  it('a declared year with nothing computed shows an empty computed and the whole amount as the difference', () => {
    const r = reconcile(csv('enterprise_id,year,deductible', `${B},2010,10.00`));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(csv(HEADER, `${B},2010,deductible,10.00,,10.00,,,`));
  });

  it('the declared file may use the Chinese headers of deductions.csv, in GB18030', () => {
    const text = csv('纳税人识别号,税款所属年度,税收金额,纳税调整金额', `${A},2018,80000.00,19999.99`);
    const f = write(tempDir(), '申报.csv', iconv.encode(text, 'gb18030'));
    const r = skilltax([...base, '--declared', f, '--header', 'zh']);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('纳税人识别号,年度,项目,申报金额,计算金额,差额,税款所属期,征收品目,超出限额');
    expect(r.stdout.split('\n')[1]).toBe(`${A},2018,adjustment,19999.99,20000.00,-0.01,,,`);
  });

  it('--out writes the differences atomically and prints nothing', () => {
    const d = tempDir();
    const out = join(d, 'differences.csv');
    const r = skilltax([...base, '--declared', write(d, 'declared.csv', csv('enterprise_id,year,deductible', `${A},2018,1.00`)), '--out', out, '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('refuses a second declaration of one enterprise-year, and bad amounts, with FILE:LINE:COLUMN', () => {
    const f = write(tempDir(), 'declared.csv', csv('enterprise_id,year,deductible', `${A},2018,1.00`, `${A},2018,2.00`, `${B},2011,1.234`));
    const r = expectRefused([...base, '--declared', f], [{ flag: '--out', name: 'differences.csv', pre: 'before\n' }]);
    expect(where(problems(r.stderr))).toEqual([
      [f, 3, 2, undefined],
      [f, 4, 3, '1.234'],
    ]);
  });

  it('--declared without --payroll and --training, or nothing to reconcile, is a usage error', () => {
    const f = write(tempDir(), 'declared.csv', csv('enterprise_id,year,deductible', `${A},2018,1.00`));
    expect(skilltax(['reconcile', '--declared', f]).status).toBe(2);
    expect(skilltax(['reconcile', '--payroll', join(dir, 'payroll.csv'), '--training', join(dir, 'training.csv')]).status).toBe(2);
  });
});

describe('reconcile credits (--declared-credits --surcharges)', () => {
  it('compares by enterprise, period and fee (RULES §2.5: investment 10,000 → credits 1,800.00 and 1,200.00)', () => {
    const d = tempDir();
    const s = write(d, 'surcharges.csv', csv('enterprise_id,period,vat,sales', `${A},2024-01,100000.00,1000000.00`));
    const t = write(d, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2024-01-15,pcie_investment,10000`));
    const q = write(d, 'qualifications.csv', csv('enterprise_id,qualification,valid_from', `${A},pcie_pilot,2020-01-01`));
    const declared = write(
      d,
      'declared-credits.csv',
      csv('enterprise_id,period,fee,credit,payable', `${A},2024-01,education_surcharge,1800.00,1200.00`, `${A},2024-01,地方教育附加,1300.00,700.00`),
    );
    const r = skilltax(['reconcile', '--declared-credits', declared, '--surcharges', s, '--training', t, '--qualifications', q]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      csv(
        HEADER,
        `${A},2024,credit,1300.00,1200.00,100.00,2024-01,local_education_surcharge,"credits together 3100.00, above the pool available 3000.00"`,
        `${A},2024,payable,700.00,800.00,-100.00,2024-01,local_education_surcharge,`,
      ),
    );
    expect(skilltax(['validate', declared]).status).toBe(0);
  });
});

describe('#10 items 7 and 8: the taxpayer’s split of the credit, and a tolerance', () => {
  const setup = () => {
    const d = tempDir();
    // RULES §2.5: investment 10,000 → available 3,000; due 3,000.00 and 2,000.00
    const s = write(d, 'surcharges.csv', csv('enterprise_id,period,vat,sales', `${A},2024-01,100000.00,1000000.00`));
    const t = write(d, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2024-01-15,pcie_investment,10000`));
    const q = write(d, 'qualifications.csv', csv('enterprise_id,qualification,valid_from', `${A},pcie_pilot,2020-01-01`));
    const run = (...rows: string[]) =>
      skilltax(['reconcile', '--declared-credits', write(d, 'declared-credits.csv', csv('enterprise_id,period,fee,credit,payable', ...rows)), '--surcharges', s, '--training', t, '--qualifications', q]);
    return run;
  };

  it('a split other than the proportional one, within both limits and with the same total, is accepted (RULES §2.4)', () => {
    const run = setup();
    const r = run(`${A},2024-01,education_surcharge,2500.00,500.00`, `${A},2024-01,local_education_surcharge,500.00,1500.00`);
    expect(r.stdout).toBe(csv(HEADER));
    expect(r.status).toBe(0);
  });

  it('each fee’s payable is checked against the declared split', () => {
    const run = setup();
    const r = run(`${A},2024-01,education_surcharge,2500.00,600.00`, `${A},2024-01,local_education_surcharge,500.00,1500.00`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(csv(HEADER, `${A},2024,payable,600.00,500.00,100.00,2024-01,education_surcharge,`));
  });

  it('a fee’s credit above what remains of it breaks a limit: compared fee by fee, the limit named', () => {
    const run = setup();
    // local 2,100.00 > its remaining 2,000.00 (the total still 3,000.00)
    const r = run(`${A},2024-01,education_surcharge,900.00,2100.00`, `${A},2024-01,local_education_surcharge,2100.00,0.00`);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(`${A},2024,credit,2100.00,1200.00,900.00,2024-01,local_education_surcharge,credit above the fee's remaining 2000.00 (due − exemption − reduction)`);
    expect(lines).toContain(`${A},2024,credit,900.00,1800.00,-900.00,2024-01,education_surcharge,`);
  });

  it('a total below the computed one is a difference of the credit', () => {
    const run = setup();
    const r = run(`${A},2024-01,education_surcharge,1800.00,1200.00`, `${A},2024-01,local_education_surcharge,1100.00,900.00`);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${A},2024,credit,1100.00,1200.00,-100.00,2024-01,local_education_surcharge,`);
  });

  it('--tolerance: a difference of exactly the tolerance is not reported, one fen more is', () => {
    const within = reconcile(csv('enterprise_id,year,adjustment', `${A},2018,19999.99`), ['--tolerance', '0.01']);
    expect(within.status).toBe(0);
    expect(within.stdout).toBe(csv(HEADER));
    const beyond = reconcile(csv('enterprise_id,year,adjustment', `${A},2018,19999.98`), ['--tolerance', '0.01']);
    expect(beyond.status).toBe(1);
    expect(beyond.stdout).toBe(csv(HEADER, `${A},2018,adjustment,19999.98,20000.00,-0.02,,,`));
  });

  it('--tolerance takes an amount: anything else is a usage error', () => {
    const r = reconcile(csv('enterprise_id,year,adjustment', `${A},2018,19999.99`), ['--tolerance', 'a fen']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('skilltax: --tolerance takes an amount in yuan, 0 or more, e.g. 0.01 (got "a fen")\n');
  });

  it('payroll rows before 2008 do not stop the comparison of later years (no deduction exists before 2008)', () => {
    const d = tempDir();
    const p = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2007,1000000`, `${A},2018,1000000`));
    const t = write(d, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2018-03-01,education,100000`));
    const r = skilltax(['reconcile', '--declared', write(d, 'declared.csv', csv('enterprise_id,year,deductible', `${A},2018,80000.00`)), '--payroll', p, '--training', t]);
    expect(r.stderr).toBe('reconcile: every declared amount agrees\n');
    expect(r.status).toBe(0);
  });
});
