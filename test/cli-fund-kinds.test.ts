/**
 * The input kinds of the bureau's view of the subsidy fund (issue #15, CONTRACT §2) through the
 * built CLI's `validate`: certificates.csv, insurance.csv, providers.csv and fund.csv (and
 * trainees.csv's provider_id), with English and Chinese headers, the kind from the file name or
 * --kind, and every problem of a broken file as FILE:LINE:COLUMN (exit 1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { problems, requireBuild, skilltax, where } from './helpers/cli.js';
import { csv, tempDirs, write } from './helpers/files.js';
import { A, B, KIND_SAMPLES, P1, P2 } from './helpers/kinds.js';

beforeAll(requireBuild);
const tempDir = tempDirs('skilltax-fund-kinds-');
const sample = (kind: string) => KIND_SAMPLES.find((k) => k.kind === kind)!;

describe('validate knows certificates, insurance, providers and fund', () => {
  it.each(['certificates', 'insurance', 'providers', 'fund'])('%s: a good file is clean, its kind told by its name or by --kind', (kind) => {
    const k = sample(kind);
    const d = tempDir();
    const named = write(d, k.file, csv(k.header, ...k.rows));
    const r = skilltax(['validate', named]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain(`${named} (${kind}): ok`);
    const other = write(d, 'export-2024.csv', csv(k.header, ...k.rows));
    const byFlag = skilltax(['validate', '--kind', kind, other]);
    expect(byFlag.status, byFlag.stdout + byFlag.stderr).toBe(0);
    expect(skilltax(['validate', '--kind', 'nonsense', other]).stderr).toContain(`certificates, insurance, providers, fund`);
  });

  it('Chinese headers are read for each kind', () => {
    const d = tempDir();
    const files = [
      write(d, 'certificates.csv', csv('身份证号,证书编号,证书类型,职业（工种）,技能等级,发证日期,评价方式,姓名,培训机构编号,培训开始日期,培训结束日期', `${P1},Z1,职业技能等级证书,电工,初级,2024-01-10,社会化评价,张三,PV01,2023-11-01,2023-12-20`)),
      write(d, 'insurance.csv', csv('身份证号,所属期,单位编号', `${P1},2023-01,${A}`)),
      write(d, 'providers.csv', csv('培训机构编号,机构名称,备案起始日期,备案截止日期,星级,考评年度,考评结果', 'PV01,某学校,2020-01-01,2025-12-31,三星,2023,合格')),
      write(d, 'fund.csv', csv('年度,项目,安排资金,文件依据', '2024,技能提升补贴,500000.00,慈财社〔2024〕1号')),
      write(d, 'trainees.csv', csv('申请编号,身份证号,项目,人员类别,申请日期,培训机构编号', `C1,${P1},training,employee,2024-03-01,PV01`)),
    ];
    const r = skilltax(['validate', ...files]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('certificates.csv: a number listed twice (one person or two) is not an input error (match lists it as a conflict); bad cells are', () => {
    const header = sample('certificates').header;
    const f = write(
      tempDir(),
      'certificates.csv',
      csv(
        header,
        `${P1},Z1,skill_level,电工,5,2024-01-10,,,,,`,
        `${P2},Z1,skill_level,电工,5,2024-01-10,,,,,`,
        `${P1},Z1,skill_level,电工,4,2024-06-10,,,,,`,
        `${P1},Z2,diploma,电工,6,2024-02-30,nowhere,,,2024-02-01,2024-01-31`,
        `${P2},Z3,skill_level,电工,5,2024-03-01,,,,2024-02-01,2024-01-31`,
        `${P2},,skill_level,,5,2024-03-01,,,,,`,
      ),
    );
    const r = skilltax(['validate', f]);
    expect(r.status).toBe(1);
    const ps = problems(r.stdout);
    expect(where(ps)).toEqual([
      [f, 5, 3, 'diploma'],
      [f, 5, 5, '6'],
      [f, 5, 6, '2024-02-30'],
      [f, 5, 7, 'nowhere'],
      [f, 6, 11, '2024-01-31'],
      [f, 7, 2, ''],
      [f, 7, 4, ''],
    ]);
    expect(ps[4]!.message).toBe('training_end: the training ends before it starts (training_start 2024-02-01)');
    // the 身份证号 is never shown whole
    expect(r.stdout).not.toContain(P1);
  });

  it('insurance.csv: a month that is not YYYY-MM, an invalid 统一社会信用代码, a missing cell; a month paid twice is no problem', () => {
    const f = write(
      tempDir(),
      'insurance.csv',
      csv('person_id,period,enterprise_id', `${P1},2023-01,${A}`, `${P1},2023-01,${B}`, `${P1},2023-13,${A}`, `${P1},2023-Q1,${A}`, `${P1},2023-02-01,${A}`, `${P2},2023-02,91330282MA2B000017`, `,2023-02,${A}`),
    );
    const r = skilltax(['validate', f]);
    expect(r.status).toBe(1);
    const ps = problems(r.stdout);
    expect(where(ps)).toEqual([
      [f, 4, 2, '2023-13'],
      [f, 5, 2, '2023-Q1'],
      [f, 7, 3, '91330282MA2B000017'],
      [f, 8, 1, ''],
    ]);
    expect(ps[0]!.message).toBe('period: not a month: write YYYY-MM');
    const missing = skilltax(['validate', write(tempDir(), 'insurance.csv', csv('person_id,enterprise_id', `${P1},${A}`))]);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain(':1:1: missing required column "period" (accepted names: period, 缴费月份, 所属期');
  });

  it('providers.csv: a provider_id twice, a 备案 ending before it starts, a star outside 1–5', () => {
    const f = write(
      tempDir(),
      'providers.csv',
      csv(sample('providers').header, 'PV01,甲,2020-01-01,2025-12-31,5,2023,合格', 'PV01,乙,2021-01-01,,,,', 'PV02,丙,2020-01-01,2019-12-31,,,', 'PV03,丁,2020-01-01,,0,23,'),
    );
    const r = skilltax(['validate', f]);
    expect(r.status).toBe(1);
    const ps = problems(r.stdout);
    expect(where(ps)).toEqual([
      [f, 3, 1, 'PV01'],
      [f, 4, 4, '2019-12-31'],
      [f, 5, 5, '0'],
      [f, 5, 6, '23'],
    ]);
    expect(ps.map((p) => p.message).slice(0, 3)).toEqual([
      'provider_id: a second provider PV01 (the first is on line 2)',
      'filed_to: the 备案 ends before it starts (filed_from 2020-01-01)',
      'star: not a star rating (星级): 1–5',
    ]);
  });

  it('fund.csv: the same year and program twice, an unknown program, a negative amount', () => {
    const f = write(
      tempDir(),
      'fund.csv',
      csv(sample('fund').header, '2024,*,1000000.00,', '2024,training,300000.00,', '2024,职业培训补贴,1.00,', '2024,*,2.00,', '2024,bonus,1.00,', '2025,training,-5.00,'),
    );
    const r = skilltax(['validate', f]);
    expect(r.status).toBe(1);
    const ps = problems(r.stdout);
    expect(where(ps)).toEqual([
      [f, 4, 2, 'training'],
      [f, 5, 2, '*'],
      [f, 6, 2, 'bonus'],
      [f, 7, 3, '-5.00'],
    ]);
    expect(ps[0]!.message).toBe('program: a second allocation for training in 2024 (the first is on line 3)');
    expect(ps[1]!.message).toBe('program: a second allocation for all programs (*) in 2024 (the first is on line 2)');
  });

  it('--lang zh: the messages of these kinds in Chinese', () => {
    const f = write(tempDir(), 'fund.csv', csv('year,program,allocated', '2024,*,1.00', '2024,*,2.00'));
    const r = skilltax(['validate', '--lang', 'zh', f]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${f}:3:2: program: 2024 年度全部项目（*）的专账资金重复下达（第一次在第 2 行）`);
  });
});
