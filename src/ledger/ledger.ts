/**
 * The carryforward ledger (ledger.csv): one row per enterprise, kind and period with
 * opening, added, used and closing. Read and checked on every use (hledger-style balance
 * assertions), folded by the calculators, written back with the recomputed rows replaced.
 */
import type { Problem } from '../domain/errors.js';
import { formatFen, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { addDays, comparePeriods, nextPeriod, periodEnd, periodStart, type Period } from '../domain/periods.js';
import type { LedgerEntry } from '../domain/records.js';
import { float64Column, Interned, uint16Column, uint32Column, uint8Column } from '../domain/columns.js';
import type { ReportTable } from '../domain/table.js';
import { LEDGER_KINDS, type LedgerKind } from '../domain/vocabulary.js';
import { LEDGER_KIND_SPECS } from './kinds.js';
import { t } from '../i18n/index.js';

export type { LedgerEntry } from '../domain/records.js';

/** Column numbers of the ledger file, for messages (0 when unknown). */
export type ColumnOf = (name: string) => number;

/** Ledger order: enterprise, kind, period (code-unit order, then by start day). */
export function compareEntries(a: LedgerEntry, b: LedgerEntry): number {
  return byText(a.enterprise_id, b.enterprise_id) || byText(a.kind, b.kind) || samePeriodKind(a.period, b.period) || comparePeriods(a.period, b.period);
}

/**
 * Two periods of one kind with four-digit years order by year and number, as their start days
 * do (without building the day's text: a million rows are compared); 0 otherwise, for
 * comparePeriods to decide.
 */
function samePeriodKind(p: Period, q: Period): number {
  return p.kind === q.kind && p.year >= 1000 && p.year <= 9999 && q.year >= 1000 && q.year <= 9999 ? p.year - q.year || p.n - q.n : 0;
}

/**
 * Checks a whole ledger: period form per kind, no duplicates, each row's arithmetic, the
 * chain from one period to the next, and that only the earliest row of an enterprise's
 * chain gives `closing` alone (an opening balance brought from another system).
 */
export function checkLedger(entries: readonly LedgerEntry[], col: ColumnOf): Problem[] {
  const problems: Problem[] = [];
  const at = (e: LedgerEntry, column: string, message: string, value?: string) =>
    problems.push({ file: e.file ?? 'ledger', line: e.line ?? 0, column: col(column) || 1, message, value });
  const groups = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    const spec = LEDGER_KIND_SPECS[e.kind];
    if (!spec.periodOk(e.period)) {
      at(e, 'period', spec.periodProblem(), e.period.text);
      continue;
    }
    const given = [e.opening, e.added, e.used].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) {
      at(e, e.opening === undefined ? 'opening' : e.added === undefined ? 'added' : 'used', t('ledger.check.together'));
      continue;
    }
    if (!spec.negative) {
      for (const [name, v] of [['closing', e.closing], ['opening', e.opening], ['added', e.added], ['used', e.used]] as const) {
        if (v !== undefined && v < 0) at(e, name, t('ledger.check.negative', { name }), formatFen(v));
      }
    }
    if (given === 3) {
      const want = spec.closing(e.opening!, e.added!, e.used!);
      if (want !== e.closing) {
        at(
          e,
          'closing',
          t('ledger.check.closing', { opening: formatFen(e.opening!), added: formatFen(e.added!), used: formatFen(e.used!), want: formatFen(want) }),
          formatFen(e.closing),
        );
      }
    }
    const key = `${e.enterprise_id}\u0000${e.kind}`;
    const g = groups.get(key);
    if (g) g.push(e);
    else groups.set(key, [e]);
  }
  for (const g of groups.values()) {
    g.sort((a, b) => comparePeriods(a.period, b.period));
    for (let i = 1; i < g.length; i++) {
      const prev = g[i - 1]!;
      const cur = g[i]!;
      if (periodEnd(prev.period) >= periodStart(cur.period)) {
        const same = { kind: cur.kind, id: cur.enterprise_id, period: cur.period.text, line: prev.line };
        const message = prev.period.text === cur.period.text ? t('ledger.check.second', same) : t('ledger.check.overlapping', { ...same, earlier: prev.period.text });
        at(cur, 'period', message, cur.period.text);
        continue;
      }
      if (cur.opening === undefined) {
        at(cur, 'opening', t('ledger.check.balanceLater', { id: cur.enterprise_id, earlier: prev.period.text }));
        continue;
      }
      const chained = LEDGER_KIND_SPECS[cur.kind].chainsAcrossHoles || nextPeriod(prev.period).text === cur.period.text;
      if (chained && cur.opening !== prev.closing) {
        at(
          cur,
          'opening',
          t('ledger.check.chainBroken', { period: cur.period.text, earlier: prev.period.text, closing: formatFen(prev.closing), line: prev.line }),
          formatFen(cur.opening),
        );
      }
    }
  }
  return problems;
}

export const LEDGER_COLUMNS = ['enterprise_id', 'kind', 'period', 'opening', 'added', 'used', 'closing'] as const;

const LEDGER_ZH: Record<(typeof LEDGER_COLUMNS)[number], string> = {
  enterprise_id: '纳税人识别号',
  kind: '类型',
  period: '所属期',
  opening: '期初余额',
  added: '本期增加',
  used: '本期使用',
  closing: '期末余额',
};

/** ledger.csv as a table: every row as given or computed (in the order given), amounts with two decimals, each record made as it is written. */
export function ledgerTable(entries: Iterable<LedgerEntry>): ReportTable {
  return {
    columns: LEDGER_COLUMNS.map((name) => ({ name, zh: LEDGER_ZH[name], type: name === 'enterprise_id' || name === 'kind' || name === 'period' ? 'text' : 'money' })),
    rows: {
      *[Symbol.iterator]() {
        for (const e of entries) yield ledgerCells(e);
      },
    },
  };
}

const optionalFen = (v: Fen | undefined) => (v === undefined ? '' : formatFen(v));

/** A ledger row's cells in LEDGER_COLUMNS order: amounts with two decimals, an absent one empty. */
export function ledgerCells(e: LedgerEntry): string[] {
  return [e.enterprise_id, e.kind, e.period.text, optionalFen(e.opening), optionalFen(e.added), optionalFen(e.used), formatFen(e.closing)];
}

/** A ledger row's cells by column name. */
export function ledgerRecord(e: LedgerEntry): Record<(typeof LEDGER_COLUMNS)[number], string> {
  const cells = ledgerCells(e);
  return Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c, cells[i]!])) as Record<(typeof LEDGER_COLUMNS)[number], string>;
}

export interface Conflict {
  enterprise_id: string;
  kind: LedgerKind;
  /** the last recomputed period (text) and its year */
  period: string;
  year: number;
  computed: Fen;
  later: LedgerEntry;
}

export interface MergeResult {
  entries: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
}

/** Where an enterprise's recomputed rows of a kind start and end (ISO days), and the last of them. */
export interface ComputedSpan {
  start: string;
  end: string;
  last: LedgerEntry;
}

/** The input rows a recomputation keeps, the conflicts it meets and the rows `force` dropped. */
export interface ReplaceResult {
  /** every input row but those inside a recomputed span (and those dropped), in input order */
  kept: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
}

/** What a recomputation does to the input rows, decided without keeping them (replaceSpans keeps them). */
export interface SpanRemovals {
  /** whether an input row stays: not inside a recomputed span, not dropped */
  keeps(e: LedgerEntry): boolean;
  conflicts: Conflict[];
  dropped: LedgerEntry[];
}

/**
 * The rows of `kind` inside each recomputed enterprise's span (`spanOf`, undefined for an
 * enterprise not recomputed) are removed. The first later row of such an enterprise must open
 * with the recomputed closing: otherwise it is a conflict, and with `force` the enterprise's
 * later rows of that kind are dropped instead. Conflicts come in enterprise order, dropped rows
 * in ledger order. Reads `ledger` once, and once more when `force` drops rows (a ledger merged as
 * it is read can be read again); `spanOf` is asked once per enterprise.
 */
export function spanRemovals(ledger: Iterable<LedgerEntry>, kind: LedgerKind, spanOf: (id: string) => ComputedSpan | undefined, force: boolean): SpanRemovals {
  const known = new Map<string, ComputedSpan | undefined>();
  const span = (e: LedgerEntry): ComputedSpan | undefined => {
    if (e.kind !== kind) return undefined;
    let s = known.get(e.enterprise_id);
    if (s === undefined && !known.has(e.enterprise_id)) known.set(e.enterprise_id, (s = spanOf(e.enterprise_id)));
    return s;
  };
  const inside = (e: LedgerEntry, s: ComputedSpan | undefined) => s !== undefined && periodStart(e.period) >= s.start && periodEnd(e.period) <= s.end;
  const firstLater = new Map<string, { later: LedgerEntry; span: ComputedSpan }>();
  for (const e of ledger) {
    const s = span(e);
    if (s && periodStart(e.period) > s.end) {
      const f = firstLater.get(e.enterprise_id);
      if (!f || comparePeriods(e.period, f.later.period) < 0) firstLater.set(e.enterprise_id, { later: e, span: s });
    }
  }
  const conflicts: Conflict[] = [];
  const spans = new Map<string, ComputedSpan>();
  for (const [id, { later, span: s }] of firstLater) {
    // A later row with closing alone would no longer be the earliest of its chain: a conflict too.
    if (later.opening === undefined || later.opening !== s.last.closing) {
      conflicts.push({ enterprise_id: id, kind, period: s.last.period.text, year: s.last.period.year, computed: s.last.closing, later });
      spans.set(id, s);
    }
  }
  conflicts.sort((a, b) => byText(a.enterprise_id, b.enterprise_id));
  const dropped: LedgerEntry[] = [];
  const drops = force && conflicts.length > 0;
  const out = (e: LedgerEntry) => {
    const s = e.kind === kind ? spans.get(e.enterprise_id) : undefined;
    return s !== undefined && periodStart(e.period) > s.end;
  };
  if (drops) {
    for (const e of ledger) if (out(e)) dropped.push(e);
    dropped.sort(compareEntries);
  }
  return { keeps: (e) => !inside(e, span(e)) && !(drops && out(e)), conflicts, dropped };
}

/** spanRemovals with the rows kept: every input row but those inside a recomputed span (and those dropped), in input order. */
export function replaceSpans(ledger: Iterable<LedgerEntry>, kind: LedgerKind, spanOf: (id: string) => ComputedSpan | undefined, force: boolean): ReplaceResult {
  const { keeps, conflicts, dropped } = spanRemovals(ledger, kind, spanOf, force);
  const kept: LedgerEntry[] = [];
  for (const e of ledger) if (keeps(e)) kept.push(e);
  return { kept, conflicts, dropped };
}

export interface MergeResult {
  entries: LedgerEntry[];
  conflicts: Conflict[];
  dropped: LedgerEntry[];
}

/**
 * Every input row, with the rows of `kind` that fall inside each recomputed enterprise's span
 * (first to last computed period) replaced by `computed` (replaceSpans), in ledger order.
 */
export function mergeLedger(
  ledger: readonly LedgerEntry[],
  kind: LedgerKind,
  computed: ReadonlyMap<string, LedgerEntry[]>,
  force: boolean,
): MergeResult {
  const span = new Map<string, ComputedSpan>();
  for (const [id, rows] of computed) {
    if (rows.length === 0) continue;
    const last = rows[rows.length - 1]!;
    span.set(id, { start: periodStart(rows[0]!.period), end: periodEnd(last.period), last });
  }
  const { kept: entries, conflicts, dropped } = replaceSpans(ledger, kind, (id) => span.get(id), force);
  for (const rows of computed.values()) entries.push(...rows);
  entries.sort(compareEntries);
  return { entries, conflicts, dropped };
}

// ── Computed rows by the million ─────────────────────────────────────────────

const KIND_NUMBER = new Map<LedgerKind, number>(LEDGER_KINDS.map((k, i) => [k, i]));
/** An absent opening, added or used (an opening balance): never a computed amount. */
const ABSENT = Number.NaN;
const amount = (v: Fen | undefined) => (v === undefined ? ABSENT : v);

/**
 * The rows a carryforward computed, in columns (about 40 bytes a row instead of an object each):
 * enterprises are added in code-unit order, each with its rows, and read back in ledger order
 * (enterprise, kind, period) as LedgerEntry objects made when read.
 */
export class ComputedRows implements Iterable<LedgerEntry> {
  private readonly ids: string[] = [];
  /** the first row of each enterprise (and one past the last row at the end) */
  private readonly firsts = uint32Column();
  private readonly owner = uint32Column();
  private readonly kind = uint8Column();
  private readonly period = uint16Column();
  private readonly periods = new Interned<Period>();
  private readonly opening = float64Column();
  private readonly added = float64Column();
  private readonly used = float64Column();
  private readonly closing = float64Column();

  get length(): number {
    return this.closing.length;
  }

  /** The rows of enterprise `id` (any order; kept in ledger order). Throws when `id` is not after the last one added. */
  add(id: string, rows: readonly LedgerEntry[]): void {
    if (!rows.length) return;
    const prev = this.ids[this.ids.length - 1];
    if (prev !== undefined && !(prev < id)) throw new Error(`computed ledger rows added out of order: ${id} after ${prev}`);
    const sorted = rows.every((r, i) => i === 0 || compareEntries(rows[i - 1]!, r) <= 0) ? rows : [...rows].sort(compareEntries);
    const n = this.ids.length;
    this.ids.push(id);
    this.firsts.push(this.length);
    for (const r of sorted) {
      if (r.enterprise_id !== id) throw new Error(`a computed ledger row of ${r.enterprise_id} among the rows of ${id}`);
      this.owner.push(n);
      this.kind.push(KIND_NUMBER.get(r.kind)!);
      this.period.push(this.periods.index(r.period.text, () => r.period));
      this.opening.push(amount(r.opening));
      this.added.push(amount(r.added));
      this.used.push(amount(r.used));
      this.closing.push(r.closing);
    }
  }

  /** The i-th row in ledger order (0 ≤ i < length). */
  entry(i: number): LedgerEntry {
    const enterprise_id = this.ids[this.owner.at(i)]!;
    const kind = LEDGER_KINDS[this.kind.at(i)]!;
    const period = this.periods.value(this.period.at(i));
    const [opening, added, used, closing] = [this.opening.at(i), this.added.at(i), this.used.at(i), this.closing.at(i)];
    if (!Number.isNaN(opening) && !Number.isNaN(added) && !Number.isNaN(used)) return { enterprise_id, kind, period, opening, added, used, closing };
    return {
      enterprise_id,
      kind,
      period,
      ...(Number.isNaN(opening) ? {} : { opening }),
      ...(Number.isNaN(added) ? {} : { added }),
      ...(Number.isNaN(used) ? {} : { used }),
      closing,
    };
  }

  /** The span of enterprise `id`'s rows of `kind`, if it has any (binary search: no index is kept). */
  span(id: string, kind: LedgerKind): ComputedSpan | undefined {
    let lo = 0;
    let hi = this.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = this.ids[mid]!;
      if (m === id) {
        const end = mid + 1 < this.ids.length ? this.firsts.at(mid + 1) : this.length;
        const k = KIND_NUMBER.get(kind)!;
        let first: LedgerEntry | undefined;
        let last: LedgerEntry | undefined;
        for (let i = this.firsts.at(mid); i < end; i++) {
          if (this.kind.at(i) !== k) continue;
          last = this.entry(i);
          first ??= last;
        }
        return first && last ? { start: periodStart(first.period), end: periodEnd(last.period), last } : undefined;
      }
      if (m < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  *[Symbol.iterator](): Iterator<LedgerEntry> {
    for (let i = 0; i < this.length; i++) yield this.entry(i);
  }
}

/**
 * A ledger to write: the input rows kept (sorted here) and the computed rows, merged in ledger
 * order as it is read, so that a million recomputed rows are never a million objects at once.
 * Can be read any number of times.
 */
export class MergedLedger implements Iterable<LedgerEntry> {
  private readonly kept: Iterable<LedgerEntry>;

  /** `kept`: rows in any order (an array, sorted here), or rows already in ledger order that can be read again (`ordered`, e.g. another MergedLedger filtered: never collected). */
  constructor(
    kept: Iterable<LedgerEntry>,
    private readonly computed: ComputedRows,
    ordered = false,
  ) {
    this.kept = ordered ? kept : [...kept].sort(compareEntries);
  }

  /** The number of rows (counted by reading the kept rows when they are not an array). */
  get length(): number {
    let n = 0;
    if (Array.isArray(this.kept)) n = this.kept.length;
    else for (const _ of this.kept) n++;
    return n + this.computed.length;
  }

  *[Symbol.iterator](): Iterator<LedgerEntry> {
    const it = this.kept[Symbol.iterator]();
    let next = it.next();
    const n = this.computed.length;
    for (let i = 0; i < n; i++) {
      const c = this.computed.entry(i);
      // No input row has the key of a computed row (it was replaced): ties cannot occur.
      while (!next.done && compareEntries(next.value, c) < 0) {
        yield next.value;
        next = it.next();
      }
      yield c;
    }
    while (!next.done) {
      yield next.value;
      next = it.next();
    }
  }
}

export function describeConflict(c: Conflict): string {
  const at = c.later.file ? ` (${c.later.file}:${c.later.line})` : '';
  const opens = c.later.opening === undefined ? t('ledger.conflict.balance') : t('ledger.conflict.opensWith', { opening: formatFen(c.later.opening) });
  return t('ledger.conflict', { id: c.enterprise_id, kind: c.kind, period: c.period, computed: formatFen(c.computed), later: c.later.period.text, at, opens });
}

/**
 * The balance carried into `start`: the closing of the latest row before it (a gap when that
 * row does not end the day before); with no earlier row, the opening of a row for `start`
 * itself, which is about to be recomputed (so its stated carry in is kept).
 */
export interface Carry {
  fen: Fen;
  period?: Period;
  fromOpening?: boolean;
  gap: boolean;
}

export function carryBefore(rows: readonly LedgerEntry[], start: Period): Carry {
  const begin = periodStart(start);
  let prior: LedgerEntry | undefined;
  for (const r of rows) if (periodEnd(r.period) < begin && (!prior || comparePeriods(r.period, prior.period) > 0)) prior = r;
  if (!prior) {
    const own = rows.find((r) => periodStart(r.period) === begin && r.opening !== undefined);
    return own ? { fen: own.opening!, period: own.period, fromOpening: true, gap: false } : { fen: 0, gap: false };
  }
  return { fen: prior.closing, period: prior.period, gap: addDays(periodEnd(prior.period), 1) !== begin };
}

/** What --force did, for standard error: the conflicts it overrode and each row it dropped. */
export function describeDropped(dropped: readonly LedgerEntry[], conflicts: readonly Conflict[]): string[] {
  if (!dropped.length) return [];
  const lines = conflicts.map((c) => t('ledger.forced', { conflict: describeConflict(c) }));
  for (const d of dropped) lines.push(t('ledger.forcedDropped', { id: d.enterprise_id, kind: d.kind, period: d.period.text, at: d.file ? ` (${d.file}:${d.line})` : '' }));
  return lines;
}
