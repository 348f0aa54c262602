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
import type { Table } from '../domain/table.js';
import type { LedgerKind } from '../domain/vocabulary.js';
import { LEDGER_KIND_SPECS } from './kinds.js';

export type { LedgerEntry } from '../domain/records.js';

/** Column numbers of the ledger file, for messages (0 when unknown). */
export type ColumnOf = (name: string) => number;

export function compareEntries(a: LedgerEntry, b: LedgerEntry): number {
  return byText(a.enterprise_id, b.enterprise_id) || byText(a.kind, b.kind) || comparePeriods(a.period, b.period);
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
      at(e, 'period', spec.periodProblem, e.period.text);
      continue;
    }
    const given = [e.opening, e.added, e.used].filter((v) => v !== undefined).length;
    if (given !== 0 && given !== 3) {
      at(e, e.opening === undefined ? 'opening' : e.added === undefined ? 'added' : 'used', 'give opening, added and used together, or closing alone for an opening balance');
      continue;
    }
    if (!spec.negative) {
      for (const [name, v] of [['closing', e.closing], ['opening', e.opening], ['added', e.added], ['used', e.used]] as const) {
        if (v !== undefined && v < 0) at(e, name, `an education_expense ${name} cannot be negative`, formatFen(v));
      }
    }
    if (given === 3) {
      const want = spec.closing(e.opening!, e.added!, e.used!);
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
      const chained = LEDGER_KIND_SPECS[cur.kind].chainsAcrossHoles || nextPeriod(prev.period).text === cur.period.text;
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

const LEDGER_ZH: Record<(typeof LEDGER_COLUMNS)[number], string> = {
  enterprise_id: '纳税人识别号',
  kind: '类型',
  period: '所属期',
  opening: '期初余额',
  added: '本期增加',
  used: '本期使用',
  closing: '期末余额',
};

/** ledger.csv as a table: every row as given or computed, amounts with two decimals. */
export function ledgerTable(entries: readonly LedgerEntry[]): Table {
  return {
    columns: LEDGER_COLUMNS.map((name) => ({ name, zh: LEDGER_ZH[name], type: name === 'enterprise_id' || name === 'kind' || name === 'period' ? 'text' : 'money' })),
    rows: entries.map(ledgerRecord),
  };
}

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
  return { fen: prior.closing, period: prior.period, gap: addDays(periodEnd(prior.period), 1) !== begin };
}

/** What --force did, for standard error: the conflicts it overrode and each row it dropped. */
export function describeDropped(dropped: readonly LedgerEntry[], conflicts: readonly Conflict[]): string[] {
  if (!dropped.length) return [];
  const lines = conflicts.map((c) => `forced: ${describeConflict(c)}`);
  for (const d of dropped) lines.push(`forced: dropped ledger row ${d.enterprise_id} ${d.kind} ${d.period.text}${d.file ? ` (${d.file}:${d.line})` : ''}`);
  return lines;
}
