/**
 * The fast paths of the credit at scale (issue #13) against the general ones they stand in for:
 * `rateMul` (integer rounding) against `mulRate` (decimal.js), and the surcharge loader's cell
 * parsers (memoized enterprise and period, plain amounts without regular expressions) against
 * the schema's own parsers on the same cells, values and problems alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateMul } from '../src/calculators/pcie-credit.js';
import { InputError, ProblemList } from '../src/domain/errors.js';
import { withUsccCheck } from '../src/domain/ids.js';
import { Dec, mulRate } from '../src/domain/money.js';
import { readRows } from '../src/io/csv-in.js';
import { surchargesSchema } from '../src/io/kinds.js';
import { loadSurcharges } from '../src/io/load.js';
import { tempDirs, write } from './helpers/files.js';

const RUNS = { numRuns: Number(process.env.PROP_RUNS ?? 200) };
const tempDir = tempDirs();

describe('rateMul: round(fen × rate) half-up in integers, as mulRate', () => {
  const rate = fc.oneof(
    fc.constantFrom('0', '1', '0.03', '0.02', '0.5', '0.3', '0.025', '0.015'),
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.bigInt({ min: 0n, max: 10n ** 20n })).map(([places, digits]) => {
      // a fraction 0–1 with up to 20 decimals (beyond 15, rateMul hands it to decimal.js)
      const text = digits.toString().padStart(places + 1, '0');
      const v = places === 0 ? text.slice(-1) : `0.${text.slice(-places)}`;
      return new Dec(v).gt(1) ? '1' : v;
    }),
  );
  const fen = fc.oneof(
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.constantFrom(0, 1, -1, 50, -50, 150, -150, 2 ** 52, -(2 ** 52), 2 ** 52 + 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  );

  it('equals mulRate for every amount and rate, never -0', () => {
    fc.assert(
      fc.property(fen, rate, (f, r) => {
        const d = new Dec(r);
        const got = rateMul(f, d);
        expect(got).toBe(mulRate(f, d));
        expect(Object.is(got, -0)).toBe(false);
      }),
      { numRuns: RUNS.numRuns * 10 },
    );
  });

  it('halves round away from zero', () => {
    const half = new Dec('0.5');
    expect([1, 3, -1, -3, 5].map((f) => rateMul(f, half))).toEqual([1, 2, -1, -2, 3]);
    expect(rateMul(150, new Dec('0.03'))).toBe(5); // 4.5 → 5
    expect(rateMul(-150, new Dec('0.03'))).toBe(-5);
  });
});

describe('loadSurcharges reads every cell as the schema’s own parsers do', () => {
  const A = withUsccCheck('91330282MA2B00001');
  const B = withUsccCheck('91330282MA2B00002');
  const amount = fc.oneof(
    // plain (the fast path): digits, leading zeros, one or two decimals, up to 13 and beyond
    fc.tuple(fc.stringMatching(/^\d{1,16}$/), fc.constantFrom('', '.5', '.05', '.50', '.00')).map(([i, f]) => i + f),
    // every other form goes to parseAmount: separators, signs, ¥, 元, spaces, too many decimals, junk
    fc.constantFrom('1,234.56', '12,345', '-5.00', '+5', '¥100', '￥ 100.5', '100元', '.5', '5.', '1.234', '1e3', '0x10', '１２', '12 34', '00000000000000012.34'),
    fc.stringMatching(/^[\d.,+-]{1,8}$/),
  );
  // mostly well-formed rows, each in a month of its own (written in one of the forms exports use),
  // so that whole files load; now and then any period and any id
  const month = (m: number) => fc.constantFrom(`2024-${String(m).padStart(2, '0')}`, `2024/${m}`, `2024${String(m).padStart(2, '0')}`, `2024年${m}月`);
  const badPeriod = fc.constantFrom('2024-Q2', '2024-13', '2024', 'Q1', '2024-06-30', '0001-01', '2024年第三季度');
  const id = fc.oneof({ arbitrary: fc.constantFrom(A, B, A.toLowerCase()), weight: 8 }, { arbitrary: fc.constantFrom('91330282MA2B000010', 'not-an-id'), weight: 1 });
  const plainAmount = fc.tuple(fc.stringMatching(/^\d{1,12}$/), fc.constantFrom('', '.5', '.05', '.00')).map(([i, f]) => i + f);
  const cell = fc.oneof({ arbitrary: plainAmount, weight: 6 }, { arbitrary: amount, weight: 1 });
  const rowsArb = fc.array(fc.tuple(id, fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: badPeriod, weight: 1 }), cell, fc.option(cell, { nil: '' }), fc.option(cell, { nil: '' })), { minLength: 1, maxLength: 12 }).chain((rows) =>
    fc.tuple(...rows.map(([i, p, vat, sales, paid], k) => (p === undefined ? month(k + 1) : fc.constant(p)).map((period) => ({ id: i, period, vat, sales, paid })))),
  );
  const seen = { loaded: 0, problems: 0, overlaps: 0 };

  it('same values by line, or the same problems', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, async (rows) => {
        const dir = tempDir();
        const lines = ['enterprise_id,period,vat,sales,paid_edu', ...rows.map((r) => [r.id, r.period, r.vat, r.sales, r.paid].map((c) => (/[,"]/.test(c) ? `"${c}"` : c)).join(','))];
        const path = write(dir, 'surcharges.csv', lines.join('\n') + '\n');
        const o = { encoding: 'utf8' as const, maxErrors: 1000 };
        // the reference: the schema's own parsers, row by row
        const problems = new ProblemList(o.maxErrors);
        const want = new Map<number, unknown>();
        await readRows(path, surchargesSchema, o, problems, (r, ctx) => want.set(ctx.line, { id: r.enterprise_id, period: r.period, vat: r.vat, sales: r.sales, paid_edu: r.paid_edu ?? 0 }));
        let got: Map<number, unknown> | undefined;
        let error: unknown;
        try {
          const loaded = await loadSurcharges(path, o);
          got = new Map();
          for (const [id, list] of loaded) for (const r of list) got.set(r.line, { id, period: r.period, vat: r.vat, sales: r.sales, paid_edu: r.paid_edu });
        } catch (e) {
          error = e;
        }
        if (problems.items.length) {
          seen.problems++;
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).problems).toEqual(problems.items);
        } else if (error === undefined) {
          seen.loaded++;
          expect(got).toEqual(want);
        } else {
          // only the loader's own check (overlapping periods of one enterprise) is left
          seen.overlaps++;
          expect(error).toBeInstanceOf(InputError);
          for (const p of (error as InputError).problems) expect(p.message).toMatch(/overlaps/);
        }
      }),
      { numRuns: Math.max(40, Math.floor(RUNS.numRuns / 2)) },
    );
    // measured at 100 runs: 18 files load, 82 have a problem of a cell
    expect(seen.loaded).toBeGreaterThan(5);
    expect(seen.problems).toBeGreaterThan(5);
  });

  it('returns of one period share its Period object', async () => {
    const path = write(tempDir(), 'surcharges.csv', `enterprise_id,period,vat\n${A},2024-01,1.00\n${B},2024-01,2.00\n${B},2024-02,3.00\n`);
    const loaded = await loadSurcharges(path, { encoding: 'utf8', maxErrors: 10 });
    expect(loaded.get(A)![0]!.period).toBe(loaded.get(B)![0]!.period);
    expect(loaded.get(B)!.map((r) => r.vat)).toEqual([200, 300]);
  });
});
