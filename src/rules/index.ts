/**
 * Dated parameters (OpenFisca-style): one lookup (the entry in force on a date: the latest
 * `from` on or before it, not past its own `to`), typed accessors that parse each value once,
 * whole-series overrides, and the listing `skilltax rules` prints. Data and lookup only: reading
 * a `--rules` file is `io/rules-file.ts`.
 *
 * A lookup with nothing in force throws RuleGapError naming the key, the date and where the
 * series came from, unless the parameter declares `whenNotInForce` (then the `…IfInForce`
 * accessor returns undefined, with that meaning).
 */
import { Decimal } from 'decimal.js';
import { RuleGapError, UsageError } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import { Dec, formatFen, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { addDays } from '../domain/periods.js';
import type { ParamRead } from '../domain/trace.js';
import { QUALIFICATIONS } from '../domain/vocabulary.js';
import { PARAMS } from './params.js';
import type { Entry, ParamDef, Status, ValueKind } from './types.js';

export type { Entry, ParamDef, Status, ValueKind } from './types.js';

export const BUILT_IN = 'built-in';

type Parsed = Decimal | Fen | number | boolean | string | readonly string[];

export interface InForce extends Entry {
  key: string;
  origin: string;
  /** the value as its kind reads it (Decimal, fen, count, flag, list) */
  parsed: Parsed;
}

/** Thrown for a value that does not fit its kind; the caller says where it came from. */
export class ParamValueProblem extends Error {}

/**
 * Checks a value against its kind and returns its canonical text and parsed value: a rate is a
 * fraction 0–1 ("0.08"), an amount yuan with at most 2 decimals, a count a whole number, a flag
 * yes/no, a list `;`-separated (qualifications: known qualification codes).
 */
export function parseParamValue(kind: ValueKind, raw: string, choices: readonly string[] = []): { text: string; parsed: Parsed } {
  switch (kind) {
    case 'choice':
      if (!choices.includes(raw)) throw new ParamValueProblem(t('rules.value.choice', { choices: choices.map((c) => `"${c}"`).join(', ') }));
      return { text: raw, parsed: raw };
    case 'rate': {
      if (!/^(0|[1-9]\d*)?(\.\d+)?$/.test(raw) || raw === '' || raw === '.') throw new ParamValueProblem(t('rules.value.rate'));
      const d = new Dec(raw);
      if (d.gt(1)) throw new ParamValueProblem(t('rules.value.rateRange'));
      return { text: d.toFixed(), parsed: d };
    }
    case 'amount': {
      const m = /^(\d{1,14})(?:\.(\d{1,2}))?$/.exec(raw.replace(/,/g, ''));
      if (!m) throw new ParamValueProblem(t('rules.value.amount'));
      const fen = Number(m[1]) * 100 + Number(((m[2] ?? '') + '00').slice(0, 2));
      return { text: formatFen(fen), parsed: fen };
    }
    case 'count':
      if (!/^\d+$/.test(raw)) throw new ParamValueProblem(t('rules.value.count'));
      return { text: String(Number(raw)), parsed: Number(raw) };
    case 'flag':
      if (raw !== 'yes' && raw !== 'no') throw new ParamValueProblem(t('rules.value.flag'));
      return { text: raw, parsed: raw === 'yes' };
    case 'list':
    case 'qualifications': {
      const list = raw.split(';').map((q) => q.trim()).filter(Boolean);
      if (!list.length) throw new ParamValueProblem(t('rules.value.list'));
      if (kind === 'qualifications') {
        for (const q of list) if (!(QUALIFICATIONS as readonly string[]).includes(q)) throw new ParamValueProblem(t('rules.value.qualification', { value: q, known: QUALIFICATIONS.join(', ') }));
      }
      return { text: list.join(';'), parsed: list };
    }
  }
}

interface Series {
  def: ParamDef;
  origin: string;
  /** sorted by `from`, each with its parsed value */
  entries: (Entry & { parsed: Parsed })[];
}

export class Rules {
  private readonly byKey: Map<string, Series>;
  private readonly onRead?: (r: ParamRead) => void;

  /**
   * `defs`: the declared parameters (default: the built-in ones, `params.ts`). A value that
   * does not fit its kind throws: overrides are checked before they get here.
   */
  constructor(defs: ParamDef[] = PARAMS, onRead?: (r: ParamRead) => void, shared?: Map<string, Series>) {
    this.onRead = onRead;
    this.byKey =
      shared ??
      new Map(
        defs.map((d) => [
          d.key,
          {
            def: d,
            origin: d.origin ?? BUILT_IN,
            entries: [...d.entries].sort((a, b) => byText(a.from, b.from)).map((e) => ({ ...e, parsed: parseParamValue(d.kind, e.value, d.choices).parsed })),
          },
        ]),
      );
  }

  /** The same parameters, reporting every typed read to `onRead` (a trace records them), and to this view's own recorder. */
  recording(onRead: (r: ParamRead) => void): Rules {
    const outer = this.onRead;
    return new Rules([], outer ? (r) => (outer(r), onRead(r)) : onRead, this.byKey);
  }

  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  /** The declaration of `key`. Throws UsageError for a key nobody declared. */
  def(key: string): ParamDef {
    return this.series(key).def;
  }

  /** Where the series of `key` came from: `built-in` or a --rules file. */
  origin(key: string): string {
    return this.series(key).origin;
  }

  private series(key: string): Series {
    const s = this.byKey.get(key);
    if (!s) throw new UsageError(t('rules.unknown', { key }));
    return s;
  }

  /** The entry in force on `date` (YYYY-MM-DD), or undefined. A raw lookup: it records no read. */
  at(key: string, date: string): InForce | undefined {
    const s = this.series(key);
    const entries = s.entries;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.from > date) continue;
      if (e.to !== undefined && date > e.to) return undefined;
      return { key, origin: s.origin, ...e };
    }
    return undefined;
  }

  private read(key: string, on: string, kind: ValueKind | 'list-like', optional: boolean): Parsed | undefined {
    const s = this.series(key);
    const k = s.def.kind === 'qualifications' ? 'list-like' : s.def.kind === 'list' ? 'list-like' : s.def.kind;
    if (k !== kind) throw new Error(`parameter ${key} is a ${s.def.kind}, not read as ${kind}`);
    if (optional && s.def.whenNotInForce === undefined) throw new Error(`parameter ${key} is not declared optional (whenNotInForce)`);
    const e = this.at(key, on);
    if (!e) {
      if (optional) return undefined;
      throw new RuleGapError(gapMessage(s, on));
    }
    this.onRead?.({ key, on, value: e.value, source: e.source, status: e.status, origin: s.origin });
    return e.parsed;
  }

  /** A rate (fraction) in force on `on`. Throws RuleGapError when none is. */
  rate(key: string, on: string): Decimal {
    return this.read(key, on, 'rate', false) as Decimal;
  }
  /** An amount in fen in force on `on`. Throws RuleGapError when none is. */
  amount(key: string, on: string): Fen {
    return this.read(key, on, 'amount', false) as Fen;
  }
  /** A count (months, years, subsidies …) in force on `on`. Throws RuleGapError when none is. */
  count(key: string, on: string): number {
    return this.read(key, on, 'count', false) as number;
  }
  /** A yes/no in force on `on`. Throws RuleGapError when none is. */
  flag(key: string, on: string): boolean {
    return this.read(key, on, 'flag', false) as boolean;
  }
  /** One of a `choice` parameter's values, in force on `on`. Throws RuleGapError when none is. */
  choice(key: string, on: string): string {
    return this.read(key, on, 'choice', false) as string;
  }
  /** A list (codes, levels, qualifications) in force on `on`. Throws RuleGapError when none is. */
  list(key: string, on: string): readonly string[] {
    return this.read(key, on, 'list-like', false) as readonly string[];
  }

  /** For a parameter declared with `whenNotInForce`: its rate, or undefined when none is in force. */
  rateIfInForce(key: string, on: string): Decimal | undefined {
    return this.read(key, on, 'rate', true) as Decimal | undefined;
  }
  amountIfInForce(key: string, on: string): Fen | undefined {
    return this.read(key, on, 'amount', true) as Fen | undefined;
  }
  countIfInForce(key: string, on: string): number | undefined {
    return this.read(key, on, 'count', true) as number | undefined;
  }
  flagIfInForce(key: string, on: string): boolean | undefined {
    return this.read(key, on, 'flag', true) as boolean | undefined;
  }
  listIfInForce(key: string, on: string): readonly string[] | undefined {
    return this.read(key, on, 'list-like', true) as readonly string[] | undefined;
  }

  /** The first day any entry of `key` is in force, if it has one. */
  firstFrom(key: string): string | undefined {
    return this.series(key).entries[0]?.from;
  }

  /** Every entry (or those in force on `at`) with its effective end date. */
  listing(at?: string): { key: string; value: string; valid_from: string; valid_to: string; source: string; status: Status }[] {
    const out: { key: string; value: string; valid_from: string; valid_to: string; source: string; status: Status }[] = [];
    for (const key of this.keys()) {
      const entries = this.series(key).entries;
      entries.forEach((e, i) => {
        const next = entries[i + 1];
        const end = e.to ?? (next ? addDays(next.from, -1) : '');
        if (at !== undefined && (e.from > at || (end !== '' && at > end))) return;
        out.push({ key, value: e.value, valid_from: e.from, valid_to: end, source: e.source, status: e.status });
      });
    }
    return out;
  }

  /** A copy with whole series replaced; `origin` names where the new series came from. */
  withOverrides(overrides: Map<string, Entry[]>, origin = 'override'): Rules {
    const defs = [...this.byKey.values()].map((s) =>
      overrides.has(s.def.key) ? { ...s.def, entries: overrides.get(s.def.key)!, origin } : { ...s.def, origin: s.origin },
    );
    return new Rules(defs);
  }
}

function gapMessage(s: Series, on: string): string {
  const series = s.origin === BUILT_IN ? t('rules.gap.builtIn') : t('rules.gap.file', { file: s.origin });
  const first = s.entries[0];
  const span = first ? t('rules.gap.starts', { series, first: first.from, noEntry: s.entries.length > 1 || Boolean(first.to) }) : t('rules.gap.empty', { series });
  return t('rules.gap', { key: s.def.key, on, span });
}
