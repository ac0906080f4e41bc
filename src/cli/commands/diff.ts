// `juesuan diff`: what changed in the published text between two versions of a data file.
import type { Command } from 'commander';
import type { CommandContext } from './index.ts';
import { formatDiagnostic } from '../../diagnostics/diagnostic.ts';
import { diffFiles, formatComparison } from '../../diff/index.ts';

const HELP = `
比较内容（两个文件都在内存中生成决算公开文本后比较，不写任何文件）：
  主要数字  收支总计、本年收入合计、本年支出合计、基本支出、项目支出、“三公”经费、机关运行经费：旧 → 新（增减）
  表格      按表号、行（科目编码 + 名称）和栏目逐格比较，如
              公开02表 2012901 行政运行｜本年收入合计：98.60 → 98.70
  文字      按句（以“。”“；”分句）比较，注明所在标题：
              − 删除的句子   + 新增的句子   ~ 修改的句子（变动的数字标为 旧 → 新，文字改动在〔〕中）

输出到终端时用颜色标出变动（设置环境变量 NO_COLOR 或输出到文件/管道时不用颜色）。

退出码（与 diff 命令相同）：0 无变化；1 有变化；2 出错（文件无法读取、数据有错误、参数错误）。

示例：
  npx juesuan diff data/dongxihu-2024.yaml data/dongxihu-2024-修改.yaml
  npx juesuan diff 旧版.yaml 新版.yaml > 变动.txt`;

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description('比较同一数据文件的两个版本：列出变动的主要数字、表格单元格和说明文字（重新公开前复核用）')
    .argument('<旧文件>', '原来的数据文件')
    .argument('<新文件>', '修改后的数据文件')
    .option('--templates <目录>', '格式模板所在目录（默认为内置 templates/）')
    .helpOption('-h, --help', '显示帮助')
    .addHelpText('after', HELP)
    .action(async (oldFile: string, newFile: string, opts: { templates?: string }) => {
      const outcome = await diffFiles(oldFile, newFile, { templatesDir: opts.templates });
      if (outcome.kind === 'trouble') {
        for (const p of outcome.problems) {
          for (const d of p.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
          process.stderr.write(p.message + '\n');
        }
        ctx.setCode(2);
        return;
      }
      const color = process.stdout.isTTY === true && !process.env['NO_COLOR'];
      process.stdout.write(formatComparison(outcome.comparison, { color, oldFile, newFile }));
      ctx.setCode(outcome.changed ? 1 : 0);
    });
}
