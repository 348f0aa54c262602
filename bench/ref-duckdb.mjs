/**
 * Reference for the benchmark: DuckDB (@duckdb/node-api, a devDependency used only by the bench)
 * doing the heavy part of `skilltax deduct` on the same payroll file.
 * `node bench/ref-duckdb.mjs PAYROLL.csv OUT.csv` with 2 threads: sums wages per
 * (enterprise_id, year of period) in exact decimals (DECIMAL(18,2), as yuan with 2 decimals),
 * computes cap = round(wages × 8%, 2) (DuckDB rounds decimals half away from zero, which is
 * half-up for wages ≥ 0: RULES §1, 2018 on) and writes enterprise_id,year,wages,cap sorted by
 * key to OUT.csv, the same values as those columns of deductions.csv for the years with wages.
 * Prints the number of rows written. The payroll must have the generator's four columns
 * (enterprise_id, period, wages, employee_id) with a header line.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const THREADS = 2;
const [payroll, out] = process.argv.slice(2);
if (!payroll || !out) {
  process.stderr.write('usage: node bench/ref-duckdb.mjs PAYROLL.csv OUT.csv\n');
  process.exit(2);
}
const literal = (s) => `'${s.replaceAll("'", "''")}'`;
const sql = `
COPY (
  SELECT enterprise_id, year, wages, round(wages * 0.08, 2) AS cap
  FROM (
    SELECT enterprise_id, substr(period, 1, 4) AS year, CAST(sum(wages) AS DECIMAL(18, 2)) AS wages
    FROM read_csv(${literal(payroll)}, header = true, delim = ',', quote = '"',
      columns = {'enterprise_id': 'VARCHAR', 'period': 'VARCHAR', 'wages': 'DECIMAL(18, 2)', 'employee_id': 'VARCHAR'})
    GROUP BY enterprise_id, year
  )
  ORDER BY enterprise_id, year
) TO ${literal(out)} (HEADER, DELIMITER ',')`;

const instance = await DuckDBInstance.create(':memory:', { threads: String(THREADS) });
const connection = await instance.connect();
const result = await connection.run(sql);
process.stdout.write(`${result.rowsChanged}\n`);
connection.closeSync();
instance.closeSync();
