/**
 * The carryforward ledger (ledger.csv): one row per enterprise, kind and period with
 * opening, added, used and closing. Read and checked on every use (hledger-style balance
 * assertions), folded by the calculators, written back with the recomputed rows replaced.
 */
import { byText } from '../io/order.js';
import type { Problem } from '../io/errors.js';
import type { LedgerKind } from '../io/kinds.js';
import { formatFen, type Fen } from '../io/money.js';
import { periodEnd, periodStart, type Period } from '../io/values.js';

export interface LedgerEntry {
  enterprise_id: string;
  kind: LedgerKind;
  period: Period;
  opening?: Fen;
  added?: Fen;
  used?: Fen;
  closing: Fen;
  /** where it was read from, for messages; absent for computed rows */
  file?: string;
  line?: number;
}

/** Column numbers of the ledger file, for messages (0 when unknown). */
export type ColumnOf = (name: string) => number;

export function nextPeriod(p: Period): Period {
  if (p.kind === 'year') return { ...p, year: p.year + 1, text: String(p.year + 1) };
  const last = p.kind === 'month' ? 12 : 4;
  const year = p.n === last ? p.year + 1 : p.year;
  const n = p.n === last ? 1 : p.n + 1;
  const text = p.kind === 'month' ? `${year}-${String(n).padStart(2, '0')}` : `${year}-Q${n}`;
  return { kind: p.kind, year, n, text };
}

export function comparePeriods(a: Period, b: Period): number {
  const s = byText(periodStart(a), periodStart(b));
  return s !== 0 ? s : byText(a.kind, b.kind);
}

export function compareEntries(a: LedgerEntry, b: LedgerEntry): number {
  return byText(a.enterprise_id, b.enterprise_id) || byText(a.kind, b.kind) || comparePeriods(a.period, b.period);
}

/** closing as the kind's own formula gives it from opening, added and used. */
function expectedClosing(kind: LedgerKind, opening: Fen, added: Fen, used: Fen): Fen {
  const raw = opening + added - used;
  // The 产教融合 pool never goes below zero (RULES §2.4); the education carryforward cannot.
  return kind === 'pcie_credit' ? Math.max(0, raw) : raw;
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
    const wantYear = e.kind === 'education_expense';
    if (wantYear !== (e.period.kind === 'year')) {
      at(e, 'period', wantYear ? 'an education_expense row has a year period (YYYY)' : 'a pcie_credit row has a month (YYYY-MM) or quarter (YYYY-Qn) period', e.period.text);
      continue;
    }
    const given = [e.opening, e.added, e.used].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) {
      at(e, e.opening === undefined ? 'opening' : e.added === undefined ? 'added' : 'used', 'give opening, added and used together, or closing alone for an opening balance');
      continue;
    }
    if (e.kind === 'education_expense') {
      for (const [name, v] of [['closing', e.closing], ['opening', e.opening], ['added', e.added], ['used', e.used]] as const) {
        if (v !== undefined && v < 0) at(e, name, `an education_expense ${name} cannot be negative`, formatFen(v));
      }
    }
    if (given === 3) {
      const want = expectedClosing(e.kind, e.opening!, e.added!, e.used!);
      if (want !== e.closing) {
        at(
          e,
          'closing',
          `closing does not equal opening + added − used (${formatFen(e.opening!)} + ${formatFen(e.added!)} − ${formatFen(e.used!)} = ${formatFen(want)})`,
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
        const what = prev.period.text === cur.period.text ? 'a second' : `an overlapping (${prev.period.text})`;
        at(cur, 'period', `${what} ${cur.kind} row for ${cur.enterprise_id} ${cur.period.text} (the first is on line ${prev.line})`, cur.period.text);
        continue;
      }
      if (cur.opening === undefined) {
        at(cur, 'opening', `only the earliest row of a chain may give closing alone; ${cur.enterprise_id} has a row for ${prev.period.text} before it`);
        continue;
      }
      // A pool does not move in a period without a return, so every 产教融合 row opens with the
      // previous row's closing; an education year may be missing (a gap), so only adjacent years chain.
      const chained = cur.kind === 'pcie_credit' || nextPeriod(prev.period).text === cur.period.text;
      if (chained && cur.opening !== prev.closing) {
        at(
          cur,
          'opening',
          `the chain is broken: opening of ${cur.period.text} does not equal closing of ${prev.period.text} (${formatFen(prev.closing)}, line ${prev.line})`,
          formatFen(cur.opening),
        );
      }
    }
  }
  return problems;
}

export const LEDGER_COLUMNS = ['enterprise_id', 'kind', 'period', 'opening', 'added', 'used', 'closing'] as const;

export function ledgerRecord(e: LedgerEntry): Record<(typeof LEDGER_COLUMNS)[number], string> {
  const f = (v: Fen | undefined) => (v === undefined ? '' : formatFen(v));
  return {
    enterprise_id: e.enterprise_id,
    kind: e.kind,
    period: e.period.text,
    opening: f(e.opening),
    added: f(e.added),
    used: f(e.used),
    closing: formatFen(e.closing),
  };
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

/**
 * Every input row, with the rows of `kind` that fall inside each recomputed enterprise's span
 * (first to last computed period) replaced by `computed`. The first later row of such an
 * enterprise must open with the recomputed closing: otherwise it is a conflict, and with
 * `force` the enterprise's later rows of that kind are dropped instead.
 */
export function mergeLedger(
  ledger: readonly LedgerEntry[],
  kind: LedgerKind,
  computed: ReadonlyMap<string, LedgerEntry[]>,
  force: boolean,
): MergeResult {
  const span = new Map<string, { start: string; end: string; last: LedgerEntry }>();
  for (const [id, rows] of computed) {
    if (rows.length === 0) continue;
    const last = rows[rows.length - 1]!;
    span.set(id, { start: periodStart(rows[0]!.period), end: periodEnd(last.period), last });
  }
  const kept: LedgerEntry[] = [];
  const firstLater = new Map<string, LedgerEntry>();
  for (const e of ledger) {
    const s = e.kind === kind ? span.get(e.enterprise_id) : undefined;
    if (s && periodStart(e.period) >= s.start && periodEnd(e.period) <= s.end) continue;
    if (s && periodStart(e.period) > s.end) {
      const f = firstLater.get(e.enterprise_id);
      if (!f || comparePeriods(e.period, f.period) < 0) firstLater.set(e.enterprise_id, e);
    }
    kept.push(e);
  }
  const conflicts: Conflict[] = [];
  for (const [id, later] of firstLater) {
    const s = span.get(id)!;
    // A later row with closing alone would no longer be the earliest of its chain: a conflict too.
    if (later.opening === undefined || later.opening !== s.last.closing) {
      conflicts.push({ enterprise_id: id, kind, period: s.last.period.text, year: s.last.period.year, computed: s.last.closing, later });
    }
  }
  conflicts.sort((a, b) => byText(a.enterprise_id, b.enterprise_id));
  const dropped: LedgerEntry[] = [];
  let entries = kept;
  if (force && conflicts.length) {
    const drop = new Set(conflicts.map((c) => c.enterprise_id));
    entries = kept.filter((e) => {
      const out = e.kind === kind && drop.has(e.enterprise_id) && periodStart(e.period) > span.get(e.enterprise_id)!.end;
      if (out) dropped.push(e);
      return !out;
    });
  }
  for (const rows of computed.values()) entries.push(...rows);
  entries.sort(compareEntries);
  dropped.sort(compareEntries);
  return { entries, conflicts, dropped };
}

export function describeConflict(c: Conflict): string {
  const at = c.later.file ? ` (${c.later.file}:${c.later.line})` : '';
  const opens = c.later.opening === undefined ? 'gives a closing alone (an opening balance)' : `opens with ${formatFen(c.later.opening)}`;
  return `ledger conflict for ${c.enterprise_id} (${c.kind}): the recomputed closing of ${c.period} is ${formatFen(c.computed)}, but the ledger's ${c.later.period.text} row${at} ${opens}`;
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
  return { fen: prior.closing, period: prior.period, gap: dayAfter(periodEnd(prior.period)) !== begin };
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
