// The 目录: one line per entry — the entry's text (level 1 in the level-1 heading font, deeper
// levels indented by two characters each), a dotted leader, and the target's page number.
//
// The number is a pdfmake `pageReference` to the target's id (a heading or a table caption), so it
// is filled in after layout; ./index.ts shifts it to the folio numbering (page 1 = the first page
// of the first numbered section). The leader is one dotted line drawn under the whole row; the
// entry text and the number carry a white background that hides the dots beneath them.
//
// An entry too long for one line is broken here, not by pdfmake (see entryLines), so the writer
// knows its last line: the leader and the number go there, as in a printed 目录. Each entry is
// unbreakable, so its leader never stays behind at the foot of a page.
import type { Content } from 'pdfmake/interfaces.js';
import type { StyleRole, TextStyle, Toc, TocEntry } from '../../model/document.ts';
import { lineMetrics } from './fonts.ts';
import { blockProps, fontFile, textRuns, textWidth, typo, type TextEnv, type Typo } from './text.ts';

/** Width of the page-number column in ems: room for pdfmake's "00000" placeholder. */
const NUMBER_EMS = 3.2;

export function tocContent(env: TextEnv, toc: Toc, styles: Readonly<Record<StyleRole, TextStyle>>, width: number): Content {
  const title = typo(styles.title, { lineHeight: 0 });
  const parts: Content[] = [
    { text: textRuns(env, title, toc.title, undefined), ...blockProps(env, title), alignment: 'center', margin: [0, 0, 0, styles.body.size * 1.5] },
  ];
  for (const entry of toc.entries) parts.push(entryLine(env, entry, styles, width));
  return { stack: parts };
}

function entryTypo(entry: TocEntry, styles: Readonly<Record<StyleRole, TextStyle>>): Typo {
  const body = styles.body;
  return entry.level === 1 ? typo(body, { font: styles.heading1.pdfFont, bold: styles.heading1.bold }) : typo(body);
}

function entryLine(env: TextEnv, entry: TocEntry, styles: Readonly<Record<StyleRole, TextStyle>>, width: number): Content {
  const t = entryTypo(entry, styles);
  const props = blockProps(env, t);
  const indent = (entry.level - 1) * 2 * t.size;
  const numberWidth = NUMBER_EMS * t.size;
  const file = fontFile(env, t.font, t.bold);
  const metrics = file === undefined ? { ascenderPerEm: 0.88, lineHeightPerEm: 1.45 } : lineMetrics(file);
  // pdfmake puts the baseline one ascender below the top of each line; extra leading goes below.
  const lineHeight = t.lineHeight > 0 ? t.lineHeight : metrics.lineHeightPerEm * t.size;
  const lines = entryLines(env, t, entry.text, width - numberWidth - indent);
  const last = (lines.length - 1) * lineHeight;
  const baseline = last + metrics.ascenderPerEm * t.size;
  const leader: Content = {
    canvas: [{ type: 'line', x1: indent + 2, y1: baseline, x2: width - 1, y2: baseline, lineWidth: 1, lineCap: 'round', dash: { length: 0.001, space: 4 } }],
    relativePosition: { x: 0, y: 0 },
  } as Content;
  const text: Content = { text: textRuns(env, t, lines.join('\n'), undefined), ...props, background: 'white', linkToDestination: entry.target } as Content;
  const number: Content = { pageReference: entry.target, ...blockProps(env, typo(styles.body)), background: 'white', alignment: 'right', margin: [0, last, 0, 0] } as Content;
  return {
    stack: [
      leader,
      {
        columns: [
          { width: '*', stack: [text], margin: [indent, 0, 0, 0] },
          { width: numberWidth, stack: [number] },
        ],
        columnGap: 0,
      },
    ],
    unbreakable: true,
  } as Content;
}

/** Characters that never start a line (closing punctuation) and that never end one (opening). */
const NO_START = /^[，。、；：）”’？！》」』】〕)\]}%,.;:!?·]/;
const NO_END = /[（“‘《「『【〔(\[{]$/;

/** Room left on a line measured to fit, against rounding and kerning differences. */
const SLACK = 1;

/**
 * An entry's text as lines that fit in `width` points: greedy, breaking between CJK characters
 * and at spaces, never inside a run of Latin letters and digits ("2024") or a short bracketed
 * group ("（表6）"), never before closing or after opening punctuation (行首行尾禁则). Measured with the font's widths (see textWidth), so
 * pdfmake does not break a line again. Nothing is added to the text but the line breaks.
 */
export function entryLines(env: TextEnv, t: Typo, text: string, width: number): string[] {
  // A short bracketed group ("（表6）", "(摘要版)") is one token; else Latin runs, spaces, single characters.
  const tokens = text.match(/[（(][^（）()\s]{1,8}[）)]|[\x21-\x7e]+|\s|[^\x00-\x7e]/g) ?? [];
  // Glue tokens that must stay together into unbreakable pieces.
  const pieces: string[] = [];
  for (const tok of tokens) {
    const prev = pieces[pieces.length - 1];
    if (prev !== undefined && !/^\s$/.test(tok) && !/\s$/.test(prev) && (NO_START.test(tok) || NO_END.test(prev))) pieces[pieces.length - 1] = prev + tok;
    else pieces.push(tok);
  }
  const lines: string[][] = [[]];
  for (const piece of pieces) {
    const line = lines[lines.length - 1]!;
    if (line.length > 0 && textWidth(env, t, (line.join('') + piece).trimEnd()) > width - SLACK && !/^\s$/.test(piece)) lines.push([piece]);
    else if (!(line.length === 0 && /^\s$/.test(piece))) line.push(piece);
  }
  // No single character alone on the last line (孤字): bring the previous piece down with it.
  const last = lines[lines.length - 1]!;
  const before = lines[lines.length - 2];
  if (before && before.length > 2 && [...last.join('')].length === 1) last.unshift(before.pop()!);
  return lines.map((l) => l.join('').trimEnd());
}
