// The 目录: one line per entry — the entry's text (level 1 in the level-1 heading font, deeper
// levels indented by two characters each), a dotted leader, and the target's page number.
//
// The number is a pdfmake `pageReference` to the target's id (a heading or a table caption), so it
// is filled in after layout; ./index.ts shifts it to the folio numbering (page 1 = the first page
// of the first numbered section). The leader is one dotted line drawn under the whole row; the
// entry text and the number carry a white background that hides the dots beneath them.
import type { Content } from 'pdfmake/interfaces.js';
import type { StyleRole, TextStyle, Toc, TocEntry } from '../../model/document.ts';
import { lineMetrics } from './fonts.ts';
import { blockProps, fontFile, textRuns, typo, type TextEnv, type Typo } from './text.ts';

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
  const baseline = (file === undefined ? 0.88 : lineMetrics(file).ascenderPerEm) * t.size;
  const leader: Content = {
    canvas: [{ type: 'line', x1: indent + 2, y1: baseline, x2: width - 1, y2: baseline, lineWidth: 1, lineCap: 'round', dash: { length: 0.001, space: 4 } }],
    relativePosition: { x: 0, y: 0 },
  } as Content;
  const text: Content = { text: textRuns(env, t, entry.text, undefined), ...props, background: 'white', linkToDestination: entry.target } as Content;
  const number: Content = { pageReference: entry.target, ...blockProps(env, typo(styles.body)), background: 'white', alignment: 'right' } as Content;
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
  } as Content;
}
