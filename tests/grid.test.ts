import { describe, it, expect } from 'vitest';
import { placeCells, GridError } from '../src/model/grid.ts';
import { cell, type Row } from '../src/model/document.ts';

const row = (...cells: ReturnType<typeof cell>[]): Row => ({ type: 'row', cells });

describe('placeCells (the one placement every writer uses)', () => {
  it('skips positions covered from rows above, like HTML', () => {
    // | 项目 (colspan 2) | 合计 (rowspan 2) |
    // | 编码 | 名称 |        (合计 continues)
    const g = placeCells([row(cell('项目', { colSpan: 2 }), cell('合计', { rowSpan: 2 })), row(cell('编码'), cell('名称'))], 3);
    expect(g.placed.map((p) => [p.row, p.col, p.colSpan, p.rowSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 2, 1, 2],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
    ]);
    expect(g.covered).toEqual([
      [true, true, true],
      [true, true, true],
    ]);
  });

  it('leaves short rows uncovered at their end', () => {
    expect(placeCells([row(cell('a'))], 3).covered).toEqual([[true, false, false]]);
  });

  it('refuses cells past the last column or row, and overlaps', () => {
    expect(() => placeCells([row(cell('a', { colSpan: 4 }))], 3)).toThrow(GridError);
    expect(() => placeCells([row(cell('a', { colSpan: 4 }))], 3)).toThrow(/超出了 3 列/u);
    expect(() => placeCells([row(cell('a', { rowSpan: 3 }))], 1)).toThrow(/超出了表格末行/u);
    expect(() => placeCells([row(cell('a'), cell('b', { rowSpan: 2 })), row(cell('c', { colSpan: 2 }))], 2)).toThrow(/同时覆盖/u);
  });
});
