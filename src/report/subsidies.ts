/** subsidies.csv and subsidy-summary.csv (CONTRACT §5), the --explain account of a claim. */
import type { Decision } from '../calc/subsidy.js';
import type { ColumnDef, Table } from '../io/csv-out.js';
import { maskPersonId } from '../io/ids.js';
import { formatFen } from '../io/money.js';
import { byText } from '../io/order.js';
import { renderTrace } from './explain.js';

export const SUBSIDY_COLUMNS: readonly ColumnDef[] = [
  { name: 'claim_id', zh: '申请编号', type: 'text' },
  { name: 'person_id', zh: '身份证号', type: 'text' },
  { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
  { name: 'program', zh: '补贴项目', type: 'text' },
  { name: 'occupation', zh: '职业（工种）', type: 'text' },
  { name: 'level', zh: '技能等级', type: 'int' },
  { name: 'certificate_date', zh: '发证日期', type: 'text' },
  { name: 'claim_date', zh: '申请日期', type: 'text' },
  { name: 'status', zh: '审核结果', type: 'text' },
  { name: 'amount', zh: '补贴金额', type: 'money' },
  { name: 'reasons', zh: '原因', type: 'text' },
  { name: 'rule_refs', zh: '政策依据', type: 'text' },
];

export const SUMMARY_COLUMNS: readonly ColumnDef[] = [
  { name: 'enterprise_id', zh: '纳税人识别号', type: 'text' },
  { name: 'program', zh: '补贴项目', type: 'text' },
  { name: 'claims', zh: '申请数', type: 'int' },
  { name: 'eligible', zh: '符合条件数', type: 'int' },
  { name: 'amount', zh: '补贴金额', type: 'money' },
];

export function subsidiesTable(decisions: readonly Decision[]): Table {
  const sorted = [...decisions].sort((a, b) => byText(a.claim.claim_id, b.claim.claim_id));
  return {
    columns: SUBSIDY_COLUMNS,
    rows: sorted.map((d) => ({
      claim_id: d.claim.claim_id,
      person_id: d.claim.person_id,
      enterprise_id: d.claim.enterprise_id ?? '',
      program: d.claim.program,
      occupation: d.claim.occupation ?? '',
      level: d.claim.level ?? '',
      certificate_date: d.claim.certificate_date ?? '',
      claim_date: d.claim.claim_date,
      status: d.status,
      amount: formatFen(d.amount),
      reasons: d.reasons.join(';'),
      rule_refs: d.refs.join(';'),
    })),
  };
}

export interface SummaryLine {
  enterprise_id: string;
  program: string;
  claims: number;
  eligible: number;
  amount: number;
}

export function summaryLines(decisions: readonly Decision[]): SummaryLine[] {
  const by = new Map<string, SummaryLine>();
  for (const d of decisions) {
    const e = d.claim.enterprise_id ?? '';
    const key = `${e}\u0000${d.claim.program}`;
    let s = by.get(key);
    if (!s) by.set(key, (s = { enterprise_id: e, program: d.claim.program, claims: 0, eligible: 0, amount: 0 }));
    s.claims++;
    if (d.status === 'eligible') s.eligible++;
    s.amount += d.amount;
  }
  return [...by.values()].sort((a, b) => byText(a.enterprise_id, b.enterprise_id) || byText(a.program, b.program));
}

export function subsidySummaryTable(decisions: readonly Decision[]): Table {
  return { columns: SUMMARY_COLUMNS, rows: summaryLines(decisions).map((s) => ({ ...s, amount: formatFen(s.amount) })) };
}

/** The account of one claim, for a terminal: the 身份证号 is masked. */
export function explainClaim(d: Decision): string {
  const c = d.claim;
  return renderTrace(
    [
      `Training subsidy claim ${c.claim_id}: ${c.program}, person ${maskPersonId(c.person_id)}, group ${c.group}${c.enterprise_id ? `, employer ${c.enterprise_id}` : ''}`,
      `occupation ${c.occupation ?? '(none)'}, level ${c.level ?? '(none)'}, claimed ${c.claim_date}. Claims are decided in (claim_date, claim_id) order;`,
      'earlier eligible claims and the history count against later ones.',
    ],
    [{ title: `${d.status}${d.status === 'eligible' ? ` ${formatFen(d.amount)}` : ''}${d.reasons.length ? ` (${d.reasons.join(';')})` : ''}`, steps: d.trace }],
  );
}

export interface SubsidyTotals {
  claims: number;
  eligible: number;
  amount: number;
  persons: number;
}

export function subsidyTotals(decisions: readonly Decision[]): SubsidyTotals {
  let eligible = 0;
  let amount = 0;
  for (const d of decisions) {
    if (d.status === 'eligible') eligible++;
    amount += d.amount;
  }
  return { claims: decisions.length, eligible, amount, persons: new Set(decisions.map((d) => d.claim.person_id)).size };
}
