// Helpers shared by the table readers.
import { cellAt, Money, readAmount, type GridCell, type Sheet } from './cells.ts';
import type { Problems } from './report.ts';

/** The amount in a cell; reports unreadable text and rounding. undefined for a blank cell. */
export function amountAt(sheet: Sheet, row: number, col: number | undefined, problems: Problems): Money | undefined {
  if (col === undefined) return undefined;
  return amountOf(cellAt(sheet, row, col), problems);
}

export function amountOf(cell: GridCell | undefined, problems: Problems): Money | undefined {
  const a = readAmount(cell);
  if (a.kind === 'blank') return undefined;
  if (a.kind === 'bad') {
    problems.error(`无法识别的金额“${a.shown}”`, cell);
    return undefined;
  }
  if (a.rounded !== undefined) problems.warning(`金额“${a.rounded}”超过两位小数，已四舍五入为 ${a.text}`, cell);
  return new Money(a.text);
}

/** true when the cell holds something other than a blank (an amount or unreadable text). */
export function hasAmount(cell: GridCell | undefined): boolean {
  return readAmount(cell).kind !== 'blank';
}

/** Keep only the defined entries, in order. */
export function compact<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
