// The whole pipeline, written down once:
//   load + validate + derive + check (analyse) → narrate + compose (composeBooklet) → render (writers)
// Outputs are produced in memory first and written only when every writer succeeded, each
// through a temp file and a rename, so a failure never leaves partial or mixed outputs.
import path from 'node:path';
import { writeFileSync, renameSync, mkdirSync, rmSync } from 'node:fs';
import { analyse, type Analysis } from './analyse.ts';
import { loadFormat } from '../profile/format.ts';
import { BUILTIN_TEMPLATES } from '../profile/load.ts';
import { composeBooklet } from '../compose/booklet.ts';
import { writerFor, type FormatName } from '../render/registry.ts';
import type { Document } from '../model/document.ts';

export interface BuildOptions {
  readonly templatesDir?: string;
  readonly formats: readonly FormatName[];
  /** folder the profile's font paths are relative to */
  readonly cwd?: string;
  /** analyse this text instead of reading the file */
  readonly text?: string;
  /** called before each rendering step (for progress lines) */
  readonly onProgress?: (step: FormatName) => void;
}

export interface Built {
  readonly analysis: Analysis;
  readonly document?: Document;
  readonly outputs: readonly { readonly format: FormatName; readonly extension: string; readonly data: Uint8Array | string }[];
}

/** Analyse and, when the data has no errors, compose and render in memory. */
export async function build(file: string, options: BuildOptions): Promise<Built> {
  const analysis = analyse(file, { templatesDir: options.templatesDir, text: options.text });
  if (!analysis.ok || !analysis.data || !analysis.tables || !analysis.figures) return { analysis, outputs: [] };
  const format = loadFormat(analysis.data.meta.profile, options.templatesDir ?? BUILTIN_TEMPLATES);
  const document = composeBooklet({ data: analysis.data, tables: analysis.tables, figures: analysis.figures }, format, { cwd: options.cwd ?? process.cwd() });
  const outputs = [];
  for (const f of options.formats) {
    options.onProgress?.(f);
    const writer = await writerFor(f);
    const out = await writer(document);
    outputs.push({ format: f, ...out });
  }
  return { analysis, document, outputs };
}

/** Write all outputs as <dir>/<base>.<ext>: every temp file first, then the renames. */
export function writeOutputs(outputs: Built['outputs'], dir: string, base: string): string[] {
  mkdirSync(dir, { recursive: true });
  const temps: [string, string][] = [];
  try {
    for (const o of outputs) {
      const target = path.join(dir, `${base}.${o.extension}`);
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, o.data);
      temps.push([tmp, target]);
    }
  } catch (e) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw e;
  }
  for (const [tmp, target] of temps) renameSync(tmp, target);
  return temps.map(([, t]) => t);
}
