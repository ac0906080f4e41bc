// Figures: the chart as a PNG picture 15 cm wide, with the model's alternative text, and the
// caption paragraph under it. Charts are rendered before the document is built (rendering is
// asynchronous, building is not) and cached by their content.
import { ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import type { Document, Figure } from '../../model/document.ts';
import type { SectionContext } from './context.ts';
import { FIGURE_WIDTH_CM } from './page.ts';
import { S } from './styles.ts';
import { anchored } from './toc.ts';

export interface ChartPicture {
  readonly data: Uint8Array;
  /** pixel size of the PNG */
  readonly width: number;
  readonly height: number;
}

/** The font family name inside the built-in sans font file (see ../chart/png.ts). */
const CHART_FONT_FAMILY = 'Noto Sans SC';

export class DocxFigureError extends Error {}

/** Pixel size from the PNG header (IHDR). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(12) !== 0x49484452) throw new DocxFigureError('图表图片不是有效的 PNG 文件');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Rendered charts by content, across builds of this process (a booklet is often rebuilt). */
const cache = new Map<string, Promise<ChartPicture>>();
const CACHE_LIMIT = 64;

function render(figure: Figure, fontFile: string): Promise<ChartPicture> {
  // the id is not drawn: the same chart under another id is the same picture
  const key = JSON.stringify([{ ...figure, id: undefined }, fontFile]);
  let picture = cache.get(key);
  if (picture === undefined) {
    picture = import('../chart/png.ts')
      .then(({ chartPng }) => chartPng(figure, { fontFile, fontFamily: CHART_FONT_FAMILY }))
      .then((data) => ({ data, ...pngSize(data) }));
    picture.catch(() => cache.delete(key));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, picture);
  }
  return picture;
}

/** Every figure of the document rendered, by figure id. */
export async function renderPictures(doc: Document): Promise<Map<string, ChartPicture>> {
  const figures = doc.sections.flatMap((s) => s.blocks.filter((b): b is Figure => b.type === 'figure'));
  if (figures.length === 0) return new Map();
  const sans = doc.fonts.find((f) => f.key === 'sans') ?? doc.fonts[0];
  if (sans === undefined) throw new DocxFigureError('文档没有可用于图表文字的字体（fonts 中缺少“sans”字体）');
  const pictures = await Promise.all(figures.map((f) => render(f, sans.normal)));
  return new Map(figures.map((f, i) => [f.id, pictures[i]!]));
}

/** Picture size in the document: 15 cm wide (as docx wants it: pixels at 96 per inch). */
function displaySize(picture: ChartPicture): { width: number; height: number } {
  const width = Math.round((FIGURE_WIDTH_CM / 2.54) * 96);
  return { width, height: Math.round((width * picture.height) / picture.width) };
}

export function figureBlocks(ctx: SectionContext, figure: Figure, pageBreakBefore: boolean): FileChild[] {
  const picture = ctx.pictures.get(figure.id);
  if (picture === undefined) throw new DocxFigureError(`图表“${figure.caption}”没有生成图片`);
  const image = new ImageRun({
    type: 'png',
    data: picture.data,
    transformation: displaySize(picture),
    altText: { id: String(ctx.nextDrawingId()), name: figure.id, title: figure.caption, description: figure.alt },
  });
  return [
    new Paragraph({ style: S.figure, ...(pageBreakBefore ? { pageBreakBefore: true } : {}), children: [image] }),
    new Paragraph({ style: S.caption, children: anchored(ctx, figure.id, [new TextRun(figure.caption)]) }),
  ];
}
