// Page geometry: A4 in points, margins per orientation (portrait after GB/T 9704's type area of
// 156 mm × 225 mm), and the content width a table or figure may take.
import type { Section } from '../../model/document.ts';

export type Orientation = Section['orientation'];

const MM = 72 / 25.4;

/** A4 in points (portrait). */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** [left, top, right, bottom] in points. */
export type Margins = readonly [number, number, number, number];

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Portrait: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (GB/T 9704); landscape: 25 mm around, 28 mm below for the folio. */
export function pageMargins(orientation: Orientation): Margins {
  return orientation === 'portrait'
    ? [round2(28 * MM), round2(37 * MM), round2(26 * MM), round2(35 * MM)]
    : [round2(25 * MM), round2(25 * MM), round2(25 * MM), round2(28 * MM)];
}

/** Width available for content between the margins. */
export function contentWidth(orientation: Orientation): number {
  const [left, , right] = pageMargins(orientation);
  const width = orientation === 'portrait' ? A4.width : A4.height;
  return width - left - right;
}

/** Height available for content between the margins. */
export function contentHeight(orientation: Orientation): number {
  const [, top, , bottom] = pageMargins(orientation);
  const height = orientation === 'portrait' ? A4.height : A4.width;
  return height - top - bottom;
}

/** Distance from the bottom edge of the type area to the top of the folio line (7 mm in GB/T 9704). */
export const FOLIO_GAP = round2(7 * MM);

/** Folio size: 四号 (14 pt). */
export const FOLIO_SIZE = 14;

/** The official folio "— 1 —": the number between two em dashes. */
export function folioText(n: number): string {
  return `— ${n} —`;
}
