/**
 * Explain traces as data. A calculator records steps (what, the figure, the formula with its
 * figures, the source); parameters it reads through a recording view of the rules are kept with
 * their key, value, source and status, and a step cites a parameter by key, resolved from those
 * reads, so a trace cannot cite a value the computation did not use. `report/explain.ts` renders
 * a trace as text or JSON. A trace is recorded only for the one subject `--explain` asks for.
 */

export type Status = 'verified' | 'practice' | 'unverified';

/** One parameter read: the entry in force on `on`, and where its series came from. */
export interface ParamRead {
  key: string;
  on: string;
  value: string;
  source: string;
  status: Status;
  /** `built-in`, or the --rules file that replaced the series */
  origin: string;
}

export interface TraceStep {
  /** what the figure is, with its form name */
  label: string;
  /** the figure (amounts with two decimals), or an outcome code */
  value: string;
  /** the formula with the figures put in */
  how?: string;
  /** legal source or input it comes from, with the citations of the parameters applied */
  source?: string;
  /** the parameters this step applies, as read */
  params?: ParamRead[];
}

export interface TraceSection {
  title: string;
  steps: TraceStep[];
}

export interface Trace {
  /** the enterprise, claim … explained */
  subject: string;
  heading: string[];
  sections: TraceSection[];
  /** every parameter read while computing the subject, in order (each distinct read once) */
  reads: ParamRead[];
}

/** A step as a calculator states it: amounts in fen are formatted by the tracer. */
export interface StepSpec {
  label: string;
  value: string;
  how?: string;
  source?: string;
  /** keys of parameters read in this section that the step applies */
  cite?: readonly string[];
}

/**
 * Collects the steps and parameter reads of one subject. `on` is false for a subject nobody
 * asked to explain: then `step` does not even build its text (the thunk is not called).
 */
export class Tracer {
  readonly sections: TraceSection[] = [];
  readonly reads: ParamRead[] = [];
  private current?: TraceSection;
  private latest = new Map<string, ParamRead>();

  /**
   * `on`: record steps (else `step` is a no-op). `style`: how a cited parameter is written in a
   * step's source: `full` "财税〔2018〕51号; eit.education_expense.rate [verified]", `source` the
   * legal source alone.
   */
  constructor(
    readonly on: boolean,
    readonly style: 'full' | 'source' = 'full',
  ) {}

  /** Called by the recording view of the rules on every read. */
  read(r: ParamRead): void {
    this.latest.set(r.key, r);
    if (!this.on) return;
    if (!this.reads.some((x) => x.key === r.key && x.on === r.on && x.value === r.value && x.source === r.source)) this.reads.push(r);
  }

  /** The latest read of `key`; a step may cite only what was read. */
  cited(key: string): ParamRead {
    const r = this.latest.get(key);
    if (!r) throw new Error(`the trace cites ${key}, which the computation did not read`);
    return r;
  }

  section(title: string): void {
    if (!this.on) return;
    this.current = { title, steps: [] };
    this.sections.push(this.current);
  }

  step(make: () => StepSpec): void {
    if (!this.on) return;
    const s = make();
    if (!this.current) this.section('');
    const step: TraceStep = { label: s.label, value: s.value };
    if (s.how !== undefined) step.how = s.how;
    const params = (s.cite ?? []).map((k) => this.cited(k));
    const source = [s.source, ...params.map((p) => citation(p, this.style))].filter((x) => x !== undefined).join('; ');
    if (source !== '') step.source = source;
    if (params.length) step.params = params;
    this.current!.steps.push(step);
  }

  /** The steps recorded so far, as one list (for a subject with a single section). */
  get steps(): TraceStep[] {
    return this.sections.flatMap((s) => s.steps);
  }
}

/** How a step cites a parameter it applies. */
export function citation(p: ParamRead, style: 'full' | 'source'): string {
  return style === 'full' ? `${p.source}; ${p.key} [${p.status}]` : p.source;
}

/** A tracer that records nothing (no subject to explain). */
export const NO_TRACE = new Tracer(false);
