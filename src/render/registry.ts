// Output formats by name: a new format is one writer module plus one line here.
import type { Writer } from './writer.ts';

export const FORMATS = ['pdf', 'docx', 'md', 'json', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Writers load lazily: pdfmake, docx and echarts cost time to import and are not always needed. */
export async function writerFor(name: FormatName): Promise<Writer> {
  switch (name) {
    case 'pdf':
      return (await import('./pdf/index.ts')).writePdf;
    case 'docx':
      return (await import('./docx/index.ts')).writeDocx;
    case 'md':
      return (await import('./md/index.ts')).writeMarkdown;
    case 'json':
      return (await import('./json/index.ts')).writeJson;
    case 'html':
      return (await import('./html/index.ts')).writeHtml;
  }
}
