import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { COMPILE_OPTIONS, registerHelpers, runtime } from './handlebars.js';
import { precompiledTemplates, templateFiles } from './precompiled.js';
import { loadTemplatePack, type TemplatePack } from './template-pack.js';

/** templates/ sits next to src/ in the repo (the package has dist/templates.pack instead). */
function findTemplatesRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'project'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('create-pod-pattern: cannot find its templates/ folder (broken install?)');
    dir = parent;
  }
}

let root: string | undefined;
export function templatesRoot(): string {
  root ??= findTemplatesRoot();
  return root;
}

/** Files below a templates/ folder, as paths relative to it, sorted; build output skipped. */
export function listTemplateFiles(folder: string): string[] {
  // In the package, listed at build time: walking the folder cost every scaffold ~2 ms.
  if (templateFiles) return templateFiles.filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
  const base = join(templatesRoot(), folder);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(base, full));
    }
  };
  walk(base);
  return out.sort();
}

let pack: TemplatePack | undefined;
export function readTemplate(path: string): string {
  // In the package, from dist/templates.pack (template-pack.ts says why); from source, the file.
  if (templateFiles) {
    pack ??= loadTemplatePack(fileURLToPath(new URL('./templates.pack', import.meta.url)));
    const content = pack.read(path);
    if (content === undefined) throw new Error(`${path} is missing from dist/templates.pack (broken install?)`);
    return content;
  }
  // Not path.join: a template's path is plain, and a scaffold reads ~80.
  return readFileSync(`${templatesRoot()}/${path}`, 'utf8');
}

/** Renders a handlebars template file (a path under templates/). */
export function renderTemplate(path: string, context: object): string {
  const spec = precompiledTemplates[path];
  const template = spec ? runtime.template(spec) : compileFromFile(path);
  return template(context);
}

let compiler: typeof import('handlebars') | undefined;
function compileFromFile(path: string): (context: object) => string {
  // Only when running from source: the full handlebars, with the same helpers as the runtime.
  compiler ??= registerHelpers(createRequire(import.meta.url)('handlebars').create()) as unknown as typeof import('handlebars');
  return compiler.compile(readTemplate(path), COMPILE_OPTIONS);
}
