// The data format of one department-year (部门年度决算数据). Everything the booklet needs lives
// here; nothing about the booklet may be hard-coded for one department.
//
// The loader hands numbers over as their source text (so "98.60" keeps its exact digits), which
// is why amounts, counts and codes accept strings. Amounts become exact decimals (Dec) in 万元,
// whatever unit the file declares (元 amounts are divided exactly by 10000).
import { z } from 'zod';
import { Dec, parseDecimalText, yuanToWan } from '../money/decimal.ts';

/** Options that shape the schema: the precision allowed depends on the file's declared unit. */
export interface SchemaOptions {
  /** most decimals an amount may carry (2 in both 万元 and 元 files) */
  readonly maxPlaces: number;
  /** the unit amounts are written in; amounts always come out in 万元 */
  readonly unit: '万元' | '元';
}

/** Rule ids attached to custom issues raised inside the schema (see check/catalogue.ts). */
export const SCHEMA_RULES = {
  amountFormat: 'amount-format',
  amountNegative: 'amount-negative',
  amountPrecision: 'amount-precision',
  codeFormat: 'code-format',
} as const;

const numberInput = z.union([z.string(), z.number()]);

type Parsed = NonNullable<ReturnType<typeof parseDecimalText>>;
type TransformContext = { addIssue(issue: { code: 'custom'; message: string; params: { rule: string } }): void };

/** The checks every amount passes once parsed (decimal places, sign), then the exact value in 万元. */
function checkedAmount(parsed: Parsed, unit: '万元' | '元', raw: unknown, what: string, maxPlaces: number, allowNegative: boolean, ctx: TransformContext): Dec | typeof z.NEVER {
  if (parsed.places > maxPlaces) {
    ctx.addIssue({ code: 'custom', message: `${what}“${String(raw)}”有 ${parsed.places} 位小数，最多允许 ${maxPlaces} 位`, params: { rule: SCHEMA_RULES.amountPrecision } });
    return z.NEVER;
  }
  if (!allowNegative && parsed.value.isNegative()) {
    ctx.addIssue({ code: 'custom', message: `${what}不能为负数（${String(raw)}）`, params: { rule: SCHEMA_RULES.amountNegative } });
    return z.NEVER;
  }
  return (unit === '元' ? yuanToWan(parsed.value) : parsed.value) as Dec;
}

function decimalField(opts: SchemaOptions, what: string, allowNegative = false) {
  return numberInput
    .transform((raw, ctx) => {
      const parsed = parseDecimalText(String(raw));
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: `“${raw}”不是数字`, params: { rule: SCHEMA_RULES.amountFormat } });
        return z.NEVER;
      }
      return checkedAmount(parsed, opts.unit, raw, what, opts.maxPlaces, allowNegative, ctx);
    })
    .meta({ description: what });
}

/**
 * An amount that may carry its unit: "4,785,799.96元", "478.58万元", or a plain number in the
 * file's unit (meta.unit). Parsed exactly (never a binary float); at most two decimals in the unit
 * it is written in; the result is an exact Dec in 万元 like every other amount.
 */
function moneyField(opts: SchemaOptions, what: string) {
  return numberInput
    .transform((raw, ctx) => {
      const written = String(raw).trim();
      const m = /^(.*?)\s*(万元|元)$/u.exec(written);
      const unit = m ? (m[2] as '万元' | '元') : opts.unit;
      const body = m ? m[1]! : written;
      const parsed = parseDecimalText(body);
      if (!parsed) {
        ctx.addIssue({ code: 'custom', message: `${what}“${raw}”不是金额（可写 1234.56、1,234.56元 或 12.35万元）`, params: { rule: SCHEMA_RULES.amountFormat } });
        return z.NEVER;
      }
      return checkedAmount(parsed, unit, raw, what, opts.maxPlaces, false, ctx);
    })
    .meta({ description: `${what}（金额，可带单位：如 4,785,799.96元 或 478.58万元；不带单位时按 meta.unit）` });
}

const count = (what: string) =>
  z
    .union([z.string().regex(/^\d+$/), z.number().int().nonnegative()])
    .transform((v) => Number(v))
    .meta({ description: what });

const text = (what: string) => z.string().trim().min(1).meta({ description: what });

/** Function (支出功能分类) code: 类 3 digits, 款 5, 项 7. */
const functionCode = numberInput
  .transform((v) => String(v))
  .pipe(
    z.string().refine((s) => /^\d{3}(?:\d{2}){0,2}$/.test(s), {
      error: (i) => `功能分类科目编码“${String(i.input)}”应为 3 位（类）、5 位（款）或 7 位（项）数字`,
      params: { rule: SCHEMA_RULES.codeFormat },
    }),
  )
  .meta({ description: '支出功能分类科目编码：类 3 位、款 5 位、项 7 位' });

/** Economic (经济分类) code: 类 3 digits, 款 5. */
const economicCode = numberInput
  .transform((v) => String(v))
  .pipe(z.string().refine((s) => /^\d{3}(?:\d{2})?$/.test(s), {
      error: (i) => `经济分类科目编码“${String(i.input)}”应为 3 位（类）或 5 位（款）数字`,
      params: { rule: SCHEMA_RULES.codeFormat },
    }))
  .meta({ description: '支出经济分类科目编码：类 3 位、款 5 位' });

const date = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD，如 2025-04-21' }))
  .meta({ description: '日期，格式 YYYY-MM-DD' });

export function makeSchema(opts: SchemaOptions = { maxPlaces: 2, unit: '万元' }) {
  const amount = (what: string) => decimalField(opts, what);
  const opt = (what: string) => amount(what).optional();
  const score = (what: string) => decimalField({ maxPlaces: 2, unit: '万元' }, what).optional();

  // ---- function-code tables -------------------------------------------------------------------
  const fnRow = <T extends z.ZodRawShape>(cols: T) =>
    z.strictObject({ code: functionCode, name: text('科目名称'), ...cols });
  const fnTable = <T extends z.ZodRawShape>(cols: T, what: string) =>
    z
      .strictObject({
        total: z.strictObject(cols).optional().meta({ description: '“合计”行（可省略：省略时由明细行推算，填写时校验）' }),
        rows: z.array(fnRow(cols)).default([]).meta({ description: '按 类→款→项 列示的科目行；类、款小计行可省略（自动推算），填写时校验' }),
      })
      .meta({ description: what });

  const t02Cols = {
    total: opt('本年收入合计（栏1）'),
    fiscal: opt('财政拨款收入（栏2）'),
    superior: opt('上级补助收入（栏3）'),
    business: opt('事业收入（栏4）'),
    operating: opt('经营收入（栏5）'),
    affiliated: opt('附属单位上缴收入（栏6）'),
    other: opt('其他收入（栏7）'),
  };
  const t03Cols = {
    total: opt('本年支出合计（栏1）'),
    basic: opt('基本支出（栏2）'),
    project: opt('项目支出（栏3）'),
    toSuperior: opt('上缴上级支出（栏4）'),
    operating: opt('经营支出（栏5）'),
    toAffiliated: opt('对附属单位补助支出（栏6）'),
  };
  const basicProjectCols = { total: opt('本年支出小计/合计'), basic: opt('基本支出'), project: opt('项目支出') };
  const t07Cols = {
    opening: opt('年初结转和结余'),
    income: opt('本年收入'),
    total: opt('本年支出小计'),
    basic: opt('本年支出：基本支出'),
    project: opt('本年支出：项目支出'),
    closing: opt('年末结转和结余'),
  };

  const fundSplit = (what: string) =>
    z
      .strictObject({
        total: opt('小计'),
        general: opt('一般公共预算财政拨款'),
        govFund: opt('政府性基金预算财政拨款'),
        stateCapital: opt('国有资本经营预算财政拨款'),
      })
      .meta({ description: what });

  const classMap = <T extends z.ZodType>(value: T, what: string) =>
    z
      .record(z.string().regex(/^\d{3}$/, { error: '这里的键应为 3 位类级功能分类科目编码，如 201' }), value)
      .default({})
      .meta({ description: what });

  const t01 = z
    .strictObject({
      income: z
        .strictObject({
          generalBudget: opt('一、一般公共预算财政拨款收入（行1）'),
          govFund: opt('二、政府性基金预算财政拨款收入（行2）'),
          stateCapital: opt('三、国有资本经营预算财政拨款收入（行3）'),
          superior: opt('四、上级补助收入（行4）'),
          business: opt('五、事业收入（行5）'),
          operating: opt('六、经营收入（行6）'),
          affiliated: opt('七、附属单位上缴收入（行7）'),
          other: opt('八、其他收入（行8）'),
        })
        .default({}),
      incomeTotal: opt('本年收入合计（行27）'),
      useNonFiscalBalance: opt('使用非财政拨款结余（含专用结余）（行28）'),
      openingBalance: opt('年初结转和结余（行29）'),
      incomeGrandTotal: opt('收入总计（行30）'),
      expenditure: classMap(amount('类级支出金额'), '支出类级科目金额（行31–56），键为类级功能分类科目编码'),
      expenditureTotal: opt('本年支出合计（行57）'),
      balanceDistribution: opt('结余分配（行58）'),
      closingBalance: opt('年末结转和结余（行59）'),
      expenditureGrandTotal: opt('支出总计（行60）'),
    })
    .meta({ description: '公开01表 收入支出决算总表' });

  const t04 = z
    .strictObject({
      income: z
        .strictObject({
          general: opt('一、一般公共预算财政拨款（行1）'),
          govFund: opt('二、政府性基金预算财政拨款（行2）'),
          stateCapital: opt('三、国有资本经营预算财政拨款（行3）'),
        })
        .default({}),
      incomeTotal: opt('本年收入合计（行27）'),
      opening: fundSplit('年初财政拨款结转和结余（行28–31）').default({}),
      incomeGrandTotal: opt('收入总计（行32）'),
      expenditure: classMap(fundSplit('类级支出'), '支出类级科目（行33–58），键为类级功能分类科目编码'),
      expenditureTotal: fundSplit('本年支出合计（行59）').optional(),
      closing: fundSplit('年末财政拨款结转和结余（行60–63）').default({}),
      expenditureGrandTotal: fundSplit('支出总计（行64）').optional(),
    })
    .meta({ description: '公开04表 财政拨款收入支出决算总表' });

  const t06 = z
    .strictObject({
      rows: z
        .array(z.strictObject({ code: economicCode, name: text('科目名称'), amount: amount('决算数') }))
        .default([])
        .meta({ description: '经济分类科目行（只需列出有金额的科目；类级行可省略，自动推算）' }),
      personnelTotal: opt('人员经费合计'),
      publicTotal: opt('公用经费合计'),
    })
    .meta({ description: '公开06表 一般公共预算财政拨款基本支出决算明细表' });

  const threePublic = (what: string) =>
    z
      .strictObject({
        total: opt('合计'),
        abroad: opt('因公出国（境）费'),
        vehicle: z
          .strictObject({ total: opt('小计'), purchase: opt('公务用车购置费'), operation: opt('公务用车运行维护费') })
          .default({})
          .meta({ description: '公务用车购置及运行维护费' }),
        reception: opt('公务接待费'),
      })
      .default({ vehicle: {} })
      .meta({ description: what });

  const t09 = z
    .strictObject({ budget: threePublic('预算数'), actual: threePublic('决算数') })
    .meta({ description: '公开09表 财政拨款“三公”经费支出决算表' });

  const tables = z.strictObject({
    t01,
    t02: fnTable(t02Cols, '公开02表 收入决算表'),
    t03: fnTable(t03Cols, '公开03表 支出决算表'),
    t04,
    t05: fnTable(basicProjectCols, '公开05表 一般公共预算财政拨款支出决算表'),
    t06,
    t07: fnTable(t07Cols, '公开07表 政府性基金预算财政拨款收入支出决算表（无数据时可省略）').default({ rows: [] }),
    t08: fnTable(basicProjectCols, '公开08表 国有资本经营预算财政拨款支出决算表（无数据时可省略）').default({ rows: [] }),
    t09: t09.default({ budget: { vehicle: {} }, actual: { vehicle: {} } }),
  });

  // ---- narrative inputs -----------------------------------------------------------------------
  const comparison = (what: string) =>
    z
      .strictObject({ amount: amount('上年决算数'), reason: text('增减变化的主要原因').optional() })
      .meta({ description: what })
      .optional();

  const previous = z
    .strictObject({
      grandTotal: comparison('上年收、支总计'),
      income: comparison('上年本年收入合计'),
      expenditure: comparison('上年本年支出合计'),
      fiscalGrandTotal: comparison('上年财政拨款收、支总计'),
      generalBudgetIncome: comparison('上年一般公共预算财政拨款收入'),
      generalBudgetExpenditure: comparison('上年一般公共预算财政拨款支出'),
      operatingCost: comparison('上年机关运行经费'),
      threePublic: z
        .strictObject({
          abroad: comparison('上年因公出国（境）费'),
          vehicle: comparison('上年公务用车购置及运行维护费'),
          reception: comparison('上年公务接待费'),
        })
        .optional(),
    })
    .meta({ description: '上年数据与变动原因；没有上年数据时整段省略' });

  const budget = z
    .strictObject({
      generalBudgetExpenditure: opt('一般公共预算财政拨款支出年初预算数'),
      items: z
        .array(
          z.strictObject({
            code: functionCode,
            amount: amount('年初预算数'),
            reason: text('决算数与年初预算数差异的主要原因').optional(),
          }),
        )
        .default([])
        .meta({ description: '按项（或类）列示的年初预算数及差异原因' }),
      operatingCost: opt('机关运行经费年初预算数'),
      operatingCostReason: text('机关运行经费与年初预算差异的主要原因').optional(),
    })
    .default({ items: [] })
    .meta({ description: '年初预算' });

  const project = z.strictObject({
    name: text('项目名称'),
    budget: opt('项目全年预算数'),
    amount: amount('项目支出决算数'),
    outcome: text('主要成效（用于“一般公共预算财政拨款支出决算具体情况”）').optional(),
    results: text('主要产出和效益（用于“预算绩效情况说明”的项目自评综述；省略时用 outcome）').optional(),
  });

  const reception = z.strictObject({
    amount: amount('支出金额'),
    groups: count('接待团组数'),
    persons: count('接待人次'),
  });

  const narrative = z
    .strictObject({
      previous: previous.optional(),
      budget,
      classUses: z
        .record(z.string().regex(/^\d{3}$/), text('主要用途'))
        .default({})
        .meta({ description: '各类级科目“主要是用于……”的用途说明，键为类级编码' }),
      projects: z
        .strictObject({
          complete: z.boolean().default(false).meta({ description: '清单是否完整：为 true 时校验项目合计等于项目支出' }),
          items: z.array(project).default([]),
        })
        .default({ complete: false, items: [] }),
      operatingCost: opt('机关运行经费决算数'),
      threePublic: z
        .strictObject({
          abroadGroups: count('因公出国（境）团组数').default(0),
          abroadPersons: count('因公出国（境）人次').default(0),
          vehiclesPurchased: count('本年度购置（更新）公务用车数').default(0),
          vehiclesHeld: count('公务用车保有量').default(0),
          foreignReception: reception.optional().meta({ description: '外宾接待' }),
          domesticReception: reception.optional().meta({ description: '国内公务接待' }),
        })
        .default({ abroadGroups: 0, abroadPersons: 0, vehiclesPurchased: 0, vehiclesHeld: 0 }),
      procurement: z
        .strictObject({
          goods: opt('政府采购货物支出'),
          works: opt('政府采购工程支出'),
          services: opt('政府采购服务支出'),
          sme: z
            .strictObject({ goods: opt('货物'), works: opt('工程'), services: opt('服务') })
            .default({})
            .meta({ description: '授予中小企业合同金额' }),
          smallMicro: opt('授予小微企业合同金额'),
        })
        .default({ sme: {} }),
      assets: z
        .strictObject({
          vehicles: z
            .strictObject({
              ministerial: count('副部（省）级及以上领导用车').default(0),
              principal: count('主要负责人用车').default(0),
              confidential: count('机要通信用车').default(0),
              emergency: count('应急保障用车').default(0),
              lawEnforcement: count('执法执勤用车').default(0),
              special: count('特种专业技术用车').default(0),
              retiree: count('离退休干部服务用车').default(0),
              other: count('其他用车').default(0),
            })
            .default({ ministerial: 0, principal: 0, confidential: 0, emergency: 0, lawEnforcement: 0, special: 0, retiree: 0, other: 0 }),
          largeEquipment: count('单价超过限额的设备（不含车辆）台（套）数').default(0),
        })
        .default({
          vehicles: { ministerial: 0, principal: 0, confidential: 0, emergency: 0, lawEnforcement: 0, special: 0, retiree: 0, other: 0 },
          largeEquipment: 0,
        }),
      performance: z
        .strictObject({
          overview: text('预算绩效管理工作开展情况的评价语').optional(),
          departmentUnits: count('开展整体支出绩效自评的部门（单位）数').optional(),
          departmentFunds: opt('整体支出绩效自评涉及资金'),
          departmentResult: text('部门整体支出自评结果的评价语').optional(),
          resultUse: z.array(text('自评结果应用情况')).default([]),
        })
        .default({ resultUse: [] }),
    })
    .meta({ description: '说明部分（第三部分）所需的补充数据' });

  // ---- 重点工作 ---------------------------------------------------------------------------------
  const keyWorkBlock = z.union([
    z.strictObject({ heading: text('标题'), level: count('标题级别 1–3').pipe(z.number().max(3)).default(1) }),
    z.strictObject({ paragraph: text('段落正文'), lead: text('加粗的引导语，如“一是……。”').optional() }),
  ]);
  const keyWork = z
    .strictObject({
      intro: z.array(text('导语段落')).default([]),
      blocks: z.array(keyWorkBlock).default([]),
      table: z
        .array(z.strictObject({ item: text('重要事项'), content: text('工作内容及目标'), status: text('完成情况') }))
        .default([])
        .meta({ description: '重点工作完成情况汇总表' }),
    })
    .default({ intro: [], blocks: [], table: [] })
    .meta({ description: '第四部分 重点工作完成情况' });

  // ---- appendix ---------------------------------------------------------------------------------
  const indicator = z.strictObject({
    level1: text('一级指标，如 成本指标'),
    level2: text('二级指标，如 经济成本指标'),
    level3: text('三级指标'),
    target: z.string().default('').meta({ description: '年初目标值' }),
    actual: z.string().default('').meta({ description: '实际完成值（原表空白时可省略）' }),
    score: decimalField({ maxPlaces: 2, unit: '万元' }, '得分'),
  });
  const closing = {
    deviation: z.string().default('').meta({ description: '偏差大或目标未完成原因分析' }),
    improvement: z.string().default('').meta({ description: '改进措施及结果应用方案' }),
  };
  const departmentSheet = z.strictObject({
    basicTotal: amount('基本支出总额'),
    projectTotal: amount('项目支出总额'),
    budget: amount('部门整体支出预算数（A）'),
    actual: amount('部门整体支出执行数（B）'),
    executionScore: score('预算执行得分（省略时按公式计算）'),
    goals: z
      .array(z.strictObject({ text: text('年度绩效目标'), indicators: z.array(indicator).min(1) }))
      .default([]),
    totalScore: score('总分（省略时计算，填写时校验）'),
    ...closing,
  });
  const projectSheet = z.strictObject({
    name: text('项目名称'),
    supervisor: text('主管部门'),
    implementer: text('项目实施单位'),
    category: z.enum(['部门预算项目', '区直专项', '市直专项']).default('部门预算项目').meta({ description: '项目类别' }),
    attribute: z.enum(['持续性项目', '新增性项目']).default('持续性项目').meta({ description: '项目属性' }),
    kind: z.enum(['常年性项目', '延续性项目', '一次性项目']).default('常年性项目').meta({ description: '项目类型' }),
    budget: amount('年度财政资金预算数（A）'),
    actual: amount('年度财政资金执行数（B）'),
    executionScore: score('预算执行得分（省略时按公式计算）'),
    goal: text('年度绩效目标').optional(),
    indicators: z.array(indicator).min(1),
    totalScore: score('总分（省略时计算，填写时校验）'),
    executionAnalysis: text('预算执行情况分析（省略时自动生成）').optional(),
    ...closing,
  });
  const appendix = z
    .strictObject({
      fillDate: date.optional().meta({ description: '填报日期' }),
      unitName: text('自评表上的单位名称（全称）'),
      summary: text('整体绩效自评结果摘要的评价语').optional(),
      department: departmentSheet.optional(),
      projects: z.array(projectSheet).default([]),
    })
    .meta({ description: '第六部分 附件：绩效自评表' });

  // ---- optional documents (第六部分 附件, rendered when present) ---------------------------------
  const money = (what: string) => moneyField(opts, what);
  const weight = (what: string) =>
    decimalField({ maxPlaces: 2, unit: '万元' }, what).refine((d) => d.gt(0), { error: `${what}应大于 0` });
  const grades = z
    .array(
      z.strictObject({
        grade: text('等级，如 优'),
        min: decimalField({ maxPlaces: 2, unit: '万元' }, '该等级的最低得分率（%，含），如 90'),
      }),
    )
    .min(1)
    .meta({ description: '等级划分：按得分率（得分 / 权重）由高到低列出，最低一档的 min 为 0；省略时用格式模板的 reports.grades' });
  const section = z
    .strictObject({ title: text('小标题，如 产出目标'), items: z.array(text('条目')).min(1).meta({ description: '条目或段落，按顺序编号' }) })
    .meta({ description: '一组有小标题的条目' });

  const selfEvaluation = z
    .strictObject({
      unitName: text('部门（单位）名称（全称），也用于落款'),
      date: date.meta({ description: '报告日期（落款日期）' }),
      overview: z.array(text('段落')).default([]).meta({ description: '部门概况：主要职责（取 overview.duties）之后的段落，如人员、机构情况' }),
      goals: z.array(section).default([]).meta({ description: '部门整体支出预算绩效目标，如 产出目标、效果目标' }),
      spending: z
        .strictObject({
          total: money('部门决算支出'),
          basic: money('基本支出'),
          project: money('项目支出'),
          basicItems: z
            .array(z.strictObject({ name: text('经济分类，如 工资福利支出'), amount: money('金额') }))
            .default([])
            .meta({ description: '基本支出的构成（各项之和应等于基本支出）' }),
          threePublic: money('“三公”经费支出（0 时写“无”）').optional(),
          projects: z
            .array(
              z.strictObject({
                name: text('项目名称'),
                budget: money('预算安排'),
                received: money('实际资金到位').optional(),
                actual: money('实际支出'),
              }),
            )
            .default([])
            .meta({ description: '财政预算项目（各项目实际支出之和应等于项目支出）' }),
        })
        .meta({ description: '部门整体支出情况（金额可按元填写，如 4,785,799.96元）' }),
      completion: z.array(section).default([]).meta({ description: '部门整体支出预算绩效目标的完成情况' }),
      scores: z
        .strictObject({
          rows: z
            .array(z.strictObject({ name: text('评价指标，如 投入、过程、产出、效果'), weight: weight('权重（分）'), score: decimalField({ maxPlaces: 2, unit: '万元' }, '得分') }))
            .min(1)
            .meta({ description: '评分表各行：权重之和应为 100，得分不超过权重' }),
          total: score('综合得分（省略时计算，填写时校验）'),
          grade: text('综合等级（省略时计算，填写时校验）').optional(),
          grades: grades.optional(),
        })
        .meta({ description: '评分结果：得分率 = 得分 / 权重，等级按得分率划分' }),
      conclusions: z.array(text('段落')).default([]).meta({ description: '主要结论' }),
      experience: z.array(section).default([]).meta({ description: '主要经验' }),
      problems: z.array(text('条目')).default([]).meta({ description: '存在问题' }),
      improvements: z.array(text('条目')).default([]).meta({ description: '改进措施' }),
    })
    .meta({ description: '整体支出绩效自评报告（参照新洲区总工会 2020 年度报告）' });

  const fundColumn = {
    fiscal: money('收入构成：财政拨款'),
    other: money('收入构成：其他资金').optional(),
    incomeTotal: money('收入合计（省略时计算，填写时校验）').optional(),
    basic: money('支出构成：基本支出'),
    project: money('支出构成：项目支出').optional(),
    expenditureTotal: money('支出合计（省略时计算，填写时校验）').optional(),
  };
  const targetDeclaration = z
    .strictObject({
      year: count('申报年度（省略时为 meta.year）').optional(),
      unitName: text('部门名称（全称）'),
      contact: text('填报人').optional(),
      phone: text('联系电话').optional(),
      budget: z.strictObject(fundColumn).meta({ description: '当年预算收支' }),
      history: z
        .array(z.strictObject({ year: count('年度'), ...fundColumn }))
        .max(2)
        .default([])
        .meta({ description: '近两年收支情况（上年、前年）' }),
      duties: z.array(text('职能条目')).default([]).meta({ description: '部门职能概述（省略时取 overview.duties）' }),
      tasks: z.array(text('任务条目')).min(1).meta({ description: '年度工作任务' }),
      overallGoals: z.array(text('目标')).default([]).meta({ description: '整体绩效目标（目标1、目标2……）' }),
      goals: z
        .array(
          z.strictObject({
            name: text('年度目标，如 金秋助学'),
            indicators: z
              .array(
                z.strictObject({
                  level1: text('一级指标，如 产出指标'),
                  level2: text('二级指标，如 数量指标'),
                  name: text('指标名称'),
                  history: z.array(z.string()).max(2).default([]).meta({ description: '近两年指标值（上年、前年）' }),
                  target: z.string().default('').meta({ description: '预期当年实现值' }),
                  standard: z.string().default('').meta({ description: '绩效标准' }),
                }),
              )
              .min(1),
          }),
        )
        .default([])
        .meta({ description: '年度目标及其绩效指标' }),
    })
    .meta({ description: '部门整体支出绩效目标申报表（参照新洲区总工会 2020 年度申报表）' });

  const reports = z
    .strictObject({ selfEvaluation: selfEvaluation.optional(), targetDeclaration: targetDeclaration.optional() })
    .default({})
    .meta({ description: '第六部分 附件中的可选文件：有数据时生成' });

  return z
    .strictObject({
      $schema: z.string().optional(),
      meta: z.strictObject({
        department: text('部门简称，用于正文，如 东西湖区总工会'),
        fullName: text('部门全称，如 武汉市东西湖区总工会'),
        year: count('决算年度，如 2024').refine((y) => y >= 2000 && y <= 2100, { error: '年度应在 2000–2100 之间' }),
        publishDate: date.meta({ description: '公开日期（封面日期，也用作 PDF/DOCX 的创建日期）' }),
        level: z.enum(['区级', '县级', '市级', '省级']).meta({ description: '政府层级，用于名词解释措辞（区级财政 / 市级财政）' }),
        profile: text('格式模板名，对应 templates/ 下的文件夹，如 wuhan-2024'),
        phone: text('联系电话').optional(),
        unit: z.enum(['万元', '元']).default('万元').meta({ description: '本文件金额单位：万元（默认）或 元' }),
      }),
      overview: z.strictObject({
        duties: z.array(text('职责条目')).min(1).meta({ description: '部门主要职责' }),
        units: z
          .array(z.strictObject({ name: text('单位名称'), own: z.boolean().default(false).meta({ description: '是否为本级' }) }))
          .min(1)
          .meta({ description: '纳入部门决算编制范围的单位（决算单位构成）' }),
        staff: z
          .strictObject({
            serving: count('在职实有人数'),
            servingByCategory: z.array(z.strictObject({ name: text('类别'), count: count('人数') })).default([]),
            retired: count('离退休人员数'),
            retiredByCategory: z.array(z.strictObject({ name: text('类别'), count: count('人数') })).default([]),
          })
          .optional()
          .meta({ description: '部门人员构成（部分格式需要）' }),
      }),
      tables,
      narrative,
      keyWork,
      glossary: z
        .strictObject({ additions: z.array(z.strictObject({ term: text('名词'), text: text('解释') })).default([]) })
        .default({ additions: [] })
        .meta({ description: '名词解释补充（其他专用名词）' }),
      appendix: appendix.optional(),
      reports,
    })
    .meta({ title: '部门决算公开数据', description: '一个部门一个年度的决算公开数据（juesuan）' });
}

export type DepartmentYearSchema = ReturnType<typeof makeSchema>;
/** Validated data, amounts as exact Dec in 万元. */
export type DepartmentYear = z.output<DepartmentYearSchema>;
export type DepartmentYearInput = z.input<DepartmentYearSchema>;
