/**
 * Issue #8, items 8–11: what a run does to the files around it (README "Guarantees").
 *
 * 8. the ledger a run writes is locked from before it is read until the new one is renamed;
 *    a second run waits (--lock-timeout) and then exits 2 naming the holder; a dead holder's
 *    lock is taken over; a run that only reads takes no lock;
 * 9. no output may resolve (through links, or as a hard link) to an input of the same run, but
 *    the in-place ledger; `run DIR --out DIR` updates ledger.csv in place and writes only the
 *    canonical report names;
 * 10. a replaced file keeps its mode (and owner, as root); a symbolic link is written through;
 *    a new report holding person ids is created 0600;
 * 11. temporary files are named by host, pid and start time, stale ones are removed by the next
 *    run, none is left by a failure, a full disk or SIGINT/SIGTERM; the ledger is renamed last.
 *
 * Runs the built CLI; the unit tests at the end call writeFilesAtomic with node:fs wrapped to
 * record the renames and to fail a write as a full disk does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  watch,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFilesAtomic } from '../src/io/csv-out.js';
import { HOST_TAG, SELF_START } from '../src/io/process-id.js';
import { BIN, ROOT, requireBuild, skilltax, type CliResult } from './helpers/cli.js';
import { copyDemo } from './helpers/demo.js';
import { deductData, lockLeftovers, sleep, start, tempFiles, type DeductData } from './helpers/file-safety.js';
import { csv, tempDirs, write } from './helpers/files.js';

/** node:fs as csv-out sees it in the unit tests: renames recorded, a chosen write failing as on a full disk. */
const fault = vi.hoisted(() => ({ renames: [] as string[], from: [] as string[], failContaining: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    fault.renames.push(String(to));
    fault.from.push(String(from));
    fs.renameSync(from, to);
  };
  const writeFileSync = ((file: Parameters<typeof fs.writeFileSync>[0], data: string | NodeJS.ArrayBufferView, o?: Parameters<typeof fs.writeFileSync>[2]) => {
    if (typeof file === 'number' && fault.failContaining !== undefined && String(data).includes(fault.failContaining)) {
      fs.writeSync(file, String(data).slice(0, 100)); // part of it, then the disk is full
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    fs.writeFileSync(file, data, o);
  }) as typeof fs.writeFileSync;
  return { ...fs, default: { ...fs, renameSync, writeFileSync }, renameSync, writeFileSync };
});

const tempDir = tempDirs('skilltax-safety-');
beforeAll(requireBuild);

/** The CLI with umask 022, so that the modes of new files are known. */
function cli(args: string[]): CliResult {
  const r = spawnSync('/bin/sh', ['-c', 'umask 022; exec "$@"', 'sh', process.execPath, BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const deductArgs = (d: DeductData, ...more: string[]) => ['deduct', '--payroll', d.payroll, '--training', d.training, ...more];
const mode = (p: string) => statSync(p).mode & 0o777;
const read = (p: string) => readFileSync(p, 'utf8');
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// ── a process that holds a ledger's lock ─────────────────────────────────────

interface Holder {
  pid: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Takes the lock of `ledger` in another process (through the built lock module) and holds it until stopped. */
async function holdLock(ledger: string): Promise<Holder> {
  const script = `const { lockLedger } = await import(process.env.LOCK_MODULE);
await lockLedger(process.env.LEDGER, { timeoutSeconds: 0, command: 'test holder' });
process.stdout.write('locked\\n');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, LOCK_MODULE: join(ROOT, 'dist', 'io', 'lock.js'), LEDGER: ledger },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((res) => child.on('exit', (code, signal) => res(code ?? (signal ? -1 : null))));
  await new Promise<void>((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('locked') && res());
    child.on('exit', () => rej(new Error('the lock holder ended before it held the lock')));
  });
  return {
    pid: child.pid!,
    stop: (signal: NodeJS.Signals = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

// ── 8. locks ─────────────────────────────────────────────────────────────────

describe('8. the ledger a run writes is locked', () => {
  it('a second in-place run waits --lock-timeout, then exits 2 naming the holder (pid, host, since); nothing written', async () => {
    const d = tempDir();
    const data = deductData(d, { count: 5 });
    const before = read(data.ledger);
    const holder = await holdLock(data.ledger);
    try {
      const t0 = Date.now();
      const r = cli(deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.ledger, '--out', join(d, 'deductions.csv'), '--lock-timeout', '1'));
      const waited = Date.now() - t0;
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^skilltax: ${esc(data.ledger)} is locked by another skilltax run: pid ${holder.pid} on host ${esc(hostname())}, ` +
            `since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(test holder\\); waited 1 s \\(--lock-timeout 1\\); nothing was written\\. ` +
            `If no such run is going on, remove the folder ${esc(data.ledger)}\\.lock\\n$`,
        ),
      );
      expect(waited).toBeGreaterThanOrEqual(1000);
      expect(read(data.ledger)).toBe(before);
      expect(existsSync(join(d, 'deductions.csv'))).toBe(false);
    } finally {
      expect(await holder.stop()).toBe(143); // the holder's own SIGTERM handler removes its lock
    }
    expect(lockLeftovers(d)).toEqual([]);
    const r = cli(deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.ledger, '--lock-timeout', '0', '--quiet'));
    expect(r.status, r.stderr).toBe(0);
    expect(read(data.ledger)).not.toBe(before);
  });

  it('a waiting run goes on when the holder releases the lock', async () => {
    const d = tempDir();
    const data = deductData(d, { count: 5 });
    const holder = await holdLock(data.ledger);
    const t0 = Date.now();
    const run = start(deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.ledger, '--quiet'));
    await sleep(800);
    await holder.stop();
    const r = await run.done;
    expect(r.status, r.stderr).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(800);
    expect(read(data.ledger).split('\n')).toContain(`${data.ids[0]},education_expense,2020,1000.00,5000.50,6000.50,0.00`);
    expect(lockLeftovers(d)).toEqual([]);
  });

  it('the lock of a holder that was killed (SIGKILL) is taken over at once, and removed after', async () => {
    const d = tempDir();
    const data = deductData(d, { count: 5 });
    const holder = await holdLock(data.ledger);
    await holder.stop('SIGKILL');
    expect(lockLeftovers(d)).toEqual(['ledger.csv.lock']);
    expect(JSON.parse(read(join(d, 'ledger.csv.lock', 'holder')))).toMatchObject({ pid: holder.pid, host: hostname(), command: 'test holder' });
    const r = cli(deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.ledger, '--lock-timeout', '0', '--quiet'));
    expect(r.status, r.stderr).toBe(0);
    expect(lockLeftovers(d)).toEqual([]);
  });

  it('a run that only reads the ledger takes no lock', async () => {
    const d = tempDir();
    const data = deductData(d, { count: 5 });
    const holder = await holdLock(data.ledger);
    try {
      const r = cli(deductArgs(data, '--ledger', data.ledger, '--out', join(d, 'deductions.csv'), '--lock-timeout', '0'));
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(d, 'deductions.csv'))).toBe(true);
    } finally {
      await holder.stop();
    }
  });

  it('run DIR locks DIR/out/ledger.csv, and DIR/ledger.csv with --out DIR', async () => {
    const d = tempDir();
    deductData(d, { count: 5 });
    mkdirSync(join(d, 'out'));
    let holder = await holdLock(join(d, 'out', 'ledger.csv'));
    try {
      const r = cli(['run', d, '--lock-timeout', '0']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^skilltax: ${esc(join(d, 'out', 'ledger.csv'))} is locked by another skilltax run: pid ${holder.pid} on host .*did not wait \\(--lock-timeout 0\\)`));
      expect(readdirSync(join(d, 'out'))).toEqual(['ledger.csv.lock']);
    } finally {
      await holder.stop();
    }
    holder = await holdLock(join(d, 'ledger.csv'));
    try {
      const r = cli(['run', d, '--out', d, '--lock-timeout', '0']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toContain(`${join(d, 'ledger.csv')} is locked by another skilltax run: pid ${holder.pid}`);
    } finally {
      await holder.stop();
    }
    expect(readdirSync(join(d, 'out'))).toEqual([]);
  });

  it('--lock-timeout takes a number of seconds', () => {
    const d = tempDir();
    const data = deductData(d, { count: 1 });
    const r = cli(deductArgs(data, '--lock-timeout', 'soon'));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('skilltax: --lock-timeout takes a number of seconds from 0 to 86400 (got "soon")\n');
  });
});

// ── 9. outputs that are inputs ───────────────────────────────────────────────

describe('9. no output may replace an input of the same run', () => {
  /** Runs `args`, which must be refused with `message`, leaving the folder's files as they were. */
  function refused(dir: string, args: string[], message: RegExp): void {
    const before = Object.fromEntries(readdirSync(dir).map((n) => [n, lstatSync(join(dir, n)).isFile() ? read(join(dir, n)) : '']));
    const r = cli(args);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    const after = Object.fromEntries(readdirSync(dir).map((n) => [n, lstatSync(join(dir, n)).isFile() ? read(join(dir, n)) : '']));
    expect(after).toEqual(before);
  }

  it('--out naming an input (the issue: --out payroll.csv replaced the payroll)', () => {
    const d = tempDir();
    const data = deductData(d, { count: 3 });
    refused(
      d,
      deductArgs(data, '--out', data.payroll),
      new RegExp(
        `^skilltax: --out ${esc(data.payroll)} is the --payroll input ${esc(data.payroll)}: an output may not replace an input of the same run ` +
          `\\(only --ledger-out may name the --ledger file, to update it in place\\): name another file; nothing was written\\n$`,
      ),
    );
  });

  it('through a symbolic link, a hard link, a relative path; --ledger-out over another input; a report over the ledger', () => {
    const d = tempDir();
    const data = deductData(d, { count: 3 });
    symlinkSync(data.training, join(d, 'link.csv'));
    linkSync(data.payroll, join(d, 'hard.csv'));
    refused(d, deductArgs(data, '--out', join(d, 'link.csv')), /--out .*link\.csv is the --training input .*training\.csv \(.*link\.csv resolves to .*training\.csv\)/);
    refused(d, deductArgs(data, '--out', join(d, 'hard.csv')), /--out .*hard\.csv is the --payroll input/);
    refused(d, deductArgs(data, '--out', join(d, '.', 'sub', '..', 'payroll.csv')), /is the --payroll input/);
    refused(d, deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.training), /--ledger-out .* is the --training input/);
    refused(d, deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.ledger, '--out', data.ledger), /--out .*ledger\.csv is the --ledger input/);
    const rules = write(d, 'rules.json', '{}\n');
    refused(d, deductArgs(data, '--rules', rules, '--out', rules), /--out .*rules\.json is the --rules file/);
  });

  it('subsidy and reconcile outputs too', () => {
    const d = tempDir();
    copyDemo(d, ['trainees.csv', 'catalog.csv', 'history.csv', 'payroll.csv', 'training.csv']);
    const sub = ['subsidy', '--trainees', join(d, 'trainees.csv'), '--catalog', join(d, 'catalog.csv'), '--history', join(d, 'history.csv')];
    refused(d, [...sub, '--summary', join(d, 'history.csv')], /--summary .*history\.csv is the --history input/);
    const declared = write(d, 'declared.csv', csv('enterprise_id,year,wages'));
    refused(
      d,
      ['reconcile', '--declared', declared, '--payroll', join(d, 'payroll.csv'), '--training', join(d, 'training.csv'), '--out', declared],
      /--out .*declared\.csv is the --declared input/,
    );
  });

  it('--ledger F --ledger-out F updates F in place, also when --ledger-out is a link to F (the link stays)', () => {
    const d = tempDir();
    const data = deductData(d, { count: 3 });
    symlinkSync('ledger.csv', join(d, 'ledger-link.csv'));
    const r = cli(deductArgs(data, '--ledger', data.ledger, '--ledger-out', join(d, 'ledger-link.csv'), '--quiet'));
    expect(r.status, r.stderr).toBe(0);
    expect(lstatSync(join(d, 'ledger-link.csv')).isSymbolicLink()).toBe(true);
    expect(read(data.ledger)).toContain(`${data.ids[0]},education_expense,2020,`);
  });

  it('run DIR --out DIR: the reports under their own names, ledger.csv updated in place, every other input untouched; a second run changes nothing', () => {
    const d = tempDir();
    const data = deductData(d, { count: 4 });
    copyDemo(d, ['trainees.csv', 'catalog.csv', 'history.csv']);
    const inputs = ['payroll.csv', 'training.csv', 'trainees.csv', 'catalog.csv', 'history.csv'];
    const before = Object.fromEntries(inputs.map((n) => [n, read(join(d, n))]));
    const r1 = cli(['run', d, '--out', d, '--quiet']);
    expect(r1.status, r1.stderr).toBeLessThan(2);
    expect(readdirSync(d).sort()).toEqual([...inputs, 'deductions.csv', 'ledger.csv', 'subsidies.csv', 'subsidy-summary.csv', 'summary.csv', 'summary.json', 'report.html'].sort());
    for (const n of inputs) expect(read(join(d, n)), n).toBe(before[n]);
    expect(read(data.ledger)).toContain(`${data.ids[0]},education_expense,2020,`);
    // summary.json lists the inputs read with their sha256: the second run's ledger.csv is the first's output
    type Inputs = { inputs: { file: string; sha256: string; rows: number | null }[] };
    const ledgerSha = () => (JSON.parse(read(join(d, 'summary.json'))) as Inputs).inputs.find((i) => i.file === 'ledger.csv')!.sha256;
    const withoutLedgerRead = (text: string) => {
      const s = JSON.parse(text) as Inputs;
      return { ...s, inputs: s.inputs.map((i) => (i.file === 'ledger.csv' ? { file: i.file } : i)) };
    };
    // report.html shows the same read in its table of inputs (the ledger's row: its rows and sha256)
    const files = () => {
      const sha = ledgerSha();
      const withoutLedgerRow = (html: string) => html.replace(new RegExp(`<tr><td>ledger\\.csv</td>(?:(?!</tr>).)*${sha}</td></tr>`), 'LEDGER');
      const shown = (n: string) => (n === 'summary.json' ? withoutLedgerRead(read(join(d, n))) : n === 'report.html' ? withoutLedgerRow(read(join(d, n))) : read(join(d, n)));
      return Object.fromEntries(readdirSync(d).map((n) => [n, shown(n)]));
    };
    const outputs = files();
    const firstRead = ledgerSha();
    const written = createHash('sha256').update(read(data.ledger)).digest('hex');
    const r2 = cli(['run', d, '--out', d, '--quiet']);
    expect(r2.status).toBe(r1.status);
    expect(files()).toEqual(outputs);
    // …and the ledger the second run read is the one the first wrote
    expect([firstRead === written, ledgerSha()]).toEqual([false, written]);
  });

  it('run DIR --out OUT where a report name is a link to an input is refused', () => {
    const d = tempDir();
    deductData(d, { count: 3 });
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    symlinkSync(join(d, 'payroll.csv'), join(out, 'deductions.csv'));
    const before = read(join(d, 'payroll.csv'));
    const r = cli(['run', d, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the report .*deductions\.csv is the input payroll\.csv/);
    expect(read(join(d, 'payroll.csv'))).toBe(before);
    expect(readdirSync(out)).toEqual(['deductions.csv']);
  });
});

// ── 10. modes, owners, links ─────────────────────────────────────────────────

describe('10. replacing a file keeps its protection', () => {
  it('a replaced report keeps its mode (0600, 0640), and the ledger too', () => {
    const d = tempDir();
    const data = deductData(d, { count: 3 });
    const out = write(d, 'deductions.csv', 'old\n');
    chmodSync(out, 0o600);
    chmodSync(data.ledger, 0o640);
    const r = cli(deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.ledger, '--out', out, '--quiet'));
    expect(r.status, r.stderr).toBe(0);
    expect(read(out)).toMatch(/^enterprise_id,year,/);
    expect(mode(out).toString(8)).toBe('600');
    expect(mode(data.ledger).toString(8)).toBe('640');
  });

  it.skipIf(process.getuid?.() !== 0)('as root, a replaced file keeps its owner and group', () => {
    const d = tempDir();
    const data = deductData(d, { count: 3 });
    const out = write(d, 'deductions.csv', 'old\n');
    chownSync(out, 4242, 4343);
    const r = cli(deductArgs(data, '--out', out, '--quiet'));
    expect(r.status, r.stderr).toBe(0);
    expect([statSync(out).uid, statSync(out).gid]).toEqual([4242, 4343]);
  });

  it('an output that is a symbolic link is written through: the link stays, its target is replaced (dangling: created)', () => {
    const d = tempDir();
    const elsewhere = tempDir();
    const data = deductData(d, { count: 3 });
    const target = write(elsewhere, 'real.csv', 'old\n');
    chmodSync(target, 0o600);
    symlinkSync(target, join(d, 'deductions.csv'));
    symlinkSync(join(elsewhere, 'new-ledger.csv'), join(d, 'ledger-out.csv'));
    const r = cli(deductArgs(data, '--ledger', data.ledger, '--out', join(d, 'deductions.csv'), '--ledger-out', join(d, 'ledger-out.csv'), '--quiet'));
    expect(r.status, r.stderr).toBe(0);
    expect(readlinkSync(join(d, 'deductions.csv'))).toBe(target);
    expect(read(target)).toMatch(/^enterprise_id,year,/);
    expect(mode(target).toString(8)).toBe('600');
    expect(lstatSync(join(d, 'ledger-out.csv')).isSymbolicLink()).toBe(true);
    expect(read(join(elsewhere, 'new-ledger.csv'))).toContain(`${data.ids[0]},education_expense,2020,`);
    expect(tempFiles(elsewhere)).toEqual([]);
  });

  it('a new report holding 身份证号 (subsidies) is created 0600; the others get the umask mode (0644)', () => {
    const d = tempDir();
    copyDemo(d, ['trainees.csv', 'catalog.csv', 'history.csv', 'payroll.csv', 'training.csv']);
    const sub = ['subsidy', '--trainees', join(d, 'trainees.csv'), '--catalog', join(d, 'catalog.csv'), '--history', join(d, 'history.csv')];
    const r = cli([...sub, '--out', join(d, 'subsidies.csv'), '--summary', join(d, 'subsidy-summary.csv'), '--quiet']);
    expect(r.status, r.stderr).toBeLessThan(2);
    expect(mode(join(d, 'subsidies.csv')).toString(8)).toBe('600');
    expect(mode(join(d, 'subsidy-summary.csv')).toString(8)).toBe('644');
    const j = cli([...sub, '--format', 'json', '--out', join(d, 'subsidies.json'), '--quiet']);
    expect(j.status, j.stderr).toBeLessThan(2);
    expect(mode(join(d, 'subsidies.json')).toString(8)).toBe('600');

    const r2 = cli(['run', d, '--quiet']);
    expect(r2.status, r2.stderr).toBeLessThan(2);
    const modes = Object.fromEntries(readdirSync(join(d, 'out')).map((n) => [n, mode(join(d, 'out', n)).toString(8)]));
    expect(modes).toEqual({ 'deductions.csv': '644', 'ledger.csv': '644', 'subsidies.csv': '600', 'subsidy-summary.csv': '644', 'summary.csv': '644', 'summary.json': '644', 'report.html': '600' });
  });
});

// ── 11. temporary files, signals, a full disk, the order of the renames ──────

describe('11. temporary files and the set of files', () => {
  it('stale temporary files in an output folder are removed by the next run: a dead pid, older than an hour, the old naming; a live run’s are kept', () => {
    const d = tempDir();
    const data = deductData(d, { count: 3 });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    const dead = write(d, `.deductions.csv.skilltax-tmp-${HOST_TAG}-${deadPid}-123`, 'partial');
    const live = write(d, `.ledger.csv.skilltax-tmp-${HOST_TAG}-${process.pid}-${SELF_START}`, 'being written');
    const otherHost = write(d, '.summary.csv.skilltax-tmp-0badc0de-1-1', 'another host, recent');
    const old = write(d, '.summary.csv.skilltax-tmp-0badc0de-1-2', 'another host, old');
    const oldNaming = write(d, '.deductions.csv.tmp-12345-0123abcd', 'before this version');
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, hourAgo, hourAgo);
    utimesSync(oldNaming, hourAgo, hourAgo);
    const r = cli(deductArgs(data, '--out', join(d, 'deductions.csv'), '--quiet'));
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(oldNaming)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(otherHost)).toBe(true);
  });

  it('temporary files are named .NAME.skilltax-tmp-HOST-PID-START, beside their target', () => {
    const d = tempDir();
    const target = join(d, 'x.csv');
    fault.renames.length = 0;
    fault.from.length = 0;
    writeFilesAtomic([{ path: target, content: 'x\n' }]);
    expect(fault.renames).toEqual([target]);
    expect(fault.from).toEqual([join(d, `.x.csv.skilltax-tmp-${HOST_TAG}-${process.pid}-${SELF_START}`)]);
    expect(read(target)).toBe('x\n');
  });

  it('the ledger is renamed after every other file, whatever the order given', () => {
    const d = tempDir();
    fault.renames.length = 0;
    writeFilesAtomic([
      { path: join(d, 'ledger.csv'), content: 'l\n', ledger: true },
      { path: join(d, 'a.csv'), content: 'a\n' },
      { path: join(d, 'b.csv'), content: 'b\n' },
    ]);
    expect(fault.renames).toEqual([join(d, 'a.csv'), join(d, 'b.csv'), join(d, 'ledger.csv')]);
  });

  it('a full disk while writing the second file: no output replaced, no temporary file left (unit)', () => {
    const d = tempDir();
    write(d, 'a.csv', 'old a\n');
    write(d, 'ledger.csv', 'old ledger\n');
    fault.renames.length = 0;
    fault.failContaining = 'NEW B';
    try {
      expect(() =>
        writeFilesAtomic([
          { path: join(d, 'a.csv'), content: 'NEW A\n'.repeat(1000) },
          { path: join(d, 'sub', 'b.csv'), content: 'NEW B\n'.repeat(1000) },
          { path: join(d, 'ledger.csv'), content: 'NEW L\n', ledger: true },
        ]),
      ).toThrow(`${join(d, 'sub', 'b.csv')}: cannot write (ENOSPC)`);
    } finally {
      fault.failContaining = undefined;
    }
    expect(fault.renames).toEqual([]);
    expect(readdirSync(d).sort()).toEqual(['a.csv', 'ledger.csv']); // the folder it made is gone too
    expect(read(join(d, 'a.csv'))).toBe('old a\n');
  });

  const canMount = (() => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
    const probe = tempDirs('skilltax-mount-probe-')();
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    if (m.status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  })();
  const mounted: string[] = [];
  afterAll(() => {
    for (const m of mounted) spawnSync('umount', [m]);
  });

  it.skipIf(!canMount)('a real full disk (a 256 KiB tmpfs): exit 2, the old report and ledger intact, no partial file', () => {
    const src = tempDir();
    const data = deductData(src, { count: 200 });
    const small = tempDir();
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', small]).status).toBe(0);
    mounted.push(small);
    const ledger = write(small, 'ledger.csv', read(data.ledger));
    const out = write(small, 'deductions.csv', 'old report\n');
    const r = cli(deductArgs(data, '--ledger', ledger, '--ledger-out', ledger, '--out', out, '--from', '2020', '--to', '2099', '--quiet'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^skilltax: .*: cannot write \(ENOSPC\)\n$/);
    expect(read(out)).toBe('old report\n');
    expect(read(ledger)).toBe(read(data.ledger));
    expect(readdirSync(small).sort()).toEqual(['deductions.csv', 'ledger.csv']);
  });

  it('SIGTERM, SIGINT, SIGHUP: exit 143 / 130 / 129 (or killed by it, before the run began), no temporary file and no lock left, each output old or new; while writing: the set completed first', async () => {
    const d = tempDir();
    const data = deductData(d, { count: 150 });
    const oldLedger = read(data.ledger);
    const out = join(d, 'deductions.csv');
    write(d, 'deductions.csv', 'old\n');
    const args = deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.ledger, '--out', out, '--from', '2020', '--to', '2099', '--quiet');
    const outcomes: string[] = [];
    for (const [signal, status, delay] of [
      ['SIGTERM', 143, 100],
      ['SIGINT', 130, 200],
      ['SIGTERM', 143, 300],
      ['SIGHUP', 129, 400],
      ['SIGTERM', 143, 'writing'],
      ['SIGINT', 130, 'writing'],
    ] as const) {
      const run = start(args);
      let sent = false;
      const send = () => {
        if (!sent) run.child.kill(signal);
        sent = true;
      };
      // 'writing': the moment the first temporary file appears (any naming)
      const watcher = watch(d, (_e, name) => delay === 'writing' && name && /^\.(deductions|ledger)\.csv\./.test(String(name)) && send());
      if (delay !== 'writing') await sleep(delay);
      if (delay !== 'writing') send();
      const r = await run.done;
      watcher.close();
      expect(sent, `${signal} at ${delay}: sent`).toBe(true);
      outcomes.push(r.signal ?? String(r.status));
      if (r.signal === null) expect([status, 1], r.stderr).toContain(r.status);
      else expect(r.signal).toBe(signal);
      expect(tempFiles(d)).toEqual([]);
      expect(lockLeftovers(d)).toEqual([]);
      const report = read(out);
      const ledger = read(data.ledger);
      if (r.status === 1) expect(ledger).not.toBe(oldLedger);
      if (ledger !== oldLedger) expect(report).not.toBe('old\n'); // the ledger is renamed last
      if (delay === 'writing') expect([report === 'old\n' ? 'old' : 'new', ledger === oldLedger ? 'old' : 'new', r.status]).toEqual(['new', 'new', status]);
      write(d, 'deductions.csv', 'old\n');
      write(d, 'ledger.csv', oldLedger);
    }
    expect(outcomes.filter((o) => o !== '1').length, outcomes.join(' ')).toBeGreaterThan(0);
  });

  it('SIGINT while waiting for the lock: exit 130, the holder keeps its lock', async () => {
    const d = tempDir();
    const data = deductData(d, { count: 3 });
    const holder = await holdLock(data.ledger);
    try {
      const run = start(deductArgs(data, '--ledger', data.ledger, '--ledger-out', data.ledger));
      await sleep(400);
      run.child.kill('SIGINT');
      const r = await run.done;
      expect(r.status).toBe(130);
      expect(JSON.parse(read(join(d, 'ledger.csv.lock', 'holder')))).toMatchObject({ pid: holder.pid });
      expect(tempFiles(d)).toEqual([]);
    } finally {
      await holder.stop();
    }
  });

  it('killed between two renames (reports new, ledger old): running again gives what one uninterrupted run gives', () => {
    const clean = tempDir();
    const killed = tempDir();
    const a = deductData(clean, { count: 20 });
    const b = deductData(killed, { count: 20 });
    const args = (x: DeductData, dir: string) => deductArgs(x, '--ledger', x.ledger, '--ledger-out', x.ledger, '--out', join(dir, 'deductions.csv'), '--from', '2020', '--to', '2030', '--quiet');
    expect(cli(args(a, clean)).status).toBe(0);
    // The state a kill after the report's rename and before the ledger's leaves:
    write(killed, 'deductions.csv', read(join(clean, 'deductions.csv')));
    expect(cli(args(b, killed)).status).toBe(0);
    expect(read(join(killed, 'deductions.csv'))).toBe(read(join(clean, 'deductions.csv')));
    expect(read(b.ledger)).toBe(read(a.ledger));
  });
});
