import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPathsInside } from '../src/write/safe-paths.js';
import { writeProject } from '../src/write/write-project.js';
import { listFiles, runCli, workspace } from './support/cli.js';

describe('writing a project is all or nothing', () => {
  it('--dry-run lists every file it would write and writes nothing', async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'demo'), '--pattern', 'ambassador', '--yes', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Would write \d+ files .*nothing written/);
    for (const path of ['README.md', 'package.json', 'k8s/deployment.yaml', 'k8s/upstream-primary.yaml', 'containers/ambassador/Dockerfile'])
      expect(result.stdout).toContain(`  ${path}  (`);
    expect(listFiles(ws)).toEqual([]);
  });

  it('the dry run lists exactly the files a real run writes', async () => {
    const ws = workspace();
    const dry = await runCli([join(ws, 'demo'), '--pattern', 'sidecar', '--yes', '--dry-run']);
    const listed = [...dry.stdout.matchAll(/^ {2}(\S+) {2}\(/gm)].map((m) => m[1]).sort();
    expect((await runCli([join(ws, 'demo'), '--pattern', 'sidecar', '--yes'])).exitCode).toBe(0);
    expect(listFiles(join(ws, 'demo'))).toEqual(listed);
  });

  it('writes into an existing empty directory', async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'demo'));
    expect((await runCli([join(ws, 'demo'), '--pattern', 'singleton', '--yes'])).exitCode).toBe(0);
    expect(existsSync(join(ws, 'demo/k8s/deployment.yaml'))).toBe(true);
  });

  it('--force writes into a non-empty directory, replacing the files it generates and keeping the others', async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'demo'));
    writeFileSync(join(ws, 'demo/notes.txt'), 'mine');
    writeFileSync(join(ws, 'demo/README.md'), 'old');
    const result = await runCli([join(ws, 'demo'), '--pattern', 'singleton', '--yes', '--force']);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(ws, 'demo/notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(ws, 'demo/README.md'), 'utf8')).toContain('Singleton');
  });

  it('creates missing parent folders, and leaves no staging folder behind', async () => {
    const ws = workspace();
    expect((await runCli([join(ws, 'a/b/demo'), '--pattern', 'singleton', '--yes'])).exitCode).toBe(0);
    expect(listFiles(join(ws, 'a/b')).every((f) => f.startsWith('demo/'))).toBe(true);
  });

  it('a failure while writing (exit 1) leaves nothing behind: no project, no staging folder, no created parents', async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'locked'));
    chmodSync(join(ws, 'locked'), 0o500);
    // As root, permissions do not stop writes; a parent that is a file fails for everyone.
    writeFileSync(join(ws, 'locked/file'), 'x');
    const result = await runCli([join(ws, 'locked/file/sub/demo'), '--pattern', 'singleton', '--yes']);
    chmodSync(join(ws, 'locked'), 0o700);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Nothing was written');
    expect(listFiles(ws)).toEqual(['locked/file']);
  });

  it('a failure halfway through the files removes the staging folder and leaves the target untouched', async () => {
    const ws = workspace();
    // The second file cannot be written: its parent is the first file.
    const files = [{ path: 'a', content: '1' }, { path: 'a/b', content: '2' }];
    await expect(writeProject(join(ws, 'new/demo'), files, { force: false })).rejects.toThrow();
    expect(listFiles(ws)).toEqual([]);
    expect(existsSync(join(ws, 'new'))).toBe(false);
  });

  it('refuses any planned path outside the project folder', () => {
    for (const bad of ['../escape', '/etc/passwd', 'a/../../b', '', 'a\\b'])
      expect(() => assertPathsInside('/tmp/project', [bad]), bad).toThrow(/outside/);
    expect(() => assertPathsInside('/tmp/project', ['k8s/deployment.yaml', 'containers/app/src/index.ts'])).not.toThrow();
  });
});
