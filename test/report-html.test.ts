/**
 * report.html (README "Files `run` writes"): renderReportHtml on the demo run's data, then the
 * page in a real headless browser (Debian's chromium driven by playwright-core): no console
 * error, no request beyond the page itself, an SVG with data marks for every chart, the tables'
 * totals equal to the CSV reports' sums (summed here, independently), a non-blank screenshot of
 * the expected size, in Chinese and in English. UPDATE_SCREENSHOTS=1 writes docs/report-*.png.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tIn, type Lang } from '../src/i18n/index.js';
import { compactAmount } from '../src/report/charts.js';
import { maskPersonId, moneyText, renderReportHtml } from '../src/report/html.js';
import type { RunData } from '../src/report/run-data.js';
import { requireBuild, ROOT, skilltax } from './helpers/cli.js';
import { DEMO, readCsv } from './helpers/demo.js';
import { tempDirs } from './helpers/files.js';
import { decodePng, distinctColours } from './helpers/png.js';
import { runDataFromFiles } from './helpers/run-data.js';

const tmp = tempDirs('skilltax-html-');
let out = '';
const data = {} as Record<Lang, RunData>;

beforeAll(() => {
  requireBuild();
  out = tmp();
  const r = skilltax(['run', DEMO, '--out', out]);
  expect(r.status, r.stderr).toBeLessThan(2);
  for (const lang of ['en', 'zh'] as const) data[lang] = runDataFromFiles(DEMO, out, lang);
  // The pages the browser opens are run's own report.html, in each language.
  for (const lang of ['en', 'zh'] as const) {
    const r2 = skilltax(['run', DEMO, '--out', join(out, lang), '--lang', lang]);
    expect(r2.status, r2.stderr).toBeLessThan(2);
  }
});

/** A report column summed from the CSV file by its digits (yuan.fen → fen), over the rows where `where` (column=value) holds; `rows` counts them. */
function csvTotal(report: string, measure: string, where?: string): number {
  const rows = readCsv(readFileSync(join(out, `${report}.csv`)));
  const [col, value] = where ? where.split('=') : [];
  const kept = col ? rows.filter((r) => r[col] === value) : rows;
  if (measure === 'rows') return kept.length;
  return kept.reduce((s, r) => {
    const m = /^(-?)(\d+)\.(\d\d)$/.exec(r[measure]!);
    if (!m) throw new Error(`${report}.csv ${measure}: not an amount: ${r[measure]}`);
    return s + (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
  }, 0);
}

/** A total cell's text as the CSV's unit: amounts ("12,345.67") in fen, counts as they are. */
const shownValue = (text: string, measure: string) => (measure === 'rows' ? Number(text) : Math.round(Number(text.replace(/,/g, '')) * 100));

/** The marked total cells of a page: report, measure, where, text. */
function totalCells(html: string): { report: string; measure: string; where?: string; text: string }[] {
  return [...html.matchAll(/<td[^>]* data-total data-report="([^"]+)" data-measure="([^"]+)"(?: data-where="([^"]+)")?>([^<]*)<\/td>/g)].map((m) => ({
    report: m[1]!,
    measure: m[2]!,
    ...(m[3] ? { where: m[3] } : {}),
    text: m[4]!,
  }));
}

describe('figures of the page', () => {
  it('shows fen with two decimals and thousands separators', () => {
    expect([1234567, -5, 0, 100000000].map(moneyText)).toEqual(['12,345.67', '-0.05', '0.00', '1,000,000.00']);
  });

  it('labels chart axes compactly in the page language', () => {
    expect([0, 800, 35_000, 120_000_000].map((v) => compactAmount(v, 'zh'))).toEqual(['0', '800', '3.5万', '1.2亿']);
    expect([0, 800, 35_000, 1_200_000].map((v) => compactAmount(v, 'en'))).toEqual(['0', '800', '35k', '1.2M']);
  });
});

describe('renderReportHtml', () => {
  it('makes one page that asks nothing of the network: no URL, no external script, font, image or style', () => {
    for (const lang of ['en', 'zh'] as const) {
      const html = renderReportHtml(data[lang]);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`);
      expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
      expect(html).not.toMatch(/<script[^>]+src=/i);
      // url() only of the SVG's own clip paths (url(#c1-0)).
      expect(html).not.toMatch(/@import|url\((?!#)/i);
      // The only URLs are the SVG namespaces, never fetched.
      expect([...html.matchAll(/https?:\/\/[^\s"')<]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://www.w3.org/'))).toEqual([]);
      expect(html).toContain('"PingFang SC","Microsoft YaHei","Noto Sans CJK SC"');
    }
  });

  it('gives the same bytes for the same data (chart ids renumbered, nothing of the moment)', () => {
    const a = renderReportHtml(data.zh);
    const b = renderReportHtml(data.zh);
    expect(b).toBe(a);
    expect(a).not.toMatch(/zr\d+-/);
  });

  it('speaks the page language: the catalogue words, chart text and headings in it', () => {
    const en = renderReportHtml(data.en);
    const zh = renderReportHtml(data.zh);
    expect(en).toContain(tIn('en', 'html.title'));
    expect(zh).toContain(tIn('zh', 'html.title'));
    expect(zh).toContain(`<figcaption>${tIn('zh', 'html.edu.byYear')}</figcaption>`);
    // Chart legends and axis labels in the language: 准予扣除额 and 万 in Chinese, "deductible" and k/M in English.
    const svgZh = zh.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(svgZh).toContain(tIn('zh', 'html.measure.deductible'));
    expect(svgZh).toMatch(/>\d+(\.\d)?万</);
    const svgEn = en.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(svgEn).toContain(`>${tIn('en', 'html.measure.deductible')}<`);
    expect(svgEn).toMatch(/>\d+(\.\d)?[kM]</);
    expect(en).not.toContain(tIn('zh', 'html.total'));
  });

  it('marks the totals of its tables, and each equals the sum of the CSV report', () => {
    const cells = totalCells(renderReportHtml(data.en));
    const measures = new Set(cells.map((c) => `${c.report}.${c.measure}`));
    for (const m of ['deductions.wages', 'deductions.cap', 'deductions.deductible', 'credits.credit', 'credits.exemption', 'credits.reduction', 'subsidies.amount', 'award-payments.amount', 'exemptions.exempt_amount'])
      expect(measures).toContain(m);
    for (const c of cells) expect(shownValue(c.text, c.measure), `${c.report} ${c.measure} ${c.where ?? ''}`).toBe(csvTotal(c.report, c.measure, c.where));
  });

  it('shows money with two decimals and the legal source next to the figures', () => {
    const html = renderReportHtml(data.en);
    for (const c of totalCells(html).filter((x) => x.measure !== 'rows')) expect(c.text).toMatch(/^-?[\d,]+\.\d\d$/);
    expect(html).toContain('财税〔2018〕51号 <span class="key">(eit.education_expense.rate = 0.08)</span>');
    expect(html).toContain('财税〔2019〕46号');
  });

  it('names the enterprises with the largest carried balances, with name and town', () => {
    const deductions = readCsv(readFileSync(join(out, 'deductions.csv')));
    const last = String(Math.max(...deductions.map((r) => Number(r.year))));
    const top = deductions.filter((r) => r.year === last && r.carry_out !== '0.00').sort((a, b) => Number(b.carry_out) - Number(a.carry_out))[0]!;
    const info = data.zh.enterprises!.get(top.enterprise_id!)!;
    const html = renderReportHtml(data.zh);
    const fig = html.slice(html.indexOf(tIn('zh', 'html.edu.largestCarried', { year: last })));
    expect(fig.slice(0, fig.indexOf('</figure>'))).toContain(`<td>${top.enterprise_id}</td><td>${info.name}</td><td>${info.town}</td>`);
  });

  it('shows the warnings first and the notes collapsed', () => {
    const html = renderReportHtml({ ...data.en, warnings: ['ledger_gap for 91330282144073961U in 2020'], notes: ['note: something to know'] });
    const warn = html.indexOf('ledger_gap for 91330282144073961U');
    expect(warn).toBeGreaterThan(0);
    expect(warn).toBeLessThan(html.indexOf('id="totals"'));
    expect(html).toMatch(/<details class="notes"><summary>1 note<\/summary><ul><li>note: something to know<\/li>/);
  });

  it('has a Reform section when there is a reform: differences by calculator, town and year, persons masked', () => {
    const reform: RunData['reform'] = {
      file: 'reform.json',
      params: [{ key: 'eit.education_expense.rate', value: '0.1', on: '2024-12-31', source: 'reform.json', status: 'unverified', origin: 'reform.json' }],
      baselineParams: [{ key: 'eit.education_expense.rate', value: '0.08', on: '2024-12-31', source: '财税〔2018〕51号', status: 'verified', origin: 'built-in' }],
      rows: [
        { calculator: 'education_expense', measure: 'deductible', town: '*', year: '*', unit: 'fen', baseline: 100000, reform: 125050 },
        { calculator: 'education_expense', measure: 'deductible', town: '慈溪市周巷镇', year: '*', unit: 'fen', baseline: 60000, reform: 75050 },
        { calculator: 'education_expense', measure: 'deductible', town: '慈溪市观海卫镇', year: '*', unit: 'fen', baseline: 40000, reform: 50000 },
        { calculator: 'education_expense', measure: 'deductible', town: '*', year: '2024', unit: 'fen', baseline: 100000, reform: 125050 },
        { calculator: 'training_subsidy', measure: 'claims', town: '*', year: '*', unit: 'count', baseline: 324, reform: 324 },
      ],
      affected: [
        { calculator: 'training_subsidy', measure: 'amount', kind: 'person', id: '330282198307071718', name: '', town: '', unit: 'fen', baseline: 100000, reform: 150000 },
      ],
      reports: [],
    };
    const without = renderReportHtml(data.zh);
    expect(without).not.toContain('id="reform"');
    const html = renderReportHtml({ ...data.zh, reform });
    const part = html.slice(html.indexOf('<section id="reform">'), html.indexOf('<section id="inputs">'));
    expect(part).toContain(tIn('zh', 'html.reform.title'));
    expect(part).toContain('<td class="num" data-sort="25050">250.50</td>');
    // Only what changed is listed, the headline figure first; the rest is counted.
    expect(part).toContain(`<td>${tIn('zh', 'html.calc.education_expense')}</td><td>${tIn('zh', 'html.measure.deductible')}</td>`);
    expect(part).toContain(tIn('zh', 'html.reform.unchanged', { n: 1 }));
    expect(part).not.toContain(`<td>${tIn('zh', 'html.measure.claims')}</td>`);
    expect(part).toContain('慈溪市周巷镇');
    expect(part).toContain(maskPersonId('330282198307071718'));
    expect(maskPersonId('330282198307071718')).toBe('330282********1718');
    expect(part).not.toContain('330282198307071718');
    expect((part.match(/<svg/g) ?? []).length).toBe(2);
  });

  it('lists the inputs read with their sha256, and the parameters a rules file replaced', () => {
    const overridden = data.en.params.map((p) => (p.key === 'pcie.credit_rate' ? { ...p, value: '0.4', origin: 'rules.json' } : p));
    const html = renderReportHtml({ ...data.en, params: overridden });
    const inputs = html.slice(html.indexOf('<section id="inputs">'));
    for (const i of data.en.inputs) expect(inputs).toContain(i.sha256);
    expect(inputs).toContain('<td>pcie.credit_rate</td><td>0.4</td>');
    expect(inputs).not.toContain('<td>eit.education_expense.rate</td>');
    expect(renderReportHtml(data.en)).toContain(tIn('en', 'html.noOverrides'));
  });
});

/** Debian's chromium, as .ci/run installs it. */
const CHROMIUM = '/usr/bin/chromium';

describe('report.html in headless chromium', () => {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  let browser: import('playwright-core').Browser;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 30_000);
  afterAll(async () => browser?.close());

  for (const lang of ['zh', 'en'] as const)
    it(`loads offline with no error, charts with data marks, totals equal to the CSVs, a non-blank screenshot (${lang})`, async () => {
      // run's own page (the CSV totals it is compared with are those of the same inputs)
      const file = join(out, lang, 'report.html');
      expect(readFileSync(file, 'utf8')).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
      const url = pathToFileURL(file).href;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(url, { waitUntil: 'load' });
      expect(errors).toEqual([]);
      expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);

      // Every chart: an SVG with data marks (ECharts' bars, lines and points are paths tagged as the chart's).
      const charts = await page.$$eval('figure.fig', (figs) =>
        figs.map((f) => ({ id: f.id, svg: f.querySelectorAll('.chart svg').length, marks: f.querySelectorAll('.chart svg [ecmeta_ssr_type="chart"]').length })),
      );
      expect(charts.length).toBeGreaterThanOrEqual(9);
      for (const c of charts) expect(c, c.id).toMatchObject({ svg: 1 });
      for (const c of charts) expect(c.marks, c.id).toBeGreaterThan(0);

      // The totals as the browser shows them (the tables are in collapsed <details>: their text is there all the same).
      const totals = await page.$$eval('[data-total]', (cells) =>
        cells.map((c) => ({ report: c.getAttribute('data-report')!, measure: c.getAttribute('data-measure')!, where: c.getAttribute('data-where') ?? undefined, text: c.textContent!.trim() })),
      );
      expect(totals.length).toBeGreaterThan(15);
      for (const c of totals) expect(shownValue(c.text, c.measure), `${c.report} ${c.measure}`).toBe(csvTotal(c.report, c.measure, c.where));

      // A table sorts by a click on its heading (the page works without it).
      const before = await page.$eval('#subsidies table tbody', (b) => b.textContent);
      await page.$eval('#subsidies table thead th:nth-child(2)', (th) => (th as HTMLElement).click());
      expect(await page.$eval('#subsidies table tbody', (b) => b.textContent)).not.toBe(before);

      const png = await page.screenshot({ fullPage: false });
      const img = decodePng(png);
      expect([img.width, img.height]).toEqual([1280, 900]);
      expect(distinctColours(img)).toBeGreaterThan(200);
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        writeFileSync(join(ROOT, 'docs', `report-${lang}.png`), png);
      }
      await page.close();
    }, 30_000);
});
