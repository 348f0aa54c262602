/**
 * Where each command prints what (issue #8 item 16), one rule for deduct, credit, subsidy and run:
 * the report on standard output, and only when there is no --out; the summary, warnings and notes
 * on standard error, the summary last for deduct and credit (run prints its summary, then the
 * warnings and notes); --explain prints the account on standard output and the summary still on
 * standard error; --quiet prints nothing on standard error for a clean run, and when warnings make
 * the exit status 1, exactly one line saying how many. Runs the built CLI on small inputs written
 * to temporary folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, ROOT, skilltax } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';
import { creditLine, deductLine, quietLine, runSummary } from './helpers/summary.js';

const A = '91330282MA2B000016';
const B = '91330282MA2B000029';
const C = '91330282MA2B00003C';
/** 张三, a man born 1990-03-15 */
const P1 = '330282199003151238';

const tempDir = tempDirs('skilltax-streams-');

// deduct: A 80,000.00 of 100,000.00 (20,000.00 carried), B 10,000.00 of 10,000.00
const PAYROLL = csv('enterprise_id,period,wages', `${A},2023,1000000.00`, `${B},2023,500000.00`);
const TRAINING = csv('enterprise_id,date,category,amount', `${A},2023-03-01,education,100000.00`, `${B},2023-05-01,education,10000.00`);
const DEDUCT_LINE = 'deduct: years 2023, enterprises 2, enterprise-years 2, total deductible 90000.00, total carried forward 20000.00, warnings 0\n';
// …and two warnings: A full_training_unqualified (no qualifications), C no_wages (no payroll)
const TRAINING_WARNED = csv(
  'enterprise_id,date,category,amount',
  `${A},2023-03-01,education,100000.00`,
  `${B},2023-05-01,education,10000.00`,
  `${C},2023-03-01,education,5000.00`,
  `${A},2023-06-01,full_training,1000.00`,
);
const DEDUCT_WARNINGS = `warning: ${A} 2023: full_training_unqualified\nwarning: ${C} 2023: no_wages\n`;
const DEDUCT_WARNED_LINE = 'deduct: years 2023, enterprises 3, enterprise-years 3, total deductible 90000.00, total carried forward 26000.00, warnings 2\n';

// credit: A monthly, sales above the exemption thresholds, nothing invested
const SURCHARGES = csv('enterprise_id,period,vat,sales', `${A},2024-01,100000.00,10000000.00`, `${A},2024-02,100000.00,10000000.00`);
const CREDIT_LINE =
  'credit: periods 2024-01 to 2024-02, enterprises 1, enterprise-periods 2, total due 10000.00, total credit 0.00, total payable 10000.00, total overpaid 0.00, pool carried forward 0.00, warnings 0\n';
// …and one warning: 2024-02 without its sales figure (sales_missing)
const SURCHARGES_WARNED = csv('enterprise_id,period,vat,sales', `${A},2024-01,100000.00,10000000.00`, `${A},2024-02,100000.00,`);
const CREDIT_WARNINGS = `warning: ${A} 2024-02: sales_missing\n`;

// subsidy: C1 中级工 1,500.00 (fixtures/catalog-example.csv); C2 the same occupation and level again: ineligible
const CATALOG = join(ROOT, 'fixtures', 'catalog-example.csv');
const TRAINEES = csv(
  'claim_id,person_id,name,program,group,claim_date,enterprise_id,occupation,level,certificate_type,certificate_no,certificate_date,route,insured_months,contract_months,months',
  `C1,${P1},张三,training,employee,2024-04-01,${A},电工,4,skill_level,ZS-001,2024-03-01,standard,,,`,
  `C2,${P1},张三,skill_upgrade,employee,2024-05-01,${A},电工,4,skill_level,ZS-002,2024-04-15,,24,,`,
);
const SUBSIDY_LINE = 'subsidy: 2 claims of 1 person, 1 eligible, 1 ineligible, amount 1500.00\n';

let dir: string;
beforeAll(() => {
  requireBuild();
  dir = tempDir();
  write(dir, 'payroll.csv', PAYROLL);
  write(dir, 'training.csv', TRAINING);
  write(dir, 'training-warned.csv', TRAINING_WARNED);
  write(dir, 'surcharges.csv', SURCHARGES);
  write(dir, 'surcharges-warned.csv', SURCHARGES_WARNED);
  write(dir, 'trainees.csv', TRAINEES);
});

const deduct = (training = 'training.csv') => ['deduct', '--payroll', join(dir, 'payroll.csv'), '--training', join(dir, training)];
const credit = (surcharges = 'surcharges.csv') => ['credit', '--surcharges', join(dir, surcharges)];
const subsidy = () => ['subsidy', '--trainees', join(dir, 'trainees.csv'), '--catalog', CATALOG];
/** An --out path in a fresh folder. */
const outFile = (name: string) => join(tempDir(), name);

describe('deduct', () => {
  it('without --out: the report on standard output, the summary line alone on standard error', () => {
    const r = skilltax(deduct());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('enterprise_id,year,wages,')).toBe(true);
    expect(r.stdout.split('\n')).toHaveLength(4);
    expect(r.stderr).toBe(DEDUCT_LINE);
    expect(r.stderr).toBe(deductLine(r.stdout));
  });

  it('--format json without --out: the JSON report on standard output, the summary line on standard error', () => {
    const r = skilltax([...deduct(), '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { enterprise_id: string }[]).map((x) => x.enterprise_id)).toEqual([A, B]);
    expect(r.stderr).toBe(DEDUCT_LINE);
  });

  it('with --out: nothing on standard output, the report in the file, the summary line on standard error', () => {
    const out = outFile('deductions.csv');
    const r = skilltax([...deduct(), '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(skilltax(deduct()).stdout);
    expect(r.stderr).toBe(DEDUCT_LINE);
  });

  it('--quiet, a clean run: nothing at all on standard error, with or without --out', () => {
    const plain = skilltax([...deduct(), '--quiet']);
    expect([plain.status, plain.stderr]).toEqual([0, '']);
    expect(plain.stdout.startsWith('enterprise_id,year,')).toBe(true);
    const out = skilltax([...deduct(), '--quiet', '--out', outFile('deductions.csv')]);
    expect([out.status, out.stdout, out.stderr]).toEqual([0, '', '']);
  });

  it('warnings: one line each, then the summary line last; exit 1, the report still on standard output', () => {
    const r = skilltax(deduct('training-warned.csv'));
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toHaveLength(5);
    expect(r.stderr).toBe(DEDUCT_WARNINGS + DEDUCT_WARNED_LINE);
    expect(r.stderr).toBe(DEDUCT_WARNINGS + deductLine(r.stdout));
  });

  it('--quiet with warnings: exactly one line saying how many made the exit status 1; exit 1', () => {
    const r = skilltax([...deduct('training-warned.csv'), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('skilltax: 2 warnings made the exit status 1 (run without --quiet to see them)\n');
    expect(r.stderr).toBe(quietLine(2));
    expect(r.stdout.startsWith('enterprise_id,year,')).toBe(true);
    const out = skilltax([...deduct('training-warned.csv'), '--quiet', '--out', outFile('deductions.csv')]);
    expect([out.status, out.stdout, out.stderr]).toEqual([1, '', quietLine(2)]);
  });

  it('--explain: the account on standard output, the summary line still on standard error', () => {
    const r = skilltax([...deduct(), '--explain', A]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`for ${A}`);
    expect(r.stdout).not.toContain('enterprise_id,year');
    expect(r.stderr).toBe(DEDUCT_LINE);
    // with --quiet nothing on standard error; with warnings the one line
    expect(skilltax([...deduct(), '--explain', A, '--quiet']).stderr).toBe('');
    const warned = skilltax([...deduct('training-warned.csv'), '--explain', A, '--quiet']);
    expect([warned.status, warned.stderr]).toEqual([1, quietLine(2)]);
    expect(warned.stdout).toContain(`for ${A}`);
  });
});

describe('credit', () => {
  it('without --out: the report on standard output, the summary line alone on standard error', () => {
    const r = skilltax(credit());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('enterprise_id,period,fee,')).toBe(true);
    expect(r.stdout.split('\n')).toHaveLength(6);
    expect(r.stderr).toBe(CREDIT_LINE);
    expect(r.stderr).toBe(creditLine(r.stdout, { carried: '0.00' }));
  });

  it('with --out (and --ledger-out): nothing on standard output, the summary line on standard error', () => {
    const out = outFile('credits.csv');
    const ledger = join(tempDir(), 'ledger.csv');
    const r = skilltax([...credit(), '--out', out, '--ledger-out', ledger]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(CREDIT_LINE);
    expect(r.stderr).toBe(creditLine(readFileSync(out, 'utf8'), { ledger: readFileSync(ledger, 'utf8') }));
  });

  it('--quiet, a clean run: nothing at all on standard error, with or without --out', () => {
    const plain = skilltax([...credit(), '--quiet']);
    expect([plain.status, plain.stderr]).toEqual([0, '']);
    expect(plain.stdout.startsWith('enterprise_id,period,fee,')).toBe(true);
    const out = skilltax([...credit(), '--quiet', '--out', outFile('credits.csv')]);
    expect([out.status, out.stdout, out.stderr]).toEqual([0, '', '']);
  });

  it('a warning, then the summary line last; --quiet: the one line, in the singular; exit 1 both', () => {
    const r = skilltax(credit('surcharges-warned.csv'));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(CREDIT_WARNINGS + creditLine(r.stdout, { carried: '0.00' }));
    expect(r.stderr).toMatch(/, warnings 1\n$/);
    const q = skilltax([...credit('surcharges-warned.csv'), '--quiet', '--out', outFile('credits.csv')]);
    expect(q.status).toBe(1);
    expect(q.stdout).toBe('');
    expect(q.stderr).toBe('skilltax: 1 warning made the exit status 1 (run without --quiet to see it)\n');
    expect(q.stderr).toBe(quietLine(1));
  });

  it('--explain: the account on standard output, the summary line still on standard error', () => {
    const r = skilltax([...credit(), '--explain', A]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`for ${A}`);
    expect(r.stdout).not.toContain('enterprise_id,period');
    expect(r.stderr).toBe(CREDIT_LINE);
    expect(skilltax([...credit(), '--explain', A, '--quiet']).stderr).toBe('');
  });
});

describe('subsidy', () => {
  it('without --out: the report on standard output, its summary line alone on standard error', () => {
    const r = skilltax(subsidy());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('claim_id,person_id,')).toBe(true);
    expect(r.stdout.split('\n')).toHaveLength(4);
    expect(r.stderr).toBe(SUBSIDY_LINE);
  });

  it('with --out and --summary: nothing on standard output, the summary line on standard error', () => {
    const d = tempDir();
    const r = skilltax([...subsidy(), '--out', join(d, 'subsidies.csv'), '--summary', join(d, 'subsidy-summary.csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(SUBSIDY_LINE);
    expect(readFileSync(join(d, 'subsidies.csv'), 'utf8')).toBe(skilltax(subsidy()).stdout);
  });

  it('--quiet: nothing on standard error; an ineligible claim is a decision, not a warning (exit 0)', () => {
    const plain = skilltax([...subsidy(), '--quiet']);
    expect([plain.status, plain.stderr]).toEqual([0, '']);
    expect(plain.stdout).toContain('ineligible');
    const out = skilltax([...subsidy(), '--quiet', '--out', outFile('subsidies.csv')]);
    expect([out.status, out.stdout, out.stderr]).toEqual([0, '', '']);
  });

  it('--explain: the account on standard output, the summary line still on standard error', () => {
    const r = skilltax([...subsidy(), '--explain', 'C1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('C1');
    expect(r.stdout).not.toContain('claim_id,person_id');
    expect(r.stderr).toBe(SUBSIDY_LINE);
    expect(skilltax([...subsidy(), '--explain', 'C1', '--quiet']).stderr).toBe('');
  });
});

describe('run DIR', () => {
  /** A folder with the inputs of deduct and credit under their canonical names. */
  function inputs(o: { warned?: boolean } = {}): string {
    const d = tempDir();
    write(d, 'payroll.csv', PAYROLL);
    write(d, 'training.csv', o.warned ? TRAINING_WARNED : TRAINING);
    write(d, 'surcharges.csv', o.warned ? SURCHARGES_WARNED : SURCHARGES);
    return d;
  }

  /** A section of run's summary as the one-line summary of its command. */
  const asLine = (command: string, items: [string, string][]) => `${command}: ${items.map(([label, value]) => `${label} ${value}`).join(', ')}\n`;

  it('nothing on standard output; the summary on standard error, its figures those of each command', () => {
    const d = inputs();
    const r = skilltax(['run', d]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const s = runSummary(r.stderr);
    expect(s.dir).toBe(d);
    expect(s.outDir).toBe(join(d, 'out'));
    expect(s.wrote).toEqual(['deductions.csv', 'credits.csv', 'ledger.csv', 'summary.csv', 'summary.json', 'report.html']);
    expect(s.after).toEqual([]);
    expect(s.sections.map((x) => x.title)).toEqual(['Employee education expense (职工教育经费, A105050 rows 4–6)', '产教融合 credit against the education surcharges']);
    expect(asLine('deduct', s.sections[0]!.items)).toBe(DEDUCT_LINE);
    expect(asLine('credit', s.sections[1]!.items)).toBe(CREDIT_LINE);
  });

  it('with --out: nothing on standard output either, the summary on standard error naming OUTDIR', () => {
    const d = inputs();
    const outDir = join(tempDir(), 'reports');
    const r = skilltax(['run', d, '--out', outDir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const s = runSummary(r.stderr);
    expect(s.outDir).toBe(outDir);
    expect(s.after).toEqual([]);
    expect(readFileSync(join(outDir, 'deductions.csv'), 'utf8')).toBe(skilltax(deduct()).stdout);
  });

  it('--quiet, a clean run: nothing at all on standard output or standard error', () => {
    const r = skilltax(['run', inputs(), '--quiet']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('warnings: after the summary, one line each (deduct’s, then credit’s); exit 1', () => {
    const d = inputs({ warned: true });
    const r = skilltax(['run', d]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const s = runSummary(r.stderr);
    expect(s.after.map((l) => `${l}\n`).join('')).toBe(DEDUCT_WARNINGS + CREDIT_WARNINGS);
    expect(s.sections.map((x) => Object.fromEntries(x.items).warnings)).toEqual(['2 (listed below)', '1 (listed below)']);
  });

  it('--quiet with warnings: exactly one line counting the warnings of every calculator; exit 1', () => {
    const r = skilltax(['run', inputs({ warned: true }), '--quiet']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('skilltax: 3 warnings made the exit status 1 (run without --quiet to see them)\n');
    expect(r.stderr).toBe(quietLine(3));
  });
});

describe('--lang (CONTRACT §1)', () => {
  it('--lang en: accepted, the same report and summary as without it; LANG=zh_CN.UTF-8 too with --lang en', () => {
    const plain = skilltax(deduct());
    for (const r of [skilltax([...deduct(), '--lang', 'en']), skilltax([...deduct(), '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } })]) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(plain.stdout);
      expect(r.stderr).toBe(DEDUCT_LINE);
    }
  });

  it('--lang zh, or LANG=zh_CN.UTF-8: the same report, the summary in Chinese; nothing with --quiet; run writes the same files but report.html', () => {
    for (const r of [skilltax([...deduct(), '--lang', 'zh']), skilltax(deduct(), { env: { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' } })]) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(skilltax(deduct()).stdout);
      expect(r.stdout).toBe(skilltax([...deduct(), '--lang', 'en']).stdout);
      // One line, in Chinese form, with the same figures (the labels are the calculator's).
      expect(r.stderr).toMatch(/^deduct：[^\n]*2023[^\n]*90000\.00，[^\n]*20000\.00，[^\n]*\n$/);
    }
    const q = skilltax([...deduct(), '--lang', 'zh', '--quiet']);
    expect([q.status, q.stderr]).toEqual([0, '']);
    // run, with warnings: every file it writes the same bytes in either language (summary.json too)
    const d = tempDir();
    write(d, 'payroll.csv', PAYROLL);
    write(d, 'training.csv', TRAINING_WARNED);
    write(d, 'surcharges.csv', SURCHARGES_WARNED);
    const [zhOut, enOut] = [join(tempDir(), 'zh'), join(tempDir(), 'en')];
    expect(skilltax(['run', d, '--out', zhOut, '--lang', 'zh', '--quiet']).status).toBe(1);
    expect(skilltax(['run', d, '--out', enOut, '--lang', 'en', '--quiet']).status).toBe(1);
    expect(readdirSync(zhOut).sort()).toEqual(readdirSync(enOut).sort());
    // report.html is the one file in the --lang language (README "Languages")
    for (const n of readdirSync(enOut).filter((n) => n !== 'report.html')) expect(readFileSync(join(zhOut, n)).equals(readFileSync(join(enOut, n))), n).toBe(true);
  });

  it('a language other than en or zh: exit 2 naming the choices', () => {
    const r = skilltax([...deduct(), '--lang', 'fr']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Allowed choices are en, zh');
  });
});
