/**
 * Loading the input files into the records the calculators consume (`domain/records.ts`):
 * payroll streamed and summed per enterprise and year (never held in memory row by row),
 * training summed per enterprise, year and category, the other kinds as small lists. Checks
 * that need more than one cell (a claim_id twice, overlapping surcharge periods …) are made
 * here too; the ledger's own checks (arithmetic, chain) are the ledger layer's.
 */
import { InputError, ProblemList, type Problem } from '../domain/errors.js';
import { addFen, AmountOverflowError, formatFen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { periodEnd, periodStart, yearOf } from '../domain/periods.js';
import type { QualificationSpan } from '../domain/qualifications.js';
import {
  emptyYear,
  type ByEnterpriseYear,
  type CatalogEntry,
  type Claim,
  type HistoryEntry,
  type InputKind,
  type InputTypes,
  type Investment,
  type LedgerEntry,
  type SurchargeReturn,
  type TrainingInput,
  type TrainingTotal,
  type WageTotal,
} from '../domain/records.js';
import { displayName, readRows, type ReadOptions } from './csv-in.js';
import { catalogSchema, historySchema, ledgerSchema, payrollSchema, qualificationsSchema, surchargesSchema, traineesSchema, trainingSchema } from './kinds.js';

export interface LoadOptions extends ReadOptions {
  maxErrors: number;
}

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
    const t = slot<WageTotal>(out, r.enterprise_id, r.period.year, () => ({ wages: 0, rows: 0 }));
    if (r.period.kind === 'year') t.yearLine ??= ctx.line;
    else t.monthLine ??= ctx.line;
    if (t.yearLine !== undefined && t.monthLine !== undefined && (t.yearLine === ctx.line || t.monthLine === ctx.line)) {
      const other = t.yearLine === ctx.line ? t.monthLine : t.yearLine;
      ctx.problem(
        'period',
        `period: ${r.enterprise_id} has both whole-year and monthly payroll rows for ${r.period.year} (line ${other}): its wages would be counted twice`,
        r.period.text,
      );
      return;
    }
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

export async function loadTraining(path: string, o: LoadOptions): Promise<TrainingInput> {
  const problems = new ProblemList(o.maxErrors);
  const education: ByEnterpriseYear<TrainingTotal> = new Map();
  const pcie = new Map<string, Investment[]>();
  await readRows(path, trainingSchema, o, problems, (r, ctx) => {
    const incurred = r.incurred ?? r.amount;
    if (r.category === 'pcie_investment') {
      const list = pcie.get(r.enterprise_id) ?? [];
      list.push({ date: r.date, fen: incurred, line: ctx.line });
      pcie.set(r.enterprise_id, list);
      return;
    }
    if (r.amount < 0 || (r.incurred !== undefined && r.incurred < 0)) {
      const col = r.amount < 0 ? 'amount' : 'incurred';
      ctx.problem(col, `${col}: a negative amount is allowed only for pcie_investment (a withdrawal)`, formatFen(r.amount < 0 ? r.amount : incurred));
      return;
    }
    const t = slot(education, r.enterprise_id, yearOf(r.date), (): TrainingTotal => {
      const { wages: _wages, wageRows: _wageRows, ...training } = emptyYear();
      return training;
    });
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
  return { education, pcie };
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

/**
 * Surcharge returns by enterprise, sorted by period. Two returns of one enterprise whose
 * periods overlap (the same period twice, or a month inside a quarter) are an input error
 * naming both rows.
 */
export async function loadSurcharges(path: string, o: LoadOptions): Promise<Map<string, SurchargeReturn[]>> {
  const problems = new ProblemList(o.maxErrors);
  const out = new Map<string, SurchargeReturn[]>();
  let periodColumn = 1;
  await readRows(path, surchargesSchema, o, problems, (r, ctx) => {
    periodColumn = ctx.column('period');
    const list = out.get(r.enterprise_id) ?? [];
    list.push({
      period: r.period,
      line: ctx.line,
      vat: r.vat,
      vat_exempt_offset: r.vat_exempt_offset ?? 0,
      refund_deduction: r.refund_deduction ?? 0,
      consumption_tax: r.consumption_tax ?? 0,
      ...(r.sales !== undefined ? { sales: r.sales } : {}),
      paid_edu: r.paid_edu ?? 0,
      paid_local: r.paid_local ?? 0,
    });
    out.set(r.enterprise_id, list);
  });
  problems.throwIfAny();
  const file = displayName(path);
  for (const [id, list] of out) {
    list.sort((a, b) => byText(periodStart(a.period), periodStart(b.period)) || a.line - b.line);
    let widest: SurchargeReturn | undefined;
    for (const r of list) {
      if (widest && periodEnd(widest.period) >= periodStart(r.period)) {
        problems.add({
          file,
          line: r.line,
          column: periodColumn,
          message: `${id}: period ${r.period.text} overlaps ${widest.period.text} on line ${widest.line}${
            widest.period.text === r.period.text
              ? ' (the same period twice)'
              : r.period.kind === 'month'
                ? ' (a month inside a quarter it also filed)'
                : ' (a quarter containing a month it also filed)'
          }`,
          value: r.period.text,
        });
      }
      if (!widest || periodEnd(r.period) > periodEnd(widest.period)) widest = r;
    }
  }
  problems.items.sort((a, b) => a.line - b.line);
  problems.throwIfAny();
  return out;
}

/**
 * Reads the ledger's rows, each with its file and line. `check` (the ledger layer's balance
 * assertions) runs on the rows read, with the file's column numbers; its problems are input
 * problems of this file.
 */
export async function loadLedger(
  path: string,
  o: LoadOptions,
  check: (entries: readonly LedgerEntry[], columnOf: (name: string) => number) => Problem[] = () => [],
): Promise<LedgerEntry[]> {
  const problems = new ProblemList(o.maxErrors);
  const entries: LedgerEntry[] = [];
  let columnOf: (name: string) => number = () => 0;
  await readRows(path, ledgerSchema, o, problems, (r, ctx) => {
    columnOf = ctx.column;
    entries.push({ ...r, file: ctx.file, line: ctx.line });
  });
  problems.throwIfAny();
  for (const p of check(entries, columnOf).sort((a, b) => a.line - b.line || a.column - b.column)) problems.add(p);
  problems.throwIfAny();
  return entries;
}

/** Claims, each with its line; a claim_id twice, or a month-paid claim without months, is an input error. */
export async function loadTrainees(path: string, o: LoadOptions): Promise<Claim[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: Claim[] = [];
  const seen = new Map<string, number>();
  await readRows(path, traineesSchema, o, problems, (r, ctx) => {
    const first = seen.get(r.claim_id);
    if (first !== undefined) {
      ctx.problem('claim_id', `claim_id: a second claim ${r.claim_id} (the first is on line ${first})`, r.claim_id);
      return;
    }
    seen.set(r.claim_id, ctx.line);
    if ((r.program === 'apprenticeship' || r.program === 'work_based') && !r.months) {
      ctx.problem(ctx.column('months') ? 'months' : 'program', `months: ${r.program === 'apprenticeship' ? 'an' : 'a'} ${r.program} claim needs the months it covers (1 or more)`, r.months === undefined ? '' : String(r.months));
      return;
    }
    out.push({ ...r, line: ctx.line });
  });
  problems.throwIfAny();
  return out;
}

export async function loadCatalog(path: string, o: LoadOptions): Promise<CatalogEntry[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: CatalogEntry[] = [];
  const seen = new Map<string, number>();
  await readRows(path, catalogSchema, o, problems, (r, ctx) => {
    if (r.valid_to !== undefined && r.valid_to < r.valid_from) {
      ctx.problem('valid_to', `valid_to: the row ends before it starts (valid_from ${r.valid_from})`, r.valid_to);
      return;
    }
    const key = [r.program, r.occupation === '*' ? '*' : r.occupation.normalize('NFKC').trim().toLowerCase(), r.level, r.valid_from].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.problem('valid_from', `valid_from: line ${first} has the same program, occupation, level and valid_from: which one applies is unclear`, r.valid_from);
      return;
    }
    seen.set(key, ctx.line);
    out.push({ ...r, line: ctx.line });
  });
  problems.throwIfAny();
  return out;
}

export async function loadHistory(path: string, o: LoadOptions): Promise<HistoryEntry[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: HistoryEntry[] = [];
  await readRows(path, historySchema, o, problems, (r, ctx) => {
    // Without its months, a past payment could not count against the month limits.
    if ((r.program === 'apprenticeship' || r.program === 'work_based') && r.months === undefined) {
      ctx.problem(ctx.column('months') ? 'months' : 'program', `months: ${r.program === 'apprenticeship' ? 'an' : 'a'} ${r.program} payment needs the months it covered`, '');
      return;
    }
    out.push({ ...r, line: ctx.line });
  });
  problems.throwIfAny();
  return out;
}

/** The loader of each input kind, for commands that load by kind (validate, the calculators' inputs). */
export const LOADERS: { [K in InputKind]: (path: string, o: LoadOptions) => Promise<InputTypes[K]> } = {
  payroll: loadPayroll,
  training: loadTraining,
  qualifications: loadQualifications,
  ledger: (path, o) => loadLedger(path, o),
  surcharges: loadSurcharges,
  trainees: loadTrainees,
  catalog: loadCatalog,
  history: loadHistory,
};
