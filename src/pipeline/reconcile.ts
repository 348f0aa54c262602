/**
 * reconcile (CONTRACT §8): recompute deductions (and credits) and compare every amount column
 * the declared file gives. A difference is declared − computed.
 */
import { readRows } from '../io/csv-in.js';
import { declaredCreditsSchema, declaredSchema } from '../io/declared.js';
import { ProblemList, UsageError } from '../io/errors.js';
import { loadAll, type LoadOptions } from '../io/load.js';
import type { Fen } from '../io/money.js';
import type { Period } from '../io/values.js';
import type { ColumnDef } from '../io/csv-out.js';
import type { Rules } from '../rules/index.js';
import { CREDIT_COLUMNS } from '../report/credits.js';
import { DEDUCTION_COLUMNS } from '../report/deductions.js';
import { runCredit } from './credit.js';
import { runDeduct } from './deduct.js';

export interface ReconcileInputs {
  declared?: string;
  payroll?: string;
  training?: string;
  qualifications?: string;
  ledger?: string;
  declaredCredits?: string;
  surcharges?: string;
}

export interface Difference {
  enterprise_id: string;
  year: number;
  column: string;
  declared: Fen;
  /** undefined when nothing was computed for that key */
  computed?: Fen;
  period?: Period;
  fee?: string;
  /** the column's place in its report, for ordering */
  order: number;
}

interface Declared {
  key: string;
  line: number;
  values: Map<string, Fen>;
  row: Record<string, unknown>;
}

const moneyColumns = (cols: readonly ColumnDef[]) => cols.filter((c) => c.type === 'money').map((c) => c.name);

async function readDeclared(path: string, schemaOf: 'deductions' | 'credits', keyOf: (r: Record<string, unknown>) => string, o: LoadOptions): Promise<Declared[]> {
  const problems = new ProblemList(o.maxErrors);
  const schema = schemaOf === 'deductions' ? declaredSchema(DEDUCTION_COLUMNS) : declaredCreditsSchema(CREDIT_COLUMNS);
  const columns = moneyColumns(schemaOf === 'deductions' ? DEDUCTION_COLUMNS : CREDIT_COLUMNS);
  const out: Declared[] = [];
  const seen = new Map<string, number>();
  await readRows(path, schema, o, problems, (r, ctx) => {
    const row = r as Record<string, unknown>;
    const key = keyOf(row);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.problem(schemaOf === 'deductions' ? 'year' : 'period', `a second declaration for the same ${schemaOf === 'deductions' ? 'enterprise and year' : 'enterprise, period and fee'} (the first is on line ${first})`);
      return;
    }
    seen.set(key, ctx.line);
    const values = new Map<string, Fen>();
    for (const c of columns) if (typeof row[c] === 'number') values.set(c, row[c] as number);
    out.push({ key, line: ctx.line, values, row });
  });
  problems.throwIfAny();
  return out;
}

export async function runReconcile(inputs: ReconcileInputs, rules: Rules, o: LoadOptions): Promise<Difference[]> {
  if (inputs.declared && !(inputs.payroll && inputs.training)) throw new UsageError('--declared needs --payroll and --training to recompute the deductions');
  if (inputs.declaredCredits && !inputs.surcharges) throw new UsageError('--declared-credits needs --surcharges to recompute the credits');
  if (!inputs.declared && !inputs.declaredCredits) throw new UsageError('give --declared (with --payroll and --training), or --declared-credits (with --surcharges), or both');

  const deductionKey = (r: Record<string, unknown>) => `${r.enterprise_id as string}\u0000${r.year as number}`;
  const creditKey = (r: Record<string, unknown>) => `${r.enterprise_id as string}\u0000${(r.period as Period).text}\u0000${r.fee as string}`;
  const [declared, declaredCredits] = await loadAll([
    () => (inputs.declared ? readDeclared(inputs.declared, 'deductions', deductionKey, o) : Promise.resolve([] as Declared[])),
    () => (inputs.declaredCredits ? readDeclared(inputs.declaredCredits, 'credits', creditKey, o) : Promise.resolve([] as Declared[])),
  ] as const);

  const out: Difference[] = [];
  if (inputs.declared) {
    const lastYear = Math.max(...declared.map((d) => d.row.year as number));
    // Nothing is written, so a ledger whose later rows the recomputation contradicts is no obstacle.
    const result = await runDeduct(
      { payroll: inputs.payroll!, training: inputs.training!, qualifications: inputs.qualifications, ledger: inputs.ledger },
      declared.length ? { to: lastYear } : {},
      rules,
      o,
      true,
    );
    const computed = new Map(result.rows.map((r) => [`${r.enterprise_id}\u0000${r.year}`, r as unknown as Record<string, number>]));
    const order = moneyColumns(DEDUCTION_COLUMNS);
    for (const d of declared) {
      const c = computed.get(d.key);
      for (const [column, value] of d.values) {
        const got = c?.[column];
        if (got === value) continue;
        out.push({ enterprise_id: d.row.enterprise_id as string, year: d.row.year as number, column, declared: value, computed: got, order: order.indexOf(column) });
      }
    }
  }
  if (inputs.declaredCredits) {
    const result = await runCredit(
      { surcharges: inputs.surcharges!, training: inputs.training, qualifications: inputs.qualifications, ledger: inputs.ledger },
      {},
      rules,
      o,
      true,
    );
    const shortfall = new Map(result.pool.map((p) => [`${p.enterprise_id}\u0000${p.period.text}`, p.shortfall]));
    const computed = new Map(
      result.rows.map((r) => [
        `${r.enterprise_id}\u0000${r.period.text}\u0000${r.fee}`,
        { ...(r as unknown as Record<string, number>), shortfall: shortfall.get(`${r.enterprise_id}\u0000${r.period.text}`) ?? 0 } as Record<string, number>,
      ]),
    );
    const order = moneyColumns(CREDIT_COLUMNS);
    for (const d of declaredCredits) {
      const c = computed.get(d.key);
      const period = d.row.period as Period;
      for (const [column, value] of d.values) {
        const got = c?.[column];
        if (got === value) continue;
        out.push({
          enterprise_id: d.row.enterprise_id as string,
          year: period.year,
          column,
          declared: value,
          computed: got,
          period,
          fee: d.row.fee as string,
          order: order.indexOf(column),
        });
      }
    }
  }
  return out;
}
