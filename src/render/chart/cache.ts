// A disk cache of rendered charts. Drawing a chart needs ECharts (≈0.5 s to import) and, for
// DOCX, resvg reading a 10 MB font; editors rebuild the same booklet many times while the four
// figures rarely change. Entries are keyed by a hash of everything that determines the output
// (figure, options, library versions, font file size and mtime), so a stale entry cannot be hit.
// Set JUESUAN_CHART_CACHE=off to disable, or to a folder to relocate it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function version(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return '?';
  }
}

const VERSIONS = `echarts@${version('echarts')} resvg@${version('@resvg/resvg-js')} cache@1`;

function cacheDir(): string | undefined {
  const setting = process.env['JUESUAN_CHART_CACHE'];
  if (setting === 'off' || setting === '0') return undefined;
  return setting && setting !== 'on' ? setting : path.join(ROOT, 'node_modules', '.cache', 'juesuan-charts');
}

/** Identity of a file for cache keys: path, size and modification time. */
export function fileStamp(file: string): string {
  try {
    const s = statSync(file);
    return `${file}:${s.size}:${s.mtimeMs}`;
  } catch {
    return `${file}:missing`;
  }
}

const memory = new Map<string, Uint8Array | string>();

/** Return the cached value for `key`, or compute, store and return it. */
export async function cached<T extends Uint8Array | string>(kind: 'svg' | 'png', key: unknown, compute: () => Promise<T>): Promise<T> {
  const hash = createHash('sha256').update(VERSIONS).update(kind).update(JSON.stringify(key)).digest('hex');
  const hit = memory.get(hash);
  if (hit !== undefined) return hit as T;
  const dir = cacheDir();
  const file = dir && path.join(dir, `${hash}.${kind}`);
  if (file) {
    try {
      const data = readFileSync(file);
      const value = (kind === 'svg' ? data.toString('utf8') : new Uint8Array(data)) as T;
      memory.set(hash, value);
      return value;
    } catch {
      // not cached yet
    }
  }
  const value = await compute();
  memory.set(hash, value);
  if (file && dir) {
    try {
      mkdirSync(dir, { recursive: true });
      // batch workers share the process id: the thread id keeps their temp files apart
      const tmp = `${file}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, value);
      renameSync(tmp, file);
    } catch {
      // a read-only install still works, only slower
    }
  }
  return value;
}
