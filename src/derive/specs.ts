// The column structure and printed formulas of the function-classification tables (公开02/03/05/
// 07/08). These are fixed by the national 决算 format; titles and headers are the profile's.
export type FnTableKey = 't02' | 't03' | 't05' | 't07' | 't08';

export interface Formula {
  readonly target: string;
  readonly plus: readonly string[];
  readonly minus?: readonly string[];
}

export interface FnTableSpec {
  readonly key: FnTableKey;
  /** short Chinese name used in messages */
  readonly label: string;
  readonly columns: readonly { readonly key: string; readonly label: string }[];
  /** row formulas, applied in order (a later formula may use an earlier target) */
  readonly formulas: readonly Formula[];
}

export const FN_TABLES: Readonly<Record<FnTableKey, FnTableSpec>> = {
  t02: {
    key: 't02',
    label: '收入决算表',
    columns: [
      { key: 'total', label: '本年收入合计' },
      { key: 'fiscal', label: '财政拨款收入' },
      { key: 'superior', label: '上级补助收入' },
      { key: 'business', label: '事业收入' },
      { key: 'operating', label: '经营收入' },
      { key: 'affiliated', label: '附属单位上缴收入' },
      { key: 'other', label: '其他收入' },
    ],
    formulas: [{ target: 'total', plus: ['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] }],
  },
  t03: {
    key: 't03',
    label: '支出决算表',
    columns: [
      { key: 'total', label: '本年支出合计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
      { key: 'toSuperior', label: '上缴上级支出' },
      { key: 'operating', label: '经营支出' },
      { key: 'toAffiliated', label: '对附属单位补助支出' },
    ],
    formulas: [{ target: 'total', plus: ['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'] }],
  },
  t05: {
    key: 't05',
    label: '一般公共预算财政拨款支出决算表',
    columns: [
      { key: 'total', label: '小计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
    ],
    formulas: [{ target: 'total', plus: ['basic', 'project'] }],
  },
  t07: {
    key: 't07',
    label: '政府性基金预算财政拨款收入支出决算表',
    columns: [
      { key: 'opening', label: '年初结转和结余' },
      { key: 'income', label: '本年收入' },
      { key: 'total', label: '本年支出小计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
      { key: 'closing', label: '年末结转和结余' },
    ],
    formulas: [
      { target: 'total', plus: ['basic', 'project'] },
      { target: 'closing', plus: ['opening', 'income'], minus: ['total'] },
    ],
  },
  t08: {
    key: 't08',
    label: '国有资本经营预算财政拨款支出决算表',
    columns: [
      { key: 'total', label: '合计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
    ],
    formulas: [{ target: 'total', plus: ['basic', 'project'] }],
  },
};

export const FN_TABLE_KEYS: readonly FnTableKey[] = ['t02', 't03', 't05', 't07', 't08'];

export type CodeLevel = 'class' | 'section' | 'item';

export function levelOf(code: string): CodeLevel {
  return code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
}

export function parentOf(code: string): string | undefined {
  return code.length === 7 ? code.slice(0, 5) : code.length === 5 ? code.slice(0, 3) : undefined;
}
