/**
 * `deduct` and `credit` in Chinese (issue #14, "Chinese end to end"): --explain under --lang zh
 * labels its steps with the form's terms (A105050 账载金额, 税收金额 …; 教育费附加, 地方教育附加,
 * 抵免) and states the same figures in the same order as the English explain; the run summary's
 * labels are Chinese; the files written are byte for byte those of --lang en.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, skilltax } from './helpers/cli.js';
import { DEMO, demoFile } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';

const FULL_TRAINING = '91330282MA2CL4RK12'; // software_ic (row 6), and the 产教融合 pilot
const HIGH_TECH = '913302827251836406'; // a 高新技术企业 rate
const EXPORTER = '91330282144073961U'; // 留抵退税 deduction in the credit

const deductArgs = () => ['deduct', '--payroll', demoFile('payroll.csv'), '--training', demoFile('training.csv'), '--qualifications', demoFile('qualifications.csv'), '--ledger', demoFile('ledger.csv')];
const creditArgs = () => ['credit', '--surcharges', demoFile('surcharges.csv'), '--training', demoFile('training.csv'), '--qualifications', demoFile('qualifications.csv'), '--ledger', demoFile('ledger.csv')];

/** Every decimal figure of a text (amounts, rates), in order: the words around them may change with the language, never they. */
const figures = (text: string) => text.match(/-?\d+\.\d+/g) ?? [];

const CJK = /[\u4e00-\u9fff]/;

/** The explain of `id` in both languages, checked for exit 0. */
function explainBoth(args: string[], id: string, extra: string[] = []): { en: string; zh: string } {
  const en = skilltax([...args, '--explain', id, ...extra, '--lang', 'en']);
  const zh = skilltax([...args, '--explain', id, ...extra, '--lang', 'zh']);
  expect(en.status, en.stderr).toBe(0);
  expect(zh.status, zh.stderr).toBe(0);
  return { en: en.stdout, zh: zh.stdout };
}

interface JsonTrace {
  heading: string[];
  sections: { title: string; steps: { label: string; value: string; how?: string; source?: string }[] }[];
}

beforeAll(requireBuild);

describe('deduct --explain --lang zh', () => {
  it('labels the steps with A105050 terms and gives the English figures in the same order', () => {
    for (const id of [FULL_TRAINING, HIGH_TECH]) {
      const { en, zh } = explainBoth(deductArgs(), id);
      expect(en).toContain('deductible (税收金额, col 5)');
      for (const term of ['账载金额（第1列）', '实际发生额（第2列）', '以前年度累计结转扣除额（第4列）', '税收金额（第5列）', '纳税调整金额（第6列）', '累计结转以后年度扣除额（第7列）', '第4行 职工教育经费支出 税收金额', '扣除限额'])
        expect(zh, `${id}: ${term}`).toContain(term);
      expect(zh).not.toMatch(/deductible|carry in|adjustment \(|Formulas/);
      expect(figures(zh).length).toBeGreaterThan(20);
      expect(figures(zh)).toEqual(figures(en));
    }
  });

  it('keeps the legal citations and the figures of every step in --format json', () => {
    const { en, zh } = explainBoth(deductArgs(), FULL_TRAINING, ['--format', 'json']);
    const [e, z] = [JSON.parse(en) as JsonTrace, JSON.parse(zh) as JsonTrace];
    expect(z.sections.map((s) => s.title)).toEqual(e.sections.map((s) => s.title));
    const steps = (t: JsonTrace) => t.sections.flatMap((s) => s.steps);
    expect(steps(z).map((s) => s.value)).toEqual(steps(e).map((s) => s.value));
    expect(steps(z).map((s) => figures(s.how ?? ''))).toEqual(steps(e).map((s) => figures(s.how ?? '')));
    for (const s of steps(z)) expect(s.label, s.label).toMatch(CJK);
    expect(zh).toContain('财税〔2012〕27号');
    expect(zh).toContain('A105050 第1行 第5列');
  });
});

describe('credit --explain --lang zh', () => {
  it('labels the steps with 教育费附加, 地方教育附加 and 抵免, with the English figures in order', () => {
    for (const id of [FULL_TRAINING, EXPORTER]) {
      const { en, zh } = explainBoth(creditArgs(), id);
      for (const term of ['计征依据', '教育费附加 本期应纳税（费）额', '地方教育附加 本期应补（退）税（费）额', '结转以后期间抵免额'])
        expect(zh, `${id}: ${term}`).toContain(term);
      expect(zh).not.toMatch(/pool carry|credit split|payable|Order \(RULES/);
      expect(figures(zh).length).toBeGreaterThan(100);
      expect(figures(zh)).toEqual(figures(en));
    }
    expect(explainBoth(creditArgs(), FULL_TRAINING).zh).toMatch(/产教融合投资净额.*\n.*本期新增可抵免额[^\n]*\n\s*抵免额分配/);
    expect(explainBoth(creditArgs(), EXPORTER).zh).toContain('留抵退税扣除额');
  });

  it('says in Chinese when the subject was not computed', () => {
    const r = skilltax([...creditArgs(), '--explain', 'NOPE', '--lang', 'zh']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--explain NOPE：该企业没有计算任何所属期');
  });
});

describe('the run summary and the files under --lang zh', () => {
  const tmp = tempDirs();

  it('labels the summary of deduct and credit in Chinese, their values as in English', () => {
    const d = { zh: skilltax([...deductArgs(), '--out', join(tmp(), 'd.csv'), '--lang', 'zh']), en: skilltax([...deductArgs(), '--out', join(tmp(), 'd.csv')]) };
    expect(d.en.stderr).toContain('deduct: years 2016-2024, enterprises 7, enterprise-years 57, total deductible ');
    for (const label of ['年度 2016-2024', '企业户数 7', '企业年度数 57', '税收金额合计 ', '累计结转以后年度扣除额合计 ', '警告 0']) expect(d.zh.stderr).toContain(label);
    expect(figures(d.zh.stderr)).toEqual(figures(d.en.stderr));
    const c = { zh: skilltax([...creditArgs(), '--out', join(tmp(), 'c.csv')], { env: { LANG: 'zh_CN.UTF-8' } }), en: skilltax([...creditArgs(), '--out', join(tmp(), 'c.csv')]) };
    for (const label of ['企业户数 4', '应纳税（费）额合计 ', '抵免额合计 ', '应补（退）税（费）额合计 ', '结转以后期间抵免额 ']) expect(c.zh.stderr).toContain(label);
    expect(c.zh.stderr).not.toContain('total credit');
    expect(figures(c.zh.stderr)).toEqual(figures(c.en.stderr));
  });

  it('writes the same bytes in both languages (deduct, credit and run)', () => {
    const out = (lang: string) => {
      const dir = tmp();
      const d = skilltax([...deductArgs(), '--out', join(dir, 'deductions.csv'), '--ledger-out', join(dir, 'ledger-d.csv'), '--lang', lang]);
      const c = skilltax([...creditArgs(), '--out', join(dir, 'credits.csv'), '--ledger-out', join(dir, 'ledger-c.csv'), '--lang', lang]);
      const r = skilltax(['run', DEMO, '--out', join(dir, 'run'), '--lang', lang]);
      for (const x of [d, c, r]) expect(x.status, x.stderr).toBeLessThanOrEqual(1);
      const files = new Map<string, Buffer>();
      for (const f of readdirSync(dir)) if (f.endsWith('.csv')) files.set(f, readFileSync(join(dir, f)));
      // The HTML report follows --lang by design; the data files never do.
      for (const f of readdirSync(join(dir, 'run'))) if (/\.(csv|json)$/.test(f)) files.set(`run/${f}`, readFileSync(join(dir, 'run', f)));
      return files;
    };
    const [en, zh] = [out('en'), out('zh')];
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    expect(en.has('run/summary.csv') && en.has('run/deductions.csv') && en.has('run/credits.csv')).toBe(true);
    for (const [f, bytes] of en) expect(zh.get(f)!.equals(bytes), f).toBe(true);
  });
});
