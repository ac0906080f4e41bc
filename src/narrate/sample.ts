// A complete context (every optional part present) whose shape templates are checked against
// when a format is loaded: the bundled 2024 example (loaded and derived, not checked), with the
// optional appendix documents (data.reports and their figures) of the bundled 新洲区 2020
// example, which the 2024 example does not have.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFile } from '../input/load.ts';
import { loadProfile } from '../profile/load.ts';
import { deriveTables } from '../derive/tables.ts';
import { deriveFigures } from '../derive/figures.ts';
import { narrativeContext, type NarrativeContext } from './context.ts';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
export const SAMPLE_FILE = path.join(DATA, 'dongxihu-2024.yaml');
/** the example holding every optional document (reports.selfEvaluation, reports.targetDeclaration) */
export const REPORTS_SAMPLE_FILE = path.join(DATA, 'xinzhou-2020.yaml');

let sample: NarrativeContext | undefined;

function contextOf(file: string): NarrativeContext {
  const loaded = loadFile(file);
  if (!loaded.data) throw new Error(`内置示例 ${file} 无法读取`);
  const profile = loadProfile(loaded.data.meta.profile);
  const tables = deriveTables(loaded.data, profile);
  return narrativeContext(loaded.data, tables, deriveFigures(loaded.data, tables), profile);
}

export function sampleContext(): NarrativeContext {
  if (sample) return sample;
  const base = contextOf(SAMPLE_FILE);
  const extra = contextOf(REPORTS_SAMPLE_FILE);
  sample = { ...base, data: { ...base.data, reports: extra.data.reports }, reports: extra.reports };
  return sample;
}
