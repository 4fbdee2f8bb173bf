/**
 * `add` on a manifest the generator did not make: the helpers' code, tests and Dockerfile go
 * into containers/<helper>/ of the folder the command runs in, as a generated project has them;
 * a folder already there is the user's, and nothing is added into it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { add, copyFixture } from './support.js';

describe('add on a hand-written manifest', () => {
  it("writes each added helper's container folder (and the ambassador's demo upstream) beside the edited manifest", async () => {
    const { dir } = copyFixture('shop.before.yaml');
    const result = await add(dir, ['sidecar,ambassador', '--to', 'manifest.yaml']);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const template of ['log-shipper', 'ambassador', 'upstream']) {
      for (const file of ['src/index.ts', 'Dockerfile'])
        expect(existsSync(join(dir, 'containers', template, file)), `${template}/${file}`).toBe(true);
    }
    expect(existsSync(join(dir, 'test-support/bundled-process.ts'))).toBe(true);
    expect(existsSync(join(dir, 'containers/adapter'))).toBe(false);
    expect(readFileSync(join(dir, 'manifest.yaml'), 'utf8')).toContain('name: log-shipper');
  });

  it('writes the code the containers share (shared/), so each added container bundles as `npm run build` bundles it', async () => {
    const { dir } = copyFixture('shop.before.yaml');
    const result = await add(dir, ['sidecar,ambassador', '--to', 'manifest.yaml']);
    expect(result.exitCode, result.stderr).toBe(0);
    const failed: string[] = [];
    for (const template of ['log-shipper', 'ambassador', 'upstream']) {
      const bundled = await build({
        entryPoints: [join(dir, 'containers', template, 'src/index.ts')],
        bundle: true,
        platform: 'node',
        write: false,
        logLevel: 'silent',
      }).catch((error: Error) => error);
      if (bundled instanceof Error) failed.push(`${template}: ${bundled.message}`);
    }
    expect(failed).toEqual([]);
  });

  it('leaves a containers/<helper>/ folder already there as it is, adding nothing into it', async () => {
    const { dir } = copyFixture('shop.before.yaml');
    mkdirSync(join(dir, 'containers/adapter/src'), { recursive: true });
    writeFileSync(join(dir, 'containers/adapter/src/index.ts'), '// mine\n');
    const result = await add(dir, ['adapter', '--to', 'manifest.yaml']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'containers/adapter/src/index.ts'), 'utf8')).toBe('// mine\n');
    expect(existsSync(join(dir, 'containers/adapter/src/translate.ts'))).toBe(false);
  });

  it('--dry-run lists the code folders too, and writes nothing', async () => {
    const { dir } = copyFixture('shop.before.yaml');
    const result = await add(dir, ['adapter', '--to', 'manifest.yaml', '--dry-run']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('containers/adapter/src/index.ts');
    expect(existsSync(join(dir, 'containers'))).toBe(false);
  });
});
