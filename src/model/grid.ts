// Where the cells of a table sit. The model lists cells like HTML does: a row names only the
// cells that start in it, and a cell spanning rows or columns covers positions to its right and
// below. Every writer needs the same placement, so it is computed here once.
import type { Cell, Row } from './document.ts';
import { plainText } from './document.ts';

/** A cell at its place: row index within the rows given, first column, spans. */
export interface PlacedCell {
  readonly cell: Cell;
  readonly row: number;
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
}

export interface Grid {
  /** every cell in reading order (row by row, left to right) */
  readonly placed: readonly PlacedCell[];
  /** covered[r][c]: some cell covers position (r, c); uncovered positions are at row ends */
  readonly covered: readonly (readonly boolean[])[];
}

/** A table whose rows do not fit its columns (a compose bug, reported in Chinese). */
export class GridError extends Error {}

/**
 * Place `rows` on a grid of `columns` columns. A cell that reaches past the last column or the
 * last row, or onto a position another cell covers, is an error: the table is malformed.
 * Place header and body rows separately when spans must not cross between them.
 */
export function placeCells(rows: readonly Row[], columns: number, name = '表格'): Grid {
  const covered: boolean[][] = rows.map(() => new Array<boolean>(columns).fill(false));
  const placed: PlacedCell[] = [];
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (col < columns && covered[r]![col]) col++;
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      const what = `${name}第 ${r + 1} 行的单元格“${plainText(cell.content)}”`;
      if (col + colSpan > columns) throw new GridError(`${what}超出了 ${columns} 列（请检查该行的单元格数和合并列数）`);
      if (r + rowSpan > rows.length) throw new GridError(`${what}向下合并 ${rowSpan} 行，超出了表格末行`);
      for (let rr = r; rr < r + rowSpan; rr++) {
        for (let cc = col; cc < col + colSpan; cc++) {
          if (covered[rr]![cc]) throw new GridError(`${name}第 ${rr + 1} 行第 ${cc + 1} 列被两个合并单元格同时覆盖`);
          covered[rr]![cc] = true;
        }
      }
      placed.push({ cell, row: r, col, colSpan, rowSpan });
      col += colSpan;
    }
  });
  return { placed, covered };
}
