/**
 * The lines every command prints on standard error besides warnings and notes (issue #8 item 16):
 * the one-line summary `deduct` and `credit` print last, worked out here from the report they
 * printed or wrote (deductions.csv, credits.csv in CSV), and the one line `--quiet` still prints
 * when warnings make the exit status 1. Spelled out here, not imported from src/.
 */
import { parse } from 'csv-parse/sync';

type Row = Record<string, string>;

const rowsOf = (report: string): Row[] => parse(report, { columns: true, skip_empty_lines: true, bom: true }) as Row[];

/** An amount of the report ("-1234.56") in fen, exactly. */
function fen(text: string): bigint {
  const m = /^(-?)(\d+)\.(\d\d)$/.exec(text);
  if (!m) throw new Error(`not an amount of the report: "${text}"`);
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
}

function yuan(v: bigint): string {
  const a = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

const total = (rows: Row[], column: string) => yuan(rows.reduce((s, r) => s + fen(r[column]!), 0n));

/**
 * `deduct: years …, enterprises …, enterprise-years …, total deductible …, total carried forward …,
 * warnings …` and its newline for the deductions.csv `report`: the carryforward is the carry_out of each
 * enterprise's last year, the warnings the rows with notes. `years` when the range asked for is not
 * the report's first to last year.
 */
export function deductLine(report: string, o: { years?: string } = {}): string {
  const rows = rowsOf(report);
  const last = new Map<string, Row>();
  for (const r of rows) {
    const prev = last.get(r.enterprise_id!);
    if (!prev || Number(prev.year) < Number(r.year)) last.set(r.enterprise_id!, r);
  }
  const years = rows.map((r) => Number(r.year));
  const from = Math.min(...years);
  const to = Math.max(...years);
  const span = o.years ?? (rows.length ? (from === to ? String(from) : `${from}-${to}`) : '(no data)');
  return (
    `deduct: years ${span}, enterprises ${last.size}, enterprise-years ${rows.length}, total deductible ${total(rows, 'total_deductible')}, ` +
    `total carried forward ${total([...last.values()], 'carry_out')}, warnings ${rows.filter((r) => r.notes).length}\n`
  );
}

/** The notes of credits.csv that are warnings (exit 1): CONTRACT §4. */
const CREDIT_WARNINGS = ['not_pilot', 'investment_withdrawn', 'ledger_gap', 'sales_missing', 'overpaid'];

/** The first and last month of a period of credits.csv (2024-05, 2024-Q2, 2024). */
function months(period: string): [string, string] {
  const y = period.slice(0, 4);
  if (/^\d{4}-\d\d$/.test(period)) return [period, period];
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) return [`${y}-${String(Number(q[1]) * 3 - 2).padStart(2, '0')}`, `${y}-${String(Number(q[1]) * 3).padStart(2, '0')}`];
  if (/^\d{4}$/.test(period)) return [`${y}-01`, `${y}-12`];
  throw new Error(`not a period of the report: "${period}"`);
}

/**
 * `credit: periods … to …, enterprises …, enterprise-periods …, total due …, total credit …, total
 * payable …, total overpaid …, pool carried forward …, warnings …` and its newline for the
 * credits.csv `report` (two rows per enterprise-period). The pool carried forward (the closing of
 * each enterprise's last period, which the report does not show) is the test's to give: `carried`,
 * or the `ledger` the run wrote (ledger.csv text: the closing of the last pcie_credit row of each
 * enterprise of the report). `periods` when the range asked for is not the report's first to last
 * month.
 */
export function creditLine(report: string, o: { carried: string; periods?: string } | { ledger: string; periods?: string }): string {
  const rows = rowsOf(report);
  const periods = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.enterprise_id} ${r.period}`;
    periods.set(key, [...(periods.get(key) ?? []), r]);
  }
  const enterprises = new Set(rows.map((r) => r.enterprise_id!));
  const ms = rows.flatMap((r) => months(r.period!)).sort();
  const span = o.periods ?? (rows.length ? `${ms[0]} to ${ms.at(-1)}` : '(no data)');
  const warnings = [...periods.values()].filter((rs) => rs.some((r) => r.notes!.split(';').some((n) => CREDIT_WARNINGS.includes(n)))).length;
  return (
    `credit: periods ${span}, enterprises ${enterprises.size}, enterprise-periods ${periods.size}, ` +
    `total due ${total(rows, 'due')}, total credit ${total(rows, 'credit')}, total payable ${total(rows, 'payable')}, total overpaid ${total(rows, 'overpaid')}, ` +
    `pool carried forward ${'carried' in o ? o.carried : poolCarried(o.ledger, enterprises)}, warnings ${warnings}\n`
  );
}

/** The closing of the last pcie_credit row of each of `enterprises` in a ledger.csv text, summed. */
function poolCarried(ledger: string, enterprises: ReadonlySet<string>): string {
  const last = new Map<string, Row>();
  for (const r of rowsOf(ledger)) {
    if (r.kind !== 'pcie_credit' || !enterprises.has(r.enterprise_id!)) continue;
    const prev = last.get(r.enterprise_id!);
    if (!prev || months(prev.period!)[0] < months(r.period!)[0]) last.set(r.enterprise_id!, r);
  }
  return total([...last.values()], 'closing');
}

/**
 * `run`'s summary on standard error, read back: `skilltax run DIR`, per calculator its title and
 * `label value` lines, `wrote NAMES to OUTDIR`; then `after`, the lines that follow it (warnings,
 * notes). Throws on any other line before the `wrote` line.
 */
export interface RunSummary {
  dir: string;
  sections: { title: string; items: [string, string][] }[];
  wrote: string[];
  outDir: string;
  after: string[];
}

export function runSummary(stderr: string): RunSummary {
  const lines = stderr.split('\n');
  if (lines.at(-1) !== '') throw new Error(`standard error does not end with a newline: ${JSON.stringify(stderr.slice(-80))}`);
  lines.pop();
  const head = /^skilltax run (.+)$/.exec(lines[0] ?? '');
  if (!head) throw new Error(`not run's summary: ${JSON.stringify(lines[0])}`);
  const s: RunSummary = { dir: head[1]!, sections: [], wrote: [], outDir: '', after: [] };
  let i = 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    const wrote = /^ {2}wrote (.+) to (.+)$/.exec(l);
    if (wrote) {
      s.wrote = wrote[1]!.split(', ');
      s.outDir = wrote[2]!;
      break;
    }
    const item = /^ {4}(\S.{23})(\S.*)$/.exec(l);
    if (item && s.sections.length) s.sections.at(-1)!.items.push([item[1]!.trimEnd(), item[2]!]);
    else if (/^ {2}\S/.test(l)) s.sections.push({ title: l.slice(2), items: [] });
    else throw new Error(`line ${i + 1} of run's summary is neither a title nor an item: ${JSON.stringify(l)}`);
  }
  if (i === lines.length) throw new Error("run's summary has no wrote … to … line");
  s.after = lines.slice(i + 1);
  return s;
}

/** The one line `--quiet` prints when `n` warnings make the exit status 1. */
export function quietLine(n: number): string {
  return n === 1
    ? 'skilltax: 1 warning made the exit status 1 (run without --quiet to see it)\n'
    : `skilltax: ${n} warnings made the exit status 1 (run without --quiet to see them)\n`;
}
