// The appendix sheets read back from the produced PDF and DOCX (not only from the model): the
// computed 执行率, 得分 and 总分 are what gets printed, and the boxes are ticked, in both formats.
import { describe, it, expect, beforeAll } from 'vitest';
import { build } from '../src/pipeline/build.ts';
import { writeTemp, pdfText } from './helpers/pdf.ts';
import { docxPart } from './helpers/docx.ts';

/** Texts of the DOCX table cells, in document order. */
function docxCells(xml: string): string[] {
  return [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/gu)].map((m) => [...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(''));
}

const squash = (s: string) => s.replace(/\s+/gu, '');

for (const example of [
  {
    file: 'data/dongxihu-2024.yaml',
    // department sheet: 933.96 / 947.53 = 98.57%, 20 × 98.57% = 19.71 (the data supplies 19.72), 总分 99.71
    department: ['947.53', '933.96', '98.57%', '19.71', '99.71'],
    // 购买服务人员工作经费: 86.43 / 100 = 86.43%, 17.29, 总分 97.29 (the data supplies 17.2 / 97.2)
    project: ['86.43%', '17.29', '97.29'],
    weights: ['成本指标（20 分）', '产出指标（20 分）', '效益指标（30 分）', '满意度指标（10 分）'],
    absent: ['19.72', '99.72', '97.2分'],
  },
  {
    file: 'data/dongxihu-2020.yaml',
    department: ['95.76%', '19.15'],
    project: ['58.33%', '11.67', '91.67'],
    weights: ['产出指标（40 分）', '效益指标（20 分）', '满意度指标（20 分）'],
    absent: ['成本指标（'],
  },
]) {
  describe(`appendix sheets of ${example.file} in PDF and DOCX`, () => {
    let pdf: string;
    let cells: string[];
    beforeAll(async () => {
      const built = await build(example.file, { formats: ['pdf', 'docx'] });
      expect(built.analysis.ok).toBe(true);
      pdf = squash(pdfText(writeTemp(built.outputs[0]!.data, 'appendix.pdf')));
      cells = docxCells(docxPart(built.outputs[1]!.data as Uint8Array, 'word/document.xml')).map(squash);
    }, 60_000);

    it('prints the computed 执行率, 得分 and 总分', () => {
      for (const v of [...example.department, ...example.project]) {
        expect(pdf, `PDF: ${v}`).toContain(v);
        expect(cells, `DOCX cell: ${v}`).toContain(v);
      }
    });

    it('prints the level-1 weights of the profile', () => {
      for (const w of example.weights) {
        // the PDF breaks the label cell before the weight, so the two may stand apart in the text
        const [name, weight] = squash(w).split('（') as [string, string];
        expect(pdf).toContain(name);
        expect(pdf).toContain(`（${weight}`);
        expect(cells.some((c) => c.includes(squash(w)))).toBe(true);
      }
      for (const a of example.absent) expect(cells.some((c) => c === squash(a) || c.includes(squash(a)))).toBe(false);
    });

    it('ticks the chosen boxes', () => {
      expect(pdf).toMatch(/☑1、部门预算项目/u);
      expect(cells.some((c) => c.includes('☑1、部门预算项目'))).toBe(true);
      expect(cells.some((c) => c.includes('☐2、'))).toBe(true);
    });
  });
}

describe('optional documents of data/xinzhou-2020.yaml in PDF and DOCX', () => {
  let pdf: string;
  let cells: string[];
  beforeAll(async () => {
    const built = await build('data/xinzhou-2020.yaml', { formats: ['pdf', 'docx'] });
    expect(built.analysis.ok).toBe(true);
    pdf = squash(pdfText(writeTemp(built.outputs[0]!.data, 'xinzhou.pdf')));
    cells = docxCells(docxPart(built.outputs[1]!.data as Uint8Array, 'word/document.xml')).map(squash);
  }, 60_000);

  it('prints the score table with computed 得分率 and 等级', () => {
    // 投入 16 / 18 = 88.9% 良; 过程 22.5 / 28 = 80.4% 良
    for (const v of ['88.9%', '80.4%', '良', '优']) {
      expect(pdf, `PDF: ${v}`).toContain(v);
      expect(cells, `DOCX cell: ${v}`).toContain(v);
    }
  });

  it('prints the declaration form with computed 占比', () => {
    for (const v of ['268.03', '93.58%', '6.42%']) {
      expect(pdf, `PDF: ${v}`).toContain(v);
      expect(cells, `DOCX cell: ${v}`).toContain(v);
    }
  });
});
