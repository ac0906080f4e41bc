// Row groups of header-less tables (the appendix forms): rows tied together by row spans are kept
// on one page.
//
// pdfmake 0.3 handles a row span that crosses a page break badly: the merged cell is drawn once,
// on the first page (its middle-aligned text is centred over the whole span, so it can land in
// the rows of the next block or below the page), and the continuation on the next page has an
// empty, unlabelled column. So such a table is printed as several consecutive pdfmake tables with
// the same column widths, cut only between row groups:
//
// - a group (a maximal run of rows joined by row spans) becomes its own table marked
//   `unbreakable`: pdfmake moves it whole to the next page when it does not fit; the row just
//   above it (which usually introduces it, as 年度绩效目标 n：… does its indicator block) goes
//   with it;
// - runs of rows outside any group form ordinary tables that may break between rows;
// - every table after the first is moved up by one rule width, so its top rule is drawn over the
//   bottom rule of the one before and the grid looks like one table.
//
// pdfmake keeps only the first page of an unbreakable block that is taller than a page (the rest
// is lost), so a group is made unbreakable only when its estimated height (see estimateHeight,
// which errs on the high side) fits in a fraction of the type area. A longer group is cut into
// chunks that fit, preferably where few spans cross the cut; each chunk after the first starts a
// page and repeats the label of every span it cuts: the label appears once on each page the span
// covers.
import type { TableCell } from 'pdfmake/interfaces.js';
import type { Inline } from '../../model/document.ts';
import { lineMetrics } from './fonts.ts';
import { fontFile, type TextEnv, type Typo } from './text.ts';

/** A positioned cell, as ./tables.ts places it. */
export interface SpanCell {
  readonly row: number;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/**
 * Rows [start, end) printed as one pdfmake table; `unbreakable`: kept on one page;
 * `breakBefore`: a chunk of a group taller than a page after its first, which starts a page.
 */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly unbreakable: boolean;
  readonly breakBefore?: boolean;
}

/** Share of the type area's height an unbreakable group may take (by estimate). */
export const GROUP_FILL = 0.85;

/**
 * Estimated height (points) of `content` set in `t` in a box `width` points wide: CJK and other
 * wide characters one em each, Latin runs 0.6 em per character (more than any glyph of the
 * fonts used except a few capitals), a Latin run never broken unless longer than a line, hard
 * breaks honoured; each line the font's natural line height (table text has single spacing).
 */
export function estimateHeight(env: TextEnv, t: Typo, content: readonly Inline[], width: number): number {
  const file = fontFile(env, t.font, t.bold);
  const perEm = file === undefined ? 1.5 : lineMetrics(file).lineHeightPerEm;
  const lineHeight = t.lineHeight > 0 ? t.lineHeight : perEm * t.size;
  const text = content.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : `☐${i.label}`)).join('');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += paragraphLines(paragraph, t.size, Math.max(width, t.size));
  }
  return Math.max(1, lines) * lineHeight;
}

function paragraphLines(s: string, size: number, width: number): number {
  const tokens = s.match(/[\x21-\x7e]+|\s|[^\x00-\x7e]/g) ?? [];
  let lines = 1;
  let x = 0;
  for (const tok of tokens) {
    const w = /^[\x21-\x7e]/.test(tok) ? tok.length * 0.6 * size : tok === ' ' ? 0.3 * size : size;
    if (x + w <= width || x === 0) {
      x += w;
      // A Latin run longer than a line wraps character by character.
      while (x > width) {
        lines += 1;
        x -= width;
      }
      continue;
    }
    if (/^\s$/.test(tok)) continue; // a space at a break disappears
    lines += 1;
    x = w;
    while (x > width) {
      lines += 1;
      x -= width;
    }
  }
  return lines;
}

/**
 * Estimated row heights: the tallest single-row cell of each row plus padding and rule, then the
 * last row of each span stretched so the span's rows are at least as tall as its cell.
 */
export function rowHeights(n: number, cells: readonly SpanCell[], cellHeight: (c: SpanCell) => number, chrome: number): number[] {
  const heights = new Array<number>(n).fill(chrome);
  for (const c of cells) if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, cellHeight(c) + chrome);
  for (const c of [...cells].filter((x) => x.rowSpan > 1).sort((a, b) => a.rowSpan - b.rowSpan)) {
    const last = c.row + c.rowSpan - 1;
    let sum = 0;
    for (let r = c.row; r <= last; r++) sum += heights[r]!;
    const need = cellHeight(c) + chrome;
    if (sum < need) heights[last] = heights[last]! + need - sum;
  }
  return heights;
}

/** Number of row spans crossing the boundary above each row (index r: between rows r − 1 and r). */
function crossings(n: number, cells: readonly SpanCell[]): number[] {
  const out = new Array<number>(n + 1).fill(0);
  for (const c of cells) for (let r = c.row + 1; r < c.row + c.rowSpan; r++) out[r] = out[r]! + 1;
  return out;
}

/**
 * Rows [0, n) cut into segments: groups of rows joined by spans (unbreakable when they fit in
 * `limit` points by estimate, else cut into chunks that do) and the runs of rows between them.
 * Without any span: one breakable segment.
 */
export function segments(n: number, cells: readonly SpanCell[], heights: readonly number[], limit: number): Segment[] {
  const cross = crossings(n, cells);
  const out: Segment[] = [];
  let r = 0;
  while (r < n) {
    let end = r + 1;
    while (end < n && cross[end]! > 0) end++;
    if (end - r === 1 && cross[r]! === 0) {
      // A run of rows outside any group.
      let runEnd = end;
      while (runEnd < n && cross[runEnd]! === 0 && cross[runEnd + 1] === 0) runEnd++;
      out.push({ start: r, end: runEnd, unbreakable: false });
      r = runEnd;
      continue;
    }
    // The row just above a group usually introduces it (年度绩效目标 n：… above its indicator
    // block): when the group fits whole, that row goes with it.
    const before = out[out.length - 1];
    const sum = heights.slice(r, end).reduce((a, b) => a + b, 0);
    if (before && !before.unbreakable && before.end === r && sum + heights[r - 1]! <= limit) {
      if (before.end - before.start > 1) out[out.length - 1] = { ...before, end: r - 1 };
      else out.pop();
      out.push({ start: r - 1, end, unbreakable: true });
    } else out.push(...chunks(r, end, cross, heights, limit));
    r = end;
  }
  return out;
}

/**
 * A group [start, end) as unbreakable chunks of at most `limit` points, each after the first
 * starting a page, so that a cut span's label is printed once on every page it covers. A single
 * row taller than `limit` stays breakable (pdfmake breaks it as best it can).
 */
function chunks(start: number, end: number, cross: readonly number[], heights: readonly number[], limit: number): Segment[] {
  const out: Segment[] = [];
  const push = (s: Omit<Segment, 'breakBefore'>): void => {
    out.push(out.length > 0 ? { ...s, breakBefore: true } : s);
  };
  let a = start;
  while (a < end) {
    let h = 0;
    let b = a;
    while (b < end && h + heights[b]! <= limit) h += heights[b++]!;
    if (b === end) {
      push({ start: a, end, unbreakable: true });
      break;
    }
    if (b === a) {
      push({ start: a, end: a + 1, unbreakable: false });
      a += 1;
      continue;
    }
    // Cut where the fewest spans cross, the lowest such place (fuller pages).
    let cut = b;
    for (let r = b; r > a; r--) if (cross[r]! < cross[cut]!) cut = r;
    push({ start: a, end: cut, unbreakable: true });
    a = cut;
  }
  return out;
}

/**
 * The full grid's rows [seg.start, seg.end) as a grid of their own: a span that starts above the
 * segment is repeated in its first row (a copy of the cell without its id), a span that runs past
 * it is shortened to end with it.
 */
export function segmentGrid(grid: readonly TableCell[][], cells: readonly SpanCell[], seg: Segment): TableCell[][] {
  const rows = grid.slice(seg.start, seg.end).map((r) => [...r]);
  for (const c of cells) {
    if (c.rowSpan <= 1) continue;
    const last = c.row + c.rowSpan; // exclusive
    if (last <= seg.start || c.row >= seg.end) continue;
    const from = Math.max(c.row, seg.start);
    const span = Math.min(last, seg.end) - from;
    if (c.row >= seg.start && last <= seg.end) continue; // wholly inside
    const original = grid[c.row]![c.col] as Record<string, unknown>;
    const copy: Record<string, unknown> = c.row >= seg.start ? { ...original } : (structuredClone(original) as Record<string, unknown>);
    if (c.row < seg.start) delete copy.id;
    if (span > 1) copy.rowSpan = span;
    else delete copy.rowSpan;
    rows[from - seg.start]![c.col] = copy as TableCell;
  }
  return rows;
}
