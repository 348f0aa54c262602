/**
 * Same inputs → byte-identical outputs (CONTRACT §1), whatever the machine's time zone and
 * locale, and whatever the order of the input rows where the contract says order does not matter
 * (every input of `run`: rows are summed, sorted or decided in their own key order). The demo is
 * run under three time zones and three locales, and once with every input file's rows shuffled;
 * each time its outputs equal the golden files byte for byte.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../scripts/prng.mjs';
import { goldenOutputs } from '../src/calculators/registry.js';
import { skilltax } from './helpers/cli.js';
import { copyDemo, DEMO, GOLDEN } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';

const tempDir = tempDirs('skilltax-determinism-');
const INPUTS = readdirSync(DEMO).filter((f) => f.endsWith('.csv'));
const GB18030 = new Set(['training.csv', 'trainees.csv']);

function expectGolden(out: string) {
  for (const name of goldenOutputs()) expect(readFileSync(join(out, name)).equals(readFileSync(join(GOLDEN, name))), name).toBe(true);
}

/** A seeded shuffle (scripts/prng.mjs), so a failure can be reproduced. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const rnd = mulberry32(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The file's data lines in another order (header first, same encoding, BOM and line ends). */
function shuffleFile(path: string, name: string, seed: number): void {
  const bytes = readFileSync(path);
  const text = GB18030.has(name) ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const last = lines.at(-1) === '' ? lines.pop() : undefined;
  const [head, ...rows] = lines;
  const again = [head, ...shuffled(rows, seed)].join(eol) + (last === '' ? eol : '');
  writeFileSync(path, GB18030.has(name) ? iconv.encode(again, 'gb18030') : again);
}

describe('byte-identical outputs', () => {
  it.each([
    ['Asia/Shanghai', 'zh_CN.UTF-8'],
    ['America/Los_Angeles', 'C'],
    ['Pacific/Kiritimati', 'en_US.UTF-8'],
  ])('TZ=%s LANG=%s', (tz, lang) => {
    const out = tempDir();
    const r = skilltax(['run', DEMO, '--out', out, '--quiet'], { env: { TZ: tz, LANG: lang, LC_ALL: lang } });
    expect(r.status, r.stderr).toBe(0);
    expectGolden(out);
  });

  it('with the rows of every input file shuffled', () => {
    const dir = tempDir();
    copyDemo(dir, INPUTS);
    INPUTS.forEach((name, i) => shuffleFile(join(dir, name), name, 20241129 + i));
    // the shuffle did change the files
    expect(readFileSync(join(dir, 'payroll.csv')).equals(readFileSync(join(DEMO, 'payroll.csv')))).toBe(false);
    const out = join(dir, 'out');
    const r = skilltax(['run', dir, '--out', out, '--quiet'], { env: { TZ: 'Asia/Shanghai', LANG: 'C' } });
    expect(r.status, r.stderr).toBe(0);
    expectGolden(out);
  });
});
