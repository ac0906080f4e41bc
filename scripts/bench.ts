// npm run bench — cold-process timings of the 2024 example, as a user runs them:
//   build pdf, build docx, build both (median of N runs each), peak RSS, file sizes, and
//   LibreOffice's headless DOCX→PDF conversion of the same DOCX in the same run, as a ratio.
// Numbers vary with machine load: read medians and ratios, not single runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
