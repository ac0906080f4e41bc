// Inline content → HTML: bold runs as <strong>, breaks as <br>, check boxes as ☑/☐ whose state a
// screen reader announces in words (the glyph alone is read inconsistently or not at all).
import type { Inline } from '../../model/document.ts';
import { assertNever } from '../../model/document.ts';
import { esc } from './escape.ts';

/** Spoken state of a check box. */
export const CHECKED_LABEL = '已选';
export const UNCHECKED_LABEL = '未选';

export function checkBox(checked: boolean): string {
  return checked
    ? `<span class="cb" role="img" aria-label="${CHECKED_LABEL}">☑</span>`
    : `<span class="cb" role="img" aria-label="${UNCHECKED_LABEL}">☐</span>`;
}

export function inlines(content: readonly Inline[]): string {
  return content
    .map((i) => {
      switch (i.type) {
        case 'text':
          return i.bold ? `<strong>${esc(i.text)}</strong>` : esc(i.text);
        case 'break':
          return '<br>';
        case 'checkbox':
          return `${checkBox(i.checked)}${esc(i.label)}`;
        default:
          return assertNever(i);
      }
    })
    .join('');
}
