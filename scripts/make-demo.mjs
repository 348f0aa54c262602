#!/usr/bin/env node
/**
 * Writes the inputs of fixtures/demo: seven Cixi enterprises, 2016–2024, for the employee
 * education expense deduction (职工教育经费, RULES §1), plus surcharge returns 2023–2024 of two
 * of them and of two more that only file returns, for the 产教融合 credit and the education
 * surcharges (RULES §2). Deterministic: a fixed-seed PRNG, no clock, integer fen throughout.
 * Run `node scripts/make-demo.mjs [OUTDIR]` (default fixtures/demo), then regenerate the golden
 * files with `node scripts/update-golden.mjs`.
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
 * training.csv is written in GB18030 with Chinese headers and category labels and CRLF line
 * ends, as Excel on Chinese Windows saves it (the 产教融合投资 rows are in it too); the other files
 * are UTF-8.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const OUT = resolve(args.find((a) => !a.startsWith('--')) ?? join(ROOT, 'fixtures', 'demo'));
const FIRST_YEAR = 2016;
const LAST_YEAR = 2024;

// ── 统一社会信用代码 check character (GB 32100-2015, RULES §6) ─────────────────────────
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function uscc(first17) {
  if (first17.length !== 17) throw new Error(`${first17}: 17 characters expected`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`${first17}: "${first17[i]}" is not a USCC character`);
    sum += v * USCC_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return first17 + USCC_ALPHABET[c === 31 ? 0 : c];
}

// ── deterministic randomness (mulberry32, fixed seed) ────────────────────────────────
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
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
    key: 'A', id: uscc('91330282144073961'), name: '慈溪市周巷华锐轴承有限公司', town: '慈溪市周巷镇', industry: '轴承制造',
    first: 2016, wages2016: 4_180_000, growth: 0.055,
    edu: { 2016: 0.021, 2017: 0.029, 2018: 0.034, 2019: 0.030, 2020: 0.018, 2021: 0.027, 2022: 0.031, 2023: 0.035, 2024: 0.033 },
    topics: ['数控磨床操作技能培训', '轴承热处理工艺培训', '安全生产教育培训', '电工特种作业操作证复审培训', '质量管理体系内审员培训', '新员工岗前培训', '职业技能等级认定培训费'],
  },
  {
    key: 'B', id: uscc('91330282725183640'), name: '慈溪市观海卫智能电器有限公司', town: '慈溪市观海卫镇', industry: '家用电器制造',
    first: 2016, wages2016: 5_620_000, growth: 0.07,
    edu: { 2016: 0.055, 2017: 0.086, 2018: 0.050, 2019: 0.062, 2020: 0.045, 2021: 0.070, 2022: 0.066, 2023: 0.072, 2024: 0.068 },
    topics: ['研发人员嵌入式控制技术进修', '智能家电产品设计培训', '工业机器人操作与维护培训', '精益生产管理培训', '安全生产教育培训', '技能大师工作室带徒培训', '职工学历教育学费报销'],
  },
  {
    key: 'C', id: uscc('91330282MA2CL4RK1'), name: '慈溪坎墩云帆软件科技有限公司', town: '慈溪市坎墩街道', industry: '软件开发',
    first: 2016, staffFrom: { 2016: 10, 2017: 11, 2018: 12, 2019: 13, 2020: 13, 2021: 14, 2022: 15, 2023: 16, 2024: 16 },
    edu: { 2016: 0.018, 2017: 0.016, 2018: 0.021, 2019: 0.019, 2020: 0.015, 2021: 0.022, 2022: 0.020, 2023: 0.024, 2024: 0.023 },
    full: { 2016: 0.032, 2017: 0.041, 2018: 0.036, 2019: 0.048, 2020: 0.030, 2021: 0.044, 2022: 0.050, 2023: 0.046, 2024: 0.039 },
    topics: ['项目管理培训', '信息安全意识培训', '新员工入职培训', '职工学历教育学费报销'],
    fullTopics: ['Java企业级开发专项培训（单独核算）', '嵌入式软件开发培训（单独核算）', '云原生架构培训（单独核算）', '软件测试工程师培训（单独核算）', '数据库管理员认证培训（单独核算）'],
  },
  {
    key: 'D', id: uscc('91330282254907316'), name: '慈溪市宗汉锦纶纺织有限公司', town: '慈溪市宗汉街道', industry: '纺织',
    first: 2016, wages2016: 2_960_000, growth: 0.03,
    edu: { 2016: 0.020, 2017: 0.022, 2018: 0.024, 2020: 0.021, 2021: 0.023, 2022: 0.019, 2023: 0.025, 2024: 0.022 },
    topics: ['纺织机械挡车工技能培训', '印染工艺培训', '安全生产教育培训', '班组长管理培训', '新员工岗前培训'],
  },
  {
    key: 'E', id: uscc('91330282683914527'), name: '慈溪市龙山精工模具有限公司', town: '慈溪市龙山镇', industry: '模具制造',
    first: 2016, wages2016: 3_240_000, growth: 0.045,
    edu: { 2016: 0.018, 2018: 0.040, 2019: 0.042, 2020: 0.030, 2021: 0.050, 2022: 0.055, 2023: 0.050, 2024: 0.060 },
    topics: ['模具设计CAD/CAM培训', '数控加工中心操作培训', '钳工技能等级培训', '安全生产教育培训', '新员工岗前培训'],
  },
  {
    key: 'F', id: uscc('91330282MA28PY6G0'), name: '慈溪市逍林汽车配件有限公司', town: '慈溪市逍林镇', industry: '汽车零部件制造',
    first: 2018, wages2016: 1_980_000, growth: 0.05,
    edu: { 2018: 0.060, 2019: 0.065, 2020: 0.040, 2021: 0.052, 2022: 0.048, 2023: 0.055, 2024: 0.050 },
    topics: ['IATF16949质量体系培训', '焊接技能培训', '冲压设备操作培训', '安全生产教育培训', '新员工岗前培训'],
  },
  {
    key: 'G', id: uscc('91330282MA2GQ7WE5'), name: '慈溪市新浦海鲜食品有限公司', town: '慈溪市新浦镇', industry: '食品加工',
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
  H: { key: 'H', id: uscc('91330282MA2H3KNX4'), name: '慈溪市明远五金贸易有限公司', town: '慈溪市浒山街道', industry: '五金批发' },
  I: { key: 'I', id: uscc('91330282MA2J8TD61'), name: '慈溪市附海瑞丰电器配件有限公司', town: '慈溪市附海镇', industry: '电器配件制造' },
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

// ── write ────────────────────────────────────────────────────────────────────────────
const csvLine = (cells) => cells.map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
const csv = (header, rows, eol = '\n') => [header, ...rows].map(csvLine).join(eol) + eol;

mkdirSync(OUT, { recursive: true });
const write = (name, content) => writeFileSync(join(OUT, name), content);

write(
  'enterprises.csv',
  csv(['enterprise_id', 'name', 'town', 'industry'], [...ENTERPRISES, ...Object.values(RETURNS_ONLY)].map((e) => [e.id, e.name, e.town, e.industry])),
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

if (!args.includes('--quiet')) {
  process.stdout.write(
    `wrote ${OUT}: ${ENTERPRISES.length + Object.keys(RETURNS_ONLY).length} enterprises, ${payroll.length} payroll rows, ${training.length} training rows (GB18030), ` +
      `${qualifications.length} qualifications, ${surcharges.length} surcharge returns, ${ledger.length} ledger row\n`,
  );
}
