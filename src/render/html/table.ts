// Table → HTML: a <table> with <caption> (title, number, 部门, 单位), <colgroup> (the model's
// relative widths), <thead> for the header rows and <tbody> for the body, spans as rowspan and
// colspan, inside a scrolling region for narrow screens; then the empty statement and the notes.
//
// Accessibility (WCAG H43/H63): header cells are <th> with `scope` (col, or colgroup when they
// span columns); body cells list, in `headers`, the header cells above them, so that a screen
// reader announces "项目 功能分类科目编码 类" for a code in a three-row header. A header
// position without text is a <td> (an empty <th> names nothing).
import type { Cell, Row, Table } from '../../model/document.ts';
import { attr, esc } from './escape.ts';
import { inlines } from './inline.ts';
import { placeCells as placeGrid, GridError, type PlacedCell } from '../../model/grid.ts';

export class HtmlTableError extends Error {}

/** A cell placed on the full grid (row index over header + body). */
export type Placed = PlacedCell;

/**
 * Place the cells of `rows` on a grid of `width` columns, each consecutive group of rows
 * (`groups`: <thead>, <tbody>) on its own — HTML's rowspan cannot leave its group.
 * `placed[r]` lists the cells starting in row r; `holes[r]` is the number of positions at the
 * end of row r no cell covers.
 */
export function placeCells(rows: readonly Row[], width: number, groups: readonly number[]): { placed: Placed[][]; holes: number[] } {
  const placed: Placed[][] = rows.map(() => []);
  const holes: number[] = [];
  let start = 0;
  for (const n of groups) {
    let grid;
    try {
      grid = placeGrid(rows.slice(start, start + n), width);
    } catch (e) {
      if (e instanceof GridError) throw new HtmlTableError(e.message);
      throw e;
    }
    for (const p of grid.placed) placed[start + p.row]!.push({ ...p, row: start + p.row });
    for (const line of grid.covered) holes.push(line.filter((x) => !x).length);
    start += n;
  }
  return { placed, holes };
}

export interface TableOptions {
  /** accessible name of the scrolling region when the table has no caption */
  readonly fallbackName: string;
}

const hasText = (cell: Cell): boolean => cell.content.some((i) => i.type !== 'break' && (i.type === 'checkbox' || i.text.trim() !== ''));

const alignClass = { left: 'al-l', center: 'al-c', right: 'al-r' } as const;

/** Percent widths of the columns from their relative weights (two decimals, summing to about 100). */
function percentWidths(table: Table): string[] {
  const total = table.columns.reduce((a, c) => a + Math.max(c.width, 0), 0);
  return table.columns.map((c) => (total > 0 ? `${Math.round((Math.max(c.width, 0) / total) * 10000) / 100}%` : 'auto'));
}

/** The table block: scrolling region with the table, then the empty statement and the notes. */
export function tableHtml(table: Table, options: TableOptions): string {
  const width = table.columns.length;
  if (width === 0) throw new HtmlTableError(`表格“${table.title ?? table.number ?? table.id}”没有列`);
  const rows = [...table.header, ...table.body];
  const nHead = table.header.length;
  const { placed, holes } = placeCells(rows, width, [nHead, table.body.length]);

  // Header cells with text get ids; each body cell refers to those over its columns.
  const headerIds: { id: string; from: number; to: number }[] = [];
  const idOf = new Map<Placed, string>();
  for (const line of placed.slice(0, nHead)) {
    for (const p of line) {
      if (!hasText(p.cell)) continue;
      const id = `${table.id}--h${p.row + 1}-${p.col + 1}`;
      idOf.set(p, id);
      headerIds.push({ id, from: p.col, to: p.col + p.colSpan });
    }
  }

  const cellHtml = (p: Placed, isHeader: boolean): string => {
    const c = p.cell;
    const align = c.align ?? (isHeader ? 'center' : (table.columns[p.col]?.align ?? 'left'));
    const classes: string[] = [alignClass[align]];
    if (c.bold === true) classes.push('b');
    let a = attr('class', classes.join(' '));
    if (p.colSpan > 1) a += ` colspan="${p.colSpan}"`;
    if (p.rowSpan > 1) a += ` rowspan="${p.rowSpan}"`;
    const content = inlines(c.content);
    if (isHeader) {
      const id = idOf.get(p);
      if (id === undefined) return `<td${a}></td>`;
      return `<th${attr('id', id)}${a} scope="${p.colSpan > 1 ? 'colgroup' : 'col'}">${content}</th>`;
    }
    const refs = headerIds.filter((h) => h.from < p.col + p.colSpan && p.col < h.to).map((h) => h.id);
    if (refs.length > 0) a += attr('headers', refs.join(' '));
    return `<td${a}>${content}</td>`;
  };

  const rowHtml = (r: number, isHeader: boolean): string => {
    const row = rows[r]!;
    const cls = row.emphasis === undefined ? '' : attr('class', row.emphasis);
    const cells = placed[r]!.map((p) => cellHtml(p, isHeader)).join('');
    const fill = '<td></td>'.repeat(holes[r]!);
    return `<tr${cls}>${cells}${fill}</tr>`;
  };

  const captionId = `${table.id}--caption`;
  const captionParts: string[] = [];
  if (table.title !== undefined) captionParts.push(`<span class="t-title">${esc(table.title)}</span>`);
  if (table.number !== undefined) captionParts.push(`<span class="t-number">${esc(table.number)}</span>`);
  if (table.department !== undefined || table.unit !== undefined) {
    captionParts.push(`<span class="t-meta"><span class="t-dept">${esc(table.department ?? '')}</span><span class="t-unit">${esc(table.unit ?? '')}</span></span>`);
  }
  const caption = captionParts.length > 0 ? `<caption${attr('id', captionId)}>${captionParts.join('')}</caption>` : '';
  const name = caption !== '' ? attr('aria-labelledby', captionId) : attr('aria-label', options.fallbackName);

  const cols = `<colgroup>${percentWidths(table)
    .map((w) => `<col style="width:${w}">`)
    .join('')}</colgroup>`;
  const thead = nHead > 0 ? `\n<thead>\n${rows.slice(0, nHead).map((_, i) => rowHtml(i, true)).join('\n')}\n</thead>` : '';
  const tbody = table.body.length > 0 ? `\n<tbody>\n${table.body.map((_, i) => rowHtml(nHead + i, false)).join('\n')}\n</tbody>\n` : '';
  const tableClasses = ['grid', table.kind, ...(table.dense ? ['dense'] : [])].join(' ');
  // Below this width the region scrolls instead of squeezing the columns (about 4.5 characters each).
  const minWidth = `--min-width:${Math.round(width * 4.5 * 10) / 10}em`;

  const out = [
    `<div class="table-block">`,
    `<div class="table-wrap" role="region" tabindex="0"${name}>`,
    `<table${attr('id', table.id)}${attr('class', tableClasses)}${attr('style', minWidth)}>${caption}${cols}${thead}${tbody}</table>`,
    `</div>`,
  ];
  if (table.empty !== undefined) out.push(`<p class="empty">${esc(table.empty)}</p>`);
  for (const note of table.notes) out.push(`<p class="note">${esc(note)}</p>`);
  out.push(`</div>`);
  return out.join('\n');
}
