// The PDF writer, checked with a reader's tools (poppler-utils) on the sample model, plus the
// layout pieces (spans, widths, symbol routing, the definition) without producing PDF bytes.
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf } from '../src/render/pdf/index.ts';
import { buildDefinition, PdfModelError } from '../src/render/pdf/definition.ts';
import { columnWidths, keepBrackets, minTokenWidth, placeCells, PdfTableError, tableContent } from '../src/render/pdf/tables.ts';
import { inlineRuns, textRuns, textWidth, typo, type TextEnv } from '../src/render/pdf/text.ts';
import { segments } from '../src/render/pdf/groups.ts';
import { entryLines } from '../src/render/pdf/toc.ts';
import { contentWidth } from '../src/render/pdf/page.ts';
import type { Document, Row, Table } from '../src/model/document.ts';
import { cell, paragraph } from '../src/model/document.ts';
import { formTable, incomeTable, sampleDocument, sampleStyles } from './fixtures/model/sample.ts';
import { pdfFonts, pdfInfo, pdfOutline, pdfPages, pdfPageSizes, pdfText, pdfWords, writeTemp, type Word } from './helpers/pdf.ts';

/** Punctuation that must never start a line (行首禁则). */
const FORBIDDEN_AT_LINE_START = /^[，。、；：）”？！》]/;
const FOLIO = /—\s*(\d+)\s*—/;

describe('writePdf on the sample document', () => {
  let data: Uint8Array;
  let file: string;
  let pages: string[]; // 1-based
  let doc: Document;

  beforeAll(async () => {
    doc = sampleDocument();
    const out = await writePdf(doc);
    expect(out.extension).toBe('pdf');
    expect(out.data).toBeInstanceOf(Uint8Array);
    data = out.data as Uint8Array;
    file = writeTemp(data, 'sample.pdf');
    pages = pdfPages(file);
  }, 120_000);

  /** 1-based number of the first page whose text matches. */
  const pageOf = (re: RegExp | string, from = 1): number => {
    for (let p = from; p < pages.length; p++) if (typeof re === 'string' ? pages[p]!.includes(re) : re.test(pages[p]!)) return p;
    return -1;
  };

  it('is a PDF whose text holds the key sentences and table cells', () => {
    expect(Buffer.from(data.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(file);
    for (const s of ['933.96', '820.62', '公开01表', '公开02表', '公开07表', '部门：东西湖区总工会', '单位：万元', '本部门2024年度无政府性基金', '注：本表反映部门本年度取得的各项收入情况。', '机关事业单位', '2012901', '项目绩效自评表', '职工帮扶活动经费', '图1：收入支出决算总体情况（单位：万元）', '图3：支出决算结构（单位：万元）', '2025年4月21日']) {
      expect(text, s).toContain(s);
    }
    // chart labels are real text (drawn with a registered font, not outlined)
    expect(pages[pageOf('图1')]).toContain('1221.23');
    expect(pages[pageOf('图3')]).toContain('77.3%');
  });

  it('has a plausible number of A4 pages', () => {
    const n = pages.length - 1;
    expect(n).toBeGreaterThanOrEqual(8);
    expect(n).toBeLessThanOrEqual(14);
    for (const size of pdfPageSizes(file).slice(1)) {
      expect([size.width, size.height].sort()).toEqual([595.28, 841.89].sort());
    }
  });

  it('prints the landscape section, and only it, on landscape pages', () => {
    const sizes = pdfPageSizes(file);
    const landscape = sizes.flatMap((s, p) => (p > 0 && s.width > s.height ? [p] : []));
    const first = pageOf('公开01表');
    const next = pageOf('公开02表');
    expect(first).toBeGreaterThan(2);
    // the section runs from the 公开01表 page up to the page before 公开02表 (its own section)
    expect(landscape).toEqual(Array.from({ length: next - first }, (_, i) => first + i));
    expect(pages[first]).toContain('第二部分 决算表');
    expect(pages[next - 1]).toContain('注：1.本表反映部门本年度的总收支和年末结转结余情况。');
  });

  it('embeds every font as a subset, the symbol font included', () => {
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
    }
    expect(fonts.some((f) => f.name.includes('DejaVuSans'))).toBe(true);
    expect(fonts.some((f) => f.name.includes('NotoSerifSC'))).toBe(true);
  });

  it('prints ☑ ☐ ✔ through the symbol font, so they survive text extraction', () => {
    const text = pdfText(file);
    expect(text).toContain('☑ 已完成');
    expect(text).toContain('☐ 未完成');
    expect(text).toContain('✔ 勾选');
    // check boxes in the form: box, then label
    expect(text).toMatch(/☑\s*1、部门预算项目/);
    expect(text).toMatch(/☐\s*2、区直专项/);
    // characters the CJK font has stay in it and are extracted too
    for (const s of ['□', '≥95%', '①', '⑴', '㈠', '〇']) expect(text).toContain(s);
  });

  it('starts no line with a forbidden punctuation mark (行首禁则)', () => {
    for (const text of [pdfText(file), pdfText(file, { raw: true })]) {
      const bad = text.split('\n').filter((l) => FORBIDDEN_AT_LINE_START.test(l.trim()));
      expect(bad).toEqual([]);
    }
    // the sample's long paragraphs do wrap (CJK text breaks between characters)
    const p = pages[pageOf('一是加强职工帮扶')]!;
    expect(p).toMatch(/一是加强职工帮扶。全年走访慰问困难职工，发放帮扶资\s*\n/);
  });

  it('numbers pages "— 1 —" from the first numbered section; cover and 目录 have none', () => {
    expect(pages[1]).toContain('2024 年度东西湖区总工会部门决算公开');
    expect(pages[1]).not.toMatch(FOLIO);
    expect(pages[2]).toMatch(/目\s*录/);
    expect(pages[2]).not.toMatch(FOLIO);
    for (let p = 3; p < pages.length; p++) {
      expect(FOLIO.exec(pages[p]!)?.[1], `page ${p}`).toBe(String(p - 2));
    }
    // the folio is the last line of its page
    expect(pages[3]!.trim().split('\n').at(-1)).toMatch(/^\s*—\s*1\s*—\s*$/);
  });

  it('fills the 目录 with the folio numbers of its targets', () => {
    const toc = pages[2]!.split('\n');
    const numberOf = (entry: string): number => {
      const line = toc.find((l) => l.includes(entry));
      expect(line, entry).toBeDefined();
      const m = /(\d+)\s*$/.exec(line!);
      expect(m, line).not.toBeNull();
      return Number(m![1]);
    };
    const folioOf = (absolute: number): number => Number(FOLIO.exec(pages[absolute]!)![1]);
    expect(numberOf('第二部分 决算表')).toBe(folioOf(pageOf('第二部分 决算表', 3)));
    expect(numberOf('一、收入支出决算总表')).toBe(folioOf(pageOf('公开01表', 3)));
    expect(numberOf('二、收入决算表')).toBe(folioOf(pageOf('2024年度收入决算表', 3)));
    expect(numberOf('第三部分 东西湖区总工会 2024 年度部门决算情况说明')).toBe(folioOf(pageOf('第三部分 东西湖区总工会', 3)));
    expect(numberOf('一、收入支出决算总体情况说明')).toBe(folioOf(pageOf('一、收入支出决算总体情况说明', 3)));
    expect(numberOf('二、收入决算表')).toBe(3);
  });

  it('has bookmarks for the level-1 and level-2 outline headings, nested, on their pages', () => {
    expect(Buffer.from(data).toString('latin1')).toContain('/Outlines');
    const outline = pdfOutline(file);
    const part3 = pageOf('第三部分 东西湖区总工会', 3);
    expect(outline).toEqual([
      { title: '第二部分 决算表', page: pageOf('第二部分 决算表', 3), children: [] },
      {
        title: '第三部分 东西湖区总工会 2024 年度部门决算情况说明',
        page: part3,
        children: [
          { title: '一、收入支出决算总体情况说明', page: part3, children: [] },
          { title: '三、支出决算情况说明', page: pageOf('三、支出决算情况说明', 3), children: [] },
        ],
      },
    ]);
  });

  it('keeps a heading on the page of what follows it', () => {
    const p = pageOf('（一）基本支出', 3);
    expect(pages[p]).toContain('三、支出决算情况说明');
    expect(pages[p]).toContain('图3');
  });

  it('writes the metadata, with the publication date as creation and modification date', () => {
    const info = pdfInfo(file);
    expect(info.Title).toBe('2024 年度东西湖区总工会部门决算公开');
    expect(info.Author).toBe('东西湖区总工会');
    expect(info.Subject).toBe('部门决算公开');
    expect(info.Keywords).toBe('部门决算, 2024, 东西湖区总工会');
    expect(info.Creator).toBe('juesuan');
    expect(info.CreationDate).toMatch(/Apr 21 00:00:00 2025 UTC/);
    expect(info.ModDate).toMatch(/Apr 21 00:00:00 2025 UTC/);
  });

  it('is byte-for-byte reproducible', async () => {
    const again = await writePdf(sampleDocument());
    expect(Buffer.compare(Buffer.from(again.data as Uint8Array), Buffer.from(data))).toBe(0);
  }, 60_000);
});

/**
 * A header-less form whose label cells span many rows (like the 绩效自评表 blocks): group 甲 (12
 * rows) starts too low on its page to fit, group 乙 (60 rows, with nested 二级 spans) is longer
 * than a page. pdfmake alone draws a span's label once, on the first page, centred over the whole
 * span (so into other rows or off the page), and leaves the continuation unlabelled.
 */
describe('writePdf on a form whose row spans cross pages', () => {
  let words: Word[][];

  beforeAll(async () => {
    const row = (...cells: ReturnType<typeof cell>[]): Row => ({ type: 'row', cells });
    const group = (tag: string, label: string, n: number, level2: number): Row[] =>
      Array.from({ length: n }, (_, i) =>
        row(
          ...(i === 0 ? [cell(label, { rowSpan: n })] : []),
          ...(i % level2 === 0 ? [cell(`${tag}级${i / level2 + 1}`, level2 > 1 ? { rowSpan: Math.min(level2, n - i) } : {})] : []),
          cell(`${tag}-${i + 1}`),
          cell(i % 4 === 0 ? '一条较长的三级指标说明文字，在单元格里折成两行' : '短指标'),
        ),
      );
    const form: Table = {
      type: 'table',
      id: 'form-span',
      kind: 'form',
      title: '跨页合并单元格测试表',
      columns: [20, 15, 15, 50].map((w) => ({ type: 'column' as const, width: w, align: 'center' as const })),
      header: [],
      body: [
        row(cell('项目名称'), cell('跨页测试项目', { colSpan: 3 })),
        row(cell('目标'), cell('甲组之上的一行', { colSpan: 3 })),
        ...group('甲', '甲组标签', 12, 1),
        row(cell('小结'), cell('甲组与乙组之间的一行', { colSpan: 3 })),
        ...group('乙', '乙组标签', 60, 5),
        row(cell('总分'), cell('100', { colSpan: 3 })),
      ],
      notes: [],
      dense: false,
    };
    const base = sampleDocument();
    const doc: Document = {
      ...base,
      sections: [{ type: 'section', id: 's-form', orientation: 'portrait', pageNumbers: true, blocks: [paragraph('填充正文，把表格推到页面下部。'.repeat(30)), form] }],
    };
    words = pdfWords(writeTemp((await writePdf(doc)).data as Uint8Array, 'spans.pdf'));
  }, 120_000);

  const overlaps = (a: Word, b: Word): boolean => Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5;

  /** Pages holding rows of the group `tag`, each with its rows' vertical extent and its label words. */
  const pagesOf = (tag: string, label: string) =>
    words.flatMap((page, p) => {
      const rows = page.filter((w) => w.text.startsWith(`${tag}-`));
      const labels = page.filter((w) => w.text.includes(label.slice(0, 3)));
      if (rows.length === 0) {
        expect(labels, `page ${p}: ${label} without its rows`).toEqual([]);
        return [];
      }
      return [{ page: p, rows, labels, top: Math.min(...rows.map((w) => w.yMin)), bottom: Math.max(...rows.map((w) => w.yMax)) }];
    });

  const expectLabelled = (tag: string, label: string) => {
    const pages = pagesOf(tag, label);
    for (const { page, labels, top, bottom } of pages) {
      // exactly once on each page the span covers, whole, beside its rows, over no other text
      expect(labels.map((w) => w.text), `page ${page}`).toEqual([label]);
      const l = labels[0]!;
      expect(l.yMin, `page ${page}`).toBeGreaterThanOrEqual(top - 2);
      expect(l.yMax, `page ${page}`).toBeLessThanOrEqual(bottom + 2);
      expect(words[page]!.filter((w) => w !== l && overlaps(w, l)), `page ${page}`).toEqual([]);
    }
    return pages;
  };

  it('keeps a group that fits on a page together, moved whole to the next page, labelled once', () => {
    const pages = expectLabelled('甲', '甲组标签');
    expect(pages.map((p) => p.rows.length)).toEqual([12]);
    // it did not fit where the table started: the table's first row is on the page before; the
    // row just above the group (which introduces it) went with it
    const pageOfWord = (text: string): number => words.findIndex((page) => page.some((w) => w.text === text));
    expect(pages[0]!.page).toBe(pageOfWord('跨页测试项目') + 1);
    expect(pageOfWord('甲组之上的一行')).toBe(pages[0]!.page);
  });

  it('repeats the label of a group longer than a page once on every page it covers', () => {
    const pages = expectLabelled('乙', '乙组标签');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.reduce((n, p) => n + p.rows.length, 0)).toBe(60);
    // cut between 二级 blocks (5 rows each), and their labels printed too
    for (const p of pages) expect(p.rows.length % 5, `page ${p.page}`).toBe(0);
    expect(words.flat().filter((w) => /^乙级\d+$/.test(w.text))).toHaveLength(12);
  });

  it('prints every cell once and no text over another', () => {
    const all = words.flat();
    for (let i = 1; i <= 12; i++) expect(all.filter((w) => w.text === `甲-${i}`), `甲-${i}`).toHaveLength(1);
    for (let i = 1; i <= 60; i++) expect(all.filter((w) => w.text === `乙-${i}`), `乙-${i}`).toHaveLength(1);
    expect(all.filter((w) => w.text === '100')).toHaveLength(1);
    words.forEach((page, p) => {
      for (let i = 0; i < page.length; i++) for (let j = i + 1; j < page.length; j++) expect(overlaps(page[i]!, page[j]!), `page ${p}: ${page[i]!.text} / ${page[j]!.text}`).toBe(false);
    });
  });
});

describe('PDF layout pieces', () => {
  const doc = sampleDocument();
  const env: TextEnv = { fonts: new Map(doc.fonts.map((f) => [f.key, f])), symbolFont: doc.symbolFont };
  const body = typo(sampleStyles.body);

  it('routes ☑ ☐ ✔ ✓ to the symbol font, and keeps the line height of the style', () => {
    const runs = textRuns(env, body, '☑已完成 ✔✓ □', undefined);
    expect(runs.map((r) => [r.text, r.font ?? ''])).toEqual([
      ['☑', 'symbol'],
      ['已完成 ', ''],
      ['✔✓', 'symbol'],
      [' □', ''],
    ]);
    // 28 pt lines in both fonts: the factors differ because the fonts' natural line heights do
    expect(runs[0]!.lineHeight).toBeGreaterThan(1);
    expect(runs[1]!.lineHeight).toBeUndefined(); // inherits the paragraph's
  });

  it('prints a check box as box then label, and marks bold runs', () => {
    const runs = inlineRuns(env, body, [{ type: 'checkbox', checked: false, label: '2、区直专项' }, { type: 'text', text: '一是', bold: true }, { type: 'break' }]);
    expect(runs.map((r) => r.text)).toEqual(['☐', '2、区直专项', '一是', '\n']);
    expect(runs[0]!.font).toBe('symbol');
    expect(runs[2]!.bold).toBe(true);
  });

  it('fills covered span positions with placeholders (model rows list only starting cells)', () => {
    type Grid = { body: Array<Array<Record<string, unknown>>>; headerRows: number; widths: number[] };
    const node = tableContent(env, incomeTable, sampleStyles, contentWidth('portrait'), { target: (id, n) => ({ ...n, id }), rowSpanCells: [] }) as unknown as { stack: Array<{ table?: Grid }> };
    const grid = node.stack.find((c) => c.table !== undefined)!.table!;
    expect(grid.headerRows).toBe(3);
    for (const row of grid.body) expect(row).toHaveLength(11);
    const texts = (r: number): string[] => grid.body[r]!.map((c) => (Array.isArray(c.text) ? (c.text as Array<{ text: string }>).map((t) => t.text).join('') : '{}'));
    expect(texts(0)).toEqual(['项目', '{}', '{}', '{}', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
    expect(texts(1)).toEqual(['功能分类科目编码', '{}', '{}', '科目名称', '{}', '{}', '{}', '{}', '{}', '{}', '{}']);
    expect(texts(2)).toEqual(['类', '款', '项', '{}', '1', '2', '3', '4', '5', '6', '7']);
    expect(grid.body[0]![0]!.colSpan).toBe(4);
    expect(grid.body[1]![3]!.rowSpan).toBe(2);
    // header centred, amounts right-aligned, total row bold
    expect(grid.body[2]![0]!.alignment).toBe('center');
    expect(grid.body[4]![4]!.alignment).toBe('right');
    expect((grid.body[3]![4]!.text as Array<{ bold?: boolean }>)[0]!.bold).toBe(true);
    // fixed widths that fit the type area with padding and rules
    const total = grid.widths.reduce((a, b) => a + b, 0) + 11 * 6 + 12 * 0.5;
    expect(total).toBeLessThanOrEqual(contentWidth('portrait') + 0.01);
    // the 项 column is wide enough for a seven-digit code
    expect(grid.widths[2]!).toBeGreaterThanOrEqual(minTokenWidth('2012901', 10));
  });

  it('cuts a header-less table between row groups, the row above a group going with it', () => {
    // rows 0–1 free, 2–4 joined by a span, 5 free, 6–7 joined
    const cells = [
      { row: 2, col: 0, colSpan: 1, rowSpan: 3 },
      { row: 6, col: 0, colSpan: 1, rowSpan: 2 },
    ];
    const heights = new Array<number>(8).fill(20);
    expect(segments(8, cells, heights, 500)).toEqual([
      { start: 0, end: 1, unbreakable: false },
      { start: 1, end: 5, unbreakable: true },
      { start: 5, end: 8, unbreakable: true },
    ]);
    // no spans: one breakable table
    expect(segments(3, [], [20, 20, 20], 500)).toEqual([{ start: 0, end: 3, unbreakable: false }]);
  });

  it('cuts a group taller than the limit into chunks that each start a page, where fewest spans cross', () => {
    // a label over rows 0–9, inner spans over 0–4 and 5–9
    const cells = [
      { row: 0, col: 0, colSpan: 1, rowSpan: 10 },
      { row: 0, col: 1, colSpan: 1, rowSpan: 5 },
      { row: 5, col: 1, colSpan: 1, rowSpan: 5 },
    ];
    expect(segments(10, cells, new Array<number>(10).fill(20), 140)).toEqual([
      { start: 0, end: 5, unbreakable: true },
      { start: 5, end: 10, unbreakable: true, breakBefore: true },
    ]);
  });

  it('keeps short bracketed groups of table cells on one line', () => {
    const t = typo(sampleStyles.table);
    const runs = keepBrackets(env, t, textRuns(env, t, '预算执行情况（万元）（20 分）', undefined), 100);
    expect(runs.map((r) => [r.text, r.noWrap ?? false])).toEqual([
      ['预算执行情况', false],
      ['（万元）', true],
      ['（20 分）', true],
    ]);
    // a group wider than the cell may still break
    expect(keepBrackets(env, t, textRuns(env, t, '得分（20 分*执行率）', undefined), 40).some((r) => r.noWrap)).toBe(false);
  });

  it('breaks long 目录 entries itself: lines that fit, no bracketed group cut, no single character left alone', () => {
    const t = typo(sampleStyles.body);
    const width = 300;
    for (const text of ['六、一般公共预算财政拨款基本支出决算表（表6）', '七、政府性基金预算财政拨款收入支出决算情况说明', '一、2024 年度东西湖区总工会整体绩效自评表/结果(摘要版)']) {
      const lines = entryLines(env, t, text, width);
      expect(lines.join('').replace(/\s/g, ''), text).toBe(text.replace(/\s/g, ''));
      expect(lines.length, text).toBeGreaterThan(1);
      for (const line of lines) expect(textWidth(env, t, line), line).toBeLessThanOrEqual(width);
      expect([...lines.at(-1)!].length, text).toBeGreaterThan(1);
      expect(lines.some((l) => /（表$|^6）/.test(l))).toBe(false);
      expect(lines.some((l) => /^[，。、；：）)]/.test(l))).toBe(false);
    }
    expect(entryLines(env, t, '一、收入决算表', width)).toEqual(['一、收入决算表']);
  });

  it('scales weights to fixed widths, widening columns too narrow for a token', () => {
    const cols = [1, 1, 8].map((w) => ({ type: 'column' as const, width: w, align: 'left' as const }));
    const plain = columnWidths(cols, 200, [0, 0, 0]);
    expect(plain[2]! / plain[0]!).toBeCloseTo(8, 1);
    const widened = columnWidths(cols, 200, [40, 0, 0]);
    expect(widened[0]!).toBeGreaterThanOrEqual(40 - 0.01);
    expect(widened.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(plain.reduce((a, b) => a + b, 0) + 0.01);
  });

  it('rejects a row wider than the table, in Chinese', () => {
    const bad: Table = { ...formTable, body: [{ type: 'row', cells: [cell('项目名称'), cell('x', { colSpan: 6 })] }] };
    expect(() => placeCells(bad, bad.body)).toThrow(PdfTableError);
    expect(() => placeCells(bad, bad.body)).toThrow(/超出了 6 列/);
  });

  it('builds one section per model section after the cover, with orientation and folio', async () => {
    const built = await buildDefinition(doc);
    const content = built.definition.content as Array<{ section: unknown; pageOrientation: string; footer: unknown }>;
    expect(content).toHaveLength(doc.sections.length + 1);
    expect(content.map((s) => s.pageOrientation)).toEqual(['portrait', ...doc.sections.map((s) => s.orientation)]);
    expect(content.map((s) => typeof s.footer)).toEqual(['object', ...doc.sections.map((s) => (s.pageNumbers ? 'function' : 'object'))]);
    expect(built.definition.info?.creationDate?.toISOString()).toBe('2025-04-21T00:00:00.000Z');
  });

  it('rejects a 目录 entry whose target does not exist', async () => {
    const d = sampleDocument();
    const broken: Document = {
      ...d,
      sections: d.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.type === 'toc' ? { ...b, entries: [...b.entries, { type: 'tocEntry' as const, level: 2 as const, text: '九、不存在', target: 'nowhere' }] } : b)) })),
    };
    await expect(buildDefinition(broken)).rejects.toThrow(PdfModelError);
    await expect(buildDefinition(broken)).rejects.toThrow(/目录条目“九、不存在”/);
  });
});
