/**
 * The catalogue of error messages: every message the program prints that no other test file
 * triggered with its text, one test each, in the manner of hledger's test/errors. A test
 * triggers the message as a user meets it (the built CLI, dist/) and asserts its TEXT and the
 * exit status: 2 for a refused run (nothing written), 1 for what `validate` finds, 0 for a note.
 * A message the command line cannot reach (a programming error, a guard behind another check)
 * is triggered by a unit call.
 *
 * Organised by the source file that words the message. Messages already pinned elsewhere (see
 * cli-errors, cli-credit, cli-subsidy, cli-reconcile, cli-regressions, values, ids, rules,
 * parameters and ledger tests) are not repeated here. `skilltax: internal error: …` has no
 * test on purpose: reaching it is a bug.
 *
 * Tests named `KNOWN BUG …` are `it.fails`: each states what README/CONTRACT promise and fails
 * today; when the bug is fixed, vitest reports it and the `.fails` should be dropped.
 *
 * To stay fast, the input-file messages that `validate` can show come from ONE validate run
 * over a set of small files (beforeAll); each test reads its own file's problems from it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RuleGapError } from '../src/domain/errors.js';
import { personIdCheckChar, withUsccCheck } from '../src/domain/ids.js';
import { formatFen } from '../src/domain/money.js';
import { Tracer } from '../src/domain/trace.js';
import { Rules } from '../src/rules/index.js';
import { BIN, expectRefused, problems, requireBuild, ROOT, skilltax, type Problem } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';
import { creditLine, deductLine } from './helpers/summary.js';

const A = '91330282MA2B000016';
const B = '91330282MA2B000029';
/** A valid 居民身份证号 from its first 17 digits. */
const pid = (first17: string) => first17 + personIdCheckChar(first17)!;
const P1 = pid('33028219900101001');
/** What every AmountOverflowError says after naming the figure. */
const TOO_LARGE = 'exceeds 90,071,992,547,409.91 yuan, the largest figure skilltax computes to the fen';

const tempDir = tempDirs('skilltax-errors-');

/** The folder of small valid inputs that most commands below read. */
let dir: string;
let payroll: string;
let training: string;
const deduct = (...extra: string[]) => ['deduct', '--payroll', payroll, '--training', training, ...extra];
/** A refused run: exit 2, nothing on standard output, a pre-existing --out kept and no temporary file left. */
const refused = (args: string[]) => expectRefused(args, [{ flag: '--out', name: 'report.csv', pre: 'before\n' }]);

// ── One validate run over every file below ───────────────────────────────────

const BATCH: Record<string, string> = {
  // io/csv-in.ts
  'payroll-both-give.csv': csv('enterprise_id,纳税人识别号,period,wages', `${A},${A},2023,1.00`),
  'payroll-missing-value.csv': csv('enterprise_id,period,wages', `${A},,1.00`),
  'payroll-bad-quote.csv': csv('enterprise_id,period,wages', `${A},2023,1.00`, `${A},2023,"1"x`, `${A},2023,1.00`),
  'payroll-unclosed-quote.csv': csv('enterprise_id,period,wages', `${A},2023,1.00`, `"${A},2023,1.00`, `${A},2023,1.00`, `${A},2023,1.00`),
  'payroll-empty.csv': '',
  // io/values.ts, io/kinds.ts, io/declared.ts
  'declared-year.csv': csv('enterprise_id,year,deductible', `${A},23,1.00`),
  'ledger-values.csv': csv('enterprise_id,kind,period,opening,added,used,closing', `${A},education_expense,2023-07-01,,,,1.00`, `${A},carry,2023,,,,1.00`),
  'trainees-enums.csv': csv('claim_id,person_id,program,group,claim_date,certificate_type,route,insured_months', `C1,${P1},training,boss,2024-01-01,diploma,shortcut,-3`),
  'catalog-flags.csv': csv('program,occupation,level,amount,unit,valid_from,shortage', 'training,*,*,1000.00,per_term,2020-01-01,maybe'),
  'declared-credits-fee.csv': csv('enterprise_id,period,fee,credit', `${A},2024-01,stamp_duty,1.00`),
  'qualifications-bad.csv': csv('enterprise_id,qualification,valid_from,valid_to', `${A},bogus,2023-01-01,`, `${A},high_tech,2023-01-01,2022-12-31`),
  'history-person.csv': csv(
    'person_id,program,paid_date,amount',
    `${P1.slice(0, 17)}${P1[17] === '0' ? '1' : '0'},training,2024-01-01,1000.00`,
    `${P1.slice(0, 17)},training,2024-01-01,1000.00`,
    `${pid('33028219901301001')},training,2024-01-01,1000.00`,
    `${pid('33028218990101001')},training,2024-01-01,1000.00`,
  ),
  // io/load.ts
  'payroll-overflow.csv': csv('enterprise_id,period,wages', `${A},2023-01,90000000000000.00`, `${A},2023-02,90000000000000.00`),
  'training-negative.csv': csv(
    'enterprise_id,date,category,amount,incurred',
    `${A},2023-01-01,education,-5.00,`,
    `${A},2023-01-01,full_training,5.00,-1.00`,
    `${A},2023-01-01,pcie_investment,-5.00,`,
  ),
  'surcharges-quarter.csv': csv('enterprise_id,period,vat', `${A},2024-01,1.00`, `${A},2024-Q1,3.00`),
  // ledger/ledger.ts
  'ledger-overlap.csv': csv('enterprise_id,kind,period,opening,added,used,closing', `${A},pcie_credit,2024-Q1,,,,1.00`, `${A},pcie_credit,2024-02,1.00,0.00,0.00,1.00`),
};

let batch: { status: number; stdout: string; stderr: string };
let found: Problem[];
/** The problems validate listed for one file of the batch. */
const of = (name: string) => found.filter((p) => p.file === join(dir, name));
/** Its messages, as printed: `message (got "value")`. */
const said = (name: string) => of(name).map((p) => (p.got === undefined ? p.message : `${p.message} (got "${p.got}")`));

beforeAll(() => {
  requireBuild();
  dir = tempDir();
  payroll = write(dir, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,1000000.00`));
  training = write(dir, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2023-03-01,education,100000.00`));
  for (const [name, text] of Object.entries(BATCH)) write(dir, name, text);
  batch = skilltax(['validate', ...Object.keys(BATCH).map((n) => join(dir, n))]);
  found = problems(batch.stdout);
});

it('the batch: validate lists the problems and exits 1', () => {
  expect(batch.status, batch.stderr).toBe(1);
  expect(found.length).toBeGreaterThan(20);
});

// ── src/cli/index.ts ─────────────────────────────────────────────────────────

describe('src/cli/index.ts', () => {
  it('one problem: "skilltax: 1 problem in the input; nothing was written" (singular)', () => {
    const bad = write(tempDir(), 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,x`));
    const r = refused(['deduct', '--payroll', bad, '--training', training]);
    expect(r.stderr).toBe(
      `${bad}:2:3: wages: not an amount: write yuan with a "." decimal point, e.g. 1234.56 (got "x")\n` +
        'skilltax: 1 problem in the input; nothing was written\n',
    );
  });

  it.each([['exempt', '--properties <file>']])('a built command without its required input: "%s" names the option (exit 2)', (command, option) => {
    const r = refused([command, '--year', '2024']);
    expect(r.stderr).toContain(`error: required option '${option}' not specified\n`);
    expect(r.stderr).not.toContain('not built');
  });

  describe('a figure past what fen hold exactly, met while computing: "… exceeds …: check the inputs …"', () => {
    const tail = `${TOO_LARGE}: check the inputs for an amount typed too large; nothing was written\n`;

    it('deduct: carry in + incurred, "a sum of amounts"', () => {
      const d = tempDir();
      const p = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2024,1000.00`));
      const t = write(d, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2024-03-01,education,1000000000000.00`));
      const l = write(d, 'ledger.csv', csv('enterprise_id,kind,period,opening,added,used,closing', `${A},education_expense,2023,,,,90000000000000.00`));
      const r = expectRefused(['deduct', '--payroll', p, '--training', t, '--ledger', l], [
        { flag: '--out', name: 'deductions.csv', pre: 'before\n' },
        { flag: '--ledger-out', name: 'ledger.csv' },
      ]);
      expect(r.stderr).toBe(`skilltax: a sum of amounts ${tail}`);
    });

    it('reconcile: declared − computed, "a difference of amounts"', () => {
      const d = tempDir();
      const p = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2024,90000000000000.00`));
      const declared = write(d, 'declared.csv', csv('enterprise_id,year,wages', `${A},2024,-90000000000000.00`));
      const r = refused(['reconcile', '--declared', declared, '--payroll', p, '--training', training]);
      expect(r.stderr).toBe(`skilltax: a difference of amounts ${tail}`);
    });

    it('subsidy: a monthly amount × months, "an amount times a count"', () => {
      const d = tempDir();
      const t = write(d, 'trainees.csv', csv('claim_id,person_id,program,group,claim_date,months', `W1,${P1},work_based,employee,2024-05-01,2`));
      const c = write(d, 'catalog.csv', csv('program,occupation,level,amount,unit,valid_from', 'work_based,*,*,90000000000000.00,per_month,2020-01-01'));
      const r = expectRefused(['subsidy', '--trainees', t, '--catalog', c], [
        { flag: '--out', name: 'subsidies.csv', pre: 'before\n' },
        { flag: '--summary', name: 'subsidy-summary.csv' },
      ]);
      expect(r.stderr).toBe(`skilltax: an amount times a count ${tail}`);
    });

    it('money.ts formatFen (unit: the checks before it stop any such figure first): "a figure"', () => {
      expect(() => formatFen(2 ** 53)).toThrow(`a figure ${TOO_LARGE}`);
    });

    it('subsidy totals past the limit are found before the reports are written: exit 2, --out not written', () => {
      const d = tempDir();
      const t = write(
        d,
        'trainees.csv',
        csv('claim_id,person_id,program,group,claim_date,months', `W1,${P1},work_based,employee,2024-05-01,1`, `W2,${P1},work_based,employee,2024-06-01,1`),
      );
      const c = write(d, 'catalog.csv', csv('program,occupation,level,amount,unit,valid_from', 'work_based,*,*,50000000000000.00,per_month,2020-01-01'));
      const out = join(d, 'subsidies.csv');
      const r = skilltax(['subsidy', '--trainees', t, '--catalog', c, '--out', out]);
      expect(r.stderr).toBe(`skilltax: a sum of amounts ${tail}`);
      expect(r.status).toBe(2);
      expect(existsSync(out)).toBe(false);
      expect(skilltax(['subsidy', '--trainees', t, '--catalog', c, '--out', out, '--quiet']).status).toBe(2);
      expect(existsSync(out)).toBe(false);
    });
  });
});

// ── commander (the option parser's own messages) ─────────────────────────────

describe('commander: usage errors worded by the option parser', () => {
  it('a required option not given', () => {
    const r = refused(['deduct', '--training', 'training.csv']);
    expect(r.stderr).toMatch(/^error: required option '--payroll <file>' not specified$/m);
  });

  it('a value outside an option’s choices', () => {
    const r = refused(deduct('--encoding', 'latin1'));
    expect(r.stderr).toMatch(/^error: option '--encoding <enc>' argument 'latin1' is invalid\. Allowed choices are auto, utf8, gb18030\.$/m);
  });

  it('a missing argument (run DIR)', () => {
    const r = skilltax(['run']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: missing required argument 'dir'$/m);
  });
});

// ── src/io/csv-in.ts ─────────────────────────────────────────────────────────

describe('src/io/csv-in.ts', () => {
  it('a folder given as an input file: "is a folder, not a file"', () => {
    const r = skilltax(['validate', '--kind', 'payroll', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe(`${dir}:0:0: is a folder, not a file\n`); // validate lists it among the problems too
    expect(r.stderr).toBe(`skilltax: ${dir}: is a folder, not a file\n`);
  });

  it('an unreadable input file: "permission denied"', () => {
    const d = tempDir();
    chmodSync(d, 0o755);
    const f = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,1.00`));
    chmodSync(f, 0o000);
    // root reads any file: run the CLI as nobody then
    const asRoot = process.getuid?.() === 0;
    const r = spawnSync(process.execPath, [BIN, 'validate', f], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toBe(`skilltax: ${f}: permission denied\n`);
  });

  it('two header cells naming one column: "columns 1 and 2 both give …: keep one of them"', () => {
    expect(said('payroll-both-give.csv')).toEqual(['columns 1 and 2 both give "enterprise_id": keep one of them (got "纳税人识别号")']);
    expect(of('payroll-both-give.csv')[0]).toMatchObject({ line: 1, column: 2 });
  });

  it('an empty required cell: "missing value for …"', () => {
    expect(said('payroll-missing-value.csv')).toEqual(['missing value for "period" (got "")']);
    expect(of('payroll-missing-value.csv')[0]).toMatchObject({ line: 2, column: 2 });
  });

  it('a malformed quote: "not readable as CSV: …", at the line and cell of the record', () => {
    const [p] = of('payroll-bad-quote.csv');
    expect(p).toMatchObject({ line: 3, column: 3 });
    expect(p!.message).toMatch(/^not readable as CSV: text after the closing quote of a quoted cell/);
  });

  it('an unclosed quote is reported at the line where its record starts (CONTRACT §1)', () => {
    const [p] = of('payroll-unclosed-quote.csv');
    expect(p!.message).toMatch(/^not readable as CSV: the quote that opens this cell is never closed/);
    expect(p!.line).toBe(3);
  });

  it('a file without a header: "the file is empty: a header line is expected"', () => {
    expect(of('payroll-empty.csv')).toEqual([{ file: join(dir, 'payroll-empty.csv'), line: 1, column: 1, message: 'the file is empty: a header line is expected' }]);
  });
});

// ── src/io/values.ts and src/io/kinds.ts: cell parsers ───────────────────────

describe('src/io/values.ts and src/io/kinds.ts', () => {
  it('year: "not a year: write YYYY"', () => {
    expect(said('declared-year.csv')).toEqual(['year: not a year: write YYYY (got "23")']);
  });

  it('ledger period: "not a period: write YYYY, YYYY-MM or YYYY-Qn"', () => {
    expect(said('ledger-values.csv')[0]).toBe('period: not a period: write YYYY, YYYY-MM or YYYY-Qn (got "2023-07-01")');
  });

  it('a count: "not a whole number of 0 or more"', () => {
    expect(said('trainees-enums.csv')).toContain('insured_months: not a whole number of 0 or more (got "-3")');
  });

  it('yes/no: "write yes or no"', () => {
    expect(said('catalog-flags.csv')).toContain('shortage: write yes or no (got "maybe")');
  });

  // One message per enumeration: each lists its own accepted codes and Chinese labels.
  it.each([
    ['ledger-values.csv', 'kind: not a known ledger kind; accepted: education_expense [职工教育经费], pcie_credit [产教融合抵免], refund_deduction [留抵退税扣除] (got "carry")'],
    [
      'qualifications-bad.csv',
      'qualification: not a known qualification; accepted: high_tech [高新技术企业], advanced_tech_service [技术先进型服务企业], software_ic [软件和集成电路企业], animation [动漫企业], nuclear_power [核电企业], airline [航空企业], pcie_pilot [产教融合型企业], small_scale_vat [小规模纳税人], small_low_profit [小型微利企业], individual_business [个体工商户] (got "bogus")',
    ],
    ['trainees-enums.csv', /^group: not a known group; accepted: employee \[企业职工\], rural_migrant .*public_staff \[机关事业单位在编人员\] \(got "boss"\)$/],
    [
      'trainees-enums.csv',
      'certificate_type: not a known certificate type; accepted: qualification [职业资格证书], skill_level [职业技能等级证书], special_ability [专项职业能力证书], special_operation [特种作业操作证], completion [培训合格证书], none [无] (got "diploma")',
    ],
    [
      'trainees-enums.csv',
      'route: not a known route; accepted: standard [社会化评价/常规], self_evaluation [企业自主评价/自主评价], dual_certificate [双证书], apprenticeship [学徒制培训], competition [技能竞赛] (got "shortcut")',
    ],
    ['catalog-flags.csv', 'unit: not a known unit; accepted: per_claim [每次], per_month [每月], per_year [每年] (got "per_term")'],
    ['declared-credits-fee.csv', 'fee: not a known fee; accepted: education_surcharge [教育费附加], local_education_surcharge [地方教育附加] (got "stamp_duty")'],
  ] as [string, string | RegExp][])('%s: "not a known …; accepted: …"', (file, message) => {
    const lines = said(file);
    if (typeof message === 'string') expect(lines).toContain(message);
    else expect(lines.some((l) => message.test(l)), lines.join('\n')).toBe(true);
  });

  it('a 身份证号 in history.csv: each problem, the value masked', () => {
    const lines = said('history-person.csv');
    // (a birth year before 1900 is no problem of the number: GB 11643-1999 allows it, the working age decides)
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^person_id: 身份证号 check character is "\w", the first 17 digits call for "\w" \(got "330282\*{8}\w{4}"\)$/);
    expect(lines[1]).toBe('person_id: 身份证号 must be 17 digits and a digit or X (got "330282*******1001")');
    expect(lines[2]).toMatch(/^person_id: 身份证号 birth date \(digits 7–14\) is not a calendar date \(got "330282\*{8}\w{4}"\)$/);
  });
});

// ── src/io/load.ts ───────────────────────────────────────────────────────────

describe('src/io/load.ts', () => {
  it('wages summing past what fen hold exactly: "a sum of amounts exceeds …" as an input problem', () => {
    expect(of('payroll-overflow.csv')).toEqual([{ file: join(dir, 'payroll-overflow.csv'), line: 3, column: 3, message: `a sum of amounts ${TOO_LARGE}` }]);
  });

  it('a negative training amount: "a negative amount is allowed only for pcie_investment (a withdrawal)"', () => {
    expect(said('training-negative.csv')).toEqual([
      'amount: a negative amount is allowed only for pcie_investment (a withdrawal) (got "-5.00")',
      'incurred: a negative amount is allowed only for pcie_investment (a withdrawal) (got "-1.00")',
    ]);
  });

  it('a qualification ending before it starts', () => {
    expect(said('qualifications-bad.csv')).toContain('valid_to: the qualification ends before it starts (valid_from 2023-01-01) (got "2022-12-31")');
  });

  it('surcharges: "a quarter containing a month it also filed"', () => {
    expect(said('surcharges-quarter.csv')).toEqual([`${A}: period 2024-Q1 overlaps 2024-01 on line 2 (a quarter containing a month it also filed) (got "2024-Q1")`]);
  });
});

// ── src/io/declared.ts ───────────────────────────────────────────────────────

describe('src/io/declared.ts', () => {
  it('two declarations of one key, in declared.csv and declared-credits.csv', () => {
    const d = tempDir();
    const declared = write(d, 'declared.csv', csv('enterprise_id,year,deductible', `${A},2023,1.00`, `${A},2023,2.00`));
    const credits = write(
      d,
      'declared-credits.csv',
      csv('enterprise_id,period,fee,credit', `${A},2024-01,教育费附加,1.00`, `${A},2024-01,education_surcharge,2.00`),
    );
    const surcharges = write(d, 'surcharges.csv', csv('enterprise_id,period,vat', `${A},2024-01,100.00`));
    const r = refused(['reconcile', '--declared', declared, '--payroll', payroll, '--training', training, '--declared-credits', credits, '--surcharges', surcharges]);
    expect(r.stderr).toBe(
      `${declared}:3:2: a second declaration for the same enterprise and year (the first is on line 2)\n` +
        `${credits}:3:2: a second declaration for the same enterprise, period and fee (the first is on line 2)\n` +
        'skilltax: 2 problems in the input; nothing was written\n',
    );
  });

  it('validate reports two declarations of one key, as reconcile does (README: "validate" makes the checks the calculators make)', () => {
    const f = write(tempDir(), 'declared.csv', csv('enterprise_id,year,deductible', `${A},2023,1.00`, `${A},2023,2.00`));
    const r = skilltax(['validate', f]);
    expect(r.stdout).toContain('a second declaration for the same enterprise and year');
    expect(r.status).toBe(1);
  });
});

// ── src/io/csv-out.ts ────────────────────────────────────────────────────────

describe('src/io/csv-out.ts', () => {
  it('an output that is a folder: "is a folder; name a file to write"', () => {
    const d = tempDir();
    mkdirSync(join(d, 'reports'));
    const r = skilltax(deduct('--out', join(d, 'reports')));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`skilltax: ${join(d, 'reports')}: is a folder; name a file to write\n`);
  });

  it('an output folder that cannot be made: "cannot create the folder"', () => {
    const d = tempDir();
    const file = write(d, 'not-a-folder', 'x');
    const out = join(file, 'sub', 'deductions.csv');
    const r = skilltax(deduct('--out', out));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`skilltax: ${out}: cannot create the folder ${join(file, 'sub')} (ENOTDIR)\n`);
    expect(readdirSync(d)).toEqual(['not-a-folder']);
  });

  it('an output whose temporary file cannot be written: "cannot write (…)"', () => {
    const d = tempDir();
    // 244 characters is a valid name; its temporary sibling ".NAME.tmp-PID-XXXXXXXX" is not
    const out = join(d, `${'d'.repeat(240)}.csv`);
    const r = skilltax(deduct('--out', out));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`skilltax: ${out}: cannot write (ENAMETOOLONG)\n`);
    expect(readdirSync(d)).toEqual([]);
  });

  it('an output that cannot be renamed into place: "cannot write (…)"', () => {
    const d = tempDir();
    // the ledger is to go where the report's folder is made: its rename meets a folder
    const r = skilltax(deduct('--out', join(d, 'X', 'deductions.csv'), '--ledger-out', join(d, 'X')));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^skilltax: ${join(d, 'X').replace(/[.\\/]/g, '\\$&')}: cannot write \\((EISDIR|ENOTEMPTY|EEXIST)\\)\\n$`));
  });

  it('when the last rename would fail, nothing is renamed: exit 2 and no output (CONTRACT §1)', () => {
    const d = tempDir();
    const r = skilltax(deduct('--out', join(d, 'X', 'deductions.csv'), '--ledger-out', join(d, 'X')));
    expect(r.status).toBe(2);
    expect(existsSync(join(d, 'X', 'deductions.csv'))).toBe(false);
    expect(readdirSync(d)).toEqual([]);
  });
});

// ── src/io/rules-file.ts and src/rules/index.ts (values of a --rules file) ──

describe('src/io/rules-file.ts', () => {
  let rulesFile: string;
  let r: { status: number; stdout: string; stderr: string };
  beforeAll(() => {
    rulesFile = write(
      tempDir(),
      'rules.json',
      JSON.stringify({
        'subsidy.yearly_cap': [],
        'eit.education_expense.rate': [
          { from: '2008-01-01', to: '2018-06-30', value: '0.025' },
          { from: '2018-01-01', value: '0.08' },
        ],
        'subsidy.excluded_groups': [{ from: '2008-01-01', value: ' ; ' }],
        'surcharge.reduction.groups': [{ from: '2019-01-01', value: 'small_scale_vat;tiny' }],
        'surcharge.education.rate': [{ from: '2005-10-01', to: 'soon', value: '0.03' }],
      }),
    );
    r = skilltax(['rules', '--rules', rulesFile]);
  });
  const lines = () => r.stderr.replace(/^skilltax: /, '').trimEnd().split('\n');

  it('exit 2, every problem on its own line, nothing on standard output', () => {
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines()).toHaveLength(5);
  });

  it('a key with no entries: "has no entries"', () => {
    expect(lines()).toContain(`${rulesFile}: "subsidy.yearly_cap" has no entries: give at least one {from, value, source}, or leave the key out to keep the built-in series`);
  });

  it('an entry running into the next: "runs to …, past the next entry\'s "from""', () => {
    expect(lines()).toContain(`${rulesFile}: "eit.education_expense.rate": the entry from 2008-01-01 runs to 2018-06-30, past the next entry's "from" 2018-01-01`);
  });

  it('a bad "to": the date problem under .to', () => {
    expect(lines()).toContain(`${rulesFile}: "surcharge.education.rate"[0].to: not a date: write YYYY-MM-DD, YYYY/M/D or YYYYMMDD`);
  });

  it('an empty list value: "a list of values separated by ";" is expected"', () => {
    expect(lines()).toContain(`${rulesFile}: "subsidy.excluded_groups"[0].value: a list of values separated by ";" is expected (got " ; ")`);
  });

  it('an unknown qualification in a qualifications list: "is not a qualification"', () => {
    expect(lines()).toContain(
      `${rulesFile}: "surcharge.reduction.groups"[0].value: "tiny" is not a qualification (high_tech, advanced_tech_service, software_ic, animation, nuclear_power, airline, pcie_pilot, small_scale_vat, small_low_profit, individual_business) (got "small_scale_vat;tiny")`,
    );
  });

  it('a rules file that cannot be read: "cannot read the rules file (…)"', () => {
    const missing = join(dir, 'no-such-rules.json');
    const m = refused(deduct('--rules', missing));
    expect(m.stderr).toBe(`skilltax: ${missing}: cannot read the rules file (ENOENT)\n`);
    const folder = refused(deduct('--rules', dir));
    expect(folder.stderr).toBe(`skilltax: ${dir}: cannot read the rules file (EISDIR)\n`);
  });
});

// ── src/rules/index.ts ───────────────────────────────────────────────────────

describe('src/rules/index.ts', () => {
  it('a gap inside a --rules series: "… has no entry for that day", wrapped by the deduction’s rate message', () => {
    const d = tempDir();
    const rules = write(
      d,
      'gap.json',
      JSON.stringify({
        'eit.education_expense.rate': [
          { from: '2008-01-01', to: '2010-12-31', value: '0.025' },
          { from: '2015-01-01', value: '0.08' },
        ],
      }),
    );
    const p = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2009,1000.00`, `${A},2016,1000.00`));
    const r = refused(['deduct', '--payroll', p, '--training', training, '--rules', rules]);
    expect(r.stderr).toBe(
      `skilltax: no employee education expense rate is in force for 2011: no value of eit.education_expense.rate is in force for 2011-12-31 (the series from the --rules file ${rules} starts 2008-01-01 and has no entry for that day): add an entry with --rules\n`,
    );
  });

  it('a series with no entries at all (unit: a --rules file cannot give one): "has no entries"', () => {
    const rules = new Rules([{ key: 'test.empty', kind: 'rate', description: 'a test series', entries: [] }]);
    expect(() => rules.rate('test.empty', '2024-01-01')).toThrow(RuleGapError);
    expect(() => rules.rate('test.empty', '2024-01-01')).toThrow('no value of test.empty is in force for 2024-01-01 (the built-in series has no entries): add an entry with --rules');
  });
});

// ── src/cli/common.ts ────────────────────────────────────────────────────────

describe('src/cli/common.ts', () => {
  it('--max-errors that is not a whole number of 1 or more', () => {
    for (const bad of ['0', 'ten']) {
      const r = refused(deduct('--max-errors', bad));
      expect(r.stderr).toBe(`skilltax: --max-errors takes a whole number of 1 or more (got "${bad}")\n`);
    }
  });
});

// ── src/cli/run.ts ───────────────────────────────────────────────────────────

describe('src/cli/run.ts', () => {
  it('a DIR that is not a folder: "no such folder"', () => {
    const missing = join(dir, 'no-such-folder');
    const r = skilltax(['run', missing]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`skilltax: ${missing}: no such folder\n`);
    expect(existsSync(missing)).toBe(false);
  });
});

// ── src/cli/validate.ts ──────────────────────────────────────────────────────

describe('src/cli/validate.ts', () => {
  it('a file name that tells no kind: "cannot tell the kind from the file name; pass --kind (…)"', () => {
    const r = skilltax(['validate', join(dir, 'export.csv')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(new RegExp(`^${join(dir, 'export.csv')}:0:0: cannot tell the kind from the file name; pass --kind \\(.*\\)\\n$`)); // listed too
    expect(r.stderr).toBe(
      `skilltax: ${join(dir, 'export.csv')}: cannot tell the kind from the file name; pass --kind (payroll, training, qualifications, ledger, surcharges, trainees, catalog, history, enterprises, awards, award_history, properties, certificates, insurance, providers, fund, declared, declared_credits)\n`,
    );
  });
});

// ── src/cli/reconcile.ts ─────────────────────────────────────────────────────

describe('src/cli/reconcile.ts', () => {
  it.each([
    [['--declared', 'declared.csv'], '--declared needs --payroll and --training to recompute the deductions'],
    [['--declared', 'declared.csv', '--payroll', 'payroll.csv'], '--declared needs --payroll and --training to recompute the deductions'],
    [['--declared-credits', 'declared-credits.csv'], '--declared-credits needs --surcharges to recompute the credits'],
    [['--payroll', 'payroll.csv', '--training', 'training.csv'], 'give --declared (with --payroll and --training), or --declared-credits (with --surcharges), or both'],
  ])('reconcile %j: "%s"', (args, message) => {
    const r = refused(['reconcile', ...args]);
    expect(r.stderr).toBe(`skilltax: ${message}\n`);
  });

  it('a year before 2008 in the inputs: reconcile compares from 2008 on (it advised --from, an option it lacks)', () => {
    const d = tempDir();
    const p = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2007,1000.00`, `${A},2023,1000.00`));
    const declared = write(d, 'declared.csv', csv('enterprise_id,year,deductible', `${A},2023,1.00`));
    const r = skilltax(['reconcile', '--declared', declared, '--payroll', p, '--training', training]);
    expect(r.stderr).not.toMatch(/--from/);
    expect(r.stderr).toBe('reconcile: 1 amount differs, in 1 declaration\n');
    expect(r.status).toBe(1);
  });
});

// ── src/cli/rules.ts ─────────────────────────────────────────────────────────

describe('src/cli/rules.ts', () => {
  it.each([
    ['tomorrow', 'not a date: write YYYY-MM-DD, YYYY/M/D or YYYYMMDD'],
    ['2023-02-30', 'not a calendar date'],
  ])('rules --at %s: "--at: %s"', (at, message) => {
    const r = skilltax(['rules', '--at', at]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`skilltax: --at: ${message} (got "${at}")\n`);
  });
});

// ── src/cli/finish.ts (each calculator's --explain of a subject not computed) ─

describe('src/cli/finish.ts', () => {
  it('deduct --explain of an enterprise not computed: "no year of this enterprise was computed"', () => {
    const r = refused(deduct('--explain', B));
    expect(r.stderr).toBe(`skilltax: --explain ${B}: no year of this enterprise was computed (not in the inputs, or outside the range asked for)\n`);
  });
});

// ── src/calculators/education-expense.ts ─────────────────────────────────────

describe('src/calculators/education-expense.ts', () => {
  it('deduct --from after --to', () => {
    const r = refused(deduct('--from', '2024', '--to', '2023'));
    expect(r.stderr).toBe('skilltax: --from 2024 is after --to 2023\n');
  });

  it('a note (exit 0): expense before the first computed year with no ledger row to carry it in', () => {
    const d = tempDir();
    const p = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2022,1000000.00`, `${A},2023,1000000.00`));
    const t = write(d, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2022-03-01,education,100000.00`));
    const r = skilltax(['deduct', '--payroll', p, '--training', t, '--year', '2023']);
    expect(r.status, r.stderr).toBe(0);
    // the note, then the summary line last (issue #8 item 16)
    const summary = deductLine(r.stdout);
    expect(r.stderr.endsWith(`\n${summary}`)).toBe(true);
    expect(r.stderr.slice(0, -summary.length)).toMatch(
      new RegExp(
        `^note: ${A}: the inputs have education expense in 2022(–2022)?, before the first computed year 2023, but no ledger row for 2022: its carry in is 0\\.00 \\(pass --ledger, or compute from its first year\\)\\n$`,
      ),
    );
  });
});

// ── src/calculators/pcie-credit.ts ───────────────────────────────────────────

describe('src/calculators/pcie-credit.ts', () => {
  it('a note (exit 0): periods before a pcie_credit opening balance are not computed', () => {
    const d = tempDir();
    // with sales above the exemption threshold: no sales_missing (RULES §2.2), the note alone
    const s = write(d, 'surcharges.csv', csv('enterprise_id,period,vat,sales', `${A},2024-01,100.00,10000000.00`, `${A},2024-02,100.00,10000000.00`, `${A},2024-03,100.00,10000000.00`));
    const l = write(d, 'ledger.csv', csv('enterprise_id,kind,period,opening,added,used,closing', `${A},pcie_credit,2024-02,,,,7.00`));
    const r = skilltax(['credit', '--surcharges', s, '--ledger', l]);
    expect(r.status, r.stderr).toBe(0);
    // the note, then the summary line (issue #8 item 16): 2024-03 alone computed, though the periods
    // named are those of the inputs; the 7.00 opening carried through (no pcie_pilot, no credit)
    expect(r.stderr).toBe(
      `note: ${A}: periods 2024-01–2024-02 are not computed: the ledger brings an opening balance for 2024-02 (${l}:2)\n` +
        creditLine(r.stdout, { carried: '7.00', periods: '2024-01 to 2024-03' }),
    );
  });
});

// ── src/ledger/ledger.ts and src/ledger/carryforward.ts ──────────────────────

describe('src/ledger/ledger.ts and src/ledger/carryforward.ts', () => {
  it('a row inside another row’s period: "an overlapping (…) … row"', () => {
    expect(said('ledger-overlap.csv')).toEqual([`an overlapping (2024-Q1) pcie_credit row for ${A} 2024-02 (the first is on line 2) (got "2024-02")`]);
  });

  describe('an education_expense conflict for two enterprises', () => {
    let args: string[];
    let ledger: string;
    beforeAll(() => {
      const d = tempDir();
      const p = write(d, 'payroll.csv', csv('enterprise_id,period,wages', `${A},2023,1000000.00`, `${B},2023,1000000.00`));
      const t = write(d, 'training.csv', csv('enterprise_id,date,category,amount', `${A},2023-03-01,education,100000.00`, `${B},2023-03-01,education,100000.00`));
      ledger = write(
        d,
        'ledger.csv',
        csv(
          'enterprise_id,kind,period,opening,added,used,closing',
          `${A},education_expense,2024,5.00,0.00,0.00,5.00`,
          `${B},education_expense,2024,5.00,0.00,0.00,5.00`,
          `${B},education_expense,2025,5.00,0.00,0.00,5.00`,
        ),
      );
      args = ['deduct', '--payroll', p, '--training', t, '--ledger', ledger, '--year', '2023'];
    });

    it('refused: every conflict, then "recompute the later years too (--to …), or pass --force … for these enterprises"', () => {
      const r = refused(args);
      expect(r.stderr).toBe(
        [
          `skilltax: ledger conflict for ${A} (education_expense): the recomputed closing of 2023 is 20000.00, but the ledger's 2024 row (${ledger}:2) opens with 5.00`,
          `ledger conflict for ${B} (education_expense): the recomputed closing of 2023 is 20000.00, but the ledger's 2024 row (${ledger}:3) opens with 5.00`,
          "nothing was written: recompute the later years too (--to 2025), or pass --force to drop the ledger's later rows for these enterprises",
          '',
        ].join('\n'),
      );
    });

    it('with --force (exit 0): "forced: ledger conflict for …" before the dropped rows', () => {
      const r = skilltax([...args, '--force']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe(
        [
          `forced: ledger conflict for ${A} (education_expense): the recomputed closing of 2023 is 20000.00, but the ledger's 2024 row (${ledger}:2) opens with 5.00`,
          `forced: ledger conflict for ${B} (education_expense): the recomputed closing of 2023 is 20000.00, but the ledger's 2024 row (${ledger}:3) opens with 5.00`,
          `forced: dropped ledger row ${A} education_expense 2024 (${ledger}:2)`,
          `forced: dropped ledger row ${B} education_expense 2024 (${ledger}:3)`,
          `forced: dropped ledger row ${B} education_expense 2025 (${ledger}:4)`,
          // the summary line last (issue #8 item 16)
          deductLine(r.stdout),
        ].join('\n'),
      );
    });
  });
});

// ── src/domain: programming errors (unit calls) ──────────────────────────────

describe('src/domain (programming errors, unit calls)', () => {
  it('trace.ts: a step citing a parameter the computation did not read', () => {
    const t = new Tracer(true);
    t.section('2024');
    expect(() => t.step(() => ({ label: 'rate', value: '0.08', cite: ['eit.education_expense.rate'] }))).toThrow(
      'the trace cites eit.education_expense.rate, which the computation did not read',
    );
  });

  it('ids.ts: withUsccCheck of something that is not 17 USCC characters', () => {
    expect(() => withUsccCheck('9133028')).toThrow('not a USCC prefix: 9133028');
    expect(() => withUsccCheck('91330282MA2B0000I')).toThrow('not a USCC prefix: 91330282MA2B0000I');
  });
});
