// Blocks → docx body children: one exhaustive switch over the model's block types.
import type { FileChild } from 'docx';
import { assertNever, type Block } from '../../model/document.ts';
import type { SectionContext } from './context.ts';
import { figureBlocks } from './figures.ts';
import { headingParagraph, listParagraphs, textParagraph } from './paragraphs.ts';
import { tableBlocks } from './tables.ts';
import { tocBlocks } from './toc.ts';

/**
 * The body children of a section's blocks, in order. A page break node becomes "page break before"
 * on the next block's first paragraph (no empty paragraph left at the top of the new page); one at
 * the start or end of a section is dropped, as every section starts a new page anyway.
 */
export function sectionChildren(ctx: SectionContext, blocks: readonly Block[]): FileChild[] {
  const out: FileChild[] = [];
  let pageBreak = false;
  for (const b of blocks) {
    switch (b.type) {
      case 'pageBreak':
        pageBreak = out.length > 0;
        continue;
      case 'heading':
        out.push(headingParagraph(ctx, b, pageBreak));
        break;
      case 'paragraph':
        out.push(textParagraph(b, pageBreak));
        break;
      case 'list':
        out.push(...listParagraphs(b, pageBreak));
        break;
      case 'figure':
        out.push(...figureBlocks(ctx, b, pageBreak));
        break;
      case 'table':
        out.push(...tableBlocks(ctx, b, pageBreak));
        break;
      case 'toc':
        out.push(...tocBlocks(ctx, b, pageBreak));
        break;
      default:
        assertNever(b);
    }
    pageBreak = false;
  }
  return out;
}
