// Document model → pdfmake document definition. Layout only: every word and figure comes from
// the model. One pdfmake `section` per model section (cover first), so each starts a new page in
// its own orientation and with or without the folio.
//
// Page numbers: the folio counts from the first page of the first numbered section ("— 1 —"),
// and so do the 目录 numbers. pdfmake only knows absolute page numbers, so the definition comes
// with `beforeRender`, which the writer calls once layout is final and before anything is drawn:
// it shifts the page positions of the 目录 targets by the number of unnumbered front pages.
import type { Content, ContentText, DynamicContent, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Block, Cover, Document, Figure, FontSource, Heading, Paragraph, Section, StyleRole, TextStyle } from '../../model/document.ts';
import { assertNever } from '../../model/document.ts';
import { figureContent } from './figure.ts';
import { FOLIO_STYLE, MARK_STYLES, pageBreakBefore } from './keep.ts';
import { A4, FOLIO_GAP, FOLIO_SIZE, contentHeight, contentWidth, folioText, pageMargins, type Orientation } from './page.ts';
import { fixRowSpanCentring, keepBrackets, tableContent } from './tables.ts';
import { blockProps, inlineRuns, textRuns, typo, type TextEnv } from './text.ts';
import { tocContent } from './toc.ts';

export class PdfModelError extends Error {}

/** What pdfmake fills in on the nodes it lays out (it works on the definition in place). */
interface LaidOut {
  positions?: Array<{ pageNumber: number }>;
}

/** The parts of a pdfkit outline item that `afterRender` touches. */
export interface OutlineItem {
  readonly outlineData: Record<string, unknown>;
  readonly children: readonly OutlineItem[];
}

export interface Built {
  readonly definition: TDocumentDefinitions;
  /** Call once, after layout and before the first item is drawn (pdfmake's progress callback). */
  readonly beforeRender: () => void;
  /** Call with pdfkit's outline root once everything is drawn, before the document is ended. */
  readonly afterRender: (outline: OutlineItem) => void;
}

/** Producer name written as the PDF creator. */
const CREATOR = 'juesuan';

interface Ctx {
  readonly doc: Document;
  readonly env: TextEnv;
  readonly styles: Readonly<Record<StyleRole, TextStyle>>;
  readonly figures: ReadonlyMap<Figure, Content>;
  /** nodes carrying a target id (headings, table captions) */
  readonly targets: Map<string, LaidOut>;
  /** table cells spanning rows, fixed up before drawing */
  readonly rowSpanCells: object[];
  /** ids of the headings in the PDF outline, in document order */
  readonly outlineIds: string[];
  /** id of the last level-1 heading in the outline (parent of level-2 entries) */
  outlineParent: string | undefined;
}

export async function buildDefinition(doc: Document): Promise<Built> {
  const env: TextEnv = { fonts: new Map<string, FontSource>(doc.fonts.map((f) => [f.key, f])), symbolFont: doc.symbolFont };
  checkTocTargets(doc);

  // Charts first (asynchronous), so the rest is a plain synchronous walk.
  const figures = new Map<Figure, Content>();
  for (const section of doc.sections) {
    const width = contentWidth(section.orientation);
    for (const block of section.blocks) {
      if (block.type === 'figure') figures.set(block, await figureContent(env, block, doc.styles.caption, width));
    }
  }

  const ctx: Ctx = { doc, env, styles: doc.styles, figures, targets: new Map(), rowSpanCells: [], outlineIds: [], outlineParent: undefined };
  const sectionStacks: Array<{ section: Section; stack: LaidOut }> = [];
  const content: Content[] = [coverSection(ctx, doc.cover)];
  for (const section of doc.sections) {
    const stack = { stack: blocksContent(ctx, section) };
    sectionStacks.push({ section, stack: stack as LaidOut });
    content.push({
      section: stack,
      pageOrientation: section.orientation,
      pageMargins: [...pageMargins(section.orientation)],
      footer: section.pageNumbers ? folio : null,
    } as Content);
  }

  /** Absolute page number of the first numbered page (1 when nothing is numbered). */
  function firstNumberedPage(): number {
    for (const { section, stack } of sectionStacks) {
      const p = stack.positions?.[0]?.pageNumber;
      if (section.pageNumbers && p !== undefined) return p;
    }
    return 1;
  }

  function folio(currentPage: number, _pageCount: number, pageSize: { orientation: Orientation }): Content {
    const [left, , right] = pageMargins(pageSize.orientation);
    return {
      text: folioText(currentPage - firstNumberedPage() + 1),
      font: doc.styles.body.pdfFont,
      fontSize: FOLIO_SIZE,
      alignment: 'center',
      margin: [left, FOLIO_GAP, right, 0],
      style: FOLIO_STYLE,
    };
  }

  const tocTargets = new Set(doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'toc' ? b.entries.map((e) => e.target) : []))));
  let rendered = false;
  function beforeRender(): void {
    if (rendered) return;
    rendered = true;
    fixRowSpanCentring(ctx.rowSpanCells);
    const shift = firstNumberedPage() - 1;
    for (const id of tocTargets) {
      const node = ctx.targets.get(id);
      const first = node?.positions?.[0];
      if (node?.positions && first) node.positions[0] = { ...first, pageNumber: first.pageNumber - shift };
    }
  }

  /**
   * pdfkit points each bookmark at the top right corner of its page ("XYZ" with left = page width,
   * pdfkit 0.19); point it at the heading's named destination instead (pdfmake creates one for
   * every node with an id, at the line's position). Items are created in document order.
   */
  function afterRender(root: OutlineItem): void {
    const items: OutlineItem[] = [];
    const walk = (item: OutlineItem): void => {
      for (const child of item.children) {
        items.push(child);
        walk(child);
      }
    };
    walk(root);
    const ids = items.length === ctx.outlineIds.length ? ctx.outlineIds : [];
    items.forEach((item, i) => {
      const id = ids[i];
      const dest = item.outlineData.Dest;
      if (id !== undefined) item.outlineData.Dest = new String(id);
      else if (Array.isArray(dest)) item.outlineData.Dest = [dest[0], 'Fit'];
    });
  }

  const m = doc.metadata;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(m.date) || Number.isNaN(Date.parse(`${m.date}T00:00:00Z`))) {
    throw new PdfModelError(`文档日期“${m.date}”不是 YYYY-MM-DD 格式的日期，无法写入 PDF 的创建日期`);
  }
  const date = new Date(`${m.date}T00:00:00Z`);
  const definition: TDocumentDefinitions = {
    pageSize: { width: A4.width, height: A4.height },
    pageOrientation: 'portrait',
    pageMargins: [...pageMargins('portrait')],
    content,
    styles: Object.fromEntries(MARK_STYLES.map((s) => [s, {}])),
    defaultStyle: { font: doc.styles.body.pdfFont, fontSize: doc.styles.body.size },
    pageBreakBefore,
    info: {
      title: m.title,
      author: m.author,
      subject: m.subject,
      keywords: m.keywords.join(', '),
      creator: CREATOR,
      creationDate: date,
      modDate: date,
    },
    language: m.language,
    displayTitle: true,
    version: '1.7',
  };
  return { definition, beforeRender, afterRender };
}

/** Every 目录 entry must point at a heading or a table of the document. */
function checkTocTargets(doc: Document): void {
  const ids = new Set<string>();
  for (const s of doc.sections) for (const b of s.blocks) if (b.type === 'heading' || b.type === 'table') ids.add(b.id);
  for (const s of doc.sections) {
    for (const b of s.blocks) {
      if (b.type !== 'toc') continue;
      for (const e of b.entries) {
        if (!ids.has(e.target)) throw new PdfModelError(`目录条目“${e.text}”指向的标题或表格“${e.target}”在文档中不存在`);
      }
    }
  }
}

function coverSection(ctx: Ctx, cover: Cover): Content {
  const title = typo(ctx.styles.title, { lineHeight: 0 });
  const sub = typo(ctx.styles.subtitle, { lineHeight: 0 });
  const parts: Content[] = [{ text: textRuns(ctx.env, title, cover.title, undefined), ...blockProps(ctx.env, title), alignment: 'center', margin: [0, 150, 0, 0] }];
  if (cover.subtitle !== undefined) {
    parts.push({ text: textRuns(ctx.env, sub, cover.subtitle, undefined), ...blockProps(ctx.env, sub), alignment: 'center', margin: [0, sub.size, 0, 0] });
  }
  parts.push({ text: textRuns(ctx.env, sub, cover.date, undefined), ...blockProps(ctx.env, sub), alignment: 'center', margin: [0, 250, 0, 0] });
  return { section: { stack: parts }, pageOrientation: 'portrait', pageMargins: [...pageMargins('portrait')], footer: null } as Content;
}

function blocksContent(ctx: Ctx, section: Section): Content[] {
  const width = contentWidth(section.orientation);
  const height = contentHeight(section.orientation);
  const out: Content[] = [];
  let breakBefore = false;
  for (const block of section.blocks) {
    if (block.type === 'pageBreak') {
      breakBefore = out.length > 0; // a break at the start of a section is implied
      continue;
    }
    const node = blockContent(ctx, block, width, height) as Content & { pageBreak?: string };
    if (breakBefore) node.pageBreak = 'before';
    breakBefore = false;
    out.push(node);
  }
  return out;
}

function blockContent(ctx: Ctx, block: Exclude<Block, { type: 'pageBreak' }>, width: number, height: number): Content {
  const { env, styles } = ctx;
  switch (block.type) {
    case 'heading':
      return headingContent(ctx, block, width);
    case 'paragraph':
      return paragraphContent(ctx, block);
    case 'list': {
      const t = typo(styles.body);
      return {
        stack: block.items.map((item) => ({
          text: [...textRuns(env, t, item.label, undefined), ...inlineRuns(env, t, item.content)],
          ...blockProps(env, t),
          leadingIndent: 2 * t.size,
          alignment: 'justify',
        })),
      } as Content;
    }
    case 'table':
      return tableContent(env, block, styles, width, { target: (id, node) => target(ctx, id, node), rowSpanCells: ctx.rowSpanCells }, height);
    case 'figure': {
      const f = ctx.figures.get(block);
      if (!f) throw new Error(`internal: figure ${block.id} was not rendered`);
      return f;
    }
    case 'toc':
      return tocContent(env, block, styles, width);
    default:
      return assertNever(block);
  }
}

/** Register `node` as the target of `id` (目录 links and page numbers). */
function target(ctx: Ctx, id: string, node: ContentText): ContentText {
  const withId = { ...node, id };
  ctx.targets.set(id, withId as unknown as LaidOut);
  return withId;
}

const headingRole = { 1: 'heading1', 2: 'heading2', 3: 'heading3' } as const;

function headingContent(ctx: Ctx, h: Heading, width: number): Content {
  const t = typo(ctx.styles[headingRole[h.level]]);
  const label = h.number === undefined ? h.text : `${h.number}${h.separator}${h.text}`;
  const node: Record<string, unknown> = {
    // A long heading breaks before "(摘要版)", not inside it.
    text: keepBrackets(ctx.env, t, textRuns(ctx.env, t, label, undefined), width - 2 * ctx.styles.body.size),
    ...blockProps(ctx.env, t),
    alignment: h.align,
    headlineLevel: h.level,
    margin: h.level === 1 ? [0, t.size * 0.5, 0, t.size] : [0, t.size * 0.25, 0, t.size * 0.25],
  };
  // Left-aligned numbered headings start two characters in, like the paragraphs (GB/T 9704).
  if (h.align === 'left' && h.level > 1) node.leadingIndent = 2 * ctx.styles.body.size;
  if (h.level === 1) ctx.outlineParent = undefined;
  if (h.outline && h.level <= 2) {
    node.outline = true;
    node.outlineText = label;
    ctx.outlineIds.push(h.id);
    if (h.level === 1) ctx.outlineParent = h.id;
    else if (ctx.outlineParent !== undefined) node.outlineParentId = ctx.outlineParent;
  }
  return target(ctx, h.id, node as unknown as ContentText);
}

function paragraphContent(ctx: Ctx, p: Paragraph): Content {
  const role: StyleRole = p.style === 'body' || p.style === 'plain' ? 'body' : p.style;
  const t = typo(ctx.styles[role]);
  const node: Record<string, unknown> = { text: inlineRuns(ctx.env, t, p.content), ...blockProps(ctx.env, t), alignment: p.align };
  if (p.style === 'body') node.leadingIndent = 2 * t.size;
  return node as unknown as Content;
}
