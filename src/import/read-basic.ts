// Reading 公开06表 一般公共预算财政拨款基本支出决算明细表: economic codes laid out in column groups
// (科目编码 | 科目名称 | 决算数, repeated — 人员经费 | 公用经费 | 公用经费 cont.), and the two
// totals 人员经费合计 / 公用经费合计 in the last line.
import { cellAt, cleanName, ECONOMIC_CODE, labelOf, rawText, readCode, type GridCell, type Money } from './cells.ts';
import { cellsOf, columnHeaders, isMetaRow, isNoteRow, TABLES, type Segment } from './locate.ts';
import { amountAt, amountOf, hasAmount } from './read-common.ts';
import type { Problems } from './report.ts';

export interface T06Out {
  rows: { code: string; name: string; amount: Money }[];
  personnelTotal?: Money;
  publicTotal?: Money;
}

interface Group {
  readonly code: number;
  readonly name: number;
  readonly amount: number;
}

const TOTALS: Readonly<Record<string, 'personnelTotal' | 'publicTotal'>> = { 人员经费合计: 'personnelTotal', 公用经费合计: 'publicTotal' };

export function readT06(seg: Segment, problems: Problems): T06Out | undefined {
  const sheet = seg.sheet;
  // the header ends above the first row with an economic code
  let bodyStart: number | undefined;
  for (let r = seg.start; r <= seg.end && bodyStart === undefined; r++) {
    if (isNoteRow(sheet, r)) break;
    if (cellsOf(sheet, r).some((c) => ECONOMIC_CODE.test(readCode(c)?.digits ?? ''))) bodyStart = r;
  }
  const headerRows: number[] = [];
  for (let r = seg.start; r < (bodyStart ?? Math.min(seg.end + 1, seg.start + 6)); r++) if (!isMetaRow(sheet, r)) headerRows.push(r);
  const headers = columnHeaders(sheet, headerRows);
  const codeCols = headers.filter((h) => /编码/.test(h.leaf)).map((h) => h.col);
  const groups: Group[] = [];
  for (let i = 0; i < codeCols.length; i++) {
    const from = codeCols[i]!;
    const to = codeCols[i + 1] ?? Infinity;
    const within = headers.filter((h) => h.col > from && h.col < to);
    const name = within.find((h) => /名称/.test(h.leaf))?.col;
    const amount = within.find((h) => /决算数|金额|决算/.test(h.leaf))?.col;
    if (name === undefined || amount === undefined) {
      problems.error(`${TABLES.t06.name}：表头第 ${i + 1} 组缺少“${name === undefined ? '科目名称' : '决算数'}”列`);
      return undefined;
    }
    groups.push({ code: from, name, amount });
  }
  if (groups.length === 0) {
    problems.error(`${TABLES.t06.name}：表头中未找到“科目编码”列`);
    return undefined;
  }
  const out: T06Out = { rows: [] };
  if (bodyStart === undefined) return out;

  // totals first, so that their amount cells are not taken for codeless amounts
  const used = new Set<string>();
  let last = seg.end;
  for (let r = bodyStart; r <= seg.end; r++) {
    if (isNoteRow(sheet, r)) {
      last = r - 1;
      break;
    }
    const cells = cellsOf(sheet, r);
    cells.forEach((c, i) => {
      const k = TOTALS[labelOf(c, false)];
      if (!k) return;
      used.add(c.address);
      // the amount is the first filled cell to the right, before the next label
      for (const next of cells.slice(i + 1)) {
        if (TOTALS[labelOf(next, false)]) break;
        used.add(next.address);
        const m = amountOf(next, problems);
        if (m) {
          if (out[k]) problems.error(`“${labelOf(c, false)}”出现了两次`, c);
          else out[k] = m;
        }
        break;
      }
    });
  }

  for (const g of groups) {
    for (let r = bodyStart; r <= last; r++) {
      const codeCell = cellAt(sheet, r, g.code);
      const amountCell = cellAt(sheet, r, g.amount);
      if (!codeCell || used.has(codeCell.address)) continue;
      const code = readCode(codeCell);
      const amountUsed = amountCell ? used.has(amountCell.address) : false;
      if (!code) {
        if (!amountUsed && hasAmount(amountCell) && !(codeCell && TOTALS[labelOf(codeCell, false)])) {
          const label = codeCell && !codeCell.slave ? cleanName(rawText(codeCell.value)) : '';
          problems.error(label ? `“${label}”这一行有金额，但没有科目编码` : '这一行有金额，但没有科目编码', amountCell);
        }
        continue;
      }
      if (!ECONOMIC_CODE.test(code.digits)) {
        problems.error(`无法识别的科目编码“${rawText(codeCell.value).trim()}”（经济分类科目编码应为 3 或 5 位数字）`, codeCell);
        continue;
      }
      const amount = amountUsed ? undefined : amountAt(sheet, r, g.amount, problems);
      if (!amount || amount.isZero()) continue; // only codes with an amount are listed
      const name = code.name ?? nameAt(cellAt(sheet, r, g.name));
      if (!name) {
        problems.error(`科目 ${code.digits} 没有科目名称`, codeCell);
        continue;
      }
      out.rows.push({ code: code.digits, name, amount });
    }
  }
  return out;
}

function nameAt(cell: GridCell | undefined): string | undefined {
  if (!cell || cell.slave) return undefined;
  const t = cleanName(rawText(cell.value));
  return t || undefined;
}
