#!/usr/bin/env node
/**
 * Two builds of skilltax on the same inputs, compared byte for byte (issue #13: "the fast path is
 * byte-identical to the current path on the demo … and on the whole fuzz corpus"):
 *
 *   node scripts/compare-builds.mjs REF_BIN [NEW_BIN]
 *
 * REF_BIN is another tree's bin/skilltax.js (e.g. a `git archive` of an earlier commit, built);
 * NEW_BIN defaults to this tree's. For fixtures/demo, and for the demo with each file of
 * test/fuzz-corpus put in place of the demo's file of its kind, it runs `skilltax run` and
 * `skilltax validate` with both builds, in the same folder (so paths in messages are the same),
 * and compares exit status, standard output, standard error and every file written. Prints one
 * line per case and exits 1 when any differs.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [refBin, newBin = join(ROOT, 'bin', 'skilltax.js')] = process.argv.slice(2);
if (!refBin || !existsSync(refBin) || !existsSync(newBin)) {
  process.stderr.write('usage: node scripts/compare-builds.mjs REF_BIN [NEW_BIN]   (both built)\n');
  process.exit(2);
}
const DEMO = join(ROOT, 'fixtures', 'demo');
const CORPUS = join(ROOT, 'test', 'fuzz-corpus');
const KIND_FILE = { payroll: 'payroll.csv', training: 'training.csv', qualifications: 'qualifications.csv', surcharges: 'surcharges.csv', trainees: 'trainees.csv', catalog: 'catalog.csv', history: 'history.csv', ledger: 'ledger.csv' };

const env = { ...process.env, CI: 'true', NO_COLOR: '1', LANG: 'C' };
/** One command with one build: what it printed and the files it wrote. */
function outcome(bin, args, dir, out) {
  rmSync(out, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  const files = existsSync(out) ? Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f)).toString('base64')])) : {};
  return JSON.stringify({ status: r.status, signal: r.signal, stdout: r.stdout.toString('base64'), stderr: r.stderr.toString('base64'), files });
}

let differ = 0;
function compare(name, dir, args) {
  const out = join(dir, 'out');
  const a = outcome(refBin, args, dir, out);
  const b = outcome(newBin, args, dir, out);
  const same = a === b;
  if (!same) differ++;
  process.stdout.write(`${same ? 'same   ' : 'DIFFERS'} ${name}: skilltax ${args.join(' ')}\n`);
}

const cases = [['demo', undefined], ...readdirSync(CORPUS).sort().map((f) => [f, f])];
for (const [name, file] of cases) {
  const dir = mkdtempSync(join(tmpdir(), 'skilltax-compare-'));
  try {
    cpSync(DEMO, dir, { recursive: true });
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    let kind;
    if (file) {
      kind = Object.keys(KIND_FILE).find((k) => file.startsWith(`${k}-`));
      if (!kind) continue;
      cpSync(join(CORPUS, file), join(dir, KIND_FILE[kind]));
    }
    compare(name, dir, ['run', '.', '--out', 'out']);
    if (kind) compare(name, dir, ['validate', KIND_FILE[kind]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.stdout.write(differ ? `${differ} case(s) differ\n` : 'every case is byte-identical\n');
process.exit(differ ? 1 : 0);
