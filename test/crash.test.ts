/**
 * Crash safety (issue #8, "The permanent suite"): SIGKILL at random points while `deduct`
 * replaces a large report and updates its ledger in place. After every kill:
 *
 * - each output is wholly old or wholly new (byte for byte);
 * - the set is consistent by the documented rule (README "Guarantees"): the ledger is renamed
 *   last, so a new ledger means a new report; a new report with the old ledger is what a kill
 *   between the renames leaves, and running again gives the same result;
 * - the next run (which must take over the killed run's lock at once, its holder being dead)
 *   ends as an uninterrupted run does, with the same files, and leaves no temporary file and no
 *   lock behind.
 *
 * Kills land anywhere in the run for some trials and, for most, inside the writing: a watcher
 * sees the first temporary file appear and the kill follows after a random delay of up to 1.2
 * times the writing's length (first temporary file to the ledger's rename) measured on an
 * uninterrupted run.
 *
 * Trials: SKILLTAX_CRASH_TRIALS, else 5 (`npm test`) or 50 (SKILLTAX_LONG=1, `npm run fuzz`).
 */
import { copyFileSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from './helpers/cli.js';
import { deductData, lockLeftovers, seeded, start, tempFiles, trials, type DeductData } from './helpers/file-safety.js';
import { tempDirs } from './helpers/files.js';
import { quietLine } from './helpers/summary.js';

const TRIALS = trials('SKILLTAX_CRASH_TRIALS', 5, 50);
/** Enterprises × years 2020–2099: the size of the report and the ledger written. */
const ENTERPRISES = Number(process.env.SKILLTAX_CRASH_ENTERPRISES ?? 400);
const OLD_REPORT = 'enterprise_id,year\nthe report of an earlier run\n';

const tempDir = tempDirs('skilltax-crash-');

interface Reference {
  data: DeductData;
  oldLedger: string;
  newLedger: string;
  newReport: string;
  status: number;
  /** standard error of an uninterrupted run (--quiet: empty, or the line saying how many warnings made the exit status 1) */
  stderr: string;
  /** ms from start to exit, and from the first temporary file to the ledger's rename */
  total: number;
  writing: number;
}

const args = (data: DeductData, dir: string) => [
  'deduct',
  '--payroll',
  data.payroll,
  '--training',
  data.training,
  '--ledger',
  join(dir, 'ledger.csv'),
  '--ledger-out',
  join(dir, 'ledger.csv'),
  '--out',
  join(dir, 'deductions.csv'),
  '--from',
  '2020',
  '--to',
  '2099',
  '--quiet',
  '--lock-timeout',
  '10',
];

/** A trial folder: the old ledger and the old report, as before the run. */
function prepare(ref: { data: DeductData }, dir: string): void {
  copyFileSync(ref.data.ledger, join(dir, 'ledger.csv'));
  writeFileSync(join(dir, 'deductions.csv'), OLD_REPORT);
}

/** Runs in `dir`; with `killAt`, SIGKILLs the run then (ms after the start, or after the first temporary file appears). */
async function runIn(data: DeductData, dir: string, killAt?: { from: 'start' | 'writing'; ms: number }) {
  const t0 = Date.now();
  let firstTemp: number | undefined;
  let ledgerRenamed: number | undefined;
  let killed = false;
  const run = start(args(data, dir));
  const kill = () => {
    if (!killed) {
      killed = true;
      run.child.kill('SIGKILL');
    }
  };
  const watcher = watch(dir, (_event, name) => {
    // A temporary file: hidden, named after an output (this version's name or any earlier one).
    if (firstTemp === undefined && name && /^\.(deductions|ledger)\.csv\./.test(String(name))) {
      firstTemp = Date.now();
      if (killAt?.from === 'writing') setTimeout(kill, killAt.ms);
    }
    // The ledger's temporary file renamed into place: the last rename of the set.
    if (firstTemp !== undefined && ledgerRenamed === undefined && name === 'ledger.csv') ledgerRenamed = Date.now();
  });
  if (killAt?.from === 'start') setTimeout(kill, killAt.ms);
  try {
    const r = await run.done;
    const end = Date.now();
    return { ...r, total: end - t0, writing: firstTemp === undefined ? undefined : (ledgerRenamed ?? end) - firstTemp, killed: r.signal === 'SIGKILL' };
  } finally {
    watcher.close();
  }
}

let ref: Reference;

beforeAll(async () => {
  requireBuild();
  const base = tempDir();
  const data = deductData(base, { count: ENTERPRISES, prefix: 'in-' });
  const dir = tempDir();
  prepare({ data }, dir);
  const r = await runIn(data, dir);
  expect(r.status, r.stderr).toBeLessThan(2);
  ref = {
    data,
    oldLedger: readFileSync(data.ledger, 'utf8'),
    newLedger: readFileSync(join(dir, 'ledger.csv'), 'utf8'),
    newReport: readFileSync(join(dir, 'deductions.csv'), 'utf8'),
    status: r.status!,
    stderr: r.stderr,
    total: r.total,
    writing: Math.max(r.writing ?? 1, 1),
  };
  expect(ref.newLedger).not.toBe(ref.oldLedger);
  expect(ref.newReport.length).toBeGreaterThan(1_000_000);
  // --quiet (issue #8 item 16): nothing on standard error but, with warnings (exit 1), one line
  // saying how many: the report's rows with notes (the last column, empty or not)
  const warned = ref.newReport.split('\n').slice(1, -1).filter((l) => !l.endsWith(',')).length;
  expect(ref.status).toBe(warned ? 1 : 0);
  expect(ref.stderr).toBe(warned ? quietLine(warned) : '');
});

describe('crash safety: SIGKILL while the report and the ledger are replaced', () => {
  it(`${TRIALS} kills: every output wholly old or new, the ledger never newer than the report, the next run completes the set and cleans up`, async () => {
    const random = seeded(Number(process.env.SKILLTAX_SEED ?? 20240808));
    const states = new Map<string, number>();
    let killedWhileWriting = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = tempDir();
      prepare(ref, dir);
      // One trial in four anywhere in the run; the others inside the writing.
      const killAt = trial % 4 === 3 ? { from: 'start' as const, ms: random() * ref.total } : { from: 'writing' as const, ms: random() * ref.writing * 1.2 };
      const k = await runIn(ref.data, dir, killAt);
      const report = readFileSync(join(dir, 'deductions.csv'), 'utf8');
      const ledger = readFileSync(join(dir, 'ledger.csv'), 'utf8');
      const what = `trial ${trial}: killed ${killAt.ms.toFixed(1)} ms after the ${killAt.from === 'start' ? 'start' : 'first temporary file'}`;
      expect([OLD_REPORT, ref.newReport].includes(report), `${what}: the report is neither old nor new`).toBe(true);
      expect([ref.oldLedger, ref.newLedger].includes(ledger), `${what}: the ledger is neither old nor new`).toBe(true);
      const state = `report ${report === OLD_REPORT ? 'old' : 'new'}, ledger ${ledger === ref.oldLedger ? 'old' : 'new'}`;
      expect(state, `${what}: the ledger was renamed before the report`).not.toBe('report old, ledger new');
      states.set(state, (states.get(state) ?? 0) + 1);
      if (killAt.from === 'writing') expect(k.writing, `${what}: no temporary file was seen`).toBeDefined();
      if (k.killed && k.writing !== undefined) killedWhileWriting++; // the kill came before the run ended

      // The next run: takes over the dead run's lock, removes its temporary files, completes the set.
      const next = await runIn(ref.data, dir);
      expect(next.status, `${what}: the next run: ${next.stderr}`).toBe(ref.status);
      expect(next.stderr, `${what}: the next run`).toBe(ref.stderr);
      expect(readFileSync(join(dir, 'deductions.csv'), 'utf8') === ref.newReport, `${what}: the next run's report`).toBe(true);
      expect(readFileSync(join(dir, 'ledger.csv'), 'utf8') === ref.newLedger, `${what}: the next run's ledger`).toBe(true);
      expect(tempFiles(dir), what).toEqual([]);
      expect(lockLeftovers(dir), what).toEqual([]);
    }
    console.log(
      `crash: ${TRIALS} trials, ${killedWhileWriting} killed after the first temporary file appeared; states after the kill: ` +
        [...states].map(([s, n]) => `${s}: ${n}`).join('; ') +
        ` (run ${ref.total} ms, writing ${ref.writing} ms)`,
    );
  }, 30_000 + TRIALS * 20_000);
});
