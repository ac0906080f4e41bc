// Loading keeps positions: JSON as well as YAML, numbers as exact text, clear messages.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyse } from '../src/pipeline/analyse.ts';
import { loadText } from '../src/input/load.ts';

describe('loading', () => {
  it('accepts the same department-year as JSON, with the same findings at JSON positions', () => {
    const yaml = readFileSync('data/dongxihu-2024.yaml', 'utf8');
    const json = JSON.stringify(parse(yaml, { intAsBigInt: false }), null, 2);
    const a = analyse('data/dongxihu-2024.yaml');
    const b = analyse('x.json', { text: json });
    expect(b.ok).toBe(true);
    expect(b.diagnostics.map((d) => `${d.rule} ${d.path}`)).toEqual(a.diagnostics.map((d) => `${d.rule} ${d.path}`));
    const line = json.split('\n').findIndex((l) => l.includes('"personnelTotal"')) + 1;
    expect(b.diagnostics.find((d) => d.rule === 't06-group-sum')!.line).toBeLessThan(line);
  });

  it('keeps the exact digits of numbers: codes with their digits, amounts never through floats', () => {
    const r = loadText('x.yaml', 'meta: {year: 2024}\n');
    expect(r.data).toBeUndefined();
    const full = readFileSync('data/dongxihu-2024.yaml', 'utf8');
    const d = loadText('x.yaml', full).data!;
    expect(d.tables.t02.rows[0]!.code).toBe('201');
    expect(d.tables.t02.rows[2]!.total!.toFixed()).toBe('98.6');
  });

  it('an empty file says so', () => {
    const r = loadText('empty.yaml', '');
    expect(r.diagnostics[0]!.message).toContain('文件为空');
  });

  it('points an unknown key at the key itself, deep in the file', () => {
    const full = readFileSync('data/dongxihu-2024.yaml', 'utf8').replace('  publishDate:', '  publishDat:');
    const r = loadText('x.yaml', full);
    const d = r.diagnostics.find((x) => x.rule === 'schema-unknown-key')!;
    expect(d.path).toBe('meta.publishDat');
    expect(full.split('\n')[d.line! - 1]).toContain('publishDat:');
    expect(r.diagnostics.some((x) => x.rule === 'schema-required' && x.path === 'meta.publishDate')).toBe(true);
  });
});
