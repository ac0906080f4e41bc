// Table → pdfmake content: the caption lines (title; number; 部门 … 单位), the grid, the empty
// statement and the notes.
//
// - Spans: the model lists only the cells that start in a row (as HTML does); pdfmake wants a full
//   grid with `{}` placeholders in every covered position, computed here.
// - Widths: the model's relative weights scaled to the type area as fixed numbers (star widths
//   collapse name columns), then widened where a column's longest unbreakable token (a code, an
//   amount) would not fit, taking the difference from columns with room to spare.
// - Header rows repeat (`headerRows`), stay with the first body row (`keepWithHeaderRows`), rows
//   never break inside (`dontBreakRows`, which also avoids pdfmake 0.3's misplaced middle-aligned
//   rowSpan text on continued pages).
// - A header-less table with row spans (the appendix forms) is printed as consecutive tables cut
//   between row groups, each group kept on one page (./groups.ts): pdfmake cannot carry a span's
//   label across a page break.
import type { Content, ContentText, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import type { Cell, Column, Row, Table, TextStyle } from '../../model/document.ts';
import { plainText } from '../../model/document.ts';
import { blockProps, inlineRuns, textRuns, textWidth, typo, type Run, type TextEnv, type Typo } from './text.ts';
import { CELL_STYLE, KEEP_WITH_NEXT } from './keep.ts';
import { placeCells as placeGrid, GridError, type PlacedCell } from '../../model/grid.ts';
import { GROUP_FILL, estimateHeight, rowHeights, segmentGrid, segments, type SpanCell } from './groups.ts';

export class PdfTableError extends Error {}

/** Horizontal and vertical cell padding, line width (points). */
const PAD_X = 3;
const PAD_Y = 2;
const LINE = 0.5;

/** Thin black grid. */
export const GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => LINE,
  vLineWidth: () => LINE,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => PAD_X,
  paddingRight: () => PAD_X,
  paddingTop: () => PAD_Y,
  paddingBottom: () => PAD_Y,
};

/** Dense tables print one point smaller (at most 10 % smaller) than the table style. */
export function denseSize(size: number): number {
  return Math.max(size - 1, Math.round(size * 9) / 10);
}

/** A positioned cell of the full grid. */
type Placed = PlacedCell;

/** Place the cells of `rows` on the table's grid (shared placement; a malformed row is a PdfTableError). */
export function placeCells(table: Table, rows: readonly Row[]): { placed: readonly Placed[]; covered: readonly (readonly boolean[])[] } {
  try {
    return placeGrid(rows, table.columns.length, `表格“${tableName(table)}”`);
  } catch (e) {
    if (e instanceof GridError) throw new PdfTableError(e.message);
    throw e;
  }
}

function tableName(table: Table): string {
  return table.title ?? table.number ?? table.id;
}

/**
 * Estimated width (points) of the widest piece of `s` that cannot be broken: runs of Latin
 * letters, digits and their punctuation; one CJK character, two where punctuation clings to it
 * (a line never starts with a closing mark nor ends with an opening one). A column of single
 * characters (类 款 项) may thus be one character wide.
 */
export function minTokenWidth(s: string, size: number): number {
  let widest = 0;
  for (const m of s.matchAll(/[\x21-\x7e]+/g)) widest = Math.max(widest, m[0].length * 0.6 * size);
  if (/[^\x00-\x7e]/.test(s)) widest = Math.max(widest, (/[^\x00-\x7e][，。、；：）”’？！》]|[（“‘《][^\x00-\x7e]/.test(s) ? 2 : 1) * size);
  return widest;
}

/**
 * Column widths in points for a table `total` points wide: weights scaled to the room left after
 * padding and rules, then columns too narrow for their longest unbreakable token are widened at
 * the expense of the others (in proportion to their spare room).
 */
export function columnWidths(columns: readonly Column[], total: number, minimum: readonly number[]): number[] {
  const n = columns.length;
  const room = total - n * 2 * PAD_X - (n + 1) * LINE;
  const sum = columns.reduce((a, c) => a + Math.max(c.width, 0), 0);
  const widths = columns.map((c) => (sum > 0 ? (Math.max(c.width, 0) / sum) * room : room / n));
  const need = widths.map((w, i) => Math.max(0, (minimum[i] ?? 0) - w));
  const deficit = need.reduce((a, b) => a + b, 0);
  if (deficit > 0) {
    const spare = widths.map((w, i) => (need[i]! > 0 ? 0 : Math.max(0, w - (minimum[i] ?? 0))));
    const spareSum = spare.reduce((a, b) => a + b, 0);
    if (spareSum >= deficit) {
      for (let i = 0; i < n; i++) widths[i] = widths[i]! + need[i]! - (spare[i]! / spareSum) * deficit;
    }
  }
  // Round down to 0.01 pt so rounding never pushes the table past the margin.
  return widths.map((w) => Math.floor(w * 100) / 100);
}

/** Width (points) of the text box of a cell spanning columns: the columns plus the padding and rules between them. */
function spannedWidth(widths: readonly number[], c: SpanCell): number {
  let w = 0;
  for (let i = c.col; i < c.col + c.colSpan; i++) w += widths[i] ?? 0;
  return w + (c.colSpan - 1) * (2 * PAD_X + LINE);
}

/** Typography of header and body cells and of the caption lines. */
function tableTypos(table: Table, styles: { table: TextStyle; tableHeader: TextStyle }): { body: Typo; header: Typo; caption: Typo } {
  const size = (s: TextStyle): number => (table.dense ? denseSize(s.size) : s.size);
  return {
    body: typo(styles.table, { size: size(styles.table), lineHeight: 0 }),
    header: typo(styles.tableHeader, { size: size(styles.tableHeader), lineHeight: 0 }),
    caption: typo(styles.table, { lineHeight: 0 }),
  };
}

export interface TableStyles {
  readonly table: TextStyle;
  readonly tableHeader: TextStyle;
  readonly note: TextStyle;
  readonly caption: TextStyle;
}

/** What a table reports back to the definition builder. */
export interface TableHooks {
  /** give `node` the id `id` and register it as a 目录 / link target */
  readonly target: (id: string, node: ContentText) => ContentText;
  /** cells spanning rows inside a block laid out at once: header rows, unbreakable row groups (see fixRowSpanCentring) */
  readonly rowSpanCells: object[];
}

/**
 * The table block: caption lines, grid, empty statement, notes. `width` and `height`: the type
 * area's (`height` bounds the row groups kept on one page, see ./groups.ts).
 */
export function tableContent(env: TextEnv, table: Table, styles: TableStyles, width: number, hooks: TableHooks, height = Infinity): Content {
  const t = tableTypos(table, styles);
  const rows = [...table.header, ...table.body];
  const n = table.columns.length;
  if (n === 0) throw new PdfTableError(`表格“${tableName(table)}”没有列`);
  const { placed, covered } = placeCells(table, rows);

  // Minimum widths from single-column cells.
  const minimum = new Array<number>(n).fill(0);
  for (const p of placed) {
    if (p.colSpan !== 1) continue;
    const size = p.row < table.header.length ? t.header.size : t.body.size;
    minimum[p.col] = Math.max(minimum[p.col]!, minTokenWidth(plainText(p.cell.content), size));
  }
  const widths = columnWidths(table.columns, width, minimum);

  const grid: TableCell[][] = rows.map(() => Array.from({ length: n }, (): TableCell => ({})));
  // An id on the first body cell (the first cell when there is no body) lets keep-with-next find
  // the page the grid really starts on (./keep.ts). Not a header cell: pdfmake re-files the
  // position of an id'd header cell on every page the header is repeated on.
  const anchor = placed.find((p) => p.row >= table.header.length) ?? placed[0];
  for (const p of placed) {
    const cell = cellContent(env, table, p, rows[p.row]!, t, spannedWidth(widths, p));
    if (p === anchor) (cell as { id?: string }).id = `${table.id}#grid`;
    grid[p.row]![p.col] = cell;
    if (p.rowSpan > 1 && p.row < table.header.length) hooks.rowSpanCells.push(cell);
    // A span starting in the first body row straddles pdfmake's header block and the next row's
    // block; its middle alignment cannot be computed right (see fixRowSpanCentring): top-align it.
    if (p.rowSpan > 1 && table.header.length > 0 && p.row === table.header.length) delete (cell as { verticalAlignment?: string }).verticalAlignment;
  }
  // Holes (a row with fewer cells than columns) print as empty cells.
  covered.forEach((line, r) =>
    line.forEach((isCovered, c) => {
      if (!isCovered) grid[r]![c] = { text: '', ...blockProps(env, r < table.header.length ? t.header : t.body), style: CELL_STYLE };
    }),
  );

  const parts: Content[] = [];
  const keep = { headlineLevel: KEEP_WITH_NEXT };
  const captionProps = blockProps(env, t.caption);
  let idPlaced = false;
  const withId = (node: ContentText): ContentText => {
    if (idPlaced) return node;
    idPlaced = true;
    return hooks.target(table.id, node);
  };
  if (table.title !== undefined) {
    const ct = typo(styles.caption, { bold: true, lineHeight: 0 });
    parts.push(withId({ text: textRuns(env, ct, table.title, undefined), ...blockProps(env, ct), alignment: 'center', margin: [0, 0, 0, 4], ...keep }));
  }
  if (table.number !== undefined) {
    parts.push(withId({ text: textRuns(env, t.caption, table.number, undefined), ...captionProps, alignment: 'right', ...keep }));
  }
  if (table.department !== undefined || table.unit !== undefined) {
    const left = withId({ text: textRuns(env, t.caption, table.department ?? '', undefined), ...captionProps, alignment: 'left', width: '*', ...keep } as ContentText);
    const right = { text: textRuns(env, t.caption, table.unit ?? '', undefined), ...captionProps, alignment: 'right', width: 'auto', ...keep } as ContentText;
    parts.push({ columns: [left, right], columnGap: 12, margin: [0, 0, 0, 2], ...keep } as Content);
  }
  if (!idPlaced) parts.push(withId({ text: '', fontSize: 1, lineHeight: 1, ...keep }));

  const headerRows = table.header.length;
  const spans = placed.filter((p) => p.rowSpan > 1);
  if (headerRows > 0 || spans.length === 0) {
    parts.push({
      table: {
        widths,
        body: grid,
        ...(headerRows > 0 ? { headerRows, keepWithHeaderRows: 1 } : {}),
        dontBreakRows: true,
      },
      layout: GRID_LAYOUT,
    } as Content);
  } else {
    // Header-less with row spans (the appendix forms): one table per row group (./groups.ts).
    const cellHeight = (c: SpanCell): number => estimateHeight(env, t.body, (c as Placed).cell.content, spannedWidth(widths, c));
    const heights = rowHeights(rows.length, placed, cellHeight, 2 * PAD_Y + LINE);
    const segs = segments(rows.length, placed, heights, GROUP_FILL * height);
    segs.forEach((seg, i) => {
      const body = segmentGrid(grid, placed, seg);
      // An unbreakable group is laid out as one block, like header rows: its spans need the fix.
      if (seg.unbreakable) for (const line of body) for (const c of line) if ((c as { rowSpan?: number }).rowSpan) hooks.rowSpanCells.push(c as object);
      parts.push({
        table: { widths, body, dontBreakRows: true },
        layout: GRID_LAYOUT,
        ...(seg.unbreakable ? { unbreakable: true } : {}),
        ...(seg.breakBefore ? { pageBreak: 'before' } : i > 0 ? { margin: [0, -LINE, 0, 0] } : {}),
      } as Content);
    });
  }

  const noteTypo = typo(styles.note, { lineHeight: 0 });
  const noteProps = blockProps(env, noteTypo);
  // Compose sets `empty` only for a table without data (which may still print a 合计 row of blanks).
  if (table.empty !== undefined) {
    parts.push({ text: textRuns(env, noteTypo, table.empty, undefined), ...noteProps, alignment: 'left', margin: [0, 4, 0, 0] });
  }
  table.notes.forEach((note, i) => {
    parts.push({ text: textRuns(env, noteTypo, note, undefined), ...noteProps, alignment: 'left', margin: [0, i === 0 ? 4 : 0, 0, 0] });
  });
  return { stack: parts, margin: [0, 0, 0, 12] };
}

/** A short bracketed group: （20 分）, （万元）, （B/A）, (A). */
const BRACKETS = /[（(][^（）()\n]{1,8}[）)]/g;

/**
 * Runs with every short bracketed group that fits in `width` points made one unbreakable run
 * (pdfmake `noWrap`), so that a cell breaks before "（20 分）" rather than inside it ("（20 / 分）",
 * "（万 / 元）"). The text is unchanged; only where lines may break.
 */
export function keepBrackets(env: TextEnv, t: Typo, runs: readonly Run[], width: number): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.font !== undefined) {
      out.push(run);
      continue;
    }
    let last = 0;
    for (const m of run.text.matchAll(BRACKETS)) {
      if (textWidth(env, { ...t, bold: run.bold ?? t.bold }, m[0]) > width) continue;
      if (m.index > last) out.push({ ...run, text: run.text.slice(last, m.index) });
      out.push({ ...run, text: m[0], noWrap: true });
      last = m.index + m[0].length;
    }
    if (last === 0) out.push(run);
    else if (last < run.text.length) out.push({ ...run, text: run.text.slice(last) });
  }
  return out;
}

function cellContent(env: TextEnv, table: Table, p: Placed, row: Row, t: { body: Typo; header: Typo }, width: number): TableCell {
  const isHeader = p.row < table.header.length;
  const ty = isHeader ? t.header : t.body;
  const bold = p.cell.bold === true || row.emphasis === 'total';
  const align = p.cell.align ?? (isHeader ? 'center' : (table.columns[p.col]?.align ?? 'left'));
  const cell: Record<string, unknown> = {
    text: keepBrackets(env, ty, inlineRuns(env, ty, p.cell.content, bold), width),
    ...blockProps(env, ty),
    alignment: align,
    verticalAlignment: 'middle',
    style: CELL_STYLE,
  };
  if (p.colSpan > 1) cell.colSpan = p.colSpan;
  if (p.rowSpan > 1) cell.rowSpan = p.rowSpan;
  return cell as TableCell;
}

/**
 * pdfmake 0.3.11 centres a row-spanning cell (verticalAlignment 'middle', dontBreakRows) in the
 * height `L._rowTopPageY − (L._startingRowSpanY + L._rowTopPageYPadding) + L._bottomY`, L being
 * the placeholder in the span's last row. That is right for body rows, each laid out in its own
 * unbreakable block (so `_bottomY` is relative to the last row), but not for rows laid out
 * together in one block: header rows with the first body row (keepWithHeaderRows), and the rows
 * of an unbreakable row group (./groups.ts). There `_bottomY` is relative to the block, the
 * height comes out too large and the text drops out of its cell. For those cells the height must
 * be `L._bottomY − (L._startingRowSpanY + L._rowTopPageYPadding)`; zeroing `L._rowTopPageY` (read
 * nowhere else) after layout gives exactly that. Called once layout is final, before drawing,
 * with the cells that span rows inside such blocks.
 */
export function fixRowSpanCentring(headerCells: readonly object[]): void {
  for (const cell of headerCells) {
    const ending = (cell as { _leftEndingCell?: { _rowTopPageY?: unknown; _bottomY?: unknown; _startingRowSpanY?: unknown } })._leftEndingCell;
    if (ending && typeof ending._rowTopPageY === 'number' && typeof ending._bottomY === 'number' && typeof ending._startingRowSpanY === 'number') {
      ending._rowTopPageY = 0;
    }
  }
}
