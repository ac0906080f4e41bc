// `juesuan watch` as a user runs it: a child process watching a data file in a temp folder,
// edited the way editors save (in place, and by writing a new file and renaming it over).
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeChanges } from '../src/cli/commands/watch.ts';

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

/** Start `juesuan watch`; `wait(re, n)` resolves once the combined output matches `re` n times. */
function start(...args: string[]) {
  const proc = spawn(process.execPath, ['bin/juesuan.mjs', 'watch', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let log = '';
  proc.stdout.setEncoding('utf8').on('data', (s: string) => (log += s));
  proc.stderr.setEncoding('utf8').on('data', (s: string) => (log += s));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const wait = async (re: RegExp, n = 1, ms = 60_000): Promise<void> => {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    const t0 = Date.now();
    while ((log.match(global)?.length ?? 0) < n) {
      if (proc.exitCode !== null) throw new Error(`watch exited early (${proc.exitCode}):\n${log}`);
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${re} ×${n}:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { proc, wait, exited, log: () => log };
}

const stamp = (file: string) => ({ bytes: readFileSync(file), mtime: statSync(file).mtimeMs });

describe('juesuan watch', () => {
  it('builds, rebuilds on saves (in place, by rename, of a template), keeps the last good outputs on a broken save, exits 0 on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-watch-'));
    const file = join(dir, 'dept-2024.yaml');
    const templates = join(dir, 'templates');
    cpSync('templates', templates, { recursive: true });
    const original = readFileSync('data/dongxihu-2024.yaml', 'utf8');
    writeFileSync(file, original);
    const out = join(dir, 'out');
    const md = join(out, 'dept-2024.md');
    const docx = join(out, 'dept-2024.docx');
    const w = start(file, '--out', out, '--format', 'md,docx', '--templates', templates);

    const built = /已生成 .*dept-2024\.md、.*dept-2024\.docx：0 个错误，\d+ 个警告.*用时 \d+ ms/;
    await w.wait(built, 1);
    expect(w.log()).toContain('首次生成');
    expect(w.log()).toMatch(/警告 \[score-execution\]/); // findings, formatted like `check`
    const first = readFileSync(md, 'utf8');
    expect(first).toContain('108.59');

    // A valid change, saved in place: the budget of one line and the budget total.
    const changed = original.replace('code: 2012901, amount: 108.59', 'code: 2012901, amount: 108.69').replace('generalBudgetExpenditure: 686.23', 'generalBudgetExpenditure: 686.33');
    expect(changed).not.toBe(original);
    writeFileSync(file, changed);
    await w.wait(built, 2);
    await w.wait(/段文字有变化/, 1);
    expect(w.log()).toContain('数据文件已保存');
    expect(w.log()).toContain('关键数字（收支总计、本年收入合计、本年支出合计、基本支出、项目支出）未变化');
    const second = readFileSync(md, 'utf8');
    expect(second).not.toBe(first);
    expect(second).toContain('108.69');

    // A broken save: the error is printed, the outputs stay exactly as they were.
    const before = { md: stamp(md), docx: stamp(docx) };
    writeFileSync(file, 'meta:\n  year: [2024\n');
    await w.wait(/错误 \[yaml-syntax\]/, 1);
    await w.wait(/上次成功生成的文件保持不变/, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(stamp(md)).toEqual(before.md);
    expect(stamp(docx)).toEqual(before.docx);

    // A save by rename (editors' safe write): the watcher follows the new file.
    const tmp = join(dir, '.dept-2024.yaml.swp');
    writeFileSync(tmp, changed.replace('落实过紧日子要求压减支出', '落实过紧日子要求压减会议费支出'));
    renameSync(tmp, file);
    await w.wait(built, 3);
    expect(readFileSync(md, 'utf8')).toContain('压减会议费支出');

    // …and keeps following it: the next in-place save rebuilds again.
    writeFileSync(file, changed);
    await w.wait(built, 4);
    expect(readFileSync(md, 'utf8')).not.toContain('压减会议费支出');

    // A template edit reloads the format.
    const overview = join(templates, 'wuhan-2024', 'overview.hbs');
    writeFileSync(overview, readFileSync(overview, 'utf8') + '\n（格式模板测试段落。）\n');
    await w.wait(/格式模板有修改/, 1);
    await w.wait(built, 5);
    expect(readFileSync(md, 'utf8')).toContain('格式模板测试段落');

    w.proc.kill('SIGINT');
    expect(await w.exited).toBe(0);
    expect(w.log()).toContain('已停止监视');
  }, 180_000);

  it('usage errors exit 2, a missing file 1; --help is Chinese with an example', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['bin/juesuan.mjs', 'watch', ...args], { encoding: 'utf8' });
    expect(run().status).toBe(2);
    expect(run('data/dongxihu-2024.yaml', '--format', 'xml').status).toBe(2);
    const missing = run('no/such/file.yaml');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('文件不存在');
    const h = run('--help');
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('监视数据文件');
    expect(h.stdout).toContain('示例：');
  });
});

describe('watch: what changed', () => {
  it('names changed key figures and counts changed paragraphs and tables', () => {
    const before = { figures: [['收支总计', '933.96'], ['项目支出', '722.02']] as const, unit: '万元', paragraphs: ['甲', '乙', '乙'], tables: new Map([['table:t01', 'a'], ['figure:f1', 'x']]) };
    const after = { figures: [['收支总计', '934.06'], ['项目支出', '722.02']] as const, unit: '万元', paragraphs: ['甲', '乙', '丙'], tables: new Map([['table:t01', 'b'], ['figure:f1', 'x']]) };
    expect(describeChanges(before, after)).toEqual(['收支总计：933.96 → 934.06 万元（+0.10）', '1 段文字、1 张表格有变化']);
    expect(describeChanges(before, before)).toEqual(['关键数字（收支总计、本年收入合计、本年支出合计、基本支出、项目支出）未变化', '文字、表格和图表均无变化']);
  });
});
