// Headings, paragraphs and list items → docx paragraphs.
import { AlignmentType, Paragraph, TextRun } from 'docx';
import type { Heading, List, Paragraph as ParagraphNode } from '../../model/document.ts';
import type { SectionContext } from './context.ts';
import { inlineRuns } from './inlines.ts';
import { S, STYLE_ALIGNMENT } from './styles.ts';
import { anchored } from './toc.ts';

type Align = 'left' | 'center' | 'right' | 'justify';

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.BOTH } as const;

/** The paragraph alignment to write: none when the style already has it. */
export function alignmentOf(align: Align, styleDefault: Align | undefined): (typeof ALIGNMENT)[Align] | undefined {
  return align === styleDefault ? undefined : ALIGNMENT[align];
}

const PARAGRAPH_STYLE: Record<ParagraphNode['style'], string> = { body: S.normal, plain: S.plain, note: S.note, caption: S.caption };

/**
 * A heading in Heading 1–3 (outline level from the style). A heading outside the outline (not in
 * the 目录 or the PDF bookmarks) gets body-text outline level, so Word's navigation pane leaves it
 * out too.
 */
export function headingParagraph(ctx: SectionContext, h: Heading, pageBreakBefore: boolean): Paragraph {
  const style = S.heading[h.level];
  const text = h.number === undefined ? h.text : h.number + h.separator + h.text;
  const alignment = alignmentOf(h.align, STYLE_ALIGNMENT[style]);
  return new Paragraph({
    style,
    ...(alignment ? { alignment } : {}),
    ...(h.outline ? {} : { outlineLevel: 9 }),
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    children: anchored(ctx, h.id, [new TextRun(text)]),
  });
}

export function textParagraph(p: ParagraphNode, pageBreakBefore: boolean): Paragraph {
  const style = PARAGRAPH_STYLE[p.style];
  const alignment = alignmentOf(p.align, STYLE_ALIGNMENT[style]);
  return new Paragraph({ style, ...(alignment ? { alignment } : {}), ...(pageBreakBefore ? { pageBreakBefore: true } : {}), children: inlineRuns(p.content) });
}

/** List items as body paragraphs that start with their printed label. */
export function listParagraphs(list: List, pageBreakBefore: boolean): Paragraph[] {
  return list.items.map(
    (item, i) =>
      new Paragraph({
        style: S.normal,
        ...(pageBreakBefore && i === 0 ? { pageBreakBefore: true } : {}),
        children: [new TextRun(`${item.label} `), ...inlineRuns(item.content)],
      }),
  );
}
