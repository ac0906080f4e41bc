// The comparison as terminal text. ANSI colour only when asked (the command asks when stdout is
// a terminal and NO_COLOR is not set); without colour every change is still marked in the text.
import type { Dec } from '../money/decimal.ts';
import { displayWidth } from '../init/emit.ts';
import type { Comparison, KeyFigure, TableChanges } from './compare.ts';
import type { TextUnit } from './extract.ts';
import { inlineSegments, isFigure, type Edit } from './sequence.ts';

export interface FormatOptions {
  readonly color: boolean;
  readonly oldFile: string;
  readonly newFile: string;
}

export interface Paint {
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly cyan: (s: string) => string;
}

export function paint(on: boolean): Paint {
  const wrap = (open: string, close: string) => (s: string) => (on && s ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { red: wrap('31', '39'), green: wrap('32', '39'), bold: wrap('1', '22'), dim: wrap('2', '22'), cyan: wrap('36', '39') };
}

const money = (x: Dec | undefined) => (x === undefined ? '（无）' : x.toFixed(2));

function delta(f: KeyFigure): string {
  if (!f.old || !f.new) return '';
  const d = f.new.minus(f.old);
  return d.isZero() ? '' : d.isPositive() ? `+${d.toFixed(2)}` : `-${d.abs().toFixed(2)}`;
}

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(width - displayWidth(s), 0));

/** A changed sentence with the changed runs marked: figures as 旧 → 新, words in 〔〕. */
export function inline(a: string, b: string, p: Paint): string {
  return inlineSegments(a, b)
    .map((s) => {
      if (s.kind === 'same') return s.text;
      if (s.old && s.new) {
        const body = `${p.red(s.old)} → ${p.green(s.new)}`;
        return isFigure(s.old.trim()) && isFigure(s.new.trim()) ? p.bold(body) : `〔${body}〕`;
      }
      return s.old ? `〔−${p.red(s.old)}〕` : `〔+${p.green(s.new)}〕`;
    })
    .join('');
}

function figures(list: readonly KeyFigure[], p: Paint): string[] {
  const w = Math.max(...list.map((f) => displayWidth(f.label))) + 2;
  return list.map((f) => {
    const head = `  ${pad(f.label, w)}`;
    if (!f.changed) return p.dim(`${head}${money(f.new)}（未变）`);
    const d = delta(f);
    return `${head}${p.red(money(f.old))} → ${p.bold(p.green(money(f.new)))}${d ? `（${d}）` : ''}`;
  });
}

function edits<T>(list: readonly Edit<T>[], text: (t: T) => string, p: Paint, indent: string): string[] {
  return list.map((e) => {
    switch (e.kind) {
      case 'removed':
        return `${indent}${p.red('−')} ${p.red(text(e.old))}`;
      case 'added':
        return `${indent}${p.green('+')} ${p.green(text(e.new))}`;
      case 'modified':
        return `${indent}${p.cyan('~')} ${inline(text(e.old), text(e.new), p)}`;
    }
  });
}

function table(t: TableChanges, p: Paint): string[] {
  const name = p.bold(t.label);
  if (t.presence === 'added') return [`  ${p.green('+')} ${name}（新增的表格）`];
  if (t.presence === 'removed') return [`  ${p.red('−')} ${name}（删除的表格）`];
  const out: string[] = [];
  for (const c of t.cells) {
    const at = c.row ? `${name} ${c.row}` : name;
    if (c.kind === 'cell') {
      const old = c.old === '' ? '（空）' : c.old;
      const neu = c.new === '' ? '（空）' : c.new;
      out.push(`  ${at}｜${c.column}：${p.red(old)} → ${p.bold(p.green(neu))}`);
    } else {
      const sign = c.kind === 'row-added' ? p.green('+') : p.red('−');
      const what = c.kind === 'row-added' ? '新增行' : '删除行';
      const cells = c.cells.map((x) => `${x.column} ${x.value}`).join('，');
      out.push(`  ${sign} ${at}（${what}）${cells ? `：${cells}` : ''}`);
    }
  }
  if (t.rows.length) {
    out.push(`  ${name}`);
    out.push(...edits(t.rows, (r) => r, p, '    '));
  }
  return out;
}

function text(list: readonly Edit<TextUnit>[], p: Paint): string[] {
  const out: string[] = [];
  let where: string | undefined;
  for (const e of list) {
    const w = e.kind === 'removed' ? e.old.where : e.new.where;
    if (w !== where) {
      out.push(`  ${p.cyan(w || '（正文开头）')}`);
      where = w;
    }
    out.push(...edits([e], (u) => u.text, p, '    '));
  }
  return out;
}

export function formatComparison(c: Comparison, o: FormatOptions): string {
  const p = paint(o.color);
  const changedFigures = c.figures.filter((f) => f.changed).length;
  const cellCount = c.tables.reduce((n, t) => n + t.cells.length + t.rows.length + (t.presence ? 1 : 0), 0);
  const head = `比较  旧：${o.oldFile}  新：${o.newFile}`;
  if (changedFigures === 0 && cellCount === 0 && c.text.length === 0) return `${head}\n无变化：两个文件生成的决算公开文本完全相同。\n`;
  const out: string[] = [head, ''];
  out.push(p.bold(`主要数字（万元，${changedFigures} 项变动）`), ...figures(c.figures, p), '');
  out.push(p.bold(`表格（${cellCount} 处变动）`));
  if (c.tables.length === 0) out.push('  无变动');
  for (const t of c.tables) out.push(...table(t, p));
  out.push('');
  out.push(p.bold(`文字（${c.text.length} 句变动；− 删除，+ 新增，~ 修改：数字标为 旧 → 新，文字改动在〔〕中）`));
  if (c.text.length === 0) out.push('  无变动');
  out.push(...text(c.text, p));
  out.push('', `共有变动：主要数字 ${changedFigures} 项，表格 ${cellCount} 处，文字 ${c.text.length} 句。`);
  return out.join('\n') + '\n';
}
