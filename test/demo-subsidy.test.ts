/**
 * The demo's training subsidy claims (RULES §4, CONTRACT §5) end to end: `skilltax run
 * fixtures/demo` against test/golden/demo/subsidies.csv and subsidy-summary.csv (regenerate with
 * `node scripts/update-golden.mjs` after `npx tsc -p tsconfig.json`, and review the diff). Every
 * decision of the golden file is also recomputed here from the inputs with RULES §4's rules,
 * without the project's code, and each scenario of scripts/make-demo.mjs is asserted by its
 * claim_id with the status, amount and reasons worked out by hand (`node scripts/make-demo.mjs
 * /tmp/x --quiet --cases` lists the scenario of each claim_id).
 *
 * The inputs: trainees.csv (GB18030, Chinese headers and labels, CRLF, as Excel on Chinese
 * Windows saves it), history.csv (UTF-8 with BOM, Chinese headers), catalog.csv (the shipped
 * example catalogue plus the 2018–2019 skill_upgrade rows), qualifications.csv (the 个体工商户
 * employer J).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, skilltax } from './helpers/cli.js';
import { copyDemo, DEMO, demoFile, golden, goldenWithoutEnterprise, readCsv, withEnterpriseOf, withoutEnterprise, type Row, DEMO_NOTES } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';
import { validPersonId, yuan } from './helpers/recompute.js';
import { runSummary } from './helpers/summary.js';

const OUTPUTS = ['subsidies.csv', 'subsidy-summary.csv'];
const goldenRows = () => readCsv(golden('subsidies.csv'));
const traineesText = () => iconv.decode(readFileSync(demoFile('trainees.csv')), 'gb18030');

const subsidyArgs = [
  'subsidy',
  '--trainees', demoFile('trainees.csv'),
  '--catalog', demoFile('catalog.csv'),
  '--history', demoFile('history.csv'),
  '--qualifications', demoFile('qualifications.csv'),
];

const INDIVIDUAL_BUSINESS = '92330282MA2KD8LN4P'; // J 浒山街道 汽车修理店, a 个体工商户

// ── RULES §4 recomputed from the inputs, without the project's code ─────────────────────────
const fen = (s: string): number => {
  const m = /^(\d+)\.(\d\d)$/.exec(s);
  if (!m) throw new Error(`amount ${s}`);
  return Number(m[1]) * 100 + Number(m[2]);
};
const iso = (d: string) => {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(d);
  if (!m) throw new Error(`date ${d}`);
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
};
/** the same day n months later, the month's last day when it has none */
const monthsLater = (date: string, n: number) => {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(Number(date.slice(8, 10)), last)).padStart(2, '0')}`;
};

const GROUPS: Row = {
  企业职工: 'employee', 农村转移劳动者: 'rural_migrant', 登记失业人员: 'unemployed', 就业困难人员: 'hard_to_employ', 退役军人: 'veteran',
  毕业年度高校毕业生: 'graduate', 两后生: 'school_leaver', 脱贫人口: 'poverty_monitored', 机关事业单位在编人员: 'public_staff',
};
const PROGRAMS: Row = { 职业培训补贴: 'training', 技能提升补贴: 'skill_upgrade', 企业新型学徒制: 'apprenticeship', 以工代训: 'work_based', 紧缺职业高技能人才岗位补贴: 'shortage_post' };
const LEVELS: Record<string, number> = { 初级工: 5, 中级工: 4, 高级工: 3, 技师: 2, 高级技师: 1 };
const ROUTES: Row = { 社会化评价: 'standard', 企业自主评价: 'self_evaluation', 双证书: 'dual_certificate', 学徒制培训: 'apprenticeship', 技能竞赛: 'competition' };

interface Claim {
  claim_id: string;
  person_id: string;
  group: string;
  program: string;
  enterprise_id: string;
  occupation: string;
  level?: number;
  certificate: boolean;
  certificate_no: string;
  certificate_date: string;
  route: string;
  insured: number;
  contract: number;
  months: number;
  claim_date: string;
}

function claims(): Claim[] {
  return readCsv(traineesText()).map((r) => ({
    claim_id: r['申请编号']!,
    person_id: r['身份证号']!.toUpperCase(),
    group: GROUPS[r['人员类别']!]!,
    program: PROGRAMS[r['补贴项目']!]!,
    enterprise_id: r['统一社会信用代码']!,
    occupation: r['职业（工种）']!,
    level: r['技能等级'] ? LEVELS[r['技能等级']]! : undefined,
    certificate: r['证书类型'] !== '' && r['证书类型'] !== '无',
    certificate_no: r['证书编号']!,
    certificate_date: r['发证日期'] ? iso(r['发证日期']) : '',
    route: r['评价方式'] ? ROUTES[r['评价方式']]! : 'standard',
    insured: Number(r['参保月数'] || 0),
    contract: Number(r['合同月数'] || 0),
    months: Number(r['月数'] || 0),
    claim_date: iso(r['申请日期']!),
  }));
}

const REASONS = [
  'invalid_person_id', 'age_out_of_range', 'group_not_eligible', 'no_certificate', 'route_excluded', 'claim_window_expired',
  'not_in_catalog', 'level_not_covered', 'insured_months_insufficient', 'contract_too_short', 'duration_exceeded',
  'cert_held_too_short', 'duplicate_occupation_level', 'lower_level_after_higher', 'certificate_already_used', 'yearly_cap_reached',
];

/** What a person was paid before a claim: from history.csv, then from the claims decided eligible. */
interface Paid {
  program: string;
  occupation: string;
  level?: number;
  certificate_no: string;
  year: string;
  months: number;
}

function recompute(): Row[] {
  const catalog = readCsv(readFileSync(demoFile('catalog.csv')));
  const individualBusiness = new Set(
    readCsv(readFileSync(demoFile('qualifications.csv'))).filter((q) => q.qualification === 'individual_business').map((q) => q.enterprise_id!),
  );
  const paid = new Map<string, Paid[]>();
  const paidOf = (id: string) => paid.get(id) ?? (paid.set(id, []), paid.get(id)!);
  for (const h of readCsv(readFileSync(demoFile('history.csv')))) {
    paidOf(h['身份证号']!).push({
      program: PROGRAMS[h['补贴项目']!]!,
      occupation: h['职业（工种）']!,
      level: h['技能等级'] ? LEVELS[h['技能等级']] : undefined,
      certificate_no: h['证书编号']!,
      year: h['发放日期']!.slice(0, 4),
      months: Number(h['月数'] || 0),
    });
  }
  const out: Row[] = [];
  const ordered = claims().sort((a, b) => (a.claim_date + a.claim_id < b.claim_date + b.claim_id ? -1 : 1));
  for (const c of ordered) {
    const why = new Set<string>();
    const before = paidOf(c.person_id);
    const p = c.program;
    const forCertificate = p === 'training' || p === 'skill_upgrade';
    // training and skill_upgrade: the rules and catalogue of the certificate date; the others: of the claim date
    const on = forCertificate && c.certificate_date ? c.certificate_date : c.claim_date;
    if (!validPersonId(c.person_id)) why.add('invalid_person_id');
    else {
      const birth = `${c.person_id.slice(6, 10)}-${c.person_id.slice(10, 12)}-${c.person_id.slice(12, 14)}`;
      const age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);
      const male = Number(c.person_id[16]) % 2 === 1;
      if (age < 16 || age >= (male ? 60 : 50)) why.add('age_out_of_range');
    }
    if (c.group === 'public_staff') why.add('group_not_eligible');
    if (p === 'skill_upgrade' && (c.group !== 'employee' || !c.enterprise_id || individualBusiness.has(c.enterprise_id))) why.add('group_not_eligible');
    if ((forCertificate || p === 'shortage_post') && (!c.certificate || !c.certificate_date)) why.add('no_certificate');
    if (p === 'training' && ['self_evaluation', 'dual_certificate', 'apprenticeship'].includes(c.route)) why.add('route_excluded');
    if (forCertificate && c.certificate_date && c.claim_date > monthsLater(c.certificate_date, 12)) why.add('claim_window_expired');
    // the catalogue: the most specific row valid on the day
    const valid = catalog.filter((r) => r.program === p && r.valid_from! <= on && (!r.valid_to || on <= r.valid_to));
    const byOccupation = valid.filter((r) => r.occupation === '*' || r.occupation === c.occupation);
    const byLevel = byOccupation.filter((r) => r.level === '*' || (c.level !== undefined && r.level === String(c.level)));
    const score = (r: Row) => (r.occupation === '*' ? 0 : 2) + (r.level === '*' ? 0 : 1);
    const row = byLevel.sort((a, b) => score(b) - score(a) || (a.valid_from! < b.valid_from! ? 1 : -1))[0];
    if (!byOccupation.length) why.add('not_in_catalog');
    else if (!byLevel.length) why.add('level_not_covered');
    if (p === 'skill_upgrade') {
      if (c.level === undefined || c.level < 3) why.add('level_not_covered');
      if (c.insured < (on < '2019-01-01' ? 36 : 12)) why.add('insured_months_insufficient');
    }
    if (p === 'apprenticeship' && c.contract < 12) why.add('contract_too_short');
    if (p === 'shortage_post') {
      if (c.level !== 1 && c.level !== 2) why.add('level_not_covered');
      if (c.contract < 36) why.add('contract_too_short');
      if (c.insured < 12) why.add('insured_months_insufficient');
      if (c.certificate_date && (c.level === 1 || c.level === 2) && c.claim_date < monthsLater(c.certificate_date, c.level === 2 ? 36 : 12)) why.add('cert_held_too_short');
      if (row && row.shortage !== 'yes') why.add('not_in_catalog');
      if (before.some((e) => e.program === 'shortage_post')) why.add('duplicate_occupation_level');
    }
    if (forCertificate) {
      const same = before.filter((e) => e.program === 'training' || e.program === 'skill_upgrade');
      if (same.some((e) => e.occupation === c.occupation && e.level === c.level)) why.add('duplicate_occupation_level');
      if (same.some((e) => e.occupation === c.occupation && e.level !== undefined && c.level !== undefined && e.level < c.level)) why.add('lower_level_after_higher');
      if (c.certificate_no && same.some((e) => e.certificate_no === c.certificate_no)) why.add('certificate_already_used');
    }
    const counted = ['training', 'skill_upgrade', 'apprenticeship'];
    if (counted.includes(p) && before.filter((e) => counted.includes(e.program) && e.year === c.claim_date.slice(0, 4)).length >= 3) why.add('yearly_cap_reached');
    let months = c.months;
    let partial = false;
    if (p === 'apprenticeship' || p === 'work_based') {
      const left = Math.max(0, (p === 'apprenticeship' ? 24 : 6) - before.filter((e) => e.program === p).reduce((a, e) => a + e.months, 0));
      if (c.months > left) {
        why.add('duration_exceeded');
        partial = left > 0;
        months = left;
      }
    }
    const blocking = [...why].filter((r) => !(r === 'duration_exceeded' && partial));
    const eligible = blocking.length === 0 && row !== undefined;
    let amount = 0;
    if (eligible) {
      const a = fen(row.amount!);
      amount = row.unit === 'per_claim' ? a : row.unit === 'per_month' ? a * months : Math.floor((2 * a * months + 12) / 24); // per_year, half-up
      before.push({ program: p, occupation: c.occupation, level: c.level, certificate_no: c.certificate_no, year: c.claim_date.slice(0, 4), months });
    }
    out.push({
      claim_id: c.claim_id,
      person_id: c.person_id,
      enterprise_id: c.enterprise_id,
      program: p,
      occupation: c.occupation,
      level: c.level === undefined ? '' : String(c.level),
      certificate_date: c.certificate_date,
      claim_date: c.claim_date,
      status: eligible ? 'eligible' : 'ineligible',
      amount: yuan(amount),
      reasons: REASONS.filter((r) => why.has(r)).join(';'),
    });
  }
  return out.sort((a, b) => (a.claim_id! < b.claim_id! ? -1 : 1));
}

// ── the run ──────────────────────────────────────────────────────────────────────────────
/** Temporary folders of this file, removed when it is done. */
const tempDir = tempDirs();

let out: string;
let first: ReturnType<typeof skilltax>;

beforeAll(() => {
  out = tempDir('skilltax-demo-subsidy-');
  first = skilltax(['run', DEMO, '--out', out]);
});

describe('the subsidies in skilltax run fixtures/demo', () => {
  it('exits 0 without warnings: ineligible claims are decisions', () => {
    // standard error is the run's summary alone (issue #8 item 16): nothing after it, every warnings count 0
    const s = runSummary(first.stderr);
    expect(s.after).toEqual(DEMO_NOTES);
    expect(s.sections.map((x) => x.title)).toContain('Training subsidies (职业技能培训补贴)');
    const counts = s.sections.flatMap((x) => x.items.filter(([label]) => label === 'warnings').map(([, v]) => `${x.title}: ${v}`));
    expect(counts.filter((c) => !c.endsWith(': 0'))).toEqual([]);
    expect(first.stdout).toBe('');
    expect(first.status).toBe(0);
  });

  it.each(OUTPUTS)('writes %s byte for byte as the golden file', (name) => {
    expect(readFileSync(join(out, name), 'utf8')).toBe(golden(name).toString('utf8'));
    expect(readFileSync(join(out, name)).equals(golden(name))).toBe(true);
  });

  it('`subsidy` on the same inputs writes the same subsidies.csv and subsidy-summary.csv', () => {
    const dir = tempDir('skilltax-demo-subsidy-cmd-');
    const r = skilltax([...subsidyArgs, '--out', join(dir, 'subsidies.csv'), '--summary', join(dir, 'subsidy-summary.csv')]);
    expect(r.status).toBe(0);
    // `subsidy` does not read enterprises.csv: the golden files without name and town
    for (const name of OUTPUTS) expect(readFileSync(join(dir, name), 'utf8')).toBe(goldenWithoutEnterprise(name).toString('utf8'));
    for (const name of OUTPUTS) expect(readFileSync(join(dir, name)).equals(goldenWithoutEnterprise(name))).toBe(true);
  });

  it('gives byte-identical outputs on a second run', () => {
    const again = tempDir('skilltax-demo-subsidy-again-');
    const r = skilltax(['run', DEMO, '--out', again, '--quiet']);
    expect(r.status).toBe(0);
    for (const name of [...OUTPUTS, 'summary.csv']) expect(readFileSync(join(again, name)).equals(readFileSync(join(out, name)))).toBe(true);
  });

  it('decides the same whatever the order of the rows in trainees.csv', () => {
    const [header, ...body] = traineesText().split('\r\n').filter((l) => l !== '');
    // a fixed-seed shuffle (mulberry32, Fisher–Yates), and the reverse order
    let seed = 20240601;
    const random = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const shuffled = [...body];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(shuffled.slice(0, 5)).not.toEqual(body.slice(0, 5));
    for (const rows of [shuffled, [...body].reverse()]) {
      const dir = tempDir('skilltax-demo-subsidy-shuffled-');
      writeFileSync(join(dir, 'trainees.csv'), iconv.encode([header, ...rows].join('\r\n') + '\r\n', 'gb18030'));
      copyDemo(dir, ['catalog.csv', 'history.csv', 'qualifications.csv', 'enterprises.csv']);
      const r = skilltax(['run', dir, '--quiet']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      for (const name of OUTPUTS) expect(readFileSync(join(dir, 'out', name), 'utf8')).toBe(golden(name).toString('utf8'));
    }
  });

  it('validates trainees.csv, catalog.csv and history.csv clean', () => {
    const files = ['trainees.csv', 'catalog.csv', 'history.csv'].map(demoFile);
    const r = skilltax(['validate', ...files]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(files.map((f, i) => `${f} (${['trainees', 'catalog', 'history'][i]}): ok\n`).join(''));
    expect(r.status).toBe(0);
  });

  it('reads trainees.csv as GB18030 with Chinese headers and labels, history.csv as UTF-8 with a BOM', () => {
    const bytes = readFileSync(demoFile('trainees.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(traineesText().split('\r\n')[0]).toBe(
      '申请编号,姓名,身份证号,人员类别,补贴项目,统一社会信用代码,职业（工种）,技能等级,证书类型,证书编号,发证日期,评价方式,参保月数,合同月数,月数,申请日期',
    );
    const history = readFileSync(demoFile('history.csv'));
    expect([...history.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(history.toString('utf8').slice(1).split('\n')[0]).toBe('身份证号,姓名,补贴项目,发放日期,补贴金额,职业（工种）,技能等级,证书编号,月数');
  });
});

describe('the golden subsidies.csv', () => {
  it('agrees claim by claim with RULES §4 recomputed independently from the inputs', () => {
    const rows = goldenRows().map(({ rule_refs: _refs, ...r }) => r);
    // name and town (镇街道) at the end, from enterprises.csv ('' for a claim without an employer)
    const want = recompute().map((r) => withEnterpriseOf(r));
    expect(rows).toHaveLength(324);
    expect(rows.map((r) => r.claim_id)).toEqual(want.map((r) => r.claim_id));
    for (let i = 0; i < rows.length; i++) expect(rows[i], rows[i]!.claim_id).toEqual(want[i]);
  });

  it('has a claim set across the programs, groups and years, every reason code of CONTRACT §5 at least once', () => {
    const rows = goldenRows();
    const count = (f: (r: Row) => string) => rows.reduce((m, r) => m.set(f(r), (m.get(f(r)) ?? 0) + 1), new Map<string, number>());
    expect(Object.fromEntries(count((r) => r.program!))).toEqual({ training: 200, skill_upgrade: 80, apprenticeship: 13, work_based: 16, shortage_post: 15 });
    expect([...count((r) => r.claim_date!.slice(0, 4)).keys()].sort()).toEqual(['2019', '2021', '2022', '2023', '2024']);
    expect(new Set(claims().map((c) => c.group))).toEqual(new Set(Object.values(GROUPS)));
    expect(new Set(rows.map((r) => r.person_id)).size).toBe(227);
    const reasons = count((r) => r.reasons!).keys();
    expect(new Set([...reasons].flatMap((r) => (r ? r.split(';') : [])))).toEqual(new Set(REASONS));
    expect(rows.filter((r) => r.status === 'eligible')).toHaveLength(245);
    // claims without an employer, and claims of each demo enterprise (and of the 个体工商户)
    expect(rows.some((r) => r.enterprise_id === '')).toBe(true);
    const employers = new Set(rows.map((r) => r.enterprise_id).filter((e) => e));
    // every enterprise of enterprises.csv but the two schools of properties.csv (RULES §3), which employ no claimant
    const schools = new Set(readCsv(readFileSync(demoFile('properties.csv'))).filter((p) => /^(nonprofit|forprofit)_school$/.test(p.school_type!)).map((p) => p.enterprise_id));
    expect(schools.size).toBe(2);
    const enterprises = readCsv(readFileSync(demoFile('enterprises.csv'))).map((e) => e.enterprise_id).filter((e) => !schools.has(e));
    expect([...employers].sort()).toEqual([...enterprises].sort());
  });

  it('names the sources of the rules and of the catalogue row in rule_refs', () => {
    const byId = new Map(goldenRows().map((r) => [r.claim_id!, r]));
    expect(byId.get('C2023-0012')!.rule_refs).toContain('国办发〔2019〕24号');
    expect(byId.get('C2023-0012')!.rule_refs).toContain('杭人社发〔2020〕43号 (example)');
    expect(byId.get('C2023-0019')!.rule_refs).toContain('甬人社发〔2023〕22号');
    expect(byId.get('C2019-0002')!.rule_refs).toContain('人社部发〔2017〕40号');
  });
});

describe('the demo scenarios (RULES §4), checked by hand', () => {
  // [scenario (scripts/make-demo.mjs), claim_id, status, amount, reasons]; worked out from RULES §4 and the inputs.
  const cases: [string, string, 'eligible' | 'ineligible', string, string][] = [
    // once per occupation and level
    ['电工 4: paid', 'C2022-0020', 'eligible', '1500.00', ''],
    ['…电工 4 again, a new certificate', 'C2022-0079', 'ineligible', '0.00', 'duplicate_occupation_level'],
    ['焊工 5 by training', 'C2021-0020', 'eligible', '1000.00', ''],
    ['…焊工 5 by skill_upgrade: across programs', 'C2022-0002', 'ineligible', '0.00', 'duplicate_occupation_level'],
    ['育婴员 4 paid in history 2020-09-15', 'C2022-0047', 'ineligible', '0.00', 'duplicate_occupation_level'],
    ['one certificate handed in twice on one day: the lower claim_id first', 'C2023-0032', 'eligible', '1500.00', ''],
    ['…the second', 'C2023-0033', 'ineligible', '0.00', 'duplicate_occupation_level;certificate_already_used'],
    // at most 3 counted a year
    ['2023: 1st', 'C2023-0012', 'eligible', '1000.00', ''],
    ['2023: 2nd', 'C2023-0030', 'eligible', '1000.00', ''],
    ['2023: 3rd', 'C2023-0052', 'eligible', '1500.00', ''],
    ['2023: 4th', 'C2023-0082', 'ineligible', '0.00', 'yearly_cap_reached'],
    ['…the same certificate claimed again in January 2024, within 12 months', 'C2024-0003', 'eligible', '1000.00', ''],
    ['two paid in 2024 in history, a 3rd claim', 'C2024-0038', 'eligible', '1000.00', ''],
    ['…a 4th', 'C2024-0053', 'ineligible', '0.00', 'yearly_cap_reached'],
    ['apprenticeship counts: 1st', 'C2024-0007', 'eligible', '5000.00', ''],
    ['…2nd', 'C2024-0021', 'eligible', '1000.00', ''],
    ['…3rd', 'C2024-0046', 'eligible', '1000.00', ''],
    ['…4th', 'C2024-0065', 'ineligible', '0.00', 'yearly_cap_reached'],
    ['以工代训 does not count: 3 months × 500', 'C2021-0008', 'eligible', '1500.00', ''],
    ['…training 1', 'C2021-0007', 'eligible', '1000.00', ''],
    ['…training 2', 'C2021-0026', 'eligible', '1000.00', ''],
    ['…training 3: still paid', 'C2021-0043', 'eligible', '1000.00', ''],
    ['a refused claim does not count: late', 'C2022-0013', 'ineligible', '0.00', 'claim_window_expired'],
    ['…1', 'C2022-0025', 'eligible', '1000.00', ''],
    ['…2', 'C2022-0042', 'eligible', '1000.00', ''],
    ['…3', 'C2022-0072', 'eligible', '1000.00', ''],
    // the claim window
    ['certificate 2022-03-15, claimed 2023-03-15: exactly 12 months, in time', 'C2023-0017', 'eligible', '1500.00', ''],
    ['certificate 2022-06-15, claimed 2023-06-16: a day late', 'C2023-0044', 'ineligible', '0.00', 'claim_window_expired'],
    ['certificate 2023-02-28, claimed 2024-02-29: 12 months is 2024-02-28', 'C2024-0015', 'ineligible', '0.00', 'claim_window_expired'],
    ['skill_upgrade certificate 2023-08-31, claimed 2024-08-31: in time', 'C2024-0063', 'eligible', '1500.00', ''],
    ['skill_upgrade 15 months late', 'C2023-0023', 'ineligible', '0.00', 'claim_window_expired'],
    // lower after higher
    ['数控车工 3', 'C2022-0029', 'eligible', '2000.00', ''],
    ['…数控车工 4 (an earlier certificate) claimed after it', 'C2022-0068', 'ineligible', '0.00', 'lower_level_after_higher'],
    ['钳工 5 after 钳工 3 in history', 'C2023-0043', 'ineligible', '0.00', 'lower_level_after_higher'],
    ['养老护理员 5', 'C2021-0035', 'eligible', '1000.00', ''],
    ['…4: higher after lower is fine', 'C2022-0064', 'eligible', '1500.00', ''],
    ['…3', 'C2024-0029', 'eligible', '2000.00', ''],
    // one certificate, one subsidy
    ['电工 4 by training', 'C2021-0049', 'eligible', '1500.00', ''],
    ['…the same certificate for skill_upgrade', 'C2022-0011', 'ineligible', '0.00', 'duplicate_occupation_level;certificate_already_used'],
    ['a certificate paid in history (no occupation or level there)', 'C2023-0045', 'ineligible', '0.00', 'certificate_already_used'],
    // 身份证号
    ['wrong check character', 'C2023-0029', 'ineligible', '0.00', 'invalid_person_id'],
    ['birth date 1987-02-29', 'C2022-0054', 'ineligible', '0.00', 'invalid_person_id'],
    ['an old 15-digit number', 'C2021-0045', 'ineligible', '0.00', 'invalid_person_id'],
    ['check character X written x', 'C2023-0060', 'eligible', '1500.00', ''],
    // working age
    ['a man 60 on the certificate date', 'C2023-0034', 'ineligible', '0.00', 'age_out_of_range'],
    ['a man 59 on the certificate date, 60 when he claims', 'C2022-0066', 'eligible', '1000.00', ''],
    ['a woman 50 on the certificate date', 'C2023-0093', 'ineligible', '0.00', 'age_out_of_range'],
    ['a woman 50 the day after the certificate', 'C2022-0040', 'eligible', '1000.00', ''],
    ['15 on the certificate date', 'C2023-0055', 'ineligible', '0.00', 'age_out_of_range'],
    ['16 on the certificate date', 'C2022-0036', 'eligible', '1000.00', ''],
    ['以工代训: a woman 50 on the claim date', 'C2021-0011', 'ineligible', '0.00', 'age_out_of_range'],
    // routes
    ['training on a self-evaluation certificate', 'C2023-0080', 'ineligible', '0.00', 'route_excluded'],
    ['training on a dual certificate', 'C2022-0058', 'ineligible', '0.00', 'route_excluded'],
    ['training on an apprenticeship certificate', 'C2024-0005', 'ineligible', '0.00', 'route_excluded'],
    ['training on a competition certificate', 'C2022-0078', 'eligible', '2000.00', ''],
    ['skill_upgrade on a self-evaluation certificate', 'C2023-0047', 'eligible', '1500.00', ''],
    // skill_upgrade
    ['certificate 2018-11-20, insured 36: the 2018 catalogue row', 'C2019-0001', 'eligible', '1000.00', ''],
    ['certificate 2018-12-28, insured 30 < 36', 'C2019-0002', 'ineligible', '0.00', 'insured_months_insufficient'],
    ['certificate 2019-01-01, insured 12', 'C2019-0003', 'eligible', '1500.00', ''],
    ['certificate 2019-01-02, insured 11', 'C2019-0004', 'ineligible', '0.00', 'insured_months_insufficient'],
    ['2023, insured 8', 'C2023-0024', 'ineligible', '0.00', 'insured_months_insufficient'],
    ['unemployed', 'C2022-0035', 'ineligible', '0.00', 'group_not_eligible'],
    ['an employee without an employer', 'C2023-0088', 'ineligible', '0.00', 'group_not_eligible'],
    ['an employee of a 个体工商户', 'C2022-0062', 'ineligible', '0.00', 'group_not_eligible'],
    ['level 2', 'C2023-0036', 'ineligible', '0.00', 'level_not_covered'],
    // apprenticeship
    ['12 months after 12 in history: 24', 'C2023-0095', 'eligible', '5000.00', ''],
    ['…6 more: none left', 'C2024-0048', 'ineligible', '0.00', 'duration_exceeded'],
    ['12 months after 18 in history: 6 paid, 5000 × 6 / 12', 'C2024-0050', 'eligible', '2500.00', 'duration_exceeded'],
    ['7 months: 5000 × 7 / 12 = 2916.666… → 2916.67', 'C2022-0051', 'eligible', '2916.67', ''],
    ['labour contract 10 months', 'C2023-0016', 'ineligible', '0.00', 'contract_too_short'],
    // 以工代训
    ['4 months × 500', 'C2021-0005', 'eligible', '2000.00', ''],
    ['…4 more: 2 paid', 'C2021-0027', 'eligible', '1000.00', 'duration_exceeded'],
    ['…1 more: none left', 'C2021-0051', 'ineligible', '0.00', 'duration_exceeded'],
    ['6 months paid in history 2020', 'C2021-0015', 'ineligible', '0.00', 'duration_exceeded'],
    ['claimed in 2022, after the program ended', 'C2022-0004', 'ineligible', '0.00', 'not_in_catalog'],
    // shortage posts
    ['数控车工 技师, held 3 years and more', 'C2023-0019', 'eligible', '10000.00', ''],
    ['焊工 技师 held exactly 3 years on the claim date', 'C2023-0037', 'eligible', '10000.00', ''],
    ['电工 技师 claimed a day before 3 years', 'C2023-0073', 'ineligible', '0.00', 'cert_held_too_short'],
    ['电工 高级技师 held over a year', 'C2024-0004', 'eligible', '20000.00', ''],
    ['数控车工 高级技师 held 11 months', 'C2024-0010', 'ineligible', '0.00', 'cert_held_too_short'],
    ['a second one (history 2023): once per person', 'C2024-0018', 'ineligible', '0.00', 'duplicate_occupation_level'],
    ['level 3', 'C2023-0086', 'ineligible', '0.00', 'not_in_catalog;level_not_covered'],
    ['钳工: not on the shortage list', 'C2023-0065', 'ineligible', '0.00', 'not_in_catalog'],
    ['contract 24 months', 'C2023-0040', 'ineligible', '0.00', 'contract_too_short'],
    ['insured 8 months', 'C2024-0032', 'ineligible', '0.00', 'insured_months_insufficient'],
    ['claimed in 2022, before the catalogue', 'C2022-0076', 'ineligible', '0.00', 'not_in_catalog'],
    // public_staff, certificates
    ['public_staff, training', 'C2022-0077', 'ineligible', '0.00', 'group_not_eligible'],
    ['public_staff, shortage post', 'C2023-0026', 'ineligible', '0.00', 'group_not_eligible'],
    ['public_staff, self-evaluation, late: every reason', 'C2023-0022', 'ineligible', '0.00', 'group_not_eligible;route_excluded;claim_window_expired'],
    ['certificate type 无', 'C2023-0049', 'ineligible', '0.00', 'no_certificate'],
    ['a certificate without a date', 'C2024-0013', 'ineligible', '0.00', 'no_certificate'],
    ['专项职业能力 without a level', 'C2024-0047', 'ineligible', '0.00', 'level_not_covered'],
  ];
  it.each(cases)('%s (%s)', (_what, id, status, amount, reasons) => {
    const r = goldenRows().find((x) => x.claim_id === id);
    expect(r, id).toBeDefined();
    expect({ status: r!.status, amount: r!.amount, reasons: r!.reasons }).toEqual({ status, amount, reasons });
  });

  it('covers every scenario of scripts/make-demo.mjs', () => {
    const listed = readFileSync(join(ROOT, 'scripts', 'make-demo.mjs'), 'utf8').match(/tag: '[^']+'/g)!;
    expect(cases).toHaveLength(listed.length);
    expect(new Set(cases.map((c) => c[1])).size).toBe(cases.length);
  });
});

describe('subsidy-summary.csv and the run summary', () => {
  it('sums subsidies.csv by enterprise and program', () => {
    const sums = new Map<string, Row>();
    for (const r of goldenRows()) {
      const key = `${r.enterprise_id}\u0000${r.program}`;
      const s = sums.get(key) ?? { enterprise_id: r.enterprise_id!, program: r.program!, claims: '0', eligible: '0', amount: '0.00' };
      s.claims = String(Number(s.claims) + 1);
      if (r.status === 'eligible') s.eligible = String(Number(s.eligible) + 1);
      s.amount = yuan(fen(s.amount!) + fen(r.amount!));
      sums.set(key, s);
    }
    const want = [...sums.values()].sort((a, b) => (a.enterprise_id! + '\u0000' + a.program! < b.enterprise_id! + '\u0000' + b.program! ? -1 : 1));
    expect(readCsv(golden('subsidy-summary.csv'))).toEqual(want.map((r) => withEnterpriseOf(r)));
    expect(want[0]!.enterprise_id).toBe(''); // claims without an employer first
    expect(want.find((s) => s.enterprise_id === INDIVIDUAL_BUSINESS && s.program === 'skill_upgrade')!.eligible).toBe('0');
  });

  it('gives the totals in summary.csv and on the terminal', () => {
    // from the decisions recomputed from the inputs, not from subsidies.csv
    const rows = recompute();
    const total = yuan(rows.reduce((a, r) => a + fen(r.amount!), 0));
    const eligible = rows.filter((r) => r.status === 'eligible').length;
    const want: [string, string][] = [
      ['claims', String(rows.length)],
      ['persons', String(new Set(rows.map((r) => r.person_id)).size)], // 身份证号 with the check character folded to upper case
      ['eligible', String(eligible)],
      ['ineligible', String(rows.length - eligible)],
      ['total_amount', total],
    ];
    const s = readCsv(golden('summary.csv')).filter((r) => r.calculator === 'training_subsidy').map((r): [string, string] => [r.item!, r.value!]);
    expect(s).toEqual(want);
    expect(first.stderr).toMatch(/Training subsidies \(职业技能培训补贴\)\n\s+claims\s+324\n\s+persons\s+227\n\s+eligible\s+245\n\s+ineligible\s+79\n/);
    const w = new Map(want);
    expect(first.stderr).toContain(
      `Training subsidies (职业技能培训补贴)\n    ${'claims'.padEnd(24)}${w.get('claims')}\n    ${'persons'.padEnd(24)}${w.get('persons')}\n` +
        `    ${'eligible'.padEnd(24)}${w.get('eligible')}\n    ${'ineligible'.padEnd(24)}${w.get('ineligible')}\n    ${'total amount'.padEnd(24)}${total}\n`,
    );
    expect(first.stderr).toMatch(new RegExp(`total amount\\s+${total.replace('.', '\\.')}\\n`));
  });

  it('shows no full 身份证号 on the terminal (run, subsidy)', () => {
    const ids = claims().map((c) => c.person_id);
    const sub = skilltax(subsidyArgs.concat(['--out', join(tempDir('skilltax-demo-subsidy-term-'), 'subsidies.csv')]));
    expect(sub.status).toBe(0);
    expect(sub.stderr).toBe('subsidy: 324 claims of 227 persons, 245 eligible, 79 ineligible, amount 407416.67\n');
    for (const text of [first.stdout, first.stderr, sub.stdout, sub.stderr]) {
      expect(text).not.toMatch(/\d{15}/);
      for (const id of ids) expect(text).not.toContain(id);
    }
  });

  it('reports the claims of one year with --year, decided against the earlier ones', () => {
    const r = skilltax([...subsidyArgs, '--year', '2023']);
    expect(r.status).toBe(0);
    const rows = readCsv(r.stdout);
    expect(rows).toEqual(withoutEnterprise(goldenRows().filter((x) => x.claim_date!.startsWith('2023'))));
    expect(rows.find((x) => x.claim_id === 'C2023-0082')!.reasons).toBe('yearly_cap_reached');
  });
});

describe('subsidy --explain on the demo', () => {
  const explain = (id: string) => {
    const r = skilltax([...subsidyArgs, '--explain', id, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  };
  const personOf = (id: string) => goldenRows().find((r) => r.claim_id === id)!.person_id!;
  /** the line of history.csv (header = line 1) paid to a person on a date */
  const historyLine = (person: string, paidDate: string) =>
    readCsv(readFileSync(demoFile('history.csv'))).findIndex((h) => h['身份证号'] === person && h['发放日期'] === paidDate) + 2;

  it.each(['C2023-0082', 'C2022-0047', 'C2024-0053', 'C2022-0011', 'C2023-0060', 'C2023-0029'])('masks the 身份证号 of %s: first 6 and last 4 shown', (id) => {
    const text = explain(id);
    const person = personOf(id);
    expect(text).toContain(`person ${person.slice(0, 6)}${'*'.repeat(8)}${person.slice(-4)}`);
    expect(text).not.toContain(person);
  });

  it('names the three claims of the year that counted against the 4th', () => {
    const text = explain('C2023-0082');
    expect(text).toContain('ineligible (yearly_cap_reached)');
    expect(text).toMatch(
      /yearly cap\s+yearly_cap_reached\s+= 3 counted subsidies already in 2023: claim C2023-0012 \(training, claimed 2023-02-20\), claim C2023-0030 \(training, claimed 2023-05-06\), claim C2023-0052 \(training, claimed 2023-07-03\) \(at most 3\)/,
    );
  });

  it('names the history rows and the claim that counted, in the year of their payment', () => {
    const person = personOf('C2024-0053');
    const text = explain('C2024-0053');
    expect(text).toContain(
      `3 counted subsidies already in 2024: history line ${historyLine(person, '2024-02-26')} (training, paid 2024-02-26), ` +
        `history line ${historyLine(person, '2024-04-18')} (skill_upgrade, paid 2024-04-18), claim C2024-0038 (training, claimed 2024-05-09)`,
    );
  });

  it('names the history row of the same occupation and level', () => {
    const line = historyLine(personOf('C2022-0047'), '2020-09-15');
    expect(explain('C2022-0047')).toMatch(new RegExp(`once per occupation and level\\s+duplicate_occupation_level\\s+= 育婴员 level 4 \\(中级工\\) already paid: history line ${line} \\(training, paid 2020-09-15\\)`));
  });

  it('names the claim that already used the certificate', () => {
    const text = explain('C2022-0011');
    expect(text).toMatch(/one subsidy per certificate\s+certificate_already_used\s+= certificate S\d+ already paid: claim C2021-0049 \(training, claimed 2021-11-08\)/);
    expect(text).toMatch(/once per occupation and level\s+duplicate_occupation_level\s+= 电工 level 4 \(中级工\) already paid: claim C2021-0049/);
  });

  it('shows the deciding date, the catalogue row and the months paid of a partial apprenticeship', () => {
    const text = explain('C2024-0050');
    expect(text).toContain('eligible 2500.00 (duration_exceeded)');
    expect(text).toMatch(/deciding date\s+2024-06-24\s+= the claim date/);
    expect(text).toMatch(/catalogue row\s+5000\.00 per_year\s+= line \d+: apprenticeship, occupation \*, level \*/);
    expect(text).toMatch(/months per person\s+duration_exceeded\s+= 12 claimed, 18 paid before, at most 24: 6 paid/);
    expect(text).toMatch(/amount\s+2500\.00\s+= round\(5000\.00 × 6 \/ 12\)/);
  });

  it('decides skill_upgrade by the certificate date: 36 insured months before 2019 (人社部发〔2017〕40号)', () => {
    const text = explain('C2019-0002');
    expect(text).toMatch(/deciding date\s+2018-12-28\s+= the certificate date/);
    expect(text).toMatch(/insured months\s+insured_months_insufficient\s+= 30 \(at least 36 for a certificate of 2018-12-28\)\s+\[人社部发〔2017〕40号\]/);
    expect(explain('C2019-0003')).toMatch(/insured months\s+ok\s+= 12 \(at least 12 for a certificate of 2019-01-01\)/);
  });

  it('shows the age on the deciding date and the limits', () => {
    expect(explain('C2023-0034')).toMatch(/working age\s+age_out_of_range\s+= 60 on 2023-04-18 \(man; 16 ≤ age < 60\)/);
    // the birth date would give away the digits the mask hides
    expect(explain('C2023-0034')).not.toContain('1963-04-18');
    expect(explain('C2022-0066')).toMatch(/working age\s+ok\s+= 59 on 2022-09-07 \(man; 16 ≤ age < 60\)/);
  });
});
