/**
 * The bureau's view of the demo (issue #15), end to end through the built CLI, each golden file
 * checked independently of the code that wrote it:
 * - unclaimed.csv: every row, written into trainees.csv as the claim it stands for, is decided
 *   by `skilltax subsidy` to exactly its amount (the one decision function, two callers);
 * - fund-usage.csv: paid = the eligible amounts of subsidies.csv claimed that year plus
 *   history.csv paid that year, per program, with `*` for the programs without their own row;
 *   usage rate and remaining from those sums;
 * - providers.csv: people trained and certificates per provider and year counted from
 *   certificates.csv; the demo's three cases flagged (备案 lapse, same-day batch, certificate
 *   before the training ended).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, skilltax } from './helpers/cli.js';
import { copyDemo, DEMO, demoFile, GOLDEN, goldenWithoutEnterprise, readCsv, type Row } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';

const tmp = tempDirs('skilltax-demo-fund-');
const fen = (s: string | undefined) => {
  const m = /^(-?)(\d+)\.(\d\d)$/.exec(s ?? '');
  if (!m) throw new Error(`not an amount: ${s}`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};
const golden = (name: string) => readCsv(readFileSync(join(GOLDEN, name)));

describe('skilltax match on the demo (免申即享)', () => {
  let unclaimed: Row[];
  beforeAll(() => {
    requireBuild();
    unclaimed = golden('unclaimed.csv');
  });

  it('run writes the golden unclaimed.csv as of the end of the data (2024-12-31), and match --as-of 2024-12-31 the same', () => {
    const out = tmp();
    const r = skilltax(['match', '--certificates', demoFile('certificates.csv'), '--insurance', demoFile('insurance.csv'), '--catalog', demoFile('catalog.csv'), '--trainees', demoFile('trainees.csv'), '--history', demoFile('history.csv'), '--as-of', '2024-12-31', '--out', join(out, 'u.csv'), '--conflicts', join(out, 'c.csv')]);
    expect(r.status, r.stderr).toBe(0);
    // the command does not read enterprises.csv: run's golden file without its name and town
    expect(readFileSync(join(out, 'u.csv')).equals(goldenWithoutEnterprise('unclaimed.csv'))).toBe(true);
    expect(readFileSync(join(out, 'c.csv'), 'utf8')).toBe(readFileSync(join(GOLDEN, 'match-conflicts.csv'), 'utf8'));
    // the summary masks 身份证号: none printed whole
    for (const u of unclaimed) expect(r.stderr).not.toContain(u.person_id!);
    expect(unclaimed.every((u) => u.as_of === '2024-12-31')).toBe(true);
  });

  it('has payable rows first by deadline, and the demo cases: a holder under 12 insured months, a repeated occupation and level', () => {
    expect(unclaimed.length).toBeGreaterThan(10);
    const payable = unclaimed.map((u) => fen(u.amount) > 0);
    expect(payable.indexOf(false)).toBeGreaterThan(0);
    expect(payable.slice(payable.indexOf(false)).every((p) => !p)).toBe(true);
    const deadlines = unclaimed.filter((u) => fen(u.amount) > 0).map((u) => u.claim_deadline!);
    expect([...deadlines].sort()).toEqual(deadlines);
    expect(unclaimed.map((u) => u.reasons_if_not_payable).filter(Boolean).sort()).toEqual(['duplicate_occupation_level', 'insured_months_insufficient']);
    const conflicts = golden('match-conflicts.csv');
    expect(conflicts.map((c) => c.conflict).sort()).toEqual(['claimed_by_other', 'duplicate_in_registry', 'duplicate_in_registry']);
  });

  it('each row, filed as a claim in trainees.csv, is decided by skilltax subsidy to exactly its amount', () => {
    const d = tmp();
    copyDemo(d, ['catalog.csv', 'history.csv']);
    const text = iconv.decode(readFileSync(demoFile('trainees.csv')), 'gb18030').replace(/\r?\n$/, '');
    // 申请编号,姓名,身份证号,人员类别,补贴项目,统一社会信用代码,职业（工种）,技能等级,证书类型,证书编号,发证日期,评价方式,参保月数,合同月数,月数,申请日期
    const insured = new Map<string, string>();
    const r0 = skilltax(['match', '--certificates', demoFile('certificates.csv'), '--insurance', demoFile('insurance.csv'), '--catalog', demoFile('catalog.csv'), '--trainees', demoFile('trainees.csv'), '--history', demoFile('history.csv'), '--as-of', '2024-12-31', '--explain', unclaimed[0]!.certificate_no!]);
    expect(r0.status, r0.stderr).toBe(0);
    const certs = new Map(readCsv(readFileSync(demoFile('certificates.csv'))).map((c) => [c.certificate_no!, c]));
    const added = unclaimed.map((u) => {
      const c = certs.get(u.certificate_no!)!;
      // the insured months match used: counted here from insurance.csv (distinct months up to 2024-12)
      const months = new Set(readCsv(readFileSync(demoFile('insurance.csv'))).filter((m) => m.person_id === u.person_id && m.period! <= '2024-12').map((m) => m.period)).size;
      insured.set(u.certificate_no!, String(months));
      return [`MATCH-${u.certificate_no}`, '', u.person_id, 'employee', 'skill_upgrade', u.enterprise_id, u.occupation, u.level, c.certificate_type, u.certificate_no, u.certificate_date, c.route || 'standard', String(months), '', '', u.as_of].join(',');
    });
    writeFileSync(join(d, 'trainees.csv'), iconv.encode(`${text}\n${added.join('\n')}\n`, 'gb18030'));
    const r = skilltax(['subsidy', '--trainees', join(d, 'trainees.csv'), '--catalog', join(d, 'catalog.csv'), '--history', join(d, 'history.csv'), '--out', join(d, 'subsidies.csv')]);
    expect(r.status, r.stderr).toBe(0);
    const decided = new Map(readCsv(readFileSync(join(d, 'subsidies.csv'))).map((s) => [s.claim_id!, s]));
    for (const u of unclaimed) {
      const s = decided.get(`MATCH-${u.certificate_no}`)!;
      expect([s.amount, s.reasons], u.certificate_no).toEqual([u.amount, u.reasons_if_not_payable]);
    }
  });
});

describe('the fund and the providers of the demo', () => {
  it('fund-usage.csv: paid per year and program as summed from subsidies.csv and history.csv; rate and remaining from them', () => {
    const subsidies = golden('subsidies.csv');
    // history.csv as the demo writes it: Chinese headers and program names (CONTRACT §2 aliases)
    const PROGRAM: Record<string, string> = { 职业培训补贴: 'training', 技能提升补贴: 'skill_upgrade', 企业新型学徒制: 'apprenticeship', 以工代训: 'work_based', 紧缺职业高技能人才岗位补贴: 'shortage_post' };
    const history = readCsv(readFileSync(demoFile('history.csv'))).map((h) => ({ paid_date: h['发放日期']!, program: PROGRAM[h['补贴项目']!]!, amount: h['补贴金额']! }));
    const fund = readCsv(readFileSync(demoFile('fund.csv')));
    const paid = new Map<string, number>();
    const add = (year: string, program: string, amount: number) => paid.set(`${year} ${program}`, (paid.get(`${year} ${program}`) ?? 0) + amount);
    for (const s of subsidies) if (s.status === 'eligible') add(s.claim_date!.slice(0, 4), s.program!, fen(s.amount));
    for (const h of history) add(h.paid_date!.slice(0, 4), h.program!, fen(h.amount));
    const rows = golden('fund-usage.csv');
    for (const row of rows) {
      const own = new Set(fund.filter((f) => f.year === row.year && f.program !== '*').map((f) => f.program));
      const expected =
        row.program === '*'
          ? [...paid].filter(([k]) => k.startsWith(`${row.year} `) && !own.has(k.slice(5))).reduce((a, [, v]) => a + v, 0)
          : (paid.get(`${row.year} ${row.program}`) ?? 0);
      expect(fen(row.paid), `${row.year} ${row.program}`).toBe(expected);
      expect(fen(row.remaining)).toBe(fen(row.allocated) - expected);
      // usage rate: paid / allocated, half-up to 4 places, printed without trailing zeros
      const rate = Number((BigInt(expected) * 20000n + BigInt(fen(row.allocated))) / (2n * BigInt(fen(row.allocated)))) / 10000;
      expect(Number(row.usage_rate)).toBe(rate);
      expect(row.warning).toBe('');
    }
    expect(rows.filter((r) => fen(r.committed) > 0).map((r) => [r.year, r.program, r.committed])).toEqual([['2024', 'skill_upgrade', '18000.00']]);
  });

  it('providers.csv: people and certificates counted from certificates.csv; the demo lapse, batch and early certificate flagged', () => {
    const certs = readCsv(readFileSync(demoFile('certificates.csv')));
    const rows = golden('providers.csv');
    for (const p of rows) {
      const mine = certs.filter((c) => c.provider_id === p.provider_id && c.certificate_date!.startsWith(p.year!));
      expect([Number(p.certificates), Number(p.people_trained)], `${p.provider_id} ${p.year}`).toEqual([mine.length, new Set(mine.map((c) => c.person_id)).size]);
    }
    const flagged = rows.filter((r) => r.flags).map((r) => [r.provider_id, r.year, r.flags]);
    expect(flagged).toEqual(
      expect.arrayContaining([
        ['P002', '2023', 'not_filed'],
        ['P002', '2022', 'cert_before_training_end'],
        ['P003', '2024', 'same_day_batch'],
      ]),
    );
  });

  it('run on the demo exits 0 with the four reports and their summary lines', () => {
    const out = tmp();
    const r = skilltax(['run', DEMO, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    for (const n of ['unclaimed.csv', 'match-conflicts.csv', 'providers.csv', 'fund-usage.csv']) expect(readFileSync(join(out, n)).equals(readFileSync(join(GOLDEN, n))), n).toBe(true);
    expect(r.stderr).toMatch(/payable amount\s+18000\.00/);
    // summary.json carries the fund usage per year and program as fund-usage.csv has it
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { fund_usage: Record<string, string>[] };
    const keep = ['year', 'program', 'allocated', 'paid', 'committed', 'usage_rate', 'remaining', 'warning'];
    expect(summary.fund_usage).toEqual(golden('fund-usage.csv').map((g) => Object.fromEntries(keep.map((k) => [k, g[k]]))));
  });

  it('fund: a year paid above its allocation is a warning, exit 1, the report written; the run summary gives each year and program', () => {
    const d = tmp();
    copyDemo(d, ['trainees.csv', 'catalog.csv', 'history.csv']);
    writeFileSync(join(d, 'fund.csv'), 'year,program,allocated\n2024,*,200000.00\n2024,skill_upgrade,20000.00\n');
    const out = join(d, 'fund-usage.csv');
    const r = skilltax(['fund', '--fund', join(d, 'fund.csv'), '--trainees', join(d, 'trainees.csv'), '--catalog', join(d, 'catalog.csv'), '--history', join(d, 'history.csv'), '--out', out]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('warning: fund 2024 skill_upgrade: paid 27000.00 is more than the allocation 20000.00 (专账资金超支)');
    const rows = readCsv(readFileSync(out));
    expect(rows.map((x) => [x.year, x.program, x.paid, x.usage_rate, x.remaining, x.warning])).toEqual([
      ['2024', '*', '104000.00', '0.52', '96000.00', ''],
      ['2024', 'skill_upgrade', '27000.00', '1.35', '-7000.00', 'overspent'],
    ]);
    expect(r.stderr).toMatch(/2024 skill_upgrade 1\.35/);
  });

  it('review findings: an invalid 身份证号 in insurance.csv is an input problem; run --out DIR refuses the providers report beside providers.csv', () => {
    const d = tmp();
    const rows = readFileSync(demoFile('insurance.csv'), 'utf8').split('\n');
    // what Excel makes of a number column
    rows[1] = rows[1]!.replace(/^[0-9X]{18},/, '3.30282E+17,');
    writeFileSync(join(d, 'insurance.csv'), rows.join('\n'));
    const v = skilltax(['validate', join(d, 'insurance.csv')]);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain(`${join(d, 'insurance.csv')}:2:1: person_id`);
    const dir = tmp();
    copyDemo(dir, ['certificates.csv', 'trainees.csv', 'catalog.csv', 'providers.csv']);
    const r = skilltax(['run', dir, '--out', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('would write the report providers.csv beside the input of the same name');
    expect(readFileSync(join(dir, 'providers.csv')).equals(readFileSync(demoFile('providers.csv')))).toBe(true);
  });
});
