// Page geometry of the DOCX booklet: A4, margins after GB/T 9704 (党政机关公文格式) for portrait
// pages, narrower margins for landscape table pages. All lengths in twips (1/20 pt, "DXA").
import type { Section } from '../../model/document.ts';

/** millimetres → twips */
export const mm = (x: number): number => Math.round((x * 1440) / 25.4);
/** points → twips */
export const pt = (x: number): number => Math.round(x * 20);

/** A4 in portrait; docx swaps width and height itself for landscape sections. */
export const A4 = { width: 11906, height: 16838 } as const;

export interface Margins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly header: number;
  readonly footer: number;
}

/** 版心 156 mm × 225 mm: top 37, bottom 35, left 28, right 26 mm. */
const PORTRAIT: Margins = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(22) };
/** landscape table pages: 25 mm all round (text 247 mm × 160 mm) */
const LANDSCAPE: Margins = { top: mm(25), bottom: mm(22), left: mm(25), right: mm(25), header: mm(12), footer: mm(12) };

export function marginsOf(orientation: Section['orientation']): Margins {
  return orientation === 'portrait' ? PORTRAIT : LANDSCAPE;
}

/** Width of the text area (tables span it exactly). */
export function textWidthOf(orientation: Section['orientation']): number {
  const m = marginsOf(orientation);
  const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
  return pageWidth - m.left - m.right;
}

/** Width of a chart picture in the text: 15 cm. */
export const FIGURE_WIDTH_CM = 15;

/** Footer page number size: 四号 (GB/T 9704). */
export const PAGE_NUMBER_SIZE = 14;
