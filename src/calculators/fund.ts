/**
 * The bureau's view of the skills fund (issue #15) through the calculator seam: `skilltax
 * providers` (training-provider figures and heuristic flags, providers.ts) and the fund's usage
 * (专账资金使用率, fund-usage.ts) in `run`. Both take their subsidy decisions from `decideClaims`,
 * the one decision function of `subsidy` and `match`.
 */
import { formatFen } from '../domain/money.js';
import type { Claim, InputTypes } from '../domain/records.js';
import { t } from '../i18n/index.js';
import type { Rules } from '../rules/index.js';
import { memoBy } from './memo.js';
import { defineCalculator, type CalculatorResult, type SummaryItem } from './calculator.js';
import { fundTable, fundUsage, type FundUsage } from './fund-usage.js';
import { asOfFor, matchOnce, MATCH_PROGRAM } from './match.js';
import { providerFigures, providerHeuristicsNote, providersTable, type ProviderRow } from './providers.js';
import { decideClaims, type Decision } from './training-subsidy.js';

const decidedOnce = memoBy<readonly Claim[], Decision[]>();

/** The filed claims decided (every claim of trainees.csv, in claim order), or none without a catalogue; once for the same loaded inputs and rules (providers and fund in one run). */
function decided(rules: Rules, inputs: Partial<InputTypes>): Decision[] {
  const { trainees, catalog } = inputs;
  if (!trainees || !catalog) return [];
  return decidedOnce(trainees, [rules, catalog, inputs.history, inputs.qualifications], () =>
    decideClaims(rules, { claims: trainees, catalog, history: inputs.history ?? [], qualifications: inputs.qualifications ?? new Map() }),
  );
}

export interface ProvidersResult extends CalculatorResult {
  rows: ProviderRow[];
  /** that the flags are heuristics, with their thresholds in force (printed by the command after its summary) */
  heuristics: string;
}

export const providers = defineCalculator<ProvidersResult>({
  name: 'providers',
  command: 'providers',
  noun: t('providers.noun'),
  summary: t('providers.summary'),
  description: t('providers.description'),
  examples: [
    'skilltax providers --certificates certificates.csv --trainees trainees.csv --catalog catalog.csv --providers providers.csv --out providers.csv',
    '',
    t('match.exitStatus'),
  ],
  inputs: [
    { kind: 'certificates', file: 'certificates.csv', flag: 'certificates', required: true, help: t('match.input.certificates') },
    { kind: 'trainees', file: 'trainees.csv', flag: 'trainees', required: false, help: t('providers.input.trainees') },
    { kind: 'providers', file: 'providers.csv', flag: 'providers', required: false, help: t('providers.input.providers') },
    { kind: 'catalog', file: 'catalog.csv', flag: 'catalog', required: false, help: t('providers.input.catalog') },
    { kind: 'history', file: 'history.csv', flag: 'history', required: false, help: t('subsidy.input.history') },
    { kind: 'qualifications', file: 'qualifications.csv', flag: 'qualifications', required: false, help: t('subsidy.input.qualifications') },
  ],
  range: 'none',
  explain: { arg: 'provider_id', help: t('providers.explain.help'), style: 'source', missing: (id) => t('providers.explain.missing', { id }) },
  compute: (inputs, ctx) => {
    const decisions = decided(ctx.rules, inputs);
    const rows = providerFigures(ctx.rules, {
      certificates: inputs.certificates!,
      claims: inputs.trainees ?? [],
      decisions: decisions.map((d) => ({ claim_id: d.claim.claim_id, status: d.status, amount: d.amount, reasons: d.reasons })),
      providers: inputs.providers,
    });
    const last = inputs.certificates!.reduce((m, c) => (c.certificate_date > m ? c.certificate_date : m), '');
    const heuristics = providerHeuristicsNote(ctx.rules, last || '2024-12-31');
    return { rows, heuristics, conflicts: [], dropped: [], hints: inputs.catalog ? [] : [t('providers.noCatalog')] };
  },
  reports: [{ name: 'providers', flag: 'out', help: t('providers.report'), table: (r) => providersTable(r.rows) }],
  title: t('providers.title'),
  summarize: (r): SummaryItem[] => [
    { item: 'providers', label: t('providers.item.providers'), value: String(new Set(r.rows.map((x) => x.provider_id)).size) },
    { item: 'rows', label: t('providers.item.rows'), value: String(r.rows.length) },
    { item: 'flagged', label: t('providers.item.flagged'), value: String(r.rows.filter((x) => x.flags.length > 0).length) },
  ],
  warnings: () => [],
  // the command's own account, then that the flags are heuristics (in `run`, the README and report.html say so)
  afterword: (r) => `${t('cli.afterword', { command: 'providers', items: [`${t('providers.item.providers')} ${new Set(r.rows.map((x) => x.provider_id)).size}`, `${t('providers.item.flagged')} ${r.rows.filter((x) => x.flags.length > 0).length}`] })}\n${t('cli.note', { text: r.heuristics })}`,
});

export interface FundResult extends CalculatorResult {
  usage: FundUsage;
}

export const fund = defineCalculator<FundResult>({
  name: 'fund',
  command: 'fund',
  noun: t('fund.noun'),
  summary: t('fund.summary'),
  description: t('fund.description'),
  examples: ['skilltax fund --fund fund.csv --trainees trainees.csv --catalog catalog.csv --history history.csv --out fund-usage.csv', '', t('fund.exitStatus')],
  inputs: [
    { kind: 'fund', file: 'fund.csv', flag: 'fund', required: true, help: t('fund.input.fund') },
    { kind: 'trainees', file: 'trainees.csv', flag: 'trainees', required: true, help: t('providers.input.trainees') },
    { kind: 'catalog', file: 'catalog.csv', flag: 'catalog', required: true, help: t('subsidy.input.catalog') },
    { kind: 'history', file: 'history.csv', flag: 'history', required: false, help: t('subsidy.input.history') },
    { kind: 'qualifications', file: 'qualifications.csv', flag: 'qualifications', required: false, help: t('subsidy.input.qualifications') },
    { kind: 'certificates', file: 'certificates.csv', flag: 'certificates', required: false, help: t('fund.input.certificates') },
    { kind: 'insurance', file: 'insurance.csv', flag: 'insurance', required: false, help: t('match.input.insurance') },
  ],
  options: [{ flag: 'as-of', arg: 'date', help: t('fund.opt.asOf') }],
  range: 'none',
  explain: { arg: 'year', help: t('fund.explain.help'), style: 'source', missing: (id) => t('fund.explain.missing', { id }) },
  compute: (inputs, ctx) => {
    const decisions = decided(ctx.rules, inputs);
    // committed: what the unclaimed certificates would pay (免申即享), shown apart, in the as-of year
    let committed: { program: typeof MATCH_PROGRAM; year: number; amount: number }[] = [];
    if (inputs.certificates && inputs.insurance) {
      const asOf = asOfFor(ctx.options, { certificates: inputs.certificates, trainees: inputs.trainees! });
      const m = matchOnce(ctx.rules, { certificates: inputs.certificates, insurance: inputs.insurance, catalog: inputs.catalog!, trainees: inputs.trainees!, history: inputs.history ?? [], ...(inputs.qualifications ? { qualifications: inputs.qualifications } : {}) }, asOf);
      committed = m.rows.filter((x) => x.decision.status === 'eligible' && x.daysLeft >= 0).map((x) => ({ program: MATCH_PROGRAM, year: Number(asOf.slice(0, 4)), amount: x.decision.amount }));
    }
    const usage = fundUsage({
      fund: inputs.fund!,
      decisions: decisions.map((d) => ({ program: d.claim.program, claim_date: d.claim.claim_date, status: d.status, amount: d.amount })),
      history: inputs.history ?? [],
      committed,
    });
    return { usage, conflicts: [], dropped: [], hints: [] };
  },
  reports: [{ name: 'fund-usage', flag: 'out', help: t('fund.report'), table: (r) => fundTable(r.usage) }],
  title: t('fund.title'),
  summarize: (r): SummaryItem[] => {
    const sum = (f: (x: FundUsage['rows'][number]) => number) => r.usage.rows.reduce((a, x) => a + f(x), 0);
    return [
      { item: 'allocated', label: t('fund.item.allocated'), value: formatFen(sum((x) => x.allocated)) },
      { item: 'paid', label: t('fund.item.paid'), value: formatFen(sum((x) => x.paid)) },
      { item: 'committed', label: t('fund.item.committed'), value: formatFen(sum((x) => x.committed)) },
      // per year and program: the usage rate (a value of summary.csv: the same in every language; '-' without an allocation)
      ...r.usage.rows.map((x) => ({ item: `usage_rate_${x.year}_${x.program}`, label: t('fund.item.usage', { year: x.year, program: x.program }), value: x.usage_rate === '' ? '-' : x.usage_rate })),
      { item: 'warnings', label: t('fund.item.warnings'), value: String(r.usage.warnings.length), warning: true },
    ];
  },
  warnings: (r) => r.usage.warnings,
});
