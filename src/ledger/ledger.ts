/**
 * The carryforward ledger (ledger.csv): one row per enterprise, kind and period with
 * opening, added, used and closing. Read and checked on every use (hledger-style balance
 * assertions), folded by the calculators, written back with the recomputed rows replaced.
 */
import { byText } from '../io/order.js';
import type { Problem } from '../io/errors.js';
import type { LedgerKind } from '../io/kinds.js';
import { formatFen, type Fen } from '../io/money.js';
import { periodStart, type Period } from '../io/values.js';

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
      if (comparePeriods(prev.period, cur.period) === 0 || periodStart(prev.period) === periodStart(cur.period)) {
        at(cur, 'period', `a second ${cur.kind} row for ${cur.enterprise_id} ${cur.period.text} (the first is on line ${prev.line})`, cur.period.text);
        continue;
      }
      if (cur.opening === undefined) {
        at(cur, 'opening', `only the earliest row of a chain may give closing alone; ${cur.enterprise_id} has a row for ${prev.period.text} before it`);
        continue;
      }
      if (nextPeriod(prev.period).text === cur.period.text && cur.opening !== prev.closing) {
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
