// Fixture-driven tests of the whole load → derive → check pipeline.
//
// tests/fixtures/invalid/*.yaml — each a copy of valid/minimal.yaml with one defect, starting with
//   # expect: <rule-id> <line>
// lines: every listed rule must be reported AT that 1-based line with its catalogue severity
// (error, or warning for warning rules such as code-unknown), and no error or warning that is not
// listed may appear. `ok` must be false exactly when an error-severity rule is expected.
//
// tests/fixtures/valid/*.yaml — no error at all; warnings only where listed with
//   # expect-warning: <rule-id> <line>
// and notes listed with `# expect-note: <rule-id> <line>` must appear (a rounding difference is a
// note, not an error). Other notes are allowed, except in minimal.yaml, which must be spotless.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/pipeline/analyse.ts';
import { CATALOGUE, type RuleId } from '../src/check/catalogue.ts';
import type { Diagnostic, Severity } from '../src/diagnostics/diagnostic.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const INVALID = join(FIXTURES, 'invalid');
const VALID = join(FIXTURES, 'valid');

type Kind = 'expect' | 'expect-warning' | 'expect-note';

interface Expectation {
  readonly kind: Kind;
  readonly rule: string;
  readonly line: number;
  /** the severity the diagnostic must have */
  readonly severity: Severity;
}

const EXPECT_LINE = /^#\s*(expect(?:-warning|-note)?):\s*(\S+)\s+(\d+)\s*$/;

function isRule(rule: string): rule is RuleId {
  return Object.hasOwn(CATALOGUE, rule);
}

/** The `# expect…:` lines of a fixture (anywhere in its leading comment block). */
function expectationsOf(file: string): Expectation[] {
  const out: Expectation[] = [];
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith('#')) break;
    const m = EXPECT_LINE.exec(line);
    if (!m) continue;
    const [, kind, rule, at] = m as unknown as [string, Kind, string, string];
    if (!isRule(rule)) throw new Error(`${file}: “${rule}” is not a rule id of the catalogue`);
    const severity: Severity = kind === 'expect-note' ? 'note' : kind === 'expect-warning' ? 'warning' : CATALOGUE[rule].severity;
    out.push({ kind, rule, line: Number(at), severity });
  }
  return out;
}

const yamlFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function show(ds: readonly Diagnostic[]): string {
  return ds.length === 0 ? '  (none)' : ds.map((d) => `  ${d.line ?? '-'}:${d.col ?? '-'} ${d.severity} [${d.rule}] ${d.path}：${d.message}`).join('\n');
}

function matches(d: Diagnostic, e: Expectation): boolean {
  return d.rule === e.rule && d.line === e.line && d.severity === e.severity;
}

/** Every expectation is met by some diagnostic. */
function assertExpected(file: string, ds: readonly Diagnostic[], expects: readonly Expectation[]): void {
  for (const e of expects) {
    expect(
      ds.some((d) => matches(d, e)),
      `${file}: expected ${e.severity} [${e.rule}] at line ${e.line}; got:\n${show(ds)}`,
    ).toBe(true);
  }
}

/** No diagnostic of the given severities other than the expected ones (same rule and line). */
function assertNoOthers(file: string, ds: readonly Diagnostic[], expects: readonly Expectation[], severities: readonly Severity[]): void {
  const unexpected = ds.filter((d) => severities.includes(d.severity) && !expects.some((e) => matches(d, e)));
  expect(unexpected, `${file}: unexpected diagnostics:\n${show(unexpected)}\nall diagnostics:\n${show(ds)}`).toEqual([]);
}

const invalidFiles = yamlFiles(INVALID);
const validFiles = yamlFiles(VALID);

describe('fixture sets', () => {
  it('has at least 30 invalid fixtures', () => {
    expect(invalidFiles.length).toBeGreaterThanOrEqual(30);
  });
  it('has the minimal valid fixture and the edge cases', () => {
    expect(validFiles).toEqual(expect.arrayContaining(['minimal.yaml', 'no-previous-year.yaml', 'empty-fund-tables.yaml', 'zero-budget.yaml', 'rounding-note.yaml']));
  });
  it('every invalid fixture starts with an “# expect:” line', () => {
    for (const f of invalidFiles) expect(readFileSync(join(INVALID, f), 'utf8'), f).toMatch(/^# expect: \S+ \d+\r?\n/);
  });
});

describe.each(invalidFiles)('invalid/%s', (name) => {
  const file = join(INVALID, name);

  it('reports exactly the expected findings at the expected lines', () => {
    const expects = expectationsOf(file);
    expect(expects.length, `${name} has no “# expect:” line`).toBeGreaterThan(0);
    expect(expects.every((e) => e.kind === 'expect'), `${name}: use “# expect:” in invalid fixtures`).toBe(true);
    const result = analyse(file);
    assertExpected(name, result.diagnostics, expects);
    assertNoOthers(name, result.diagnostics, expects, ['error', 'warning']);
    const errorExpected = expects.some((e) => e.severity === 'error');
    expect(result.ok, `${name}: ok should be ${!errorExpected}\n${show(result.diagnostics)}`).toBe(!errorExpected);
  });
});

describe.each(validFiles)('valid/%s', (name) => {
  const file = join(VALID, name);

  it('has no errors, only the expected warnings, and the expected notes', () => {
    const expects = expectationsOf(file);
    expect(expects.every((e) => e.kind !== 'expect'), `${name}: valid fixtures use “# expect-warning:” / “# expect-note:”`).toBe(true);
    const result = analyse(file);
    assertNoOthers(name, result.diagnostics, expects, ['error', 'warning']);
    assertExpected(name, result.diagnostics, expects);
    expect(result.ok, `${name}:\n${show(result.diagnostics)}`).toBe(true);
    if (name === 'minimal.yaml') expect(result.diagnostics, `minimal.yaml must be spotless:\n${show(result.diagnostics)}`).toEqual([]);
  });
});
