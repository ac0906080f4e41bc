// Reading a data file while keeping positions: YAML (and JSON, which YAML 1.2 parses) through the
// `yaml` package's Document + LineCounter, so any data path maps back to file:line:col.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, visit, type Document, type Node } from 'yaml';
import type { DataPath } from '../diagnostics/diagnostic.ts';

export interface SourceFile {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

export interface Position {
  readonly line: number;
  readonly col: number;
}

export interface SyntaxProblem {
  readonly message: string;
  readonly code: string;
  readonly position: Position;
}

/**
 * Parse YAML/JSON text. Numbers are handed on as their exact source text ("98.60", "2012901"),
 * so no amount ever passes through a binary float and codes keep their leading digits.
 */
export function parseSource(file: string, text: string): { source: SourceFile; problems: SyntaxProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: SyntaxProblem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const p = lines.linePos(e.pos[0]);
    problems.push({ message: e.message.split('\n')[0]!, code: e.code, position: { line: p.line, col: p.col } });
  }
  if (problems.length === 0) {
    visit(doc, {
      Scalar(_key, node) {
        if (typeof node.value === 'number' && node.range) {
          node.value = text.slice(node.range[0], node.range[1]).trim();
        }
      },
    });
  }
  return { source: { file, text, doc, lines }, problems };
}

function positionOf(source: SourceFile, offset: number): Position {
  const p = source.lines.linePos(offset);
  return { line: p.line, col: p.col };
}

/**
 * Where a data path is in the file. `asKey` points at the key of the last segment (used for
 * unknown keys). Falls back to the deepest existing ancestor when the path is absent.
 */
export function locate(source: SourceFile, path: DataPath, asKey = false): Position {
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let best: Position = { line: 1, col: 1 };
  if (node?.range) best = positionOf(source, node.range[0]);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      const keyNode = pair.key as Node;
      if (last && asKey && keyNode.range) return positionOf(source, keyNode.range[0]);
      const value = pair.value as Node | null;
      if (value?.range) best = positionOf(source, value.range[0]);
      else if (keyNode.range) best = positionOf(source, keyNode.range[0]);
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return best;
      if (item.range) best = positionOf(source, item.range[0]);
      node = item;
    } else {
      return best;
    }
  }
  return best;
}
