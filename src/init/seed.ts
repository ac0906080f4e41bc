// What `juesuan init` writes: the seed for a new department-year, either from scratch (blanks
// everywhere a booklet needs a value) or from last year's data (what repeats carried over, the
// new year's figures blank, last year's totals filled into narrative.previous).
import { Dec, wanToYuan } from '../money/decimal.ts';
import type { DepartmentYear } from '../input/schema.ts';
import type { Figures } from '../derive/figures.ts';
import { BLANK, Raw, type Seed, type SeedObject } from './emit.ts';

export interface NewOptions {
  readonly department?: string;
  readonly year: number;
  readonly profile: string;
}

const blanks = (...keys: string[]): Record<string, Seed> => Object.fromEntries(keys.map((k) => [k, BLANK]));

const threePublicBlank = (): SeedObject => ({ ...blanks('total', 'abroad'), vehicle: blanks('total', 'purchase', 'operation'), reception: BLANK });
const comparison = (): SeedObject => blanks('amount', 'reason');
const indicator = (): SeedObject => blanks('level1', 'level2', 'level3', 'target', 'actual', 'score');

/** The parts of a fresh file that do not depend on last year. */
function common(): Record<string, Seed> {
  return {
    threePublic: {
      ...blanks('abroadGroups', 'abroadPersons', 'vehiclesPurchased', 'vehiclesHeld'),
      foreignReception: blanks('amount', 'groups', 'persons'),
      domesticReception: blanks('amount', 'groups', 'persons'),
    },
    procurement: { ...blanks('goods', 'works', 'services'), sme: blanks('goods', 'works', 'services'), smallMicro: BLANK },
    assets: {
      vehicles: blanks('ministerial', 'principal', 'confidential', 'emergency', 'lawEnforcement', 'special', 'retiree', 'other'),
      largeEquipment: BLANK,
    },
    performance: { ...blanks('overview', 'departmentUnits', 'departmentFunds', 'departmentResult'), resultUse: [BLANK] },
  };
}

/** A file for a department-year with no previous file: every needed value blank. */
export function freshSeed(o: NewOptions): SeedObject {
  const fnRow = (...cols: string[]) => blanks('code', 'name', ...cols);
  return {
    meta: {
      department: o.department ?? BLANK,
      fullName: BLANK,
      year: new Raw(String(o.year)),
      publishDate: BLANK,
      level: BLANK,
      profile: o.profile,
      unit: '万元',
    },
    overview: {
      duties: [BLANK, BLANK],
      units: [{ name: BLANK, own: true }],
    },
    tables: {
      t01: {
        income: blanks('generalBudget'),
        incomeTotal: BLANK,
        incomeGrandTotal: BLANK,
        expenditure: { '201': BLANK },
        expenditureTotal: BLANK,
        expenditureGrandTotal: BLANK,
      },
      t02: { total: blanks('total', 'fiscal'), rows: [fnRow('total', 'fiscal')] },
      t03: { total: blanks('total', 'basic', 'project'), rows: [fnRow('total', 'basic', 'project')] },
      t04: {
        income: blanks('general'),
        incomeTotal: BLANK,
        incomeGrandTotal: BLANK,
        expenditure: { '201': blanks('total', 'general') },
        expenditureTotal: blanks('total', 'general'),
        expenditureGrandTotal: blanks('total', 'general'),
      },
      t05: { total: blanks('total', 'basic', 'project'), rows: [fnRow('total', 'basic', 'project')] },
      t06: { rows: [blanks('code', 'name', 'amount')], personnelTotal: BLANK, publicTotal: BLANK },
      t09: { budget: threePublicBlank(), actual: threePublicBlank() },
    },
    narrative: {
      previous: {
        grandTotal: comparison(),
        income: comparison(),
        expenditure: comparison(),
        fiscalGrandTotal: comparison(),
        generalBudgetIncome: comparison(),
        generalBudgetExpenditure: comparison(),
        operatingCost: comparison(),
        threePublic: { abroad: comparison(), vehicle: comparison(), reception: comparison() },
      },
      budget: {
        generalBudgetExpenditure: BLANK,
        items: [blanks('code', 'amount', 'reason')],
        operatingCost: BLANK,
        operatingCostReason: BLANK,
      },
      classUses: { '201': BLANK },
      projects: { complete: true, items: [blanks('name', 'budget', 'amount', 'outcome')] },
      operatingCost: BLANK,
      ...common(),
    },
    keyWork: {
      intro: [BLANK],
      blocks: [{ heading: BLANK }, { paragraph: BLANK }],
      table: [blanks('item', 'content', 'status')],
    },
    glossary: { additions: [] },
    appendix: {
      ...blanks('fillDate', 'unitName', 'summary'),
      department: {
        ...blanks('basicTotal', 'projectTotal', 'budget', 'actual'),
        goals: [{ text: BLANK, indicators: [indicator()] }],
      },
      projects: [
        {
          ...blanks('name', 'supervisor', 'implementer'),
          category: '部门预算项目',
          attribute: '持续性项目',
          kind: '常年性项目',
          ...blanks('budget', 'actual', 'goal'),
          indicators: [indicator()],
        },
      ],
    },
  };
}

/** Keep the shape and the words (codes, names), blank every figure: a table to fill in anew. */
export function blankFigures(v: unknown): Seed | undefined {
  if (v === undefined || v === null) return undefined;
  if (Dec.isDecimal(v)) return BLANK;
  if (typeof v === 'number') return BLANK;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(blankFigures).filter((x): x is Seed => x !== undefined);
  if (typeof v === 'object') {
    const out: Record<string, Seed> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const s = blankFigures(x);
      if (s !== undefined) out[k] = s;
    }
    // an object with nothing in it (a default {}) is left out, so it is written commented out
    return Object.keys(out).length ? out : undefined;
  }
  return undefined;
}

type Data = DepartmentYear;
type FnTableData = Data['tables']['t02'];

/** A function-code table carried over: rows (codes, names) kept, figures blank; absent when empty. */
function fnTable(t: FnTableData): Seed | undefined {
  if (t.rows.length === 0) return undefined;
  return blankFigures(t);
}

/** Last year's printed amounts, in the new file's unit, with two decimals. */
function money(x: Dec, unit: '万元' | '元'): Raw {
  return new Raw((unit === '元' ? wanToYuan(x) : x).toFixed(2));
}

export interface FromOptions {
  readonly department?: string;
  readonly year: number;
  readonly profile?: string;
}

/** A file for the year after `prev`: what repeats carried over, last year's totals as 上年数. */
export function carriedSeed(prev: Data, figures: Figures, o: FromOptions): SeedObject {
  const m = prev.meta;
  const unit = m.unit;
  const sameDepartment = o.department === undefined || o.department === m.department;
  const amount = (x: Dec | undefined): SeedObject | undefined => (x === undefined ? undefined : { amount: money(x, unit), reason: BLANK });
  const t = prev.tables;
  const n = prev.narrative;
  const general = figures.fiscal.income.find((p) => p.key === 'general')?.amount;
  const tp = figures.threePublic;
  const staff = prev.overview.staff;

  const appendix = prev.appendix;
  const indicators = (list: readonly { level1: string; level2: string; level3: string; target: string }[]): SeedObject[] =>
    list.map((i) => ({ level1: i.level1, level2: i.level2, level3: i.level3, target: i.target, actual: BLANK, score: BLANK }));

  return {
    meta: {
      department: o.department ?? m.department,
      fullName: sameDepartment ? m.fullName : BLANK,
      year: new Raw(String(o.year)),
      publishDate: BLANK,
      level: m.level,
      profile: o.profile ?? m.profile,
      phone: m.phone,
      unit,
    },
    overview: {
      duties: [...prev.overview.duties],
      units: prev.overview.units.map((u) => ({ name: u.name, own: u.own })),
      staff: staff
        ? {
            serving: BLANK,
            servingByCategory: staff.servingByCategory.map((c) => ({ name: c.name, count: BLANK })),
            retired: BLANK,
            retiredByCategory: staff.retiredByCategory.map((c) => ({ name: c.name, count: BLANK })),
          }
        : undefined,
    },
    tables: {
      t01: {
        ...(blankFigures(t.t01) as SeedObject),
        incomeTotal: BLANK,
        incomeGrandTotal: BLANK,
        expenditureTotal: BLANK,
        expenditureGrandTotal: BLANK,
      },
      t02: fnTable(t.t02) ?? { total: blanks('total', 'fiscal'), rows: [blanks('code', 'name', 'total', 'fiscal')] },
      t03: fnTable(t.t03) ?? { total: blanks('total', 'basic', 'project'), rows: [blanks('code', 'name', 'total', 'basic', 'project')] },
      t04: {
        ...(blankFigures(t.t04) as SeedObject),
        incomeTotal: BLANK,
        incomeGrandTotal: BLANK,
      },
      t05: fnTable(t.t05) ?? { total: blanks('total', 'basic', 'project'), rows: [blanks('code', 'name', 'total', 'basic', 'project')] },
      t06: { rows: blankFigures(t.t06.rows), personnelTotal: BLANK, publicTotal: BLANK },
      t07: fnTable(t.t07),
      t08: fnTable(t.t08),
      t09: { budget: threePublicBlank(), actual: threePublicBlank() },
    },
    narrative: {
      previous: {
        grandTotal: amount(figures.grandTotal.amount),
        income: amount(figures.income.total),
        expenditure: amount(figures.expenditure.total),
        fiscalGrandTotal: amount(figures.fiscal.grandTotal),
        generalBudgetIncome: amount(general),
        generalBudgetExpenditure: amount(figures.generalBudget.total),
        operatingCost: amount(figures.operatingCost?.amount),
        threePublic: {
          abroad: amount(tp.abroad.actual),
          vehicle: amount(tp.vehicle.actual),
          reception: amount(tp.reception.actual),
        },
      },
      budget: {
        generalBudgetExpenditure: BLANK,
        items: n.budget.items.length ? n.budget.items.map((i) => ({ code: i.code, amount: BLANK, reason: BLANK })) : [blanks('code', 'amount', 'reason')],
        operatingCost: BLANK,
        operatingCostReason: BLANK,
      },
      classUses: Object.keys(n.classUses).length ? { ...n.classUses } : { '201': BLANK },
      projects: {
        complete: n.projects.complete,
        items: n.projects.items.length
          ? n.projects.items.map((p) => ({ name: p.name, budget: BLANK, amount: BLANK, outcome: BLANK }))
          : [blanks('name', 'budget', 'amount', 'outcome')],
      },
      operatingCost: BLANK,
      ...common(),
    },
    keyWork: {
      intro: [BLANK],
      blocks: [{ heading: BLANK }, { paragraph: BLANK }],
      table: prev.keyWork.table.length
        ? prev.keyWork.table.map((r) => ({ item: r.item, content: r.content, status: BLANK }))
        : [blanks('item', 'content', 'status')],
    },
    glossary: { additions: prev.glossary.additions.map((a) => ({ term: a.term, text: a.text })) },
    appendix: appendix
      ? {
          fillDate: BLANK,
          unitName: appendix.unitName,
          summary: BLANK,
          department: appendix.department
            ? {
                ...blanks('basicTotal', 'projectTotal', 'budget', 'actual'),
                goals: appendix.department.goals.map((g) => ({ text: g.text, indicators: indicators(g.indicators) })),
              }
            : undefined,
          projects: appendix.projects.map((p) => ({
            name: p.name,
            supervisor: p.supervisor,
            implementer: p.implementer,
            category: p.category,
            attribute: p.attribute,
            kind: p.kind,
            budget: BLANK,
            actual: BLANK,
            goal: p.goal ?? BLANK,
            indicators: indicators(p.indicators),
          })),
        }
      : undefined,
  };
}
