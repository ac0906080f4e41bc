// Font sources for PDF output. Open fonts that arrive with `npm ci` are the defaults (Noto Serif SC
// for body text, Noto Sans SC for headings, DejaVu Sans for ☑ ☐ ✔ which Noto SC lacks); a profile
// may map further keys to font files a user puts into fonts/ (仿宋_GB2312.ttf, 方正小标宋简体.ttf …).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FontSource } from '../model/document.ts';

const require = createRequire(import.meta.url);

/** Absolute path of a file inside an installed package (without importing the package). */
function packageFile(pkg: string, file: string): string {
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  return path.join(root, file);
}

/** The built-in font keys: serif, sans, symbol. */
export function defaultFonts(): FontSource[] {
  return [
    {
      type: 'font',
      key: 'serif',
      normal: packageFile('@expo-google-fonts/noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf'),
      bold: packageFile('@expo-google-fonts/noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf'),
    },
    {
      type: 'font',
      key: 'sans',
      normal: packageFile('@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'),
      bold: packageFile('@expo-google-fonts/noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'),
    },
    { type: 'font', key: 'symbol', normal: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans.ttf'), bold: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans-Bold.ttf') },
  ];
}

export class FontError extends Error {}

/** A user font mapping from a profile: key → file (relative to `baseDir`, usually the project root). */
export interface FontMapping {
  readonly normal: string;
  readonly bold?: string;
}

/** Default fonts plus the profile's mapped fonts; a mapped file that does not exist is an error. */
export function resolveFonts(mapped: Readonly<Record<string, FontMapping>>, baseDir: string): FontSource[] {
  const fonts = defaultFonts();
  for (const [key, m] of Object.entries(mapped)) {
    const normal = path.resolve(baseDir, m.normal);
    const bold = m.bold === undefined ? undefined : path.resolve(baseDir, m.bold);
    for (const f of [normal, bold]) {
      if (f !== undefined && !existsSync(f)) {
        throw new FontError(`字体文件不存在：${f}（格式模板把字体“${key}”映射到这个文件；请把字体文件放进该位置，或删去 fonts 中的“${key}”映射以使用内置开源字体）`);
      }
    }
    const source: FontSource = bold === undefined ? { type: 'font', key, normal } : { type: 'font', key, normal, bold };
    const i = fonts.findIndex((x) => x.key === key);
    if (i >= 0) fonts[i] = source;
    else fonts.push(source);
  }
  return fonts;
}
