// Reading the function-classification tables (公开02/03/05/07/08): value columns by their header
// labels, codes and names from the columns to their left, the 合计 row, one row per code.
import { cellAt, cleanName, FUNCTION_CODE, labelOf, rawText, readCode, type GridCell, type Money } from './cells.ts';
import { cellsOf, columnHeaders, isMetaRow, isNoteRow, mapColumns, TABLES, type ColumnSpec, type Segment } from './locate.ts';
import { amountAt, hasAmount } from './read-common.ts';
import type { Problems } from './report.ts';

export type FnKey = 't02' | 't03' | 't05' | 't07' | 't08';

const BASIC = { key: 'basic', labels: ['基本支出'] } as const;
const PROJECT = { key: 'project', labels: ['项目支出'] } as const;
/** 本年支出 with sub-columns 小计/合计 | 基本支出 | 项目支出 */
const SPENT_TOTAL = { key: 'total', labels: ['小计', '合计', '本年支出'] } as const;

export const FN_COLUMNS: Readonly<Record<FnKey, readonly ColumnSpec<string>[]>> = {
  t02: [
    { key: 'total', labels: ['本年收入合计'] },
    { key: 'fiscal', labels: ['财政拨款收入'] },
    { key: 'superior', labels: ['上级补助收入'] },
    { key: 'business', labels: ['事业收入'] },
    { key: 'operating', labels: ['经营收入'] },
    { key: 'affiliated', labels: ['附属单位上缴收入'] },
    { key: 'other', labels: ['其他收入'] },
  ],
  t03: [
    { key: 'total', labels: ['本年支出合计'] },
    BASIC,
    PROJECT,
    { key: 'toSuperior', labels: ['上缴上级支出'] },
    { key: 'operating', labels: ['经营支出'] },
    { key: 'toAffiliated', labels: ['对附属单位补助支出'] },
  ],
  t05: [SPENT_TOTAL, BASIC, PROJECT],
  t07: [
    { key: 'opening', labels: ['年初结转和结余'] },
    { key: 'income', labels: ['本年收入'] },
    SPENT_TOTAL,
    BASIC,
    PROJECT,
    { key: 'closing', labels: ['年末结转和结余'] },
  ],
  t08: [SPENT_TOTAL, BASIC, PROJECT],
};

export interface FnRowOut {
  readonly code: string;
  readonly name: string;
  readonly [column: string]: string | Money;
}

export interface FnTableOut {
  total?: Record<string, Money>;
  rows: FnRowOut[];
}

const TOTAL_LABEL = /^(?:合计|总计)$/;

/** The first row of the body: a code in its first cell, or the 合计 row. */
function firstBodyRow(seg: Segment): number | undefined {
  for (let r = seg.start; r <= seg.end; r++) {
    if (isNoteRow(seg.sheet, r)) return undefined;
    const first = cellsOf(seg.sheet, r)[0];
    if (!first) continue;
    if (TOTAL_LABEL.test(labelOf(first, false))) return r;
    const code = readCode(first);
    if (code && code.digits.length >= 3) return r;
  }
  return undefined;
}

export function headerRowsOf(seg: Segment, bodyStart: number | undefined): number[] {
  const last = (bodyStart ?? Math.min(seg.end + 1, seg.start + 8)) - 1;
  const rows: number[] = [];
  for (let r = seg.start; r <= last; r++) if (!isMetaRow(seg.sheet, r) && !isNoteRow(seg.sheet, r)) rows.push(r);
  return rows;
}

export function readFnTable(seg: Segment, key: FnKey, problems: Problems): FnTableOut | undefined {
  const sheet = seg.sheet;
  const bodyStart = firstBodyRow(seg);
  const headers = columnHeaders(sheet, headerRowsOf(seg, bodyStart));
  const specs = FN_COLUMNS[key];
  const cols = mapColumns(headers, specs);
  const missing = specs.filter((s) => !cols.has(s.key));
  if (missing.length) {
    problems.error(`${TABLES[key].name}：表头中未找到${missing.map((s) => `“${s.labels[0]}”`).join('、')}列`);
    return undefined;
  }
  const firstValueCol = Math.min(...cols.values());
  const out: FnTableOut = { rows: [] };
  if (bodyStart === undefined) return out;
  const ordered = (): FnTableOut => (out.total ? { total: out.total, rows: out.rows } : { rows: out.rows });

  for (let r = bodyStart; r <= seg.end; r++) {
    if (isNoteRow(sheet, r)) break;
    const labels = cellsOf(sheet, r, 1, firstValueCol - 1);
    const valueCells = specs.map((s) => cellAt(sheet, r, cols.get(s.key)!));
    const anyAmount = valueCells.some(hasAmount);
    const first = labels[0];
    if (!first) {
      if (anyAmount) problems.error('这一行有金额，但没有科目编码和科目名称', valueCells.find(hasAmount));
      continue;
    }
    const readValues = (): Record<string, Money> => {
      const v: Record<string, Money> = {};
      for (const s of specs) {
        const m = amountAt(sheet, r, cols.get(s.key), problems);
        if (m) v[s.key] = m;
      }
      return v;
    };
    const firstLabel = labelOf(first, false);
    if (TOTAL_LABEL.test(firstLabel)) {
      const v = readValues();
      if (out.total) {
        if (Object.keys(v).length) problems.error('出现了第二个“合计”行', first);
      } else if (Object.keys(v).length) out.total = v;
      continue;
    }
    const code = readCode(first);
    if (code) {
      let digits = code.digits;
      let name = code.name;
      let rest = labels.slice(1);
      // 类 | 款 | 项 in separate cells: "201" "29" "01"
      if (!name && digits.length === 3) {
        while (rest.length && digits.length < 7 && /^\d{2}$/.test(labelOf(rest[0], false))) {
          digits += labelOf(rest[0], false);
          rest = rest.slice(1);
        }
      }
      if (!FUNCTION_CODE.test(digits)) {
        problems.error(`无法识别的科目编码“${rawText(first.value).trim()}”（功能分类科目编码应为 3、5 或 7 位数字）`, first);
        continue;
      }
      if (!name) name = nameFrom(rest);
      if (!name) {
        problems.error(`科目 ${digits} 没有科目名称`, first);
        continue;
      }
      out.rows.push({ code: digits, name, ...readValues() });
      continue;
    }
    if (/^栏次/.test(firstLabel)) continue;
    if (anyAmount) problems.error(`“${cleanName(rawText(first.value))}”这一行有金额，但没有科目编码`, first);
  }
  return ordered();
}

function nameFrom(cells: readonly GridCell[]): string | undefined {
  for (const c of cells) {
    const t = cleanName(rawText(c.value));
    if (t && !/^\d+$/.test(t) && !/^栏次$/.test(labelOf(c, false))) return t;
  }
  return undefined;
}

