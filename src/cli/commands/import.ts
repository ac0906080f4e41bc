// `juesuan import <工作簿.xlsx> --data <文件.yaml>`: read the nine 公开表 from the workbook the
// reporting software exports and write (or update) the data file's `tables` section; then run
// the checker on the result. Exit 1 when a table cannot be read (nothing is written), 2 for
// usage errors.
import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CommandContext } from './index.ts';
import { readWorkbook, WorkbookError } from '../../import/workbook.ts';
import { importSheets, type ImportResult } from '../../import/import.ts';
import { formatProblem } from '../../import/report.ts';
import { DataFileError, renderNew, renderUpdate } from '../../import/yaml.ts';
import { TABLES } from '../../import/locate.ts';
import { analyse } from '../../pipeline/analyse.ts';
import { countBySeverity, formatDiagnostic } from '../../diagnostics/diagnostic.ts';
import { writeAtomic } from '../main.ts';

interface Options {
  data?: string;
  dryRun?: boolean;
  templates?: string;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('从报表软件导出的 Excel 工作簿（.xlsx）读取九张公开表，写入（或更新）数据文件的 tables 部分')
    .argument('<工作簿>', '报表软件导出的 .xlsx 文件（每张表一个工作表）')
    .option('--data <文件>', '要写入的数据文件（.yaml）：已存在时只替换其中的 tables 部分，其余内容和注释保持不变；不存在时新建')
    .option('--dry-run', '只显示将要写入的内容，不写文件')
    .option('--templates <目录>', '格式模板所在目录（用于导入后的校验，默认为内置 templates/）')
    .helpOption('-h, --help', '显示帮助')
    .addHelpText('after', '\n示例：\n  npx juesuan import 2024决算公开表.xlsx --data data/dongxihu-2024.yaml\n  npx juesuan import 2024决算公开表.xlsx --data data/new.yaml --dry-run')
    .action(async (workbook: string, opts: Options) => {
      ctx.setCode(await run(workbook, opts));
    });
}

async function run(workbook: string, opts: Options): Promise<number> {
  const err = (s: string) => process.stderr.write(s + '\n');
  if (!opts.data && !opts.dryRun) {
    err('请用 --data 指定要写入的数据文件，例如：juesuan import 表.xlsx --data data/部门-2024.yaml（只想预览可加 --dry-run）');
    return 2;
  }
  if (opts.data && !/\.ya?ml$/i.test(opts.data)) {
    err(`--data 应为 YAML 数据文件（.yaml 或 .yml）：${opts.data}`);
    return 2;
  }
  if (!/\.xlsx$/i.test(workbook)) {
    err(`只能导入 .xlsx 工作簿：${workbook}${/\.(xls|et|csv)$/i.test(workbook) ? '（请先在 Excel 或 WPS 中另存为 .xlsx）' : ''}`);
    return 2;
  }

  let result: ImportResult;
  try {
    result = importSheets(await readWorkbook(workbook));
  } catch (e) {
    if (e instanceof WorkbookError) {
      err(e.message);
      return 1;
    }
    throw e;
  }
  for (const p of result.problems) err(formatProblem(p));
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  if (errors) {
    err(`${workbook}：${errors} 处无法读取，未写入任何文件。`);
    return 1;
  }

  const name = basename(workbook);
  const target = opts.data;
  let text: string;
  const notes: string[] = [];
  const exists = target !== undefined && existsSync(target);
  try {
    if (exists) {
      const updated = renderUpdate(target, readFileSync(target, 'utf8'), result, name);
      text = updated.text;
      notes.push(...updated.notes);
    } else {
      text = renderNew(result, name);
    }
  } catch (e) {
    if (e instanceof DataFileError) {
      err(e.message);
      return 1;
    }
    throw e;
  }

  // in a dry run the file text goes to stdout, so that it can be redirected; the summary to stderr
  const say = opts.dryRun ? err : (s: string) => process.stdout.write(s + '\n');
  if (opts.dryRun) process.stdout.write(text);
  say(summary(workbook, result));
  for (const n of notes) say(n);
  if (opts.dryRun) say(`（试运行：${target ? (exists ? `${target} 未改动` : `未创建 ${target}`) : '未写入文件'}）`);
  else {
    writeAtomic(target!, text);
    say(exists ? `已更新 ${target} 的 tables 部分（其他内容和注释保持不变）` : `已新建 ${target}（标有“待填写”的内容请补充完整）`);
  }

  const checked = target ?? name.replace(/\.xlsx$/i, '.yaml');
  const analysis = analyse(checked, { text, templatesDir: opts.templates });
  for (const d of analysis.diagnostics) if (d.severity !== 'note') say(formatDiagnostic(d));
  const c = countBySeverity(analysis.diagnostics);
  say(`校验：${c.error} 个错误，${c.warning} 个警告，${c.note} 个提示${analysis.ok ? '，校验通过' : '，校验未通过（见上；可用 juesuan check 查看全部问题）'}`);
  return 0;
}

function summary(workbook: string, r: ImportResult): string {
  const lines = [`从 ${workbook} 读取了 ${r.found.length} 张表${r.year ? `（${r.year} 年度）` : ''}：`];
  const order = (n: string) => Number(/\d+/.exec(n)?.[0] ?? 99);
  for (const f of [...r.found].sort((a, b) => order(a.number) - order(b.number))) lines.push(`  ${f.number} ${TABLES[f.key].name}（工作表“${f.sheet}”）：${f.summary}`);
  if (r.skipped.length) lines.push(`跳过的工作表：${r.skipped.map((s) => `“${s.sheet}”（${s.reason}）`).join('、')}`);
  return lines.join('\n');
}
