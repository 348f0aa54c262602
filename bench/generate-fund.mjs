#!/usr/bin/env node
/**
 * Synthetic, deterministic inputs for the `skilltax match` benchmark (issue #15):
 * `node bench/generate-fund.mjs [certificates] [months] [dir]` writes into dir (default
 * bench/data-fund, git-ignored)
 *   - certificates.csv: `certificates` certificates (skill_level, levels 1–5, dated 2023–2024) of
 *     about 0.8 × certificates persons;
 *   - insurance.csv: about `months` unemployment-insurance months (one row per person and month)
 *     of those persons, in month order (the export order of the social-insurance system: the
 *     hardest for a reader that aggregates per person), some changing employer, some with gaps;
 *   - trainees.csv: skill_upgrade claims for a fifth of the certificates (those are not matched);
 *   - catalog.csv: skill_upgrade per level.
 * and returns the manifest `{ files: { name: { rows, bytes } }, … }`. The same arguments always
 * give byte-identical files (mulberry32, no clock). Needs the build for the check characters.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../scripts/prng.mjs';
import { enterpriseId } from './generate.mjs';
import { counted } from './generate-claims.mjs';

export const DEFAULT_CERTIFICATES = 500_000;
export const DEFAULT_MONTHS = 20_000_000;
export const DEFAULT_FUND_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data-fund');
const SEED = 20241231;
const GENERATOR_VERSION = 1;

const { personIdCheckChar } = await import(new URL('../dist/domain/ids.js', import.meta.url).href);

const pad = (n, w) => String(n).padStart(w, '0');

/** The n-th person's 身份证号: 330282, a birth date 1965–2002, a sequence, the check character. */
function personId(n, rnd) {
  const y = 1965 + Math.floor(rnd() * 38);
  const m = 1 + Math.floor(rnd() * 12);
  const d = 1 + Math.floor(rnd() * 28);
  const first17 = `330282${y}${pad(m, 2)}${pad(d, 2)}${pad(n % 1000, 3)}`;
  return first17 + personIdCheckChar(first17);
}

export function generateFund(certificates = DEFAULT_CERTIFICATES, months = DEFAULT_MONTHS, dir = DEFAULT_FUND_DIR) {
  mkdirSync(dir, { recursive: true });
  const rnd = mulberry32(SEED);
  const persons = Math.max(1, Math.round(certificates * 0.8));
  const ids = Array.from({ length: persons }, (_, i) => personId(i, rnd));
  const employers = Array.from({ length: Math.max(10, Math.ceil(persons / 40)) }, (_, i) => enterpriseId(i));
  const occupations = ['电工', '焊工', '车工', '钳工', '数控车工', '中式烹调师', '育婴员', '保育员', '养老护理员', '电子商务师'];

  const catalog = counted(join(dir, 'catalog.csv'));
  catalog.line('program,occupation,level,amount,unit,valid_from,valid_to,shortage,source');
  for (const [level, amount] of [[5, '1000.00'], [4, '1500.00'], [3, '2000.00'], [2, '2500.00'], [1, '3000.00']]) catalog.line(`skill_upgrade,*,${level},${amount},per_claim,2020-01-01,,no,bench`);

  const certs = counted(join(dir, 'certificates.csv'));
  const trainees = counted(join(dir, 'trainees.csv'));
  certs.line('person_id,certificate_no,certificate_type,occupation,level,certificate_date,route,provider_id');
  trainees.line('claim_id,person_id,program,group,claim_date,occupation,level,certificate_type,certificate_no,certificate_date,insured_months');
  for (let i = 0; i < certificates; i++) {
    const person = ids[i % persons];
    const no = `B${pad(i, 9)}`;
    const date = `${2023 + Math.floor(rnd() * 2)}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`;
    const occ = occupations[Math.floor(rnd() * occupations.length)];
    const level = 1 + Math.floor(rnd() * 5);
    certs.line(`${person},${no},skill_level,${occ},${level},${date},standard,P${pad(Math.floor(rnd() * 50), 3)}`);
    if (rnd() < 0.2) trainees.line(`C${pad(i, 9)},${person},skill_upgrade,employee,${date},${occ},${level},skill_level,${no},${date},24`);
  }

  // Months in month order (2019-01 … 2024-12), each person paying a run of months: about `months` rows.
  const perPerson = Math.max(1, Math.round(months / persons));
  const start = ids.map(() => Math.floor(rnd() * Math.max(1, 72 - perPerson)));
  const employer = ids.map(() => employers[Math.floor(rnd() * employers.length)]);
  const changeAt = ids.map(() => (rnd() < 0.2 ? Math.floor(rnd() * 72) : -1));
  const gapAt = ids.map(() => (rnd() < 0.1 ? Math.floor(rnd() * 72) : -1));
  const other = ids.map(() => employers[Math.floor(rnd() * employers.length)]);
  const insurance = counted(join(dir, 'insurance.csv'));
  insurance.line('person_id,period,enterprise_id');
  for (let mo = 0; mo < 72; mo++) {
    const period = `${2019 + Math.floor(mo / 12)}-${pad((mo % 12) + 1, 2)}`;
    for (let p = 0; p < persons; p++) {
      const k = mo - start[p];
      if (k < 0 || k >= perPerson) continue;
      if (gapAt[p] >= 0 && mo >= gapAt[p] && mo < gapAt[p] + 3) continue;
      insurance.line(`${ids[p]},${period},${changeAt[p] >= 0 && mo >= changeAt[p] ? other[p] : employer[p]}`);
    }
  }
  const files = { 'catalog.csv': catalog.close(), 'certificates.csv': certs.close(), 'trainees.csv': trainees.close(), 'insurance.csv': insurance.close() };
  return { generator: GENERATOR_VERSION, seed: SEED, certificates, persons, months: files['insurance.csv'].rows, files };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [c, m, dir] = process.argv.slice(2);
  const manifest = generateFund(c ? Number(c) : DEFAULT_CERTIFICATES, m ? Number(m) : DEFAULT_MONTHS, dir ? resolve(dir) : DEFAULT_FUND_DIR);
  process.stdout.write(`${JSON.stringify(manifest)}\n`);
}
