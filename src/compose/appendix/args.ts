// The argument of an appendix `::table` line, and the placeholders of template-supplied wording.
//
//   ::table appendixProject 3 title="2024 年度{{name}}项目绩效自评表" left="单位名称：…" signature=no
//
// Positional words (the project index) and key=value options; a value with spaces is quoted with
// ASCII double quotes. (The markup joins the words of the line with single spaces, so runs of
// spaces inside a quoted value become one space.) Region-specific wording — sheet titles, caption
// lines, the fill-date format, a label that differs between formats — is written in the template
// and handed to the builder this way; the builder keeps only the form's structure.
//
// Wording may contain {placeholders} that the builder fills with figures it computes (the template
// cannot divide): {rate} {budget} {actual} {score} {total} {fillYear} {fillMonth} {fillDay} … —
// each builder lists the ones it knows; an unknown or unavailable one is an error.

/** A problem with an appendix `::table` line (message starts with 格式模板, as the CLI expects). */
export class AppendixError extends Error {
  override name = 'AppendixError';
}

export interface TableArgs {
  readonly positional: readonly string[];
  readonly options: Readonly<Record<string, string>>;
}

const TOKEN = /([A-Za-z][\w-]*)=(?:"([^"]*)"|(\S*))|(\S+)/gu;

/** Split an argument into positional words and key=value options; unknown keys are an error. */
export function parseArgs(arg: string, known: readonly string[], where: string): TableArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (const m of arg.matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      const key = m[1];
      if (!known.includes(key)) throw new AppendixError(`${where}：未知选项 ${key}=（可用：${known.join('、') || '无'}）`);
      if (Object.hasOwn(options, key)) throw new AppendixError(`${where}：选项 ${key}= 重复`);
      options[key] = m[2] ?? m[3] ?? '';
    } else {
      const word = m[4]!;
      if (word.includes('"')) throw new AppendixError(`${where}：引号不成对（${word}）`);
      positional.push(word);
    }
  }
  return { positional, options };
}

/** A yes/no option: absent → `fallback`; yes/no (or true/false) otherwise. */
export function flag(args: TableArgs, key: string, fallback: boolean, where: string): boolean {
  const v = args.options[key];
  if (v === undefined) return fallback;
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  throw new AppendixError(`${where}：选项 ${key}= 只能是 yes 或 no，而不是“${v}”`);
}

/** Replace {name} placeholders; a name that is unknown or has no value here is an error. */
export function fillPlaceholders(text: string, vars: Readonly<Record<string, string | undefined>>, where: string): string {
  return text.replace(/\{([A-Za-z]\w*)\}/gu, (_, name: string) => {
    if (!Object.hasOwn(vars, name)) throw new AppendixError(`${where}：未知的占位符 {${name}}（可用：${Object.keys(vars).map((k) => `{${k}}`).join('、')}）`);
    const v = vars[name];
    if (v === undefined) throw new AppendixError(`${where}：占位符 {${name}} 在此没有取值（数据中缺少对应字段）`);
    return v;
  });
}

/** Placeholders of the 填报日期 (appendix.fillDate, YYYY-MM-DD): {fillYear} {fillMonth} {fillDay} without leading zeros. */
export function dateVars(date: string | undefined): Record<string, string | undefined> {
  const m = date === undefined ? undefined : /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  return {
    fillYear: m ? String(Number(m[1])) : undefined,
    fillMonth: m ? String(Number(m[2])) : undefined,
    fillDay: m ? String(Number(m[3])) : undefined,
  };
}
