// A complete context (every optional part present) whose shape templates are checked against
// when a format is loaded: the bundled 2024 example.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../pipeline/analyse.ts';
import { narrativeContext, type NarrativeContext } from './context.ts';

export const SAMPLE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/dongxihu-2024.yaml');

let sample: NarrativeContext | undefined;

export function sampleContext(): NarrativeContext {
  if (sample) return sample;
  const a = analyse(SAMPLE_FILE);
  if (!a.data || !a.tables || !a.figures || !a.profile) throw new Error(`内置示例 ${SAMPLE_FILE} 无法读取`);
  sample = narrativeContext(a.data, a.tables, a.figures, a.profile);
  return sample;
}
