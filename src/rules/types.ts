import type { Status } from '../domain/trace.js';

export type { Status } from '../domain/trace.js';

/** What a parameter's value is: how it is validated and which typed accessor reads it. */
export type ValueKind = 'rate' | 'amount' | 'count' | 'flag' | 'qualifications' | 'list' | 'choice';

export interface Entry {
  /** first day in force, YYYY-MM-DD */
  from: string;
  /** last day in force (inclusive), when the entry itself ends before the next one starts */
  to?: string;
  /** canonical text: a rate as a fraction ("0.08"), an amount in yuan ("100000.00"), a count, yes/no, a ;-list */
  value: string;
  source: string;
  status: Status;
}

export interface ParamDef {
  key: string;
  kind: ValueKind;
  description: string;
  /**
   * Set only for a parameter that legitimately has periods with nothing in force, saying what
   * that means (e.g. "no small-payer exemption"). Without it, a lookup with nothing in force is
   * an error (RuleGapError), never a default.
   */
  whenNotInForce?: string;
  entries: Entry[];
  /** for a `choice`: the values allowed */
  choices?: readonly string[];
  /** where the series came from: `built-in`, or the --rules file that replaced it */
  origin?: string;
}
