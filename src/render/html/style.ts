// The page's one stylesheet (inline: the page makes no requests). Fonts come from the model's
// style roles: the Word font name first (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体), then the
// same face under its Windows, macOS and Linux names, then the generic family. Sizes: the model's
// points in print; on screen the same proportions around an 18 px body, tables not below 14 px.
//
// Print: A4 with GB/T 9704 margins, landscape sections on named landscape pages, every model
// section on a new page (the cover alone on the first), header rows repeated, no 目录 navigation
// (its links have no page numbers on paper), the folio "— n —" in the bottom margin box.
import type { Document, StyleRole, TextStyle } from '../../model/document.ts';

const SONG = ['"Noto Serif CJK SC"', '"Noto Serif SC"', '"Source Han Serif SC"', '"Songti SC"', 'SimSun', '宋体', 'serif'];
const FANGSONG = ['FangSong', '仿宋', '"FangSong_GB2312"', '"仿宋_GB2312"', 'STFangsong', ...SONG];
const KAI = ['KaiTi', '楷体', '"KaiTi_GB2312"', '"楷体_GB2312"', 'STKaiti', '"Kaiti SC"', ...SONG];
const HEI = ['SimHei', '黑体', '"Microsoft YaHei"', '"PingFang SC"', '"Heiti SC"', '"Noto Sans CJK SC"', '"Noto Sans SC"', '"Source Han Sans SC"', 'sans-serif'];
const XIAOBIAOSONG = ['"FZXiaoBiaoSong-B05S"', '"方正小标宋简体"', '"STZhongsong"', '华文中宋', ...SONG];

/** Font family for the charts' SVG text (a CSS list; ECharts writes it on every text element). */
export const CHART_FONT_FAMILY = ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', '"Noto Sans SC"', '"Source Han Sans SC"', 'SimHei', 'sans-serif'].join(', ');

/** Glyphs ☑ ☐: fonts known to have them, before the text's own family. */
const SYMBOL = ['"Segoe UI Symbol"', '"Apple Symbols"', '"DejaVu Sans"', '"Noto Sans Symbols 2"', '"MS Gothic"'];

const quote = (name: string): string => (/^[\w\u4e00-\u9fff-]+$/u.test(name) && !/^\d/.test(name) ? name : `"${name.replace(/["\\]/g, '')}"`);

/** CSS font stack for a model style: its East Asian font first, then the stack of the same kind of face. */
export function fontStack(style: TextStyle): string {
  const name = style.eastAsia;
  const kind = /黑|hei|yahei/i.test(name)
    ? HEI
    : /楷|kai/i.test(name)
      ? KAI
      : /仿宋|fangsong/i.test(name)
        ? FANGSONG
        : /小标宋|xiaobiaosong|中宋|zhongsong/i.test(name)
          ? XIAOBIAOSONG
          : /sans/i.test(style.pdfFont)
            ? HEI
            : SONG;
  const first = quote(name);
  return [first, ...kind.filter((f) => f !== first && f !== `"${name}"`)].join(', ');
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
/** Screen size in rem for a size in points: 16 pt body ↦ 1.125 rem (18 px). */
const rem = (pt: number, min = 0): string => `${round(Math.max((pt / 16) * 1.125, min))}rem`;

const ROLES: readonly StyleRole[] = ['title', 'subtitle', 'heading1', 'heading2', 'heading3', 'body', 'table', 'tableHeader', 'note', 'caption'];

/** Custom properties per role: --f-<role> (font), --s-<role> (screen size), --p-<role> (print size). */
function roleVariables(doc: Document): string {
  const lines: string[] = [];
  for (const role of ROLES) {
    const s = doc.styles[role];
    const min = role === 'table' || role === 'tableHeader' || role === 'note' || role === 'caption' ? 0.875 : 0;
    lines.push(`  --f-${role}: ${fontStack(s)};`, `  --s-${role}: ${rem(s.size, min)};`, `  --p-${role}: ${s.size}pt;`, `  --w-${role}: ${s.bold ? 'bold' : 'normal'};`);
  }
  const body = doc.styles.body;
  lines.push(`  --p-body-leading: ${body.lineHeight > 0 ? `${body.lineHeight}pt` : '1.5'};`);
  // Dense tables print one point smaller (at most 10 % smaller), as in the PDF.
  const dense = (pt: number): number => Math.max(pt - 1, Math.round(pt * 9) / 10);
  lines.push(`  --p-table-dense: ${dense(doc.styles.table.size)}pt;`, `  --p-tableHeader-dense: ${dense(doc.styles.tableHeader.size)}pt;`);
  lines.push(`  --f-symbol: ${SYMBOL.join(', ')};`);
  return `:root {\n${lines.join('\n')}\n}`;
}

const SCREEN = `
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #f4f4f1; color: #1b1b1b; font-family: var(--f-body); font-size: var(--s-body); line-height: 1.8; }
.page { box-sizing: border-box; max-width: 62rem; margin: 0 auto; padding: 0 1.25rem 3rem; background: #fff; }
a { color: #1d4f91; }
a:focus-visible, .table-wrap:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
.cover { text-align: center; padding: 4rem 0 3rem; border-bottom: 1px solid #d8d8d2; margin-bottom: 2rem; }
.cover h1 { font-family: var(--f-title); font-size: var(--s-title); font-weight: var(--w-title); line-height: 1.4; margin: 0; }
.cover .subtitle { font-family: var(--f-subtitle); font-size: var(--s-subtitle); margin: 1rem 0 0; }
.cover .date { font-family: var(--f-subtitle); font-size: var(--s-subtitle); margin: 2.5rem 0 0; }
h2, h3, h4 { line-height: 1.5; margin: 1.6em 0 0.6em; }
h2 { font-family: var(--f-heading1); font-size: calc(var(--s-heading1) * 1.2); font-weight: var(--w-heading1); }
h3 { font-family: var(--f-heading2); font-size: var(--s-heading2); font-weight: var(--w-heading2); }
h4 { font-family: var(--f-heading3); font-size: var(--s-heading3); font-weight: var(--w-heading3); }
h3.al-l, h4.al-l { text-indent: 2em; }
.al-l { text-align: left; } .al-c { text-align: center; } .al-r { text-align: right; } .al-j { text-align: justify; }
.sec + .sec { border-top: 1px solid #e6e6e1; margin-top: 2.5rem; padding-top: 0.5rem; }
p { margin: 0.4em 0; }
p.body { text-indent: 2em; }
p.note, .table-block p.note, .table-block p.empty { font-family: var(--f-note); font-size: var(--s-note); line-height: 1.6; margin: 0.2em 0; }
p.caption { font-family: var(--f-caption); font-size: var(--s-caption); }
ol.list { list-style: none; margin: 0.4em 0; padding: 0; }
ol.list > li { text-indent: 2em; text-align: justify; margin: 0.4em 0; }
ol.list .label { margin-right: 0.25em; }
nav.toc { margin: 1rem 0 2rem; }
nav.toc h2 { text-align: center; }
nav.toc ol { list-style: none; margin: 0; padding: 0; }
nav.toc ol ol { padding-left: 2em; }
nav.toc li { margin: 0.25em 0; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
figure.chart { margin: 1.5rem 0; text-align: center; }
figure.chart svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
figure.chart figcaption { font-family: var(--f-caption); font-size: var(--s-caption); margin-top: 0.4rem; }
.table-block { margin: 1.5rem 0; }
.table-wrap { overflow-x: auto; }
table.grid { border-collapse: collapse; width: 100%; min-width: var(--min-width); font-family: var(--f-table); font-size: var(--s-table); line-height: 1.45; }
table.grid caption { font-family: var(--f-table); font-size: var(--s-table); padding-bottom: 0.3rem; }
table.grid caption .t-title { display: block; text-align: center; font-family: var(--f-caption); font-size: var(--s-caption); font-weight: bold; margin-bottom: 0.25rem; }
table.grid caption .t-number { display: block; text-align: right; }
table.grid caption .t-meta { display: flex; justify-content: space-between; gap: 1em; text-align: left; }
table.grid tr { height: 1.8em; } /* a row of empty cells keeps a line's height */
table.grid th, table.grid td { border: 1px solid #333; padding: 0.25em 0.4em; vertical-align: middle; }
table.grid thead th, table.grid thead td { font-family: var(--f-tableHeader); font-size: var(--s-tableHeader); font-weight: var(--w-tableHeader); background: #f2f2ee; }
table.grid td.al-r { font-variant-numeric: tabular-nums; white-space: nowrap; }
table.grid tr.total td, table.grid .b { font-weight: bold; }
.cb { font-family: var(--f-symbol), var(--f-body); margin-right: 0.15em; }
@media (max-width: 40rem) {
  body { background: #fff; }
  .page { padding: 0 0.75rem 2rem; }
  .cover { padding: 2.5rem 0 2rem; }
  /* the caption is as wide as the scrolling table: keep its lines at the visible left edge */
  table.grid caption .t-title, table.grid caption .t-number { text-align: left; }
  table.grid caption .t-meta { justify-content: flex-start; flex-wrap: wrap; }
}
`;

const PRINT = `
@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: var(--f-body); font-size: 14pt; vertical-align: top; padding-top: 7mm; } }
@page landscape { size: A4 landscape; margin: 25mm 25mm 28mm 25mm; }
@page front { counter-reset: page 0; @bottom-center { content: none; } }
@page nofolio { @bottom-center { content: none; } }
@page landscape-nofolio { size: A4 landscape; margin: 25mm 25mm 28mm 25mm; @bottom-center { content: none; } }
@page landscape-front { size: A4 landscape; margin: 25mm 25mm 28mm 25mm; counter-reset: page 0; @bottom-center { content: none; } }
@media print {
  html { font-size: 12pt; }
  body { background: #fff; color: #000; font-size: var(--p-body); line-height: var(--p-body-leading); }
  .page { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .cover { page: front; break-after: page; border: 0; margin: 0; padding: 40mm 0 0; }
  .cover h1 { font-size: var(--p-title); }
  .cover .subtitle { font-size: var(--p-subtitle); }
  .cover .date { font-size: var(--p-subtitle); margin-top: 90mm; }
  nav.toc, .sec.toc-only { display: none; }
  .sec { break-before: page; }
  .sec + .sec { border: 0; margin: 0; padding: 0; }
  .sec.landscape { page: landscape; }
  .sec.front { page: front; }
  .sec.no-folio { page: nofolio; }
  .sec.no-folio.landscape { page: landscape-nofolio; }
  .sec.front.landscape { page: landscape-front; }
  .sec > h2:not(:first-child) { break-before: page; }
  h2 { font-size: var(--p-heading1); margin: 0.5em 0 1em; }
  h3 { font-size: var(--p-heading2); margin: 0.25em 0; }
  h4 { font-size: var(--p-heading3); margin: 0.25em 0; }
  h2, h3, h4, table.grid caption { break-after: avoid; }
  p.note, .table-block p.note, .table-block p.empty { font-size: var(--p-note); line-height: 1.4; }
  p.caption, figure.chart figcaption { font-size: var(--p-caption); }
  hr.page-break { display: none; }
  hr.page-break + * { break-before: page; }
  figure.chart { break-inside: avoid; margin: 0.5rem 0; }
  figure.chart svg { width: 15cm; max-width: 100%; }
  .table-wrap { overflow: visible; }
  table.grid { min-width: 0; font-size: var(--p-table); line-height: 1.3; }
  table.grid caption { font-size: var(--p-table); }
  table.grid caption .t-title { font-size: var(--p-caption); }
  table.grid thead { display: table-header-group; }
  table.grid thead th, table.grid thead td { font-size: var(--p-tableHeader); background: none; }
  table.grid.dense { font-size: var(--p-table-dense); }
  table.grid.dense thead th, table.grid.dense thead td { font-size: var(--p-tableHeader-dense); }
  table.grid th, table.grid td { border-color: #000; padding: 2pt 3pt; }
  table.grid tr { break-inside: avoid; }
}
`;

export function stylesheet(doc: Document): string {
  return `${roleVariables(doc)}\n${SCREEN.trim()}\n${PRINT.trim()}\n`;
}
