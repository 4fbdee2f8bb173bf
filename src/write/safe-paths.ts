import { isAbsolute, relative, resolve } from 'node:path';

/** Refuses any planned path that is absolute, climbs out, or is not plain text. */
export function assertPathsInside(root: string, paths: string[]): void {
  const base = resolve(root);
  for (const p of paths) {
    const target = resolve(base, p);
    const rel = relative(base, target);
    if (!p || isAbsolute(p) || p.includes('\\') || /[\0\n\r]/.test(p) || rel === '' || rel.startsWith('..') || isAbsolute(rel))
      throw new Error(`refusing to write ${JSON.stringify(p)}: it would land outside ${base}`);
  }
}
