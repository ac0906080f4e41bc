// A complete context (every optional part present) whose shape templates are checked against
// when a format is loaded: the bundled 2024 example (loaded and derived, not checked).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFile } from '../input/load.ts';
import { loadProfile } from '../profile/load.ts';
import { deriveTables } from '../derive/tables.ts';
import { deriveFigures } from '../derive/figures.ts';
import { narrativeContext, type NarrativeContext } from './context.ts';

export const SAMPLE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/dongxihu-2024.yaml');

let sample: NarrativeContext | undefined;

export function sampleContext(): NarrativeContext {
  if (sample) return sample;
  const loaded = loadFile(SAMPLE_FILE);
  if (!loaded.data) throw new Error(`内置示例 ${SAMPLE_FILE} 无法读取`);
  const profile = loadProfile(loaded.data.meta.profile);
  const tables = deriveTables(loaded.data, profile);
  sample = narrativeContext(loaded.data, tables, deriveFigures(loaded.data, tables), profile);
  return sample;
}
