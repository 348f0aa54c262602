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
import { getLang, t, tIn, type Lang } from '../i18n/index.js';
import { withTexts, type TextKey } from './messages.js';
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


/**
 * What an exemption reason code means, for a person (the explain, the HTML report): "used for
 * business" / "用于经营". A code not in EXEMPT_REASONS is given back as it is.
 */
export function exemptReasonText(code: string, lang: Lang = getLang()): string {
  return (EXEMPT_REASONS as readonly string[]).includes(code) ? tIn(lang, `exempt.reason.${code}` as TextKey) : code;
}

/** Reason codes with what each means, for the explain. */
const reasonsWithText = (codes: readonly string[]) => withTexts(codes, (code) => exemptReasonText(code));

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
  if (year === undefined) throw new UsageError(t('exempt.error.noYear', { id: p.asset_id, tax: p.tax }));
  const on = TAX_NAMES[p.tax].yearly ? `${year}-12-31` : (p.date ?? `${year}-12-31`);
  return { year, on };
}

/** A row without the figures its tax is computed from: `columns` the columns it lacks, `all` whether it needs every one (else one of them). */
function missing(p: Property, columns: readonly string[], all: boolean): never {
  throw new UsageError(t('exempt.error.missing', { id: p.asset_id, tax: p.tax, name: TAX_NAMES[p.tax].zh, line: p.line, columns, all }));
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
  tracer.section(t('exempt.explain.section', { tax: p.tax, name: name.zh, year }));
  tracer.step(() => ({
    label: t('exempt.step.decidedOn'),
    value: on,
    how: name.yearly ? t('exempt.how.yearEnd', { year }) : p.date !== undefined ? t('exempt.how.rowDate') : t('exempt.how.yearEndNoDate', { year }),
    source: t('exempt.source.line', { line: p.line }),
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
          ratioHow = t('exempt.how.ofTheRow', { value: p.deduction_ratio });
        } else {
          ratio = r.rate('exempt.property.deduction_ratio', on);
          ratioHow = t('exempt.how.provinceRatio', { ratio: ratio.toFixed() });
          keys.push('exempt.property.deduction_ratio');
        }
        const rate = r.rate('exempt.property.value_rate', on);
        const rest = mulRate(p.original_value, new Dec(1).minus(ratio));
        base = formatFen(rest);
        tax = mulRate(rest, rate.mul(part));
        tracer.step(() => ({ label: t('exempt.step.base'), value: base, how: t('exempt.how.residual', { original: formatFen(p.original_value!), ratio: ratioHow }) }));
        tracer.step(() => ({ label: t('exempt.step.taxByValue'), value: formatFen(tax), how: `${base} × ${rate.toFixed()}${partHow}`, cite: keys }));
        cite(keys);
      } else if (p.rent !== undefined) {
        const rate = r.rate('exempt.property.rent_rate', on);
        base = formatFen(p.rent);
        tax = mulRate(p.rent, rate.mul(part));
        tracer.step(() => ({ label: t('exempt.step.taxByRent'), value: formatFen(tax), how: t('exempt.how.rent', { rent: base, rate: rate.toFixed(), part: partHow }), cite: ['exempt.property.rent_rate'] }));
        cite(['exempt.property.rent_rate']);
      } else missing(p, ['original_value', 'rent'], false);
      break;
    }
    case 'land_use': {
      if (p.area_m2 === undefined || p.unit_tax === undefined) missing(p, ['area_m2', 'unit_tax'], true);
      base = showArea(p.area_m2);
      tax = mulRate(p.unit_tax, new Dec(p.area_m2).mul(part));
      tracer.step(() => ({ label: t('exempt.step.tax'), value: formatFen(tax), how: t('exempt.how.area', { area: base, unit: formatFen(p.unit_tax!), part: partHow }) }));
      break;
    }
    case 'farmland': {
      if (p.area_m2 === undefined || p.unit_tax === undefined) missing(p, ['area_m2', 'unit_tax'], true);
      base = showArea(p.area_m2);
      if (p.basic_farmland === true) {
        const up = r.rate('exempt.farmland.basic_farmland_increase', on);
        tax = mulRate(p.unit_tax, new Dec(p.area_m2).mul(up.plus(1)));
        tracer.step(() => ({
          label: t('exempt.step.taxBasicFarmland'),
          value: formatFen(tax),
          how: t('exempt.how.area', { area: base, unit: formatFen(p.unit_tax!), part: ` × ${up.plus(1).toFixed()}` }),
          cite: ['exempt.farmland.basic_farmland_increase'],
        }));
        cite(['exempt.farmland.basic_farmland_increase']);
      } else {
        tax = mulRate(p.unit_tax, new Dec(p.area_m2));
        tracer.step(() => ({ label: t('exempt.step.tax'), value: formatFen(tax), how: t('exempt.how.areaNotBasic', { area: base, unit: formatFen(p.unit_tax!) }) }));
      }
      break;
    }
    case 'deed': {
      if (p.price === undefined) missing(p, ['price'], true);
      base = formatFen(p.price);
      if (p.rate !== undefined) {
        tax = mulRate(p.price, new Dec(p.rate));
        tracer.step(() => ({ label: t('exempt.step.tax'), value: formatFen(tax), how: t('exempt.how.price', { price: base, rate: t('exempt.how.ofTheRow', { value: p.rate! }) }) }));
      } else {
        const rate = r.rate('exempt.deed.rate', on);
        tax = mulRate(p.price, rate);
        tracer.step(() => ({ label: t('exempt.step.tax'), value: formatFen(tax), how: t('exempt.how.price', { price: base, rate: rate.toFixed() }), cite: ['exempt.deed.rate'] }));
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
  check(t('exempt.check.schoolType'), typeOk, t('exempt.how.exemptAre', { value: p.school_type, list: types }), typeReason, typeOk ? [typesKey] : typeKeys);

  const usesKey = `exempt.${p.tax}.uses`;
  const uses = r.list(usesKey, on);
  check(t('exempt.check.use'), uses.includes(p.use), t('exempt.how.exemptAre', { value: p.use, list: uses }), useReason(p.tax, p.use), [usesKey]);

  if (p.tax === 'land_use') {
    const key = 'exempt.land_use.separate_land_types';
    const separateTypes = r.list(key, on);
    if (separateTypes.includes(p.school_type)) {
      const sep = p.separate_land === true;
      check(
        t('exempt.check.landSeparate'),
        sep,
        p.separate_land === undefined ? t('exempt.how.separateNotGiven') : sep ? t('exempt.how.separateYes') : t('exempt.how.separateNo'),
        'land_not_separate',
        [key],
      );
    }
  }

  const ordered = EXEMPT_REASONS.filter((x) => reasons.has(x));
  const exempt = ordered.length === 0;
  const exemptAmount = exempt ? tax : 0;
  tracer.step(() => ({
    label: t('exempt.step.decision'),
    value: exempt ? 'exempt' : 'taxed',
    how: exempt ? t('exempt.how.exempt', { amount: formatFen(exemptAmount) }) : t('exempt.how.due', { reasons: reasonsWithText(ordered), amount: formatFen(tax) }),
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
      t('exempt.explain.heading1', { id: p.asset_id, enterprise: p.enterprise_id, schoolType: p.school_type, use: p.use, rows: ds.length }),
      t('exempt.explain.heading2'),
      ...(outside ? [t('exempt.explain.outside')] : []),
    ],
    sections: ds.map((d) => ({
      title: t('exempt.explain.outcome', {
        section: d.section!.title,
        exempt: d.exempt,
        amount: formatFen(d.exempt ? d.exemptAmount : d.taxAmount),
        reasons: reasonsWithText(d.reasons),
      }),
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
  noun: t('exempt.noun'),
  nounPlural: true,
  summary: t('exempt.summary'),
  description: t('exempt.description'),
  examples: [
    'skilltax exempt --properties properties.csv --out exemptions.csv',
    'skilltax exempt --properties properties.csv --year 2024',
    'skilltax exempt --properties fixtures/demo/properties.csv --explain FP-DEED-2',
    '',
    t('exempt.exitStatus'),
  ],
  inputs: [{ kind: 'properties', file: 'properties.csv', flag: 'properties', required: true, help: t('exempt.input.properties') }],
  range: 'claim_year',
  rangeHelp: { year: t('exempt.range.year') },
  explain: {
    arg: 'asset_id',
    help: t('exempt.explain.help'),
    style: 'full',
    missing: (id, paths) => t('exempt.explain.missing', { id, file: paths.properties }),
  },
  compute: (inputs, ctx) => computeExemptions({ properties: inputs.properties! }, ctx),
  reports: [{ name: 'exemptions', flag: 'out', help: t('exempt.report.exemptions'), table: (r) => exemptionsTable(r.decisions) }],
  title: t('exempt.title'),
  summarize: (r): SummaryItem[] => {
    const totals = exemptTotals(r.decisions);
    return [
      { item: 'rows', label: t('exempt.item.rows'), value: String(totals.rows) },
      { item: 'assets', label: t('exempt.item.assets'), value: String(totals.assets) },
      { item: 'enterprises', label: t('exempt.item.enterprises'), value: String(totals.enterprises) },
      { item: 'exempt', label: t('exempt.item.exempt'), value: String(totals.exempt) },
      { item: 'taxed', label: t('exempt.item.taxed'), value: String(totals.rows - totals.exempt) },
      { item: 'total_tax', label: t('exempt.item.totalTax'), value: formatFen(totals.taxAmount) },
      { item: 'total_exempt', label: t('exempt.item.totalExempt'), value: formatFen(totals.exemptAmount) },
      ...PROPERTY_TAXES.map((x) => ({ item: `exempt_${x}`, label: t('exempt.item.exemptTax', { tax: x, name: TAX_NAMES[x].zh }), value: formatFen(totals.byTax[x]) })),
    ];
  },
  warnings: () => [],
  afterword: (r) => {
    const x = exemptTotals(r.decisions);
    return t('exempt.afterword', { rows: x.rows, assets: x.assets, exempt: x.exempt, exemptAmount: formatFen(x.exemptAmount), taxAmount: formatFen(x.taxAmount) });
  },
});
