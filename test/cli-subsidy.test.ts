/**
 * `skilltax subsidy` end to end (CONTRACT §1, §2, §5, §8): the report's columns and rows, the
 * summary, --year, --explain (the 身份证号 masked), exit statuses, refused input with
 * FILE:LINE:COLUMN and nothing written, Chinese headers and GB18030, `validate` and `run` with
 * trainees.csv, catalog.csv and history.csv. Runs the built CLI (dist/, built by `npm test`'s
 * pretest) on inputs written to temporary folders and on fixtures/errors/subsidy-*.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, problems, requireBuild, ROOT, skilltax, where, type CliResult } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';

const FX = 'fixtures/errors';
const CATALOG = 'fixtures/catalog-example.csv';
const A = '91330282MA2B000016';
const B = '91330282MA2B000029';
/** 张三, a man born 1990-03-15 */
const P1 = '330282199003151238';
/** 李四, a woman born 1985-07-20 */
const P2 = '330282198507201249';
/** 王五, a man born 1964-05-10: 60 on 2024-05-10 */
const P3 = '33028219640510131X';
/** P1 with a wrong check character */
const BAD = '330282199003151239';
/** a woman born 1992-06-18, check character X */
const P4 = '33028219920618104X';
const PERSONS = [P1, P2, P3, BAD, P4];

const COLUMNS = 'claim_id,person_id,enterprise_id,program,occupation,level,certificate_date,claim_date,status,amount,reasons,rule_refs';
const SUMMARY_COLUMNS = 'enterprise_id,program,claims,eligible,amount';

// Rows out of claim_id order on purpose. Years: C008 2021, C006 and C009 2023, the rest 2024.
const TRAINEES = csv(
  'claim_id,person_id,name,program,group,claim_date,enterprise_id,occupation,level,certificate_type,certificate_no,certificate_date,route,insured_months,contract_months,months',
  `C011,${P2},李四,training,unemployed,2024-09-01,,磨工,5,skill_level,ZS-011,2024-08-01,standard,,,`,
  `C001,${P1},张三,training,employee,2024-04-01,${A},电工,4,skill_level,ZS-001,2024-03-01,standard,,,`,
  `C002,${P1},张三,skill_upgrade,employee,2024-05-01,${A},电工,4,skill_level,ZS-002,2024-04-15,,24,,`,
  `C003,${P2},李四,training,unemployed,2024-06-01,,焊工,3,qualification,ZS-003,2024-02-01,standard,,,`,
  `C004,${P3},王五,training,employee,2024-06-01,${B},车工,3,skill_level,ZS-004,2024-05-10,,,,`,
  `C005,${BAD},赵六,training,employee,2024-06-02,${B},车工,5,skill_level,ZS-005,2024-05-01,,,,`,
  `C006,${P2},李四,apprenticeship,employee,2023-03-01,${B},数控车工,4,,,,,,24,12`,
  `C007,${P1},张三,shortage_post,employee,2024-07-01,${A},电工,2,skill_level,ZS-007,2021-06-30,,12,36,`,
  `C008,${P1},张三,work_based,employee,2021-05-01,${A},,,,,,,,,7`,
  `C009,${P2},李四,training,unemployed,2023-11-01,,焊工,4,skill_level,ZS-009,2023-10-01,standard,,,`,
  `C010,${P2},李四,training,unemployed,2024-08-01,,焊工,4,skill_level,ZS-010,2024-07-01,standard,,,`,
);

// 李四 had two counted subsidies paid in 2024 before her claims
const HISTORY = csv(
  'person_id,program,paid_date,amount,occupation,level,certificate_no,months',
  `${P2},training,2024-01-10,1000.00,钳工,5,ZS-901,`,
  `${P2},skill_upgrade,2024-02-10,1000.00,铣工,5,ZS-902,`,
);

/**
 * The first 11 columns of each row, worked by hand (RULES §4; catalogue amounts of
 * fixtures/catalog-example.csv):
 * C001 中级工 1,500. C002 电工 4 again (C001): duplicate. C003 高级工 2,000 — her 3rd counted
 * subsidy of 2024 with the two in the history. C004 certificate on his 60th birthday. C005 bad
 * check character. C006 5,000 a year × 12 / 12. C007 技师 held 3 years on 2024-06-30: 10,000.
 * C008 7 months of 以工代训: 6 × 500 paid. C009 2023: 1,500. C010 焊工 4 again (C009, 2023),
 * after 高级工 (C003), and a 4th in 2024. C011 a 4th in 2024.
 */
const ROWS: Record<string, string> = {
  C001: `C001,${P1},${A},training,电工,4,2024-03-01,2024-04-01,eligible,1500.00,`,
  C002: `C002,${P1},${A},skill_upgrade,电工,4,2024-04-15,2024-05-01,ineligible,0.00,duplicate_occupation_level`,
  C003: `C003,${P2},,training,焊工,3,2024-02-01,2024-06-01,eligible,2000.00,`,
  C004: `C004,${P3},${B},training,车工,3,2024-05-10,2024-06-01,ineligible,0.00,age_out_of_range`,
  C005: `C005,${BAD},${B},training,车工,5,2024-05-01,2024-06-02,ineligible,0.00,invalid_person_id`,
  C006: `C006,${P2},${B},apprenticeship,数控车工,4,,2023-03-01,eligible,5000.00,`,
  C007: `C007,${P1},${A},shortage_post,电工,2,2021-06-30,2024-07-01,eligible,10000.00,`,
  C008: `C008,${P1},${A},work_based,,,,2021-05-01,eligible,3000.00,duration_exceeded`,
  C009: `C009,${P2},,training,焊工,4,2023-10-01,2023-11-01,eligible,1500.00,`,
  C010: `C010,${P2},,training,焊工,4,2024-07-01,2024-08-01,ineligible,0.00,duplicate_occupation_level;lower_level_after_higher;yearly_cap_reached`,
  C011: `C011,${P2},,training,磨工,5,2024-08-01,2024-09-01,ineligible,0.00,yearly_cap_reached`,
};
const IDS = Object.keys(ROWS);

const SUMMARY = csv(
  SUMMARY_COLUMNS,
  ',training,4,2,3500.00',
  `${A},shortage_post,1,1,10000.00`,
  `${A},skill_upgrade,1,0,0.00`,
  `${A},training,1,1,1500.00`,
  `${A},work_based,1,1,3000.00`,
  `${B},apprenticeship,1,1,5000.00`,
  `${B},training,2,0,0.00`,
);

/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs('skilltax-subsidy-');

let trainees: string;
let history: string;

beforeAll(() => {
  requireBuild();
  const d = tempDir();
  trainees = write(d, 'trainees.csv', TRAINEES);
  history = write(d, 'history.csv', HISTORY);
});

const subsidy = (extra: string[] = [], files: { trainees?: string; catalog?: string; history?: string | null } = {}) => [
  'subsidy',
  '--trainees',
  files.trainees ?? trainees,
  '--catalog',
  files.catalog ?? CATALOG,
  ...(files.history === null ? [] : ['--history', files.history ?? history]),
  ...extra,
];

/** The report's lines after the header, split into the first 11 columns and rule_refs. */
function rows(report: string): { head: string; refs: string }[] {
  const lines = report.split('\n');
  expect(lines[0]).toBe(COLUMNS);
  expect(lines.at(-1)).toBe('');
  return lines.slice(1, -1).map((l) => {
    const cells = l.split(',');
    expect(cells).toHaveLength(12); // no commas inside the cells of these inputs
    return { head: cells.slice(0, 11).join(','), refs: cells[11]! };
  });
}
const heads = (report: string) => rows(report).map((r) => r.head);

const PREVIOUS = 'claim_id\nprevious report: must survive a refused run\n';

/** Runs a command that must be refused, with --out over an existing file and --summary to a new one. */
const refused = (args: string[], opts: { input?: string } = {}): CliResult =>
  expectRefused(args, [{ flag: '--out', name: 'subsidies.csv', pre: PREVIOUS }, { flag: '--summary', name: 'subsidy-summary.csv' }], opts);

/** No 身份证号 of the inputs appears whole. */
function noFullPersonId(text: string): void {
  for (const p of PERSONS) expect(text).not.toContain(p);
}

describe('CONTRACT §5 subsidies.csv', () => {
  it('exit 0 with ineligible claims: the contract’s columns exactly, one row per claim, sorted by claim_id', () => {
    const r = skilltax(subsidy());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(COLUMNS);
    expect(heads(r.stdout)).toEqual(IDS.map((id) => ROWS[id]));
  });

  it('rule_refs: the program’s source, the rules’ sources and the catalogue row’s source', () => {
    const refs = Object.fromEntries(rows(skilltax(subsidy()).stdout).map((r) => [r.head.slice(0, 4), r.refs.split(';')]));
    expect(refs.C001![0]).toBe('国办发〔2019〕24号');
    expect(refs.C001).toEqual(expect.arrayContaining(['GB 11643-1999', '宁波 2020 职业技能培训补贴办法 (劳动年龄 男16-60)', '杭人社发〔2020〕43号 (example)']));
    expect(refs.C002![0]).toBe('人社部发〔2017〕40号');
    expect(refs.C002).toEqual(expect.arrayContaining(['人社部 财政部 2019 (参保放宽至1年)', '人社部发〔2017〕40号 (example)']));
    expect(refs.C003).toContain('宁波 2020 职业技能培训补贴办法 (劳动年龄 女16-50)');
    expect(refs.C006![0]).toBe('人社部发〔2021〕39号');
    expect(refs.C007).toEqual(expect.arrayContaining(['甬人社发〔2023〕22号', '甬人社发〔2023〕22号 (example)']));
    expect(refs.C008).toEqual(expect.arrayContaining(['人社部发〔2020〕30号', '人社部发〔2020〕30号 (example: 500 a month)']));
    for (const list of Object.values(refs)) expect(new Set(list).size).toBe(list.length);
  });

  it('--out and --summary write both files and print only the terminal summary, with no 身份证号 in it', () => {
    const dir = tempDir();
    const out = join(dir, 'subsidies.csv');
    const summary = join(dir, 'subsidy-summary.csv');
    const r = skilltax(subsidy(['--out', out, '--summary', summary]));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(heads(readFileSync(out, 'utf8'))).toEqual(IDS.map((id) => ROWS[id]));
    expect(readFileSync(summary, 'utf8')).toBe(SUMMARY);
    expect(r.stderr).toBe('subsidy: 11 claims of 4 persons, 6 eligible, 5 ineligible, amount 23000.00\n');
    noFullPersonId(r.stderr);
    expect(readdirSync(dir).sort()).toEqual(['subsidies.csv', 'subsidy-summary.csv']);
  });

  it('--summary alone: the report still goes to standard output', () => {
    const dir = tempDir();
    const summary = join(dir, 's.csv');
    const r = skilltax(subsidy(['--summary', summary, '--quiet']));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(heads(r.stdout)).toHaveLength(11);
    expect(readFileSync(summary, 'utf8')).toBe(SUMMARY);
  });

  it('same inputs → byte-identical output; the order of rows in trainees.csv and history.csv does not matter', () => {
    const a = skilltax(subsidy());
    const dir = tempDir();
    const lines = TRAINEES.trim().split('\n');
    const hl = HISTORY.trim().split('\n');
    const reversed = write(dir, 'trainees.csv', csv(lines[0]!, ...lines.slice(1).reverse()));
    const hReversed = write(dir, 'history.csv', csv(hl[0]!, ...hl.slice(1).reverse()));
    const b = skilltax(subsidy([], { trainees: reversed, history: hReversed }));
    expect(b.status).toBe(0);
    expect(heads(b.stdout)).toEqual(heads(a.stdout));
    expect(skilltax(subsidy()).stdout).toBe(a.stdout);
  });

  it('without the history, 李四’s 2024 claims have the cap to themselves: C011 is paid, C010 still is not', () => {
    const r = skilltax(subsidy([], { history: null }));
    expect(r.status, r.stderr).toBe(0);
    const h = heads(r.stdout);
    expect(h[9]).toBe(`C010,${P2},,training,焊工,4,2024-07-01,2024-08-01,ineligible,0.00,duplicate_occupation_level;lower_level_after_higher`);
    expect(h[10]).toBe(`C011,${P2},,training,磨工,5,2024-08-01,2024-09-01,eligible,1000.00,`);
    expect(r.stderr).toBe('subsidy: 11 claims of 4 persons, 7 eligible, 4 ineligible, amount 24000.00\n');
  });

  it('trainees from standard input', () => {
    const r = skilltax(subsidy([], { trainees: '-' }), { input: TRAINEES });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(skilltax(subsidy()).stdout);
  });

  it('a lower-case x check character is read as X, in trainees.csv and history.csv alike', () => {
    const dir = tempDir();
    const t = write(
      dir,
      'trainees.csv',
      csv('claim_id,person_id,program,group,claim_date,occupation,level,certificate_type,certificate_no,certificate_date', `X1,${P4.toLowerCase()},training,employee,2024-04-01,电工,4,skill_level,ZS-X1,2024-03-01`),
    );
    const h = write(dir, 'history.csv', csv('person_id,program,paid_date,amount,occupation,level', `${P4},training,2022-05-01,1500.00,电工,4`));
    const r = skilltax(subsidy([], { trainees: t, history: h }));
    expect(r.status, r.stderr).toBe(0);
    expect(heads(r.stdout)).toEqual([`X1,${P4},,training,电工,4,2024-03-01,2024-04-01,ineligible,0.00,duplicate_occupation_level`]);
    const alone = skilltax(subsidy([], { trainees: t, history: null }));
    expect(heads(alone.stdout)).toEqual([`X1,${P4},,training,电工,4,2024-03-01,2024-04-01,eligible,1500.00,`]);
  });

  it('--qualifications: skill_upgrade for an employee of a 个体工商户 (individual_business) is group_not_eligible', () => {
    const dir = tempDir();
    const t = write(
      dir,
      'trainees.csv',
      csv(
        'claim_id,person_id,program,group,claim_date,enterprise_id,occupation,level,certificate_type,certificate_date,insured_months',
        `Q1,${P1},skill_upgrade,employee,2024-05-01,${A},电工,4,skill_level,2024-04-15,24`,
        `Q2,${P2},skill_upgrade,employee,2024-05-01,${B},电工,4,skill_level,2024-04-15,24`,
      ),
    );
    const q = write(dir, 'qualifications.csv', csv('enterprise_id,qualification,valid_from,valid_to', `${B},个体工商户,2020-01-01,`, `${A},high_tech,2020-01-01,`));
    const r = skilltax(['subsidy', '--trainees', t, '--catalog', CATALOG, '--qualifications', q, '--explain', 'Q2', '--out', join(dir, 'out.csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(heads(readFileSync(join(dir, 'out.csv'), 'utf8'))).toEqual([
      `Q1,${P1},${A},skill_upgrade,电工,4,2024-04-15,2024-05-01,eligible,1500.00,`,
      `Q2,${P2},${B},skill_upgrade,电工,4,2024-04-15,2024-05-01,ineligible,0.00,group_not_eligible`,
    ]);
    expect(r.stdout).toMatch(new RegExp(`group +group_not_eligible += the employer ${B} is a 个体工商户 \\(qualifications: individual_business 2020-01-01…\\) +\\[人社部发〔2017〕40号\\]`));
  });

  it('--rules: subsidy.yearly_cap 2 makes 李四’s first 2024 claim her 3rd, over the cap', () => {
    const dir = tempDir();
    const rules = write(dir, 'rules.json', JSON.stringify({ 'subsidy.yearly_cap': [{ from: '2008-01-01', value: '2', source: 'test cap' }] }));
    const r = skilltax(subsidy(['--rules', rules]));
    expect(r.status, r.stderr).toBe(0);
    const byId = Object.fromEntries(rows(r.stdout).map((x) => [x.head.slice(0, 4), x]));
    expect(byId.C003!.head).toBe(`C003,${P2},,training,焊工,3,2024-02-01,2024-06-01,ineligible,0.00,yearly_cap_reached`);
    expect(byId.C003!.refs.split(';')).toContain('test cap');
    // C003 not paid: C010 is no longer after a higher level
    expect(byId.C010!.head).toBe(`C010,${P2},,training,焊工,4,2024-07-01,2024-08-01,ineligible,0.00,duplicate_occupation_level;yearly_cap_reached`);
  });

  it('--rules with an unknown subsidy key or a bad count: exit 2', () => {
    const dir = tempDir();
    const unknown = write(dir, 'unknown.json', JSON.stringify({ 'subsidy.yearly_limit': [{ from: '2008-01-01', value: '2' }] }));
    expect(refused(subsidy(['--rules', unknown])).stderr).toMatch(/unknown parameter "subsidy\.yearly_limit"/);
    const bad = write(dir, 'bad.json', JSON.stringify({ 'subsidy.claim_window_months': [{ from: '2008-01-01', value: 'twelve' }] }));
    expect(refused(subsidy(['--rules', bad])).stderr).toMatch(/"subsidy\.claim_window_months"\[0\]\.value: a whole number is expected/);
  });
});

describe('CONTRACT §5 subsidy-summary.csv', () => {
  it('per enterprise and program: claims, eligible, amount; an empty enterprise_id for claims without an employer, sorted first', () => {
    const dir = tempDir();
    const summary = join(dir, 'subsidy-summary.csv');
    skilltax(subsidy(['--summary', summary, '--quiet']));
    const text = readFileSync(summary, 'utf8');
    expect(text).toBe(SUMMARY);
    const lines = text.trim().split('\n').slice(1);
    const total = lines.reduce((a, l) => a + Math.round(Number(l.split(',')[4]) * 100), 0);
    expect(total).toBe(2300000);
    expect(lines.reduce((a, l) => a + Number(l.split(',')[2]), 0)).toBe(11);
  });
});

describe('--year: the claims made that year are reported; earlier claims still count against them', () => {
  it('2024: eight claims, decided as in the whole run (C010 still a duplicate of C009 of 2023)', () => {
    const dir = tempDir();
    const summary = join(dir, 'subsidy-summary.csv');
    const r = skilltax(subsidy(['--year', '2024', '--summary', summary]));
    expect(r.status, r.stderr).toBe(0);
    expect(heads(r.stdout)).toEqual(['C001', 'C002', 'C003', 'C004', 'C005', 'C007', 'C010', 'C011'].map((id) => ROWS[id]));
    expect(readFileSync(summary, 'utf8')).toBe(
      csv(SUMMARY_COLUMNS, ',training,3,1,2000.00', `${A},shortage_post,1,1,10000.00`, `${A},skill_upgrade,1,0,0.00`, `${A},training,1,1,1500.00`, `${B},training,2,0,0.00`),
    );
    expect(r.stderr).toBe('subsidy: 8 claims of 4 persons, 3 eligible, 5 ineligible, amount 13500.00\n');
  });

  it.each([
    ['2023', ['C006', 'C009']],
    ['2021', ['C008']],
  ])('%s', (year, ids) => {
    const r = skilltax(subsidy(['--year', year]));
    expect(r.status, r.stderr).toBe(0);
    expect(heads(r.stdout)).toEqual(ids.map((id) => ROWS[id]));
  });

  it('a year without claims: the header alone; a bad --year: exit 2', () => {
    const r = skilltax(subsidy(['--year', '2022']));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(COLUMNS + '\n');
    expect(refused(subsidy(['--year', '24'])).stderr).toMatch(/--year takes a year YYYY \(got "24"\)/);
  });
});

describe('--explain CLAIM_ID: a step-by-step account on standard output, the 身份证号 masked', () => {
  it('C010: deciding date, catalogue row, each rule with its outcome and source, the earlier claims and history that counted', () => {
    const dir = tempDir();
    const out = join(dir, 'subsidies.csv');
    const r = skilltax(subsidy(['--explain', 'C010', '--out', out]));
    expect(r.status, r.stderr).toBe(0);
    expect(heads(readFileSync(out, 'utf8'))).toEqual(IDS.map((id) => ROWS[id])); // the report goes only to --out
    const text = r.stdout;
    expect(text.startsWith('Training subsidy claim C010: training, person 330282********1249, group unemployed\n')).toBe(true);
    expect(text).not.toContain(COLUMNS);
    expect(text).toMatch(/^ineligible \(duplicate_occupation_level;lower_level_after_higher;yearly_cap_reached\)$/m);
    expect(text).toMatch(/deciding date +2024-07-01 += the certificate date/);
    expect(text).toMatch(/catalogue row +1500\.00 per_claim += line 3: training, occupation \*, level 4 \(中级工\), valid 2020-01-01… +\[杭人社发〔2020〕43号 \(example\)\]/);
    expect(text).toMatch(/身份证号 +ok += valid check character and birth date +\[GB 11643-1999\]/);
    expect(text).toMatch(/working age +ok += 38 on 2024-07-01 \(woman; 16 ≤ age < 50.*\[宁波 2020 职业技能培训补贴办法 \(劳动年龄 女16-50\)\]/);
    expect(text).toMatch(/group +ok += unemployed +\[国办发〔2019〕24号\]/);
    expect(text).toMatch(/route +ok += standard +\[宁波 职业技能培训补贴/);
    expect(text).toMatch(/claim window +ok += claimed 2024-08-01, by 2025-07-01 \(12 months after the certificate\) +\[浙江省 2024 职业技能培训补贴通知\]/);
    expect(text).toMatch(/once per occupation and level +duplicate_occupation_level += 焊工 level 4 \(中级工\) already paid: claim C009 \(training, claimed 2023-11-01\) +\[浙江省 2024/);
    expect(text).toMatch(/no lower level after a higher one +lower_level_after_higher += level 3 \(高级工\) of 焊工 already paid: claim C003 \(training, claimed 2024-06-01\)/);
    expect(text).toMatch(/one subsidy per certificate +ok += certificate ZS-010 not paid before/);
    expect(text).toMatch(
      /yearly cap +yearly_cap_reached += 3 counted subsidies already in 2024: history line 2 \(training, paid 2024-01-10\), history line 3 \(skill_upgrade, paid 2024-02-10\), claim C003 \(training, claimed 2024-06-01\) \(at most 3\)/,
    );
    expect(text).toMatch(/decision +ineligible += duplicate_occupation_level;lower_level_after_higher;yearly_cap_reached/);
    noFullPersonId(text);
    noFullPersonId(r.stderr);
  });

  it('an eligible claim shows its amount; the id is matched after trimming; without --out nothing else is printed', () => {
    const r = skilltax(subsidy(['--explain', ' C008 ']));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(COLUMNS);
    expect(r.stdout).toMatch(/^eligible 3000\.00 \(duration_exceeded\)$/m);
    expect(r.stdout).toMatch(/deciding date +2021-05-01 += the claim date/);
    expect(r.stdout).toMatch(/months per person +duration_exceeded += 7 claimed, 0 paid before, at most 6: 6 paid +\[人社部发〔2020〕30号\]/);
    expect(r.stdout).toMatch(/amount +3000\.00 += 500\.00 × 6 months/);
    noFullPersonId(r.stdout);
  });

  it('the 身份证号 with an X, and an invalid one, are masked too', () => {
    const x = skilltax(subsidy(['--explain', 'C004']));
    expect(x.stdout).toContain('person 330282********131X');
    expect(x.stdout).toMatch(/working age +age_out_of_range += 60 on 2024-05-10 \(man; 16 ≤ age < 60/);
    const bad = skilltax(subsidy(['--explain', 'C005']));
    expect(bad.stdout).toContain('person 330282********1239');
    expect(bad.stdout).toMatch(/身份证号 +invalid_person_id += 身份证号 check character is "9", the first 17 digits call for "8" +\[GB 11643-1999\]/);
    noFullPersonId(x.stdout + bad.stdout);
  });

  it('--explain of a claim outside --year still explains it (every claim is decided)', () => {
    const r = skilltax(subsidy(['--explain', 'C009', '--year', '2024']));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^eligible 1500\.00$/m);
  });

  it('--explain of an unknown claim: exit 2, nothing written', () => {
    const r = refused(subsidy(['--explain', 'C999']));
    expect(r.stderr).toMatch(/--explain C999: no such claim_id in /);
  });
});

describe('CONTRACT §1/§2 refused input: exit 2, FILE:LINE:COLUMN, nothing written', () => {
  it('trainees.csv: unknown program, bad level, bad date, a duplicate claim_id, work_based without months — all listed', () => {
    const f = `${FX}/subsidy-bad-trainees/trainees.csv`;
    const r = refused(subsidy([], { trainees: f, history: null }));
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [f, 3, 3, 'retraining'],
      [f, 4, 8, '6'],
      [f, 5, 5, '2024-02-30'],
      [f, 6, 1, 'C001'],
      [f, 7, 12, ''],
    ]);
    expect(ps[0]!.message).toMatch(/^program: not a known program; accepted: training \[职业培训补贴\], skill_upgrade/);
    expect(ps[1]!.message).toBe('level: not a skill level: 1–5 (5 = 初级工 … 1 = 高级技师) or 初级/中级/高级/技师/高级技师');
    expect(ps[2]!.message).toBe('claim_date: not a calendar date');
    expect(ps[3]!.message).toBe('claim_id: a second claim C001 (the first is on line 2)');
    expect(ps[4]!.message).toMatch(/^months: a work_based claim needs the months it covers \(1 or more\)$/);
    expect(r.stderr).toMatch(/5 problems in the input; nothing was written/);
  });

  it('an apprenticeship claim in a file without a months column: the program column is named', () => {
    const dir = tempDir();
    const t = write(dir, 'trainees.csv', csv('claim_id,person_id,program,group,claim_date,contract_months', `A1,${P1},apprenticeship,employee,2024-05-01,24`));
    const r = refused(subsidy([], { trainees: t, history: null }));
    expect(where(problems(r.stderr))).toEqual([[t, 2, 3, '']]);
    expect(r.stderr).toContain('months: an apprenticeship claim needs the months it covers (1 or more)');
  });

  it('catalog.csv: valid_to before valid_from, an unknown unit, a bad shortage flag, two rows for the same key', () => {
    const f = `${FX}/subsidy-bad-catalog/catalog.csv`;
    const r = refused(subsidy([], { catalog: f }));
    const ps = problems(r.stderr);
    expect(where(ps)).toEqual([
      [f, 3, 7, '2023-12-31'],
      [f, 4, 5, 'per_term'],
      [f, 5, 8, 'maybe'],
      [f, 6, 6, '2020-01-01'],
    ]);
    expect(ps[0]!.message).toBe('valid_to: the row ends before it starts (valid_from 2024-01-01)');
    expect(ps[3]!.message).toBe('valid_from: line 2 has the same program, occupation, level and valid_from: which one applies is unclear');
  });

  it('history.csv: unknown program, bad date, 3 decimals, bad level, bad months', () => {
    const f = `${FX}/subsidy-bad-history/history.csv`;
    const r = refused(subsidy([], { history: f }));
    expect(where(problems(r.stderr))).toEqual([
      [f, 3, 2, 'bonus'],
      [f, 4, 3, '2024-13-01'],
      [f, 5, 4, '1,000.005'],
      [f, 6, 6, '七级'],
      [f, 7, 8, 'six'],
    ]);
  });

  it('problems in several files are all listed', () => {
    const t = `${FX}/subsidy-bad-trainees/trainees.csv`;
    const c = `${FX}/subsidy-bad-catalog/catalog.csv`;
    const r = refused(subsidy([], { trainees: t, catalog: c, history: `${FX}/subsidy-bad-history/history.csv` }));
    expect(r.stderr).toMatch(/14 problems in the input; nothing was written/);
  });

  it('a missing required column names it and its accepted names (身份证号)', () => {
    const f = `${FX}/subsidy-missing-column/trainees.csv`;
    const r = refused(subsidy([], { trainees: f, history: null }));
    expect(where(problems(r.stderr))).toEqual([[f, 1, 1, undefined]]);
    expect(r.stderr).toContain('missing required column "person_id" (accepted names: person_id, 身份证号, 公民身份号码)');
  });

  it('missing catalogue columns and a missing history column name their aliases too', () => {
    const dir = tempDir();
    const c = write(dir, 'catalog.csv', csv('program,occupation,level,amount,valid_from', 'training,*,4,1500.00,2020-01-01'));
    const h = write(dir, 'history.csv', csv('person_id,program,amount', `${P1},training,1000.00`));
    const r = refused(subsidy([], { catalog: c, history: h }));
    expect(r.stderr).toContain('missing required column "unit" (accepted names: unit, 单位, 计发方式)');
    expect(r.stderr).toContain('missing required column "paid_date" (accepted names: paid_date, 发放日期, 支付日期)');
  });

  it('a bad enterprise_id in trainees.csv is an input error, a bad 身份证号 is not', () => {
    const dir = tempDir();
    const t = write(
      dir,
      'trainees.csv',
      csv('claim_id,person_id,program,group,claim_date,enterprise_id', `E1,${BAD},training,employee,2024-05-01,${A}`, `E2,${P1},training,employee,2024-05-01,91330282MA2B000017`),
    );
    const r = refused(subsidy([], { trainees: t, history: null }));
    expect(where(problems(r.stderr))).toEqual([[t, 3, 6, '91330282MA2B000017']]);
  });

  it('a missing input file, or two files from standard input: exit 2', () => {
    expect(refused(subsidy([], { trainees: 'no/such/trainees.csv' })).stderr).toMatch(/no\/such\/trainees\.csv: no such file/);
    expect(refused(subsidy([], { trainees: '-', catalog: '-' }), { input: TRAINEES }).status).toBe(2);
  });
});

describe('Chinese headers, GB18030, Chinese levels and labels', () => {
  const ZH_TRAINEES = [
    '申请编号,身份证号,姓名,项目,人员类别,申请日期,纳税人识别号,职业（工种）,技能等级,证书类型,证书编号,发证日期,评价方式,参保月数,劳动合同期限,月数',
    `Z1,${P1},张三,职业培训补贴,企业职工,2024-04-01,${A},电工,初级,职业技能等级证书,ZS-1,2024-03-01,社会化评价,,,`,
    `Z2,${P1},张三,技能提升补贴,企业职工,2024/5/1,${A},电工,中级,职业资格证书,ZS-2,20240415,,24,,`,
    `Z3,${P2},李四,职业培训补贴,登记失业人员,2024-06-01,,焊工,高级,职业技能等级证书,ZS-3,2024-02-01,企业自主评价,,,`,
    `Z4,${P1},张三,紧缺职业高技能人才岗位补贴,企业职工,2024-07-01,${A},电工,技师,职业技能等级证书,ZS-4,2021-06-30,,12,36,`,
    `Z5,${P2},李四,紧缺职业高技能人才岗位补贴,企业职工,2024-07-01,${A},焊工,高级技师,职业技能等级证书,ZS-5,2023-06-30,,12,36,`,
    `Z6,${P2},李四,以工代训,企业职工,2021-03-01,${A},,,无,,,,,,3`,
    '',
  ].join('\r\n');
  const ZH_ROWS = [
    `Z1,${P1},${A},training,电工,5,2024-03-01,2024-04-01,eligible,1000.00,`,
    `Z2,${P1},${A},skill_upgrade,电工,4,2024-04-15,2024-05-01,eligible,1500.00,`,
    `Z3,${P2},,training,焊工,3,2024-02-01,2024-06-01,ineligible,0.00,route_excluded`,
    `Z4,${P1},${A},shortage_post,电工,2,2021-06-30,2024-07-01,eligible,10000.00,`,
    `Z5,${P2},${A},shortage_post,焊工,1,2023-06-30,2024-07-01,eligible,20000.00,`,
    `Z6,${P2},${A},work_based,,,,2021-03-01,eligible,1500.00,`,
  ];

  it('trainees.csv in GB18030 with Chinese headers and labels: read by auto-detection next to the UTF-8 catalogue', () => {
    const dir = tempDir();
    const t = write(dir, 'trainees.csv', iconv.encode(ZH_TRAINEES, 'gb18030'));
    const r = skilltax(subsidy([], { trainees: t, history: null }));
    expect(r.status, r.stderr).toBe(0);
    expect(heads(r.stdout)).toEqual(ZH_ROWS);
  });

  it('--encoding gb18030 reads every input as GB18030 (here the catalogue too)', () => {
    const dir = tempDir();
    const t = write(dir, 'trainees.csv', iconv.encode(ZH_TRAINEES, 'gb18030'));
    const c = write(dir, 'catalog.csv', iconv.encode(readFileSync(join(ROOT, CATALOG), 'utf8'), 'gb18030'));
    const r = skilltax(subsidy(['--encoding', 'gb18030'], { trainees: t, catalog: c, history: null }));
    expect(r.status, r.stderr).toBe(0);
    expect(heads(r.stdout)).toEqual(ZH_ROWS);
    expect(r.stdout).toContain('甬人社发〔2023〕22号 (example)');
  });

  it('UTF-8 with a BOM, and a Chinese catalogue and history (每次, 是/否, 技师)', () => {
    const dir = tempDir();
    const t = write(dir, 'trainees.csv', '\uFEFF' + ZH_TRAINEES);
    const c = write(
      dir,
      'catalog.csv',
      iconv.encode(
        [
          '项目,职业,等级,补贴标准,单位,生效日期,失效日期,紧缺,依据',
          '职业培训补贴,*,初级,"1,000.00",每次,2020-01-01,,否,例',
          '职业培训补贴,*,高级,2000.00,每次,2020-01-01,,否,例',
          '技能提升补贴,*,中级工,1500.00,每次,2020-01-01,,否,例',
          '紧缺职业高技能人才岗位补贴,电工,技师,10000.00,每次,2023-01-01,,是,例',
          '紧缺职业高技能人才岗位补贴,焊工,高级技师,20000.00,每次,2023-01-01,,是,例',
          '以工代训,*,*,500.00,每月,2020-01-01,2021-12-31,否,例',
          '',
        ].join('\r\n'),
        'gb18030',
      ),
    );
    const h = write(dir, 'history.csv', csv('身份证号,项目,发放日期,补贴金额,职业（工种）,技能等级,证书编号,月数', `${P2},以工代训,2020-10-01,2000.00,,,,4`));
    const r = skilltax(subsidy([], { trainees: t, catalog: c, history: h }));
    expect(r.status, r.stderr).toBe(0);
    // Z6: 4 months of 以工代训 paid in 2020, 2 of the 3 left
    expect(heads(r.stdout)).toEqual([...ZH_ROWS.slice(0, 5), `Z6,${P2},${A},work_based,,,,2021-03-01,eligible,1000.00,duration_exceeded`]);
  });

  it('--header zh: the Chinese column names of the report and the summary, same rows', () => {
    const dir = tempDir();
    const summary = join(dir, 's.csv');
    const r = skilltax(subsidy(['--header', 'zh', '--summary', summary]));
    expect(r.status, r.stderr).toBe(0);
    const [head, ...rest] = r.stdout.split('\n');
    expect(head).toBe('申请编号,身份证号,纳税人识别号,补贴项目,职业（工种）,技能等级,发证日期,申请日期,审核结果,补贴金额,原因,政策依据');
    expect(rest.join('\n')).toBe(skilltax(subsidy()).stdout.split('\n').slice(1).join('\n'));
    const s = readFileSync(summary, 'utf8').split('\n');
    expect(s[0]).toBe('纳税人识别号,补贴项目,申请数,符合条件数,补贴金额');
    expect(s.slice(1).join('\n')).toBe(SUMMARY.split('\n').slice(1).join('\n'));
  });

  it('--bom: the report starts with a UTF-8 BOM', () => {
    const r = skilltax(subsidy(['--bom']));
    expect(r.stdout.startsWith('\uFEFF' + COLUMNS + '\n')).toBe(true);
  });
});

describe('--format json', () => {
  it('an array of objects with the report’s keys, amounts as strings', () => {
    const r = skilltax(subsidy(['--format', 'json']));
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(11);
    expect(list.map((x) => x.claim_id)).toEqual(IDS);
    for (const x of list) expect(Object.keys(x)).toEqual(COLUMNS.split(','));
    const c010 = list[9]!;
    expect(c010).toMatchObject({
      claim_id: 'C010',
      person_id: P2,
      enterprise_id: '',
      program: 'training',
      occupation: '焊工',
      certificate_date: '2024-07-01',
      claim_date: '2024-08-01',
      status: 'ineligible',
      amount: '0.00',
      reasons: 'duplicate_occupation_level;lower_level_after_higher;yearly_cap_reached',
    });
    expect(String(c010.level)).toBe('4');
    expect(list.map((x) => x.amount)).toEqual(IDS.map((id) => ROWS[id]!.split(',')[9]));
  });

  it('--summary in json too', () => {
    const dir = tempDir();
    const summary = join(dir, 's.json');
    const r = skilltax(subsidy(['--format', 'json', '--summary', summary, '--quiet']));
    expect(r.status, r.stderr).toBe(0);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown>[];
    expect(s[0]).toEqual({ enterprise_id: '', program: 'training', claims: 4, eligible: 2, amount: '3500.00' });
    expect(s.map((x) => x.amount)).toEqual(['3500.00', '10000.00', '0.00', '1500.00', '3000.00', '5000.00', '0.00']);
  });
});

describe('validate and run with trainees.csv, catalog.csv and history.csv', () => {
  it('validate --kind trainees|catalog|history lists every problem (exit 1); the kinds are inferred from the file names', () => {
    const t = `${FX}/subsidy-bad-trainees/trainees.csv`;
    const c = `${FX}/subsidy-bad-catalog/catalog.csv`;
    const h = `${FX}/subsidy-bad-history/history.csv`;
    const inferred = skilltax(['validate', t, c, h]);
    expect(inferred.status, inferred.stderr).toBe(1);
    expect(problems(inferred.stdout)).toHaveLength(14);
    expect(inferred.stderr).toBe(`${t} (trainees): 5 problems\n${c} (catalog): 4 problems\n${h} (history): 5 problems\n`);
    for (const [kind, file, n] of [
      ['trainees', t, 5],
      ['catalog', c, 4],
      ['history', h, 5],
    ] as const) {
      const r = skilltax(['validate', '--kind', kind, file]);
      expect(r.status, r.stderr).toBe(1);
      expect(problems(r.stdout)).toHaveLength(n);
      expect(r.stderr).toBe(`${file} (${kind}): ${n} problems\n`);
    }
  });

  it('validate: clean files are ok (exit 0), also named trainees-2024.csv and catalog_2024.csv', () => {
    const dir = tempDir();
    const t = write(dir, 'trainees-2024.csv', TRAINEES);
    const c = join(dir, 'catalog_2024.csv');
    copyFileSync(join(ROOT, CATALOG), c);
    const r = skilltax(['validate', t, c, history]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${t} (trainees): ok\n${c} (catalog): ok\n${history} (history): ok\n`);
  });

  it('validate --kind trainees on an unrecognisable file name; an invalid 身份证号 is no problem in trainees.csv', () => {
    const dir = tempDir();
    const f = write(dir, 'export.csv', csv('claim_id,person_id,program,group,claim_date', `C1,${BAD},training,employee,2024-05-01`));
    const r = skilltax(['validate', '--kind', 'trainees', f]);
    expect(r.status, r.stderr).toBe(0);
    expect(skilltax(['validate', f]).status).toBe(2);
  });

  it('validate --format csv: file,line,column,value,message', () => {
    const f = `${FX}/subsidy-bad-catalog/catalog.csv`;
    const r = skilltax(['validate', '--format', 'csv', f]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('file,line,column,value,message');
    expect(r.stdout).toContain(`${f},3,7,2023-12-31,valid_to: the row ends before it starts (valid_from 2024-01-01)`);
  });

  function runDir(withHistory = true): string {
    const dir = tempDir();
    write(dir, 'trainees.csv', TRAINEES);
    copyFileSync(join(ROOT, CATALOG), join(dir, 'catalog.csv'));
    if (withHistory) write(dir, 'history.csv', HISTORY);
    return dir;
  }

  it('run DIR: subsidies.csv and subsidy-summary.csv (with ledger.csv and summary.csv), the same as the subsidy command', () => {
    const dir = runDir();
    const r = skilltax(['run', dir]);
    expect(r.status, r.stderr).toBe(0);
    const outDir = join(dir, 'out');
    expect(readdirSync(outDir).sort()).toEqual(['ledger.csv', 'report.html', 'subsidies.csv', 'subsidy-summary.csv', 'summary.csv', 'summary.json']);
    expect(readFileSync(join(outDir, 'subsidies.csv'), 'utf8')).toBe(skilltax(subsidy()).stdout);
    expect(readFileSync(join(outDir, 'subsidy-summary.csv'), 'utf8')).toBe(SUMMARY);
    const summary = readFileSync(join(outDir, 'summary.csv'), 'utf8');
    expect(summary).toContain('training_subsidy,claims,11');
    expect(summary).toContain('training_subsidy,eligible,6');
    expect(summary).toContain('training_subsidy,total_amount,23000.00');
    expect(summary).not.toContain('education_expense');
    // the run's summary on standard error, nothing on standard output
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Training subsidies');
    noFullPersonId(r.stdout + r.stderr);
  });

  it('run DIR without history.csv; run DIR --year 2024 --out OUTDIR; --format json', () => {
    const plain = runDir(false);
    expect(skilltax(['run', plain, '--quiet']).status).toBe(0);
    expect(heads(readFileSync(join(plain, 'out', 'subsidies.csv'), 'utf8'))[10]).toBe(`C011,${P2},,training,磨工,5,2024-08-01,2024-09-01,eligible,1000.00,`);

    const dir = runDir();
    const outDir = join(dir, 'reports');
    const r = skilltax(['run', dir, '--year', '2024', '--out', outDir, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(heads(readFileSync(join(outDir, 'subsidies.csv'), 'utf8'))).toEqual(['C001', 'C002', 'C003', 'C004', 'C005', 'C007', 'C010', 'C011'].map((id) => ROWS[id]));

    const json = runDir();
    expect(skilltax(['run', json, '--format', 'json', '--quiet']).status).toBe(0);
    expect(readdirSync(join(json, 'out')).sort()).toEqual(['ledger.csv', 'report.html', 'subsidies.json', 'subsidy-summary.json', 'summary.json']);
    expect((JSON.parse(readFileSync(join(json, 'out', 'subsidies.json'), 'utf8')) as unknown[]).length).toBe(11);
  });

  it('run DIR with trainees.csv but no catalog.csv: no calculator has its inputs, exit 2', () => {
    const dir = tempDir();
    write(dir, 'trainees.csv', TRAINEES);
    const r = skilltax(['run', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the training subsidies need trainees\.csv and catalog\.csv/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('run DIR: a bad trainees.csv refuses the whole run, nothing written', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(ROOT, FX, 'subsidy-bad-trainees', 'trainees.csv'), join(dir, 'in', 'trainees.csv'));
    copyFileSync(join(ROOT, CATALOG), join(dir, 'in', 'catalog.csv'));
    const r = skilltax(['run', join(dir, 'in')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/trainees\.csv:3:3: program: not a known program/);
    expect(existsSync(join(dir, 'in', 'out'))).toBe(false);
  });
});
