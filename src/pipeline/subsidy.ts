/** The subsidy pipeline: claims, catalogue, history and qualifications → decisions. Writes nothing. */
import { decideClaims, type Decision } from '../calc/subsidy.js';
import type { QualificationSpan } from '../calc/education.js';
import { loadAll, loadCatalog, loadHistory, loadQualifications, loadTrainees, type LoadOptions } from '../io/load.js';
import type { HistoryEntry } from '../calc/subsidy.js';
import type { Rules } from '../rules/index.js';

export interface SubsidyInputs {
  trainees: string;
  catalog: string;
  history?: string;
  qualifications?: string;
}

export interface SubsidyResult {
  /** the decisions reported: every claim, or those claimed in --year */
  decisions: Decision[];
  /** every claim decided, for --explain of a claim outside the year */
  all: Decision[];
}

/**
 * Every claim in the file is decided, in (claim_date, claim_id) order, so that earlier claims
 * count against later ones; only the claims made in the years asked for are reported.
 */
export async function runSubsidy(inputs: SubsidyInputs, years: { from?: number; to?: number }, rules: Rules, o: LoadOptions): Promise<SubsidyResult> {
  const [claims, catalog, history, quals] = await loadAll([
    () => loadTrainees(inputs.trainees, o),
    () => loadCatalog(inputs.catalog, o),
    () => (inputs.history ? loadHistory(inputs.history, o) : Promise.resolve([] as HistoryEntry[])),
    () => (inputs.qualifications ? loadQualifications(inputs.qualifications, o) : Promise.resolve(new Map<string, QualificationSpan[]>())),
  ] as const);
  const all = decideClaims(rules, { claims, catalog, history, qualifications: quals });
  const inRange = (y: number) => (years.from === undefined || y >= years.from) && (years.to === undefined || y <= years.to);
  const decisions = all.filter((d) => inRange(Number(d.claim.claim_date.slice(0, 4))));
  return { decisions, all };
}
