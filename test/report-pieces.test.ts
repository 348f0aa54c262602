/**
 * Reports written in pieces (issue #13): the CSV and JSON text made row by row is the text the
 * whole-table renderers made before (csv-stringify on every record, JSON.stringify on the array),
 * for any cells, including commas, quotes, line breaks, formula-like text and empty cells; the
 * ledger merged as it is read equals mergeLedger's sorted array; the deduction rows kept in
 * columns read back as computed; a ledger merged as it is read passed to the next carryforward
 * (`run`) gives what the same rows as an array give.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { computeEducationDeductions, DeductionStore, deductionRow, type DeductionRow, type EducationNote } from '../src/calculators/education-expense.js';
import { Rules } from '../src/rules/index.js';
import { parsePeriodText, type Period } from '../src/domain/periods.js';
import type { LedgerEntry } from '../src/domain/records.js';
import type { ColumnDef, Record_ } from '../src/domain/table.js';
import { csvPieces, csvRecord, jsonPieces, renderCsv, renderJson } from '../src/io/csv-out.js';
import { carryforward } from '../src/ledger/carryforward.js';
import { ComputedRows, compareEntries, MergedLedger, mergeLedger, replaceSpans } from '../src/ledger/ledger.js';

const NASTY = ['', ',', '"', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', '\r\n', '=1+1', '-5', '+x', '@a', '\tt', ' spaced ', '身份证,号', '"', '""', ',,'];
const cell = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 }), fc.integer({ min: -1000, max: 1000 }).map(String));

describe('csvRecord: the text csv-stringify gives a record', () => {
  it('for any cells', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        expect(csvRecord(cells)).toBe(stringify([cells], { record_delimiter: '\n' }));
      }),
      { numRuns: 2000 },
    );
  });
});

const COLUMNS: ColumnDef[] = [
  { name: 'id', zh: '编号', type: 'text' },
  { name: 'n', zh: '数', type: 'int' },
  { name: 'amount', zh: '金额', type: 'money' },
  { name: 'note', zh: '备注', type: 'text' },
];
const record = fc.record({ id: cell, n: fc.oneof(fc.integer({ min: -99, max: 99 }), cell), amount: cell, note: fc.option(cell, { nil: undefined }) }, { requiredKeys: ['id', 'n', 'amount'] });

/** What renderCsv and renderJson wrote before reports came in pieces: one call on the whole table. */
function wholeCsv(rows: Record_[], header: 'en' | 'zh', bom: boolean): string {
  const guard = (x: string) => (/^[=+\-@\t\r]/.test(x) ? `'${x}` : x);
  const text = (c: ColumnDef, v: unknown) => (v === undefined ? '' : c.type === 'text' ? guard(String(v)) : String(v));
  const head = COLUMNS.map((c) => (header === 'zh' ? c.zh : c.name));
  return (bom ? '\uFEFF' : '') + stringify([head, ...rows.map((r) => COLUMNS.map((c) => text(c, r[c.name])))], { record_delimiter: '\n' });
}
function wholeJson(rows: Record_[], header: 'en' | 'zh'): string {
  const out = rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [header === 'zh' ? c.zh : c.name, c.type === 'int' && typeof r[c.name] === 'number' ? r[c.name] : String(r[c.name] ?? '')])));
  return JSON.stringify(out, null, 2) + '\n';
}

describe('reports in pieces: the same text as the whole table rendered at once', () => {
  it('CSV and JSON, records or cells in column order, any header and BOM', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 12 }), fc.constantFrom('en' as const, 'zh' as const), fc.boolean(), (rows, header, bom) => {
        const asCells = rows.map((r) => COLUMNS.map((c) => (r as Record_)[c.name] ?? ''));
        expect(renderCsv({ columns: COLUMNS, rows }, header, bom)).toBe(wholeCsv(rows, header, bom));
        expect(renderJson({ columns: COLUMNS, rows }, header)).toBe(wholeJson(rows, header));
        expect(renderCsv({ columns: COLUMNS, rows: asCells }, header, bom)).toBe(wholeCsv(rows, header, bom));
        expect(renderJson({ columns: COLUMNS, rows: asCells }, header)).toBe(wholeJson(rows, header));
      }),
      { numRuns: 500 },
    );
  });

  it('a large table comes in several pieces that join to the whole text, and can be read twice', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ id: `E${i}`, n: i, amount: `${i}.00`, note: i % 7 ? '' : 'a,b' }));
    const table = { columns: COLUMNS, rows: { *[Symbol.iterator]() { yield* rows; } } };
    const pieces = [...csvPieces(table, 'en', true)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(wholeCsv(rows, 'en', true));
    expect([...csvPieces(table, 'en', true)].join('')).toBe(pieces.join(''));
    const json = [...jsonPieces(table, 'zh')];
    expect(json.length).toBeGreaterThan(1);
    expect(json.join('')).toBe(wholeJson(rows, 'zh'));
  });
});

// ── the ledger merged as it is read ───────────────────────────────────────────

const IDS = ['91330282MA2B000016', '91330282MA2B000029', '91330282MA2B00003C', '91330282MA2B00004A'];
const PERIODS = ['2018', '2019', '2020', '2021', '2022', '2023-01', '2023-02', '2023-Q2', '2023-07'].map((t) => parsePeriodText(t)!);
const kindFor = (p: Period) => (p.kind === 'year' ? 'education_expense' : 'pcie_credit') as LedgerEntry['kind'];
const entry = fc
  .record({ id: fc.constantFrom(...IDS), p: fc.constantFrom(...PERIODS), opening: fc.option(fc.nat(5000), { nil: undefined }), closing: fc.nat(5000) })
  .map(({ id, p, opening, closing }): LedgerEntry => ({ enterprise_id: id, kind: kindFor(p), period: p, ...(opening === undefined ? {} : { opening, added: 10, used: 5 }), closing }));
/** No two rows with one key (the ledger's own checks refuse them). */
const unique = (rows: LedgerEntry[]) => [...new Map(rows.map((e) => [`${e.enterprise_id} ${e.kind} ${e.period.text}`, e])).values()];

describe('MergedLedger: the rows mergeLedger gives, in the same order', () => {
  it('input rows kept, computed rows of one kind in columns', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.array(entry, { maxLength: 30 }), fc.boolean(), (input, computedRaw, force) => {
        const ledger = unique(input);
        const computed = new Map<string, LedgerEntry[]>();
        for (const e of unique(computedRaw).filter((x) => x.kind === 'education_expense').sort(compareEntries)) computed.set(e.enterprise_id, [...(computed.get(e.enterprise_id) ?? []), e]);
        const rows = new ComputedRows();
        for (const id of [...computed.keys()].sort()) rows.add(id, computed.get(id)!);
        const want = mergeLedger(ledger, 'education_expense', computed, force);
        const got = replaceSpans(ledger, 'education_expense', (id) => rows.span(id, 'education_expense'), force);
        const merged = new MergedLedger(got.kept, rows);
        expect([...merged]).toEqual(want.entries);
        expect([...merged]).toEqual([...merged]);
        expect(merged.length).toBe(want.entries.length);
        expect(got.conflicts).toEqual(want.conflicts);
        expect(got.dropped).toEqual(want.dropped);
      }),
      { numRuns: 500 },
    );
  });

  it('a MergedLedger carried into the next carryforward gives what its rows as an array give', () => {
    const byId = (rows: LedgerEntry[], kind: LedgerEntry['kind']) => {
      const m = new Map<string, LedgerEntry[]>();
      for (const e of unique(rows).filter((x) => x.kind === kind).sort(compareEntries)) m.set(e.enterprise_id, [...(m.get(e.enterprise_id) ?? []), e]);
      return m;
    };
    const outcome = (f: () => unknown) => {
      try {
        return f();
      } catch (e) {
        return (e as Error).message;
      }
    };
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.array(entry, { maxLength: 30 }), fc.array(entry, { maxLength: 30 }), fc.boolean(), (input, educationRaw, creditRaw, force) => {
        const education = byId(educationRaw, 'education_expense');
        const rows = new ComputedRows();
        for (const id of [...education.keys()].sort()) rows.add(id, education.get(id)!);
        const merged = new MergedLedger(replaceSpans(unique(input), 'education_expense', (id) => rows.span(id, 'education_expense'), true).kept, rows);
        const credit = byId(creditRaw, 'pcie_credit');
        const run = (ledger: Iterable<LedgerEntry>) =>
          outcome(() => {
            const done = carryforward(
              { kinds: ['pcie_credit'], ledger, ids: credit.keys(), force, plan: (id) => id, fold: (id) => ({ result: id, rows: credit.get(id)! }), advice: () => 'recompute' },
              () => {},
            );
            return { ledger: [...done.ledger], again: [...done.ledger], length: done.ledger.length, conflicts: done.conflicts, dropped: done.dropped };
          });
        expect(run(merged)).toEqual(run([...merged]));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses computed rows of enterprises out of order', () => {
    const rows = new ComputedRows();
    const e = (id: string): LedgerEntry => ({ enterprise_id: id, kind: 'education_expense', period: PERIODS[0]!, opening: 0, added: 0, used: 0, closing: 0 });
    rows.add(IDS[1]!, [e(IDS[1]!)]);
    expect(() => rows.add(IDS[0]!, [e(IDS[0]!)])).toThrow(/out of order/);
  });
});

describe('DeductionStore: rows read back as they were added', () => {
  const notes = fc.subarray<EducationNote>(['full_training_unqualified', 'ledger_gap', 'no_wages']);
  const fen = fc.integer({ min: 0, max: 2 ** 40 });
  const rate = fc.constantFrom(new Decimal('0.025'), new Decimal('0.08'), new Decimal('0.15'));
  const core = fc.record({ year: fc.integer({ min: 2008, max: 2100 }), wages: fen, rate, cap: fen, book: fen, incurred: fen, carry_in: fen, deductible: fen, full_book: fen, full_incurred: fen, notes });
  it('every column, the rate and the notes in their order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(core, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (enterprises) => {
        const store = new DeductionStore();
        const all: DeductionRow[] = [];
        enterprises.forEach((years, i) => {
          const rows = years.map((c) => deductionRow({ ...c, enterprise_id: `E${String(i).padStart(3, '0')}` }));
          store.add(rows);
          all.push(...rows);
        });
        const plain = (rs: DeductionRow[]) => rs.map((r) => ({ ...r, rate: r.rate.toFixed() }));
        expect(plain([...store])).toEqual(plain(all));
        expect(store.totals().enterprises).toBe(enterprises.length);
        expect(store.totals().warnings).toBe(all.filter((r) => r.notes.length).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('computeEducationDeductions with nothing to compute', () => {
  it('hands the ledger on as given (not re-sorted), as before', () => {
    const ledger = [...IDS].reverse().map((id): LedgerEntry => ({ enterprise_id: id, kind: 'education_expense', period: PERIODS[0]!, closing: 100 }));
    const r = computeEducationDeductions({ payroll: new Map(), training: { education: new Map(), pcie: new Map() }, ledger }, { rules: new Rules(), range: {}, force: false, paths: {} });
    expect([...r.ledger]).toEqual(ledger);
    expect(r.deductions.length).toBe(0);
  });
});
