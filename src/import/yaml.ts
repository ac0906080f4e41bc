// Writing imported tables into a data file: a fresh file with a minimal skeleton, or an existing
// one where only the `tables` node is replaced (yaml Document API: comments, order and layout of
// everything else are kept).
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, YAMLMap, type Node, type Pair, type ScalarTag } from 'yaml';
import { Money } from './cells.ts';
import { TABLE_KEYS, TABLES, type TableKey } from './locate.ts';
import type { ImportResult } from './import.ts';

/**
 * Amounts are written as their exact two-decimal text, unquoted ("98.60", not "98.6" nor
 * '"98.60"'); a float never takes part. The tag is the default for Money values, so it is never
 * printed, and its test never matches, so reading a file is unaffected.
 */
const moneyTag: ScalarTag = {
  tag: 'tag:juesuan,2025:money',
  default: true,
  identify: (v) => v instanceof Money,
  test: /^(?!)$/,
  resolve: (s) => s,
  stringify: (item) => ((item as Scalar).value as Money).text,
};
const OPTIONS = { customTags: [moneyTag] };
const TO_STRING = { lineWidth: 0 } as const;

export class DataFileError extends Error {}

function tableLabel(result: ImportResult, key: TableKey): string {
  const f = result.found.find((x) => x.key === key);
  const info = TABLES[key];
  return f ? ` ${f.number} ${info.name}（工作表“${f.sheet}”）${f.summary === '无数据' ? '：无数据' : ''}` : ` ${info.number} ${info.name}`;
}

/** The `tables` value, in t01…t09 order; tables missing from the workbook are left out. */
function tablesValue(result: ImportResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of TABLE_KEYS) {
    const t = result.tables[key];
    if (t === undefined) continue;
    // a 三公 table without amounts: `t09: {}` (the schema's defaults)
    out[key] = key === 't09' && result.found.find((f) => f.key === key)?.summary === '无数据' ? {} : t;
  }
  return out;
}

/** Flow style for the small maps (one table row per line, as in the examples). */
function styleTables(node: YAMLMap, result: ImportResult, lead?: string): void {
  node.items.forEach((pair, i) => {
    const key = String((pair.key as Scalar).value) as TableKey;
    const keyNode = pair.key as Scalar;
    keyNode.commentBefore = (i === 0 && lead ? `${lead}\n` : '') + tableLabel(result, key);
    if (i > 0) keyNode.spaceBefore = true;
    const value = pair.value;
    if (!isMap(value)) return;
    if (value.items.length === 0) value.flow = true;
    const rows = value.get('rows', true);
    if (isSeq(rows)) {
      for (const item of rows.items) if (isMap(item)) item.flow = true;
      if (rows.items.length === 0) rows.flow = true;
    }
    const flowIn = (k: string) => {
      const n = value.get(k, true);
      if (isMap(n)) n.flow = true;
    };
    flowIn('total');
    if (key === 't04') {
      for (const k of ['opening', 'closing', 'expenditureTotal', 'expenditureGrandTotal']) flowIn(k);
      const exp = value.get('expenditure', true);
      if (isMap(exp)) for (const p of exp.items) if (isMap(p.value)) p.value.flow = true;
    }
    if (key === 't09') {
      for (const side of ['budget', 'actual']) {
        const s = value.get(side, true);
        if (isMap(s)) {
          const v = s.get('vehicle', true);
          if (isMap(v)) v.flow = true;
        }
      }
    }
    // an empty function table: `t07: { rows: [] }`
    if (value.items.length === 1 && isSeq(rows) && rows.items.length === 0) value.flow = true;
  });
}

function tablesNode(doc: Document, result: ImportResult, lead?: string): YAMLMap {
  const node = doc.createNode(tablesValue(result)) as YAMLMap;
  styleTables(node, result, lead);
  return node;
}

/** A new data file: the imported tables plus the smallest skeleton that loads, placeholders marked. */
export function renderNew(result: ImportResult, workbookName: string): string {
  const year = result.year ?? new Date().getFullYear() - 1;
  const profile = result.numbering === '2020' ? 'wuhan-2020' : 'wuhan-2024';
  const fullName = result.department;
  const doc = new Document(
    {
      meta: {
        department: '待填写',
        fullName: fullName ?? '待填写',
        year,
        publishDate: `${year + 1}-01-01`,
        level: '区级',
        profile,
        unit: '万元',
      },
      overview: {
        duties: ['待填写：部门主要职责'],
        units: [{ name: fullName ?? '待填写：单位名称', own: true }],
      },
      tables: {},
      narrative: {},
    },
    OPTIONS,
  );
  doc.commentBefore =
    ` ${year} 年度部门决算公开数据（金额单位：万元）。\n` +
    ` tables 部分由 juesuan import 从 ${workbookName} 导入；标有“待填写”“待核对”的内容是占位，请按实际情况修改。\n` +
    ' 完整的写法见 data/dongxihu-2024.yaml。';
  const comment = (path: string[], text: string) => {
    const n = doc.getIn(path, true);
    if (isScalar(n)) n.comment = ` ${text}`;
  };
  comment(['meta', 'department'], '待填写：部门简称，用于正文，如 东西湖区总工会');
  comment(['meta', 'fullName'], fullName ? '取自工作簿的“部门：”一栏，待核对' : '待填写：部门全称');
  comment(['meta', 'publishDate'], '待填写：公开日期（封面日期）');
  comment(['meta', 'level'], '待核对：区级、县级、市级或省级');
  comment(['meta', 'profile'], `格式模板，按工作簿的表号（${result.numbering === '2020' ? '表1…表9' : '公开01表…公开09表'}）选择`);
  const contents = doc.contents as YAMLMap;
  const tablesPair = contents.items.find((p) => isScalar(p.key) && p.key.value === 'tables')!;
  tablesPair.value = tablesNode(doc, result);
  (tablesPair.key as Scalar).spaceBefore = true;
  (tablesPair.key as Scalar).commentBefore = ' 第二部分 决算表';
  const narrative = contents.items.find((p) => isScalar(p.key) && p.key.value === 'narrative')!;
  (narrative.key as Scalar).spaceBefore = true;
  (narrative.key as Scalar).commentBefore = ' 第三部分所需的补充数据（上年数、年初预算、项目等）：待填写';
  const overview = contents.items.find((p) => isScalar(p.key) && p.key.value === 'overview')!;
  (overview.key as Scalar).spaceBefore = true;
  return doc.toString(TO_STRING);
}

export interface Updated {
  readonly text: string;
  /** things worth telling the user (year differs, …) */
  readonly notes: string[];
}

/** Replace the `tables` section of an existing data file, keeping everything else. */
export function renderUpdate(file: string, text: string, result: ImportResult, workbookName: string): Updated {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), OPTIONS);
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new DataFileError(`数据文件 ${file} 有 YAML 语法错误（${e.message.split('\n')[0]}），无法更新；请先修正，或换一个新文件名`);
  }
  if (doc.contents === null) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  if (!isMap(doc.contents)) throw new DataFileError(`数据文件 ${file} 的顶层不是键值结构，无法更新`);
  const contents = doc.contents as YAMLMap;
  const notes: string[] = [];
  const unit = doc.getIn(['meta', 'unit']);
  if (unit === '元') throw new DataFileError(`数据文件 ${file} 声明金额单位为元（meta.unit: 元），而工作簿中的表以万元为单位；请改用万元的数据文件`);
  const fileYear = doc.getIn(['meta', 'year']);
  if (result.year !== undefined && fileYear !== undefined && String(fileYear) !== String(result.year)) {
    notes.push(`注意：工作簿是 ${result.year} 年度的表，而数据文件 meta.year 为 ${String(fileYear)}`);
  }
  const pair = contents.items.find((p): p is Pair<Node, unknown> => isPair(p) && isScalar(p.key) && p.key.value === 'tables');
  const lead = ` 以下各表由 juesuan import 从 ${workbookName} 导入`;
  if (pair) {
    const lost = commentsInside(text, contents, pair);
    if (lost) notes.push(`原 tables 部分中的 ${lost} 行注释已随旧表一并替换（其他部分的注释都保留了）`);
    pair.value = tablesNode(doc, result, lead);
  } else {
    const at = ['overview', 'meta'].map((k) => contents.items.findIndex((p) => isScalar(p.key) && p.key.value === k)).find((i) => i >= 0);
    const newPair = doc.createPair('tables', null);
    newPair.value = tablesNode(doc, result, lead);
    (newPair.key as Scalar).spaceBefore = true;
    contents.items.splice(at === undefined ? contents.items.length : at + 1, 0, newPair);
  }
  return { text: doc.toString(TO_STRING), notes };
}

/** Indented comment lines between the `tables:` key and the next top-level key. */
function commentsInside(text: string, contents: YAMLMap, pair: Pair<Node, unknown>): number {
  const start = pair.key.range?.[0];
  if (start === undefined) return 0;
  const i = contents.items.indexOf(pair as Pair<unknown, unknown>);
  const next = contents.items[i + 1]?.key as Node | undefined;
  const end = next?.range?.[0] ?? text.length;
  // comments just above the next key belong to it (they are kept)
  const lines = text.slice(start, end).split('\n');
  while (lines.length && /^(?:#.*)?\s*$/.test(lines[lines.length - 1]!)) lines.pop();
  return lines.filter((l) => /^\s+#/.test(l)).length;
}
