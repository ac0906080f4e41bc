// A format profile (格式模板): everything that differs between regions and years lives in
// templates/<name>/profile.yaml, never in code. The narrative issue adds templates and wording.
import { z } from 'zod';

const classLine = z.strictObject({
  code: z.string().regex(/^\d{3}$/).meta({ description: '类级功能分类科目编码' }),
  name: z.string().min(1).meta({ description: '行名（不含序号），如 一般公共服务支出' }),
});

const textStyle = z.strictObject({
  eastAsia: z.string().min(1).meta({ description: 'Word 中文字体名，如 仿宋_GB2312、黑体、楷体_GB2312、方正小标宋简体' }),
  latin: z.string().min(1).default('Times New Roman'),
  pdf: z.string().min(1).meta({ description: 'PDF 字体键：serif、sans 或 fonts 中映射的键' }),
  size: z.number().positive().meta({ description: '字号（磅）：三号 16，四号 14，小四 12，五号 10.5' }),
  bold: z.boolean().default(false),
  lineHeight: z.number().min(0).default(0).meta({ description: '行距（磅），0 为单倍行距' }),
});

const wording = z.strictObject({
  percentPlaces: z.number().int().min(0).max(4),
  trimIntegerPercent: z.boolean().default(true),
  thousands: z.boolean().default(false),
  tableThousands: z.boolean().default(false),
  increase: z.string().min(1).default('增加'),
  decrease: z.string().min(1).default('减少'),
  growth: z.string().min(1).default('增长'),
  decline: z.string().min(1).default('下降'),
  flat: z.string().min(1).default('与上年持平'),
  spaced: z.boolean().default(true),
  parenStyle: z.enum(['full', 'half']).default('full'),
  zeroAmount: z.string().optional(),
});

const part = z.strictObject({
  /** what the part holds: prose from templates, or the nine statements */
  kind: z.enum(['text', 'statements']).default('text'),
  title: z.string().min(1).meta({ description: '部分标题（Handlebars 模板），编号“第一部分”自动加' }),
  /** template files (relative to the profile folder), rendered in order */
  templates: z.array(z.string().min(1)).default([]),
  /** deepest heading level listed in the 目录 (1: the part title only) */
  tocDepth: z.number().int().min(1).max(3).default(2),
});

export const profileSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  /** the 26 fixed 类 lines of 公开01表 (31–56) and 公开04表 (33–58), in printed order */
  classLines: z.array(classLine).min(1),
  /** economic classes counted as 人员经费 / 公用经费 in 公开06表 */
  personnelClasses: z.array(z.string().regex(/^\d{3}$/)).default(['301', '303']),
  publicClasses: z.array(z.string().regex(/^\d{3}$/)).default(['302', '307', '309', '310', '311', '312', '313', '399']),
  appendix: z
    .strictObject({
      /** weight of the 预算执行 line (得分 = weight × 执行率, capped at weight) */
      executionWeight: z.number().positive(),
      /** level-1 indicator weights, e.g. 成本指标 20, 产出指标 20, 效益指标 30, 满意度指标 10 */
      weights: z.record(z.string(), z.number().positive()),
      /** decimals of computed scores */
      scorePlaces: z.number().int().min(0).max(4).default(2),
    })
    .meta({ description: '绩效自评表的权重方案' }),
  /** optional documents of the appendix (整体支出绩效自评报告): the grade bands of the score table */
  reports: z
    .strictObject({
      /** grades by 得分率 (score / weight, in %), highest first; the last band starts at 0 */
      grades: z.array(z.strictObject({ grade: z.string().min(1), min: z.number().min(0).max(100) })).min(1),
    })
    .optional()
    .meta({ description: '整体支出绩效自评报告的等级划分（数据中的 reports.selfEvaluation.scores.grades 优先）' }),
  wording,
  /** numbering of headings: {n} is the Chinese numeral */
  numbering: z
    .strictObject({
      part: z.string().default('第{n}部分'),
      level2: z.string().default('{n}、'),
      level3: z.string().default('（{n}）'),
    })
    .prefault({}),
  cover: z.strictObject({
    title: z.string().min(1),
    subtitle: z.string().optional(),
  }),
  tocTitle: z.string().default('目 录'),
  parts: z.array(part).min(1),
  /** labels of income / expenditure sources and funds, used by templates and charts */
  labels: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** 第四部分 summary table: column headers and relative widths */
  keyWorkTable: z
    .strictObject({
      headers: z.array(z.string()).length(4),
      widths: z.array(z.number().positive()).length(4),
    })
    .optional(),
  typography: z.strictObject({
    title: textStyle,
    subtitle: textStyle,
    heading1: textStyle,
    heading2: textStyle,
    heading3: textStyle,
    body: textStyle,
    table: textStyle,
    tableHeader: textStyle,
    note: textStyle,
    caption: textStyle,
  }),
  /** extra PDF fonts: key → font files (relative to the project folder), e.g. 仿宋: { normal: fonts/仿宋_GB2312.ttf } */
  fonts: z.record(z.string(), z.strictObject({ normal: z.string().min(1), bold: z.string().optional() })).default({}),
});

export type Profile = z.output<typeof profileSchema>;
