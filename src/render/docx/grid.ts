// Measurements of a table grid, in twips: column widths (the model's relative weights scaled to the
// text width, widened where a column is too narrow for its longest number or code) and minimum
// heights of header rows under cells that span rows.
//
// Text is measured roughly, as a Chinese table font sets it: one em per CJK character, Latin in a
// Times-like font.
import { HeightRule } from 'docx';
import { plainText, type Column, type Document, type Row, type Table } from '../../model/document.ts';
import { placeCells as placeGrid, type PlacedCell } from '../../model/grid.ts';
import { denseSize } from './styles.ts';

/** Where each cell sits (shared with the other writers). */
export function placeCells(rows: readonly Row[], columns: number): readonly PlacedCell[] {
  return placeGrid(rows, columns).placed;
}

/** CJK characters and full-width punctuation: a line may break before or after each of them. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** Width of a non-CJK character in ems: digits half an em, stops and commas a quarter, else 0.6. */
const latinWidth = (ch: string): number => (/[0-9]/.test(ch) ? 0.5 : /[.,:;]/.test(ch) ? 0.25 : /\s/u.test(ch) ? 0.25 : 0.6);

/** The pieces a line can break between, with their widths in ems; "\n" for a forced break. */
function pieces(text: string): { width: number; space: boolean; newline: boolean }[] {
  const out: { width: number; space: boolean; newline: boolean }[] = [];
  let run = 0;
  const flush = (): void => {
    if (run > 0) out.push({ width: run, space: false, newline: false });
    run = 0;
  };
  for (const ch of text) {
    if (ch === '\n') {
      flush();
      out.push({ width: 0, space: false, newline: true });
    } else if (/\s/u.test(ch)) {
      flush();
      out.push({ width: latinWidth(ch), space: true, newline: false });
    } else if (CJK.test(ch)) {
      flush();
      out.push({ width: 1, space: false, newline: false });
    } else run += latinWidth(ch);
  }
  flush();
  return out;
}

/**
 * Width, in ems, of the longest piece of a text that cannot be broken: a run of digits, Latin
 * letters and punctuation ("2012901", "933.96", "98.57%"), or a single CJK character (one em).
 */
export function longestUnbreakable(text: string): number {
  return pieces(text).reduce((m, p) => (p.space ? m : Math.max(m, p.width)), 0);
}

/** Lines a text takes in a column `width` ems wide (greedy breaking, as word processors do). */
export function lineCount(text: string, width: number): number {
  let lines = 1;
  let used = 0;
  for (const p of pieces(text)) {
    if (p.newline) {
      lines++;
      used = 0;
    } else if (used > 0 && used + p.width > width && !p.space) {
      lines++;
      used = p.width;
    } else used += p.width;
  }
  return lines;
}

/** Column widths: the weights scaled to `total`, rounding put into the last column. */
export function columnWidths(columns: readonly Column[], total: number): number[] {
  const sum = columns.reduce((s, c) => s + c.width, 0);
  if (columns.length === 0 || !(sum > 0)) return columns.map(() => Math.floor(total / Math.max(columns.length, 1)));
  const widths = columns.map((c) => Math.floor((total * c.width) / sum));
  widths[widths.length - 1]! += total - widths.reduce((s, w) => s + w, 0);
  return widths;
}

/**
 * Widths from the model's weights, widened where a column is too narrow for its longest number or
 * code (which Word would otherwise break between digits: "20 / 1"). The room comes from the other
 * columns, in proportion to what they have beyond their own minimum. When the minimums do not fit
 * in `total`, the weights are kept as they are.
 */
export function fittedWidths(weights: readonly number[], minimums: readonly number[], total: number): number[] {
  const widths = [...weights];
  const deficit = widths.reduce((d, w, i) => d + Math.max(0, minimums[i]! - w), 0);
  if (deficit === 0) return widths;
  const slack = widths.map((w, i) => Math.max(0, w - minimums[i]!));
  const totalSlack = slack.reduce((s, x) => s + x, 0);
  if (totalSlack < deficit) return widths;
  const out = widths.map((w, i) => (w < minimums[i]! ? minimums[i]! : w - Math.floor((deficit * slack[i]!) / totalSlack)));
  // rounding: the column with the most room takes the difference
  const widest = slack.indexOf(Math.max(...slack));
  out[widest]! += total - out.reduce((s, w) => s + w, 0);
  return out;
}

/** Font size (pt) of header or body cells of a table. */
export function cellSize(st: Document['styles'], table: Table, header: boolean): number {
  const s = header ? st.tableHeader.size : st.table.size;
  return table.dense ? denseSize(s) : s;
}

/** The narrowest each column may be: its longest unbreakable text (cells of one column) plus the cell margins. */
export function minimumWidths(st: Document['styles'], table: Table, margin: number): number[] {
  const minimums = table.columns.map(() => 0);
  for (const [rows, header] of [
    [table.header, true],
    [table.body, false],
  ] as const) {
    for (const p of placeCells(rows, table.columns.length)) {
      if (p.colSpan !== 1 || p.col >= minimums.length) continue;
      const ems = longestUnbreakable(plainText(p.cell.content));
      minimums[p.col] = Math.max(minimums[p.col]!, Math.ceil(ems * cellSize(st, table, header) * 20) + 2 * margin + 30);
    }
  }
  return minimums;
}

/** Height of a single-spaced line, in ems: CJK fonts are tall (Noto CJK 1.45, SimHei about 1.3). */
const LINE_EMS = 1.45;

/**
 * Minimum heights of the header rows (undefined: leave the row to its content). A header cell
 * spanning rows needs the rows it covers to be as tall as its text together; when they are not,
 * the last of them is given the rest as an "at least" height. Without it, word processors that
 * repeat the header rows on the next page (LibreOffice) clip the merged cells' text there.
 */
export function headerRowHeights(st: Document['styles'], table: Table, widths: readonly number[], margin: number): ({ value: number; rule: typeof HeightRule.ATLEAST } | undefined)[] {
  const n = table.header.length;
  const lineHeight = cellSize(st, table, true) * 20 * LINE_EMS;
  const placed = placeCells(table.header, widths.length);
  const need = (p: PlacedCell): number => {
    const width = widths.slice(p.col, p.col + p.colSpan).reduce((s, w) => s + w, 0) - 2 * margin;
    return lineCount(plainText(p.cell.content), width / (cellSize(st, table, true) * 20)) * lineHeight;
  };
  const own = Array.from({ length: n }, (_, r) => Math.max(lineHeight, ...placed.filter((p) => p.row === r && p.rowSpan === 1).map(need)));
  const heights = [...own];
  const merged = placed.filter((p) => p.rowSpan > 1).sort((a, b) => a.row + a.rowSpan - (b.row + b.rowSpan));
  for (const p of merged) {
    const last = Math.min(n, p.row + p.rowSpan) - 1;
    const have = heights.slice(p.row, last + 1).reduce((s, h) => s + h, 0);
    const deficit = need(p) - have;
    if (deficit > 0) heights[last]! += deficit;
  }
  return heights.map((h, r) => (h > own[r]! ? { value: Math.ceil(h), rule: HeightRule.ATLEAST } : undefined));
}
