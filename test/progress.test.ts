/**
 * Progress on long reads (issue #13): drawn only on a terminal, not under CI, not with --quiet;
 * and the reader reports bytes and rows to it, ending at the file's size. (The bar itself was
 * looked at under tmux: README "Performance".)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressFor, progressWanted } from '../src/cli/progress.js';
import { loadPayroll, loadTraining } from '../src/io/load.js';
import { tempDirs } from './helpers/files.js';
import { A } from './helpers/kinds.js';

const tempDir = tempDirs('skilltax-progress-');
const tty = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('progress', () => {
  it('is wanted on a terminal only, not under CI, not with --quiet, not on a dumb terminal', () => {
    expect(progressWanted({ quiet: false }, tty, {})).toBe(true);
    expect(progressWanted({ quiet: false }, tty, { CI: 'false' })).toBe(true);
    expect(progressWanted({ quiet: true }, tty, {})).toBe(false);
    expect(progressWanted({ quiet: false }, pipe, {})).toBe(false);
    expect(progressWanted({ quiet: false }, tty, { CI: 'true' })).toBe(false);
    expect(progressWanted({ quiet: false }, tty, { TERM: 'dumb' })).toBe(false);
  });

  it('off a terminal (as here, under vitest) there is no progress callback at all', () => {
    expect(progressFor({ quiet: false })).toBeUndefined();
  });

  it('both readers report bytes and rows, ending at the size of the file', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 500 }, (_, i) => `${A},2024-${String((i % 12) + 1).padStart(2, '0')},${i}.00`);
    const payroll = join(dir, 'payroll.csv');
    writeFileSync(payroll, `enterprise_id,period,wages\n${rows.join('\n')}\n`);
    const training = join(dir, 'training.csv');
    writeFileSync(training, `enterprise_id,date,category,amount\n${A},2024-03-01,education,100.00\n`);
    for (const [load, path, fastPath] of [
      [loadPayroll, payroll, true],
      [loadPayroll, payroll, false],
      [loadTraining, training, true],
    ] as const) {
      const calls: [number, number, number | undefined][] = [];
      await load(path, { encoding: 'auto', maxErrors: 10, fastPath, progress: () => (done, total, n) => calls.push([done, total, n]) });
      const size = (await import('node:fs')).statSync(path).size;
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.at(-1)!.slice(0, 2)).toEqual([size, size]);
      expect(calls.every(([d, t]) => d <= t && t === size)).toBe(true);
      if (path === payroll) expect(calls.at(-1)![2]).toBe(501);
    }
  });
});
