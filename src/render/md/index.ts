// Markdown-like text of the booklet: what reviewers read and diff. Tables are pipe tables with
// spans expanded (a spanned cell repeats as "〃" so rows stay aligned), figures list their data.
import type { Block, Document, Inline, Row, Section, Table } from '../../model/document.ts';
import { placeCells } from '../../model/grid.ts';
import { assertNever } from '../../model/document.ts';
import type { Writer } from '../writer.ts';

function inline(content: readonly Inline[]): string {
  return content
    .map((i) => {
      switch (i.type) {
        case 'text':
          return i.bold ? `**${i.text}**` : i.text;
        case 'break':
          return ' / ';
        case 'checkbox':
          return `${i.checked ? '☑' : '☐'}${i.label}`;
        default:
          return assertNever(i);
      }
    })
    .join('');
}

const esc = (s: string) => s.replace(/\|/gu, '\\|');

/** Expand spans into a rectangular grid of texts: a spanned position repeats as "〃". */
export function grid(rows: readonly Row[], width: number): string[][] {
  const out = rows.map(() => new Array<string>(width).fill(''));
  for (const p of placeCells(rows, width).placed) {
    for (let r = p.row; r < p.row + p.rowSpan; r++) {
      for (let c = p.col; c < p.col + p.colSpan; c++) out[r]![c] = r === p.row && c === p.col ? esc(inline(p.cell.content)) : '〃';
    }
  }
  return out;
}

function table(t: Table): string[] {
  const lines: string[] = [];
  if (t.title) lines.push(`**${t.title}**`, '');
  const caption = [t.department, t.number, t.unit].filter(Boolean).join('　');
  if (caption) lines.push(caption, '');
  const width = t.columns.length;
  const head = grid(t.header, width);
  const body = grid(t.body, width);
  const all = head.length ? head : [new Array(width).fill('')];
  lines.push(`| ${all[0]!.join(' | ')} |`, `|${t.columns.map((c) => (c.align === 'right' ? ' ---: ' : c.align === 'center' ? ' :---: ' : ' --- ')).join('|')}|`);
  for (const r of [...all.slice(1), ...body]) lines.push(`| ${r.join(' | ')} |`);
  lines.push('');
  for (const n of t.notes) lines.push(n);
  if (t.empty) lines.push(t.empty);
  return lines;
}

function block(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return [`${'#'.repeat(b.level)} ${b.number ?? ''}${b.separator}${b.text}`, ''];
    case 'paragraph':
      return [(b.align === 'center' ? '（居中）' : b.align === 'right' ? '（右对齐）' : '') + inline(b.content), ''];
    case 'list':
      return [...b.items.map((i) => `${i.label} ${inline(i.content)}`), ''];
    case 'table':
      return [...table(b), ''];
    case 'figure':
      return [
        `[${b.caption}]`,
        ...b.series.map((s) => `${s.name}：${b.categories.map((c, i) => `${c} ${s.labels[i] ?? s.values[i]}`).join('；')}`),
        '',
      ];
    case 'pageBreak':
      return ['---', ''];
    case 'toc':
      return [`# ${b.title}`, '', ...b.entries.map((e) => `${'  '.repeat(e.level - 1)}${e.text}`), ''];
    default:
      return assertNever(b);
  }
}

function section(s: Section): string[] {
  return [`<!-- ${s.orientation === 'landscape' ? '横向页面' : '纵向页面'} -->`, '', ...s.blocks.flatMap(block)];
}

export function toMarkdown(doc: Document): string {
  const cover = [`# ${doc.cover.title}`, '', ...(doc.cover.subtitle ? [doc.cover.subtitle, ''] : []), doc.cover.date, ''];
  return [...cover, ...doc.sections.flatMap(section)].join('\n').replace(/\n{3,}/gu, '\n\n');
}

export const writeMarkdown: Writer = async (doc) => ({ extension: 'md', data: toMarkdown(doc) });
