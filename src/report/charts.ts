/**
 * The charts of report.html: Apache ECharts rendered to SVG in Node (its server-side renderer, no
 * DOM, no script in the page), in the page's language and fonts. The SVG is made deterministic:
 * ECharts numbers its CSS classes and clip paths with process-wide counters, so they are renamed
 * by order of appearance under the chart's own prefix.
 */
import * as echarts from 'echarts';
import type { Lang } from '../i18n/index.js';

/** The fonts of the page and of its charts: the system's Chinese fonts first (no font is fetched). */
export const FONT_FAMILY = '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif';
/** The same in single quotes: ECharts writes it inside a double-quoted style attribute. */
const CHART_FONT_FAMILY = FONT_FAMILY.replace(/"/g, "'");

/** Series colours: calm, distinct in print, the first two for the main pair of every chart. */
const PALETTE = ['#2f6fb1', '#e0823d', '#3a9d6e', '#c0504d', '#8064a2', '#4bacc6', '#9c8a4a', '#7f7f7f'];

/** One series of a chart: its name (legend), values by category (yuan or counts), how it is drawn. */
export interface ChartSeries {
  name: string;
  values: readonly number[];
  type?: 'bar' | 'line';
  /** series with the same stack name are stacked */
  stack?: string;
  /** 1: drawn against the second value axis (right) */
  axis?: 0 | 1;
}

/** A bar/line chart over categories (years, periods, towns, programmes …). */
export interface ChartSpec {
  /** the chart's number in the page: its SVG ids and classes are prefixed with it */
  id: string;
  lang: Lang;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** bars from the left, categories down the side (long names: towns, enterprises, reasons) */
  horizontal?: boolean;
  /** the values are amounts in yuan (axis labels in 万 / k), else counts */
  money?: boolean;
  width?: number;
  height?: number;
}

/** An axis label of an amount: 1.2亿, 35万, 800 (zh); 1.2M, 350k, 800 (en). */
export function compactAmount(v: number, lang: Lang): string {
  const a = Math.abs(v);
  const trim = (x: number) => String(Number(x.toFixed(1)));
  if (lang === 'zh') {
    if (a >= 1e8) return `${trim(v / 1e8)}亿`;
    if (a >= 1e4) return `${trim(v / 1e4)}万`;
    return trim(v);
  }
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e3) return `${trim(v / 1e3)}k`;
  return trim(v);
}

/** A category label cut to `max` characters (the table behind the chart has it whole). */
function cut(s: string, max: number): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/** An English label of a vertical axis on two lines at most, broken between words, each cut to `max` characters. */
function twoLines(s: string, max: number): string {
  if (s.length <= max || !s.includes(' ')) return cut(s, max);
  const words = s.split(' ');
  let first = '';
  while (words.length && (first === '' || `${first} ${words[0]}`.length <= max)) first = first === '' ? words.shift()! : `${first} ${words.shift()!}`;
  return words.length ? `${cut(first, max)}\n${cut(words.join(' '), max)}` : cut(first, max);
}

/** The chart as an SVG element (a string), with the same bytes for the same spec. */
export function renderChart(spec: ChartSpec): string {
  const width = spec.width ?? 560;
  const height = spec.height ?? (spec.horizontal ? Math.max(140, 70 + spec.categories.length * 26) : 300);
  const label = (v: number) => (spec.money ? compactAmount(v, spec.lang) : String(v));
  const twoAxes = spec.series.some((s) => s.axis === 1);
  const valueAxis = (i: number) => ({
    type: 'value' as const,
    axisLabel: { formatter: label, color: '#555', fontSize: 11 },
    splitLine: { show: i === 0, lineStyle: { color: '#e6e6e6' } },
  });
  const manyCategories = !spec.horizontal && spec.categories.length > 10;
  const categoryAxis = {
    type: 'category' as const,
    // Chinese characters are twice as wide as Latin letters: English labels may have more of them.
    data: spec.categories.map((c) => (spec.horizontal ? cut(c, spec.lang === 'zh' ? 30 : 46) : spec.lang === 'zh' ? cut(c, 14) : twoLines(c, 16))),
    inverse: spec.horizontal,
    axisLabel: { color: '#333', fontSize: 11, interval: 0, rotate: manyCategories ? 45 : 0 },
    axisTick: { alignWithLabel: true },
  };
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      legend: { show: spec.series.length > 1, top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 12 } },
      grid: { left: 8, right: twoAxes ? 8 : 24, top: spec.series.length > 1 ? 34 : 14, bottom: 8, containLabel: true },
      xAxis: spec.horizontal ? valueAxis(0) : categoryAxis,
      yAxis: spec.horizontal ? categoryAxis : twoAxes ? [valueAxis(0), valueAxis(1)] : valueAxis(0),
      series: spec.series.map((s) => ({
        name: s.name,
        type: s.type ?? 'bar',
        data: [...s.values],
        stack: s.stack,
        yAxisIndex: spec.horizontal ? undefined : (s.axis ?? 0),
        barMaxWidth: 28,
        symbolSize: 5,
        lineStyle: { width: 2 },
      })),
    });
    return deterministic(chart.renderToSVGString(), spec.id);
  } finally {
    chart.dispose();
  }
}

/** The SVG with ECharts' process-wide ids (`zr3-cls-7`, `zr3-c0`) renamed `<prefix>-<n>` by first appearance. */
function deterministic(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg.replace(/zr\d+-[A-Za-z]*-?\d+/g, (m) => {
    let n = names.get(m);
    if (n === undefined) names.set(m, (n = `${prefix}-${names.size}`));
    return n;
  });
}
