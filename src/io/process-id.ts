/**
 * Who a process is, as written into temporary file names and lock holder files, and whether a
 * process named there is still running: the host (a short tag of its name), the pid and the
 * process's start (Linux: the start time in clock ticks from /proc, which tells a reused pid
 * from the original; elsewhere the start of this Node process in milliseconds).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** The host's name, and 8 hex digits of its hash for file names. */
export const HOST = hostname();
export const HOST_TAG = createHash('sha256').update(HOST).digest('hex').slice(0, 8);

/** The start time of a process from /proc (Linux), or undefined (no /proc, no such process). */
export function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses; starttime is field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return start && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

/** This process's start: /proc's start time where there is one, else the Node process's start in ms. */
export const SELF_START = procStart(process.pid) ?? String(Math.round(performance.timeOrigin));

/**
 * Whether the process (pid, start) of this host still runs. A pid that runs with another start
 * time was reused: the process named is gone. Without /proc, a running pid counts as alive.
 */
export function processAlive(pid: number, start: string): boolean {
  if (pid === process.pid) return start === SELF_START;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it runs, as another user.
  }
  // On this host the start was written the way SELF_START is: from /proc when there is one.
  const now = procStart(pid);
  return now === undefined ? true : now === start;
}
