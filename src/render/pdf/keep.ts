// Keep-with-next: headings, table caption lines and charts carry a `headlineLevel`; pdfmake calls
// `pageBreakBefore` for each laid-out node and, when it answers true, breaks the page before that
// node and lays the document out again. A marked node breaks when nothing but other marked nodes
// follows it on its page, something precedes it there, and there is content on the next page.
// (Each break costs one more layout pass; only orphaned headings trigger one.)
//
// Table cells need care: pdfmake lays out each table row (dontBreakRows), the header rows with
// the first body row (keepWithHeaderRows) and the row groups of forms (./groups.ts) as
// unbreakable blocks, and the recorded positions of nodes inside such a block keep the page it
// was first tried on when the block moves to the next page. Only nodes with an `id` have their
// first position corrected. So table cells count as content only through the table's first body
// cell, which carries an id (see ./tables.ts); pdfmake keeps the header rows and the first body
// row together.
import type { Node, NodeQueries } from 'pdfmake/interfaces.js';

/** headlineLevel of table caption lines and charts (headings use their level, 1–3). */
export const KEEP_WITH_NEXT = 9;

/** Style name that marks folio (footer) nodes, which are not content. */
export const FOLIO_STYLE = 'folio';

/** Style name that marks table cells. */
export const CELL_STYLE = 'cell';

/** Style names used only as marks (registered as empty styles). */
export const MARK_STYLES = [FOLIO_STYLE, CELL_STYLE] as const;

const hasStyle = (n: Node, style: string): boolean => n.style === style || (Array.isArray(n.style) && n.style.includes(style));

/** A node that prints something itself (not a container — stack, columns, table —, not a folio). */
function isLeaf(n: Node): boolean {
  return !hasStyle(n, FOLIO_STYLE) && n.stack !== true && n.columns === undefined && n.table === undefined;
}

/** A leaf that is content on `page` (not itself kept with what follows). */
function isContentOn(n: Node, page: number): boolean {
  if (!isLeaf(n) || n.headlineLevel !== undefined) return false;
  if (hasStyle(n, CELL_STYLE)) return n.id !== undefined && n.startPosition.pageNumber === page;
  return true;
}

export function pageBreakBefore(node: Node, q: NodeQueries): boolean {
  if (node.headlineLevel === undefined || hasStyle(node, FOLIO_STYLE)) return false;
  const page = node.startPosition.pageNumber;
  if (q.getFollowingNodesOnPage().some((n) => isContentOn(n, page))) return false;
  if (!q.getPreviousNodesOnPage().some(isLeaf)) return false;
  return q.getNodesOnNextPage().some((n) => isContentOn(n, page + 1));
}
