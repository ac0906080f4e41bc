// A batch worker: takes one job at a time from the pool (./pool.ts) and answers with its
// result. The module graph — format cache, pdfmake and its fonts, docx, ECharts — stays loaded
// across the jobs of this thread, so only the first file pays for it.
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './job.ts';

if (!parentPort) throw new Error('src/batch/worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (job: Job) => {
  void runJob(job).then((result) => port.postMessage(result));
});
port.postMessage({ ready: true });
