// 公开06表 一般公共预算财政拨款基本支出决算明细表: column groups side by side (人员经费 | 公用经费 |
// 公用经费 cont.), each code | name | amount, listing the profile's standard lines (zero lines
// included), then the footer row with 人员经费合计 / 公用经费合计. A data row the profile does not
// list is never dropped: it goes under its class (in code order), or, with its class, at the end
// of the last group.
import type { EconRow, Tables, T06 } from '../../derive/tables.ts';
import { cell, type Cell } from '../../model/document.ts';
import type { EconLine, T06Entry } from '../../profile/statements.ts';
import { row, spanCell, type LayoutContext, type LayoutResult } from './common.ts';

/** The profile's lines per group plus the data rows they miss, each under its class. */
export function placeLines(groups: readonly (readonly EconLine[])[], rows: ReadonlyMap<string, EconRow>): EconLine[][] {
  const out = groups.map((g) => [...g]);
  const listed = new Set(out.flat().map((l) => l.code));
  for (const code of [...rows.keys()].sort()) {
    if (listed.has(code)) continue;
    const line = { code, name: rows.get(code)!.name };
    const cls = code.slice(0, 3);
    const g = out.find((lines) => lines.some((l) => l.code === cls)) ?? out[out.length - 1]!;
    let at = g.length;
    for (let i = g.length - 1; i >= 0; i--) {
      const c = g[i]!.code;
      if (c === cls || (c.startsWith(cls) && c < code)) {
        at = i + 1;
        break;
      }
    }
    g.splice(at, 0, line);
    listed.add(code);
  }
  return out;
}

export function basic06(e: T06Entry, tables: Tables, ctx: LayoutContext): LayoutResult {
  const t: T06 = tables.t06;
  const groups = placeLines(e.groups.map((g) => g.lines), t.rows);
  const height = Math.max(...groups.map((g) => g.length));
  const lineCells = (l: EconLine | undefined): Cell[] => {
    if (!l) return [cell(''), cell(''), cell('')];
    const data = t.rows.get(l.code);
    return [cell(l.code), cell(data?.name ?? l.name), cell(ctx.formatCell(data?.amount))];
  };
  const lines = Array.from({ length: height }, (_, i) => row(groups.flatMap((g) => lineCells(g[i]))));
  const footer = row(
    e.footer.map((c) =>
      c.value !== undefined
        ? spanCell(ctx.formatCell(t[c.value]), c.colSpan ?? 1, c.align ? { align: c.align } : {})
        : spanCell(c.text ?? '', c.colSpan ?? 1, { align: c.align ?? 'center' }),
    ),
    'total',
  );
  const empty = t.personnelTotal.isZero() && t.publicTotal.isZero() && [...t.rows.values()].every((r) => r.amount.isZero());
  return { body: [...lines, footer], empty };
}
