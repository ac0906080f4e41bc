// Reading reference booklets for comparison: split into sentences and normalise the differences
// that carry no meaning (whitespace, half/full-width brackets, commas and colons).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../shared/reference');

export function referenceText(prefix: string): string {
  const file = readdirSync(REFERENCE_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`reference ${prefix} not found in ${REFERENCE_DIR}`);
  return readFileSync(path.join(REFERENCE_DIR, file), 'utf8');
}

/** Lines between two markers (first occurrence after `from`, exclusive of `to`). */
export function between(text: string, from: string, to: string, fromIndex = 0): string {
  const a = text.indexOf(from, fromIndex);
  if (a < 0) throw new Error(`marker not found: ${from}`);
  const b = text.indexOf(to, a + from.length);
  return text.slice(a, b < 0 ? undefined : b);
}

export function normalise(s: string): string {
  return s
    .replace(/\s+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/,/gu, '，')
    .replace(/:/gu, '：')
    .replace(/;/gu, '；');
}

/**
 * Sentences of a text: the text is re-joined across line breaks (the reference text breaks lines
 * mid-sentence), then split after 。 and ；. Numbered lines keep their numbers.
 */
export function sentences(text: string): string[] {
  return normalise(text)
    .split(/(?<=[。；])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

import type { Document, Block } from '../../src/model/document.ts';
import { plainText } from '../../src/model/document.ts';

/** The prose of one part (headings, paragraphs, list items; no tables or figures), as in the reference text. */
export function partProse(doc: Document, partId: string): string {
  const out: string[] = [];
  const visit = (b: Block) => {
    if (b.type === 'heading') out.push(`${b.number ?? ''}${b.separator}${b.text}`);
    else if (b.type === 'paragraph') out.push(plainText(b.content));
    else if (b.type === 'list') for (const i of b.items) out.push(`${i.label} ${plainText(i.content)}`);
  };
  for (const s of doc.sections) if (s.id === partId || s.id.startsWith(`${partId}-`)) s.blocks.forEach(visit);
  return out.join('\n');
}
