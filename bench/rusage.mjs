/**
 * Preloaded by the benchmark into every process it measures: `node --import bench/rusage.mjs
 * SCRIPT …` with SKILLTAX_BENCH_RUSAGE=FILE in the environment writes, when the process exits,
 * the process's own resource usage (process.resourceUsage(): getrusage(RUSAGE_SELF), all threads)
 * to FILE as one line of JSON:
 *   { "maxRssKiB": peak resident set size in KiB, "userCpuUs": user CPU in µs,
 *     "systemCpuUs": system CPU in µs, "exitCode": the exit code passed to 'exit' }
 * Nothing goes to standard output or standard error, so the measured program's output is
 * untouched. A process killed by a signal or aborted by V8 (out of memory) writes nothing: the
 * benchmark reports that run as failed. Without the variable this module does nothing.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.SKILLTAX_BENCH_RUSAGE;
// Workers may preload this module too: only the main thread's exit is the process's exit.
if (file && isMainThread) {
  process.on('exit', (code) => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: u.maxRSS, userCpuUs: u.userCPUTime, systemCpuUs: u.systemCPUTime, exitCode: code }) + '\n');
  });
}
