// The DOCX writer against the sample model: the package's XML carries the content, structure, styles
// and fields a Word user expects; two builds are byte-identical (in one process and across two);
// LibreOffice opens the file and prints the figures.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDocx } from '../src/render/docx/index.ts';
import { columnWidths, fittedWidths, lineCount, longestUnbreakable } from '../src/render/docx/grid.ts';
import { textWidthOf } from '../src/render/docx/page.ts';
import { emptyTable, sampleDocument } from './fixtures/model/sample.ts';
import { unzip, zipDates } from './helpers/docx.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let docx: Uint8Array;
let files: Map<string, Uint8Array>;
let documentXml: string;
let stylesXml: string;
const part = (p: string): string => {
  const f = files.get(p);
  if (f === undefined) throw new Error(`missing ${p}`);
  return Buffer.from(f).toString('utf8');
};

beforeAll(async () => {
  const out = await writeDocx(sampleDocument());
  expect(out.extension).toBe('docx');
  expect(out.data).toBeInstanceOf(Uint8Array);
  docx = out.data as Uint8Array;
  files = unzip(docx);
  documentXml = part('word/document.xml');
  stylesXml = part('word/styles.xml');
});

/** The XML of every paragraph that contains `text`. */
const paragraphsWith = (text: string): string[] => [...documentXml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0]).filter((p) => p.includes(text));

describe('DOCX content', () => {
  it('has the key sentences and table cells', () => {
    for (const s of ['933.96', '820.62', '公开01表', '公开02表', '公开07表', '部门：东西湖区总工会', '单位：万元', '2024年度收入决算表', '注：本表反映部门本年度取得的各项收入情况。', emptyTable.empty!, '收、支总计各减少 287.27 万元', '机关事业单位基本养老保险缴费支出', '2025年4月21日', '目 录']) {
      expect(documentXml, s).toContain(s);
    }
  });

  it('keeps the model order: cover, 目录, tables, prose, form', () => {
    const tocEnd = documentXml.indexOf('</w:sdt>');
    const order = ['2024 年度东西湖区总工会部门决算公开', '目 录', '</w:sdt>', '第二部分 决算表', '公开01表', '公开02表', '公开07表', '本部门2024年度无政府性基金', '东西湖区总工会 2024 年度部门决算情况说明', '图1：收入支出决算总体情况', '（一）基本支出', '图3：支出决算结构', '(1) ', '项目绩效自评表'];
    const at = order.map((s) => (s === '</w:sdt>' ? tocEnd : documentXml.indexOf(s, s.startsWith('第') || s.startsWith('东西湖区') ? tocEnd : 0)));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('merges cells across columns and rows', () => {
    expect(documentXml).toContain('<w:gridSpan w:val="4"/>');
    expect(documentXml).toContain('<w:gridSpan w:val="3"/>');
    expect(documentXml).toContain('<w:vMerge w:val="restart"/>');
    expect(documentXml).toContain('<w:vMerge w:val="continue"/>');
    // every restart has continuation cells below it, written in the table's own style
    expect(documentXml.match(/<w:vMerge w:val="continue"\/>/g)!.length).toBeGreaterThanOrEqual(documentXml.match(/<w:vMerge w:val="restart"\/>/g)!.length);
  });

  it('fills every row of every table to its grid (spans and continuation cells counted)', () => {
    const tables = [...documentXml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]);
    expect(tables).toHaveLength(4);
    for (const t of tables) {
      const columns = (/<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(t)![1]!.match(/<w:gridCol /g) ?? []).length;
      for (const [row] of t.matchAll(/<w:tr>.*?<\/w:tr>/gs)) {
        const cells = [...row.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) => Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(c[1]!)?.[1] ?? 1));
        expect(cells.reduce((a, b) => a + b, 0)).toBe(columns);
      }
    }
  });

  it('turns a page break node into "page break before" on the next paragraph', () => {
    expect(paragraphsWith(' 已完成 ')[0]).toContain('<w:pageBreakBefore/>');
    expect(documentXml).not.toContain('<w:br w:type="page"/>');
  });

  it('marks header rows to repeat and keeps rows together', () => {
    // three header rows in each of 公开01表, 公开02表 and 公开07表; the form has none
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(9);
    expect(documentXml).toContain('<w:cantSplit/>');
  });

  it('keeps rows joined by a vertical merge, and the row above them, on one page', () => {
    // the form: 项目名称, 项目类别, 预算执行情况 (merged over two rows), figures, 签批
    const form = [...documentXml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]).find((t) => t.includes('预算执行情况'))!;
    const rows = [...form.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(rows.map((r) => r.includes('<w:keepNext/>'))).toEqual([false, true, true, false, false]);
    // every paragraph of a kept row is kept, the continuation cells' too
    for (const r of rows.slice(1, 3)) expect(r.match(/<w:keepNext\/>/g)!.length).toBe(r.match(/<w:p>|<w:p /g)!.length);
  });

  it('gives tables fixed column widths that fill the text width', () => {
    const widths = [textWidthOf('portrait'), textWidthOf('landscape')];
    const grids = [...documentXml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].reduce((s, x) => s + Number(x[1]), 0));
    expect(grids).toHaveLength(4);
    for (const g of grids) expect(widths).toContain(g);
    expect(documentXml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('right-aligns amounts and sets total rows in bold', () => {
    const total = paragraphsWith('933.96').find((p) => p.includes('"TableText"'))!;
    expect(total).toContain('<w:jc w:val="right"/>');
    expect(total).toContain('<w:b/>');
  });

  it('widens code columns so codes do not break between digits', () => {
    expect(longestUnbreakable('2012901')).toBe(3.5);
    expect(longestUnbreakable('机关事业单位')).toBe(1);
    const base = columnWidths(
      [5, 5, 6, 22, 9].map((w) => ({ type: 'column', width: w, align: 'left' })),
      4700,
    );
    expect(base.reduce((s, w) => s + w, 0)).toBe(4700);
    const fitted = fittedWidths(base, [500, 700, 900, 400, 600], 4700);
    expect(fitted.reduce((s, w) => s + w, 0)).toBe(4700);
    fitted.forEach((w, i) => expect(w).toBeGreaterThanOrEqual([500, 700, 900, 400, 600][i]!));
  });

  it('gives header rows under row-spanning cells the height of their text (repeated headers are not clipped)', () => {
    expect(lineCount('附属单位上缴收入', 2)).toBe(4);
    expect(lineCount('933.96', 10)).toBe(1);
    expect(lineCount('签名：\n年    月    日', 20)).toBe(2);
    // 公开02表: 本年收入合计 … 附属单位上缴收入 span header rows 1–2, taller than 功能分类科目编码
    const table02 = [...documentXml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((m) => m[0]).find((t) => t.includes('附属单位上缴收入'))!;
    const rows = [...table02.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(rows[1]).toMatch(/<w:trHeight w:val="\d+" w:hRule="atLeast"\/>/);
  });

  it('has a landscape section with portrait sizes swapped, and page numbers from 1', () => {
    expect(documentXml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(documentXml.match(/w:orient="landscape"/g)).toHaveLength(1);
    expect(documentXml.match(/<w:pgNumType w:start="1"/g)).toHaveLength(1);
    const footers = [...files.keys()].filter((p) => /^word\/footer\d+\.xml$/.test(p)).map(part);
    expect(footers.some((f) => f.includes('<w:instrText xml:space="preserve">PAGE</w:instrText>') && f.includes('— ') && f.includes(' —'))).toBe(true);
  });

  it('names the profile fonts in the styles (East Asian and Latin)', () => {
    for (const font of ['仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体']) expect(stylesXml).toContain(`w:eastAsia="${font}"`);
    expect(stylesXml).toContain('w:ascii="Times New Roman"');
    // Normal is the body: 仿宋_GB2312, 16 pt, exact 28 pt lines, two-character first-line indent, justified
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[^>]*>.*?<\/w:style>/s.exec(stylesXml)![0];
    expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toContain('w:line="560" w:lineRule="exact"');
    expect(normal).toContain('w:firstLineChars="200"');
    expect(normal).toContain('<w:jc w:val="both"/>');
  });

  it('uses Word heading styles with outline levels', () => {
    for (const [id, level] of [
      ['Heading1', 0],
      ['Heading2', 1],
      ['Heading3', 2],
    ] as const) {
      const style = new RegExp(`<w:style w:type="paragraph" w:styleId="${id}"[^>]*>.*?</w:style>`, 's').exec(stylesXml)![0];
      expect(style).toContain(`<w:name w:val="heading ${level + 1}"/>`);
      expect(style).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(style).toContain('<w:keepNext/>');
    }
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(documentXml).toContain('<w:pStyle w:val="Heading2"/>');
    // a heading outside the outline is body text for the navigation pane
    expect(paragraphsWith('基本支出').find((p) => p.includes('Heading3'))).toContain('<w:outlineLvl w:val="9"/>');
  });

  it('writes a TOC field built from TC fields, with the model entries as its cached result', () => {
    expect(documentXml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(documentXml).toMatch(/<w:instrText xml:space="preserve"> TOC \\f J \\l &quot;1-3&quot; \\h \\z <\/w:instrText>/);
    expect(documentXml).toContain('TC &quot;二、收入决算表&quot; \\f J \\l 2');
    expect(documentXml).toContain('<w:hyperlink w:history="1" w:anchor="_Toc_table_02">');
    expect(documentXml).toContain('<w:bookmarkStart w:name="_Toc_table_02"');
    expect(documentXml).toContain('PAGEREF _Toc_part_3');
    expect(part('word/settings.xml')).toContain('<w:updateFields/>');
  });

  it('embeds the charts as pictures with alternative text, captions under them', () => {
    expect([...files.keys()].filter((p) => p.startsWith('word/media/') && p.endsWith('.png'))).toHaveLength(2);
    expect(documentXml).toContain('descr="柱状图：2023 年度收支总计 1221.23 万元，2024 年度 933.96 万元"');
    expect(documentXml).toContain('title="图1：收入支出决算总体情况（单位：万元）"');
    expect(documentXml.indexOf('descr="柱状图')).toBeLessThan(documentXml.indexOf('>图1：收入支出决算总体情况'));
  });

  it('prints check boxes in a symbol font', () => {
    expect(documentXml).toContain('☑');
    expect(documentXml).toContain('☐');
    const box = /<w:r><w:rPr><w:rFonts [^>]*\/><\/w:rPr><w:t xml:space="preserve">☑<\/w:t><\/w:r>/.exec(documentXml)![0];
    expect(box).toContain('w:eastAsia="Segoe UI Symbol"');
  });

  it('carries the metadata with the publication date', () => {
    const core = part('docProps/core.xml');
    for (const s of ['<dc:title>2024 年度东西湖区总工会部门决算公开</dc:title>', '<dc:creator>东西湖区总工会</dc:creator>', '<dc:subject>部门决算公开</dc:subject>', '<cp:keywords>部门决算; 2024; 东西湖区总工会</cp:keywords>', '2025-04-21T00:00:00Z</dcterms:created>', '2025-04-21T00:00:00Z</dcterms:modified>']) {
      expect(core).toContain(s);
    }
  });
});

describe('DOCX reproducibility', () => {
  it('gives byte-identical files in one process', async () => {
    const again = await writeDocx(sampleDocument());
    expect(Buffer.compare(Buffer.from(again.data as Uint8Array), Buffer.from(docx))).toBe(0);
  });

  it('stamps every zip entry with the publication date (2025-04-21 00:00)', () => {
    const dos = ((2025 - 1980) << 9) | (4 << 5) | 21;
    const stamps = zipDates(docx);
    expect(stamps.length).toBe(2 * files.size);
    for (const s of stamps) expect(s).toBe(dos << 16);
  });

  it('gives byte-identical files in another process', () => {
    const script = `import { writeDocx } from ${JSON.stringify(path.join(root, 'src/render/docx/index.ts'))};
import { sampleDocument } from ${JSON.stringify(path.join(root, 'tests/fixtures/model/sample.ts'))};
const out = await writeDocx(sampleDocument());
process.stdout.write(Buffer.from(out.data).toString('base64'));`;
    const dir = mkdtempSync(path.join(tmpdir(), 'docx-repro-'));
    try {
      const file = path.join(dir, 'build.mts');
      writeFileSync(file, script);
      const run = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TZ: 'Pacific/Auckland' } });
      expect(run.status, run.stderr).toBe(0);
      expect(Buffer.compare(Buffer.from(run.stdout, 'base64'), Buffer.from(docx))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasSoffice)('DOCX in LibreOffice', () => {
  it('converts to PDF headless, and the PDF has the figures', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'docx-lo-'));
    try {
      const file = path.join(dir, 'sample.docx');
      writeFileSync(file, docx);
      // a private profile, so parallel runs do not share (and lock) one
      execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 55_000 });
      const pdf = path.join(dir, 'sample.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('933.96');
      expect(text).toMatch(/公开\s*02\s*表/);
      expect(text).toContain('收入支出决算总体情况说明');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
