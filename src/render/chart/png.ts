// Charts as PNG for the DOCX writer: the SVG of ./svg.ts rasterised by resvg.
//
// resvg finds fonts by the family name stored inside the font file, not by a pdfmake key: pass
// `fontFamily` = that name (for the built-in Noto Sans SC file of `defaultFonts()` key "sans" it is
// "Noto Sans SC"), or a list whose entries include it ("sans, Noto Sans SC"). System fonts are not
// loaded, so the picture is the same on every machine and `fontFile` must cover every character.
import { Resvg } from '@resvg/resvg-js';
import type { Figure } from '../../model/document.ts';
import { cached, fileStamp } from './cache.ts';
import { chartSvg } from './svg.ts';

export interface ChartPngOptions {
  /** absolute path of the TTF/OTF used for all chart text (e.g. NotoSansSC_400Regular.ttf) */
  readonly fontFile: string;
  /** the family name inside `fontFile` ("Noto Sans SC"); also resvg's fallback family */
  readonly fontFamily: string;
  /** chart size in CSS px (defaults 640 × 360, as for the SVG) */
  readonly width?: number;
  readonly height?: number;
  /** pixels per CSS px (default 2: a 640 × 360 chart gives a 1280 × 720 PNG) */
  readonly scale?: number;
}

/** Render a figure as PNG bytes (white background); the same input always gives the same bytes. */
export async function chartPng(figure: Figure, options: ChartPngOptions): Promise<Uint8Array> {
  return cached('png', { figure, options, font: fileStamp(options.fontFile) }, () => drawPng(figure, options));
}

async function drawPng(figure: Figure, options: ChartPngOptions): Promise<Uint8Array> {
  const svg = await chartSvg(figure, {
    fontFamily: options.fontFamily,
    ...(options.width !== undefined ? { width: options.width } : {}),
    ...(options.height !== undefined ? { height: options.height } : {}),
  });
  // defaultFontFamily must be a single family name: take the last entry of a list, which by the
  // convention above is the real name.
  const family = options.fontFamily.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, '')).filter((f) => f !== '');
  const resvg = new Resvg(svg, {
    font: { fontFiles: [options.fontFile], loadSystemFonts: false, defaultFontFamily: family[family.length - 1] ?? options.fontFamily },
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
