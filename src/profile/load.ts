// Finding and reading a format profile: templates/<name>/profile.yaml, validated like data.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { profileSchema, type Profile } from './schema.ts';

/** The bundled templates/ folder (next to src/). */
export const BUILTIN_TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

export class ProfileError extends Error {}

const cache = new Map<string, Profile>();

/** Load templates/<name>/profile.yaml from the given templates folder (cached per path). */
export function loadProfile(name: string, templatesDir = BUILTIN_TEMPLATES): Profile {
  const file = join(templatesDir, name, 'profile.yaml');
  const hit = cache.get(file);
  if (hit) return hit;
  if (!/^[\w.-]+$/.test(name) || !existsSync(file)) throw new ProfileError(`格式模板“${name}”不存在（找不到 ${file}）`);
  const result = profileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success) throw new ProfileError(`格式模板 ${file} 不合法：\n${z.prettifyError(result.error)}`);
  cache.set(file, result.data);
  return result.data;
}

/** Forget every loaded profile, so the next loadProfile reads profile.yaml again (watch). */
export function clearProfileCache(): void {
  cache.clear();
}
