// Identities across tables (DOMAIN.md): 01↔03 by 类, 02↔01 income, 03↔01 total, 04↔01 income,
// 05↔04 general-budget column, 05↔06 basic, 07/08 ↔ 04 fund columns.
import { Dec, ZERO, sum } from '../../money/decimal.ts';
import type { FnTable } from '../../derive/fn-table.ts';
import { FN_TABLES } from '../../derive/specs.ts';
import type { CheckContext } from '../context.ts';

type Path = readonly (string | number)[];

/** Path of a printed cell of a function table, or of the table when the row is derived. */
function cellPath(table: FnTable, code: string | 'total', col: string): Path {
  if (code === 'total') return table.total.printed ? ['tables', table.key, 'total', col] : ['tables', table.key];
  const row = table.rows.find((r) => r.code === code);
  return row?.dataIndex !== undefined ? ['tables', table.key, 'rows', row.dataIndex, col] : ['tables', table.key];
}

function classValue(table: FnTable, code: string, col: string): Dec {
  return table.rows.find((r) => r.code === code)?.values[col] ?? ZERO;
}

function classCodes(...tables: FnTable[]): string[] {
  return [...new Set(tables.flatMap((t) => t.rows.filter((r) => r.level === 'class').map((r) => r.code)))].sort();
}

export function checkCrossTables(ctx: CheckContext): void {
  const { t01, t02, t03, t04, t05, t06, t07, t08 } = ctx.tables;
  const raw01 = ctx.data.tables.t01;

  // 01 class lines = 03 class rows
  const codes01 = new Set(Object.keys(raw01.expenditure));
  for (const code of [...new Set([...codes01, ...classCodes(t03)])].sort()) {
    const a = raw01.expenditure[code] ?? ZERO;
    const path: Path = codes01.has(code) ? ['tables', 't01', 'expenditure', code] : cellPath(t03, code, 'total');
    ctx.compare('x-t01-t03-class', path, `公开01表 类 ${code} 支出`, a, [classValue(t03, code, 'total')], '公开03表 同类本年支出合计');
  }
  // 02 合计 = 01 income
  const t02Pairs: [string, Dec, string][] = [
    ['total', t01.incomeTotal, '公开01表 本年收入合计（行27）'],
    ['fiscal', sum([t01.income.generalBudget, t01.income.govFund, t01.income.stateCapital]), '公开01表 行1 + 行2 + 行3'],
    ['superior', t01.income.superior, '公开01表 上级补助收入（行4）'],
    ['business', t01.income.business, '公开01表 事业收入（行5）'],
    ['operating', t01.income.operating, '公开01表 经营收入（行6）'],
    ['affiliated', t01.income.affiliated, '公开01表 附属单位上缴收入（行7）'],
    ['other', t01.income.other, '公开01表 其他收入（行8）'],
  ];
  const t02Label = (col: string) => FN_TABLES.t02.columns.find((c) => c.key === col)!.label;
  for (const [col, v01, label] of t02Pairs) {
    ctx.compare('x-t02-t01-income', cellPath(t02, 'total', col), `公开02表 合计行 ${t02Label(col)}`, t02.total.values[col]!, [v01], label);
  }
  // 03 合计 = 01 本年支出合计
  ctx.compare('x-t03-t01-expenditure', cellPath(t03, 'total', 'total'), '公开03表 本年支出合计', t03.total.values['total']!, [t01.expenditureTotal], '公开01表 本年支出合计（行57）');
  // 04 income = 01 lines 1–3
  const p04 = ['tables', 't04', 'income'];
  ctx.compare('x-t04-t01-income', [...p04, 'general'], '公开04表 一般公共预算财政拨款收入', t04.income.general, [t01.income.generalBudget], '公开01表 行1');
  ctx.compare('x-t04-t01-income', [...p04, 'govFund'], '公开04表 政府性基金预算财政拨款收入', t04.income.govFund, [t01.income.govFund], '公开01表 行2');
  ctx.compare('x-t04-t01-income', [...p04, 'stateCapital'], '公开04表 国有资本经营预算财政拨款收入', t04.income.stateCapital, [t01.income.stateCapital], '公开01表 行3');
  // 05 class = 04 general column by class; 05 total = 04 general total
  const exp04 = ctx.data.tables.t04.expenditure;
  for (const code of [...new Set([...Object.keys(exp04), ...classCodes(t05)])].sort()) {
    const v04 = exp04[code]?.general ?? ZERO;
    ctx.compare('x-t05-t04-class', cellPath(t05, code, 'total'), `公开05表 类 ${code} 小计`, classValue(t05, code, 'total'), [v04], '公开04表 同类一般公共预算财政拨款支出');
  }
  ctx.compare('x-t05-t04-class', cellPath(t05, 'total', 'total'), '公开05表 合计', t05.total.values['total']!, [t04.expenditureTotal.general], '公开04表 一般公共预算财政拨款本年支出合计');
  // 05 basic = 06 personnel + public
  ctx.compare('x-t05-t06-basic', cellPath(t05, 'total', 'basic'), '公开05表 基本支出合计', t05.total.values['basic']!, [t06.personnelTotal, t06.publicTotal], '公开06表 人员经费合计 + 公用经费合计');
  // 07 ↔ 04 government fund column
  for (const code of [...new Set([...Object.keys(exp04), ...classCodes(t07)])].sort()) {
    const v04 = exp04[code]?.govFund ?? ZERO;
    const v07 = classValue(t07, code, 'total');
    if (v04.isZero() && v07.isZero()) continue;
    ctx.compare('x-t07-t04', cellPath(t07, code, 'total'), `公开07表 类 ${code} 本年支出`, v07, [v04], '公开04表 同类政府性基金预算财政拨款支出');
  }
  ctx.compare('x-t07-t04', cellPath(t07, 'total', 'income'), '公开07表 本年收入合计', t07.total.values['income']!, [t04.income.govFund], '公开04表 政府性基金预算财政拨款收入');
  // with a derived 合计 row the class comparisons above already cover the total
  if (t07.total.printed) ctx.compare('x-t07-t04', cellPath(t07, 'total', 'total'), '公开07表 本年支出合计', t07.total.values['total']!, [t04.expenditureTotal.govFund], '公开04表 政府性基金预算财政拨款本年支出');
  ctx.compare('x-t07-t04', cellPath(t07, 'total', 'opening'), '公开07表 年初结转和结余', t07.total.values['opening']!, [t04.opening.govFund], '公开04表 年初政府性基金结转和结余');
  ctx.compare('x-t07-t04', cellPath(t07, 'total', 'closing'), '公开07表 年末结转和结余', t07.total.values['closing']!, [t04.closing.govFund], '公开04表 年末政府性基金结转和结余');
  // 08 ↔ 04 state capital column
  for (const code of [...new Set([...Object.keys(exp04), ...classCodes(t08)])].sort()) {
    const v04 = exp04[code]?.stateCapital ?? ZERO;
    const v08 = classValue(t08, code, 'total');
    if (v04.isZero() && v08.isZero()) continue;
    ctx.compare('x-t08-t04', cellPath(t08, code, 'total'), `公开08表 类 ${code} 支出`, v08, [v04], '公开04表 同类国有资本经营预算财政拨款支出');
  }
  if (t08.total.printed) ctx.compare('x-t08-t04', cellPath(t08, 'total', 'total'), '公开08表 合计', t08.total.values['total']!, [t04.expenditureTotal.stateCapital], '公开04表 国有资本经营预算财政拨款本年支出');
}
