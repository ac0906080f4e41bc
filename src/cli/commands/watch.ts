// `juesuan watch <file>`: build once, then rebuild on every save of the data file or of its
// format's templates, in this one process (fonts, pdfmake, docx and ECharts stay loaded; a data
// save re-reads only the data file, a template save reloads only the format). A broken save
// prints its errors and leaves the last good outputs as they are.
import type { Command } from 'commander';
import { existsSync, readdirSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { CommandContext } from './index.ts';
import { build, writeOutputs, type Built } from '../../pipeline/build.ts';
import { clearFormatCache } from '../../profile/format.ts';
import { BUILTIN_TEMPLATES } from '../../profile/load.ts';
import { countBySeverity, formatDiagnostic } from '../../diagnostics/diagnostic.ts';
import type { Figures } from '../../derive/figures.ts';
import type { Block, Document, Inline } from '../../model/document.ts';
import { FORMATS, type FormatName } from '../../render/registry.ts';
import { clock, formatsUsage, outputBase, parseFormats } from '../../batch/common.ts';

interface WatchOptions {
  out: string;
  format: string;
  templates?: string;
}

/** Saves within this many milliseconds make one rebuild (editors write in several steps). */
const DEBOUNCE_MS = 100;

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('watch')
    .description('监视数据文件：先生成一次，此后每次保存（含格式模板的修改）自动重新生成，并显示变化')
    .argument('<文件>', '部门年度数据文件（.yaml / .yml / .json）')
    .option('--out <目录>', '输出目录', 'out')
    .option('--format <格式>', `输出格式，可用逗号分隔多个：${FORMATS.join('、')}（默认 pdf,docx）`, 'pdf,docx')
    .option('--templates <目录>', '格式模板所在目录（默认为内置 templates/）')
    .helpOption('-h, --help', '显示帮助')
    .addHelpText(
      'after',
      '\n说明：\n  保存后出错（YAML 语法错误、勾稽校验错误、模板错误）时只显示问题，上次成功生成的文件保持不变。\n  按 Ctrl-C 退出。\n\n示例：\n  npx juesuan watch data/dongxihu-2024.yaml --out out\n  npx juesuan watch data/dongxihu-2024.yaml --format docx',
    )
    .action(async (file: string, opts: WatchOptions) => {
      const { formats, unknown } = parseFormats(opts.format);
      if (unknown.length || formats.length === 0) {
        process.stderr.write(formatsUsage(opts.format, unknown));
        return ctx.setCode(2);
      }
      if (!existsSync(file)) {
        process.stderr.write(`文件不存在：${file}\n`);
        return ctx.setCode(1);
      }
      await new Watcher(file, formats, opts).run();
      ctx.setCode(0);
    });
}

/** What a good build looked like, to say what the next one changed. */
interface Snapshot {
  readonly figures: readonly (readonly [string, string])[];
  readonly unit: string;
  readonly paragraphs: readonly string[];
  readonly tables: ReadonlyMap<string, string>;
}

class Watcher {
  private readonly templatesDir: string;
  private readonly base: string;
  private fileWatcher: FSWatcher | undefined;
  private formatWatchers: FSWatcher[] = [];
  private formatDir: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private reasons = new Set<string>();
  private formatChanged = false;
  private building = false;
  private stopped = false;
  private missingReported = false;
  private lastText: string | undefined;
  private last: Snapshot | undefined;
  private warnings = new Set<string>();
  private stop: () => void = () => {};

  constructor(
    private readonly file: string,
    private readonly formats: readonly FormatName[],
    private readonly opts: WatchOptions,
  ) {
    this.templatesDir = opts.templates ?? BUILTIN_TEMPLATES;
    this.base = outputBase(file);
  }

  /** Runs until Ctrl-C (SIGINT) or SIGTERM. */
  async run(): Promise<void> {
    const done = new Promise<void>((resolve) => (this.stop = resolve));
    const onSignal = () => {
      this.stopped = true;
      this.close();
      process.stdout.write(`\n${clock()} 已停止监视\n`);
      // A build still rendering would hold the exit for seconds. Outputs are written in one
      // synchronous step (temp files, then renames), which a signal handler cannot interrupt,
      // so leaving now never leaves partial files.
      if (this.building) process.exit(0);
      this.stop();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.stdout.write(`${clock()} 监视 ${this.file}（输出 ${this.formats.join('、')} 到 ${this.opts.out}），按 Ctrl-C 退出\n`);
    this.armFile();
    this.reasons.add('首次生成');
    await this.rebuild();
    await done;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  private close(): void {
    clearTimeout(this.timer);
    clearTimeout(this.retry);
    this.fileWatcher?.close();
    for (const w of this.formatWatchers) w.close();
    this.formatWatchers = [];
  }

  /** Watch the data file. Editors that save by writing a new file and renaming it over the old
   * one end the watch on the old file: re-arm on the new one as soon as it exists. */
  private armFile(): void {
    if (this.stopped) return;
    this.fileWatcher?.close();
    this.fileWatcher = undefined;
    if (!existsSync(this.file)) {
      if (!this.missingReported) process.stderr.write(`${clock()} 文件暂时不存在：${this.file}，等待其重新出现…\n`);
      this.missingReported = true;
      this.retry = setTimeout(() => this.armFile(), 200);
      return;
    }
    if (this.missingReported) {
      this.missingReported = false;
      this.schedule('数据文件已保存');
    }
    try {
      const w = watch(this.file, (event) => {
        if (event === 'rename') {
          // The old file is gone (replaced or deleted): watch whatever is there now.
          this.retry = setTimeout(() => this.armFile(), 20);
        }
        this.schedule('数据文件已保存');
      });
      w.on('error', () => {
        w.close();
        this.retry = setTimeout(() => this.armFile(), 50);
      });
      this.fileWatcher = w;
    } catch {
      this.retry = setTimeout(() => this.armFile(), 200);
    }
  }

  /** Watch templates/<profile> and its subfolders; any change reloads the format. */
  private armFormat(profile: string): void {
    const dir = path.resolve(this.templatesDir, profile);
    if (this.stopped || (dir === this.formatDir && this.formatWatchers.length > 0)) return;
    for (const w of this.formatWatchers) w.close();
    this.formatWatchers = [];
    this.formatDir = dir;
    const dirs = [dir];
    for (let i = 0; i < dirs.length; i++) {
      try {
        for (const e of readdirSync(dirs[i]!, { withFileTypes: true })) if (e.isDirectory()) dirs.push(path.join(dirs[i]!, e.name));
        const w = watch(dirs[i]!, () => {
          this.formatChanged = true;
          this.schedule('格式模板有修改');
        });
        w.on('error', () => w.close());
        this.formatWatchers.push(w);
      } catch {
        // a folder that vanished: nothing to watch there
      }
    }
  }

  private schedule(reason: string): void {
    if (this.stopped) return;
    this.reasons.add(reason);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.rebuild(), DEBOUNCE_MS);
  }

  private async rebuild(): Promise<void> {
    if (this.stopped) return;
    if (this.building) return; // the running build reschedules when it ends
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return; // gone for the moment: armFile reschedules when it is back
    }
    const formatChanged = this.formatChanged;
    const reasons = [...this.reasons].join('，');
    this.reasons.clear();
    this.formatChanged = false;
    if (!formatChanged && text === this.lastText) return; // saved without changes
    this.building = true;
    const t0 = performance.now();
    process.stdout.write(`${clock()} ${reasons}，正在生成…\n`);
    try {
      if (formatChanged) {
        clearFormatCache();
        this.formatDir = undefined; // re-arm: folders may have been added
      }
      const built = await build(this.file, { formats: this.formats, templatesDir: this.opts.templates, text });
      if (this.stopped) return;
      if (built.analysis.data) this.armFormat(built.analysis.data.meta.profile);
      this.report(built, text, t0);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      process.stderr.write(`${clock()} 生成失败：${message}\n    上次成功生成的文件保持不变（${ms(t0)}）\n`);
      this.lastText = undefined; // retry on the next save even if the data is the same
    } finally {
      this.building = false;
      if (this.reasons.size > 0 && !this.stopped) this.schedule([...this.reasons][0]!);
    }
  }

  private report(built: Built, text: string, t0: number): void {
    const a = built.analysis;
    const counts = countBySeverity(a.diagnostics);
    // Errors every time; a warning only when the previous build did not have it (same rule, place and text).
    const seen = this.warnings;
    this.warnings = new Set();
    let repeated = 0;
    for (const d of a.diagnostics) {
      if (d.severity === 'error') process.stderr.write(formatDiagnostic(d) + '\n');
      if (d.severity !== 'warning') continue;
      const key = `${d.rule}|${d.path}|${d.message}`;
      this.warnings.add(key);
      if (seen.has(key)) repeated++;
      else process.stdout.write(formatDiagnostic(d) + '\n');
    }
    const tally = `${counts.error} 个错误，${counts.warning} 个警告${repeated ? `（${repeated} 个同上次，不再重复显示）` : ''}`;
    if (!a.ok || !built.document) {
      process.stderr.write(`${clock()} 未生成：${tally}；上次成功生成的文件保持不变（${ms(t0)}）\n`);
      this.lastText = text;
      return;
    }
    const written = writeOutputs(built.outputs, this.opts.out, this.base);
    this.lastText = text;
    const now = snapshot(a.figures!, a.data!.meta.unit, built.document);
    const changes = this.last ? describeChanges(this.last, now) : [];
    this.last = now;
    process.stdout.write(`${clock()} 已生成 ${written.join('、')}：${tally}，用时 ${ms(t0)}\n`);
    for (const c of changes) process.stdout.write(`    ${c}\n`);
  }
}

const ms = (t0: number) => `${Math.round(performance.now() - t0)} ms`;

// ---- what changed ------------------------------------------------------------------------------

/** The key figures of a booklet, printed with two decimals. */
export function keyFigures(f: Figures): [string, string][] {
  const part = (key: string) => f.expenditure.parts.find((p) => p.key === key)?.amount;
  const list: [string, { toFixed(n: number): string } | undefined][] = [
    ['收支总计', f.grandTotal.amount],
    ['本年收入合计', f.income.total],
    ['本年支出合计', f.expenditure.total],
    ['基本支出', part('basic')],
    ['项目支出', part('project')],
  ];
  return list.filter((x): x is [string, { toFixed(n: number): string }] => x[1] !== undefined).map(([k, v]) => [k, v.toFixed(2)]);
}

function inlineText(content: readonly Inline[]): string {
  return content.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : i.label)).join('');
}

export function snapshot(figures: Figures, unit: string, doc: Document): Snapshot {
  const paragraphs: string[] = [];
  const tables = new Map<string, string>();
  const visit = (b: Block) => {
    if (b.type === 'paragraph') paragraphs.push(inlineText(b.content));
    else if (b.type === 'list') for (const it of b.items) paragraphs.push(it.label + inlineText(it.content));
    else if (b.type === 'table' || b.type === 'figure') tables.set(`${b.type}:${b.id}`, JSON.stringify(b));
  };
  for (const s of doc.sections) for (const b of s.blocks) visit(b);
  return { figures: keyFigures(figures), unit, paragraphs, tables };
}

/** Lines saying what changed between two good builds: key figures, then counts of paragraphs and tables. */
export function describeChanges(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  const old = new Map(before.figures);
  for (const [name, value] of after.figures) {
    const prev = old.get(name);
    if (prev === undefined || prev === value) continue;
    const diff = Number(value) - Number(prev);
    lines.push(`${name}：${prev} → ${value} ${after.unit}（${diff >= 0 ? '+' : ''}${diff.toFixed(2)}）`);
  }
  // Paragraphs: those of the new build that the old one did not have (as a multiset).
  const pool = new Map<string, number>();
  for (const p of before.paragraphs) pool.set(p, (pool.get(p) ?? 0) + 1);
  let paragraphs = 0;
  for (const p of after.paragraphs) {
    const n = pool.get(p) ?? 0;
    if (n > 0) pool.set(p, n - 1);
    else paragraphs++;
  }
  paragraphs = Math.max(paragraphs, before.paragraphs.length - after.paragraphs.length);
  let tables = 0;
  let charts = 0;
  for (const [id, json] of after.tables) {
    if (before.tables.get(id) === json) continue;
    if (id.startsWith('table:')) tables++;
    else charts++;
  }
  if (lines.length === 0) lines.push('关键数字（收支总计、本年收入合计、本年支出合计、基本支出、项目支出）未变化');
  const parts = [paragraphs ? `${paragraphs} 段文字` : '', tables ? `${tables} 张表格` : '', charts ? `${charts} 幅图表` : ''].filter(Boolean);
  lines.push(parts.length ? `${parts.join('、')}有变化` : '文字、表格和图表均无变化');
  return lines;
}
