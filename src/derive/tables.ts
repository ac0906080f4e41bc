// derive stage, tables: the nine tables resolved into render-ready numbers. Printed totals are
// kept when the data gives them (they were submitted and are authoritative); otherwise derived.
import { Dec, ZERO, sum } from '../money/decimal.ts';
import type { DepartmentYear } from '../input/schema.ts';
import type { Profile } from '../profile/schema.ts';
import { resolveFnTable, type FnTable } from './fn-table.ts';
import { economicCodes } from '../dictionary/dictionary.ts';

type T = DepartmentYear['tables'];
const or0 = (v: Dec | undefined): Dec => v ?? ZERO;
const pick = (printed: Dec | undefined, derived: Dec): Dec => printed ?? derived;

export const T01_INCOME_KEYS = ['generalBudget', 'govFund', 'stateCapital', 'superior', 'business', 'operating', 'affiliated', 'other'] as const;
export const FUND_KEYS = ['general', 'govFund', 'stateCapital'] as const;
export type FundKey = (typeof FUND_KEYS)[number];

export interface ClassLine {
  readonly no: number;
  readonly code: string;
  readonly name: string;
}

export interface T01 {
  readonly income: Readonly<Record<(typeof T01_INCOME_KEYS)[number], Dec>>;
  readonly incomeTotal: Dec;
  readonly useNonFiscalBalance: Dec;
  readonly openingBalance: Dec;
  readonly incomeGrandTotal: Dec;
  /** the profile's class lines, with amounts (zero where the data has none) */
  readonly expenditure: readonly (ClassLine & { readonly amount: Dec })[];
  readonly expenditureTotal: Dec;
  readonly balanceDistribution: Dec;
  readonly closingBalance: Dec;
  readonly expenditureGrandTotal: Dec;
}

export type FundSplit = Readonly<Record<FundKey | 'total', Dec>>;

export interface T04 {
  readonly income: Readonly<Record<FundKey, Dec>>;
  readonly incomeTotal: Dec;
  readonly opening: FundSplit;
  readonly incomeGrandTotal: Dec;
  readonly expenditure: readonly (ClassLine & { readonly amounts: FundSplit })[];
  readonly expenditureTotal: FundSplit;
  readonly closing: FundSplit;
  readonly expenditureGrandTotal: FundSplit;
}

export interface EconRow {
  readonly code: string;
  readonly name: string;
  readonly amount: Dec;
  readonly derived: boolean;
}

export interface T06 {
  /** economic rows by code, class rows included (derived when absent) */
  readonly rows: ReadonlyMap<string, EconRow>;
  readonly personnelTotal: Dec;
  readonly publicTotal: Dec;
}

export interface ThreePublic {
  readonly total: Dec;
  readonly abroad: Dec;
  readonly vehicle: { readonly total: Dec; readonly purchase: Dec; readonly operation: Dec };
  readonly reception: Dec;
}

export interface Tables {
  readonly t01: T01;
  readonly t02: FnTable;
  readonly t03: FnTable;
  readonly t04: T04;
  readonly t05: FnTable;
  readonly t06: T06;
  readonly t07: FnTable;
  readonly t08: FnTable;
  readonly t09: { readonly budget: ThreePublic; readonly actual: ThreePublic };
}

export function classLines(profile: Profile): ClassLine[] {
  return profile.classLines.map((l, i) => ({ no: i + 1, code: l.code, name: l.name }));
}

function fundSplit(raw: { total?: Dec; general?: Dec; govFund?: Dec; stateCapital?: Dec } | undefined): FundSplit {
  const general = or0(raw?.general);
  const govFund = or0(raw?.govFund);
  const stateCapital = or0(raw?.stateCapital);
  return { general, govFund, stateCapital, total: pick(raw?.total, sum([general, govFund, stateCapital])) };
}

function addSplits(a: FundSplit, b: FundSplit): FundSplit {
  return { general: a.general.plus(b.general), govFund: a.govFund.plus(b.govFund), stateCapital: a.stateCapital.plus(b.stateCapital), total: a.total.plus(b.total) };
}

/** Printed cells where the data gives them, derived ones elsewhere. */
function overrideSplit(raw: { total?: Dec; general?: Dec; govFund?: Dec; stateCapital?: Dec } | undefined, derived: FundSplit): FundSplit {
  if (!raw) return derived;
  return {
    general: raw.general ?? derived.general,
    govFund: raw.govFund ?? derived.govFund,
    stateCapital: raw.stateCapital ?? derived.stateCapital,
    total: raw.total ?? derived.total,
  };
}

export function resolveT01(t: T['t01'], lines: readonly ClassLine[]): T01 {
  const income = Object.fromEntries(T01_INCOME_KEYS.map((k) => [k, or0(t.income[k])])) as T01['income'];
  const incomeTotal = pick(t.incomeTotal, sum(Object.values(income)));
  const useNonFiscalBalance = or0(t.useNonFiscalBalance);
  const openingBalance = or0(t.openingBalance);
  const expenditure = lines.map((l) => ({ ...l, amount: or0(t.expenditure[l.code]) }));
  const expenditureTotal = pick(t.expenditureTotal, sum(Object.values(t.expenditure)));
  const balanceDistribution = or0(t.balanceDistribution);
  const closingBalance = or0(t.closingBalance);
  return {
    income,
    incomeTotal,
    useNonFiscalBalance,
    openingBalance,
    incomeGrandTotal: pick(t.incomeGrandTotal, sum([incomeTotal, useNonFiscalBalance, openingBalance])),
    expenditure,
    expenditureTotal,
    balanceDistribution,
    closingBalance,
    expenditureGrandTotal: pick(t.expenditureGrandTotal, sum([expenditureTotal, balanceDistribution, closingBalance])),
  };
}

export function resolveT04(t: T['t04'], lines: readonly ClassLine[]): T04 {
  const income = { general: or0(t.income.general), govFund: or0(t.income.govFund), stateCapital: or0(t.income.stateCapital) };
  const incomeTotal = pick(t.incomeTotal, sum(Object.values(income)));
  const opening = fundSplit(t.opening);
  const derivedExp = Object.values(t.expenditure).map(fundSplit).reduce(addSplits, fundSplit(undefined));
  const expenditureTotal = overrideSplit(t.expenditureTotal, derivedExp);
  const closing = fundSplit(t.closing);
  return {
    income,
    incomeTotal,
    opening,
    incomeGrandTotal: pick(t.incomeGrandTotal, incomeTotal.plus(opening.total)),
    expenditure: lines.map((l) => ({ ...l, amounts: fundSplit(t.expenditure[l.code]) })),
    expenditureTotal,
    closing,
    expenditureGrandTotal: overrideSplit(t.expenditureGrandTotal, addSplits(expenditureTotal, closing)),
  };
}

export function resolveT06(t: T['t06'], profile: Profile): T06 {
  const rows = new Map<string, EconRow>();
  for (const r of t.rows) if (!rows.has(r.code)) rows.set(r.code, { code: r.code, name: r.name, amount: r.amount, derived: false });
  const missing = new Map<string, Dec[]>();
  for (const r of rows.values()) {
    if (r.code.length !== 5) continue;
    const p = r.code.slice(0, 3);
    if (!rows.has(p)) missing.set(p, [...(missing.get(p) ?? []), r.amount]);
  }
  for (const [p, amounts] of missing) rows.set(p, { code: p, name: economicCodes().get(p)?.name ?? p, amount: sum(amounts), derived: true });
  const classTotal = (codes: readonly string[]) => sum(codes.map((c) => rows.get(c)?.amount));
  return {
    rows,
    personnelTotal: pick(t.personnelTotal, classTotal(profile.personnelClasses)),
    publicTotal: pick(t.publicTotal, classTotal(profile.publicClasses)),
  };
}

export function resolveThreePublic(t: T['t09']['budget']): ThreePublic {
  const purchase = or0(t.vehicle.purchase);
  const operation = or0(t.vehicle.operation);
  const vehicle = { purchase, operation, total: pick(t.vehicle.total, purchase.plus(operation)) };
  const abroad = or0(t.abroad);
  const reception = or0(t.reception);
  return { abroad, vehicle, reception, total: pick(t.total, sum([abroad, vehicle.total, reception])) };
}

export function deriveTables(data: DepartmentYear, profile: Profile): Tables {
  const t = data.tables;
  const lines = classLines(profile);
  return {
    t01: resolveT01(t.t01, lines),
    t02: resolveFnTable('t02', t.t02),
    t03: resolveFnTable('t03', t.t03),
    t04: resolveT04(t.t04, lines),
    t05: resolveFnTable('t05', t.t05),
    t06: resolveT06(t.t06, profile),
    t07: resolveFnTable('t07', t.t07),
    t08: resolveFnTable('t08', t.t08),
    t09: { budget: resolveThreePublic(t.t09.budget), actual: resolveThreePublic(t.t09.actual) },
  };
}
