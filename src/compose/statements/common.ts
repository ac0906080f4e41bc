// Shared pieces of the 决算表 composers: header rows from the spec, body cell constructors, and the
// context every layout receives.
import { cell, type Cell, type Column, type Row } from '../../model/document.ts';
import type { Dec } from '../../money/decimal.ts';
import type { HeaderCellSpec, StatementEntry } from '../../profile/statements.ts';

/** What a layout needs besides its spec entry and the derived tables. */
export interface LayoutContext {
  /** prints an amount for a table cell ("" for zero) */
  readonly formatCell: (x: Dec | undefined) => string;
  /** renders a template text of statements.yaml with this table's variables */
  readonly render: (template: string, extra?: object) => string;
}

/** The grid body of one table and whether it holds any data. */
export interface LayoutResult {
  readonly body: readonly Row[];
  readonly empty: boolean;
}

export function columnsOf(e: StatementEntry): Column[] {
  return e.columns.map((c) => ({ type: 'column', width: c.width, align: c.align }));
}

export function headerRows(e: StatementEntry): Row[] {
  return e.header.map((cells) => ({ type: 'row', cells: cells.map(headerCell) }));
}

function headerCell(c: HeaderCellSpec): Cell {
  if (typeof c === 'string') return cell(c, { align: 'center' });
  return cell(c.text, { align: c.align ?? 'center', ...(c.colSpan && c.colSpan > 1 ? { colSpan: c.colSpan } : {}), ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}) });
}

/** A cell spanning `colSpan` columns (no colSpan property when 1). */
export function spanCell(t: string, colSpan: number, extra: Omit<Cell, 'type' | 'content' | 'colSpan'> = {}): Cell {
  return cell(t, colSpan > 1 ? { colSpan, ...extra } : extra);
}

export function row(cells: readonly Cell[], emphasis?: Row['emphasis']): Row {
  return emphasis ? { type: 'row', cells, emphasis } : { type: 'row', cells };
}


/** The value at a dotted path of a derived table ("income.generalBudget", "budget.vehicle.total"). */
export function valueAt<T>(obj: object, path: string): T {
  let v: unknown = obj;
  for (const seg of path.split('.')) v = (v as Record<string, unknown>)[seg];
  if (v === undefined) throw new Error(`决算表取值路径“${path}”不存在`);
  return v as T;
}
