/**
 * `skilltax sql` (README "More data than one machine", issue #13): the DuckDB dialect run for
 * real with @duckdb/node-api. Its payroll aggregation, copied to CSV, gives `skilltax deduct`
 * byte-identical reports and ledger to the raw monthly rows (the demo; 50,000 generated rows with
 * whole-year rows and other spellings skilltax reads); its rejected query lists the rows skilltax
 * refuses, and the rows left give the same reports as the aggregation; and cell by cell, a value
 * the queries keep is one skilltax's own parsers (io/values.ts) read to the same figure, a value
 * they refuse is one skilltax refuses or one of the spellings they say they are stricter on.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../scripts/prng.mjs';
import { personIdCheckChar, withUsccCheck } from '../src/domain/ids.js';
import { formatFen } from '../src/domain/money.js';
import { pushdownQuery, SQL_DIALECTS, SQL_KINDS, type SqlKind } from '../src/io/sql-pushdown.js';
import { parseAmount, parseMonthOrYear, parseUscc, parseValidPersonId, ValueProblem } from '../src/io/values.js';
import { requireBuild, skilltax } from './helpers/cli.js';
import { demoFile } from './helpers/demo.js';
import { tempDirs, write } from './helpers/files.js';

const tempDir = tempDirs('skilltax-sql-');
let db: DuckDBConnection;

beforeAll(async () => {
  requireBuild();
  db = await (await DuckDBInstance.create(':memory:', { threads: '2' })).connect();
});

const texts = new Map<string, string>();
/** What `skilltax sql KIND --dialect duckdb [--rejected]` prints, without the final `;` (to sit inside COPY (…)). */
function query(kind: SqlKind, rejected = false): string {
  const key = `${kind}${rejected ? ' --rejected' : ''}`;
  let q = texts.get(key);
  if (q === undefined) {
    const r = skilltax(['sql', kind, '--dialect', 'duckdb', ...(rejected ? ['--rejected'] : [])]);
    expect(r.status, r.stderr).toBe(0);
    q = r.stdout.replace(/;\n$/, '');
    texts.set(key, q);
  }
  return q;
}

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
type Row = Record<string, string | null>;

async function select(sql: string): Promise<Row[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as Row[];
}

/** A CSV file as the warehouse table `kind`, every column text (as the query's comment says to read one). */
async function csvTable(kind: SqlKind, path: string): Promise<void> {
  await db.run(`CREATE OR REPLACE VIEW ${kind} AS SELECT * FROM read_csv(${lit(path)}, all_varchar = true, header = true, delim = ',', quote = '"')`);
}

/** Rows (undefined = NULL) as the warehouse table `kind`. */
async function valuesTable(kind: SqlKind, columns: string[], rows: (string | undefined)[][]): Promise<void> {
  const values = rows.map((r) => `(${r.map((v) => (v === undefined ? 'CAST(NULL AS VARCHAR)' : lit(v))).join(', ')})`).join(',\n');
  await db.run(`CREATE OR REPLACE VIEW ${kind} AS SELECT * FROM (VALUES ${values}) AS t(${columns.join(', ')})`);
}

const aggregate = (kind: SqlKind) =>
  kind === 'payroll' ? select(`SELECT enterprise_id, period, CAST(wages AS VARCHAR) AS wages FROM (${query(kind)}\n)`) : select(`${query(kind)}\n`);

/** The payroll aggregation of the table `payroll`, as the CSV file skilltax reads. */
async function yearlyCsv(path: string): Promise<string> {
  await db.run(`COPY (${query('payroll')}\n) TO ${lit(path)} (HEADER, DELIMITER ',')`);
  return readFileSync(path, 'utf8');
}

interface DeductInputs {
  training: string;
  qualifications?: string;
  ledger?: string;
}

let runs = 0;
/** deductions.csv and the ledger `skilltax deduct` writes for this payroll file. */
function deduct(payroll: string, inputs: DeductInputs, dir: string): { status: number; deductions: string; ledger: string } {
  const out = join(dir, `deduct-${++runs}`);
  mkdirSync(out);
  const r = skilltax([
    'deduct',
    '--payroll',
    payroll,
    '--training',
    inputs.training,
    ...(inputs.qualifications ? ['--qualifications', inputs.qualifications] : []),
    ...(inputs.ledger ? ['--ledger', inputs.ledger] : []),
    '--out',
    join(out, 'deductions.csv'),
    '--ledger-out',
    join(out, 'ledger.csv'),
    '--quiet',
  ]);
  expect(r.status, r.stderr).toBeLessThan(2);
  return { status: r.status, deductions: readFileSync(join(out, 'deductions.csv'), 'utf8'), ledger: readFileSync(join(out, 'ledger.csv'), 'utf8') };
}

function expectSameReports(raw: string, yearly: string, inputs: DeductInputs, dir: string): void {
  const a = deduct(raw, inputs, dir);
  const b = deduct(yearly, inputs, dir);
  expect(a.deductions.split('\n').length).toBeGreaterThan(10);
  expect(b.status).toBe(a.status);
  expect(b.deductions).toBe(a.deductions);
  expect(b.ledger).toBe(a.ledger);
}

/** The yearly file is plain: enterprise_id, a 4-digit period, wages with exactly 2 decimals; one row per enterprise-year. */
function expectYearlyForm(text: string): string[][] {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('enterprise_id,period,wages');
  const rows = lines.slice(1).map((l) => l.split(','));
  for (const r of rows) expect(r, r.join(',')).toEqual([expect.stringMatching(/^[0-9A-Z]{18}$/), expect.stringMatching(/^\d{4}$/), expect.stringMatching(/^\d+\.\d\d$/)]);
  expect(new Set(rows.map((r) => `${r[0]} ${r[1]}`)).size).toBe(rows.length);
  return rows;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A valid 统一社会信用代码 for n (91 + 慈溪 330282 + MA + 7 characters). */
function uscc(n: number): string {
  let body = '';
  for (let i = 0, v = n * 7919 + 1237; i < 7; i++, v = Math.floor(v / 31)) body = ALPHABET[v % 31] + body;
  return withUsccCheck(`91330282MA${body}`);
}
const yuan = (fen: number) => formatFen(fen);
/** A valid 居民身份证号 from its first 17 digits. */
const personId = (first17: string) => first17 + personIdCheckChar(first17)!;

describe('skilltax sql: the command', () => {
  it.each(SQL_DIALECTS.flatMap((d) => SQL_KINDS.flatMap((k) => [[d, k, false] as const, [d, k, true] as const])))('%s %s (rejected: %s) is one statement on the table given', (dialect, kind, rejected) => {
    const text = pushdownQuery(kind, { dialect, table: 'dw.monthly_t1', rejected });
    expect(text).toMatch(/^-- skilltax sql /);
    expect(text).toMatch(/\n\s*FROM dw\.monthly_t1\n/);
    // A ";" only at the end, never in a comment (Hive: not even quoted); the others quote it for the reasons.
    const lines = text.split('\n');
    for (const c of lines.filter((l) => l.startsWith('--'))) expect(c).not.toContain(';');
    const code = lines.filter((l) => !l.startsWith('--')).join('\n').replaceAll("';'", '');
    expect(code.indexOf(';')).toBe(code.length - 2);
    expect(code.endsWith(';\n')).toBe(true);
    if (dialect === 'hive') expect(text).not.toContain("';'");
    if (kind === 'insurance') expect(text).toContain('does not read insurance.csv yet (issue #15)');
  });

  it('prints the query on standard output and nothing else, exit 0', () => {
    const r = skilltax(['sql', 'insurance', '--dialect', 'hive', '--table', 'ods.insurance_months', '--rejected']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(pushdownQuery('insurance', { dialect: 'hive', table: 'ods.insurance_months', rejected: true }));
  });

  it('a usage error exits 2 with nothing on standard output: unknown dialect or kind, no dialect, a table that is no name', () => {
    for (const args of [
      ['sql', 'payroll', '--dialect', 'mysql'],
      ['sql', 'payroll'],
      ['sql', 'salaries', '--dialect', 'duckdb'],
      ['sql', 'payroll', '--dialect', 'duckdb', '--table', "read_csv('payroll.csv'); DROP TABLE payroll"],
    ]) {
      const r = skilltax(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(args.includes('mysql') ? /Allowed choices are spark, hive, postgres, duckdb/ : /./);
    }
  });

  it('--help has the examples and says skilltax does not read insurance.csv yet', () => {
    const r = skilltax(['sql', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('skilltax sql payroll --dialect duckdb');
    expect(r.stdout).toMatch(/does not read\s+insurance\.csv\s+yet\s+\(issue\s+#15\)/);
  });
});

describe('payroll: deduct on the DuckDB aggregation gives the reports of the raw rows', () => {
  it('the demo', async () => {
    const dir = tempDir();
    await csvTable('payroll', demoFile('payroll.csv'));
    expect(await select(query('payroll', true))).toEqual([]);
    const yearly = join(dir, 'payroll.csv');
    const rows = expectYearlyForm(await yearlyCsv(yearly));
    const raw = readFileSync(demoFile('payroll.csv'), 'utf8').trimEnd().split('\n').slice(1);
    expect(rows.length).toBe(new Set(raw.map((l) => `${l.split(',')[0]} ${l.split(',')[1]!.slice(0, 4)}`)).size);
    expectSameReports(demoFile('payroll.csv'), yearly, { training: demoFile('training.csv'), qualifications: demoFile('qualifications.csv'), ledger: demoFile('ledger.csv') }, dir);
  });

  it('50,000 generated rows: monthly and whole-year rows, the spellings skilltax reads besides YYYY-MM and 1234.56', async () => {
    const dir = tempDir();
    const files = generate(dir, 50_000);
    await csvTable('payroll', files.payroll);
    expect(await select(query('payroll', true))).toEqual([]);
    const yearly = join(dir, 'yearly.csv');
    const rows = expectYearlyForm(await yearlyCsv(yearly));
    expect(rows.length).toBe(files.enterpriseYears);
    expectSameReports(files.payroll, yearly, files, dir);
  });

  it('bad rows: the rejected query lists them with their reasons, and the rows left give the same reports as the aggregation', async () => {
    const dir = tempDir();
    const A = '91330282144073961U'; // demo enterprises
    const B = '91330282MA2GQ7WE59';
    const wrongCheck = A.slice(0, 17) + (A[17] === 'X' ? 'Y' : 'X');
    const bad: [string, string, string, string][] = [
      ['', '2024-01', '100.00', 'enterprise_id_missing'],
      [wrongCheck, '2024-01', '100.01', 'enterprise_id_check'],
      ['9133028214407396IU', '2024-01', '100.02', 'enterprise_id_form'],
      ['9133028214407396', '2024-01', '100.03', 'enterprise_id_form'],
      [A, '', '100.04', 'period_missing'],
      [A, '2024-13', '100.05', 'period_form'],
      [A, '2024-Q1', '100.06', 'period_form'],
      [A, '2023-02-29', '100.07', 'period_form'],
      [A, '1899-12', '100.08', 'period_year'],
      [A, '2101', '100.09', 'period_year'],
      [A, '2024-01', '', 'wages_missing'],
      [A, '2024-02', '12.345', 'wages_decimals'],
      [A, '2024-03', 'abc', 'wages_form'],
      [A, '2024-04', '-5.00', 'wages_negative'],
      [A, '2024-05', '123456789012345', 'wages_too_large'],
      [A, '2024-06', '90000000000000.01', 'wages_too_large'],
      ['', '2024-13', 'abc', 'enterprise_id_missing;period_form;wages_form'],
    ];
    // Accepted by both, spelled otherwise: added to B's monthly 2024 and to a whole year of B in 2025 (two rows).
    const odd: [string, string, string][] = [
      [B.toLowerCase(), '2024/03', '"1,000.50"'],
      [B, '202404', '+10'],
      [B, '2024.5', '.5'],
      [B, '2024-06-30', '-0.00'],
      [B, '20240731', '7'],
      [B, '2025', '100000.00'],
      [B, '2025', '"2,000.25"'],
    ];
    const demo = readFileSync(demoFile('payroll.csv'), 'utf8').trimEnd().split('\n');
    // Whole-year row for an enterprise-year with monthly rows: skilltax refuses it; the query lists every row of that year.
    const mixed = [A, '2020', '1000.00'];
    const lines = [...demo, ...bad.map((r) => `${r.slice(0, 3).join(',')},`), ...odd.map((r) => `${r.join(',')},`), `${mixed.join(',')},`];
    const raw = write(dir, 'payroll.csv', lines.join('\n') + '\n');
    await csvTable('payroll', raw);

    const rejected = await select(query('payroll', true));
    const mixedRows = demo.filter((l) => l.startsWith(`${A},2020-`)).map((l) => l.split(',').slice(0, 3));
    expect(mixedRows.length).toBe(12);
    const expected = [...bad.map((r) => [r[0], r[1], r[2], r[3]]), ...[...mixedRows, mixed].map((r) => [...r, 'both_year_and_month'])];
    const key = (r: (string | null | undefined)[]) => r.map((v) => v ?? '').join('|');
    expect(rejected.map((r) => key([r.enterprise_id, r.period, r.wages, r.reason])).sort()).toEqual(expected.map(key).sort());

    // skilltax's own problems are on rejected rows, and the rejected rows skilltax does not name are the rest of the mixed year.
    const v = skilltax(['validate', '--kind', 'payroll', '--format', 'csv', raw]);
    expect(v.status).toBe(1);
    const flagged = new Set(v.stdout.trimEnd().split('\n').slice(1).map((l) => Number(l.split(',')[1])));
    const flaggedRows = new Set([...flagged].map((n) => key(lines[n - 1]!.split(',').slice(0, 3))));
    const rejectedRows = new Set(rejected.map((r) => key([r.enterprise_id, r.period, r.wages])));
    for (const r of flaggedRows) expect(rejectedRows.has(r), r).toBe(true);
    expect([...rejectedRows].filter((r) => !flaggedRows.has(r)).length).toBe(12);

    const rejectedKeys = new Set(rejected.map((r) => key([r.enterprise_id, r.period, r.wages])));
    const good = write(dir, 'good.csv', lines.filter((l, i) => i === 0 || !rejectedKeys.has(key(l.split(',').slice(0, 3)))).join('\n') + '\n');
    expect(skilltax(['validate', '--kind', 'payroll', good]).status).toBe(0);
    const yearly = join(dir, 'yearly.csv');
    expectYearlyForm(await yearlyCsv(yearly));
    expectSameReports(good, yearly, { training: demoFile('training.csv'), qualifications: demoFile('qualifications.csv'), ledger: demoFile('ledger.csv') }, dir);
  });
});

/** What skilltax's parser makes of a cell (trimmed, as the reader gives it), or undefined when it refuses it. */
function parsed<T>(parse: (raw: string) => T, cell: string | undefined): T | undefined {
  const raw = (cell ?? '').trim();
  if (raw === '') return undefined;
  try {
    return parse(raw);
  } catch (e) {
    if (e instanceof ValueProblem) return undefined;
    throw e;
  }
}

const monthOnly = (raw: string) => {
  const p = parseMonthOrYear(raw);
  if (p.kind !== 'month') throw new ValueProblem('not a month');
  return p;
};

describe('cell by cell: what the queries keep, skilltax reads to the same value', () => {
  // Spellings the queries refuse though skilltax reads them (said in each query's comment).
  const STRICTER = [/[^\S ]/, /[年度月]/, /[０-９]/, /[¥￥元]/, /^\d{4,},\d{3}/];
  const stricter = (cell: string) => STRICTER.some((re) => re.test(cell));

  /** Runs the aggregation and rejected query on `rows`; `keyOf` maps an aggregated row back to its input row. */
  async function check<T>(
    kind: SqlKind,
    columns: string[],
    rows: (string | undefined)[][],
    field: string,
    cells: (string | undefined)[],
    reference: (i: number) => T | undefined,
    got: (out: Row) => { i: number; value: T },
  ): Promise<void> {
    await valuesTable(kind, columns, rows);
    const kept = new Map<number, T>();
    for (const r of await aggregate(kind)) {
      const g = got(r);
      expect(kept.has(g.i), `row ${g.i} twice`).toBe(false);
      kept.set(g.i, g.value);
    }
    const rejected = await select(query(kind, true));
    expect(kept.size + rejected.length).toBe(rows.length);
    for (const r of rejected) expect(r.reason).toMatch(new RegExp(`^${field}_`));
    cells.forEach((cell, i) => {
      const want = reference(i);
      const what = `${field} ${JSON.stringify(cell)}`;
      if (kept.has(i)) expect(kept.get(i), what).toEqual(want);
      else expect(want === undefined || stricter(cell ?? ''), `${what}: skilltax reads it as ${JSON.stringify(want)}`).toBe(true);
    });
  }

  const USCC = uscc(1);
  const wrong = USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0');
  const enterpriseCells = [USCC, USCC.toLowerCase(), ` ${USCC} `, `\t${USCC}`, wrong, USCC.slice(0, 17), `${USCC}0`, USCC.replace(/.$/, 'I'), 'ＡＢ', '', undefined, ...['I', 'O', 'Z', 'S', 'V'].map((c) => `${c}${USCC.slice(1)}`)];
  const periodCells = [
    '2024', ' 2024 ', '2024-01', '2024-1', '2024/01', '2024.01', '202401', '2024-1-5', '2024/1/31', '2024.01.31', '20240131', '2024-02-29', '2023-02-29', '2100-02-29',
    '2000-02-29', '1900-02-29', '2024-04-31', '2024-13', '2024-00', '202413', '202400', '2024-Q1', '2024Q1', '1899', '1899-12', '1900', '2100-12', '2101-01', '0000',
    '9999-01', '20240230', '2024-01/31', '2024-001', '12024', '2024-01-01-01', '2024年1月', '2024年度', '２０２４-01', '\t2024-01', '2024-01 ', '', undefined, 'x',
  ];
  const amountCells = [
    '0', '0.00', '-0', '-0.00', '+5', '.5', '+.5', '5.', '1,234.56', '1,234', '12,345,678.9', '1234,567', '1,23', ',123', '0,123', '1.234', '.123', '1e5', '¥100',
    '100元', ' 100 ', '\t100', '99999999999999.99', '100000000000000', '90000000000000.00', '90000000000000.01', '00000000000000000001.5', '-1', '- 1', '+-1', 'abc',
    '1 000', '１００', '12.3', '007', '', undefined,
  ];

  it('enterprise_id (统一社会信用代码: alphabet, length, check character, case)', async () => {
    const rows = enterpriseCells.map((c, i) => [c, String(2000 + i), '1.00']);
    await check('payroll', ['enterprise_id', 'period', 'wages'], rows, 'enterprise_id', enterpriseCells, (i) => parsed(parseUscc, enterpriseCells[i]), (r) => ({ i: Number(r.period) - 2000, value: r.enterprise_id! }));
  });

  it('period (YYYY, months, days in a month; years 1900–2100)', async () => {
    const rows = periodCells.map((c, i) => [uscc(100 + i), c, '1.00']);
    const index = new Map(rows.map((r, i) => [r[0]!, i]));
    await check('payroll', ['enterprise_id', 'period', 'wages'], rows, 'period', periodCells, (i) => parsed(parseMonthOrYear, periodCells[i])?.year.toString(), (r) => ({ i: index.get(r.enterprise_id!)!, value: r.period! }));
  });

  it('wages (sign, thousands, decimals, size)', async () => {
    const rows = amountCells.map((c, i) => [uscc(200 + i), '2024', c]);
    const index = new Map(rows.map((r, i) => [r[0]!, i]));
    await check('payroll', ['enterprise_id', 'period', 'wages'], rows, 'wages', amountCells, (i) => {
      const fen = parsed((raw) => parseAmount(raw), amountCells[i]);
      return fen === undefined ? undefined : yuan(fen);
    }, (r) => ({ i: index.get(r.enterprise_id!)!, value: r.wages! }));
  });

  it('insurance person_id (居民身份证号: digits, check character, birth date, x) and period (months only)', async () => {
    let X = '';
    for (let n = 0; !X.endsWith('X'); n++) X = personId(`33028219900101${String(n).padStart(3, '0')}`);
    const P = personId('33028219850228001');
    const wrongP = P.slice(0, 17) + (P[17] === '0' ? '1' : '0');
    const personCells = [P, ` ${P} `, X, X.toLowerCase(), wrongP, P.slice(0, 17), personId('33028219990230001'), personId('33028220000229001'), personId('33028219000229001'), 'ABC', '', undefined];
    const rows = personCells.map((c, i) => [c, `2024-${String(i + 1).padStart(2, '0')}`, USCC]);
    await check('insurance', ['person_id', 'period', 'enterprise_id'], rows, 'person_id', personCells, (i) => parsed(parseValidPersonId, personCells[i]), (r) => ({ i: Number(r.period!.slice(5)) - 1, value: r.person_id! }));

    const people = periodCells.map((_, i) => personId(`33028219900101${String(i).padStart(3, '0')}`));
    const periodRows = periodCells.map((c, i) => [people[i], c, USCC]);
    await check('insurance', ['person_id', 'period', 'enterprise_id'], periodRows, 'period', periodCells, (i) => parsed(monthOnly, periodCells[i])?.text, (r) => ({ i: people.indexOf(r.person_id!), value: r.period! }));
  });

  it('insurance: distinct (person_id, period, enterprise_id), a month paid twice counted once however it is spelled', async () => {
    const P = personId('33028219900101001');
    const Q = personId('33028219920202002');
    const E2 = uscc(2);
    const rows = [
      [P, '2024-01', USCC],
      [P, '2024-01', USCC],
      [P, '202401', USCC.toLowerCase()],
      [P, '2024-01-31', USCC],
      [P, '2024-01', E2],
      [P, '2024-2', USCC],
      [Q, '2024/02', USCC],
      [Q.toLowerCase(), '2024.02', USCC],
    ];
    await valuesTable('insurance', ['person_id', 'period', 'enterprise_id'], rows);
    expect(await aggregate('insurance')).toEqual(
      [
        [P, '2024-01', USCC],
        [P, '2024-01', E2],
        [P, '2024-02', USCC],
        [Q, '2024-02', USCC],
      ]
        .sort((a, b) => (a.join() < b.join() ? -1 : 1))
        .map(([person_id, period, enterprise_id]) => ({ person_id, period, enterprise_id })),
    );
    expect(await select(query('insurance', true))).toEqual([]);
  });
});

/**
 * A seeded payroll of `rows` rows over 2019–2024 (write with mulberry32, so the same every run):
 * enterprises of 1–40 employees, some starting late; one enterprise-year in seven given as
 * whole-year rows (one or two) instead of monthly ones; one monthly row in twenty spelled as
 * skilltax also reads it (2024/03, 202403, 2024.3, a day, "1,234.56", +12.30, 12.3, a lower-case
 * code); training spend of 1–12% of each year's wages, some full-training rows and
 * qualifications. Returns the files and how many enterprise-years have wages.
 */
function generate(dir: string, rows: number): DeductInputs & { payroll: string; enterpriseYears: number } {
  const rnd = mulberry32(1313);
  const int = (n: number) => Math.floor(rnd() * n);
  const payroll = ['enterprise_id,period,wages,employee_id'];
  const training = ['enterprise_id,date,category,amount,incurred,description'];
  const quals = ['enterprise_id,qualification,valid_from,valid_to'];
  const years = new Set<string>();
  const spell = (id: string, year: number, month: number, fen: number): [string, string, string] => {
    const mm = String(month).padStart(2, '0');
    if (rnd() >= 0.05) return [id, `${year}-${mm}`, yuan(fen)];
    const periods = [`${year}/${mm}`, `${year}${mm}`, `${year}.${month}`, `${year}-${mm}-15`, `${year}${mm}28`];
    const y = yuan(fen);
    const amounts = [fen >= 100_000 ? `"${y.replace(/\B(?=(\d{3})+\.)/g, ',')}"` : y, `+${y}`, y.endsWith('0') ? y.slice(0, -1) : y];
    return [int(2) ? id : id.toLowerCase(), periods[int(periods.length)]!, amounts[int(amounts.length)]!];
  };
  for (let e = 0; payroll.length <= rows; e++) {
    const id = uscc(1000 + e);
    const staff = 1 + Math.floor(40 * rnd() ** 2);
    const first = 2019 + (rnd() < 0.2 ? int(4) : 0);
    const q = rnd();
    if (q < 0.05) quals.push(`${id},software_ic,2019-01-01,`);
    else if (q < 0.15) quals.push(`${id},high_tech,2020-06-01,2023-05-31`);
    for (let year = first; year <= 2024 && payroll.length <= rows; year++) {
      let total = 0;
      const whole = rnd() < 1 / 7;
      const lines: string[] = [];
      for (let month = 1; month <= 12; month++) {
        for (let k = 0; k < staff; k++) {
          const fen = 300_000 + int(2_700_000) + (month === 12 ? 300_000 : 0);
          total += fen;
          if (!whole) lines.push(`${spell(id, year, month, fen).join(',')},E${k}`);
        }
      }
      if (whole) {
        const part = int(2) ? Math.floor(total / 3) : 0;
        if (part) lines.push(`${id},${year},${yuan(part)},`);
        lines.push(`${id},${year},${yuan(total - part)},`);
      }
      const room = rows + 1 - payroll.length;
      payroll.push(...lines.slice(0, room));
      years.add(`${id} ${year}`);
      if (rnd() < 0.1) continue;
      const spend = Math.round(total * (0.01 + 0.11 * rnd()));
      for (let r = 0, n = 1 + int(4); r < n; r++) {
        const incurred = rnd() < 0.1 ? yuan(Math.round((spend / n) * 0.7)) : '';
        training.push(`${id},${year}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')},education,${yuan(Math.round(spend / n))},${incurred},培训 ${r + 1}`);
      }
      if (q < 0.05 || rnd() < 0.02) training.push(`${id},${year}-09-15,full_training,${yuan(Math.round(total * 0.004) + 1)},,单独核算培训费`);
    }
  }
  const file = (name: string, lines: string[]) => write(dir, name, lines.join('\n') + '\n');
  return { payroll: file('payroll.csv', payroll), training: file('training.csv', training), qualifications: file('qualifications.csv', quals), enterpriseYears: years.size };
}
