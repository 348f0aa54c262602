/**
 * The demo's school property exemptions (RULES §3, CONTRACT §7) end to end: `skilltax exempt` on
 * fixtures/demo/properties.csv against test/golden/demo/exemptions.csv (regenerate with `npm run
 * golden` and review the diff). Every row of the golden file is also recomputed here from the
 * input with RULES §3's rules and the built-in figures as README lists them (房产税 1.2% of the
 * value less 30%, 12% of the rent; basic farmland × 1.5; 契税 3%), in integer fen with half-up
 * rounding, without the project's code: the calculator is never imported. Each scenario of
 * scripts/make-demo.mjs is then asserted by its asset_id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skilltax } from './helpers/cli.js';
import { demoFile, golden, goldenWithoutEnterprise, readCsv, withEnterpriseOf, type Row } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';

const tempDir = tempDirs('skilltax-demo-exempt-');

// ── RULES §3 recomputed, without the project's code ─────────────────────────
const fen = (s: string) => {
  const [i, f = ''] = s.split('.');
  return BigInt(i!) * 100n + BigInt((f + '00').slice(0, 2));
};
/** a decimal text as an integer of `places` decimals: "0.3", 6 → 300000 */
const scaled = (s: string, places: number) => {
  const [i, f = ''] = s.split('.');
  return BigInt(i!) * 10n ** BigInt(places) + BigInt((f + '0'.repeat(places)).slice(0, places));
};
/** n / d rounded half-up (n, d ≥ 0) */
const roundDiv = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
const yuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
const area = (s: string) => {
  const [i, f = ''] = s.split('.');
  return `${i}.${f.padEnd(2, '0')}`;
};

const REASONS = ['training_center', 'school_type_not_exempt', 'after_2021_09_forprofit', 'not_self_use', 'business_use', 'staff_housing', 'not_teaching_use', 'land_not_separate'];
const SCHOOLS = ['state_school', 'enterprise_school', 'technical_school', 'nonprofit_school', 'forprofit_school'];

function expected(r: Row): Row {
  const reasons = new Set<string>();
  const year = r.year || r.date!.slice(0, 4);
  const months = BigInt(r.months || '12');
  let base: string;
  let tax: bigint;
  const selfUse = r.use === 'teaching' || r.use === 'office';
  switch (r.tax) {
    case 'property':
      if (r.original_value) {
        const rest = roundDiv(fen(r.original_value) * (1_000_000n - scaled(r.deduction_ratio || '0.3', 6)), 1_000_000n);
        base = yuan(rest);
        tax = roundDiv(rest * 12n * months, 1000n * 12n);
      } else {
        base = yuan(fen(r.rent!));
        tax = roundDiv(fen(r.rent!) * 12n * months, 100n * 12n);
      }
      if (!SCHOOLS.includes(r.school_type!)) reasons.add('training_center');
      if (!selfUse) reasons.add('not_self_use');
      break;
    case 'land_use':
      base = area(r.area_m2!);
      tax = roundDiv(fen(r.unit_tax!) * scaled(r.area_m2!, 4) * months, 10_000n * 12n);
      if (!SCHOOLS.includes(r.school_type!)) reasons.add('training_center');
      if (!selfUse) reasons.add('not_self_use');
      if (r.school_type === 'enterprise_school' && r.separate_land !== 'yes') reasons.add('land_not_separate');
      break;
    case 'farmland':
      base = area(r.area_m2!);
      tax = roundDiv(fen(r.unit_tax!) * scaled(r.area_m2!, 4) * (r.basic_farmland === 'yes' ? 3n : 2n), 10_000n * 2n);
      if (!SCHOOLS.includes(r.school_type!)) reasons.add('training_center');
      if (r.use === 'business') reasons.add('business_use');
      if (r.use === 'staff_housing') reasons.add('staff_housing');
      if (r.use === 'rented') reasons.add('not_self_use');
      break;
    default: {
      base = yuan(fen(r.price!));
      tax = roundDiv(fen(r.price!) * scaled(r.rate || '0.03', 6), 1_000_000n);
      const after = r.date! >= '2021-09-01';
      if (r.school_type === 'training_center') reasons.add('training_center');
      else if (after && !['state_school', 'nonprofit_school'].includes(r.school_type!)) reasons.add('after_2021_09_forprofit');
      const uses = after ? ['teaching', 'office'] : ['teaching'];
      if (!uses.includes(r.use!)) reasons.add({ business: 'business_use', staff_housing: 'staff_housing', rented: 'not_self_use' }[r.use!] ?? 'not_teaching_use');
    }
  }
  const exempt = reasons.size === 0;
  return {
    asset_id: r.asset_id!,
    enterprise_id: r.enterprise_id!,
    tax: r.tax!,
    year,
    base,
    tax_amount: yuan(tax),
    exempt: exempt ? 'yes' : 'no',
    exempt_amount: exempt ? yuan(tax) : '0.00',
    reasons: REASONS.filter((x) => reasons.has(x)).join(';'),
  };
}

const TAX_ORDER = ['property', 'land_use', 'farmland', 'deed'];
const inputs = () => readCsv(readFileSync(demoFile('properties.csv')));
const recomputed = () =>
  inputs()
    .map(expected)
    .sort((a, b) => (a.asset_id! < b.asset_id! ? -1 : a.asset_id! > b.asset_id! ? 1 : 0) || TAX_ORDER.indexOf(a.tax!) - TAX_ORDER.indexOf(b.tax!) || Number(a.year) - Number(b.year));
const goldenRows = () => readCsv(golden('exemptions.csv'));
const withoutRefs = (rows: Row[]) => rows.map(({ rule_refs: _, ...rest }) => rest);

describe('exemptions.csv of the demo', () => {
  it('skilltax exempt writes the golden file, exit 0, no warning', () => {
    const out = join(tempDir(), 'exemptions.csv');
    const r = skilltax(['exempt', '--properties', demoFile('properties.csv'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('warning');
    // `exempt` does not read enterprises.csv: the golden file without name and town
    expect(readFileSync(out, 'utf8')).toBe(goldenWithoutEnterprise('exemptions.csv').toString('utf8'));
  });

  it('every golden row equals the independent recomputation of RULES §3', () => {
    // name and town (镇街道) at the end, from enterprises.csv
    expect(withoutRefs(goldenRows())).toEqual(recomputed().map((r) => withEnterpriseOf(r)));
  });

  it('rule_refs cite the sources with their status', () => {
    const refs = new Map(goldenRows().map((r) => [`${r.asset_id} ${r.year}`, r.rule_refs!]));
    expect(refs.get('B-SCH-TEACH 2024')).toContain('房产税暂行条例 第四条 [verified]');
    expect(refs.get('B-SCH-TEACH 2024')).toContain('[unverified]'); // the Zhejiang 30% ratio
    expect(refs.get('B-SCH-LAND1 2024')).toContain('(88)国税地字第015号 第十七条 [verified]');
    expect(refs.get('B-SCH-FARM 2023')).toContain('耕地占用税法 第六条 [verified]');
    expect(refs.get('FP-DEED-1 2021')).toContain('财税〔2004〕39号 第三条 (用于教学) [verified]');
    expect(refs.get('FP-DEED-2 2021')).toContain('契税法 第六条 (非营利性的学校) [unverified]');
  });
});

describe('the demo scenarios (scripts/make-demo.mjs), by asset_id', () => {
  const byAsset = () => new Map(goldenRows().map((r) => [`${r.asset_id} ${r.year}`, r]));
  it.each([
    ['the school\'s teaching building, 2023', 'B-SCH-TEACH 2023', '8400000.00', '100800.00', 'yes', ''],
    ['the school\'s teaching building, 2024', 'B-SCH-TEACH 2024', '8400000.00', '100800.00', 'yes', ''],
    ['a building rented out for 8 months', 'B-SCH-RENT 2024', '360000.00', '28800.00', 'no', 'not_self_use'],
    ['land shared with the factory', 'B-SCH-LAND1 2024', '3200.00', '19200.00', 'no', 'land_not_separate'],
    ['separate land, 9 months', 'B-SCH-LAND2 2024', '5800.50', '26102.25', 'yes', ''],
    ['the training centre on farmland', 'B-TC-FARM 2022', '1500.00', '37500.00', 'no', 'training_center'],
    ['a teaching building on basic farmland (× 1.5)', 'B-SCH-FARM 2023', '2400.00', '90000.00', 'yes', ''],
    ['staff housing on farmland', 'B-SCH-HOUSE 2023', '800.00', '20000.00', 'no', 'staff_housing'],
    ['non-profit school deed, 2021-08-20', 'NP-DEED-1 2021', '6800000.00', '204000.00', 'yes', ''],
    ['non-profit school deed (office), 2021-09-15', 'NP-DEED-2 2021', '2300000.00', '69000.00', 'yes', ''],
    ['for-profit school deed, 2021-08-25', 'FP-DEED-1 2021', '4500000.00', '135000.00', 'yes', ''],
    ['for-profit school deed, 2021-09-06', 'FP-DEED-2 2021', '3900000.00', '117000.00', 'no', 'after_2021_09_forprofit'],
  ])('%s', (_, key, base, tax, exempt, reasons) => {
    expect(byAsset().get(key)).toMatchObject({ base, tax_amount: tax, exempt, exempt_amount: exempt === 'yes' ? tax : '0.00', reasons });
  });

  it('summary.csv: the exempt amounts per tax add up to the total', () => {
    const rows = readCsv(golden('summary.csv')).filter((r) => r.calculator === 'exempt');
    const v = Object.fromEntries(rows.map((r) => [r.item, r.value]));
    expect(v).toMatchObject({ rows: '12', assets: '11', exempt: '7', taxed: '5', total_tax: '948202.25', total_exempt: '725702.25' });
    expect(v).toMatchObject({ exempt_property: '201600.00', exempt_land_use: '26102.25', exempt_farmland: '90000.00', exempt_deed: '408000.00' });
    const sum = ['property', 'land_use', 'farmland', 'deed'].reduce((a, t) => a + fen(v[`exempt_${t}`]!), 0n);
    expect(yuan(sum)).toBe(v.total_exempt);
  });
});
