/**
 * Regressions found while using the tool: each failed before its fix. Runs the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withUsccCheck } from '../src/domain/ids.js';
import { ROOT, skilltax } from './helpers/cli.js';
import { tempDirs } from './helpers/files.js';

const A = '91330282MA2B000016';

/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs();

function inputs(dir: string): string[] {
  writeFileSync(join(dir, 'payroll.csv'), `enterprise_id,period,wages\n${A},2023,1000000.00\n${A},2024,1000000.00\n`);
  writeFileSync(join(dir, 'training.csv'), `enterprise_id,date,category,amount\n${A},2023-03-01,education,100000.00\n${A},2024-03-01,education,10000.00\n`);
  return ['deduct', '--payroll', join(dir, 'payroll.csv'), '--training', join(dir, 'training.csv')];
}

describe('regressions', () => {
  it('LINE is where the record starts even when a cell is exactly one newline', () => {
    const f = join(tempDir(), 'training.csv');
    writeFileSync(f, `enterprise_id,date,category,amount,description\n${A},2023-01-01,education,1.234,"\n"\n`);
    const r = skilltax(['validate', f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${f.replace(/[/.]/g, '\\$&')}:2:4: `));
  });

  it('an output that is a folder is refused before anything is written', () => {
    const dir = tempDir();
    const args = inputs(dir);
    mkdirSync(join(dir, 'ledger-dir'));
    const r = skilltax([...args, '--out', join(dir, 'deductions.csv'), '--ledger-out', join(dir, 'ledger-dir')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ledger-dir: is a folder/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(existsSync(join(dir, 'deductions.csv'))).toBe(false);
  });

  it('--out and --ledger-out naming the same file is refused', () => {
    const dir = tempDir();
    const same = join(dir, 'same.csv');
    const r = skilltax([...inputs(dir), '--out', same, '--ledger-out', same]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/two outputs name the same file/);
    expect(existsSync(same)).toBe(false);
  });

  it('a broken pipe keeps exit status 1 for warnings', () => {
    const dir = tempDir();
    const p = ['enterprise_id,period,wages'];
    const t = ['enterprise_id,date,category,amount'];
    for (let i = 0; i < 3000; i++) {
      const id = withUsccCheck(`91330282MA${String(i).padStart(7, '0')}`);
      p.push(`${id},2023,100000.00`);
      t.push(`${id},2024-05-01,education,9000.00`);
    }
    writeFileSync(join(dir, 'p.csv'), p.join('\n') + '\n');
    writeFileSync(join(dir, 't.csv'), t.join('\n') + '\n');
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; node bin/skilltax.js deduct --payroll ${dir}/p.csv --training ${dir}/t.csv 2>/dev/null | head -1`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout).toMatch(/^enterprise_id,year,/);
    expect(r.status).toBe(1);
  });

  it('a UTF-16 file (Excel "Unicode Text") is refused with a hint, not read as garbage', () => {
    const dir = tempDir();
    const args = inputs(dir);
    const text = `enterprise_id,period,wages\n${A},2023,1000000.00\n`;
    writeFileSync(join(dir, 'payroll.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = skilltax(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/payroll\.csv:1:1: the file is UTF-16 .*save it as "CSV UTF-8"/);
  });

  it('no command at all is a usage error', () => {
    const r = skilltax([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Usage: skilltax/);
  });

  it('whole-year and monthly payroll rows for one enterprise-year are refused (wages counted twice)', () => {
    const dir = tempDir();
    const args = inputs(dir);
    writeFileSync(join(dir, 'payroll.csv'), `enterprise_id,period,wages\n${A},2023,1000000.00\n${A},2023-05,1000.00\n`);
    const r = skilltax([...args, '--out', join(dir, 'd.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`payroll.csv:3:2: period: ${A} has both whole-year and monthly payroll rows for 2023 (line 2)`);
    expect(existsSync(join(dir, 'd.csv'))).toBe(false);
  });

  it('data before an opening balance is not computed, and the user is told', () => {
    const dir = tempDir();
    const args = inputs(dir);
    writeFileSync(join(dir, 'ledger.csv'), `enterprise_id,kind,period,opening,added,used,closing\n${A},education_expense,2025,,,,5000.00\n`);
    const r = skilltax([...args, '--ledger', join(dir, 'ledger.csv')]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/2023–2024 are not computed: the ledger brings an opening balance for the end of 2025/);
  });

  it('a conflict names the last ledger year in its hint', () => {
    const dir = tempDir();
    const args = inputs(dir);
    const led = join(dir, 'ledger.csv');
    writeFileSync(
      led,
      `enterprise_id,kind,period,opening,added,used,closing\n${A},education_expense,2024,1.00,0.00,1.00,0.00\n${A},education_expense,2025,0.00,0.00,0.00,0.00\n`,
    );
    const before = readFileSync(led, 'utf8');
    const r = skilltax([...args, '--ledger', led, '--ledger-out', led, '--year', '2023']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--to 2025/);
    expect(readFileSync(led, 'utf8')).toBe(before);
  });
});
