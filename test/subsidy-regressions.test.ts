/** Regressions in the subsidy calculator found while testing it: each failed before its fix. */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAN, OTHER, pid } from './unit-helpers/subsidy.js';
import { ROOT, skilltax } from './helpers/cli.js';
import { csv, tempDirs } from './helpers/files.js';

/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs();

const HEAD = 'claim_id,person_id,program,group,claim_date,enterprise_id,occupation,level,certificate_type,certificate_no,certificate_date,route,insured_months,contract_months,months';

function setup(trainees: string[], history?: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'trainees.csv'), csv(HEAD, ...trainees));
  copyFileSync(join(ROOT, 'fixtures/catalog-example.csv'), join(dir, 'catalog.csv'));
  if (history) writeFileSync(join(dir, 'history.csv'), csv(...history));
  return dir;
}

describe('subsidy regressions', () => {
  it('history.csv: an invalid 身份证号 is an input error (CONTRACT §1), and the message masks it', () => {
    const bad = MAN.slice(0, 17) + (MAN[17] === '0' ? '1' : '0');
    const dir = setup([`C1,${MAN},training,employee,2024-03-01,,电工,4,skill_level,N1,2024-01-10,,,,`], ['person_id,program,paid_date,amount', `${bad},training,2023-01-10,1000.00`]);
    const r = skilltax(['subsidy', '--trainees', join(dir, 'trainees.csv'), '--catalog', join(dir, 'catalog.csv'), '--history', join(dir, 'history.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`history.csv:2:1: person_id: 身份证号 check character`);
    expect(r.stderr).toContain(`(got "${bad.slice(0, 6)}********${bad.slice(-4)}")`);
    expect(r.stderr).not.toContain(bad);
    expect(skilltax(['validate', join(dir, 'history.csv')]).status).toBe(1);
  });

  it('a work_based payment in the history needs its months', () => {
    const dir = setup([`C1,${MAN},work_based,employee,2021-03-01,,,,,,,,,,6`], ['person_id,program,paid_date,amount', `${MAN},work_based,2020-10-01,3000.00`]);
    const r = skilltax(['subsidy', '--trainees', join(dir, 'trainees.csv'), '--catalog', join(dir, 'catalog.csv'), '--history', join(dir, 'history.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/history\.csv:2:\d+: months: a work_based payment needs the months it covered/);
  });

  it('a certificate number pays once, whoever claims it', () => {
    const dir = setup([
      `C1,${MAN},training,employee,2024-03-01,,电工,4,skill_level,SAME-1,2024-01-10,,,,`,
      `C2,${OTHER},training,employee,2024-03-02,,焊工,4,skill_level,SAME-1,2024-01-10,,,,`,
    ]);
    const r = skilltax(['subsidy', '--trainees', join(dir, 'trainees.csv'), '--catalog', join(dir, 'catalog.csv')]);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows[0]).toMatch(/^C1,.*,eligible,1500\.00,,/);
    expect(rows[1]).toMatch(/^C2,.*,ineligible,0\.00,certificate_already_used,/);
  });

  it('run DIR --from/--to reports only the claims of those years (earlier ones still count)', () => {
    const dir = setup([
      `C1,${MAN},training,employee,2023-03-01,,电工,4,skill_level,N1,2023-01-10,,,,`,
      `C2,${MAN},training,employee,2024-03-01,,电工,4,skill_level,N2,2024-01-10,,,,`,
    ]);
    expect(skilltax(['run', dir, '--from', '2024', '--to', '2024', '--quiet']).status).toBe(0);
    const report = readFileSync(join(dir, 'out', 'subsidies.csv'), 'utf8');
    expect(report.trim().split('\n')).toHaveLength(2);
    expect(report).toMatch(/^C2,.*,ineligible,0\.00,duplicate_occupation_level,/m);
  });

  it('--explain shows the age, never the birth date the mask hides', () => {
    const person = pid('1985-07-20', 'female', 56);
    const dir = setup([`C1,${person},training,employee,2024-03-01,,电工,4,skill_level,N1,2024-01-10,,,,`]);
    const r = skilltax(['subsidy', '--trainees', join(dir, 'trainees.csv'), '--catalog', join(dir, 'catalog.csv'), '--explain', 'C1']);
    expect(r.stdout).toContain(`${person.slice(0, 6)}********${person.slice(-4)}`);
    expect(r.stdout).not.toContain('1985-07-20');
    expect(r.stdout).not.toContain('19850720');
    expect(r.stdout).toMatch(/working age\s+ok\s+= 38 on 2024-01-10 \(woman; 16 ≤ age < 50\)/);
  });
});
