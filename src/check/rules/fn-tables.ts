// 公开02/03/05/07/08: codes (duplicates, orphans, dictionary), row formulas, 类 = Σ款 = Σ项,
// 合计 = Σ类 — per row and per column.
import { FN_TABLES, FN_TABLE_KEYS, levelOf, parentOf, type FnTableKey } from '../../derive/specs.ts';
import { childrenOf } from '../../derive/fn-table.ts';
import { functionCodes } from '../../dictionary/dictionary.ts';
import type { CheckContext } from '../context.ts';

const LEVEL_LABEL = { class: '类', section: '款', item: '项' } as const;

export function checkFnTables(ctx: CheckContext): void {
  for (const key of FN_TABLE_KEYS) checkFnTable(ctx, key);
}

function checkFnTable(ctx: CheckContext, key: FnTableKey): void {
  const spec = FN_TABLES[key];
  const dataRows = ctx.data.tables[key].rows;
  const table = ctx.tables[key];
  const base = ['tables', key];
  const colLabel = (c: string) => spec.columns.find((x) => x.key === c)!.label;
  const tname = `${spec.label}（${key}）`;

  // codes: duplicates, dictionary, orphans
  const seen = new Map<string, number>();
  dataRows.forEach((r, i) => {
    const prev = seen.get(r.code);
    if (prev !== undefined) {
      ctx.report('code-duplicate', [...base, 'rows', i, 'code'], `${tname}中科目 ${r.code} 重复出现（第一次在 rows[${prev}]）`);
      return;
    }
    seen.set(r.code, i);
    checkFunctionCode(ctx, [...base, 'rows', i], r.code, r.name);
  });
  if (table.listsSubtotals) {
    dataRows.forEach((r, i) => {
      const p = parentOf(r.code);
      if (p && !seen.has(p))
        ctx.report('code-orphan', [...base, 'rows', i, 'code'], `${tname}列出了${LEVEL_LABEL[levelOf(r.code)]}级科目 ${r.code} ${r.name}，却没有它所属的${LEVEL_LABEL[levelOf(p)]}级科目 ${p}`);
    });
  }
  // order as printed: 类→款→项 by code
  for (let i = 1; i < dataRows.length; i++) {
    if (dataRows[i]!.code < dataRows[i - 1]!.code) {
      ctx.report('code-order', [...base, 'rows', i, 'code'], `${tname}中科目 ${dataRows[i]!.code} 排在 ${dataRows[i - 1]!.code} 之后`);
      break;
    }
  }

  // row formulas (printed rows only: derived rows satisfy them by construction)
  const rowsWithPath = [
    ...table.rows.filter((r) => r.dataIndex !== undefined).map((r) => ({ row: r, path: [...base, 'rows', r.dataIndex!], label: `${r.code} ${r.name}` })),
    ...(table.total.printed ? [{ row: table.total, path: [...base, 'total'], label: '合计行' }] : []),
  ];
  for (const { row, path, label } of rowsWithPath) {
    for (const f of spec.formulas) {
      if (!row.given.has(f.target)) continue;
      const parts = [...f.plus.map((k) => row.values[k]!), ...(f.minus ?? []).map((k) => row.values[k]!.negated())];
      const formula = [...f.plus.map(colLabel)].join(' + ') + (f.minus ?? []).map((k) => ` − ${colLabel(k)}`).join('');
      ctx.compare('fn-row-formula', [...path, f.target], `${tname} ${label}：${colLabel(f.target)}`, row.values[f.target]!, parts, formula);
    }
  }

  // subtotal rows vs their children, per column
  for (const row of table.rows) {
    if (row.dataIndex === undefined || row.level === 'item') continue;
    const kids = childrenOf(table, row.code);
    if (kids.length === 0) continue;
    const rule = row.level === 'class' ? 'fn-class-sum' : 'fn-section-sum';
    for (const c of table.columns) {
      if (!row.given.has(c) && !kids.some((k) => k.given.has(c))) continue;
      ctx.compare(rule, [...base, 'rows', row.dataIndex, c], `${tname} ${row.code} ${row.name}：${colLabel(c)}`, row.values[c]!, kids.map((k) => k.values[c]!), `所属各${row.level === 'class' ? '款' : '项'}之和`);
    }
  }
  if (table.total.printed) {
    const classes = table.rows.filter((r) => r.level === 'class');
    for (const c of table.total.given) {
      ctx.compare('fn-total-sum', [...base, 'total', c], `${tname} 合计行：${colLabel(c)}`, table.total.values[c]!, classes.map((k) => k.values[c]!), '各类之和');
    }
  }
}

export function checkFunctionCode(ctx: CheckContext, rowPath: readonly (string | number)[], code: string, name: string | undefined): void {
  const entry = functionCodes().get(code);
  if (!entry) {
    ctx.report('code-unknown', [...rowPath, 'code'], `功能分类科目 ${code}${name ? ` ${name}` : ''} 不在内置科目表中`);
    return;
  }
  if (name !== undefined && !functionCodes().nameMatches(entry, name)) {
    ctx.report('code-name-mismatch', [...rowPath, 'name'], `科目 ${code} 的名称应为“${entry.name}”，数据中为“${name}”`);
  }
}
