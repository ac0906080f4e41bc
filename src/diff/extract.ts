// What a reviewer compares in a booklet: the sentences (with the heading they are under) and the
// table cells (addressed by table, row label and column header), read off the document model.
import type { Block, Cell, Document, Inline, Row, Table } from '../model/document.ts';
import { plainText } from '../model/document.ts';

/** One sentence (or heading) of running text, with the heading path it appears under. */
export interface TextUnit {
  /** "第三部分 … › 三、支出决算情况说明" */
  readonly where: string;
  readonly text: string;
}

/** One value cell of a table with numbers. */
export interface CellEntry {
  /** "2012901 行政运行"; "" when the table has no label columns */
  readonly row: string;
  /** "本年收入合计" (header texts top-down, joined with ：) */
  readonly column: string;
  readonly value: string;
}

export interface TableView {
  /** matches the same table in the other version: number, else title (years masked), else position */
  readonly key: string;
  /** what the reviewer reads: "公开02表", a title, or "… 中的表格" */
  readonly label: string;
  readonly where: string;
  /** cells: tables with value (right-aligned) columns; rows: forms and text tables, compared row by row */
  readonly mode: 'cells' | 'rows';
  readonly cells: readonly CellEntry[];
  readonly rows: readonly string[];
}

export interface DocumentView {
  readonly units: readonly TextUnit[];
  readonly tables: readonly TableView[];
}

/** Split running text into sentences after 。；！？ and at line breaks. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？])|\n/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A paragraph that starts with an item number: 1. / （一） / (1) / 一、 */
const ENUMERATED = /^(?:\d+[.．、]|（[一二三四五六七八九十\d]+）|\(\d+\)|[一二三四五六七八九十]+、)/u;

const shorten = (s: string, max = 40) => ([...s].length > max ? [...s].slice(0, max).join('') + '…' : s);

const cellText = (content: readonly Inline[]) => plainText(content).replace(/\s*\n\s*/gu, ' ').trim();

/** Header text without the spacing used to spread short labels ("决 算 数" → "决算数"). */
const squeeze = (s: string) => s.replace(/\s+/gu, '');

interface Slot {
  readonly text: string;
  /** the cell starts here (not a position covered by a span) */
  readonly origin: boolean;
}

/** Expand row and column spans: every position of the grid gets the text of the cell covering it. */
export function expand(rows: readonly Row[], width: number): Slot[][] {
  const carry: ({ text: string; left: number } | undefined)[] = new Array(width).fill(undefined);
  const out: Slot[][] = [];
  for (const row of rows) {
    const line: (Slot | undefined)[] = new Array(width).fill(undefined);
    for (let c = 0; c < width; c++) {
      const k = carry[c];
      if (k && k.left > 0) {
        line[c] = { text: k.text, origin: false };
        k.left -= 1;
      }
    }
    let col = 0;
    for (const cell of row.cells as readonly Cell[]) {
      while (col < width && line[col]) col++;
      if (col >= width) break;
      const text = cellText(cell.content);
      const span = cell.colSpan ?? 1;
      for (let k = 0; k < span && col + k < width; k++) {
        line[col + k] = { text, origin: k === 0 };
        if ((cell.rowSpan ?? 1) > 1) carry[col + k] = { text, left: (cell.rowSpan ?? 1) - 1 };
      }
      col += span;
    }
    out.push(line.map((s) => s ?? { text: '', origin: false }));
  }
  return out;
}

const uniq = (xs: readonly string[]) => xs.filter((x, i) => x !== '' && xs.indexOf(x) === i);

function tableView(t: Table, where: string, fallbackLabel: string): Omit<TableView, 'key'> & { baseKey: string } {
  const width = t.columns.length;
  const header = expand(t.header, width);
  const body = expand(t.body, width);
  const label = t.number ?? t.title ?? fallbackLabel;
  const baseKey = (t.number ?? t.title ?? fallbackLabel).replace(/\d{4}\s*年度?/gu, '＊年度');
  const value = t.columns.map((c) => c.align === 'right');
  if (!value.some(Boolean)) {
    const rows = body.map((r) => r.filter((s) => s.origin && s.text !== '').map((s) => s.text).join('｜')).filter(Boolean);
    return { baseKey, label, where, mode: 'rows', cells: [], rows };
  }
  const columnLabel = (c: number) => {
    const texts = uniq(header.map((r) => squeeze(r[c]!.text)).filter((s) => !/^\d+$/u.test(s) && s !== '栏次'));
    return texts.length ? texts.join('：') : `第${c + 1}栏`;
  };
  // the label columns of a value column: the run of non-value columns just before its run of
  // value columns (left-aligned ones only when there are any: 行次 columns are centred)
  const labelColumns = (c: number) => {
    let s = c;
    while (s > 0 && value[s - 1]) s--;
    const run: number[] = [];
    for (let k = s - 1; k >= 0 && !value[k]; k--) run.unshift(k);
    const left = run.filter((k) => t.columns[k]!.align === 'left');
    return left.length ? left : run;
  };
  const columns = t.columns.map((_, c) => columnLabel(c));
  const labels = t.columns.map((_, c) => (value[c] ? labelColumns(c) : []));
  const cells: CellEntry[] = [];
  body.forEach((r, ri) => {
    for (let c = 0; c < width; c++) {
      if (!value[c] || !r[c]!.origin) continue;
      let row = uniq(labels[c]!.map((k) => r[k]!.text)).join(' ');
      if (row === '' && body.length > 1) row = `第${ri + 1}行`;
      cells.push({ row, column: columns[c]!, value: r[c]!.text });
    }
  });
  return { baseKey, label, where, mode: 'cells', cells, rows: [] };
}

/** Sentences and tables of a document, in reading order. */
export function viewOf(doc: Document): DocumentView {
  const units: TextUnit[] = [];
  const tables: TableView[] = [];
  const keys = new Map<string, number>();
  const headings: string[] = [];
  const where = () => headings.filter(Boolean).join(' › ');
  const push = (w: string, text: string) => {
    for (const s of sentences(text)) units.push({ where: w, text: s });
  };

  push('封面', doc.cover.title);
  if (doc.cover.subtitle) push('封面', doc.cover.subtitle);
  push('封面', doc.cover.date);

  const block = (b: Block) => {
    switch (b.type) {
      case 'heading': {
        headings.length = b.level - 1;
        const text = `${b.number ?? ''}${b.separator}${b.text}`.trim();
        headings[b.level - 1] = text;
        units.push({ where: where(), text });
        return;
      }
      case 'paragraph': {
        // in a numbered paragraph ("1. 一般公共服务支出（类）…。年初预算为…") the first sentence
        // names the item: the later sentences are placed under it
        const list = sentences(plainText(b.content));
        const w = where();
        const numbered = list.length > 1 && ENUMERATED.test(list[0]!);
        list.forEach((text, i) => units.push({ where: numbered && i > 0 ? `${w} › ${shorten(list[0]!)}` : w, text }));
        return;
      }
      case 'list':
        // a list item's sentences are placed under its label, so "年初预算为…" says which item
        for (const item of b.items) push(where() ? `${where()} › ${item.label}` : item.label, plainText(item.content));
        return;
      case 'table': {
        const w = where();
        const last = headings.filter(Boolean).at(-1) ?? '正文';
        const v = tableView(b, w, `“${last}”中的表格`);
        const n = (keys.get(v.baseKey) ?? 0) + 1;
        keys.set(v.baseKey, n);
        const { baseKey, ...rest } = v;
        tables.push({ ...rest, key: n > 1 ? `${baseKey}#${n}` : baseKey });
        const tw = w ? `${w} › ${v.label}` : v.label;
        for (const note of b.notes) push(tw, note);
        if (b.empty) push(tw, b.empty);
        return;
      }
      case 'figure':
      case 'pageBreak':
      case 'toc':
        return;
    }
  };
  for (const s of doc.sections) for (const b of s.blocks) block(b);
  return { units, tables };
}
