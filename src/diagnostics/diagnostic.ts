// One finding of the loader, the schema or the checker: stable rule id, severity, Chinese
// message, where it is (file:line:col and data path) and what to do about it.
export type Severity = 'error' | 'warning' | 'note';

export type DataPath = readonly (string | number)[];

export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  /** data path inside the file, e.g. tables.t02.rows[3].total */
  readonly path: string;
}

export function formatPath(path: DataPath): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) s += (s ? '.' : '') + seg;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s || '（文件根）';
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', note: '提示' };

/** file:line:col 错误 [rule] path：message ↵ 提示：hint */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.col ?? 1}` : d.file;
  let s = `${where} ${SEVERITY_LABEL[d.severity]} [${d.rule}] ${d.path}：${d.message}`;
  if (d.hint) s += `\n    提示：${d.hint}`;
  return s;
}

export function countBySeverity(ds: readonly Diagnostic[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const d of ds) c[d.severity]++;
  return c;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** Stable order: by line, then severity, then rule. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || ORDER[a.severity] - ORDER[b.severity] || a.rule.localeCompare(b.rule),
  );
}
