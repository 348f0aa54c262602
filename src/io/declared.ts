/**
 * declared.csv (CONTRACT §2): what an enterprise declared, keyed like a report, with any of the
 * report's amount columns (by canonical or Chinese header). Built from the report's own column
 * list, so the two never drift apart.
 */
import type { ColumnDef } from './csv-out.js';
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
