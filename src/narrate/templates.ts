// Loading a format's Handlebars templates: parse (syntax errors with file:line), check every
// variable path against the shape of a complete sample context (so a misspelt or missing field
// fails when the format is loaded, not halfway through a booklet), then compile in strict mode.
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerHelpers, HELPER_NAMES, type WordingOptions } from './helpers.ts';
import { Dec } from '../money/decimal.ts';

/** A template problem, located in its file. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column} 模板错误：${detail}`);
  }
}

export type Render = (context: object, file?: string) => string;

export interface TemplateSet {
  /** render one template file (relative name as listed in the profile) */
  render(name: string, context: object): string;
  /** render an inline template string (titles in profile.yaml) */
  renderString(source: string, context: object, where: string): string;
}

type AstNode = { type: string; loc?: { start: { line: number; column: number } } } & Record<string, unknown>;
type PathNode = AstNode & { original: string; parts: string[]; depth: number; data: boolean };

const ANY = Symbol('any');
type Shape = unknown;

const helperNames = new Set<string>([...HELPER_NAMES, 'if', 'unless', 'each', 'with', 'lookup', 'log']);

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Dec);

/** The shape of a list's items: the union of the keys of every item (items of a list may differ). */
function elementShape(list: readonly unknown[]): Shape {
  if (list.length === 0) return ANY;
  if (!list.every(isPlain)) return list[0];
  const merged: Record<string, unknown> = {};
  for (const item of list as Record<string, unknown>[]) {
    for (const [k, v] of Object.entries(item)) {
      const prev = merged[k];
      if (!(k in merged) || prev === undefined) merged[k] = v;
      else if (Array.isArray(prev) && Array.isArray(v)) merged[k] = [...prev, ...v];
      else if (isPlain(prev) && isPlain(v)) merged[k] = elementShape([prev, v]);
    }
  }
  return merged;
}

/** Resolve a path against a shape; returns ANY-compatible shape or throws a message. */
function resolvePath(p: PathNode, scopes: readonly Shape[], root: Shape): Shape {
  let shape: Shape;
  let parts = p.parts;
  if (p.data) {
    if (parts[0] === 'root') {
      shape = root;
      parts = parts.slice(1);
    } else return ANY; // @index, @first, @last, @key
  } else {
    shape = scopes[Math.max(0, scopes.length - 1 - p.depth)];
  }
  for (const part of parts) {
    if (shape === ANY || shape === undefined) return ANY;
    if (shape instanceof Dec || typeof shape !== 'object' || shape === null) throw new Error(`“${p.original}”：${part} 不是可以取用的字段`);
    if (Array.isArray(shape)) {
      if (part === 'length' || /^\d+$/.test(part)) {
        shape = part === 'length' ? 0 : elementShape(shape);
        continue;
      }
      throw new Error(`“${p.original}”：列表没有字段 ${part}`);
    }
    if (!(part in (shape as object))) {
      const known = Object.keys(shape as object).slice(0, 12).join('、');
      throw new Error(`“${p.original}”：没有字段 ${part}（可用：${known}）`);
    }
    shape = (shape as Record<string, unknown>)[part];
  }
  return shape;
}

/** Walk a template's AST and check every variable path against the sample shape. */
function checkPaths(ast: AstNode, root: Shape, file: string): void {
  const fail = (n: AstNode, msg: string): never => {
    throw new TemplateError(file, n.loc?.start.line ?? 0, (n.loc?.start.column ?? 0) + 1, msg);
  };
  const expr = (n: AstNode | undefined, scopes: Shape[]): Shape => {
    if (!n) return ANY;
    if (n.type === 'PathExpression') {
      try {
        return resolvePath(n as PathNode, scopes, root);
      } catch (e) {
        return fail(n, (e as Error).message);
      }
    }
    if (n.type === 'SubExpression') {
      call(n, scopes);
      return ANY;
    }
    return ANY; // literals
  };
  const call = (n: AstNode, scopes: Shape[]): void => {
    const p = n['path'] as PathNode;
    const params = (n['params'] as AstNode[]) ?? [];
    const hash = (n['hash'] as { pairs: { value: AstNode }[] } | undefined)?.pairs ?? [];
    const isHelper = !p.data && p.parts.length === 1 && helperNames.has(p.parts[0]!);
    if (!isHelper) {
      if (params.length > 0 || hash.length > 0) fail(n, `未知的助手函数 ${p.original}`);
      expr(p, scopes);
    }
    for (const a of params) expr(a, scopes);
    for (const h of hash) expr(h.value, scopes);
  };
  const walk = (program: AstNode | undefined, scopes: Shape[]): void => {
    if (!program) return;
    for (const n of program['body'] as AstNode[]) {
      switch (n.type) {
        case 'MustacheStatement':
          call(n, scopes);
          break;
        case 'BlockStatement': {
          const p = n['path'] as PathNode;
          const params = (n['params'] as AstNode[]) ?? [];
          const name = p.original;
          if (!['if', 'unless', 'each', 'with'].includes(name)) fail(n, `不支持的块 #${name}（可用：#if、#unless、#each、#with）`);
          if (params.length !== 1) fail(n, `#${name} 需要一个参数`);
          const arg = expr(params[0], scopes);
          let inner: Shape[] = scopes;
          if (name === 'each') inner = [...scopes, Array.isArray(arg) ? elementShape(arg) : ANY];
          else if (name === 'with') inner = [...scopes, arg];
          walk(n['program'] as AstNode, inner);
          walk(n['inverse'] as AstNode, scopes);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement':
        case 'DecoratorBlock':
          fail(n, '模板中不支持局部模板（partial）');
          break;
        default:
          break; // content, comments
      }
    }
  };
  walk(ast, [root]);
}

/**
 * Load and check templates. `files` are relative to `dir`; `sample` is a complete context whose
 * shape every variable path is checked against.
 */
export function loadTemplates(dir: string, files: readonly string[], wording: WordingOptions, sample: object): TemplateSet {
  const hb = Handlebars.create();
  registerHelpers(hb, wording);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const compileChecked = (source: string, file: string): Handlebars.TemplateDelegate => {
    let ast: AstNode;
    try {
      ast = hb.parse(source) as unknown as AstNode;
    } catch (e) {
      const m = /line (\d+)/.exec((e as Error).message);
      throw new TemplateError(file, m ? Number(m[1]) : 0, 1, `语法错误：${(e as Error).message.split('\n')[0]}`);
    }
    checkPaths(ast, sample, file);
    return hb.compile(source, { strict: true, noEscape: true });
  };
  for (const f of files) {
    const full = path.join(dir, f);
    let source: string;
    try {
      source = readFileSync(full, 'utf8');
    } catch {
      throw new TemplateError(full, 0, 0, '模板文件不存在或无法读取');
    }
    compiled.set(f, compileChecked(source, full));
  }
  const run = (t: Handlebars.TemplateDelegate, context: object, file: string): string => {
    try {
      return t(context);
    } catch (e) {
      const msg = (e as Error).message;
      const m = /(\d+):(\d+)/.exec(msg);
      throw new TemplateError(file, m ? Number(m[1]) : 0, m ? Number(m[2]) + 1 : 0, msg);
    }
  };
  const inline = new Map<string, Handlebars.TemplateDelegate>();
  return {
    render(name, context) {
      const t = compiled.get(name);
      if (!t) throw new TemplateError(path.join(dir, name), 0, 0, '模板未在格式模板中登记');
      return run(t, context, path.join(dir, name));
    },
    renderString(source, context, where) {
      let t = inline.get(source);
      if (!t) {
        t = compileChecked(source, where);
        inline.set(source, t);
      }
      return run(t, context, where);
    },
  };
}
