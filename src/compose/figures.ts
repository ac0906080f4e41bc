// Chart nodes (图1–图4) from the derived figures. Values are printed decimals; the labels drawn
// on the chart are printed by the same wording functions as the prose, and every name comes
// from the profile's labels, so this file holds no wording of its own.
import type { Figure, ChartSeries } from '../model/document.ts';
import type { Figures, Part } from '../derive/figures.ts';
import type { Dec } from '../money/decimal.ts';
import { formatAmount, formatPercent, type WordingOptions } from '../narrate/helpers.ts';
import type { Profile } from '../profile/schema.ts';

export class FigureError extends Error {}

type Labels = Profile['labels'];

function label(labels: Labels, group: string, key: string): string {
  const l = labels[group]?.[key];
  if (l === undefined) throw new FigureError(`格式模板的 labels.${group}.${key} 未定义（图表需要这个名称）`);
  return l;
}

const plain = (d: Dec): string => d.toFixed(2);

function series(name: string, values: readonly Dec[], labels: readonly string[]): ChartSeries {
  return { type: 'series', name, values: values.map(plain), labels };
}

/** Bar chart of a total this year against last year. */
function yearBars(id: string, caption: string, unit: string, labels: Labels, year: number, current: Dec, previous: Dec | undefined, names: readonly string[], w: WordingOptions): Figure {
  const years = previous === undefined ? [year] : [year - 1, year];
  const values = previous === undefined ? [current] : [previous, current];
  const categories = years.map((y) => label(labels, 'chart', 'year').replace('{y}', String(y)));
  const printed = values.map((v) => formatAmount(v, w));
  const s = names.map((n) => series(n, values, printed));
  const alt = `${caption}：${categories.map((c, i) => `${c}${printed[i]}${unit}`).join('，')}`;
  return { type: 'figure', id, chart: 'bar', caption, alt, unit, categories, series: s };
}

/** Pie chart of the non-zero parts of a whole. */
function pie(id: string, caption: string, unit: string, labels: Labels, group: string, parts: readonly Part[], w: WordingOptions): Figure {
  const shown = parts.filter((p) => !p.amount.isZero());
  const categories = shown.map((p) => label(labels, group, p.key));
  const printed = shown.map((p) => (p.percent === undefined ? '' : formatPercent(p.percent, w)));
  const alt = `${caption}：${categories.map((c, i) => `${c}${formatAmount(shown[i]!.amount, w)}${unit}，占${printed[i]}`).join('；')}`;
  return { type: 'figure', id, chart: 'pie', caption, alt, unit, categories, series: [series(caption, shown.map((p) => p.amount), printed)] };
}

/** The figure named by a template's `::figure <key> <caption>` line. */
export function buildFigure(key: string, caption: string, f: Figures, labels: Labels, w: WordingOptions): Figure {
  const id = `figure-${key}`;
  const unit = label(labels, 'chart', 'unit');
  switch (key) {
    case 'grandTotal':
      return yearBars(id, caption, unit, labels, f.year, f.grandTotal.amount, f.grandTotal.change?.previous, [label(labels, 'chart', 'incomeTotal'), label(labels, 'chart', 'expenditureTotal')], w);
    case 'fiscal':
      return yearBars(id, caption, unit, labels, f.year, f.fiscal.grandTotal, f.fiscal.change?.previous, [label(labels, 'chart', 'fiscalIncomeTotal'), label(labels, 'chart', 'fiscalExpenditureTotal')], w);
    case 'income':
      return pie(id, caption, unit, labels, 'income', f.income.parts, w);
    case 'expenditure':
      return pie(id, caption, unit, labels, 'expenditure', f.expenditure.parts, w);
    case 'generalBudgetClasses':
      return pie(id, caption, unit, { ...labels, classes: Object.fromEntries(f.generalBudget.classes.map((c) => [c.key, c.name])) }, 'classes', f.generalBudget.classes, w);
    default:
      throw new FigureError(`未知的图表 ${key}（可用：grandTotal、fiscal、income、expenditure、generalBudgetClasses）`);
  }
}
