// `juesuan diff`: build two versions of a data file in memory and compare what they publish.
import { build } from '../pipeline/build.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { compare, hasChanges, type Comparison, type Side } from './compare.ts';

export { compare, hasChanges, type Comparison } from './compare.ts';
export { formatComparison } from './format.ts';

export type DiffOutcome =
  | { readonly kind: 'compared'; readonly comparison: Comparison; readonly changed: boolean }
  /** a file could not be read, validated or built: its findings (errors and warnings) */
  | { readonly kind: 'trouble'; readonly problems: readonly { readonly file: string; readonly message: string; readonly diagnostics: readonly Diagnostic[] }[] };

async function side(file: string, templatesDir: string | undefined): Promise<Side | { file: string; message: string; diagnostics: readonly Diagnostic[] }> {
  try {
    const built = await build(file, { formats: [], templatesDir });
    const a = built.analysis;
    if (!a.ok || !built.document || !a.figures) {
      const errors = a.diagnostics.filter((d) => d.severity === 'error').length;
      return { file, message: `${file}：${errors} 个错误，无法比较（请先用 juesuan check ${file} 修正）`, diagnostics: a.diagnostics.filter((d) => d.severity !== 'note') };
    }
    return { document: built.document, figures: a.figures };
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    return { file, message: `${file}：生成失败：${e.message}`, diagnostics: [] };
  }
}

export async function diffFiles(oldFile: string, newFile: string, opts: { readonly templatesDir?: string } = {}): Promise<DiffOutcome> {
  const a = await side(oldFile, opts.templatesDir);
  const b = await side(newFile, opts.templatesDir);
  const problems = [a, b].filter((s): s is Exclude<typeof s, Side> => 'message' in s);
  if (problems.length) return { kind: 'trouble', problems };
  const comparison = compare(a as Side, b as Side);
  return { kind: 'compared', comparison, changed: hasChanges(comparison) };
}
