/**
 * `add` and the app's optional parts: a generated app gets the part each new helper needs (its
 * folder, its tests, a line in src/parts.ts), all or nothing with the rest; an app of the
 * user's own (no src/parts.ts) is left as it is, and they are told what it must do.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listFiles, runCli, workspace } from '../support/cli.js';
import { projectEnv } from '../support/generated-project.js';
import { add } from './support.js';

async function generate(pattern: string) {
  const dir = join(workspace(), 'shop');
  const result = await runCli([dir, '--pattern', pattern, '--name', 'shop', '--yes']);
  expect(result.exitCode, result.stderr).toBe(0);
  return dir;
}
const tree = (root: string) => listFiles(root).map((path) => [path, readFileSync(join(root, path), 'utf8')]);
const PARTS = 'containers/app/src/parts.ts';

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, '../..');

describe('add and the parts of a generated app', () => {
  it("gives an untouched app each new helper's part, wired into src/parts.ts, and the app's own tests pass with it", async () => {
    const project = await generate('singleton');
    const result = await add(project, ['sidecar,ambassador']);
    expect(result.exitCode, result.stderr).toBe(0);
    const module = readFileSync(join(project, PARTS), 'utf8');
    expect(module).toContain("import { accessLog } from './parts/access-log';\nimport { upstream } from './parts/upstream';\n");
    expect(module).toContain('export const parts: AppPart[] = [accessLog, upstream];');
    symlinkSync(join(REPO, 'node_modules'), join(project, 'node_modules'), 'dir');
    const tests = await run(process.execPath, [join(REPO, 'node_modules/vitest/vitest.mjs'), 'run', 'containers/app'], {
      cwd: project,
      env: projectEnv(),
      timeout: 240_000,
    });
    const testFiles = listFiles(join(project, 'containers/app/test')).filter((f) => f.endsWith('.test.ts'));
    expect(testFiles.filter((f) => f.startsWith('parts/')).length).toBeGreaterThanOrEqual(4);
    expect(tests.stdout).toContain(`Test Files  ${testFiles.length} passed (${testFiles.length})`);
  }, 300_000);

  it('adds the part to a parts module the user edited, keeping their own part, and the part folder beside it', async () => {
    const project = await generate('singleton');
    const module = readFileSync(join(project, PARTS), 'utf8')
      .replace(
        "import type { AppPart } from './app-part';\n",
        "import type { AppPart } from './app-part';\nimport { audit } from './audit';\n",
      )
      .replace('= [];', '= [audit];');
    writeFileSync(join(project, PARTS), module);
    const first = await add(project, ['sidecar']);
    expect(first.exitCode, first.stderr).toBe(0);
    const second = await add(project, ['ambassador,adapter']);
    expect(second.exitCode, second.stderr).toBe(0);
    const after = readFileSync(join(project, PARTS), 'utf8');
    expect(after).toContain(
      "import { audit } from './audit';\nimport { accessLog } from './parts/access-log';\nimport { upstream } from './parts/upstream';\n",
    );
    expect(after).toContain('export const parts: AppPart[] = [audit, accessLog, upstream];');
    const files = listFiles(project);
    for (const part of ['access-log', 'upstream']) {
      expect(files).toContain(`containers/app/src/parts/${part}/index.ts`);
      expect(files.some((f) => f.startsWith(`containers/app/test/parts/${part}/`) && f.endsWith('.test.ts'))).toBe(true);
    }
  });

  it('refuses, writing nothing, when the parts module has lost its list of parts', async () => {
    const project = await generate('singleton');
    writeFileSync(join(project, PARTS), "import type { AppPart } from './app-part';\nexport const parts = [] as AppPart[];\n");
    const before = tree(project);
    const result = await add(project, ['sidecar']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('containers/app/src/parts.ts no longer holds the line');
    expect(result.stderr).toContain('access-log cannot be added');
    expect(tree(project)).toEqual(before);
  });

  it("leaves an app of the user's own (no parts module) as it is, and says what it must do for the helper", async () => {
    const project = await generate('singleton');
    rmSync(join(project, 'containers/app'), { recursive: true });
    mkdirSync(join(project, 'containers/app/src'), { recursive: true });
    writeFileSync(join(project, 'containers/app/src/index.ts'), '// our own app\n');
    const result = await add(project, ['sidecar,ambassador']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(listFiles(join(project, 'containers/app'))).toEqual(['src/index.ts']);
    expect(result.stdout).toContain('For the helpers to work, your app must:');
    expect(result.stdout).toMatch(/- sidecar: write its access log/);
    expect(result.stdout).toMatch(/- ambassador: call the upstream through http:\/\/127\.0\.0\.1:9000/);
    expect(listFiles(join(project, 'containers/log-shipper'))).toContain('src/index.ts');
  });
});
