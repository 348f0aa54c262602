/**
 * The subsidy benchmark's data (bench/generate-claims.mjs, issue #13) and the decisions on it:
 * the generator is deterministic and exercises every reason, the rules across claims and the
 * history; a claim explained is decided exactly as without --explain (the explained claim has a
 * tracer of its own, the others share one); decisions do not depend on the order of the rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClaims } from '../bench/generate-claims.mjs';
import { mulberry32 } from '../scripts/prng.mjs';
import { computeTrainingSubsidy, REASONS, trainingSubsidy, type Decision } from '../src/calculators/training-subsidy.js';
import { loadCalculatorInputs } from '../src/engine/index.js';
import { Rules } from '../src/rules/index.js';
import { tempDirs } from './helpers/files.js';

const tempDir = tempDirs('skilltax-subsidy-scale-');
const CLAIMS = 4000;

/** The inputs of a folder, and a function deciding them (explaining one claim, or none). */
async function loadDir(dir: string) {
  const paths = Object.fromEntries(trainingSubsidy.inputs.map((i) => [i.flag, join(dir, i.file)]));
  const inputs = await loadCalculatorInputs(trainingSubsidy, paths, undefined, { encoding: 'auto', maxErrors: 100 });
  const rules = new Rules();
  return (explain?: string) => computeTrainingSubsidy({ ...inputs, trainees: inputs.trainees!, catalog: inputs.catalog! }, { rules, range: {}, force: false, paths, ...(explain ? { explain } : {}) });
}
const decideDir = async (dir: string) => (await loadDir(dir))();

const brief = (d: Decision) => [d.claim.claim_id, d.status, d.amount, d.reasons.join(';'), d.refs.join(';'), d.paidMonths ?? ''].join('|');

describe('bench/generate-claims.mjs', () => {
  const dir = tempDir();
  const manifest = generateClaims(CLAIMS, dir);

  it('writes the same files for the same arguments, a history of 20–30% as many rows as claims', () => {
    const again = tempDir();
    expect(generateClaims(CLAIMS, again)).toEqual(manifest);
    for (const f of Object.keys(manifest.files)) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
    expect(manifest.claims).toBe(CLAIMS);
    expect(manifest.files['trainees.csv'].rows).toBe(CLAIMS);
    const h = manifest.files['history.csv'].rows / CLAIMS;
    expect(h).toBeGreaterThanOrEqual(0.2);
    expect(h).toBeLessThanOrEqual(0.3);
    expect(manifest.persons).toBeLessThan(CLAIMS * 0.7); // persons claim several times
  });

  it('exercises every reason, every program eligible and not, and persons paid before', async () => {
    const r = await decideDir(dir);
    expect(r.decisions).toHaveLength(CLAIMS);
    const reasons = new Set(r.decisions.flatMap((d) => d.reasons));
    expect([...REASONS].filter((x) => !reasons.has(x))).toEqual([]);
    const outcomes = new Set(r.decisions.map((d) => `${d.claim.program} ${d.status}`));
    for (const p of ['training', 'skill_upgrade', 'apprenticeship', 'work_based', 'shortage_post']) {
      expect(outcomes).toContain(`${p} eligible`);
      expect(outcomes).toContain(`${p} ineligible`);
    }
    // a claim past its months paid in part; earlier payments from the history cited
    expect(r.decisions.some((d) => d.status === 'eligible' && d.reasons.includes('duration_exceeded'))).toBe(true);
    const history = readFileSync(join(dir, 'history.csv'), 'utf8');
    expect(r.decisions.filter((d) => history.includes(d.claim.person_id)).length).toBeGreaterThan(CLAIMS / 10);
  });

  it('a claim explained is decided as it is without --explain (one of each program, outcome and reasons)', async () => {
    const decide = await loadDir(dir);
    const plain = decide();
    const byId = new Map(plain.decisions.map((d) => [d.claim.claim_id, d]));
    const seen = new Set<string>();
    const sample = plain.decisions.filter((d) => {
      const k = `${d.claim.program} ${d.status} ${d.reasons.join(';')}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    expect(sample.length).toBeGreaterThan(40);
    for (const d of sample.slice(0, 40)) {
      const r = decide(d.claim.claim_id);
      expect(r.trace?.subject).toBe(d.claim.claim_id);
      const traced = r.decisions.find((x) => x.trace !== undefined)!;
      expect(brief(traced)).toBe(brief(d));
      // every other claim is decided as before
      expect(r.decisions.every((x) => brief(x) === brief(byId.get(x.claim.claim_id)!))).toBe(true);
    }
  });

  it('the same decisions whatever the order of the claims and history rows', async () => {
    const shuffledDir = tempDir();
    const rnd = mulberry32(13);
    for (const f of Object.keys(manifest.files)) {
      const [head, ...rows] = readFileSync(join(dir, f), 'utf8').trimEnd().split('\n');
      for (let i = rows.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [rows[i], rows[j]] = [rows[j]!, rows[i]!];
      }
      writeFileSync(join(shuffledDir, f), [head, ...rows].join('\n') + '\n');
    }
    const a = await decideDir(dir);
    const b = await decideDir(shuffledDir);
    // rule_refs cite catalogue and history lines, which moved: compare the outcomes
    const outcome = (d: Decision) => [d.claim.claim_id, d.status, d.amount, d.reasons.join(';'), d.paidMonths ?? ''].join('|');
    expect(b.decisions.map(outcome)).toEqual(a.decisions.map(outcome));
    expect(b.summary).toEqual(a.summary);
    expect(b.totals).toEqual(a.totals);
  });
});
