/**
 * declared.csv (CONTRACT §2): what an enterprise declared, keyed like a report, with any of the
 * report's amount columns (by canonical or Chinese header). Built from the report's own column
 * list, so the two never drift apart.
 */
import { ProblemList, type Text } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import type { Declaration } from '../domain/records.js';
import type { ColumnDef } from '../domain/table.js';
import { readRows, type ReadOptions } from './csv-in.js';
import { defineSchema, optional, required, type ColumnSpec, type Schema } from './schema.js';
import { enumParser, parseAmount, parseFilingPeriod, parseUscc, parseYear } from './values.js';

const ENTERPRISE = ['纳税人识别号', '统一社会信用代码'];

export const parseFee = enumParser<'education_surcharge' | 'local_education_surcharge'>('fee', {
  values: ['education_surcharge', 'local_education_surcharge'],
  aliases: { education_surcharge: ['教育费附加'], local_education_surcharge: ['地方教育附加'] },
});

function amounts(columns: readonly ColumnDef[]): Record<string, ColumnSpec<number>> {
  const out: Record<string, ColumnSpec<number>> = {};
  for (const c of columns) if (c.type === 'money') out[c.name] = optional((raw: string) => parseAmount(raw, true), [c.zh]);
  return out;
}

export function declaredSchema(deductionColumns: readonly ColumnDef[]): Schema {
  return defineSchema('declared', {
    enterprise_id: required(parseUscc, ENTERPRISE),
    year: required(parseYear, ['年度', '税款所属年度']),
    ...amounts(deductionColumns),
  });
}

export function declaredCreditsSchema(creditColumns: readonly ColumnDef[]): Schema {
  return defineSchema('declared_credits', {
    enterprise_id: required(parseUscc, ENTERPRISE),
    period: required(parseFilingPeriod, ['所属期', '税款所属期']),
    fee: required(parseFee, ['征收品目']),
    ...amounts(creditColumns),
  });
}

/**
 * Reads a declared file against `schema` (built from a report's columns), keeping each row's
 * money columns in fen. Two declarations of one key (`keyOf`) are an input error at `keyColumn`;
 * `keyName` says what the key is (a catalogue text, to say it in the message's language).
 */
export async function loadDeclared(
  path: string,
  schema: Schema,
  columns: readonly ColumnDef[],
  keyOf: (r: Record<string, unknown>) => string,
  what: { keyColumn: string; keyName: string | Text },
  o: ReadOptions & { maxErrors: number },
): Promise<Declaration[]> {
  const problems = new ProblemList(o.maxErrors);
  const money = columns.filter((c) => c.type === 'money').map((c) => c.name);
  const out: Declaration[] = [];
  const seen = new Map<string, number>();
  await readRows(path, schema, o, problems, (r, ctx) => {
    const row = r as Record<string, unknown>;
    const key = keyOf(row);
    const first = seen.get(key);
    if (first !== undefined) {
      const keyName = what.keyName;
      ctx.problem(what.keyColumn, () => t('io.secondDeclaration', { keyName: typeof keyName === 'string' ? keyName : keyName(), first }));
      return;
    }
    seen.set(key, ctx.line);
    const values = new Map<string, number>();
    for (const c of money) if (typeof row[c] === 'number') values.set(c, row[c] as number);
    out.push({ key, line: ctx.line, values, row });
  });
  problems.throwIfAny();
  return out;
}
