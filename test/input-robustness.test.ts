/**
 * Regression tests for issue #8 items 1, 2, 6, 7, 12 and 14: what the reader does with files that
 * are not what they should be. Each test failed before its fix (the old behaviour is noted in it).
 * Runs the built CLI (dist/) as a user would; the reader's pieces are also called directly where
 * the command line cannot reach a case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeControl, formatProblem } from '../src/domain/errors.js';
import { renderTrace } from '../src/report/explain.js';
import { expectRefused, problems, requireBuild, skilltax } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';
import { A, B, KIND_SAMPLES, P1, P2 } from './helpers/kinds.js';

const tempDir = tempDirs('skilltax-robust-');

let dir: string;
let training: string;
beforeAll(() => {
  requireBuild();
  dir = tempDir();
  training = write(dir, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2023-03-01,education,100.00`));
});

const deduct = (payroll: string, ...extra: string[]) => ['deduct', '--payroll', payroll, '--training', training, ...extra];
/** The problems `validate` listed, each as FILE:LINE:COLUMN: message (got "value") parsed. */
const listed = (r: { stdout: string }) => problems(r.stdout);

// ── Item 1: a record with more (or fewer) cells than the header ──────────────

describe('#8.1 the number of cells of a record against its header', () => {
  it('an unquoted 1,234.56 is two cells: refused at its line and column, not read as 1.00 (before: exit 0, wages 1.00)', () => {
    const p = write(tempDir(), 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,1000000.00`, `${A},2024,1,234.56`));
    const r = expectRefused(deduct(p), [{ flag: '--out', name: 'deductions.csv' }]);
    expect(r.stderr).toBe(
      `${p}:3:3: 4 cells, header has 3; an amount with a thousands separator must be quoted, as "1,234.56" here (got "1,234.56")\n` +
        'skilltax: 1 problem in the input; nothing was written\n',
    );
    const v = skilltax(['validate', p]);
    expect(v.status).toBe(1);
    expect(listed(v).map((x) => [x.line, x.column])).toEqual([[3, 3]]);
    // Quoted, as Excel writes it, the amount is read whole.
    const quoted = write(tempDir(), 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,1000000.00`, `${A},2024,"1,234.56"`));
    const ok = skilltax(deduct(quoted));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(new RegExp(`^${A},2024,1234\\.56,`, 'm'));
  });

  it('a thousands separator of a larger amount and a comma in text: the extra cells are refused', () => {
    const p = write(tempDir(), 'payroll.csv', csv('enterprise_id,period,wages,employee_id', `${A},2023,1,234,567.00,E1`, `${A},2023,100.00,张三,李四`));
    const v = skilltax(['validate', p]);
    expect(v.status).toBe(1);
    expect(listed(v)).toEqual([
      { file: p, line: 2, column: 3, message: '6 cells, header has 4; an amount with a thousands separator must be quoted, as "1,234,567.00" here', got: '1,234,567.00' },
      { file: p, line: 3, column: 5, message: '5 cells, header has 4; an amount with a thousands separator must be quoted, and so must any text with a comma', got: '李四' },
    ]);
  });

  it.each(KIND_SAMPLES.map((k) => [k.kind, k] as const))('in every kind: %s', (_kind, k) => {
    const d = tempDir();
    const f = write(d, k.file, csv(k.header, ...k.rows, `${k.rows[0]},9`));
    const v = skilltax(['validate', f]);
    expect(v.status, v.stdout + v.stderr).toBe(1);
    const n = k.header.split(',').length;
    expect(listed(v)).toEqual([{ file: f, line: k.rows.length + 2, column: n + 1, message: expect.stringMatching(new RegExp(`^${n + 1} cells, header has ${n}; `)), got: '9' }]);
  });

  it('fewer cells: refused when a required column has no cell; trailing optional cells and empty extra cells may be left out', () => {
    const p = write(
      tempDir(),
      'payroll.csv',
      csv('enterprise_id,period,wages,employee_id', `${A},2023`, `${A},2023,100.00`, `${A},2023,100.00,E1,,`, `${A},2024,100.00,E1,, `),
    );
    const v = skilltax(['validate', p]);
    expect(v.status).toBe(1);
    // before: "missing value for "wages"", as for an empty cell
    expect(listed(v)).toEqual([{ file: p, line: 2, column: 3, message: '2 cells, header has 4: the record ends before "wages" (column 3)' }]);
  });
});

// ── Item 2: one encoding per file, checked on every line ─────────────────────

describe('#8.2 mixed encodings: a line of the other encoding is refused at its line, with both readings', () => {
  const TRAINEES = 'claim_id,person_id,program,group,claim_date,name,occupation';
  const row = (i: number, occupation: string, person = P1) => `C${i},${person},training,employee,2024-03-01,张三,${occupation}`;
  const gb = (text: string) => iconv.encode(text, 'gb18030');

  it('a UTF-8 row in a GB18030 file (before: read as 鐢靛伐 and decided on that)', () => {
    const f = write(tempDir(), 'trainees.csv', Buffer.concat([gb(csv(TRAINEES, row(1, '钳工'), row(2, '焊工', P2))), Buffer.from(csv(row(3, '电工'))), gb(csv(row(4, '车工')))]));
    const v = skilltax(['validate', f]);
    expect(v.status).toBe(1);
    expect(v.stdout).toBe(
      `${f}:4:6: a UTF-8 line in a GB18030 file: this cell reads "寮犱笁" as GB18030 and "张三" as UTF-8; save the whole file in one encoding (or pass --encoding utf8 if the whole file is UTF-8) (got "寮犱笁")\n`,
    );
  });

  it('a GB18030 row in a UTF-8 file (before: the whole file read as GB18030, its UTF-8 rows as mojibake)', () => {
    const f = write(tempDir(), 'trainees.csv', Buffer.concat([Buffer.from(csv(TRAINEES, row(1, '钳工'), row(2, '焊工', P2))), gb(csv(row(3, '电工'))), Buffer.from(csv(row(4, '车工')))]));
    const v = skilltax(['validate', f]);
    expect(v.status).toBe(1);
    expect(v.stdout).toBe(
      `${f}:4:6: not valid UTF-8 like the rest of the file: this cell reads "\\xd5\\xc5\\xc8\\xfd" as UTF-8 and "张三" as GB18030; save the whole file in one encoding (got "\\xd5\\xc5\\xc8\\xfd")\n`,
    );
  });

  it('above 1 MB: the refusal names the line (before: "not valid UTF-8", no line number)', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${A},2023-01,${i}.00,职工${i}`);
    const header = 'enterprise_id,period,wages,employee_id';
    const f = write(tempDir(), 'payroll.csv', Buffer.concat([Buffer.from(csv(header, ...rows)), gb(csv(`${A},2023-02,1.00,张三`))]));
    expect(readFileSync(f).length).toBeGreaterThan(1_000_000);
    const r = skilltax(deduct(f));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${f}:30002:4: not valid UTF-8 like the rest of the file: this cell reads .* and "张三" as GB18030`));
    // and the other way round: a UTF-8 row at the end of a large GB18030 file
    const g = write(tempDir(), 'payroll.csv', Buffer.concat([gb(csv(header, ...rows)), Buffer.from(csv(`${A},2023-02,1.00,电工`))]));
    const v = skilltax(['validate', g]);
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(new RegExp(`^${g}:30002:4: a UTF-8 line in a GB18030 file: this cell reads "鐢靛伐" as GB18030 and "电工" as UTF-8`));
  });

  it('ASCII lines are both: a file whose first non-ASCII line comes after megabytes of ASCII is read in that line\'s encoding', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${A},2023-01,${i}.00,E${i}`);
    const f = write(tempDir(), 'payroll.csv', Buffer.concat([Buffer.from(csv('enterprise_id,period,wages,employee_id', ...rows)), gb(csv(`${A},2023-02,1.00,张三`))]));
    expect(skilltax(['validate', f]).status).toBe(0);
  });

  it('--encoding forces the encoding: only bytes invalid in it are refused, with the hint to the other one', () => {
    const f = write(tempDir(), 'trainees.csv', Buffer.concat([gb(csv(TRAINEES, row(1, '钳工'))), Buffer.from(csv(row(2, '电工', P2)))]));
    expect(skilltax(['validate', '--encoding', 'gb18030', f]).status).toBe(0);
    const u = skilltax(['validate', '--encoding', 'utf8', f]);
    expect(u.status).toBe(1);
    expect(listed(u)[0]).toMatchObject({ line: 2, column: 6, message: expect.stringMatching(/^not valid UTF-8 \(--encoding utf8\): .*pass --encoding gb18030$/) });
  });

  it('no false alarm on real GB18030 and UTF-8 text: 20,000 names of common and rarer characters, both ways', () => {
    // Deterministic: characters of GB 2312 picked by a fixed linear congruential sequence.
    let seed = 20240531;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const char = () => iconv.decode(Buffer.from([0xb0 + (next() % 0x48), 0xa1 + (next() % 0x5e)]), 'gb18030');
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let name = '';
      for (let k = 0; k < 1 + (i % 4); k++) name += char();
      rows.push(`${A},2023-01,1.00,${name.replace(/\ufffd/g, '')}`);
    }
    const text = csv('enterprise_id,period,wages,employee_id', ...rows);
    for (const bytes of [gb(text), Buffer.from(text)]) {
      const v = skilltax(['validate', '--kind', 'payroll', write(tempDir(), 'names.csv', bytes)]);
      expect(v.stdout).toBe('');
      expect(v.status).toBe(0);
    }
  });

  it('bytes valid in neither encoding are refused in a GB18030 file too, shown as \\xNN', () => {
    const f = write(tempDir(), 'trainees.csv', Buffer.concat([gb(csv(TRAINEES, row(1, '钳工'))), Buffer.from(`C2,${P2},training,employee,2024-03-01,`), Buffer.from([0xff, 0x81]), Buffer.from(',车工\n')]));
    const v = skilltax(['validate', f]);
    expect(v.status).toBe(1);
    expect(listed(v)).toEqual([expect.objectContaining({ line: 3, column: 6, message: expect.stringMatching(/^not valid GB18030 like the rest of the file: this cell reads "\\xff\\x81" as GB18030 and "\\xff\\x81" as UTF-8/) })]);
  });
});

// ── Item 6: every CSV syntax problem is FILE:LINE:COLUMN, exit 2, never "internal error" ─

describe('#8.6 quotes in the wrong place', () => {
  it('a quote inside an unquoted cell (12" pipe): a problem at its cell, exit 2 (before: internal error with a stack trace)', () => {
    const p = write(tempDir(), 'payroll.csv', csv('enterprise_id,period,wages,employee_id', `${A},2023,100.00,12" pipe`, `${A},2023,100.00,E1`, `${A},2023,x,E2`));
    const r = expectRefused(deduct(p), [{ flag: '--out', name: 'deductions.csv', pre: 'before\n' }]);
    expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
    expect(problems(r.stderr).map((x) => [x.line, x.column])).toEqual([
      [2, 4],
      [4, 3], // reading went on: every problem of the file is listed
    ]);
    expect(r.stderr).toContain(`${p}:2:4: not readable as CSV: a quote inside a cell that does not start with one; quote the whole cell and double the quote inside it (12" pipe → "12"" pipe") (got "12" pipe")`);
  });

  it('text after a closing quote ("1"x): at its cell, and the next records are still read', () => {
    const p = write(tempDir(), 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,"1"x`, `${A},2023,y`));
    const v = skilltax(['validate', p]);
    expect(v.status).toBe(1);
    expect(listed(v).map((x) => [x.line, x.column, x.message.slice(0, 50)])).toEqual([
      [2, 3, 'not readable as CSV: text after the closing quote '],
      [3, 3, 'wages: not an amount: write yuan with a "." decima'],
    ]);
  });
});

// ── Item 7: an unclosed quote is reported where its record starts ────────────

describe('#8.7 an unclosed quote', () => {
  it.each([
    ['LF', '\n'],
    ['CR LF', '\r\n'],
    ['CR', '\r'],
  ])('is reported at the line where its record starts (%s line ends; before: the last line of the file)', (_name, eol) => {
    const text = ['enterprise_id,period,wages,employee_id', `${A},2023,1.00,E1`, `${A},2023,1.00,"E2`, `${A},2023,1.00,E3`, `${A},2023,1.00,E4`, ''].join(eol);
    const p = write(tempDir(), 'payroll.csv', text);
    const v = skilltax(['validate', p]);
    expect(v.status).toBe(1);
    expect(listed(v)).toEqual([
      {
        file: p,
        line: 3,
        column: 4,
        message: 'not readable as CSV: the quote that opens this cell is never closed, so the rest of the file would be inside it',
        got: expect.stringMatching(/^"E2\\[rn]/),
      },
    ]);
  });

  it('lines inside quoted cells count: a record after a multi-line cell is reported at its own line', () => {
    const p = write(tempDir(), 'payroll.csv', csv('enterprise_id,period,wages,employee_id', `${A},2023,1.00,"E1`, 'second line"', `${A},2023,x,E2`, `${A},2023,1.00,"E3`));
    expect(listed(skilltax(['validate', p])).map((x) => [x.line, x.column])).toEqual([
      [4, 3],
      [5, 4],
    ]);
  });
});

// ── Item 12: control characters escaped in messages and --explain; no NUL in a report ──

describe('#8.12 control characters from input cells', () => {
  it('messages show newlines, terminal escapes and NUL as \\n, \\x1b, \\0 (before: echoed raw)', () => {
    const p = write(tempDir(), 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,"1\n\u001b[2J00"`, `${A},2023,12\u0007`));
    const r = skilltax(deduct(p));
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain(`${p}:2:3: wages: not an amount: write yuan with a "." decimal point, e.g. 1234.56 (got "1\\n\\x1b[2J00")`);
    expect(r.stderr).toContain(`${p}:4:3: wages: not an amount: write yuan with a "." decimal point, e.g. 1234.56 (got "12\\x07")`); // the quoted cell took lines 2 and 3
  });

  it('escapeControl and formatProblem: every control character, the bidi overrides and the BOM', () => {
    expect(escapeControl('a\nb\r\tc\u0000d\u001b[31m\u007f\u0085\u202e\u2028\ufeff中文 ok')).toBe('a\\nb\\r\\tc\\0d\\x1b[31m\\x7f\\x85\\u202e\\u2028\\ufeff中文 ok');
    expect(formatProblem({ file: 'f\n.csv', line: 2, column: 3, message: 'm\u001b', value: 'v\u0000' })).toBe('f\\n.csv:2:3: m\\x1b (got "v\\0")');
  });

  it('a NUL in a cell is refused at the cell, so no report ever holds one (before: exit 0, the NUL in subsidies.csv)', () => {
    const d = tempDir();
    const t = write(d, 'trainees.csv', csv('claim_id,person_id,program,group,claim_date,occupation,level,certificate_type,certificate_date', `C1,${P1},training,employee,2024-03-01,电\u0000工,5,skill_level,2024-01-10`));
    const c = write(d, 'catalog.csv', csv('program,occupation,level,amount,unit,valid_from', 'training,*,5,1000.00,per_claim,2020-01-01'));
    const r = expectRefused(['subsidy', '--trainees', t, '--catalog', c], [{ flag: '--out', name: 'subsidies.csv' }]);
    expect(r.stderr).toContain(`${t}:2:6: a NUL character (\\0) in the cell: the file is damaged or not a text file (got "电\\0工")`);
    const v = skilltax(['validate', '--format', 'csv', t]);
    expect(v.status).toBe(1);
    expect(v.stdout).not.toContain('\u0000');
  });

  it('--explain escapes input text (an occupation with a terminal escape sequence); the report keeps it', () => {
    const d = tempDir();
    const t = write(d, 'trainees.csv', csv('claim_id,person_id,program,group,claim_date,occupation,level,certificate_type,certificate_no,certificate_date', `C1,${P1},training,employee,2024-03-01,电工\u001b[2J,5,skill_level,S1,2024-01-10`));
    const c = write(d, 'catalog.csv', csv('program,occupation,level,amount,unit,valid_from', 'training,*,5,1000.00,per_claim,2020-01-01'));
    const x = skilltax(['subsidy', '--trainees', t, '--catalog', c, '--explain', 'C1']);
    expect(x.status, x.stderr).toBe(0);
    expect(x.stdout).toContain('电工\\x1b[2J');
    expect(x.stdout).not.toContain('\u001b');
    const report = skilltax(['subsidy', '--trainees', t, '--catalog', c]);
    expect(report.stdout).toContain('电工\u001b[2J');
  });

  it('renderTrace escapes every part of a step', () => {
    const text = renderTrace({ subject: 'x', heading: ['claim C1\u001b[2J'], sections: [{ title: 't\n', steps: [{ label: 'l\r', value: 'v\u0000', how: 'h\u0007', source: 's\u202e' }] }], reads: [] } as never);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(text).toContain('claim C1\\x1b[2J');
    expect(text).toMatch(/l\\r +v\\0 += h\\x07 +\[s\\u202e\]/);
  });
});

// ── Item 14: validate lists every file, unusable ones included ───────────────

describe('#8.14 validate with several files', () => {
  it('a missing file: every other file is still checked and listed; the missing one is FILE:0:0, exit 2 (before: stopped there, nothing listed)', () => {
    const d = tempDir();
    const bad = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,x`));
    const utf16 = write(d, 'training.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv('enterprise_id,date,category,amount'), 'utf16le')]));
    const good = write(d, 'qualifications.csv', csv('enterprise_id,qualification,valid_from', `${B},high_tech,2020-01-01`));
    const missing = join(d, 'ledger.csv');
    const noKind = write(d, 'export.csv', 'a\n');
    const r = skilltax(['validate', bad, missing, utf16, noKind, good]);
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n')).toEqual([
      `${bad}:2:3: wages: not an amount: write yuan with a "." decimal point, e.g. 1234.56 (got "x")`,
      `${missing}:0:0: no such file`,
      `${utf16}:1:1: the file is UTF-16 (Excel's "Unicode Text"); save it as "CSV UTF-8" or "CSV" instead`,
      expect.stringMatching(new RegExp(`^${noKind}:0:0: cannot tell the kind from the file name; pass --kind \\(payroll, training, .*\\)$`)),
      '',
    ]);
    expect(r.stderr).toContain(`skilltax: ${missing}: no such file\n`);
    expect(r.stderr).toContain(`${good} (qualifications): ok\n`);
    // --quiet: the reason of exit 2 is still said; --format csv lists it too
    const q = skilltax(['validate', '--quiet', '--format', 'csv', bad, missing]);
    expect(q.status).toBe(2);
    expect(q.stderr).toBe(`skilltax: ${missing}: no such file\n`);
    expect(q.stdout).toContain(`${missing},0,0,,no such file\n`);
  });

  it('a file that is read but unusable (UTF-16, empty, a workbook) is a problem of that file: exit 1, the others listed (before: exit 2, nothing listed)', () => {
    const d = tempDir();
    const bad = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,x`));
    const utf16 = write(d, 'training.csv', Buffer.from(csv('enterprise_id,date,category,amount', `${A},2023-03-01,education,1.00`), 'utf16le'));
    const xlsx = write(d, 'ledger.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    const empty = write(d, 'catalog.csv', '');
    const r = skilltax(['validate', bad, utf16, xlsx, empty]);
    expect(r.status).toBe(1);
    expect(listed(r).map((p) => [p.file, p.line, p.column, p.message.slice(0, 30)])).toEqual([
      [bad, 2, 3, 'wages: not an amount: write yu'],
      [utf16, 1, 1, 'the file is UTF-16 (Excel\'s "U'],
      [xlsx, 1, 1, 'the file is an Excel workbook '],
      [empty, 1, 1, 'the file is empty: a header li'],
    ]);
  });

  it('an unknown --kind is an unusable argument: exit 2 before any file is read', () => {
    const r = skilltax(['validate', '--kind', 'bogus', join(dir, 'training.csv')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^skilltax: --kind bogus: unknown kind/);
  });
});
