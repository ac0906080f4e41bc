// Writes a commented YAML data file by walking the data format's JSON Schema, which is generated
// at run time from the zod schema (src/input/schema.ts). Every comment that explains a field is
// that field's `.meta({ description })`, so the template cannot drift from the format.
//
// What to write is given by a *seed*: a plain object shaped like the data. A seed value is
// emitted as is; BLANK is an empty placeholder (`key:` with nothing after the colon — YAML null,
// which `juesuan check` reports as 此项为空 / 应为文字，实际为空值 until it is filled in). A field
// the seed leaves out is written as a blank skeleton when the format requires it, and as a
// commented-out line (`# key:`) when it is optional, so every field still appears with its
// explanation.
import { z } from 'zod';
import { makeSchema } from '../input/schema.ts';

/** The subset of JSON Schema (draft 7, as zod writes it) the emitter reads. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly title?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
}

/** The JSON Schema of the data format, generated from the zod schema (not read from disk). */
export function dataSchema(): JsonSchema {
  return z.toJSONSchema(makeSchema(), { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as JsonSchema;
}

/** A placeholder the user must fill in (or delete): written as an empty value. */
export const BLANK: unique symbol = Symbol('待填写');

/** Text written verbatim (a printed amount such as 933.96, a year, a code). */
export class Raw {
  constructor(readonly text: string) {}
}

export type Seed = typeof BLANK | Raw | string | number | boolean | readonly Seed[] | SeedObject;
export interface SeedObject {
  readonly [key: string]: Seed | undefined;
}

export interface EmitOptions {
  /** extra comment lines written above a field, keyed by its dotted path ("narrative.previous") */
  readonly notes?: ReadonlyMap<string, readonly string[]>;
  /** titles of the top-level section headers; unknown keys fall back to their description */
  readonly headers?: Readonly<Record<string, string>>;
  /** explanations for schema nodes that have no description, keyed by path pattern ("a.b[].c") */
  readonly fallback?: Readonly<Record<string, string>>;
}

export interface Emitted {
  readonly text: string;
  /** placeholders left to fill in (outside commented-out lines) */
  readonly blanks: number;
}

/** Column of the "# " that comments out an optional field and everything inside it; null: active. */
type Off = number | null;

interface Line {
  readonly indent: number;
  readonly text: string;
  /** trailing comment, aligned with its neighbours */
  readonly comment?: string;
  readonly off: Off;
  /** a whole-line comment (never aligned) */
  readonly note?: boolean;
  /** the first line of a list item: "- " takes the last two columns of the indent */
  readonly dash?: boolean;
}

type Kind = 'object' | 'record' | 'array' | 'union' | 'scalar';

const isObj = (v: unknown): v is SeedObject => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Raw);

function types(n: JsonSchema): string[] {
  if (n.type === undefined) return [];
  return typeof n.type === 'string' ? [n.type] : [...n.type];
}

export function kindOf(n: JsonSchema): Kind {
  const t = types(n);
  if (t.includes('object') && n.properties) return 'object';
  if (t.includes('object') && typeof n.additionalProperties === 'object') return 'record';
  if (t.includes('array')) return 'array';
  if (n.anyOf?.some((b) => kindOf(b) === 'object')) return 'union';
  return 'scalar';
}

/** A scalar that takes digits (amount, count, code): digit strings are written unquoted. */
function numeric(n: JsonSchema): boolean {
  return [n, ...(n.anyOf ?? [])].some((b) => types(b).some((t) => t === 'number' || t === 'integer'));
}

const leafOnly = (n: JsonSchema) => kindOf(n) === 'object' && Object.values(n.properties!).every((p) => kindOf(p) === 'scalar');

/** Display width in a monospaced terminal or editor: CJK and full-width forms take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

/** Widest flow-style list item (display columns) before a list is written in block style. */
const FLOW_MAX = 200;

const PLAIN_KEY = /^[A-Za-z_][\w]*$/u;
const yamlKey = (k: string) => (PLAIN_KEY.test(k) ? k : JSON.stringify(k));

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlString(s: string, inFlow: boolean): string {
  const plain =
    s.length > 0 &&
    s === s.trim() &&
    !/[\n\r\t]/u.test(s) &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/u.test(s) &&
    !/: |:$| #/u.test(s) &&
    !/^(?:true|false|null|~|yes|no|on|off|y|n)$/iu.test(s) &&
    !/^[-+.]?\d/u.test(s) &&
    !(inFlow && /[,[\]{}]/u.test(s));
  return plain ? s : JSON.stringify(s);
}

function scalarText(v: Seed, node: JsonSchema, inFlow: boolean): string {
  if (v === BLANK) return '';
  if (v instanceof Raw) return v.text;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return numeric(node) && /^\d+(?:\.\d+)?$/u.test(v) ? v : yamlString(v, inFlow);
  throw new Error(`init: expected a scalar, got ${JSON.stringify(v)}`);
}

/** A skeleton for a schema node: blanks for scalars, one sample item for lists. */
export function skeleton(node: JsonSchema, full: boolean): Seed {
  switch (kindOf(node)) {
    case 'object': {
      const out: Record<string, Seed> = {};
      for (const [k, p] of Object.entries(node.properties!)) {
        if (k === '$schema') continue;
        if (full || node.required?.includes(k)) out[k] = skeleton(p, full);
      }
      return out;
    }
    case 'record':
      return {};
    case 'array':
      return [skeleton(node.items!, full)];
    case 'union':
      return skeleton(node.anyOf!.find((b) => kindOf(b) === 'object')!, full);
    case 'scalar':
      return node.default !== undefined && typeof node.default !== 'object' && node.default !== '' ? (node.default as Seed) : BLANK;
  }
}

export function emitDocument(schema: JsonSchema, seed: SeedObject, preamble: readonly string[], opts: EmitOptions = {}): Emitted {
  const e = new Emitter(opts);
  const out: string[] = [...preamble];
  const props = schema.properties ?? {};
  for (const key of Object.keys(seed)) if (!(key in props)) throw new Error(`init: unknown top-level key "${key}"`);
  for (const [key, prop] of Object.entries(props)) {
    if (key === '$schema') continue;
    const title = opts.headers?.[key] ?? prop.description ?? key;
    const rule = '# ' + '-'.repeat(93);
    out.push('', rule, `# ${title}`, rule);
    const lines: Line[] = [];
    const required = schema.required?.includes(key) ?? false;
    let value = seed[key];
    let off: Off = null;
    if (value === undefined) {
      value = skeleton(prop, !required);
      off = required ? null : 0;
    }
    e.property(lines, key, prop, value, 0, [key], off, new Set(), true);
    out.push(...render(lines));
  }
  return { text: out.join('\n') + '\n', blanks: e.blanks };
}

class Emitter {
  blanks = 0;
  constructor(private readonly opts: EmitOptions) {}

  describe(node: JsonSchema, path: readonly string[]): string {
    const pattern = path.join('.').replace(/\.\[\]/gu, '[]');
    return node.description ?? (kindOf(node) === 'array' ? node.items?.description : undefined) ?? this.opts.fallback?.[pattern] ?? '';
  }

  /** Extra facts for a scalar's comment: allowed values. */
  private scalarComment(node: JsonSchema, path: readonly string[], optional: boolean, off: boolean): string {
    let c = this.describe(node, path);
    const en = node.enum ?? node.anyOf?.find((b) => b.enum)?.enum;
    if (en && !en.every((v) => c.includes(String(v)))) c += `（可选值：${en.map(String).join('、')}）`;
    if (optional && off) c += '（可选）';
    return c;
  }

  private notes(lines: Line[], path: readonly string[], indent: number, off: Off): void {
    for (const n of this.opts.notes?.get(path.join('.')) ?? []) lines.push({ indent, text: `# ${n}`, off, note: true });
  }

  private count(v: Seed, off: Off): void {
    if (v === BLANK && off === null) this.blanks++;
  }

  /** Comment lines explaining the fields of a flow-style object (once per parent). */
  private legend(lines: Line[], node: JsonSchema, path: readonly string[], indent: number, off: Off, explained: Set<string>, label: string): void {
    const fresh: string[] = [];
    let repeated = 0;
    for (const [k, p] of Object.entries(node.properties!)) {
      const d = this.scalarComment(p, [...path, k], !(node.required?.includes(k) ?? false), true);
      const id = `${k}=${d}`;
      if (explained.has(id)) {
        repeated++;
        continue;
      }
      explained.add(id);
      fresh.push(`${k}：${d}`);
    }
    if (fresh.length === 0) {
      lines.push({ indent, text: `# ${label}含义同上`, off, note: true });
      return;
    }
    lines.push({ indent, text: `# ${label}${repeated ? '（其余各项同上）' : ''}：`, off, note: true });
    for (const f of fresh) lines.push({ indent, text: `#   ${f}`, off, note: true });
  }

  private flowText(node: JsonSchema, value: SeedObject, path: readonly string[], off: Off, counting = true): string {
    const parts: string[] = [];
    for (const k of Object.keys(value)) if (!node.properties![k]) throw new Error(`init: unknown key "${k}" at ${path.join('.')}`);
    for (const [k, p] of Object.entries(node.properties!)) {
      const v = value[k];
      if (v === undefined) continue;
      if (counting) this.count(v, off);
      const t = scalarText(v, p, true);
      parts.push(t === '' ? `${yamlKey(k)}: ` : `${yamlKey(k)}: ${t}`);
    }
    return parts.length ? `{ ${parts.join(', ')} }`.replace(/: {2}\}$/u, ': }') : '{}';
  }

  /** Flow style for list items of scalars (table rows) and small leaf-only objects deep in the tree. */
  private flow(node: JsonSchema, path: readonly string[]): boolean {
    if (!leafOnly(node)) return false;
    if (path[path.length - 1] === '[]') return true;
    if (path.length < 3) return false;
    const blank = Object.keys(node.properties!).map((k) => `${k}: `).join(', ');
    return displayWidth(`{ ${blank} }`) <= 90;
  }

  property(lines: Line[], key: string, node: JsonSchema, value: Seed, indent: number, path: readonly string[], off: Off, explained: Set<string>, optional: boolean): void {
    const k = yamlKey(key);
    const kind = kindOf(node);
    if (kind === 'scalar') {
      this.notes(lines, path, indent, off);
      this.count(value, off);
      const v = scalarText(value, node, false);
      lines.push({ indent, text: v === '' ? `${k}:` : `${k}: ${v}`, comment: this.scalarComment(node, path, optional, off !== null), off });
      return;
    }
    let desc = this.describe(node, path);
    const itemDesc = kind === 'array' ? node.items?.description : undefined;
    if (itemDesc && desc && itemDesc !== desc) desc += `（每项：${itemDesc}）`;
    if (path.length > 1) {
      this.notes(lines, path, indent, off);
      if (desc) lines.push({ indent, text: `# ${desc}${optional && off !== null ? '（可选）' : ''}`, off, note: true });
    } else {
      // top level: the section header names it; print the description when it adds to that
      this.notes(lines, path, indent, off);
      const header = this.opts.headers?.[key];
      if (desc && header && !header.includes(desc)) lines.push({ indent, text: `# ${desc}`, off, note: true });
    }
    switch (kind) {
      case 'object': {
        if (!isObj(value)) throw new Error(`init: expected an object at ${path.join('.')}`);
        if (this.flow(node, path)) {
          this.legend(lines, node, path, indent, off, explained, '各项');
          lines.push({ indent, text: `${k}: ${this.flowText(node, value, path, off)}`, off });
          return;
        }
        if (off === null && Object.values(value).every((x) => x === undefined)) {
          // nothing active inside: an empty mapping, with the fields listed commented out
          lines.push({ indent, text: `${k}: {}`, off });
          this.object(lines, node, value, indent + 2, path, indent + 2);
          return;
        }
        lines.push({ indent, text: `${k}:`, off });
        this.object(lines, node, value, indent + 2, path, off);
        return;
      }
      case 'record': {
        if (!isObj(value)) throw new Error(`init: expected an object at ${path.join('.')}`);
        const item = node.additionalProperties as JsonSchema;
        const entries = Object.entries(value).filter((e): e is [string, Seed] => e[1] !== undefined);
        if (entries.length === 0) {
          lines.push({ indent, text: `${k}: {}`, off });
          return;
        }
        lines.push({ indent, text: `${k}:`, off });
        const inner = new Set<string>();
        for (const [rk, rv] of entries) this.property(lines, rk, item, rv, indent + 2, [...path, '*'], off, inner, false);
        return;
      }
      case 'array': {
        if (!Array.isArray(value)) throw new Error(`init: expected a list at ${path.join('.')}`);
        this.array(lines, k, node, value as readonly Seed[], indent, path, off, explained);
        return;
      }
      case 'union':
        throw new Error(`init: a union outside a list at ${path.join('.')}`);
    }
  }

  object(lines: Line[], node: JsonSchema, value: SeedObject, indent: number, path: readonly string[], off: Off, explained = new Set<string>()): void {
    const props = node.properties!;
    for (const k of Object.keys(value)) if (!props[k] && value[k] !== undefined) throw new Error(`init: unknown key "${k}" at ${path.join('.')}`);
    for (const [k, p] of Object.entries(props)) {
      if (k === '$schema') continue;
      const required = node.required?.includes(k) ?? false;
      let v = value[k];
      let o = off;
      if (v === undefined) {
        v = skeleton(p, off !== null || !required);
        if (o === null && !required) o = indent;
      }
      this.property(lines, k, p, v, indent, [...path, k], o, explained, !required);
    }
  }

  private array(lines: Line[], k: string, node: JsonSchema, items: readonly Seed[], indent: number, path: readonly string[], off: Off, explained: Set<string>): void {
    const item = node.items!;
    const ipath = [...path, '[]'];
    const ikind = kindOf(item);
    const flowItems = ikind === 'object' && this.flow(item, ipath);
    if (flowItems) this.legend(lines, item, ipath, indent, off, explained, '每项');
    const shared = new Set<string>();
    if (ikind === 'union') {
      const branches = item.anyOf!.filter((b) => kindOf(b) === 'object');
      lines.push({ indent, text: `# 每项为以下${branches.length}种之一（按顺序排列）：`, off, note: true });
      branches.forEach((b, i) => {
        const fields = Object.entries(b.properties!).map(([bk, bp]) => `${bk} ${this.scalarComment(bp, [...ipath, bk], !(b.required?.includes(bk) ?? false), true)}`);
        lines.push({ indent, text: `#   ${'①②③④⑤⑥⑦⑧⑨'[i] ?? i + 1} ${fields.join('；')}`, off, note: true });
      });
    }
    // one style per list: flow rows unless one of them would be too long to read on a line
    const flowAll = flowItems && items.every((v) => isObj(v) && displayWidth(this.flowText(item, v, ipath, off, false)) <= FLOW_MAX);
    if (items.length === 0) {
      if (ikind === 'object' && !flowItems) this.legend(lines, item, ipath, indent, off, new Set(), '每项');
      lines.push({ indent, text: `${k}: []`, off });
      return;
    }
    lines.push({ indent, text: `${k}:`, off });
    for (const v of items) {
      if (ikind === 'scalar') {
        this.count(v, off);
        const t = scalarText(v, item, false);
        lines.push({ indent: indent + 4, text: t, comment: v === BLANK ? this.describe(item, ipath) : undefined, off, dash: true });
        continue;
      }
      if (!isObj(v)) throw new Error(`init: expected an object in the list at ${path.join('.')}`);
      let branch = item;
      if (ikind === 'union') {
        const keys = Object.keys(v);
        branch = item.anyOf!.find((b) => kindOf(b) === 'object' && keys.every((x) => x in b.properties!)) ?? item.anyOf![0]!;
      } else if (ikind !== 'object') throw new Error(`init: unsupported list item at ${path.join('.')}`);
      if (flowAll) {
        lines.push({ indent: indent + 4, text: this.flowText(branch, v, ipath, off), off, dash: true });
        continue;
      }
      const sub: Line[] = [];
      this.object(sub, branch, v, indent + 4, ipath, off, shared);
      const first = sub.findIndex((l) => !l.note);
      if (first >= 0) sub[first] = { ...sub[first]!, dash: true };
      lines.push(...sub);
    }
  }
}

/** Lines to text, trailing comments aligned within each run of lines at one indent. */
function render(lines: readonly Line[]): string[] {
  const prefix = (l: Line) => {
    const lead = l.dash ? ' '.repeat(l.indent - 2) + '- ' : ' '.repeat(l.indent);
    const body = (lead + l.text).trimEnd();
    return l.off === null ? body : body.slice(0, l.off) + '# ' + body.slice(l.off);
  };
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.comment === undefined) {
      out.push(prefix(l));
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.comment !== undefined && lines[j]!.indent === l.indent) j++;
    const group = lines.slice(i, j);
    const widths = group.map((g) => displayWidth(prefix(g)));
    const col = Math.min(Math.max(...widths) + 2, 44);
    group.forEach((g, n) => {
      const p = prefix(g);
      const pad = Math.max(col - widths[n]!, 2);
      out.push(g.comment ? p + ' '.repeat(pad) + '# ' + g.comment : p);
    });
    i = j;
  }
  return out;
}
