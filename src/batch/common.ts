// Small helpers shared by the `batch` and `watch` commands (and the bench script): option
// parsing, output names, PDF page counts, column layout for CJK text.
import path from 'node:path';
import { FORMATS, type FormatName } from '../render/registry.ts';

/** Extensions of department-year data files. */
export const DATA_FILE = /\.(ya?ml|json)$/iu;

/** "pdf,docx" → ['pdf', 'docx']; undefined names are returned in `unknown`. */
export function parseFormats(list: string): { formats: FormatName[]; unknown: string[] } {
  const names = [...new Set(list.split(',').map((s) => s.trim()).filter(Boolean))];
  const unknown = names.filter((f) => !(FORMATS as readonly string[]).includes(f));
  return { formats: names.filter((f): f is FormatName => !unknown.includes(f)), unknown };
}

/** The usage message for a bad --format value. */
export function formatsUsage(list: string, unknown: readonly string[]): string {
  return `不支持的输出格式“${unknown.join('、') || list}”，可选：${FORMATS.join('、')}\n`;
}

/** Output file base name of a data file, as `build` names it: data/x-2024.yaml → x-2024. */
export function outputBase(file: string): string {
  return path.basename(file).replace(DATA_FILE, '');
}

/**
 * Page count of a PDF without parsing it: count the page objects (`/Type /Page`, not `/Pages`).
 * pdfkit writes every object uncompressed (no object streams), so the dictionary keys are
 * visible in the bytes.
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/** Local wall-clock time, HH:mm:ss. */
export function clock(d = new Date()): string {
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Width of a string in terminal columns: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/** Lay out rows as aligned columns (first row is the header), for the terminal. */
export function textTable(rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(c));
        return rightAligned.has(i) ? pad + c : i === r.length - 1 ? c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const [head, ...body] = rows;
  if (!head) return '';
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n') + '\n';
}

/** One CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text for Excel: UTF-8 with a byte-order mark (so Chinese shows correctly), CRLF lines. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
