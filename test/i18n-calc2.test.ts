/**
 * Chinese end to end for subsidy, awards and exempt (issue #14): the explain of a demo claim, award
 * and asset in Chinese carries the same figures, in the same order, as in English; the report
 * files do not change with --lang; every reason code CONTRACT §5–§7 documents has a meaning in
 * words in both languages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWARD_REASONS } from '../src/calculators/awards.js';
import { EXEMPT_REASONS } from '../src/calculators/exempt.js';
import { reasonTextOf } from '../src/calculators/reason-text.js';
import { DOCUMENTED_REASONS, REASONS, reasonText } from '../src/calculators/training-subsidy.js';
import { requireBuild, skilltax } from './helpers/cli.js';

const D = 'fixtures/demo';
const SUBSIDY = ['subsidy', '--trainees', `${D}/trainees.csv`, '--catalog', `${D}/catalog.csv`, '--history', `${D}/history.csv`, '--qualifications', `${D}/qualifications.csv`];
const AWARDS = ['awards', '--awards', `${D}/awards.csv`, '--history', `${D}/award-history.csv`];
const EXEMPT = ['exempt', '--properties', `${D}/properties.csv`];

const CJK = /[\u4e00-\u9fff]/;
/** The amounts (two decimals) of a text, in order. */
const amounts = (s: string) => s.match(/\d+\.\d\d(?!\d)/g) ?? [];

interface JsonTrace {
  subject: string;
  heading: string[];
  sections: { title: string; steps: { label: string; value: string; how?: string; params?: unknown[] }[] }[];
  reads: unknown[];
}

function explain(command: string[], id: string, lang: 'en' | 'zh', json = false) {
  const r = skilltax([...command, '--explain', id, '--lang', lang, ...(json ? ['--format', 'json'] : [])]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

beforeAll(requireBuild);

describe.each([
  // ineligible (claim_window_expired), and eligible with an amount
  ['subsidy', SUBSIDY, 'C2022-0013', ['超过申领期限', '申领期限', '审核结果']],
  ['subsidy', SUBSIDY, 'C2019-0001', ['政策适用日期', '补贴目录条目', '补贴金额']],
  // refused once-only, and eligible with benefits
  ['awards', AWARDS, 'AW2024-001', ['已享受过该奖励', '审核结果']],
  ['awards', AWARDS, 'AW2023-007', ['奖励金额']],
  // two exempt rows of one asset, and a deed refused after 2021-09-01
  ['exempt', EXEMPT, 'B-SCH-TEACH', ['房产税', '免税']],
  ['exempt', EXEMPT, 'FP-DEED-2', ['契税', '2021年9月1日起仅非营利性学校免征契税']],
] as const)('--explain in Chinese: %s %s', (_name, command, id, terms) => {
  it('prints Chinese with the figures of the English account, in order', () => {
    const en = explain(command, id, 'en');
    const zh = explain(command, id, 'zh');
    expect(en).not.toMatch(/符合条件|审核结果/);
    for (const term of terms) expect(zh).toContain(term);
    expect(amounts(en).length).toBeGreaterThan(0);
    expect(amounts(zh)).toEqual(amounts(en));
    // one line per step in both: the same account
    expect(zh.split('\n').length).toBe(en.split('\n').length);
  });

  it('as JSON: the same steps, values and parameters read; labels and formulas in Chinese', () => {
    const en = JSON.parse(explain(command, id, 'en', true)) as JsonTrace;
    const zh = JSON.parse(explain(command, id, 'zh', true)) as JsonTrace;
    expect(zh.subject).toBe(en.subject);
    expect(zh.reads).toEqual(en.reads);
    expect(zh.sections.map((s) => s.steps.map((x) => [x.value, x.params]))).toEqual(en.sections.map((s) => s.steps.map((x) => [x.value, x.params])));
    expect(zh.sections.flatMap((s) => s.steps.map((x) => x.label)).some((l) => CJK.test(l) && !/身份证号|统一社会信用代码/.test(l))).toBe(true);
    for (const s of zh.sections) expect(s.title).toMatch(CJK);
    for (const h of zh.heading) expect(h).toMatch(CJK);
  });
});

describe('report files do not change with --lang', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'skilltax-i18n-calc2-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['subsidy', SUBSIDY, ['--out', 'subsidies.csv', '--summary', 'subsidy-summary.csv']],
    ['awards', AWARDS, ['--out', 'award-payments.csv']],
    ['exempt', EXEMPT, ['--out', 'exemptions.csv']],
  ] as const)('%s: byte-identical reports in zh and en; the summary line in the language asked for', (name, command, outs) => {
    const written: Record<string, Buffer[]> = {};
    const stderr: string[] = [];
    for (const lang of ['en', 'zh']) {
      const args = outs.map((a) => (a.endsWith('.csv') ? join(dir, `${lang}-${a}`) : a));
      const r = skilltax([...command, ...args, '--lang', lang]);
      expect(r.status, r.stderr).toBe(0);
      stderr.push(r.stderr);
      for (const a of outs.filter((x) => x.endsWith('.csv'))) (written[a] ??= []).push(readFileSync(join(dir, `${lang}-${a}`)));
    }
    for (const [file, [en, zh]] of Object.entries(written)) {
      expect(en!.length, file).toBeGreaterThan(0);
      expect(zh!.equals(en!), `${file} differs between --lang zh and --lang en`).toBe(true);
    }
    expect(stderr[0]).toMatch(new RegExp(`^${name}: `));
    expect(stderr[0]).not.toMatch(CJK);
    expect(stderr[1]).toMatch(CJK);
    expect(amounts(stderr[1]!)).toEqual(amounts(stderr[0]!));
  });
});

describe('reason codes in words', () => {
  // CONTRACT §5 (subsidies.csv `reasons`), word for word
  const CONTRACT_5 = [
    'invalid_person_id', 'age_out_of_range', 'group_not_eligible', 'no_certificate', 'route_excluded', 'claim_window_expired',
    'not_in_catalog', 'level_not_covered', 'insured_months_insufficient', 'contract_too_short', 'duration_exceeded',
    'cert_held_too_short', 'duplicate_occupation_level', 'lower_level_after_higher', 'certificate_already_used',
    'yearly_cap_reached', 'program_cap_reached', 'claim_before_certificate', 'employer_required',
  ];

  it('reasonText gives every subsidy reason of CONTRACT §5 (and every code the calculator gives) in English and Chinese', () => {
    expect([...CONTRACT_5].sort()).toEqual([...DOCUMENTED_REASONS].sort());
    for (const code of [...CONTRACT_5, ...REASONS]) {
      const en = reasonText(code, 'en');
      const zh = reasonText(code, 'zh');
      expect(en, code).not.toBe(code);
      expect(en, code).toMatch(/[a-z]{3}/);
      expect(zh, code).toMatch(CJK);
      expect(zh, code).not.toBe(en);
    }
    expect(reasonText('claim_window_expired', 'en')).toBe('claim filed after the claim window');
    expect(reasonText('claim_window_expired', 'zh')).toBe('超过申领期限');
  });

  it('awards and exempt reasons too; an unknown code stays a code', () => {
    for (const [calc, codes] of [
      ['awards', AWARD_REASONS],
      ['exempt', EXEMPT_REASONS],
      ['training_subsidy', REASONS],
    ] as const) {
      for (const code of codes) {
        expect(reasonTextOf(calc, code, 'en'), code).not.toBe(code);
        expect(reasonTextOf(calc, code, 'zh'), code).toMatch(CJK);
      }
    }
    expect(reasonText('no_such_reason', 'zh')).toBe('no_such_reason');
    expect(reasonTextOf('education_expense', 'ledger_gap', 'zh')).toBe('ledger_gap');
  });
});
