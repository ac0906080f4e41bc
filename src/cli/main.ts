// The `juesuan` command line. User-facing text is Chinese. Exit codes: 0 ok, 1 findings or
// failed work, 2 usage error.
import { Command, CommanderError } from 'commander';
import { writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { analyse } from '../pipeline/analyse.ts';
import { countBySeverity, formatDiagnostic } from '../diagnostics/diagnostic.ts';
import { makeSchema } from '../input/schema.ts';
import { build, writeOutputs } from '../pipeline/build.ts';
import { FORMATS } from '../render/registry.ts';
import { parseFormats, formatsUsage, outputBase } from '../batch/common.ts';
import { TemplateError } from '../narrate/templates.ts';
import { StatementsError } from '../profile/statements.ts';
import { ProfileError } from '../profile/load.ts';
import { FontError } from '../compose/fonts.ts';
import { ComposeError } from '../compose/booklet.ts';
import { FigureError } from '../compose/figures.ts';
import { MarkupError } from '../compose/markup.ts';
import { AppendixError } from '../compose/appendix/args.ts';

/** Errors in a format (profile, templates, fonts) — reported as such, never as a crash. */
const FORMAT_ERRORS = [TemplateError, StatementsError, ProfileError, FontError, ComposeError, FigureError, MarkupError, AppendixError];
import { registerCommands } from './commands/index.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  const program = new Command('juesuan')
    .description('部门决算公开文本生成与勾稽校验工具')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .configureOutput({ outputError: (s, write) => write(s) })
    .exitOverride();
  program.addHelpText('after', '\n示例：\n  npx juesuan check data/dongxihu-2024.yaml\n  npx juesuan build data/dongxihu-2024.yaml --out out\n  npx juesuan build data/dongxihu-2024.yaml --format md\n  npx juesuan schema --out schema/juesuan.schema.json');

  program
    .command('check')
    .description('校验一个部门年度数据文件（表内、表间勾稽关系，科目编码，自评得分）')
    .argument('<文件>', '部门年度数据文件（.yaml / .yml / .json）')
    .option('--format <格式>', '输出格式：text（默认）或 json', 'text')
    .option('--templates <目录>', '格式模板所在目录（默认为内置 templates/）')
    .helpOption('-h, --help', '显示帮助')
    .action((file: string, opts: { format: string; templates?: string }) => {
      if (opts.format !== 'text' && opts.format !== 'json') {
        process.stderr.write(`不支持的输出格式“${opts.format}”，可选：text、json\n`);
        code = 2;
        return;
      }
      const result = analyse(file, { templatesDir: opts.templates });
      const counts = countBySeverity(result.diagnostics);
      if (opts.format === 'json') {
        process.stdout.write(JSON.stringify({ file, ok: result.ok, counts, diagnostics: result.diagnostics }, null, 2) + '\n');
      } else {
        for (const d of result.diagnostics) process.stdout.write(formatDiagnostic(d) + '\n');
        process.stdout.write(`${file}：${counts.error} 个错误，${counts.warning} 个警告，${counts.note} 个提示${result.ok ? '，校验通过' : '，校验未通过'}\n`);
      }
      code = result.ok ? 0 : 1;
    });

  program
    .command('build')
    .description('校验数据文件并生成决算公开文本（默认 PDF 和 Word）')
    .argument('<文件>', '部门年度数据文件（.yaml / .yml / .json）')
    .option('--out <目录>', '输出目录', 'out')
    .option('--format <格式>', `输出格式，可用逗号分隔多个：${FORMATS.join('、')}（默认 pdf,docx）`, 'pdf,docx')
    .option('--templates <目录>', '格式模板所在目录（默认为内置 templates/）')
    .helpOption('-h, --help', '显示帮助')
    .action(async (file: string, opts: { out: string; format: string; templates?: string }) => {
      const { formats, unknown } = parseFormats(opts.format);
      if (unknown.length || formats.length === 0) {
        process.stderr.write(formatsUsage(opts.format, unknown));
        code = 2;
        return;
      }
      try {
        const names: Record<string, string> = { pdf: 'PDF', docx: 'Word（DOCX）', md: 'Markdown 文本', json: 'JSON 文档模型', html: '网页（HTML）' };
        const result = await build(file, {
          formats,
          templatesDir: opts.templates,
          onProgress: (f) => process.stderr.write(`正在生成 ${names[f] ?? f}……\n`),
        });
        const counts = countBySeverity(result.analysis.diagnostics);
        for (const d of result.analysis.diagnostics) if (d.severity !== 'note') process.stderr.write(formatDiagnostic(d) + '\n');
        if (!result.analysis.ok) {
          process.stderr.write(`${file}：${counts.error} 个错误，未生成任何文件（请先修正数据，可用 juesuan check 查看全部问题）\n`);
          code = 1;
          return;
        }
        const written = writeOutputs(result.outputs, opts.out, outputBase(file));
        for (const w of written) process.stdout.write(`已生成 ${w}\n`);
        if (counts.warning) process.stdout.write(`（${counts.warning} 个警告，见上）\n`);
      } catch (e) {
        if (e instanceof Error && (FORMAT_ERRORS.some((c) => e instanceof c) || /^(格式模板|字体|未知的)/u.test(e.message))) {
          process.stderr.write(`生成失败：${e.message}\n已有的输出文件保持不变。\n`);
          code = 1;
          return;
        }
        throw e;
      }
    });

  program
    .command('schema')
    .description('输出数据文件的 JSON Schema（供 VS Code 等编辑器自动补全和校验）')
    .option('--out <文件>', '写入文件（默认输出到屏幕）')
    .helpOption('-h, --help', '显示帮助')
    .action((opts: { out?: string }) => {
      const text = schemaText();
      if (!opts.out) {
        process.stdout.write(text);
        return;
      }
      writeAtomic(opts.out, text);
      process.stdout.write(`已写入 ${opts.out}\n`);
    });

  registerCommands(program, { setCode: (c) => (code = c) });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
      return 2;
    }
    throw e;
  }
  return code;
}

export function schemaText(): string {
  const schema = z.toJSONSchema(makeSchema(), { io: 'input', unrepresentable: 'any', target: 'draft-7' });
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Write to a temp file next to the target, then rename: readers never see a partial file. */
export function writeAtomic(file: string, content: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
