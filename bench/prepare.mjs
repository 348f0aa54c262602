/**
 * Generates one data set for the benchmark in its own process (so the benchmark's process stays
 * small, see bench/measure.mjs): `node bench/prepare.mjs MODULE EXPORT DIR ARGS_JSON KEY`
 * imports MODULE (a bench generator), calls EXPORT(...ARGS_JSON, DIR) (every generator takes its
 * sizes first and the folder last, and returns a manifest `{ files: { name: { rows?, bytes } }, … }`)
 * and then writes DIR/bench-manifest.json = { key: KEY, seconds, manifest, sha256: { file: hex } }
 * (the SHA-256 of every file the manifest lists: the identity of the data, whatever code made it).
 * The benchmark reuses the folder while that file's key matches; it is written last, so an
 * interrupted generation is redone. Exit 2 with a message when the module lacks the export or returns no file list.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sha256File } from './measure.mjs';

const [modulePath, exportName, dir, argsJson, key] = process.argv.slice(2);
const fail = (message) => {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
};
if (!key) fail('usage: node bench/prepare.mjs MODULE EXPORT DIR ARGS_JSON KEY');
const mod = await import(pathToFileURL(resolve(modulePath)).href);
const generate = mod[exportName];
if (typeof generate !== 'function') fail(`${modulePath} does not export a function ${exportName}`);
const t0 = process.hrtime.bigint();
const manifest = await generate(...JSON.parse(argsJson), dir);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
if (!manifest || typeof manifest.files !== 'object') fail(`${exportName} returned no manifest with a "files" list`);
const sha256 = Object.fromEntries(Object.keys(manifest.files).sort().map((name) => [name, sha256File(join(dir, name))]));
writeFileSync(join(dir, 'bench-manifest.json'), JSON.stringify({ key, seconds, manifest, sha256 }, null, 2) + '\n');
