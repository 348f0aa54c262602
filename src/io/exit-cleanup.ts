/**
 * What a run must undo however it ends: temporary files not yet renamed and ledger locks held.
 * Normal ends and errors undo them where they happen (csv-out, lock); this module covers
 * SIGINT, SIGTERM and SIGHUP: its handlers undo everything registered, then exit with the
 * conventional status 128 + the signal's number (130, 143, 129).
 *
 * JavaScript sees a signal only between two turns of the event loop, never in the middle of
 * synchronous work: a signal that arrives while a set of files is written (synchronously) is
 * handled after the set is complete, so it never splits one. The commands call `signalPoint()`
 * after computing (a signal then stops the run before anything is written) and after writing.
 */
import { constants } from 'node:os';

type Undo = () => void;

const pending = new Set<Undo>();
let installed = false;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function runAll(): void {
  for (const undo of [...pending]) {
    pending.delete(undo);
    try {
      undo();
    } catch {
      // Best effort: the process is ending.
    }
  }
}

function onSignal(signal: (typeof SIGNALS)[number]): void {
  runAll();
  process.exit(128 + (constants.signals[signal] ?? 0));
}

/** Installs the signal handlers once (before the first temporary file or lock exists). */
export function installSignalCleanup(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, () => onSignal(s));
  process.on('exit', runAll);
}

/** Lets a signal that arrived during synchronous work be handled now (its handler exits). */
export function signalPoint(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Registers something to undo on a signal; the returned function unregisters it (the work was done or undone). */
export function onAbort(undo: Undo): () => void {
  installSignalCleanup();
  pending.add(undo);
  return () => {
    pending.delete(undo);
  };
}
