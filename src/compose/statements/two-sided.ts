// The two-sided summary layout of 公开01表 and 公开04表: income on the left (项目 | 行次 | amount),
// expenditure on the right (项目 | 行次 | amount columns). Left: the income lines, then blank lines
// up to the number of class lines (9–26), then the totals; right: the class lines, then the
// totals. 行次 run down the left side first (1–30), then the right (31–60).
import type { Dec } from '../../money/decimal.ts';
import { cell, type Cell, type Row } from '../../model/document.ts';
import { row, type LayoutContext } from './common.ts';

export interface SideLineSpec<K extends string> {
  readonly label: string;
  readonly value?: K;
}

export interface TwoSidedSpec<L extends string, R extends string> {
  readonly income: readonly SideLineSpec<L>[];
  readonly classLabel: string;
  readonly numberBlankLines: boolean;
  readonly totals: readonly { readonly income: SideLineSpec<L>; readonly expenditure: SideLineSpec<R>; readonly emphasis?: 'total' | 'subtotal' }[];
}

export interface TwoSidedData<L extends string, R extends string> {
  /** amount of a left-side value */
  readonly left: (key: L) => Dec;
  /** amounts of a right-side value, one per right amount column */
  readonly right: (key: R) => readonly Dec[];
  /** the class lines with their amounts, one per right amount column */
  readonly classes: readonly { readonly no: number; readonly name: string; readonly amounts: readonly Dec[] }[];
  /** number of right amount columns */
  readonly rightWidth: number;
}

export function twoSidedBody<L extends string, R extends string>(spec: TwoSidedSpec<L, R>, data: TwoSidedData<L, R>, ctx: LayoutContext): Row[] {
  const n = Math.max(spec.income.length, data.classes.length);
  const rightStart = n + spec.totals.length + 1;
  const amounts = (xs: readonly (Dec | undefined)[]): Cell[] => xs.map((x) => cell(ctx.formatCell(x)));
  const blanks = (k: number): Cell[] => Array.from({ length: k }, () => cell(''));
  const noCell = (no: number | undefined): Cell => cell(no === undefined ? '' : String(no), { align: 'center' });

  const leftCells = (line: SideLineSpec<L> | undefined, no: number | undefined): Cell[] => [
    cell(line?.label ?? ''),
    noCell(no),
    cell(line?.value === undefined ? '' : ctx.formatCell(data.left(line.value))),
  ];
  const rightCells = (line: SideLineSpec<R>, no: number): Cell[] => [
    cell(line.label),
    noCell(no),
    ...(line.value === undefined ? blanks(data.rightWidth) : amounts(data.right(line.value))),
  ];

  const body: Row[] = [];
  for (let i = 0; i < n; i++) {
    const income = spec.income[i];
    const cls = data.classes[i];
    const left = leftCells(income, income || spec.numberBlankLines ? i + 1 : undefined);
    const right = cls
      ? [cell(ctx.render(spec.classLabel, { no: cls.no, name: cls.name })), noCell(rightStart + i), ...amounts(cls.amounts)]
      : [cell(''), noCell(undefined), ...blanks(data.rightWidth)];
    body.push(row([...left, ...right]));
  }
  spec.totals.forEach((t, j) => {
    body.push(row([...leftCells(t.income, n + 1 + j), ...rightCells(t.expenditure, rightStart + n + j)], t.emphasis));
  });
  return body;
}
