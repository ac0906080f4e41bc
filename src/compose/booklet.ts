// compose stage: the whole booklet as one document model. Templates (narrate stage) provide
// every sentence; this file only assembles: part numbering, heading ids, sections by page
// orientation, the 目录 entries, figures and tables by key.
import type { Block, Document, Heading, Section, Table, TocEntry, StyleRole, TextStyle } from '../model/document.ts';
import { cell } from '../model/document.ts';
import type { DepartmentYear } from '../input/schema.ts';
import type { Tables } from '../derive/tables.ts';
import type { Figures } from '../derive/figures.ts';
import type { Format } from '../profile/format.ts';
import { narrativeContext, type NarrativeContext } from '../narrate/context.ts';
import { parseMarkup, type MarkupBlock } from './markup.ts';
import { buildFigure } from './figures.ts';
import { resolveFonts } from './fonts.ts';
import { composeStatements } from './statements/index.ts';
import { APPENDIX_TABLES } from './appendix/index.ts';
import { chineseNumber, chineseDate, formatCell } from '../narrate/helpers.ts';

export interface ComposeInput {
  readonly data: DepartmentYear;
  readonly tables: Tables;
  readonly figures: Figures;
}

export interface ComposeOptions {
  /** folder that font paths of the profile are relative to (the project folder) */
  readonly cwd: string;
}

export class ComposeError extends Error {}

/** Builds the blocks named by `::table <key> [arg]` lines (a table, or a table with its captions). */
export type TableBuilder = (ctx: NarrativeContext, format: Format, arg: string) => Table | readonly Block[];

const TABLES: Readonly<Record<string, TableBuilder>> = {
  ...APPENDIX_TABLES,
  keyWork: (ctx, format) => {
    const spec = format.profile.keyWorkTable;
    if (!spec) throw new ComposeError(`格式模板 ${format.name} 缺少 keyWorkTable（重点工作汇总表的表头）`);
    return {
      type: 'table',
      id: 'table-key-work',
      kind: 'summary',
      columns: spec.widths.map((w, i) => ({ type: 'column', width: w, align: i === 0 || i === 3 ? 'center' : 'left' })),
      header: [{ type: 'row', cells: spec.headers.map((h) => cell(h, { align: 'center' })) }],
      body: ctx.data.keyWork.table.map((r, i) => ({ type: 'row', cells: [cell(String(i + 1)), cell(r.item), cell(r.content), cell(r.status)] })),
      notes: [],
      dense: false,
    };
  },
};

function numbered(pattern: string, n: number): string {
  return pattern.replace('{n}', chineseNumber(n));
}

/** Turn markup blocks into model blocks: number headings, build figures and tables. */
function resolveBlocks(blocks: readonly MarkupBlock[], partIndex: number, tocDepth: number, ctx: NarrativeContext, format: Format, counters: { h2: number; h3: number; n: number }): Block[] {
  const { numbering, wording, labels } = format.profile;
  return blocks.flatMap((b): Block | readonly Block[] => {
    switch (b.type) {
      case 'rawHeading': {
        counters.n += 1;
        let number = b.number;
        if (b.level === 2) {
          counters.h2 += 1;
          counters.h3 = 0;
          number ??= numbered(numbering.level2, counters.h2);
        } else {
          counters.h3 += 1;
          number ??= numbered(numbering.level3, counters.h3);
        }
        return { type: 'heading', level: b.level, id: `part-${partIndex}-h${counters.n}`, number, separator: '', text: b.text, outline: b.level <= tocDepth, align: 'left' };
      }
      case 'rawNumbered': {
        counters.h3 += 1;
        return { type: 'paragraph', content: [{ type: 'text', text: numbered(numbering.level3, counters.h3) }, ...b.content], style: 'body', align: 'justify' };
      }
      case 'figureRef':
        return buildFigure(b.key, b.caption, ctx.f, labels, wording);
      case 'tableRef': {
        const build = TABLES[b.key];
        if (!build) throw new ComposeError(`未知的表格 ::table ${b.key}（可用：${Object.keys(TABLES).join('、')}）`);
        return build(ctx, format, b.arg);
      }
      default:
        return b;
    }
  });
}

function tocEntries(sections: readonly Section[]): TocEntry[] {
  const out: TocEntry[] = [];
  for (const s of sections) {
    for (const b of s.blocks) {
      if (b.type === 'heading' && b.outline) out.push({ type: 'tocEntry', level: b.level, text: `${b.number ?? ''}${b.separator}${b.text}`, target: b.id });
      if (b.type === 'table' && b.outline) out.push({ type: 'tocEntry', level: 2, text: b.outline, target: b.id });
    }
  }
  return out;
}

export function composeBooklet(input: ComposeInput, format: Format, options: ComposeOptions): Document {
  const { data, tables, figures } = input;
  const { profile, templates } = format;
  const ctx = narrativeContext(data, tables, figures, profile);
  const where = (k: string) => `${format.dir}/profile.yaml（${k}）`;

  const sections: Section[] = [];
  profile.parts.forEach((part, i) => {
    const index = i + 1;
    const heading: Heading = {
      type: 'heading',
      level: 1,
      id: `part-${index}`,
      number: numbered(profile.numbering.part, index),
      separator: ' ',
      text: templates.renderString(part.title, ctx, where(`parts[${i}].title`)),
      outline: true,
      align: 'center',
    };
    if (part.kind === 'statements') {
      const composed = composeStatements({
        tables,
        spec: format.statements,
        vars: { year: data.meta.year, department: data.meta.department, fullName: data.meta.fullName },
        formatCell: (x) => formatCell(x, profile.wording),
      });
      composed.forEach((t, k) => {
        const orientation = format.statements.tables[k]?.orientation ?? 'portrait';
        sections.push({ type: 'section', id: `part-${index}-t${k + 1}`, orientation, pageNumbers: true, blocks: k === 0 ? [heading, t] : [t] });
      });
      return;
    }
    const counters = { h2: 0, h3: 0, n: 0 };
    const blocks: Block[] = [heading];
    for (const file of part.templates) {
      const markup = parseMarkup(templates.render(file, ctx), `${format.dir}/${file}`);
      blocks.push(...resolveBlocks(markup, index, part.tocDepth, ctx, format, counters));
    }
    sections.push({ type: 'section', id: `part-${index}`, orientation: 'portrait', pageNumbers: true, blocks });
  });

  const toc: Section = { type: 'section', id: 'toc', orientation: 'portrait', pageNumbers: false, blocks: [{ type: 'toc', title: profile.tocTitle, entries: tocEntries(sections) }] };
  const styles = Object.fromEntries(
    Object.entries(profile.typography).map(([role, s]): [StyleRole, TextStyle] => [
      role as StyleRole,
      { type: 'style', eastAsia: s.eastAsia, latin: s.latin, pdfFont: s.pdf, size: s.size, bold: s.bold, lineHeight: s.lineHeight },
    ]),
  ) as Record<StyleRole, TextStyle>;
  const title = templates.renderString(profile.cover.title, ctx, where('cover.title'));
  const subtitle = profile.cover.subtitle === undefined ? undefined : templates.renderString(profile.cover.subtitle, ctx, where('cover.subtitle'));
  const fonts = resolveFonts(profile.fonts, options.cwd);
  for (const s of Object.values(styles)) {
    if (!fonts.some((f) => f.key === s.pdfFont)) throw new ComposeError(`格式模板 ${format.name} 的字体键“${s.pdfFont}”未定义（可用：${fonts.map((f) => f.key).join('、')}）`);
  }
  return {
    type: 'document',
    metadata: {
      type: 'metadata',
      title,
      author: data.meta.fullName,
      subject: title,
      keywords: ['部门决算', `${data.meta.year}年度`, data.meta.department],
      date: data.meta.publishDate,
      language: 'zh-CN',
    },
    styles,
    fonts,
    symbolFont: 'symbol',
    cover: subtitle === undefined ? { type: 'cover', title, date: chineseDate(data.meta.publishDate) } : { type: 'cover', title, subtitle, date: chineseDate(data.meta.publishDate) },
    sections: [toc, ...sections],
  };
}
