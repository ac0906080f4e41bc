// The two 绩效自评表 forms: 部门整体绩效自评表 and 项目绩效自评表 (with the project's analysis text).
import type { Block, Row, Table } from '../../model/document.ts';
import type { TableBuilder } from '../booklet.ts';
import { departmentTotal, projectTotal } from '../../derive/scores.ts';
import { AppendixError, fillPlaceholders, flag, parseArgs } from './args.ts';
import {
  LABELS,
  CHOICES,
  appendixOf,
  choiceLine,
  closingRows,
  computedExecution,
  executionRows,
  figureVars,
  formTable,
  indicatorRows,
  labelRow,
  pairRow,
  sheetOf,
  type Sheet,
} from './form.ts';
import { projectAnalysis } from './analysis.ts';

const CAPTIONS = ['title', 'left', 'right'] as const;

/** Default wording of the goal rows ({n}: the goal's number, {weight}: "（80 分）"); the template may override it. */
const GOAL_TITLE = (s: Sheet) => `${LABELS.goal}${s.sp}{n}：{weight}`;
const GOAL_LABEL = `${LABELS.goal}{weight}`;

/**
 * `::table appendixDepartment [options]` — the 部门整体绩效自评表.
 *
 * Options: title= left= right= (caption lines; placeholders {year} {department} {unitName}
 * {fillYear} {fillMonth} {fillDay} {budget} {actual} {rate} {formRate} {score} {total}),
 * goalTitle= (the row above each block, default "年度绩效目标 {n}：{weight}"), goalLabel= (the
 * merged first cell of each block, default "年度绩效目标{weight}"; 000 prints 年度绩效指标),
 * weights=no (一级指标 without their weights, as 000's sheet), total=no, signature=no.
 */
export const appendixDepartment: TableBuilder = (ctx, format, arg) => {
  const where = `格式模板 ${format.name} 的 ::table appendixDepartment`;
  const args = parseArgs(arg, [...CAPTIONS, 'goalTitle', 'goalLabel', 'weights', 'total', 'signature'], where);
  if (args.positional.length > 0) throw new AppendixError(`${where}：不需要位置参数（${args.positional.join(' ')}）`);
  const s = sheetOf(ctx, format, where);
  const d = appendixOf(s).department;
  if (!d) throw new AppendixError(`${where}：数据没有 appendix.department（部门整体绩效自评表）；模板中请用 {{#if data.appendix.department}} … {{/if}} 包住`);

  const exec = computedExecution(s, d.budget, d.actual);
  const total = departmentTotal(
    exec,
    d.goals.map((g) => g.indicators),
    s.places,
  );
  const vars = figureVars(s, { budget: d.budget, actual: d.actual, total });
  const weight = s.weight(s.goalWeight);
  const goalTitle = args.options['goalTitle'] ?? GOAL_TITLE(s);
  const goalLabel = args.options['goalLabel'] ?? GOAL_LABEL;

  const body: Row[] = [
    labelRow(LABELS.unitName, appendixOf(s).unitName),
    pairRow(LABELS.basicTotal, s.wan(d.basicTotal), LABELS.projectTotal, s.wan(d.projectTotal)),
    ...executionRows(s, LABELS.departmentLine, d.budget, d.actual),
  ];
  d.goals.forEach((g, i) => {
    const goalVars = { ...vars, n: String(i + 1), weight };
    body.push(labelRow(fillPlaceholders(goalTitle, goalVars, `${where} goalTitle=`), g.text));
    body.push(...indicatorRows(s, fillPlaceholders(goalLabel, goalVars, `${where} goalLabel=`), g.indicators, flag(args, 'weights', true, where)));
  });
  body.push(...closingRows(s, flag(args, 'total', true, where) ? total : undefined, d.deviation, d.improvement, flag(args, 'signature', true, where)));
  return formTable(s, 'table-appendix-department', args, vars, body);
};

/** The i-th project sheet of the data (index from the template's {{@index}}). */
function projectAt(s: Sheet, positional: readonly string[]) {
  const projects = appendixOf(s).projects;
  const [index, ...extra] = positional;
  if (index === undefined || !/^\d+$/u.test(index) || extra.length > 0)
    throw new AppendixError(`${s.where}：需要一个项目序号（从 0 起，如 ::table ${s.where.split(' ').pop()} {{@index}}），而不是“${positional.join(' ')}”`);
  const i = Number(index);
  const p = projects[i];
  if (!p) throw new AppendixError(`${s.where}：项目序号 ${i} 超出范围（数据中有 ${projects.length} 个项目自评表，序号 0–${projects.length - 1}）`);
  return { p, i };
}

/**
 * `::table appendixProject <index> [options]` — for project <index> (0-based): the analysis
 * text (（1）预算执行情况分析, （2）绩效目标完成情况分析 with ①…), then the 项目绩效自评表.
 *
 * Options: title= left= right= (caption lines; placeholders as for the department sheet plus
 * {name}), goalLabel= (default "年度绩效目标{weight}"), signature=no, analysis=no (the sheet
 * only, as 000 prints it), execution= (the sentence of （1）, placeholders {budget} {actual}
 * {rate} {score}; default: the data's executionAnalysis, else a sentence from the figures).
 */
export const appendixProject: TableBuilder = (ctx, format, arg) => {
  const where = `格式模板 ${format.name} 的 ::table appendixProject`;
  const args = parseArgs(arg, [...CAPTIONS, 'goalLabel', 'signature', 'analysis', 'execution'], where);
  const s = sheetOf(ctx, format, where);
  const { p, i } = projectAt(s, args.positional);

  const exec = computedExecution(s, p.budget, p.actual);
  const total = projectTotal(exec, p.indicators, s.places);
  const vars = { ...figureVars(s, { budget: p.budget, actual: p.actual, total }), name: p.name };
  const goalLabel = fillPlaceholders(args.options['goalLabel'] ?? GOAL_LABEL, { ...vars, weight: s.weight(s.goalWeight) }, `${where} goalLabel=`);

  const body: Row[] = [
    labelRow(LABELS.name, p.name),
    pairRow(LABELS.supervisor, p.supervisor, LABELS.implementer, p.implementer),
    labelRow(LABELS.category, choiceLine(CHOICES.category, p.category)),
    labelRow(LABELS.attribute, choiceLine(CHOICES.attribute, p.attribute)),
    labelRow(LABELS.kind, choiceLine(CHOICES.kind, p.kind)),
    ...executionRows(s, LABELS.projectLine, p.budget, p.actual),
    ...indicatorRows(s, goalLabel, p.indicators, true),
    ...closingRows(s, total, p.deviation, p.improvement, flag(args, 'signature', true, where)),
  ];
  const table: Table = formTable(s, `table-appendix-project-${i + 1}`, args, vars, body);
  if (!flag(args, 'analysis', true, where)) return table;
  const blocks: Block[] = [...projectAnalysis(s, p, args.options['execution'], vars), table];
  return blocks;
};
