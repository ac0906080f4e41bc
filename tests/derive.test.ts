// Derivation of the function-classification tables: subtotal rows, order, totals, formulas.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, sum } from '../src/money/decimal.ts';
import { resolveFnTable, childrenOf } from '../src/derive/fn-table.ts';

const ITEMS = ['2012901', '2012902', '2080501', '2080505', '2080506', '2101101', '2101103', '2210201', '2210202'];
const amount = fc.bigInt({ min: 0n, max: 10n ** 9n }).map((c) => new Dec(c.toString()).dividedBy(100));

describe('resolveFnTable', () => {
  it('derives 款 and 类 rows as exact sums of their children, in 类→款→项 order, with 合计 = Σ类', () => {
    fc.assert(
      fc.property(fc.subarray(ITEMS, { minLength: 1 }), fc.array(fc.tuple(amount, amount), { minLength: 9, maxLength: 9 }), fc.boolean(), (codes, values, shuffle) => {
        const rows = codes.map((code, i) => ({ code, name: code, basic: values[i]![0], project: values[i]![1] }));
        const table = resolveFnTable('t05', { rows: shuffle ? [...rows].reverse() : rows });
        // order: every row's code sorts after the previous one, and parents come before children
        const order = table.rows.map((r) => r.code);
        expect(order).toEqual([...order].sort());
        for (const r of table.rows) {
          expect(r.values['total']!.eq(r.values['basic']!.plus(r.values['project']!))).toBe(true);
          const kids = childrenOf(table, r.code);
          if (kids.length) for (const c of table.columns) expect(r.values[c]!.eq(sum(kids.map((k) => k.values[c]!)))).toBe(true);
        }
        const classes = table.rows.filter((r) => r.level === 'class');
        for (const c of table.columns) expect(table.total.values[c]!.eq(sum(classes.map((k) => k.values[c]!)))).toBe(true);
        expect(table.listsSubtotals).toBe(false);
        expect(table.rows.filter((r) => r.dataIndex === undefined).every((r) => r.level !== 'item')).toBe(true);
      }),
    );
  });

  it('keeps printed subtotal values (authoritative) and marks the table as listing subtotals', () => {
    const t = resolveFnTable('t05', {
      rows: [
        { code: '201', name: '一般公共服务支出', total: new Dec('10.01') },
        { code: '20129', name: '群众团体事务', total: new Dec('10.00') },
        { code: '2012901', name: '行政运行', basic: new Dec('10.00') },
      ],
    });
    expect(t.listsSubtotals).toBe(true);
    expect(t.rows.map((r) => [r.code, r.values['total']!.toFixed(2)])).toEqual([
      ['201', '10.01'],
      ['20129', '10.00'],
      ['2012901', '10.00'],
    ]);
    expect(t.total.printed).toBe(false);
    expect(t.total.values['total']!.toFixed(2)).toBe('10.01');
  });

  it('names derived subtotal rows from the built-in dictionary', () => {
    const t = resolveFnTable('t02', { rows: [{ code: '2210201', name: '住房公积金', fiscal: new Dec('3.67') }] });
    expect(t.rows.map((r) => `${r.code} ${r.name}`)).toEqual(['221 住房保障支出', '22102 住房改革支出', '2210201 住房公积金']);
    expect(t.rows[0]!.values['total']!.toFixed(2)).toBe('3.67');
  });

  it('applies chained formulas of 公开07表: 本年支出 = 基本 + 项目, 年末 = 年初 + 收入 − 支出', () => {
    const t = resolveFnTable('t07', {
      rows: [{ code: '2120801', name: '征地和拆迁补偿支出', opening: new Dec('5'), income: new Dec('20'), basic: new Dec('3'), project: new Dec('12') }],
    });
    const item = t.rows.find((r) => r.code === '2120801')!;
    expect(item.values['total']!.toFixed(2)).toBe('15.00');
    expect(item.values['closing']!.toFixed(2)).toBe('10.00');
  });

  it('an empty table is marked empty (the “本部门无…” case)', () => {
    const t = resolveFnTable('t08', { rows: [] });
    expect(t.empty).toBe(true);
    expect(t.rows).toEqual([]);
  });
});
