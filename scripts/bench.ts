// npm run bench — cold-process timings of the 2024 example, as a user runs them:
//   build pdf, build docx, build both (median of N runs each), peak RSS, file sizes, and
//   LibreOffice's headless DOCX→PDF conversion of the same DOCX in the same run, as a ratio.
// Numbers vary with machine load: read medians and ratios, not single runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const DATA = 'data/dongxihu-2024.yaml';
const out = mkdtempSync(path.join(tmpdir(), 'juesuan-bench-'));
const hasTime = existsSync('/usr/bin/time');

interface Run {
  seconds: number;
  rssMb: number | undefined;
}

function timed(cmd: string, args: readonly string[]): Run {
  const t0 = performance.now();
  const r = hasTime ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  const kb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, rssMb: Number.isFinite(kb) ? kb / 1024 : undefined };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function bench(label: string, cmd: string, args: readonly string[]): { label: string; median: number; min: number; rss: number | undefined } {
  timed(cmd, args); // warm the file cache
  const runs = Array.from({ length: RUNS }, () => timed(cmd, args));
  const secs = runs.map((r) => r.seconds);
  const rss = runs.map((r) => r.rssMb).filter((x): x is number => x !== undefined);
  return { label, median: median(secs), min: Math.min(...secs), rss: rss.length ? Math.max(...rss) : undefined };
}

const build = (format: string) => ['bin/juesuan.mjs', 'build', DATA, '--format', format, '--out', out];
const results = [bench('build pdf', 'node', build('pdf')), bench('build docx', 'node', build('docx')), bench('build pdf,docx', 'node', build('pdf,docx'))];

const pdf = path.join(out, 'dongxihu-2024.pdf');
const docx = path.join(out, 'dongxihu-2024.docx');
const sizes = { pdf: statSync(pdf).size, docx: statSync(docx).size };

let office: ReturnType<typeof bench> | undefined;
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
if (soffice) {
  const lo = mkdtempSync(path.join(tmpdir(), 'juesuan-lo-'));
  office = bench('LibreOffice docx→pdf', soffice, [`-env:UserInstallation=file://${lo}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', lo, docx]);
  if (!readdirSync(lo).some((f) => f.endsWith('.pdf'))) office = undefined;
}

const fmt = (s: number) => `${s.toFixed(2)} s`;
console.log(`基准测试：${DATA}，每项 ${RUNS} 次冷启动进程（取中位数），输出目录 ${out}`);
console.log('');
console.log('| 项目 | 中位数 | 最快 | 峰值内存 |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of [...results, ...(office ? [office] : [])]) console.log(`| ${r.label} | ${fmt(r.median)} | ${fmt(r.min)} | ${r.rss === undefined ? '—' : `${r.rss.toFixed(0)} MB`} |`);
console.log('');
console.log(`PDF ${(sizes.pdf / 1024).toFixed(0)} KB，DOCX ${(sizes.docx / 1024).toFixed(0)} KB`);
if (office) console.log(`LibreOffice 转换 / build pdf = ${(office.median / results[0]!.median).toFixed(2)} 倍（目标 ≥ 3）`);
else console.log('未找到 LibreOffice（soffice），跳过对比');
console.log(`目标：两种格式 ≤ 1.0 s，PDF ≤ 1 MB，峰值内存 ≤ 400 MB`);

// ---- watch: a one-figure change rebuilt in a warm process ---------------------------------------
// As `juesuan watch` does: build once (fonts, pdfmake, docx, ECharts and the format load), then
// change one amount in the data text and rebuild both formats. The change keeps the data valid:
// the 年初预算 of one line (2012901) and the 年初预算 total move together by 0.01 each time.
{
  const { build: buildBooklet, writeOutputs } = await import('../src/pipeline/build.ts');
  const { readFileSync } = await import('node:fs');
  const REBUILDS = Number(process.env['BENCH_REBUILDS'] ?? 7);
  const original = readFileSync(DATA, 'utf8');
  const variant = (k: number) => {
    const text = original
      .replace('code: 2012901, amount: 108.59', `code: 2012901, amount: ${(108.59 + k * 0.01).toFixed(2)}`)
      .replace('generalBudgetExpenditure: 686.23', `generalBudgetExpenditure: ${(686.23 + k * 0.01).toFixed(2)}`);
    if (k > 0 && text === original) throw new Error('bench: the figure to change was not found in the example');
    return text;
  };
  const watchOut = mkdtempSync(path.join(tmpdir(), 'juesuan-bench-watch-'));
  const rebuild = async (k: number, formats: ('pdf' | 'docx')[]) => {
    const t0 = performance.now();
    const r = await buildBooklet(DATA, { formats, text: variant(k) });
    if (!r.analysis.ok) throw new Error('bench: the changed example does not pass the checks');
    writeOutputs(r.outputs, watchOut, 'rebuild');
    return performance.now() - t0;
  };
  const t0 = performance.now();
  await rebuild(0, ['pdf', 'docx']);
  const first = performance.now() - t0;
  const both: number[] = [];
  const dataOnly: number[] = [];
  for (let k = 1; k <= REBUILDS; k++) both.push(await rebuild(k, ['pdf', 'docx']));
  for (let k = 1; k <= REBUILDS; k++) dataOnly.push(await rebuild(k, []));
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log('');
  console.log(`watch 场景（同一进程内，修改一个数字后重新生成 pdf,docx，${REBUILDS} 次取中位数）：`);
  console.log(`  首次生成 ${ms(first)}；重新生成 中位数 ${ms(median(both))}，最快 ${ms(Math.min(...both))}`);
  console.log(`  其中读取、校验、推导和排版（不含 PDF/Word 写出）中位数 ${ms(median(dataOnly))}`);
  console.log(`  目标：重新生成 ≤ 300 ms${median(both) <= 300 ? '（达标）' : '（未达标）'}`);
}

// ---- batch: booklets per minute, --jobs 2, cold process ------------------------------------------
// 20 data files (10 copies of each example, renamed), one `juesuan batch` process started cold.
{
  const { copyFileSync, mkdirSync } = await import('node:fs');
  const folder = mkdtempSync(path.join(tmpdir(), 'juesuan-bench-batch-'));
  const input = path.join(folder, 'data');
  mkdirSync(input);
  for (let i = 1; i <= 10; i++) {
    copyFileSync('data/dongxihu-2024.yaml', path.join(input, `dept${String(i).padStart(2, '0')}-2024.yaml`));
    copyFileSync('data/dongxihu-2020.yaml', path.join(input, `dept${String(i).padStart(2, '0')}-2020.yaml`));
  }
  const t0 = performance.now();
  const r = spawnSync('node', ['bin/juesuan.mjs', 'batch', input, '--out', path.join(folder, 'out'), '--jobs', '2'], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`batch failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  console.log('');
  console.log(`batch 场景（20 份：10 × 2024、10 × 2020，pdf,docx，--jobs 2，冷启动进程）：`);
  console.log(`  用时 ${seconds.toFixed(1)} s，每分钟 ${((20 / seconds) * 60).toFixed(1)} 份，平均每份 ${(seconds / 20).toFixed(2)} s（单进程 build pdf,docx 中位数 ${fmt(results[2]!.median)}）`);
  console.log(`  本机 ${availableParallelism()} 个逻辑 CPU；输出目录 ${folder}`);
}
