/** The fingerprint of an input file (summary.json `inputs`): its sha256 and data rows. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

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
