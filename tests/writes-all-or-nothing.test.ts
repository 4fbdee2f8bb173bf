import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertPathsInside, joinInside } from '../src/write/safe-paths.js';
import { writeProject } from '../src/write/write-project.js';
import { listFiles, runCli, workspace } from './support/cli.js';
import { canMakeImmutable, canMount, differences, mountTmpfs, setImmutable, snapshot } from './support/tree.js';

/** A generated project the user has since edited: every file changed, and one file of their own. */
async function editedProject(ws: string, pattern = 'singleton'): Promise<string> {
  const dir = join(ws, 'demo');
  expect((await runCli([dir, '--pattern', pattern, '--yes'])).exitCode).toBe(0);
  for (const file of listFiles(dir)) appendFileSync(join(dir, file), '\n# edited by the user\n');
  writeFileSync(join(dir, 'NOTES.md'), 'mine');
  return dir;
}

const stagingLeftIn = (dir: string) => readdirSync(dir).filter((name) => name.includes('staging') || name.includes('create-pod-pattern'));

describe('writing a project is all or nothing', () => {
  it('--dry-run lists every file it would write and writes nothing', async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'demo'), '--pattern', 'ambassador', '--yes', '--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/Would write \d+ files .*nothing written/);
    for (const path of [
      'README.md',
      'package.json',
      'k8s/deployment.yaml',
      'k8s/upstream-primary.yaml',
      'containers/ambassador/Dockerfile',
    ])
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

  it('writes into an existing empty directory in place: the folder itself is kept (same inode)', async () => {
    const ws = workspace();
    mkdirSync(join(ws, 'demo'));
    const inode = statSync(join(ws, 'demo')).ino;
    expect((await runCli([join(ws, 'demo'), '--pattern', 'singleton', '--yes'])).exitCode).toBe(0);
    expect(existsSync(join(ws, 'demo/k8s/deployment.yaml'))).toBe(true);
    expect(statSync(join(ws, 'demo')).ino).toBe(inode);
  });

  it('"." in an empty folder fills the current folder itself, so the shell is not left in a deleted one', async () => {
    const ws = workspace();
    const here = join(ws, 'my-service');
    mkdirSync(here);
    const inode = statSync(here).ino;
    const result = await runCli(['.', '--pattern', 'sidecar', '--yes'], { cwd: here });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(statSync(here).ino).toBe(inode);
    expect(listFiles(here)).toContain('k8s/deployment.yaml');
    expect(JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).name).toBe('my-service');
  });

  it.skipIf(!canMount)('an empty mount point is filled in place (no EBUSY), and stays the mount point', async () => {
    const ws = workspace();
    const unmount = mountTmpfs(join(ws, 'mnt'));
    try {
      const device = statSync(join(ws, 'mnt')).dev;
      const result = await runCli([join(ws, 'mnt'), '--pattern', 'sidecar', '--name', 'demo', '--yes']);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(statSync(join(ws, 'mnt')).dev).toBe(device);
      expect(statSync(join(ws, 'mnt/k8s/deployment.yaml')).dev).toBe(device);
      expect(readdirSync(join(ws, 'mnt')).filter((n) => n.startsWith('.cpp-'))).toEqual([]);
    } finally {
      unmount();
    }
  });

  it.skipIf(!canMount)('--force where a folder of the project is another file system (EXDEV) copies across it', async () => {
    const ws = workspace();
    const dir = await editedProject(ws);
    const before = snapshot(dir);
    const unmount = mountTmpfs(join(dir, 'containers'));
    try {
      const result = await runCli([dir, '--pattern', 'sidecar', '--yes', '--force']);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(listFiles(join(dir, 'containers'))).toContain('log-shipper/src/shipper.ts');
      expect(readFileSync(join(dir, 'k8s/deployment.yaml'), 'utf8')).toContain('log-shipper');
      expect(readFileSync(join(dir, 'NOTES.md'), 'utf8')).toBe('mine');
      expect(Object.keys(before).length).toBeGreaterThan(30);
    } finally {
      unmount();
    }
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
    expect(stagingLeftIn(join(ws, 'demo'))).toEqual([]);
  });

  it.skipIf(!canMakeImmutable)(
    '--force where one file halfway cannot be replaced (exit 1) leaves every file of the target as it was',
    async () => {
      const ws = workspace();
      const dir = await editedProject(ws);
      // Late in the order of writing, so most files would already be replaced.
      const stuck = listFiles(dir)
        .filter((f) => f.startsWith('scripts/'))
        .at(-1)!;
      setImmutable(join(dir, stuck), true);
      const before = snapshot(ws);
      try {
        const result = await runCli([dir, '--pattern', 'sidecar', '--yes', '--force']);
        expect(result.exitCode).toBe(1);
        expect(result.stderr).toContain('Nothing was written');
        const changed = differences(before, snapshot(ws));
        expect(changed, `${changed.length} entries changed`).toEqual([]);
      } finally {
        setImmutable(join(dir, stuck), false);
      }
      // Once it can be replaced, the same run goes through.
      expect((await runCli([dir, '--pattern', 'sidecar', '--yes', '--force'])).exitCode).toBe(0);
      expect(readFileSync(join(dir, 'k8s/deployment.yaml'), 'utf8')).toContain('log-shipper');
    },
  );

  it.skipIf(!canMakeImmutable)('--force where a folder of the project cannot take new entries (exit 1) changes nothing', async () => {
    const ws = workspace();
    const dir = await editedProject(ws);
    setImmutable(join(dir, 'k8s'), true);
    const before = snapshot(ws);
    try {
      const result = await runCli([dir, '--pattern', 'ambassador', '--yes', '--force']);
      expect(result.exitCode).toBe(1);
      expect(differences(before, snapshot(ws))).toEqual([]);
    } finally {
      setImmutable(join(dir, 'k8s'), false);
    }
  });

  it('--force never writes through a symbolic link inside the target that leads out of it: exit 2, nothing touched', async () => {
    const ws = workspace();
    const dir = await editedProject(ws);
    mkdirSync(join(ws, 'outside'));
    writeFileSync(join(ws, 'outside/deployment.yaml'), 'not yours');
    execFileSync('rm', ['-r', join(dir, 'k8s')]);
    symlinkSync(join(ws, 'outside'), join(dir, 'k8s'));
    const before = snapshot(ws);
    const result = await runCli([dir, '--pattern', 'singleton', '--yes', '--force']);
    expect(result.stderr).toMatch(/k8s is a symbolic link, and the project never writes through one/);
    expect(result.exitCode).toBe(2);
    expect(differences(before, snapshot(ws))).toEqual([]);
  });

  it('creates missing parent folders, and leaves no staging folder behind', async () => {
    const ws = workspace();
    expect((await runCli([join(ws, 'a/b/demo'), '--pattern', 'singleton', '--yes'])).exitCode).toBe(0);
    expect(listFiles(join(ws, 'a/b')).every((f) => f.startsWith('demo/'))).toBe(true);
    expect(readdirSync(join(ws, 'a/b'))).toEqual(['demo']);
  });

  it('a folder name of 230 characters works: the staging folder is not named after it', async () => {
    const ws = workspace();
    const dir = join(ws, 'd'.repeat(230));
    const result = await runCli([dir, '--pattern', 'sidecar', '--name', 'demo', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(readdirSync(ws)).toEqual(['d'.repeat(230)]);
    expect(listFiles(dir)).toContain('k8s/deployment.yaml');
  });

  it.skipIf(!canMakeImmutable)(
    'a failure while writing (exit 1) leaves nothing behind: no project, no staging folder, no created parents',
    async () => {
      const ws = workspace();
      mkdirSync(join(ws, 'locked'));
      // Not even root can create entries in an immutable folder.
      setImmutable(join(ws, 'locked'), true);
      try {
        const result = await runCli([join(ws, 'locked/sub/demo'), '--pattern', 'singleton', '--yes']);
        expect(result.exitCode).toBe(1);
        expect(result.stderr).toContain('Nothing was written');
      } finally {
        setImmutable(join(ws, 'locked'), false);
      }
      expect(snapshot(ws)).toEqual({ locked: 'dir' });
    },
  );

  // Every other file is written by the thread pool (write-project.ts): a failure on either side.
  it.each([
    [
      'written on the main thread',
      [
        { path: 'a', content: '1' },
        { path: 'a/b', content: '2' },
      ],
    ],
    [
      'written by the thread pool',
      [
        { path: 'a', content: '1' },
        { path: 'b', content: '2' },
        { path: 'b/c', content: '3' },
      ],
    ],
  ])('a failure halfway through the files (a file %s) removes the staging folder and leaves the target untouched', async (_, files) => {
    const ws = workspace();
    // One file cannot be written: its path is a folder another file needs.
    await expect(writeProject(join(ws, 'new/demo'), files, { force: false })).rejects.toThrow(/EEXIST/);
    expect(listFiles(ws)).toEqual([]);
    expect(existsSync(join(ws, 'new'))).toBe(false);
  });

  it('refuses any planned path outside the project folder', () => {
    for (const bad of ['../escape', '/etc/passwd', 'a/../../b', '', 'a\\b'])
      expect(() => assertPathsInside('/tmp/project', [bad]), bad).toThrow(/outside/);
    expect(() => assertPathsInside('/tmp/project', ['k8s/deployment.yaml', 'containers/app/src/index.ts'])).not.toThrow();
  });

  // The check lets plain paths through without path.resolve (safe-paths.ts): it must still
  // refuse exactly what the resolve-based check refuses, and joinInside must be path.join.
  it('refuses exactly what resolving each path would refuse, and joins as path.join does', () => {
    const resolvedInside = (p: string) => {
      const rel = relative('/tmp/project', resolve('/tmp/project', p));
      return !(!p || isAbsolute(p) || p.includes('\\') || /[\0\n\r]/.test(p) || rel === '' || rel.startsWith('..') || isAbsolute(rel));
    };
    const names = ['', '.', '..', '...', '..a', 'a..', '.a', 'a', 'a b', 'a\\b', 'a\nb', 'a\0b', 'a\rb', '~', 'C:', 'a:b'];
    const paths = names.flatMap((a) => [a, `/${a}`, `${a}/`, ...names.flatMap((b) => [`${a}/${b}`, `${a}/${b}/c`, `c/${a}/${b}`])]);
    for (const p of paths) {
      const refused = (() => {
        try {
          assertPathsInside('/tmp/project', [p]);
          return false;
        } catch {
          return true;
        }
      })();
      expect(refused, JSON.stringify(p)).toBe(!resolvedInside(p));
      if (!refused) expect(joinInside('/tmp/project/new', p), JSON.stringify(p)).toBe(join('/tmp/project/new', p));
    }
  });
});
