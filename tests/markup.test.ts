import { describe, it, expect } from 'vitest';
import { parseMarkup, parseInline, splitNumber, MarkupError } from '../src/compose/markup.ts';

describe('template markup', () => {
  it('parses headings with and without explicit numbers', () => {
    expect(parseMarkup('## 收入决算情况说明\n### （一）总体情况\n## 一、加强引领', 'x')).toEqual([
      { type: 'rawHeading', level: 2, text: '收入决算情况说明' },
      { type: 'rawHeading', level: 3, number: '（一）', text: '总体情况' },
      { type: 'rawHeading', level: 2, number: '一、', text: '加强引领' },
    ]);
    // "一般…" starts with a numeral character but is not a number
    expect(splitNumber('一般公共预算财政拨款支出决算情况说明')).toEqual({ text: '一般公共预算财政拨款支出决算情况说明' });
    expect(splitNumber('(十一)结余分配')).toEqual({ number: '(十一)', text: '结余分配' });
  });

  it('parses paragraphs, bold runs, lists, numbered paragraphs and directives', () => {
    const blocks = parseMarkup('**一是**抓好学习。\n\n- (1) 甲\n- (2) 乙\n> 注：无\n+ 基本支出：指…\n::figure income 图 2：收入决算结构\n::table appendixProject 3\n::pagebreak\n::center 签名\n%% comment', 'x');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph', 'rawNumbered', 'figureRef', 'tableRef', 'pageBreak', 'paragraph']);
    expect(blocks[0]).toEqual({ type: 'paragraph', style: 'body', align: 'justify', content: [{ type: 'text', text: '一是', bold: true }, { type: 'text', text: '抓好学习。' }] });
    expect(blocks[1]).toMatchObject({ items: [{ label: '(1)' }, { label: '(2)' }] });
    expect(blocks[2]).toMatchObject({ style: 'plain' });
    expect(blocks[4]).toEqual({ type: 'figureRef', key: 'income', caption: '图 2：收入决算结构' });
    expect(blocks[5]).toEqual({ type: 'tableRef', key: 'appendixProject', arg: '3' });
    expect(blocks[7]).toMatchObject({ align: 'center' });
  });

  it('keeps text without markup as one run', () => {
    expect(parseInline('占 22.7%')).toEqual([{ type: 'text', text: '占 22.7%' }]);
  });

  it('refuses unknown directives with the line', () => {
    expect(() => parseMarkup('a\n::chart x', 'f.hbs')).toThrow(MarkupError);
    expect(() => parseMarkup('a\n::chart x', 'f.hbs')).toThrow(/f\.hbs 第 2 行：未知指令 ::chart/u);
  });
});
