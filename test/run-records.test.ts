/**
 * What a breaker session found in run's new records (summary.json, report.html, reform.csv) and
 * their inputs, each kept fixed: a workbook input behind an output's symlink, a town called `*`,
 * the folder's path as typed, a rules file in GB18030, standard input for a rules file, a reform
 * that leaves a year without a value.
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { skilltax, requireBuild } from './helpers/cli.js';
import { copyDemo, DEMO } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';

const tmp = tempDirs('skilltax-records-');
const DEDUCT = ['payroll.csv', 'training.csv', 'qualifications.csv', 'enterprises.csv'];

describe('run: records and inputs', () => {
  it('refuses an output that links to a workbook input (enterprises.xlsx), which stays as it was', () => {
    requireBuild();
    const d = tmp();
    copyDemo(d, ['payroll.csv', 'training.csv']);
    // a workbook under the canonical name: any bytes will do, the check comes first
    writeFileSync(join(d, 'enterprises.xlsx'), 'not really a workbook');
    mkdirSync(join(d, 'out'));
    symlinkSync('../enterprises.xlsx', join(d, 'out', 'report.html'));
    const r = skilltax(['run', d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('enterprises.xlsx');
    expect(readFileSync(join(d, 'enterprises.xlsx'), 'utf8')).toBe('not really a workbook');
    expect(readdirSync(join(d, 'out'))).toEqual(['report.html']);
  });

  it('refuses a town called "*" (the all-towns mark of summary.json and reform.csv)', () => {
    const d = tmp();
    copyDemo(d, DEDUCT);
    writeFileSync(join(d, 'enterprises.csv'), readFileSync(join(DEMO, 'enterprises.csv'), 'utf8').replace(',周巷镇,', ',*,'));
    const r = skilltax(['run', d]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/enterprises\.csv:2:3: town: "\*" stands for all towns/);
  });

  it('writes the same bytes whatever way the folder and the reform file are named', () => {
    const d = tmp();
    copyDemo(d, DEDUCT);
    const reform = join(d, 'r.json');
    writeFileSync(reform, JSON.stringify({ 'eit.education_expense.rate': [{ from: '2008-01-01', value: '0.025', source: 's' }, { from: '2018-01-01', value: '0.10', source: 's' }] }));
    const [a, b] = [join(tmp(), 'a'), join(tmp(), 'b')];
    expect(skilltax(['run', d, '--out', a, '--reform', reform, '--quiet']).status).toBe(0);
    expect(skilltax(['run', '.', '--out', b, '--reform', 'r.json', '--quiet'], { cwd: d }).status).toBe(0);
    for (const n of readdirSync(a)) expect(readFileSync(join(b, n)).equals(readFileSync(join(a, n))), n).toBe(true);
  });

  it('reads a --reform file saved in GB18030, and refuses "-" for it', () => {
    const d = tmp();
    copyDemo(d, DEDUCT);
    const gb = join(d, 'gb.json');
    writeFileSync(gb, iconv.encode(JSON.stringify({ 'eit.education_expense.rate': [{ from: '2008-01-01', value: '0.025', source: '实施条例' }, { from: '2018-01-01', value: '0.1', source: '财税改革' }] }), 'gb18030'));
    const out = join(tmp(), 'o');
    expect(skilltax(['run', d, '--out', out, '--reform', gb, '--quiet']).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).reform.parameters[0].source).toBe('财税改革');
    const r = skilltax(['run', d, '--out', join(tmp(), 'x'), '--reform', '-']);
    expect([r.status, r.stderr]).toEqual([2, 'skilltax: --rules and --reform take a file: standard input ("-") is for one CSV input\n']);
  });

  it('names the --reform file when a year has no value under it; nothing written', () => {
    const d = tmp();
    copyDemo(d, DEDUCT);
    const late = join(d, 'late.json');
    writeFileSync(late, JSON.stringify({ 'eit.education_expense.rate': [{ from: '2018-01-01', value: '0.10', source: 's' }] }));
    const out = join(tmp(), 'o');
    const r = skilltax(['run', d, '--out', out, '--reform', late]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`under the --reform file ${late} (the baseline computed): year 2016`);
    expect(() => readdirSync(out)).toThrow();
  });
});
