// The built-in dictionaries of 支出功能分类科目 and 经济分类科目 (YAML files beside this module),
// used to check code ↔ name consistency and to write the descriptions of 名词解释.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

const entrySchema = z.strictObject({
  code: z.string().regex(/^\d{3}(\d{2}){0,2}$/),
  name: z.string().min(1),
  description: z.string().default(''),
  aliases: z.array(z.string()).default([]),
});
export type CodeEntry = z.output<typeof entrySchema>;

export interface Dictionary {
  get(code: string): CodeEntry | undefined;
  /** true when `name` is the entry's name or one of its aliases (brackets and spaces normalised) */
  nameMatches(entry: CodeEntry, name: string): boolean;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Compare names ignoring full/half-width brackets and white space. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

function load(file: string): Dictionary {
  const entries = z.array(entrySchema).parse(parse(readFileSync(join(here, file), 'utf8')));
  const map = new Map(entries.map((e) => [e.code, e]));
  return {
    get: (code) => map.get(code),
    nameMatches: (entry, name) => {
      const n = normaliseName(name);
      return normaliseName(entry.name) === n || entry.aliases.some((a) => normaliseName(a) === n);
    },
  };
}

let fn: Dictionary | undefined;
let econ: Dictionary | undefined;

export function functionCodes(): Dictionary {
  return (fn ??= load('function-codes.yaml'));
}

export function economicCodes(): Dictionary {
  return (econ ??= load('economic-codes.yaml'));
}
