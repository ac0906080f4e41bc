// `juesuan init`: the text of a new, commented data file for a department-year, optionally
// started from last year's file. Writing it (and refusing to overwrite) is the command's job.
import { readdirSync, existsSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyse } from '../pipeline/analyse.ts';
import { BUILTIN_TEMPLATES, loadProfile, ProfileError } from '../profile/load.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { dataSchema, emitDocument, type EmitOptions } from './emit.ts';
import { carriedSeed, freshSeed } from './seed.ts';

/** The committed JSON Schema next to src/ (what the editor's yaml-language-server reads). */
export const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../schema/juesuan.schema.json');

export const DEFAULT_PROFILE = 'wuhan-2024';

/** Section headers of the top-level keys (names of the booklet's parts). */
export const HEADERS: Readonly<Record<string, string>> = {
  meta: '基本信息（meta）',
  overview: '第一部分 概况（overview）',
  tables: '第二部分 决算表（tables）',
  narrative: '第三部分 决算情况说明所需的补充数据（narrative）',
  keyWork: '第四部分 重点工作完成情况（keyWork）',
  glossary: '第五部分 名词解释（glossary）',
  appendix: '第六部分 附件：绩效自评表（appendix）',
};

/** Explanations for the few schema nodes that carry no description of their own. */
export const FALLBACK: Readonly<Record<string, string>> = {
  'overview.staff.servingByCategory': '在职人员按类别',
  'overview.staff.retiredByCategory': '离退休人员按类别',
  'tables.t01.income': '本年收入各项（行1–8），只填有金额的行',
  'tables.t04.income': '本年财政拨款收入各项（行1–3），只填有金额的行',
  'narrative.previous.threePublic': '上年“三公”经费',
  'narrative.projects': '项目支出清单（用于说明五（三）和十三）',
  'narrative.projects.items': '项目，每个项目一项',
  'narrative.threePublic': '“三公”经费的团组、人次和车辆数（说明九）',
  'narrative.procurement': '政府采购支出（说明十一）',
  'narrative.assets': '国有资产占用情况（说明十二）',
  'narrative.assets.vehicles': '车辆数，按用途',
  'narrative.performance': '预算绩效情况（说明十三）',
  'keyWork.blocks': '正文：标题和段落，按顺序排列',
  'appendix.department': '部门整体支出绩效自评表',
  'appendix.department.goals': '年度绩效目标，每个目标带若干指标',
  'appendix.department.goals[].indicators': '绩效指标',
  'appendix.projects': '项目支出绩效自评表，每个项目一张',
  'appendix.projects[].indicators': '绩效指标',
};

export interface InitRequest {
  /** the new file; default: derived from --from or the department and year */
  readonly file?: string;
  readonly department?: string;
  readonly year?: number;
  readonly profile?: string;
  /** last year's data file */
  readonly from?: string;
  readonly templatesDir?: string;
}

export type InitPlan =
  | { readonly kind: 'ok'; readonly target: string; readonly text: string; readonly blanks: number; readonly warnings: readonly string[] }
  | { readonly kind: 'usage'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string; readonly diagnostics: readonly Diagnostic[] };

/** Names of the profiles in a templates folder. */
export function profileNames(templatesDir = BUILTIN_TEMPLATES): string[] {
  try {
    return readdirSync(templatesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(templatesDir, d.name, 'profile.yaml')))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** The `$schema` reference for a file at `target`: relative, with forward slashes. */
export function schemaReference(target: string): string {
  const rel = relative(dirname(resolve(target)), SCHEMA_FILE);
  if (isAbsolute(rel)) return pathToFileURL(SCHEMA_FILE).href;
  return rel.split(sep).join('/');
}

function defaultTarget(req: InitRequest, year: number, prevYear: number | undefined): string {
  if (req.from) {
    const ext = extname(req.from) || '.yaml';
    const base = basename(req.from, extname(req.from));
    const name = prevYear !== undefined && base.includes(String(prevYear)) ? base.replace(String(prevYear), String(year)) : `${base}-${year}`;
    return join(dirname(req.from), name + ext);
  }
  const who = (req.department ?? 'juesuan').replace(/[\\/:*?"<>|\s]+/gu, '-');
  return `${who}-${year}.yaml`;
}

export function planInit(req: InitRequest): InitPlan {
  if (req.year !== undefined && (!Number.isInteger(req.year) || req.year < 2000 || req.year > 2100))
    return { kind: 'usage', message: `年度“${req.year}”不合法：应为 2000–2100 之间的整数，如 --year 2025` };
  if (req.department !== undefined && req.department.trim() === '') return { kind: 'usage', message: '--department 不能为空' };

  let prev: ReturnType<typeof analyse> | undefined;
  const warnings: string[] = [];
  if (req.from) {
    prev = analyse(req.from, { templatesDir: req.templatesDir });
    if (!prev.data || !prev.figures) {
      return { kind: 'failed', message: `无法读取上年文件 ${req.from}：请先用 juesuan check 修正其中的错误`, diagnostics: prev.diagnostics.filter((d) => d.severity === 'error') };
    }
    if (!prev.ok) warnings.push(`上年文件 ${req.from} 校验未通过，上年数仍按其数据填入，请核对`);
  }
  const prevYear = prev?.data?.meta.year;
  const year = req.year ?? (prevYear !== undefined ? prevYear + 1 : new Date().getFullYear() - 1);
  const profile = req.profile ?? prev?.data?.meta.profile ?? DEFAULT_PROFILE;
  try {
    loadProfile(profile, req.templatesDir ?? BUILTIN_TEMPLATES);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    const names = profileNames(req.templatesDir);
    return { kind: 'usage', message: `格式模板“${profile}”不存在${names.length ? `，可选：${names.join('、')}` : ''}` };
  }

  const target = req.file ?? defaultTarget(req, year, prevYear);
  if (req.from && resolve(target) === resolve(req.from)) return { kind: 'usage', message: `新文件不能与上年文件相同（${target}）` };

  const seed = prev?.data && prev.figures ? carriedSeed(prev.data, prev.figures, { department: req.department, year, profile: req.profile }) : freshSeed({ department: req.department, year, profile });
  const meta = seed['meta'] as { fullName?: unknown; department?: unknown; unit?: unknown };
  const who = typeof meta.fullName === 'string' ? meta.fullName : typeof meta.department === 'string' ? meta.department : '（部门名称待填写）';
  const unit = typeof meta.unit === 'string' ? meta.unit : '万元';

  const notes = new Map<string, string[]>();
  if (prev?.data) {
    const from = req.from!;
    notes.set('tables', [`科目行沿用 ${prevYear} 年度（编码、名称），金额待填写：本年没有的科目整行删除，新增的科目照格式补行。`]);
    notes.set('narrative.previous', [`上年数由 juesuan init 按 ${from}（${prevYear} 年度）计算填入；reason 填写增减变化的主要原因，不需要时删除。`]);
    notes.set('narrative.projects', [`项目名称沿用 ${prevYear} 年度：按本年实际增删项目并填写金额。`]);
    notes.set('keyWork.table', [`以下沿用 ${prevYear} 年度的条目作为起点：请逐条核对重要事项和工作内容，并填写本年完成情况。`]);
    if (prev.data.appendix) notes.set('appendix', [`自评表的项目和指标沿用 ${prevYear} 年度：请按本年实际核对，并填写本年的金额、完成值和得分。`]);
  }
  const opts: EmitOptions = { notes, headers: HEADERS, fallback: FALLBACK };
  const preamble = [
    `# yaml-language-server: $schema=${schemaReference(target)}`,
    `# ${who} ${year} 年度部门决算公开数据（金额单位：${unit}）。`,
    prev?.data
      ? `# 由 juesuan init 以 ${req.from}（${prevYear} 年度）为底稿生成：职责、机构、科目、项目名称等沿用上年，上年数已填入 narrative.previous。`
      : '# 由 juesuan init 生成。',
    '# 怎样填写：',
    '#   · 每一项的含义写在该项的注释里（取自数据格式定义，与 schema/juesuan.schema.json 一致）。',
    '#   · 冒号后留空的项是待填写的占位符（共 @BLANKS@ 处）。填好后运行 juesuan check 校验：',
    '#     没填的项会报“此项为空：请填写，或删除这一行”或“应为文字，实际为空值”。',
    '#   · 本年度没有的行或栏（例如没有金额的科目、栏次）整行删除；列表可按需增删条目，照已有条目的格式写。',
    '#   · 以“# 键名:”开头的行是可选项，需要时删去行首的“# ”。',
    '#   · 金额按决算报表原样录入，最多两位小数；完整示例见 data/dongxihu-2024.yaml。',
  ];
  const schema = dataSchema();
  if (schema.description) preamble.splice(2, 0, `# 数据格式：${schema.title ? `${schema.title}——` : ''}${schema.description}。`);
  const out = emitDocument(schema, seed, preamble, opts);
  return { kind: 'ok', target, text: out.text.replace('@BLANKS@', String(out.blanks)), blanks: out.blanks, warnings };
}
