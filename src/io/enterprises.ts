/**
 * enterprises.csv (CONTRACT §2): who the figures belong to. `run` joins `name` and `town` (镇街道)
 * into every report by enterprise_id and sums by town.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
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

/**
 * An input file's fingerprint for summary.json: the sha256 of its bytes (hex) and, for a text
 * file, its data rows (records after the first, blank ones not counted; a quoted line break does
 * not end a record). `rows` is null for a workbook (.xlsx, .xls) and a rules file (.json). Throws what reading throws.
 */
export async function digestInput(path: string): Promise<{ sha256: string; rows: number | null }> {
  const hash = createHash('sha256');
  const text = !/\.(xlsx?|json)$/i.test(path);
  let records = 0;
  let quoted = false;
  let filled = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (!text) continue;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0x22) quoted = !quoted;
      else if (b === 0x0a && !quoted) {
        if (filled) records++;
        filled = false;
      } else if (b !== 0x0d && b !== 0x20 && b !== 0x09 && b !== 0x2c) filled = true;
    }
  }
  if (filled) records++;
  return { sha256: hash.digest('hex'), rows: text ? Math.max(0, records - 1) : null };
}
