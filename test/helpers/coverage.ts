/**
 * Statistics over the cases a property test generated, so that the test can assert its own
 * coverage after fc.assert: a generator change that stops producing (say) carryforwards or
 * eligible claims then fails the test instead of letting it pass vacuously.
 *
 * Inside the property, `cov.count(population)` counts one case (a scenario, a year, a claim) and
 * `cov.count(label, condition)` counts it under a label when the condition holds; after
 * fc.assert, `cov.atLeast(label, population, share)` and friends check the shares. The counts
 * include the runs of a shrink, but a shrink only happens when the property failed, and then
 * fc.assert throws first.
 *
 * SHOW_COVERAGE=1 prints the counts of each property (to choose thresholds from what a run
 * measures: keep them well below the observed shares, the seeds are random).
 */
import { expect } from 'vitest';

export class Coverage {
  private readonly counts = new Map<string, number>();

  constructor(readonly name: string) {}

  /** Counts a case under `label` (when `condition` holds, by default always); returns the condition. */
  count(label: string, condition = true, by = 1): boolean {
    if (condition) this.counts.set(label, (this.counts.get(label) ?? 0) + by);
    return condition;
  }

  get(label: string): number {
    return this.counts.get(label) ?? 0;
  }

  private describe(label: string, population: string): string {
    return `${this.name}: ${label} in ${this.get(label)} of ${this.get(population)} ${population} (all counts: ${JSON.stringify(Object.fromEntries(this.counts))})`;
  }

  /** At least `share` (0–1) of the cases of `population` are `label`. */
  atLeast(label: string, population: string, share: number): this {
    expect(this.get(population), `${this.name}: no ${population} generated`).toBeGreaterThan(0);
    expect(this.get(label) / this.get(population), this.describe(label, population)).toBeGreaterThanOrEqual(share);
    return this;
  }

  /** At most `share` (0–1) of the cases of `population` are `label`. */
  atMost(label: string, population: string, share: number): this {
    expect(this.get(population), `${this.name}: no ${population} generated`).toBeGreaterThan(0);
    expect(this.get(label) / this.get(population), this.describe(label, population)).toBeLessThanOrEqual(share);
    return this;
  }

  /** `label` was counted at least `times` times (by default once). */
  seen(label: string, times = 1): this {
    expect(this.get(label), `${this.name}: ${label} counted ${this.get(label)} times (all counts: ${JSON.stringify(Object.fromEntries(this.counts))})`).toBeGreaterThanOrEqual(times);
    return this;
  }

  /** Prints the counts when SHOW_COVERAGE is set. */
  show(): this {
    if (process.env.SHOW_COVERAGE) console.log(`coverage of ${this.name}: ${JSON.stringify(Object.fromEntries(this.counts))}`);
    return this;
  }
}
