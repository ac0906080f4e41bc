// The HTML writer on both bundled examples, built in-process: a conforming, self-contained page
// (parsed with parse5, which reports every HTML parse error) whose outline, 目录 links, tables
// (cell by cell against the model), figures and check boxes carry what the model has, with the
// accessibility hooks in place; then the page in headless Chromium: no console errors, no requests,
// 公开02表 read from the DOM and compared with the PDF's text (pdftotext), and the print PDF on A4
// with landscape pages.
//
// Chromium: Debian's `chromium` package at /usr/bin/chromium (CI installs it). Without it the
// browser tests are skipped locally and fail on CI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { build } from '../src/pipeline/build.ts';
import type { Block, Cell, Document, Heading, Row, Table } from '../src/model/document.ts';
import { plainText } from '../src/model/document.ts';
import { toHtml } from '../src/render/html/index.ts';
import { esc } from '../src/render/html/escape.ts';
import { placeCells } from '../src/render/html/table.ts';
import { pdfPages, pdfPageSizes } from './helpers/pdf.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = ['data/dongxihu-2024.yaml', 'data/dongxihu-2020.yaml'] as const;
const CHROMIUM = '/usr/bin/chromium';

// ---------------------------------------------------------------------------------------------
// A small DOM over parse5's tree.

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const isElement = (n: Node): n is Element => 'tagName' in n;
const children = (n: Node): Node[] => ('childNodes' in n ? (n.childNodes as Node[]) : []);

function* elements(n: Node): Generator<Element> {
  for (const c of children(n)) {
    if (isElement(c)) {
      yield c;
      yield* elements(c);
    }
  }
}

const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;
const all = (n: Node, pred: (e: Element) => boolean): Element[] => [...elements(n)].filter(pred);
const byTag = (n: Node, ...tags: string[]): Element[] => all(n, (e) => tags.includes(e.tagName));
const byId = (n: Node, id: string): Element | undefined => all(n, (e) => attr(e, 'id') === id)[0];
const hasClass = (e: Element, c: string): boolean => (attr(e, 'class') ?? '').split(/\s+/).includes(c);

/** Text content; <br> as a line feed (as the model's breaks are in plainText). */
function text(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(n) && n.tagName === 'br') return '\n';
  return children(n).map(text).join('');
}

/** Text of table cells as the model prints them: check boxes as ☑/☐ + label (the glyph is the span's text). */
const cellText = text;

interface Parsed {
  readonly dom: DefaultTreeAdapterMap['document'];
  readonly errors: string[];
}

function parseHtml(html: string): Parsed {
  const errors: string[] = [];
  const dom = parse(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
  return { dom, errors };
}

// ---------------------------------------------------------------------------------------------
// Grids: the model's and the page's tables expanded to rectangles of texts ("" under spans).

function modelGrid(rows: readonly Row[], width: number, groups: readonly number[]): string[][] {
  const { placed } = placeCells(rows, width, groups);
  const grid = rows.map(() => new Array<string>(width).fill(''));
  for (const line of placed) for (const p of line) grid[p.row]![p.col] = plainText(p.cell.content);
  return grid;
}

interface HtmlCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
}

function htmlGrid(rows: readonly Element[], width: number): string[][] {
  const grid = rows.map(() => new Array<string | undefined>(width).fill(undefined));
  rows.forEach((tr, r) => {
    let col = 0;
    for (const td of children(tr).filter(isElement)) {
      if (td.tagName !== 'td' && td.tagName !== 'th') continue;
      while (col < width && grid[r]![col] !== undefined) col++;
      const cell: HtmlCell = { text: cellText(td), colSpan: Number(attr(td, 'colspan') ?? 1), rowSpan: Number(attr(td, 'rowspan') ?? 1) };
      for (let i = r; i < Math.min(r + cell.rowSpan, rows.length); i++) for (let c = col; c < col + cell.colSpan; c++) grid[i]![c] = i === r && c === col ? cell.text : '';
      col += cell.colSpan;
    }
  });
  return grid.map((line) => line.map((x) => x ?? '<missing>'));
}

const rowsOf = (table: Element, group: 'thead' | 'tbody'): Element[] => byTag(table, group).flatMap((g) => children(g).filter(isElement).filter((e) => e.tagName === 'tr'));

// ---------------------------------------------------------------------------------------------

const blocks = (doc: Document): Block[] => doc.sections.flatMap((s) => s.blocks);
const tables = (doc: Document): Table[] => blocks(doc).filter((b): b is Table => b.type === 'table');
const tableByNumber = (doc: Document, n: string): Table => {
  const t = tables(doc).find((x) => x.number === n);
  if (!t) throw new Error(`no ${n}`);
  return t;
};
const headingLabel = (h: Heading): string => (h.number === undefined ? h.text : `${h.number}${h.separator}${h.text}`);
const AMOUNT = /^-?[\d,]+\.\d+$/;

interface Example {
  readonly doc: Document;
  readonly html: string;
  readonly parsed: Parsed;
}

const examples = new Map<string, Example>();

beforeAll(async () => {
  for (const file of EXAMPLES) {
    const built = await build(path.join(root, file), { formats: ['html'], cwd: root });
    expect(built.analysis.ok, file).toBe(true);
    const out = built.outputs[0]!;
    expect(out.extension).toBe('html');
    expect(typeof out.data).toBe('string');
    const html = out.data as string;
    examples.set(file, { doc: built.document!, html, parsed: parseHtml(html) });
  }
}, 120_000);

const ex = (file: string): Example => examples.get(file)!;

describe.each(EXAMPLES)('the HTML page of %s', (file) => {
  it('is a conforming HTML document with the metadata in <head>', () => {
    const { html, parsed, doc } = ex(file);
    expect(parsed.errors).toEqual([]);
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    const head = byTag(parsed.dom, 'head')[0]!;
    expect(text(byTag(head, 'title')[0]!)).toBe(doc.metadata.title);
    const meta = (name: string) => attr(all(head, (e) => e.tagName === 'meta' && attr(e, 'name') === name)[0]!, 'content');
    expect(meta('author')).toBe(doc.metadata.author);
    expect(meta('keywords')).toBe(doc.metadata.keywords.join(','));
    expect(meta('description')).toBe(doc.metadata.subject);
    expect(meta('viewport')).toContain('width=device-width');
  });

  it('is self-contained: no scripts, no external resources, one inline stylesheet with a print part', () => {
    const { html, parsed } = ex(file);
    expect(byTag(parsed.dom, 'script', 'link', 'img', 'iframe', 'object', 'embed')).toEqual([]);
    expect(all(parsed.dom, (e) => attr(e, 'src') !== undefined)).toEqual([]);
    for (const e of all(parsed.dom, (x) => attr(x, 'href') !== undefined)) expect(attr(e, 'href')).toMatch(/^#/);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(?!#)/);
    const styles = byTag(parsed.dom, 'style');
    expect(styles).toHaveLength(1);
    const css = text(styles[0]!);
    expect(css).toContain('@media print');
    expect(css).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(css).toMatch(/@page landscape \{ size: A4 landscape/);
    expect(css).toMatch(/FangSong|仿宋/);
  });

  it('has one h1 (the cover title) and the model headings as h2–h4, in order, without skipped levels', () => {
    const { parsed, doc } = ex(file);
    const h1 = byTag(parsed.dom, 'h1');
    expect(h1).toHaveLength(1);
    expect(text(h1[0]!)).toBe(doc.cover.title);
    expect(byTag(parsed.dom, 'header')[0]).toBeDefined();
    const nav = byTag(parsed.dom, 'nav');
    const navHeadings = new Set(nav.flatMap((n) => byTag(n, 'h2')));
    const headings = byTag(parsed.dom, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6').filter((h) => !navHeadings.has(h));
    const expected = [`h1 ${doc.cover.title}`, ...blocks(doc).filter((b): b is Heading => b.type === 'heading').map((h) => `h${h.level + 1} ${headingLabel(h)}`)];
    expect(headings.map((h) => `${h.tagName} ${text(h)}`)).toEqual(expected);
    // ids of the headings are the model's
    const modelIds = blocks(doc).filter((b): b is Heading => b.type === 'heading').map((h) => h.id);
    expect(headings.slice(1).map((h) => attr(h, 'id'))).toEqual(modelIds);
    let level = 1;
    for (const h of byTag(parsed.dom, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6')) {
      const l = Number(h.tagName[1]);
      expect(l, text(h)).toBeLessThanOrEqual(level + 1);
      level = l;
    }
  });

  it('has the 目录 as a <nav> of links to the headings and tables, and unique ids', () => {
    const { parsed, doc } = ex(file);
    const toc = blocks(doc).find((b) => b.type === 'toc');
    expect(toc).toBeDefined();
    if (toc?.type !== 'toc') return;
    const nav = byTag(parsed.dom, 'nav')[0]!;
    expect(text(byTag(nav, 'h2')[0]!)).toBe(toc.title);
    expect(attr(nav, 'aria-labelledby')).toBe(attr(byTag(nav, 'h2')[0]!, 'id'));
    const links = byTag(nav, 'a');
    expect(links.map((a) => [attr(a, 'href'), text(a)])).toEqual(toc.entries.map((e) => [`#${e.target}`, e.text]));
    // nesting follows the levels: an entry of level n sits in n nested lists
    links.forEach((a, i) => {
      let depth = 0;
      const walk = (n: Node, d: number): boolean => {
        if (n === a) {
          depth = d;
          return true;
        }
        return children(n).some((c) => walk(c, d + (isElement(c) && c.tagName === 'ol' ? 1 : 0)));
      };
      walk(nav, 0);
      expect(depth, toc.entries[i]!.text).toBe(toc.entries[i]!.level);
    });
    const ids = all(parsed.dom, (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id')!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of toc.entries) expect(ids).toContain(e.target);
  });

  it('prints every table cell of the model in a real table, spans as rowspan/colspan', () => {
    const { parsed, doc } = ex(file);
    for (const t of tables(doc)) {
      const table = byId(parsed.dom, t.id)!;
      expect(table?.tagName, t.id).toBe('table');
      const width = t.columns.length;
      expect(byTag(table, 'col')).toHaveLength(width);
      expect(rowsOf(table, 'thead')).toHaveLength(t.header.length);
      expect(rowsOf(table, 'tbody')).toHaveLength(t.body.length);
      const model = modelGrid([...t.header, ...t.body], width, [t.header.length, t.body.length]);
      const page = [...htmlGrid(rowsOf(table, 'thead'), width), ...htmlGrid(rowsOf(table, 'tbody'), width)];
      expect(page, t.id).toEqual(model);
      const caption = byTag(table, 'caption')[0];
      if (t.title !== undefined || t.number !== undefined) {
        expect(caption, t.id).toBeDefined();
        for (const s of [t.title, t.number, t.department, t.unit]) if (s !== undefined) expect(text(caption!)).toContain(s);
      }
    }
  });

  it('has header cells with scope, body cells pointing at them, and a focusable scrolling region per table', () => {
    const { parsed, doc } = ex(file);
    for (const t of tables(doc)) {
      const table = byId(parsed.dom, t.id)!;
      const ths = byTag(table, 'th');
      for (const th of ths) {
        expect(['col', 'colgroup']).toContain(attr(th, 'scope'));
        expect(text(th).trim()).not.toBe('');
        expect(attr(th, 'scope')).toBe(Number(attr(th, 'colspan') ?? 1) > 1 ? 'colgroup' : 'col');
      }
      expect(byTag(table, 'tbody').flatMap((b) => byTag(b, 'th'))).toEqual([]);
      const thIds = new Set(ths.map((th) => attr(th, 'id')));
      for (const td of byTag(table, 'tbody').flatMap((b) => byTag(b, 'td'))) {
        for (const id of (attr(td, 'headers') ?? '').split(' ').filter(Boolean)) expect(thIds.has(id), id).toBe(true);
      }
      const wrap = all(parsed.dom, (e) => hasClass(e, 'table-wrap') && children(e).includes(table))[0]!;
      expect(wrap, t.id).toBeDefined();
      expect(attr(wrap, 'tabindex')).toBe('0');
      expect(attr(wrap, 'role')).toBe('region');
      const labelledBy = attr(wrap, 'aria-labelledby');
      if (labelledBy !== undefined) expect(byId(parsed.dom, labelledBy)?.tagName).toBe('caption');
      else expect(attr(wrap, 'aria-label')?.trim()).toBeTruthy();
      // notes and the empty statement follow the table
      const block = all(parsed.dom, (e) => hasClass(e, 'table-block') && children(e).includes(wrap))[0]!;
      const after = children(block).filter(isElement).filter((e) => e.tagName === 'p').map(text);
      expect(after).toEqual([...(t.empty !== undefined ? [t.empty] : []), ...t.notes]);
    }
  });

  it('aligns the amounts of the statement tables right by class', () => {
    const { parsed, doc } = ex(file);
    const amounts = tables(doc)
      .filter((t) => t.kind === 'statement')
      .flatMap((t) => byTag(byId(parsed.dom, t.id)!, 'tbody'))
      .flatMap((b) => byTag(b, 'td'))
      .filter((td) => AMOUNT.test(text(td)));
    expect(amounts.length).toBeGreaterThan(30);
    for (const td of amounts) expect(hasClass(td, 'al-r'), text(td)).toBe(true);
  });

  it('shows each figure as inline SVG with role="img", the model alt text as its name, and the caption', () => {
    const { parsed, doc } = ex(file);
    const figures = blocks(doc).filter((b) => b.type === 'figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      if (f.type !== 'figure') continue;
      const fig = byId(parsed.dom, f.id)!;
      expect(fig.tagName).toBe('figure');
      const svg = byTag(fig, 'svg');
      expect(svg).toHaveLength(1);
      expect(attr(svg[0]!, 'role')).toBe('img');
      expect(attr(svg[0]!, 'aria-label')).toBe(f.alt);
      expect(text(byTag(fig, 'figcaption')[0]!)).toBe(f.caption);
    }
    // every image-like element has an accessible name
    const images = all(parsed.dom, (e) => attr(e, 'role') === 'img' || e.tagName === 'svg');
    for (const e of images) expect(attr(e, 'aria-label')?.trim(), e.tagName).toBeTruthy();
  });

  it('prints check boxes as ☑/☐ with the state in words for screen readers', () => {
    const { parsed, doc } = ex(file);
    const boxes = JSON.stringify(doc).match(/"type":"checkbox","checked":(true|false)/g) ?? [];
    const spans = all(parsed.dom, (e) => hasClass(e, 'cb'));
    expect(spans).toHaveLength(boxes.length);
    for (const s of spans) {
      expect(['☑', '☐']).toContain(text(s));
      expect(attr(s, 'role')).toBe('img');
      expect(attr(s, 'aria-label')).toBe(text(s) === '☑' ? '已选' : '未选');
    }
    expect(spans.filter((s) => text(s) === '☑').length).toBe(boxes.filter((b) => b.endsWith('true')).length);
  });

  it('marks landscape sections by class', () => {
    const { parsed, doc } = ex(file);
    const sections = byTag(byTag(parsed.dom, 'main')[0]!, 'section');
    expect(sections.map((s) => (hasClass(s, 'landscape') ? 'landscape' : 'portrait'))).toEqual(doc.sections.map((s) => s.orientation));
    expect(doc.sections.some((s) => s.orientation === 'landscape')).toBe(true);
  });

  it('is deterministic', async () => {
    const { html, doc } = ex(file);
    expect(await toHtml(doc)).toBe(html);
  });
});

describe('the tables of the 2024 example', () => {
  const file = 'data/dongxihu-2024.yaml';

  it('公开02表: row 2012901 行政运行 98.60, spans of the three-row header', () => {
    const { parsed, doc } = ex(file);
    const t = tableByNumber(doc, '公开02表');
    const table = byId(parsed.dom, t.id)!;
    const body = htmlGrid(rowsOf(table, 'tbody'), t.columns.length);
    const row = body.find((r) => r[0] === '2012901')!;
    expect(row.slice(0, 6)).toEqual(['2012901', '', '', '行政运行', '98.60', '98.60']);
    const head = rowsOf(table, 'thead');
    const first = children(head[0]!).filter(isElement);
    expect([text(first[0]!), attr(first[0]!, 'colspan'), attr(first[0]!, 'scope')]).toEqual(['项目', '4', 'colgroup']);
    expect([text(first[1]!), attr(first[1]!, 'rowspan'), attr(first[1]!, 'scope')]).toEqual(['本年收入合计', '2', 'col']);
    // the body cell of 98.60 is announced with its column headers
    const td = byTag(rowsOf(table, 'tbody').find((tr) => text(children(tr).filter(isElement)[0]!) === '2012901')!, 'td')[2]!;
    const names = (attr(td, 'headers') ?? '').split(' ').map((id) => text(byId(parsed.dom, id)!));
    expect(names).toEqual(['本年收入合计', '1']);
    expect(text(byTag(table, 'caption')[0]!)).toContain('2024年度收入决算表');
  });

  it('公开06表: the cells of the model, the totals row spans', () => {
    const { parsed, doc } = ex(file);
    const t = tableByNumber(doc, '公开06表');
    const table = byId(parsed.dom, t.id)!;
    const grid = htmlGrid(rowsOf(table, 'tbody'), t.columns.length);
    expect(grid).toEqual(modelGrid(t.body, t.columns.length, [t.body.length]));
    expect(grid.find((r) => r[0] === '30101')).toEqual(['30101', '基本工资', '6.76', '30201', '办公费', '3.00', '31002', '办公设备购置', '']);
    const total = grid[grid.length - 1]!;
    expect(total).toEqual(['人员经费合计', '', '159.02', '公用经费合计', '', '', '', '', '52.91']);
    const totalRow = rowsOf(table, 'tbody').at(-1)!;
    expect(attr(totalRow, 'class')).toBe('total');
    expect(children(totalRow).filter(isElement).map((c) => attr(c, 'colspan') ?? '1')).toEqual(['2', '1', '5', '1']);
    expect(children(rowsOf(table, 'thead')[0]!).filter(isElement).map((c) => [text(c), attr(c, 'colspan')])).toEqual([
      ['人员经费', '3'],
      ['公用经费', '6'],
    ]);
  });
});

describe('escaping', () => {
  it('escapes & < > " \' in text and attributes', () => {
    expect(esc(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(esc('a\u0000b\u0007c\ud800d')).toBe('abcd');
  });

  it('keeps markup in the model as text everywhere', async () => {
    const { doc } = ex('data/dongxihu-2024.yaml');
    const evil = `<script>alert("x")</script>&amp;'"`;
    // a mutable deep copy of the model
    const m = JSON.parse(JSON.stringify(doc)) as {
      metadata: { title: string; author: string; keywords: string[] };
      cover: { title: string; date: string };
      sections: { blocks: (Record<string, unknown> & { type: string })[] }[];
    };
    m.metadata.title = evil;
    m.metadata.author = evil;
    m.metadata.keywords = [evil];
    m.cover.title = evil;
    m.cover.date = evil;
    let p = 0;
    let c = 0;
    for (const s of m.sections) {
      for (const b of s.blocks) {
        if (b.type === 'paragraph' && p++ === 0) b.content = [{ type: 'text', text: evil, bold: true }, { type: 'checkbox', checked: true, label: evil }];
        if (b.type === 'table' && c++ === 0) {
          b.title = evil;
          b.notes = [evil];
          const body = b.body as { cells: Cell[] }[];
          body[0]!.cells = [{ type: 'cell', content: [{ type: 'text', text: evil }], colSpan: 1 }, ...body[0]!.cells.slice(1)];
        }
        if (b.type === 'figure') {
          b.alt = evil;
          b.caption = evil;
        }
        if (b.type === 'toc') (b.entries as { text: string }[])[0]!.text = evil;
      }
    }
    const html = await toHtml(m as unknown as Document);
    const { dom, errors } = parseHtml(html);
    expect(errors).toEqual([]);
    expect(byTag(dom, 'script')).toEqual([]);
    expect(text(byTag(dom, 'title')[0]!)).toBe(evil);
    expect(text(byTag(dom, 'h1')[0]!)).toBe(evil);
    expect(all(dom, (e) => attr(e, 'name') === 'author').map((e) => attr(e, 'content'))).toEqual([evil]);
    expect(all(dom, (e) => e.tagName === 'svg').map((e) => attr(e, 'aria-label'))).toContain(evil);
    expect(byTag(dom, 'figcaption').map(text)).toContain(evil);
    expect(byTag(dom, 'strong').map(text)).toContain(evil);
    expect(byTag(dom, 'caption').map(text).some((x) => x.includes(evil))).toBe(true);
    expect(byTag(dom, 'td').map(text)).toContain(evil);
    expect(byTag(dom, 'nav').flatMap((n) => byTag(n, 'a')).map(text)).toContain(evil);
  });
});

// ---------------------------------------------------------------------------------------------
// In a browser.

const haveChromium = existsSync(CHROMIUM);
const runBrowser = haveChromium || process.env.CI !== undefined;
if (!runBrowser) console.warn(`render-html: ${CHROMIUM} not found: browser tests skipped (apt-get install chromium; on CI they run and fail without it)`);

describe.runIf(runBrowser)('the page in headless Chromium', () => {
  type Browser = import('playwright-core').Browser;
  type Page = import('playwright-core').Page;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const problems: string[] = [];
  const file = 'data/dongxihu-2024.yaml';

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM });
    dir = mkdtempSync(path.join(tmpdir(), 'juesuan-html-'));
    const htmlFile = path.join(dir, 'booklet.html');
    writeFileSync(htmlFile, ex(file).html);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
    });
    await page.goto(`file://${htmlFile}`, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads without console errors or requests', () => {
    expect(problems).toEqual([]);
  });

  it('has the accessibility tree a screen reader needs: landmarks, table names, figure names', async () => {
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    await expect(page.getByRole('navigation', { name: '目 录' }).count()).resolves.toBe(1);
    const t02 = page.getByRole('table', { name: /2024年度收入决算表/ });
    expect(await t02.count()).toBe(1);
    expect(await page.getByRole('region', { name: /2024年度收入决算表/ }).count()).toBe(1);
    expect(await t02.getByRole('columnheader', { name: '本年收入合计' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /图 3：支出决算结构：基本支出211.93万元/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: '已选' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  });

  it('reads 公开02表 from the DOM as the PDF prints it', async () => {
    const rows: string[][] = await page.$$eval('#statement-t02 tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
    expect(rows.length).toBe(tableByNumber(ex(file).doc, '公开02表').body.length);
    expect(rows.find((r) => r[0] === '2012901')?.slice(0, 3)).toEqual(['2012901', '行政运行', '98.60']);

    const built = await build(path.join(root, file), { formats: ['pdf'], cwd: root });
    const pdfFile = path.join(dir, 'booklet.pdf');
    writeFileSync(pdfFile, built.outputs[0]!.data);
    const pages = pdfPages(pdfFile);
    const t02 = pages.find((p) => p.includes('公开02表') && p.includes('2012901'));
    expect(t02, 'the PDF page of 公开02表').toBeDefined();
    const lines = t02!.split('\n').map((l) => l.trim());
    let amounts = 0;
    for (const row of rows) {
      const key = row[0]!;
      const numbers = row.filter((x) => AMOUNT.test(x));
      amounts += numbers.length;
      // the PDF line that starts with the row's code (or 合计) carries the same amounts in order
      const line = lines.find((l) => l.split(/\s+/)[0] === key);
      expect(line, key).toBeDefined();
      expect(line!.split(/\s+/).filter((x) => AMOUNT.test(x)), key).toEqual(numbers);
      for (const n of numbers) expect(t02).toContain(n);
    }
    expect(amounts).toBeGreaterThan(30);
  }, 60_000);

  it('scrolls wide tables inside their region on a phone, not the page', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(page.url());
    const { scrollWidth, clientWidth } = await phone.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBe(clientWidth);
    const wrap = await phone.$eval('.table-wrap:has(#statement-t02)', (e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth, overflow: getComputedStyle(e).overflowX }));
    expect(wrap.overflow).toBe('auto');
    expect(wrap.scrollWidth).toBeGreaterThan(wrap.clientWidth);
    await phone.close();
  }, 60_000);

  it('prints on A4: landscape pages for landscape sections, no 目录 navigation, folio from the first part', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('nav.toc', (e) => getComputedStyle(e).display)).toBe('none');
    expect(await page.$eval('#statement-t02 thead', (e) => getComputedStyle(e).display)).toBe('table-header-group');
    const pdfFile = path.join(dir, 'print.pdf');
    writeFileSync(pdfFile, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const sizes = pdfPageSizes(pdfFile).slice(1);
    const landscape = sizes.filter((s) => s.width > s.height);
    expect(landscape.length).toBeGreaterThan(0);
    for (const s of sizes) expect([Math.round(Math.min(s.width, s.height)), Math.round(Math.max(s.width, s.height))]).toEqual([595, 842]);
    const pages = pdfPages(pdfFile);
    expect(pages[1]).toContain('部门决算公开');
    expect(pages[1]).not.toMatch(/—\s*\d+\s*—/);
    expect(pages[2]).toContain('第一部分');
    expect(pages[2]).toMatch(/—\s*1\s*—/);
    // 公开01表 (a landscape section) is printed on a landscape page
    const t01 = pages.findIndex((p) => p.includes('公开01表'));
    expect(sizes[t01 - 1]!.width).toBeGreaterThan(sizes[t01 - 1]!.height);
    expect(pages.join('')).not.toContain('目 录');
    // 公开01表 continues on a second page, under its repeated header rows
    expect(pages[t01 + 1]).not.toContain('公开01表');
    expect(pages[t01 + 1]).toContain('总计');
    expect(pages[t01 + 1]).toMatch(/项目\s+行次\s+金额\s+项目\s+行次\s+金额/);
  }, 60_000);
});
