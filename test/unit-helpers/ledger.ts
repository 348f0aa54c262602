/** Ledger helpers shared by the unit and property tests: columns, entries written to a file, entries compared. */
import { writeFileSync } from 'node:fs';
import { LEDGER_COLUMNS, ledgerRecord } from '../../src/ledger/ledger.js';
import type { LedgerEntry } from '../../src/domain/records.js';

/** The 1-based column of a ledger.csv column name, as checkLedger reports it. */
export const col = (name: string) => (LEDGER_COLUMNS as readonly string[]).indexOf(name) + 1;

/** Writes entries as a ledger.csv with the canonical header. */
export function writeLedger(path: string, entries: readonly LedgerEntry[]): void {
  const lines = [LEDGER_COLUMNS.join(',')];
  for (const e of entries) {
    const r = ledgerRecord(e);
    lines.push(LEDGER_COLUMNS.map((c) => r[c]).join(','));
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

/** Entries without where they were read from (file, line), for comparing runs. */
export const strip = (entries: readonly LedgerEntry[]) => entries.map(({ file: _f, line: _l, ...e }) => e);
