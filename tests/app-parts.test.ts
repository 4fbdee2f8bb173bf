/**
 * The app ships only the code it runs: its core always, and each optional part (src/parts/<part>/,
 * test/parts/<part>/) only in a pod that uses it: access-log beside the sidecar logger, upstream
 * beside the ambassador, visits in the anti-pattern's app.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appContainer } from '../src/patterns/app.js';
import { ALL_PATTERNS, sampleOptions } from '../src/patterns/index.js';
import { containerFolderFiles, type PlannedFile, planProject } from '../src/plan/project-plan.js';
import { readTemplate, renderTemplate, templatesRoot } from '../src/render/templates.js';
import { workspace } from './support/cli.js';
import { projectEnv } from './support/generated-project.js';

const REPO = resolve(import.meta.dirname, '..');
/** What only a part reads or names; none of it may be in an app that does not hold the part. */
const PART_MARKS: Record<string, RegExp> = {
  'access-log': /ACCESS_LOG|access-log|AccessLog|accessLog/,
  upstream: /UPSTREAM_URL|UPSTREAM_TIMEOUT_MS|parts\/upstream|getUpstream|'\/upstream'/,
  visits: /DB_URL|DB_TIMEOUT_MS|parts\/visits|\/visits|counterClient/,
};
const ALL_PARTS = Object.keys(PART_MARKS);

const appFiles = (files: PlannedFile[]) => files.filter((f) => f.path.startsWith('containers/app/'));
const partsIn = (files: PlannedFile[]) =>
  [
    ...new Set(
      appFiles(files)
        .map((f) => /^containers\/app\/(?:src|test)\/parts\/([^/]+)\//.exec(f.path)?.[1])
        .filter(Boolean),
    ),
  ].sort();

/** Writes `files` as a project folder whose node_modules is the repository's, so its tests and tsc run as after npm install. */
function writeProject(files: PlannedFile[]): string {
  const dir = workspace();
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const run = promisify(execFile);
const node = (dir: string, args: string[]) => run(process.execPath, args, { cwd: dir, env: projectEnv(), timeout: 240_000 });

describe('the app of each pattern holds exactly the parts its pod uses', () => {
  const expected = (pattern: string) =>
    [pattern.includes('sidecar') && 'access-log', pattern.includes('ambassador') && 'upstream'].filter(Boolean).sort();

  it.each(ALL_PATTERNS)('%s', (pattern) => {
    const plan = planProject(sampleOptions({ pattern, name: 'shop' }));
    const parts = expected(pattern) as string[];
    for (const part of ALL_PARTS.filter((p) => !parts.includes(p)))
      for (const f of appFiles(plan.files)) expect(f.content, `${f.path} names part ${part}`).not.toMatch(PART_MARKS[part]!);
    expect(partsIn(plan.files)).toEqual(parts);
    expect(plan.containers[0]!.parts).toEqual(parts);
    // The README's "start here" file of the app is there.
    expect(plan.files.map((f) => f.path)).toContain(`containers/app/${plan.containers[0]!.docs!.start}`);
    // The parts module lists exactly those parts.
    const module = plan.files.find((f) => f.path === 'containers/app/src/parts.ts')!.content;
    expect([...module.matchAll(/from '\.\/parts\/([^']+)'/g)].map((m) => m[1])).toEqual(parts);
    expect(plan.files.some((f) => f.path.endsWith('.hbs'))).toBe(false);
  });

  it('gives an app with the visits part (the anti-pattern) that part and no other', () => {
    const options = sampleOptions({ name: 'shop' });
    const app = appContainer(options, { env: { DB_URL: 'http://shop-db:7000', DB_TIMEOUT_MS: '1000' }, parts: ['visits'] });
    const files = containerFolderFiles([app], options);
    expect(partsIn(files)).toEqual(['visits']);
    for (const f of appFiles(files)) {
      expect(f.content, f.path).not.toMatch(PART_MARKS['access-log']!);
      expect(f.content, f.path).not.toMatch(PART_MARKS.upstream!);
    }
  });

  it('refuses a part its template does not have', () => {
    const options = sampleOptions();
    expect(() => containerFolderFiles([appContainer(options, { parts: ['vists'] })], options)).toThrow(/no part "vists"/);
  });

  it("keeps the template's own src/parts.ts, used by its tests in place, the module rendered with every part", () => {
    const folders = readdirSync(join(templatesRoot(), 'containers/app/src/parts')).sort();
    expect(folders).toEqual(ALL_PARTS);
    const context = { parts: folders.map((folder) => ({ folder, name: folder.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) })) };
    expect(readTemplate('containers/app/src/parts.ts')).toBe(renderTemplate('containers/app/src/parts.ts.hbs', context));
  });
});

describe("a generated app's own tests and type check pass with only its parts", () => {
  const cases: [string, () => PlannedFile[]][] = [
    ['singleton', () => planProject(sampleOptions({ pattern: 'singleton', name: 'shop' })).files],
    ['sidecar,ambassador', () => planProject(sampleOptions({ pattern: 'sidecar,ambassador', name: 'shop' })).files],
    [
      'the anti-pattern app (visits)',
      () => {
        const options = sampleOptions({ name: 'shop' });
        const plan = planProject(sampleOptions({ pattern: 'singleton', name: 'shop' }));
        const app = appContainer(options, { env: { DB_URL: 'http://shop-db:7000', DB_TIMEOUT_MS: '1000' }, parts: ['visits'] });
        return [...plan.files.filter((f) => !f.path.startsWith('containers/')), ...containerFolderFiles([app], options)];
      },
    ],
  ];
  it.each(cases)('%s', { timeout: 300_000 }, async (_label, files) => {
    const dir = writeProject(files());
    const tests = await node(dir, [join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', 'containers/app']);
    const testFiles = files().filter((f) => /^containers\/app\/test\/.*\.test\.ts$/.test(f.path)).length;
    expect(tests.stdout).toContain(`Test Files  ${testFiles} passed (${testFiles})`);
    // The project's own compiler settings, over the app alone (other containers have their own tests).
    writeFileSync(
      join(dir, 'tsconfig.app.json'),
      JSON.stringify({ extends: './tsconfig.json', include: ['containers/app', 'shared', 'test-support'] }),
    );
    await node(dir, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.app.json']);
  });
});
