/**
 * Dated parameters: one lookup (the entry in force on a date: latest `from` on or before it,
 * not past its own `to`), the whole-series overrides of `--rules FILE` (CONTRACT §9), and the
 * listing that `skilltax rules` prints.
 */
import { byText } from '../io/order.js';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { UsageError } from '../io/errors.js';
import { parseAmount, parseDate, ValueProblem } from '../io/values.js';
import { Dec, formatFen } from '../io/money.js';
import { PARAMS } from './params.js';
import { QUALIFICATIONS } from '../io/kinds.js';
import type { Entry, ParamDef, Status, ValueKind } from './types.js';

export type { Entry, ParamDef, Status } from './types.js';

export interface InForce extends Entry {
  key: string;
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export class Rules {
  private readonly byKey: Map<string, ParamDef>;

  constructor(defs: ParamDef[] = PARAMS) {
    this.byKey = new Map(defs.map((d) => [d.key, { ...d, entries: [...d.entries].sort((a, b) => byText(a.from, b.from)) }]));
  }

  keys(): string[] {
    return [...this.byKey.keys()].sort();
  }

  def(key: string): ParamDef {
    const d = this.byKey.get(key);
    if (!d) throw new Error(`unknown parameter ${key}`);
    return d;
  }

  /** The entry in force on `date` (YYYY-MM-DD), or undefined. */
  at(key: string, date: string): InForce | undefined {
    const entries = this.def(key).entries;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.from > date) continue;
      if (e.to !== undefined && date > e.to) return undefined;
      return { key, ...e };
    }
    return undefined;
  }

  /** For a tax year: the entry in force on the year's last day. */
  forYear(key: string, year: number): InForce | undefined {
    return this.at(key, `${year}-12-31`);
  }

  rateForYear(key: string, year: number): { rate: Decimal; entry: InForce } | undefined {
    const e = this.forYear(key, year);
    return e ? { rate: new Dec(e.value), entry: e } : undefined;
  }

  /** Every entry (or those in force on `at`) with its effective end date. */
  list(at?: string): { key: string; value: string; valid_from: string; valid_to: string; source: string; status: Status }[] {
    const out: { key: string; value: string; valid_from: string; valid_to: string; source: string; status: Status }[] = [];
    for (const key of this.keys()) {
      const entries = this.def(key).entries;
      entries.forEach((e, i) => {
        const next = entries[i + 1];
        const end = e.to ?? (next ? dayBefore(next.from) : '');
        if (at !== undefined && (e.from > at || (end !== '' && at > end))) return;
        out.push({ key, value: e.value, valid_from: e.from, valid_to: end, source: e.source, status: e.status });
      });
    }
    return out;
  }

  /** A copy with whole series replaced. */
  withOverrides(overrides: Map<string, Entry[]>): Rules {
    const defs = [...this.byKey.values()].map((d) => (overrides.has(d.key) ? { ...d, entries: overrides.get(d.key)! } : d));
    return new Rules(defs);
  }
}

const STATUSES: Status[] = ['verified', 'practice', 'unverified'];
const ENTRY_FIELDS = ['from', 'to', 'value', 'source', 'status'];

function checkValue(kind: ValueKind, raw: string): string {
  switch (kind) {
    case 'rate': {
      if (!/^(0|[1-9]\d*)?(\.\d+)?$/.test(raw) || raw === '' || raw === '.') throw new ValueProblem('a rate is a decimal fraction such as "0.08"');
      const d = new Dec(raw);
      if (d.gt(1)) throw new ValueProblem('a rate is a fraction between 0 and 1 (8% is "0.08")');
      return d.toFixed();
    }
    case 'amount': {
      return formatFen(parseAmount(raw));
    }
    case 'count':
      if (!/^\d+$/.test(raw)) throw new ValueProblem('a whole number is expected');
      return String(Number(raw));
    case 'flag':
      if (raw !== 'yes' && raw !== 'no') throw new ValueProblem('"yes" or "no" is expected');
      return raw;
    case 'list': {
      const list = raw.split(';').map((q) => q.trim()).filter(Boolean);
      if (!list.length) throw new ValueProblem('a list of values separated by ";" is expected');
      return list.join(';');
    }
    case 'qualifications': {
      const list = raw.split(';').map((q) => q.trim()).filter(Boolean);
      for (const q of list) if (!(QUALIFICATIONS as readonly string[]).includes(q)) throw new ValueProblem(`"${q}" is not a qualification (${QUALIFICATIONS.join(', ')})`);
      return list.join(';');
    }
  }
}

/** Parses a `--rules` JSON file into whole-series overrides; any problem is a UsageError (exit 2). */
export function parseRulesFile(text: string, file: string, base: Rules = new Rules()): Map<string, Entry[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new UsageError(`${file}: expected an object of parameter series by key, e.g. {"eit.education_expense.rate": [{"from": "2018-01-01", "value": "0.08", "source": "财税〔2018〕51号"}]}`);
  }
  const known = new Set(base.keys());
  const problems: string[] = [];
  const out = new Map<string, Entry[]>();
  for (const [key, series] of Object.entries(json as Record<string, unknown>)) {
    if (!known.has(key)) {
      problems.push(`${file}: unknown parameter "${key}" (see \`skilltax rules\` for the keys)`);
      continue;
    }
    const kind = base.def(key).kind;
    if (!Array.isArray(series)) {
      problems.push(`${file}: "${key}" must be an array of entries {from, value, source}`);
      continue;
    }
    const entries: Entry[] = [];
    series.forEach((item: unknown, i) => {
      const where = `${file}: "${key}"[${i}]`;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        problems.push(`${where}: an entry must be an object {from, value, source}`);
        return;
      }
      const o = item as Record<string, unknown>;
      for (const f of Object.keys(o)) if (!ENTRY_FIELDS.includes(f)) problems.push(`${where}: unknown field "${f}" (fields: ${ENTRY_FIELDS.join(', ')})`);
      const str = (f: string): string | undefined =>
        typeof o[f] === 'string' ? (o[f] as string).trim() : typeof o[f] === 'number' ? String(o[f]) : undefined;
      let from: string | undefined;
      let to: string | undefined;
      let value: string | undefined;
      try {
        const f = str('from');
        if (f === undefined) throw new ValueProblem('"from" (YYYY-MM-DD) is required');
        from = parseDate(f);
      } catch (e) {
        problems.push(`${where}.from: ${(e as Error).message}`);
      }
      if (o.to !== undefined && o.to !== null && o.to !== '') {
        try {
          to = parseDate(str('to') ?? '');
          if (from && to < from) throw new ValueProblem('"to" is before "from"');
        } catch (e) {
          problems.push(`${where}.to: ${(e as Error).message}`);
        }
      }
      try {
        const v = str('value');
        if (v === undefined) throw new ValueProblem('"value" is required');
        value = checkValue(kind, v);
      } catch (e) {
        problems.push(`${where}.value: ${(e as Error).message} (got ${JSON.stringify(o.value)})`);
      }
      const status = o.status === undefined ? 'unverified' : o.status;
      if (!STATUSES.includes(status as Status)) problems.push(`${where}.status: one of ${STATUSES.join(', ')} (got ${JSON.stringify(o.status)})`);
      if (o.source !== undefined && typeof o.source !== 'string') problems.push(`${where}.source: a text is expected`);
      if (from && value !== undefined) {
        entries.push({
          from,
          ...(to ? { to } : {}),
          value,
          source: typeof o.source === 'string' && o.source.trim() ? o.source.trim() : `override (${file})`,
          status: status as Status,
        });
      }
    });
    const sorted = [...entries].sort((a, b) => byText(a.from, b.from));
    sorted.forEach((e, i) => {
      const next = sorted[i + 1];
      if (next && e.from === next.from) problems.push(`${file}: "${key}" has two entries with the same "from" (${e.from})`);
      else if (next && e.to !== undefined && e.to >= next.from) problems.push(`${file}: "${key}": the entry from ${e.from} runs to ${e.to}, past the next entry's "from" ${next.from}`);
    });
    out.set(key, entries);
  }
  if (problems.length) throw new UsageError(problems.join('\n'));
  return out;
}

export function loadRules(file?: string): Rules {
  const base = new Rules();
  if (!file) return base;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read the rules file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return base.withOverrides(parseRulesFile(text.replace(/^\uFEFF/, ''), file, base));
}
