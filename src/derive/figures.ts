// derive stage, figures: every share, change and execution rate the explanation sections cite.
// Exact decimals only; rounding and wording belong to the narrative stage and its profile.
import { Dec, ZERO, sum, percentOf, changeOf, type Change } from '../money/decimal.ts';
import type { DepartmentYear } from '../input/schema.ts';
import type { Tables } from './tables.ts';
import { functionCodes } from '../dictionary/dictionary.ts';
import { parentOf } from './specs.ts';

/** An amount with its share of a whole (percent, exact; undefined when the whole is zero). */
export interface Part<K extends string = string> {
  readonly key: K;
  readonly amount: Dec;
  readonly percent: Dec | undefined;
}

export interface Comparison extends Change {
  readonly reason: string | undefined;
}

export interface Execution {
  readonly budget: Dec;
  readonly actual: Dec;
  /** actual / budget × 100, undefined for a zero budget */
  readonly percent: Dec | undefined;
  readonly direction: 'over' | 'under' | 'equal';
}

export interface BudgetLine extends Execution {
  readonly code: string;
  /** names of 类, 款, 项 (as far as the code goes) */
  readonly names: readonly string[];
  readonly reason: string | undefined;
}

export interface Figures {
  readonly year: number;
  readonly grandTotal: { readonly amount: Dec; readonly change?: Comparison };
  readonly income: { readonly total: Dec; readonly change?: Comparison; readonly parts: readonly Part<IncomeKey>[] };
  readonly expenditure: { readonly total: Dec; readonly change?: Comparison; readonly parts: readonly Part<ExpenditureKey>[] };
  readonly fiscal: {
    readonly grandTotal: Dec;
    readonly change?: Comparison;
    readonly income: readonly Part<'general' | 'govFund' | 'stateCapital'>[];
    readonly generalIncomeChange?: Comparison;
  };
  readonly generalBudget: {
    readonly total: Dec;
    /** share of 本年支出合计 */
    readonly shareOfExpenditure: Dec | undefined;
    readonly change?: Comparison;
    readonly basic: Dec;
    readonly project: Dec;
    readonly classes: readonly (Part & { readonly name: string; readonly use: string | undefined })[];
    readonly execution?: Execution;
    readonly lines: readonly BudgetLine[];
    readonly projects: readonly { readonly name: string; readonly amount: Dec; readonly outcome: string | undefined; readonly execution?: Execution }[];
    /** Σ of the listed projects' 决算数 and its share of 项目支出 (section 十三) */
    readonly projectsTotal: Dec;
    readonly projectsShare: Dec | undefined;
  };
  readonly basic: {
    readonly total: Dec;
    readonly personnel: Dec;
    readonly public: Dec;
    /** names of the non-zero 款 lines of 公开06表, in code order */
    readonly personnelItems: readonly string[];
    readonly publicItems: readonly string[];
  };
  readonly govFundEmpty: boolean;
  /** 政府性基金 / 国有资本经营 fund totals from 公开04表 (sections 七, 八) */
  readonly govFund: { readonly income: Dec; readonly expenditure: Dec; readonly basic: Dec; readonly project: Dec };
  readonly stateCapital: { readonly expenditure: Dec; readonly basic: Dec; readonly project: Dec };
  /** 国有资产占用: vehicles in all */
  readonly vehicles: number;
  readonly stateCapitalEmpty: boolean;
  readonly threePublic: {
    readonly total: Execution;
    readonly abroad: Execution;
    readonly vehicle: Execution;
    readonly vehiclePurchase: Dec;
    readonly vehicleOperation: Dec;
    readonly reception: Execution;
    readonly changes: { readonly abroad?: Comparison; readonly vehicle?: Comparison; readonly reception?: Comparison };
  };
  readonly operatingCost?: { readonly amount: Dec; readonly vsBudget?: Comparison; readonly change?: Comparison };
  readonly procurement: {
    readonly total: Dec;
    readonly goods: Dec;
    readonly works: Dec;
    readonly services: Dec;
    readonly sme: Dec;
    readonly smeShare: Dec | undefined;
    readonly smallMicro: Dec;
    readonly smallMicroShare: Dec | undefined;
    readonly smeShareBy: { readonly goods: Dec | undefined; readonly works: Dec | undefined; readonly services: Dec | undefined };
  };
}

export type IncomeKey = 'fiscal' | 'superior' | 'business' | 'operating' | 'affiliated' | 'other';
export type ExpenditureKey = 'basic' | 'project' | 'toSuperior' | 'operating' | 'toAffiliated';

export function execution(budget: Dec, actual: Dec): Execution {
  const c = actual.comparedTo(budget);
  return { budget, actual, percent: percentOf(actual, budget), direction: c > 0 ? 'over' : c < 0 ? 'under' : 'equal' };
}

function compare(current: Dec, prev: { amount: Dec; reason?: string } | undefined): Comparison | undefined {
  return prev ? { ...changeOf(current, prev.amount), reason: prev.reason } : undefined;
}

function parts<K extends string>(keys: readonly K[], values: Readonly<Record<string, Dec>>, whole: Dec): Part<K>[] {
  return keys.map((key) => ({ key, amount: values[key] ?? ZERO, percent: percentOf(values[key] ?? ZERO, whole) }));
}

/** Names of 类 / 款 / 项 for a code, from the table rows first, then the dictionary. */
function namesOf(code: string, tables: Tables): string[] {
  const chain: string[] = [];
  for (let c: string | undefined = code; c; c = parentOf(c)) chain.unshift(c);
  return chain.map((c) => tables.t05.rows.find((r) => r.code === c)?.name ?? functionCodes().get(c)?.name ?? c);
}

export function deriveFigures(data: DepartmentYear, tables: Tables): Figures {
  const { t01, t02, t03, t04, t05, t06, t09 } = tables;
  const n = data.narrative;
  const prev = n.previous;

  const incomeTotal = t02.total.values['total'] ?? t01.incomeTotal;
  const expenditureTotal = t03.total.values['total'] ?? t01.expenditureTotal;
  const gb = t05.total.values;

  const itemNames = (classes: readonly string[]) =>
    [...t06.rows.values()]
      .filter((r) => r.code.length === 5 && classes.includes(r.code.slice(0, 3)) && !r.amount.isZero())
      .sort((a, b) => (a.code < b.code ? -1 : 1))
      .map((r) => r.name);

  const threeChange = prev?.threePublic;
  const opBudget = n.budget.operatingCost;
  const pr = n.procurement;
  const procurementTotal = sum([pr.goods, pr.works, pr.services]);
  const sme = sum([pr.sme.goods, pr.sme.works, pr.sme.services]);

  return {
    year: data.meta.year,
    grandTotal: { amount: t01.incomeGrandTotal, change: compare(t01.incomeGrandTotal, prev?.grandTotal) },
    income: {
      total: incomeTotal,
      change: compare(incomeTotal, prev?.income),
      parts: parts(['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'], t02.total.values, incomeTotal),
    },
    expenditure: {
      total: expenditureTotal,
      change: compare(expenditureTotal, prev?.expenditure),
      parts: parts(['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'], t03.total.values, expenditureTotal),
    },
    fiscal: {
      grandTotal: t04.incomeGrandTotal,
      change: compare(t04.incomeGrandTotal, prev?.fiscalGrandTotal),
      income: parts(['general', 'govFund', 'stateCapital'], t04.income, t04.incomeTotal),
      generalIncomeChange: compare(t04.income.general, prev?.generalBudgetIncome),
    },
    generalBudget: {
      total: gb['total']!,
      shareOfExpenditure: percentOf(gb['total']!, expenditureTotal),
      change: compare(gb['total']!, prev?.generalBudgetExpenditure),
      basic: gb['basic']!,
      project: gb['project']!,
      classes: t05.rows
        .filter((r) => r.level === 'class' && !r.values['total']!.isZero())
        .map((r) => ({ key: r.code, name: r.name, amount: r.values['total']!, percent: percentOf(r.values['total']!, gb['total']!), use: n.classUses[r.code] })),
      execution: n.budget.generalBudgetExpenditure ? execution(n.budget.generalBudgetExpenditure, gb['total']!) : undefined,
      lines: n.budget.items.map((item) => {
        const actual = t05.rows.find((r) => r.code === item.code)?.values['total'] ?? ZERO;
        return { ...execution(item.amount, actual), code: item.code, names: namesOf(item.code, tables), reason: item.reason };
      }),
      projects: n.projects.items.map((p) => ({ name: p.name, amount: p.amount, outcome: p.outcome, execution: p.budget ? execution(p.budget, p.amount) : undefined })),
      projectsTotal: sum(n.projects.items.map((p) => p.amount)),
      projectsShare: percentOf(sum(n.projects.items.map((p) => p.amount)), gb['project']!),
    },
    basic: {
      total: gb['basic']!,
      personnel: t06.personnelTotal,
      public: t06.publicTotal,
      personnelItems: itemNames(['301', '303']),
      publicItems: itemNames(['302', '307', '309', '310', '311', '312', '313', '399']),
    },
    govFund: {
      income: t04.income.govFund,
      expenditure: t04.expenditureTotal.govFund,
      basic: tables.t07.total.values['basic'] ?? ZERO,
      project: tables.t07.total.values['project'] ?? ZERO,
    },
    stateCapital: {
      expenditure: t04.expenditureTotal.stateCapital,
      basic: tables.t08.total.values['basic'] ?? ZERO,
      project: tables.t08.total.values['project'] ?? ZERO,
    },
    vehicles: Object.values(n.assets.vehicles).reduce<number>((a, v) => a + (v ?? 0), 0),
    govFundEmpty: tables.t07.empty && t04.income.govFund.isZero() && t04.expenditureTotal.govFund.isZero(),
    stateCapitalEmpty: tables.t08.empty && t04.income.stateCapital.isZero() && t04.expenditureTotal.stateCapital.isZero(),
    threePublic: {
      total: execution(t09.budget.total, t09.actual.total),
      abroad: execution(t09.budget.abroad, t09.actual.abroad),
      vehicle: execution(t09.budget.vehicle.total, t09.actual.vehicle.total),
      vehiclePurchase: t09.actual.vehicle.purchase,
      vehicleOperation: t09.actual.vehicle.operation,
      reception: execution(t09.budget.reception, t09.actual.reception),
      changes: {
        abroad: compare(t09.actual.abroad, threeChange?.abroad),
        vehicle: compare(t09.actual.vehicle.total, threeChange?.vehicle),
        reception: compare(t09.actual.reception, threeChange?.reception),
      },
    },
    operatingCost: n.operatingCost
      ? {
          amount: n.operatingCost,
          vsBudget: opBudget ? { ...changeOf(n.operatingCost, opBudget), reason: n.budget.operatingCostReason } : undefined,
          change: compare(n.operatingCost, prev?.operatingCost),
        }
      : undefined,
    procurement: {
      total: procurementTotal,
      goods: pr.goods ?? ZERO,
      works: pr.works ?? ZERO,
      services: pr.services ?? ZERO,
      sme,
      smeShare: percentOf(sme, procurementTotal),
      smallMicro: pr.smallMicro ?? ZERO,
      smallMicroShare: percentOf(pr.smallMicro ?? ZERO, sme),
      smeShareBy: {
        goods: percentOf(pr.sme.goods ?? ZERO, pr.goods ?? ZERO),
        works: percentOf(pr.sme.works ?? ZERO, pr.works ?? ZERO),
        services: percentOf(pr.sme.services ?? ZERO, pr.services ?? ZERO),
      },
    },
  };
}
