/**
 * Measuring one process for the benchmarks (bench/bench.mjs, bench/xlsx.mjs), without GNU time:
 * the child runs as `node --import bench/rusage.mjs SCRIPT …` and reports its own resource usage
 * on exit; the wall time is taken here around the process (spawn to exit, Node's start-up
 * included).
 *
 * Peak RSS caveat (Linux): a child's peak RSS starts from the RSS of the process that forked it
 * (the kernel carries the parent's resident size over fork and exec), so the measuring process
 * must stay small: generate data and hash outputs elsewhere or in bounded buffers. Each result
 * carries `parentRssKiB`, the measuring process's RSS at the spawn, as the floor of `maxRssKiB`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The environment variable naming the file bench/rusage.mjs writes. */
export const RUSAGE_ENV = 'SKILLTAX_BENCH_RUSAGE';
const RUSAGE_MODULE = new URL('./rusage.mjs', import.meta.url).href;
let serial = 0;

/** VmHWM (peak RSS, KiB) of a live process from /proc, or undefined (not Linux, or gone). */
function procPeakKiB(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `node --import bench/rusage.mjs script ...args` and resolves when it exits, with
 *   wall (s, float), cpu/user/system (s; undefined when the process wrote no usage: killed or
 *   aborted), maxRssKiB (from the process's own getrusage; for a process that wrote none, the
 *   last VmHWM sampled from /proc every 200 ms, with `rssSampled: true`), exit (code or null),
 *   signal (or null), timedOut (boolean), parentRssKiB (this process's RSS at the spawn).
 * stdout/stderr: file paths receiving the child's streams (default: discarded). timeoutS:
 * the child is killed (SIGKILL) after that many seconds. Never rejects for a failing child.
 */
export function measure(script, args, { stdout, stderr, timeoutS, cwd } = {}) {
  const usageFile = join(tmpdir(), `skilltax-bench-rusage-${process.pid}-${++serial}.json`);
  rmSync(usageFile, { force: true });
  const outFd = stdout ? openSync(stdout, 'w') : 'ignore';
  const errFd = stderr ? openSync(stderr, 'w') : 'ignore';
  const parentRssKiB = Math.round(process.memoryUsage.rss() / 1024);
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', RUSAGE_MODULE, script, ...args], {
    cwd,
    stdio: ['ignore', outFd, errFd],
    env: { ...process.env, [RUSAGE_ENV]: usageFile },
  });
  if (typeof outFd === 'number') closeSync(outFd);
  if (typeof errFd === 'number') closeSync(errFd);
  let sampled;
  const poll = setInterval(() => {
    const kib = procPeakKiB(child.pid);
    if (kib !== undefined) sampled = Math.max(sampled ?? 0, kib);
  }, 200);
  let timedOut = false;
  const timer = timeoutS ? setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutS * 1000) : undefined;
  return new Promise((resolvePromise) => {
    const done = (exit, signal) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      let usage;
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      } catch {
        usage = undefined;
      }
      rmSync(usageFile, { force: true });
      resolvePromise({
        wall,
        cpu: usage ? (usage.userCpuUs + usage.systemCpuUs) / 1e6 : undefined,
        user: usage ? usage.userCpuUs / 1e6 : undefined,
        system: usage ? usage.systemCpuUs / 1e6 : undefined,
        maxRssKiB: usage ? usage.maxRssKiB : sampled,
        rssSampled: !usage && sampled !== undefined,
        exit,
        signal,
        timedOut: timedOut && !usage, // a process that wrote its usage had finished when the timer fired
        parentRssKiB,
      });
    };
    child.on('error', () => done(null, null));
    child.on('exit', done);
  });
}

/** SHA-256 (hex) of a file, read in 1 MiB pieces so the measuring process stays small. */
export function sha256File(path) {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
