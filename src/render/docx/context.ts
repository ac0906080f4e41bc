// What the block converters share while one document is built: the model's styles, the 目录 targets
// with their bookmark names, the pre-rendered chart pictures, and counters for the ids Word needs
// unique (bookmarks, drawings). Counters live here, per build, rather than in docx's process-wide
// counters, so the same model always gives the same ids.
import type { Document, Section, TocEntry } from '../../model/document.ts';
import type { ChartPicture } from './figures.ts';
import { textWidthOf } from './page.ts';

export interface BuildContext {
  readonly doc: Document;
  /** 目录 entries by the id of the block they point to */
  readonly tocTargets: ReadonlyMap<string, readonly TocEntry[]>;
  /** bookmark name of each 目录 target id */
  readonly bookmarks: ReadonlyMap<string, string>;
  /** chart pictures by figure id */
  readonly pictures: ReadonlyMap<string, ChartPicture>;
  nextBookmarkId(): number;
  nextDrawingId(): number;
  /** true the first time it is asked for an id: a repeated id gets its bookmark only once */
  claimAnchor(id: string): boolean;
}

/** A build context narrowed to one section (its text width decides table and tab-stop widths). */
export interface SectionContext extends BuildContext {
  readonly orientation: Section['orientation'];
  readonly textWidth: number;
}

/** Every 目录 entry of the document, in order. */
function tocEntries(doc: Document): TocEntry[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'toc' ? b.entries : [])));
}

/**
 * A Word bookmark name for a target id: hidden (leading "_"), letters, digits and "_" only, at most
 * 40 characters, unique; numbered when the id does not fit.
 */
function bookmarkNames(ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const used = new Set<string>();
  ids.forEach((id, i) => {
    let name = `_Toc_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    if (name.length > 40 || used.has(name)) name = `_Toc_${i + 1}`;
    names.set(id, name);
    used.add(name);
  });
  return names;
}

export function createContext(doc: Document, pictures: ReadonlyMap<string, ChartPicture>): BuildContext {
  const tocTargets = new Map<string, TocEntry[]>();
  for (const e of tocEntries(doc)) {
    const list = tocTargets.get(e.target);
    if (list) list.push(e);
    else tocTargets.set(e.target, [e]);
  }
  let bookmarkId = 0;
  let drawingId = 0;
  const anchoredIds = new Set<string>();
  return {
    doc,
    tocTargets,
    bookmarks: bookmarkNames([...tocTargets.keys()]),
    pictures,
    nextBookmarkId: () => ++bookmarkId,
    nextDrawingId: () => ++drawingId,
    claimAnchor: (id) => !anchoredIds.has(id) && anchoredIds.add(id).has(id),
  };
}

export function sectionContext(ctx: BuildContext, orientation: Section['orientation']): SectionContext {
  return { ...ctx, orientation, textWidth: textWidthOf(orientation) };
}
