// A format (格式模板) ready to use: the profile file, its statements layout and its checked,
// compiled templates. Loaded once per folder and cached (watch and batch rebuild many times).
import path from 'node:path';
import { loadProfile, clearProfileCache, BUILTIN_TEMPLATES } from './load.ts';
import type { Profile } from './schema.ts';
import { loadStatements, type Statements } from './statements.ts';
import { loadTemplates, type TemplateSet } from '../narrate/templates.ts';
import { sampleContext } from '../narrate/sample.ts';

export interface Format {
  readonly name: string;
  readonly dir: string;
  readonly profile: Profile;
  readonly statements: Statements;
  readonly templates: TemplateSet;
}

const cache = new Map<string, Format>();

export function loadFormat(name: string, templatesDir = BUILTIN_TEMPLATES): Format {
  const dir = path.join(templatesDir, name);
  const hit = cache.get(dir);
  if (hit) return hit;
  const profile = loadProfile(name, templatesDir);
  const files = [...new Set(profile.parts.flatMap((p) => p.templates))];
  const sample = { ...sampleContext(), labels: profile.labels };
  const format: Format = {
    name,
    dir,
    profile,
    statements: loadStatements(dir),
    templates: loadTemplates(dir, files, profile.wording, sample),
  };
  cache.set(dir, format);
  return format;
}

/** Forget every loaded format and profile: the next load reads the files again (watch, after a template edit). */
export function clearFormatCache(): void {
  cache.clear();
  clearProfileCache();
}
