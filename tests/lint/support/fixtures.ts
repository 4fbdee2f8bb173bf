import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonpatch, { type Operation } from 'fast-json-patch';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { afterAll } from 'vitest';

/**
 * Lint fixtures are small overlays, not copies: `<check-id>/<pass|fail>[-variant].patch.yaml`
 * is a JSON Patch (RFC 6902, as kustomize's patchesJson6902) over the documents of
 * `base.yaml` (/0 the Deployment, /1 its Service), headed by a comment saying what it changes.
 * The linter reads files, so each is written out once per test file as the manifest it stands for.
 */
const SOURCE = fileURLToPath(new URL('../fixtures', import.meta.url));
const PATCH = '.patch.yaml';

export interface Fixture {
  check: string;
  /** `pass.yaml`, `fail-native-sidecar.yaml`, ...: the name of the manifest written out. */
  name: string;
  kind: 'pass' | 'fail';
}

/** Every overlay, grouped by the check folder it lives in. */
export function listFixtures(): Fixture[] {
  const checks = readdirSync(SOURCE, { withFileTypes: true }).filter((d) => d.isDirectory());
  return checks.flatMap((dir) =>
    readdirSync(join(SOURCE, dir.name))
      .filter((f) => f.endsWith(PATCH))
      .sort()
      .map((f) => ({
        check: dir.name,
        name: f.replace(PATCH, '.yaml'),
        kind: f.startsWith('pass') ? ('pass' as const) : ('fail' as const),
      })),
  );
}

/** The names of the check folders, whatever they hold. */
export function fixtureFolders(): string[] {
  return readdirSync(SOURCE, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

/** The manifest an overlay stands for: its header comment, then base.yaml's documents patched. */
export function renderFixture(check: string, name: string): string {
  const base = parseAllDocuments(readFileSync(join(SOURCE, 'base.yaml'), 'utf8')).map((d) => d.toJS());
  const text = readFileSync(join(SOURCE, check, name.replace(/\.yaml$/, PATCH)), 'utf8');
  const ops = parse(text) as Operation[];
  const docs = jsonpatch.applyPatch(base, ops, true, false).newDocument as unknown[];
  const header = text.split('\n').filter((line, i, all) => line.startsWith('#') && all.slice(0, i).every((l) => l.startsWith('#')));
  return `${header.join('\n')}\n${docs.map((d) => stringify(d)).join('---\n')}`;
}

/**
 * Writes base.yaml and every fixture under a new temp folder, laid out as the overlays are
 * (`<dir>/<check>/<name>`), and returns a resolver of paths inside it. Call it at the top of a
 * test file: the folder goes when the file's tests are done.
 */
export function writeFixtures(): (path: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-fixtures-'));
  // Not on process 'exit': vitest ends its workers without one, and the folder stayed behind.
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'base.yaml'), readFileSync(join(SOURCE, 'base.yaml')));
  for (const { check, name } of listFixtures()) {
    mkdirSync(join(dir, check), { recursive: true });
    writeFileSync(join(dir, check, name), renderFixture(check, name));
  }
  return (path: string) => join(dir, path);
}
