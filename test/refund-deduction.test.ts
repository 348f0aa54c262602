/**
 * #10 item 5: the 留抵退税 deduction carried forward (附列资料（五）, RULES §2.2). A refund
 * deduction larger than the period's VAT base is not lost: the remainder is carried to the next
 * periods, used before their bases, and kept in the ledger as kind `refund_deduction`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLedger } from '../src/ledger/ledger.js';
import { skilltax } from './helpers/cli.js';
import { GOLDEN, readCsv } from './helpers/demo.js';
import { tempDirs, write } from './helpers/files.js';

const tempDir = tempDirs('skilltax-refund-');
const A = '91330282MA2AF7XJ3P';
const HEAD = 'enterprise_id,period,vat,refund_deduction,sales';

function credit(lines: string[], extra: string[] = []) {
  const dir = tempDir();
  const s = write(dir, 'surcharges.csv', [HEAD, ...lines, ''].join('\n'));
  const out = join(dir, 'credits.csv');
  const ledger = join(dir, 'ledger.csv');
  const r = skilltax(['credit', '--surcharges', s, '--out', out, '--ledger-out', ledger, ...extra]);
  return { r, dir, credits: readCsv(readFileSync(out)), ledger: readCsv(readFileSync(ledger)), ledgerPath: ledger, surcharges: s };
}

describe('the refund deduction carried forward', () => {
  it('RULES §2.2 worked check: May VAT 60,000, deduction 85,000 → base 0, 25,000 carried; June VAT 90,000 → base 65,000 → 1,950.00 and 1,300.00', () => {
    const { r, credits, ledger } = credit([`${A},2024-05,60000.00,85000.00,5000000.00`, `${A},2024-06,90000.00,0.00,5000000.00`]);
    expect(r.status, r.stderr).toBe(0);
    expect(credits.map((c) => [c.period, c.fee, c.base, c.due])).toEqual([
      ['2024-05', 'education_surcharge', '0.00', '0.00'],
      ['2024-05', 'local_education_surcharge', '0.00', '0.00'],
      ['2024-06', 'education_surcharge', '65000.00', '1950.00'],
      ['2024-06', 'local_education_surcharge', '65000.00', '1300.00'],
    ]);
    expect(ledger.filter((x) => x.kind === 'refund_deduction').map((x) => [x.period, x.opening, x.added, x.used, x.closing])).toEqual([
      ['2024-05', '0.00', '85000.00', '60000.00', '25000.00'],
      ['2024-06', '25000.00', '0.00', '25000.00', '0.00'],
    ]);
  });

  it('carried over two periods and into a new year; the ledger rows pass the ledger checks', () => {
    const { credits, ledger } = credit([
      `${A},2024-11,10000.00,50000.00,5000000.00`,
      `${A},2024-12,15000.00,0.00,5000000.00`,
      `${A},2025-01,30000.00,0.00,5000000.00`,
    ]);
    expect(credits.filter((c) => c.fee === 'education_surcharge').map((c) => [c.period, c.base])).toEqual([
      ['2024-11', '0.00'],
      ['2024-12', '0.00'],
      ['2025-01', '5000.00'],
    ]);
    const rows = ledger.filter((x) => x.kind === 'refund_deduction');
    expect(rows.map((x) => [x.period, x.opening, x.used, x.closing])).toEqual([
      ['2024-11', '0.00', '10000.00', '40000.00'],
      ['2024-12', '40000.00', '15000.00', '25000.00'],
      ['2025-01', '25000.00', '25000.00', '0.00'],
    ]);
  });

  it('period by period through the ledger equals one run', () => {
    const lines = [`${A},2024-05,60000.00,85000.00,5000000.00`, `${A},2024-06,10000.00,0.00,5000000.00`, `${A},2024-07,90000.00,0.00,5000000.00`];
    const whole = credit(lines);
    const dir = tempDir();
    const s = write(dir, 'surcharges.csv', [HEAD, ...lines, ''].join('\n'));
    const ledger = join(dir, 'ledger.csv');
    write(dir, 'ledger.csv', 'enterprise_id,kind,period,opening,added,used,closing\n');
    const bases: string[] = [];
    for (const p of ['2024-05', '2024-06', '2024-07']) {
      const out = join(dir, `credits-${p}.csv`);
      const r = skilltax(['credit', '--surcharges', s, '--ledger', ledger, '--ledger-out', ledger, '--from', p, '--to', p, '--out', out]);
      expect(r.status, r.stderr).toBe(0);
      bases.push(readCsv(readFileSync(out))[0]!.base!);
    }
    expect(bases).toEqual(whole.credits.filter((c) => c.fee === 'education_surcharge').map((c) => c.base));
    expect(readFileSync(ledger, 'utf8')).toBe(readFileSync(whole.ledgerPath, 'utf8'));
  });

  it('the ledger checks hold for the kind: arithmetic and chain', () => {
    const col = (n: string) => ['enterprise_id', 'kind', 'period', 'opening', 'added', 'used', 'closing'].indexOf(n) + 1;
    const p = (text: string) => ({ kind: 'month' as const, year: Number(text.slice(0, 4)), n: Number(text.slice(5)), text });
    const problems = checkLedger(
      [
        { enterprise_id: A, kind: 'refund_deduction', period: p('2024-05'), opening: 0, added: 8500000, used: 6000000, closing: 2500000, file: 'l.csv', line: 2 },
        { enterprise_id: A, kind: 'refund_deduction', period: p('2024-06'), opening: 2400000, added: 0, used: 0, closing: 2400000, file: 'l.csv', line: 3 },
        { enterprise_id: A, kind: 'refund_deduction', period: { kind: 'year', year: 2024, n: 0, text: '2024' }, opening: 0, added: 0, used: 0, closing: 0, file: 'l.csv', line: 4 },
      ],
      col,
    );
    expect(problems.map((x) => x.message).sort()).toEqual([
      'a refund_deduction row has a month (YYYY-MM) or quarter (YYYY-Qn) period',
      'the chain is broken: opening of 2024-06 does not equal closing of 2024-05 (25000.00, line 2)',
    ]);
  });

  it('the demo: the bearing maker’s 2023-02 deduction of 85,000.00 is used in full that month', () => {
    const rows = readCsv(readFileSync(join(GOLDEN, 'ledger.csv'))).filter((x) => x.kind === 'refund_deduction');
    expect(rows).toEqual([{ enterprise_id: '91330282144073961U', kind: 'refund_deduction', period: '2023-02', opening: '0.00', added: '85000.00', used: '85000.00', closing: '0.00' }]);
  });
});
