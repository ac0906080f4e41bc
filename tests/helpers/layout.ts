// Reading a form or statement table as a grid of cell texts, checked independently of the
// writers' placement: the table must be rectangular (every position covered exactly once).
import type { Table } from '../../src/model/document.ts';
import { plainText } from '../../src/model/document.ts';

export const COVERED = '〃';

/**
 * Lay a table out on its column grid (HTML rules: a row lists the cells starting in it, spans
 * cover the positions right and below). Throws when a row overflows or leaves a hole, when a span
 * runs past the last row, or when two cells cover one position — i.e. unless the table is
 * rectangular. Returns the cell texts, COVERED where a span continues.
 */
export function layout(t: Table): string[][] {
  const n = t.columns.length;
  const rows = [...t.header, ...t.body];
  const grid: (string | undefined)[][] = rows.map(() => new Array<string | undefined>(n).fill(undefined));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < n && grid[r]![c] !== undefined) c++;
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      const what = `${t.id} row ${r + 1} “${plainText(cell.content)}”`;
      if (cs < 1 || rs < 1) throw new Error(`${what}: span below 1`);
      if (c + cs > n) throw new Error(`${what}: runs past column ${n}`);
      if (r + rs > rows.length) throw new Error(`${what}: runs past the last row`);
      for (let rr = r; rr < r + rs; rr++)
        for (let cc = c; cc < c + cs; cc++) {
          if (grid[rr]![cc] !== undefined) throw new Error(`${what}: position ${rr + 1}:${cc + 1} covered twice`);
          grid[rr]![cc] = rr === r && cc === c ? plainText(cell.content) : COVERED;
        }
      c += cs;
    }
    const hole = grid[r]!.indexOf(undefined);
    if (hole >= 0) throw new Error(`${t.id} row ${r + 1}: column ${hole + 1} is not covered`);
  });
  return grid as string[][];
}

/** The texts of the cells that start after `label` in the first row holding it. */
export function after(t: Table, label: string, nth = 0): string[] {
  const rows = layout(t).filter((r) => r.includes(label));
  const row = rows[nth];
  if (!row) throw new Error(`${t.id}: no row with “${label}” (#${nth + 1})`);
  return row.slice(row.indexOf(label) + 1).filter((x) => x !== COVERED);
}
