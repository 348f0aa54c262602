/**
 * `skilltax awards` end to end (CONTRACT §1, §2, §6, §8): the report's columns and rows, --year,
 * --explain (text and JSON, the 身份证号 masked), exit statuses, refused input with
 * FILE:LINE:COLUMN and nothing written, --header zh and Chinese inputs, --rules, `validate` and
 * `run` with awards.csv and award-history.csv, and the parameters in `skilltax rules`. Runs the
 * built CLI (dist/, built by `npm test`'s pretest) on inputs written to temporary folders.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, expectRefused, problems, requireBuild, ROOT, skilltax, where } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';
import { personIdCheckChar } from '../src/domain/ids.js';

const pid = (first17: string) => first17 + personIdCheckChar(first17)!;
/** a man born 1970-05-01, a woman born 1985-11-30 */
const P1 = pid('33028219700501121');
const P2 = pid('33028219851130342');
const BAD = P1.slice(0, 17) + (P1[17] === '0' ? '1' : '0');
const A = '91330282MA2B000016';
const B = '91330282MA2B000029';
const S = 'CX-DSGZS-01';
const MASKED_P1 = `${P1.slice(0, 6)}********${P1.slice(-4)}`;

const COLUMNS = 'award_id,program,recipient_id,year,status,amount,reasons,rule_refs,benefits';
const ZH_COLUMNS = '奖励编号,奖励项目,奖励对象,年度,审核结果,奖励金额,原因,政策依据,荣誉及待遇';

// Out of award_id order on purpose; the studio's reviews 2022–2024 complete three excellent years in 2024.
const AWARDS = csv(
  'award_id,program,recipient_id,year,enterprise_id,level,rating,rank,count,prior_count,event,award_date',
  `W09,shanglin_gold,${P1},2024,${A},,,,,,,2024-04-29`,
  `W01,master_studio,${S},2022,${A},city,,,,,,`,
  `W02,master_studio,${S},2023,${A},宁波市级,,,,,,`,
  `W03,master_studio_rating,${S},2022,${A},,excellent,,,,,`,
  `W04,master_studio_rating,${S},2023,${A},,优秀,,,,,`,
  `W05,master_studio_rating,${S},2024,${A},,excellent,,,,,`,
  `W06,skill_star,${P2},2024,${B},,,1,,,2024年技能之星,2024-11-20`,
  `W07,skill_star,${BAD},2024,${B},,,2,,,2024年技能之星,2024-11-20`,
  `W08,housing_allowance,${P1},2023,${A},高级技师,,,,,,`,
  `W10,shortage_retention,${A},2024,,,,,12,12,,`,
  `W11,shortage_retention,${B},2024,,,,,7,9,,`,
  `W12,certification_enterprise,${B},2024,,,excellent,,,,,`,
  `W13,shanglin_craftsman,${P2},2024,${B},,,,,,,`,
);

// P2 was made 上林工匠 in 2021.
const HISTORY = csv('award_id,program,recipient_id,year,level,amount', `H1,上林工匠,${P2},2021,,5000.00`);

const SEED = '慈溪市人力社保局 2021 答复 (seed) [practice]';
/** Each row worked by hand from RULES §5 and the built-in parameters. */
const ROWS: Record<string, string> = {
  W01: `W01,master_studio,${S},2022,eligible,50000.00,,${SEED},`,
  W02: `W02,master_studio,${S},2023,eligible,50000.00,,"慈溪市人力社保局 2021 答复 (seed: 相应补助, amount not given) [unverified]",`,
  W05: `W05,master_studio_rating,${S},2024,eligible,50000.00,,"慈溪市人力社保局 2021 答复 (seed: 连续三年考核优秀) [practice];慈溪市人力社保局 2021 答复 (seed wording, repeat rule not stated) [unverified]",`,
  W06: `W06,skill_star,${P2},2024,eligible,10000.00,,"GB 11643-1999;慈溪市人力社保局 2021 答复 (seed gives the cap only, amounts by rank not given) [unverified];慈溪市人力社保局 2021 答复 (seed: 最高1万元) [practice];${SEED}",技能之星;慈溪市技术能手`,
  W07: `W07,skill_star,${BAD},2024,ineligible,0.00,invalid_recipient_id,"GB 11643-1999;慈溪市人力社保局 2021 答复 (seed gives the cap only, amounts by rank not given) [unverified];慈溪市人力社保局 2021 答复 (seed: 最高1万元) [practice]",`,
  W08: `W08,housing_allowance,${P1},2023,eligible,30000.00,,GB 11643-1999;宁波 高技能人才生活安居补助 (secondary source) [practice],`,
  W09: `W09,shanglin_gold,${P1},2024,eligible,20000.00,,GB 11643-1999;${SEED},工会疗休养`,
  W10: `W10,shortage_retention,${A},2024,eligible,7200.00,,GB 32100-2015;宁波 2023 紧缺高技能人才留用奖励 (secondary source) [practice],`,
  W11: `W11,shortage_retention,${B},2024,ineligible,0.00,headcount_fell,GB 32100-2015;宁波 2023 紧缺高技能人才留用奖励 (secondary source) [practice],`,
  W12: `W12,certification_enterprise,${B},2024,eligible,10000.00,,"GB 32100-2015;慈溪市人力社保局 2021 答复 (seed: 相应奖励, amount not given) [unverified]",`,
  W13: `W13,shanglin_craftsman,${P2},2024,ineligible,0.00,duplicate_award,GB 11643-1999;${SEED},`,
};
const REPORT = csv(COLUMNS, ...Object.keys(ROWS).sort().map((k) => ROWS[k]!));
const TOTAL = '227200.00'; // 50,000 × 3 + 10,000 + 30,000 + 20,000 + 7,200 + 10,000

const tempDir = tempDirs('skilltax-awards-');
let awardsFile: string;
let historyFile: string;

beforeAll(() => {
  requireBuild();
  const d = tempDir();
  awardsFile = write(d, 'awards.csv', AWARDS);
  historyFile = write(d, 'award-history.csv', HISTORY);
});

const awards = (extra: string[] = [], files: { awards?: string; history?: string | null } = {}) => [
  'awards',
  '--awards',
  files.awards ?? awardsFile,
  ...(files.history === null ? [] : ['--history', files.history ?? historyFile]),
  ...extra,
];

describe('CONTRACT §6 award-payments.csv', () => {
  it('one row per award decided, sorted by award_id; the reviews that make nothing due left out; exit 0', () => {
    const r = skilltax(awards());
    expect(r.stderr).toBe(`awards: 11 awards of 6 recipients, 8 eligible, 3 ineligible, amount ${TOTAL}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(REPORT);
    expect(r.stdout).not.toMatch(/^W0[34],/m);
  });

  it('without the history the title of 2021 is not known: W13 is paid', () => {
    const r = skilltax(awards(['--quiet'], { history: null }));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`W13,shanglin_craftsman,${P2},2024,eligible,5000.00,,GB 11643-1999;${SEED},工会疗休养\n`);
  });

  it('--year reports that year’s rows; earlier rows still count', () => {
    const r = skilltax(awards(['--year', '2023', '--quiet']));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(csv(COLUMNS, ROWS.W02!, ROWS.W08!));
    const y24 = skilltax(awards(['--year', '2024', '--quiet'])).stdout;
    expect(y24).toContain(ROWS.W05!); // the reviews of 2022 and 2023 count
    expect(y24).not.toContain('W01,');
  });

  it('--out writes the file (created 0600: recipient_id holds 身份证号) and prints nothing on standard output', () => {
    const out = join(tempDir(), 'award-payments.csv');
    const r = spawnSync('/bin/sh', ['-c', 'umask 022; exec "$@"', 'sh', process.execPath, BIN, ...awards(['--out', out])], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(REPORT);
    expect((statSync(out).mode & 0o777).toString(8)).toBe('600');
  });

  it('--header zh, --format json (amounts as strings), --bom', () => {
    const zh = skilltax(awards(['--header', 'zh', '--quiet']));
    expect(zh.stdout.split('\n')[0]).toBe(ZH_COLUMNS);
    expect(zh.stdout.split('\n').slice(1).join('\n')).toBe(REPORT.split('\n').slice(1).join('\n'));
    const js = JSON.parse(skilltax(awards(['--format', 'json', '--quiet'])).stdout) as Record<string, unknown>[];
    expect(js).toHaveLength(11);
    expect(js.find((o) => o.award_id === 'W09')).toEqual({
      award_id: 'W09', program: 'shanglin_gold', recipient_id: P1, year: 2024, status: 'eligible', amount: '20000.00', reasons: '', rule_refs: `GB 11643-1999;${SEED}`, benefits: '工会疗休养',
    });
    expect(skilltax(awards(['--bom', '--quiet'])).stdout.startsWith('\ufeffaward_id,')).toBe(true);
  });

  it('a bureau’s --rules: the excellence reward paid for each run of two years, 技能之星 rank 2 at 4,000', () => {
    const rules = write(tempDir(), 'rules.json', JSON.stringify({
      'awards.master_studio_rating.years': [{ from: '2008-01-01', value: '2', source: '慈溪 2025 细则', status: 'verified' }],
      'awards.master_studio_rating.repeat': [{ from: '2008-01-01', value: 'per_run', source: '慈溪 2025 细则', status: 'verified' }],
      'awards.skill_star.amount.rank2': [{ from: '2008-01-01', value: '4000.00', source: '慈溪 2025 细则' }],
    }));
    const r = skilltax(awards(['--rules', rules, '--quiet']));
    expect(r.status).toBe(0);
    // 2023 completes two years; 2024 starts the next run
    expect(r.stdout).toContain(`W04,master_studio_rating,${S},2023,eligible,50000.00,,慈溪 2025 细则 [verified];慈溪市人力社保局 2021 答复 (seed: 连续三年考核优秀) [practice],`);
    expect(r.stdout).not.toContain('W05,');
    expect(r.stdout).toContain(`W07,skill_star,${BAD},2024,ineligible,0.00,invalid_recipient_id,GB 11643-1999;慈溪 2025 细则 [unverified];`);
  });
});

describe('--explain AWARD_ID', () => {
  it('prints the account of one row with the parameters and their status, the 身份证号 masked; the report goes only to --out', () => {
    const out = join(tempDir(), 'p.csv');
    const r = skilltax(awards(['--explain', 'W13', '--out', out]));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Award W13: shanglin_craftsman (上林工匠), person ${MASKED_P1.replace(P1.slice(0, 6), P2.slice(0, 6)).replace(P1.slice(-4), P2.slice(-4))}, year 2024, enterprise ${B}.`);
    expect(r.stdout).toContain('ineligible (duplicate_award)');
    expect(r.stdout).toMatch(/once per person \(上林工匠\)\s+duplicate_award\s+= already paid: award-history\.csv line 2 \(H1, 2021\)\s+\[慈溪市人力社保局 2021 答复 \(seed\); awards\.shanglin_craftsman\.amount \[practice\]\]/);
    expect(r.stdout).toMatch(/身份证号\s+ok\s+= valid check character\s+\[GB 11643-1999\]/);
    expect(r.stdout).not.toContain(P2);
    expect(readFileSync(out, 'utf8')).toBe(REPORT);
  });

  it('a studio review: the consecutive years counted, and one with nothing due says so', () => {
    const due = skilltax(awards(['--explain', 'W05', '--quiet']));
    expect(due.stdout).toMatch(/consecutive excellent years\s+3\s+= 2022, 2023, 2024; 3 needed/);
    expect(due.stdout).toMatch(/once per studio\s+ok/);
    const none = skilltax(awards(['--explain', 'W04', '--quiet']));
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('nothing due (not in award-payments.csv)');
    expect(none.stdout).toMatch(/consecutive excellent years\s+2\s+= 2022, 2023; 3 needed/);
  });

  it('--format json: the trace as data, each step with the parameters it applied', () => {
    const r = skilltax(awards(['--explain', 'W02', '--format', 'json', '--quiet']));
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout) as { subject: string; sections: { steps: { label: string; value: string; params?: { key: string; status: string }[] }[] }[]; reads: { key: string }[] };
    expect(t.subject).toBe('W02');
    const level = t.sections[0]!.steps.find((s) => s.label === 'each level once')!;
    expect(level.value).toBe('ok');
    expect(level.params).toEqual([expect.objectContaining({ key: 'awards.master_studio.amount.ningbo', status: 'unverified' })]);
    expect(t.reads.map((x) => x.key)).toEqual(['awards.master_studio.amount.ningbo']);
  });

  it('an award_id not in the file: exit 2, nothing written', () => {
    const r = expectRefused(awards(['--explain', 'W99']), [{ flag: '--out', name: 'award-payments.csv' }]);
    expect(r.stderr).toBe(`skilltax: --explain W99: no such award_id in ${awardsFile}\n`);
  });
});

describe('refused input: exit 2, every problem listed as FILE:LINE:COLUMN, nothing written', () => {
  it('a second award_id, a review without its rating, a 技能之星 row without its rank, a studio reviewed twice in a year, an unknown program', () => {
    const bad = write(
      tempDir(),
      'awards.csv',
      csv(
        'award_id,program,recipient_id,year,level,rating,rank,count,prior_count',
        `X1,shanglin_gold,${P1},2024,,,,,`,
        `X1,shanglin_silver,${P1},2024,,,,,`,
        `X2,master_studio_rating,${S},2024,,,,,`,
        `X3,skill_star,${P1},2024,,,,,`,
        `X4,master_studio_rating,${S},2023,,good,,,`,
        `X5,master_studio_rating,${S},2023,,excellent,,,`,
        `X6,gold_medal,${P1},2024,,,,,`,
        `X7,shortage_retention,${A},2024,,,,5,`,
        `X8,shanglin_gold,${P1},24,,,,,`,
      ),
    );
    const r = expectRefused(awards([], { awards: bad, history: null }), [{ flag: '--out', name: 'award-payments.csv' }]);
    expect(where(problems(r.stderr))).toEqual([
      [bad, 3, 1, 'X1'],
      [bad, 4, 6, ''],
      [bad, 5, 7, ''],
      [bad, 7, 4, '2023'],
      [bad, 8, 2, 'gold_medal'],
      [bad, 9, 9, ''],
      [bad, 10, 4, '24'],
    ]);
    expect(r.stderr).toContain(`${bad}:3:1: award_id: a second award X1 (the first is on line 2)`);
    expect(r.stderr).toContain(`${bad}:4:6: rating: a master_studio_rating row needs its rating`);
    expect(r.stderr).toContain(`${bad}:7:4: year: studio ${S} has a second review for 2023 (the first is on line 6)`);
    expect(r.stderr).toMatch(/:8:2: program: not a known award program; accepted: master_studio \[技能大师工作室\/技能大师工作室建设\],/);
    expect(r.stderr).toContain(`${bad}:9:9: prior_count: a shortage_retention row needs its prior count`);
    expect(r.stderr).toMatch(/skilltax: 7 problems in the input; nothing was written\n$/);
  });

  it('a history row with an invalid 身份证号, or a studio grant without its level', () => {
    const hist = write(tempDir(), 'award-history.csv', csv('award_id,program,recipient_id,year,level', `H1,shanglin_gold,${BAD},2020,`, `H2,master_studio,${S},2019,`, `H3,master_studio,${S},2019,city`));
    const r = expectRefused(awards([], { history: hist }), [{ flag: '--out', name: 'award-payments.csv' }]);
    expect(where(problems(r.stderr))).toEqual([
      [hist, 2, 3, BAD.slice(0, 6) + '********' + BAD.slice(-4)],
      [hist, 3, 5, ''],
    ]);
    expect(r.stderr).toContain(`${hist}:3:5: level: a master_studio payment needs the studio level it was paid for (city, ningbo, province, national)`);
  });

  it('a parameter with nothing in force (retention before 2023): exit 2 naming the key and the date', () => {
    const f = write(tempDir(), 'awards.csv', csv('award_id,program,recipient_id,year,count,prior_count', `Y1,shortage_retention,${A},2022,5,5`));
    const r = expectRefused(awards([], { awards: f, history: null }), [{ flag: '--out', name: 'award-payments.csv' }]);
    expect(r.stderr).toBe('skilltax: no value of awards.shortage_retention.amount_per_worker is in force for 2022-12-31 (the built-in series starts 2023-01-01): add an entry with --rules\n');
  });

  it('--awards is required; an output that is an input is refused', () => {
    const r = skilltax(['awards']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("required option '--awards <file>' not specified");
    const same = skilltax(awards(['--out', awardsFile]));
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('is the --awards input');
  });
});

describe('Chinese headers and labels in the inputs', () => {
  it('reads awards.csv and award-history.csv written with Chinese headers, labels and a BOM', () => {
    const d = tempDir();
    const f = write(d, 'awards.csv', '\ufeff' + csv('奖励编号,奖励项目,奖励对象,年度,级别,考核结果,名次,人数,上年人数,赛事,奖励日期', `Z1,技能大师工作室,${S},2024,国家级,,,,,,`, `Z2,上林金匠,${P1},2024,,,,,,,2024/4/29`, `Z3,稳岗奖励,${A},2024,,,,8,8,,`));
    const h = write(d, 'award-history.csv', '\ufeff' + csv('奖励编号,奖励项目,奖励对象,年度,等级,奖励金额', `H9,技能大师工作室,${S},2019,省级,50000.00`));
    const r = skilltax(awards(['--quiet'], { awards: f, history: h }));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(1, 4).map((l) => l.split(',').slice(0, 6).join(','))).toEqual([
      `Z1,master_studio,${S},2024,eligible,200000.00`,
      `Z2,shanglin_gold,${P1},2024,eligible,20000.00`,
      `Z3,shortage_retention,${A},2024,eligible,4800.00`,
    ]);
  });
});

describe('validate and run', () => {
  it('validate knows awards and award_history (from the file names too)', () => {
    const d = tempDir();
    const f = write(d, 'awards-2024.csv', AWARDS);
    const h = write(d, 'award-history-2024.csv', HISTORY);
    const r = skilltax(['validate', f, h]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${f} (awards): ok\n${h} (award_history): ok\n`);
    const help = skilltax(['validate', '--help']).stdout;
    expect(help).toMatch(/awards, award_history/);
  });

  it('validate lists the problems of a bad awards.csv (exit 1)', () => {
    const bad = write(tempDir(), 'awards.csv', csv('award_id,program,recipient_id,year,rating', `V1,master_studio_rating,${S},2024,`, `V2,certification_enterprise,${A},2024,superb`));
    const r = skilltax(['validate', '--format', 'csv', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('file,line,column,value,message');
    expect(r.stdout).toContain(`${bad},2,5,,rating: a master_studio_rating row needs its rating`);
    expect(r.stdout).toContain(`${bad},3,5,superb,"rating: not a known rating; accepted: excellent [优秀], good [良好], pass [合格], fail [不合格]"`);
    const k = skilltax(['validate', '--kind', 'award_history', bad]);
    expect(k.status).toBe(0); // the same columns read as a history: no rating needed
  });

  it('run DIR with awards.csv alone: award-payments.csv, ledger.csv and summary.csv with the awards items', () => {
    const d = tempDir();
    write(d, 'awards.csv', AWARDS);
    write(d, 'award-history.csv', HISTORY);
    const r = skilltax(['run', d]);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/warning|note:/);
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['award-payments.csv', 'ledger.csv', 'report.html', 'summary.csv', 'summary.json']);
    expect(readFileSync(join(d, 'out', 'award-payments.csv'), 'utf8')).toBe(REPORT);
    expect(readFileSync(join(d, 'out', 'summary.csv'), 'utf8')).toBe(
      csv('calculator,item,value', 'awards,awards,11', 'awards,recipients,6', 'awards,eligible,8', 'awards,ineligible,3', `awards,total_amount,${TOTAL}`),
    );
    // the short summary (on standard output or standard error)
    expect(r.stdout + r.stderr).toContain('Talent awards and grants (人才奖励)');
    expect(r.stdout + r.stderr).toMatch(/total amount\s+227200\.00\n/);
    expect(r.stdout + r.stderr).not.toContain(P1);
  });

  it('run DIR --year 2023 --format json', () => {
    const d = tempDir();
    write(d, 'awards.csv', AWARDS);
    const r = skilltax(['run', d, '--year', '2023', '--format', 'json', '--quiet']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(readFileSync(join(d, 'out', 'award-payments.json'), 'utf8')) as { award_id: string }[];
    expect(rows.map((x) => x.award_id)).toEqual(['W02', 'W08']);
    expect(existsSync(join(d, 'out', 'award-payments.csv'))).toBe(false);
  });

  it('awards --help: the inputs of the descriptor, the examples', () => {
    const r = skilltax(['awards', '--help']);
    expect(r.status).toBe(0);
    for (const o of ['--awards <file>', '--history <file>', '--year <yyyy>', '--out <file>', '--explain <award_id>']) expect(r.stdout).toContain(o);
    expect(r.stdout).not.toContain('--ledger');
    expect(r.stdout).toContain('Examples:');
    expect(skilltax(['--help']).stdout).toMatch(/\n {2}awards /);
  });

  it('skilltax rules lists the award parameters with their source and status', () => {
    const r = skilltax(['rules', '--at', '2024-12-31']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('awards.master_studio.amount.city,50000.00,2008-01-01,,慈溪市人力社保局 2021 答复 (seed),practice\n');
    expect(r.stdout).toContain('awards.master_studio_rating.repeat,once,2008-01-01,,"慈溪市人力社保局 2021 答复 (seed wording, repeat rule not stated)",unverified\n');
    expect(r.stdout).toContain('awards.housing_allowance.amount.level1,30000.00,2008-01-01,,宁波 高技能人才生活安居补助 (secondary source),practice\n');
    expect(r.stdout).toContain('awards.shortage_retention.amount_per_worker,600.00,2023-01-01,,宁波 2023 紧缺高技能人才留用奖励 (secondary source),practice\n');
    expect(r.stdout).toContain('awards.skill_star.benefits,技能之星;慈溪市技术能手,2008-01-01,');
  });

  it('a --rules value the repeat rule does not allow is refused (exit 2)', () => {
    const rules = write(tempDir(), 'rules.json', JSON.stringify({ 'awards.master_studio_rating.repeat': [{ from: '2008-01-01', value: 'twice' }] }));
    const r = skilltax(awards(['--rules', rules]));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('one of "once", "per_run" is expected');
  });
});
