// Tables: the caption lines above (title, table number, 部门 / 单位), the grid, the notes and the
// "empty" statement under it.
//
// The grid has a fixed layout whose column widths are the model's weights scaled to the text width,
// widened where a number or code would not fit (grid.ts).
// Merges follow the model's HTML-like rows: a cell spanning rows starts a vertical merge, and the
// rows it covers get continuation cells written here (rather than by docx), so that their empty
// paragraph has the table's small type instead of Normal's 16 pt exact line, which would make
// those rows tall. Rows joined by a vertical merge are kept on one page (keptRows).
import {
  AlignmentType,
  BorderStyle,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import type { Cell, Row, Table as TableNode } from '../../model/document.ts';
import type { SectionContext } from './context.ts';
import { inlineRuns } from './inlines.ts';
import { anchored } from './toc.ts';
import { S } from './styles.ts';
import { columnWidths, fittedWidths, headerRowHeights, minimumWidths, placeCells } from './grid.ts';
import { alignmentOf } from './paragraphs.ts';

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

interface Placed {
  readonly cell: Cell;
  readonly column: number;
  readonly span: number;
}

/** A position covered by a cell from a row above: the continuation cell to write there. */
interface Covered {
  readonly rowsLeft: number;
  readonly span: number;
  readonly style: string;
}

function cellParagraph(style: string, align: 'left' | 'center' | 'right', children: readonly ParagraphChild[], keepNext = false): Paragraph {
  const alignment = alignmentOf(align, style === S.tableHeader || style === S.tableHeaderDense ? 'center' : 'left');
  return new Paragraph({ style, ...(alignment ? { alignment } : {}), ...(keepNext ? { keepNext: true } : {}), children: [...children] });
}

/**
 * Rows to keep with the next one: every row of a run of rows joined by a vertical merge but its
 * last, and the unmerged row just above such a run (it usually introduces it: 年度绩效目标 n：…
 * above its indicator block). Word (and LibreOffice) keep a row whose paragraphs are "keep with
 * next" on the page of the following row, so a merged label cell (年度绩效目标, 预算执行情况 in
 * the appendix forms) is not cut by a page break, leaving the rows on the next page under an
 * unlabelled column. A run longer than a page still breaks.
 */
function keptRows(rows: readonly Row[], columns: number): boolean[] {
  const keep = rows.map(() => false);
  const merged = rows.map(() => false);
  const spans = placeCells(rows, columns).filter((p) => p.rowSpan > 1);
  for (const p of spans) {
    for (let r = p.row; r < p.row + p.rowSpan && r < keep.length; r++) {
      merged[r] = true;
      if (r < p.row + p.rowSpan - 1) keep[r] = true;
    }
  }
  for (const p of spans) if (p.row > 0 && !merged[p.row - 1]) keep[p.row - 1] = true;
  return keep;
}

function widthOf(widths: readonly number[], column: number, span: number): number {
  return widths.slice(column, column + span).reduce((s, w) => s + w, 0);
}

/** The docx rows of a table, header rows first (marked to repeat on every page). */
function gridRows(table: TableNode, widths: readonly number[], headerHeights: ReturnType<typeof headerRowHeights>): TableRow[] {
  const n = widths.length;
  const headerStyle = table.dense ? S.tableHeaderDense : S.tableHeader;
  const bodyStyle = table.dense ? S.tableTextDense : S.tableText;
  const covered: (Covered | undefined)[] = Array.from({ length: n }, () => undefined);
  const rows: readonly (readonly [Row, boolean])[] = [...table.header.map((r) => [r, true] as const), ...table.body.map((r) => [r, false] as const)];
  const keep = [...keptRows(table.header, n).map(() => false), ...keptRows(table.body, n)];

  return rows.map(([row, isHeader], r) => {
    const style = isHeader ? headerStyle : bodyStyle;
    const keepNext = keep[r] === true;
    const cells: TableCell[] = [];
    const queue = [...row.cells];
    let column = 0;
    const place = (): Placed | undefined => {
      const cell = queue.shift();
      if (!cell) return undefined;
      const span = Math.max(1, Math.min(cell.colSpan ?? 1, n - column || 1));
      return { cell, column, span };
    };
    while (column < n || queue.length > 0) {
      const cover = column < n ? covered[column] : undefined;
      if (cover) {
        cells.push(
          new TableCell({
            children: [cellParagraph(cover.style, 'left', [], keepNext)],
            columnSpan: cover.span > 1 ? cover.span : undefined,
            verticalMerge: VerticalMergeType.CONTINUE,
            width: { size: widthOf(widths, column, cover.span), type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
          }),
        );
        const left = cover.rowsLeft - 1;
        for (let c = column; c < column + cover.span; c++) covered[c] = left > 0 ? { ...cover, rowsLeft: left } : undefined;
        column += cover.span;
        continue;
      }
      const placed = place();
      if (!placed) {
        // a row listing fewer cells than the grid has: fill it with empty cells
        if (column >= n) break;
        cells.push(new TableCell({ children: [cellParagraph(style, 'left', [], keepNext)], width: { size: widths[column]!, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER }));
        column += 1;
        continue;
      }
      const { cell, span } = placed;
      const rowSpan = cell.rowSpan ?? 1;
      const colAlign = isHeader ? 'center' : (table.columns[column]?.align ?? 'left');
      const bold = cell.bold === true || row.emphasis === 'total';
      cells.push(
        new TableCell({
          children: [cellParagraph(style, cell.align ?? colAlign, inlineRuns(cell.content, { bold }), keepNext)],
          columnSpan: span > 1 ? span : undefined,
          ...(rowSpan > 1 ? { verticalMerge: VerticalMergeType.RESTART } : {}),
          width: { size: widthOf(widths, column, span), type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
        }),
      );
      if (rowSpan > 1) for (let c = column; c < column + span && c < n; c++) covered[c] = { rowsLeft: rowSpan - 1, span, style };
      column += span;
    }
    const height = isHeader ? headerHeights[r] : undefined;
    return new TableRow({ children: cells, cantSplit: true, ...(isHeader ? { tableHeader: true } : {}), ...(height ? { height } : {}) });
  });
}

/** Caption lines above the grid: title, number (right), 部门 left and 单位 right on one line. */
function captionLines(ctx: SectionContext, table: TableNode, pageBreakBefore: boolean): Paragraph[] {
  const lines: { style: string; align?: 'right'; runs: ParagraphChild[]; tab?: boolean }[] = [];
  if (table.title !== undefined) lines.push({ style: S.tableTitle, runs: [new TextRun(table.title)] });
  if (table.number !== undefined) lines.push({ style: S.tableCaption, align: 'right', runs: [new TextRun(table.number)] });
  if (table.department !== undefined || table.unit !== undefined) {
    const runs: ParagraphChild[] = [];
    if (table.department !== undefined) runs.push(new TextRun(table.department));
    if (table.unit !== undefined) runs.push(new TextRun({ children: [new Tab(), table.unit] }));
    lines.push({ style: S.tableCaption, runs, tab: true });
  }
  // a table without caption lines still needs a paragraph to carry its 目录 bookmark
  if (lines.length === 0 && ctx.tocTargets.has(table.id)) lines.push({ style: S.tableCaption, runs: [] });
  return lines.map(
    (line, i) =>
      new Paragraph({
        style: line.style,
        ...(line.align === 'right' ? { alignment: AlignmentType.RIGHT } : {}),
        ...(line.tab ? { tabStops: [{ type: TabStopType.RIGHT, position: ctx.textWidth }] } : {}),
        ...(i === 0 && pageBreakBefore ? { pageBreakBefore: true } : {}),
        children: i === 0 ? anchored(ctx, table.id, line.runs) : line.runs,
      }),
  );
}

/** A table with its caption lines, notes and empty statement; `pageBreakBefore` starts it on a new page. */
export function tableBlocks(ctx: SectionContext, table: TableNode, pageBreakBefore: boolean): FileChild[] {
  const margin = table.dense ? 57 : 85;
  const widths = fittedWidths(columnWidths(table.columns, ctx.textWidth), minimumWidths(ctx.doc.styles, table, margin), ctx.textWidth);
  const grid = new Table({
    rows: gridRows(table, widths, headerRowHeights(ctx.doc.styles, table, widths, margin)),
    width: { size: ctx.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: GRID_BORDERS,
    margins: { left: margin, right: margin, top: 0, bottom: 0, marginUnitType: WidthType.DXA },
  });
  const notes = table.notes.map((note) => new Paragraph({ style: S.note, children: [new TextRun(note)] }));
  const empty = table.empty === undefined ? [] : [new Paragraph({ style: S.normal, children: [new TextRun(table.empty)] })];
  const captions = captionLines(ctx, table, pageBreakBefore);
  // without a caption line to carry it, the break is a paragraph of its own
  const lead = captions.length === 0 && pageBreakBefore ? [new Paragraph({ children: [new PageBreak()] })] : captions;
  return [...lead, grid, ...notes, ...empty];
}
