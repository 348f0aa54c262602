/**
 * The calculator seam seen from the command line: commands and options generated from the
 * registry, `--explain ID --format json` as trace data, a parameter gap refused (exit 2, the key
 * and the date named) instead of a silent default, and traces kept only for the subject asked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '../src/calculators/registry.js';
import { computePcieCredit } from '../src/calculators/pcie-credit.js';
import { loadCalculatorInputs } from '../src/engine/index.js';
import { pcieCredit } from '../src/calculators/pcie-credit.js';
import type { Trace } from '../src/domain/trace.js';
import { Rules } from '../src/rules/index.js';
import { skilltax } from './helpers/cli.js';
import { copyDemo, demoFile } from './helpers/demo.js';
import { tempDirs, write } from './helpers/files.js';

const tempDir = tempDirs('skilltax-seam-');
const HIGH_TECH = '913302827251836406';
const PILOT = '91330282MA2CL4RK12';
const deductArgs = ['deduct', '--payroll', demoFile('payroll.csv'), '--training', demoFile('training.csv'), '--qualifications', demoFile('qualifications.csv'), '--ledger', demoFile('ledger.csv')];
const creditArgs = ['credit', '--surcharges', demoFile('surcharges.csv'), '--training', demoFile('training.csv'), '--qualifications', demoFile('qualifications.csv'), '--ledger', demoFile('ledger.csv')];
const subsidyArgs = ['subsidy', '--trainees', demoFile('trainees.csv'), '--catalog', demoFile('catalog.csv'), '--history', demoFile('history.csv')];

describe('commands from the registry', () => {
  it('the program lists every calculator command, and each command every input of its descriptor', () => {
    const top = skilltax(['--help']).stdout;
    for (const c of CALCULATORS) {
      expect(top).toContain(`${c.command} `);
      const help = skilltax([c.command, '--help']);
      expect(help.status).toBe(0);
      for (const i of c.inputs) expect(help.stdout).toContain(`--${i.flag} <file>`);
      for (const r of c.reports) expect(help.stdout).toContain(`--${r.flag} <file>`);
      expect(help.stdout).toContain(`--explain <${c.explain.arg}>`);
      expect(help.stdout.includes('--ledger-out <file>')).toBe(c.ledger !== undefined);
      expect(help.stdout).toContain('Examples:');
    }
  });
});

describe('--explain ID --format json: the trace as data', () => {
  const json = (args: string[]) => {
    const r = skilltax([...args, '--format', 'json', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as Trace;
  };

  it('deduct: a section per year, the rate step citing the parameter it applied, every parameter read listed', () => {
    const t = json([...deductArgs, '--explain', HIGH_TECH]);
    expect(t.subject).toBe(HIGH_TECH);
    expect(t.heading[0]).toContain(`for ${HIGH_TECH}`);
    expect(t.sections.map((s) => s.title)).toContain('2017');
    const rate2017 = t.sections.find((s) => s.title === '2017')!.steps.find((s) => s.label === 'rate (税收规定扣除率)')!;
    expect(rate2017.value).toBe('0.08');
    expect(rate2017.params).toEqual([
      { key: 'eit.education_expense.high_tech_rate', on: '2017-12-31', value: '0.08', source: '财税〔2015〕63号', status: 'unverified', origin: 'built-in' },
    ]);
    expect(rate2017.source).toBe('财税〔2015〕63号; eit.education_expense.high_tech_rate [unverified]');
    // both series were read in 2017: the general one and the higher one chosen
    const read2017 = t.reads.filter((r) => r.on === '2017-12-31').map((r) => r.key);
    expect(read2017).toEqual(expect.arrayContaining(['eit.education_expense.rate', 'eit.qualification_test.high_tech', 'eit.education_expense.high_tech_rate']));
    expect(read2017.indexOf('eit.education_expense.rate')).toBeLessThan(read2017.indexOf('eit.education_expense.high_tech_rate'));
  });

  it('the text explain shows the same figures as the JSON', () => {
    const t = json([...deductArgs, '--explain', HIGH_TECH]);
    const text = skilltax([...deductArgs, '--explain', HIGH_TECH]).stdout;
    for (const s of t.sections.flatMap((x) => x.steps)) expect(text).toContain(s.value);
  });

  it('credit: the pool step cites pcie.credit_rate as read on the period’s last day', () => {
    const t = json([...creditArgs, '--explain', PILOT]);
    const added = t.sections.find((s) => s.title === '2023-03')!.steps.find((s) => s.label === 'pool added')!;
    expect(added.params?.[0]).toMatchObject({ key: 'pcie.credit_rate', on: '2023-03-31', value: '0.3', source: '财税〔2019〕46号 第三条', status: 'verified' });
    expect(t.heading.join('\n')).toContain('round(pcie.credit_rate × net investment)');
  });

  it('subsidy: the claim’s steps with the sources alone, the 身份证号 masked', () => {
    const t = json([...subsidyArgs, '--explain', 'C2023-0034']);
    expect(t.subject).toBe('C2023-0034');
    const age = t.sections[0]!.steps.find((s) => s.label === 'working age')!;
    expect(age.value).toBe('age_out_of_range');
    expect(age.params?.[0]?.key).toBe('subsidy.retirement_age.male');
    expect(age.source).toBe(age.params?.[0]?.source);
    expect(JSON.stringify(t)).not.toMatch(/\d{17}[\dX]/);
  });
});

describe('a parameter gap is refused, never filled with a default', () => {
  it('subsidy with a retirement age series starting in 2030: exit 2 naming the key and the date, nothing written', () => {
    const dir = tempDir();
    const rules = write(dir, 'rules.json', JSON.stringify({ 'subsidy.retirement_age.female': [{ from: '2030-01-01', value: '55', source: 'a later reform' }] }));
    const out = join(dir, 'subsidies.csv');
    const r = skilltax([...subsidyArgs, '--rules', rules, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^skilltax: no value of subsidy\\.retirement_age\\.female is in force for \\d{4}-\\d{2}-\\d{2} \\(the series from the --rules file ${rules.replace(/[.\\/]/g, '\\$&')} starts 2030-01-01\\): add an entry with --rules\\n$`));
    expect(r.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });

  it('run with the same rules.json in the folder: exit 2, no out folder', () => {
    const dir = tempDir();
    copyDemo(dir, ['trainees.csv', 'catalog.csv', 'history.csv']);
    write(dir, 'rules.json', JSON.stringify({ 'subsidy.retirement_age.female': [{ from: '2030-01-01', value: '55' }] }));
    const r = skilltax(['run', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no value of subsidy\.retirement_age\.female is in force for \d{4}-\d{2}-\d{2}/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('traces are recorded only for the subject asked for', () => {
  it('no --explain: no trace; --explain one enterprise: that one only', async () => {
    const paths = { surcharges: demoFile('surcharges.csv'), training: demoFile('training.csv'), qualifications: demoFile('qualifications.csv') };
    const inputs = await loadCalculatorInputs(pcieCredit, paths, demoFile('ledger.csv'), { encoding: 'auto', maxErrors: 100 });
    const rules = new Rules();
    const plain = computePcieCredit({ ...inputs, surcharges: inputs.surcharges! }, { rules, range: {}, force: false, paths });
    expect(plain.trace).toBeUndefined();
    const one = computePcieCredit({ ...inputs, surcharges: inputs.surcharges! }, { rules, range: {}, force: false, paths, explain: PILOT.toLowerCase() });
    expect(one.trace?.subject).toBe(PILOT);
    expect(one.rows).toEqual(plain.rows);
  });

  it('the exit status belongs to the run: a warning run followed by a clean one in one process gives 1 then 0', async () => {
    const { main } = await import('../src/cli/index.js');
    expect(readFileSync(demoFile('payroll.csv')).length).toBeGreaterThan(0);
    const dir = tempDir();
    // the demo has no warnings; an enterprise with full_training and no qualification has one
    const payroll = write(dir, 'payroll.csv', 'enterprise_id,period,wages\n91330282MA2AF7XJ3P,2020,100000\n');
    const training = write(dir, 'training.csv', 'enterprise_id,date,category,amount\n91330282MA2AF7XJ3P,2020-05-01,full_training,100\n');
    const quiet = ['--quiet', '--out', join(dir, 'd.csv')];
    expect(await main(['node', 'skilltax', 'deduct', '--payroll', payroll, '--training', training, ...quiet])).toBe(1);
    expect(await main(['node', 'skilltax', ...deductArgs, ...quiet])).toBe(0);
  });
});
