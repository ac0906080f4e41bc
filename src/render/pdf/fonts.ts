// Fonts for the PDF writer: the pdfmake font table built from the document's FontSource list,
// the local-file policy that lets pdfmake open exactly those files, the symbol-font routing set,
// and line metrics (read from the font headers, a few hundred bytes per file) so that a style's
// line spacing in points can be turned into pdfmake's per-font line-height factor.
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Document, FontSource } from '../../model/document.ts';

/** pdfmake's font table: key → file per variant. Italics fall back to the upright files. */
export type PdfmakeFonts = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;

export class PdfFontError extends Error {}

/** The pdfmake font table for `fonts`; a missing bold file falls back to the regular one. */
export function pdfmakeFonts(fonts: readonly FontSource[]): PdfmakeFonts {
  const table: PdfmakeFonts = {};
  for (const f of fonts) {
    const bold = f.bold ?? f.normal;
    table[f.key] = { normal: f.normal, bold, italics: f.normal, bolditalics: bold };
  }
  return table;
}

/** Absolute, normalised paths of every font file (the only local files pdfmake may read). */
export function fontFiles(fonts: readonly FontSource[]): Set<string> {
  const files = new Set<string>();
  for (const f of fonts) {
    files.add(path.resolve(f.normal));
    if (f.bold !== undefined) files.add(path.resolve(f.bold));
  }
  return files;
}

/** Every font key a document uses must be registered: checked before pdfmake runs, with a clear message. */
export function checkFontKeys(doc: Document): void {
  const keys = new Set(doc.fonts.map((f) => f.key));
  const missing: string[] = [];
  for (const [role, style] of Object.entries(doc.styles)) {
    if (!keys.has(style.pdfFont)) missing.push(`样式“${role}”的字体“${style.pdfFont}”`);
  }
  if (!keys.has(doc.symbolFont)) missing.push(`符号字体“${doc.symbolFont}”`);
  if (missing.length > 0) {
    throw new PdfFontError(`PDF 字体未登记：${missing.join('、')}（已登记的字体：${[...keys].join('、') || '无'}；请在格式模板的 fonts 中为它们指定字体文件）`);
  }
}

/**
 * Characters printed with the document's symbol font: the check marks and ballot boxes that the
 * CJK fonts lack (Noto SC has no ☑ ☐ ✔; GB2312 fonts have no ✓ either). □ stays in the text font:
 * GB2312 and Noto both have it.
 */
export const SYMBOL_CHARS: ReadonlySet<string> = new Set(['☐', '☑', '☒', '✓', '✔', '✗', '✘']);

/** A font's line height (ascender − descender, as pdfkit computes it) per point of font size. */
export interface LineMetrics {
  readonly lineHeightPerEm: number;
  /** ascender per point of font size: the baseline's distance from the top of a line */
  readonly ascenderPerEm: number;
}

const metricsCache = new Map<string, LineMetrics>();

/** Line metrics of a font file from its `head` and `hhea` tables; cached per file. */
export function lineMetrics(file: string): LineMetrics {
  const cached = metricsCache.get(file);
  if (cached) return cached;
  const m = readLineMetrics(file);
  metricsCache.set(file, m);
  return m;
}

function readLineMetrics(file: string): LineMetrics {
  const fd = openSync(file, 'r');
  try {
    const read = (offset: number, length: number): Buffer => {
      const b = Buffer.alloc(length);
      const n = readSync(fd, b, 0, length, offset);
      if (n < length) throw new PdfFontError(`字体文件不完整或不是 TrueType/OpenType 字体：${file}`);
      return b;
    };
    let base = 0;
    const tag = read(0, 4).toString('latin1');
    if (tag === 'ttcf') base = read(12, 4).readUInt32BE(0); // first font of a collection
    const numTables = read(base + 4, 2).readUInt16BE(0);
    const dir = read(base + 12, numTables * 16);
    let head = -1;
    let hhea = -1;
    for (let i = 0; i < numTables; i++) {
      const t = dir.toString('latin1', i * 16, i * 16 + 4);
      const offset = dir.readUInt32BE(i * 16 + 8);
      if (t === 'head') head = offset;
      if (t === 'hhea') hhea = offset;
    }
    if (head < 0 || hhea < 0) throw new PdfFontError(`字体文件缺少 head/hhea 表，无法读取行高：${file}`);
    const unitsPerEm = read(head + 18, 2).readUInt16BE(0);
    const h = read(hhea + 4, 4);
    const ascender = h.readInt16BE(0);
    const descender = h.readInt16BE(2);
    return { lineHeightPerEm: (ascender - descender) / unitsPerEm, ascenderPerEm: ascender / unitsPerEm };
  } finally {
    closeSync(fd);
  }
}
