/**
 * For the file-safety, crash and concurrency suites: generated deduct inputs of any size, the
 * built CLI run asynchronously (to kill it or run several at once), the temporary files and lock
 * folders a run may leave, and the trial counts (bounded in `npm test`, long in `npm run fuzz`).
 */
import { mulberry32 } from '../../scripts/prng.mjs';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withUsccCheck } from '../../src/domain/ids.js';
import { BIN, ROOT } from './cli.js';

const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Enterprise n's 统一社会信用代码 (valid check character; distinct for distinct n). */
export function enterpriseId(n: number): string {
  let body = '';
  let v = n;
  for (let i = 0; i < 7; i++) {
    body = USCC[v % 31] + body;
    v = Math.floor(v / 31);
  }
  return withUsccCheck(`91330282MA${body}`);
}

export interface DeductData {
  payroll: string;
  training: string;
  ledger: string;
  ids: string[];
}

/**
 * Writes payroll.csv, training.csv and ledger.csv for enterprises first … first+count-1 into
 * dir (names prefixed by `prefix`): one payroll and one training row in `year` (below the
 * cap), and an opening balance for the year before (unless `opening: false`: then nothing is
 * carried and another run's rows in a shared ledger are left as they are). Run with `--from year --to T`, every enterprise gets a row in the
 * report and the ledger for each year through T (the carryforward runs on), so a long range
 * makes a large report and ledger from small inputs.
 */
export function deductData(dir: string, o: { first?: number; count: number; year?: number; prefix?: string; opening?: boolean }): DeductData {
  const first = o.first ?? 0;
  const year = o.year ?? 2020;
  const prefix = o.prefix ?? '';
  const ids: string[] = [];
  const payroll = ['enterprise_id,period,wages'];
  const training = ['enterprise_id,date,category,amount'];
  const ledger = ['enterprise_id,kind,period,opening,added,used,closing'];
  for (let n = first; n < first + o.count; n++) {
    const id = enterpriseId(n);
    ids.push(id);
    payroll.push(`${id},${year},${100000 + (n % 977) * 13}.00`);
    training.push(`${id},${year}-03-01,education,${5000 + ((n * 7) % 4000)}.50`);
    if (o.opening !== false) ledger.push(`${id},education_expense,${year - 1},,,,${((n % 500) * 10 + 1000).toFixed(2)}`);
  }
  const file = (name: string, lines: string[]) => {
    const p = join(dir, `${prefix}${name}`);
    writeFileSync(p, lines.join('\n') + '\n');
    return p;
  };
  return { payroll: file('payroll.csv', payroll), training: file('training.csv', training), ledger: file('ledger.csv', ledger), ids };
}

export interface Running {
  child: ChildProcess;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the built CLI without waiting for it. */
export function start(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((res) =>
    child.on('close', (status, signal) => res({ status, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Temporary files of skilltax (this version's and the old `.NAME.tmp-PID-RANDOM`) in a folder. */
export function tempFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => /\.skilltax-tmp-|^\..+\.tmp-\d+-[0-9a-f]{8}$/.test(n));
}

/** Lock folders (LEDGER.lock, LEDGER.lock.break, LEDGER.lock.stale-…) in a folder. */
export function lockLeftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => /\.lock($|\.)/.test(n));
}

/**
 * The number of trials: the environment variable `name` when set, else `long` under
 * SKILLTAX_LONG=1 (`npm run fuzz`), else `short` (`npm test`).
 */
export function trials(name: string, short: number, long: number): number {
  const v = process.env[name];
  if (v !== undefined && /^\d+$/.test(v)) return Number(v);
  return process.env.SKILLTAX_LONG === '1' ? long : short;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A seeded generator (scripts/prng.mjs's mulberry32): trials that can be replayed with the same seed. */
export const seeded = (seed: number): (() => number) => mulberry32(seed);
