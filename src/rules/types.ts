export type Status = 'verified' | 'practice' | 'unverified';

/** What a parameter's value is, for validating overrides. */
export type ValueKind = 'rate' | 'amount' | 'count' | 'flag' | 'qualifications' | 'list';

export interface Entry {
  /** first day in force, YYYY-MM-DD */
  from: string;
  /** last day in force (inclusive), when the entry itself ends before the next one starts */
  to?: string;
  value: string;
  source: string;
  status: Status;
}

export interface ParamDef {
  key: string;
  kind: ValueKind;
  description: string;
  entries: Entry[];
}
