import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { runCli, workspace } from '../support/cli.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** A fixture copied into a fresh folder, to run `add` on. */
export function copyFixture(name: string, as = 'manifest.yaml'): { dir: string; file: string } {
  const dir = workspace();
  copyFileSync(join(FIXTURES, name), join(dir, as));
  return { dir, file: join(dir, as) };
}

export const add = (dir: string, args: string[], env: Record<string, string> = {}) => runCli(['add', ...args], { cwd: dir, env });

/** Each document's own source text, exactly as written (between its range's start and end). */
export function documentTexts(text: string): string[] {
  return parseAllDocuments(text).map((d) => text.slice(d.range[0], d.range[2]));
}
