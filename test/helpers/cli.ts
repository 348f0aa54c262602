/** Runs the built CLI (dist/, built by `npm test`'s pretest) as a user would, and reads what it says. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'skilltax.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function skilltax(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    // English unless a test asks for a locale: the locale of whoever runs the tests does not count.
    env: { ...process.env, NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Throws, saying how to fix it, when dist/ has not been built (for a beforeAll). */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'index.js'))) throw new Error('build first: npx tsc -p tsconfig.json (npm test does it)');
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  got?: string;
}

/** The FILE:LINE:COLUMN lines of a text (standard error, or validate's output), parsed. */
export function problems(text: string): Problem[] {
  const out: Problem[] = [];
  for (const l of text.split('\n')) {
    const m = /^([^:\s][^:]*):(\d+):(\d+): (.*?)(?: \(got "(.*)"\))?$/.exec(l);
    if (m) out.push({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), message: m[4]!, ...(m[5] !== undefined ? { got: m[5] } : {}) });
  }
  return out;
}

/** [file, line, column, got] of each problem, in the order printed. */
export function where(ps: Problem[]): [string, number, number, string | undefined][] {
  return ps.map((p) => [p.file, p.line, p.column, p.got]);
}

/** An output file a command is given: `--flag dir/name`; with `pre`, the file exists beforehand with that text. */
export interface Output {
  flag: string;
  name: string;
  pre?: string;
}

/**
 * Runs a command that must be refused, with `outputs` added to its arguments in a fresh folder,
 * and checks that the refusal left everything as it was: exit 2, nothing on standard output,
 * each existing output file keeps its text, no other output file appears, and no temporary file
 * is left behind.
 */
export function expectRefused(args: string[], outputs: Output[], opts: { input?: string } = {}): CliResult {
  const dir = mkdtempSync(join(tmpdir(), 'skilltax-refused-'));
  try {
    const paths = outputs.map((o) => join(dir, o.name));
    outputs.forEach((o, i) => {
      if (o.pre !== undefined) writeFileSync(paths[i]!, o.pre);
    });
    const r = skilltax([...args, ...outputs.flatMap((o, i) => [o.flag, paths[i]!])], { input: opts.input });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    outputs.forEach((o, i) => {
      if (o.pre !== undefined) expect(readFileSync(paths[i]!, 'utf8')).toBe(o.pre);
      else expect(existsSync(paths[i]!)).toBe(false);
    });
    const existing = outputs.filter((o) => o.pre !== undefined).map((o) => o.name);
    expect(readdirSync(dir).sort()).toEqual(existing.sort()); // no temporary file left behind
    return r;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
