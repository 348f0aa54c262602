/** Qualification spans (qualifications.csv) and the one rule for when a span counts. */
import type { Qualification } from './vocabulary.js';

/** One row of qualifications.csv: valid from `valid_from` through `valid_to` (open when absent), ISO days. */
export interface QualificationSpan {
  qualification: Qualification;
  valid_from: string;
  valid_to?: string;
}

/** The first day any span could start: `covering(…, EVER, date)` asks "held on or before date". */
export const EVER = '0000-01-01';

/**
 * The first span of `q` that overlaps any day of [from, to] (ISO days, inclusive), if any.
 * A tax year counts a qualification valid on any of its days (RULES §1.1); a filing period,
 * one valid on any day of the period (RULES §2.3); a deciding date, one valid that day.
 */
export function covering(spans: readonly QualificationSpan[], q: Qualification, from: string, to: string): QualificationSpan | undefined {
  return spans.find((s) => s.qualification === q && s.valid_from <= to && (s.valid_to === undefined || s.valid_to >= from));
}

/** For explain lines: `high_tech 2015-01-01…2024-12-31` (open spans end in `…`). */
export function describeSpan(s: QualificationSpan): string {
  return `${s.qualification} ${s.valid_from}…${s.valid_to ?? ''}`;
}
