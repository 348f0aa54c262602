/**
 * One end-to-end test per error message class (CONTRACT §1): exit status 2, every problem of a
 * file listed as FILE:LINE:COLUMN: message (got "value") up to --max-errors, and nothing
 * written — a pre-existing --out file keeps its bytes, --ledger-out stays absent, and no
 * temporary file is left behind. Runs the built CLI (dist/, built by `npm test`'s pretest).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, problems, requireBuild, skilltax, where, type CliResult } from './helpers/cli.js';
import { tempDirs } from './helpers/files.js';

const FX = 'fixtures/errors';
const A = '91330282MA2B000016';
const B = '91330282MA2B000029';
const PREVIOUS = 'enterprise_id,year\nprevious report: must survive a refused run\n';

/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs();

beforeAll(requireBuild);

/** Runs a command that must be refused, with --out over an existing file and --ledger-out to a new one. */
const refused = (args: string[], opts: { input?: string } = {}): CliResult =>
  expectRefused(args, [{ flag: '--out', name: 'deductions.csv', pre: PREVIOUS }, { flag: '--ledger-out', name: 'ledger-out.csv' }], opts);

const deductArgs = (c: string, extra: string[] = []) => ['deduct', '--payroll', `${FX}/${c}/payroll.csv`, '--training', `${FX}/${c}/training.csv`, ...extra];

describe('invalid input: exit 2, every problem listed as FILE:LINE:COLUMN, nothing written', () => {
  it('bad amount: more than 2 decimals, or text (payroll and training both reported)', () => {
    const r = refused(deductArgs('bad-amount'));
    const ps = problems(r.stderr);
    // files in command-line order (--payroll, then --training)
    expect(where(ps)).toEqual([
      [`${FX}/bad-amount/payroll.csv`, 3, 3, '1234.567'],
      [`${FX}/bad-amount/payroll.csv`, 5, 3, '一千元'],
      [`${FX}/bad-amount/payroll.csv`, 6, 3, '12.5.0'],
      // the training record on lines 2–3 spans two physical lines: the next one starts on line 4
      [`${FX}/bad-amount/training.csv`, 4, 4, '800.001'],
      [`${FX}/bad-amount/training.csv`, 5, 5, 'n/a'],
    ]);
    expect(ps[0]!.message).toMatch(/^wages: .*2 decimals/);
    expect(ps[1]!.message).toMatch(/^wages: not an amount/);
    expect(ps[2]!.message).toMatch(/^wages: not an amount/);
    expect(ps[3]!.message).toMatch(/^amount: .*2 decimals/);
    expect(ps[4]!.message).toMatch(/^incurred: not an amount/);
    // "1,234.56" and "¥1000.00" are accepted amounts, so lines 2 and 4 are not reported
    expect(r.stderr).toMatch(/5 problems in the input; nothing was written/);
  });

  it('bad date: not a date, or not a calendar date (training and qualifications)', () => {
    const r = refused(deductArgs('bad-date', ['--qualifications', `${FX}/bad-date/qualifications.csv`]));
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [`${FX}/bad-date/training.csv`, 2, 2, '2023-02-30'],
      [`${FX}/bad-date/training.csv`, 4, 2, '2023.03.01'],
      [`${FX}/bad-date/training.csv`, 5, 2, '20230431'],
      [`${FX}/bad-date/qualifications.csv`, 2, 3, '2023-13-01'],
    ]);
    expect(ps[0]!.message).toMatch(/^date: not a calendar date/);
    expect(ps[1]!.message).toMatch(/^date: not a date: .*YYYY-MM-DD/);
    expect(ps[2]!.message).toMatch(/^date: not a calendar date/);
    expect(ps[3]!.message).toMatch(/^valid_from: .*date/);
  });

  it('enterprise_id: wrong check character, forbidden character, wrong length (column found by header, not position)', () => {
    const r = refused(deductArgs('bad-check'));
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [`${FX}/bad-check/payroll.csv`, 2, 2, '91330282MA2B000017'],
      [`${FX}/bad-check/payroll.csv`, 4, 2, '91330282MA2B00001I'],
      [`${FX}/bad-check/payroll.csv`, 5, 2, '9133028MA2B00001'],
    ]);
    expect(ps[0]!.message).toMatch(/^enterprise_id: .*check character.*"6"/);
    expect(ps[1]!.message).toMatch(/^enterprise_id: .*"I"/);
    expect(ps[2]!.message).toMatch(/^enterprise_id: .*18 characters/);
  });

  it('missing required column: names the column and every accepted name, Chinese aliases included', () => {
    const r = refused(deductArgs('missing-column'));
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [`${FX}/missing-column/payroll.csv`, 1, 1, undefined],
      [`${FX}/missing-column/training.csv`, 1, 1, undefined],
      [`${FX}/missing-column/training.csv`, 1, 1, undefined],
    ]);
    expect(ps[0]!.message).toMatch(/missing required column "wages"/);
    for (const name of ['wages', '工资薪金', '应发工资', '工资总额', '应发合计']) expect(ps[0]!.message).toContain(name);
    // net pay is never the wage base (CONTRACT §2)
    expect(ps[0]!.message).not.toContain('实发');
    expect(ps[1]!.message).toMatch(/"category"/);
    expect(ps[1]!.message).toContain('类别');
    expect(ps[2]!.message).toMatch(/"amount"/);
    expect(ps[2]!.message).toContain('账载金额');
  });

  it('unknown category: lists the accepted categories with their Chinese labels', () => {
    const r = refused(deductArgs('unknown-category'));
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [`${FX}/unknown-category/training.csv`, 3, 3, 'bogus'],
      [`${FX}/unknown-category/training.csv`, 5, 3, '培训费'],
    ]);
    for (const p of ps) {
      expect(p.message).toMatch(/^category: /);
      for (const name of ['education', '职工教育经费', 'full_training', 'pcie_investment']) expect(p.message).toContain(name);
    }
  });

  it('inconsistent ledger: closing ≠ opening + added − used, and a broken year-to-year chain', () => {
    const r = refused(deductArgs('ledger-inconsistent', ['--ledger', `${FX}/ledger-inconsistent/ledger.csv`]));
    const ps = problems(r.stderr);
    const f = `${FX}/ledger-inconsistent/ledger.csv`;
    expect(where(ps)).toEqual([
      [f, 3, 7, '4500.00'],
      [f, 4, 4, '4000.00'],
      [f, 6, 4, '90.00'],
    ]);
    expect(ps[0]!.message).toMatch(/closing does not equal opening \+ added − used.*4000\.00/);
    expect(ps[1]!.message).toMatch(/chain is broken.*2022.*2021.*4500\.00/);
    expect(ps[2]!.message).toMatch(/chain is broken.*2022.*2021.*100\.00/);
  });

  it('ledger conflict: refused without --force; with --force the later rows are dropped and stderr says so', () => {
    const ledger = `${FX}/ledger-conflict/ledger.csv`;
    const args = deductArgs('ledger-conflict', ['--ledger', ledger, '--year', '2023']);
    const r = refused(args);
    expect(r.stderr).toContain(`ledger conflict for ${A}`);
    expect(r.stderr).toMatch(/2023 is 21000\.00/); // the recomputed carry out…
    expect(r.stderr).toMatch(/2024 row.*opens with 1000\.00/); // …against the ledger's next row
    expect(r.stderr).toContain('--force');
    expect(r.stderr).not.toContain(B); // B's later row still matches

    const dir = tempDir();
    const out = join(dir, 'deductions.csv');
    const ledgerOut = join(dir, 'ledger.csv');
    const f = skilltax([...args, '--force', '--out', out, '--ledger-out', ledgerOut]);
    expect(f.status, f.stderr).toBe(0);
    expect(f.stderr).toMatch(new RegExp(`dropped ledger row ${A} education_expense 2024`));
    expect(f.stderr).toMatch(new RegExp(`dropped ledger row ${A} education_expense 2025`));
    expect(readFileSync(ledgerOut, 'utf8')).toBe(
      [
        'enterprise_id,kind,period,opening,added,used,closing',
        `${A},education_expense,2022,,,,1000.00`,
        `${A},education_expense,2023,1000.00,100000.00,80000.00,21000.00`,
        `${B},education_expense,2023,0.00,20000.00,20000.00,0.00`,
        `${B},education_expense,2024,0.00,0.00,0.00,0.00`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(out, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
    expect(readdirSync(dir).sort()).toEqual(['deductions.csv', 'ledger.csv']);
  });

  it('a year before 2008 is refused with a clear message (from the data, or asked for)', () => {
    for (const extra of [[], ['--year', '2007'], ['--from', '2007', '--to', '2008']]) {
      const r = refused(deductArgs('year-2007', extra));
      expect(r.stderr).toMatch(/year 2007 is not supported/);
      expect(r.stderr).toMatch(/2008/);
    }
    const ok = skilltax(deductArgs('year-2007', ['--from', '2008']));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`${A},2008,1000.00,0.025,25.00,`);
  });
});

describe('unusable arguments: exit 2, nothing written', () => {
  it('--rules: unknown key, malformed value, not JSON, missing file', () => {
    const cases: [string, RegExp][] = [
      ['unknown-key.json', /unknown parameter "eit\.education_expense\.ratex"/],
      ['bad-value.json', /"eit\.education_expense\.rate"\[0\]\.value: .*rate.*\(got "8%"\)/],
      ['not-json.json', /not valid JSON/],
      ['no-such-rules.json', /no-such-rules\.json/],
    ];
    for (const [file, message] of cases) {
      const path = `${FX}/rules/${file}`;
      const r = refused(deductArgs('rules', ['--rules', path]));
      expect(r.stderr).toContain(path);
      expect(r.stderr).toMatch(message);
      const listed = skilltax(['rules', '--rules', path]);
      expect(listed.status).toBe(2);
      expect(listed.stdout).toBe('');
      expect(listed.stderr).toMatch(message);
    }
  });

  it('--max-errors limits the list per file (default 100) and says more were not shown', () => {
    const all = refused(deductArgs('many-errors'));
    const ps = problems(all.stderr);
    expect(ps).toHaveLength(100);
    expect(ps.map((p) => p.line)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(ps.every((p) => p.column === 3 && /^wages: not an amount/.test(p.message))).toBe(true);
    expect(all.stderr).toMatch(/more not shown: raise --max-errors/);

    const five = refused(deductArgs('many-errors', ['--max-errors', '5']));
    expect(where(problems(five.stderr))).toEqual([2, 3, 4, 5, 6].map((l) => [`${FX}/many-errors/payroll.csv`, l, 3, `x${l - 1}`]));
    expect(five.stderr).toMatch(/more not shown/);

    const many = refused(deductArgs('many-errors', ['--max-errors', '500']));
    expect(problems(many.stderr)).toHaveLength(120);
    expect(many.stderr).not.toMatch(/more not shown/);

    for (const bad of ['0', 'ten', '-1']) {
      const r = refused(deductArgs('many-errors', [`--max-errors=${bad}`]));
      expect(r.stderr).toMatch(/--max-errors/);
      expect(problems(r.stderr)).toHaveLength(0);
    }
  });

  it('--year together with --from or --to', () => {
    for (const extra of [['--year', '2023', '--from', '2022'], ['--year', '2023', '--to', '2024']]) {
      const r = refused(deductArgs('ledger-conflict', extra));
      expect(r.stderr).toMatch(/--year.*--from.*not both/);
    }
    const r = refused(deductArgs('ledger-conflict', ['--year', '23']));
    expect(r.stderr).toMatch(/--year takes a year YYYY \(got "23"\)/);
  });

  it('unknown option or command', () => {
    const r = refused(deductArgs('ledger-conflict', ['--bogus']));
    expect(r.stderr).toMatch(/unknown option '--bogus'/);
    const c = skilltax(['bogus']);
    expect(c.status).toBe(2);
    expect(c.stderr).toMatch(/unknown command 'bogus'/);
    const g = skilltax(['--bogus', 'rules']);
    expect(g.status).toBe(2);
    expect(g.stdout).toBe('');
  });

  it('missing input file, a folder given as a file, two inputs from standard input', () => {
    const r = refused(['deduct', '--payroll', `${FX}/nowhere/payroll.csv`, '--training', `${FX}/bad-check/training.csv`]);
    expect(r.stderr).toMatch(new RegExp(`${FX}/nowhere/payroll\\.csv: no such file`));
    const d = refused(['deduct', '--payroll', `${FX}/bad-check`, '--training', `${FX}/bad-check/training.csv`]);
    expect(d.stderr).toMatch(/bad-check: is a folder/);
    const s = refused(['deduct', '--payroll', '-', '--training', '-'], { input: '' });
    expect(s.stderr).toMatch(/only one input can be read from standard input/);
    const v = skilltax(['validate', `${FX}/nowhere/payroll.csv`]);
    expect(v.status).toBe(2);
    expect(v.stderr).toMatch(/no such file/);
  });
});
