/**
 * Typed errors that the CLI maps to exit statuses (CONTRACT §1): every one of these means
 * exit 2 and nothing written.
 */

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  value?: string;
}

export function formatProblem(p: Problem): string {
  const got = p.value === undefined ? '' : ` (got "${p.value}")`;
  return `${p.file}:${p.line}:${p.column}: ${p.message}${got}`;
}

/** Problems found in input files. */
export class InputError extends Error {
  constructor(readonly problems: Problem[], readonly truncated = false) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** Wrong arguments, a missing file, an unusable rules file. */
export class UsageError extends Error {}

/** A state change the tool will not make without being told (e.g. a ledger conflict without --force). */
export class RefusedError extends Error {}

/**
 * A parameter with nothing in force on the date a rule needs it (RULES: every value is dated).
 * Never a silent default: the CLI maps it to exit 2 like a usage error.
 */
export class RuleGapError extends Error {}

/** Collects problems up to a limit; `full` tells the reader to stop. */
export class ProblemList {
  readonly items: Problem[] = [];
  truncated = false;
  constructor(readonly max: number) {}
  add(p: Problem): void {
    if (this.items.length >= this.max) {
      this.truncated = true;
      return;
    }
    this.items.push(p);
  }
  get full(): boolean {
    return this.items.length >= this.max;
  }
  throwIfAny(): void {
    if (this.items.length > 0) throw new InputError(this.items, this.truncated);
  }
}
