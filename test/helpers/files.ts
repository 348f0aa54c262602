/** Temporary folders and small input files for the tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A `tempDir()` for one test file or describe block: each call makes a fresh folder (named with
 * `prefix`, or the one given to the call), and every folder it made is removed after the tests
 * of the file or block it was called in. Call it at the top level of a file or in a describe.
 */
export function tempDirs(prefix = 'skilltax-test-'): (prefix?: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  return (p = prefix) => {
    const d = mkdtempSync(join(tmpdir(), p));
    made.push(d);
    return d;
  };
}

/** Writes `content` to dir/name and returns the path. */
export function write(dir: string, name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** CSV text of these lines, each ended by a newline. */
export const csv = (...lines: string[]) => [...lines, ''].join('\n');
