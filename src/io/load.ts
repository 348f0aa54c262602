/**
 * Loading the input files into the records the calculators consume (`domain/records.ts`):
 * payroll streamed and summed per enterprise and year (never held in memory row by row),
 * training summed per enterprise, year and category, the other kinds as small lists. Checks
 * that need more than one cell (a claim_id twice, overlapping surcharge periods …) are made
 * here too; the ledger's own checks (arithmetic, chain) are the ledger layer's.
 */
import { InputError, problemText, ProblemList, type Problem } from '../domain/errors.js';
import { addFen, AmountOverflowError, formatFen, type Fen } from '../domain/money.js';
import { maskPersonId, personIdProblem, usccProblem } from '../domain/ids.js';
import { t } from '../i18n/index.js';
import { AWARD_RECIPIENT, STUDIO_LEVELS, type Category } from '../domain/vocabulary.js';
import { byText } from '../domain/order.js';
import { periodEnd, periodStart, yearOf, type Period } from '../domain/periods.js';
import type { QualificationSpan } from '../domain/qualifications.js';
import {
  type Award,
  type AwardHistoryEntry,
  type ByEnterpriseYear,
  type CatalogEntry,
  type Claim,
  type HistoryEntry,
  type InputKind,
  type InputTypes,
  type Investment,
  type LedgerEntry,
  type Property,
  type SurchargeReturn,
  type TrainingInput,
  type TrainingTotal,
  type WageTotal,
} from '../domain/records.js';
import { YearSums } from '../domain/year-sums.js';
import { newWageSums, scanPayroll } from './fast-payroll.js';
import { displayName, readRows, type ReadOptions, type RowContext } from './csv-in.js';
import { defineSchema } from './schema.js';
import { interner, owned } from './values.js';
import { loadCertificates, loadFund, loadInsurance, loadProviders } from './load-fund.js';
import { accountMapSchema, awardHistorySchema, awardsSchema, catalogSchema, historySchema, ledgerDetailSchema, ledgerSchema, payrollSchema, propertiesSchema, qualificationsSchema, surchargesSchema, traineesSchema, trainingSchema } from './kinds.js';

export interface LoadOptions extends ReadOptions {
  maxErrors: number;
  /** receives notes of the reading (rows skipped, how a file was read): information, exit status unchanged */
  note?: (message: string) => void;
  /** --account-map: the ledger accounts of a general-ledger export that are training expense (loaded once, when first needed) */
  accountMap?: AccountMap | PromiseLike<AccountMap>;
  /** false: never the payroll fast path (the differential test reads every file both ways); SKILLTAX_GENERAL_READER=1 does the same */
  fastPath?: boolean;
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
  problems.add({ file, line, column, ...problemText(e.text) });
}

export async function loadPayroll(path: string, o: LoadOptions): Promise<ByEnterpriseYear<WageTotal>> {
  // The byte scanner reads the common file (fast-payroll.ts); any other file, or a problem, is read here.
  const onBytes = path === '-' ? undefined : o.progress?.(displayName(path));
  if (o.fastPath !== false && process.env.SKILLTAX_GENERAL_READER !== '1') {
    const fast = await scanPayroll(path, o, onBytes);
    if (fast) return fast;
  }
  if (onBytes) o = { ...o, progress: () => onBytes }; // the same bar goes on
  const problems = new ProblemList(o.maxErrors);
  const out = newWageSums();
  await readRows(path, payrollSchema, o, problems, (r, ctx) => {
    const s = out.slot(r.enterprise_id, r.period.year);
    const yearLine = out.column('yearLine');
    const monthLine = out.column('monthLine');
    // A line number of -1: no row of that kind yet.
    if (r.period.kind === 'year') {
      if (yearLine[s]! < 0) yearLine[s] = ctx.line;
    } else if (monthLine[s]! < 0) monthLine[s] = ctx.line;
    if (yearLine[s]! >= 0 && monthLine[s]! >= 0 && (yearLine[s] === ctx.line || monthLine[s] === ctx.line)) {
      const other = yearLine[s] === ctx.line ? monthLine[s] : yearLine[s];
      ctx.problem(
        'period',
        () => t('io.bothYearAndMonth', { id: r.enterprise_id, year: r.period.year, other: other! }),
        r.period.text,
      );
      return;
    }
    const wages = out.column('wages');
    try {
      wages[s] = addFen(wages[s]!, r.wages);
    } catch (e) {
      overflow(problems, ctx.file, ctx.line, ctx.column('wages'), e);
    }
    out.column('rows')[s]!++;
  });
  problems.throwIfAny();
  return out;
}

/** One training row, whatever file it came from: amounts in fen, incurred undefined = the book amount. */
interface TrainingRowIn {
  enterprise_id: string;
  date: string;
  category: Category;
  amount: Fen;
  incurred?: Fen;
}

/** The training input as the loaders build it: the education sums in columns. */
interface TrainingBuild extends TrainingInput {
  education: YearSums<TrainingTotal>;
}
const newTraining = (): TrainingBuild => ({
  education: new YearSums<TrainingTotal>(['book', 'incurred', 'educationRows', 'fullBook', 'fullIncurred', 'fullRows'], new Set(['educationRows', 'fullRows'])),
  pcie: new Map(),
});

/** Adds one row to the training input; problems go through ctx (a negative amount outside pcie_investment). */
function addTrainingRow(training: TrainingBuild, r: TrainingRowIn, ctx: RowContext, problems: ProblemList, amountColumn = 'amount', incurredColumn = 'incurred'): void {
  const incurred = r.incurred ?? r.amount;
  if (r.category === 'pcie_investment') {
    const list = training.pcie.get(r.enterprise_id) ?? [];
    list.push({ date: r.date, fen: incurred, line: ctx.line });
    training.pcie.set(r.enterprise_id, list);
    return;
  }
  if (r.amount < 0 || (r.incurred !== undefined && r.incurred < 0)) {
    const col = r.amount < 0 ? amountColumn : incurredColumn;
    ctx.problem(col, () => t('io.negativeOnlyPcie', { column: col }), formatFen(r.amount < 0 ? r.amount : incurred));
    return;
  }
  const y = training.education;
  const s = y.slot(r.enterprise_id, yearOf(r.date));
  const education = r.category === 'education';
  const book = y.column(education ? 'book' : 'fullBook');
  const spent = y.column(education ? 'incurred' : 'fullIncurred');
  try {
    const b = addFen(book[s]!, r.amount);
    const i = addFen(spent[s]!, incurred);
    book[s] = b;
    spent[s] = i;
    y.column(education ? 'educationRows' : 'fullRows')[s]!++;
  } catch (e) {
    overflow(problems, ctx.file, ctx.line, ctx.column(amountColumn), e);
  }
}

/**
 * training.csv, or a general-ledger detail export (明细账) in its place: when the file has no
 * `category` column but has the ledger's account and debit/credit columns, the rows of the
 * education expense accounts are read as training rows (`loadLedgerDetail`).
 */
export async function loadTraining(path: string, o: LoadOptions): Promise<TrainingInput> {
  const problems = new ProblemList(o.maxErrors);
  const training = newTraining();
  await readRows(path, trainingSchema, o, problems, (r, ctx) => addTrainingRow(training, r, ctx, problems));
  if (problems.items.length && looksLikeLedgerDetail(problems.items) && path !== '-') {
    const detail = await readLedgerDetail(path, o);
    if (detail) return detail;
  }
  problems.throwIfAny();
  return training;
}

/** The header (on line 1, or below title rows) lacked category/amount, and nothing else was wrong: perhaps a ledger export. */
function looksLikeLedgerDetail(items: readonly Problem[]): boolean {
  return items.every((p) => p.line === items[0]!.line && /^missing required column "(category|amount)"/.test(p.message));
}

/** An account of --account-map: code or name → category and how to read its sides. */
export interface AccountRule {
  category: Category;
  kind: 'payable' | 'expense';
}
export type AccountMap = Map<string, AccountRule>;

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
/** 应付职工薪酬—职工教育经费 in any spelling of the dash: the default education expense account. */
const DEFAULT_PAYABLE = /^应付职工薪酬[-—–_/\\:：]*职工教育经费$/;
/** Rows of a ledger export that are balances and totals, not entries. */
const SUMMARY_ROWS = /^(期初余额|期末余额|本月合计|本期合计|本年累计|本年合计|上年结转|结转下年|承前页|过次页)$/;

/**
 * A general-ledger detail export (明细账 / 序时账: 日期, 凭证号, 科目编码, 科目名称, 摘要, 借方金额,
 * 贷方金额) as training rows. The account 应付职工薪酬—职工教育经费 (or the accounts of `o.accountMap`,
 * by code or name) is read as: credit = accrued (book amount), debit = spent (incurred); an
 * `expense` account (e.g. 管理费用—职工教育经费) as debit = book = incurred. Other accounts are
 * ignored; 期初余额 / 本月合计 / 本年累计 rows are skipped with a note naming the line.
 */
export async function loadLedgerDetail(path: string, o: LoadOptions): Promise<TrainingInput> {
  const training = await readLedgerDetail(path, o);
  if (!training) throw new InputError([{ file: displayName(path), line: 1, column: 1, ...problemText(() => t('io.notLedgerExport')) }]);
  return training;
}

/** The ledger export's training rows, or undefined when the file does not have its columns. */
async function readLedgerDetail(path: string, o: LoadOptions): Promise<TrainingInput | undefined> {
  const problems = new ProblemList(o.maxErrors);
  const training = newTraining();
  const map = await o.accountMap;
  let used = 0;
  let shape = true;
  await readRows(path, ledgerDetailSchema, o, problems, (r, ctx) => {
    if ((!ctx.column('account_code') && !ctx.column('account_name')) || (!ctx.column('debit') && !ctx.column('credit'))) {
      shape = false;
      return;
    }
    const summary = [r.description, r.account_name, r.voucher].find((x) => x !== undefined && SUMMARY_ROWS.test(norm(x)));
    if (summary !== undefined || r.date === undefined) {
      if (summary !== undefined || (r.debit === undefined && r.credit === undefined)) {
        o.note?.(t('io.note.ledgerRowSkipped', { at: ctx.at(), ...(summary !== undefined ? { summary } : {}) }));
        return;
      }
      ctx.problem('date', () => t('io.missingValue', { name: 'date' }), '');
      return;
    }
    const rule =
      (r.account_code !== undefined ? map?.get(norm(r.account_code)) : undefined) ??
      (r.account_name !== undefined ? map?.get(norm(r.account_name)) : undefined) ??
      (r.account_name !== undefined && DEFAULT_PAYABLE.test(norm(r.account_name)) ? { category: 'education' as const, kind: 'payable' as const } : undefined);
    if (!rule) return;
    used++;
    const debit = r.debit ?? 0;
    const credit = r.credit ?? 0;
    if (rule.kind === 'expense') addTrainingRow(training, { enterprise_id: r.enterprise_id, date: r.date, category: rule.category, amount: debit, incurred: debit }, ctx, problems, 'debit', 'debit');
    else addTrainingRow(training, { enterprise_id: r.enterprise_id, date: r.date, category: rule.category, amount: credit, incurred: debit }, ctx, problems, 'credit', 'debit');
  });
  if (!shape) return undefined;
  problems.throwIfAny();
  const file = displayName(path);
  const mapped = Boolean(map?.size);
  o.note?.(used ? t('io.note.ledgerExportRead', { file, used, map: mapped }) : t('io.note.ledgerExportNoRow', { file, map: mapped }));
  return training;
}

/** --account-map FILE: account (code or name) → category and kind (payable by default). */
export async function loadAccountMap(path: string, o: LoadOptions): Promise<AccountMap> {
  const problems = new ProblemList(o.maxErrors);
  const out: AccountMap = new Map();
  await readRows(path, accountMapSchema, o, problems, (r) => {
    out.set(norm(r.account), { category: r.category, kind: r.kind ?? 'payable' });
  });
  problems.throwIfAny();
  return out;
}

export async function loadQualifications(path: string, o: LoadOptions): Promise<Map<string, QualificationSpan[]>> {
  const problems = new ProblemList(o.maxErrors);
  const out = new Map<string, QualificationSpan[]>();
  await readRows(path, qualificationsSchema, o, problems, (r, ctx) => {
    if (r.valid_to !== undefined && r.valid_to < r.valid_from) {
      ctx.problem('valid_to', () => t('io.qualificationEndsBeforeStart', { from: r.valid_from }), r.valid_to);
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
 * The column parsers of surchargesSchema for a file of many returns: an enterprise's returns
 * follow each other and a year has 16 periods, so the enterprise cell is parsed once per run of
 * equal cells (from a copy that does not hold on to the text around it) and the period once per
 * distinct text (its rows share one Period object); amounts are read by parseAmount, whose quick
 * path reads `1234.56` without regular expressions. Only a
 * successful parse is remembered and every other cell goes to the schema's own parser: the same
 * values and the same problems.
 */
function surchargeReader(): typeof surchargesSchema {
  const c = surchargesSchema.columns;
  let lastId: string | undefined;
  let lastIdRaw: string | undefined;
  const periods = new Map<string, Period>();
  return defineSchema(surchargesSchema.kind, {
    ...c,
    enterprise_id: {
      ...c.enterprise_id,
      parse: (raw: string) => {
        if (raw !== lastIdRaw) {
          // parseUscc hands out a string of its own, never the slice of the file's text the cell came as.
          lastId = c.enterprise_id.parse(raw);
          lastIdRaw = raw;
        }
        return lastId!;
      },
    },
    period: {
      ...c.period,
      parse: (raw: string) => {
        let p = periods.get(raw);
        if (!p) {
          p = c.period.parse(raw);
          if (periods.size < 10_000) periods.set(raw, p);
        }
        return p;
      },
    },
  });
}

/**
 * Surcharge returns by enterprise, sorted by period. Two returns of one enterprise whose
 * periods overlap (the same period twice, or a month inside a quarter) are an input error
 * naming both rows. A return is one flat record (96 bytes: its period, line and seven amounts
 * in fen); the returns of one period share one Period object.
 */
export async function loadSurcharges(path: string, o: LoadOptions): Promise<Map<string, SurchargeReturn[]>> {
  const problems = new ProblemList(o.maxErrors);
  const out = new Map<string, SurchargeReturn[]>();
  let periodColumn = 1;
  await readRows(path, surchargeReader(), o, problems, (r, ctx) => {
    periodColumn = ctx.column('period');
    let list = out.get(r.enterprise_id);
    if (!list) out.set(r.enterprise_id, (list = []));
    // Every field written, sales too (undefined when the return gives none): one shape for all.
    list.push({
      period: r.period,
      line: ctx.line,
      vat: r.vat,
      vat_exempt_offset: r.vat_exempt_offset ?? 0,
      refund_deduction: r.refund_deduction ?? 0,
      consumption_tax: r.consumption_tax ?? 0,
      sales: r.sales,
      paid_edu: r.paid_edu ?? 0,
      paid_local: r.paid_local ?? 0,
    });
  });
  problems.throwIfAny();
  const file = displayName(path);
  // First and last day of each distinct period, worked out once.
  const days = new Map<string, { start: string; end: string }>();
  const span = (p: Period) => {
    let d = days.get(p.text);
    if (!d) days.set(p.text, (d = { start: periodStart(p), end: periodEnd(p) }));
    return d;
  };
  for (const [id, list] of out) {
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) sorted = span(list[i - 1]!.period).start <= span(list[i]!.period).start;
    if (!sorted) list.sort((a, b) => byText(span(a.period).start, span(b.period).start) || a.line - b.line);
    let widest: SurchargeReturn | undefined;
    for (const r of list) {
      if (widest && span(widest.period).end >= span(r.period).start) {
        const about = {
          id,
          period: r.period.text,
          other: widest.period.text,
          line: widest.line,
          how: widest.period.text === r.period.text ? ('same' as const) : r.period.kind === 'month' ? ('month' as const) : ('quarter' as const),
        };
        problems.add({ file, line: r.line, column: periodColumn, ...problemText(() => t('io.periodOverlap', about)), value: r.period.text });
      }
      if (!widest || span(r.period).end > span(widest.period).end) widest = r;
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
  const date = interner();
  const text = interner();
  // a person's claims share one string of their 身份证号
  const person = interner(Infinity);
  await readRows(path, traineesSchema, o, problems, (r, ctx) => {
    const first = seen.get(r.claim_id);
    if (first !== undefined) {
      ctx.problem('claim_id', () => t('io.secondClaim', { id: r.claim_id, first }), r.claim_id);
      return;
    }
    const id = owned(r.claim_id);
    seen.set(id, ctx.line);
    if ((r.program === 'apprenticeship' || r.program === 'work_based') && !r.months) {
      ctx.problem(ctx.column('months') ? 'months' : 'program', () => t('io.claimNeedsMonths', { program: r.program }), r.months === undefined ? '' : String(r.months));
      return;
    }
    // Every claim of one shape (a column left empty is undefined): a million of them stay compact.
    // The name is read but not kept: no rule, report or explain uses it (nor should a report show it).
    const c: Claim = {
      claim_id: id,
      person_id: person(r.person_id),
      program: r.program,
      group: r.group,
      claim_date: date(r.claim_date),
      enterprise_id: r.enterprise_id === undefined ? undefined : text(r.enterprise_id),
      occupation: r.occupation === undefined ? undefined : text(r.occupation),
      level: r.level,
      certificate_type: r.certificate_type,
      certificate_no: r.certificate_no === undefined ? undefined : owned(r.certificate_no),
      certificate_date: r.certificate_date === undefined ? undefined : date(r.certificate_date),
      route: r.route,
      insured_months: r.insured_months,
      contract_months: r.contract_months,
      months: r.months,
      provider_id: r.provider_id === undefined ? undefined : text(r.provider_id),
      line: ctx.line,
    };
    out.push(c);
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
      ctx.problem('valid_to', () => t('io.catalogEndsBeforeStart', { from: r.valid_from }), r.valid_to);
      return;
    }
    const key = [r.program, r.occupation === '*' ? '*' : r.occupation.normalize('NFKC').trim().toLowerCase(), r.level, r.valid_from].join('\u0000');
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.problem('valid_from', () => t('io.catalogDuplicate', { first }), r.valid_from);
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
  const date = interner();
  const text = interner();
  await readRows(path, historySchema, o, problems, (r, ctx) => {
    // Without its months, a past payment could not count against the month limits.
    if ((r.program === 'apprenticeship' || r.program === 'work_based') && r.months === undefined) {
      ctx.problem(ctx.column('months') ? 'months' : 'program', () => t('io.paymentNeedsMonths', { program: r.program }), '');
      return;
    }
    out.push({
      person_id: owned(r.person_id),
      program: r.program,
      paid_date: date(r.paid_date),
      amount: r.amount,
      occupation: r.occupation === undefined ? undefined : text(r.occupation),
      level: r.level,
      certificate_no: r.certificate_no === undefined ? undefined : owned(r.certificate_no),
      months: r.months,
      line: ctx.line,
    });
  });
  problems.throwIfAny();
  return out;
}

/** What an award row of each program cannot be decided without (an input error when missing). */
const AWARD_NEEDS: Partial<Record<Award['program'], readonly ('rating' | 'rank' | 'count' | 'prior_count')[]>> = {
  master_studio_rating: ['rating'],
  certification_enterprise: ['rating'],
  skill_star: ['rank'],
  shortage_retention: ['count', 'prior_count'],
};

/**
 * awards.csv: an award_id twice, a row without what its program is decided on (a review's rating,
 * a 技能之星 rank, the retention headcounts), or a studio reviewed twice in one year is an input
 * error. An invalid recipient id or an unknown level is not: those are decided.
 */
export async function loadAwards(path: string, o: LoadOptions): Promise<Award[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: Award[] = [];
  const seen = new Map<string, number>();
  const reviews = new Map<string, number>();
  await readRows(path, awardsSchema, o, problems, (r, ctx) => {
    const first = seen.get(r.award_id);
    if (first !== undefined) {
      ctx.problem('award_id', () => t('io.secondAward', { id: r.award_id, first }), r.award_id);
      return;
    }
    seen.set(r.award_id, ctx.line);
    for (const need of AWARD_NEEDS[r.program] ?? []) {
      if (r[need] === undefined) {
        ctx.problem(ctx.column(need) ? need : 'program', () => t('io.awardNeeds', { need, program: r.program }), '');
        return;
      }
    }
    if (r.program === 'master_studio_rating') {
      const key = `${r.recipient_id}\u0000${r.year}`;
      const other = reviews.get(key);
      if (other !== undefined) {
        ctx.problem('year', () => t('io.secondReview', { id: r.recipient_id, year: r.year, first: other }), String(r.year));
        return;
      }
      reviews.set(key, ctx.line);
    }
    out.push({ ...r, line: ctx.line });
  });
  problems.throwIfAny();
  return out;
}

/**
 * award-history.csv: awards already paid. Being a record of payments, its recipient ids must be
 * valid for their program (身份证号, 统一社会信用代码), and a studio grant must name its level.
 */
export async function loadAwardHistory(path: string, o: LoadOptions): Promise<AwardHistoryEntry[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: AwardHistoryEntry[] = [];
  await readRows(path, awardHistorySchema, o, problems, (r, ctx) => {
    const kind = AWARD_RECIPIENT[r.program];
    const id = kind === 'studio' ? r.recipient_id : r.recipient_id.toUpperCase();
    const bad = () => (kind === 'person' ? personIdProblem(id) : kind === 'enterprise' ? usccProblem(id) : undefined);
    if (bad() !== undefined) {
      ctx.problem('recipient_id', () => `recipient_id: ${bad()}`, kind === 'person' ? maskPersonId(r.recipient_id) : r.recipient_id);
      return;
    }
    if (r.program === 'master_studio' && !(STUDIO_LEVELS as readonly string[]).includes(r.level ?? '')) {
      ctx.problem(ctx.column('level') ? 'level' : 'program', () => t('io.studioLevelNeeded', { levels: STUDIO_LEVELS }), r.level ?? '');
      return;
    }
    out.push({ ...r, recipient_id: id, line: ctx.line });
  });
  problems.throwIfAny();
  return out;
}

/** What each tax of properties.csv is computed from (RULES §3): a row without it is refused, never guessed. */
const PROPERTY_NEEDS: Record<Property['tax'], { what: string; needs: readonly ('year' | 'area_m2' | 'unit_tax' | 'price' | 'date')[]; yearly: boolean }> = {
  property: { what: '房产税', needs: ['year'], yearly: true },
  land_use: { what: '城镇土地使用税', needs: ['year', 'area_m2', 'unit_tax'], yearly: true },
  farmland: { what: '耕地占用税', needs: ['area_m2', 'unit_tax'], yearly: false },
  deed: { what: '契税', needs: ['price', 'date'], yearly: false },
};

/**
 * properties.csv (RULES §3, CONTRACT §7): a row without the figures its tax is computed from (a
 * yearly tax's year; 房产税 original_value or rent, not both; an area and unit tax; a deed's price
 * and date; a farmland row's date or year), `months` outside 1–12 or on a one-off tax, a year that
 * is not the year of the row's date, or the same asset, tax and year twice is an input error
 * naming the asset and what is missing. A one-off tax's year is the year of its date.
 */
export async function loadProperties(path: string, o: LoadOptions): Promise<Property[]> {
  const problems = new ProblemList(o.maxErrors);
  const out: Property[] = [];
  const seen = new Map<string, number>();
  await readRows(path, propertiesSchema, o, problems, (r, ctx) => {
    const spec = PROPERTY_NEEDS[r.tax];
    const who = () => t('io.asset', { id: r.asset_id, tax: r.tax, what: spec.what });
    const at = (col: string) => (ctx.column(col) ? col : 'tax');
    for (const need of spec.needs) {
      if (r[need] === undefined) {
        ctx.problem(at(need), () => t('io.assetNeeds', { need, who: who() }), '');
        return;
      }
    }
    if (r.tax === 'property' && (r.original_value === undefined) === (r.rent === undefined)) {
      const both = r.original_value !== undefined;
      ctx.problem(at(both ? 'rent' : 'original_value'), () => t('io.valueOrRent', { both, who: who() }), '');
      return;
    }
    if (r.tax === 'farmland' && r.year === undefined && r.date === undefined) {
      ctx.problem(at('date'), () => t('io.farmlandDate', { who: who() }), '');
      return;
    }
    if (r.date !== undefined && r.year !== undefined && !spec.yearly && yearOf(r.date) !== r.year) {
      const about = { date: r.date, year: r.year };
      ctx.problem('year', () => t('io.oneOffYear', { who: who(), ...about }), String(r.year));
      return;
    }
    if (r.months !== undefined && (!spec.yearly || r.months < 1 || r.months > 12)) {
      ctx.problem('months', () => t(spec.yearly ? 'io.monthsYearly' : 'io.monthsOneOff', { who: who() }), String(r.months));
      return;
    }
    const year = r.year ?? yearOf(r.date!);
    const key = `${r.asset_id}\u0000${r.tax}\u0000${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.problem('asset_id', () => t('io.secondAsset', { tax: r.tax, id: r.asset_id, year, first }), r.asset_id);
      return;
    }
    seen.set(key, ctx.line);
    out.push({ ...r, year, line: ctx.line });
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
  awards: loadAwards,
  award_history: loadAwardHistory,
  properties: loadProperties,
  certificates: loadCertificates,
  insurance: loadInsurance,
  providers: loadProviders,
  fund: loadFund,
};
