#!/usr/bin/env node
/**
 * Writes the inputs of fixtures/demo: seven Cixi enterprises, 2016–2024, for the employee
 * education expense deduction (职工教育经费, RULES §1), plus surcharge returns 2023–2024 of two
 * of them and of two more that only file returns, for the 产教融合 credit and the education
 * surcharges (RULES §2), and training subsidy claims with the subsidies paid before (RULES §4).
 * Deterministic: fixed-seed PRNGs (one per part, so that adding to one part leaves the others'
 * files as they were), no clock, integer fen throughout. Run `node scripts/make-demo.mjs
 * [OUTDIR] [--quiet] [--cases]` after `npm run build` (default fixtures/demo; --cases lists the claim_id of each
 * subsidy scenario), then regenerate the golden files with `node scripts/update-golden.mjs`.
 *
 * Who exercises what (enterprise_id prefix 91330282 = 慈溪市):
 *   A 周巷镇 bearing     general enterprise: 2.5% before 2018 (2017 spend above it → small
 *                        carry into 2018), 8% from 2018.
 *   B 观海卫镇 appliance  高新技术企业 (three certificates 2015–2024): 8% in 2016 and 2017
 *                        (财税〔2015〕63号); the 2017 spend is above even 8% → carry into 2018.
 *   C 坎墩街道 software   软件企业 (software_ic from 2016): separately accounted training in
 *                        full (row 6) every year, with a 2022 accrual (full book ≠ incurred);
 *                        payroll by employee (employee_id), the only one.
 *   D 宗汉街道 textile    accrual: 2019 book 90,000.00, incurred 60,000.00 (adjustment +30,000);
 *                        the 30,000.00 is spent in 2020 with book 0.00 (negative adjustment).
 *   E 龙山镇 moulds       big 2017 spend (订单班 with a vocational college) far above the 2.5%
 *                        cap, absorbed by the 8% cap over the following years.
 *   F 逍林镇 auto parts   opening balance 50,000.00 brought in through ledger.csv (2017,
 *                        closing only); its data start in 2018.
 *   G 新浦镇 food         starts in 2020: computed from its first year only; its 2024 spend
 *                        (new cold-chain plant) is above 8%, so 2024 ends with a carryforward.
 *
 * The 产教融合 credit and the education surcharges (surcharges.csv, 2023-01 … 2024-12):
 *   A 周巷镇 bearing     monthly general taxpayer, exporter: 免抵税额 in the base every month, a
 *                        留抵退税 deduction in 2023-02, surcharges prepaid elsewhere (paid) in
 *                        2023-09 and 2024-06; no relief, no credit.
 *   C 坎墩街道 software   产教融合型企业 (pcie_pilot from 2021-12-20), monthly; 小型微利企业 in 2024
 *                        only, so the credit stacks on the 50% reduction then. A big 2023-03
 *                        investment (30% half-up: 86,418.35 → 25,925.51) is absorbed month by month;
 *                        a withdrawal in 2023-08 (−10,000.00: the pool shrinks, stays above zero);
 *                        used up in 2024-04 by the proportional split (819.65 → 491.79 + 327.86);
 *                        nothing in the pool in 2024-05; two investments in 2024-06 credited
 *                        together (19,567.85 → 5,870.36, half-up again); one in 2024-12 that is
 *                        partly still in the pool at the end of 2024.
 *   H 浒山街道 hardware   new, returns only: 小规模纳税人 (small_scale_vat), quarterly: 六税两费 50%
 *                        reduction every quarter but 2023-Q1, whose sales (286,400.00 ≤ 300,000)
 *                        make it exempt (VAT on special invoices only); a prepayment in 2024-Q2.
 *   I 附海镇 parts        new, returns only: 小型微利企业 (small_low_profit), monthly general
 *                        taxpayer with sales around 100,000: exempt in the months at or below it
 *                        (2023-04 exactly 100,000.00), reduced by 50% in the others (2023-05:
 *                        100,000.01).
 *
 * The training subsidies (RULES §4; trainees.csv, history.csv, catalog.csv): 324 claims of 227
 * persons born in Cixi (身份证号 area code 330282), 2019 and 2021–2024, in the five programs and the
 * nine groups, by employees of the enterprises above (and of J, a 个体工商户 car-repair shop that
 * only appears here: qualifications.csv marks it individual_business) and by people without an
 * employer. About ninety scripted claims exercise one rule each (their `tag`; `--cases` prints
 * the claim_id of each): once per occupation and level (in the file, across programs, against the
 * history, the same certificate handed in twice on one day), the 4th counted claim of a year
 * (history counting by its paid date, an apprenticeship counting, 以工代训 and refused claims not
 * counting), the 12-month window (exactly 12 months in time, the day after late, 2023-02-28 →
 * 2024-02-29 late), a lower level after a higher one, a reused certificate, invalid 身份证号 (check
 * character, 1987-02-29, 15 digits; a valid one written with a small x), ages at the limits on
 * the deciding date, excluded routes, skill_upgrade insured months around 2019-01-01 (the demo
 * catalogue adds the 2018–2019 skill_upgrade rows to fixtures/catalog-example.csv for them), the
 * apprenticeship 24 and 以工代训 6 month limits (partial payment, none left), and the shortage post
 * conditions. The other claims are ordinary claimants, mostly in order, some late or on an
 * excluded route as in real batches. Expected decisions: test/demo-subsidy.test.ts.
 *
 * The talent awards (RULES §5; awards.csv, award-history.csv, 2016–2024): a master studio with its
 * city grant in the history, yearly reviews 2016–2024 (a break in 2018, then six excellent years:
 * the reward falls due in 2021, and a second run of three in 2024 is refused under the default
 * `once`), promoted to Ningbo level in 2022 and claiming its city grant again in 2023; a second
 * studio whose third excellent review follows a year without one (2023); the three 上林 titles
 * (one person twice with two titles, one again after a title in the history); the 2024 技能之星
 * event (ranks 1–4, one 身份证号 with a wrong check character, a winner of the 2022 event in the
 * history); housing allowances (高级技师, 技师, 高级工, one person twice); the retention counts of A
 * (up, then equal) and D (lower); and two enterprise reviews (good, excellent). Expected
 * decisions: test/demo-awards.test.ts.
 *
 * The school property exemptions (RULES §3; properties.csv): a vocational school run by B (an
 * enterprise school) with a teaching building (2023, 2024), a building rented out from May 2024, land
 * shared with the factory and separate land (from April 2024), its staff training centre on farmland,
 * a teaching building on basic farmland and staff housing on farmland; and a deed on each side of
 * 2021-09-01 for a non-profit school and for a for-profit school. Fixed rows, no random draws.
 * Expected decisions: test/demo-exempt.test.ts.
 *
 * The bureau's view of the subsidy fund (issue #15; certificates.csv, insurance.csv, providers.csv,
 * fund.csv), matched as of 2024-12-31: the certificate registry lists most certificates of the
 * skill_upgrade claims (claimed; a few issued outside Cixi are missing) and every certificate of the
 * history (paid); 17 certificates nobody claimed whose 12-month window is still open on 2024-12-31
 * (P003's same-day batch of twelve 电工 初级工 on 2024-06-21, among them a move from D to F in
 * mid-2023 with a month paid by both, an eight-month gap, a holder insured only 9 months; one a
 * week from its deadline; a move from B to I; an enterprise's own evaluation; the next level of a
 * claimant's 2019 certificate; a second certificate of an occupation and level a claimant was paid
 * for in 2024), 5 whose window closed before it (the last by two days), a claimed certificate
 * registered to another person (conflict), and one person twice with one number (duplicate).
 * insurance.csv has their unemployment-insurance months (the two claimants' counted back from
 * their claims). Three providers: P001 (4 stars, filed from 2018), P002 (备案 2019-01-01 …
 * 2022-06-30, three certificates trained after it, one issued a week before its training ended),
 * P003 (2 stars, the batch). fund.csv: the skill_upgrade allocations 2019–2024 and the whole fund
 * (`*`) of every year for the other programs, none overspent.
 *
 * training.csv and trainees.csv are written in GB18030 with Chinese headers and labels and CRLF
 * line ends, as Excel on Chinese Windows saves them (the 产教融合投资 rows are in training.csv too);
 * history.csv and award-history.csv are UTF-8 with a BOM and Chinese headers (Excel's "CSV UTF-8");
 * the other files are UTF-8 (certificates.csv, insurance.csv, providers.csv and fund.csv with
 * the canonical English headers and codes).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { mulberry32 } from './prng.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The check characters come from the built project (`npm run build` first).
const { personIdCheckChar, withUsccCheck } = await import(new URL('../dist/domain/ids.js', import.meta.url).href);
const args = process.argv.slice(2);
const OUT = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'fixtures', 'demo'));
const FIRST_YEAR = 2016;
const LAST_YEAR = 2024;

// ── check characters: the project's own (GB 32100-2015, GB 11643-1999; RULES §6) ─────────
const uscc = withUsccCheck;

// ── deterministic randomness (mulberry32, fixed seed: scripts/prng.mjs) ─────────────────
const rand = mulberry32(20240531);
const between = (lo, hi) => lo + (hi - lo) * rand();
const pick = (list) => list[Math.floor(rand() * list.length)];

// ── money in integer fen ─────────────────────────────────────────────────────────────
/** 1234567 → "12345.67", -1234567 → "-12345.67" */
const plain = (fen) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
/** 1234567 → "12,345.67" (Excel's display format, as a Chinese Windows export has it) */
const grouped = (fen) => {
  const [int, dec] = plain(fen).split('.');
  return `${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${dec}`; // the sign is no digit: "-12,345.67"
};
/** fen × fraction, to the fen (a plain float is fine here: this only makes up data) */
const share = (fen, fraction) => Math.round(fen * fraction);
/** x^n by repeated multiplication: IEEE products are exact everywhere, Math.pow need not be */
const power = (x, n) => {
  let r = 1;
  for (let i = 0; i < n; i++) r *= x;
  return r;
};

// ── the enterprises ─────────────────────────────────────────────────────────────────
const ENTERPRISES = [
  {
    key: 'A', id: uscc('91330282144073961'), name: '慈溪市周巷华锐轴承有限公司', town: '周巷镇', industry: '轴承制造',
    first: 2016, wages2016: 4_180_000, growth: 0.055,
    edu: { 2016: 0.021, 2017: 0.029, 2018: 0.034, 2019: 0.030, 2020: 0.018, 2021: 0.027, 2022: 0.031, 2023: 0.035, 2024: 0.033 },
    topics: ['数控磨床操作技能培训', '轴承热处理工艺培训', '安全生产教育培训', '电工特种作业操作证复审培训', '质量管理体系内审员培训', '新员工岗前培训', '职业技能等级认定培训费'],
  },
  {
    key: 'B', id: uscc('91330282725183640'), name: '慈溪市观海卫智能电器有限公司', town: '观海卫镇', industry: '家用电器制造',
    first: 2016, wages2016: 5_620_000, growth: 0.07,
    edu: { 2016: 0.055, 2017: 0.086, 2018: 0.050, 2019: 0.062, 2020: 0.045, 2021: 0.070, 2022: 0.066, 2023: 0.072, 2024: 0.068 },
    topics: ['研发人员嵌入式控制技术进修', '智能家电产品设计培训', '工业机器人操作与维护培训', '精益生产管理培训', '安全生产教育培训', '技能大师工作室带徒培训', '职工学历教育学费报销'],
  },
  {
    key: 'C', id: uscc('91330282MA2CL4RK1'), name: '慈溪坎墩云帆软件科技有限公司', town: '坎墩街道', industry: '软件开发',
    first: 2016, staffFrom: { 2016: 10, 2017: 11, 2018: 12, 2019: 13, 2020: 13, 2021: 14, 2022: 15, 2023: 16, 2024: 16 },
    edu: { 2016: 0.018, 2017: 0.016, 2018: 0.021, 2019: 0.019, 2020: 0.015, 2021: 0.022, 2022: 0.020, 2023: 0.024, 2024: 0.023 },
    full: { 2016: 0.032, 2017: 0.041, 2018: 0.036, 2019: 0.048, 2020: 0.030, 2021: 0.044, 2022: 0.050, 2023: 0.046, 2024: 0.039 },
    topics: ['项目管理培训', '信息安全意识培训', '新员工入职培训', '职工学历教育学费报销'],
    fullTopics: ['Java企业级开发专项培训（单独核算）', '嵌入式软件开发培训（单独核算）', '云原生架构培训（单独核算）', '软件测试工程师培训（单独核算）', '数据库管理员认证培训（单独核算）'],
  },
  {
    key: 'D', id: uscc('91330282254907316'), name: '慈溪市宗汉锦纶纺织有限公司', town: '宗汉街道', industry: '纺织',
    first: 2016, wages2016: 2_960_000, growth: 0.03,
    edu: { 2016: 0.020, 2017: 0.022, 2018: 0.024, 2020: 0.021, 2021: 0.023, 2022: 0.019, 2023: 0.025, 2024: 0.022 },
    topics: ['纺织机械挡车工技能培训', '印染工艺培训', '安全生产教育培训', '班组长管理培训', '新员工岗前培训'],
  },
  {
    key: 'E', id: uscc('91330282683914527'), name: '慈溪市龙山精工模具有限公司', town: '龙山镇', industry: '模具制造',
    first: 2016, wages2016: 3_240_000, growth: 0.045,
    edu: { 2016: 0.018, 2018: 0.040, 2019: 0.042, 2020: 0.030, 2021: 0.050, 2022: 0.055, 2023: 0.050, 2024: 0.060 },
    topics: ['模具设计CAD/CAM培训', '数控加工中心操作培训', '钳工技能等级培训', '安全生产教育培训', '新员工岗前培训'],
  },
  {
    key: 'F', id: uscc('91330282MA28PY6G0'), name: '慈溪市逍林汽车配件有限公司', town: '逍林镇', industry: '汽车零部件制造',
    first: 2018, wages2016: 1_980_000, growth: 0.05,
    edu: { 2018: 0.060, 2019: 0.065, 2020: 0.040, 2021: 0.052, 2022: 0.048, 2023: 0.055, 2024: 0.050 },
    topics: ['IATF16949质量体系培训', '焊接技能培训', '冲压设备操作培训', '安全生产教育培训', '新员工岗前培训'],
  },
  {
    key: 'G', id: uscc('91330282MA2GQ7WE5'), name: '慈溪市新浦海鲜食品有限公司', town: '新浦镇', industry: '食品加工',
    first: 2020, wages2016: 1_420_000, growth: 0.06,
    edu: { 2020: 0.012, 2021: 0.018, 2022: 0.025, 2023: 0.021, 2024: 0.092 },
    topics: ['食品安全管理员培训', 'HACCP体系培训', '冷链仓储操作培训', '新员工岗前培训', '冷链新厂区全员转岗培训'],
  },
];
const byKey = Object.fromEntries(ENTERPRISES.map((e) => [e.key, e]));

// Wages are paid with the year-end bonus in January and less in the Spring Festival month.
const SEASON = [1.45, 0.8, 0.975, 0.975, 0.975, 0.975, 0.975, 0.975, 0.975, 0.975, 0.975, 0.975];
const COVID = { 2020: 0.93 };
const months = (year) => SEASON.map((_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

// ── payroll ──────────────────────────────────────────────────────────────────────────
const payroll = []; // [id, period, wages(fen), employee_id]
const wagesOf = new Map(); // `${key}:${year}` → fen

function annualWages(e, year) {
  // yuan for the year, growing from 2016's level; 2020 dips (COVID-19)
  return e.wages2016 * power(1 + e.growth, year - 2016) * (COVID[year] ?? 1);
}

for (const e of ENTERPRISES) {
  for (let year = e.first; year <= LAST_YEAR; year++) {
    let total = 0;
    if (e.key === 'C') {
      // Payroll by employee: staff YF001… join in order and stay; salary rises 8% a year.
      const staff = e.staffFrom[year];
      for (let n = 1; n <= staff; n++) {
        const empId = `YF${String(n).padStart(3, '0')}`;
        const base = (12_000 + ((n * 3_700) % 16_000)) * power(1.08, year - 2016) * (COVID[year] ?? 1);
        months(year).forEach((period, m) => {
          const bonus = m === 0 ? base * 1.5 : 0;
          const fen = Math.round((base + bonus) * between(0.97, 1.03) * 100);
          payroll.push([e.id, period, fen, empId]);
          total += fen;
        });
      }
    } else {
      const annual = annualWages(e, year);
      months(year).forEach((period, m) => {
        const fen = Math.round((annual / 12) * SEASON[m] * between(0.98, 1.02) * 100);
        payroll.push([e.id, period, fen, '']);
        total += fen;
      });
    }
    if (e.key === 'A' && year === 2017) {
      // Make 2.5% of the year's wages fall on exactly half a fen with an even fen before it,
      // so the cap shows half-up rounding (…x.xx5 → up), where banker's rounding would go down.
      const last = payroll[payroll.length - 1];
      const delta = (((20 - (total % 80)) % 80) + 80) % 80;
      last[2] += delta;
      total += delta;
    }
    wagesOf.set(`${e.key}:${year}`, total);
  }
}

// ── training ─────────────────────────────────────────────────────────────────────────
const training = []; // [id, date, category, book(fen), incurred(fen), description]

/** Splits a year's total into 2–5 dated rows (whole yuan but the last, which takes the rest). */
function spread(e, year, total, category, topics) {
  const k = 2 + Math.floor(rand() * 4);
  const weights = Array.from({ length: k }, () => between(0.5, 1.5));
  const sum = weights.reduce((a, b) => a + b, 0);
  const monthsUsed = Array.from({ length: k }, (_, i) => Math.min(12, 1 + Math.floor(((i + rand()) * 12) / k)));
  let left = total;
  for (let i = 0; i < k; i++) {
    const amount = i === k - 1 ? left : Math.round((total * weights[i]) / sum / 100) * 100;
    left -= amount;
    const day = 1 + Math.floor(rand() * 28);
    training.push([e.id, `${year}/${monthsUsed[i]}/${day}`, category, amount, amount, pick(topics)]);
  }
}

for (const e of ENTERPRISES) {
  for (let year = e.first; year <= LAST_YEAR; year++) {
    const wages = wagesOf.get(`${e.key}:${year}`);
    if (e.edu[year] !== undefined) spread(e, year, share(wages, e.edu[year]), 'education', e.topics);
    if (e.full?.[year] !== undefined) {
      if (e.key === 'C' && year === 2022) {
        // Row 6 with an accrual: booked 40,000.00 more than was spent in the year.
        const spent = share(wages, e.full[year]);
        spread(e, year, spent, 'full_training', e.fullTopics);
        training.push([e.id, '2022/12/31', 'full_training', 4_000_000, 0, '计提2022年度软件开发人员培训费（单独核算，未支付）']);
      } else if (e.key === 'C' && year === 2023) {
        // …paid in 2023: incurred, with nothing booked.
        spread(e, year, share(wages, e.full[year]), 'full_training', e.fullTopics);
        training.push([e.id, '2023/2/27', 'full_training', 0, 4_000_000, '支付2022年计提的软件开发人员培训费（单独核算）']);
      } else {
        spread(e, year, share(wages, e.full[year]), 'full_training', e.fullTopics);
      }
    }
  }
}

// D: the 2019 accrual. Book 90,000.00, incurred 60,000.00; the 30,000.00 is spent in 2020.
{
  const d = byKey.D;
  training.push([d.id, '2019/3/18', 'education', 2_265_000, 2_265_000, '纺织机械挡车工技能培训']);
  training.push([d.id, '2019/6/25', 'education', 1_830_000, 1_830_000, '安全生产教育培训']);
  training.push([d.id, '2019/10/12', 'education', 1_905_000, 1_905_000, '班组长管理培训']);
  training.push([d.id, '2019/12/31', 'education', 3_000_000, 0, '计提2019年度外派印染工艺培训费（未支付）']);
  training.push([d.id, '2020/4/20', 'education', 0, 3_000_000, '支付2019年计提的外派印染工艺培训费']);
}
// E: the big 2017 spend, far above the 2.5% cap.
{
  const e = byKey.E;
  training.push([e.id, '2017/3/6', 'education', 18_600_000, 18_600_000, '与宁波职业技术学院合办模具订单班培训费（第一期）']);
  training.push([e.id, '2017/9/11', 'education', 21_400_000, 21_400_000, '与宁波职业技术学院合办模具订单班培训费（第二期）']);
  training.push([e.id, '2017/11/20', 'education', 12_000_000, 12_000_000, '全员智能制造技能提升培训']);
}

// C: 产教融合 investments (the credit, RULES §2), booked by their actual amount; the withdrawal is
// negative. All fall in its pilot period (pcie_pilot from 2021-12-20), so none is `not_pilot`.
{
  const c = byKey.C;
  const pcie = [
    ['2023/3/16', 8_641_835, '与宁波职业技术学院共建软件技术产业学院实训室（设备及软件投入）'],
    ['2023/8/22', -1_000_000, '转让产业学院部分出资份额（撤回投资）'],
    ['2024/6/12', 1_500_000, '与慈溪技师学院合办软件测试订单班（课程开发及师资）'],
    ['2024/6/27', 456_785, '产业学院实训室云服务器扩容'],
    ['2024/12/16', 1_000_000, '与宁波职业技术学院共建嵌入式开发实训基地（二期）'],
  ];
  for (const [date, fen, desc] of pcie) training.push([c.id, date, 'pcie_investment', fen, fen, desc]);
}

training.sort((a, b) => a[0].localeCompare(b[0]) || dateKey(a[1]).localeCompare(dateKey(b[1])) || a[5].localeCompare(b[5]));
function dateKey(d) {
  const [y, m, day] = d.split('/');
  return `${y}-${m.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

// ── surcharge returns, 2023–2024 (教育费附加 and 地方教育附加, RULES §2) ──────────────────────
// Two enterprises file returns only: no payroll, no training, so the deduction does not see them.
const RETURNS_ONLY = {
  H: { key: 'H', id: uscc('91330282MA2H3KNX4'), name: '慈溪市明远五金贸易有限公司', town: '浒山街道', industry: '五金批发' },
  I: { key: 'I', id: uscc('91330282MA2J8TD61'), name: '慈溪市附海瑞丰电器配件有限公司', town: '附海镇', industry: '电器配件制造' },
};
// Its own PRNG, so that the deduction's inputs above stay exactly as they were.
const srand = mulberry32(20250228);
const fenBetween = (lo, hi) => Math.round((lo + (hi - lo) * srand()) * 100); // yuan → fen
const MONTHS = [2023, 2024].flatMap(months);
const QUARTERS = [2023, 2024].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
// [id, period, vat, vat_exempt_offset, refund_deduction, consumption_tax, sales, paid_edu, paid_local] in fen
const surcharges = [];
const ret = (id, period, f) =>
  surcharges.push([id, period, f.vat, f.offset ?? 0, f.refund ?? 0, 0, f.sales, f.paidEdu ?? 0, f.paidLocal ?? 0]);

// A: an exporter (免抵退): the 免抵税额 is part of the base; a 留抵退税 deduction in 2023-02; surcharges
// prepaid with VAT on an installation job outside Cixi in 2023-09 and 2024-06.
for (const period of MONTHS) {
  const sales = fenBetween(6_200_000, 8_600_000);
  const f = { sales, vat: Math.round(sales * (0.01 + 0.012 * srand())), offset: Math.round(sales * (0.012 + 0.014 * srand())) };
  if (period === '2023-02') f.refund = 8_500_000;
  if (period === '2023-09') Object.assign(f, { paidEdu: 125_040, paidLocal: 83_360 });
  if (period === '2024-06') Object.assign(f, { paidEdu: 201_735, paidLocal: 134_490 });
  ret(byKey.A.id, period, f);
}
// C: software products and services, VAT around 5% of sales.
for (const period of MONTHS) {
  const sales = fenBetween(520_000, 980_000);
  ret(byKey.C.id, period, { sales, vat: Math.round(sales * (0.04 + 0.02 * srand())) });
}
// H: 小规模纳税人 at 1% (公告2023年第19号), quarterly. 2023-Q1: sales 286,400.00 (≤ 300,000), VAT only
// on the 128,750.00 of special invoices it issued: exempt from both surcharges (财税〔2016〕12号).
for (const period of QUARTERS) {
  if (period === '2023-Q1') {
    ret(RETURNS_ONLY.H.id, period, { sales: 28_640_000, vat: 128_750 });
    continue;
  }
  const sales = fenBetween(360_000, 540_000);
  const f = { sales, vat: Math.round(sales * 0.01) };
  if (period === '2024-Q2') Object.assign(f, { paidEdu: 3_000, paidLocal: 2_000 });
  ret(RETURNS_ONLY.H.id, period, f);
}
// I: a general taxpayer with small sales; the two months at the threshold are fixed.
for (const period of MONTHS) {
  const sales = period === '2023-04' ? 10_000_000 : period === '2023-05' ? 10_000_001 : fenBetween(70_000, 165_000);
  ret(RETURNS_ONLY.I.id, period, { sales, vat: Math.round(sales * (0.025 + 0.02 * srand())) });
}

// ── qualifications, ledger, enterprises ─────────────────────────────────────────────
const qualifications = [
  [byKey.B.id, 'high_tech', '2015-11-17', '2018-11-16'],
  [byKey.B.id, 'high_tech', '2018-11-30', '2021-11-29'],
  [byKey.B.id, 'high_tech', '2021-12-10', '2024-12-09'],
  [byKey.C.id, 'software_ic', '2016-03-15', ''],
  [byKey.C.id, 'pcie_pilot', '2021-12-20', ''],
  [byKey.C.id, 'small_low_profit', '2024-01-01', '2024-12-31'],
  [RETURNS_ONLY.H.id, 'small_scale_vat', '2019-05-01', ''],
  [RETURNS_ONLY.I.id, 'small_low_profit', '2023-01-01', '2023-12-31'],
  [RETURNS_ONLY.I.id, 'small_low_profit', '2024-01-01', '2024-12-31'],
];
const ledger = [[byKey.F.id, 'education_expense', '2017', '', '', '', '50000.00']];

// ── training subsidies (RULES §4): catalog.csv, trainees.csv, history.csv ─────────────────
// Its own PRNG again, so that the inputs above stay byte for byte as they were.
const crand = mulberry32(20241108);
/** a whole number lo…hi */
const cint = (lo, hi) => lo + Math.floor((hi - lo + 1) * crand());
const cpick = (list) => list[Math.floor(crand() * list.length)];
const weighted = (pairs) => {
  let x = crand() * pairs.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};

// Dates as YYYY-MM-DD; day arithmetic in UTC days.
const DAY = 86_400_000;
const toDays = (iso) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const fromDays = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const plusDays = (iso, n) => fromDays(toDays(iso) + n);
/** the same day n months later, the month's last day when it has no such day (RULES §4.2's "12 months") */
function plusMonths(iso, n) {
  const m0 = Number(iso.slice(5, 7)) - 1 + n;
  const y = Number(iso.slice(0, 4)) + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const d = Math.min(Number(iso.slice(8, 10)), new Date(Date.UTC(y, m, 0)).getUTCDate());
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
const randomDate = (from, to) => fromDays(cint(toDays(from), toDays(to)));
/** 2023-03-05 → 2023/3/5, as Excel on Chinese Windows shows a date */
const slashDate = (iso) => `${Number(iso.slice(0, 4))}/${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;

// ── 居民身份证号 check character (GB 11643-1999, RULES §6) ───────────────────────────────
const ID_CHECK = '10X98765432'; // the 11 check characters, in the order of GB 11643-1999's remainders
function idCheck(first17) {
  const c = personIdCheckChar(first17);
  if (c === undefined) throw new Error(`${first17}: 17 digits expected`);
  return c;
}
const CIXI = '330282'; // 浙江省宁波市慈溪市
const usedIds = new Set();
/**
 * A 身份证号 of a person born in Cixi: area code, birth date, a three-digit order code whose last
 * digit is odd for a man and even for a woman, the check character. `check` asks for a number
 * whose check character is that one (an X, say).
 */
function cixiId(birth, sex, check) {
  for (;;) {
    const code = String(cint(1, 99)).padStart(2, '0') + String(sex === 'male' ? cpick([1, 3, 5, 7, 9]) : cpick([0, 2, 4, 6, 8]));
    const first17 = CIXI + birth.replaceAll('-', '') + code;
    const c = idCheck(first17);
    if (usedIds.has(first17) || (check !== undefined && c !== check)) continue;
    usedIds.add(first17);
    return first17 + c;
  }
}

const SURNAMES = ['胡', '孙', '陈', '王', '沈', '叶', '徐', '岑', '罗', '施', '俞', '余', '张', '李', '杨', '黄', '周', '吴', '马', '钱', '应', '韩', '邹', '潘', '方', '朱', '蒋', '顾', '袁', '褚'];
const GIVEN = {
  male: ['伟', '强', '杰', '俊', '涛', '斌', '磊', '鹏', '军', '波', '浩', '超', '明', '辉', '刚', '建国', '志刚', '海军', '立新', '文斌', '晓东', '国平', '永明', '宇航', '子豪', '家乐', '一鸣', '浩然'],
  female: ['芳', '丽', '敏', '静', '燕', '娟', '艳', '萍', '红', '霞', '玲', '婷', '雪', '琴', '丹', '秀英', '美华', '亚萍', '海燕', '晓红', '雅琴', '佳怡', '梓涵', '欣怡', '雨桐', '思琪', '诗涵'],
};

// An employer of the subsidy claims only: a 个体工商户 (USCC category 92), which cannot claim skill_upgrade for its staff.
const SUBSIDY_ONLY = {
  J: { key: 'J', id: uscc('92330282MA2KD8LN4'), name: '慈溪市浒山鑫达汽车修理店', town: '浒山街道', industry: '汽车修理（个体工商户）' },
};
qualifications.push([SUBSIDY_ONLY.J.id, 'individual_business', '2016-08-01', '']);
const EMPLOYER = { ...byKey, ...RETURNS_ONLY, ...SUBSIDY_ONLY };

const persons = [];
/** { sex, birth, group, employer (enterprise key), id (to give a malformed one), check } */
function person(o) {
  const p = {
    sex: o.sex,
    birth: o.birth,
    group: o.group,
    employer: o.employer,
    name: cpick(SURNAMES) + cpick(GIVEN[o.sex]),
    id: o.id ?? cixiId(o.birth, o.sex, o.check),
  };
  persons.push(p);
  return p;
}
const man = (birth, group, employer, extra = {}) => person({ sex: 'male', birth, group, employer, ...extra });
const woman = (birth, group, employer, extra = {}) => person({ sex: 'female', birth, group, employer, ...extra });

let certSeq = 0;
/** certificate_no → { type, date } of every number made below: the registry (certificates.csv) lists them. */
const issued = new Map();
/** Certificate numbers in the shapes the issuing bodies use; unique but for the reused one. */
function certificateNo(type, date) {
  const n = String(++certSeq).padStart(5, '0');
  const yy = date.slice(2, 4);
  const no =
    type === 'qualification' ? `${date.slice(0, 4)}${CIXI}0${n}`
    : type === 'special_ability' ? `Z${CIXI}${yy}${n}`
    : type === 'completion' ? `PX${CIXI}${yy}${n}`
    : `S0000${CIXI}${yy}${n}`; // 职业技能等级证书
  issued.set(no, { type, date });
  return no;
}

const CERTIFICATE_PROGRAMS = ['training', 'skill_upgrade', 'shortage_post'];
const claims = [];
/**
 * One claim: { program, claim (date), occ, level, cert (date), certType, certNo, route, insured,
 * contract, months, ent (enterprise key; default the person's employer), tag (the scenario it
 * exercises, listed by --cases) }.
 */
function claim(p, o) {
  const certType = o.certType ?? (CERTIFICATE_PROGRAMS.includes(o.program) ? 'skill_level' : undefined);
  const c = {
    p,
    program: o.program,
    group: o.group ?? p.group,
    ent: 'ent' in o ? o.ent : p.employer,
    occ: o.occ,
    level: o.level,
    certType,
    certDate: o.cert,
    certNo: 'certNo' in o ? o.certNo : certType && certType !== 'none' && o.cert ? certificateNo(certType, o.cert) : undefined,
    route: o.route ?? (certType && certType !== 'none' ? 'standard' : undefined),
    insured: o.insured,
    contract: o.contract,
    months: o.months,
    claimDate: o.claim,
    tag: o.tag,
    order: claims.length,
  };
  claims.push(c);
  return c;
}
const history = [];
/** A subsidy paid before (history.csv): { program, paid (date), amount (yuan), occ, level, certNo, months }. */
const paid = (p, o) => history.push({ p, ...o });

// ─ the scenarios: one person each (or a few), the case in the tag ─────────────────────────────
// Persons and dates are chosen so that only the rule named decides; everything else is in order.
{
  // Once per occupation and level (RULES §4.2).
  const a = man('1988-04-12', 'employee', 'A');
  claim(a, { tag: 'dup.first', program: 'training', occ: '电工', level: 4, cert: '2022-03-10', claim: '2022-04-06' });
  claim(a, { tag: 'dup.second', program: 'training', occ: '电工', level: 4, cert: '2022-11-18', claim: '2022-12-05' });
  const b = man('1993-09-02', 'employee', 'B');
  claim(b, { tag: 'dup.cross.training', program: 'training', occ: '焊工', level: 5, cert: '2021-05-20', claim: '2021-06-15' });
  claim(b, { tag: 'dup.cross.skill_upgrade', program: 'skill_upgrade', occ: '焊工', level: 5, cert: '2021-12-03', claim: '2022-01-10', insured: 40 });
  const c = woman('1990-07-21', 'unemployed');
  paid(c, { program: 'training', paid: '2020-09-15', amount: '1500.00', occ: '育婴员', level: 4, certNo: certificateNo('qualification', '2020-06-30') });
  claim(c, { tag: 'dup.history', program: 'training', occ: '育婴员', level: 4, cert: '2022-06-30', claim: '2022-08-01' });
  // The same certificate handed in twice on one day: the lower claim_id is decided first.
  const d = man('1996-01-30', 'rural_migrant', 'F');
  const twice = certificateNo('skill_level', '2023-03-22');
  claim(d, { tag: 'dup.sameday.first', program: 'training', occ: '车工', level: 4, cert: '2023-03-22', certNo: twice, claim: '2023-05-08' });
  claim(d, { tag: 'dup.sameday.second', program: 'training', occ: '车工', level: 4, cert: '2023-03-22', certNo: twice, claim: '2023-05-08' });
}
{
  // At most 3 counted subsidies a person a calendar year of the claim (RULES §4.2).
  const a = woman('1985-11-11', 'unemployed');
  claim(a, { tag: 'cap.1', program: 'training', occ: '中式烹调师', level: 5, cert: '2023-01-12', claim: '2023-02-20' });
  claim(a, { tag: 'cap.2', program: 'training', occ: '育婴员', level: 5, cert: '2023-04-08', claim: '2023-05-06' });
  claim(a, { tag: 'cap.3', program: 'training', occ: '电子商务师', level: 4, cert: '2023-06-15', claim: '2023-07-03' });
  const fourth = claim(a, { tag: 'cap.4th', program: 'training', occ: '养老护理员', level: 5, cert: '2023-09-20', claim: '2023-10-16' });
  // …claimed again in January, still within 12 months of the certificate: a new year, and the refused claim paid nothing.
  claim(a, { tag: 'cap.again.next_year', program: 'training', occ: '养老护理员', level: 5, cert: '2023-09-20', certNo: fourth.certNo, claim: '2024-01-15' });
  // History paid in the year counts by its paid date.
  const b = man('1979-03-05', 'employee', 'E');
  paid(b, { program: 'training', paid: '2024-02-26', amount: '1500.00', occ: '钳工', level: 4, certNo: certificateNo('skill_level', '2023-12-08') });
  paid(b, { program: 'skill_upgrade', paid: '2024-04-18', amount: '1000.00', occ: '数控车工', level: 5, certNo: certificateNo('skill_level', '2024-01-19') });
  claim(b, { tag: 'cap.history.3rd', program: 'training', occ: '电工', level: 5, cert: '2024-03-11', claim: '2024-05-09' });
  claim(b, { tag: 'cap.history.4th', program: 'skill_upgrade', occ: '钳工', level: 3, cert: '2024-06-20', claim: '2024-07-15', insured: 150 });
  // An apprenticeship counts (paid to the employer for the person).
  const c = man('2002-08-19', 'employee', 'E');
  claim(c, { tag: 'cap.apprentice.1', program: 'apprenticeship', occ: '数控车工', level: 4, contract: 36, months: 12, claim: '2024-01-22' });
  claim(c, { tag: 'cap.apprentice.2', program: 'training', occ: '钳工', level: 5, cert: '2024-02-27', claim: '2024-03-18' });
  claim(c, { tag: 'cap.apprentice.3', program: 'training', occ: '车工', level: 5, cert: '2024-05-10', claim: '2024-06-04' });
  claim(c, { tag: 'cap.apprentice.4th', program: 'training', occ: '电工', level: 5, cert: '2024-08-16', claim: '2024-09-09' });
  // 以工代训 does not count: three trainings in the year besides it are all paid.
  const d = woman('1990-02-14', 'employee', 'G');
  claim(d, { tag: 'cap.work_based.not_counted', program: 'work_based', occ: '中式面点师', months: 3, claim: '2021-04-12' });
  claim(d, { tag: 'cap.work_based.1', program: 'training', occ: '中式烹调师', level: 5, cert: '2021-03-01', claim: '2021-03-29' });
  claim(d, { tag: 'cap.work_based.2', program: 'training', occ: '中式面点师', level: 5, cert: '2021-06-18', claim: '2021-07-12' });
  claim(d, { tag: 'cap.work_based.3', program: 'training', occ: '育婴员', level: 5, cert: '2021-09-10', claim: '2021-10-08' });
  // A refused claim does not count either.
  const e = man('1991-12-01', 'rural_migrant');
  claim(e, { tag: 'cap.refused.late', program: 'training', occ: '焊工', level: 5, cert: '2021-01-15', claim: '2022-03-03' });
  claim(e, { tag: 'cap.refused.1', program: 'training', occ: '电工', level: 5, cert: '2022-03-25', claim: '2022-04-20' });
  claim(e, { tag: 'cap.refused.2', program: 'training', occ: '车工', level: 5, cert: '2022-06-02', claim: '2022-07-01' });
  claim(e, { tag: 'cap.refused.3', program: 'training', occ: '中式烹调师', level: 5, cert: '2022-10-14', claim: '2022-11-07' });
}
{
  // Claim within 12 months of the certificate (RULES §4.2): the same day 12 months on is in time.
  claim(woman('1994-05-27', 'graduate'), { tag: 'window.exactly_12_months', program: 'training', occ: '电子商务师', level: 4, cert: '2022-03-15', claim: '2023-03-15' });
  claim(man('1987-10-09', 'veteran'), { tag: 'window.day_after', program: 'training', occ: '电工', level: 4, cert: '2022-06-15', claim: '2023-06-16' });
  // 12 months after 2023-02-28 is 2024-02-28: the leap day is late.
  claim(woman('1983-08-08', 'hard_to_employ'), { tag: 'window.leap_day_late', program: 'training', occ: '养老护理员', level: 4, cert: '2023-02-28', claim: '2024-02-29' });
  claim(man('1990-03-03', 'employee', 'D'), { tag: 'window.month_end_in_time', program: 'skill_upgrade', occ: '电工', level: 4, cert: '2023-08-31', claim: '2024-08-31', insured: 60 });
  claim(man('1989-06-21', 'employee', 'A'), { tag: 'window.skill_upgrade_late', program: 'skill_upgrade', occ: '数控车工', level: 4, cert: '2022-01-20', claim: '2023-04-11', insured: 50 });
}
{
  // No lower level after a higher one (RULES §4.2); a higher one after a lower is fine.
  const a = man('1984-06-16', 'employee', 'E');
  claim(a, { tag: 'lower.higher_first', program: 'training', occ: '数控车工', level: 3, cert: '2022-04-15', claim: '2022-05-10' });
  claim(a, { tag: 'lower.after', program: 'training', occ: '数控车工', level: 4, cert: '2022-01-12', claim: '2022-10-20' });
  const b = man('1980-01-25', 'employee', 'I');
  paid(b, { program: 'training', paid: '2021-07-14', amount: '2000.00', occ: '钳工', level: 3, certNo: certificateNo('skill_level', '2021-05-28') });
  claim(b, { tag: 'lower.after_history', program: 'training', occ: '钳工', level: 5, cert: '2023-05-15', claim: '2023-06-12' });
  const c = woman('1992-10-03', 'poverty_monitored');
  claim(c, { tag: 'higher.5', program: 'training', occ: '养老护理员', level: 5, cert: '2021-08-10', claim: '2021-09-01' });
  claim(c, { tag: 'higher.4', program: 'training', occ: '养老护理员', level: 4, cert: '2022-09-16', claim: '2022-10-11' });
  claim(c, { tag: 'higher.3', program: 'training', occ: '养老护理员', level: 3, cert: '2024-03-22', claim: '2024-04-15' });
}
{
  // One certificate, one subsidy (RULES §4.2): training and skill_upgrade never both pay it.
  const a = man('1986-12-24', 'employee', 'B');
  const reused = certificateNo('skill_level', '2021-10-15');
  claim(a, { tag: 'cert.first', program: 'training', occ: '电工', level: 4, cert: '2021-10-15', certNo: reused, claim: '2021-11-08' });
  claim(a, { tag: 'cert.reused', program: 'skill_upgrade', occ: '电工', level: 4, cert: '2021-10-15', certNo: reused, claim: '2022-02-14', insured: 70 });
  // The old system's export gives the certificate number but neither occupation nor level.
  const b = woman('1989-05-06', 'employee', 'G');
  const old = certificateNo('skill_level', '2022-12-12');
  paid(b, { program: 'training', paid: '2023-03-20', amount: '1000.00', certNo: old });
  claim(b, { tag: 'cert.reused_history', program: 'skill_upgrade', occ: '中式面点师', level: 5, cert: '2022-12-12', certNo: old, claim: '2023-06-19', insured: 30 });
}
{
  // Invalid 身份证号: the claim is decided ineligible, the batch goes on (CONTRACT §1).
  const good = cixiId('1990-08-17', 'male');
  const wrong = good.slice(0, 17) + ID_CHECK[(ID_CHECK.indexOf(good[17]) + 3) % 11];
  claim(man('1990-08-17', 'rural_migrant', undefined, { id: wrong }), { tag: 'id.check_character', program: 'training', occ: '电工', level: 5, cert: '2023-04-10', claim: '2023-05-04' });
  const feb29 = `${CIXI}19870229024`; // 1987 is no leap year; the check character is right
  claim(woman('1987-03-01', 'unemployed', undefined, { id: feb29 + idCheck(feb29) }), { tag: 'id.birth_date', program: 'training', occ: '育婴员', level: 5, cert: '2022-07-19', claim: '2022-08-22' });
  claim(man('1965-03-12', 'hard_to_employ', undefined, { id: '330282650312153' }), { tag: 'id.fifteen_digits', program: 'training', occ: '中式烹调师', level: 5, cert: '2021-09-06', claim: '2021-10-11' });
  // A valid number ending in X, written with a small x: read as X.
  const x = woman('1995-12-09', 'graduate', undefined, { check: 'X' });
  x.written = x.id.slice(0, 17) + 'x';
  claim(x, { tag: 'id.small_x', program: 'training', occ: '电子商务师', level: 4, cert: '2023-07-07', claim: '2023-08-01' });
}
{
  // Working age on the deciding date (the certificate date for training): 16 ≤ age < 60 (men) / 50 (women).
  claim(man('1963-04-18', 'unemployed'), { tag: 'age.man_60_on_the_day', program: 'training', occ: '中式烹调师', level: 4, cert: '2023-04-18', claim: '2023-05-10' });
  claim(man('1962-09-08', 'rural_migrant'), { tag: 'age.man_59_60_at_claim', program: 'training', occ: '电工', level: 5, cert: '2022-09-07', claim: '2022-10-12' });
  claim(woman('1973-11-20', 'hard_to_employ'), { tag: 'age.woman_50_on_the_day', program: 'training', occ: '养老护理员', level: 5, cert: '2023-11-20', claim: '2023-12-11' });
  claim(woman('1972-06-02', 'unemployed'), { tag: 'age.woman_day_before_50', program: 'training', occ: '育婴员', level: 5, cert: '2022-06-01', claim: '2022-06-27' });
  claim(man('2007-07-01', 'school_leaver'), { tag: 'age.15', program: 'training', occ: '中式烹调师', level: 5, cert: '2023-06-30', claim: '2023-07-20' });
  claim(woman('2006-05-15', 'school_leaver'), { tag: 'age.16_on_the_day', program: 'training', occ: '中式面点师', level: 5, cert: '2022-05-15', claim: '2022-06-13' });
  // The claim date decides for 以工代训: 50 on the claim date.
  claim(woman('1971-03-10', 'employee', 'G'), { tag: 'age.work_based_50', program: 'work_based', occ: '中式烹调师', months: 3, claim: '2021-04-20' });
}
{
  // Routes excluded from the training subsidy (Ningbo): not from skill_upgrade.
  claim(man('1992-02-02', 'employee', 'A'), { tag: 'route.self_evaluation', program: 'training', occ: '数控车工', level: 4, cert: '2023-09-12', claim: '2023-10-09', route: 'self_evaluation' });
  claim(woman('2004-03-18', 'school_leaver'), { tag: 'route.dual_certificate', program: 'training', occ: '电子商务师', level: 5, cert: '2022-06-28', claim: '2022-09-05', route: 'dual_certificate' });
  claim(man('2001-11-05', 'employee', 'E'), { tag: 'route.apprenticeship', program: 'training', occ: '钳工', level: 4, cert: '2023-12-20', claim: '2024-01-16', route: 'apprenticeship' });
  claim(man('1995-08-30', 'veteran'), { tag: 'route.competition', program: 'training', occ: '焊工', level: 3, cert: '2022-11-11', claim: '2022-12-02', route: 'competition' });
  claim(man('1987-05-05', 'employee', 'A'), { tag: 'route.self_evaluation_skill_upgrade', program: 'skill_upgrade', occ: '车工', level: 4, cert: '2023-05-26', claim: '2023-06-20', route: 'self_evaluation', insured: 30 });
}
{
  // skill_upgrade: insured ≥ 36 months for certificates before 2019, ≥ 12 from 2019-01-01.
  claim(man('1985-02-14', 'employee', 'A'), { tag: 'insured.2018_30', program: 'skill_upgrade', occ: '车工', level: 4, cert: '2018-12-28', claim: '2019-03-12', insured: 30 });
  claim(man('1983-07-07', 'employee', 'B'), { tag: 'insured.2018_36', program: 'skill_upgrade', occ: '电工', level: 5, cert: '2018-11-20', claim: '2019-01-15', insured: 36 });
  claim(woman('1986-09-19', 'employee', 'D'), { tag: 'insured.2019_12', program: 'skill_upgrade', occ: '电工', level: 4, cert: '2019-01-01', claim: '2019-04-08', insured: 12 });
  claim(man('1994-01-11', 'employee', 'F'), { tag: 'insured.2019_11', program: 'skill_upgrade', occ: '焊工', level: 5, cert: '2019-01-02', claim: '2019-05-21', insured: 11 });
  claim(man('1997-04-23', 'employee', 'E'), { tag: 'insured.2023_8', program: 'skill_upgrade', occ: '钳工', level: 4, cert: '2023-03-03', claim: '2023-04-17', insured: 8 });
  // skill_upgrade is for an enterprise's employees, levels 5–3.
  claim(man('1988-08-08', 'unemployed'), { tag: 'upgrade.unemployed', program: 'skill_upgrade', occ: '电工', level: 5, cert: '2022-05-13', claim: '2022-06-08', insured: 48 });
  claim(woman('1991-04-04', 'employee'), { tag: 'upgrade.no_employer', program: 'skill_upgrade', occ: '电子商务师', level: 4, cert: '2023-10-18', claim: '2023-11-20', insured: 36 });
  claim(man('1993-06-06', 'employee', 'J'), { tag: 'upgrade.individual_business', program: 'skill_upgrade', occ: '电工', level: 4, cert: '2022-08-09', claim: '2022-09-14', insured: 40 });
  claim(man('1978-12-12', 'employee', 'B'), { tag: 'upgrade.level_2', program: 'skill_upgrade', occ: '焊工', level: 2, cert: '2023-04-21', claim: '2023-05-15', insured: 200 });
}
{
  // Apprenticeship: per_year × months / 12, at most 24 months a person (history included).
  const a = man('2001-02-11', 'employee', 'E');
  paid(a, { program: 'apprenticeship', paid: '2022-12-20', amount: '5000.00', occ: '钳工', level: 4, months: 12 });
  claim(a, { tag: 'apprentice.reaches_24', program: 'apprenticeship', occ: '钳工', level: 4, contract: 36, months: 12, claim: '2023-12-18' });
  claim(a, { tag: 'apprentice.none_left', program: 'apprenticeship', occ: '钳工', level: 4, contract: 36, months: 6, claim: '2024-06-17' });
  const b = man('2000-10-30', 'employee', 'F');
  paid(b, { program: 'apprenticeship', paid: '2022-06-30', amount: '5000.00', occ: '焊工', level: 4, months: 12 });
  paid(b, { program: 'apprenticeship', paid: '2023-06-28', amount: '2500.00', occ: '焊工', level: 4, months: 6 });
  claim(b, { tag: 'apprentice.partial', program: 'apprenticeship', occ: '焊工', level: 4, contract: 60, months: 12, claim: '2024-06-24' });
  claim(woman('2003-04-04', 'employee', 'B'), { tag: 'apprentice.7_months', program: 'apprenticeship', occ: '电子商务师', level: 4, contract: 24, months: 7, claim: '2022-08-15' });
  claim(man('1999-09-09', 'employee', 'D'), { tag: 'apprentice.contract_10', program: 'apprenticeship', occ: '电工', level: 4, contract: 10, months: 12, claim: '2023-03-13' });
  // 以工代训: 500 a month, at most 6 months a person, 2020–2021.
  const c = woman('1978-07-07', 'employee', 'D');
  claim(c, { tag: 'work_based.4', program: 'work_based', occ: '挡车工', months: 4, claim: '2021-03-15' });
  claim(c, { tag: 'work_based.partial', program: 'work_based', occ: '挡车工', months: 4, claim: '2021-07-12' });
  claim(c, { tag: 'work_based.none_left', program: 'work_based', occ: '挡车工', months: 1, claim: '2021-11-15' });
  const d = man('1982-09-09', 'employee', 'I');
  paid(d, { program: 'work_based', paid: '2020-10-28', amount: '3000.00', months: 6 });
  claim(d, { tag: 'work_based.history_6', program: 'work_based', occ: '电工', months: 3, claim: '2021-05-17' });
  claim(man('1998-02-20', 'employee', 'G'), { tag: 'work_based.ended', program: 'work_based', occ: '中式烹调师', months: 3, claim: '2022-01-17' });
}
{
  // Shortage posts (甬人社发〔2023〕22号): levels 2/1, contract ≥ 36, insured ≥ 12, held 3 / 1 years, once per person.
  const post = { program: 'shortage_post', contract: 60, insured: 120 };
  claim(man('1981-05-05', 'employee', 'A'), { ...post, tag: 'shortage.level2', occ: '数控车工', level: 2, cert: '2019-06-01', claim: '2023-03-20' });
  claim(man('1985-10-10', 'employee', 'F'), { ...post, tag: 'shortage.held_exactly_3', occ: '焊工', level: 2, cert: '2020-05-20', claim: '2023-05-20' });
  claim(man('1986-03-30', 'employee', 'B'), { ...post, tag: 'shortage.held_day_short', occ: '电工', level: 2, cert: '2020-09-10', claim: '2023-09-09' });
  claim(man('1976-11-11', 'employee', 'I'), { ...post, tag: 'shortage.level1', occ: '电工', level: 1, cert: '2022-12-01', claim: '2024-01-15' });
  claim(man('1979-07-17', 'employee', 'E'), { ...post, tag: 'shortage.level1_11_months', occ: '数控车工', level: 1, cert: '2023-03-06', claim: '2024-02-05' });
  const twice = man('1977-01-09', 'employee', 'A');
  paid(twice, { program: 'shortage_post', paid: '2023-06-30', amount: '10000.00', occ: '数控车工', level: 2, certNo: certificateNo('qualification', '2018-09-14') });
  claim(twice, { ...post, tag: 'shortage.second', occ: '数控车工', level: 1, cert: '2023-01-16', claim: '2024-03-11' });
  claim(man('1984-04-04', 'employee', 'E'), { ...post, tag: 'shortage.level3', occ: '数控车工', level: 3, cert: '2019-10-10', claim: '2023-11-13' });
  claim(man('1982-12-02', 'employee', 'I'), { ...post, tag: 'shortage.not_on_list', occ: '钳工', level: 2, cert: '2019-08-08', claim: '2023-08-21' });
  claim(man('1987-07-27', 'employee', 'F'), { ...post, tag: 'shortage.contract_24', occ: '焊工', level: 2, cert: '2019-04-12', claim: '2023-06-05', contract: 24 });
  claim(man('1983-03-23', 'employee', 'B'), { ...post, tag: 'shortage.insured_8', occ: '电工', level: 2, cert: '2018-12-18', claim: '2024-04-22', insured: 8 });
  claim(man('1980-06-18', 'employee', 'A'), { ...post, tag: 'shortage.before_catalogue', occ: '数控车工', level: 2, cert: '2018-05-30', claim: '2022-11-21' });
}
{
  // Never public_staff (国办发〔2019〕24号); no certificate; a level the catalogue does not know.
  claim(woman('1988-12-30', 'public_staff'), { tag: 'public.training', program: 'training', occ: '育婴员', level: 4, cert: '2022-10-25', claim: '2022-11-21' });
  claim(man('1979-09-29', 'public_staff'), { tag: 'public.shortage_post', program: 'shortage_post', occ: '电工', level: 2, cert: '2019-03-15', claim: '2023-04-24', contract: 60, insured: 180 });
  // Every reason is listed: public_staff, a self-evaluation certificate, claimed late.
  claim(man('1984-02-29', 'public_staff'), { tag: 'public.every_reason', program: 'training', occ: '电工', level: 3, cert: '2022-02-10', claim: '2023-04-03', route: 'self_evaluation' });
  claim(man('1975-05-15', 'rural_migrant'), { tag: 'cert.none', program: 'training', occ: '中式烹调师', level: 5, certType: 'none', claim: '2023-06-26' });
  claim(woman('1993-01-08', 'unemployed'), { tag: 'cert.no_date', program: 'training', occ: '育婴员', level: 5, certType: 'skill_level', certNo: certificateNo('skill_level', '2024-01-01'), claim: '2024-02-19' });
  claim(woman('1982-08-16', 'unemployed'), { tag: 'cert.special_ability_no_level', program: 'training', occ: '中式面点制作', certType: 'special_ability', cert: '2024-05-17', claim: '2024-06-12' });
}

// ─ the background: ordinary claimants, mostly in order ───────────────────────────────────────
const GROUPS_WEIGHTED = [['employee', 46], ['rural_migrant', 16], ['unemployed', 10], ['hard_to_employ', 5], ['veteran', 5], ['graduate', 8], ['school_leaver', 4], ['poverty_monitored', 4], ['public_staff', 2]];
const EMPLOYERS_WEIGHTED = [['A', 4], ['B', 5], ['C', 1], ['D', 3], ['E', 4], ['F', 3], ['G', 2], ['H', 1], ['I', 2], ['J', 1]];
const SMALL_EMPLOYERS = ['D', 'F', 'G', 'I']; // the SMEs that took 以工代训 in 2021
const WORK_OCCUPATIONS = {
  A: ['数控车工', '车工', '钳工', '电工'],
  B: ['电工', '焊工', '钳工'],
  C: ['电子商务师'],
  D: ['挡车工', '电工'],
  E: ['钳工', '数控车工', '车工'],
  F: ['焊工', '车工', '电工'],
  G: ['中式烹调师', '中式面点师'],
  H: ['电子商务师'],
  I: ['电工', '钳工', '焊工'],
  J: ['电工', '钳工'],
};
const OWN_OCCUPATIONS = {
  male: ['电工', '焊工', '中式烹调师', '电子商务师', '车工', '养老护理员'],
  female: ['育婴员', '养老护理员', '中式面点师', '电子商务师', '中式烹调师'],
};
const BIRTH_YEARS = {
  // [men, women]: working age through 2024 (women under 50, men under 60)
  employee: [[1966, 2001], [1976, 2001]],
  rural_migrant: [[1968, 2000], [1976, 2000]],
  unemployed: [[1968, 1998], [1976, 1998]],
  hard_to_employ: [[1966, 1982], [1976, 1982]],
  veteran: [[1980, 2000], [1985, 2000]],
  graduate: [[1998, 2002], [1998, 2002]],
  school_leaver: [[2004, 2006], [2004, 2006]],
  poverty_monitored: [[1968, 1996], [1976, 1996]],
  public_staff: [[1975, 1995], [1976, 1995]],
};
const LAST_CLAIM = '2024-12-27';

for (let i = 0; i < 170; i++) {
  const group = weighted(GROUPS_WEIGHTED);
  const sex = group === 'veteran' ? weighted([['male', 9], ['female', 1]]) : weighted([['male', 55], ['female', 45]]);
  const [lo, hi] = BIRTH_YEARS[group][sex === 'male' ? 0 : 1];
  const birth = randomDate(`${lo}-01-01`, `${hi}-12-28`);
  const employer = group === 'employee' ? weighted(EMPLOYERS_WEIGHTED) : group === 'rural_migrant' && crand() < 0.6 ? weighted(EMPLOYERS_WEIGHTED) : undefined;
  const p = person({ sex, birth, group, employer });
  const occupations = employer ? WORK_OCCUPATIONS[employer] : OWN_OCCUPATIONS[sex];
  const held = new Map(); // occupation → highest level so far
  if (crand() < 0.3) {
    // a subsidy paid before the claims in this file
    const occ = cpick(occupations);
    const date = randomDate('2019-03-01', '2022-06-30');
    paid(p, { program: 'training', paid: date, amount: '1000.00', occ, level: 5, certNo: certificateNo(date < '2020-07-01' ? 'qualification' : 'skill_level', plusDays(date, -cint(30, 200))) });
    held.set(occ, 5);
  }
  if (employer && SMALL_EMPLOYERS.includes(employer) && crand() < 0.25) {
    const months = cint(2, 6);
    paid(p, { program: 'work_based', paid: randomDate('2020-06-01', '2020-12-28'), amount: `${months * 500}.00`, months });
  }
  if (employer && SMALL_EMPLOYERS.includes(employer) && crand() < 0.4) {
    // 以工代训 in 2021, its last year
    claim(p, { program: 'work_based', occ: cpick(occupations), months: cint(2, 6), claim: randomDate('2021-02-01', '2021-12-20') });
  }
  if (group === 'employee' && employer && employer !== 'J' && birth < '1988-01-01' && crand() < 0.12) {
    // a 技师 of some years' standing applies for the shortage post subsidy (its catalogue starts in 2023)
    const cert = randomDate('2015-03-01', '2021-06-30');
    claim(p, {
      program: 'shortage_post',
      occ: cpick(occupations),
      level: 2,
      cert,
      certType: cert < '2020-01-01' ? 'qualification' : 'skill_level',
      contract: cpick([36, 60, 120]),
      insured: cint(36, 240),
      claim: randomDate('2023-02-01', '2024-12-20'),
    });
  }
  const sixteen = plusMonths(birth, 16 * 12 + 1);
  let t = randomDate(sixteen > '2020-11-01' ? sixteen : '2020-11-01', '2024-09-30');
  let apprenticed = false;
  const n = weighted([[1, 50], [2, 35], [3, 15]]);
  for (let k = 0; k < n && t <= '2024-11-30'; k++) {
    const age = Number(t.slice(0, 4)) - Number(birth.slice(0, 4));
    const r = crand();
    if (employer && employer !== 'J' && group === 'employee' && age < 30 && !apprenticed && r < 0.2 && t >= '2021-01-10') {
      // a new apprentice (of an enterprise, not the 个体工商户): one or two years, a year a claim
      apprenticed = true;
      const occ = cpick(occupations);
      const contract = cpick([24, 36, 36, 60]);
      claim(p, { program: 'apprenticeship', occ, level: 4, contract, months: 12, claim: t });
      const next = plusDays(plusMonths(t, 12), cint(0, 20));
      if (contract >= 24 && next <= LAST_CLAIM) claim(p, { program: 'apprenticeship', occ, level: 4, contract, months: 12, claim: next });
      t = plusDays(t, cint(60, 300));
      continue;
    }
    // a certificate: a new occupation, or the next level of one already held
    let occ = cpick(occupations);
    let level = held.has(occ) ? held.get(occ) - 1 : weighted([[5, 60], [4, 30], [3, 10]]);
    for (let tries = 0; level < 1 && tries < 5; tries++) {
      occ = cpick(occupations);
      level = held.has(occ) ? held.get(occ) - 1 : 5;
    }
    if (level < 1) break;
    const upgrade = group === 'employee' && employer && level >= 3 && r < 0.6;
    const late = crand() < 0.04;
    let claimDate = plusDays(t, late ? cint(372, 460) : cint(5, 330));
    if (claimDate < '2021-01-04') claimDate = randomDate('2021-01-04', '2021-02-26');
    if (claimDate > LAST_CLAIM) break;
    const route =
      group === 'school_leaver' || group === 'graduate'
        ? weighted([['standard', 8], ['dual_certificate', 2]])
        : group === 'employee' && employer !== 'J' // 自主评价 is an enterprise's, not a 个体工商户's
          ? weighted([['standard', 85], ['self_evaluation', upgrade ? 12 : 3], ['competition', 3]])
          : weighted([['standard', 97], ['competition', 3]]);
    const certType = t < '2021-06-01' && crand() < 0.4 ? 'qualification' : 'skill_level';
    claim(p, {
      program: upgrade ? 'skill_upgrade' : 'training',
      occ,
      level,
      cert: t,
      certType,
      route,
      claim: claimDate,
      ...(upgrade ? { insured: crand() < 0.06 ? cint(3, 11) : cint(13, 216) } : {}),
    });
    held.set(occ, level);
    t = plusDays(claimDate, cint(20, 300));
  }
}

// ─ claim ids: C{year}-{number}, numbered in each year by claim date ───────────────────────────
claims.sort((a, b) => a.claimDate.localeCompare(b.claimDate) || a.order - b.order);
{
  const seq = new Map();
  for (const c of claims) {
    const y = c.claimDate.slice(0, 4);
    seq.set(y, (seq.get(y) ?? 0) + 1);
    c.id = `C${y}-${String(seq.get(y)).padStart(4, '0')}`;
  }
}

// ─ the catalogue: the shipped example, with the 2018–2019 skill_upgrade amounts for the certificates around 2019-01-01
const exampleCatalog = readFileSync(join(ROOT, 'fixtures', 'catalog-example.csv'), 'utf8').split('\n').filter((l) => l !== '');
const catalog = [
  ...exampleCatalog.slice(0, 9),
  'skill_upgrade,*,5,1000.00,per_claim,2018-01-01,2019-12-31,no,人社部发〔2017〕40号 (example),EXAMPLE: 2018–2019 amounts',
  'skill_upgrade,*,4,1500.00,per_claim,2018-01-01,2019-12-31,no,人社部发〔2017〕40号 (example),EXAMPLE: 2018–2019 amounts',
  'skill_upgrade,*,3,2000.00,per_claim,2018-01-01,2019-12-31,no,人社部发〔2017〕40号 (example),EXAMPLE: 2018–2019 amounts',
  ...exampleCatalog.slice(9),
];
if (!exampleCatalog[8].startsWith('skill_upgrade,*,3,')) throw new Error('fixtures/catalog-example.csv changed: place the 2018–2019 rows again');

const GROUP_ZH = {
  employee: '企业职工', rural_migrant: '农村转移劳动者', unemployed: '登记失业人员', hard_to_employ: '就业困难人员', veteran: '退役军人',
  graduate: '毕业年度高校毕业生', school_leaver: '两后生', poverty_monitored: '脱贫人口', public_staff: '机关事业单位在编人员',
};
const PROGRAM_ZH = { training: '职业培训补贴', skill_upgrade: '技能提升补贴', apprenticeship: '企业新型学徒制', work_based: '以工代训', shortage_post: '紧缺职业高技能人才岗位补贴' };
const LEVEL_ZH = { 5: '初级工', 4: '中级工', 3: '高级工', 2: '技师', 1: '高级技师' };
const CERT_ZH = { qualification: '职业资格证书', skill_level: '职业技能等级证书', special_ability: '专项职业能力证书', special_operation: '特种作业操作证', completion: '培训合格证书', none: '无' };
const ROUTE_ZH = { standard: '社会化评价', self_evaluation: '企业自主评价', dual_certificate: '双证书', apprenticeship: '学徒制培训', competition: '技能竞赛' };
const opt = (v, f = String) => (v === undefined ? '' : f(v));

// ── talent awards and grants (RULES §5): awards.csv, award-history.csv ──────────────────
// Its own PRNG (the order codes of the 身份证号), so that every file above stays byte for byte as it was.
const arand = mulberry32(20250611);
/** A Cixi 身份证号 for an award recipient: the order code from arand, never one of the claimants'. */
function awardeeId(birth, sex) {
  for (;;) {
    const code = String(1 + Math.floor(arand() * 99)).padStart(2, '0') + String(sex === 'male' ? 1 + 2 * Math.floor(arand() * 5) : 2 * Math.floor(arand() * 5));
    const first17 = CIXI + birth.replaceAll('-', '') + code;
    if (usedIds.has(first17)) continue;
    usedIds.add(first17);
    return first17 + idCheck(first17);
  }
}
const AWARDEE = {
  gold: awardeeId('1968-04-12', 'male'), // 上林金匠 2023; 高级技师 housing 2024
  silver: awardeeId('1975-09-03', 'female'), // 上林银匠 2023
  craft: awardeeId('1982-11-20', 'male'), // 上林工匠 2023, then 上林银匠 2024 (another title: paid)
  craftAgain: awardeeId('1986-02-14', 'female'), // 上林工匠 in the history (2021) and again in 2024: duplicate_award
  star1: awardeeId('1994-07-08', 'male'), // 技能之星 2024 rank 1
  starPrev: awardeeId('1991-03-30', 'male'), // rank 1 of the 2022 event (history), rank 2 in 2024: another event, paid
  star3: awardeeId('1997-12-01', 'female'), // rank 3
  star4: awardeeId('1996-05-17', 'male'), // rank 4: not paid by default (rank_not_awarded)
  starBad: awardeeId('1993-10-10', 'female'), // rank 3, its 身份证号 written with a wrong check character
  house1: awardeeId('1972-06-25', 'male'), // 高级技师 housing 2023, again in 2024: duplicate_award
  house2: awardeeId('1984-08-08', 'female'), // 技师 2024
  house3: awardeeId('1990-01-19', 'male'), // 高级工 2024: level_not_covered
};
// A wrong check character: the next one in GB 11643-1999's list.
const wrongCheck = (id) => id.slice(0, 17) + ID_CHECK[(ID_CHECK.indexOf(id[17]) + 1) % ID_CHECK.length];
const STUDIO_1 = 'CX-DSGZS-2016-01'; // 胡建国技能大师工作室 at B (观海卫 智能电器)
const STUDIO_2 = 'CX-DSGZS-2021-03'; // 岑立新模具技能大师工作室 at E (龙山 模具)
const EVENT_2022 = '2022年慈溪市技能之星大赛';
const EVENT_2024 = '2024年慈溪市技能之星大赛';
// [program, recipient, year, { enterprise, level, rating, rank, count, prior, event, date }], as a bureau
// would list them: by program, then year. The award_id is numbered per year in this order.
const awardRows = [
  // A studio: city grant 2016 (history), reviews 2016–2024 with a break in 2018 and six excellent
  // years 2019–2024 (the reward is due in 2021; in 2024 a second run of three completes: refused
  // duplicate_award under the default repeat rule `once`), promoted to Ningbo level in 2022, and a
  // city grant claimed again in 2023 (level_already_granted).
  ['master_studio', STUDIO_1, 2022, { enterprise: 'B', level: 'ningbo', date: '2022-09-15' }],
  ['master_studio', STUDIO_1, 2023, { enterprise: 'B', level: 'city' }],
  // Another studio: city grant 2021, reviews 2021, 2022 and 2024 excellent, none for 2023: the
  // third excellent review is not the third consecutive year (not_three_consecutive).
  ['master_studio', STUDIO_2, 2021, { enterprise: 'E', level: 'city', date: '2021-06-30' }],
  ...[
    [2016, 'excellent'], [2017, 'excellent'], [2018, 'good'], [2019, 'excellent'], [2020, 'excellent'],
    [2021, 'excellent'], [2022, 'excellent'], [2023, 'excellent'], [2024, 'excellent'],
  ].map(([year, rating]) => ['master_studio_rating', STUDIO_1, year, { enterprise: 'B', rating }]),
  ...[[2021, 'excellent'], [2022, 'excellent'], [2024, 'excellent']].map(([year, rating]) => ['master_studio_rating', STUDIO_2, year, { enterprise: 'E', rating }]),
  // 上林名匠, named on Labour Day.
  ['shanglin_gold', AWARDEE.gold, 2023, { enterprise: 'B', date: '2023-04-28' }],
  ['shanglin_silver', AWARDEE.silver, 2023, { enterprise: 'A', date: '2023-04-28' }],
  ['shanglin_craftsman', AWARDEE.craft, 2023, { enterprise: 'E', date: '2023-04-28' }],
  ['shanglin_silver', AWARDEE.craft, 2024, { enterprise: 'E', date: '2024-04-29' }],
  ['shanglin_craftsman', AWARDEE.craftAgain, 2024, { enterprise: 'D', date: '2024-04-29' }],
  // The 2024 技能之星 competition (every two years).
  ...[
    [AWARDEE.star1, 1, 'B'], [AWARDEE.starPrev, 2, 'A'], [AWARDEE.star3, 3, 'F'], [wrongCheck(AWARDEE.starBad), 3, 'C'], [AWARDEE.star4, 4, 'E'],
  ].map(([id, rank, enterprise]) => ['skill_star', id, 2024, { enterprise, rank, event: EVENT_2024, date: '2024-11-20' }]),
  // 高技能人才生活安居补助, by the level held on the award date.
  ['housing_allowance', AWARDEE.house1, 2023, { enterprise: 'B', level: '高级技师', date: '2023-10-12' }],
  ['housing_allowance', AWARDEE.house1, 2024, { enterprise: 'B', level: '高级技师' }],
  ['housing_allowance', AWARDEE.house2, 2024, { enterprise: 'A', level: '技师' }],
  ['housing_allowance', AWARDEE.house3, 2024, { enterprise: 'F', level: '高级工' }],
  ['housing_allowance', AWARDEE.gold, 2024, { enterprise: 'B', level: '高级技师' }],
  // Keeping shortage high-skill workers: A up in 2023 and equal in 2024 (paid), D lower in 2024.
  ['shortage_retention', byKey.A.id, 2023, { count: 16, prior: 14 }],
  ['shortage_retention', byKey.A.id, 2024, { count: 16, prior: 16 }],
  ['shortage_retention', byKey.D.id, 2024, { count: 9, prior: 11 }],
  // The 职业技能等级认定 enterprise review.
  ['certification_enterprise', byKey.B.id, 2023, { rating: 'good' }],
  ['certification_enterprise', byKey.A.id, 2024, { rating: 'excellent' }],
];
const awardNo = new Map();
const awards = awardRows.map(([program, recipient, year, o]) => {
  const n = (awardNo.get(year) ?? 0) + 1;
  awardNo.set(year, n);
  return { id: `AW${year}-${String(n).padStart(3, '0')}`, program, recipient, year, ...o };
});
// Paid before the file's rows: the first studio's city grant, a 上林工匠 title, the 2022 技能之星 winner.
const awardHistory = [
  ['HX2016-007', '技能大师工作室', STUDIO_1, 2016, '市级', '50000.00', ''],
  ['HX2021-012', '上林工匠', AWARDEE.craftAgain, 2021, '', '5000.00', ''],
  ['HX2022-031', '技能之星', AWARDEE.starPrev, 2022, '', '10000.00', EVENT_2022],
];

// The two schools of the property exemptions (RULES §3, properties.csv below): in enterprises.csv only.
const SCHOOLS = {
  NP: { key: 'NP', id: uscc('52330282MJ0012345'), name: '慈溪市古塘育才职业技能培训学校', town: '古塘街道', industry: '职业技能培训（民办非企业单位）' }, // a 民办非企业单位 running a non-profit school
  FP: { key: 'FP', id: uscc('91330282MA2H3T8K6'), name: '慈溪市白沙路启航教育科技有限公司', town: '白沙路街道', industry: '教育培训（营利性民办学校）' }, // a company running a for-profit school
};

// ── write ────────────────────────────────────────────────────────────────────────────
const csvLine = (cells) => cells.map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
const csv = (header, rows, eol = '\n') => [header, ...rows].map(csvLine).join(eol) + eol;

mkdirSync(OUT, { recursive: true });
const write = (name, content) => writeFileSync(join(OUT, name), content);

write(
  'enterprises.csv',
  csv(['enterprise_id', 'name', 'town', 'industry'], [...ENTERPRISES, ...Object.values(RETURNS_ONLY), ...Object.values(SUBSIDY_ONLY), ...Object.values(SCHOOLS)].map((e) => [e.id, e.name, e.town, e.industry])),
);
write(
  'payroll.csv',
  csv(
    ['enterprise_id', 'period', 'wages', 'employee_id'],
    payroll.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[3].localeCompare(b[3])).map(([id, p, fen, emp]) => [id, p, plain(fen), emp]),
  ),
);
write(
  'training.csv',
  iconv.encode(
    csv(
      ['纳税人识别号', '日期', '类别', '账载金额', '实际发生额', '摘要'],
      training.map(([id, date, cat, book, incurred, desc]) => [
        id,
        date,
        { education: '职工教育经费', full_training: '全额扣除职工培训费用', pcie_investment: '产教融合投资' }[cat],
        grouped(book),
        grouped(incurred),
        desc,
      ]),
      '\r\n',
    ),
    'gb18030',
  ),
);
write('qualifications.csv', csv(['enterprise_id', 'qualification', 'valid_from', 'valid_to'], qualifications));
write(
  'surcharges.csv',
  csv(
    ['enterprise_id', 'period', 'vat', 'vat_exempt_offset', 'refund_deduction', 'consumption_tax', 'sales', 'paid_edu', 'paid_local'],
    surcharges.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : a[0] + a[1] > b[0] + b[1] ? 1 : 0)).map(([id, period, ...fen]) => [id, period, ...fen.map(plain)]),
  ),
);
write('ledger.csv', csv(['enterprise_id', 'kind', 'period', 'opening', 'added', 'used', 'closing'], ledger));
write('catalog.csv', catalog.join('\n') + '\n');
write(
  'trainees.csv',
  iconv.encode(
    csv(
      ['申请编号', '姓名', '身份证号', '人员类别', '补贴项目', '统一社会信用代码', '职业（工种）', '技能等级', '证书类型', '证书编号', '发证日期', '评价方式', '参保月数', '合同月数', '月数', '申请日期'],
      claims.map((c) => [
        c.id,
        c.p.name,
        c.p.written ?? c.p.id,
        GROUP_ZH[c.group],
        PROGRAM_ZH[c.program],
        opt(c.ent, (k) => EMPLOYER[k].id),
        opt(c.occ),
        opt(c.level, (l) => LEVEL_ZH[l]),
        opt(c.certType, (t) => CERT_ZH[t]),
        opt(c.certNo),
        opt(c.certDate, slashDate),
        opt(c.route, (r) => ROUTE_ZH[r]),
        opt(c.insured),
        opt(c.contract),
        opt(c.months),
        slashDate(c.claimDate),
      ]),
      '\r\n',
    ),
    'gb18030',
  ),
);
history.sort((a, b) => a.paid.localeCompare(b.paid) || a.p.id.localeCompare(b.p.id));
write(
  'history.csv',
  '\ufeff' +
    csv(
      ['身份证号', '姓名', '补贴项目', '发放日期', '补贴金额', '职业（工种）', '技能等级', '证书编号', '月数'],
      history.map((h) => [h.p.id, h.p.name, PROGRAM_ZH[h.program], h.paid, h.amount, opt(h.occ), opt(h.level, (l) => LEVEL_ZH[l]), opt(h.certNo), opt(h.months)]),
    ),
);

write(
  'awards.csv',
  csv(
    ['award_id', 'program', 'recipient_id', 'year', 'enterprise_id', 'level', 'rating', 'rank', 'count', 'prior_count', 'event', 'award_date'],
    awards.map((a) => [a.id, a.program, a.recipient, a.year, opt(a.enterprise, (k) => EMPLOYER[k].id), opt(a.level), opt(a.rating), opt(a.rank), opt(a.count), opt(a.prior), opt(a.event), opt(a.date)]),
  ),
);
write('award-history.csv', '\ufeff' + csv(['奖励编号', '奖励项目', '奖励对象', '年度', '等级', '奖励金额', '赛事'], awardHistory));

// School property exemptions (RULES §3): fixed rows, so nothing above changes.
const NONPROFIT_SCHOOL = SCHOOLS.NP.id;
const FORPROFIT_SCHOOL = SCHOOLS.FP.id;
const properties = [
  // asset_id, enterprise_id, tax, school_type, use, year, original_value, deduction_ratio, rent, area_m2, unit_tax, basic_farmland, separate_land, price, rate, date, months
  ['B-SCH-TEACH', byKey.B.id, 'property', 'enterprise_school', 'teaching', 2023, '12000000.00', '', '', '', '', '', '', '', '', '', ''],
  ['B-SCH-TEACH', byKey.B.id, 'property', 'enterprise_school', 'teaching', 2024, '12000000.00', '', '', '', '', '', '', '', '', '', ''],
  ['B-SCH-RENT', byKey.B.id, 'property', 'enterprise_school', 'rented', 2024, '', '', '360000.00', '', '', '', '', '', '', '', 8],
  ['B-SCH-LAND1', byKey.B.id, 'land_use', 'enterprise_school', 'teaching', 2024, '', '', '', '3200', '6.00', '', 'no', '', '', '', ''],
  ['B-SCH-LAND2', byKey.B.id, 'land_use', 'enterprise_school', 'teaching', 2024, '', '', '', '5800.5', '6.00', '', 'yes', '', '', '', 9],
  ['B-TC-FARM', byKey.B.id, 'farmland', 'training_center', 'teaching', '', '', '', '', '1500', '25.00', 'no', '', '', '', '2022-06-15', ''],
  ['B-SCH-FARM', byKey.B.id, 'farmland', 'enterprise_school', 'teaching', '', '', '', '', '2400', '25.00', 'yes', '', '', '', '2023-03-20', ''],
  ['B-SCH-HOUSE', byKey.B.id, 'farmland', 'enterprise_school', 'staff_housing', '', '', '', '', '800', '25.00', 'no', '', '', '', '2023-03-20', ''],
  ['NP-DEED-1', NONPROFIT_SCHOOL, 'deed', 'nonprofit_school', 'teaching', '', '', '', '', '', '', '', '', '6800000.00', '', '2021-08-20', ''],
  ['NP-DEED-2', NONPROFIT_SCHOOL, 'deed', 'nonprofit_school', 'office', '', '', '', '', '', '', '', '', '2300000.00', '', '2021-09-15', ''],
  ['FP-DEED-1', FORPROFIT_SCHOOL, 'deed', 'forprofit_school', 'teaching', '', '', '', '', '', '', '', '', '4500000.00', '', '2021-08-25', ''],
  ['FP-DEED-2', FORPROFIT_SCHOOL, 'deed', 'forprofit_school', 'teaching', '', '', '', '', '', '', '', '', '3900000.00', '', '2021-09-06', ''],
];
write(
  'properties.csv',
  csv(
    ['asset_id', 'enterprise_id', 'tax', 'school_type', 'use', 'year', 'original_value', 'deduction_ratio', 'rent', 'area_m2', 'unit_tax', 'basic_farmland', 'separate_land', 'price', 'rate', 'date', 'months'],
    properties,
  ),
);

// ── the bureau's view (issue #15): certificates.csv, insurance.csv, providers.csv, fund.csv ──────
// Made after every file above, with its own PRNG (the new holders' 身份证号 and names, the providers
// of the registry's certificates, training dates, insurance starts), so the files above stay byte for
// byte as they were. The registry is matched as of 2024-12-31 (`skilltax match --as-of 2024-12-31`).
const rrand = mulberry32(20241231);
/** a whole number lo…hi */
const rint = (lo, hi) => lo + Math.floor((hi - lo + 1) * rrand());
const rpick = (list) => list[Math.floor(rrand() * list.length)];
const rDate = (from, to) => fromDays(rint(toDays(from), toDays(to)));
const rweighted = (pairs) => {
  let x = rrand() * pairs.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};
const MATCH_AS_OF = '2024-12-31';

/** A holder who claimed nothing (in neither trainees.csv nor history.csv): a Cixi 身份证号 none of the files above uses. */
function holder(sex, born) {
  const birth = rDate(`${born[0]}-01-01`, `${born[1]}-12-28`);
  for (;;) {
    const code = String(rint(1, 99)).padStart(2, '0') + String(sex === 'male' ? rpick([1, 3, 5, 7, 9]) : rpick([0, 2, 4, 6, 8]));
    const first17 = CIXI + birth.replaceAll('-', '') + code;
    if (usedIds.has(first17)) continue;
    usedIds.add(first17);
    return { sex, birth, name: rpick(SURNAMES) + rpick(GIVEN[sex]), id: first17 + idCheck(first17) };
  }
}

// The training providers (培训机构) and their 备案 validity. P001 is the non-profit school of properties.csv.
const PROVIDERS = [
  { id: 'P001', name: SCHOOLS.NP.name, from: '2018-01-01', to: '', star: 4, reviewYear: 2024, review: '优秀' },
  // 备案 lapsed on 2022-06-30, yet it kept training: its certificates dated after are `not_filed`.
  { id: 'P002', name: '慈溪市浒山天成职业技能培训中心', from: '2019-01-01', to: '2022-06-30', star: 3, reviewYear: 2021, review: '合格' },
  // Twelve certificates on one day in one occupation (2024-06-21, 电工 初级工): `same_day_batch`.
  { id: 'P003', name: '慈溪市新城技工职业培训学校', from: '2020-01-01', to: '', star: 2, reviewYear: 2024, review: '基本合格' },
];

const registry = []; // { p, no, type, occ, level, date, route, provider, start, end }
/** Training dates before the certificate: ends 3–20 days before it, lasts 2–6 weeks. */
function trained(c, provider) {
  if (!provider) return { ...c, provider: undefined };
  const end = plusDays(c.date, -rint(3, 20));
  return { ...c, provider, start: plusDays(end, -rint(14, 45)), end };
}
/** The provider of a certificate of the claims and the history: none for an enterprise's own evaluation or a competition, else one filed on its date (P002 rarely after its lapse). */
function providerOf(date, route) {
  if (route !== 'standard' || rrand() < 0.1) return undefined;
  if (date < '2019-03-01') return 'P001';
  if (date < '2020-03-01') return rweighted([['P001', 7], ['P002', 3]]);
  if (date <= '2022-06-30') return rweighted([['P001', 5], ['P002', 3], ['P003', 2]]);
  return rweighted([['P001', 6], ['P002', 1], ['P003', 3]]);
}

// Claimed: most certificates of the skill_upgrade claims (a background one in eight or so was issued
// outside Cixi and is not in the registry). The first background claim of 2024 on a standard
// certificate is registered to another person: the conflict.
const inRegistry = new Set(); // person_id certificate_no
const conflicted = claims.find((c) => c.program === 'skill_upgrade' && !c.tag && c.certNo && c.certDate >= '2024-01-01' && c.route === 'standard');
for (const c of claims) {
  if (c.program !== 'skill_upgrade' || !c.certNo || !c.certDate || c === conflicted) continue;
  if (!c.tag && rrand() < 0.12) continue;
  const key = `${c.p.id} ${c.certNo}`;
  if (inRegistry.has(key)) continue;
  inRegistry.add(key);
  registry.push(trained({ p: c.p, no: c.certNo, type: c.certType, occ: c.occ, level: c.level, date: c.certDate, route: c.route }, providerOf(c.certDate, c.route)));
}
// Paid: every certificate of the history (the old system's row without occupation and level takes them from the claim with its number).
for (const h of history) {
  if (!h.certNo || inRegistry.has(`${h.p.id} ${h.certNo}`)) continue;
  const claimed = claims.find((c) => c.certNo === h.certNo && c.occ !== undefined);
  const { type, date } = issued.get(h.certNo);
  inRegistry.add(`${h.p.id} ${h.certNo}`);
  registry.push(trained({ p: h.p, no: h.certNo, type, occ: h.occ ?? claimed.occ, level: h.level ?? claimed.level, date, route: 'standard' }, providerOf(date, 'standard')));
}

// Unemployment-insurance months (insurance.csv): spans [from, to, enterprise key] by person.
const insured = []; // { p, spans }
const monthsFrom = (from, to) => {
  const list = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? ((m = 1), y++) : m++) list.push(`${y}-${String(m).padStart(2, '0')}`);
  return list;
};
const LAST_MONTH = MATCH_AS_OF.slice(0, 7);
/** A continuous run with one employer up to 2024-12, starting some 1–6 years before `before` (YYYY-MM-DD). */
const steady = (ent, before, years = [1, 6]) => [[plusMonths(before, -rint(12 * years[0] + 1, 12 * years[1])).slice(0, 7), LAST_MONTH, ent]];

/** A certificate nobody claimed: a new holder, their insurance, the registry row. */
function unclaimed(o) {
  const p = o.p ?? holder(o.sex, o.born);
  insured.push({ p, spans: o.spans ?? steady(o.ent, o.date) });
  const c = { p, no: o.no ?? certificateNo(o.type ?? 'skill_level', o.date), type: o.type ?? 'skill_level', occ: o.occ, level: o.level, date: o.date, route: o.route ?? 'standard' };
  const row = o.training ? { ...c, provider: o.provider, ...o.training } : trained(c, o.provider);
  registry.push(row);
  return row;
}

// Within the window as of 2024-12-31 (certificate on or after 2023-12-31), never claimed: what 免申即享 finds.
// P003's same-day batch: twelve 电工 初级工 of five enterprises, trained together in May–June 2024.
const BATCH = { occ: '电工', level: 5, date: '2024-06-21', provider: 'P003', training: { start: '2024-05-06', end: '2024-06-14' } };
for (const ent of ['A', 'A', 'B', 'B', 'E', 'F', 'I', 'D']) {
  const sex = rweighted([['male', 4], ['female', 1]]);
  unclaimed({ ...BATCH, sex, born: sex === 'male' ? [1972, 2000] : [1976, 2000], ent }); // women under 50 through 2024
}
// …one who moved from D to F in mid-2023 (2023-06 paid by both: a month counted once),
unclaimed({ ...BATCH, sex: 'male', born: [1980, 1995], spans: [['2020-04', '2023-06', 'D'], ['2023-06', LAST_MONTH, 'F']] });
// …one with a gap of eight months: ten months at E, none in 2023-01…08, then I (cumulative 20 on the certificate date, 10 continuous),
unclaimed({ ...BATCH, sex: 'male', born: [1985, 1998], spans: [['2022-03', '2022-12', 'E'], ['2023-09', LAST_MONTH, 'I']] });
// …one insured since 2024-04 only: 9 months by 2024-12-31, 3 on the certificate date (not payable),
unclaimed({ ...BATCH, sex: 'female', born: [1998, 2002], spans: [['2024-04', LAST_MONTH, 'B']] });
// …and one more of B.
unclaimed({ ...BATCH, sex: 'male', born: [1975, 1990], ent: 'B' });
// Others: days from the deadline (2024-01-05 → 2025-01-05), a move from B to I in 2023, an enterprise's own evaluation.
unclaimed({ sex: 'male', born: [1978, 1992], ent: 'E', occ: '数控车工', level: 4, date: '2024-01-05', provider: 'P001' });
unclaimed({ sex: 'male', born: [1976, 1990], occ: '焊工', level: 3, date: '2024-09-10', provider: 'P001', spans: [['2019-10', '2023-04', 'B'], ['2023-05', LAST_MONTH, 'I']] });
unclaimed({ sex: 'female', born: [1980, 1994], ent: 'A', occ: '车工', level: 4, date: '2024-11-08', route: 'self_evaluation' });
// Two claimants of trainees.csv, insured as their claims say (months counted back from the claim):
// the next level of a certificate subsidised in 2019 (payable), and a second certificate of the
// occupation and level subsidised in 2024 (duplicate_occupation_level: not payable).
for (const [tag, o] of [
  ['insured.2019_12', { occ: '电工', level: 3, date: '2024-05-17', provider: 'P001' }],
  ['window.month_end_in_time', { occ: '电工', level: 4, date: '2024-10-25', provider: 'P003' }],
]) {
  const c = claims.find((x) => x.tag === tag);
  unclaimed({ ...o, p: c.p, spans: [[plusMonths(c.claimDate, 1 - c.insured).slice(0, 7), LAST_MONTH, c.ent]] });
}
// The conflict: the registry gives a claimed certificate to someone else (claimed in trainees.csv by another person).
unclaimed({ sex: 'male', born: [1975, 1995], ent: rpick(['A', 'B', 'E']), no: conflicted.certNo, type: conflicted.certType, occ: conflicted.occ, level: conflicted.level, date: conflicted.certDate, provider: 'P001' });
// The duplicate: one person twice with one certificate number (two imports merged; the second without its provider).
{
  const dup = unclaimed({ sex: 'female', born: [1982, 1996], ent: 'F', occ: '钳工', level: 4, date: '2024-08-16', provider: 'P001' });
  registry.push({ ...dup, provider: undefined, start: undefined, end: undefined });
}
// Expired as of 2024-12-31 (certificate before 2023-12-31): listed by `match --include-expired`.
// P002's of 2022-04-22 was issued a week before its training ended (cert_before_training_end); its
// 2023-03-09 one is after its 备案 lapsed; 2023-12-29 missed the deadline by two days.
unclaimed({ sex: 'male', born: [1975, 1990], ent: 'A', occ: '钳工', level: 5, date: '2022-04-22', provider: 'P002', training: { start: '2022-03-28', end: '2022-04-29' } });
unclaimed({ sex: 'female', born: [1980, 1995], ent: 'B', occ: '电工', level: 4, date: '2022-11-18', provider: 'P001' });
unclaimed({ sex: 'male', born: [1985, 1999], ent: 'E', occ: '数控车工', level: 5, date: '2023-03-09', provider: 'P002' });
unclaimed({ sex: 'male', born: [1978, 1993], ent: 'F', occ: '焊工', level: 4, date: '2023-07-14', provider: 'P003' });
unclaimed({ sex: 'male', born: [1976, 1990], ent: 'A', occ: '车工', level: 3, date: '2023-12-29', provider: 'P001' });

registry.sort((a, b) => a.date.localeCompare(b.date) || a.no.localeCompare(b.no) || a.p.id.localeCompare(b.p.id) || (a.provider ? 0 : 1) - (b.provider ? 0 : 1));
write(
  'certificates.csv',
  csv(
    ['person_id', 'name', 'certificate_no', 'certificate_type', 'occupation', 'level', 'certificate_date', 'route', 'provider_id', 'training_start', 'training_end'],
    registry.map((r) => [r.p.id, r.p.name, r.no, r.type, r.occ, r.level, r.date, r.route, opt(r.provider), opt(r.start), opt(r.end)]),
  ),
);
const insurance = insured.flatMap(({ p, spans }) => spans.flatMap(([from, to, ent]) => monthsFrom(from, to).map((period) => [p.id, period, EMPLOYER[ent].id])));
insurance.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]) || a[2].localeCompare(b[2]));
write('insurance.csv', csv(['person_id', 'period', 'enterprise_id'], insurance));
write(
  'providers.csv',
  csv(['provider_id', 'name', 'filed_from', 'filed_to', 'star', 'review_year', 'review_result'], PROVIDERS.map((p) => [p.id, p.name, p.from, p.to, p.star, p.reviewYear, p.review])),
);
// The skills fund (专账), 2019–2024: skill_upgrade's own allocation each year, and the whole fund
// (`*`) for every other program, each above what `run` pays that year (eligible claims of the year
// plus history.csv paid in it), so that the demo runs without warnings; 2023's skill_upgrade is used
// at 88%, 2024's leaves room for the unclaimed payable certificates (committed, 免申即享).
const fund = [
  [2019, '*', '30000.00', '慈财社〔2019〕15号 (example)'],
  [2019, 'skill_upgrade', '5000.00', '慈财社〔2019〕15号 (example)'],
  [2020, '*', '60000.00', '慈财社〔2020〕9号 (example)'],
  [2020, 'skill_upgrade', '5000.00', '慈财社〔2020〕9号 (example)'],
  [2021, '*', '100000.00', '慈财社〔2021〕11号 (example)'],
  [2021, 'skill_upgrade', '20000.00', '慈财社〔2021〕11号 (example)'],
  [2022, '*', '120000.00', '慈财社〔2022〕7号 (example)'],
  [2022, 'skill_upgrade', '30000.00', '慈财社〔2022〕7号 (example)'],
  [2023, '*', '120000.00', '慈财社〔2023〕12号 (example)'],
  [2023, 'skill_upgrade', '30000.00', '慈财社〔2023〕12号 (example)'],
  [2024, '*', '200000.00', '慈财社〔2024〕6号 (example: the whole 专账)'],
  [2024, 'skill_upgrade', '50000.00', '慈财社〔2024〕6号 (example)'],
];
write('fund.csv', csv(['year', 'program', 'allocated', 'source'], fund));

if (!args.includes('--quiet')) {
  process.stdout.write(
    `wrote ${OUT}: ${ENTERPRISES.length + Object.keys(RETURNS_ONLY).length + Object.keys(SUBSIDY_ONLY).length + Object.keys(SCHOOLS).length} enterprises, ${payroll.length} payroll rows, ${training.length} training rows (GB18030), ` +
      `${qualifications.length} qualifications, ${surcharges.length} surcharge returns, ${ledger.length} ledger row, ` +
      `${claims.length} subsidy claims of ${new Set(claims.map((c) => c.p.id)).size} persons (GB18030), ${history.length} history rows, ${catalog.length - 1} catalogue rows, ` +
      `${awards.length} award rows, ${awardHistory.length} award history rows, ${properties.length} property rows, ` +
      `${registry.length} certificates, ${insurance.length} insurance months of ${insured.length} persons, ${PROVIDERS.length} providers, ${fund.length} fund rows\n`,
  );
}
if (args.includes('--cases')) {
  // The claim_id of each scenario, for the tests (test/demo-subsidy.test.ts).
  for (const c of claims) if (c.tag) process.stdout.write(`${c.id} ${c.tag}\n`);
}
