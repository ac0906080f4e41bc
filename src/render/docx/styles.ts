// Word styles from the document's style roles. Built-in styles keep Word's ids and English
// built-in names (Normal, heading 1, Title, caption, toc 1 …): Word shows them localised (正文,
// 标题 1 …), the navigation pane and TOC fields find the headings, LibreOffice maps them to its own.
// Styles of our own get Chinese names, which Word users see in the style gallery.
//
// Every style names its fonts in full (`eastAsia` + `ascii`/`hAnsi`), so Chinese text never falls
// back to the theme font.
import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunStylePropertiesOptions, type ISpacingProperties, type IStylesOptions } from 'docx';
import type { Document, TextStyle, StyleRole } from '../../model/document.ts';
import { PAGE_NUMBER_SIZE, pt } from './page.ts';

/** Paragraph style ids used by the writer. */
export const S = {
  normal: 'Normal',
  plain: 'Plain',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' } as const,
  title: 'Title',
  subtitle: 'Subtitle',
  tocHeading: 'TOCHeading',
  toc: { 1: 'TOC1', 2: 'TOC2', 3: 'TOC3' } as const,
  tableTitle: 'TableTitle',
  tableCaption: 'TableCaption',
  tableText: 'TableText',
  tableTextDense: 'TableTextDense',
  tableHeader: 'TableHeader',
  tableHeaderDense: 'TableHeaderDense',
  note: 'Note',
  caption: 'Caption',
  figure: 'Figure',
  footer: 'Footer',
} as const;

/** Word font for ☑ ☐ ✔ (neither 仿宋_GB2312 nor the Noto SC fonts have them). */
export const SYMBOL_FONT = 'Segoe UI Symbol';

/** The four font slots of a run: East Asian text in `eastAsia`, Latin letters and digits in `latin`. */
export function fontsOf(style: TextStyle): { eastAsia: string; ascii: string; hAnsi: string; cs: string } {
  return { eastAsia: style.eastAsia, ascii: style.latin, hAnsi: style.latin, cs: style.latin };
}

/** Half-points, as Word stores sizes. */
const halfPoints = (size: number): number => Math.round(size * 2);

/** Smaller type for dense tables: 90 %, on half points (五号 10.5 → 9.5, 10 → 9). */
export function denseSize(size: number): number {
  return Math.round(size * 0.9 * 2) / 2;
}

function runOf(style: TextStyle, size = style.size): IRunStylePropertiesOptions {
  return { font: fontsOf(style), size: halfPoints(size), sizeComplexScript: halfPoints(size), bold: style.bold, boldComplexScript: style.bold };
}

/** Line spacing: exact `lineHeight` points, or single (0). */
export function lineSpacingOf(style: TextStyle): ISpacingProperties {
  return style.lineHeight > 0 ? { line: pt(style.lineHeight), lineRule: LineRuleType.EXACT } : { line: 240, lineRule: LineRuleType.AUTO };
}

/** No first-line indent (Normal has one; styles based on it reset it). */
const NO_INDENT = { firstLine: 0, firstLineChars: 0, left: 0 } as const;

/** Two characters of first-line indent: `firstLineChars` for Word, twips for readers without it. */
export function bodyIndent(style: TextStyle): { firstLine: number; firstLineChars: number } {
  return { firstLine: pt(2 * style.size), firstLineChars: 200 };
}

interface StyleSpec {
  readonly id: string;
  readonly name: string;
  readonly role: StyleRole;
  readonly quick?: boolean;
  readonly size?: number;
  readonly bold?: boolean;
  readonly paragraph: NonNullable<IParagraphStyleOptions['paragraph']>;
  readonly next?: string;
  readonly hidden?: boolean;
}

function paragraphStyle(styles: Document['styles'], spec: StyleSpec): IParagraphStyleOptions {
  const style = styles[spec.role];
  const run = runOf(style, spec.size);
  return {
    id: spec.id,
    name: spec.name,
    ...(spec.id === S.normal ? {} : { basedOn: S.normal }),
    next: spec.next ?? S.normal,
    ...(spec.quick ? { quickFormat: true } : {}),
    ...(spec.hidden ? { semiHidden: true, unhideWhenUsed: true, uiPriority: 39 } : {}),
    run: spec.bold === undefined ? run : { ...run, bold: spec.bold, boldComplexScript: spec.bold },
    paragraph: spec.paragraph,
  };
}

/** The `styles` option of the docx Document. */
export function buildStyles(doc: Document): IStylesOptions {
  const st = doc.styles;
  const body = st.body;
  const single = { line: 240, lineRule: LineRuleType.AUTO };
  const specs: StyleSpec[] = [
    {
      id: S.normal,
      name: 'Normal',
      role: 'body',
      quick: true,
      paragraph: { alignment: AlignmentType.BOTH, spacing: { ...lineSpacingOf(body), before: 0, after: 0 }, indent: bodyIndent(body) },
    },
    { id: S.plain, name: '正文无缩进', role: 'body', quick: true, paragraph: { indent: NO_INDENT } },
    ...([1, 2, 3] as const).map(
      (level): StyleSpec => ({
        id: S.heading[level],
        name: `heading ${level}`,
        role: `heading${level}`,
        quick: true,
        paragraph: {
          alignment: level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          indent: NO_INDENT,
          spacing: { ...lineSpacingOf(st[`heading${level}`]), ...(level === 1 ? { before: pt(12), after: pt(12) } : level === 2 ? { before: pt(6), after: pt(3) } : { before: pt(3), after: 0 }) },
          keepNext: true,
          keepLines: true,
          outlineLevel: level - 1,
        },
      }),
    ),
    { id: S.title, name: 'Title', role: 'title', quick: true, paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: lineSpacingOf(st.title) } },
    { id: S.subtitle, name: 'Subtitle', role: 'subtitle', quick: true, paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: lineSpacingOf(st.subtitle) } },
    {
      id: S.tocHeading,
      name: 'TOC Heading',
      role: 'heading1',
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { ...lineSpacingOf(st.heading1), before: pt(12), after: pt(12) }, keepNext: true },
    },
    ...([1, 2, 3] as const).map(
      (level): StyleSpec => ({
        id: S.toc[level],
        name: `toc ${level}`,
        role: level === 1 ? 'heading1' : 'body',
        size: body.size,
        hidden: true,
        paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0, left: pt(2 * body.size * (level - 1)) }, spacing: { ...lineSpacingOf(body), before: 0, after: 0 } },
      }),
    ),
    {
      id: S.tableTitle,
      name: '表格标题',
      role: 'caption',
      bold: true,
      paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { ...single, before: pt(6), after: pt(6) }, keepNext: true, keepLines: true },
    },
    { id: S.tableCaption, name: '表格说明行', role: 'note', paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT, spacing: { ...single, after: pt(2) }, keepNext: true, keepLines: true } },
    { id: S.tableText, name: '表格文字', role: 'table', quick: true, paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT, spacing: single } },
    { id: S.tableTextDense, name: '表格文字（紧凑）', role: 'table', size: denseSize(st.table.size), paragraph: { alignment: AlignmentType.LEFT, indent: NO_INDENT, spacing: single } },
    { id: S.tableHeader, name: '表头', role: 'tableHeader', paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: single } },
    { id: S.tableHeaderDense, name: '表头（紧凑）', role: 'tableHeader', size: denseSize(st.tableHeader.size), paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: single } },
    { id: S.note, name: '注释', role: 'note', quick: true, paragraph: { alignment: AlignmentType.BOTH, indent: NO_INDENT, spacing: { ...lineSpacingOf(st.note), before: pt(3) } } },
    { id: S.caption, name: 'caption', role: 'caption', quick: true, paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { ...single, before: pt(3), after: pt(9) } } },
    { id: S.figure, name: '图片', role: 'body', paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: { ...single, before: pt(6) }, keepNext: true, keepLines: true } },
    { id: S.footer, name: 'footer', role: 'body', size: PAGE_NUMBER_SIZE, bold: false, paragraph: { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing: single } },
  ];
  return {
    default: {
      document: {
        run: { ...runOf(body), bold: false, boldComplexScript: false, language: { value: 'en-US', eastAsia: doc.metadata.language } },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles: specs.map((spec) => paragraphStyle(st, spec)),
  };
}

/** The alignment each paragraph style has, so paragraphs only say so when they differ. */
export const STYLE_ALIGNMENT: Readonly<Record<string, 'left' | 'center' | 'right' | 'justify'>> = {
  [S.normal]: 'justify',
  [S.plain]: 'justify',
  [S.note]: 'justify',
  [S.caption]: 'center',
  [S.heading[1]]: 'center',
  [S.heading[2]]: 'left',
  [S.heading[3]]: 'left',
};
