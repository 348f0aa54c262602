#!/usr/bin/env node
/**
 * Regenerates the golden files of the demo end-to-end tests (test/demo.test.ts,
 * test/demo-credit.test.ts, test/demo-subsidy.test.ts): runs the built CLI (`npx tsc -p
 * tsconfig.json` first) on fixtures/demo into a temporary folder and copies deductions.csv,
 * credits.csv, subsidies.csv, subsidy-summary.csv, ledger.csv and summary.csv into
 * test/golden/demo/. This is the one explicit way to change them; review the
 * diff (`git diff test/golden`) before committing. The list of files comes from the calculator
 * registry (`runOutputs`), so a new calculator's reports are included. Refuses to write anything when the run does
 * not exit 0: the demo must run without warnings.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(ROOT, 'fixtures', 'demo');
const GOLDEN = join(ROOT, 'test', 'golden', 'demo');

if (!existsSync(join(ROOT, 'dist', 'cli', 'index.js'))) {
  process.stderr.write('update-golden: dist/ is missing: build first with `npx tsc -p tsconfig.json`\n');
  process.exit(2);
}
const { goldenOutputs } = await import(new URL('../dist/calculators/registry.js', import.meta.url).href);
const FILES = goldenOutputs();

const tmp = mkdtempSync(join(tmpdir(), 'skilltax-golden-'));
try {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'skilltax.js'), 'run', FIXTURE, '--out', tmp, '--quiet'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.stderr.write(`update-golden: skilltax run ${relative(ROOT, FIXTURE)} exited with ${r.status}; the golden files were not changed\n`);
    process.exit(1);
  }
  mkdirSync(GOLDEN, { recursive: true });
  for (const name of FILES) {
    const from = join(tmp, name);
    const to = join(GOLDEN, name);
    const before = existsSync(to) ? readFileSync(to) : undefined;
    copyFileSync(from, to);
    const state = before === undefined ? 'new' : before.equals(readFileSync(to)) ? 'unchanged' : 'CHANGED';
    process.stdout.write(`${relative(ROOT, to)}: ${state}\n`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
