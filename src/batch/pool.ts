// A pool of worker threads running batch jobs (./job.ts), one job per worker at a time. A worker
// that dies (out of memory, a native crash) fails only its current job; a fresh worker takes
// over the remaining ones.
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './job.ts';

/** The worker entry: a small .mjs that registers tsx, then imports ./worker.ts. */
const WORKER = new URL('./worker.mjs', import.meta.url);

/**
 * Node options for the workers: the parent's, minus module loader flags. Workers register tsx
 * themselves (see worker.mjs), whether the parent was started by bin/juesuan.mjs, `tsx` or
 * `node --import tsx`.
 */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (/^--(import|loader|experimental-loader|require)$/.test(a) || a === '-r') {
      i++;
      continue;
    }
    if (/^--(import|loader|experimental-loader|require)=/.test(a)) continue;
    out.push(a);
  }
  return out;
}

export async function runPool(jobs: readonly Job[], size: number, onResult: (r: JobResult) => void): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const queue = [...jobs];
  const workers = new Set<Worker>();

  return new Promise<JobResult[]>((resolve) => {
    const finish = (r: JobResult) => {
      results.push(r);
      onResult(r);
      if (results.length === jobs.length) {
        for (const w of workers) void w.terminate();
        resolve(results);
      }
    };

    const start = () => {
      const worker = new Worker(WORKER, { execArgv: workerExecArgv() });
      workers.add(worker);
      let current: Job | undefined;
      let ready = false;
      let dead = false;
      const next = () => {
        current = queue.shift();
        if (current) worker.postMessage(current);
        else {
          workers.delete(worker);
          void worker.terminate();
        }
      };
      const die = (message: string) => {
        if (dead) return;
        dead = true;
        workers.delete(worker);
        const job = current;
        current = undefined;
        const fail = (j: Job) => finish({ id: j.id, file: j.file, status: 'failed', errors: 0, warnings: 0, findings: [], outputs: {}, message, ms: 0 });
        if (job) fail(job);
        // A worker that could not even start will not do better on a second try.
        if (!ready) for (let j = queue.shift(); j; j = queue.shift()) fail(j);
        else if (queue.length > 0) start();
      };
      worker.on('message', (m: JobResult | { ready: true }) => {
        if ('ready' in m) {
          ready = true;
          return next();
        }
        current = undefined;
        finish(m);
        next();
      });
      worker.on('error', (e) => die(`工作线程异常退出：${e instanceof Error ? e.message : String(e)}`));
      worker.on('exit', (code) => {
        if (current) die(`工作线程异常退出（退出码 ${code}）`);
        workers.delete(worker);
      });
    };

    if (jobs.length === 0) return resolve([]);
    for (let i = 0; i < Math.max(1, Math.min(size, jobs.length)); i++) start();
  });
}
