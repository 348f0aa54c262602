/**
 * The CLI end to end (CONTRACT §1, §3, §8, §9): exit statuses, help, validate, rules and
 * overrides, input encodings and header variants, output formats, the ledger rewritten in
 * place, atomic writes and a broken pipe. Runs the built CLI (dist/, built by `npm test`'s
 * pretest) on inputs written to temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { excelSafe } from '../src/io/csv-out.js';
import { withUsccCheck } from '../src/domain/ids.js';
import { requireBuild, ROOT, skilltax } from './helpers/cli.js';
import { tempDirs, write } from './helpers/files.js';
import { deductLine, quietLine } from './helpers/summary.js';

const A = '91330282MA2B000016';
const B = '91330282MA2B000029';
const C = '91330282MA2B00003C';

const HEADER =
  'enterprise_id,year,wages,rate,cap,book,incurred,carry_in,deductible,adjustment,carry_out,' +
  'full_book,full_incurred,full_deductible,full_adjustment,total_book,total_deductible,total_adjustment,notes';

const PAYROLL = [
  'enterprise_id,period,wages,employee_id',
  `${A},2023-01,400000.00,E001`,
  `${A},2023-02,600000.00,E002`,
  `${A},2024-01,1000000.00,E001`,
  `${B},2023,1000000.00,`,
  `${B},2024,"500,000.00",`,
  '',
].join('\n');

const TRAINING = [
  'enterprise_id,date,category,amount,incurred,description',
  `${A},2023-03-01,education,100000.00,,技能培训`,
  `${A},2024/3/1,education,30000.00,,`,
  `${B},2023-06-30,职工教育经费,90000.00,60000.00,"accrued; part
not yet spent"`,
  `${B},20240201,education,¥1000,,`,
  '',
].join('\n');

// RULES §1.4 worked checks: A 2023 = case A, A 2024 = case B, B 2023 = case C.
const ROWS = [
  `${A},2023,1000000.00,0.08,80000.00,100000.00,100000.00,0.00,80000.00,20000.00,20000.00,0.00,0.00,0.00,0.00,100000.00,80000.00,20000.00,`,
  `${A},2024,1000000.00,0.08,80000.00,30000.00,30000.00,20000.00,50000.00,-20000.00,0.00,0.00,0.00,0.00,0.00,30000.00,50000.00,-20000.00,`,
  `${B},2023,1000000.00,0.08,80000.00,90000.00,60000.00,0.00,60000.00,30000.00,0.00,0.00,0.00,0.00,0.00,90000.00,60000.00,30000.00,`,
  `${B},2024,500000.00,0.08,40000.00,1000.00,1000.00,0.00,1000.00,0.00,0.00,0.00,0.00,0.00,0.00,1000.00,1000.00,0.00,`,
];
const REPORT = [HEADER, ...ROWS, ''].join('\n');

let data: string; // folder with payroll.csv and training.csv
let payroll: string;
let training: string;

/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs();

beforeAll(() => {
  requireBuild();
  data = tempDir();
  payroll = write(data, 'payroll.csv', PAYROLL);
  training = write(data, 'training.csv', TRAINING);
});

const base = () => ['deduct', '--payroll', payroll, '--training', training];

describe('exit statuses', () => {
  it('0: a clean run prints the report (RULES §1.4 cases A, B, C), sorted, exactly 2 decimals', () => {
    const r = skilltax(base());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(REPORT);
    // no warning: standard error is the summary line alone
    expect(r.stderr).toBe(deductLine(REPORT));
    expect(r.stderr).toBe('deduct: years 2023-2024, enterprises 2, enterprise-years 4, total deductible 191000.00, total carried forward 0.00, warnings 0\n');
  });

  it('1: warnings (full_training_unqualified, ledger_gap, no_wages) still write the report', () => {
    const dir = tempDir();
    const p = write(dir, 'payroll.csv', `enterprise_id,period,wages\n${A},2023-01,1000000\n${B},2023,1000000\n`);
    const t = write(dir, 'training.csv', `enterprise_id,date,category,amount\n${A},2023-03-01,full_training,5000\n${C},2023-03-01,education,5000\n`);
    const l = write(dir, 'ledger.csv', `enterprise_id,kind,period,opening,added,used,closing\n${B},education_expense,2020,,,,300.00\n`);
    const out = join(dir, 'out', 'deductions.csv');
    const r = skilltax(['deduct', '--payroll', p, '--training', t, '--ledger', l, '--out', out]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(new RegExp(`^${A},2023,.*,full_training_unqualified$`));
    expect(rows[2]).toMatch(new RegExp(`^${B},2023,1000000.00,0.08,80000.00,0.00,0.00,300.00,300.00,-300.00,0.00,.*,ledger_gap$`));
    expect(rows[3]).toMatch(new RegExp(`^${C},2023,0.00,0.08,0.00,5000.00,5000.00,0.00,0.00,5000.00,5000.00,.*,no_wages$`));
    expect(r.stderr).toContain(`warning: ${A} 2023: full_training_unqualified`);
    expect(r.stderr).toContain(`warning: ${B} 2023: ledger_gap`);
    expect(r.stderr).toContain(`warning: ${C} 2023: no_wages`);
    // the summary line last, counting them
    expect(r.stderr.endsWith(`\n${deductLine(readFileSync(out, 'utf8'))}`)).toBe(true);
    expect(r.stderr).toMatch(/, warnings 3\n$/);
    // --quiet: the exit status still 1, and one line says why
    const q = skilltax(['deduct', '--payroll', p, '--training', t, '--ledger', l, '--quiet']);
    expect(q.status).toBe(1);
    expect(q.stderr).toBe(quietLine(3));
  });
});

describe('help and version', () => {
  it('the program and every command show examples; --version prints the package version', () => {
    for (const args of [['--help'], ['deduct', '--help'], ['validate', '--help'], ['rules', '--help'], ['run', '--help'], ['help', 'deduct']]) {
      const r = skilltax(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: skilltax/);
      expect(r.stdout).toMatch(/Examples:\n {2}skilltax /);
    }
    expect(skilltax(['deduct', '--help']).stdout).toMatch(/--payroll <file>[\s\S]*--ledger-out <file>[\s\S]*--force/);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const v = skilltax(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);
  });
});

describe('validate', () => {
  it('a clean file: exit 0, nothing on standard output', () => {
    const r = skilltax(['validate', payroll, training]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('(payroll): ok');
    expect(r.stderr).toContain('(training): ok');
  });

  it('problems: exit 1, one line each; --format csv gives file,line,column,value,message; kind from the name', () => {
    const dir = tempDir();
    const bad = write(
      dir,
      'payroll-2024.csv', // kind inferred: payroll
      `enterprise_id,period,wages\n${A},2024-01,1.001\n${A},2024-13,5\n${A}X,2024-01,=SUM(A1)\n`,
    );
    const r = skilltax(['validate', bad, training]);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^${bad}:2:3: wages: .*2 decimals.* \\(got "1\\.001"\\)$`)),
      expect.stringMatching(new RegExp(`^${bad}:3:2: period: .* \\(got "2024-13"\\)$`)),
      expect.stringMatching(new RegExp(`^${bad}:4:1: enterprise_id: .*18 characters.* \\(got "${A}X"\\)$`)),
      expect.stringMatching(new RegExp(`^${bad}:4:3: wages: not an amount.* \\(got "=SUM\\(A1\\)"\\)$`)),
    ]);
    expect(r.stderr).toContain('(payroll): 4 problems');

    const csv = skilltax(['validate', '--format', 'csv', bad]);
    expect(csv.status).toBe(1);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('file,line,column,value,message');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(new RegExp(`^${bad},2,3,1\\.001,wages: .*2 decimals`));
    // a value Excel would take for a formula is written with a leading apostrophe
    expect(lines[4]).toMatch(new RegExp(`^${bad},4,3,'=SUM\\(A1\\),`));
  });

  it('--kind overrides the name; an unknown kind or a name that tells nothing is exit 2', () => {
    const dir = tempDir();
    const export1 = write(dir, 'export-01.csv', PAYROLL);
    expect(skilltax(['validate', '--kind', 'payroll', export1]).status).toBe(0);
    const noKind = skilltax(['validate', export1]);
    expect(noKind.status).toBe(2);
    expect(noKind.stderr).toMatch(/--kind/);
    const unknown = skilltax(['validate', '--kind', 'nope', payroll]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--kind nope: unknown kind/);
    expect(unknown.stdout).toBe('');
  });
});

describe('rules', () => {
  it('lists key,value,valid_from,valid_to,source,status; --at picks the entries in force', () => {
    const all = skilltax(['rules']);
    expect(all.status).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines[0]).toBe('key,value,valid_from,valid_to,source,status');
    expect(lines).toContain('eit.education_expense.rate,0.025,2008-01-01,2017-12-31,企业所得税法实施条例 第四十二条,verified');
    expect(lines).toContain('eit.education_expense.rate,0.08,2018-01-01,,财税〔2018〕51号,verified');
    for (const l of lines.slice(1)) expect(l).toMatch(/,(verified|practice|unverified)$/);

    const at = skilltax(['rules', '--at', '2017-06-30']).stdout.trim().split('\n');
    const rate = at.filter((l) => l.startsWith('eit.education_expense.rate,'));
    expect(rate).toEqual(['eit.education_expense.rate,0.025,2008-01-01,2017-12-31,企业所得税法实施条例 第四十二条,verified']);
    expect(at.some((l) => l.startsWith('eit.education_expense.high_tech_rate,0.08,'))).toBe(true);

    const bad = skilltax(['rules', '--at', '2017-02-30']);
    expect(bad.status).toBe(2);
  });

  it('--rules overrides eit.education_expense.rate: shown by rules and used by deduct', () => {
    const dir = tempDir();
    const file = write(
      dir,
      'rules.json',
      JSON.stringify({
        'eit.education_expense.rate': [
          { from: '2008-01-01', value: '0.025', source: '企业所得税法实施条例 第四十二条', status: 'verified' },
          { from: '2018-01-01', value: '0.1', source: 'test override' },
        ],
      }),
    );
    const listed = skilltax(['rules', '--rules', file, '--at', '2024-12-31']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('eit.education_expense.rate,0.1,2018-01-01,,test override,unverified');
    expect(listed.stdout).not.toContain('财税〔2018〕51号');

    const r = skilltax([...base(), '--rules', file, '--year', '2023']);
    expect(r.status, r.stderr).toBe(0);
    // cap 10% of 1,000,000 = 100,000 ≥ incurred 100,000: all deductible, nothing carried
    expect(r.stdout).toContain(`${A},2023,1000000.00,0.1,100000.00,100000.00,100000.00,0.00,100000.00,0.00,0.00,`);
    // the global option before the command name works too
    const before = skilltax(['--rules', file, ...base(), '--year', '2023']);
    expect(before.stdout).toBe(r.stdout);
  });
});

describe('inputs: standard input, encodings, header variants', () => {
  it('reads a file from standard input with "-"', () => {
    const r = skilltax(['deduct', '--payroll', '-', '--training', training], { input: PAYROLL });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(REPORT);
    const v = skilltax(['validate', '--kind', 'training', '-'], { input: `enterprise_id,date,category,amount\n${A},2023-01-01,education,1.234\n` });
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/^<stdin>:2:4: amount: .*2 decimals.* \(got "1\.234"\)\n$/);
  });

  it('GB18030 with Chinese headers: detected automatically, or with --encoding gb18030', () => {
    const dir = tempDir();
    const p = write(
      dir,
      'payroll.csv',
      iconv.encode(
        ['统一社会信用代码,所属期,应发工资,职工编号', `${A},2023-01,400000.00,张三`, `${A},2023-02,600000.00,李四`, `${A},2024-01,1000000.00,张三`, ''].join('\r\n'),
        'gb18030',
      ),
    );
    const t = write(
      dir,
      'training.csv',
      iconv.encode(
        ['纳税人识别号,日期,类别,账载金额,摘要', `${A},2023-03-01,职工教育经费,100000.00,技能培训`, `${A},2024-03-01,职工教育经费,30000.00,"安全生产,培训"`, ''].join('\r\n'),
        'gb18030',
      ),
    );
    expect(readFileSync(p).includes(Buffer.from('统一', 'utf8'))).toBe(false); // really not UTF-8
    const want = [HEADER, ROWS[0], ROWS[1], ''].join('\n');
    for (const enc of [[], ['--encoding', 'auto'], ['--encoding', 'gb18030']]) {
      const r = skilltax(['deduct', '--payroll', p, '--training', t, ...enc]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(want);
    }
    const fromStdin = skilltax(['deduct', '--payroll', '-', '--training', t], { input: readFileSync(p) });
    expect(fromStdin.stdout).toBe(want);
    const utf8 = skilltax(['deduct', '--payroll', p, '--training', t, '--encoding', 'utf8']);
    expect(utf8.status).toBe(2);
    expect(utf8.stderr).toMatch(/not valid UTF-8.*--encoding gb18030/);
  });

  it('UTF-8 with a BOM, and full-width or differently cased headers with spaces', () => {
    const dir = tempDir();
    const bom = write(dir, 'payroll.csv', '\uFEFF' + PAYROLL);
    expect(skilltax(['deduct', '--payroll', bom, '--training', training]).stdout).toBe(REPORT);
    const fw = write(dir, 'payroll-fw.csv', PAYROLL.replace('enterprise_id,period,wages,employee_id', ' ＥＮＴＥＲＰＲＩＳＥ＿ＩＤ , Period ,ＷＡＧＥＳ,Ｅｍｐｌｏｙｅｅ_Id'));
    const r = skilltax(['deduct', '--payroll', fw, '--training', training]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(REPORT);
  });
});

describe('outputs', () => {
  it('--header zh: Chinese column names, same figures', () => {
    const r = skilltax([...base(), '--header', 'zh']);
    expect(r.status).toBe(0);
    const [head, ...rest] = r.stdout.split('\n');
    expect(head!.split(',')).toHaveLength(19);
    expect(head).toMatch(/^纳税人识别号,税款所属年度,工资薪金支出税收金额,税收规定扣除率,/);
    expect(rest.join('\n')).toBe(REPORT.slice(HEADER.length + 1));
  });

  it('--format json: an array of objects with the report keys, amounts as strings', () => {
    const r = skilltax([...base(), '--format', 'json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(Object.keys(row)).toEqual(HEADER.split(','));
    expect(rows[1]).toMatchObject({ enterprise_id: A, wages: '1000000.00', rate: '0.08', carry_in: '20000.00', adjustment: '-20000.00', notes: '' });
    for (const k of ['wages', 'cap', 'book', 'incurred', 'deductible', 'adjustment', 'carry_out', 'total_deductible']) {
      for (const row of rows) expect(row[k]).toMatch(/^-?\d+\.\d{2}$/);
    }
    const zh = JSON.parse(skilltax([...base(), '--format', 'json', '--header', 'zh']).stdout) as Record<string, unknown>[];
    expect(Object.keys(zh[0]!)[0]).toBe('纳税人识别号');
  });

  it('--bom starts CSV output with a UTF-8 BOM (and only then)', () => {
    const dir = tempDir();
    const withBom = join(dir, 'with.csv');
    const without = join(dir, 'without.csv');
    expect(skilltax([...base(), '--bom', '--out', withBom]).status).toBe(0);
    expect(skilltax([...base(), '--out', without]).status).toBe(0);
    const a = readFileSync(withBom);
    expect([...a.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(a.subarray(3).toString('utf8')).toBe(REPORT);
    expect(readFileSync(without, 'utf8')).toBe(REPORT);
  });

  it('Excel-safe text cells: = + - @ get a leading apostrophe, numbers and plain text do not', () => {
    expect(excelSafe('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(excelSafe('+86')).toBe("'+86");
    expect(excelSafe('-5')).toBe("'-5");
    expect(excelSafe('@cmd')).toBe("'@cmd");
    expect(excelSafe(A)).toBe(A);
    expect(excelSafe('ledger_gap')).toBe('ledger_gap');
    expect(excelSafe('')).toBe('');
    // amounts are not text: a negative adjustment stays a number in the CSV
    expect(skilltax(base()).stdout).toContain(',-20000.00,');
  });
});

describe('writing files', () => {
  it('--ledger F --ledger-out F in place is safe; re-running gives byte-identical files', () => {
    const dir = tempDir();
    const ledger = write(
      dir,
      'ledger.csv',
      [
        'enterprise_id,kind,period,opening,added,used,closing',
        `${B},pcie_credit,2023-Q1,0.00,300.00,100.00,200.00`,
        `${A},education_expense,2022,,,,5000.00`,
        '',
      ].join('\n'),
    );
    const out = join(dir, 'deductions.csv');
    const args = [...base(), '--ledger', ledger, '--ledger-out', ledger, '--out', out];
    const first = skilltax(args);
    expect(first.status, first.stderr).toBe(0);
    const ledger1 = readFileSync(ledger);
    const report1 = readFileSync(out);
    expect(ledger1.toString('utf8')).toBe(
      [
        'enterprise_id,kind,period,opening,added,used,closing',
        `${A},education_expense,2022,,,,5000.00`,
        `${A},education_expense,2023,5000.00,100000.00,80000.00,25000.00`,
        `${A},education_expense,2024,25000.00,30000.00,55000.00,0.00`,
        `${B},education_expense,2023,0.00,60000.00,60000.00,0.00`,
        `${B},education_expense,2024,0.00,1000.00,1000.00,0.00`,
        `${B},pcie_credit,2023-Q1,0.00,300.00,100.00,200.00`,
        '',
      ].join('\n'),
    );
    for (let i = 0; i < 2; i++) {
      const again = skilltax(args);
      expect(again.status, again.stderr).toBe(0);
      expect(readFileSync(ledger).equals(ledger1)).toBe(true);
      expect(readFileSync(out).equals(report1)).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['deductions.csv', 'ledger.csv']); // no temporary files
    const check = skilltax(['validate', ledger]);
    expect(check.status, check.stdout).toBe(0);
  });

  it('atomic writes: all files or none, no temporary file left behind', () => {
    const dir = tempDir();
    const blocker = write(dir, 'not-a-folder', 'a file where a folder is expected\n');
    const out = join(dir, 'deductions.csv');
    const r = skilltax([...base(), '--out', out, '--ledger-out', join(blocker, 'ledger.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not-a-folder/);
    expect(readdirSync(dir)).toEqual(['not-a-folder']);

    const nested = join(dir, 'a', 'b');
    const ok = skilltax([...base(), '--out', join(nested, 'deductions.csv'), '--ledger-out', join(nested, 'ledger.csv')]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readdirSync(nested).sort()).toEqual(['deductions.csv', 'ledger.csv']);
  });

  it('run DIR writes every report into OUTDIR and prints a summary', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    copyFileSync(payroll, join(dir, 'in', 'payroll.csv'));
    copyFileSync(training, join(dir, 'in', 'training.csv'));
    const outDir = join(dir, 'reports');
    const r = skilltax(['run', join(dir, 'in'), '--out', outDir]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(outDir).sort()).toEqual(['deductions.csv', 'ledger.csv', 'report.html', 'summary.csv', 'summary.json']);
    expect(readFileSync(join(outDir, 'deductions.csv'), 'utf8')).toBe(REPORT);
    // the summary on standard error (issue #8 item 16), nothing on standard output
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`skilltax run ${join(dir, 'in')}\n`)).toBe(true);
    expect(r.stderr).toContain('    total deductible        191000.00\n');
    expect(r.stderr.endsWith(`  wrote deductions.csv, ledger.csv, summary.csv, summary.json, report.html to ${outDir}\n`)).toBe(true);
  });
});

describe('broken pipe', () => {
  function piped(cmd: string) {
    return spawnSync('bash', ['-c', `set -o pipefail; ${cmd} | head -1`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  }

  it('`| head -1` is not an error (small output)', () => {
    const r = piped('node bin/skilltax.js rules');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('key,value,valid_from,valid_to,source,status\n');
    expect(r.stderr).toBe('');
  });

  it('`| head -1` is not an error when the report is far larger than the pipe buffer', () => {
    const dir = tempDir();
    const p: string[] = ['enterprise_id,period,wages'];
    const t: string[] = ['enterprise_id,date,category,amount'];
    for (let i = 0; i < 4000; i++) {
      const id = withUsccCheck(`91330282MA${String(i).padStart(7, '0')}`);
      p.push(`${id},2023,100000.00`, `${id},2024,100000.00`);
      t.push(`${id},2023-05-01,education,7000.00`);
    }
    write(dir, 'payroll.csv', p.join('\n') + '\n');
    write(dir, 'training.csv', t.join('\n') + '\n');
    const r = piped(`node bin/skilltax.js deduct --payroll ${join(dir, 'payroll.csv')} --training ${join(dir, 'training.csv')}`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(HEADER + '\n');
    // standard output closed early: the summary line still comes, alone, on standard error
    expect(r.stderr).toBe('deduct: years 2023-2024, enterprises 4000, enterprise-years 8000, total deductible 28000000.00, total carried forward 0.00, warnings 0\n');
  });
});
