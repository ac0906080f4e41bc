// Reading an .xlsx workbook (ExcelJS) into plain grids (cells.ts). Nothing else in the importer
// touches ExcelJS.
// ExcelJS is loaded on first use: importing it costs ~0.2 s, which every other command would pay
// because the CLI registers all commands at start-up.
type ExcelJSModule = typeof import('exceljs');
let excel: Promise<ExcelJSModule> | undefined;
const loadExcelJS = (): Promise<ExcelJSModule> => (excel ??= import('exceljs').then((m) => ((m as { default?: ExcelJSModule }).default ?? m) as ExcelJSModule));
import { existsSync } from 'node:fs';
import type { CellValue, Worksheet } from 'exceljs';
import { columnLetters, type GridCell, type RawValue, type Sheet } from './cells.ts';

export class WorkbookError extends Error {}

/** Read every worksheet of an .xlsx file. Throws WorkbookError with a Chinese message. */
export async function readWorkbook(file: string): Promise<Sheet[]> {
  if (!existsSync(file)) throw new WorkbookError(`工作簿不存在：${file}`);
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new WorkbookError(`工作簿不存在：${file}`);
    if (code === 'EISDIR') throw new WorkbookError(`${file} 是目录，不是工作簿`);
    throw new WorkbookError(`无法读取工作簿 ${file}：不是有效的 .xlsx 文件（.xls 等旧格式请先在 Excel 中另存为 .xlsx）`);
  }
  return wb.worksheets.map(toSheet);
}

function toSheet(ws: Worksheet): Sheet {
  const height = ws.rowCount;
  const width = ws.columnCount;
  const rows: GridCell[][] = [];
  for (let r = 1; r <= height; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const slave = cell.isMerged && cell.master.address !== cell.address;
      const shown = toRaw(cell.isMerged ? cell.master.value : cell.value);
      cells.push({ row: r, col: c, address: `${columnLetters(c)}${r}`, value: slave ? { kind: 'empty' } : shown, shown, slave });
    }
    rows.push(cells);
  }
  return { name: ws.name, rows, width };
}

function toRaw(v: CellValue): RawValue {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: v };
  if (typeof v === 'boolean') return { kind: 'other', description: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { kind: 'other', description: `日期 ${v.toISOString().slice(0, 10)}` };
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return toRaw(v.richText.map((t) => t.text).join(''));
    if ('error' in v) return { kind: 'other', description: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return { kind: 'other', description: '公式（无计算结果，请在 Excel 中重新计算并保存）' };
      if (typeof result === 'object' && result !== null && 'error' in result) return { kind: 'other', description: String((result as { error: unknown }).error) };
      return toRaw(result as CellValue);
    }
    if ('text' in v) return toRaw((v as { text: CellValue }).text);
  }
  return { kind: 'other', description: String(v) };
}
