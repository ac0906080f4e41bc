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
 * unknown keys). A path that ends at a block map or list points at its key (the line a reader
 * looks for), a scalar at its value. When the path is absent (a missing required key), the
 * deepest existing ancestor's key is used.
 */
export function locate(source: SourceFile, path: DataPath, asKey = false): Position {
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let keyPos: Position | undefined;
  let valuePos: Position = node?.range ? positionOf(source, node.range[0]) : { line: 1, col: 1 };
  const ancestor = () => keyPos ?? valuePos;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return ancestor();
      const keyNode = pair.key as Node;
      const kp = keyNode.range ? positionOf(source, keyNode.range[0]) : undefined;
      if (last && asKey && kp) return kp;
      const value = pair.value as Node | null;
      keyPos = kp;
      valuePos = value?.range ? positionOf(source, value.range[0]) : (kp ?? valuePos);
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return ancestor();
      keyPos = undefined;
      if (item.range) valuePos = positionOf(source, item.range[0]);
      node = item;
    } else {
      return ancestor();
    }
  }
  if ((isMap(node) || isSeq(node)) && !node.flow && keyPos) return keyPos;
  return valuePos;
}
