// The cover and the model's sections → docx sections. Every section starts a new page with its own
// orientation; numbered sections have a "— 1 —" footer, counting from 1 at the first of them.
import { Footer, LineRuleType, NumberFormat, PageNumber, PageOrientation, Paragraph, SectionType, TextRun, type FileChild, type ISectionOptions } from 'docx';
import type { Cover, Section } from '../../model/document.ts';
import { sectionChildren } from './blocks.ts';
import { sectionContext, type BuildContext } from './context.ts';
import { A4, marginsOf, pt } from './page.ts';
import { S } from './styles.ts';

function pageOf(orientation: Section['orientation']) {
  return {
    // docx wants the portrait size and swaps it for landscape
    size: { width: A4.width, height: A4.height, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
    margin: marginsOf(orientation),
  };
}

/** Footer with the page number between em dashes: "— 1 —". */
const numberFooter = (): Footer => new Footer({ children: [new Paragraph({ style: S.footer, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] });

/** An empty footer, so that an unnumbered section does not inherit the footer of the one before. */
const emptyFooter = (): Footer => new Footer({ children: [new Paragraph({ style: S.footer, children: [] })] });

/** The cover page: title (and subtitle) in the upper third, the date below. */
export function coverSection(cover: Cover): ISectionOptions {
  const children = [
    new Paragraph({ style: S.title, spacing: { before: pt(150) }, children: [new TextRun(cover.title)] }),
    ...(cover.subtitle === undefined ? [] : [new Paragraph({ style: S.subtitle, spacing: { before: pt(24) }, children: [new TextRun(cover.subtitle)] })]),
    new Paragraph({ style: S.subtitle, spacing: { before: pt(cover.subtitle === undefined ? 300 : 260) }, children: [new TextRun(cover.date)] }),
  ];
  return { properties: { page: pageOf('portrait') }, footers: { default: emptyFooter() }, children };
}

/**
 * The section ends in a paragraph that carries its properties. After a table or the 目录 that is an
 * empty paragraph: made 1 pt high here, so a table that fills its page does not push an empty line
 * onto a blank page of its own.
 */
function withEndParagraph(children: FileChild[]): FileChild[] {
  const last = children[children.length - 1];
  if (last === undefined || last instanceof Paragraph) return children;
  return [...children, new Paragraph({ style: S.plain, spacing: { line: 20, lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] })];
}

export function bookSections(ctx: BuildContext, sections: readonly Section[]): ISectionOptions[] {
  const firstNumbered = sections.findIndex((s) => s.pageNumbers);
  return sections.map((section, i) => {
    const sctx = sectionContext(ctx, section.orientation);
    return {
      properties: {
        type: SectionType.NEXT_PAGE,
        page: { ...pageOf(section.orientation), ...(i === firstNumbered ? { pageNumbers: { start: 1, formatType: NumberFormat.DECIMAL } } : {}) },
      },
      footers: { default: section.pageNumbers ? numberFooter() : emptyFooter() },
      children: withEndParagraph(sectionChildren(sctx, section.blocks)),
    };
  });
}
