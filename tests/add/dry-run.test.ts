/**
 * `--dry-run` prints a unified diff of every file `add` would change or add, and writes
 * nothing. The diff is checked by applying it with `git apply`: it must give exactly what the
 * real run writes.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { listFiles, runCli, workspace } from '../support/cli.js';
import { add, copyFixture, fixture } from './support.js';

const contents = (root: string) => listFiles(root).map((path) => [path, readFileSync(join(root, path), 'utf8')]);

async function applyPatch(dir: string, diff: string) {
  // Outside any repository, git apply acts as patch(1) does, with stricter checks of the hunks.
  const result = await execa('git', ['apply', '--whitespace=nowarn', '-'], { cwd: dir, input: diff, reject: false });
  expect(result.exitCode, result.stderr + result.stdout).toBe(0);
}

describe('add --dry-run', () => {
  it("on a file: prints the diff and the app's part, writes nothing, and the diff gives the real result", async () => {
    const { dir, file } = copyFixture('shop.before.yaml');
    const result = await add(dir, ['sidecar,adapter', '--to', 'manifest.yaml', '--dry-run']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^--- a\/manifest.yaml\n\+\+\+ b\/manifest.yaml\n@@ -19,7 \+19,114 @@\n/);
    expect(result.stdout).toContain('Dry run: nothing written.');
    expect(result.stdout).toContain(
      'write its access log, one line per request, to /var/log/app/access.log (the env var ACCESS_LOG holds it)',
    );
    expect(result.stdout).toContain('serve its status as a JSON object at http://127.0.0.1:3000/status');
    expect(readFileSync(file, 'utf8')).toBe(fixture('shop.before.yaml'));
    await applyPatch(dir, result.stdout.slice(0, result.stdout.indexOf('Dry run:')));
    expect(readFileSync(file, 'utf8')).toBe(fixture('shop.sidecar-adapter.after.yaml'));
  });

  it('on a file with no newline at its end: the diff says so, and still gives the real result (git apply refused it)', async () => {
    // The pod spec's last line is the file's: what add appends after it comes into the hunk.
    const unfinished = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
      - name: web
        image: example/web:1
        ports:
        - containerPort: 8080`;
    const dir = workspace();
    const real = workspace();
    for (const at of [dir, real]) writeFileSync(join(at, 'manifest.yaml'), unfinished);
    const dry = await add(dir, ['sidecar', '--to', 'manifest.yaml', '--dry-run']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect((await add(real, ['sidecar', '--to', 'manifest.yaml'])).exitCode).toBe(0);
    const diff = dry.stdout.slice(0, dry.stdout.indexOf('Dry run:'));
    expect(diff).toContain('-        - containerPort: 8080\n\\ No newline at end of file\n');
    await applyPatch(dir, diff);
    expect(readFileSync(join(dir, 'manifest.yaml'), 'utf8')).toBe(readFileSync(join(real, 'manifest.yaml'), 'utf8'));
  });

  it('in a project: a diff for every changed file and every new one, nothing written', async () => {
    const work = workspace();
    const project = join(work, 'project');
    expect((await runCli([project, '--pattern', 'singleton', '--name', 'shop', '--yes'])).exitCode).toBe(0);
    const before = contents(project);
    const dry = await add(project, ['ambassador', '--dry-run']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(contents(project)).toEqual(before);
    for (const path of ['README.md', 'k8s/deployment.yaml', 'k8s/kustomization.yaml', 'package.json'])
      expect(dry.stdout).toContain(`--- a/${path}\n+++ b/${path}\n`);
    for (const path of ['k8s/upstream-primary.yaml', 'containers/ambassador/src/proxy.ts', 'containers/upstream/Dockerfile'])
      expect(dry.stdout).toContain(`--- /dev/null\n+++ b/${path}\n`);

    const real = join(work, 'real');
    cpSync(project, real, { recursive: true });
    expect((await add(real, ['ambassador'])).exitCode).toBe(0);
    await applyPatch(project, dry.stdout.slice(0, dry.stdout.indexOf('Dry run:')));
    expect(contents(project)).toEqual(contents(real));
  });
});
