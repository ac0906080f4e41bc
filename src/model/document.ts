// The document model: the one contract between the compose stage and every writer (pdf, docx,
// md, json, html). Plain, readonly, JSON-serialisable data with a `type` on every node, in the
// role Pandoc's AST plays. It holds finished text only: every figure is already printed and every
// sentence already worded, so writers do no arithmetic and choose no words; they only lay out.
//
// Shape: Document → sections (page orientation) → blocks → inlines / table rows → cells.

/** Inline content of paragraphs, list items, headings and table cells. */
export type Inline = Text | LineBreak | CheckBox;

/** A run of text; `bold` for lead-ins such as "一是". */
export interface Text {
  readonly type: 'text';
  readonly text: string;
  readonly bold?: boolean;
}

/** A hard line break inside a paragraph or a cell. */
export interface LineBreak {
  readonly type: 'break';
}

/** A form check box (项目类别 ☑ 部门预算项目 □ 区直专项): writers draw the box, then the label. */
export interface CheckBox {
  readonly type: 'checkbox';
  readonly checked: boolean;
  readonly label: string;
}

/** Style roles; the document's `styles` maps each to fonts and sizes (from the profile). */
export type StyleRole = 'title' | 'subtitle' | 'heading1' | 'heading2' | 'heading3' | 'body' | 'table' | 'tableHeader' | 'note' | 'caption';

/** A block-level node. */
export type Block = Heading | Paragraph | List | Table | Figure | PageBreak | Toc;

/**
 * A heading. `number` is the printed label ("第一部分", "一、", "（一）"), `text` the rest; writers
 * print number + separator + text. `id` is stable (derived from the position) and is the target of
 * 目录 entries and PDF bookmarks. `outline` headings go into the PDF outline and the 目录.
 */
export interface Heading {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3;
  readonly id: string;
  readonly number?: string;
  readonly text: string;
  /** separator between number and text: "" after "一、", " " after "第一部分" */
  readonly separator: string;
  readonly outline: boolean;
  /** centred (part titles) or left */
  readonly align: 'left' | 'center';
}

/** A paragraph of running text. */
export interface Paragraph {
  readonly type: 'paragraph';
  readonly content: readonly Inline[];
  /** body: first-line indent of two characters; plain: no indent */
  readonly style: 'body' | 'plain' | 'note' | 'caption';
  readonly align: 'left' | 'center' | 'right' | 'justify';
}

/** A list whose labels are printed by compose ("(1)", "1.", "①"). */
export interface List {
  readonly type: 'list';
  readonly items: readonly ListItem[];
}

export interface ListItem {
  readonly type: 'listItem';
  readonly label: string;
  readonly content: readonly Inline[];
}

/** One column of a table: its share of the table width and the alignment of its body cells. */
export interface Column {
  readonly type: 'column';
  /** relative width (the writer scales the weights to the page) */
  readonly width: number;
  readonly align: 'left' | 'center' | 'right';
}

/**
 * A table cell. Like HTML: a row lists only the cells that start in it; a cell spanning rows or
 * columns covers the positions to its right and below, which the following rows do not list.
 */
export interface Cell {
  readonly type: 'cell';
  readonly content: readonly Inline[];
  readonly colSpan?: number;
  readonly rowSpan?: number;
  /** overrides the column's alignment */
  readonly align?: 'left' | 'center' | 'right';
  readonly bold?: boolean;
}

export interface Row {
  readonly type: 'row';
  readonly cells: readonly Cell[];
  /** total rows (合计) and subtotal rows may be set in bold */
  readonly emphasis?: 'total' | 'subtotal';
}

/**
 * A table with its caption lines. The header rows repeat on every page the table continues on.
 * `empty` is the statement printed under a table that has no data ("本部门2024年度无…").
 */
export interface Table {
  readonly type: 'table';
  readonly id: string;
  /** kind of table: a 决算表 of 第二部分, a summary table in prose, or an appendix form */
  readonly kind: 'statement' | 'summary' | 'form';
  /** the centred title line: "2024年度收入支出决算总表" */
  readonly title?: string;
  /** right-aligned table number: "公开01表" */
  readonly number?: string;
  /** left caption: "部门：东西湖区总工会" */
  readonly department?: string;
  /** right caption: "单位：万元" */
  readonly unit?: string;
  readonly columns: readonly Column[];
  readonly header: readonly Row[];
  readonly body: readonly Row[];
  /** note lines printed under the table ("注：1.本表反映…") */
  readonly notes: readonly string[];
  readonly empty?: string;
  /** 目录 entry for this table ("一、收入支出决算总表"); absent: not in the 目录 */
  readonly outline?: string;
  /** smaller type for wide tables */
  readonly dense: boolean;
}

/** Chart kinds the booklets use. */
export type ChartKind = 'bar' | 'pie';

/**
 * A chart with its data (values are printed decimals, e.g. "933.96"; a writer may parse them to
 * plot). `caption` is the full caption line ("图1：收入支出决算总体情况").
 */
export interface Figure {
  readonly type: 'figure';
  readonly id: string;
  readonly chart: ChartKind;
  readonly caption: string;
  /** alternative text for DOCX/HTML */
  readonly alt: string;
  readonly unit: string;
  /** category labels (x axis or pie slices) */
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

export interface ChartSeries {
  readonly type: 'series';
  readonly name: string;
  /** one printed decimal per category */
  readonly values: readonly string[];
  /** printed labels shown on the chart, one per category ("933.96", "22.7%") */
  readonly labels: readonly string[];
}

export interface PageBreak {
  readonly type: 'pageBreak';
}

/** The 目录: writers fill in page numbers (PDF) or a TOC field (DOCX). */
export interface Toc {
  readonly type: 'toc';
  readonly title: string;
  readonly entries: readonly TocEntry[];
}

export interface TocEntry {
  readonly type: 'tocEntry';
  readonly level: 1 | 2 | 3;
  readonly text: string;
  /** id of the heading or table it points to */
  readonly target: string;
}

/** A run of pages with one orientation; every section starts on a new page. */
export interface Section {
  readonly type: 'section';
  readonly id: string;
  readonly orientation: 'portrait' | 'landscape';
  /** page numbers shown in the footer of this section (the cover has none) */
  readonly pageNumbers: boolean;
  readonly blocks: readonly Block[];
}

/** The cover page. */
export interface Cover {
  readonly type: 'cover';
  readonly title: string;
  readonly subtitle?: string;
  /** printed date line: "2025年4月21日" */
  readonly date: string;
}

/** Font and size for one style role. */
export interface TextStyle {
  readonly type: 'style';
  /** East Asian font name as Word names it (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体) */
  readonly eastAsia: string;
  /** Latin font name for Word */
  readonly latin: string;
  /** font key for PDF (a key of the profile's font map, e.g. "serif", "sans", or "仿宋_GB2312") */
  readonly pdfFont: string;
  /** size in points (三号 = 16, 小四 = 12, 五号 = 10.5) */
  readonly size: number;
  readonly bold: boolean;
  /** line spacing in points (0 = single) */
  readonly lineHeight: number;
}

export interface Metadata {
  readonly type: 'metadata';
  readonly title: string;
  /** the department (PDF author, DOCX creator) */
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** ISO date (YYYY-MM-DD) of publication; used as creation/modification date for reproducible output */
  readonly date: string;
  readonly language: string;
}

/** Font files for PDF output, keyed by pdfFont. Paths are absolute. */
export interface FontSource {
  readonly type: 'font';
  readonly key: string;
  readonly normal: string;
  readonly bold?: string;
}

/** The whole booklet. */
export interface Document {
  readonly type: 'document';
  readonly metadata: Metadata;
  readonly styles: Readonly<Record<StyleRole, TextStyle>>;
  /** PDF fonts (resolved by compose from the profile); the symbol font routes ☑ ☐ ✔ */
  readonly fonts: readonly FontSource[];
  readonly symbolFont: string;
  readonly cover: Cover;
  readonly sections: readonly Section[];
}

/** Every node type, for exhaustive switches. */
export type Node = Document | Section | Cover | Block | ListItem | TocEntry | Row | Cell | Column | Inline | ChartSeries | TextStyle | Metadata | FontSource;

/** For exhaustive switches: a compile error when a case is missing. */
export function assertNever(x: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(x)}`);
}

// Small constructors used by compose and by tests.
export const text = (t: string, bold = false): Text => (bold ? { type: 'text', text: t, bold: true } : { type: 'text', text: t });
export const cell = (t: string, extra: Omit<Cell, 'type' | 'content'> = {}): Cell => ({ type: 'cell', content: t === '' ? [] : [text(t)], ...extra });
export const paragraph = (content: string | readonly Inline[], style: Paragraph['style'] = 'body', align: Paragraph['align'] = 'justify'): Paragraph => ({
  type: 'paragraph',
  content: typeof content === 'string' ? [text(content)] : content,
  style,
  align,
});

/** Plain text of inline content (check boxes as ☑/☐ + label). */
export function plainText(content: readonly Inline[]): string {
  return content
    .map((i) => {
      switch (i.type) {
        case 'text':
          return i.text;
        case 'break':
          return '\n';
        case 'checkbox':
          return (i.checked ? '☑' : '☐') + i.label;
        default:
          return assertNever(i);
      }
    })
    .join('');
}
