// The text that templates produce is a small line-based markup, parsed here into model blocks.
// Templates therefore hold all wording, while structure (headings, figures, tables) stays typed.
//
//   ## 收入支出决算总体情况说明     level-2 heading, numbered automatically (一、)
//   ### （一）总体情况              level-3 heading; an explicit number is kept as written
//   any other line                   a body paragraph (first-line indent); **bold** runs inline
//   > text                           a paragraph without indent
//   ::center text / ::right text     a centred / right-aligned paragraph
//   - (1) text                       a list item with the label "(1)"; consecutive items form a list
//   + text                           a body paragraph numbered like a level-3 heading: （一）text
//   ::figure <key> <caption>         a chart built from the figures (see figures.ts)
//   ::table <key> [arg]              a table built by code (key work summary, appendix forms);
//                                    the optional argument is passed to the builder (e.g. an index)
//   ::pagebreak                      a page break
//   %% comment                       ignored
// Blank lines are ignored: every paragraph is one line.
import type { Block, Inline, ListItem } from '../model/document.ts';
import { text } from '../model/document.ts';

/** A heading before numbering: compose assigns ids and numbers. */
export interface RawHeading {
  readonly type: 'rawHeading';
  readonly level: 2 | 3;
  readonly number?: string;
  readonly text: string;
}

/** A paragraph numbered with the level-3 counter (名词解释 items). */
export interface RawNumbered {
  readonly type: 'rawNumbered';
  readonly content: readonly Inline[];
}

export type Directive =
  | { readonly type: 'figureRef'; readonly key: string; readonly caption: string }
  | { readonly type: 'tableRef'; readonly key: string; readonly arg: string };

export type MarkupBlock = Exclude<Block, { type: 'heading' }> | RawHeading | RawNumbered | Directive;

/** An explicit heading number at the start of a heading: 一、 （一） (一) 1. 1、 */
const EXPLICIT_NUMBER = /^((?:[一二三四五六七八九十]+、)|(?:[（(][一二三四五六七八九十]+[）)])|(?:\d+[.、．]))\s*(.*)$/u;

export function splitNumber(s: string): { number?: string; text: string } {
  const m = EXPLICIT_NUMBER.exec(s);
  return m ? { number: m[1]!, text: m[2]! } : { text: s };
}

/** Inline markup: **bold** runs. */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*(.+?)\*\*/gu;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push(text(s.slice(last, m.index)));
    out.push(text(m[1]!, true));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(text(s.slice(last)));
  return out;
}

export class MarkupError extends Error {}

export function parseMarkup(source: string, where: string): MarkupBlock[] {
  const blocks: MarkupBlock[] = [];
  let list: ListItem[] | undefined;
  const flush = () => {
    if (list) blocks.push({ type: 'list', items: list });
    list = undefined;
  };
  const lines = source.split(/\r?\n/u);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('%%')) return;
    const item = /^-\s+(\S+)\s+(.*)$/u.exec(line);
    if (item) {
      (list ??= []).push({ type: 'listItem', label: item[1]!, content: parseInline(item[2]!) });
      return;
    }
    flush();
    if (line.startsWith('+ ')) {
      blocks.push({ type: 'rawNumbered', content: parseInline(line.slice(2).trim()) });
      return;
    }
    const heading = /^(#{2,3})\s+(.*)$/u.exec(line);
    if (heading) {
      blocks.push({ type: 'rawHeading', level: heading[1]!.length as 2 | 3, ...splitNumber(heading[2]!) });
      return;
    }
    if (line.startsWith('::')) {
      const [cmd, key = '', ...rest] = line.slice(2).split(/\s+/u);
      switch (cmd) {
        case 'figure':
          blocks.push({ type: 'figureRef', key, caption: rest.join(' ') });
          return;
        case 'table':
          blocks.push({ type: 'tableRef', key, arg: rest.join(' ') });
          return;
        case 'pagebreak':
          blocks.push({ type: 'pageBreak' });
          return;
        case 'center':
        case 'right':
          blocks.push({ type: 'paragraph', content: parseInline(line.slice(2 + cmd.length).trim()), style: 'plain', align: cmd });
          return;
        default:
          throw new MarkupError(`${where} 第 ${i + 1} 行：未知指令 ::${cmd}`);
      }
    }
    if (line.startsWith('>')) {
      blocks.push({ type: 'paragraph', content: parseInline(line.slice(1).trim()), style: 'plain', align: 'justify' });
      return;
    }
    blocks.push({ type: 'paragraph', content: parseInline(line), style: 'body', align: 'justify' });
  });
  flush();
  return blocks;
}
