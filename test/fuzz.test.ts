/**
 * Fuzzing the input side (issue #8, "The permanent suite"): generated and mutated files of every
 * input kind — wrong and mixed encodings, ragged rows, stray and unbalanced quotes, NUL bytes,
 * empty files, header only, duplicate headers, a BOM in the middle, CR-only line ends, values such
 * as 1e5, 0x10, --5, full-width digits, 2024-02-30, years 0000/9999, control characters — and a
 * 10 MB field, read:
 *
 *   1. in process, through the very check `validate` makes (`checkFile`), as many cases as fit:
 *      the reading ends with its problems or none, never another error; every problem has a line
 *      inside the file and a column, prints on one line with no control character; and cutting the
 *      bytes into other chunks changes nothing (the batch and quote logic across chunk ends);
 *   2. through the built CLI: `validate` over a batch of files at once, and the calculator commands
 *      and `run DIR` on folders of them. Every run ends with exit 0, 1 or 2, no stack trace and no
 *      "internal error", a FILE:LINE:COLUMN in every input problem, and on exit 2 no output created
 *      or changed;
 *   3. the fixed corpus test/fuzz-corpus/ (small nasty files; add any file that ever broke
 *      skilltax), through `validate` and `run`: no stack trace.
 *
 * Bounded in `npm test`; `npm run fuzz` (SKILLTAX_LONG=1) runs many more cases. SKILLTAX_FUZZ_SEED
 * replays a run (fast-check prints the seed of a failure). SHOW_COVERAGE=1 prints the counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../src/cli/validate.js';
import { FileError, formatProblem, type Problem } from '../src/domain/errors.js';
import { BIN, requireBuild, ROOT } from './helpers/cli.js';
import { Coverage } from './helpers/coverage.js';
import { tempDirs } from './helpers/files.js';
import { A, B, KIND_SAMPLES, P1, P2, type KindSample } from './helpers/kinds.js';

const LONG = process.env.SKILLTAX_LONG === '1';
const SEED = process.env.SKILLTAX_FUZZ_SEED === undefined ? undefined : Number(process.env.SKILLTAX_FUZZ_SEED);
/** Per test: long runs take minutes. */
const TIMEOUT = LONG ? 3_600_000 : 120_000;
const runs = (short: number, long: number) => ({ numRuns: LONG ? long : short, ...(SEED !== undefined ? { seed: SEED } : {}) });

const tempDir = tempDirs('skilltax-fuzz-');
const CORPUS = join(ROOT, 'test', 'fuzz-corpus');

// ── What goes into a file ────────────────────────────────────────────────────

/** Values that are wrong, odd or hostile in some column or other. */
const NASTY = [
  '1e5', '0x10', '--5', '-0', '+7', '１２３４.５６', '１２３', '2024-02-30', '2023-02-29', '0000-01-01', '9999-12-31', '0000', '9999', '0000-01',
  '9999-Q4', '2024-13', '2024-Q5', '2024年1月', '2024年第五季度', '1,234.56', '1,234,567.00', '¥1,000', '100元', '1.005', '.5', '5.', 'NaN',
  'Infinity', '9'.repeat(30), '90000000000000.00', '=SUM(A1)', '@cmd', '+1-1', '', ' ', '\t', '\u001b[31mred\u001b[0m', '\u0007',
  'a\u0000b', '\u0000', '\u2028', '\u202e', '\ufeff', '\ufeff1.00', 'line\nbreak', 'cr\ronly', '"', '""', '12" pipe', '"quoted"', ',',
  '电工', '鐢靛伐', 'é', 'Müller', '😀', '\ud800', '*', '-', '--', 'null', 'undefined', 'true', '是', '否', '初级', '高级技师', '6', '0',
  'education', 'pcie_investment', '产教融合投资', 'high_tech', 'pcie_pilot', 'education_expense', 'pcie_credit', 'training', 'apprenticeship',
  'work_based', 'employee', 'public_staff', 'per_month', 'education_surcharge', A, B, A.toLowerCase(), `${A.slice(0, 17)}X`, P1, P2,
  `${P1.slice(0, 17)}x`, '330282190001010010', '2024-01', '2024-Q1', '2024', '2024-01-01', '2024/1/1', '20240101',
];

const ENCODINGS = ['utf8', 'utf8-bom', 'gb18030', 'mixed-gb-in-utf8', 'mixed-utf8-in-gb', 'utf16le', 'utf16le-bom', 'utf16be-bom'] as const;
type Encoding = (typeof ENCODINGS)[number];
const EOLS = ['\n', '\r\n', '\r', 'mixed'] as const;
type Eol = (typeof EOLS)[number];

/** A byte-level change at a place (a number taken modulo the file's length). */
type Mutation =
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; with: number };

interface FileCase {
  kind: KindSample;
  /** header cells (possibly with a duplicate, a dropped or a renamed column) */
  header: string[] | null;
  rows: string[][];
  /** quote the cells that need it (false: every cell raw, so commas and quotes break the row) */
  quote: boolean;
  eol: Eol;
  encoding: Encoding;
  mutations: Mutation[];
}

const INSERTS = [[0], [0x22], [0x2c], [0x0d], [0x0a], [0xef, 0xbb, 0xbf], [0xff], [0x80], [0x81], [0xe7, 0x94], [0xd5, 0xc5], [0x1b, 0x5b, 0x32, 0x4a], [0x22, 0x22], [0xc0, 0xaf]];

/** A place in a file: taken modulo its length (fast-check's doubles in [0, 1] crowd at the ends). */
const POS = fc.integer({ min: 0, max: 2 ** 30 });

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: POS, bytes: fc.constantFrom(...INSERTS) }),
  fc.record({ op: fc.constant('delete' as const), at: POS, length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: POS }),
  fc.record({ op: fc.constant('duplicate-line' as const), at: POS }),
  fc.record({ op: fc.constant('swap-lines' as const), at: POS, with: POS }),
);

function fileCaseArb(kinds: readonly KindSample[] = KIND_SAMPLES): fc.Arbitrary<FileCase> {
  return fc.constantFrom(...kinds).chain((kind) => {
    const header = kind.header.split(',');
    const columns = header.length;
    const valid = (j: number) => kind.rows.map((r) => r.split(',')[j] ?? '').filter((v) => !v.startsWith('"'));
    const cell = (j: number) =>
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...(valid(j).length ? valid(j) : [''])) },
        { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      );
    const row = fc.tuple(...Array.from({ length: columns }, (_, j) => cell(j))).chain((cells: string[]) =>
      fc.oneof(
        { weight: 8, arbitrary: fc.constant<string[]>(cells) },
        { weight: 1, arbitrary: fc.constant<string[]>(cells.slice(0, Math.max(1, columns - 1))) }, // ragged: a cell short
        { weight: 1, arbitrary: fc.constantFrom<string[]>([...cells, '9'], [...cells, ''], [...cells, '', ''], [...cells.slice(0, -1), '1', '234.56']) }, // ragged: cells over
      ),
    );
    const headerArb = fc.oneof(
      { weight: 8, arbitrary: fc.constant<string[] | null>(header) },
      { weight: 1, arbitrary: fc.constant<string[] | null>(null) }, // an empty file
      { weight: 1, arbitrary: fc.constantFrom<string[] | null>([...header, header[0]!], header.slice(1), [header[0]!.toUpperCase(), ...header.slice(1)], ['\ufeff' + header[0]!, ...header.slice(1)], [...header, '', '']) },
    );
    return fc.record({
      kind: fc.constant(kind),
      header: headerArb,
      rows: fc.array(row, { minLength: 0, maxLength: 8 }),
      quote: fc.boolean(),
      eol: fc.constantFrom(...EOLS),
      encoding: fc.oneof({ weight: 5, arbitrary: fc.constant<Encoding>('utf8') }, { weight: 5, arbitrary: fc.constantFrom(...ENCODINGS) }),
      mutations: fc.oneof({ weight: 2, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 3, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) }),
    });
  });
}

const needsQuotes = (c: string) => /[",\r\n]/.test(c);
const quoteCell = (c: string) => `"${c.replace(/"/g, '""')}"`;

function encodeText(text: string, enc: 'utf8' | 'gb18030'): Buffer {
  return enc === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
}

/** The bytes of a case. */
function render(c: FileCase): Buffer {
  if (c.header === null) return Buffer.alloc(0);
  const lines = [c.header, ...c.rows].map((cells) => cells.map((x) => (c.quote && needsQuotes(x) ? quoteCell(x) : x)).join(','));
  const eol = (i: number) => (c.eol === 'mixed' ? ['\n', '\r\n', '\r'][i % 3]! : c.eol);
  const texts = lines.map((l, i) => l + eol(i));
  let parts: Buffer[];
  switch (c.encoding) {
    case 'utf8':
      parts = texts.map((t) => encodeText(t, 'utf8'));
      break;
    case 'utf8-bom':
      parts = [Buffer.from([0xef, 0xbb, 0xbf]), ...texts.map((t) => encodeText(t, 'utf8'))];
      break;
    case 'gb18030':
      parts = texts.map((t) => encodeText(t, 'gb18030'));
      break;
    case 'mixed-gb-in-utf8':
      parts = texts.map((t, i) => encodeText(t, i > 0 && i % 3 === 0 ? 'gb18030' : 'utf8'));
      break;
    case 'mixed-utf8-in-gb':
      parts = texts.map((t, i) => encodeText(t, i > 0 && i % 3 === 0 ? 'utf8' : 'gb18030'));
      break;
    case 'utf16le':
      parts = [Buffer.from(texts.join(''), 'utf16le')];
      break;
    case 'utf16le-bom':
      parts = [Buffer.from([0xff, 0xfe]), Buffer.from(texts.join(''), 'utf16le')];
      break;
    case 'utf16be-bom':
      parts = [Buffer.from([0xfe, 0xff]), Buffer.from(texts.join(''), 'utf16le').swap16()];
      break;
  }
  let bytes: Buffer = Buffer.concat(parts);
  for (const m of c.mutations) bytes = mutate(bytes, m);
  return bytes;
}

function mutate(b: Buffer, m: Mutation): Buffer {
  const at = m.at % (b.length + 1);
  switch (m.op) {
    case 'insert':
      return Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    case 'delete':
      return Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    case 'truncate':
      return b.subarray(0, at);
    case 'duplicate-line':
    case 'swap-lines': {
      const lines = splitLines(b);
      if (lines.length < 2) return b;
      const i = m.at % lines.length;
      if (m.op === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else {
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return Buffer.concat(lines);
    }
  }
}

/** Lines with their line ends (LF, CR LF, CR). */
function splitLines(b: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a || b[i] === 0x0d) {
      const end = b[i] === 0x0d && b[i + 1] === 0x0a ? i + 2 : i + 1;
      out.push(b.subarray(start, end));
      start = end;
      i = end - 1;
    }
  }
  if (start < b.length) out.push(b.subarray(start));
  return out;
}

/** Physical lines of a file (a last line without its end counts). */
function physicalLines(b: Buffer): number {
  return Math.max(1, splitLines(b).length);
}

function describeCase(c: FileCase, cov: Coverage): void {
  cov.count('files');
  cov.count(`kind ${c.kind.kind}`);
  cov.count(`encoding ${c.encoding}`);
  cov.count(`eol ${JSON.stringify(c.eol)}`);
  cov.count('empty file', c.header === null);
  cov.count('header only', c.header !== null && c.rows.length === 0);
  cov.count('unquoted', !c.quote);
  cov.count('mutated', c.mutations.length > 0);
  for (const m of c.mutations) cov.count(`mutation ${m.op}${m.op === 'insert' ? ` ${m.bytes.map((x) => x.toString(16)).join(' ')}` : ''}`);
  const cells = c.rows.flat();
  cov.count('nasty value', cells.some((x) => NASTY.includes(x) && !c.kind.rows.some((r) => r.split(',').includes(x))));
  cov.count('ragged row', c.rows.some((r) => r.length !== (c.header?.length ?? 0)));
}

// ── Checks ───────────────────────────────────────────────────────────────────

const CONTROL = /[\u0000-\u001f\u007f]/;
const STACK = /^\s{4}at |internal error/m;

/** A problem of an input file: a line inside it, a column, one printable line. */
function checkProblem(p: Problem, file: string, lines: number): void {
  expect(p.file).toBe(file);
  expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1, `line ${p.line} of ${lines}: ${formatProblem(p)}`).toBe(true);
  expect(Number.isInteger(p.column) && p.column >= 1, formatProblem(p)).toBe(true);
  expect(p.message.length).toBeGreaterThan(0);
  expect(formatProblem(p)).not.toMatch(CONTROL);
}

/** What `validate` says of the bytes, read from standard input in these chunks. */
async function validateBytes(kind: string, chunks: Buffer[], maxErrors = 1000): Promise<Problem[]> {
  try {
    return await checkFile('-', kind, { encoding: 'auto', maxErrors, stdin: Readable.from(chunks) });
  } catch (e) {
    if (e instanceof FileError) return [{ file: e.file, line: 0, column: 0, message: e.reason }];
    throw e;
  }
}

/** The chunks of `b` cut at `cuts` (positions taken modulo its length). */
function chunked(b: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % Math.max(1, b.length)))].filter((x) => x > 0 && x < b.length).sort((x, y) => x - y);
  const out: Buffer[] = [];
  let prev = 0;
  for (const x of at) {
    out.push(b.subarray(prev, x));
    prev = x;
  }
  out.push(b.subarray(prev));
  return out;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SKILLTAX_DEBUG: '' }, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every run: exit 0, 1 or 2, no stack trace, no "internal error". */
function checkRun(r: Run, what: string): void {
  expect([0, 1, 2], `${what}: exit ${r.status}\n${r.stderr}`).toContain(r.status);
  expect(r.stderr, what).not.toMatch(STACK);
  expect(r.stdout, what).not.toMatch(STACK);
}

/**
 * A calculator run's standard error: when it lists problems in the input, every line before the
 * count is FILE:LINE:COLUMN with FILE one of the inputs and LINE at least 1; any other line that
 * names an input file names a line of it.
 */
function checkInputProblems(r: Run, inputs: readonly string[], what: string): void {
  const lines = r.stderr.split('\n').filter(Boolean);
  const count = lines.findIndex((l) => /^skilltax: \d+ problems? in the input/.test(l));
  if (count >= 0) {
    for (const l of lines.slice(0, count)) {
      const m = /^(.+?):(\d+):(\d+): ./.exec(l);
      expect(m, `${what}: not FILE:LINE:COLUMN: ${l}`).not.toBeNull();
      expect(inputs, `${what}: ${l}`).toContain(m![1]);
      expect(Number(m![2]), `${what}: ${l}`).toBeGreaterThanOrEqual(1);
    }
  }
  for (const l of lines) {
    for (const f of inputs) if (l.includes(`${f}:`) || l.endsWith(f)) expect(l, `${what}: a message about ${f} without its line`).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`));
  }
}

/** The files of a folder and their contents (recursively), to compare before and after a run. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, Object.fromEntries(Object.entries(snapshot(p)).map(([k, v]) => [join(name, k), v])));
    else out[name] = readFileSync(p).toString('base64');
  }
  return out;
}

const INPUT_FILE = (k: KindSample) => k.file;

// ── 1. In process: every kind, many cases ────────────────────────────────────

describe('fuzz: the reader, in process (checkFile, as validate)', () => {
  it('ends with its problems or none; every problem has a line inside the file, a column, one printable line; chunking changes nothing', async () => {
    const cov = new Coverage('reader in process');
    await fc.assert(
      fc.asyncProperty(fileCaseArb(), fc.array(fc.integer({ min: 1, max: 2 ** 30 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(1000, 1000, 1, 3), async (c, cuts, repeat, max) => {
        describeCase(c, cov);
        // Repeat the rows now and then so the file spans several chunks and the encoding sample.
        const base = render(c);
        const bytes = repeat > 30 && c.rows.length ? render({ ...c, rows: Array.from({ length: repeat * 20 }, (_, i) => c.rows[i % c.rows.length]!) }) : base;
        const whole = await validateBytes(c.kind.kind, [bytes], max);
        expect(whole.length).toBeLessThanOrEqual(max);
        const lines = physicalLines(bytes);
        for (const p of whole) checkProblem(p, '<stdin>', lines);
        cov.count('clean', whole.length === 0);
        cov.count('with problems', whole.length > 0);
        const pieces = chunked(bytes, cuts);
        cov.count('chunked', pieces.length > 1);
        if (pieces.length > 1) expect(await validateBytes(c.kind.kind, pieces, max)).toEqual(whole);
        // One byte at a time, for small files: every chunk end falls inside something.
        if (bytes.length < 400 && cuts.length % 4 === 0) expect(await validateBytes(c.kind.kind, [...bytes].map((x) => Buffer.from([x])), max)).toEqual(whole);
      }),
      runs(400, 20_000),
    );
    cov.show().atLeast('clean', 'files', 0.03).atLeast('with problems', 'files', 0.3).atLeast('mutated', 'files', 0.3).atLeast('chunked', 'files', 0.5).seen('empty file').seen('header only').seen('ragged row').seen('nasty value');
    for (const e of ENCODINGS) cov.seen(`encoding ${e}`);
    for (const k of KIND_SAMPLES) cov.seen(`kind ${k.kind}`);
  }, TIMEOUT);
});

// ── 2. Through the built CLI ─────────────────────────────────────────────────

beforeAll(() => requireBuild());

describe('fuzz: the built CLI', () => {
  it('validate over a batch of generated files: exit 0, 1 or 2, every line FILE:LINE:COLUMN of one of them, no stack trace', async () => {
    const cov = new Coverage('validate batches');
    await fc.assert(
      fc.asyncProperty(fc.array(fileCaseArb(), { minLength: 30, maxLength: 30 }), async (cases) => {
        const dir = tempDir();
        const files = cases.map((c, i) => {
          describeCase(c, cov);
          const f = join(dir, `${String(i).padStart(3, '0')}-${INPUT_FILE(c.kind)}`);
          writeFileSync(f, render(c));
          return { f, lines: physicalLines(readFileSync(f)), kind: c.kind.kind };
        });
        // NNN-payroll.csv tells no kind by its name: one validate --kind per kind in the batch.
        const byKind = new Map<string, typeof files>();
        for (const x of files) byKind.set(x.kind, [...(byKind.get(x.kind) ?? []), x]);
        for (const [kind, group] of byKind) {
          const r = cli(['validate', '--kind', kind, '--max-errors', '50', ...group.map((g) => g.f)]);
          checkRun(r, `validate --kind ${kind}`);
          cov.count(`validate exit ${r.status}`);
          expect(r.status, r.stderr).not.toBe(2); // every file exists and the kind is known
          const mentioned = new Set<string>();
          for (const l of r.stdout.split('\n').filter(Boolean)) {
            const m = /^(.+?):(\d+):(\d+): ./.exec(l);
            if (m) mentioned.add(m[1]!);
            expect(m, `not FILE:LINE:COLUMN: ${l}`).not.toBeNull();
            const g = group.find((x) => x.f === m![1]);
            expect(g, l).toBeDefined();
            expect(Number(m![2]), l).toBeGreaterThanOrEqual(1);
            expect(Number(m![2]), l).toBeLessThanOrEqual(g!.lines + 1);
            expect(Number(m![3]), l).toBeGreaterThanOrEqual(1);
          }
          for (const g of group) cov.count('file clean', !mentioned.has(g.f));
        }
      }),
      runs(2, 40),
    );
    cov.show().seen('validate exit 1').seen('file clean');
  }, TIMEOUT);

  /** The calculator runs of a folder case: which command, on which files. */
  const COMMANDS = ['run', 'deduct', 'credit', 'subsidy'] as const;
  /** The inputs of a folder, in the order of KIND_SAMPLES (the declared kinds are reconcile's, not run's). */
  const FOLDER_KINDS = KIND_SAMPLES.filter((k) => !k.kind.startsWith('declared')).map((k) => k.kind);

  it('calculator commands and run DIR on folders of generated files: exit 0, 1 or 2, FILE:LINE in every input problem, nothing written on exit 2', async () => {
    const cov = new Coverage('calculator runs');
    const byKind = Object.fromEntries(KIND_SAMPLES.map((k) => [k.kind, k]));
    // A folder: each canonical input either valid (as the samples) or a generated case of its kind.
    const folderArb = fc.record({
      command: fc.constantFrom(...COMMANDS),
      // Mostly valid files, so that a run gets past a first bad file now and then.
      cases: fc.tuple(...FOLDER_KINDS.map((k) => fc.oneof({ weight: 3, arbitrary: fc.constant<FileCase | null>(null) }, { weight: 1, arbitrary: fileCaseArb([byKind[k]!]) }))),
      preexisting: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(folderArb, async ({ command, cases, preexisting }) => {
        const dir = tempDir();
        const inputs: Record<string, string> = {};
        KIND_SAMPLES.filter((k) => !k.kind.startsWith('declared')).forEach((k, i) => {
          const c = cases[i];
          const p = join(dir, k.file);
          if (c) describeCase(c, cov);
          writeFileSync(p, c ? render(c) : [k.header, ...k.rows, ''].join('\n'));
          inputs[k.kind] = p;
        });
        const out = join(dir, 'out');
        if (preexisting) {
          mkdirSync(out);
          for (const n of ['deductions.csv', 'credits.csv', 'subsidies.csv', 'ledger.csv', 'summary.csv']) writeFileSync(join(out, n), `old ${n}\n`);
        }
        const before = snapshot(out);
        const inputsBefore = snapshot(dir);
        let args: string[];
        if (command === 'run') args = ['run', dir, '--out', out];
        else if (command === 'deduct')
          args = ['deduct', '--payroll', inputs.payroll!, '--training', inputs.training!, '--qualifications', inputs.qualifications!, '--ledger', inputs.ledger!, '--out', join(out, 'deductions.csv'), '--ledger-out', join(out, 'ledger.csv')];
        else if (command === 'credit')
          args = ['credit', '--surcharges', inputs.surcharges!, '--training', inputs.training!, '--qualifications', inputs.qualifications!, '--ledger', inputs.ledger!, '--out', join(out, 'credits.csv'), '--ledger-out', join(out, 'ledger.csv')];
        else args = ['subsidy', '--trainees', inputs.trainees!, '--catalog', inputs.catalog!, '--history', inputs.history!, '--qualifications', inputs.qualifications!, '--out', join(out, 'subsidies.csv')];
        if (command !== 'run' && !preexisting) mkdirSync(out);
        const outBefore = snapshot(out);
        const r = cli([...args, '--quiet']);
        checkRun(r, command);
        cov.count(`${command} exit ${r.status}`);
        cov.count(`exit ${r.status}`);
        checkInputProblems(r, Object.values(inputs), command);
        // Inputs are never changed (the folder minus out/).
        const inputsAfter = snapshot(dir);
        for (const [k, v] of Object.entries(inputsBefore)) if (!k.startsWith('out')) expect(inputsAfter[k], `${command} changed ${k}`).toBe(v);
        if (r.status === 2) {
          expect(snapshot(out), `${command} exit 2 wrote something:\n${r.stderr}`).toEqual(command === 'run' ? before : outBefore);
          if (command === 'run' && !preexisting) expect(existsSync(out)).toBe(false);
        } else {
          const written = snapshot(out);
          const report = { run: 'summary.csv', deduct: 'deductions.csv', credit: 'credits.csv', subsidy: 'subsidies.csv' }[command];
          expect(written[report], `${command} exit ${r.status} without ${report}`).toBeDefined();
          expect(written[report]).not.toBe(before[report]);
          for (const [k, v] of Object.entries(written)) expect(Buffer.from(v, 'base64').includes(0), `${k} holds a NUL`).toBe(false);
        }
      }),
      // Besides the generated folders, one of valid files for each command: the checks of a finished run run too.
      { ...runs(8, 300), examples: COMMANDS.map((command) => [{ command, cases: FOLDER_KINDS.map((): FileCase | null => null), preexisting: command !== 'run' }]) },
    );
    cov.show().seen('exit 2').seen('exit 0');
  }, TIMEOUT);

  it('a 10 MB field (once): read, refused where it does not belong, never a crash', () => {
    const dir = tempDir();
    const big = 'x'.repeat(10 * 1024 * 1024);
    const payroll = join(dir, 'payroll.csv');
    writeFileSync(payroll, `enterprise_id,period,wages,employee_id\n${A},2023,100.00,"${big}"\n${A},2023,${big},E1\n${A},2023,100.00,E2\n`);
    const training = join(dir, 'training.csv');
    writeFileSync(training, `enterprise_id,date,category,amount,incurred,description\n${A},2023-03-01,education,1.00,,"${big.slice(0, 5_000_000)}\n${big.slice(0, 5_000_000)}"\n`);
    const v = cli(['validate', payroll, training]);
    checkRun(v, 'validate 10 MB');
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(new RegExp(`^${payroll}:3:3: wages: not an amount.*\\(got "x{200}…"\\)$`, 'm'));
    expect(v.stdout.length).toBeLessThan(2000); // the value is cut, not echoed whole
    const r = cli(['deduct', '--payroll', payroll, '--training', training, '--out', join(dir, 'd.csv')]);
    checkRun(r, 'deduct 10 MB');
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'd.csv'))).toBe(false);
    writeFileSync(payroll, `enterprise_id,period,wages,employee_id\n${A},2023,100.00,"${big}"\n`);
    const ok = cli(['deduct', '--payroll', payroll, '--training', training, '--out', join(dir, 'd.csv')]);
    checkRun(ok, 'deduct 10 MB ok');
    expect(ok.status, ok.stderr).toBe(0);
  }, TIMEOUT);
});

// ── 3. The fixed corpus ──────────────────────────────────────────────────────

describe('fuzz: the corpus (test/fuzz-corpus)', () => {
  const corpus = () => readdirSync(CORPUS).filter((n) => n.endsWith('.csv')).sort();

  it('validate over every corpus file: no stack trace, every problem at a line of its file', () => {
    const files = corpus().map((n) => join(CORPUS, n));
    expect(files.length).toBeGreaterThan(30);
    const r = cli(['validate', ...files]);
    checkRun(r, 'validate corpus');
    expect(r.status).toBe(1);
    const listed = new Set<string>();
    for (const l of r.stdout.split('\n').filter(Boolean)) {
      const m = /^(.+?):(\d+):(\d+): ./.exec(l);
      expect(m, l).not.toBeNull();
      expect(files).toContain(m![1]);
      expect(Number(m![2]), l).toBeGreaterThanOrEqual(1);
      listed.add(m![1]!);
    }
    // Every corpus file is nasty: each has a problem, except those named KIND-ok-… (odd but valid).
    for (const f of files) if (!f.includes('-ok-')) expect(listed, `no problem found in ${f}`).toContain(f);
  }, TIMEOUT);

  it('run DIR with each corpus file in its place among valid inputs: exit 0, 1 or 2, no stack trace, nothing written on exit 2', () => {
    // One folder per round: round i takes the i-th corpus file of each kind (so a few runs cover them all).
    const byKind = new Map<string, string[]>();
    for (const n of corpus()) {
      const k = KIND_SAMPLES.find((s) => n.startsWith(`${s.file.replace(/\.csv$/, '')}-`));
      if (k && !k.kind.startsWith('declared')) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), n]);
    }
    const rounds = Math.max(...[...byKind.values()].map((v) => v.length));
    expect(rounds).toBeGreaterThan(1);
    for (let i = 0; i < rounds; i++) {
      const dir = tempDir();
      const used: string[] = [];
      for (const k of KIND_SAMPLES.filter((s) => !s.kind.startsWith('declared'))) {
        const n = byKind.get(k.kind)?.[i];
        writeFileSync(join(dir, k.file), n ? readFileSync(join(CORPUS, n)) : [k.header, ...k.rows, ''].join('\n'));
        if (n) used.push(n);
      }
      const out = join(dir, 'out');
      const r = cli(['run', dir, '--out', out, '--quiet']);
      checkRun(r, `run round ${i} (${used.join(', ')})`);
      checkInputProblems(r, KIND_SAMPLES.map((k) => join(dir, k.file)), `run round ${i}`);
      if (r.status === 2) expect(existsSync(out)).toBe(false);
    }
  }, TIMEOUT);
});
