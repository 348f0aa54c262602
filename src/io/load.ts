/**
 * Loading the education expense inputs into aggregates: payroll streamed and summed per
 * enterprise and year (never held in memory row by row), training summed per enterprise,
 * year and category, qualifications and the ledger as small lists.
 */
import type { QualificationSpan, YearData } from '../calc/education.js';
import { checkLedger, type LedgerEntry } from '../ledger/ledger.js';
import { InputError, ProblemList, type Problem } from './errors.js';
import { ledgerSchema, payrollSchema, qualificationsSchema, trainingSchema } from './kinds.js';
import { addFen, AmountOverflowError, formatFen, type Fen } from './money.js';
import { readRows, type ReadOptions } from './csv-in.js';

export interface LoadOptions extends ReadOptions {
  maxErrors: number;
}

export interface WageTotal {
  wages: Fen;
  rows: number;
}

export type TrainingTotal = Omit<YearData, 'wages' | 'wageRows'>;

/** enterprise → year → value */
export type ByEnterpriseYear<T> = Map<string, Map<number, T>>;

function slot<T>(m: ByEnterpriseYear<T>, id: string, year: number, make: () => T): T {
  let byYear = m.get(id);
  if (!byYear) m.set(id, (byYear = new Map()));
  let v = byYear.get(year);
  if (v === undefined) byYear.set(year, (v = make()));
  return v;
}

/** Runs each loader with its own problem list, then throws one InputError with all of them. */
export async function loadAll<T extends readonly (() => Promise<unknown>)[]>(loaders: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const problems: Problem[] = [];
  let truncated = false;
  const results: unknown[] = [];
  for (const load of loaders) {
    try {
      results.push(await load());
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
      truncated ||= e.truncated;
      results.push(undefined);
    }
  }
  if (problems.length) throw new InputError(problems, truncated);
  return results as { [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

function overflow(problems: ProblemList, file: string, line: number, column: number, e: unknown): void {
  if (!(e instanceof AmountOverflowError)) throw e;
  problems.add({ file, line, column, message: e.message });
}

export async function loadPayroll(path: string, o: LoadOptions): Promise<ByEnterpriseYear<WageTotal>> {
  const problems = new ProblemList(o.maxErrors);
  const out: ByEnterpriseYear<WageTotal> = new Map();
  await readRows(path, payrollSchema, o, problems, (r, ctx) => {
    const t = slot(out, r.enterprise_id, r.period.year, () => ({ wages: 0, rows: 0 }));
    try {
      t.wages = addFen(t.wages, r.wages);
    } catch (e) {
      overflow(problems, ctx.file, ctx.line, ctx.column('wages'), e);
    }
    t.rows++;
  });
  problems.throwIfAny();
  return out;
}

export interface TrainingLoad {
  education: ByEnterpriseYear<TrainingTotal>;
}

export async function loadTraining(path: string, o: LoadOptions): Promise<TrainingLoad> {
  const problems = new ProblemList(o.maxErrors);
  const education: ByEnterpriseYear<TrainingTotal> = new Map();
  await readRows(path, trainingSchema, o, problems, (r, ctx) => {
    const incurred = r.incurred ?? r.amount;
    if (r.category === 'pcie_investment') return; // the 产教融合 credit reads these
    if (r.amount < 0 || (r.incurred !== undefined && r.incurred < 0)) {
      const col = r.amount < 0 ? 'amount' : 'incurred';
      ctx.problem(col, `${col}: a negative amount is allowed only for pcie_investment (a withdrawal)`, formatFen(r.amount < 0 ? r.amount : incurred));
      return;
    }
    const t = slot(education, r.enterprise_id, Number(r.date.slice(0, 4)), () => ({
      book: 0,
      incurred: 0,
      educationRows: 0,
      fullBook: 0,
      fullIncurred: 0,
      fullRows: 0,
    }));
    try {
      if (r.category === 'education') {
        t.book = addFen(t.book, r.amount);
        t.incurred = addFen(t.incurred, incurred);
        t.educationRows++;
      } else {
        t.fullBook = addFen(t.fullBook, r.amount);
        t.fullIncurred = addFen(t.fullIncurred, incurred);
        t.fullRows++;
      }
    } catch (e) {
      overflow(problems, ctx.file, ctx.line, ctx.column('amount'), e);
    }
  });
  problems.throwIfAny();
  return { education };
}

export async function loadQualifications(path: string, o: LoadOptions): Promise<Map<string, QualificationSpan[]>> {
  const problems = new ProblemList(o.maxErrors);
  const out = new Map<string, QualificationSpan[]>();
  await readRows(path, qualificationsSchema, o, problems, (r, ctx) => {
    if (r.valid_to !== undefined && r.valid_to < r.valid_from) {
      ctx.problem('valid_to', `valid_to: the qualification ends before it starts (valid_from ${r.valid_from})`, r.valid_to);
      return;
    }
    const list = out.get(r.enterprise_id) ?? [];
    list.push({ qualification: r.qualification, valid_from: r.valid_from, ...(r.valid_to ? { valid_to: r.valid_to } : {}) });
    out.set(r.enterprise_id, list);
  });
  problems.throwIfAny();
  return out;
}

/** Reads and checks the ledger (arithmetic, chain, duplicates): an inconsistent ledger is refused. */
export async function loadLedger(path: string, o: LoadOptions): Promise<LedgerEntry[]> {
  const problems = new ProblemList(o.maxErrors);
  const entries: LedgerEntry[] = [];
  let columnOf: (name: string) => number = () => 0;
  await readRows(path, ledgerSchema, o, problems, (r, ctx) => {
    columnOf = ctx.column;
    entries.push({ ...r, file: ctx.file, line: ctx.line });
  });
  problems.throwIfAny();
  for (const p of checkLedger(entries, columnOf)) problems.add(p);
  problems.throwIfAny();
  return entries;
}
