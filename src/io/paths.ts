/**
 * Where an output really goes, and whether it would replace an input of the same run.
 *
 * An output path is followed through symbolic links (a link stays a link: its final target is
 * written); an existing file is taken by its real path, a new one by the real path of its folder.
 * Two paths are the same file when they resolve to the same real path or, both existing, have
 * the same device and inode (a hard link).
 */
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { t } from '../i18n/index.js';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code;
/** Not there (a part of the path that should be a folder is a file: making the folder will say so). */
const absent = (e: unknown) => code(e) === 'ENOENT' || code(e) === 'ENOTDIR';

/** The real path of a folder that may not exist yet: its nearest existing ancestor's real path, then the rest. */
function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch (e) {
    if (!absent(e)) throw e;
    const parent = dirname(dir);
    return parent === dir ? dir : join(realFolder(parent), basename(dir));
  }
}

/**
 * The file an output path writes: symbolic links followed to their final target (which may not
 * exist yet: a dangling link is written through, creating its target), folders by their real path.
 */
export function resolveTarget(path: string): string {
  let p = resolve(path);
  try {
    for (let hops = 0; hops < 40; hops++) {
      let st;
      try {
        st = lstatSync(p);
      } catch (e) {
        if (absent(e)) return join(realFolder(dirname(p)), basename(p));
        throw e;
      }
      if (!st.isSymbolicLink()) return realpathSync(p);
      p = resolve(dirname(p), readlinkSync(p));
    }
  } catch (e) {
    throw new UsageError(t('io.out.cannotBeWritten', { path, reason: code(e) ?? (e as Error).message }));
  }
  throw new UsageError(t('io.out.symlinkLoop', { path }));
}

/** A path the run reads or writes, and how to name it in a message ("the --payroll input"). */
export interface NamedPath {
  path: string;
  what: string;
}

/** An output, and the one input it may replace (the in-place ledger: --ledger F --ledger-out F). */
export interface OutputPath extends NamedPath {
  mayReplace?: string;
}

interface Identity {
  real: string;
  inode?: string;
}

function identity(path: string, real: string): Identity {
  try {
    const st = statSync(path);
    return { real, inode: `${st.dev}:${st.ino}` };
  } catch {
    return { real };
  }
}

const same = (a: Identity, b: Identity) => a.real === b.real || (a.inode !== undefined && a.inode === b.inode);

function inputIdentity(path: string): Identity | undefined {
  try {
    return identity(path, realpathSync(path));
  } catch {
    return undefined; // not there: loading it will say so
  }
}

/**
 * Refuses (UsageError, before anything is read or written) an output that is a folder, one that
 * is an input of the same run (other than the input it may replace), and two outputs that are
 * one file. Standard input (`-`) and absent inputs are no files.
 */
export function checkOutputs(outputs: readonly OutputPath[], inputs: readonly (NamedPath | { path?: undefined; what: string })[]): void {
  const ins = inputs.flatMap((i) => {
    if (i.path === undefined || i.path === '-') return [];
    const id = inputIdentity(i.path);
    return id ? [{ ...i, path: i.path, id }] : [];
  });
  const outs: { o: OutputPath; id: Identity }[] = [];
  for (const o of outputs) {
    const real = resolveTarget(o.path);
    let folder = false;
    try {
      folder = statSync(real).isDirectory();
    } catch {
      // a new file
    }
    if (folder) throw new UsageError(t('io.out.isFolder', { path: o.path }));
    const id = identity(real, real);
    const via = (x: Identity) => (resolve(o.path) === x.real ? '' : t('io.out.resolvesTo', { path: o.path, real: x.real }));
    for (const i of ins) {
      if (!same(id, i.id)) continue;
      const allowed = o.mayReplace !== undefined && ins.some((m) => m.path === o.mayReplace && same(m.id, i.id));
      if (allowed) continue;
      throw new UsageError(t('io.out.replacesInput', { what: o.what, path: o.path, inputWhat: i.what, input: i.path, via: via(i.id), nothing: t('common.nothingWritten') }));
    }
    const twin = outs.find((x) => same(x.id, id));
    if (twin) throw new UsageError(t('io.out.twoOutputs', { path: o.path, firstWhat: twin.o.what, first: twin.o.path, what: o.what }));
    outs.push({ o, id });
  }
}
