// `juesuan init`: write a commented data file for a new department-year.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CommandContext } from './index.ts';
import { formatDiagnostic } from '../../diagnostics/diagnostic.ts';
import { planInit } from '../../init/index.ts';
import { writeAtomic } from '../main.ts';

const HELP = `
生成的文件：
  第一行是 # yaml-language-server: $schema=…（指向 schema/juesuan.schema.json 的相对路径），
  VS Code（装 YAML 插件）打开即可自动补全和校验；每一项都有中文注释，取自数据格式定义。
  冒号后留空的项是待填写的占位符：没填完之前 juesuan check 会逐项报“此项为空”或“应为文字，实际为空值”。
  可选项写成注释（# 键名:），需要时去掉行首的“# ”。

--from <去年文件>：
  沿用上年的部门名称、格式模板、政府层级、职责、单位构成、各表科目（编码和名称）、
  年初预算科目、各类用途说明、项目名称、重点工作汇总表条目、名词解释补充和自评表的项目与指标；
  上年的收支总计、本年收入合计、本年支出合计、财政拨款收支总计、一般公共预算财政拨款收入和支出、
  机关运行经费、“三公”经费决算数按上年数据算出，填入 narrative.previous（两位小数）。
  本年的金额一律留空待填。

退出码：0 已生成；1 目标文件已存在（未加 --force）或上年文件无法读取；2 参数错误。

示例：
  npx juesuan init data/新部门-2025.yaml --department 东西湖区某某局 --year 2025
  npx juesuan init --from data/dongxihu-2024.yaml          （生成 data/dongxihu-2025.yaml）
  npx juesuan init data/dongxihu-2025.yaml --from data/dongxihu-2024.yaml --force`;

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description('为新的部门年度生成带中文注释的数据文件（可用 --from 以上年文件为底稿）')
    .argument('[文件]', '要生成的数据文件（默认：按 --from 文件名换成新年度，或“部门-年度.yaml”）')
    .option('--department <名称>', '部门简称，如 东西湖区总工会')
    .option('--year <年度>', '决算年度（默认：--from 文件的下一年度，否则为上一个日历年）')
    .option('--profile <格式>', '格式模板名（默认：--from 文件所用的格式，否则 wuhan-2024）')
    .option('--from <去年文件>', '以上年的数据文件为底稿')
    .option('--force', '目标文件已存在时覆盖')
    .option('--templates <目录>', '格式模板所在目录（默认为内置 templates/）')
    .helpOption('-h, --help', '显示帮助')
    .addHelpText('after', HELP)
    .action((file: string | undefined, opts: { department?: string; year?: string; profile?: string; from?: string; force?: boolean; templates?: string }) => {
      let year: number | undefined;
      if (opts.year !== undefined) {
        if (!/^\d{4}$/u.test(opts.year.trim())) {
          process.stderr.write(`年度“${opts.year}”不合法：应为四位数字，如 --year 2025\n`);
          ctx.setCode(2);
          return;
        }
        year = Number(opts.year);
      }
      const plan = planInit({ file, department: opts.department, year, profile: opts.profile, from: opts.from, templatesDir: opts.templates });
      if (plan.kind === 'usage') {
        process.stderr.write(plan.message + '\n');
        ctx.setCode(2);
        return;
      }
      if (plan.kind === 'failed') {
        for (const d of plan.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
        process.stderr.write(plan.message + '\n');
        ctx.setCode(1);
        return;
      }
      for (const w of plan.warnings) process.stderr.write(`注意：${w}\n`);
      if (existsSync(plan.target) && !opts.force) {
        process.stderr.write(`文件 ${plan.target} 已存在，未做任何改动。如确要覆盖，请加 --force。\n`);
        ctx.setCode(1);
        return;
      }
      writeAtomic(plan.target, plan.text);
      process.stdout.write(`已生成 ${plan.target}（${plan.blanks} 处待填写）\n下一步：填写冒号后留空的项，然后运行 juesuan check ${plan.target}\n`);
      ctx.setCode(0);
    });
}
