import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplatePack, openTemplatePack } from '../src/render/template-pack.js';

const ROOT = resolve(import.meta.dirname, '..');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && e.name !== 'dist')
    .flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The package carries its templates in one file, dist/templates.pack (src/render/template-pack.ts). */
describe('the templates pack', () => {
  it('holds every template file the bundle reads, byte for byte, and nothing else', () => {
    const templates = join(ROOT, 'templates');
    const pack = openTemplatePack(readFileSync(join(ROOT, 'dist', 'templates.pack')));
    const wanted = filesBelow(templates)
      .map((f) => relative(templates, f).split('\\').join('/'))
      .filter((f) => !f.endsWith('.hbs'));
    expect(wanted.length).toBeGreaterThan(100);
    for (const path of wanted) expect(pack.read(path), path).toBe(readFileSync(join(templates, path), 'utf8'));
    // The handlebars templates are compiled into the bundle: packing them too would ship them twice.
    expect(pack.read('project/README.md.hbs')).toBeUndefined();
  });

  it('slices files by bytes, so text in Korean or emoji comes out whole', () => {
    const files: [string, string][] = [
      ['a/사이드카.md', '사이드카 패턴 🚀\n'],
      ['b/empty.txt', ''],
      ['c/plain.ts', 'export const x = 1;\n'],
    ];
    const bytes = Buffer.concat([
      Buffer.from(`${JSON.stringify(files.map(([p, c]) => [p, Buffer.byteLength(c)]))}\n`),
      ...files.map(([, c]) => Buffer.from(c)),
    ]);
    const pack = openTemplatePack(bytes);
    for (const [path, content] of files) expect(pack.read(path)).toBe(content);
    expect(pack.read('missing')).toBeUndefined();
  });

  it('refuses a pack cut short or without its index line, saying the install is broken', () => {
    const whole = Buffer.from(`${JSON.stringify([['a', 5]])}\nhello`);
    expect(() => openTemplatePack(whole.subarray(0, whole.length - 1))).toThrow(/cut short.*broken install/);
    expect(() => openTemplatePack(Buffer.from('no index'))).toThrow(/no index line.*broken install/);
    expect(() => loadTemplatePack(join(ROOT, 'dist', 'no-such.pack'))).toThrow(
      /no-such\.pack is missing \(broken install\? install the package again\)/,
    );
  });
});
