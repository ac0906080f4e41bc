// The PDF writer: document model → pdfmake definition (./definition.ts) → bytes.
//
// pdfmake is imported once per process and its font table is registered again only when the
// document's fonts change, so repeated builds (watch) pay for neither. pdfkit reads each font
// file when the first glyph of that font is laid out, and embeds only the glyphs used (subsets).
// Output is byte-for-byte reproducible: creation and modification dates are the metadata date at
// 00:00:00 UTC, and pdfkit derives the file /ID from the document information only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Writer } from '../writer.ts';
import { buildDefinition, type OutlineItem } from './definition.ts';
import { PdfFontError, checkFontKeys, fontFiles, pdfmakeFonts } from './fonts.ts';

type Pdfmake = typeof import('pdfmake');

let pdfmakeModule: Promise<Pdfmake> | undefined;
let registeredFonts = '';

/** pdfmake exports an instance (CommonJS); import it once. */
function loadPdfmake(): Promise<Pdfmake> {
  pdfmakeModule ??= import('pdfmake').then((m) => ((m as { default?: Pdfmake }).default ?? m) as Pdfmake);
  return pdfmakeModule;
}

export const writePdf: Writer = async (doc) => {
  checkFontKeys(doc);
  for (const file of fontFiles(doc.fonts)) {
    if (!existsSync(file)) throw new PdfFontError(`字体文件不存在：${file}（请检查格式模板 fonts 中的路径）`);
  }
  const built = await buildDefinition(doc);
  const pdfmake = await loadPdfmake();

  // pdfmake keeps fonts, access policies and the progress callback on its shared instance and
  // reads them when `createPdf` is called: set them and call it without yielding in between.
  const fonts = pdfmakeFonts(doc.fonts);
  const signature = JSON.stringify(fonts);
  if (signature !== registeredFonts) {
    pdfmake.setFonts(fonts);
    registeredFonts = signature;
    // No network; on disk only the registered font files.
    const allowed = fontFiles(doc.fonts);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file: string) => allowed.has(path.resolve(file)));
  }
  pdfmake.setProgressCallback(() => built.beforeRender());
  const pdf = pdfmake.createPdf(built.definition);
  pdfmake.setProgressCallback(undefined as unknown as () => void);
  // Laid out and drawn, not yet ended: the outline can still be adjusted.
  const kit = (await pdf.getStream()) as unknown as { outline: OutlineItem };
  built.afterRender(kit.outline);
  const buffer = await pdf.getBuffer();
  return { extension: 'pdf', data: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
};
