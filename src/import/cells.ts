// Cells of an imported workbook, independent of ExcelJS: a rectangular grid per sheet, each
// cell with its address, its raw value (number / text) and whether it is the hidden part of a
// merged range. Plus the conversions every table reader needs: label text, amounts, codes.
import { Dec, parseDecimalText, roundHalfUp } from '../money/decimal.ts';

/** A cell value as the workbook stores it, reduced to what the importer understands. */
export type RawValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  /** a value the importer cannot use as a label or an amount (date, boolean, error, formula without result) */
  | { readonly kind: 'other'; readonly description: string };

export interface GridCell {
  /** 1-based */
  readonly row: number;
  /** 1-based */
  readonly col: number;
  /** A1-style address, e.g. "D12" */
  readonly address: string;
  /** the cell's own value; for the hidden part of a merged range, empty */
  readonly value: RawValue;
  /** the merged range's value (equal to `value` for an unmerged cell) — used for header labels */
  readonly shown: RawValue;
  /** true for every cell of a merged range except its top-left one */
  readonly slave: boolean;
}

export interface Sheet {
  readonly name: string;
  /** rows[r - 1][c - 1]; every row has `width` cells */
  readonly rows: readonly (readonly GridCell[])[];
  readonly width: number;
}

export function cellAt(sheet: Sheet, row: number, col: number): GridCell | undefined {
  return sheet.rows[row - 1]?.[col - 1];
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Text of a value as a reader sees it ("" for empty). Numbers as their shortest decimal form. */
export function rawText(v: RawValue): string {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'number':
      return String(v.value);
    case 'text':
      return v.value;
    case 'other':
      return '';
  }
}

/**
 * Label text normalised for matching: NFKC (full-width letters, digits and brackets become their
 * ASCII forms), all white space removed. "因公出国（境）费" and "因公出国 (境)费" compare equal.
 */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');
}

export function labelOf(cell: GridCell | undefined, useShown = true): string {
  if (!cell) return '';
  return norm(rawText(useShown ? cell.shown : cell.value));
}

/** A name as printed, with line breaks from wrapped cells removed. */
export function cleanName(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, '').replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

// ---- amounts ---------------------------------------------------------------------------------

export type AmountResult =
  | { readonly kind: 'blank' }
  /** `text` has exactly two decimals; `rounded` is set when the cell carried more than two */
  | { readonly kind: 'amount'; readonly text: string; readonly rounded?: string }
  | { readonly kind: 'bad'; readonly shown: string };

/** "-", "—", "－" and the like stand for an empty cell in exported reports. */
const DASHES = /^[-—–－‐]+$/u;

/**
 * Read an amount (万元) from a cell.
 *
 * Number cells: ExcelJS hands over a binary double. We take `String(n)` — the shortest decimal
 * text that reads back as the same double, which is what Excel shows for values of up to 15
 * significant digits — and parse that text as an exact decimal, then round half up to 2
 * places on the decimal. Never `n.toFixed(2)`: it rounds the binary value, so 2.675 (stored as
 * 2.67499999…) would become 2.67 while the sheet shows 2.68. No float arithmetic happens at all.
 *
 * Text cells: thousands separators ("3,411.33"), full-width digits and surrounding spaces are
 * accepted; anything else that is not a plain number is reported.
 */
export function readAmount(cell: GridCell | undefined): AmountResult {
  if (!cell || cell.slave) return { kind: 'blank' };
  const v = cell.value;
  if (v.kind === 'empty') return { kind: 'blank' };
  if (v.kind === 'other') return { kind: 'bad', shown: v.description };
  if (v.kind === 'number') {
    if (!Number.isFinite(v.value)) return { kind: 'bad', shown: String(v.value) };
    return fromDecimalText(String(v.value), String(v.value));
  }
  const t = v.value.normalize('NFKC').replace(/[\s\u00a0]+/g, '');
  if (t === '' || DASHES.test(t)) return { kind: 'blank' };
  return fromDecimalText(t, v.value.trim());
}

function fromDecimalText(t: string, shown: string): AmountResult {
  let value: Dec;
  // String(n) may give exponent notation for very small or large numbers ("1e-7")
  if (/^[+-]?\d+(?:\.\d+)?e[+-]?\d+$/i.test(t)) value = new Dec(t);
  else {
    const parsed = parseDecimalText(t);
    if (!parsed) return { kind: 'bad', shown };
    value = parsed.value;
  }
  const r = roundHalfUp(value, 2);
  const text = r.isZero() ? '0.00' : r.toFixed(2);
  return r.equals(value) ? { kind: 'amount', text } : { kind: 'amount', text, rounded: shown };
}

// ---- codes -----------------------------------------------------------------------------------

/** Function codes: 类 3 digits, 款 5, 项 7. Economic codes: 3 or 5. */
export const FUNCTION_CODE = /^\d{3}(?:\d{2}){0,2}$/;
export const ECONOMIC_CODE = /^\d{3}(?:\d{2})?$/;

/**
 * A cell that holds a code, or a code followed by its name in the same cell
 * ("201 一般公共服务支出"). Number cells count when they hold an integer (2012901 stored as a
 * number). Returns undefined when the cell does not start with digits.
 */
export function readCode(cell: GridCell | undefined): { digits: string; name?: string } | undefined {
  if (!cell || cell.slave) return undefined;
  const v = cell.value;
  if (v.kind === 'number') return Number.isInteger(v.value) && v.value >= 0 ? { digits: String(v.value) } : undefined;
  if (v.kind !== 'text') return undefined;
  const t = v.value.normalize('NFKC').trim();
  const m = /^(\d+)(?:[\s.、]*([^\d\s].*))?$/su.exec(t);
  if (!m) return undefined;
  const name = m[2] ? cleanName(m[2]) : undefined;
  return name ? { digits: m[1]!, name } : { digits: m[1]! };
}

export function isEmpty(cell: GridCell | undefined): boolean {
  return !cell || cell.slave || cell.value.kind === 'empty' || (cell.value.kind === 'text' && norm(cell.value.value) === '');
}

/** Strip an ordinal prefix such as "一、", "二十六、", "（一）", "1." from a row label. */
export function stripOrdinal(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.])/u, '');
}

/** An amount ready for the data file: exact text with two decimals (written unquoted). */
export class Money {
  constructor(readonly text: string) {}
  isZero(): boolean {
    return /^0\.00$/.test(this.text);
  }
}
