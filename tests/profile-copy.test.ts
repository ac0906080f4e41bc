// A new format is a new folder: copy wuhan-2024, edit only text files, and the booklet changes.
// Also: a template that names a missing field fails when the format is loaded, with file:line.
import { describe, it, expect, beforeAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../src/pipeline/build.ts';
import { loadFormat } from '../src/profile/format.ts';
import { TemplateError } from '../src/narrate/templates.ts';
import { BUILTIN_TEMPLATES } from '../src/profile/load.ts';

const DATA = readFileSync('data/dongxihu-2024.yaml', 'utf8');

function copyFormat(edit: (dir: string) => void): string {
  const templates = mkdtempSync(path.join(tmpdir(), 'juesuan-fmt-'));
  cpSync(path.join(BUILTIN_TEMPLATES, 'wuhan-2024'), path.join(templates, 'my-region'), { recursive: true });
  const dir = path.join(templates, 'my-region');
  edit(dir);
  return templates;
}

function replaceIn(file: string, from: string, to: string): void {
  const s = readFileSync(file, 'utf8');
  if (!s.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, s.replace(from, to));
}

async function markdown(templates: string): Promise<string> {
  const built = await build('region.yaml', { formats: ['md'], templatesDir: templates, text: DATA.replace('profile: wuhan-2024', 'profile: my-region') });
  expect(built.analysis.ok).toBe(true);
  return built.outputs[0]!.data as string;
}

describe('a copied format', () => {
  let md: string;
  beforeAll(async () => {
    const templates = copyFormat((dir) => {
      replaceIn(path.join(dir, 'profile.yaml'), 'name: wuhan-2024', 'name: my-region');
      replaceIn(path.join(dir, 'profile.yaml'), 'title: 名词解释', 'title: 专业名词说明');
      replaceIn(path.join(dir, 'profile.yaml'), 'percentPlaces: 1', 'percentPlaces: 2');
      replaceIn(path.join(dir, 'sections', '01-total.hbs'), '## 收入支出决算总体情况说明', '## 收支总体情况');
      replaceIn(path.join(dir, 'sections', '06-basic.hbs'), '，其中：', '，具体如下：');
      replaceIn(path.join(dir, 'statements.yaml'), '收入决算表', '收入决算明细表');
    });
    md = await markdown(templates);
  });

  it('prints the edited part title, heading and sentence', () => {
    expect(md).toContain('# 第五部分 专业名词说明');
    expect(md).not.toContain('第五部分 名词解释');
    expect(md).toContain('## 一、收支总体情况');
    expect(md).toContain('基本支出 211.93 万元，具体如下：');
  });

  it('prints percentages with the edited number of decimals', () => {
    expect(md).toContain('占本年支出 22.69%');
    expect(md).toContain('下降 23.52%');
    expect(md).toContain('完成年初预算的 136.10%');
    expect(md).not.toContain('22.7%');
  });

  it('prints the edited table title', () => {
    expect(md).toContain('2024年度收入决算明细表');
  });

  it('leaves the built-in format untouched', async () => {
    const built = await build('data/dongxihu-2024.yaml', { formats: ['md'] });
    expect(built.outputs[0]!.data).toContain('占本年支出 22.7%');
  });
});

describe('template errors', () => {
  it('a missing field fails at load with the template file and line', () => {
    const templates = copyFormat((dir) => {
      replaceIn(path.join(dir, 'sections', '03-expenditure.hbs'), '{{amount f.expenditure.total}}', '{{amount f.expenditure.totl}}');
    });
    let error: unknown;
    try {
      loadFormat('my-region', templates);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    const t = error as TemplateError;
    expect(t.file).toBe(path.join(templates, 'my-region', 'sections', '03-expenditure.hbs'));
    expect(t.line).toBe(2);
    expect(t.message).toMatch(/03-expenditure\.hbs:2:\d+ 模板错误：“f\.expenditure\.totl”：没有字段 totl/u);
  });

  it('a missing field in an untaken branch is found too', () => {
    const templates = copyFormat((dir) => {
      // 2024 has a previous year, so the {{else}} branch never runs; it is still checked
      replaceIn(path.join(dir, 'sections', '07-gov-fund.hbs'), '{{amount f.govFund.income}}', '{{amount f.govFund.incom}}');
    });
    expect(() => loadFormat('my-region', templates)).toThrow(/07-gov-fund\.hbs:5:\d+ .*incom/u);
  });

  it('an unknown helper and a syntax error are located', () => {
    const a = copyFormat((dir) => replaceIn(path.join(dir, 'sections', '10-operating-cost.hbs'), '{{amount f.operatingCost.amount}}', '{{money f.operatingCost.amount}}'));
    expect(() => loadFormat('my-region', a)).toThrow(/10-operating-cost\.hbs:3:\d+ 模板错误：未知的助手函数 money/u);
    const b = copyFormat((dir) => replaceIn(path.join(dir, 'sections', '12-assets.hbs'), '{{/with}}', '{{/wiht}}'));
    expect(() => loadFormat('my-region', b)).toThrow(/12-assets\.hbs:\d+:\d+ 模板错误：语法错误/u);
  });
});
