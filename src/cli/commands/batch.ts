// `juesuan batch <folder>`: check and render every department-year file of a folder in parallel
// (worker threads, src/batch/), then print a summary table and write it as CSV for Excel.
import type { Command } from 'commander';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandContext } from './index.ts';
import { DATA_FILE, csvText, formatsUsage, outputBase, parseFormats, textTable } from '../../batch/common.ts';
import { runPool } from '../../batch/pool.ts';
import type { Job, JobResult } from '../../batch/job.ts';
import { FORMATS, type FormatName } from '../../render/registry.ts';

interface BatchOptions {
  out: string;
  format: string;
  jobs?: string;
  csv?: string;
  templates?: string;
}

/** About 500 MB per worker (fonts, pdfmake, ECharts): do not start more than memory allows. */
const WORKER_MEMORY = 512 * 1024 * 1024;

export function defaultJobs(): number {
  return Math.max(1, Math.min(os.availableParallelism(), Math.floor(os.totalmem() / WORKER_MEMORY)));
}

const STATUS_LABEL: Record<JobResult['status'], string> = { ok: '成功', findings: '有错误', failed: '失败' };

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('batch')
    .description('批量校验并生成一个文件夹中全部部门年度数据文件（多线程并行），输出汇总表')
    .argument('<文件夹>', '存放数据文件（.yaml / .yml / .json）的文件夹；只扫描这一层，不含子文件夹')
    .requiredOption('--out <目录>', '输出目录：每个数据文件生成 <目录>/<文件名>.pdf、.docx 等')
    .option('--format <格式>', `输出格式，可用逗号分隔多个：${FORMATS.join('、')}（默认 pdf,docx）`, 'pdf,docx')
    .option('--jobs <数量>', `并行任务数（默认为 CPU 核数，本机 ${defaultJobs()}）`)
    .option('--csv <文件>', '汇总表 CSV 的路径（默认 <输出目录>/汇总.csv）')
    .option('--templates <目录>', '格式模板所在目录（默认为内置 templates/）')
    .helpOption('-h, --help', '显示帮助')
    .addHelpText(
      'after',
      '\n说明：\n  只处理文件夹顶层的文件，子文件夹不扫描（不同子文件夹中的同名文件会生成同名输出）。\n  同一文件夹中主文件名相同的文件（如 a.yaml 与 a.json）只处理第一个，其余记为失败。\n  任一文件有错误或生成失败时退出码为 1，其余文件照常生成。\n\n示例：\n  npx juesuan batch data --out out\n  npx juesuan batch data --out out --format pdf --jobs 2 --csv out/汇总表.csv',
    )
    .action(async (folder: string, opts: BatchOptions) => {
      const { formats, unknown } = parseFormats(opts.format);
      if (unknown.length || formats.length === 0) {
        process.stderr.write(formatsUsage(opts.format, unknown));
        return ctx.setCode(2);
      }
      const jobsCount = opts.jobs === undefined ? defaultJobs() : Number(opts.jobs);
      if (!Number.isInteger(jobsCount) || jobsCount < 1) {
        process.stderr.write(`并行任务数“${opts.jobs}”无效，应为正整数\n`);
        return ctx.setCode(2);
      }
      if (!existsSync(folder) || !statSync(folder).isDirectory()) {
        process.stderr.write(`文件夹不存在：${folder}\n`);
        return ctx.setCode(2);
      }
      const files = readdirSync(folder, { withFileTypes: true })
        .filter((e) => (e.isFile() || e.isSymbolicLink()) && DATA_FILE.test(e.name))
        .map((e) => path.join(folder, e.name))
        .sort((a, b) => a.localeCompare(b, 'zh-CN'));
      if (files.length === 0) {
        process.stderr.write(`${folder} 中没有数据文件（.yaml / .yml / .json）；注意：子文件夹不扫描\n`);
        return ctx.setCode(1);
      }
      const code = await runBatch(files, { out: opts.out, csv: opts.csv, templates: opts.templates, formats, workers: jobsCount });
      ctx.setCode(code);
    });
}

async function runBatch(files: readonly string[], opts: { out: string; csv?: string; templates?: string; formats: FormatName[]; workers: number }): Promise<number> {
  const t0 = performance.now();
  const jobs: Job[] = [];
  const results = new Map<number, JobResult>();
  const firstOfBase = new Map<string, string>();
  files.forEach((file, id) => {
    const base = outputBase(file);
    const first = firstOfBase.get(base);
    if (first !== undefined) {
      const message = `与 ${path.basename(first)} 的输出文件名相同（${base}.*），已跳过`;
      results.set(id, { id, file, status: 'failed', errors: 0, warnings: 0, findings: [], outputs: {}, message, ms: 0 });
      return;
    }
    firstOfBase.set(base, file);
    jobs.push({ id, file, out: opts.out, base, formats: opts.formats, templatesDir: opts.templates });
  });

  const size = Math.min(opts.workers, Math.max(1, jobs.length));
  process.stdout.write(`批量生成 ${files.length} 个文件（${opts.formats.join('、')}），${size} 个并行任务，输出到 ${opts.out}；正在启动…\n`);
  let done = 0;
  const progress = (r: JobResult) => {
    done++;
    process.stdout.write(`[${done}/${files.length}] ${progressLine(r)}\n`);
    for (const f of r.findings.slice(0, 10)) process.stdout.write(indent(f) + '\n');
    if (r.errors > 10) process.stdout.write(`    ……另有 ${r.errors - 10} 个错误，可用 juesuan check ${r.file} 查看全部\n`);
    if (r.message) process.stdout.write(indent(r.message) + '\n');
  };
  for (const r of results.values()) progress(r);
  for (const r of await runPool(jobs, size, progress)) results.set(r.id, r);
  const seconds = (performance.now() - t0) / 1000;

  const ordered = files.map((_, id) => results.get(id)!);
  const rows = [
    ['文件', '部门', '年度', '格式模板', '错误/警告', '页数', '结果', '输出文件'],
    ...ordered.map((r) => [
      path.basename(r.file),
      r.department ?? '',
      r.year === undefined ? '' : String(r.year),
      r.profile ?? '',
      r.status === 'failed' && r.errors === 0 && r.warnings === 0 && !r.department ? '—' : `${r.errors}/${r.warnings}`,
      r.pages === undefined ? '' : String(r.pages),
      STATUS_LABEL[r.status],
      opts.formats.map((f) => r.outputs[f]).filter(Boolean).join(' '),
    ]),
  ];
  process.stdout.write('\n' + textTable(rows, new Set([2, 5])));

  const csvRows = [
    ['文件', '部门', '年度', '格式模板', '错误', '警告', '页数', '结果', ...opts.formats.map((f) => `${f.toUpperCase()} 文件`), '说明'],
    ...ordered.map((r) => [
      r.file,
      r.department ?? '',
      r.year === undefined ? '' : String(r.year),
      r.profile ?? '',
      String(r.errors),
      String(r.warnings),
      r.pages === undefined ? '' : String(r.pages),
      STATUS_LABEL[r.status],
      ...opts.formats.map((f) => r.outputs[f] ?? ''),
      r.message ?? (r.status === 'findings' ? `数据有 ${r.errors} 个错误，未生成文件` : ''),
    ]),
  ];
  const csv = opts.csv ?? path.join(opts.out, '汇总.csv');
  mkdirSync(path.dirname(csv), { recursive: true });
  const tmp = `${csv}.${process.pid}.tmp`;
  writeFileSync(tmp, csvText(csvRows));
  renameSync(tmp, csv);

  const ok = ordered.filter((r) => r.status === 'ok').length;
  const failed = ordered.length - ok;
  const rate = (ok / seconds) * 60;
  process.stdout.write(
    `\n共 ${ordered.length} 个文件：成功 ${ok} 个，失败 ${failed} 个；用时 ${seconds.toFixed(1)} 秒（每分钟 ${rate.toFixed(1)} 份）\n汇总表已写入 ${csv}\n`,
  );
  return failed > 0 ? 1 : 0;
}

function progressLine(r: JobResult): string {
  const who = r.department ? `（${r.department} ${r.year ?? ''}）` : '';
  const time = r.ms > 0 ? `，${(r.ms / 1000).toFixed(1)} 秒` : '';
  const name = path.basename(r.file);
  if (r.status === 'ok') return `完成 ${name}${who}：${r.errors} 个错误，${r.warnings} 个警告${r.pages !== undefined ? `，${r.pages} 页` : ''}${time}`;
  if (r.status === 'findings') return `未生成 ${name}${who}：${r.errors} 个错误，${r.warnings} 个警告${time}`;
  return `失败 ${name}${who}${time}`;
}

const indent = (s: string) =>
  s
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n');
