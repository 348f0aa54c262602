/** Regressions in the credit found while testing it: each failed before its fix. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCredit } from '../src/calculators/pcie-credit.js';
import { checkLedger } from '../src/ledger/ledger.js';
import { runCredit } from './helpers/run.js';
import { parseFilingPeriod } from '../src/io/values.js';
import { Rules } from '../src/rules/index.js';
import { skilltax } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';
import { creditLine } from './helpers/summary.js';
import { col } from './unit-helpers/ledger.js';

const A = '91330282MA2B000016';
const o = { encoding: 'utf8' as const, maxErrors: 100 };

/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs();

describe('credit regressions', () => {
  it('an investment between a quarterly and a later monthly return goes to its month, never an overlapping quarter', async () => {
    const d = tempDir();
    const r = await runCredit(
      {
        surcharges: write(d, 'surcharges.csv', csv('enterprise_id,period,vat', `${A},2024-Q1,100000.00`, `${A},2024-05,100000.00`)),
        training: write(d, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2024-04-10,pcie_investment,10000.00`)),
        qualifications: write(d, 'q.csv', csv('enterprise_id,qualification,valid_from,valid_to', `${A},pcie_pilot,2019-01-01,`)),
      },
      {},
      new Rules(),
      o,
      false,
    );
    expect(r.pool.map((p) => p.period.text)).toEqual(['2024-Q1', '2024-04', '2024-05']);
    expect(checkLedger(r.ledger, col)).toEqual([]);
  });

  it('a month without a return is no ledger gap: month-by-month runs equal one run', () => {
    const d = tempDir();
    const args = [
      'credit',
      '--surcharges',
      // sales above the exemption threshold: no sales_missing (RULES §2.2), so each run exits 0
      write(d, 'surcharges.csv', csv('enterprise_id,period,vat,sales', `${A},2024-01,100000.00,10000000.00`, `${A},2024-03,100000.00,10000000.00`)),
      '--qualifications',
      write(d, 'q.csv', csv('enterprise_id,qualification,valid_from,valid_to', `${A},pcie_pilot,2019-01-01,`)),
    ];
    const whole = skilltax(args);
    const L = join(d, 'ledger.csv');
    expect(skilltax([...args, '--from', '2024-01', '--to', '2024-01', '--ledger-out', L]).status).toBe(0);
    const march = skilltax([...args, '--from', '2024-03', '--to', '2024-03', '--ledger', L]);
    expect(march.stdout.split('\n').slice(1)).toEqual(whole.stdout.split('\n').slice(3));
    expect(march.status).toBe(whole.status);
    expect(whole.status, whole.stderr).toBe(0);
  });

  it('a hole in the ledger over a period the inputs have is still a ledger gap', () => {
    const d = tempDir();
    const led = write(d, 'ledger.csv', csv('enterprise_id,kind,period,opening,added,used,closing', `${A},pcie_credit,2024-01,,,,500.00`));
    const r = skilltax([
      'credit',
      '--surcharges',
      // sales above the exemption threshold: the exit status 1 is the ledger gap's alone (no sales_missing, RULES §2.2)
      write(d, 'surcharges.csv', csv('enterprise_id,period,vat,sales', `${A},2024-02,100000.00,10000000.00`, `${A},2024-03,100000.00,10000000.00`)),
      '--qualifications',
      write(d, 'q.csv', csv('enterprise_id,qualification,valid_from,valid_to', `${A},pcie_pilot,2019-01-01,`)),
      '--ledger',
      led,
      '--from',
      '2024-03',
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/2024-03,education_surcharge,.*,ledger_gap,/);
    // the 500.00 carried in is used up in 2024-03
    expect(r.stderr).toBe(`warning: ${A} 2024-03: ledger_gap\n${creditLine(r.stdout, { carried: '0.00' })}`);
  });

  it('the conflict hint does not advise a --to the inputs cannot reach', () => {
    const D = 'fixtures/errors/credit-ledger-conflict';
    const d = tempDir();
    const s = join(d, 's.csv');
    writeFileSync(s, csv('enterprise_id,period,vat', `${A},2024-01,10000.00`, `${A},2024-02,10000.00`));
    const args = ['credit', '--surcharges', s, '--training', `${D}/training.csv`, '--qualifications', `${D}/qualifications.csv`, '--ledger', `${D}/ledger.csv`];
    const r = skilltax(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the inputs have no return after 2024-02 while the ledger goes on to 2024-04: add the later returns/);
  });

  it('a withdrawal after the pilot period still takes back from the pool', () => {
    const rules = new Rules();
    const p = (t: string) => parseFilingPeriod(t);
    const r = computeCredit(rules, {
      enterpriseId: A,
      qualifications: [{ qualification: 'pcie_pilot', valid_from: '2020-01-01', valid_to: '2023-12-31' }],
      carry: { fen: 100_000, gap: false },
      periods: [{ period: p('2024-03'), investment: -1_000_000, investmentRows: 1 }],
    });
    expect(r.pool[0]).toMatchObject({ opening: 100_000, added: -300_000, used: 0, closing: 0, shortfall: 200_000 });
    expect(r.rows[0]!.notes).toEqual(['investment_withdrawn']);
  });
});
