// Comparing two built booklets: key figures, table cells and sentences.
import type { Document } from '../model/document.ts';
import type { Figures } from '../derive/figures.ts';
import type { Dec } from '../money/decimal.ts';
import { viewOf, type CellEntry, type TableView, type TextUnit } from './extract.ts';
import { sequenceEdits, type Edit } from './sequence.ts';

/** The figures a reviewer checks first, in this order. */
export const KEY_FIGURES: readonly { readonly label: string; readonly get: (f: Figures) => Dec | undefined }[] = [
  { label: '收支总计', get: (f) => f.grandTotal.amount },
  { label: '本年收入合计', get: (f) => f.income.total },
  { label: '本年支出合计', get: (f) => f.expenditure.total },
  { label: '基本支出', get: (f) => f.expenditure.parts.find((p) => p.key === 'basic')?.amount },
  { label: '项目支出', get: (f) => f.expenditure.parts.find((p) => p.key === 'project')?.amount },
  { label: '“三公”经费', get: (f) => f.threePublic.total.actual },
  { label: '机关运行经费', get: (f) => f.operatingCost?.amount },
];

export interface KeyFigure {
  readonly label: string;
  readonly old?: Dec;
  readonly new?: Dec;
  readonly changed: boolean;
}

export type CellChange =
  | { readonly kind: 'cell'; readonly row: string; readonly column: string; readonly old: string; readonly new: string }
  | { readonly kind: 'row-added' | 'row-removed'; readonly row: string; readonly cells: readonly { readonly column: string; readonly value: string }[] };

export interface TableChanges {
  readonly label: string;
  readonly where: string;
  /** the table exists in only one version */
  readonly presence?: 'added' | 'removed';
  readonly cells: readonly CellChange[];
  /** row-by-row edits (forms and text tables) */
  readonly rows: readonly Edit<string>[];
}

export interface Comparison {
  readonly figures: readonly KeyFigure[];
  readonly tables: readonly TableChanges[];
  readonly text: readonly Edit<TextUnit>[];
}

export interface Side {
  readonly document: Document;
  readonly figures: Figures;
}

const same = (a: Dec | undefined, b: Dec | undefined) => (a === undefined || b === undefined ? a === b : a.equals(b));

export function compareKeyFigures(a: Figures, b: Figures): KeyFigure[] {
  return KEY_FIGURES.map(({ label, get }) => {
    const o = get(a);
    const n = get(b);
    return { label, old: o, new: n, changed: !same(o, n) };
  });
}

/** Cells keyed by row label + column header (a repeated key gets its occurrence number). */
function keyed(cells: readonly CellEntry[]): Map<string, CellEntry & { rowKey: string }> {
  const out = new Map<string, CellEntry & { rowKey: string }>();
  const seenRows = new Map<string, number>();
  let lastRow: string | undefined;
  const rowKeys: string[] = [];
  for (const c of cells) {
    // a new row label each time the label changes; a label seen before gets #n
    if (c.row !== lastRow) {
      const n = (seenRows.get(c.row) ?? 0) + 1;
      seenRows.set(c.row, n);
      rowKeys.push(n > 1 ? `${c.row}#${n}` : c.row);
      lastRow = c.row;
    }
    const rowKey = rowKeys[rowKeys.length - 1]!;
    let key = `${rowKey}｜${c.column}`;
    for (let k = 2; out.has(key); k++) key = `${rowKey}｜${c.column}#${k}`;
    out.set(key, { ...c, rowKey });
  }
  return out;
}

export function compareCells(a: readonly CellEntry[], b: readonly CellEntry[]): CellChange[] {
  const olds = keyed(a);
  const news = keyed(b);
  const oldRows = new Set([...olds.values()].map((c) => c.rowKey));
  const newRows = new Set([...news.values()].map((c) => c.rowKey));
  const out: CellChange[] = [];
  const addedRows = new Map<string, CellChange & { kind: 'row-added' }>();
  for (const [key, n] of news) {
    if (!oldRows.has(n.rowKey)) {
      let r = addedRows.get(n.rowKey);
      if (!r) {
        r = { kind: 'row-added', row: n.row, cells: [] };
        addedRows.set(n.rowKey, r);
        out.push(r);
      }
      if (n.value !== '') (r.cells as { column: string; value: string }[]).push({ column: n.column, value: n.value });
      continue;
    }
    const o = olds.get(key);
    const ov = o?.value ?? '';
    if (ov !== n.value) out.push({ kind: 'cell', row: n.row, column: n.column, old: ov, new: n.value });
  }
  const removedRows = new Map<string, CellChange & { kind: 'row-removed' }>();
  for (const [key, o] of olds) {
    if (!newRows.has(o.rowKey)) {
      let r = removedRows.get(o.rowKey);
      if (!r) {
        r = { kind: 'row-removed', row: o.row, cells: [] };
        removedRows.set(o.rowKey, r);
        out.push(r);
      }
      if (o.value !== '') (r.cells as { column: string; value: string }[]).push({ column: o.column, value: o.value });
      continue;
    }
    if (!news.has(key) && o.value !== '') out.push({ kind: 'cell', row: o.row, column: o.column, old: o.value, new: '' });
  }
  return out;
}

function compareTable(a: TableView | undefined, b: TableView | undefined): TableChanges | undefined {
  const t = (b ?? a)!;
  const base = { label: t.label, where: t.where };
  if (!a) return { ...base, presence: 'added', cells: [], rows: [] };
  if (!b) return { ...base, presence: 'removed', cells: [], rows: [] };
  if (a.mode === 'cells' && b.mode === 'cells') {
    const cells = compareCells(a.cells, b.cells);
    return cells.length ? { ...base, cells, rows: [] } : undefined;
  }
  const rows = sequenceEdits(rowsOf(a), rowsOf(b), (r) => r);
  return rows.length ? { ...base, cells: [], rows } : undefined;
}

const rowsOf = (t: TableView) => (t.mode === 'rows' ? t.rows : t.cells.map((c) => `${c.row}｜${c.column}｜${c.value}`));

export function compareTables(a: readonly TableView[], b: readonly TableView[]): TableChanges[] {
  const olds = new Map(a.map((t) => [t.key, t]));
  const newKeys = new Set(b.map((t) => t.key));
  const out: TableChanges[] = [];
  for (const t of b) {
    const c = compareTable(olds.get(t.key), t);
    if (c) out.push(c);
  }
  for (const t of a) if (!newKeys.has(t.key)) out.push(compareTable(t, undefined)!);
  return out;
}

export function compare(a: Side, b: Side): Comparison {
  const va = viewOf(a.document);
  const vb = viewOf(b.document);
  return {
    figures: compareKeyFigures(a.figures, b.figures),
    tables: compareTables(va.tables, vb.tables),
    text: sequenceEdits(va.units, vb.units, (u) => u.text),
  };
}

export function hasChanges(c: Comparison): boolean {
  return c.figures.some((f) => f.changed) || c.tables.length > 0 || c.text.length > 0;
}
