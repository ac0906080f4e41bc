// Reading 公开09表 财政拨款“三公”经费支出决算表: one line of amounts under two column groups
// (预算数 | 决算数), each 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 (小计 | 购置费 | 运行
// 维护费) | 公务接待费.
import { cellAt, labelOf, type Money } from './cells.ts';
import { cellsOf, columnHeaders, isMetaRow, isNoteRow, TABLES, type ColumnHeader, type Segment } from './locate.ts';
import { amountAt, compact, hasAmount } from './read-common.ts';
import type { Problems } from './report.ts';

type Field = 'total' | 'abroad' | 'vehicleTotal' | 'purchase' | 'operation' | 'reception';
type Side = 'budget' | 'actual';

export interface ThreeOut {
  total?: Money;
  abroad?: Money;
  vehicle: { total?: Money; purchase?: Money; operation?: Money };
  reception?: Money;
}

export interface T09Out {
  budget: ThreeOut;
  actual: ThreeOut;
}

const FIELD_LABELS: Readonly<Record<Field, string>> = {
  total: '合计',
  abroad: '因公出国（境）费',
  vehicleTotal: '公务用车购置及运行维护费（小计）',
  purchase: '公务用车购置费',
  operation: '公务用车运行维护费',
  reception: '公务接待费',
};

function fieldOf(h: ColumnHeader): Field | undefined {
  const l = h.leaf;
  if (/因公出国/.test(l)) return 'abroad';
  if (/公务接待/.test(l)) return 'reception';
  if (/小计/.test(l)) return 'vehicleTotal';
  if (/购置/.test(l) && /运行/.test(l)) return 'vehicleTotal';
  if (/购置/.test(l)) return 'purchase';
  if (/运行/.test(l)) return 'operation';
  if (/^合计$|^总计$/.test(l)) return 'total';
  return undefined;
}

const sideOf = (h: ColumnHeader): Side | undefined => {
  const p = h.path.join('/');
  return /预算/.test(p) ? 'budget' : /决算/.test(p) ? 'actual' : undefined;
};

const HEADER_WORD = /预算数|决算数|合计|小计|因公出国|公务用车|公务接待/;
/** 栏次 line: 1 2 3 … (a line of amounts such as 0 0 0 … is not one) */
function isColumnNumbers(seg: Segment, r: number): boolean {
  const labels = cellsOf(seg.sheet, r).map((c) => labelOf(c, false)).filter((l) => l !== '栏次');
  if (labels.length < 2 || !labels.every((l) => /^\d{1,2}$/.test(l))) return false;
  const n = labels.map(Number);
  return n[0] === 1 && n.every((x, i) => i === 0 || x > n[i - 1]!);
}

export function readT09(seg: Segment, problems: Problems): T09Out | undefined {
  const sheet = seg.sheet;
  const headerRows: number[] = [];
  let r = seg.start;
  for (; r <= Math.min(seg.end, seg.start + 8); r++) {
    if (isNoteRow(sheet, r)) break;
    if (isMetaRow(sheet, r)) continue;
    const cells = cellsOf(sheet, r);
    if (cells.length === 0) continue;
    if (cells.some((c) => HEADER_WORD.test(labelOf(c, false))) || isColumnNumbers(seg, r)) headerRows.push(r);
    else break;
  }
  const headers = columnHeaders(sheet, headerRows);
  const cols = new Map<string, number>();
  for (const h of headers) {
    const side = sideOf(h);
    const field = fieldOf(h);
    if (side && field && !cols.has(`${side}.${field}`)) cols.set(`${side}.${field}`, h.col);
  }
  const missing: string[] = [];
  for (const side of ['budget', 'actual'] as const)
    for (const f of Object.keys(FIELD_LABELS) as Field[]) if (!cols.has(`${side}.${f}`)) missing.push(`${side === 'budget' ? '预算数' : '决算数'}“${FIELD_LABELS[f]}”`);
  if (missing.length) {
    problems.error(`${TABLES.t09.name}：表头中未找到${missing.join('、')}列`);
    return undefined;
  }
  // the amounts: the first line below the header with anything in the value columns
  const valueCols = [...cols.values()];
  let dataRow: number | undefined;
  for (; r <= seg.end; r++) {
    if (isNoteRow(sheet, r)) break;
    if (isColumnNumbers(seg, r) && !headerRows.includes(r)) continue;
    if (valueCols.some((c) => hasAmount(cellAt(sheet, r, c)))) {
      dataRow = r;
      break;
    }
  }
  const side = (s: Side): ThreeOut => {
    const get = (f: Field) => (dataRow === undefined ? undefined : amountAt(sheet, dataRow, cols.get(`${s}.${f}`), problems));
    return {
      ...compact({ total: get('total'), abroad: get('abroad') }),
      vehicle: compact({ total: get('vehicleTotal'), purchase: get('purchase'), operation: get('operation') }),
      ...compact({ reception: get('reception') }),
    };
  };
  return { budget: side('budget'), actual: side('actual') };
}
