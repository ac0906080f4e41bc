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
const advancesCache = new Map<string, Float64Array>();

/**
 * Advance widths, per point of font size, of the printable ASCII characters (index: code − 0x20)
 * from the font's `cmap` (format 4) and `hmtx` tables; cached per file. A character the font lacks
 * (or a font without a format 4 cmap) gets 1 em. Used to measure text before pdfmake lays it out.
 */
export function asciiAdvances(file: string): Float64Array {
  const cached = advancesCache.get(file);
  if (cached) return cached;
  const a = readAsciiAdvances(file);
  advancesCache.set(file, a);
  return a;
}

function readAsciiAdvances(file: string): Float64Array {
  const out = new Float64Array(0x7f - 0x20).fill(1);
  const fd = openSync(file, 'r');
  try {
    const read = (offset: number, length: number): Buffer => {
      const b = Buffer.alloc(length);
      if (readSync(fd, b, 0, length, offset) < length) throw new PdfFontError(`字体文件不完整或不是 TrueType/OpenType 字体：${file}`);
      return b;
    };
    let base = 0;
    if (read(0, 4).toString('latin1') === 'ttcf') base = read(12, 4).readUInt32BE(0);
    const numTables = read(base + 4, 2).readUInt16BE(0);
    const dir = read(base + 12, numTables * 16);
    const tables = new Map<string, { offset: number; length: number }>();
    for (let i = 0; i < numTables; i++) tables.set(dir.toString('latin1', i * 16, i * 16 + 4), { offset: dir.readUInt32BE(i * 16 + 8), length: dir.readUInt32BE(i * 16 + 12) });
    const head = tables.get('head');
    const hhea = tables.get('hhea');
    const hmtx = tables.get('hmtx');
    const cmap = tables.get('cmap');
    if (!head || !hhea || !hmtx || !cmap) return out;
    const unitsPerEm = read(head.offset + 18, 2).readUInt16BE(0);
    const numberOfHMetrics = read(hhea.offset + 34, 2).readUInt16BE(0);
    const c = read(cmap.offset, cmap.length);
    let sub = -1;
    for (let i = 0, n = c.readUInt16BE(2); i < n; i++) {
      const platform = c.readUInt16BE(4 + i * 8);
      const encoding = c.readUInt16BE(6 + i * 8);
      const offset = c.readUInt32BE(8 + i * 8);
      if (c.readUInt16BE(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) sub = offset;
    }
    if (sub < 0) return out;
    const segCount = c.readUInt16BE(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + 2 * segCount + 2;
    const deltas = starts + 2 * segCount;
    const rangeOffsets = deltas + 2 * segCount;
    const glyphOf = (code: number): number => {
      for (let s = 0; s < segCount; s++) {
        if (code > c.readUInt16BE(ends + 2 * s)) continue;
        const start = c.readUInt16BE(starts + 2 * s);
        if (code < start) return 0;
        const delta = c.readInt16BE(deltas + 2 * s);
        const ro = c.readUInt16BE(rangeOffsets + 2 * s);
        if (ro === 0) return (code + delta) & 0xffff;
        const g = c.readUInt16BE(rangeOffsets + 2 * s + ro + 2 * (code - start));
        return g === 0 ? 0 : (g + delta) & 0xffff;
      }
      return 0;
    };
    const metrics = read(hmtx.offset, numberOfHMetrics * 4);
    for (let code = 0x20; code < 0x7f; code++) {
      const g = glyphOf(code);
      if (g === 0 && code !== 0x20) continue;
      out[code - 0x20] = metrics.readUInt16BE(Math.min(g, numberOfHMetrics - 1) * 4) / unitsPerEm;
    }
    return out;
  } finally {
    closeSync(fd);
  }
}

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
