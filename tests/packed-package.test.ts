import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
let home: string;

/** What a user gets: `npm pack`, install the tarball, run the bin through npx and npm create. */
describe('the packed package', () => {
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'cpp-packed-'));
    await execa('npm', ['pack', '--pack-destination', home, '--silent'], { cwd: ROOT });
    const tarball = readdirSync(home).find((f) => f.endsWith('.tgz'))!;
    await execa('npm', ['init', '-y'], { cwd: home });
    await execa('npm', ['install', '--no-audit', '--no-fund', join(home, tarball)], { cwd: home });
  }, 120_000);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it.each(['singleton', 'sidecar', 'ambassador', 'adapter'])('generates the %s pattern with npx create-pod-pattern', async (pattern) => {
    const result = await execa('npx', ['--no-install', 'create-pod-pattern', `p-${pattern}`, '--pattern', pattern, '--yes'], {
      cwd: home,
      reject: false,
    });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(home, `p-${pattern}/k8s/deployment.yaml`))).toBe(true);
    expect(existsSync(join(home, `p-${pattern}/containers/app/src/index.ts`))).toBe(true);
  });

  it('generates with npm create pod-pattern, options after --', async () => {
    const result = await execa('npm', ['create', 'pod-pattern', 'via-npm-create', '--', '--pattern', 'adapter', '--yes'], {
      cwd: home,
      reject: false,
    });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(home, 'via-npm-create/containers/adapter/Dockerfile'))).toBe(true);
  });

  it('unpacks a handful of files: the templates travel in one, dist/templates.pack', () => {
    // npm's install costs per file (it unpacks a tarball once to read its manifest, then again).
    const below = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? below(join(dir, e.name)) : [e.name]));
    const files = below(join(home, 'node_modules', 'create-pod-pattern'));
    expect(files).toContain('templates.pack');
    expect(existsSync(join(home, 'node_modules', 'create-pod-pattern', 'templates'))).toBe(false);
    expect(files.length).toBeLessThanOrEqual(12);
  });

  it('has no runtime dependencies to download: the CLI is one bundled file', async () => {
    const installed = readdirSync(join(home, 'node_modules')).filter((d) => !d.startsWith('.'));
    expect(installed).toEqual(['create-pod-pattern']);
  });
});
