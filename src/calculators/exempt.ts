/**
 * School property tax exemptions (RULES §3, CONTRACT §7): the `exempt` command. Pure: the rows of
 * properties.csv in; for each asset, tax and year, the tax that would be due, whether the school's
 * use of it is exempt and the amount exempted, with every reason when it is not and the sources
 * (with their status) of each rule applied.
 *
 * The four taxes: 房产税 and 城镇土地使用税 (yearly, by months for a part year), 耕地占用税 and 契税
 * (one-off, in the year of their date). Every rate, ratio, school-type list and use list is a
 * dated parameter (`exempt.*`); a row whose tax lacks the figures it is computed from never gets
 * here (the loader refuses it), and a date with no parameter in force is a RuleGapError.
 */
import { addFen, Dec, formatFen, mulRate, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import type { InputTypes, Property } from '../domain/records.js';
import type { ColumnDef, Table } from '../domain/table.js';
import { Tracer, type ParamRead, type Trace, type TraceSection } from '../domain/trace.js';
import { UsageError } from '../domain/errors.js';
import { PROPERTY_TAXES, type PropertyTax, type PropertyUse } from '../domain/vocabulary.js';
import type { Rules } from '../rules/index.js';
import { defineCalculator, inYearRange, type CalculatorResult, type ComputeContext, type SummaryItem } from './calculator.js';

export const EXEMPT_REASONS = [
  'training_center',
  'school_type_not_exempt',
  'after_2021_09_forprofit',
  'not_self_use',
  'business_use',
  'staff_housing',
  'not_teaching_use',
  'land_not_separate',
] as const;
export type ExemptReason = (typeof EXEMPT_REASONS)[number];

/** The tax's name on the forms, and whether it is due every year (else once, in the year of its date). */
export const TAX_NAMES: Record<PropertyTax, { zh: string; yearly: boolean }> = {
  property: { zh: '房产税', yearly: true },
  land_use: { zh: '城镇土地使用税', yearly: true },
  farmland: { zh: '耕地占用税', yearly: false },
  deed: { zh: '契税', yearly: false },
};

export interface ExemptDecision {
  p: Property;
  year: number;
  /** the day the parameters are read: 31 December of a yearly tax's year, a one-off tax's date */
  on: string;
  /** the tax base as printed: yuan (房产税 余值 or rent, 契税 price) or m² (the land taxes) */
  base: string;
  taxAmount: Fen;
  exempt: boolean;
  exemptAmount: Fen;
  reasons: ExemptReason[];
  refs: string[];
  /** the steps of this row, only for the asset explained */
  section?: TraceSection;
  reads?: ParamRead[];
}

/** An area as printed: at least 2 decimals ("1200.5" → "1200.50"). */
const showArea = (a: string) => new Dec(a).toFixed(Math.max(2, new Dec(a).decimalPlaces()));

/** How a parameter read is cited in rule_refs: its source with its status (a `;` in a source is written `,`). */
const refOf = (r: ParamRead) => `${r.source.replace(/;/g, ',')} [${r.status}]`;

/** What a use that is not exempt is called, by tax. */
function useReason(tax: PropertyTax, use: PropertyUse): ExemptReason {
  if (tax === 'property' || tax === 'land_use') return 'not_self_use';
  if (use === 'business') return 'business_use';
  if (use === 'staff_housing') return 'staff_housing';
  if (use === 'rented') return 'not_self_use';
  return 'not_teaching_use';
}

/** The day a row's parameters are read. */
export function decisionDate(p: Property): { year: number; on: string } {
  const year = p.year ?? (p.date === undefined ? undefined : Number(p.date.slice(0, 4)));
  if (year === undefined) throw new UsageError(`asset ${p.asset_id} (${p.tax}): no year or date to tax it in`);
  const on = TAX_NAMES[p.tax].yearly ? `${year}-12-31` : (p.date ?? `${year}-12-31`);
  return { year, on };
}

function missing(p: Property, what: string): never {
  throw new UsageError(`asset ${p.asset_id} (${p.tax}, ${TAX_NAMES[p.tax].zh}) line ${p.line}: ${what}: the rules do not cover it without`);
}

/**
 * Decides one row. Throws RuleGapError when a parameter has nothing in force on its day, and
 * UsageError for a row without the figures its tax is computed from (the loader refuses those).
 */
export function decideProperty(rules: Rules, p: Property, traced = false): ExemptDecision {
  const tracer = new Tracer(traced, 'full');
  const r = rules.recording((x) => tracer.read(x));
  const { year, on } = decisionDate(p);
  const reasons = new Set<ExemptReason>();
  const refs = new Set<string>();
  const cite = (keys: readonly string[]) => keys.forEach((k) => refs.add(refOf(tracer.cited(k))));
  const check = (label: string, ok: boolean, how: string, reason: ExemptReason, keys: readonly string[]) => {
    tracer.step(() => ({ label, value: ok ? 'ok' : reason, how, cite: keys }));
    if (!ok) reasons.add(reason);
    cite(keys);
  };
  const name = TAX_NAMES[p.tax];
  tracer.section(`${p.tax} (${name.zh}) ${year}`);
  tracer.step(() => ({
    label: 'decided on',
    value: on,
    how: name.yearly ? `31 December of ${year}` : p.date !== undefined ? 'the date of the row (one-off tax)' : `31 December of ${year} (no date)`,
    source: `properties.csv line ${p.line}`,
  }));

  // ── the tax that would be due ──
  let base: string;
  let tax: Fen;
  const months = p.months ?? 12;
  const part = new Dec(months).div(12);
  const partHow = p.months === undefined ? '' : ` × ${months}/12`;
  switch (p.tax) {
    case 'property': {
      if (p.original_value !== undefined) {
        let ratio;
        let ratioHow;
        const keys = ['exempt.property.value_rate'];
        if (p.deduction_ratio !== undefined) {
          ratio = new Dec(p.deduction_ratio);
          ratioHow = `${p.deduction_ratio} (the row)`;
        } else {
          ratio = r.rate('exempt.property.deduction_ratio', on);
          ratioHow = `${ratio.toFixed()} (the province's ratio)`;
          keys.push('exempt.property.deduction_ratio');
        }
        const rate = r.rate('exempt.property.value_rate', on);
        const rest = mulRate(p.original_value, new Dec(1).minus(ratio));
        base = formatFen(rest);
        tax = mulRate(rest, rate.mul(part));
        tracer.step(() => ({ label: '余值 (base)', value: base, how: `original value ${formatFen(p.original_value!)} × (1 − ${ratioHow})` }));
        tracer.step(() => ({ label: 'tax by value', value: formatFen(tax), how: `${base} × ${rate.toFixed()}${partHow}`, cite: keys }));
        cite(keys);
      } else if (p.rent !== undefined) {
        const rate = r.rate('exempt.property.rent_rate', on);
        base = formatFen(p.rent);
        tax = mulRate(p.rent, rate.mul(part));
        tracer.step(() => ({ label: 'tax by rent', value: formatFen(tax), how: `rent ${base} × ${rate.toFixed()}${partHow}`, cite: ['exempt.property.rent_rate'] }));
        cite(['exempt.property.rent_rate']);
      } else missing(p, 'original_value or rent');
      break;
    }
    case 'land_use': {
      if (p.area_m2 === undefined || p.unit_tax === undefined) missing(p, 'area_m2 and unit_tax');
      base = showArea(p.area_m2);
      tax = mulRate(p.unit_tax, new Dec(p.area_m2).mul(part));
      tracer.step(() => ({ label: 'tax', value: formatFen(tax), how: `${base} m² × ${formatFen(p.unit_tax!)} yuan/m²${partHow}` }));
      break;
    }
    case 'farmland': {
      if (p.area_m2 === undefined || p.unit_tax === undefined) missing(p, 'area_m2 and unit_tax');
      base = showArea(p.area_m2);
      if (p.basic_farmland === true) {
        const up = r.rate('exempt.farmland.basic_farmland_increase', on);
        tax = mulRate(p.unit_tax, new Dec(p.area_m2).mul(up.plus(1)));
        tracer.step(() => ({
          label: 'tax (basic farmland)',
          value: formatFen(tax),
          how: `${base} m² × ${formatFen(p.unit_tax!)} yuan/m² × ${up.plus(1).toFixed()}`,
          cite: ['exempt.farmland.basic_farmland_increase'],
        }));
        cite(['exempt.farmland.basic_farmland_increase']);
      } else {
        tax = mulRate(p.unit_tax, new Dec(p.area_m2));
        tracer.step(() => ({ label: 'tax', value: formatFen(tax), how: `${base} m² × ${formatFen(p.unit_tax!)} yuan/m² (not basic farmland)` }));
      }
      break;
    }
    case 'deed': {
      if (p.price === undefined) missing(p, 'price');
      base = formatFen(p.price);
      if (p.rate !== undefined) {
        tax = mulRate(p.price, new Dec(p.rate));
        tracer.step(() => ({ label: 'tax', value: formatFen(tax), how: `price ${base} × ${p.rate} (the row)` }));
      } else {
        const rate = r.rate('exempt.deed.rate', on);
        tax = mulRate(p.price, rate);
        tracer.step(() => ({ label: 'tax', value: formatFen(tax), how: `price ${base} × ${rate.toFixed()}`, cite: ['exempt.deed.rate'] }));
        cite(['exempt.deed.rate']);
      }
      break;
    }
  }

  // ── the exemption: school type, use, and the tax's own condition ──
  const typesKey = `exempt.${p.tax}.school_types`;
  const types = r.list(typesKey, on);
  const typeOk = types.includes(p.school_type);
  let typeReason: ExemptReason = 'school_type_not_exempt';
  const typeKeys = [typesKey];
  if (p.school_type === 'training_center') typeReason = 'training_center';
  else if (p.tax === 'deed') {
    const nonprofitOnly = r.flag('exempt.deed.nonprofit_only', on);
    typeKeys.push('exempt.deed.nonprofit_only');
    if (nonprofitOnly) typeReason = 'after_2021_09_forprofit';
  }
  check('school type', typeOk, `${p.school_type}: exempt are ${types.join(', ')}`, typeReason, typeOk ? [typesKey] : typeKeys);

  const usesKey = `exempt.${p.tax}.uses`;
  const uses = r.list(usesKey, on);
  check('use', uses.includes(p.use), `${p.use}: exempt are ${uses.join(', ')}`, useReason(p.tax, p.use), [usesKey]);

  if (p.tax === 'land_use') {
    const key = 'exempt.land_use.separate_land_types';
    const separateTypes = r.list(key, on);
    if (separateTypes.includes(p.school_type)) {
      const sep = p.separate_land === true;
      check(
        'land separate from the enterprise\'s',
        sep,
        p.separate_land === undefined ? 'separate_land not given: taken as not separate' : sep ? 'separate_land yes' : 'separate_land no',
        'land_not_separate',
        [key],
      );
    }
  }

  const ordered = EXEMPT_REASONS.filter((x) => reasons.has(x));
  const exempt = ordered.length === 0;
  const exemptAmount = exempt ? tax : 0;
  tracer.step(() => ({
    label: 'decision',
    value: exempt ? 'exempt' : 'taxed',
    how: exempt ? `${formatFen(exemptAmount)} exempt` : `${ordered.join(';')}: ${formatFen(tax)} due`,
  }));
  return {
    p,
    year,
    on,
    base,
    taxAmount: tax,
    exempt,
    exemptAmount,
    reasons: ordered,
    refs: [...refs],
    ...(traced ? { section: { title: tracer.sections[0]!.title, steps: tracer.steps }, reads: tracer.reads } : {}),
  };
}

const taxOrder = (a: PropertyTax, b: PropertyTax) => PROPERTY_TAXES.indexOf(a) - PROPERTY_TAXES.indexOf(b);

/** Report order: asset_id, tax (property, land_use, farmland, deed), year. */
export function decisionOrder(a: ExemptDecision, b: ExemptDecision): number {
  return byText(a.p.asset_id, b.p.asset_id) || taxOrder(a.p.tax, b.p.tax) || a.year - b.year;
}

export interface ExemptResult extends CalculatorResult {
  decisions: ExemptDecision[];
}

/** Decides every row of the years asked for (--year; in `run`, --from/--to), in report order. */
export function computeExemptions(inputs: Pick<InputTypes, 'properties'>, ctx: ComputeContext): ExemptResult {
  const explainId = ctx.explain?.trim();
  const inRange = inYearRange(ctx.range);
  const decisions = inputs.properties
    .filter((p) => inRange(decisionDate(p).year))
    .map((p) => decideProperty(ctx.rules, p, p.asset_id === explainId))
    .sort(decisionOrder);
  let explained = decisions.filter((d) => d.section !== undefined);
  let outside = false;
  if (!explained.length && explainId !== undefined) {
    // the asset's rows are all outside the years reported: explained all the same, and said so
    explained = inputs.properties.filter((p) => p.asset_id === explainId).map((p) => decideProperty(ctx.rules, p, true)).sort(decisionOrder);
    outside = explained.length > 0;
  }
  return {
    decisions,
    conflicts: [],
    dropped: [],
    hints: [],
    ...(explained.length ? { trace: explainTrace(explained, outside) } : {}),
  };
}

/** The account of one asset: every row of it (each tax and year), each with its steps. */
function explainTrace(ds: readonly ExemptDecision[], outside = false): Trace {
  const p = ds[0]!.p;
  const reads: ParamRead[] = [];
  for (const d of ds) {
    for (const x of d.reads ?? []) {
      if (!reads.some((y) => y.key === x.key && y.on === x.on && y.value === x.value && y.source === x.source)) reads.push(x);
    }
  }
  return {
    subject: p.asset_id,
    heading: [
      `Asset ${p.asset_id}: enterprise ${p.enterprise_id}, ${p.school_type}, used for ${p.use}; ${ds.length} row${ds.length === 1 ? '' : 's'}.`,
      'Exempt when the school type and the use are exempt for the tax on its day (and, for an enterprise school\'s land, the land is separate).',
      ...(outside ? ['None of its rows is in the years reported: they are not in exemptions.csv.'] : []),
    ],
    sections: ds.map((d) => ({
      title: `${d.section!.title}: ${d.exempt ? `exempt ${formatFen(d.exemptAmount)}` : `taxed ${formatFen(d.taxAmount)} (${d.reasons.join(';')})`}`,
      steps: d.section!.steps,
    })),
    reads,
  };
}

export const EXEMPTION_COLUMNS: readonly ColumnDef[] = [
  { name: 'asset_id', zh: '资产编号', type: 'text' },
  { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
  { name: 'tax', zh: '税种', type: 'text' },
  { name: 'year', zh: '年度', type: 'int' },
  // yuan for 房产税 and 契税, m² for the land taxes: a number, not always money
  { name: 'base', zh: '计税依据', type: 'rate' },
  { name: 'tax_amount', zh: '应纳税额', type: 'money' },
  { name: 'exempt', zh: '是否免税', type: 'text' },
  { name: 'exempt_amount', zh: '免税金额', type: 'money' },
  { name: 'reasons', zh: '原因', type: 'text' },
  { name: 'rule_refs', zh: '政策依据', type: 'text' },
];

/** exemptions.csv (CONTRACT §7), one row per asset, tax and year, sorted by asset_id, tax, year. */
export function exemptionsTable(decisions: readonly ExemptDecision[]): Table {
  return {
    columns: EXEMPTION_COLUMNS,
    rows: [...decisions].sort(decisionOrder).map((d) => ({
      asset_id: d.p.asset_id,
      enterprise_id: d.p.enterprise_id,
      tax: d.p.tax,
      year: d.year,
      base: d.base,
      tax_amount: formatFen(d.taxAmount),
      exempt: d.exempt ? 'yes' : 'no',
      exempt_amount: formatFen(d.exemptAmount),
      reasons: d.reasons.join(';'),
      rule_refs: d.refs.join(';'),
    })),
  };
}

export interface ExemptTotals {
  rows: number;
  assets: number;
  enterprises: number;
  exempt: number;
  taxAmount: Fen;
  exemptAmount: Fen;
  byTax: Record<PropertyTax, Fen>;
}

export function exemptTotals(decisions: readonly ExemptDecision[]): ExemptTotals {
  const byTax = { property: 0, land_use: 0, farmland: 0, deed: 0 } as Record<PropertyTax, Fen>;
  let exempt = 0;
  let taxAmount = 0;
  let exemptAmount = 0;
  for (const d of decisions) {
    if (d.exempt) exempt++;
    taxAmount = addFen(taxAmount, d.taxAmount);
    exemptAmount = addFen(exemptAmount, d.exemptAmount);
    byTax[d.p.tax] = addFen(byTax[d.p.tax], d.exemptAmount);
  }
  return {
    rows: decisions.length,
    assets: new Set(decisions.map((d) => d.p.asset_id)).size,
    enterprises: new Set(decisions.map((d) => d.p.enterprise_id)).size,
    exempt,
    taxAmount,
    exemptAmount,
    byTax,
  };
}

export const exempt = defineCalculator<ExemptResult>({
  name: 'exempt',
  command: 'exempt',
  noun: 'the school property tax exemptions',
  nounPlural: true,
  summary: 'school property tax exemptions: 房产税, 城镇土地使用税, 耕地占用税 and 契税 of schools run by enterprises and others',
  description:
    'Decides, for every row of properties.csv (an asset under one tax in one year, or on its date for a one-off tax), the ' +
    'tax that would be due and whether the school\'s use of it is exempt, with every reason when it is not: the school type, ' +
    'the use (self-use, teaching), an enterprise school\'s land separate from the enterprise\'s, and for 契税 the rule of ' +
    '2021-09-01 (non-profit schools only). A row without the figures its tax is computed from is refused, never guessed.',
  examples: [
    'skilltax exempt --properties properties.csv --out exemptions.csv',
    'skilltax exempt --properties properties.csv --year 2024',
    'skilltax exempt --properties fixtures/demo/properties.csv --explain FP-DEED-2',
    '',
    'Exit status: 0 done (a taxed asset is a decision, not an error); 2 nothing written.',
  ],
  inputs: [{ kind: 'properties', file: 'properties.csv', flag: 'properties', required: true, help: 'properties.csv: one row per asset, tax and year (or date)' }],
  range: 'claim_year',
  rangeHelp: { year: 'report the rows of this year (a one-off tax: the year of its date)' },
  explain: {
    arg: 'asset_id',
    help: 'print a step-by-step account of one asset (every tax and year of it)',
    style: 'full',
    missing: (id, paths) => `--explain ${id}: no such asset_id in ${paths.properties}`,
  },
  compute: (inputs, ctx) => computeExemptions({ properties: inputs.properties! }, ctx),
  reports: [{ name: 'exemptions', flag: 'out', help: 'write exemptions.csv here (default: standard output)', table: (r) => exemptionsTable(r.decisions) }],
  title: 'School property tax exemptions (学校房产土地税收优惠)',
  summarize: (r): SummaryItem[] => {
    const t = exemptTotals(r.decisions);
    return [
      { item: 'rows', label: 'rows', value: String(t.rows) },
      { item: 'assets', label: 'assets', value: String(t.assets) },
      { item: 'enterprises', label: 'enterprises', value: String(t.enterprises) },
      { item: 'exempt', label: 'exempt', value: String(t.exempt) },
      { item: 'taxed', label: 'taxed', value: String(t.rows - t.exempt) },
      { item: 'total_tax', label: 'tax before exemption', value: formatFen(t.taxAmount) },
      { item: 'total_exempt', label: 'exempt amount', value: formatFen(t.exemptAmount) },
      ...PROPERTY_TAXES.map((x) => ({ item: `exempt_${x}`, label: `exempt ${x}`, value: formatFen(t.byTax[x]) })),
    ];
  },
  warnings: () => [],
  afterword: (r) => {
    const t = exemptTotals(r.decisions);
    return `exempt: ${t.rows} row${t.rows === 1 ? '' : 's'} of ${t.assets} asset${t.assets === 1 ? '' : 's'}, ${t.exempt} exempt, ${t.rows - t.exempt} taxed, exempt amount ${formatFen(t.exemptAmount)} of ${formatFen(t.taxAmount)}`;
  },
});
