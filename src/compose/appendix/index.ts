// Appendix forms (绩效自评表) by `::table` key (issue 5). The builders keep the forms' structure
// and compute nothing themselves beyond what src/derive/scores.ts provides; the wording that
// differs between formats comes from the template, through the options of the `::table` line
// (see args.ts).
//
//   ::table appendixSummary <sentence with {rate} …>     the 摘要 paragraph of the department sheet
//   ::table appendixDepartment [options]                   部门整体绩效自评表
//   ::table appendixProject <index> [options]              analysis text + 项目绩效自评表 of one project
//   ::table selfEvaluationScores [options]                 评分表 of the 整体支出绩效自评报告 (reports.selfEvaluation)
//   ::table targetDeclaration [options]                    部门整体支出绩效目标申报表 (reports.targetDeclaration)
import type { TableBuilder } from '../booklet.ts';
import { appendixDepartment, appendixProject } from './sheets.ts';
import { appendixSummary } from './analysis.ts';
import { selfEvaluationScores } from './evaluation.ts';
import { targetDeclaration } from './declaration.ts';

export { AppendixError } from './args.ts';

export const APPENDIX_TABLES: Readonly<Record<string, TableBuilder>> = {
  appendixSummary,
  appendixDepartment,
  appendixProject,
  selfEvaluationScores,
  targetDeclaration,
};
