// Finding the nine 公开表 in a workbook by their titles, and reading a table's header block into
// one label path per column. Nothing here depends on cell addresses or sheet names: a table is
// wherever its title is (confirmed by its header texts), a column is wherever its label is.
import { cellAt, isEmpty, labelOf, norm, rawText, type GridCell, type Sheet } from './cells.ts';

export type TableKey = 't01' | 't02' | 't03' | 't04' | 't05' | 't06' | 't07' | 't08' | 't09';
export const TABLE_KEYS: readonly TableKey[] = ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08', 't09'];

export interface TableInfo {
  /** the table's name as printed in the 2024 format, without the year */
  readonly name: string;
  /** number in the 2024 format */
  readonly number: string;
  /** t01–t06 must be in the workbook; t07–t09 may be left out when the department has no data */
  readonly required: boolean;
  /** tested, in TITLE_ORDER, on the normalised title without year and table number */
  readonly title: RegExp;
  /** header texts that must appear below the title: every group needs one of its labels */
  readonly signature: readonly (readonly string[])[];
}

export const TABLES: Readonly<Record<TableKey, TableInfo>> = {
  t01: { name: '收入支出决算总表', number: '公开01表', required: true, title: /收入支出决算总表$/, signature: [['行次', '项目']] },
  t02: { name: '收入决算表', number: '公开02表', required: true, title: /收入决算表$/, signature: [['本年收入合计']] },
  t03: { name: '支出决算表', number: '公开03表', required: true, title: /支出决算表$/, signature: [['本年支出合计']] },
  t04: { name: '财政拨款收入支出决算总表', number: '公开04表', required: true, title: /财政拨款收入支出决算总表$/, signature: [['行次', '项目']] },
  t05: { name: '一般公共预算财政拨款支出决算表', number: '公开05表', required: true, title: /一般公共预算财政拨款支出决算表$/, signature: [['基本支出'], ['项目支出']] },
  t06: { name: '一般公共预算财政拨款基本支出决算明细表', number: '公开06表', required: true, title: /基本支出决算(?:明细)?表$/, signature: [['人员经费'], ['公用经费']] },
  t07: { name: '政府性基金预算财政拨款收入支出决算表', number: '公开07表', required: false, title: /政府性基金预算财政拨款收入支出决算表$/, signature: [['年初结转和结余']] },
  t08: { name: '国有资本经营预算财政拨款支出决算表', number: '公开08表', required: false, title: /国有资本经营预算财政拨款支出决算表$/, signature: [['基本支出'], ['项目支出']] },
  t09: { name: '财政拨款“三公”经费支出决算表', number: '公开09表', required: false, title: /三公.?经费支出(?:预)?决算表$/, signature: [['预算数'], ['决算数']] },
};

/** Most specific first: "财政拨款收入支出决算总表" also ends with "收入支出决算总表", etc. */
const TITLE_ORDER: readonly TableKey[] = ['t04', 't01', 't07', 't08', 't09', 't06', 't05', 't02', 't03'];

export interface TitleMatch {
  readonly key: TableKey;
  readonly year?: number;
  /** table number printed in the title, e.g. "表2" from "…收入决算表（表2）" */
  readonly number?: string;
}

/** Table number as printed on its own: "公开02表" (2024) or "表2" (2020). */
const NUMBER_CELL = /^(?:公开\d{1,2}表|表\d{1,2})$/;

export function matchTitle(text: string): TitleMatch | undefined {
  let t = norm(text);
  if (t.length < 5 || t.length > 80 || t.startsWith('注') || !t.includes('决算')) return undefined;
  let number: string | undefined;
  const suffix = /\(((?:公开)?\d{1,2}表|表\d{1,2})\)$|((?:公开)\d{1,2}表)$/.exec(t);
  if (suffix) {
    number = suffix[1] ?? suffix[2];
    t = t.slice(0, suffix.index);
  }
  const key = TITLE_ORDER.find((k) => TABLES[k].title.test(t));
  if (!key) return undefined;
  const y = /(\d{4})年/.exec(t);
  return { key, ...(y ? { year: Number(y[1]) } : {}), ...(number ? { number } : {}) };
}

/** One table found in a sheet: from its title row to the row before the next title (or the end). */
export interface Segment {
  readonly sheet: Sheet;
  readonly key: TableKey;
  readonly titleCell: GridCell;
  /** first row after the title */
  readonly start: number;
  /** last row (inclusive) */
  readonly end: number;
  readonly year?: number;
  readonly number?: string;
  /** "部门：…" text near the title */
  readonly department?: string;
  /** "单位：…" cell near the title */
  readonly unitCell?: GridCell;
}

export interface SheetScan {
  readonly segments: Segment[];
  /** titles that were found but not followed by the table's header (e.g. a table of contents) */
  readonly unconfirmed: { readonly key: TableKey; readonly cell: GridCell }[];
}

const SIGNATURE_WINDOW = 12;

export function scanSheet(sheet: Sheet): SheetScan {
  const candidates: { cell: GridCell; match: TitleMatch }[] = [];
  for (const row of sheet.rows) {
    for (const cell of row) {
      if (cell.slave || cell.value.kind !== 'text') continue;
      const match = matchTitle(cell.value.value);
      if (match) {
        candidates.push({ cell, match });
        break; // one title per row
      }
    }
  }
  const confirmed: { cell: GridCell; match: TitleMatch }[] = [];
  const unconfirmed: SheetScan['unconfirmed'] = [];
  for (const c of candidates) {
    if (hasSignature(sheet, c.cell.row, TABLES[c.match.key].signature)) confirmed.push(c);
    else unconfirmed.push({ key: c.match.key, cell: c.cell });
  }
  const segments = confirmed.map((c, i): Segment => {
    const end = (confirmed[i + 1]?.cell.row ?? sheet.rows.length + 1) - 1;
    const start = c.cell.row + 1;
    const near = rowsBetween(sheet, c.cell.row, Math.min(end, c.cell.row + 5));
    let number = c.match.number;
    let department: string | undefined;
    let unitCell: GridCell | undefined;
    for (const cell of near) {
      const l = labelOf(cell, false);
      if (!number && NUMBER_CELL.test(l)) number = l;
      const dept = /^(?:部门|编制单位|单位名称)[:：](.*)$/.exec(rawText(cell.value).trim().normalize('NFKC'));
      if (dept && !department && dept[1]!.trim()) department = dept[1]!.trim();
      if (!unitCell && /(?:^|[^部])单位[:：]/.test(l) && !/^部门|编制单位|单位名称/.test(l)) unitCell = cell;
    }
    return {
      sheet,
      key: c.match.key,
      titleCell: c.cell,
      start,
      end,
      ...(c.match.year ? { year: c.match.year } : {}),
      ...(number ? { number } : {}),
      ...(department ? { department } : {}),
      ...(unitCell ? { unitCell } : {}),
    };
  });
  return { segments, unconfirmed };
}

function rowsBetween(sheet: Sheet, from: number, to: number): GridCell[] {
  const out: GridCell[] = [];
  for (let r = from; r <= to; r++) for (const c of sheet.rows[r - 1] ?? []) if (!c.slave && c.value.kind !== 'empty') out.push(c);
  return out;
}

function hasSignature(sheet: Sheet, titleRow: number, signature: TableInfo['signature']): boolean {
  const labels = rowsBetween(sheet, titleRow + 1, titleRow + SIGNATURE_WINDOW).map((c) => labelOf(c, false));
  return signature.every((group) => group.some((g) => labels.some((l) => l.includes(g))));
}

// ---- rows ---------------------------------------------------------------------------------------

/** Non-empty own cells of a row (hidden parts of merged ranges left out). */
export function cellsOf(sheet: Sheet, row: number, from = 1, to = sheet.width): GridCell[] {
  const out: GridCell[] = [];
  for (let c = from; c <= to; c++) {
    const cell = cellAt(sheet, row, c);
    if (cell && !isEmpty(cell)) out.push(cell);
  }
  return out;
}

/** "注：本表反映…" ends a table. */
export function isNoteRow(sheet: Sheet, row: number): boolean {
  const first = cellsOf(sheet, row)[0];
  return !!first && /^注[:：]/.test(labelOf(first, false));
}

/** 部门／单位／表号 lines between the title and the header. */
export function isMetaRow(sheet: Sheet, row: number): boolean {
  const cells = cellsOf(sheet, row);
  return cells.length > 0 && cells.every((c) => /^(?:部门|编制单位|单位|金额单位|公开\d+表|表\d+)/.test(labelOf(c, false)) || NUMBER_CELL.test(labelOf(c, false)));
}

// ---- headers ------------------------------------------------------------------------------------

export interface ColumnHeader {
  readonly col: number;
  /** distinct labels from the top header row down */
  readonly path: readonly string[];
  /** the lowest label that names the column (栏次 numbers and 类/款/项 left out) */
  readonly leaf: string;
}

/** Labels that number or subdivide columns rather than name them. */
const NOT_A_NAME = /^(?:栏次|次|\d{1,2}|类|款|项)$/;

/**
 * One label path per column from the header rows. Merged ranges already give every covered
 * cell the range's text; for sheets exported without merges, an empty cell of an upper header
 * row takes the text on its left when the column has labels further down (a group header such
 * as 预算数 above its sub-columns). A blank extra column has nothing below and stays empty.
 */
export function columnHeaders(sheet: Sheet, headerRows: readonly number[]): ColumnHeader[] {
  const grid = headerRows.map((r) => Array.from({ length: sheet.width }, (_, i) => labelOf(cellAt(sheet, r, i + 1))));
  // an inserted blank column (nothing in any header row) is looked through
  const blank = Array.from({ length: sheet.width }, (_, c) => grid.every((l) => l[c] === ''));
  for (let i = 0; i < grid.length - 1; i++) {
    const line = grid[i]!;
    for (let c = 1; c < sheet.width; c++) {
      if (line[c] !== '') continue;
      let left = c - 1;
      while (left > 0 && blank[left]) left--;
      if (line[left] === '' || blank[left]) continue;
      const below = grid.slice(i + 1).some((l) => l[c] !== '' && !NOT_A_NAME.test(l[c]!));
      if (below) line[c] = line[left]!;
    }
  }
  const out: ColumnHeader[] = [];
  for (let c = 0; c < sheet.width; c++) {
    const path: string[] = [];
    for (const line of grid) {
      const l = line[c]!;
      if (l && path[path.length - 1] !== l) path.push(l);
    }
    const names = path.filter((l) => !NOT_A_NAME.test(l));
    out.push({ col: c + 1, path, leaf: names[names.length - 1] ?? '' });
  }
  return out;
}

export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** any of these in the leaf (preferred) or anywhere in the path */
  readonly labels: readonly string[];
  readonly exclude?: RegExp;
}

/**
 * Assign columns to keys by their labels: each column goes to the key whose label it matches
 * best (a match in the leaf beats one in a group header; a longer label beats a shorter one);
 * each key takes the leftmost column assigned to it.
 */
export function mapColumns<K extends string>(headers: readonly ColumnHeader[], specs: readonly ColumnSpec<K>[], from = 1, to = Infinity): Map<K, number> {
  const result = new Map<K, number>();
  for (const h of headers) {
    if (h.col < from || h.col > to) continue;
    let best: { key: K; score: number } | undefined;
    const joined = h.path.join('/');
    for (const s of specs) {
      if (s.exclude && s.exclude.test(h.leaf)) continue;
      for (const l of s.labels) {
        const score = h.leaf.includes(l) ? 1000 + l.length : joined.includes(l) ? l.length : 0;
        if (score > (best?.score ?? 0)) best = { key: s.key, score };
      }
    }
    if (best && !result.has(best.key)) result.set(best.key, h.col);
  }
  return result;
}

