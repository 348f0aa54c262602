/**
 * Reference for the benchmark: one bare csv-parse pass over a CSV file, as the floor of any
 * reader built on csv-parse. `node bench/ref-csv-parse.mjs FILE` streams FILE through csv-parse
 * with its defaults (array rows, no column mapping, no casting), counts the records and prints
 * the number of data rows (records minus the header) to standard output. Nothing else is done
 * with the fields.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node bench/ref-csv-parse.mjs FILE\n');
  process.exit(2);
}
let records = 0;
const parser = createReadStream(file).pipe(parse());
parser.on('data', () => {
  records++;
});
parser.on('error', (err) => {
  process.stderr.write(`ref-csv-parse: ${err.message}\n`);
  process.exitCode = 2;
});
parser.on('end', () => process.stdout.write(`${Math.max(0, records - 1)}\n`));
