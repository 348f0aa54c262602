/**
 * enterprises.csv (CONTRACT §2): who the figures belong to. `run` joins `name` and `town` (镇街道)
 * into every report by enterprise_id and sums by town.
 */
import { ProblemList } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import { readRows } from './csv-in.js';
import { enterprisesSchema } from './kinds.js';
import type { LoadOptions } from './load.js';
import { owned } from './values.js';

/** One enterprise: its name, town and industry ('' when the file leaves them empty). */
export interface Enterprise {
  name: string;
  town: string;
  industry: string;
}

/**
 * Reads enterprises.csv into a map by 统一社会信用代码. Throws InputError for a bad id or an id
 * listed twice (the problems of the whole file), FileError/UsageError for a file that cannot be read.
 */
export async function loadEnterprises(path: string, o: LoadOptions): Promise<Map<string, Enterprise>> {
  const problems = new ProblemList(o.maxErrors);
  const out = new Map<string, Enterprise>();
  const lines = new Map<string, number>();
  await readRows(path, enterprisesSchema, o, problems, (r, ctx) => {
    const first = lines.get(r.enterprise_id);
    if (first !== undefined) {
      ctx.problem('enterprise_id', t('io.enterpriseTwice', { id: r.enterprise_id, first }), r.enterprise_id);
      return;
    }
    // `*` stands for all towns in summary.json and reform.csv: no town may be called that
    if (r.town?.trim() === '*') {
      ctx.problem('town', t('io.townStar'), r.town);
      return;
    }
    lines.set(r.enterprise_id, ctx.line);
    out.set(owned(r.enterprise_id), { name: owned(r.name ?? ''), town: owned(r.town ?? ''), industry: owned(r.industry ?? '') });
  });
  problems.throwIfAny();
  return out;
}
