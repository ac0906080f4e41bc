// What the importer could not read (errors: nothing is written) or had to adjust (warnings),
// each tied to a sheet and, where there is one, a cell: "公开03表!D12：无法识别的金额“12.3.4”".
import type { GridCell, Sheet } from './cells.ts';

export interface Problem {
  readonly severity: 'error' | 'warning';
  readonly sheet?: string;
  readonly cell?: string;
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.sheet === undefined ? '' : p.cell === undefined ? `工作表“${p.sheet}”：` : `${p.sheet}!${p.cell}：`;
  return `${p.severity === 'error' ? '错误' : '警告'} ${where}${p.message}`;
}

/** Collects problems for one sheet. */
export class Problems {
  readonly list: Problem[] = [];
  constructor(private readonly sheet?: Sheet) {}

  error(message: string, cell?: GridCell | string): void {
    this.add('error', message, cell);
  }

  warning(message: string, cell?: GridCell | string): void {
    this.add('warning', message, cell);
  }

  private add(severity: Problem['severity'], message: string, cell?: GridCell | string): void {
    const address = typeof cell === 'string' ? cell : cell?.address;
    this.list.push({ severity, message, ...(this.sheet ? { sheet: this.sheet.name } : {}), ...(address ? { cell: address } : {}) });
  }

  get errorCount(): number {
    return this.list.filter((p) => p.severity === 'error').length;
  }
}
