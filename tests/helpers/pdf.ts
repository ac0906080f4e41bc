// Inspecting PDFs with poppler-utils (pdftotext, pdfinfo, pdffonts, pdftohtml), as a reader's
// tools see them. CI installs poppler-utils; a missing binary fails the test loudly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Write bytes to a fresh temporary directory; returns the file's path. */
export function writeTemp(data: Uint8Array | string, name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'juesuan-pdf-'));
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

export interface PageRange {
  readonly first?: number;
  readonly last?: number;
}

const range = (r: PageRange): string[] => [...(r.first !== undefined ? ['-f', String(r.first)] : []), ...(r.last !== undefined ? ['-l', String(r.last)] : [])];

/** Extracted text (`pdftotext`, with `-layout` unless `raw`). */
export function pdfText(file: string, opts: PageRange & { raw?: boolean } = {}): string {
  return run('pdftotext', [...(opts.raw ? [] : ['-layout']), ...range(opts), file, '-']);
}

/** Text of each page, 1-based (index 0 unused). */
export function pdfPages(file: string): string[] {
  const n = pdfPageCount(file);
  const pages = [''];
  for (let p = 1; p <= n; p++) pages.push(pdfText(file, { first: p, last: p }));
  return pages;
}

/** `pdfinfo` fields (Title, Author, Pages, …). */
export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export function pdfPageCount(file: string): number {
  return Number(pdfInfo(file).Pages);
}

/** Page sizes in points, 1-based (index 0 unused). */
export function pdfPageSizes(file: string): Array<{ width: number; height: number }> {
  const out = run('pdfinfo', ['-f', '1', '-l', String(pdfPageCount(file)), file]);
  const sizes = [{ width: 0, height: 0 }];
  for (const m of out.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) sizes[Number(m[1])] = { width: Number(m[2]), height: Number(m[3]) };
  return sizes;
}

export interface FontRow {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
}

/** `pdffonts` rows. */
export function pdfFonts(file: string): FontRow[] {
  const lines = run('pdffonts', [file]).split('\n');
  const rule = lines.findIndex((l) => l.startsWith('---'));
  return lines
    .slice(rule + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object id
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`unexpected pdffonts line: ${l}`);
      return { name: m[1]!, type: m[2]!, embedded: m[4] === 'yes', subset: m[5] === 'yes' };
    });
}

export interface OutlineEntry {
  readonly title: string;
  readonly page: number;
  readonly children: OutlineEntry[];
}

/** The document outline (bookmarks) with target pages, as `pdftohtml -xml` resolves it. */
export function pdfOutline(file: string): OutlineEntry[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', file]);
  const tokens = [...xml.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)];
  let i = 0;
  // list := '<outline>' (item | list)* '</outline>'; a nested list holds the previous item's children
  const list = (): OutlineEntry[] => {
    const entries: OutlineEntry[] = [];
    i++; // '<outline>'
    while (i < tokens.length && tokens[i]![0] !== '</outline>') {
      const t = tokens[i]!;
      if (t[0] === '<outline>') {
        const children = list();
        entries[entries.length - 1]?.children.push(...children);
      } else {
        entries.push({ title: decodeXml(t[2]!), page: Number(t[1]), children: [] });
        i++;
      }
    }
    i++; // '</outline>'
    return entries;
  };
  return tokens.length > 0 && tokens[0]![0] === '<outline>' ? list() : [];
}

const decodeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** The words of each page with their boxes (`pdftotext -bbox`, points from the top left), 1-based. */
export function pdfWords(file: string): Word[][] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  const pages: Word[][] = [[]];
  for (const page of html.split(/<page\b/).slice(1)) {
    pages.push(
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: decodeXml(m[5]!),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
  }
  return pages;
}
