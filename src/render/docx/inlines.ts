// Inline content → docx runs. Text keeps its style's fonts; the check-box characters, which the
// Chinese fonts lack, are routed to a symbol font.
import { TextRun, type ParagraphChild } from 'docx';
import { assertNever, type Inline } from '../../model/document.ts';
import { SYMBOL_FONT } from './styles.ts';

/** Characters set in the symbol font (no GB2312 font has them). */
const SYMBOLS = /([☐☑☒✓✔]+)/u;

const symbolFont = { ascii: SYMBOL_FONT, hAnsi: SYMBOL_FONT, eastAsia: SYMBOL_FONT, cs: SYMBOL_FONT };

interface RunFormat {
  readonly bold?: boolean;
}

/** Runs of a text: the symbol characters in runs of their own. */
function textRuns(text: string, format: RunFormat): TextRun[] {
  return text
    .split(SYMBOLS)
    .filter((part) => part !== '')
    .map((part) => {
      const isSymbol = SYMBOLS.test(part);
      return new TextRun({ text: part, ...(format.bold ? { bold: true, boldComplexScript: true } : {}), ...(isSymbol ? { font: symbolFont } : {}) });
    });
}

/** Runs of inline content. `bold` sets every run in bold (total rows, bold cells). */
export function inlineRuns(content: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
  return content.flatMap((inline): ParagraphChild[] => {
    switch (inline.type) {
      case 'text':
        return textRuns(inline.text, { bold: format.bold || inline.bold });
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'checkbox':
        return [...textRuns(inline.checked ? '☑' : '☐', format), ...textRuns(inline.label, format)];
      default:
        return assertNever(inline);
    }
  });
}
