/**
 * The run's figures summed for people and scripts: each report's rows summed by calculator,
 * measure, town (镇街道, from enterprises.csv) and year, with `*` sums, in integer fen or counts.
 * summary.json, reform.csv and report.html read these; they never feed a calculation.
 */
import { addFen, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { cellsOf, type Cell, type Cells, type ColumnDef, type ReportTable } from '../domain/table.js';
import type { EnterpriseInfo, Fact, LargestBalance, RunReport, SubjectFigure } from './run-data.js';

export type { LargestBalance } from './run-data.js';

/** How one report is summed (a `balance` is a year-end stock: summed over towns, never over years): its calculator, the year of a row, its subject, and its measures. */
interface FactSpec {
  calculator: string;
  /** the column holding the year (YYYY) or a period (YYYY-MM, YYYY-Qn): its first four characters */
  year: string;
  /** the column of the subject whose figures "most affected" lists (its kind) */
  subject: { column: string; kind: 'enterprise' | 'person' };
  /** measures: an amount column summed in fen, or a count of rows (all, or those whose `column` equals `equals`) */
  measures: readonly ({ name: string; sum: string; balance?: true } | { name: string; count: true; column?: string; equals?: string })[];
}

/** The reports summed, by file name (CONTRACT §3–7). subsidy-summary repeats subsidies and is not summed. */
export const FACT_SPECS: Readonly<Record<string, FactSpec>> = {
  deductions: {
    calculator: 'education_expense',
    year: 'year',
    subject: { column: 'enterprise_id', kind: 'enterprise' },
    measures: [
      { name: 'enterprise_years', count: true },
      { name: 'wages', sum: 'wages' },
      { name: 'cap', sum: 'cap' },
      { name: 'incurred', sum: 'incurred' },
      { name: 'deductible', sum: 'deductible' },
      { name: 'carry_out', sum: 'carry_out', balance: true },
      { name: 'full_deductible', sum: 'full_deductible' },
      { name: 'total_deductible', sum: 'total_deductible' },
      { name: 'total_adjustment', sum: 'total_adjustment' },
    ],
  },
  credits: {
    calculator: 'pcie_credit',
    year: 'period',
    subject: { column: 'enterprise_id', kind: 'enterprise' },
    measures: [
      { name: 'due', sum: 'due' },
      { name: 'exemption', sum: 'exemption' },
      { name: 'reduction', sum: 'reduction' },
      { name: 'credit', sum: 'credit' },
      { name: 'paid', sum: 'paid' },
      { name: 'payable', sum: 'payable' },
    ],
  },
  subsidies: {
    calculator: 'training_subsidy',
    year: 'claim_date',
    subject: { column: 'person_id', kind: 'person' },
    measures: [
      { name: 'claims', count: true },
      { name: 'eligible', count: true, column: 'status', equals: 'eligible' },
      { name: 'ineligible', count: true, column: 'status', equals: 'ineligible' },
      { name: 'amount', sum: 'amount' },
    ],
  },
  'award-payments': {
    calculator: 'awards',
    year: 'year',
    subject: { column: 'recipient_id', kind: 'person' },
    measures: [
      { name: 'awards', count: true },
      { name: 'eligible', count: true, column: 'status', equals: 'eligible' },
      { name: 'amount', sum: 'amount' },
    ],
  },
  exemptions: {
    calculator: 'exempt',
    year: 'year',
    subject: { column: 'enterprise_id', kind: 'enterprise' },
    measures: [
      { name: 'rows', count: true },
      { name: 'exempt', count: true, column: 'exempt', equals: 'yes' },
      { name: 'tax_amount', sum: 'tax_amount' },
      { name: 'exempt_amount', sum: 'exempt_amount' },
    ],
  },
};

/** An amount cell ("1234.56", "-0.50") as integer fen. Throws on anything else: a report's money cells always have two decimals. */
export function fenOf(cell: Cell | undefined): Fen {
  const s = String(cell ?? '');
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(s);
  if (!m) throw new Error(`not an amount cell: "${s}"`);
  const fen = Number(m[2]) * 100 + Number(m[3]);
  return m[1] ? -fen : fen;
}

const NAME: ColumnDef = { name: 'name', zh: '企业名称', type: 'text' };
const TOWN: ColumnDef = { name: 'town', zh: '镇街道', type: 'text' };

/**
 * A report with `name` and `town` (镇街道) of its enterprise_id added at the end, from
 * enterprises.csv (empty when the id is not listed, or the row has no enterprise). A table without
 * an enterprise_id column is returned as it is. Rows are made as they are read (iterable again).
 * `unknown` receives each id the file lacks.
 */
export function withEnterprises(table: ReportTable, enterprises: ReadonlyMap<string, EnterpriseInfo>, unknown?: (id: string) => void): ReportTable {
  const at = table.columns.findIndex((c) => c.name === 'enterprise_id');
  if (at < 0) return table;
  const columns = [...table.columns, NAME, TOWN];
  return {
    columns,
    rows: {
      *[Symbol.iterator](): Iterator<Cells> {
        for (const row of table.rows) {
          const cells = cellsOf(table.columns, row);
          const id = String(cells[at] ?? '');
          const e = id === '' ? undefined : enterprises.get(id);
          if (id !== '' && !e) unknown?.(id);
          yield [...(cells as Cell[]), e?.name ?? '', e?.town ?? ''];
        }
      },
    },
  };
}

const LARGEST = 10;
const byLargest = (a: LargestBalance, b: LargestBalance) => b.value - a.value || byText(a.id, b.id);

type Key = string;
const SEP = '\u0000';

/** Sums of facts as they are added: (calculator, measure, town, year) → value, and per subject. */
class FactSums {
  readonly cells = new Map<Key, { unit: 'fen' | 'count'; value: number }>();
  readonly subjects = new Map<Key, { kind: 'enterprise' | 'person'; unit: 'fen' | 'count'; value: number; town: string }>();

  add(calculator: string, measure: string, town: string, year: string, unit: 'fen' | 'count', value: number, balance = false): void {
    for (const tw of [town, '*'])
      for (const y of balance ? [year] : [year, '*']) {
        const k = [calculator, measure, tw, y].join(SEP);
        const c = this.cells.get(k);
        if (c) c.value = unit === 'fen' ? addFen(c.value, value) : c.value + value;
        else this.cells.set(k, { unit, value });
      }
  }

  addSubject(calculator: string, measure: string, kind: 'enterprise' | 'person', id: string, town: string, unit: 'fen' | 'count', value: number): void {
    const k = [calculator, measure, id].join(SEP);
    const s = this.subjects.get(k);
    if (s) s.value = unit === 'fen' ? addFen(s.value, value) : s.value + value;
    else this.subjects.set(k, { kind, unit, value, town });
  }
}

/** The facts of a run and its per-subject sums (for "most affected"). */
export interface RunFacts {
  facts: Fact[];
  /** for each balance measure (carry_out) and year, the 10 subjects with the largest positive balance, largest first (ties by id) */
  largest: LargestBalance[];
  /** calculator, measure, subject id → its sum */
  subjects: ReadonlyMap<string, { kind: 'enterprise' | 'person'; unit: 'fen' | 'count'; value: number; town: string }>;
  /** the `notes` / `reasons` codes of the reports' rows counted, in the same pass: calculator → code → rows (codes in text order) */
  codes: Record<string, Record<string, number>>;
}

/**
 * Sums the reports of a run (those FACT_SPECS names) by calculator, measure, town and year, with
 * `*` for all towns and all years; with `subjects`, also per subject (what `mostAffected` compares). The town is looked up by the row's enterprise_id (''
 * when there is no enterprises.csv, the id is not in it, or the row has no enterprise). Facts
 * are sorted by calculator, measure, town, year (text order, `*` first). The notes / reasons codes
 * are counted in the same pass over the rows (a report of a million rows is made once here).
 */
export function sumFacts(reports: readonly RunReport[], enterprises?: ReadonlyMap<string, EnterpriseInfo>, o: { subjects?: boolean } = {}): RunFacts {
  const sums = new FactSums();
  const out: LargestBalance[] = [];
  const codes: Record<string, Record<string, number>> = {};
  for (const r of reports) {
    const spec = FACT_SPECS[r.name];
    if (!spec) continue;
    const codesAt = r.table.columns.findIndex((c) => c.name === 'notes' || c.name === 'reasons');
    const counted = codesAt >= 0 ? (codes[spec.calculator] ??= {}) : undefined;
    const col = (name: string) => r.table.columns.findIndex((c) => c.name === name);
    const ownerAt = col(spec.subject.column);
    const yearAt = col(spec.year);
    const idAt = col('enterprise_id');
    const subjectAt = o.subjects ? col(spec.subject.column) : -1;
    const measures = spec.measures.map((m) =>
      'sum' in m ? { name: m.name, at: col(m.sum), unit: 'fen' as const, balance: m.balance === true } : { name: m.name, at: m.column ? col(m.column) : -1, equals: m.equals, unit: 'count' as const, balance: false },
    );
    // Sums per (town, year) first, a handful of groups however many rows; then the `*` sums from them.
    const groups = new Map<string, { town: string; year: string; values: number[] }>();
    const subjects = new Map<string, { town: string; values: number[] }>();
    const values = new Array<number>(measures.length);
    const largest = new Map<string, LargestBalance[]>(); // measure and year → the candidates, kept to the largest
    for (const row of r.table.rows) {
      const cells = cellsOf(r.table.columns, row);
      const year = String(cells[yearAt] ?? '').slice(0, 4);
      if (counted) {
        const text = String(cells[codesAt] ?? '');
        if (text) for (const code of text.split(';')) counted[code] = (counted[code] ?? 0) + 1;
      }
      const id = idAt >= 0 ? String(cells[idAt] ?? '') : '';
      const town = (id && enterprises?.get(id)?.town) || '';
      measures.forEach((m, i) => (values[i] = m.unit === 'fen' ? fenOf(cells[m.at]) : m.at < 0 || String(cells[m.at]) === m.equals ? 1 : 0));
      const gk = town + SEP + year;
      let g = groups.get(gk);
      if (!g) groups.set(gk, (g = { town, year, values: new Array<number>(measures.length).fill(0) }));
      for (let i = 0; i < measures.length; i++) g.values[i] = addFen(g.values[i]!, values[i]!);
      measures.forEach((m, i) => {
        if (!m.balance || values[i]! <= 0) return;
        const lk = m.name + SEP + year;
        let list = largest.get(lk);
        if (!list) largest.set(lk, (list = []));
        list.push({ calculator: spec.calculator, measure: m.name, year, id: String(cells[ownerAt] ?? ''), town, value: values[i]! });
        if (list.length > 4 * LARGEST) list.sort(byLargest).length = LARGEST;
      });
      if (subjectAt >= 0) {
        const subject = String(cells[subjectAt] ?? '');
        if (!subject) continue;
        let sv = subjects.get(subject);
        if (!sv) subjects.set(subject, (sv = { town, values: new Array<number>(measures.length).fill(0) }));
        for (let i = 0; i < measures.length; i++) sv.values[i] = addFen(sv.values[i]!, values[i]!);
      }
    }
    for (const list of largest.values()) out.push(...list.sort(byLargest).slice(0, LARGEST));
    for (const g of groups.values()) measures.forEach((m, i) => sums.add(spec.calculator, m.name, g.town, g.year, m.unit, g.values[i]!, m.balance));
    for (const [subject, sv] of subjects) measures.forEach((m, i) => !m.balance && sums.addSubject(spec.calculator, m.name, spec.subject.kind, subject, sv.town, m.unit, sv.values[i]!));
  }
  const facts: Fact[] = [...sums.cells].map(([k, v]) => {
    const [calculator, measure, town, year] = k.split(SEP) as [string, string, string, string];
    return { calculator, measure, town, year, unit: v.unit, value: v.value };
  });
  facts.sort((a, b) => byText(a.calculator, b.calculator) || byText(a.measure, b.measure) || byText(a.town, b.town) || byText(a.year, b.year));
  out.sort((a, b) => byText(a.calculator, b.calculator) || byText(a.measure, b.measure) || byText(a.year, b.year) || byLargest(a, b));
  for (const c of Object.keys(codes)) codes[c] = Object.fromEntries(Object.entries(codes[c]!).sort(([a], [b]) => byText(a, b)));
  return { facts, subjects: sums.subjects, largest: out, codes };
}

/**
 * The subjects whose figures differ most between two runs' per-subject sums: for each calculator
 * and measure of amounts (fen), the `limit` largest absolute differences, largest first (ties by
 * id). Names and towns from enterprises.csv for enterprises.
 */
export function mostAffected(base: RunFacts, reform: RunFacts, enterprises: ReadonlyMap<string, EnterpriseInfo> | undefined, limit = 10): SubjectFigure[] {
  const keys = new Set([...base.subjects.keys(), ...reform.subjects.keys()]);
  const groups = new Map<string, SubjectFigure[]>();
  for (const k of keys) {
    const b = base.subjects.get(k);
    const r = reform.subjects.get(k);
    const any = (b ?? r)!;
    if (any.unit !== 'fen') continue;
    const bv = b?.value ?? 0;
    const rv = r?.value ?? 0;
    if (bv === rv) continue;
    const [calculator, measure, id] = k.split(SEP) as [string, string, string];
    const e = any.kind === 'enterprise' ? enterprises?.get(id) : undefined;
    const g = `${calculator}${SEP}${measure}`;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push({ calculator, measure, kind: any.kind, id, name: e?.name ?? '', town: e?.town ?? any.town, unit: 'fen', baseline: bv, reform: rv });
  }
  const out: SubjectFigure[] = [];
  for (const g of [...groups.keys()].sort(byText)) {
    const list = groups.get(g)!;
    list.sort((x, y) => Math.abs(y.reform - y.baseline) - Math.abs(x.reform - x.baseline) || byText(x.id, y.id));
    out.push(...list.slice(0, limit));
  }
  return out;
}

/** The rows of reform.csv: every (calculator, measure, town, year) of either side's facts, baseline and reform (0 where a side lacks it). */
export function reformRows(base: readonly Fact[], reform: readonly Fact[]): { calculator: string; measure: string; town: string; year: string; unit: 'fen' | 'count'; baseline: number; reform: number }[] {
  const key = (f: Fact) => [f.calculator, f.measure, f.town, f.year].join(SEP);
  const rows = new Map<string, { calculator: string; measure: string; town: string; year: string; unit: 'fen' | 'count'; baseline: number; reform: number }>();
  for (const f of base) rows.set(key(f), { calculator: f.calculator, measure: f.measure, town: f.town, year: f.year, unit: f.unit, baseline: f.value, reform: 0 });
  for (const f of reform) {
    const r = rows.get(key(f));
    if (r) r.reform = f.value;
    else rows.set(key(f), { calculator: f.calculator, measure: f.measure, town: f.town, year: f.year, unit: f.unit, baseline: 0, reform: f.value });
  }
  return [...rows.values()].sort((a, b) => byText(a.calculator, b.calculator) || byText(a.measure, b.measure) || byText(a.town, b.town) || byText(a.year, b.year));
}
