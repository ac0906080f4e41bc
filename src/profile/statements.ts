// The layout of 第二部分 决算表: templates/<name>/statements.yaml, one entry per printed table, in
// printed order. Everything format-specific lives here (numbering, titles, header grids with spans,
// column widths, notes, empty-table statements, orientation, line labels, the three column groups
// of 公开06表); the compose stage only fills the grid with the derived numbers.
//
// Text fields marked "template" are Handlebars (strict, no escaping). Variables: year, department
// (meta.department), fullName (meta.fullName), number (the entry's own number). Class line labels
// of 公开01/04表 see `no` and `name` instead, plus the helper `chineseNumber` (1 → 一).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { locate } from '../input/source.ts';
import { formatPath } from '../diagnostics/diagnostic.ts';
import { economicCodes } from '../dictionary/dictionary.ts';
import { chineseNumber } from '../narrate/chinese-numbers.ts';
import { FN_TABLES, type FnTableKey } from '../derive/specs.ts';

z.config(z.locales.zhCN());

// ---------------------------------------------------------------------------------------------
// Template text

const hb = Handlebars.create();
hb.registerHelper('chineseNumber', (n: unknown) => chineseNumber(n));
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** Render one template text of statements.yaml (compiled once, strict: an unknown variable throws). */
export function renderText(template: string, vars: object): string {
  let fn = compiled.get(template);
  if (!fn) {
    fn = hb.compile(template, { strict: true, noEscape: true });
    compiled.set(template, fn);
  }
  return fn(vars);
}

/** Variables of titles, outlines, captions, notes and empty statements. */
export interface StatementVars {
  readonly year: number;
  readonly department: string;
  readonly fullName: string;
}

const SAMPLE_VARS = { year: 2024, department: '部门', fullName: '部门全称', number: '表1' };
const SAMPLE_LINE = { no: 1, name: '一般公共服务支出' };

/** A template text, checked at load time by rendering it with sample variables. */
const template = (sample: object = SAMPLE_VARS) =>
  z.string().superRefine((t, ctx) => {
    try {
      renderText(t, sample);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `模板有误：${templateProblem(e as Error)}（可用变量：${Object.keys(sample).join('、')}）` });
    }
  });

/** A Handlebars error in Chinese: an unknown variable, or the parser's first line. */
function templateProblem(e: Error): string {
  const unknown = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(e.message);
  if (unknown) return `变量“${unknown[1]}”未定义（模板第 ${unknown[2]} 行第 ${Number(unknown[3]) + 1} 列）`;
  const lines = e.message.split('\n').filter((l) => l.trim() !== '');
  return `语法错误（${[lines[0], lines.length > 1 ? lines[lines.length - 1] : undefined].filter(Boolean).join(' ')}）`;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Numbers written without quotes (栏次 1, 2, …; codes 301) are read as their text. */
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string());
const align = z.enum(['left', 'center', 'right']);
const span = z.number().int().min(1);

/** One grid column: its relative width and the alignment of its body cells. */
const column = z.strictObject({ width: z.number().positive(), align });

/** A header cell: plain text, or text with spans and alignment (default: centred). */
const headerCell = z.union([text, z.strictObject({ text, colSpan: span.optional(), rowSpan: span.optional(), align: align.optional() })]);
export type HeaderCellSpec = z.output<typeof headerCell>;

/** A labelled line of 公开01/04表: its label and which derived value it prints (absent: blank). */
const sideLine = <V extends readonly [string, ...string[]]>(values: V) =>
  z.strictObject({ label: z.string().default(''), value: z.enum(values).optional() });

const emphasis = z.enum(['total', 'subtotal']);

/** Fields shared by every table entry. */
const base = {
  /** printed number: "公开01表", "表1" */
  number: z.string().min(1),
  /** title line (template): "{{year}}年度收入支出决算总表" */
  title: template(),
  /** 目录 entry (template); absent: the table is not in the 目录 */
  outline: template().optional(),
  orientation: z.enum(['portrait', 'landscape']),
  /** smaller type */
  dense: z.boolean().default(false),
  /** print the 部门 caption line */
  showDepartment: z.boolean().default(true),
  /** unit caption; default: the file's `unit` */
  unit: z.string().optional(),
  columns: z.array(column).min(1),
  /** header rows (HTML-like: a row lists only the cells that start in it) */
  header: z.array(z.array(headerCell).min(1)).min(1),
  /** note lines under the table (templates) */
  notes: z.array(template()).default([]),
  /** statement printed when the table has no data (template); absent: none */
  empty: template().optional(),
};

// 公开01表: values a line may print
const T01_LEFT = [
  'income.generalBudget',
  'income.govFund',
  'income.stateCapital',
  'income.superior',
  'income.business',
  'income.operating',
  'income.affiliated',
  'income.other',
  'incomeTotal',
  'useNonFiscalBalance',
  'openingBalance',
  'incomeGrandTotal',
] as const;
const T01_RIGHT = ['expenditureTotal', 'balanceDistribution', 'closingBalance', 'expenditureGrandTotal'] as const;

// 公开04表: left values are single amounts, right values are fund splits
const T04_LEFT = [
  'income.general',
  'income.govFund',
  'income.stateCapital',
  'incomeTotal',
  'opening.total',
  'opening.general',
  'opening.govFund',
  'opening.stateCapital',
  'incomeGrandTotal',
] as const;
const T04_RIGHT = ['expenditureTotal', 'closing', 'expenditureGrandTotal'] as const;
const SPLIT_KEYS = ['total', 'general', 'govFund', 'stateCapital'] as const;

/** The two-sided summary tables: income lines, blank lines, class lines, then paired totals. */
const twoSided = <L extends readonly [string, ...string[]], R extends readonly [string, ...string[]]>(left: L, right: R) => ({
  /** income-side lines 1…n, above the blank lines */
  income: z.array(sideLine(left)).min(1),
  /** label of each expenditure class line (template with no, name): "{{chineseNumber no}}、{{name}}" */
  classLabel: template(SAMPLE_LINE),
  /** print 行次 on the blank income lines (9–26) */
  numberBlankLines: z.boolean().default(true),
  /** total lines, income and expenditure side by side (27–30 | 57–60) */
  totals: z.array(z.strictObject({ income: sideLine(left), expenditure: sideLine(right), emphasis: emphasis.optional() })).min(1),
});

const t01Entry = z.strictObject({ table: z.literal('t01'), ...base, ...twoSided(T01_LEFT, T01_RIGHT) });

const t04Entry = z.strictObject({
  table: z.literal('t04'),
  ...base,
  ...twoSided(T04_LEFT, T04_RIGHT),
  /** the expenditure amount columns, in order: 小计 and the three funds */
  split: z.array(z.enum(SPLIT_KEYS)).min(1),
});

const FN_KEYS = ['t02', 't03', 't05', 't07', 't08'] as const satisfies readonly FnTableKey[];

const fnEntry = z.strictObject({
  table: z.enum(FN_KEYS),
  ...base,
  /** value columns in order (keys of the derived table: total, fiscal, basic, …) */
  values: z.array(z.string()).min(1),
  /** columns the code cell spans (类 | 款 | 项) */
  codeSpan: span.default(3),
  /** label of the 合计 row, spanning the code and name columns */
  totalLabel: z.string().default('合计'),
});

const econCode = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().regex(/^\d{3}(\d{2})?$/, '应为 3 位（类）或 5 位（款）经济分类科目编码'));

/**
 * A line of 公开06表: an economic code (its name from the dictionary) or { code, name } to print
 * another name. Codes must be in the dictionary. The data's own name wins when the data has the row.
 */
const econLine = z
  .union([econCode, z.strictObject({ code: econCode, name: z.string().min(1) })])
  .superRefine((l, ctx) => {
    const code = typeof l === 'string' ? l : l.code;
    if (!economicCodes().get(code)) ctx.addIssue({ code: 'custom', message: `经济分类科目 ${code} 不在科目字典中` });
  })
  .transform((l) => (typeof l === 'string' ? { code: l, name: economicCodes().get(l)?.name ?? l } : l));
export type EconLine = z.output<typeof econLine>;

const t06Entry = z.strictObject({
  table: z.literal('t06'),
  ...base,
  /** column groups side by side (code | name | amount each); the lines each lists, top to bottom */
  groups: z.array(z.strictObject({ lines: z.array(econLine).min(1) })).min(1),
  /** the bottom row: labels and the two totals */
  footer: z
    .array(z.strictObject({ text: z.string().optional(), value: z.enum(['personnelTotal', 'publicTotal']).optional(), colSpan: span.optional(), align: align.optional() }))
    .min(1),
});

const T09_VALUES = [
  'budget.total',
  'budget.abroad',
  'budget.vehicle.total',
  'budget.vehicle.purchase',
  'budget.vehicle.operation',
  'budget.reception',
  'actual.total',
  'actual.abroad',
  'actual.vehicle.total',
  'actual.vehicle.purchase',
  'actual.vehicle.operation',
  'actual.reception',
] as const;

const t09Entry = z.strictObject({
  table: z.literal('t09'),
  ...base,
  /** the values of the one data row, in column order */
  values: z.array(z.enum(T09_VALUES)).min(1),
});

const entry = z.discriminatedUnion('table', [t01Entry, fnEntry, t04Entry, t06Entry, t09Entry]).superRefine(checkEntry);

export const statementsSchema = z
  .strictObject({
    /** the 部门 caption line (template): "部门：{{department}}" */
    department: template().default('部门：{{department}}'),
    /** default unit caption */
    unit: z.string().default('单位：万元'),
    /** print `number` as its own caption line; false when the title carries it ("…总表（表1）") */
    printNumber: z.boolean().default(true),
    /** the tables in printed order */
    tables: z.array(entry).min(1),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.tables.forEach((t, i) => {
      if (seen.has(t.table)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'table'], message: `表“${t.table}”重复出现：每张表只能列一次` });
      seen.add(t.table);
    });
  });

export type Statements = z.output<typeof statementsSchema>;
export type StatementEntry = Statements['tables'][number];
export type T01Entry = z.output<typeof t01Entry>;
export type T04Entry = z.output<typeof t04Entry>;
export type FnEntry = z.output<typeof fnEntry>;
export type T06Entry = z.output<typeof t06Entry>;
export type T09Entry = z.output<typeof t09Entry>;

// ---------------------------------------------------------------------------------------------
// Cross-field checks: every grid row fills exactly the column count

/** How many body columns an entry's rows fill. */
export function bodyWidth(e: StatementEntry): number {
  switch (e.table) {
    case 't01':
      return 6;
    case 't04':
      return 5 + e.split.length;
    case 't06':
      return e.groups.length * 3;
    case 't09':
      return e.values.length;
    default:
      return e.codeSpan + 1 + e.values.length;
  }
}

/** Width of each header row, given the row spans reaching down from rows above; errors in Chinese. */
export function headerProblems(rows: readonly (readonly HeaderCellSpec[])[], width: number): { row: number; message: string }[] {
  const problems: { row: number; message: string }[] = [];
  const carried: number[] = []; // per row: columns covered by row spans from above
  rows.forEach((cells, r) => {
    let filled = carried[r] ?? 0;
    for (const c of cells) {
      const cs = typeof c === 'string' ? 1 : (c.colSpan ?? 1);
      const rs = typeof c === 'string' ? 1 : (c.rowSpan ?? 1);
      filled += cs;
      for (let k = 1; k < rs; k++) carried[r + k] = (carried[r + k] ?? 0) + cs;
    }
    if (filled !== width) problems.push({ row: r, message: `表头第 ${r + 1} 行占 ${filled} 列（含上方跨行单元格），应为 ${width} 列` });
  });
  if (carried.length > rows.length) problems.push({ row: rows.length - 1, message: '表头有单元格跨行超出表头末行' });
  return problems;
}

function checkEntry(e: StatementEntry, ctx: z.core.$RefinementCtx<StatementEntry>): void {
  const width = bodyWidth(e);
  if (e.columns.length !== width) ctx.addIssue({ code: 'custom', path: ['columns'], message: `列数为 ${e.columns.length}，而表体每行占 ${width} 列` });
  for (const p of headerProblems(e.header, e.columns.length)) ctx.addIssue({ code: 'custom', path: ['header', p.row], message: p.message });
  switch (e.table) {
    case 't01':
    case 't04':
    case 't09':
      return;
    case 't06': {
      const footer = e.footer.reduce((n, c) => n + (c.colSpan ?? 1), 0);
      if (footer !== width) ctx.addIssue({ code: 'custom', path: ['footer'], message: `合计行占 ${footer} 列，应为 ${width} 列` });
      e.footer.forEach((c, i) => {
        if (c.text !== undefined && c.value !== undefined) ctx.addIssue({ code: 'custom', path: ['footer', i], message: 'text 与 value 只能填一个' });
      });
      const seen = new Set<string>();
      e.groups.forEach((g, gi) =>
        g.lines.forEach(({ code }, li) => {
          if (seen.has(code)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'lines', li], message: `科目 ${code} 重复列出` });
          seen.add(code);
        }),
      );
      return;
    }
    default: {
      const known = FN_TABLES[e.table].columns.map((c) => c.key);
      e.values.forEach((v, i) => {
        if (!known.includes(v)) ctx.addIssue({ code: 'custom', path: ['values', i], message: `“${v}”不是${FN_TABLES[e.table as FnTableKey].label}的列，可用：${known.join('、')}` });
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

export class StatementsError extends Error {
  override name = 'StatementsError';
}

export const STATEMENTS_FILE = 'statements.yaml';

/** Read and validate `<dir>/statements.yaml`; throws StatementsError naming file:line:col and the data path. */
export function loadStatements(dir: string): Statements {
  const file = join(dir, STATEMENTS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new StatementsError(code === 'ENOENT' ? `找不到决算表格式文件 ${file}` : `无法读取决算表格式文件 ${file}（${code ?? String(e)}）`);
  }
  return parseStatements(file, text);
}

/** Validate statements.yaml text (`file` names it in messages). */
export function parseStatements(file: string, text: string): Statements {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const msgs = doc.errors.map((e) => {
      const p = lines.linePos(e.pos[0]);
      return `  ${file}:${p.line}:${p.col} YAML 语法错误：${e.message.split('\n')[0]}`;
    });
    throw new StatementsError(`决算表格式文件 ${file} 不合法：\n${msgs.join('\n')}`);
  }
  const result = statementsSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const source = { file, text, doc, lines };
  const msgs = result.error.issues.flatMap((issue) => describeIssue(issue)).map(({ path, message }) => {
    const pos = locate(source, path);
    return `  ${file}:${pos.line}:${pos.col} ${formatPath(path)}：${message}`;
  });
  throw new StatementsError(`决算表格式文件 ${file} 不合法：\n${msgs.join('\n')}`);
}

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

function describeIssue(issue: Issue, prefix: Path = []): { path: Path; message: string }[] {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: [...path, k], message: `未知的键“${k}”` }));
    case 'invalid_union': {
      const disc = issue as { discriminator?: string; options?: unknown[] };
      if (disc.discriminator) return [{ path, message: `应为 ${(disc.options ?? []).map(String).join('、')} 之一` }];
      // the branch that got furthest explains best
      const best = issue.errors.filter((b) => b.length > 0).sort((a, b) => a.length - b.length)[0];
      return best ? best.flatMap((b) => describeIssue(b, path)) : [{ path, message: issue.message }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}
