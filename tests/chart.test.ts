// Charts: ECharts SVG for the PDF writer, resvg PNG for the DOCX writer.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chartSvg, ChartError } from '../src/render/chart/svg.ts';
import { chartPng } from '../src/render/chart/png.ts';
import { defaultFonts } from '../src/compose/fonts.ts';
import type { Figure } from '../src/model/document.ts';

// Exercise the real drawing, not the chart cache (also inherited by the child process below).
process.env['JUESUAN_CHART_CACHE'] = 'off';

const fontFile = defaultFonts().find((f) => f.key === 'sans')!.normal;
const family = 'Noto Sans SC';

const bar: Figure = {
  type: 'figure',
  id: 'fig-1',
  chart: 'bar',
  caption: '图1：收入支出决算总体情况',
  alt: '2023年度与2024年度支出对比柱状图',
  unit: '万元',
  categories: ['2023年度', '2024年度'],
  series: [{ type: 'series', name: '支出总计', values: ['1221.23', '933.96'], labels: ['1221.23', '933.96'] }],
};

const pie: Figure = {
  type: 'figure',
  id: 'fig-2',
  chart: 'pie',
  caption: '图2：支出决算结构',
  alt: '基本支出与项目支出构成饼图',
  unit: '%',
  categories: ['基本支出', '项目支出'],
  series: [{ type: 'series', name: '支出结构', values: ['22.7', '77.3'], labels: ['22.7%', '77.3%'] }],
};

const pieWithZero: Figure = {
  ...pie,
  id: 'fig-3',
  categories: ['基本支出', '项目支出', '上缴上级支出'],
  series: [{ type: 'series', name: '支出结构', values: ['22.70', '77.30', '0.00'], labels: ['22.7%', '77.3%', '0.0%'] }],
};

const twoSeries: Figure = {
  ...bar,
  id: 'fig-4',
  categories: ['一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '事业收入', '经营收入', '其他收入'],
  series: [
    { type: 'series', name: '2023年度', values: ['12210.23', '0', '345.67', '12.5', '1.02'], labels: ['12210.23', '0.00', '345.67', '12.50', '1.02'] },
    { type: 'series', name: '2024年度', values: ['9330.96', '1200', '400.1', '0', '88.88'], labels: ['9330.96', '1200.00', '400.10', '0.00', '88.88'] },
  ],
};

/** The text content of every <text> element. */
const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

/** Width and height from the PNG IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.slice(12, 16))).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function expectPrintable(svg: string, fontFamily: string): void {
  // every text element carries the font family (pdfmake resolves it to a registered font)
  const textCount = (svg.match(/<text\b/g) ?? []).length;
  expect(textCount).toBeGreaterThan(0);
  expect(svg.split(`font-family:${fontFamily};`).length - 1).toBe(textCount);
  // svg-to-pdfkit ignores paint-order: an outline stroke would be drawn over the glyphs
  expect(svg).not.toContain('paint-order');
  for (const m of svg.matchAll(/<text\b[^>]*>/g)) expect(m[0]).not.toMatch(/\sstroke="(?!none|transparent)/);
  // no hover style sheet, no numbered zrender instance ids
  expect(svg).not.toContain('<style');
  expect(svg).not.toMatch(/zr[1-9]\d*-/);
}

describe('chartSvg', () => {
  it('draws a bar chart with the printed labels, the categories and the unit', async () => {
    const svg = await chartSvg(bar, { fontFamily: 'sans' });
    expect(svg).toMatch(/^<svg width="640" height="360"/);
    const t = texts(svg);
    for (const s of ['1221.23', '933.96', '2023年度', '2024年度', '万元']) expect(t).toContain(s);
    expectPrintable(svg, 'sans');
    // one series: no legend entry for the series name
    expect(t).not.toContain('支出总计');
  });

  it('draws a pie chart with "name / share" labels and a legend', async () => {
    const svg = await chartSvg(pie, { fontFamily: family });
    const t = texts(svg);
    for (const s of ['22.7%', '77.3%']) expect(t.filter((x) => x === s)).toHaveLength(1);
    // each name twice: the slice label and the legend
    for (const s of ['基本支出', '项目支出']) expect(t.filter((x) => x === s)).toHaveLength(2);
    expectPrintable(svg, family);
  });

  it('leaves zero slices out of the pie', async () => {
    const svg = await chartSvg(pieWithZero, { fontFamily: family });
    const t = texts(svg);
    expect(t).toContain('22.7%');
    expect(t).not.toContain('0.0%');
    expect(t).not.toContain('上缴上级支出');
    // two slices, drawn as two sector paths
    expect(svg.match(/ecmeta_ssr_type="chart"/g)).toHaveLength(2);
  });

  it('draws several series with a legend and every label, long names wrapped', async () => {
    const svg = await chartSvg(twoSeries, { fontFamily: 'sans' });
    const t = texts(svg);
    for (const s of twoSeries.series) {
      expect(t).toContain(s.name);
      for (const l of s.labels) expect(t).toContain(l);
    }
    // the long category names come in two balanced lines
    expect(t).toContain('一般公共预算');
    expect(t).toContain('财政拨款收入');
    expect(t).toContain('事业收入');
    expectPrintable(svg, 'sans');
  });

  it('honours the size', async () => {
    const svg = await chartSvg(bar, { fontFamily: 'sans', width: 800, height: 400 });
    expect(svg).toMatch(/^<svg width="800" height="400"/);
  });

  it('accepts a quoted family list (pdfmake key first, real name second)', async () => {
    const svg = await chartSvg(bar, { fontFamily: 'sans, "Noto Sans SC"' });
    expectPrintable(svg, "sans, 'Noto Sans SC'");
  });

  it('is deterministic', async () => {
    for (const f of [bar, pie, pieWithZero, twoSeries]) {
      const a = await chartSvg(f, { fontFamily: family });
      const b = await chartSvg(f, { fontFamily: family });
      expect(b).toBe(a);
    }
  });

  it('refuses inconsistent data with a message in Chinese', async () => {
    const broken: Figure = { ...bar, series: [{ ...bar.series[0]!, labels: ['1221.23'] }] };
    await expect(chartSvg(broken, { fontFamily: 'sans' })).rejects.toThrow(ChartError);
    await expect(chartSvg(broken, { fontFamily: 'sans' })).rejects.toThrow(/数据系列“支出总计”有 2 个数值、1 个标签，与 2 个分类不符/);
  });
});

describe('chartPng', () => {
  it('renders PNGs of the expected size (scale 2 by default)', async () => {
    for (const f of [bar, pie]) {
      const png = await chartPng(f, { fontFile, fontFamily: family });
      expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(pngSize(png)).toEqual({ width: 1280, height: 720 });
    }
    const small = await chartPng(pie, { fontFile, fontFamily: family, width: 500, height: 300, scale: 1 });
    expect(pngSize(small)).toEqual({ width: 500, height: 300 });
  });

  it('is deterministic', async () => {
    for (const f of [bar, pieWithZero]) {
      const a = await chartPng(f, { fontFile, fontFamily: family });
      const b = await chartPng(f, { fontFile, fontFamily: family });
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    }
  });
});

describe('process exit', () => {
  it('a process that renders charts exits by itself (the chart is disposed)', () => {
    const script = `
      import { chartSvg } from './src/render/chart/svg.ts';
      import { chartPng } from './src/render/chart/png.ts';
      const figure = ${JSON.stringify(pie)};
      await chartSvg(figure, { fontFamily: 'sans' });
      const png = await chartPng(figure, { fontFile: ${JSON.stringify(fontFile)}, fontFamily: 'Noto Sans SC', scale: 1 });
      console.log('ok', png.length > 0);
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.error).toBeUndefined();
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('ok true');
  });
});
