// One file of a batch: check, render in memory, write the outputs. Runs inside a worker thread
// (./worker.ts), where the format, fonts and writers stay loaded from one file to the next.
import { build, writeOutputs } from '../pipeline/build.ts';
import { countBySeverity, formatDiagnostic } from '../diagnostics/diagnostic.ts';
import type { FormatName } from '../render/registry.ts';
import { countPdfPages } from './common.ts';

export interface Job {
  readonly id: number;
  readonly file: string;
  /** output folder and base name: <out>/<base>.<ext> */
  readonly out: string;
  readonly base: string;
  readonly formats: readonly FormatName[];
  readonly templatesDir?: string;
}

/**
 * ok: outputs written (warnings allowed); findings: the data has errors, nothing written;
 * failed: rendering threw (a broken format, a missing font, a bug) or the worker died.
 */
export type JobStatus = 'ok' | 'findings' | 'failed';

export interface JobResult {
  readonly id: number;
  readonly file: string;
  readonly status: JobStatus;
  readonly department?: string;
  readonly year?: number;
  readonly profile?: string;
  readonly errors: number;
  readonly warnings: number;
  /** the errors, formatted like `juesuan check` prints them (warnings are only counted) */
  readonly findings: readonly string[];
  /** PDF page count, when a PDF was made */
  readonly pages?: number;
  /** written files by format */
  readonly outputs: Readonly<Partial<Record<FormatName, string>>>;
  /** why a failed job failed */
  readonly message?: string;
  readonly ms: number;
}

export async function runJob(job: Job): Promise<JobResult> {
  const t0 = performance.now();
  const base = { id: job.id, file: job.file };
  let meta: { department?: string; year?: number; profile?: string } = {};
  let counts = { errors: 0, warnings: 0 };
  let findings: string[] = [];
  try {
    const built = await build(job.file, { formats: job.formats, templatesDir: job.templatesDir });
    const a = built.analysis;
    const c = countBySeverity(a.diagnostics);
    counts = { errors: c.error, warnings: c.warning };
    findings = a.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    if (a.data) meta = { department: a.data.meta.department, year: a.data.meta.year, profile: a.data.meta.profile };
    if (!a.ok) return { ...base, ...meta, ...counts, status: 'findings', findings, outputs: {}, ms: performance.now() - t0 };
    const written = writeOutputs(built.outputs, job.out, job.base);
    const outputs: Partial<Record<FormatName, string>> = {};
    built.outputs.forEach((o, i) => (outputs[o.format] = written[i]!));
    const pdf = built.outputs.find((o) => o.format === 'pdf');
    const pages = pdf && typeof pdf.data !== 'string' ? countPdfPages(pdf.data) : undefined;
    return { ...base, ...meta, ...counts, status: 'ok', findings, pages, outputs, ms: performance.now() - t0 };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ...base, ...meta, ...counts, status: 'failed', findings, outputs: {}, message, ms: performance.now() - t0 };
  }
}
