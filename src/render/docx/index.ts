// The DOCX writer: document model → editable Word booklet.
//
// Pipeline: render the charts to PNG (figures.ts, async, cached) → build the docx object tree
// (buildDocx: styles.ts, sections.ts → blocks.ts → paragraphs/tables/figures/toc.ts) → pack it
// (docx's Packer) → make the bytes reproducible (package.ts).
//
// The writer only lays out: every string comes from the model, no figure is computed.
import { Document as DocxDocument, Packer } from 'docx';
import type { Document } from '../../model/document.ts';
import type { Writer } from '../writer.ts';
import { createContext } from './context.ts';
import { renderPictures, type ChartPicture } from './figures.ts';
import { coreXml, fixZipDates } from './package.ts';
import { bookSections, coverSection } from './sections.ts';
import { buildStyles } from './styles.ts';

/** The docx object tree of a booklet (charts already rendered, by figure id). */
export function buildDocx(doc: Document, pictures: ReadonlyMap<string, ChartPicture>): DocxDocument {
  const ctx = createContext(doc, pictures);
  const meta = doc.metadata;
  return new DocxDocument({
    title: meta.title,
    subject: meta.subject,
    creator: meta.author,
    keywords: meta.keywords.join('; '),
    ...(doc.cover.subtitle === undefined ? {} : { description: doc.cover.subtitle }),
    lastModifiedBy: meta.author,
    revision: 1,
    // Word offers to update the fields on opening: the 目录 gets its page numbers
    features: { updateFields: true },
    styles: buildStyles(doc),
    sections: [coverSection(doc.cover), ...bookSections(ctx, doc.sections)],
  });
}

/** Pack a built booklet into reproducible .docx bytes. */
export async function packDocx(doc: Document, file: DocxDocument): Promise<Uint8Array> {
  const core = coreXml(doc.metadata, doc.cover.subtitle === undefined ? {} : { description: doc.cover.subtitle });
  const zip = await Packer.pack(file, 'uint8array', false, [{ path: 'docProps/core.xml', data: core }]);
  return fixZipDates(zip, doc.metadata.date);
}

export const writeDocx: Writer = async (doc) => {
  const pictures = await renderPictures(doc);
  const data = await packDocx(doc, buildDocx(doc, pictures));
  return { extension: 'docx', data };
};
