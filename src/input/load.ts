// load stage: file → positions-kept document → zod-validated DepartmentYear (amounts in 万元),
// with every problem reported as a Diagnostic naming file:line:col and the data path.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { makeSchema, type DepartmentYear } from './schema.ts';
import { parseSource, locate, type SourceFile } from './source.ts';
import { formatPath, type Diagnostic, type DataPath } from '../diagnostics/diagnostic.ts';
import { CATALOGUE, type RuleId } from '../check/catalogue.ts';

z.config(z.locales.zhCN());

export interface Loaded {
  readonly source?: SourceFile;
  readonly data?: DepartmentYear;
  readonly diagnostics: Diagnostic[];
}

export function diagnosticAt(source: SourceFile, rule: RuleId, path: DataPath, message: string, asKey = false, severity = CATALOGUE[rule].severity): Diagnostic {
  const pos = locate(source, path, asKey);
  return { rule, severity, message, hint: CATALOGUE[rule].hint, file: source.file, line: pos.line, col: pos.col, path: formatPath(path) };
}

export function loadFile(file: string): Loaded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      diagnostics: [
        { rule: 'file-read', severity: 'error', message: code === 'ENOENT' ? '文件不存在' : `无法读取文件（${code ?? String(e)}）`, hint: CATALOGUE['file-read'].hint, file, path: formatPath([]) },
      ],
    };
  }
  return loadText(file, text);
}

export function loadText(file: string, text: string): Loaded {
  const { source, problems } = parseSource(file, text.replace(/^\uFEFF/, ''));
  if (problems.length > 0) {
    return {
      source,
      diagnostics: problems.map((p) => ({
        rule: p.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
        severity: 'error' as const,
        message: p.code === 'DUPLICATE_KEY' ? `键重复：${p.message}` : `YAML 语法错误：${p.message}`,
        hint: CATALOGUE[p.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax'].hint,
        file,
        line: p.position.line,
        col: p.position.col,
        path: formatPath([]),
      })),
    };
  }
  const raw: unknown = source.doc.toJS();
  if (raw === null || raw === undefined) return { source, diagnostics: [diagnosticAt(source, 'schema-required', [], '文件为空：缺少 meta、overview、tables 等全部内容')] };
  const unit = isRecord(raw) && isRecord(raw['meta']) && raw['meta']['unit'] === '元' ? '元' : '万元';
  const result = makeSchema({ maxPlaces: 2, unit }).safeParse(raw);
  if (result.success) return { source, data: result.data, diagnostics: [] };
  return { source, diagnostics: result.error.issues.flatMap((i) => issueToDiagnostics(source, raw, i)) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Issue = z.core.$ZodIssue;

const TYPE_CN: Record<string, string> = { object: '对象（键: 值）', array: '列表', string: '文字', number: '数字', boolean: 'true 或 false', date: '日期' };

/** How a raw value looks to the user (numbers arrive as their source text). */
function describeValue(v: unknown): string {
  if (v === null || v === undefined) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'object') return '对象（键: 值）';
  if (typeof v === 'boolean') return `布尔值 ${v}`;
  const t = String(v);
  return /^[+-]?[\d,.]+$/.test(t) ? `数字 ${t}` : `文字“${t.length > 20 ? t.slice(0, 20) + '…' : t}”`;
}

/** The raw value at a data path, undefined when any step is missing. */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function issueToDiagnostics(source: SourceFile, raw: unknown, issue: Issue): Diagnostic[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const missing = valueAt(raw, issue.path) === undefined;
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_union'))
    return [diagnosticAt(source, 'schema-required', path, `缺少必填项“${String(path[path.length - 1] ?? '')}”`)];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) =>
        diagnosticAt(source, 'schema-unknown-key', [...path, k], `未知的键“${k}”（拼写错误？此处允许的键见 JSON Schema）`, true),
      );
    case 'invalid_type':
      return [diagnosticAt(source, 'schema-type', path, `应为${TYPE_CN[issue.expected] ?? issue.expected}，实际为${describeValue(valueAt(raw, issue.path))}`)];
    case 'invalid_value':
      return [diagnosticAt(source, 'schema-value', path, `${issue.message}`)];
    case 'invalid_union': {
      // report the most specific branch error: the branch that got furthest
      const branches = issue.errors.filter((b) => b.length > 0);
      const best = branches.sort((a, b) => a.length - b.length)[0];
      if (best && best.every((b) => b.code !== 'invalid_type' || b.path.length > 0))
        return best.flatMap((b) => issueToDiagnostics(source, raw, { ...b, path: [...issue.path, ...b.path] } as Issue));
      const v = valueAt(raw, issue.path);
      return [diagnosticAt(source, 'schema-type', path, v === null ? '此项为空：请填写，或删除这一行' : `取值的类型或结构不符合要求（实际为${describeValue(v)}）`)];
    }
    case 'custom': {
      const rule = (issue.params as { rule?: string } | undefined)?.rule;
      return [diagnosticAt(source, isRule(rule) ? rule : 'schema-value', path, issue.message)];
    }
    case 'invalid_format': {
      const rule = ((issue as { params?: { rule?: string } }).params)?.rule;
      return [diagnosticAt(source, isRule(rule) ? rule : 'schema-value', path, issue.message)];
    }
    case 'too_small':
      return [diagnosticAt(source, 'schema-required', path, issue.message)];
    default:
      return [diagnosticAt(source, 'schema-value', path, issue.message)];
  }
}

function isRule(r: string | undefined): r is RuleId {
  return r !== undefined && r in CATALOGUE;
}
