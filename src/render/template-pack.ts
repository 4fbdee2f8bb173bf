/**
 * The package's template files in one file, dist/templates.pack, written by
 * scripts/build.mjs: npx then unpacks a handful of files instead of two hundred (npm's
 * install costs per file: it unpacks a local or downloaded tarball once to read its
 * manifest, then again into node_modules), and a scaffold reads one file instead of ~80.
 *
 * The format: one line of JSON, `[[path, byteLength], ...]`, then the files' bytes one
 * after another in that order. Read once, each file is sliced out when it is asked for.
 */
import { readFileSync } from 'node:fs';

export interface TemplatePack {
  read(path: string): string | undefined;
}

export function openTemplatePack(bytes: Buffer): TemplatePack {
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) throw new Error('dist/templates.pack has no index line (broken install?)');
  const index = new Map<string, [number, number]>();
  let at = headerEnd + 1;
  for (const [path, length] of JSON.parse(bytes.toString('utf8', 0, headerEnd)) as [string, number][]) {
    index.set(path, [at, at + length]);
    at += length;
  }
  if (at !== bytes.length) throw new Error('dist/templates.pack is cut short or too long (broken install?)');
  return {
    read(path) {
      const range = index.get(path);
      return range && bytes.toString('utf8', range[0], range[1]);
    },
  };
}

/** Reads and opens the pack at `file`; a missing one is a broken install, and says so. */
export function loadTemplatePack(file: string): TemplatePack {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new Error(`${file} is missing (broken install? install the package again)`);
  }
  return openTemplatePack(bytes);
}
