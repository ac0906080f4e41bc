// The 目录. Word builds it from TC fields (`TOC \f J \l "1-3" \h`) placed at the blocks the model's
// entries point to, so an update in Word lists exactly the model's entries, now with page numbers.
// Until then (and in readers that never update fields, such as LibreOffice) the field shows its
// cached result: the model's entries, each linked to a bookmark on its target, with a PAGEREF
// left for Word to fill in.
import { InternalHyperlink, LeaderType, PageReference, Paragraph, Tab, TabStopType, TextRun, type FileChild, type ParagraphChild } from 'docx';
import type { Toc, TocEntry } from '../../model/document.ts';
import type { BuildContext, SectionContext } from './context.ts';
import { fieldArgument, fieldChar, instrText, StableBookmark, tcField, TC_IDENTIFIER, TocBlock } from './fields.ts';
import { S } from './styles.ts';

/**
 * The runs of a block the 目录 points to: wrapped in its bookmark, followed by one TC field per
 * entry. Blocks no entry points to keep their runs as they are.
 */
export function anchored(ctx: BuildContext, id: string, runs: readonly ParagraphChild[]): ParagraphChild[] {
  const entries = ctx.tocTargets.get(id);
  const name = ctx.bookmarks.get(id);
  if (!entries || name === undefined || !ctx.claimAnchor(id)) return [...runs];
  return [new StableBookmark(name, ctx.nextBookmarkId(), runs), ...entries.map((e) => tcField(e.text, e.level))];
}

const TOC_INSTRUCTION = ` TOC \\f ${TC_IDENTIFIER} \\l ${fieldArgument('1-3')} \\h \\z `;

function entryParagraph(ctx: SectionContext, entry: TocEntry, first: readonly ParagraphChild[], last: readonly ParagraphChild[]): Paragraph {
  const bookmark = ctx.bookmarks.get(entry.target);
  const text: ParagraphChild[] = [new TextRun(entry.text)];
  const linked: ParagraphChild[] =
    bookmark === undefined ? text : [new InternalHyperlink({ anchor: bookmark, children: [...text, new TextRun({ children: [new Tab()] }), new PageReference(bookmark)] as TextRun[] })];
  return new Paragraph({
    style: S.toc[entry.level],
    tabStops: [{ type: TabStopType.RIGHT, position: ctx.textWidth, leader: LeaderType.DOT }],
    children: [...first, ...linked, ...last],
  });
}

/** The 目录 title and the TOC field with the model's entries as its cached result. */
export function tocBlocks(ctx: SectionContext, toc: Toc, pageBreakBefore: boolean): FileChild[] {
  const begin = new TextRun({ children: [fieldChar('begin', true), instrText(TOC_INSTRUCTION), fieldChar('separate')] });
  const end = new TextRun({ children: [fieldChar('end')] });
  const n = toc.entries.length;
  const paragraphs =
    n === 0
      ? [new Paragraph({ children: [begin, end] })]
      : toc.entries.map((entry, i) => entryParagraph(ctx, entry, i === 0 ? [begin] : [], i === n - 1 ? [end] : []));
  return [new Paragraph({ style: S.tocHeading, ...(pageBreakBefore ? { pageBreakBefore: true } : {}), children: [new TextRun(toc.title)] }), new TocBlock(paragraphs)];
}
