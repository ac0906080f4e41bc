// Reproducible packaging: the same model gives the same bytes, in one process or across processes.
//
// docx stamps the current time in two places: docProps/core.xml (created/modified, no option to
// set them) and the zip entries' DOS date/time (fflate's default mtime). The first is replaced by
// our own core.xml through Packer's `overrides`; the second is patched in the finished zip, in
// place, in both the local headers and the central directory (the CRCs cover the data only, so
// nothing else changes). The ids docx would take from process-wide counters (bookmarks, drawings)
// are chosen by the writer instead (see context.ts).
import type { Metadata } from '../../model/document.ts';

export class DocxPackageError extends Error {}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function checkedDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new DocxPackageError(`文档日期“${date}”不是 YYYY-MM-DD 格式，无法写入 Word 文档属性`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1980 || year > 2099 || month < 1 || month > 12 || day < 1 || day > 31) throw new DocxPackageError(`文档日期“${date}”超出范围（1980–2099 年）`);
  return { year, month, day };
}

/** Metadata beyond what the model has: the description (docx: `description`). */
export interface CoreExtras {
  readonly description?: string;
}

/** docProps/core.xml with the publication date as created and modified time. */
export function coreXml(meta: Metadata, extras: CoreExtras = {}): string {
  checkedDate(meta.date);
  const when = `${meta.date}T00:00:00Z`;
  const el = (name: string, value: string | undefined): string => (value === undefined || value === '' ? '' : `<${name}>${escapeXml(value)}</${name}>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', meta.title) +
    el('dc:subject', meta.subject) +
    el('dc:creator', meta.author) +
    el('cp:keywords', meta.keywords.join('; ')) +
    el('dc:description', extras.description) +
    el('dc:language', meta.language) +
    el('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** Set every entry's DOS modification time to 00:00 of `date` (YYYY-MM-DD). Returns the same array. */
export function fixZipDates(zip: Uint8Array, date: string): Uint8Array {
  const { year, month, day } = checkedDate(date);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // the end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB, at the end
  let eocd = -1;
  for (let i = zip.byteLength - 22; i >= Math.max(0, zip.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocxPackageError('生成的 Word 文件不是有效的 zip 包（找不到中央目录）');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new DocxPackageError('生成的 Word 文件的 zip 中央目录已损坏');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL_HEADER) throw new DocxPackageError('生成的 Word 文件的 zip 文件头已损坏');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
