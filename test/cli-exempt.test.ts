/**
 * `skilltax exempt` end to end (CONTRACT §1, §2, §7; RULES §3): the report's columns and rows,
 * --year, --explain (text and JSON), exit statuses, refused combinations with FILE:LINE:COLUMN and
 * nothing written, a year no rule covers, --header zh and Chinese inputs, `validate` and `run`
 * with properties.csv, and the parameters in `skilltax rules`. Runs the built CLI (dist/, built by
 * `npm test`'s pretest) on inputs written to temporary folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, problems, requireBuild, skilltax, where } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';

const tempDir = tempDirs('skilltax-exempt-');
const A = '91330282MA2B000016';
const B = '91330282MA2B000029';

const COLUMNS = 'asset_id,enterprise_id,tax,year,base,tax_amount,exempt,exempt_amount,reasons,rule_refs';
const ZH_COLUMNS = '资产编号,纳税人识别号,税种,年度,计税依据,应纳税额,是否免税,免税金额,原因,政策依据';

// Out of asset_id order on purpose.
const PROPERTIES = csv(
  'asset_id,enterprise_id,tax,school_type,use,year,original_value,rent,area_m2,unit_tax,basic_farmland,separate_land,price,date,months',
  `T1,${A},property,enterprise_school,teaching,2024,1000000.00,,,,,,,,`,
  `R1,${A},property,enterprise_school,rented,2024,,120000.00,,,,,,,6`,
  `L1,${A},land_use,enterprise_school,teaching,2024,,,1000,5.00,,no,,,`,
  `F1,${A},farmland,training_center,teaching,,,,100,30.00,yes,,,2023-05-01,`,
  `D1,${B},deed,forprofit_school,teaching,,,,,,,,1000000.00,2021-09-01,`,
  `D0,${B},deed,forprofit_school,teaching,,,,,,,,1000000.00,2021-08-31,`,
);

/** Each row worked by hand from RULES §3 and the built-in parameters (rule_refs left out). */
const ROWS = [
  `D0,${B},deed,2021,1000000.00,30000.00,yes,30000.00,`, // 3% before 2021-09-01: a for-profit school's teaching building
  `D1,${B},deed,2021,1000000.00,30000.00,no,0.00,after_2021_09_forprofit`,
  `F1,${A},farmland,2023,100.00,4500.00,no,0.00,training_center`, // 100 × 30 × 1.5
  `L1,${A},land_use,2024,1000.00,5000.00,no,0.00,land_not_separate`,
  `R1,${A},property,2024,120000.00,7200.00,no,0.00,not_self_use`, // 120,000 × 12% × 6/12
  `T1,${A},property,2024,700000.00,8400.00,yes,8400.00,`, // 1,000,000 × 70% × 1.2%
];
/** The first 9 columns of each line of a report. */
const cut = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').slice(0, 9).join(','));

let file: string;
const exempt = (args: string[], f = file) => ['exempt', '--properties', f, ...args];

beforeAll(() => {
  requireBuild();
  file = write(tempDir(), 'properties.csv', PROPERTIES);
});

describe('the report (CONTRACT §7)', () => {
  it('one row per asset, tax and year, sorted by asset_id; exit 0; a taxed asset is no warning', () => {
    const r = skilltax(exempt([]));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(COLUMNS);
    expect(cut(r.stdout)).toEqual(ROWS);
    expect(r.stderr).toBe('exempt: 6 rows of 6 assets, 2 exempt, 4 taxed, exempt amount 38400.00 of 85100.00\n');
  });

  it('rule_refs cite each rule applied with its status', () => {
    const lines = skilltax(exempt([])).stdout.split('\n');
    expect(lines.find((l) => l.startsWith('T1,'))).toContain('房产税暂行条例 第四条 [verified];浙江省 房产税 减除比例 30% (房产税暂行条例 第三条: 10%–30%) [unverified]');
    expect(lines.find((l) => l.startsWith('D1,'))).toContain('契税法 第六条 (非营利性的学校) [unverified]');
    expect(lines.find((l) => l.startsWith('L1,'))).toContain('(88)国税地字第015号 第十七条 [verified]');
  });

  it('--year reports that year\'s rows (a one-off tax: the year of its date)', () => {
    expect(cut(skilltax(exempt(['--year', '2021'])).stdout)).toEqual(ROWS.slice(0, 2));
    expect(cut(skilltax(exempt(['--year', '2023'])).stdout)).toEqual([ROWS[2]]);
  });

  it('--out writes the file and prints nothing on standard output; --quiet prints nothing at all', () => {
    const out = join(tempDir(), 'exemptions.csv');
    const r = skilltax(exempt(['--out', out, '--quiet']));
    expect(r.status).toBe(0);
    expect([r.stdout, r.stderr]).toEqual(['', '']);
    expect(cut(readFileSync(out, 'utf8'))).toEqual(ROWS);
  });

  it('--header zh, --format json (amounts as strings)', () => {
    const zh = skilltax(exempt(['--header', 'zh']));
    expect(zh.stdout.split('\n')[0]).toBe(ZH_COLUMNS);
    expect(cut(zh.stdout)).toEqual(ROWS);
    const json = JSON.parse(skilltax(exempt(['--format', 'json'])).stdout) as Record<string, unknown>[];
    expect(json[0]).toMatchObject({ asset_id: 'D0', tax: 'deed', year: 2021, base: '1000000.00', tax_amount: '30000.00', exempt: 'yes', exempt_amount: '30000.00', reasons: '' });
  });

  it('a --rules file: Zhejiang\'s deduction ratio replaced by 20%', () => {
    const rules = write(tempDir(), 'rules.json', JSON.stringify({ 'exempt.property.deduction_ratio': [{ from: '1986-10-01', value: '0.2', source: 'bureau', status: 'practice' }] }));
    const r = skilltax(exempt(['--rules', rules, '--year', '2024']));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`T1,${A},property,2024,800000.00,9600.00,yes,9600.00,,房产税暂行条例 第四条 [verified];bureau [practice]`);
  });
});

describe('--explain ASSET_ID', () => {
  it('prints the account of the asset, each rule with its parameters and status; the report goes only to --out', () => {
    const out = join(tempDir(), 'exemptions.csv');
    const r = skilltax(exempt(['--explain', 'D1', '--out', out]));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Asset D1: enterprise ${B}, forprofit_school, used for teaching; 1 row.`);
    expect(r.stdout).toContain('deed (契税) 2021: taxed 30000.00 (after_2021_09_forprofit)');
    expect(r.stdout).toMatch(/decided on\s+2021-09-01\s+= the date of the row \(one-off tax\)/);
    expect(r.stdout).toMatch(/school type\s+after_2021_09_forprofit\s+= forprofit_school: exempt are state_school, nonprofit_school\s+\[契税法 第六条 \(非营利性的学校\); exempt\.deed\.school_types \[unverified\]/);
    expect(r.stdout).toMatch(/tax\s+30000\.00\s+= price 1000000\.00 × 0\.03/);
    expect(cut(readFileSync(out, 'utf8'))).toEqual(ROWS);
  });

  it('--format json: the trace as data, each step with the parameters it applied', () => {
    const r = skilltax(exempt(['--explain', 'T1', '--format', 'json']));
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout) as { subject: string; sections: { title: string; steps: { label: string; params?: { key: string; status: string }[] }[] }[] };
    expect(t.subject).toBe('T1');
    expect(t.sections[0]!.title).toBe('property (房产税) 2024: exempt 8400.00');
    const byValue = t.sections[0]!.steps.find((s) => s.label === 'tax by value')!;
    expect(byValue.params!.map((p) => [p.key, p.status])).toEqual([
      ['exempt.property.value_rate', 'verified'],
      ['exempt.property.deduction_ratio', 'unverified'],
    ]);
  });

  it('an asset whose rows are all outside --year is explained all the same, and said so', () => {
    const r = skilltax(exempt(['--year', '2024', '--explain', 'D1']));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('None of its rows is in the years reported: they are not in exemptions.csv.');
    expect(r.stdout).toContain('deed (契税) 2021: taxed 30000.00 (after_2021_09_forprofit)');
  });

  it('an asset_id not in the file: exit 2, nothing written', () => {
    const r = expectRefused(exempt(['--explain', 'X99']), [{ flag: '--out', name: 'exemptions.csv' }]);
    expect(r.stderr).toBe(`skilltax: --explain X99: no such asset_id in ${file}\n`);
  });
});

describe('a combination the rules do not cover is refused: exit 2, FILE:LINE:COLUMN naming the asset, nothing written', () => {
  it('rows without what their tax is computed from', () => {
    const bad = write(
      tempDir(),
      'properties.csv',
      csv(
        'asset_id,enterprise_id,tax,school_type,use,year,original_value,rent,area_m2,unit_tax,price,date,months',
        `P1,${A},property,enterprise_school,teaching,2024,,,,,,,`,
        `P2,${A},property,enterprise_school,teaching,2024,100.00,100.00,,,,,`,
        `L1,${A},land_use,enterprise_school,teaching,2024,,,100,,,,`,
        `D1,${A},deed,nonprofit_school,teaching,,,,,,100.00,,`,
        `D2,${A},deed,nonprofit_school,teaching,,,,,,100.00,2024-01-01,3`,
        `P3,${A},property,enterprise_school,teaching,2024,100.00,,,,,,13`,
        `F1,${A},farmland,enterprise_school,teaching,,,,100,5.00,,,`,
        `P4,${A},property,school,teaching,2024,100.00,,,,,,`,
        `P5,${A},property,enterprise_school,teaching,2024,100.00,,,,,,`,
        `P5,${A},property,enterprise_school,office,2024,100.00,,,,,,`,
        `D3,${A},deed,nonprofit_school,teaching,2023,,,,,100.00,2024-01-01,`,
        `P6,${A},property,enterprise_school,teaching,,100.00,,,,,,`,
      ),
    );
    const r = expectRefused(exempt([], bad), [{ flag: '--out', name: 'exemptions.csv' }]);
    expect(where(problems(r.stderr))).toEqual([
      [bad, 2, 7, ''],
      [bad, 3, 8, ''],
      [bad, 4, 10, ''],
      [bad, 5, 12, ''],
      [bad, 6, 13, '3'],
      [bad, 7, 13, '13'],
      [bad, 8, 12, ''],
      [bad, 9, 4, 'school'],
      [bad, 11, 1, 'P5'],
      [bad, 12, 6, '2023'],
      [bad, 13, 6, ''],
    ]);
    expect(r.stderr).toContain(`${bad}:2:7: original_value: asset P1 (property, 房产税) is taxed by value (original_value) or by rent (rent): give one of them`);
    expect(r.stderr).toContain(`${bad}:3:8: rent: asset P2 (property, 房产税) is taxed by value (original_value) or by rent (rent): give one, not both`);
    expect(r.stderr).toContain(`${bad}:4:10: unit_tax: asset L1 (land_use, 城镇土地使用税) needs its unit tax`);
    expect(r.stderr).toContain(`${bad}:5:12: date: asset D1 (deed, 契税) needs its date`);
    expect(r.stderr).toContain(`${bad}:6:13: months: asset D2 (deed, 契税) is one-off: months do not apply`);
    expect(r.stderr).toContain(`${bad}:7:13: months: asset P3 (property, 房产税) is taxed for 1 to 12 months of its year`);
    expect(r.stderr).toContain(`${bad}:8:12: date: asset F1 (farmland, 耕地占用税) needs the date (or year) the farmland was occupied`);
    expect(r.stderr).toMatch(/:9:4: school_type: not a known school type; accepted: state_school \[公办学校\/国家拨付事业经费的学校\],/);
    expect(r.stderr).toContain(`${bad}:11:1: asset_id: a second property row for asset P5 in 2024 (the first is on line 10)`);
    expect(r.stderr).toContain(`${bad}:12:6: year: asset D3 (deed, 契税) is one-off, due in the year of its date 2024-01-01, not 2023`);
    expect(r.stderr).toContain(`${bad}:13:6: year: asset P6 (property, 房产税) needs its year`);
    expect(r.stderr).toMatch(/skilltax: 11 problems in the input; nothing was written\n$/);
  });

  it('a year before the exemptions\' rules (2003): exit 2 naming the key and the date', () => {
    const f = write(tempDir(), 'properties.csv', csv('asset_id,enterprise_id,tax,school_type,use,year,original_value', `O1,${A},property,state_school,teaching,2003,100.00`));
    const r = expectRefused(exempt([], f), [{ flag: '--out', name: 'exemptions.csv' }]);
    expect(r.stderr).toBe('skilltax: no value of exempt.property.school_types is in force for 2003-12-31 (the built-in series starts 2004-01-01): add an entry with --rules\n');
  });

  it('--properties is required; an output that is an input is refused', () => {
    const r = skilltax(['exempt']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("required option '--properties <file>' not specified");
    const same = skilltax(exempt(['--out', file]));
    expect(same.status).toBe(2);
    expect(same.stderr).toContain('is the --properties input');
  });
});

describe('Chinese headers and labels, validate, run, rules', () => {
  it('reads properties.csv written with Chinese headers and labels, rates as percentages', () => {
    const f = write(
      tempDir(),
      'properties.csv',
      '\ufeff' +
        csv(
          '资产编号,纳税人识别号,税种,学校类型,用途,年度,房产原值,减除比例,面积,单位税额,基本农田,用地能否明确区分,成交价格,税率,日期,月数',
          `Z1,${A},房产税,企业办学校,教学,2024,"1,000,000.00",20%,,,,,,,,`,
          `Z2,${A},城镇土地使用税,企业办学校,办公,2024,,,1000,5.00,,是,,,,3`,
          `Z3,${A},耕地占用税,培训中心,教学,,,,100,30.00,是,,,,2023-05-01,`,
          `Z4,${B},契税,非营利性学校,办公,,,,,,,,"2,000,000.00",4%,2021/9/1,`,
        ),
    );
    const r = skilltax(exempt([], f));
    expect(r.status).toBe(0);
    expect(cut(r.stdout)).toEqual([
      `Z1,${A},property,2024,800000.00,9600.00,yes,9600.00,`,
      `Z2,${A},land_use,2024,1000.00,1250.00,yes,1250.00,`,
      `Z3,${A},farmland,2023,100.00,4500.00,no,0.00,training_center`,
      `Z4,${B},deed,2021,2000000.00,80000.00,yes,80000.00,`,
    ]);
  });

  it('validate knows properties (from the file name too), and lists the problems of a bad file (exit 1)', () => {
    const d = tempDir();
    const f = write(d, 'properties-2024.csv', PROPERTIES);
    const ok = skilltax(['validate', f]);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toBe(`${f} (properties): ok\n`);
    expect(skilltax(['validate', '--help']).stdout).toMatch(/properties/);
    const bad = write(d, 'properties.csv', csv('asset_id,enterprise_id,tax,school_type,use,year,rent', `V1,${A},property,state_school,teaching,2024,`, `V2,${A},stamp,state_school,teaching,2024,1.00`));
    const r = skilltax(['validate', '--format', 'csv', bad]);
    expect(r.status).toBe(1);
    // no original_value column: the problem points at the row's tax
    expect(r.stdout).toContain(`${bad},2,3,,"original_value: asset V1 (property, 房产税) is taxed by value (original_value) or by rent (rent): give one of them"`);
    expect(r.stdout).toContain(`${bad},3,3,stamp,"tax: not a known tax; accepted: property [房产税], land_use [城镇土地使用税/土地使用税], farmland [耕地占用税], deed [契税]"`);
  });

  it('run DIR with properties.csv alone: exemptions.csv, ledger.csv and summary.csv with the exempt items; exit 0', () => {
    const d = tempDir();
    write(d, 'properties.csv', PROPERTIES);
    const r = skilltax(['run', d]);
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/warning|note:/);
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['exemptions.csv', 'ledger.csv', 'report.html', 'summary.csv', 'summary.json']);
    expect(cut(readFileSync(join(d, 'out', 'exemptions.csv'), 'utf8'))).toEqual(ROWS);
    expect(readFileSync(join(d, 'out', 'summary.csv'), 'utf8')).toBe(
      csv(
        'calculator,item,value',
        'exempt,rows,6',
        'exempt,assets,6',
        'exempt,enterprises,2',
        'exempt,exempt,2',
        'exempt,taxed,4',
        'exempt,total_tax,85100.00',
        'exempt,total_exempt,38400.00',
        'exempt,exempt_property,8400.00',
        'exempt,exempt_land_use,0.00',
        'exempt,exempt_farmland,0.00',
        'exempt,exempt_deed,30000.00',
      ),
    );
    expect(r.stderr).toContain('School property tax exemptions (学校房产土地税收优惠)');
  });

  it('skilltax rules lists the exempt parameters with their source and status; --at 2021-09-01 the 契税法 entries', () => {
    const r = skilltax(['rules', '--at', '2021-09-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('exempt.deed.school_types,state_school;nonprofit_school,2021-09-01,,契税法 第六条 (非营利性的学校),unverified');
    expect(r.stdout).toContain('exempt.property.value_rate,0.012,1986-10-01,,房产税暂行条例 第四条,verified');
    const before = skilltax(['rules', '--at', '2021-08-31']).stdout;
    expect(before).toContain('exempt.deed.uses,teaching,2004-01-01,2021-08-31,财税〔2004〕39号 第三条 (用于教学),verified');
  });
});
