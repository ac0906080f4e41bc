// Figure → the chart as an SVG node (drawn by svg-to-pdfkit inside pdfmake) with its caption
// centred under it; the chart is kept on the page of its caption.
import type { Content } from 'pdfmake/interfaces.js';
import type { Figure, TextStyle } from '../../model/document.ts';
import { blockProps, textRuns, typo, type TextEnv } from './text.ts';
import { KEEP_WITH_NEXT } from './keep.ts';
import { DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH, chartSvg } from '../chart/svg.ts';

/** Printed chart width in points (about 15 cm), never wider than the type area. */
const FIGURE_WIDTH = 430;

export async function figureContent(env: TextEnv, figure: Figure, caption: TextStyle, areaWidth: number): Promise<Content> {
  // The SVG's font family must be a pdfmake font key: the chart's labels use the caption font.
  const svg = await chartSvg(figure, { fontFamily: caption.pdfFont });
  const width = Math.min(FIGURE_WIDTH, areaWidth);
  const height = Math.round(((width * DEFAULT_CHART_HEIGHT) / DEFAULT_CHART_WIDTH) * 100) / 100;
  const t = typo(caption, { lineHeight: 0 });
  return {
    stack: [
      // kept with its caption by keep-with-next (an unbreakable stack would hide its real page from ./keep.ts)
      { svg, width, height, alignment: 'center', headlineLevel: KEEP_WITH_NEXT },
      { text: textRuns(env, t, figure.caption, undefined), ...blockProps(env, t), alignment: 'center', margin: [0, 4, 0, 0] },
    ],
    margin: [0, 6, 0, 12],
  } as Content;
}
