/** deductions.csv (CONTRACT §3), the --explain account, and the figures for summaries. */
import { byText } from '../io/order.js';
import type { DeductionRow, EducationNote, YearTrace } from '../calc/education.js';
import type { ColumnDef, Table } from '../io/csv-out.js';
import { formatFen, formatRate } from '../io/money.js';
import type { LedgerEntry } from '../ledger/ledger.js';
import { LEDGER_COLUMNS, ledgerRecord } from '../ledger/ledger.js';
import { renderTrace } from './explain.js';

export const DEDUCTION_COLUMNS: readonly ColumnDef[] = [
  { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
  { name: 'year', zh: '税款所属年度', type: 'int' },
  { name: 'wages', zh: '工资薪金支出税收金额', type: 'money' },
  { name: 'rate', zh: '税收规定扣除率', type: 'rate' },
  { name: 'cap', zh: '扣除限额', type: 'money' },
  { name: 'book', zh: '账载金额', type: 'money' },
  { name: 'incurred', zh: '实际发生额', type: 'money' },
  { name: 'carry_in', zh: '以前年度累计结转扣除额', type: 'money' },
  { name: 'deductible', zh: '税收金额', type: 'money' },
  { name: 'adjustment', zh: '纳税调整金额', type: 'money' },
  { name: 'carry_out', zh: '累计结转以后年度扣除额', type: 'money' },
  { name: 'full_book', zh: '全额扣除职工培训费用账载金额', type: 'money' },
  { name: 'full_incurred', zh: '全额扣除职工培训费用实际发生额', type: 'money' },
  { name: 'full_deductible', zh: '全额扣除职工培训费用税收金额', type: 'money' },
  { name: 'full_adjustment', zh: '全额扣除职工培训费用纳税调整金额', type: 'money' },
  { name: 'total_book', zh: '职工教育经费支出账载金额', type: 'money' },
  { name: 'total_deductible', zh: '职工教育经费支出税收金额', type: 'money' },
  { name: 'total_adjustment', zh: '职工教育经费支出纳税调整金额', type: 'money' },
  { name: 'notes', zh: '备注', type: 'text' },
];

const NOTE_ORDER: EducationNote[] = ['full_training_unqualified', 'ledger_gap', 'no_wages'];

export function notesText(notes: readonly EducationNote[]): string {
  return NOTE_ORDER.filter((n) => notes.includes(n)).join(';');
}

export function deductionsTable(rows: readonly DeductionRow[]): Table {
  const sorted = [...rows].sort((a, b) => byText(a.enterprise_id, b.enterprise_id) || a.year - b.year);
  return {
    columns: DEDUCTION_COLUMNS,
    rows: sorted.map((r) => ({
      enterprise_id: r.enterprise_id,
      year: r.year,
      wages: formatFen(r.wages),
      rate: formatRate(r.rate),
      cap: formatFen(r.cap),
      book: formatFen(r.book),
      incurred: formatFen(r.incurred),
      carry_in: formatFen(r.carry_in),
      deductible: formatFen(r.deductible),
      adjustment: formatFen(r.adjustment),
      carry_out: formatFen(r.carry_out),
      full_book: formatFen(r.full_book),
      full_incurred: formatFen(r.full_incurred),
      full_deductible: formatFen(r.full_deductible),
      full_adjustment: formatFen(r.full_adjustment),
      total_book: formatFen(r.total_book),
      total_deductible: formatFen(r.total_deductible),
      total_adjustment: formatFen(r.total_adjustment),
      notes: notesText(r.notes),
    })),
  };
}

const LEDGER_ZH: Record<(typeof LEDGER_COLUMNS)[number], string> = {
  enterprise_id: '纳税人识别号',
  kind: '类型',
  period: '所属期',
  opening: '期初余额',
  added: '本期增加',
  used: '本期使用',
  closing: '期末余额',
};

export function ledgerTable(entries: readonly LedgerEntry[]): Table {
  return {
    columns: LEDGER_COLUMNS.map((name) => ({ name, zh: LEDGER_ZH[name], type: name === 'enterprise_id' || name === 'kind' || name === 'period' ? 'text' : 'money' })),
    rows: entries.map(ledgerRecord),
  };
}

/** The --explain account: every figure in the order computed, with its formula and source. */
export function explainEnterprise(id: string, trace: readonly YearTrace[]): string {
  return renderTrace(
    [
      `Employee education expense (职工教育经费), form A105050 rows 4–6, for ${id}`,
      'Formulas (RULES §1.3): cap = round(wages × rate); deductible = min(cap, incurred + carry in);',
      'adjustment = book − deductible; carry out = incurred + carry in − deductible. Rounding half-up to 0.01.',
    ],
    trace.map((t) => ({ title: String(t.year), steps: t.steps })),
  );
}

export interface DeductionSummary {
  enterprises: number;
  years: number;
  rows: number;
  totalDeductible: number;
  totalCarryForward: number;
  warnings: number;
}

export function summarizeDeductions(rows: readonly DeductionRow[]): DeductionSummary {
  const last = new Map<string, DeductionRow>();
  const years = new Set<number>();
  let totalDeductible = 0;
  let warnings = 0;
  for (const r of rows) {
    years.add(r.year);
    totalDeductible += r.total_deductible;
    if (r.notes.length) warnings++;
    const prev = last.get(r.enterprise_id);
    if (!prev || prev.year < r.year) last.set(r.enterprise_id, r);
  }
  let totalCarryForward = 0;
  for (const r of last.values()) totalCarryForward += r.carry_out;
  return { enterprises: last.size, years: years.size, rows: rows.length, totalDeductible, totalCarryForward, warnings };
}

/** One line per row with notes, for standard error. */
export function warningLines(rows: readonly DeductionRow[]): string[] {
  return rows
    .filter((r) => r.notes.length)
    .sort((a, b) => byText(a.enterprise_id, b.enterprise_id) || a.year - b.year)
    .map((r) => `${r.enterprise_id} ${r.year}: ${notesText(r.notes)}`);
}
