// One catalogue of every finding the loader and the checker can report. Rule ids are stable:
// tests, scripts and finance bureaus refer to them; never rename one. Severity is the default
// (rounding differences downgrade a sum rule to "note" at run time).
import type { Severity } from '../diagnostics/diagnostic.ts';

export interface RuleInfo {
  readonly severity: Severity;
  readonly title: string;
  readonly hint: string;
}

const SUM_HINT = '核对该行/列的数字与决算软件导出的报表是否一致；差额在四舍五入误差（每个加数 0.01 万元）以内时仅作提示。';

export const CATALOGUE = {
  // ---- reading and schema ----------------------------------------------------------------------
  'file-read': { severity: 'error', title: '无法读取文件', hint: '检查文件路径和读取权限。' },
  'yaml-syntax': { severity: 'error', title: 'YAML 语法错误', hint: '检查缩进（只能用空格）、冒号后的空格和引号是否成对。' },
  'yaml-duplicate-key': { severity: 'error', title: '键重复', hint: '同一层级中每个键只能出现一次，删除或合并重复的键。' },
  'schema-required': { severity: 'error', title: '缺少必填项', hint: '补上该项；各项含义见 JSON Schema（schema/juesuan.schema.json）或 README。' },
  'schema-type': { severity: 'error', title: '类型错误', hint: '检查该项应是数字、文字、列表还是对象。' },
  'schema-unknown-key': { severity: 'error', title: '未知的键', hint: '多半是拼写错误：未知的键不会被忽略，请改成正确的键名或删除。' },
  'schema-value': { severity: 'error', title: '取值不合法', hint: '按提示改为允许的取值。' },
  'amount-format': { severity: 'error', title: '金额不是数字', hint: '金额写成 1234.56 或 1,234.56，不要带单位或其他文字。' },
  'amount-negative': { severity: 'error', title: '金额为负数', hint: '决算表中的金额不能为负；如确为冲减，请与财政部门确认口径。' },
  'amount-precision': { severity: 'error', title: '金额小数位过多', hint: '金额最多保留 2 位小数（万元或元，视 meta.unit 而定）。' },
  'code-format': { severity: 'error', title: '科目编码格式错误', hint: '功能分类：类 3 位、款 5 位、项 7 位；经济分类：类 3 位、款 5 位。' },
  'profile-unknown': { severity: 'error', title: '格式模板不存在', hint: '检查 meta.profile 是否与 templates/ 下的文件夹名一致。' },

  // ---- codes --------------------------------------------------------------------------------------
  'code-unknown': { severity: 'warning', title: '科目编码不在内置科目表中', hint: '核对编码；如确为新增科目，请把它补充到 src/dictionary/ 的科目表中（含说明，用于名词解释）。' },
  'code-name-mismatch': { severity: 'error', title: '科目编码与名称不符', hint: '以《政府收支分类科目》为准改正编码或名称。' },
  'code-duplicate': { severity: 'error', title: '科目编码重复', hint: '同一张表中每个科目只能出现一次，合并重复的行。' },
  'code-orphan': { severity: 'error', title: '科目缺少上级科目行', hint: '表中已列出小计行时，每个项都要有所属的款、每个款都要有所属的类；或删除全部小计行由程序推算。' },
  'code-order': { severity: 'note', title: '科目行顺序与编码顺序不一致', hint: '生成时按 类→款→项 的编码顺序重新排列。' },
  't01-class-not-in-profile': { severity: 'error', title: '类级科目不在本格式的收支总表行中', hint: '检查类级编码，或在格式模板的 classLines 中补充该类。' },

  // ---- within one table ---------------------------------------------------------------------------
  't01-income-sum': { severity: 'error', title: '公开01表 本年收入合计 ≠ 各项收入之和', hint: SUM_HINT },
  't01-income-grand-total': { severity: 'error', title: '公开01表 收入总计 ≠ 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', hint: SUM_HINT },
  't01-expenditure-sum': { severity: 'error', title: '公开01表 本年支出合计 ≠ 各类支出之和', hint: SUM_HINT },
  't01-expenditure-grand-total': { severity: 'error', title: '公开01表 支出总计 ≠ 本年支出合计 + 结余分配 + 年末结转和结余', hint: SUM_HINT },
  't01-balance': { severity: 'error', title: '公开01表 收入总计 ≠ 支出总计', hint: '收支总表两边的总计必须相等。' },
  'fn-row-formula': { severity: 'error', title: '行内栏次公式不成立', hint: SUM_HINT },
  'fn-class-sum': { severity: 'error', title: '类 ≠ 所属各款之和', hint: SUM_HINT },
  'fn-section-sum': { severity: 'error', title: '款 ≠ 所属各项之和', hint: SUM_HINT },
  'fn-total-sum': { severity: 'error', title: '合计行 ≠ 各类之和', hint: SUM_HINT },
  't04-fund-sum': { severity: 'error', title: '公开04表 小计 ≠ 三类财政拨款之和', hint: SUM_HINT },
  't04-income-sum': { severity: 'error', title: '公开04表 本年收入合计 ≠ 各项财政拨款收入之和', hint: SUM_HINT },
  't04-expenditure-sum': { severity: 'error', title: '公开04表 本年支出合计 ≠ 各类支出之和', hint: SUM_HINT },
  't04-grand-total': { severity: 'error', title: '公开04表 总计 ≠ 本年合计 + 结转和结余', hint: SUM_HINT },
  't04-balance': { severity: 'error', title: '公开04表 收入总计 ≠ 支出总计', hint: '财政拨款收支总表两边的总计必须相等（分资金来源亦然）。' },
  't06-group-sum': { severity: 'error', title: '公开06表 经济分类类级 ≠ 所属各款之和', hint: SUM_HINT },
  't06-personnel-sum': { severity: 'error', title: '公开06表 人员经费合计 ≠ 301 + 303', hint: SUM_HINT },
  't06-public-sum': { severity: 'error', title: '公开06表 公用经费合计 ≠ 302 + 307 + 310 + 312 + 399 等', hint: SUM_HINT },
  't06-class-unknown': { severity: 'warning', title: '公开06表 经济分类类级不属于人员经费或公用经费', hint: '基本支出明细表通常只含 301、303（人员经费）和 302、307、309、310、312、399（公用经费）。' },
  't09-sum': { severity: 'error', title: '公开09表 “三公”经费合计或小计不成立', hint: '合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车小计 = 购置费 + 运行维护费。' },

  // ---- across tables ------------------------------------------------------------------------------
  'x-t01-t03-class': { severity: 'error', title: '公开01表 类级支出 ≠ 公开03表 类级本年支出合计', hint: '两表同一类的金额必须一致。' },
  'x-t02-t01-income': { severity: 'error', title: '公开02表 合计行 ≠ 公开01表 对应收入行', hint: '02表各栏合计应等于01表本年收入合计及对应收入项目。' },
  'x-t03-t01-expenditure': { severity: 'error', title: '公开03表 本年支出合计 ≠ 公开01表 本年支出合计', hint: '两表支出合计必须一致。' },
  'x-t04-t01-income': { severity: 'error', title: '公开04表 财政拨款收入 ≠ 公开01表 对应收入行', hint: '04表各类财政拨款收入应等于01表行1–3。' },
  'x-t05-t04-class': { severity: 'error', title: '公开05表 类级支出 ≠ 公开04表 一般公共预算财政拨款栏', hint: '05表各类小计应等于04表同一类的一般公共预算财政拨款支出。' },
  'x-t05-t06-basic': { severity: 'error', title: '公开05表 基本支出 ≠ 公开06表 人员经费合计 + 公用经费合计', hint: '基本支出明细表的合计必须等于一般公共预算财政拨款基本支出。' },
  'x-t07-t04': { severity: 'error', title: '公开07表 ≠ 公开04表 政府性基金预算财政拨款栏', hint: '07表的收入、支出、结转结余应等于04表政府性基金栏。' },
  'x-t08-t04': { severity: 'error', title: '公开08表 ≠ 公开04表 国有资本经营预算财政拨款栏', hint: '08表的支出应等于04表国有资本经营栏。' },

  // ---- narrative inputs ---------------------------------------------------------------------------
  'budget-items-sum': { severity: 'warning', title: '分项年初预算之和 ≠ 年初预算总数', hint: '核对 narrative.budget 的分项预算和总数。' },
  'budget-unknown-code': { severity: 'warning', title: '年初预算科目未出现在公开05表中', hint: '年初预算列出的科目应是本年有支出或有预算的科目；核对编码。' },
  'projects-total': { severity: 'error', title: '项目清单合计 ≠ 一般公共预算财政拨款项目支出', hint: '清单声明完整（complete: true）时，各项目决算数之和应等于公开05表项目支出合计。' },
  'project-execution': { severity: 'warning', title: '项目决算数超过预算数', hint: '核对项目预算数和执行数。' },
  'three-public-reception-split': { severity: 'error', title: '外宾接待 + 国内公务接待 ≠ 公务接待费决算数', hint: '两项接待支出之和应等于公开09表公务接待费决算数。' },
  'procurement-sme': { severity: 'error', title: '授予中小（小微）企业合同金额超过其上级金额', hint: '授予中小企业金额不能超过对应采购金额，授予小微企业金额不能超过授予中小企业金额。' },
  'previous-missing': { severity: 'note', title: '缺少上年数据', hint: '提供 narrative.previous 后，说明部分会写出与上年的比较。' },

  // ---- appendix -----------------------------------------------------------------------------------
  'appendix-basic-total': { severity: 'error', title: '整体自评表 基本支出总额 ≠ 公开03表 基本支出', hint: '核对自评表的基本支出总额。' },
  'appendix-project-total': { severity: 'error', title: '整体自评表 项目支出总额 ≠ 公开03表 项目支出', hint: '核对自评表的项目支出总额。' },
  'appendix-actual-total': { severity: 'warning', title: '整体自评表 执行数 ≠ 本年支出合计', hint: '部门整体支出执行数通常等于本年支出合计。' },
  'score-execution': { severity: 'warning', title: '预算执行得分与公式不符', hint: '得分 = 权重 × 执行率（不超过权重）；生成时使用按公式计算的得分。' },
  'score-group-weight': { severity: 'error', title: '一级指标得分超过其权重', hint: '同一一级指标下各三级指标得分之和不能超过该一级指标的权重。' },
  'score-level1-unknown': { severity: 'error', title: '一级指标不在格式模板的权重方案中', hint: '一级指标名称应与格式模板的 appendix.weights 一致，如 成本指标、产出指标、效益指标、满意度指标。' },
  'score-total': { severity: 'warning', title: '总分与各项得分之和不符', hint: '总分 = 预算执行得分 + 各指标得分；生成时使用计算出的总分。' },

  // ---- optional documents (reports) ---------------------------------------------------------------
  'report-score-weight': { severity: 'error', title: '自评报告评分表 得分超过权重', hint: '每一行的得分不能超过该行的权重（评级分值）；核对得分和权重。' },
  'report-weight-sum': { severity: 'error', title: '自评报告评分表 权重之和 ≠ 100', hint: '投入、过程、产出、效果等各行权重之和应为 100。' },
  'report-score-total': { severity: 'warning', title: '自评报告评分表 综合得分 ≠ 各行得分之和', hint: '综合得分 = 各行得分之和；生成时使用计算出的综合得分。' },
  'report-grade': { severity: 'warning', title: '自评报告评分表 综合等级与得分率不符', hint: '等级按得分率和等级划分（格式模板或数据中的 grades）确定；生成时使用计算出的等级。' },
  'report-grades': { severity: 'error', title: '自评报告评分表 等级划分缺失或不合法', hint: '在格式模板的 reports.grades 或数据的 reports.selfEvaluation.scores.grades 中按最低得分率由高到低列出等级，最低一档为 0，如 优 90、良 80、中 60、差 0。' },
  'report-spending-sum': { severity: 'error', title: '自评报告 部门决算支出 ≠ 基本支出 + 项目支出', hint: '核对自评报告中的支出金额；差额在四舍五入误差（每个加数 0.01 元，按万元填写时 0.01 万元）以内时仅作提示。' },
  'report-spending-items': { severity: 'warning', title: '自评报告 基本支出或项目支出 ≠ 所列各项之和', hint: '基本支出应等于所列各经济分类之和，项目支出应等于所列各项目实际支出之和；如有漏列的项目请补上。' },
  'report-spending-tables': { severity: 'warning', title: '自评报告 支出金额与决算表不一致', hint: '自评报告中的部门决算支出、基本支出、项目支出应与公开01/03表一致（按元填写的金额四舍五入到万元后与表中金额相同即为一致）。' },
  'declaration-income-total': { severity: 'error', title: '绩效目标申报表 收入合计 ≠ 财政拨款 + 其他资金', hint: SUM_HINT },
  'declaration-expenditure-total': { severity: 'error', title: '绩效目标申报表 支出合计 ≠ 基本支出 + 项目支出', hint: SUM_HINT },
  'declaration-balance': { severity: 'warning', title: '绩效目标申报表 收入合计 ≠ 支出合计', hint: '部门预算收支应平衡；核对收入构成和支出构成。' },
  'declaration-history-year': { severity: 'error', title: '绩效目标申报表 近两年收支情况的年度不对', hint: '近两年收支情况只列申报年度的上年和前年（如 2020 年度申报表列 2019 年、2018 年），每年一次。' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof CATALOGUE;
