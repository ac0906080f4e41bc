// The importer: sheets → the nine tables in the data format's shape (amounts as Money), plus
// what was found, what was skipped and what could not be read.
import { labelOf, type Sheet } from './cells.ts';
import { scanSheet, TABLE_KEYS, TABLES, type Segment, type TableKey } from './locate.ts';
import { readFnTable, type FnKey, type FnTableOut } from './read-fn.ts';
import { readT01, readT04, type T01Out, type T04Out } from './read-summary.ts';
import { readT06, type T06Out } from './read-basic.ts';
import { readT09, type T09Out } from './read-three.ts';
import { Problems, type Problem } from './report.ts';

export interface ImportedTables {
  t01?: T01Out;
  t02?: FnTableOut;
  t03?: FnTableOut;
  t04?: T04Out;
  t05?: FnTableOut;
  t06?: T06Out;
  t07?: FnTableOut;
  t08?: FnTableOut;
  t09?: T09Out;
}

export interface FoundTable {
  readonly key: TableKey;
  readonly sheet: string;
  /** address of the title cell */
  readonly cell: string;
  /** number as printed near the title ("公开02表", "表2"), else the 2024 number */
  readonly number: string;
  /** e.g. "18 行（另有合计行）" */
  readonly summary: string;
}

export interface ImportResult {
  readonly tables: ImportedTables;
  readonly found: readonly FoundTable[];
  readonly skipped: readonly { readonly sheet: string; readonly reason: string }[];
  readonly problems: readonly Problem[];
  /** year printed in the titles (the most frequent one) */
  readonly year?: number;
  /** "部门：…" as printed */
  readonly department?: string;
  /** which numbering the workbook uses: 公开01表… (2024) or 表1… (2020) */
  readonly numbering?: '2024' | '2020';
}

export function importSheets(sheets: readonly Sheet[]): ImportResult {
  const problems: Problem[] = [];
  const skipped: { sheet: string; reason: string }[] = [];
  const segments = new Map<TableKey, Segment>();
  const unconfirmed = new Map<TableKey, string>();

  for (const sheet of sheets) {
    const scan = scanSheet(sheet);
    for (const u of scan.unconfirmed) if (!unconfirmed.has(u.key)) unconfirmed.set(u.key, `${sheet.name}!${u.cell.address}`);
    if (scan.segments.length === 0) {
      const blank = sheet.rows.every((row) => row.every((c) => labelOf(c, false) === ''));
      skipped.push({ sheet: sheet.name, reason: blank ? '空白工作表' : scan.unconfirmed.length ? '只有表名、没有表头，如目录页' : '未找到决算表表名' });
      continue;
    }
    for (const seg of scan.segments) {
      const prev = segments.get(seg.key);
      if (prev) {
        problems.push({ severity: 'error', sheet: sheet.name, cell: seg.titleCell.address, message: `${TABLES[seg.key].name}出现了两次（另一处在 ${prev.sheet.name}!${prev.titleCell.address}），请删去多余的一张` });
        continue;
      }
      segments.set(seg.key, seg);
    }
  }

  const tables: ImportedTables = {};
  const found: FoundTable[] = [];
  for (const key of TABLE_KEYS) {
    const seg = segments.get(key);
    const info = TABLES[key];
    if (!seg) {
      const hint = unconfirmed.has(key) ? `（${unconfirmed.get(key)} 有表名，但其下没有可识别的表头）` : `（应有一张标题为“××××年度${info.name}”的工作表）`;
      problems.push(info.required ? { severity: 'error', message: `工作簿中没有${info.number} ${info.name}${hint}` } : { severity: 'warning', message: `工作簿中没有${info.number} ${info.name}，按无数据处理` });
      continue;
    }
    const p = new Problems(seg.sheet);
    if (seg.unitCell && !/万元/.test(labelOf(seg.unitCell, false))) {
      p.error(`金额单位为“${labelOf(seg.unitCell, false).replace(/^.*单位:/, '')}”，只能导入以万元为单位的表（请在报表软件中按万元导出）`, seg.unitCell);
    } else {
      const read = readTable(seg, key, p);
      if (read) {
        (tables as Record<string, unknown>)[key] = read.data;
        found.push({ key, sheet: seg.sheet.name, cell: seg.titleCell.address, number: seg.number ?? info.number, summary: read.summary });
      }
    }
    problems.push(...p.list);
  }

  const years = [...segments.values()].map((s) => s.year).filter((y): y is number => y !== undefined);
  const year = mostFrequent(years);
  if (new Set(years).size > 1) problems.push({ severity: 'warning', message: `各表标题中的年度不一致（${[...new Set(years)].join('、')}），按 ${year} 年度处理` });
  const numbers = [...segments.values()].map((s) => s.number ?? '');
  const numbering = numbers.some((n) => /^公开/.test(n)) ? '2024' : numbers.some((n) => /^表\d/.test(n)) ? '2020' : undefined;
  const department = mostFrequent([...segments.values()].map((s) => s.department).filter((d): d is string => !!d));
  return {
    tables,
    found,
    skipped,
    problems,
    ...(year !== undefined ? { year } : {}),
    ...(department !== undefined ? { department } : {}),
    ...(numbering ? { numbering } : {}),
  };
}

function readTable(seg: Segment, key: TableKey, p: Problems): { data: unknown; summary: string } | undefined {
  switch (key) {
    case 't01': {
      const t = readT01(seg, p);
      if (!t) return undefined;
      return { data: t, summary: `收入 ${Object.keys(t.income).length} 项，支出 ${Object.keys(t.expenditure).length} 个类` };
    }
    case 't04': {
      const t = readT04(seg, p);
      if (!t) return undefined;
      return { data: t, summary: `收入 ${Object.keys(t.income).length} 项，支出 ${Object.keys(t.expenditure).length} 个类` };
    }
    case 't06': {
      const t = readT06(seg, p);
      if (!t) return undefined;
      return { data: t, summary: t.rows.length ? `${t.rows.length} 个有金额的科目` : '无数据' };
    }
    case 't09': {
      const t = readT09(seg, p);
      if (!t) return undefined;
      const filled = (s: T09Out['budget']) => Object.keys(s).length > 1 || Object.keys(s.vehicle).length > 0;
      return { data: t, summary: filled(t.budget) || filled(t.actual) ? `预算数${filled(t.budget) ? '已填' : '空白'}，决算数${filled(t.actual) ? '已填' : '空白'}` : '无数据' };
    }
    default: {
      const t = readFnTable(seg, key as FnKey, p);
      if (!t) return undefined;
      return { data: t, summary: t.rows.length ? `${t.rows.length} 行${t.total ? '（另有合计行）' : ''}` : t.total ? '只有合计行' : '无数据' };
    }
  }
}

function mostFrequent<T>(xs: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
}

