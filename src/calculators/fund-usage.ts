/**
 * The skills fund's usage (专账资金使用率, issue #15): per year and program, what was allocated
 * (fund.csv), what was paid from it (eligible subsidies decided plus history paid), what is
 * committed (payable but unclaimed, from `match`: shown apart, never in the rate), the usage rate
 * and what remains. Pure; money in integer fen.
 */
import { addFen, formatFen, shareText, subFen, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { yearOf } from '../domain/periods.js';
import type { FundAllocation, HistoryEntry } from '../domain/records.js';
import type { ColumnDef, ReportTable } from '../domain/table.js';
import type { Program } from '../domain/vocabulary.js';
import { t } from '../i18n/index.js';

/** A subsidy decided by `subsidy` (only `eligible` ones count), in the year of its claim_date. */
export interface FundDecision {
  program: Program;
  claim_date: string;
  status: 'eligible' | 'ineligible';
  amount: Fen;
}

/** A subsidy payable but not claimed (`match`), in fen, by program and year. */
export interface Commitment {
  program: Program;
  year: number;
  amount: Fen;
}

export interface FundInput {
  /** fund.csv */
  fund: readonly FundAllocation[];
  decisions: readonly FundDecision[];
  /** history.csv: each row counts in the year of its paid_date */
  history: readonly HistoryEntry[];
  committed?: readonly Commitment[] | undefined;
}

/** One year and program of the fund. Money in fen. */
export interface FundRow {
  year: number;
  /** a program, or `*` for an allocation covering every program without its own row that year */
  program: Program | '*';
  allocated: Fen;
  /** eligible subsidies decided, claimed in the year */
  paid_decided: Fen;
  /** history.csv paid in the year */
  paid_history: Fen;
  /** paid_decided + paid_history */
  paid: Fen;
  committed: Fen;
  /** paid / allocated, a decimal fraction half-up to 4 places (no trailing zeros); '' when allocated is 0 */
  usage_rate: string;
  /** allocated − paid: negative when overspent */
  remaining: Fen;
  /** paid > allocated */
  overspent: boolean;
  /** the allocations' `source`s, `;`-joined in file order, each once */
  source: string;
}

export interface FundUsage {
  /** sorted by year, then program (`*` first) */
  rows: FundRow[];
  /** one message per overspent row (the command's warnings: exit status 1) */
  warnings: string[];
}

interface Acc {
  year: number;
  program: Program | '*';
  allocated: Fen;
  decided: Fen;
  history: Fen;
  committed: Fen;
  sources: string[];
}

/**
 * The fund's usage per year and program.
 *
 * - Only the years fund.csv allocates anything in have rows (what was paid in other years is not
 *   the fund's business here). Several allocations of one year and program add up.
 * - A payment counts against its program's allocation of the year; when the program has none
 *   that year, against the year's `*` allocation; when there is neither, in a row of its own with
 *   allocated 0 (and so overspent). So a year with both program rows and a `*` row reads the
 *   `*` row as the allocation of every OTHER program: nothing is counted twice, and the rows of
 *   a year add up to the year's whole allocation and payments.
 * - Committed amounts are attributed the same way and shown apart: not in paid, rate or remaining.
 * - usage_rate = paid / allocated, decimal.js, half-up to 4 decimal places; empty when allocated is 0.
 *
 * Throws AmountOverflowError for a sum beyond what integer fen hold.
 */
export function fundUsage(input: FundInput): FundUsage {
  const rows = new Map<string, Acc>();
  const key = (year: number, program: string) => `${year}\u0000${program}`;
  const acc = (year: number, program: Program | '*'): Acc => {
    let a = rows.get(key(year, program));
    if (!a) rows.set(key(year, program), (a = { year, program, allocated: 0, decided: 0, history: 0, committed: 0, sources: [] }));
    return a;
  };
  const years = new Set<number>();
  for (const f of input.fund) {
    years.add(f.year);
    const a = acc(f.year, f.program);
    a.allocated = addFen(a.allocated, f.allocated);
    if (f.source && !a.sources.includes(f.source)) a.sources.push(f.source);
  }
  /** the row a payment of `program` in `year` counts in, or undefined for a year without allocation */
  const target = (year: number, program: Program): Acc | undefined => {
    if (!years.has(year)) return undefined;
    return rows.get(key(year, program)) ?? rows.get(key(year, '*')) ?? acc(year, program);
  };
  for (const d of input.decisions) {
    if (d.status !== 'eligible') continue;
    const a = target(yearOf(d.claim_date), d.program);
    if (a) a.decided = addFen(a.decided, d.amount);
  }
  for (const h of input.history) {
    const a = target(yearOf(h.paid_date), h.program);
    if (a) a.history = addFen(a.history, h.amount);
  }
  for (const c of input.committed ?? []) {
    const a = target(c.year, c.program);
    if (a) a.committed = addFen(a.committed, c.amount);
  }

  const out: FundRow[] = [];
  const warnings: string[] = [];
  for (const a of [...rows.values()].sort((x, y) => x.year - y.year || byText(x.program, y.program))) {
    const paid = addFen(a.decided, a.history);
    const overspent = paid > a.allocated;
    out.push({
      year: a.year,
      program: a.program,
      allocated: a.allocated,
      paid_decided: a.decided,
      paid_history: a.history,
      paid,
      committed: a.committed,
      usage_rate: shareText(paid, a.allocated),
      remaining: subFen(a.allocated, paid),
      overspent,
      source: a.sources.join(';'),
    });
    if (overspent) warnings.push(t('fund.overspent', { year: a.year, program: a.program, paid: formatFen(paid), allocated: formatFen(a.allocated) }));
  }
  return { rows: out, warnings };
}

/** The fund usage table's columns, English and Chinese headers. */
export const FUND_COLUMNS: readonly ColumnDef[] = [
  { name: 'year', zh: '年度', type: 'int' },
  { name: 'program', zh: '补贴项目', type: 'text' },
  { name: 'allocated', zh: '专账资金安排', type: 'money' },
  { name: 'paid_decided', zh: '本次审核符合条件金额', type: 'money' },
  { name: 'paid_history', zh: '已发放金额', type: 'money' },
  { name: 'paid', zh: '支出合计', type: 'money' },
  { name: 'committed', zh: '应享未申领金额', type: 'money' },
  { name: 'usage_rate', zh: '资金使用率', type: 'rate' },
  { name: 'remaining', zh: '结余', type: 'money' },
  { name: 'warning', zh: '预警', type: 'text' },
  { name: 'source', zh: '资金来源', type: 'text' },
];

/**
 * The fund usage as a report table, rows in fundUsage's order: money with 2 decimals (remaining
 * may be negative), usage_rate a decimal fraction (empty when nothing was allocated), warning
 * `overspent` or empty.
 */
export function fundTable(usage: FundUsage): ReportTable {
  return {
    columns: FUND_COLUMNS,
    rows: usage.rows.map((r) => [
      r.year,
      r.program,
      formatFen(r.allocated),
      formatFen(r.paid_decided),
      formatFen(r.paid_history),
      formatFen(r.paid),
      formatFen(r.committed),
      r.usage_rate,
      formatFen(r.remaining),
      r.overspent ? 'overspent' : '',
      r.source,
    ]),
  };
}
