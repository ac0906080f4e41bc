// compose stage, 第二部分 决算表: the derived tables laid out as document-model Table nodes, one per
// entry of the profile's statements.yaml, in its order. Pure: numbers come from the derive stage,
// every text from the spec; `formatCell` prints amounts ("" for zero).
import type { Tables } from '../../derive/tables.ts';
import type { Dec } from '../../money/decimal.ts';
import { assertNever, type Table } from '../../model/document.ts';
import { renderText, type StatementEntry, type Statements, type StatementVars } from '../../profile/statements.ts';
import { columnsOf, headerRows, type LayoutContext, type LayoutResult } from './common.ts';
import { summary01 } from './summary01.ts';
import { fnTable } from './fn-table.ts';
import { fiscal04 } from './fiscal04.ts';
import { basic06 } from './basic06.ts';
import { three09 } from './three09.ts';

export interface StatementsInput {
  readonly tables: Tables;
  readonly spec: Statements;
  readonly vars: StatementVars;
  readonly formatCell: (x: Dec | undefined) => string;
}

/** The nine 决算表, in the spec's order (orientation of table i: spec.tables[i].orientation). */
export function composeStatements(input: StatementsInput): Table[] {
  return input.spec.tables.map((e) => composeStatement(e, input));
}

/** Stable id of a statement table: the 目录 target. */
export const statementId = (e: StatementEntry): string => `statement-${e.table}`;

function composeStatement(e: StatementEntry, input: StatementsInput): Table {
  const vars = { ...input.vars, number: e.number };
  const render = (t: string, extra?: object) => renderText(t, extra ?? vars);
  const ctx: LayoutContext = { formatCell: input.formatCell, render };
  const { body, empty } = layout(e, input.tables, ctx);
  const table: Table = {
    type: 'table',
    id: statementId(e),
    kind: 'statement',
    title: render(e.title),
    ...(input.spec.printNumber ? { number: e.number } : {}),
    ...(e.showDepartment ? { department: render(input.spec.department) } : {}),
    unit: e.unit ?? input.spec.unit,
    columns: columnsOf(e),
    header: headerRows(e),
    body,
    notes: e.notes.map((n) => render(n)),
    ...(empty && e.empty !== undefined ? { empty: render(e.empty) } : {}),
    ...(e.outline !== undefined ? { outline: render(e.outline) } : {}),
    dense: e.dense,
  };
  return table;
}

function layout(e: StatementEntry, tables: Tables, ctx: LayoutContext): LayoutResult {
  switch (e.table) {
    case 't01':
      return summary01(e, tables, ctx);
    case 't02':
    case 't03':
    case 't05':
    case 't07':
    case 't08':
      return fnTable(e, tables, ctx);
    case 't04':
      return fiscal04(e, tables, ctx);
    case 't06':
      return basic06(e, tables, ctx);
    case 't09':
      return three09(e, tables, ctx);
    default:
      return assertNever(e);
  }
}
