// load → validate → derive → check, as one function used by `check` and `build`.
import { loadFile, loadText } from '../input/load.ts';
import { loadProfile, ProfileError, BUILTIN_TEMPLATES } from '../profile/load.ts';
import { deriveTables, type Tables } from '../derive/tables.ts';
import { deriveFigures, type Figures } from '../derive/figures.ts';
import { runChecks } from '../check/check.ts';
import { diagnosticAt } from '../input/load.ts';
import { countBySeverity, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { DepartmentYear } from '../input/schema.ts';
import type { Profile } from '../profile/schema.ts';

export interface Analysis {
  readonly file: string;
  readonly data?: DepartmentYear;
  readonly profile?: Profile;
  readonly tables?: Tables;
  readonly figures?: Figures;
  /** sorted by position */
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

export interface AnalyseOptions {
  readonly templatesDir?: string;
  /** analyse this text instead of reading the file */
  readonly text?: string;
}

export function analyse(file: string, opts: AnalyseOptions = {}): Analysis {
  const loaded = opts.text !== undefined ? loadText(file, opts.text) : loadFile(file);
  if (!loaded.data || !loaded.source) return finish(file, loaded.diagnostics);
  const data = loaded.data;
  let profile: Profile;
  try {
    profile = loadProfile(data.meta.profile, opts.templatesDir ?? BUILTIN_TEMPLATES);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    return finish(file, [diagnosticAt(loaded.source, 'profile-unknown', ['meta', 'profile'], e.message)], data);
  }
  const tables = deriveTables(data, profile);
  const diagnostics = runChecks(loaded.source, data, profile, tables);
  return { ...finish(file, diagnostics, data), profile, tables, figures: deriveFigures(data, tables) };
}

function finish(file: string, diagnostics: readonly Diagnostic[], data?: DepartmentYear): Analysis {
  return { file, data, diagnostics: sortDiagnostics(diagnostics), ok: countBySeverity(diagnostics).error === 0 };
}
