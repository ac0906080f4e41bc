// Inline content → pdfmake text runs.
//
// - Symbol routing: characters of SYMBOL_CHARS (☑ ☐ ✔ …, absent from the CJK fonts) are split
//   into their own runs set in the document's symbol font; check boxes print ☑/☐ that way.
// - 禁则 (no line starting with ，。、；：）”？！》): pdfmake breaks lines where the Unicode line
//   breaking algorithm (UAX #14, the `linebreak` package) allows, which already forbids a break
//   before closing punctuation (CL/CP), NS (；：、) and EX (？！) and around quotes; across runs
//   pdfmake joins the last word of one run with the first of the next before deciding. Nothing is
//   inserted into the text; tests check the extracted lines.
// - Line spacing: a style's line height in points becomes a per-run pdfmake factor computed from
//   that run's font metrics, so a line holding a symbol run keeps the same height.
import type { Inline, TextStyle } from '../../model/document.ts';
import { assertNever } from '../../model/document.ts';
import { SYMBOL_CHARS, asciiAdvances, lineMetrics } from './fonts.ts';
import type { FontSource } from '../../model/document.ts';

/** One pdfmake inline run. */
export interface Run {
  text: string;
  bold?: boolean;
  font?: string;
  lineHeight?: number;
  /** never broken across lines (pdfmake) */
  noWrap?: boolean;
}

/** The resolved typography of a block: font key, size, weight, line height (0 = single). */
export interface Typo {
  readonly font: string;
  readonly size: number;
  readonly bold: boolean;
  readonly lineHeight: number;
}

export const typo = (s: TextStyle, over: Partial<Typo> = {}): Typo => ({ font: s.pdfFont, size: s.size, bold: s.bold, lineHeight: s.lineHeight, ...over });

/** What text conversion needs from the document. */
export interface TextEnv {
  readonly fonts: ReadonlyMap<string, FontSource>;
  readonly symbolFont: string;
}

/** The file pdfmake uses for a font key and weight (undefined for an unregistered key). */
export function fontFile(env: TextEnv, font: string, bold: boolean): string | undefined {
  const src = env.fonts.get(font);
  if (!src) return undefined;
  return bold && src.bold !== undefined ? src.bold : src.normal;
}

/** pdfmake's line-height factor that gives `t.lineHeight` points for `font` (undefined: single spacing). */
export function lineFactor(env: TextEnv, t: Typo, font: string, bold: boolean): number | undefined {
  if (t.lineHeight <= 0) return undefined;
  const file = fontFile(env, font, bold);
  if (file === undefined) return undefined;
  const natural = lineMetrics(file).lineHeightPerEm * t.size;
  return Math.round((t.lineHeight / natural) * 10000) / 10000;
}

/**
 * Width of `s` in points as set in `t` without line breaks: printable ASCII from the font's
 * advance widths, every other character one em (CJK ideographs and full-width punctuation are one
 * em in the CJK fonts; for anything narrower the estimate errs wide).
 */
export function textWidth(env: TextEnv, t: Typo, s: string): number {
  const file = fontFile(env, t.font, t.bold);
  const advances = file === undefined ? undefined : asciiAdvances(file);
  let ems = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    ems += code >= 0x20 && code < 0x7f ? (advances?.[code - 0x20] ?? 0.6) : 1;
  }
  return ems * t.size;
}

/** Block-level text properties for a typography: font, size, weight, line height. */
export function blockProps(env: TextEnv, t: Typo): { font: string; fontSize: number; bold: boolean; lineHeight?: number } {
  const lh = lineFactor(env, t, t.font, t.bold);
  return lh === undefined ? { font: t.font, fontSize: t.size, bold: t.bold } : { font: t.font, fontSize: t.size, bold: t.bold, lineHeight: lh };
}

/** Split a string into runs, routing symbol characters to the symbol font. */
export function textRuns(env: TextEnv, t: Typo, s: string, bold: boolean | undefined): Run[] {
  const runs: Run[] = [];
  let buf = '';
  let bufSymbol = false;
  const flush = (): void => {
    if (buf === '') return;
    const run: Run = { text: buf };
    if (bold !== undefined && bold !== t.bold) run.bold = bold;
    if (bufSymbol) {
      run.font = env.symbolFont;
      const lh = lineFactor(env, t, env.symbolFont, bold ?? t.bold);
      if (lh !== undefined) run.lineHeight = lh;
    }
    runs.push(run);
    buf = '';
  };
  for (const ch of s) {
    const isSymbol = SYMBOL_CHARS.has(ch);
    if (isSymbol !== bufSymbol) {
      flush();
      bufSymbol = isSymbol;
    }
    buf += ch;
  }
  flush();
  return runs;
}

/** Inline content → runs (text, hard breaks, check boxes). */
export function inlineRuns(env: TextEnv, t: Typo, content: readonly Inline[], forceBold = false): Run[] {
  const runs: Run[] = [];
  for (const i of content) {
    switch (i.type) {
      case 'text':
        runs.push(...textRuns(env, t, i.text, forceBold || i.bold ? true : undefined));
        break;
      case 'break':
        runs.push({ text: '\n' });
        break;
      case 'checkbox':
        runs.push(...textRuns(env, t, i.checked ? '☑' : '☐', forceBold ? true : undefined));
        runs.push(...textRuns(env, t, i.label, forceBold ? true : undefined));
        break;
      default:
        assertNever(i);
    }
  }
  // pdfmake prints nothing for an empty array but still needs a text value for empty cells.
  return runs.length > 0 ? runs : [{ text: '' }];
}
