/**
 * The lock on a ledger that a run writes (README "Guarantees"): taken before any input is
 * read, held until the new ledger has been renamed into place, so two runs that update one
 * ledger never lose an update.
 *
 * The lock is proper-lockfile's: a folder `LEDGER.lock` beside the ledger's real path (made with
 * mkdir, atomic on local and network file systems), its mtime refreshed while held. Inside it,
 * the file `holder` says who holds it (pid, host, start time, since when, the command), so that
 * a waiting run can name the holder and tell a dead one from a live one.
 *
 * Stale locks: a lock whose holder process on this host is gone (killed, crashed) is taken over
 * at once, through a second, short-lived proper-lockfile lock (`LEDGER.lock.break`) so that two
 * waiters never both break the lock and one removes the other's new lock. A lock held from
 * another host, or with no holder recorded, is stale by proper-lockfile's own rule: not
 * refreshed for STALE_MS. A live holder on this host is never taken over, however long its
 * event loop is busy: the removal proper-lockfile makes goes through `removeIfNotAnothers`.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { RefusedError, UsageError } from '../domain/errors.js';
import { t } from '../i18n/index.js';
import { installSignalCleanup, onAbort } from './exit-cleanup.js';
import { resolveTarget } from './paths.js';
import { HOST, processAlive, SELF_START } from './process-id.js';

/** A lock not refreshed for this long, held from another host or with no holder recorded, is stale. */
export const STALE_MS = 2 * 60 * 1000;
/** How often the holder refreshes the lock's mtime. */
const UPDATE_MS = 10 * 1000;
const HOLDER = 'holder';

export interface Holder {
  pid: number;
  host: string;
  /** The process's start (see process-id): tells a reused pid from the holder. */
  start: string;
  /** When the lock was taken, ISO 8601 UTC. */
  since: string;
  command: string;
  /** Unique to this taking of the lock. */
  token: string;
}

/** The files of the lock, by the file it protects (already resolved by resolveTarget). */
const lockDirOf = (target: string) => `${target}.lock`;

/** The holder file first (proper-lockfile removes a lock folder with rmdir, which needs it empty), then the folder. */
function removeLockDir(dir: string): void {
  for (const name of readdirSync(dir)) if (name === HOLDER || name.startsWith(`.${HOLDER}.`)) unlinkSync(join(dir, name));
  rmdirSync(dir);
}

/** The tokens of the locks this process has taken. */
const ownTokens = new Set<string>();

/**
 * The removal proper-lockfile makes (release, release on exit, its own stale limit): only a lock
 * of this process, one with no holder recorded, or one that `staleness` finds stale. Anything
 * else is another run's live lock (this process's lock was taken over): left alone, as locked.
 */
function removeIfNotAnothers(dir: string): void {
  const h = readHolder(dir);
  if (h && !ownTokens.has(h.token) && staleness(dir, h) === undefined) throw Object.assign(new Error(`${dir}: held by another run`), { code: 'ELOCKED' });
  removeLockDir(dir);
}

const lockFs = {
  ...fs,
  rmdir: (dir: string, cb: (e: NodeJS.ErrnoException | null) => void) => {
    try {
      removeIfNotAnothers(dir);
      cb(null);
    } catch (e) {
      cb(e as NodeJS.ErrnoException);
    }
  },
  rmdirSync: removeIfNotAnothers,
};

function readHolder(dir: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(join(dir, HOLDER), 'utf8')) as Holder;
    return typeof h.pid === 'number' && typeof h.host === 'string' && typeof h.token === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the holder file inside the lock folder, keeping the folder's mtime (proper-lockfile checks it is its own). */
function writeHolder(dir: string, h: Holder): void {
  const st = statSync(dir);
  const tmp = join(dir, `.${HOLDER}.${process.pid}`);
  writeFileSync(tmp, JSON.stringify(h) + '\n');
  renameSync(tmp, join(dir, HOLDER));
  utimesSync(dir, st.atime, st.mtime);
}

/** Why the lock in `dir` may be taken over now, or undefined while its holder may be at work. */
function staleness(dir: string, h: Holder | undefined, now = Date.now()): string | undefined {
  if (h && h.host === HOST) return processAlive(h.pid, h.start) ? undefined : `its holder, pid ${h.pid}, is gone`;
  let mtime: number;
  try {
    mtime = statSync(dir).mtimeMs;
  } catch {
    return undefined; // released meanwhile: the next try takes it
  }
  return now - mtime > STALE_MS ? `not refreshed for ${Math.round((now - mtime) / 1000)} s` : undefined;
}

/** Takes over a stale lock, if it is still the one judged stale; whether it did. */
async function breakStale(dir: string, judged: Holder | undefined): Promise<boolean> {
  let release: (() => Promise<void>) | undefined;
  try {
    release = await lockfile.lock(dir, { realpath: false, lockfilePath: `${dir}.break`, stale: 10_000, retries: 0, onCompromised: () => undefined });
  } catch {
    return false; // another run is breaking it
  }
  try {
    const now = readHolder(dir);
    if (now?.token !== judged?.token || staleness(dir, now) === undefined) return false;
    const aside = `${dir}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    renameSync(dir, aside);
    removeLockDir(aside);
    return true;
  } catch {
    return false; // gone meanwhile
  } finally {
    await release().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function describeHolder(dir: string): string {
  const h = readHolder(dir);
  if (h) return t('io.lock.holder', { pid: h.pid, host: h.host, since: h.since, command: h.command });
  let refreshed: string | undefined;
  try {
    refreshed = iso(statSync(dir).mtimeMs);
  } catch {
    // released meanwhile
  }
  return t('io.lock.noHolder', refreshed !== undefined ? { refreshed } : {});
}

export interface LedgerLock {
  /** The ledger file locked (symbolic links followed). */
  readonly target: string;
  /** Throws RefusedError when the lock is no longer ours (taken over as stale): nothing may be renamed then. */
  assertHeld(): void;
  release(): Promise<void>;
}

export interface LockRequest {
  /** Seconds to wait for another run's lock (--lock-timeout). */
  timeoutSeconds: number;
  /** What the holder file says this run is ("skilltax deduct"). */
  command: string;
}

/**
 * Locks the ledger file `path` (the file a run writes; symbolic links followed; it need not
 * exist yet). Waits up to `timeoutSeconds` for another run's lock, then throws RefusedError
 * naming the holder. The folder of the ledger is made if needed (and removed again on release
 * if the run left it empty).
 */
export async function lockLedger(path: string, req: LockRequest): Promise<LedgerLock> {
  // A signal while waiting ends the run at once (exit 128 + n), nothing to undo yet.
  installSignalCleanup();
  const target = resolveTarget(path);
  const dir = lockDirOf(target);
  let madeFolder: string | undefined;
  try {
    madeFolder = mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    throw new UsageError(t('io.out.cannotCreateFolder', { path, folder: dirname(path), code: String((e as NodeJS.ErrnoException).code) }));
  }
  const removeMadeFolder = () => {
    if (madeFolder === undefined) return;
    for (let d = dirname(target); ; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
      if (d === madeFolder || dirname(d) === d) break;
    }
  };

  const started = Date.now();
  const deadline = started + req.timeoutSeconds * 1000;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  let delay = 25;
  let triedAtDeadline = false;
  // proper-lockfile makes the lock folder, then still checks it before its promise settles: a
  // signal in between must remove the folder this run made (and only that one).
  let madeLock = false;
  const attemptFs = {
    ...lockFs,
    // Synchronous, so that no mkdir is in flight when a signal is handled (an in-flight one
    // could make the folder after the handler looked and left).
    mkdir: (p: string, ...rest: unknown[]) => {
      const cb = rest.pop() as (e: NodeJS.ErrnoException | null) => void;
      let err: NodeJS.ErrnoException | null = null;
      try {
        mkdirSync(p);
        if (p === dir) madeLock = true;
      } catch (e) {
        err = e as NodeJS.ErrnoException;
      }
      process.nextTick(() => cb(err));
    },
  };
  const unregisterEarly = onAbort(() => {
    if (madeLock) removeLockDir(dir);
    removeMadeFolder();
  });
  for (;;) {
    try {
      madeLock = false;
      release = await lockfile.lock(target, {
        realpath: false,
        lockfilePath: dir,
        stale: STALE_MS,
        update: UPDATE_MS,
        retries: 0,
        fs: attemptFs,
        onCompromised: (e) => {
          compromised = e;
        },
      });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') {
        unregisterEarly();
        removeMadeFolder();
        throw new UsageError(t('io.lock.cannotLock', { path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
      }
    }
    const holder = readHolder(dir);
    if (staleness(dir, holder) !== undefined && (await breakStale(dir, holder))) continue;
    const now = Date.now();
    if (now >= deadline) {
      // The holder records itself just after taking the lock: give it a moment to, and if the
      // lock was released meanwhile, try once more.
      for (let i = 0; i < 50 && !readHolder(dir) && existsSync(dir); i++) await sleep(20);
      if (!existsSync(dir) && !triedAtDeadline) {
        triedAtDeadline = true;
        continue;
      }
      unregisterEarly();
      removeMadeFolder();
      const waited = req.timeoutSeconds > 0 ? t('io.lock.waited', { seconds: Math.round((now - started) / 1000), timeout: req.timeoutSeconds }) : t('io.lock.didNotWait');
      throw new RefusedError(t('io.lock.locked', { path, holder: describeHolder(dir), waited, dir, nothing: t('common.nothingWritten') }));
    }
    await sleep(Math.min(delay * (0.5 + Math.random()), deadline - now));
    delay = Math.min(delay * 2, 500);
  }

  const token = `${HOST}:${process.pid}:${SELF_START}:${randomBytes(6).toString('hex')}`;
  const holder: Holder = { pid: process.pid, host: HOST, start: SELF_START, since: iso(Date.now()), command: req.command, token };
  // From here on, a signal removes the lock before the process ends.
  ownTokens.add(token);
  const unregister = onAbort(() => {
    removeIfNotAnothers(dir);
    removeMadeFolder();
  });
  unregisterEarly();
  try {
    writeHolder(dir, holder);
  } catch (e) {
    unregister();
    await release().catch(() => undefined);
    removeMadeFolder();
    throw new UsageError(t('io.lock.cannotLock', { path, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }

  let released = false;
  return {
    target,
    assertHeld() {
      if (compromised || readHolder(dir)?.token !== token) {
        throw new RefusedError(t('io.lock.takenOver', { path, seconds: STALE_MS / 1000, nothing: t('common.nothingWritten') }));
      }
    },
    async release() {
      if (released) return;
      released = true;
      // A lock taken over is not released: that would remove the new holder's lock. The signal
      // undo stays registered until the release is done: a signal meanwhile still removes the lock.
      if (!compromised && readHolder(dir)?.token === token) await release().catch(() => undefined);
      unregister();
      removeMadeFolder();
    },
  };
}
