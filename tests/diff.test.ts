// `juesuan diff` as a user runs it (child processes, real files in a temp folder), plus the
// sequence diff and the formatter in process.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { sequenceEdits, inlineSegments } from '../src/diff/sequence.ts';
import { sentences } from '../src/diff/extract.ts';
import { diffFiles, formatComparison } from '../src/diff/index.ts';

const BIN = resolve('bin/juesuan.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const EXAMPLE = 'data/dongxihu-2024.yaml';

/** The example with 2012901 行政运行 raised from 98.60 to 98.70 in 公开02/03/05表 and every
 *  total that depends on it raised by 0.10 (01, 04, 06 and the self-evaluation), so it checks. */
function raised(): string {
  let s = readFileSync(EXAMPLE, 'utf8');
  const pairs: [string, string][] = [
    ['933.96', '934.06'], // 本年收入/支出合计、总计 (01–05表), 自评表执行数
    ['820.62', '820.72'], // 201 一般公共服务支出, 20129 群众团体事务
    ['98.60', '98.70'], // 2012901 行政运行
    ['211.93', '212.03'], // 基本支出合计 (03、05表)
    ['211.94', '212.04'], // 自评表基本支出总额
    ['159.02', '159.12'], // 06表 人员经费合计
    ['67.62', '67.72'], // 06表 301 工资福利支出
    ['20.14', '20.24'], // 06表 30199 其他工资福利支出
  ];
  for (const [a, b] of pairs) s = s.replaceAll(a, b);
  return s;
}

describe('juesuan diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-diff-'));
  const changed = join(dir, 'dongxihu-2024-改.yaml');
  const worded = join(dir, 'dongxihu-2024-文字.yaml');
  const broken = join(dir, 'dongxihu-2024-错.yaml');
  let r: ReturnType<typeof run>;
  beforeAll(() => {
    writeFileSync(changed, raised());
    const original = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(
      worded,
      original
        .replace('grandTotal: { amount: 1221.23, reason: 缩减开支 }', 'grandTotal: { amount: 1221.23, reason: 压减一般性支出 }')
        .replace('推进新就业形态劳动者建会入会，全年新增工会 24 家、会员 4010 人；', '完成全区工会组织换届选举工作；'),
    );
    writeFileSync(broken, original.replace('- { code: 2012901, name: 行政运行, total: 98.60, fiscal: 98.60 }', '- { code: 2012901, name: 行政运行, total: 98.70, fiscal: 98.70 }'));
    r = run('diff', EXAMPLE, changed);
  });

  it('says 无变化 and exits 0 for identical files', () => {
    const same = run('diff', EXAMPLE, EXAMPLE);
    expect(same.code).toBe(0);
    expect(same.out).toContain('无变化');
    expect(same.err).toBe('');
  });

  it('exits 1 when the published text differs (diff(1) semantics), without colour when not a terminal', () => {
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('\x1b[');
  });

  it('lists the changed table cells by table, row (code + name) and column', () => {
    expect(r.out).toContain('公开02表 2012901 行政运行｜本年收入合计：98.60 → 98.70');
    expect(r.out).toContain('公开02表 2012901 行政运行｜财政拨款收入：98.60 → 98.70');
    expect(r.out).toContain('公开03表 2012901 行政运行｜基本支出：98.60 → 98.70');
    expect(r.out).toContain('公开05表 2012901 行政运行｜本年支出：基本支出：98.60 → 98.70');
    expect(r.out).toContain('公开02表 合计｜本年收入合计：933.96 → 934.06');
    expect(r.out).toContain('公开01表 一、一般公共服务支出｜支出：金额：820.62 → 820.72');
    expect(r.out).toContain('公开06表 人员经费合计｜人员经费：决算数：159.02 → 159.12');
    // unchanged cells are not listed
    expect(r.out).not.toContain('2012902');
  });

  it('lists the changed sentences under their heading, with the changed figures marked', () => {
    const lines = r.out.split('\n');
    const at = lines.findIndex((l) => l.includes('~ 其中：基本支出 211.93 → 212.03 万元，占本年支出 22.7%；'));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(0, at).reverse().find((l) => /^ {2}\S/u.test(l))).toContain('三、支出决算情况说明');
    expect(r.out).toContain('~ 2024 年度收、支总计 933.96 → 934.06 万元。');
    expect(r.out).toContain('收、支总计各减少 287.27 → 287.17 万元');
    // the sentence of a numbered item is shown under the item it belongs to
    expect(r.out).toContain('› 1. 一般公共服务支出（类）群众团体事务（款）行政运行（项）。\n    ~ 年初预算为 108.59 万元，支出决算为 98.60 → 98.70 万元，完成年初预算的 90.8% → 90.9%');
  });

  it('gives the key figures old → new with the change', () => {
    expect(r.out).toMatch(/收支总计\s+933\.96 → 934\.06（\+0\.10）/u);
    expect(r.out).toMatch(/本年收入合计\s+933\.96 → 934\.06（\+0\.10）/u);
    expect(r.out).toMatch(/本年支出合计\s+933\.96 → 934\.06（\+0\.10）/u);
    expect(r.out).toMatch(/基本支出\s+211\.93 → 212\.03（\+0\.10）/u);
    expect(r.out).toMatch(/项目支出\s+722\.02（未变）/u);
    expect(r.out).toMatch(/“三公”经费\s+0\.00（未变）/u);
    expect(r.out).toMatch(/机关运行经费\s+52\.91（未变）/u);
    expect(r.out).toContain('共有变动：主要数字 4 项');
  });

  it('marks reworded and replaced sentences', () => {
    const w = run('diff', EXAMPLE, worded);
    expect(w.code).toBe(1);
    expect(w.out).toContain('主要数字（万元，0 项变动）');
    expect(w.out).toContain('主要原因是〔缩减开支 → 压减一般性支出〕。');
    expect(w.out).toContain('第四部分 2024 年度重点工作完成情况 › 四、夯实基层组织和干部队伍');
    expect(w.out).toContain('− 推进新就业形态劳动者建会入会，全年新增工会 24 家、会员 4010 人；');
    expect(w.out).toContain('+ 完成全区工会组织换届选举工作；');
  });

  it('exits 2 with the findings when a file has errors or cannot be read', () => {
    const b = run('diff', EXAMPLE, broken);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/错误 \[(fn-row-formula|fn-section-sum)\]/u);
    expect(b.err).toContain('无法比较');
    expect(b.out).toBe('');
    const m = run('diff', EXAMPLE, join(dir, 'missing.yaml'));
    expect(m.code).toBe(2);
    expect(m.err).toContain('文件不存在');
    expect(run('diff', EXAMPLE).code).toBe(2);
  });

  it('--help is Chinese, documents the exit codes and has an example', () => {
    const h = run('diff', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('退出码（与 diff 命令相同）：0 无变化；1 有变化；2 出错');
    expect(h.out).toContain('示例：');
  });
});

describe('formatting', () => {
  it('colours only when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-diff-'));
    const changed = join(dir, 'b.yaml');
    writeFileSync(changed, raised());
    const outcome = await diffFiles(EXAMPLE, changed);
    expect(outcome.kind).toBe('compared');
    if (outcome.kind !== 'compared') return;
    const plain = formatComparison(outcome.comparison, { color: false, oldFile: 'a', newFile: 'b' });
    const coloured = formatComparison(outcome.comparison, { color: true, oldFile: 'a', newFile: 'b' });
    expect(plain).not.toContain('\x1b[');
    expect(coloured).toContain('\x1b[31m98.60\x1b[39m → \x1b[32m98.70\x1b[39m');
    expect(coloured.replace(/\x1b\[\d+m/gu, '')).toBe(plain);
  });
});

describe('sentence diff', () => {
  it('splits paragraphs into sentences after 。 and ；', () => {
    expect(sentences('其中：基本支出 211.93 万元；项目支出 722.02 万元。本年度无经营支出。')).toEqual(['其中：基本支出 211.93 万元；', '项目支出 722.02 万元。', '本年度无经营支出。']);
  });

  it('pairs a sentence whose figures changed and marks only the figures', () => {
    const e = sequenceEdits(['甲。', '基本支出 211.93 万元。', '乙。'], ['甲。', '基本支出 212.03 万元。', '乙。'], (s) => s);
    expect(e).toEqual([{ kind: 'modified', old: '基本支出 211.93 万元。', new: '基本支出 212.03 万元。' }]);
    expect(inlineSegments('基本支出 211.93 万元。', '基本支出 212.03 万元。')).toEqual([
      { kind: 'same', text: '基本支出 ' },
      { kind: 'change', old: '211.93', new: '212.03' },
      { kind: 'same', text: ' 万元。' },
    ]);
  });

  it('accounts for every item: removals + rewrites = old − LCS, additions + rewrites = new − LCS', () => {
    const lcs = (a: string[], b: string[]) => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
      return t[0]![0]!;
    };
    const item = fc.constantFrom('收入 1.00。', '收入 2.00。', '支出 3.00。', '无变化。', '另一句话。', '结余 0。');
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.array(item, { maxLength: 12 }), (a, b) => {
        const e = sequenceEdits(a, b, (s) => s);
        const common = lcs(a, b);
        const count = (k: string) => e.filter((x) => x.kind === k).length;
        expect(count('removed') + count('modified')).toBe(a.length - common);
        expect(count('added') + count('modified')).toBe(b.length - common);
      }),
    );
  });
});
