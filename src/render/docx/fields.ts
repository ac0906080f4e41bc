// Low-level pieces docx has no public constructor for: complex-field characters, TC fields (目录
// entries), bookmarks with ids we choose, and the 目录 content control.
import { Bookmark, BookmarkEnd, BookmarkStart, BuilderElement, FileChild, TextRun, XmlAttributeComponent, XmlComponent, type ParagraphChild, type Paragraph } from 'docx';

/** `w:fldChar` of a complex field. */
export function fieldChar(type: 'begin' | 'separate' | 'end', dirty = false): XmlComponent {
  return new BuilderElement<{ type: string; dirty?: boolean }>({
    name: 'w:fldChar',
    attributes: { type: { key: 'w:fldCharType', value: type }, ...(dirty ? { dirty: { key: 'w:dirty', value: true } } : {}) },
  });
}

class SpaceAttribute extends XmlAttributeComponent<{ readonly space: string }> {
  protected override readonly xmlKeys = { space: 'xml:space' };
}

/** `w:instrText` with preserved spaces. */
class InstrText extends XmlComponent {
  constructor(instruction: string) {
    super('w:instrText');
    this.root.push(new SpaceAttribute({ space: 'preserve' }));
    this.root.push(instruction);
  }
}

export const instrText = (instruction: string): XmlComponent => new InstrText(instruction);

/** Quote a field argument: backslashes and straight quotes escaped. */
export function fieldArgument(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The TC field identifier the booklet's 目录 is built from (TOC \f). */
export const TC_IDENTIFIER = 'J';

/**
 * A TC field: marks a 目录 entry at the place it points to, so Word rebuilds the 目录 with exactly the
 * model's entries (text and level) when it updates the TOC field. It shows nothing.
 */
export function tcField(text: string, level: number): TextRun {
  return new TextRun({
    children: [fieldChar('begin'), instrText(` TC ${fieldArgument(text)} \\f ${TC_IDENTIFIER} \\l ${level} `), fieldChar('end')],
  });
}

/** A bookmark whose numeric id is given (docx's own `Bookmark` takes ids from a process-wide counter). */
export class StableBookmark extends Bookmark {
  private readonly parts: readonly (ParagraphChild | BookmarkStart | BookmarkEnd)[];
  constructor(name: string, id: number, children: readonly ParagraphChild[]) {
    super({ id: name, children });
    this.parts = [new BookmarkStart(name, id), ...children, new BookmarkEnd(id)];
  }
  override get writtenAs(): readonly (ParagraphChild | BookmarkStart | BookmarkEnd)[] {
    return this.parts;
  }
}

/** An element with children. */
function element(name: string, children: readonly XmlComponent[]): XmlComponent {
  return new BuilderElement({ name, children });
}

/**
 * The 目录 as Word writes it: a content control of the Table of Contents gallery (Word shows
 * "Update Table" on it) around the field paragraphs. The first paragraph opens the TOC field, the
 * last closes it; the paragraphs are the cached result that readers show before (or without) an
 * update.
 */
export class TocBlock extends FileChild {
  constructor(paragraphs: readonly Paragraph[]) {
    super('w:sdt');
    this.root.push(
      element('w:sdtPr', [
        element('w:docPartObj', [
          new BuilderElement<{ val: string }>({ name: 'w:docPartGallery', attributes: { val: { key: 'w:val', value: 'Table of Contents' } } }),
          element('w:docPartUnique', []),
        ]),
      ]),
    );
    this.root.push(element('w:sdtContent', paragraphs));
  }
}
