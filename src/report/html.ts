/**
 * report.html: the run's story on one self-contained page (README "Files `run` writes"). Totals
 * per calculator and the warnings first, then each calculator's figures as charts (ECharts,
 * server-side SVG, see charts.ts) with the table behind each chart, the reform's differences
 * when there is one, and the inputs read and the parameters overridden. Every figure is summed
 * here from the reports as written (money in integer fen), every word comes from the catalogue
 * of the page's language, and the page asks nothing of the network: system fonts, inline SVG
 * and CSS, a few lines of inline script that only sort tables (the page works without them).
 * Same data, same bytes: nothing of the moment of the run is in it.
 */
import { formatFen, type Fen } from '../domain/money.js';
import { byText } from '../domain/order.js';
import { cellsOf } from '../domain/table.js';
import { CATALOGUES, tIn, type Lang, type MessageKey } from '../i18n/index.js';
import { renderChart, FONT_FAMILY, type ChartSeries } from './charts.js';
import { fenOf } from './facts.js';
import { reasonTextOf } from '../calculators/reason-text.js';
import type { ParamInForce, RunData, RunReport } from './run-data.js';

type Row = Readonly<Record<string, string>>;

/** Fen as money with two decimals and thousands separators: 1234567 → "12,345.67". */
export function moneyText(fen: Fen): string {
  const s = formatFen(fen);
  const [int, dec] = s.split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${dec}`;
}

/** A 身份证号 masked as shown anywhere a person is named: its first 6 and last 4 characters. */
export function maskPersonId(id: string): string {
  return id.length <= 10 ? id : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const yuan = (fen: Fen): number => fen / 100;

/**
 * A report's rows as records of text, whichever way the table holds them: made one at a time as
 * they are read, again at each pass (a run of a million enterprise-years never holds them all).
 */
function recordsOf(report: RunReport): Iterable<Row> {
  const cols = report.table.columns;
  return {
    *[Symbol.iterator]() {
      for (const row of report.table.rows) {
        const cells = cellsOf(cols, row);
        const r: Record<string, string> = {};
        cols.forEach((c, i) => (r[c.name] = cells[i] === undefined ? '' : String(cells[i])));
        yield r;
      }
    },
  };
}

/** Sums of named money columns and a row count, by a key. */
class Groups {
  readonly rows = new Map<string, { n: number; fen: Map<string, Fen>; count: Map<string, number> }>();
  add(key: string, row: Row, money: readonly string[], counts: Readonly<Record<string, boolean>> = {}): void {
    let g = this.rows.get(key);
    if (!g) this.rows.set(key, (g = { n: 0, fen: new Map(), count: new Map() }));
    g.n++;
    for (const m of money) g.fen.set(m, (g.fen.get(m) ?? 0) + fenOf(row[m]));
    for (const [c, yes] of Object.entries(counts)) if (yes) g.count.set(c, (g.count.get(c) ?? 0) + 1);
  }
  /** Sets a summed figure of a key (from the run's facts). */
  put(key: string, m: string, fen: Fen): void {
    let g = this.rows.get(key);
    if (!g) this.rows.set(key, (g = { n: 0, fen: new Map(), count: new Map() }));
    g.fen.set(m, fen);
  }
  fen(key: string, m: string): Fen {
    return this.rows.get(key)?.fen.get(m) ?? 0;
  }
  count(key: string, c: string): number {
    return this.rows.get(key)?.count.get(c) ?? 0;
  }
  n(key: string): number {
    return this.rows.get(key)?.n ?? 0;
  }
  total(m: string): Fen {
    let s = 0;
    for (const g of this.rows.values()) s += g.fen.get(m) ?? 0;
    return s;
  }
  totalCount(c: string): number {
    let s = 0;
    for (const g of this.rows.values()) s += g.count.get(c) ?? 0;
    return s;
  }
  totalN(): number {
    let s = 0;
    for (const g of this.rows.values()) s += g.n;
    return s;
  }
  keys(): string[] {
    return [...this.rows.keys()];
  }
}

/** A table cell: its text, its value for sorting, its attributes (data-total …). */
interface TCell {
  v: string;
  num?: boolean;
  sort?: number;
  attrs?: string;
}
const text = (v: string): TCell => ({ v });
const money = (fen: Fen): TCell => ({ v: moneyText(fen), num: true, sort: fen });
const count = (n: number): TCell => ({ v: String(n), num: true, sort: n });
/** A total of a report's column (or of its rows when `measure` is `rows`), over its rows where `column=value`, marked for the tests. */
const totalOf = (cell: TCell, report: string, measure: string, where?: string): TCell => ({
  ...cell,
  attrs: ` data-total data-report="${esc(report)}" data-measure="${esc(measure)}"${where ? ` data-where="${esc(where)}"` : ''}`,
});

/** The page under construction: its language, and its charts numbered in order. */
class Page {
  private charts = 0;
  constructor(readonly data: RunData) {}
  get lang(): Lang {
    return this.data.lang;
  }
  /** A message of the html area in the page's language. */
  t(key: MessageKey, params?: object): string {
    return (tIn as (l: Lang, k: MessageKey, p?: object) => string)(this.lang, key, params);
  }
  /** The name of a report column or measure (`deductible`, `carry_out` …) in the page's language. */
  measure(name: string): string {
    return this.t(`html.measure.${name}` as MessageKey);
  }
  /** A measure's name when the catalogue has it (`deductible` → 准予扣除额), else its code. */
  measureName(name: string): string {
    return `html.measure.${name}` in CATALOGUES[this.lang] ? this.measure(name) : name;
  }
  /** A calculator's short name (职工教育经费) when the catalogue has it, else its title in the run's summary, else its code. */
  calculator(name: string): string {
    if (`html.calc.${name}` in CATALOGUES[this.lang]) return this.t(`html.calc.${name}` as MessageKey);
    return this.data.sections.find((s) => s.calculator === name)?.title ?? name;
  }
  /** The meanings of the notes codes a warning line names (`ledger_gap` …), as a small list after it; '' when it names none. */
  codeMeanings(line: string): string {
    const codes = [...new Set(line.match(/[a-z]+(?:_[a-z]+)+/g) ?? [])].filter((c) => `html.note.${c}` in CATALOGUES[this.lang]);
    return codes.length ? `<br><small>${codes.map((c) => `${esc(c)}: ${esc(this.t(`html.note.${c}` as MessageKey))}`).join('; ')}</small>` : '';
  }
  /** A code of the reports (a subsidy program, an award programme, a tax) in words with the code beside it in the table; the code itself when the catalogue has no words for it. */
  term(code: string, area: 'html' | 'awards' = 'html'): string {
    const key = area === 'awards' ? `awards.program.${code}` : `html.term.${code}`;
    return key in CATALOGUES[this.lang] ? this.t(key as MessageKey) : code;
  }
  town(town: string): string {
    return town === '' ? this.t('html.townUnknown') : town;
  }
  /** A sortable table, its total rows in the footer. */
  table(cols: readonly { label: string; num?: boolean }[], rows: readonly TCell[][], foot: readonly TCell[][] = []): string {
    const td = (c: TCell, tag = 'td') =>
      `<${tag}${c.num ? ' class="num"' : ''}${c.sort !== undefined ? ` data-sort="${c.sort}"` : ''}${c.attrs ?? ''}>${esc(c.v)}</${tag}>`;
    const head = cols.map((c) => `<th${c.num ? ' class="num"' : ''} scope="col">${esc(c.label)}</th>`).join('');
    const body = rows.map((r) => `<tr>${r.map((c) => td(c)).join('')}</tr>`).join('\n');
    const tfoot = foot.length ? `<tfoot>${foot.map((r) => `<tr>${r.map((c) => td(c)).join('')}</tr>`).join('')}</tfoot>` : '';
    return `<table class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${tfoot}</table>`;
  }
  /** A chart with its title, the table behind it (collapsed) and the legal sources of its figures. */
  figure(o: { title: string; chart: Omit<Parameters<typeof renderChart>[0], 'id' | 'lang'>; table: string; sources?: readonly string[]; wide?: boolean }): string {
    const id = `c${++this.charts}`;
    const hasData = o.chart.categories.length > 0 && o.chart.series.some((s) => s.values.some((v) => v !== 0));
    const chart = hasData ? renderChart({ width: o.wide ? 1150 : 560, ...o.chart, id, lang: this.lang }) : `<p class="empty">${esc(this.t('html.nothingToChart'))}</p>`;
    return [
      `<figure class="fig${o.wide ? ' wide' : ''}" id="${id}">`,
      `<figcaption>${esc(o.title)}</figcaption>`,
      `<div class="chart">${chart}</div>`,
      `<details><summary>${esc(this.t('html.tableBehind'))}</summary>${o.table}</details>`,
      this.sources(o.sources ?? []),
      `</figure>`,
    ].join('\n');
  }
  /** "Legal source: 财税〔2018〕51号 (eit.education_expense.rate = 0.08)" for the parameters in force. */
  sources(keys: readonly string[]): string {
    const found = keys.map((k) => this.data.params.find((p) => p.key === k)).filter((p): p is ParamInForce => p !== undefined);
    if (!found.length) return '';
    const items = found.map((p) => `${esc(p.source)} <span class="key">(${esc(p.key)} = ${esc(p.value)})</span>`).join('; ');
    return `<p class="src">${esc(this.t('html.legalSource'))}: ${items}</p>`;
  }
}

/** The town and name of an enterprise: the report's own `town`/`name` columns, else enterprises.csv. */
function whoOf(data: RunData, row: Row, idColumn = 'enterprise_id'): { name: string; town: string } {
  const info = data.enterprises?.get(row[idColumn] ?? '');
  return { name: row.name || info?.name || '', town: row.town || info?.town || '' };
}

function header(p: Page): string {
  const d = p.data;
  const years = d.years.from === undefined ? '' : d.years.from === d.years.to || d.years.to === undefined ? String(d.years.from) : `${d.years.from}–${d.years.to}`;
  const cards = d.sections
    .map(
      (s) =>
        `<div class="card"><h3>${esc(s.title)}</h3><dl>${s.items
          .map((i) => `<dt>${esc(i.label)}</dt><dd class="num${i.warning && i.value !== '0' ? ' warn' : ''}">${esc(i.value)}</dd>`)
          .join('')}</dl></div>`,
    )
    .join('\n');
  const warnings = d.warnings.length
    ? `<div class="warnings"><h2>${esc(p.t('html.warnings', { n: d.warnings.length }))}</h2><ul>${d.warnings.map((w) => `<li>${esc(w)}${p.codeMeanings(w)}</li>`).join('')}</ul></div>`
    : `<p class="ok">${esc(p.t('html.noWarnings'))}</p>`;
  const noteLines = [...d.notes, ...(d.unknownEnterprises.length ? [p.t('html.unknownEnterprises', { n: d.unknownEnterprises.length, ids: d.unknownEnterprises.slice(0, 20).join(', ') })] : [])];
  const notes = noteLines.length
    ? `<details class="notes"><summary>${esc(p.t('html.notes', { n: noteLines.length }))}</summary><ul>${noteLines.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></details>`
    : '';
  return [
    `<header><h1>${esc(p.t('html.title'))}</h1>`,
    `<p class="meta">${esc(p.t('html.inputFolder'))}: <code>${esc(d.dir)}</code>${years ? ` · ${esc(p.t('html.years'))}: ${esc(years)}` : ''}${d.reform ? ` · ${esc(p.t('html.reformFile'))}: <code>${esc(d.reform.file)}</code>` : ''}</p>`,
    `</header>`,
    warnings,
    notes,
    `<section id="totals"><h2>${esc(p.t('html.totals'))}</h2><div class="cards">${cards}</div></section>`,
  ].join('\n');
}

/**
 * The education expense section, from the run's facts (sums by year) and its largest balances:
 * no pass over the report's rows (a city's run has a million enterprise-years).
 */
function educationSection(p: Page): string {
  const measures = ['wages', 'cap', 'incurred', 'deductible', 'carry_out'];
  const byYear = new Groups();
  for (const f of p.data.facts) if (f.calculator === 'education_expense' && f.town === '*' && f.year !== '*' && measures.includes(f.measure)) byYear.put(f.year, f.measure, f.value);
  const years = byYear.keys().sort(byText);
  const chart1 = p.figure({
    title: p.t('html.edu.byYear'),
    wide: true,
    chart: {
      categories: years,
      money: true,
      series: [
        { name: p.measure('cap'), values: years.map((y) => yuan(byYear.fen(y, 'cap'))) },
        { name: p.measure('deductible'), values: years.map((y) => yuan(byYear.fen(y, 'deductible'))) },
        { name: p.measure('carry_out'), values: years.map((y) => yuan(byYear.fen(y, 'carry_out'))), type: 'line' },
        { name: p.t('html.rightAxis', { name: p.measure('wages') }), values: years.map((y) => yuan(byYear.fen(y, 'wages'))), type: 'line', axis: 1 },
      ],
    },
    table: p.table(
      [{ label: p.measure('year') }, ...measures.map((m) => ({ label: p.measure(m), num: true }))],
      years.map((y) => [text(y), ...measures.map((m) => money(byYear.fen(y, m)))]),
      [[text(p.t('html.total')), ...measures.map((m) => (m === 'carry_out' ? text('') : totalOf(money(byYear.total(m)), 'deductions', m)))]],
    ),
    sources: ['eit.education_expense.rate', 'eit.education_expense.high_tech_rate', 'eit.education_expense.advanced_tech_service_rate'],
  });
  // The largest balances carried out of the latest year.
  const latest = years.at(-1) ?? '';
  const carried = p.data.largest
    .filter((l) => l.calculator === 'education_expense' && l.measure === 'carry_out' && l.year === latest)
    .map((l) => ({ id: l.id, name: p.data.enterprises?.get(l.id)?.name ?? '', town: l.town, fen: l.value }));
  const chart2 = p.figure({
    title: p.t('html.edu.largestCarried', { year: latest }),
    wide: true,
    chart: { categories: carried.map((c) => c.name || c.id), money: true, horizontal: true, series: [{ name: p.measure('carry_out'), values: carried.map((c) => yuan(c.fen)) }] },
    table: p.table(
      [{ label: '#' }, { label: p.measure('enterprise_id') }, { label: p.measure('name') }, { label: p.measure('town') }, { label: p.measure('carry_out'), num: true }],
      carried.map((c, i) => [count(i + 1), text(c.id), text(c.name), text(p.town(c.town)), money(c.fen)]),
    ),
  });
  return section('education', p.t('html.edu.title'), chart1 + chart2);
}

/** The quarter a filing period falls in (2024-03 → 2024-Q1); quarters and years as they are. */
function quarterOf(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : period;
}

function creditSection(p: Page, report: RunReport): string {
  const rows = recordsOf(report);
  const measures = ['due', 'exemption', 'reduction', 'credit', 'paid', 'payable'];
  const byQuarter = new Groups();
  for (const r of rows) byQuarter.add(quarterOf(r.period ?? ''), r, measures);
  // The pool carried at the end of a quarter: each enterprise's closing of its last period in it.
  const last = new Map<string, { period: string; closing: Fen }>();
  for (const e of p.data.ledger) {
    if (e.kind !== 'pcie_credit') continue;
    const key = `${e.enterprise_id}\u0000${quarterOf(e.period.text)}`;
    const seen = last.get(key);
    if (!seen || byText(seen.period, e.period.text) < 0) last.set(key, { period: e.period.text, closing: e.closing });
  }
  const pool = new Map<string, Fen>();
  for (const [key, v] of last) {
    const q = key.slice(key.indexOf('\u0000') + 1);
    pool.set(q, (pool.get(q) ?? 0) + v.closing);
  }
  const quarters = [...new Set([...byQuarter.keys(), ...pool.keys()])].sort(byText);
  const used = p.figure({
    title: p.t('html.credit.byPeriod'),
    chart: {
      categories: quarters,
      money: true,
      series: [
        { name: p.measure('credit'), values: quarters.map((q) => yuan(byQuarter.fen(q, 'credit'))) },
        { name: p.measure('pool'), values: quarters.map((q) => yuan(pool.get(q) ?? 0)), type: 'line' },
      ],
    },
    table: p.table(
      [{ label: p.measure('quarter') }, ...['due', 'credit', 'paid', 'payable', 'pool'].map((m) => ({ label: p.measure(m), num: true }))],
      quarters.map((q) => [text(q), ...['due', 'credit', 'paid', 'payable'].map((m) => money(byQuarter.fen(q, m))), money(pool.get(q) ?? 0)]),
      [[text(p.t('html.total')), ...['due', 'credit', 'paid', 'payable'].map((m) => totalOf(money(byQuarter.total(m)), 'credits', m)), text('')]],
    ),
    sources: ['pcie.credit_rate'],
  });
  const relief = p.figure({
    title: p.t('html.credit.relief'),
    chart: {
      categories: quarters,
      money: true,
      series: ['exemption', 'reduction'].map((m): ChartSeries => ({ name: p.measure(m), values: quarters.map((q) => yuan(byQuarter.fen(q, m))), stack: 'relief' })),
    },
    table: p.table(
      [{ label: p.measure('quarter') }, ...['exemption', 'reduction'].map((m) => ({ label: p.measure(m), num: true }))],
      quarters.map((q) => [text(q), money(byQuarter.fen(q, 'exemption')), money(byQuarter.fen(q, 'reduction'))]),
      [[text(p.t('html.total')), ...['exemption', 'reduction'].map((m) => totalOf(money(byQuarter.total(m)), 'credits', m))]],
    ),
    sources: ['surcharge.exemption.monthly_sales', 'surcharge.reduction.rate'],
  });
  return section('credits', p.t('html.credit.title'), used + relief);
}

/** Eligible and ineligible rows and the amount, by a key: the shape of programmes, towns, levels. */
function statusGroups(rows: Iterable<Row>, keyOf: (r: Row) => string): Groups {
  const g = new Groups();
  for (const r of rows) g.add(keyOf(r), r, ['amount'], { eligible: r.status === 'eligible', ineligible: r.status === 'ineligible' });
  return g;
}

/** A status table (key, rows, eligible, ineligible, amount) with its totals marked against `report`. */
function statusTable(p: Page, report: string, keyLabel: string, g: Groups, keys: readonly string[], show: (k: string) => string = (k) => k): string {
  return p.table(
    [{ label: keyLabel }, ...['rows', 'eligible', 'ineligible', 'amount'].map((m) => ({ label: p.measure(m), num: true }))],
    keys.map((k) => [text(show(k)), count(g.n(k)), count(g.count(k, 'eligible')), count(g.count(k, 'ineligible')), money(g.fen(k, 'amount'))]),
    [
      [
        text(p.t('html.total')),
        totalOf(count(g.totalN()), report, 'rows'),
        totalOf(count(g.totalCount('eligible')), report, 'rows', 'status=eligible'),
        totalOf(count(g.totalCount('ineligible')), report, 'rows', 'status=ineligible'),
        totalOf(money(g.total('amount')), report, 'amount'),
      ],
    ],
  );
}

const statusSeries = (p: Page, g: Groups, keys: readonly string[]): ChartSeries[] =>
  (['eligible', 'ineligible'] as const).map((s) => ({ name: p.measure(s), values: keys.map((k) => g.count(k, s)), stack: 'status' }));

function subsidySection(p: Page, report: RunReport): string {
  const rows = recordsOf(report);
  const byProgram = statusGroups(rows, (r) => r.program ?? '');
  const programs = byProgram.keys().sort(byText);
  const programFig = p.figure({
    title: p.t('html.subsidy.byProgram'),
    chart: { categories: programs.map((k) => p.term(k)), series: statusSeries(p, byProgram, programs) },
    table: statusTable(p, 'subsidies', p.measure('program'), byProgram, programs, (k) => `${p.term(k)} (${k})`),
    sources: ['subsidy.skill_upgrade.levels', 'subsidy.yearly_cap'],
  });
  const byTown = statusGroups(rows, (r) => whoOf(p.data, r).town);
  const towns = byTown.keys().sort((a, b) => byTown.n(b) - byTown.n(a) || byText(a, b));
  const townFig = p.figure({
    title: p.t('html.subsidy.byTown'),
    chart: { categories: towns.map((t) => p.town(t)), horizontal: true, series: statusSeries(p, byTown, towns) },
    table: statusTable(p, 'subsidies', p.measure('town'), byTown, towns, (t) => p.town(t)),
  });
  const reasons = new Map<string, number>();
  for (const r of rows)
    if (r.status === 'ineligible') for (const code of (r.reasons ?? '').split(';').filter(Boolean)) reasons.set(code, (reasons.get(code) ?? 0) + 1);
  const top = [...reasons].sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).slice(0, 10);
  const reasonFig = p.figure({
    title: p.t('html.subsidy.reasons'),
    // the reasons in words (the code beside them in the table, as the CSV has it)
    chart: { categories: top.map(([c]) => reasonTextOf('training_subsidy', c, p.lang)), horizontal: true, series: [{ name: p.measure('rows'), values: top.map(([, n]) => n) }] },
    table: p.table(
      [{ label: p.measure('reason') }, { label: p.measure('rows'), num: true }],
      top.map(([c, n]) => [text(`${reasonTextOf('training_subsidy', c, p.lang)} (${c})`), count(n)]),
    ),
  });
  const byLevel = statusGroups(rows, (r) => r.level ?? '');
  const levels = byLevel.keys().sort(byText);
  const levelName = (l: string) => (l === '' ? p.t('html.noLevel') : p.t('html.level', { level: l }));
  const levelFig = p.figure({
    title: p.t('html.subsidy.byLevel'),
    chart: { categories: levels.map(levelName), money: true, series: [{ name: p.measure('amount'), values: levels.map((l) => yuan(byLevel.fen(l, 'amount'))) }] },
    table: statusTable(p, 'subsidies', p.measure('level'), byLevel, levels, levelName),
    sources: ['subsidy.shortage_post.monthly_amount.level1', 'subsidy.shortage_post.monthly_amount.level2'],
  });
  return section('subsidies', p.t('html.subsidy.title'), programFig + townFig + reasonFig + levelFig);
}

/**
 * The bureau's view of the fund (issue #15): allocated against paid per year (fund-usage.csv),
 * the unclaimed certificates that would pay (免申即享: unclaimed.csv, 身份证号 masked, soonest
 * deadline first), and the training providers with their heuristic flags (providers.csv).
 */
function fundSection(p: Page, fund: RunReport | undefined, unclaimed: RunReport | undefined, providers: RunReport | undefined): string {
  let out = '';
  if (fund) {
    const rows = [...recordsOf(fund)];
    const years = [...new Set(rows.map((r) => r.year ?? ''))].sort(byText);
    const sum = (y: string, m: string) => rows.filter((r) => r.year === y).reduce((a, r) => a + fenOf(r[m]), 0);
    out += p.figure({
      title: p.t('html.fund.byYear'),
      chart: {
        categories: years,
        money: true,
        series: [
          { name: p.t('html.fund.allocated'), values: years.map((y) => yuan(sum(y, 'allocated'))) },
          { name: p.t('html.fund.paid'), values: years.map((y) => yuan(sum(y, 'paid'))) },
          { name: p.t('html.fund.committed'), values: years.map((y) => yuan(sum(y, 'committed'))) },
        ],
      },
      table: p.table(
        [{ label: p.measure('year') }, { label: p.measure('program') }, ...['allocated', 'paid', 'committed'].map((m) => ({ label: p.t(`html.fund.${m}` as MessageKey), num: true })), { label: p.t('html.fund.rate'), num: true }, { label: p.t('html.fund.remaining'), num: true }, { label: p.t('html.fund.warning') }],
        rows.map((r) => [text(r.year ?? ''), text(r.program === '*' ? p.t('html.fund.all') : p.term(r.program ?? '')), money(fenOf(r.allocated)), money(fenOf(r.paid)), money(fenOf(r.committed)), text(r.usage_rate ?? ''), money(fenOf(r.remaining)), text(r.warning ?? '')]),
        [[text(p.t('html.total')), text(''), ...['allocated', 'paid', 'committed'].map((m) => totalOf(money(rows.reduce((a, r) => a + fenOf(r[m]), 0)), 'fund-usage', m)), text(''), totalOf(money(rows.reduce((a, r) => a + fenOf(r.remaining), 0)), 'fund-usage', 'remaining'), text('')]],
      ),
    });
  }
  if (unclaimed) {
    const rows = [...recordsOf(unclaimed)];
    const payable = rows.filter((r) => fenOf(r.amount) > 0 && Number(r.days_left) >= 0);
    out += `<div class="block wide"><h3>${esc(p.t('html.match.title', { n: payable.length, amount: moneyText(payable.reduce((a, r) => a + fenOf(r.amount), 0)), asOf: rows[0]?.as_of ?? '' }))}</h3>${p.table(
      [{ label: p.measure('person') }, { label: p.t('html.match.certificate') }, { label: p.measure('program') }, { label: p.t('html.match.deadline') }, { label: p.t('html.match.daysLeft'), num: true }, { label: p.measure('name') }, { label: p.measure('amount'), num: true }],
      payable.slice(0, 20).map((r) => [text(maskPersonId(r.person_id ?? '')), text(r.certificate_no ?? ''), text(p.term(r.program ?? '')), text(r.claim_deadline ?? ''), count(Number(r.days_left)), text(r.name || r.enterprise_id || ''), money(fenOf(r.amount))]),
    )}<p class="meta">${esc(p.t('html.match.note'))}</p></div>`;
  }
  if (providers) {
    const rows = [...recordsOf(providers)];
    out += `<div class="block wide"><h3>${esc(p.t('html.providers.title'))}</h3>${p.table(
      [{ label: p.t('html.providers.provider') }, { label: p.measure('year') }, { label: p.t('html.providers.people'), num: true }, { label: p.t('html.providers.claims'), num: true }, { label: p.measure('ineligible'), num: true }, { label: p.t('html.providers.paid'), num: true }, { label: p.t('html.providers.neverClaimed'), num: true }, { label: p.t('html.providers.flags') }],
      rows.map((r) => [text(r.name || r.provider_id || ''), text(r.year ?? ''), count(Number(r.people_trained)), count(Number(r.claims)), count(Number(r.refused)), money(fenOf(r.subsidy_paid)), text(r.never_claimed_share ?? ''), text((r.flags ?? '').split(';').filter(Boolean).map((f) => p.term(f)).join('；'))]),
    )}<p class="meta">${esc(p.t('html.providers.heuristics'))}</p></div>`;
  }
  return out;
}

function awardSection(p: Page, report: RunReport): string {
  const rows = recordsOf(report);
  const g = statusGroups(rows, (r) => r.program ?? '');
  const programs = g.keys().sort((a, b) => g.fen(b, 'amount') - g.fen(a, 'amount') || byText(a, b));
  return p.figure({
    title: p.t('html.awards.byProgram'),
    chart: { categories: programs.map((k) => p.term(k, 'awards')), money: true, horizontal: true, series: [{ name: p.measure('amount'), values: programs.map((k) => yuan(g.fen(k, 'amount'))) }] },
    table: statusTable(p, 'award-payments', p.measure('program'), g, programs, (k) => `${p.term(k, 'awards')} (${k})`),
  });
}

function exemptSection(p: Page, report: RunReport): string {
  const rows = recordsOf(report);
  const g = new Groups();
  for (const r of rows) g.add(r.tax ?? '', r, ['tax_amount', 'exempt_amount'], { exempt: r.exempt === 'yes' });
  const taxes = g.keys().sort(byText);
  const money2 = ['tax_amount', 'exempt_amount'];
  return p.figure({
    title: p.t('html.exempt.byTax'),
    chart: { categories: taxes.map((k) => p.term(k)), money: true, series: money2.map((m) => ({ name: p.measure(m), values: taxes.map((k) => yuan(g.fen(k, m))) })) },
    table: p.table(
      [{ label: p.measure('tax') }, { label: p.measure('rows'), num: true }, { label: p.measure('exempt'), num: true }, ...money2.map((m) => ({ label: p.measure(m), num: true }))],
      taxes.map((k) => [text(`${p.term(k)} (${k})`), count(g.n(k)), count(g.count(k, 'exempt')), ...money2.map((m) => money(g.fen(k, m)))]),
      [
        [
          text(p.t('html.total')),
          totalOf(count(g.totalN()), 'exemptions', 'rows'),
          totalOf(count(g.totalCount('exempt')), 'exemptions', 'rows', 'exempt=yes'),
          ...money2.map((m) => totalOf(money(g.total(m)), 'exemptions', m)),
        ],
      ],
    ),
    sources: taxes.map((k) => `exempt.${k}.uses`),
  });
}

/** The figures a reader of a reform looks at first (what is deducted, credited, paid or exempted), in that order; other measures after. */
const HEADLINE = ['total_deductible', 'deductible', 'credit', 'payable', 'amount', 'exempt_amount'];
const headlineRank = (measure: string): number => (HEADLINE.includes(measure) ? HEADLINE.indexOf(measure) : HEADLINE.length);

function reformSection(p: Page): string {
  const reform = p.data.reform;
  if (!reform) return '';
  const figure = (unit: 'fen' | 'count', v: number): TCell => (unit === 'fen' ? money(v) : count(v));
  const params = p.table(
    [{ label: p.measure('key') }, { label: p.measure('baseline') }, { label: p.measure('reform') }, { label: p.measure('source') }],
    reform.params.map((r) => [text(r.key), text(reform.baselineParams.find((b) => b.key === r.key)?.value ?? ''), text(r.value), text(r.source)]),
  );
  const diffCols = [p.measure('baseline'), p.measure('reform'), p.measure('difference')].map((label) => ({ label, num: true }));
  const diffCells = (r: (typeof reform.rows)[number]) => [figure(r.unit, r.baseline), figure(r.unit, r.reform), figure(r.unit, r.reform - r.baseline)];
  const changed = (r: { baseline: number; reform: number }) => r.reform !== r.baseline;
  const bySize = (a: { baseline: number; reform: number }, b: { baseline: number; reform: number }) => Math.abs(b.reform - b.baseline) - Math.abs(a.reform - a.baseline);
  const all = reform.rows.filter((r) => r.town === '*' && r.year === '*');
  const moved = all.filter(changed).sort((a, b) => headlineRank(a.measure) - headlineRank(b.measure) || bySize(a, b));
  const byCalc = moved.length
    ? p.table(
        [{ label: p.measure('calculator') }, { label: p.measure('measure') }, ...diffCols],
        moved.map((r) => [text(p.calculator(r.calculator)), text(p.measureName(r.measure)), ...diffCells(r)]),
      ) + `<p class="src">${esc(p.t('html.reform.unchanged', { n: all.length - moved.length }))}</p>`
    : `<p>${esc(p.t('html.reform.nothingChanged'))}</p>`;
  // The charts follow the headline figure that changed most (what is deducted, credited or paid).
  const lead = moved.filter((r) => r.unit === 'fen').sort((a, b) => headlineRank(a.measure) - headlineRank(b.measure) || bySize(a, b))[0];
  const same = (r: (typeof reform.rows)[number]) => lead !== undefined && r.calculator === lead.calculator && r.measure === lead.measure;
  const townRows = reform.rows.filter((r) => r.town !== '*' && r.year === '*' && changed(r));
  const yearRows = reform.rows.filter((r) => r.town === '*' && r.year !== '*').sort((a, b) => byText(a.year, b.year));
  const yearTableRows = yearRows.filter((r) => moved.some((m) => m.calculator === r.calculator && m.measure === r.measure));
  const leadName = lead ? `${p.calculator(lead.calculator)} · ${p.measureName(lead.measure)}` : '';
  const townLead = townRows.filter(same).sort((a, b) => bySize(a, b) || byText(a.town, b.town));
  const yearLead = yearRows.filter(same);
  const townFig = p.figure({
    title: p.t('html.reform.byTown', { measure: leadName }),
    chart: { categories: townLead.map((r) => p.town(r.town)), money: true, horizontal: true, series: [{ name: p.measure('difference'), values: townLead.map((r) => yuan(r.reform - r.baseline)) }] },
    table: p.table(
      [{ label: p.measure('calculator') }, { label: p.measure('measure') }, { label: p.measure('town') }, ...diffCols],
      townRows.map((r) => [text(p.calculator(r.calculator)), text(p.measureName(r.measure)), text(p.town(r.town)), ...diffCells(r)]),
    ),
  });
  const yearFig = p.figure({
    title: p.t('html.reform.byYear', { measure: leadName }),
    chart: {
      categories: yearLead.map((r) => r.year),
      money: true,
      series: [
        { name: p.measure('baseline'), values: yearLead.map((r) => yuan(r.baseline)) },
        { name: p.measure('reform'), values: yearLead.map((r) => yuan(r.reform)) },
      ],
    },
    table: p.table(
      [{ label: p.measure('calculator') }, { label: p.measure('measure') }, { label: p.measure('year') }, ...diffCols],
      yearTableRows.map((r) => [text(p.calculator(r.calculator)), text(p.measureName(r.measure)), text(r.year), ...diffCells(r)]),
    ),
  });
  const subjects = [...reform.affected].sort((a, b) => headlineRank(a.measure) - headlineRank(b.measure) || bySize(a, b) || byText(a.id, b.id));
  const affected = p.table(
    [{ label: p.measure('calculator') }, { label: p.measure('measure') }, { label: p.measure('subject') }, { label: p.measure('name') }, { label: p.measure('town') }, ...diffCols],
    subjects.map((s) => [
      text(p.calculator(s.calculator)),
      text(p.measureName(s.measure)),
      text(s.kind === 'person' ? maskPersonId(s.id) : s.id),
      text(s.name),
      text(p.town(s.town)),
      figure(s.unit, s.baseline),
      figure(s.unit, s.reform),
      figure(s.unit, s.reform - s.baseline),
    ]),
  );
  return section(
    'reform',
    p.t('html.reform.title'),
    [
      `<div class="block wide"><h3>${esc(p.t('html.reform.params'))}</h3>${params}</div>`,
      `<div class="block wide"><h3>${esc(p.t('html.reform.byCalculator'))}</h3>${byCalc}</div>`,
      townFig,
      yearFig,
      `<div class="block wide"><h3>${esc(p.t('html.reform.affected'))}</h3>${affected}</div>`,
    ].join('\n'),
  );
}

function inputsSection(p: Page): string {
  const d = p.data;
  const inputs = p.table(
    [{ label: p.measure('file') }, { label: p.measure('kind') }, { label: p.measure('rows'), num: true }, { label: 'sha256' }],
    d.inputs.map((i) => [text(i.file), text(i.kind), i.rows === null ? text('') : count(i.rows), { v: i.sha256, attrs: ' class="hash"' }]),
  );
  const overridden = d.params.filter((x) => x.origin !== 'built-in');
  const params = overridden.length
    ? p.table(
        [{ label: p.measure('key') }, { label: p.measure('value') }, { label: p.measure('source') }, { label: p.measure('status') }, { label: p.measure('origin') }],
        overridden.map((x) => [text(x.key), text(x.value), text(x.source), text(x.status), text(x.origin)]),
      )
    : `<p>${esc(p.t('html.noOverrides'))}</p>`;
  const outputs = d.outputs.length ? `<p>${esc(p.t('html.outputs'))}: ${d.outputs.map((o) => `<code>${esc(o)}</code>`).join(' ')}</p>` : '';
  return section(
    'inputs',
    p.t('html.inputs.title'),
    `<div class="block wide"><h3>${esc(p.t('html.inputs.read'))}</h3>${inputs}${outputs}</div><div class="block wide"><h3>${esc(p.t('html.inputs.overridden'))}</h3>${params}</div>`,
  );
}

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2><div class="grid">\n${body}\n</div></section>`;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font-family:${FONT_FAMILY};color:#222;background:#f4f5f7;font-size:14px;line-height:1.5}
main{max-width:1220px;margin:0 auto;padding:16px 24px 40px}
header h1{font-size:24px;margin:4px 0}
.meta{color:#555;margin:0 0 12px}
nav{position:sticky;top:0;z-index:1;background:#1f3b5a;padding:6px 24px;display:flex;flex-wrap:wrap;gap:4px 18px}
nav a{color:#fff;text-decoration:none;font-size:13px}
nav a:hover{text-decoration:underline}
h2{font-size:19px;margin:22px 0 10px;padding-bottom:4px;border-bottom:2px solid #1f3b5a}
h3{font-size:15px;margin:0 0 8px}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:8px}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:8px 10px}
.card h3{font-size:13px;color:#1f3b5a}
.card dl{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:0 8px;margin:0;font-size:12px;line-height:1.45}
.card dt{color:#555;overflow-wrap:anywhere}.card dd{margin:0;font-variant-numeric:tabular-nums;text-align:right;max-width:120px;overflow-wrap:anywhere}
.warn{color:#b3261e;font-weight:bold}
.warnings{background:#fff4e5;border:1px solid #f0b25a;border-radius:6px;padding:8px 14px;margin:8px 0}
.warnings h2{border:0;margin:0;font-size:16px;color:#8a4b00}
.warnings ul,.notes ul{margin:4px 0;padding-left:20px}
.ok{color:#2e7d32;margin:6px 0}
.notes{margin:6px 0;color:#444}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:14px}
.fig,.block{margin:0;background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:10px 12px;min-width:0}
.wide{grid-column:1/-1}
figcaption{font-weight:bold;margin-bottom:4px}
.chart svg{display:block;max-width:100%;height:auto;margin:0 auto}
.empty{color:#777}
details{margin-top:6px}
summary{cursor:pointer;color:#1f5f99}
table{border-collapse:collapse;width:100%;margin:6px 0;font-size:12.5px}
th,td{border-bottom:1px solid #e3e6ea;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#eef1f5;cursor:pointer;white-space:nowrap}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot td{font-weight:bold;border-top:2px solid #b8c0ca}
.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;word-break:break-all}
.src{color:#555;font-size:12px;margin:6px 0 0}
.key{color:#888}
@media print{nav{display:none}details{display:block}}
`;

/** Click a column heading to sort its table; the page reads the same without it. */
const SORT_SCRIPT = `
document.querySelectorAll('table.sortable thead th').forEach(function (th) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0], i = th.cellIndex;
    var up = th.getAttribute('data-dir') !== 'up';
    th.setAttribute('data-dir', up ? 'up' : 'down');
    var key = function (row) { var c = row.cells[i]; return c ? (c.hasAttribute('data-sort') ? Number(c.getAttribute('data-sort')) : c.textContent) : ''; };
    Array.prototype.slice.call(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b), d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
      return up ? d : -d;
    }).forEach(function (row) { body.appendChild(row); });
  });
});
`;

/**
 * The run's report as one self-contained HTML page in `data.lang`: every chart inline SVG,
 * every table in the page, no request of any kind when it is opened. Same data, same bytes.
 */
export function renderReportHtml(data: RunData): string {
  const p = new Page(data);
  const report = (name: string) => data.reports.find((r) => r.name === name);
  const parts: { id: string; title: string; html: string }[] = [];
  const deductions = report('deductions');
  if (deductions) parts.push({ id: 'education', title: p.t('html.edu.title'), html: educationSection(p) });
  const credits = report('credits');
  if (credits) parts.push({ id: 'credits', title: p.t('html.credit.title'), html: creditSection(p, credits) });
  const subsidies = report('subsidies');
  if (subsidies) parts.push({ id: 'subsidies', title: p.t('html.subsidy.title'), html: subsidySection(p, subsidies) });
  const awards = report('award-payments');
  const exemptions = report('exemptions');
  if (awards || exemptions)
    parts.push({
      id: 'awards',
      title: p.t('html.awardsExempt.title'),
      html: section('awards', p.t('html.awardsExempt.title'), (awards ? awardSection(p, awards) : '') + (exemptions ? exemptSection(p, exemptions) : '')),
    });
  const unclaimed = report('unclaimed');
  const fundReport = report('fund-usage');
  const providerReport = report('providers');
  if (unclaimed || fundReport || providerReport)
    parts.push({ id: 'fund', title: p.t('html.fund.title'), html: section('fund', p.t('html.fund.title'), fundSection(p, fundReport, unclaimed, providerReport)) });
  if (data.reform) parts.push({ id: 'reform', title: p.t('html.reform.title'), html: reformSection(p) });
  parts.push({ id: 'inputs', title: p.t('html.inputs.title'), html: inputsSection(p) });
  const nav = [{ id: 'totals', title: p.t('html.totals') }, ...parts].map((x) => `<a href="#${x.id}">${esc(x.title)}</a>`).join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="${data.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No request leaves the page: only inline styles, scripts and images (data: URLs).
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(p.t('html.title'))} · ${esc(data.dir)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<nav>${nav}</nav>`,
    '<main>',
    header(p),
    ...parts.map((x) => x.html),
    `<footer class="meta">${esc(p.t('html.footer'))}</footer>`,
    '</main>',
    `<script>${SORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
