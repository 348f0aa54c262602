/**
 * Insured months (insurance.csv, issue #15): counting at its boundaries (11 vs 12 months, a
 * month paid by two enterprises, a gap under each counting rule, any day of a month), the
 * employer on a date, rows in any order giving what a plain count gives, and a 2,000,000-row
 * file read through the loader.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { InsuredMonthsBuilder, monthNumber } from '../src/domain/insured-months.js';
import type { InsuredMonths, InsuredMonthsRule } from '../src/domain/records.js';
import { loadInsurance } from '../src/io/load-fund.js';
import { tempDirs } from './helpers/files.js';
import { A, B, P1, P2 } from './helpers/kinds.js';
import { addDays } from '../src/domain/periods.js';
import { personIdCheckChar } from '../src/domain/ids.js';

/** InsuredMonths of rows [person, YYYY-MM, enterprise]. */
function months(rows: readonly (readonly [string, string, string])[]): InsuredMonths {
  const b = new InsuredMonthsBuilder();
  for (const [p, m, e] of rows) b.add(p, monthNumber(m), e);
  return b.build();
}

/** The months from..to (YYYY-MM, inclusive) paid by `enterprise` for `person`. */
function span(person: string, from: string, to: string, enterprise: string): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (let m = monthNumber(from); m <= monthNumber(to); m++) out.push([person, `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, enterprise]);
  return out;
}

describe('insured months at their boundaries', () => {
  it('11 months are 11, the 12th month makes 12, on any day of that month', () => {
    const eleven = months(span(P1, '2023-01', '2023-11', A));
    expect(eleven.monthsBy(P1, '2023-11-30', 'cumulative')).toBe(11);
    expect(eleven.monthsBy(P1, '2024-06-30', 'cumulative')).toBe(11);
    const twelve = months(span(P1, '2023-01', '2023-12', A));
    expect(twelve.monthsBy(P1, '2023-11-30', 'cumulative')).toBe(11);
    expect(twelve.monthsBy(P1, '2023-12-01', 'cumulative')).toBe(12);
    expect(twelve.monthsBy(P1, '2023-12-31', 'cumulative')).toBe(12);
    expect(twelve.monthsBy(P1, '2023-12-31', 'consecutive')).toBe(12);
  });

  it('a date inside a month counts that month; before the first month there is none', () => {
    const m = months(span(P1, '2023-03', '2023-05', A));
    expect(m.monthsBy(P1, '2023-03-01', 'cumulative')).toBe(1);
    expect(m.monthsBy(P1, '2023-03-31', 'cumulative')).toBe(1);
    expect(m.monthsBy(P1, '2023-04-15', 'cumulative')).toBe(2);
    expect(m.monthsBy(P1, '2023-02-28', 'cumulative')).toBe(0);
    expect(m.monthsBy(P1, '2023-02-28', 'consecutive')).toBe(0);
    expect(m.employerOn(P1, '2023-02-28')).toBeUndefined();
  });

  it('a month paid by two enterprises counts once; its employer is the first 统一社会信用代码 in byText order, whatever the rows order', () => {
    expect(A < B).toBe(true);
    for (const rows of [
      [...span(P1, '2023-01', '2023-06', B), [P1, '2023-03', A] as const],
      [[P1, '2023-03', A] as const, ...span(P1, '2023-01', '2023-06', B)],
      [...span(P1, '2023-01', '2023-06', B), [P1, '2023-03', B] as const],
    ]) {
      const m = months(rows);
      expect(m.monthsBy(P1, '2023-06-30', 'cumulative')).toBe(6);
      expect(m.monthsBy(P1, '2023-06-30', 'consecutive')).toBe(6);
      expect(m.employerOn(P1, '2023-02-01')).toBe(B);
      expect(m.employerOn(P1, '2023-04-01')).toBe(B);
    }
    expect(months([...span(P1, '2023-01', '2023-06', B), [P1, '2023-03', A]]).employerOn(P1, '2023-03-15')).toBe(A);
    expect(months([[P1, '2023-03', A], ...span(P1, '2023-01', '2023-06', B)]).employerOn(P1, '2023-03-15')).toBe(A);
  });

  it('two employers in turn: the employer of each month, or of the latest month before the date', () => {
    const m = months([...span(P1, '2022-01', '2022-12', A), ...span(P1, '2023-01', '2023-08', B)]);
    expect(m.employerOn(P1, '2021-12-31')).toBeUndefined();
    expect(m.employerOn(P1, '2022-01-01')).toBe(A);
    expect(m.employerOn(P1, '2022-12-31')).toBe(A);
    expect(m.employerOn(P1, '2023-01-01')).toBe(B);
    expect(m.employerOn(P1, '2025-05-05')).toBe(B);
    // months in different enterprises add up, and run on unbroken across the change
    expect(m.monthsBy(P1, '2023-08-31', 'cumulative')).toBe(20);
    expect(m.monthsBy(P1, '2023-08-31', 'consecutive')).toBe(20);
  });

  it('a gap: cumulative adds the months on both sides, consecutive counts the latest unbroken run', () => {
    const m = months([...span(P1, '2022-01', '2022-06', A), ...span(P1, '2022-09', '2022-12', B)]);
    expect(m.monthsBy(P1, '2022-12-31', 'cumulative')).toBe(10);
    expect(m.monthsBy(P1, '2022-12-31', 'consecutive')).toBe(4);
    // inside the gap: the run before it, though it does not reach the date
    expect(m.monthsBy(P1, '2022-08-15', 'cumulative')).toBe(6);
    expect(m.monthsBy(P1, '2022-08-15', 'consecutive')).toBe(6);
    expect(m.employerOn(P1, '2022-08-15')).toBe(A);
    expect(m.monthsBy(P1, '2022-10-01', 'consecutive')).toBe(2);
  });

  it('persons are kept apart; a person with no month has 0 and no employer', () => {
    const m = months([...span(P1, '2023-01', '2023-03', A), ...span(P2, '2023-02', '2023-02', B)]);
    expect(m.persons()).toBe(2);
    expect(m.monthsBy(P2, '2023-12-31', 'cumulative')).toBe(1);
    expect(m.monthsBy('330282199001010000', '2023-12-31', 'cumulative')).toBe(0);
    expect(m.employerOn('330282199001010000', '2023-12-31')).toBeUndefined();
  });

  it('rows in any order, many persons interleaved: the same as a plain count of the distinct months', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const persons = Array.from({ length: 300 }, (_, i) => `P${String(i).padStart(17, '0')}`);
    const rows: [string, string, string][] = [];
    for (let i = 0; i < 20000; i++) {
      const m = monthNumber('2015-01') + rnd(120);
      rows.push([persons[rnd(persons.length)]!, `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, [A, B][rnd(2)]!]);
    }
    const built = months(rows);
    const rules: InsuredMonthsRule[] = ['cumulative', 'consecutive'];
    for (const p of persons.slice(0, 60)) {
      for (const date of ['2015-06-15', '2018-01-01', '2021-12-31', '2030-01-01']) {
        const upTo = monthNumber(date);
        const mine = rows.filter((r) => r[0] === p && monthNumber(r[1]) <= upTo);
        const distinct = [...new Set(mine.map((r) => monthNumber(r[1])))].sort((a, b) => a - b);
        let run = distinct.length ? 1 : 0;
        for (let i = distinct.length - 1; i > 0 && distinct[i - 1] === distinct[i]! - 1; i--) run++;
        const [cumulative, consecutive] = rules.map((rule) => built.monthsBy(p, date, rule));
        expect([cumulative, consecutive], `${p} ${date}`).toEqual([distinct.length, run]);
        const last = distinct.at(-1);
        const payers = mine.filter((r) => monthNumber(r[1]) === last).map((r) => r[2]).sort();
        expect(built.employerOn(p, date)).toBe(payers[0]);
      }
    }
  });
});

describe('insurance.csv through the loader', () => {
  const tempDir = tempDirs('skilltax-insured-');

  it('2,000,000 rows, month by month for 100,000 persons: read as they stream, counted right', async () => {
    const file = `${tempDir()}/insurance.csv`;
    const out = createWriteStream(file);
    out.write('person_id,period,enterprise_id\n');
    const persons = 100_000;
    // valid 身份证号 (insurance.csv refuses others): 10,000 birth dates × 10 sequence numbers
    const ids = Array.from({ length: persons }, (_, i) => {
      const first17 = `330282${addDays('1960-01-01', i % 10_000).replace(/-/g, '')}${String(Math.floor(i / 10_000)).padStart(3, '0')}`;
      return first17 + personIdCheckChar(first17)!;
    });
    // Month-major order (a monthly export after another): every person grows at once.
    for (let k = 0; k < 20; k++) {
      const month = `${2022 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      const lines: string[] = [];
      for (let i = 0; i < persons; i++) {
        // person i pays no month 5 when i is a multiple of 7: a gap
        if (k === 5 && i % 7 === 0) continue;
        lines.push(`${ids[i]},${month},${k < 10 ? A : B}`);
      }
      // and the same month twice for every tenth person, by the other enterprise
      if (k === 3) for (let i = 0; i < persons; i += 10) lines.push(`${ids[i]},${month},${B}`);
      if (!out.write(lines.join('\n') + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const m = await loadInsurance(file, { encoding: 'auto', maxErrors: 100 });
    expect(m.persons()).toBe(persons);
    const p = (i: number) => ids[i]!;
    expect(m.monthsBy(p(1), '2023-08-31', 'cumulative')).toBe(20);
    expect(m.monthsBy(p(1), '2023-08-31', 'consecutive')).toBe(20);
    expect(m.monthsBy(p(7), '2023-08-31', 'cumulative')).toBe(19);
    expect(m.monthsBy(p(7), '2023-08-31', 'consecutive')).toBe(14);
    expect(m.monthsBy(p(10), '2022-12-01', 'cumulative')).toBe(12);
    expect(m.employerOn(p(10), '2022-04-10')).toBe(A);
    expect(m.employerOn(p(10), '2023-08-31')).toBe(B);
    expect(m.employerOn(p(99_999), '2022-10-31')).toBe(A);
    expect(m.employerOn(p(99_999), '2022-11-01')).toBe(B);
  }, 30_000);
});
