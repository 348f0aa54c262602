#!/usr/bin/env node
/**
 * Synthetic, deterministic subsidy claims for the `skilltax subsidy` benchmark:
 * `node bench/generate-claims.mjs [claims] [dir]` writes into dir (default bench/data-claims,
 * git-ignored)
 *   - trainees.csv: `claims` claims (CONTRACT §2) of about claims / 2 persons, all five programs;
 *   - catalog.csv: a county catalogue (~230 rows: `*` rows and occupation rows, two periods,
 *     urgent and shortage occupations, a certificate-type row, an occupation's own age limits);
 *   - history.csv: subsidies paid before, about a quarter as many rows as claims, mostly to
 *     persons who claim again (their certificates, levels, months and years count);
 *   - qualifications.csv: a few employers that are 个体工商户 (skill_upgrade excluded).
 * and returns the manifest `{ files: { name: { rows, bytes } }, claims, persons, … }`.
 *
 * The claims exercise the rules across claims and history (RULES §4.2): the same person claiming
 * the next level, the same occupation and level twice, a lower level after a higher one, a
 * certificate number already paid (to the same or another person), four subsidies in one year,
 * work_based and apprenticeship months past their limits, shortage_post twice and under the old
 * monthly regime; and the per-claim rules: invalid 身份证号 (wrong check character; right check
 * character but no calendar birth date; malformed), ages outside the working age, excluded groups
 * and routes, late claims, claims before the certificate, levels not covered, short contracts
 * and insurance. Claims are written in person order, not in (claim_date, claim_id) order.
 *
 * The same arguments always give byte-identical files (mulberry32, no clock). Needs the build
 * (`npm run build`) for the project's check-character helpers (GB 11643-1999, GB 32100-2015).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../scripts/prng.mjs';
import { enterpriseId, writer } from './generate.mjs';

export const DEFAULT_CLAIMS = 200_000;
export const DEFAULT_CLAIMS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data-claims');
const SEED = 20240913;
const GENERATOR_VERSION = 1;

const { personIdCheckChar } = await import(new URL('../dist/domain/ids.js', import.meta.url).href);

/** Occupations of the catalogue; the first SHORTAGE are on the shortage list, URGENT ones are 急需 (2025). */
const OCCUPATIONS = [
  '数控车工', '电工', '焊工', '钳工', '车工', '铣工', '磨工', '模具工', '工业机器人系统操作员', '汽车维修工',
  '电梯安装维修工', '制冷空调系统安装维修工', '中式烹调师', '中式面点师', '西式面点师', '育婴员', '保育员', '养老护理员',
  '家政服务员', '美容师', '美发师', '电子商务师', '互联网营销师', '物流服务师', '仓储管理员', '计算机程序设计员',
  '网络与信息安全管理员', '茶艺师', '评茶员', '保健按摩师', '插花花艺师', '砌筑工', '混凝土工', '钢筋工', '架子工',
  '防水工', '装饰装修工', '化学检验员', '眼镜验光员', '挡车工',
];
const SHORTAGE = 8;
const URGENT = new Set(['工业机器人系统操作员', '养老护理员', '网络与信息安全管理员', '电工']);
/** Occupations with their own training amounts by level (the rest take the `*` rows). */
const OWN_TRAINING = 24;
const REGIONS = ['330282', '330281', '330203', '330206', '330211', '330212', '330213', '330226', '330225', '330283'];
const GROUPS = [
  ['employee', 0.6], ['rural_migrant', 0.1], ['unemployed', 0.07], ['hard_to_employ', 0.04], ['veteran', 0.03],
  ['graduate', 0.06], ['school_leaver', 0.02], ['poverty_monitored', 0.02], ['unemployment_benefit', 0.05], ['public_staff', 0.01],
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钟姜崔谭陆汪范金石廖贾夏韦方邹熊孟秦白江阎薛尹段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玲红梅鑫斌宇浩凯健俊帆帅旭宁龙林欣怡佳琪子豪晓东志刚思琪立新国平建国美华家乐';

const pad2 = (n) => String(n).padStart(2, '0');
const yuan = (fen) => `${Math.floor(fen / 100)}.${pad2(fen % 100)}`;
const DAY = 86_400_000;
/** Day number (days since 1970-01-01) → YYYY-MM-DD. */
const iso = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
/** A tenth of the dates in the 2018/3/5 form exports use. */
const slashed = (s) => `${s.slice(0, 4)}/${Number(s.slice(5, 7))}/${Number(s.slice(8, 10))}`;

/** generate.mjs's writer, counting the rows written after the header (generate-fund.mjs uses it too). */
export function counted(path) {
  const w = writer(path);
  let rows = -1;
  return {
    line(s) {
      w.line(s);
      rows++;
    },
    close: () => ({ rows, bytes: w.close() }),
  };
}

/** The catalogue rows, as CSV lines (header first). */
function catalogLines() {
  const lines = ['program,occupation,level,amount,unit,valid_from,valid_to,shortage,urgent,certificate_type,min_age,max_age_male,max_age_female,source'];
  const row = (program, occ, level, fen, unit, from, to = '', more = {}) =>
    lines.push(
      [program, occ, level, yuan(fen), unit, from, to, more.shortage ?? '', more.urgent ?? '', more.certificate_type ?? '', more.min_age ?? '', more.max_age_male ?? '', more.max_age_female ?? '', more.source ?? ''].join(','),
    );
  const BY_LEVEL = { 5: 100_000, 4: 150_000, 3: 200_000, 2: 250_000, 1: 300_000 };
  for (const l of [5, 4, 3, 2, 1]) {
    row('training', '*', l, BY_LEVEL[l] * 0.8, 'per_claim', '2018-01-01', '2020-12-31', { source: '甬人社发〔2018〕 (bench example)' });
    row('training', '*', l, BY_LEVEL[l], 'per_claim', '2021-01-01', '', { source: '杭人社发〔2020〕43号 (bench example)' });
  }
  // A special operation certificate (特种作业) pays a flat amount at level 5.
  row('training', '*', 5, 80_000, 'per_claim', '2021-07-01', '', { certificate_type: 'special_operation' });
  OCCUPATIONS.slice(0, OWN_TRAINING).forEach((occ, i) => {
    for (const l of [5, 4, 3, 2, 1]) row('training', occ, l, BY_LEVEL[l] + 10_000 * (1 + (i % 5)), 'per_claim', '2022-01-01', '', { shortage: i < SHORTAGE ? 'yes' : 'no' });
  });
  // 家政服务员: women up to 55 (the occupation's own limits replace the general working age).
  row('training', '家政服务员', '*', 120_000, 'per_claim', '2021-01-01', '', { min_age: 16, max_age_male: 60, max_age_female: 55 });
  for (const l of [5, 4, 3]) {
    row('skill_upgrade', '*', l, BY_LEVEL[l], 'per_claim', '2018-01-01', '2020-12-31');
    row('skill_upgrade', '*', l, BY_LEVEL[l] + 20_000, 'per_claim', '2021-01-01');
  }
  for (const occ of URGENT) for (const l of [5, 4, 3]) row('skill_upgrade', occ, l, BY_LEVEL[l] + 50_000, 'per_claim', '2023-01-01', '', { urgent: 'yes' });
  row('apprenticeship', '*', '*', 500_000, 'per_year', '2021-01-01', '', { certificate_type: 'skill_level' });
  row('apprenticeship', '*', '*', 400_000, 'per_year', '2021-06-01', '', { certificate_type: 'none' });
  row('work_based', '*', '*', 50_000, 'per_month', '2020-01-01', '2021-12-31');
  OCCUPATIONS.slice(0, SHORTAGE).forEach((occ) => {
    row('shortage_post', occ, 2, 1_000_000, 'per_claim', '2023-01-01', '', { shortage: 'yes' });
    row('shortage_post', occ, 1, 2_000_000, 'per_claim', '2023-01-01', '', { shortage: 'yes' });
  });
  row('shortage_post', '*', '*', 0, 'per_claim', '2023-01-01', '', { shortage: 'no', source: '甬人社发〔2023〕22号 (other occupations: not on the list)' });
  return lines;
}

/**
 * Writes trainees.csv, catalog.csv, history.csv and qualifications.csv for `claims` claims into
 * `dir` and returns the manifest (rows without the header, bytes written).
 */
export function generateClaims(claims = DEFAULT_CLAIMS, dir = DEFAULT_CLAIMS_DIR) {
  if (!Number.isInteger(claims) || claims < 1) throw new Error(`claims must be a whole number of 1 or more (got ${claims})`);
  mkdirSync(dir, { recursive: true });
  const rnd = mulberry32(SEED);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const chance = (p) => rnd() < p;
  const between = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));

  const catalog = counted(join(dir, 'catalog.csv'));
  for (const l of catalogLines()) catalog.line(l);

  const enterprises = Math.max(20, Math.min(50_000, Math.ceil(claims / 25)));
  const employers = Array.from({ length: enterprises }, (_, i) => enterpriseId(i));
  const quals = counted(join(dir, 'qualifications.csv'));
  quals.line('enterprise_id,qualification,valid_from,valid_to');
  employers.forEach((id, i) => {
    if (i % 37 === 5) quals.line(`${id},individual_business,2019-01-01,`);
    else if (i % 41 === 7) quals.line(`${id},individual_business,2022-06-01,2023-12-31`);
    else if (i % 23 === 3) quals.line(`${id},high_tech,2020-01-01,2022-12-31`);
  });

  const trainees = counted(join(dir, 'trainees.csv'));
  trainees.line('claim_id,person_id,name,program,group,enterprise_id,occupation,level,certificate_type,certificate_no,certificate_date,route,insured_months,contract_months,months,claim_date');
  const history = counted(join(dir, 'history.csv'));
  history.line('person_id,program,paid_date,amount,occupation,level,certificate_no,months');

  const FIRST = dayOf(2019, 1, 1);
  const LAST = dayOf(2025, 6, 30);
  /** recent certificate numbers of anyone, some claimed again (by the same person or another) */
  const recentCerts = [];
  let certSerial = 0;
  let claimSerial = 0;
  let persons = 0;
  let written = 0;
  const groupCum = [];
  let acc = 0;
  for (const [g, p] of GROUPS) groupCum.push([g, (acc += p)]);
  const drawGroup = () => {
    const x = rnd() * acc;
    return groupCum.find(([, c]) => x < c)[0];
  };
  const newCert = (year) => {
    certSerial++;
    const no = chance(0.5) ? `S0000${REGIONS[certSerial % REGIONS.length]}${String(year).slice(2)}${String(certSerial).padStart(7, '0')}` : `${year}${REGIONS[certSerial % REGIONS.length]}${String(certSerial).padStart(7, '0')}`;
    if (recentCerts.length < 512) recentCerts.push(no);
    else recentCerts[certSerial % 512] = no;
    return no;
  };
  const date = (day) => (chance(0.1) ? slashed(iso(day)) : iso(day));

  /** A person: 身份证号 (mostly valid), sex, birth day, group, employer. */
  function person(n) {
    const region = REGIONS[Math.floor(n / 1000) % REGIONS.length];
    // Ages at the claims mostly 18–55; a few older (past the working age) or 15.
    const by = chance(0.03) ? between(1955, 1963) : chance(0.01) ? 2009 : between(1972, 2004);
    const bm = between(1, 12);
    const bd = between(1, 28);
    const seq = String(n % 1000).padStart(3, '0');
    const first17 = `${region}${by}${pad2(bm)}${pad2(bd)}${seq}`;
    const valid = first17 + personIdCheckChar(first17);
    let shown = valid;
    const bad = rnd();
    if (bad < 0.006) {
      // wrong check character, right format
      const right = valid[17];
      shown = first17 + ('0123456789X'.replace(right, '')[between(0, 9)]);
    } else if (bad < 0.01) {
      // right check character for digits whose birth date is no calendar date (30 February, month 13)
      const b17 = `${region}${by}${chance(0.5) ? '0230' : `13${pad2(bd)}`}${seq}`;
      shown = b17 + personIdCheckChar(b17);
    } else if (bad < 0.012) {
      shown = valid.slice(0, 17); // 17 characters
    } else if (bad < 0.02 && valid.endsWith('X')) {
      shown = valid.toLowerCase(); // lower-case x: upper-cased when read, valid
    }
    const group = drawGroup();
    const employed = group === 'employee' || (group === 'rural_migrant' && chance(0.6));
    return {
      id: shown,
      valid: shown === valid || shown === valid.toLowerCase(),
      name: SURNAMES[between(0, SURNAMES.length - 1)] + GIVEN[between(0, GIVEN.length - 1)] + (chance(0.6) ? GIVEN[between(0, GIVEN.length - 1)] : ''),
      group,
      employer: employed && !chance(0.03) ? employers[Math.floor(Math.pow(rnd(), 1.5) * enterprises)] : '',
      occupation: OCCUPATIONS[Math.floor(Math.pow(rnd(), 1.3) * OCCUPATIONS.length)],
    };
  }

  const claimLine = (p, c) => {
    claimSerial++;
    const claimDate = iso(c.claim);
    const id = `C${claimDate.slice(0, 4)}-${String((claimSerial * 7919) % 10_000_000).padStart(7, '0')}`;
    trainees.line(
      [
        id,
        p.id,
        p.name,
        c.program,
        c.group ?? p.group,
        c.employer ?? p.employer,
        c.occupation ?? '',
        c.level ?? '',
        c.certType ?? '',
        c.certNo ?? '',
        c.cert === undefined ? '' : date(c.cert),
        c.route ?? '',
        c.insured ?? '',
        c.contract ?? '',
        c.months ?? '',
        chance(0.1) ? slashed(claimDate) : claimDate,
      ].join(','),
    );
    written++;
  };
  const historyLine = (p, program, paid, fen, more = {}) => {
    if (!p.valid) return; // history holds payments made: their 身份证号 are valid
    history.line([p.id.toUpperCase(), program, date(paid), yuan(fen), more.occupation ?? '', more.level ?? '', more.certNo ?? '', more.months ?? ''].join(','));
  };
  const clampDay = (d) => Math.max(FIRST, Math.min(LAST, d));

  while (written < claims) {
    const p = person(persons++);
    const left = claims - written;
    // Claims of this person: 1 (half), 2, 3 … up to 8.
    let n = 1;
    while (n < 8 && chance(0.5)) n++;
    n = Math.min(n, left);
    const kind = rnd();
    const start = between(FIRST, LAST - 200);

    if (kind < 0.55) {
      // Training and skill upgrading along one occupation: level 5 upward, certificates a few months apart.
      const program = p.employer && chance(0.35) ? 'skill_upgrade' : 'training';
      let level = chance(0.8) ? 5 : between(3, 4);
      let occ = p.occupation;
      let cert = start;
      let ownLast;
      // Some persons were paid before: the level below, or the same occupation and level (a repeat).
      if (chance(0.35)) {
        const paid = cert - between(60, 900);
        const prevLevel = level;
        if (!chance(0.15)) level--; // else the same occupation and level again
        const no = newCert(Number(iso(paid).slice(0, 4)));
        historyLine(p, chance(0.8) ? program : 'training', paid, 100_000, { occupation: occ, level: prevLevel, certNo: chance(0.05) ? recentCerts[0] : no });
        if (chance(0.1)) ownLast = no;
      }
      for (let k = 0; k < n; k++) {
        const r = rnd();
        let certNo = newCert(Number(iso(cert).slice(0, 4)));
        let lvl = level;
        if (r < 0.04) lvl = Math.min(5, level + 1); // a lower level after the higher one
        else if (r < 0.06 && ownLast) certNo = ownLast; // the same certificate twice
        else if (r < 0.08) certNo = recentCerts[between(0, recentCerts.length - 1)]; // someone's certificate
        else if (r < 0.1) occ = pick(OCCUPATIONS); // another occupation
        const late = chance(0.04) ? between(370, 600) : between(5, 330);
        const claim = chance(0.01) ? cert - between(1, 30) : clampDay(cert + late);
        const certType = chance(0.01) ? 'none' : occ === '电工' && chance(0.3) ? 'special_operation' : chance(0.6) ? 'skill_level' : 'qualification';
        claimLine(p, {
          program,
          occupation: chance(0.005) ? ` ${occ}` : occ,
          level: chance(0.01) ? '' : program === 'skill_upgrade' && chance(0.05) ? 2 : lvl,
          certType,
          certNo: chance(0.01) ? '' : certNo,
          cert: chance(0.005) ? undefined : cert,
          route: chance(0.05) ? pick(['self_evaluation', 'dual_certificate', 'apprenticeship', 'competition']) : chance(0.5) ? 'standard' : '',
          insured: program === 'skill_upgrade' ? (chance(0.1) ? between(0, 11) : between(12, 180)) : '',
          claim,
        });
        ownLast = certNo;
        // Next certificate: mostly the next level some months on; sometimes the same level again.
        if (level === 1) {
          occ = pick(OCCUPATIONS);
          level = 5;
        } else if (chance(0.9)) level--;
        cert = clampDay(cert + (chance(0.25) ? between(10, 60) : between(90, 500)));
      }
    } else if (kind < 0.7) {
      // Several programs in one year: the fourth counted subsidy of a year is over the cap.
      const year = between(2021, 2024);
      let day = dayOf(year, 1, 5) + between(0, 120);
      if (chance(0.3)) historyLine(p, 'training', day - between(1, 60), 100_000, { occupation: pick(OCCUPATIONS), level: 5, certNo: newCert(year) });
      for (let k = 0; k < n; k++) {
        const occ = OCCUPATIONS[(OCCUPATIONS.indexOf(p.occupation) + k * 3) % OCCUPATIONS.length];
        const cert = day - between(10, 80);
        claimLine(p, { program: 'training', occupation: occ, level: pick([5, 4, 3]), certType: 'skill_level', certNo: newCert(year), cert, route: 'standard', claim: day });
        day += between(7, 45);
      }
    } else if (kind < 0.8) {
      // work_based (以工代训, 2020–2021): months per person at most 6, the rest paid in part.
      let day = dayOf(2020, 1, 1) + between(0, 600);
      if (chance(0.3)) historyLine(p, 'work_based', day - between(20, 100), 50_000 * 2, { months: between(1, 4) });
      for (let k = 0; k < n; k++) {
        claimLine(p, { program: 'work_based', occupation: p.occupation, months: between(1, 4), claim: clampDay(day), employer: p.employer || employers[between(0, enterprises - 1)] });
        day += between(20, 200);
      }
    } else if (kind < 0.9) {
      // Apprenticeship (企业新型学徒制): at most 24 months per person, a contract of 12 months or more.
      let day = dayOf(2021, 1, 1) + between(0, 1500);
      if (chance(0.25)) historyLine(p, 'apprenticeship', day - between(200, 400), 500_000, { months: 12 });
      for (let k = 0; k < n; k++) {
        claimLine(p, {
          program: 'apprenticeship',
          occupation: p.occupation,
          level: pick([4, 3]),
          certType: chance(0.5) ? 'skill_level' : '',
          contract: chance(0.1) ? between(6, 11) : between(12, 60),
          months: pick([6, 12, 12, 12]),
          claim: clampDay(day),
          employer: p.employer || employers[between(0, enterprises - 1)],
        });
        day += between(150, 400);
      }
    } else {
      // shortage_post (甬人社发〔2023〕22号): once per person; a person first paid under the old monthly
      // regime (before 2023) keeps being paid by the month, up to 36 months within 5 years.
      const occ = chance(0.7) ? OCCUPATIONS[between(0, SHORTAGE - 1)] : p.occupation;
      const level = chance(0.9) ? pick([1, 2]) : 3;
      const monthly = chance(0.4);
      let day = monthly ? dayOf(2023, 1, 1) + between(0, 800) : dayOf(2023, 1, 1) + between(0, 880);
      if (monthly) historyLine(p, 'shortage_post', dayOf(2019, 1, 1) + between(0, 1400), 50_000 * 6, { occupation: occ, level, months: between(3, 24) });
      else if (chance(0.05)) historyLine(p, 'shortage_post', dayOf(2023, 1, 1) + between(0, 300), 1_000_000, { occupation: occ, level });
      const cert = day - between(200, 2500);
      for (let k = 0; k < n; k++) {
        claimLine(p, {
          program: 'shortage_post',
          occupation: occ,
          level,
          certType: 'qualification',
          certNo: newCert(Number(iso(cert).slice(0, 4))),
          cert,
          insured: chance(0.1) ? between(0, 11) : between(12, 120),
          contract: chance(0.1) ? between(12, 35) : between(36, 60),
          months: monthly ? between(3, 12) : '',
          claim: clampDay(day),
          employer: p.employer || employers[between(0, enterprises - 1)],
          group: p.group === 'public_staff' ? 'employee' : undefined,
        });
        day += between(60, 300);
      }
    }
    // Persons paid before who claim nothing now (their payments are read and indexed all the same).
    if (chance(0.1)) {
      const q = person(persons++);
      historyLine(q, 'training', between(FIRST - 300, LAST - 400), 100_000, { occupation: q.occupation, level: 5, certNo: newCert(2020) });
    }
  }

  const files = {
    'trainees.csv': trainees.close(),
    'catalog.csv': catalog.close(),
    'history.csv': history.close(),
    'qualifications.csv': quals.close(),
  };
  return { generator: GENERATOR_VERSION, seed: SEED, claims: written, persons, enterprises, files };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const claims = process.argv[2] === undefined ? DEFAULT_CLAIMS : Number(process.argv[2].replace(/[_,]/g, ''));
  const dir = resolve(process.argv[3] ?? DEFAULT_CLAIMS_DIR);
  const t0 = process.hrtime.bigint();
  const m = generateClaims(claims, dir);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const f = m.files;
  process.stdout.write(
    `wrote ${dir}: trainees.csv ${m.claims} claims of ${m.persons} persons (${(f['trainees.csv'].bytes / 1e6).toFixed(1)} MB), ` +
      `history.csv ${f['history.csv'].rows} rows, catalog.csv ${f['catalog.csv'].rows} rows, qualifications.csv ${f['qualifications.csv'].rows} rows in ${s.toFixed(1)} s\n`,
  );
}
