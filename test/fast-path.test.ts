/**
 * The payroll fast path (src/io/fast-payroll.ts, issue #13) against the general reader: for
 * generated files, clean and broken in every way the general path knows (quotes, embedded commas
 * and line ends, BOM, CRLF, bare CR, GB18030 and UTF-8 headers and cells, blank and comma-only
 * lines, title rows, two-row headers, ragged rows, total rows, every bad value of the fuzz list,
 * both kinds of period in one year, sums past 2^53 fen), `loadPayroll` gives exactly the same
 * result with the fast path on and off — the same records in the same order, or the same problems
 * at the same FILE:LINE:COLUMN, and the same notes — read in chunks of many sizes. Clean files
 * must actually take the fast path (a fast path that always gave up would pass the rest), and so
 * must the demo's payroll and the bench generator's.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FileError, InputError } from '../src/domain/errors.js';
import { withUsccCheck } from '../src/domain/ids.js';
import { scanPayroll } from '../src/io/fast-payroll.js';
import { loadPayroll, type LoadOptions } from '../src/io/load.js';
import { requireBuild, ROOT } from './helpers/cli.js';
import { tempDirs } from './helpers/files.js';

const LONG = process.env.SKILLTAX_LONG === '1';
requireBuild();
/** The built module: its worker threads run dist/io/fast-payroll-worker.js. */
const { scanPayroll: builtScan } = (await import(join(ROOT, 'dist', 'io', 'fast-payroll.js'))) as typeof import('../src/io/fast-payroll.js');
const tempDir = tempDirs('skilltax-fast-');

const ID_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ids = Array.from({ length: 6 }, (_, n) => withUsccCheck(`91330282MA${Array.from({ length: 7 }, (_, k) => ID_ALPHABET[(n * 7 + k * 3) % 31]).join('')}`));

/** What loadPayroll gives: the records in order, or the problems; and the notes of the reading. */
async function outcome(path: string, fastPath: boolean, extra: Partial<LoadOptions> = {}) {
  const notes: string[] = [];
  const o: LoadOptions = { encoding: 'auto', maxErrors: 100, note: (m) => notes.push(m), fastPath, ...extra };
  try {
    const m = await loadPayroll(path, o);
    return { records: [...m].map(([id, ys]) => [id, [...ys].map(([y, t]) => [y, { ...t }])]), notes };
  } catch (e) {
    if (e instanceof InputError) return { problems: e.problems, truncated: e.truncated, notes };
    if (e instanceof FileError) return { fileError: e.message, notes };
    throw e;
  }
}

const NASTY = [
  '1e5', '0x10', '--5', '-0', '+7', '-5.00', '１２３４.５６', '2024-02-30', '0000', '9999', '1899', '2101', '2100', '1900-01', '0000-01', '2024-13',
  '2024-00', '2024-1', '202401', '2024/01', '2024.01', '2024年1月', '2024-Q1', '2024-01-15', '1,234.56', '¥1,000', '100元', '1.005', '.5', '5.',
  '00000000000000012.50', '9999999999999.99', '99999999999999.99', '90000000000000.00', ' 12.00', '12.00 ', ' ', '', '\t', '\u0007', 'a\u0000b',
  'NaN', '=SUM(A1)', '"', '""', '12" pipe', '"quoted"', '"1,234.00"', '"a,b"', '"line\nbreak"', 'cr\ronly', '电工', '鐢靛伐', '😀', '合计', '总计:',
  'Müller', 'é', '\u3000', '\u00a0', '合 计', '本页小计：', '张三', '\u2028',
  ids[0]!.toLowerCase(), `${ids[0]!.slice(0, 17)}X`, ids[1]!.slice(0, 17), `${ids[1]} `, 'E1', '2023', '2023-06', '0', '0.00', '12.5',
];

interface Spec {
  header: string[];
  rows: string[][];
}

/** A clean payroll: column order, extra columns and their values, ids, periods (monthly or yearly per enterprise-year) and wages. */
const cleanSpec = fc
  .record({
    zh: fc.boolean(),
    order: fc.constantFrom([0, 1, 2, 3], [3, 0, 1, 2], [1, 0, 2], [0, 1, 2], [2, 1, 0, 3, 4], [0, 4, 1, 2, 3], [4, 0, 1, 2, 3]),
    rows: fc.array(
      fc.record({ e: fc.nat(ids.length - 1), y: fc.integer({ min: 2019, max: 2024 }), m: fc.integer({ min: 1, max: 12 }), fen: fc.oneof(fc.nat(5_000_000), fc.nat(99)), ascii: fc.boolean() }),
      { minLength: 0, maxLength: 40 },
    ),
    yearly: fc.nat(ids.length - 1),
  })
  .map(({ zh, order, rows, yearly }): Spec => {
    const names = zh ? ['统一社会信用代码', '所属期', '应发工资', '工号', '姓名'] : ['enterprise_id', 'period', 'wages', 'employee_id', 'name'];
    return {
      header: order.map((i) => names[i]!),
      rows: rows.map((r) => {
        const period = r.e === yearly ? String(r.y) : `${r.y}-${String(r.m).padStart(2, '0')}`;
        const wages = r.fen % 3 === 0 ? String(Math.floor(r.fen / 100)) : `${Math.floor(r.fen / 100)}.${String(r.fen % 100).padStart(2, '0').slice(0, r.fen % 2 ? 1 : 2)}`;
        const cells = [ids[r.e]!, period, wages, `E${r.fen % 1000}`, r.ascii ? 'Li Lei' : '张三'];
        return order.map((i) => cells[i]!);
      }),
    };
  });

type Mutation =
  | { t: 'value'; row: number; col: number; v: string }
  | { t: 'blank' | 'commas' | 'title' | 'total' | 'extra' | 'short' | 'extraEmpty' | 'mixed' | 'dupCol' | 'group' | 'big' | 'gbRow' | 'gbLatinRow' | 'utf8Row' | 'totalLabel'; row: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant('value' as const), row: fc.nat(60), col: fc.nat(5), v: fc.constantFrom(...NASTY) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constantFrom('blank', 'commas', 'title', 'total', 'extra', 'short', 'extraEmpty', 'mixed', 'dupCol', 'group', 'big', 'gbRow', 'gbLatinRow', 'utf8Row', 'totalLabel'), row: fc.nat(60) }) },
);

const quote = (c: string) => (/[",\r\n]/.test(c) && !/^".*"$/s.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

function mutate(spec: Spec, ms: readonly Mutation[]): Spec {
  const header = [...spec.header];
  const rows = spec.rows.map((r) => [...r]);
  const at = (n: number) => (rows.length ? n % rows.length : 0);
  for (const m of ms) {
    switch (m.t) {
      case 'value':
        if (rows.length) rows[at(m.row)]![m.col % header.length] = m.v;
        break;
      case 'blank':
        rows.splice(at(m.row), 0, []);
        break;
      case 'commas':
        rows.splice(at(m.row), 0, header.map(() => ' '));
        break;
      case 'title':
        header.unshift();
        rows.unshift(['2024年工资表']);
        break;
      case 'total':
        rows.splice(at(m.row), 0, ['合计', ...header.slice(1).map(() => '')]);
        break;
      case 'extra':
        if (rows.length) rows[at(m.row)]!.push('x');
        break;
      case 'extraEmpty':
        if (rows.length) rows[at(m.row)]!.push('');
        break;
      case 'short':
        if (rows.length) rows[at(m.row)]!.pop();
        break;
      case 'mixed': {
        const r = rows[at(m.row)];
        const pi = header.findIndex((h) => h === 'period' || h === '所属期');
        if (r && pi >= 0) rows.push(r.map((c, i) => (i === pi ? c.slice(0, 4) : c)), r.map((c, i) => (i === pi ? `${c.slice(0, 4)}-01` : c)));
        break;
      }
      case 'dupCol':
        header.push(header[0]!);
        for (const r of rows) r.push(r[0] ?? '');
        break;
      case 'group':
        header.push('应发项目');
        for (const r of rows) r.push('1');
        break;
      case 'gbRow':
      case 'gbLatinRow':
      case 'utf8Row':
        // One row in the other encoding than the file's (a line pasted from another export).
        if (rows.length) rows[at(m.row)]!.push(m.t === 'gbRow' ? OTHER_GB : m.t === 'gbLatinRow' ? OTHER_GB_LATIN : OTHER_UTF8);
        break;
      case 'totalLabel':
        // A total row that keeps its other cells (an id, a period, the sum): only the label in its first cell says it is one.
        if (rows.length) rows[at(m.row)]![0] = ['合计', '总计:', '本页小计：', ' 小计 '][m.row % 4]!;
        break;
      case 'big': {
        const wi = header.findIndex((h) => h === 'wages' || h === '应发工资');
        if (wi >= 0) for (let k = 0; k < 3; k++) rows.push([...(rows[0] ?? header.map(() => ''))].map((c, i) => (i === wi ? '9999999999999.99' : c)));
        break;
      }
    }
  }
  return { header, rows };
}

const ENDINGS = ['\n', '\r\n', '\r'] as const;
/** Marks a row (as an extra last cell, removed) to be written in GB18030, or in UTF-8, whatever the file's encoding. */
const OTHER_GB = '\u0001gb';
const OTHER_UTF8 = '\u0001utf8';
/** …or in GB18030 bytes that are also valid UTF-8 (隆隆 reads as Latin letters): the general path marks such a line. */
const OTHER_GB_LATIN = '\u0001gb-latin';
const ENCODINGS = ['utf8', 'utf8-bom', 'gb18030'] as const;

function bytes(spec: Spec, eol: string, enc: (typeof ENCODINGS)[number], trailing: boolean): Buffer {
  const encode = (text: string, e: string) => (e === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text));
  const lines = [spec.header, ...spec.rows].map((r) => {
    const other = r.at(-1) === OTHER_GB || r.at(-1) === OTHER_GB_LATIN ? 'gb18030' : r.at(-1) === OTHER_UTF8 ? 'utf8' : undefined;
    // The other encoding's text replaces the row's last cell (a name or an employee number in most column orders).
    const cells = other ? [...r.slice(0, -2), r.at(-1) === OTHER_GB_LATIN ? '隆隆' : '张三'] : r;
    return encode(cells.map(quote).join(','), other ?? (enc === 'gb18030' ? 'gb18030' : 'utf8'));
  });
  const parts: Buffer[] = [enc === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0)];
  lines.forEach((l, i) => parts.push(l, ...(i < lines.length - 1 || trailing ? [Buffer.from(eol)] : [])));
  return Buffer.concat(parts);
}

/** Reads the file both ways (and the fast path alone with small chunks): the same outcome. */
async function same(path: string, chunks: readonly number[], extra: Partial<LoadOptions> = {}, threadCounts: readonly number[] = [1]): Promise<boolean> {
  const general = await outcome(path, false, extra);
  const fast = await outcome(path, true, extra);
  expect(fast).toEqual(general);
  const taken = (await scanPayroll(path, { encoding: 'auto', ...extra })) !== undefined;
  for (const c of chunks) {
    // Threads over ranges of the file (the built worker, as the CLI runs it): the same sums, line numbers and order.
    for (const threads of threadCounts) {
      const small = await (threads === 1 ? scanPayroll : builtScan)(path, { encoding: 'auto', ...extra }, undefined, c, threads);
      if (small) expect({ records: [...small].map(([id, ys]) => [id, [...ys].map(([y, t]) => [y, { ...t }])]), notes: [] }).toEqual(general);
    }
  }
  return taken;
}

describe('payroll fast path: the same records and problems as the general reader', () => {
  it('clean generated files take the fast path and give the general path result, whatever the chunk size', async () => {
    const dir = tempDir();
    let taken = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(cleanSpec, fc.constantFrom('\n', '\r\n'), fc.constantFrom(...ENCODINGS), fc.boolean(), async (spec, eol, enc, trailing) => {
        const path = join(dir, `clean-${runs++}.csv`);
        writeFileSync(path, bytes(spec, eol, enc, trailing));
        const asciiOnly = spec.rows.every((r) => r.every((c) => /^[\x20-\x7e]*$/.test(c)));
        // UTF-8 text in a cell not read (a name) keeps a file on the fast path; GB18030 text sends it to the general path.
        const readable = asciiOnly || enc !== 'gb18030';
        // Every fifth file is also read by 2 threads (a worker starts for each: too slow for all).
        const ok = await same(path, [64, 97, 1000], {}, runs % 5 === 0 ? [1, 2] : [1]);
        if (ok) taken++;
        // Every clean file in UTF-8 (or ASCII) is one the fast path reads (a header with no line end and no row goes to the general path).
        if (readable && (spec.rows.length > 0 || trailing)) expect(ok).toBe(true);
      }),
      { numRuns: LONG ? 3000 : 150 },
    );
    expect(taken).toBeGreaterThan(runs / 4);
  }, 120_000);

  it('broken files: the fast path gives up or gives exactly what the general path gives', async () => {
    const dir = tempDir();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(cleanSpec, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...ENDINGS), fc.constantFrom(...ENCODINGS), fc.boolean(), async (spec, ms, eol, enc, trailing) => {
        const path = join(dir, `broken-${runs++}.csv`);
        writeFileSync(path, bytes(mutate(spec, ms), eol, enc, trailing));
        await same(path, [64, 1000], {}, runs % 10 === 0 ? [1, 2] : [1]);
      }),
      { numRuns: LONG ? 20_000 : 400 },
    );
  }, 300_000);

  it('reading options: --encoding, --delimiter, --header-row and --enterprise-id give the same result', async () => {
    const dir = tempDir();
    const path = join(dir, 'payroll.csv');
    writeFileSync(path, `enterprise_id,period,wages\n${ids[0]},2024-01,100.00\n${ids[1]},2024,5.5\n`);
    for (const extra of [{ encoding: 'utf8' as const }, { encoding: 'gb18030' as const }, { delimiter: ',' }, { delimiter: ';' }, { headerRow: 1 }, { enterpriseId: ids[0]! }]) {
      await same(path, [], extra);
    }
  });

  it('odd files: empty, header only, no line end, a NUL, a workbook signature, a missing file', async () => {
    const dir = tempDir();
    const cases: Record<string, string | Buffer> = {
      empty: '',
      headerOnly: 'enterprise_id,period,wages',
      headerOnlyNl: 'enterprise_id,period,wages\n',
      noEnd: `enterprise_id,period,wages\n${ids[0]},2024-01,1.00`,
      crEnd: `enterprise_id,period,wages\n${ids[0]},2024-01,1.00\r`,
      nul: `enterprise_id,period,wages\n${ids[0]},2024-01,1.00\n\0\n`,
      zip: Buffer.from('PK\x03\x04enterprise_id,period,wages\n'),
      tabs: `enterprise_id\tperiod\twages\n${ids[0]}\t2024-01\t1.00\n`,
      semis: `enterprise_id;period;wages\n${ids[0]};2024-01;1.00\n${ids[0]};2024-02;1.00\n`,
      overflow: `enterprise_id,period,wages\n${Array.from({ length: 1000 }, () => `${ids[0]},2024-01,9999999999999.99`).join('\n')}\n`,
      // UTF-8 names first: a total row with an id and a sum is skipped by its label alone; 隆隆 in GB18030 bytes is valid UTF-8 read as Latin letters.
      namesFirst: `姓名,enterprise_id,period,wages\n张三,${ids[0]},2024-01,1.00\n合计,${ids[0]},2024-01,1.00\n李四,${ids[1]},2024-01,2.00\n`,
      namesSubtotal: `姓名,enterprise_id,period,wages\n张三,${ids[0]},2024-01,1.00\n 本页小计： ,${ids[0]},2024-01,1.00\n`,
      namesLatin: `姓名,enterprise_id,period,wages\nMüller,${ids[0]},2024-01,1.00\n`,
      gbLatin: Buffer.concat([Buffer.from(`enterprise_id,period,wages,name\n${ids[0]},2024-01,1.00,`), iconv.encode('隆隆', 'gb18030'), Buffer.from('\n')]),
    };
    for (const [name, content] of Object.entries(cases)) {
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, content);
      await same(path, [16, 64], {}, [1, 2, 3]);
    }
    expect(await outcome(join(dir, 'missing.csv'), true)).toEqual(await outcome(join(dir, 'missing.csv'), false));
    // A folder given as the file (open() succeeds on one, read() does not).
    expect(await scanPayroll(dir, { encoding: 'auto' })).toBeUndefined();
    expect(await outcome(dir, true)).toEqual(await outcome(dir, false));
    // A FIFO is never opened by the fast path (opening waits for a writer; closing it would end the writer).
    const fifo = join(dir, 'fifo.csv');
    if (spawnSync('mkfifo', [fifo]).status === 0) expect(await scanPayroll(fifo, { encoding: 'auto' })).toBeUndefined();
  });

  it('the delimiter: when the first 20 lines run into a thread\'s range, the general path decides (semicolons on line 13)', async () => {
    const dir = tempDir();
    const path = join(dir, 'long-lines.csv');
    const rows = [`enterprise_id,period,wages,name`, ...[1, 2, 3, 4].map((m) => `${ids[0]},2024-0${m},1.00,a`)];
    for (let k = 0; k < 16; k++) rows.push(`${ids[0]},2024-${String((k % 12) + 1).padStart(2, '0')},1.00,${k === 7 ? ';'.repeat(50) : ''}${'x'.repeat(200)}`);
    writeFileSync(path, `${rows.join('\n')}\n`);
    const general = await outcome(path, false);
    expect(general).toHaveProperty('problems');
    // Threads over ranges of 64-byte chunks: the second range starts before line 12.
    for (const threads of [2, 3]) expect(await builtScan(path, { encoding: 'auto' }, undefined, 512, threads)).toBeUndefined();
    expect(await outcome(path, true)).toEqual(general);
  });

  it('the fuzz corpus: every payroll file reads the same both ways', async () => {
    const corpus = join(ROOT, 'test', 'fuzz-corpus');
    const files = readdirSync(corpus).filter((f) => f.startsWith('payroll'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) await same(join(corpus, f), [64], {}, [1, 2]);
  });

  it('the demo payroll takes the fast path', async () => {
    expect(await same(join(ROOT, 'fixtures', 'demo', 'payroll.csv'), [64, 4096], {}, [1, 2, 3])).toBe(true);
  });
});
