/**
 * An unquoted thousands separator in an amount column of a row that also ends with a trailing
 * delimiter (`…,1,234.50,`) is an input error, not wages of 1.00 (found by a fresh-user session);
 * trailing empty cells alone stay an export's harmless habit.
 */
import { describe, expect, it } from 'vitest';
import { A } from './helpers/kinds.js';
import { problems, requireBuild, skilltax } from './helpers/cli.js';
import { tempDirs, write } from './helpers/files.js';

const tmp = tempDirs('skilltax-thousands-');

describe('an unquoted thousands separator before a trailing delimiter', () => {
  it('is reported at the amount, by validate and by deduct (both readers), nothing written', () => {
    requireBuild();
    const d = tmp();
    const payroll = write(d, 'payroll.csv', `enterprise_id,period,wages,employee_id\n${A},2024-01,1,234.50,\n${A},2024-02,500000.00,\n`);
    const training = write(d, 'training.csv', `enterprise_id,date,category,amount\n${A},2024-03-01,education,100.00\n`);
    const v = skilltax(['validate', payroll]);
    expect(v.status).toBe(1);
    expect(problems(v.stdout + v.stderr).map((p) => [p.line, p.column, p.got])).toEqual([[2, 3, '1,234.50']]);
    for (const env of [{}, { SKILLTAX_GENERAL_READER: '1' }] as Record<string, string>[]) {
      const r = skilltax(['deduct', '--payroll', payroll, '--training', training, '--year', '2024'], { env });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('must be quoted, as "1,234.50" here');
    }
  });

  it('leaves rows whose only extra cells are empty alone when no amount is split', () => {
    const d = tmp();
    const payroll = write(d, 'payroll.csv', `enterprise_id,period,wages,employee_id\n${A},2024-01,1234.50,E1,\n${A},2024-02,500000.00,,\n`);
    expect(skilltax(['validate', payroll]).status).toBe(0);
  });
});
