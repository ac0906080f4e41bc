// Document model → one self-contained, accessible HTML page for the government information-
// disclosure website: inline stylesheet (screen and print), charts as inline SVG, no scripts and
// no requests. Layout only: every word and figure comes from the model, except the spoken states
// of check boxes (./inline.ts).
//
// Outline: the cover title is the page's one <h1>; model headings of level 1–3 (part titles,
// "一、", "（一）") are <h2>–<h4>, and the 目录 is a <nav> whose title is an <h2>. Ids are the
// model's (目录 links and table ids), so links into the page stay stable from year to year.
// Model sections are <section class="sec portrait|landscape">; in print each starts a new page,
// landscape ones on landscape pages (./style.ts).
//
// The same document always gives the same bytes (no dates, counters or random ids).
import type { Block, Document, Figure, Heading, List, Paragraph, Section, Toc, TocEntry } from '../../model/document.ts';
import { assertNever } from '../../model/document.ts';
import { chartSvg } from '../chart/svg.ts';
import type { Writer } from '../writer.ts';
import { attr, esc } from './escape.ts';
import { inlines } from './inline.ts';
import { CHART_FONT_FAMILY, stylesheet } from './style.ts';
import { tableHtml } from './table.ts';

export class HtmlModelError extends Error {}

/** Ids the writer adds itself (nothing in the model uses the double hyphen). */
const TOC_TITLE_ID = 'toc--title';
const MAIN_ID = 'main--content';

interface Ctx {
  readonly svgs: ReadonlyMap<Figure, string>;
  /** label of the last heading, naming a table that has no caption */
  lastHeading: string;
}

const headingLabel = (h: Heading): string => (h.number === undefined ? h.text : `${h.number}${h.separator}${h.text}`);

/** Ids must be unique and every 目录 entry must point at a heading or table of the document. */
function checkIds(doc: Document): void {
  const ids = new Set<string>([TOC_TITLE_ID, MAIN_ID]);
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.type !== 'heading' && b.type !== 'table' && b.type !== 'figure') continue;
      if (b.id === '' || /\s/.test(b.id)) throw new HtmlModelError(`标识“${b.id}”不能为空或含空白`);
      if (ids.has(b.id)) throw new HtmlModelError(`标识“${b.id}”在文档中重复出现`);
      ids.add(b.id);
    }
  }
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.type !== 'toc') continue;
      for (const e of b.entries) {
        if (!ids.has(e.target)) throw new HtmlModelError(`目录条目“${e.text}”指向的标题或表格“${e.target}”在文档中不存在`);
      }
    }
  }
}

/** The chart as inline SVG with an accessible name; ECharts' element ids made unique per figure. */
async function figureSvg(figure: Figure): Promise<string> {
  const svg = await chartSvg(figure, { fontFamily: CHART_FONT_FAMILY });
  const prefixed = svg.replace(/\bzr0-/g, `${figure.id}--`);
  if (!prefixed.startsWith('<svg ')) throw new Error(`internal: chart ${figure.id} is not an SVG`);
  return `<svg role="img"${attr('aria-label', figure.alt)}${prefixed.slice(4)}`;
}

function heading(ctx: Ctx, h: Heading): string {
  const tag = `h${h.level + 1}`;
  const label = headingLabel(h);
  ctx.lastHeading = label;
  const classes = [h.align === 'center' ? 'al-c' : 'al-l', ...(h.level === 1 ? ['part'] : [])];
  return `<${tag}${attr('id', h.id)}${attr('class', classes.join(' '))}>${esc(label)}</${tag}>`;
}

const paragraphAlign = { left: 'al-l', center: 'al-c', right: 'al-r', justify: 'al-j' } as const;

function paragraph(p: Paragraph): string {
  return `<p${attr('class', `${p.style} ${paragraphAlign[p.align]}`)}>${inlines(p.content)}</p>`;
}

function list(l: List): string {
  // role="list": WebKit drops list semantics from lists without markers.
  const items = l.items.map((i) => `<li><span class="label">${esc(i.label)}</span>${inlines(i.content)}</li>`);
  return `<ol class="list" role="list">\n${items.join('\n')}\n</ol>`;
}

/** Nested lists of links from the flat, levelled 目录 entries. */
function toc(t: Toc): string {
  const out: string[] = [`<nav class="toc"${attr('aria-labelledby', TOC_TITLE_ID)}>`, `<h2${attr('id', TOC_TITLE_ID)}>${esc(t.title)}</h2>`];
  const stack: number[] = [];
  const link = (e: TocEntry): string => `<a${attr('href', `#${e.target}`)}>${esc(e.text)}</a>`;
  for (const e of t.entries) {
    if (stack.length === 0) {
      out.push('<ol>');
      stack.push(e.level);
    } else if (e.level > stack[stack.length - 1]!) {
      out.push('<ol>');
      stack.push(e.level);
    } else {
      out.push('</li>');
      while (stack.length > 1 && e.level < stack[stack.length - 1]!) {
        out.push('</ol></li>');
        stack.pop();
      }
    }
    out.push(`<li>${link(e)}`);
  }
  if (stack.length > 0) {
    out.push('</li>');
    for (let i = 1; i < stack.length; i++) out.push('</ol></li>');
    out.push('</ol>');
  }
  out.push('</nav>');
  return out.join('\n');
}

function figure(ctx: Ctx, f: Figure): string {
  const svg = ctx.svgs.get(f);
  if (svg === undefined) throw new Error(`internal: figure ${f.id} was not rendered`);
  return `<figure${attr('id', f.id)} class="chart">\n${svg}\n<figcaption>${esc(f.caption)}</figcaption>\n</figure>`;
}

function block(ctx: Ctx, b: Block): string {
  switch (b.type) {
    case 'heading':
      return heading(ctx, b);
    case 'paragraph':
      return paragraph(b);
    case 'list':
      return list(b);
    case 'table':
      return tableHtml(b, { fallbackName: b.title ?? b.number ?? ctx.lastHeading });
    case 'figure':
      return figure(ctx, b);
    case 'pageBreak':
      // A rule on screen; in print it is hidden and the next block starts a page (./style.ts).
      return '<hr class="page-break">';
    case 'toc':
      return toc(b);
    default:
      return assertNever(b);
  }
}

/**
 * `front`: an unnumbered section before the first numbered one (printed without folio, and the
 * folio counts from the first numbered page, as in the PDF); `no-folio`: a later unnumbered one.
 */
function section(ctx: Ctx, s: Section, front: boolean): string {
  const classes = ['sec', s.orientation];
  if (s.blocks.length > 0 && s.blocks.every((b) => b.type === 'toc')) classes.push('toc-only');
  if (!s.pageNumbers) classes.push(front ? 'front' : 'no-folio');
  // A page break at the start of a section is implied by the section.
  const blocks = s.blocks.filter((b, i) => !(b.type === 'pageBreak' && s.blocks.slice(0, i).every((x) => x.type === 'pageBreak')));
  return [`<section${attr('class', classes.join(' '))}>`, ...blocks.map((b) => block(ctx, b)), '</section>'].join('\n');
}

export async function toHtml(doc: Document): Promise<string> {
  checkIds(doc);
  const svgs = new Map<Figure, string>();
  for (const s of doc.sections) for (const b of s.blocks) if (b.type === 'figure') svgs.set(b, await figureSvg(b));
  const ctx: Ctx = { svgs, lastHeading: doc.cover.title };
  const firstNumbered = doc.sections.findIndex((s) => s.pageNumbers);

  const m = doc.metadata;
  const cover = doc.cover;
  const head = [
    '<!doctype html>',
    `<html${attr('lang', m.language || 'zh-CN')}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(m.title)}</title>`,
    `<meta name="author"${attr('content', m.author)}>`,
    `<meta name="keywords"${attr('content', m.keywords.join(','))}>`,
    `<meta name="description"${attr('content', m.subject)}>`,
    `<meta name="generator" content="juesuan">`,
    `<style>\n${stylesheet(doc)}</style>`,
    '</head>',
  ];
  const body = [
    '<body>',
    '<div class="page">',
    '<header class="cover">',
    `<h1>${esc(cover.title)}</h1>`,
    ...(cover.subtitle !== undefined ? [`<p class="subtitle">${esc(cover.subtitle)}</p>`] : []),
    `<p class="date">${esc(cover.date)}</p>`,
    '</header>',
    `<main${attr('id', MAIN_ID)}>`,
    ...doc.sections.map((s, i) => section(ctx, s, i < firstNumbered)),
    '</main>',
    '</div>',
    '</body>',
    '</html>',
  ];
  return `${[...head, ...body].join('\n')}\n`;
}

export const writeHtml: Writer = async (doc) => ({ extension: 'html', data: await toHtml(doc) });
