// Read the parts of a .docx (a zip) in tests, with node's zlib only: walk the central directory,
// inflate each entry.
import { inflateRawSync } from 'node:zlib';

/** Every file of a zip by path (text and binary alike, as bytes). */
export function unzip(zip: Uint8Array): Map<string, Uint8Array> {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + compressedSize);
    files.set(name, method === 0 ? new Uint8Array(raw) : new Uint8Array(inflateRawSync(raw)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** A text part of a .docx (e.g. "word/document.xml"). */
export function docxPart(docx: Uint8Array, path: string): string {
  const part = unzip(docx).get(path);
  if (part === undefined) throw new Error(`no ${path} in the package`);
  return Buffer.from(part).toString('utf8');
}

/** The DOS date/time words of every entry (local header and central directory), for reproducibility checks. */
export function zipDates(zip: Uint8Array): number[] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: number[] = [];
  for (let i = 0; i + 4 <= buf.length; i++) {
    const sig = buf.readUInt32LE(i);
    if (sig === 0x04034b50) out.push(buf.readUInt32LE(i + 10));
    else if (sig === 0x02014b50) out.push(buf.readUInt32LE(i + 12));
  }
  return out;
}
