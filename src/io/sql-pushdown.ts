/**
 * The warehouse side of the two heavy aggregations (README "More data than one machine"): SQL
 * that turns a payroll table into the yearly payroll file skilltax reads (enterprise_id, period
 * YYYY, wages summed), and unemployment-insurance months into distinct (person_id, period,
 * enterprise_id) rows, with the checks of skilltax's readers (`io/values.ts` parseUscc,
 * parseMonthOrYear, parseAmount; `domain/ids.ts`; the whole-year-and-monthly check of
 * `io/load.ts` loadPayroll) written as filters, and a query listing the rows they reject with
 * the reason. Pure text, no connection: `skilltax sql` prints it.
 *
 * The queries are never looser than skilltax: a row they keep is one skilltax reads to the same
 * value. They are stricter on a few spellings skilltax also reads (listed in each query's
 * comment), which the rejected query lists so nothing is dropped unseen.
 */
import { EARLIEST_YEAR, LATEST_YEAR } from '../domain/periods.js';

export const SQL_DIALECTS = ['spark', 'hive', 'postgres', 'duckdb'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

export const SQL_KINDS = ['payroll', 'insurance'] as const;
export type SqlKind = (typeof SQL_KINDS)[number];

export interface SqlOptions {
  dialect: SqlDialect;
  /** the warehouse table (or view), optionally schema-qualified: `payroll`, `dw.payroll_2024` */
  table: string;
  /** the query listing the rejected rows, with a `reason` column, instead of the aggregation */
  rejected: boolean;
}

/** A table name the queries accept: dot-separated identifiers (letters, digits, `_`, `$`; not starting with a digit). */
export const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*){0,2}$/;

/** What differs between the engines; every other construct used is common to all four. */
interface Dialect {
  /** the text type of CAST(... AS …) */
  text: string;
  /** a boolean: `s` matches the (anchored) regular expression `re` */
  matches(s: string, re: string): string;
  /** capture group `n` of `re` in `s` */
  group(s: string, re: string, n: number): string;
  /** 1-based position of `needle` in `hay`, 0 when absent */
  position(hay: string, needle: string): string;
  /** `s` with every `ch` removed */
  without(s: string, ch: string): string;
  /** a ";" for the reason lists (older Hive command lines split statements at a ";" even inside quotes) */
  semicolon: string;
  /** how to write the result to a file with this engine (query comment) */
  usage: string[];
}

// Regular expressions stay in the subset RE2 (DuckDB), POSIX ARE (PostgreSQL) and Java (Spark,
// Hive) read alike, with no backslash: Spark and Hive unescape backslashes in string literals.

/**
 * RLIKE, and nothing outside printable ASCII: Java's `$` also matches before a final line break
 * ("2024\n" would pass `^[0-9]{4}$`), and every value the queries accept is printable ASCII.
 */
const javaMatches = (s: string, re: string) => `(${s} RLIKE '${re}' AND NOT (${s} RLIKE '[^ -~]'))`;

// What several engines spell alike.
const regexpExtract = (s: string, re: string, n: number) => `regexp_extract(${s}, '${re}', ${n})`;
const instr = (hay: string, needle: string) => `instr(${hay}, ${needle})`;
const replace = (s: string, ch: string) => `replace(${s}, '${ch}', '')`;
/** Spark and Hive: Java regular expressions, STRING. */
const JAVA = { text: 'STRING', matches: javaMatches, group: regexpExtract, position: instr };

const DIALECTS: Record<SqlDialect, Dialect> = {
  duckdb: {
    text: 'VARCHAR',
    matches: (s, re) => `regexp_matches(${s}, '${re}')`,
    group: regexpExtract,
    position: instr,
    without: replace,
    semicolon: "';'",
    usage: [
      "a CSV file as the table: CREATE VIEW {table} AS SELECT * FROM read_csv('{table}.csv', all_varchar = true)",
      '(all_varchar: every column stays text, as skilltax reads it)',
      'run: skilltax sql {kind} --dialect duckdb | duckdb -csv warehouse.duckdb > {file}',
    ],
  },
  postgres: {
    text: 'TEXT',
    matches: (s, re) => `(${s} ~ '${re}')`,
    group: (s, re, n) => `(regexp_match(${s}, '${re}'))[${n}]`,
    position: (hay, needle) => `strpos(${hay}, ${needle})`,
    without: replace,
    semicolon: "';'",
    usage: ['PostgreSQL 10 or later (regexp_match)', 'run: skilltax sql {kind} --dialect postgres > q.sql && psql -X --csv -f q.sql > {file}'],
  },
  spark: {
    ...JAVA,
    without: replace,
    semicolon: "';'",
    usage: [
      'Spark 3 or later, ANSI mode or not',
      "run: INSERT OVERWRITE DIRECTORY '/out/{kind}' USING csv OPTIONS (header 'true') followed by this query",
      '(Spark writes part files: give skilltax one file, the parts concatenated under a single header)',
    ],
  },
  hive: {
    ...JAVA,
    // Hive's replace() is 1.3 and later; regexp_replace replaces every match in every version.
    without: (s, ch) => `regexp_replace(${s}, '${ch}', '')`,
    semicolon: 'chr(59)',
    usage: [
      'Hive 2 or later (beeline)',
      "run: beeline --outputformat=csv2 --showHeader=true -f q.sql > {file} (csv2 quotes only where needed, as skilltax reads it)",
    ],
  },
};

/** The 统一社会信用代码 alphabet (GB 32100-2015: digits and upper-case letters without I, O, Z, S, V), as in domain/ids.ts. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of the 17 characters before the check character: 3^(i−1) mod 31 (GB 32100-2015). */
const USCC_WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
/** 居民身份证号 (GB 11643-1999): weights 2^(18−i) mod 11, and the check character for each sum mod 11. */
const ID_WEIGHTS = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const ID_CHECK = '10X98765432';
const PERSON_ID = '^[0-9]{17}[0-9X]$';

/**
 * The reason codes of the rejected queries, each with what it means (help text and query
 * comment). A row may have several, `;`-separated, in this order.
 */
export const REJECT_REASONS: Record<SqlKind, readonly (readonly [string, string])[]> = {
  payroll: [
    ['enterprise_id_missing', 'no enterprise_id'],
    ['enterprise_id_form', 'not 18 characters of the 统一社会信用代码 alphabet (upper-cased first, as skilltax does)'],
    ['enterprise_id_check', 'the check character (18th) is not the one the first 17 call for'],
    ['period_missing', 'no period'],
    ['period_form', 'not YYYY, a month (YYYY-MM, YYYY-M, YYYY/MM, YYYY.MM, YYYYMM) or a calendar day in one (YYYY-MM-DD, YYYYMMDD)'],
    ['period_year', `year outside ${EARLIEST_YEAR}–${LATEST_YEAR}`],
    ['wages_missing', 'no wages'],
    ['wages_form', 'not an amount: digits, optionally a sign, thousands commas and a "." with 1 or 2 decimals'],
    ['wages_decimals', 'more than 2 decimals'],
    ['wages_too_large', 'above 90,000,000,000,000.00 yuan'],
    ['wages_negative', 'below zero'],
    ['both_year_and_month', 'the enterprise has both whole-year and monthly rows for the year (every such row is listed, and the enterprise-year left out)'],
  ],
  insurance: [
    ['person_id_missing', 'no person_id'],
    ['person_id_form', 'not 17 digits and a digit or X (upper-cased first)'],
    ['person_id_check', 'the check character (18th) is not the one the first 17 digits call for'],
    ['person_id_birth_date', 'digits 7–14 are not a calendar date'],
    ['period_missing', 'no period'],
    ['period_form', 'not a month (YYYY-MM, YYYY-M, YYYY/MM, YYYY.MM, YYYYMM) or a calendar day in one (YYYY-MM-DD, YYYYMMDD)'],
    ['period_year', `year outside ${EARLIEST_YEAR}–${LATEST_YEAR}`],
    ['enterprise_id_missing', 'no enterprise_id'],
    ['enterprise_id_form', 'not 18 characters of the 统一社会信用代码 alphabet (upper-cased first)'],
    ['enterprise_id_check', 'the check character (18th) is not the one the first 17 call for'],
  ],
};

/** Spellings skilltax reads that the queries do not (they list such rows as rejected). */
const STRICTER: Record<SqlKind, string[]> = {
  payroll: [
    'a cell with tabs or other white space around it (only spaces are trimmed)',
    'periods such as 2024年1月, 2024年度 or with full-width digits',
    'amounts with ¥ or 元, or thousands commas not in groups of three',
  ],
  insurance: ['a cell with tabs or other white space around it (only spaces are trimmed)', 'periods such as 2024年1月 or with full-width digits'],
};

/** Days in month `m` of year `y` (integer SQL expressions), Gregorian leap years. */
function daysInMonth(y: string, m: string): string {
  return `CASE WHEN ${m} IN (4, 6, 9, 11) THEN 30 WHEN ${m} = 2 THEN CASE WHEN (${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0 THEN 29 ELSE 28 END ELSE 31 END`;
}

/** True when y-m-d (integer SQL expressions) is a calendar day. */
function calendarDay(y: string, m: string, d: string): string {
  return `${m} BETWEEN 1 AND 12 AND ${d} BETWEEN 1 AND ${daysInMonth(y, m)}`;
}

/** An integer from a text expression that is all digits whenever `when` holds ('0' otherwise): the CAST never sees anything else, whatever order the engine evaluates in. */
function int(when: string, digits: string): string {
  return `CAST(CASE WHEN ${when} THEN ${digits} ELSE '0' END AS INT)`;
}

/** The problem of an upper-cased, trimmed 统一社会信用代码 `e`, or NULL (domain/ids.ts usccProblem). */
function usccProblem(d: Dialect, e: string): string {
  const value = (i: number) => `(${d.position(`'${USCC_ALPHABET}'`, `substr(${e}, ${i + 1}, 1)`)} - 1) * ${USCC_WEIGHTS[i]}`;
  const sum = USCC_WEIGHTS.map((_, i) => value(i)).join('\n        + ');
  return [
    `CASE WHEN ${e} IS NULL OR ${e} = '' THEN 'enterprise_id_missing'`,
    `         WHEN NOT ${d.matches(e, `^[${USCC_ALPHABET}]{18}$`)} THEN 'enterprise_id_form'`,
    `         WHEN substr(${e}, 18, 1) <> substr('${USCC_ALPHABET}', (31 - (`,
    `          ${sum}`,
    `        ) % 31) % 31 + 1, 1) THEN 'enterprise_id_check'`,
    `    END`,
  ].join('\n');
}

/** The digits of a 居民身份证号 `p`'s birth date (digits 7–14) as integers b_yr, b_mo, b_dy (0 when `p` is not 17 digits and a check character). */
function birthDate(d: Dialect, p: string): string {
  const form = d.matches(p, PERSON_ID);
  return [`${int(form, `substr(${p}, 7, 4)`)} AS b_yr`, `${int(form, `substr(${p}, 11, 2)`)} AS b_mo`, `${int(form, `substr(${p}, 13, 2)`)} AS b_dy`].join(',\n    ');
}

/** The problem of an upper-cased, trimmed 居民身份证号 `p` with its birthDate columns, or NULL (domain/ids.ts personIdProblem). */
function personIdProblem(d: Dialect, p: string): string {
  const digit = (i: number) => `(${d.position(`'0123456789'`, `substr(${p}, ${i + 1}, 1)`)} - 1) * ${ID_WEIGHTS[i]}`;
  const sum = ID_WEIGHTS.map((_, i) => digit(i)).join('\n        + ');
  return [
    `CASE WHEN ${p} IS NULL OR ${p} = '' THEN 'person_id_missing'`,
    `         WHEN NOT ${d.matches(p, PERSON_ID)} THEN 'person_id_form'`,
    `         WHEN substr(${p}, 18, 1) <> substr('${ID_CHECK}', (`,
    `          ${sum}`,
    `        ) % 11 + 1, 1) THEN 'person_id_check'`,
    `         WHEN NOT (${calendarDay('b_yr', 'b_mo', 'b_dy')}) THEN 'person_id_birth_date'`,
    `    END`,
  ].join('\n');
}

// Period shapes, after trimming and writing `/` and `.` as `-` (io/values.ts parseMonthOrYear via
// domain/periods.ts parsePeriodText: a day is taken for its month).
const YEAR = '^[0-9]{4}$';
const MONTH = ['^[0-9]{4}-[0-9]{1,2}$', '^[0-9]{6}$'];
const DAY = ['^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$', '^[0-9]{8}$'];

/**
 * The checks of one value (an enterprise, a period, a person), made once per distinct value and
 * joined back to the rows: a province's payroll repeats a few million codes and a few dozen
 * periods across hundreds of millions of rows.
 */
interface Lookup {
  /** the CTE's name */
  name: string;
  /** the column of src it checks, non-NULL (missing is '') */
  key: string;
  /** the columns each step adds (a step may use the columns of the steps before it) */
  steps: string[][];
  /** the columns the rows take from it */
  outputs: string[];
}

/** A kind: its columns, the value lookups, the row-by-row checks, and its problems in the order of the reasons. */
interface KindParts {
  columns: readonly string[];
  /** the trimmed forms of the columns (src): `… AS e` */
  src: string[];
  lookups: Lookup[];
  /** steps over each row (wages), as Lookup.steps */
  rowSteps: string[][];
  problems: string[];
}

/**
 * The chain of CTEs both queries of a kind read from, ending in `checked`: every row of the
 * table with its value as given (`in_<column>`), its problems (NULL when none), `ok`, and the
 * normalized values. Each step only adds columns.
 */
function checkedRows(kind: SqlKind, d: Dialect, table: string): { sql: string; problems: string[] } {
  const t = (col: string) => `CAST(${col} AS ${d.text})`;
  const any = (res: string[]) => res.map((re) => d.matches('p', re)).join(' OR ');
  const shape = [
    `CASE WHEN ${d.matches('p', YEAR)} THEN 'Y'`,
    `         WHEN ${any(MONTH)} THEN 'M'`,
    `         WHEN ${any(DAY)} THEN 'D'`,
    `    END AS p_shape`,
  ].join('\n');
  const dashed = `substr(p, 5, 1) = '-'`;
  const monthText = `CASE WHEN ${dashed} THEN ${d.group('p', '^[0-9]{4}-([0-9]{1,2})', 1)} ELSE substr(p, 5, 2) END`;
  const dayText = `CASE WHEN ${dashed} THEN ${d.group('p', '^[0-9]{4}-[0-9]{1,2}-([0-9]{1,2})$', 1)} ELSE substr(p, 7, 2) END`;
  const periodProblem = (yearAllowed: boolean) =>
    [
      `CASE WHEN p = '' THEN 'period_missing'`,
      `         WHEN p_shape IS NULL${yearAllowed ? '' : ` OR p_shape = 'Y'`} THEN 'period_form'`,
      `         WHEN p_shape <> 'Y' AND NOT (mo BETWEEN 1 AND 12) THEN 'period_form'`,
      `         WHEN p_shape = 'D' AND NOT (${calendarDay('yr', 'mo', 'dy')}) THEN 'period_form'`,
      `         WHEN yr < ${EARLIEST_YEAR} OR yr > ${LATEST_YEAR} THEN 'period_year'`,
      `    END AS p_problem`,
    ].join('\n');
  const periods = (yearAllowed: boolean, normalized: string[]): Lookup => ({
    name: 'periods',
    key: 'p',
    steps: [
      [shape],
      [`${int('p_shape IS NOT NULL', 'substr(p, 1, 4)')} AS yr`, `${int(`p_shape IN ('M', 'D')`, monthText)} AS mo`, `${int(`p_shape = 'D'`, dayText)} AS dy`],
      [periodProblem(yearAllowed), ...normalized],
    ],
    outputs: ['p_problem', ...normalized.map((c) => c.replace(/^.* AS /, ''))],
  });
  const enterprises: Lookup = { name: 'enterprises', key: 'e', steps: [[`${usccProblem(d, 'e')} AS e_problem`]], outputs: ['e_problem'] };
  // Missing (NULL or spaces) is '' from here on, so that every row finds its value in the lookups.
  const period = `COALESCE(translate(trim(${t('period')}), '/.', '--'), '') AS p`;
  const enterprise = `COALESCE(upper(trim(${t('enterprise_id')})), '') AS e`;

  let parts: KindParts;
  if (kind === 'insurance') {
    parts = {
      columns: ['person_id', 'period', 'enterprise_id'],
      src: [`COALESCE(upper(trim(${t('person_id')})), '') AS pid`, period, enterprise],
      lookups: [
        { name: 'persons', key: 'pid', steps: [[birthDate(d, 'pid')], [`${personIdProblem(d, 'pid')} AS pid_problem`]], outputs: ['pid_problem'] },
        periods(false, [`concat(substr(p, 1, 4), '-', lpad(${monthText}, 2, '0')) AS p_month`]),
        enterprises,
      ],
      rowSteps: [],
      problems: ['pid_problem', 'p_problem', 'e_problem'],
    };
  } else {
    // Wages (io/values.ts parseAmount): an optional sign, digits (or thousands in groups of three
    // with commas), and 1 or 2 decimals; "-" only on a zero amount. `wn` is the amount without
    // sign and commas, with a leading 0 so that ".5" reads as a number everywhere.
    const plain = '[0-9]+';
    const grouped = '[0-9]{1,3}(,[0-9]{3})+';
    const amount = `^[+-]?((${plain}|${grouped})([.][0-9]{1,2})?|[.][0-9]{1,2})$`;
    const tooManyDecimals = `^[+-]?(${plain}|${grouped})?[.][0-9]{3,}$`;
    const unsigned = `CASE WHEN substr(w, 1, 1) IN ('+', '-') THEN substr(w, 2) ELSE w END`;
    parts = {
      columns: ['enterprise_id', 'period', 'wages'],
      src: [enterprise, period, `trim(${t('wages')}) AS w`],
      lookups: [enterprises, periods(true, [`CASE WHEN p_shape = 'Y' THEN 'Y' ELSE 'M' END AS kind`, 'substr(p, 1, 4) AS p_year'])],
      rowSteps: [
        [
          [
            `CASE WHEN w IS NULL OR w = '' THEN 'missing'`,
            `         WHEN ${d.matches('w', tooManyDecimals)} THEN 'decimals'`,
            `         WHEN ${d.matches('w', amount)} THEN 'amount'`,
            `         ELSE 'form'`,
            `    END AS w_shape`,
          ].join('\n'),
          `concat('0', ${d.without(unsigned, ',')}) AS wn`,
        ],
        [`w_shape = 'amount' AND ${d.matches('wn', '^0*[0-9]{1,14}([.][0-9]{1,2})?$')} AS w_fits`],
        [`CAST(CASE WHEN w_fits THEN wn ELSE '0' END AS DECIMAL(16,2)) AS wv`],
        [
          [
            `CASE WHEN w_shape = 'missing' THEN 'wages_missing'`,
            `         WHEN w_shape = 'decimals' THEN 'wages_decimals'`,
            `         WHEN w_shape = 'form' THEN 'wages_form'`,
            `         WHEN NOT w_fits OR wv > 90000000000000 THEN 'wages_too_large'`,
            `         WHEN substr(w, 1, 1) = '-' AND wv <> 0 THEN 'wages_negative'`,
            `    END AS w_problem`,
          ].join('\n'),
        ],
      ],
      problems: ['e_problem', 'p_problem', 'w_problem'],
    };
  }
  const ctes = [`src AS (\n  SELECT\n    ${[...parts.columns.map((c) => `${t(c)} AS in_${c}`), ...parts.src].join(',\n    ')}\n  FROM ${table}\n)`];
  const step = (name: string, from: string, columns: string[]) => `${name} AS (\n  SELECT ${from}.*,\n    ${columns.join(',\n    ')}\n  FROM ${from}\n)`;
  /** CTEs `name_1` … `name` for the steps over `from`; the name of the last. */
  const chain = (name: string, from: string, steps: string[][]): string => {
    steps.forEach((columns, i) => {
      const to = i === steps.length - 1 ? name : `${name}_${i + 1}`;
      ctes.push(step(to, from, columns));
      from = to;
    });
    return from;
  };
  for (const l of parts.lookups) {
    ctes.push(`${l.name}_0 AS (\n  SELECT DISTINCT ${l.key} FROM src\n)`);
    chain(l.name, `${l.name}_0`, l.steps);
  }
  const rows = chain('wages', 'src', parts.rowSteps);
  const joined = [
    `checked AS (`,
    `  SELECT r.*,`,
    `    ${parts.lookups.flatMap((l) => l.outputs.map((c) => `${l.name}.${c}`)).join(', ')},`,
    `    (${parts.problems.map((n) => `${n} IS NULL`).join(' AND ')}) AS ok`,
    `  FROM ${rows} r`,
    ...parts.lookups.map((l) => `  JOIN ${l.name} ON r.${l.key} = ${l.name}.${l.key}`),
    `)`,
  ];
  ctes.push(joined.join('\n'));
  return { sql: `WITH ${ctes.join(',\n')}`, problems: parts.problems };
}

function header(kind: SqlKind, d: Dialect, o: SqlOptions): string {
  const file = kind === 'payroll' ? 'payroll.csv' : 'insurance.csv';
  const what = o.rejected
    ? [
        `The rows of ${o.table} that skilltax's ${kind} checks reject, with the reason (codes joined`,
        'by semicolons, in this order):',
        ...REJECT_REASONS[kind].map(([code, means]) => `  ${code}: ${means}`),
      ]
    : kind === 'payroll'
      ? [
          `${o.table} (enterprise_id, period YYYY-MM or YYYY, wages) summed to the yearly payroll file`,
          `skilltax reads (${file}: enterprise_id, period YYYY, wages with 2 decimals), with skilltax's`,
          'checks as filters. The rows they leave out, and enterprise-years with both whole-year and',
          `monthly rows (skilltax refuses those), are listed by: skilltax sql payroll --dialect ${o.dialect} --rejected.`,
          'Check that query returns no row before using this one.',
        ]
      : [
          `${o.table} (person_id, period YYYY-MM, enterprise_id: one row per month of unemployment`,
          `insurance paid) as distinct (person_id, period, enterprise_id) rows, a month paid twice counted`,
          `once, with the checks as filters (rows left out: --rejected).`,
        ];
  if (kind === 'insurance') what.push(`skilltax does not read ${file} yet (issue #15): this is the input it will take.`);
  const usage = d.usage.map((l) => l.replaceAll('{kind}', kind).replaceAll('{table}', o.table).replaceAll('{file}', o.rejected ? `${kind}-rejected.csv` : `skilltax-in/${file}`));
  return [
    `-- skilltax sql ${kind} --dialect ${o.dialect}${o.table !== kind ? ` --table ${o.table}` : ''}${o.rejected ? ' --rejected' : ''}`,
    ...what,
    kind === 'payroll'
      ? 'Columns are read as text and trimmed of spaces: keep wages in a DECIMAL or text column (a DOUBLE is not exact, and prints large ones with an exponent, rejected).'
      : 'Columns are read as text and trimmed of spaces.',
    'Stricter than skilltax on:',
    ...STRICTER[kind].map((s) => `  ${s}`),
    ...(kind === 'payroll' && !o.rejected ? ['skilltax re-checks every value when it reads the result (a yearly sum above 90,000,000,000,000.00 yuan is refused).'] : []),
    ...usage,
  ]
    .map((l, i) => (i === 0 ? l : `-- ${l}`))
    .join('\n');
}

/**
 * The query text for `skilltax sql KIND --dialect D [--table T] [--rejected]`, ending in `;` and
 * a newline. Throws RangeError for a table name outside TABLE_NAME (the CLI checks first).
 */
export function pushdownQuery(kind: SqlKind, o: SqlOptions): string {
  if (!TABLE_NAME.test(o.table)) throw new RangeError(`not a table name: ${o.table}`);
  const d = DIALECTS[o.dialect];
  const { sql: cte, problems } = checkedRows(kind, d, o.table);
  const reasons = `concat_ws(${d.semicolon}, ${problems.join(', ')})`;
  let body: string;
  if (kind === 'payroll' && !o.rejected) {
    body = `SELECT e AS enterprise_id, p_year AS period, CAST(SUM(wv) AS DECIMAL(38,2)) AS wages
FROM checked
WHERE ok
GROUP BY e, p_year
HAVING MIN(kind) = MAX(kind)
ORDER BY enterprise_id, period`;
  } else if (kind === 'payroll') {
    body = `SELECT enterprise_id, period, wages, reason
FROM (
  SELECT in_enterprise_id AS enterprise_id, in_period AS period, in_wages AS wages,
    CASE WHEN NOT ok THEN ${reasons}
         WHEN first_kind <> last_kind THEN 'both_year_and_month'
    END AS reason
  FROM (
    SELECT checked.*,
      MIN(CASE WHEN ok THEN kind END) OVER (PARTITION BY e, p_year) AS first_kind,
      MAX(CASE WHEN ok THEN kind END) OVER (PARTITION BY e, p_year) AS last_kind
    FROM checked
  ) kinds
) listed
WHERE reason IS NOT NULL
ORDER BY enterprise_id, period, wages`;
  } else if (!o.rejected) {
    body = `SELECT DISTINCT pid AS person_id, p_month AS period, e AS enterprise_id
FROM checked
WHERE ok
ORDER BY person_id, period, enterprise_id`;
  } else {
    body = `SELECT person_id, period, enterprise_id, reason
FROM (
  SELECT in_person_id AS person_id, in_period AS period, in_enterprise_id AS enterprise_id,
    ${reasons} AS reason
  FROM checked
  WHERE NOT ok
) listed
ORDER BY person_id, period, enterprise_id`;
  }
  return `${header(kind, d, o)}\n${cte}\n${body};\n`;
}
