// Charts as SVG, drawn by ECharts' server-side SVG renderer. The PDF writer embeds the SVG in a
// pdfmake `svg` node (drawn by svg-to-pdfkit); the DOCX writer rasterises it with ./png.ts.
//
// The chart prints the figures the model gives (`ChartSeries.labels`); `values` are parsed only to
// size bars and slices. The caption is not drawn: writers print it under/over the chart.
//
// Font family: the SVG carries `options.fontFamily` verbatim on every text element.
//  - pdfmake resolves it through its font table: it must equal (case-insensitively) a key of the
//    pdfmake `fonts` map, e.g. "sans"; an unknown family silently falls back to Roboto, which
//    has no CJK glyphs.
//  - resvg (./png.ts) resolves it against the family names inside the font files, e.g.
//    "Noto Sans SC".
//  A CSS family list works for both: pdfmake takes the first entry that is a registered key and
//  resvg the first entry it has a font for, e.g. `sans, Noto Sans SC` (no quotes needed).
import type { EChartsOption } from 'echarts';
import type { Figure } from '../../model/document.ts';
import { cached } from './cache.ts';

export interface ChartSvgOptions {
  /** font family written into the SVG (see the note at the top of this file) */
  readonly fontFamily: string;
  /** width in px (default 640; fonts are sized for about 15 cm of print width at 640) */
  readonly width?: number;
  /** height in px (default 360) */
  readonly height?: number;
}

export const DEFAULT_CHART_WIDTH = 640;
export const DEFAULT_CHART_HEIGHT = 360;

/** A restrained palette: dark blue, orange-brown, grey-green, muted plum, steel blue, sand, slate grey, brick. */
export const CHART_PALETTE: readonly string[] = ['#2f4e7c', '#b8743c', '#6f8f7a', '#7d5f86', '#5b87ad', '#c9a86a', '#8a9299', '#9c4f46'];

const TEXT_COLOR = '#333333';
const AXIS_COLOR = '#666666';
const GRID_LINE_COLOR = '#e3e3e3';
/** value labels (on bars, beside slices) */
const LABEL_SIZE = 14;
/** axis labels, legend */
const AXIS_LABEL_SIZE = 13;

type EChartsModule = typeof import('echarts');
let echartsModule: Promise<EChartsModule> | undefined;

/** ECharts costs ~0.4 s to import: load it on the first chart only. */
function loadEcharts(): Promise<EChartsModule> {
  echartsModule ??= import('echarts');
  return echartsModule;
}

export class ChartError extends Error {}

/** Render a figure as an SVG string; the same figure and options always give the same string. */
export async function chartSvg(figure: Figure, options: ChartSvgOptions): Promise<string> {
  return cached('svg', { figure, options }, () => drawSvg(figure, options));
}

async function drawSvg(figure: Figure, options: ChartSvgOptions): Promise<string> {
  const width = options.width ?? DEFAULT_CHART_WIDTH;
  const height = options.height ?? DEFAULT_CHART_HEIGHT;
  checkFigure(figure);
  const fontFamily = cssFontFamily(options.fontFamily);
  const option = figure.chart === 'bar' ? barOption(figure, fontFamily, width) : pieOption(figure, fontFamily, width, height);
  const echarts = await loadEcharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return normaliseSvg(chart.renderToSVGString());
  } finally {
    // Without dispose the chart keeps a timer alive and the Node process never exits.
    chart.dispose();
  }
}

/**
 * The family as it can stand in ECharts' `style="…font-family:…;"` attribute, which ECharts does
 * not escape: double quotes become single quotes; markup characters are refused.
 */
function cssFontFamily(family: string): string {
  if (family.trim() === '' || /[<>&;{}]/.test(family)) throw new ChartError(`图表字体名“${family}”无效`);
  return family.replace(/"/g, "'");
}

/** The legend above every chart: centred, one entry per name, not clickable. */
function legendOption(fontFamily: string, names: readonly string[]) {
  return {
    show: true,
    top: 8,
    left: 'center' as const,
    itemWidth: 18,
    itemHeight: 12,
    itemGap: 20,
    selectedMode: false,
    textStyle: plainText(fontFamily, AXIS_LABEL_SIZE),
    data: [...names],
  };
}

function checkFigure(figure: Figure): void {
  if (figure.chart !== 'bar' && figure.chart !== 'pie') {
    throw new ChartError(`图表“${figure.caption}”的类型“${String(figure.chart)}”不受支持（只支持柱状图 bar 和饼图 pie）`);
  }
  if (figure.series.length === 0) throw new ChartError(`图表“${figure.caption}”没有数据系列`);
  if (figure.chart === 'pie' && figure.series.length !== 1) throw new ChartError(`饼图“${figure.caption}”应只有一个数据系列，实有 ${figure.series.length} 个`);
  const n = figure.categories.length;
  for (const s of figure.series) {
    if (s.values.length !== n || s.labels.length !== n) {
      throw new ChartError(`图表“${figure.caption}”的数据系列“${s.name}”有 ${s.values.length} 个数值、${s.labels.length} 个标签，与 ${n} 个分类不符`);
    }
  }
}

/** A printed decimal as a number for plotting ("1,221.23" → 1221.23); unparsable → 0. */
function plotValue(printed: string): number {
  const v = Number(printed.replace(/[,，\s]/g, ''));
  return Number.isFinite(v) ? v : 0;
}

/** Rough text width in px (CJK one em, digits and Latin about half an em), for layout decisions. */
function textWidth(s: string, fontSize: number): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! < 0x2e80 ? 0.58 : 1;
  return w * fontSize;
}

/** Break a label into the fewest lines that fit `maxWidth`, of nearly equal length ("国防\n支出", not "国防支\n出"). */
function wrapBalanced(label: string, maxWidth: number, fontSize: number): string {
  const chars = [...label];
  for (let lines = Math.max(Math.ceil(textWidth(label, fontSize) / maxWidth), 1); lines < chars.length; lines++) {
    const per = Math.ceil(chars.length / lines);
    const out: string[] = [];
    for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
    if (out.every((line) => textWidth(line, fontSize) <= maxWidth)) return out.join('\n');
  }
  return chars.join('\n');
}

/** Text options shared by every label: the font, and no outline (see TECH-NOTES "Charts"). */
function plainText(fontFamily: string, fontSize: number, color = TEXT_COLOR) {
  return { fontFamily, fontSize, color, textBorderColor: 'transparent', textBorderWidth: 0, textShadowBlur: 0 } as const;
}

function barOption(figure: Figure, fontFamily: string, width: number): EChartsOption {
  const categories = figure.categories;
  const series = figure.series;
  const legend = series.length > 1;
  const top = legend ? legendHeight(series.map((x) => x.name), width) + 4 : 8;
  // Estimated plot width (y axis labels take about 70 px on the left).
  const plotWidth = Math.max(width - 100, 100);
  const band = plotWidth / Math.max(categories.length, 1);
  // Bars fill ~60 % of a band, split between the series.
  const barSlot = (band * 0.6) / series.length + (band * 0.1) / series.length;
  const widestLabel = Math.max(0, ...series.flatMap((s) => s.labels.map((l) => textWidth(l, LABEL_SIZE))));
  const rotateLabels = widestLabel > barSlot + 4;
  // Category names: wrap inside the band into balanced lines; slant them when that needs more
  // than four lines.
  const categoryWidth = Math.max(band - 10, AXIS_LABEL_SIZE);
  const wrapped = categories.map((c) => wrapBalanced(c, categoryWidth, AXIS_LABEL_SIZE));
  const slantCategories = wrapped.some((w) => w.split('\n').length > 4);
  return {
    animation: false,
    color: [...CHART_PALETTE],
    textStyle: { fontFamily, fontSize: AXIS_LABEL_SIZE, color: TEXT_COLOR },
    legend: legend ? legendOption(fontFamily, series.map((s) => s.name)) : { show: false },
    grid: { left: 16, right: 24, top, bottom: 12, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'category',
      data: [...categories],
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      axisLabel: slantCategories
        ? { ...plainText(fontFamily, AXIS_LABEL_SIZE), interval: 0, rotate: 30, hideOverlap: false }
        : { ...plainText(fontFamily, AXIS_LABEL_SIZE), interval: 0, lineHeight: AXIS_LABEL_SIZE + 4, hideOverlap: false, formatter: (_: string, i: number) => wrapped[i] ?? '' },
    },
    yAxis: {
      type: 'value',
      name: figure.unit,
      nameGap: 14,
      nameTextStyle: { ...plainText(fontFamily, AXIS_LABEL_SIZE), align: 'right' },
      // Head room for the value labels over the tallest bar.
      boundaryGap: [0, rotateLabels ? '25%' : '12%'],
      axisLine: { show: true, lineStyle: { color: AXIS_COLOR } },
      axisTick: { show: true },
      axisLabel: plainText(fontFamily, AXIS_LABEL_SIZE - 1),
      splitLine: { lineStyle: { color: GRID_LINE_COLOR } },
    },
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.values.map(plotValue),
      barMaxWidth: 64,
      barGap: '15%',
      barCategoryGap: '30%',
      silent: true,
      emphasis: { disabled: true },
      label: {
        show: true,
        ...plainText(fontFamily, LABEL_SIZE),
        ...(rotateLabels ? { position: 'top' as const, rotate: 90, align: 'left' as const, verticalAlign: 'middle' as const, distance: 6 } : { position: 'top' as const, distance: 6 }),
        formatter: (p: { dataIndex: number }) => s.labels[p.dataIndex] ?? '',
      },
      labelLayout: { hideOverlap: false },
    })),
  };
}

/** Height of a horizontal legend at the top: rows of items as ECharts lays them out (estimated). */
function legendHeight(names: readonly string[], width: number): number {
  const available = width - 16;
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = 18 + 5 + textWidth(name, AXIS_LABEL_SIZE) + 20;
    if (x > 0 && x + w > available) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  return 8 + rows * 24;
}

/**
 * Start angle (degrees, ECharts' convention: counter-clockwise from 3 o'clock, slices drawn
 * clockwise) that turns the widest run of adjacent small slices towards 3 o'clock, where their
 * labels have the most vertical room; with no such run, 12 o'clock as usual.
 */
function pieStartAngle(values: readonly number[]): number {
  const total = values.reduce((a, b) => a + b, 0);
  const n = values.length;
  if (total <= 0 || n < 2) return 90;
  const small = values.map((v) => v / total < 0.05);
  if (small.every((x) => x)) return 90;
  // Runs of small slices, circular: start the scan just after a large slice.
  const first = small.findIndex((x) => !x);
  let best: { from: number; count: number } | undefined;
  let run: { from: number; count: number } | undefined;
  for (let k = 1; k <= n; k++) {
    const i = (first + k) % n;
    if (small[i]) {
      run = run ? { from: run.from, count: run.count + 1 } : { from: i, count: 1 };
      if (!best || run.count > best.count) best = run;
    } else {
      run = undefined;
    }
  }
  if (!best || best.count < 2) return 90;
  // Fractions of the circle before the run and up to its end.
  let before = 0;
  for (let i = 0; i < best.from; i++) before += values[i]!;
  let span = 0;
  for (let k = 0; k < best.count; k++) span += values[(best.from + k) % n]!;
  const middle = (before + span / 2) / total;
  // The point at fraction f lies at startAngle − 360·f; put the middle of the run at 0°.
  return Math.round((((middle * 360) % 360) + 360) % 360);
}

function pieOption(figure: Figure, fontFamily: string, width: number, height: number): EChartsOption {
  const s = figure.series[0]!;
  // Zero (and negative) slices have no area: leave them out, their labels would pile up.
  const slices = figure.categories
    .map((name, i) => ({ name, value: plotValue(s.values[i]!), label: s.labels[i]!, color: CHART_PALETTE[i % CHART_PALETTE.length]! }))
    .filter((x) => x.value > 0);
  const top = legendHeight(
    slices.map((x) => x.name),
    width,
  );
  // The pie and its labels live below the legend; labels shift only inside this box.
  const box = { left: 8, right: 8, top: top + 4, bottom: 8 };
  const boxHeight = height - box.top - box.bottom;
  const radius = Math.max(Math.min(boxHeight / 2 - 26, (width - 2 * 150) / 2), 30);
  return {
    animation: false,
    color: [...CHART_PALETTE],
    textStyle: { fontFamily, fontSize: AXIS_LABEL_SIZE, color: TEXT_COLOR },
    legend: legendOption(fontFamily, slices.map((x) => x.name)),
    series: [
      {
        type: 'pie',
        name: s.name,
        ...box,
        center: ['50%', '50%'],
        radius: [0, Math.round(radius)],
        startAngle: pieStartAngle(slices.map((x) => x.value)),
        clockwise: true,
        avoidLabelOverlap: true,
        silent: true,
        emphasis: { disabled: true },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        data: slices.map((x) => ({ name: x.name, value: x.value, itemStyle: { color: x.color } })),
        label: {
          show: true,
          position: 'outside',
          ...plainText(fontFamily, LABEL_SIZE),
          lineHeight: LABEL_SIZE + 4,
          alignTo: 'none',
          // wrap rather than cut a long name off with "…"
          overflow: 'break',
          formatter: (p: { dataIndex: number }) => {
            const slice = slices[p.dataIndex];
            if (slice === undefined) return '';
            return slice.label === '' ? slice.name : `${slice.name}\n${slice.label}`;
          },
        },
        labelLine: { show: true, length: 12, length2: 14, lineStyle: { color: AXIS_COLOR } },
        labelLayout: { hideOverlap: false },
      },
    ],
  };
}

/**
 * Make the SVG reproducible and plain: ECharts numbers its zrender instances (zr0, zr1 …) in class
 * names and ids; the <style> block only holds :hover rules, which print has no use for.
 */
function normaliseSvg(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/\bzr\d+-/g, 'zr0-');
}
