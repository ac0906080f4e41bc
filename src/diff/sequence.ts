// Sequence diffs (Myers, from the `diff` package) over sentences, table rows and, within a changed
// sentence, over tokens — so that only the figures and words that changed are marked.
import { diffArrays } from 'diff';

/** One difference between two sequences; `modified` pairs a removed item with its rewrite. */
export type Edit<T> =
  | { readonly kind: 'removed'; readonly old: T }
  | { readonly kind: 'added'; readonly new: T }
  | { readonly kind: 'modified'; readonly old: T; readonly new: T };

/** Tokens: a number (with decimals, separators and %) is one token; other text goes char by char. */
export function tokens(s: string): string[] {
  return s.match(/\d+(?:[.,]\d+)*%?|[A-Za-z]+|\s+|./gsu) ?? [];
}

const NUMBER = /^\d+(?:[.,]\d+)*%?$/u;
export const isFigure = (s: string) => NUMBER.test(s);

/** Text with every figure replaced, to tell "same sentence, other numbers" apart. */
const skeleton = (s: string) => s.replace(/\d+(?:[.,]\d+)*%?/gu, '#');

/** Share of tokens two texts have in common (Dice coefficient over the token LCS), 0–1. */
export function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length + tb.length === 0) return 1;
  let common = 0;
  for (const part of diffArrays(ta, tb)) if (!part.added && !part.removed) common += part.count;
  return (2 * common) / (ta.length + tb.length);
}

/** Above this many candidate pairs in one hunk, only identical skeletons are paired (speed). */
const PAIRING_LIMIT = 400;

/**
 * The edits turning `olds` into `news`, compared by `key`. Within each run of removals and
 * additions, a removed item is paired with the added item it most resembles (same text apart
 * from figures, or at least half the tokens in common), in order, and reported as `modified`.
 */
export function sequenceEdits<T>(olds: readonly T[], news: readonly T[], key: (t: T) => string): Edit<T>[] {
  const parts = diffArrays([...olds], [...news], { comparator: (a, b) => key(a) === key(b) });
  const out: Edit<T>[] = [];
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    out.push(...pairUp(removed, added, key));
    removed = [];
    added = [];
  };
  for (const p of parts) {
    if (p.removed) removed.push(...p.value);
    else if (p.added) added.push(...p.value);
    else flush();
  }
  flush();
  return out;
}

const figureChange = (s: Segment) => s.kind === 'change' && isFigure(s.old.trim()) && isFigure(s.new.trim());

/**
 * Character diffs of reworded Chinese text come out in shreds ("〔缩 → 压〕减〔开 → 一般性〕支…");
 * a kept run of at most two characters between two word changes is folded into them, so the
 * change reads as a whole ("〔缩减开支 → 压减一般性支出〕"). Figure changes are never merged.
 */
function mergeIslands(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const prev = out[out.length - 1];
    const next = segs[i + 1];
    if (s.kind === 'same' && [...s.text].length <= 2 && prev?.kind === 'change' && next?.kind === 'change' && !figureChange(prev) && !figureChange(next)) {
      out[out.length - 1] = { kind: 'change', old: prev.old + s.text + next.old, new: prev.new + s.text + next.new };
      i++;
      continue;
    }
    if (s.kind === 'change' && prev?.kind === 'change' && !figureChange(prev) && !figureChange(s)) {
      out[out.length - 1] = { kind: 'change', old: prev.old + s.old, new: prev.new + s.new };
      continue;
    }
    out.push(s);
  }
  return out;
}

function pairUp<T>(removed: readonly T[], added: readonly T[], key: (t: T) => string): Edit<T>[] {
  if (removed.length === 0) return added.map((a) => ({ kind: 'added', new: a }));
  if (added.length === 0) return removed.map((r) => ({ kind: 'removed', old: r }));
  const full = removed.length * added.length <= PAIRING_LIMIT;
  const partner = new Map<number, number>(); // added index → removed index
  let from = 0;
  removed.forEach((r, ri) => {
    const rk = key(r);
    let best = -1;
    let bestScore = 0;
    for (let ai = from; ai < added.length; ai++) {
      const ak = key(added[ai]!);
      const score = skeleton(rk) === skeleton(ak) ? 2 : full ? similarity(rk, ak) : 0;
      if (score > bestScore) {
        best = ai;
        bestScore = score;
      }
      if (score === 2) break;
    }
    if (best >= 0 && bestScore >= 0.5) {
      partner.set(best, ri);
      from = best + 1;
    }
  });
  const out: Edit<T>[] = [];
  const pairedRemoved = new Set(partner.values());
  removed.forEach((r, ri) => {
    if (!pairedRemoved.has(ri)) out.push({ kind: 'removed', old: r });
  });
  added.forEach((a, ai) => {
    const ri = partner.get(ai);
    out.push(ri === undefined ? { kind: 'added', new: a } : { kind: 'modified', old: removed[ri]!, new: a });
  });
  return out;
}

/** A piece of a changed sentence: kept text, or a replaced / deleted / inserted run. */
export type Segment =
  | { readonly kind: 'same'; readonly text: string }
  | { readonly kind: 'change'; readonly old: string; readonly new: string };

/** The token-level difference of two versions of one sentence, as runs. */
export function inlineSegments(a: string, b: string): Segment[] {
  const out: Segment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del || ins) out.push({ kind: 'change', old: del, new: ins });
    del = '';
    ins = '';
  };
  for (const p of diffArrays(tokens(a), tokens(b))) {
    const text = p.value.join('');
    if (p.removed) del += text;
    else if (p.added) ins += text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'same') out[out.length - 1] = { kind: 'same', text: last.text + text };
      else out.push({ kind: 'same', text });
    }
  }
  flush();
  return mergeIslands(out);
}
