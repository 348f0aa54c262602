/**
 * The layer rules (.dependency-cruiser.cjs, README "How the code is organised") hold for src/,
 * and they are not vacuous: the same rules catch each kind of violation in test/layers-fixture.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

function cruise(dir: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), dir, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: r.status, text: r.stdout + r.stderr };
}

describe('layers (dependency-cruiser)', () => {
  it('src/ has no dependency violation', () => {
    const r = cruise('src');
    expect(r.text).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });

  it('the rules catch a domain module importing io, io importing a calculator, a calculator reading a file', () => {
    const r = cruise('test/layers-fixture/src');
    expect(r.status).not.toBe(0);
    expect(r.text).toMatch(/error domain-imports-nothing-of-ours: test\/layers-fixture\/src\/domain\/vocabulary\.ts → test\/layers-fixture\/src\/io\/reader\.ts/);
    expect(r.text).toMatch(/error io-imports-no-calculator: test\/layers-fixture\/src\/io\/reader\.ts → test\/layers-fixture\/src\/calculators\/compute\.ts/);
    expect(r.text).toMatch(/error pure-layers-touch-no-file: test\/layers-fixture\/src\/calculators\/compute\.ts → fs/);
  });
});
