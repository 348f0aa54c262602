/**
 * Issue #8 regressions that are not about files: a claim dated before its certificate, dates
 * and periods outside 1900–2100, exact amounts (an overflow is refused, never printed off by a
 * fen), and every command the contract names is built (its own --help).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AmountOverflowError, addFen, formatFen, mulFen, subFen } from '../src/domain/money.js';
import { personIdProblem } from '../src/domain/ids.js';
import { parseAnyPeriod, parseDate, parseFilingPeriod, parseMonthOrYear, parseYear } from '../src/io/values.js';
import { ROOT, skilltax } from './helpers/cli.js';
import { demoFile } from './helpers/demo.js';
import { tempDirs, write } from './helpers/files.js';
import { claim, decide, outcome } from './unit-helpers/subsidy.js';

const tempDir = tempDirs('skilltax-reliability-');

describe('claim_before_certificate (RULES §4: a subsidy for a certificate is claimed after it is obtained)', () => {
  it.each(['training', 'skill_upgrade', 'shortage_post'] as const)('%s claimed the day before its certificate: ineligible', (program) => {
    const [d] = decide({ claims: [claim({ program, certificate_date: '2024-03-01', claim_date: '2024-02-29' })] });
    expect(d!.reasons).toContain('claim_before_certificate');
    expect(d!.status).toBe('ineligible');
  });

  it('claimed on the certificate day: in time', () => {
    const [d] = decide({ claims: [claim({ certificate_date: '2024-03-01', claim_date: '2024-03-01' })] });
    expect(outcome(d!)).toBe('eligible 1500.00');
  });
});

describe('dates and periods are bounded to 1900–2100', () => {
  it.each(['0000-03-01', '9999-03-01', '1899-12-31', '2101-01-01'])('date %s is refused at the cell', (d) => {
    expect(() => parseDate(d)).toThrow(/year out of range: \d+ is outside 1900–2100/);
  });
  it.each([
    [parseFilingPeriod, '9999-03'],
    [parseMonthOrYear, '0000'],
    [parseAnyPeriod, '9999-Q1'],
    [parseYear, '2101'],
  ])('%o %s is refused', (parse, raw) => {
    expect(() => parse(raw)).toThrow(/outside 1900–2100/);
  });
  it('1900-01-01 and 2100-12-31 are dates', () => {
    expect(parseDate('1900-01-01')).toBe('1900-01-01');
    expect(parseDate('2100-12-31')).toBe('2100-12-31');
  });
  it('a 身份证号 born before 1900 stays valid (GB 11643-1999; RULES §6 has one born 1880): the working age decides', () => {
    expect(personIdProblem('440524188001010014')).toBeUndefined();
  });
  it('a training row dated 9999 is an input problem, not a 7,977-year report', () => {
    const dir = tempDir();
    const p = write(dir, 'payroll.csv', 'enterprise_id,period,wages\n91330282MA2AF7XJ3P,2024,100000\n');
    const t = write(dir, 'training.csv', 'enterprise_id,date,category,amount\n91330282MA2AF7XJ3P,9999-03-01,education,100\n');
    const r = skilltax(['deduct', '--payroll', p, '--training', t]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${t}:2:2: date: year out of range: 9999 is outside 1900–2100 (got "9999-03-01")`);
  });
});

describe('amounts are exact or refused', () => {
  it('sums, differences and products beyond 2^53 fen throw AmountOverflowError', () => {
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(AmountOverflowError);
    expect(() => subFen(-Number.MAX_SAFE_INTEGER, 1)).toThrow(AmountOverflowError);
    expect(() => mulFen(9_000_000_000_000_000, 2)).toThrow(AmountOverflowError);
    expect(() => formatFen(2 ** 53 + 2)).toThrow(/exceeds 90,071,992,547,409\.91 yuan/);
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('a surcharge base beyond the exact range: exit 2 with a message, no stack trace, nothing written (was printed as …000.00)', () => {
    const dir = tempDir();
    const s = write(dir, 'surcharges.csv', 'enterprise_id,period,vat,vat_exempt_offset,consumption_tax\n91330282MA2AF7XJ3P,2024-01,89999999999999.99,89999999999999.99,10.00\n');
    const out = `${dir}/credits.csv`;
    const r = skilltax(['credit', '--surcharges', s, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^skilltax: a sum of amounts exceeds 90,071,992,547,409\.91 yuan, the largest figure skilltax computes to the fen: check the inputs for an amount typed too large; nothing was written\n$/);
    expect(r.stderr).not.toContain('    at ');
  });
});

describe('every command the contract names is built', () => {
  it.each(['exempt'])('%s --help prints its own help (exit 0), with its options and examples', (cmd) => {
    const r = skilltax([cmd, '--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^Usage: skilltax ${cmd} `));
    for (const option of ['--properties <file>', '--year <yyyy>', '--out <file>', '--explain <asset_id>']) expect(r.stdout).toContain(option);
    expect(r.stdout).not.toContain('not built');
  });
});

describe('standard error closed', () => {
  it('a clean run whose standard error reader has gone still exits 0 (EPIPE on stderr is ignored)', () => {
    const args = ['subsidy', '--trainees', demoFile('trainees.csv'), '--catalog', demoFile('catalog.csv'), '--out', join(tempDir(), 's.csv')];
    // `subsidy` prints its one-line account on stderr; the reader closes its end at once.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" bin/skilltax.js ${args.join(' ')} 2>&1 >/dev/null | (exec 0<&-; true); echo "status=\${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toContain('status=0');
  });
});

describe('#8 item 12: input text never reaches the terminal raw', () => {
  it('a file name with an escape sequence is shown escaped in a usage error', () => {
    const r = skilltax(['deduct', '--payroll', '/tmp/no-such-\x1b[31m.csv', '--training', '/tmp/no-such.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('skilltax: /tmp/no-such-\\x1b[31m.csv: no such file\n');
  });
  it('a --rules source with a NUL is refused (it would reach reports)', () => {
    const dir = tempDir();
    const rules = write(dir, 'r.json', JSON.stringify({ 'pcie.credit_rate': [{ from: '2019-01-01', value: '0.3', source: 'a\u0000b' }] }));
    const r = skilltax(['rules', '--rules', rules]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`skilltax: ${rules}: "pcie.credit_rate"[0].source: a control character (a\\0b) is not allowed\n`);
  });
});
