/**
 * `add` in a generated project. Untouched, the project after `add` is the project the
 * generator makes for the new set of helpers, byte for byte and mode for mode; edited, the
 * user's edits stay and the files are edited in place.
 */
import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, runCli, workspace } from '../support/cli.js';
import { add } from './support.js';

async function generate(dir: string, pattern: string, flags: string[] = []) {
  const result = await runCli([dir, '--pattern', pattern, '--name', 'shop', '--yes', ...flags]);
  expect(result.exitCode, result.stderr).toBe(0);
  return dir;
}

/** Every file of a project: its path, mode and bytes. */
function tree(root: string) {
  return listFiles(root).map((path) => ({
    path,
    mode: statSync(join(root, path)).mode & 0o777,
    content: readFileSync(join(root, path), 'utf8'),
  }));
}

const CASES = [
  { from: 'singleton', helpers: 'sidecar', flags: [] },
  { from: 'singleton', helpers: 'ambassador', flags: [] },
  { from: 'singleton', helpers: 'adapter', flags: [] },
  { from: 'singleton', helpers: 'adapter,ambassador,sidecar', flags: [] },
  { from: 'sidecar', helpers: 'adapter', flags: [] },
  { from: 'ambassador', helpers: 'sidecar', flags: ['--target', 'podman'] },
  {
    from: 'adapter',
    helpers: 'ambassador',
    flags: ['--lang', 'ko', '--namespace', 'shop', '--port', '3000', '--image-prefix', 'reg.local/'],
  },
];

describe('add in an untouched generated project', () => {
  it.each(CASES)('$from + $helpers $flags gives the generated project of both', async ({ from, helpers, flags }) => {
    const work = workspace();
    const project = await generate(join(work, 'project'), from, flags);
    const wanted = await generate(join(work, 'wanted'), [from, helpers].filter((p) => p !== 'singleton').join(','), flags);
    const result = await add(project, [helpers]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(tree(project)).toEqual(tree(wanted));
  });
});

describe('add in a project made before shared/ existed', () => {
  it('writes the code the containers import (shared/, test-support/), so the project is again the generated one', async () => {
    const work = workspace();
    const project = await generate(join(work, 'project'), 'singleton');
    const wanted = await generate(join(work, 'wanted'), 'sidecar');
    rmSync(join(project, 'shared'), { recursive: true });
    rmSync(join(project, 'test-support'), { recursive: true });
    const result = await add(project, ['sidecar']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(tree(project)).toEqual(tree(wanted));
  });
});

describe('add in a generated project the user has edited', () => {
  it('keeps their edits, edits the manifests and package.json in place, and says which file it left alone', async () => {
    const project = await generate(join(workspace(), 'project'), 'singleton');
    const deployment = join(project, 'k8s/deployment.yaml');
    const edited = readFileSync(deployment, 'utf8').replace('  replicas: 1\n', '  replicas: 1 # two at peak, says ops\n');
    writeFileSync(deployment, edited);
    appendFileSync(join(project, 'README.md'), '\n## Our notes\nAsk ops before deploying.\n');
    const readme = readFileSync(join(project, 'README.md'), 'utf8');
    writeFileSync(join(project, 'k8s/extra.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n');
    appendFileSync(join(project, 'k8s/kustomization.yaml'), '  - extra.yaml # ours\n');
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    pkg.scripts.lint = 'biome check .';
    writeFileSync(join(project, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

    const first = await add(project, ['adapter']);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toContain('README.md holds your own edits, so it was left as is');
    const second = await add(project, ['ambassador']);
    expect(second.exitCode, second.stderr).toBe(0);

    const now = readFileSync(deployment, 'utf8');
    expect(now).toContain('  replicas: 1 # two at peak, says ops\n');
    for (const name of ['adapter', 'ambassador']) expect(now).toContain(`- name: ${name}\n`);
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toBe(readme);
    const kustomization = readFileSync(join(project, 'k8s/kustomization.yaml'), 'utf8');
    expect(kustomization).toContain('  - extra.yaml # ours\n');
    expect(kustomization).toMatch(/- upstream-primary.yaml\n {2}- upstream-backup.yaml\n$/);
    const after = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(after.scripts.lint).toBe('biome check .');
    expect(after.devDependencies['prom-client']).toBeDefined();
    expect(readFileSync(join(project, 'k8s/service.yaml'), 'utf8')).toContain('name: metrics\n      port: 9102\n');
    for (const folder of ['adapter', 'ambassador', 'upstream'])
      expect(listFiles(join(project, 'containers', folder)).length).toBeGreaterThan(3);
    for (const file of ['upstream-primary.yaml', 'upstream-backup.yaml']) expect(statSync(join(project, 'k8s', file)).isFile()).toBe(true);

    const lint = await runCli(['lint', join(project, 'k8s'), '--only', 'pod-design']);
    expect(lint.exitCode, lint.stdout).toBe(0);
  });

  it('edits package.json by inserting the one dependency line: the rest keeps its layout (it was printed again whole)', async () => {
    const project = await generate(join(workspace(), 'project'), 'singleton');
    const file = join(project, 'package.json');
    const text = readFileSync(file, 'utf8').replace(/\n\}\n$/, ',\n  "keywords": ["k8s", "pod"]\n}\n');
    writeFileSync(file, text);
    expect((await add(project, ['adapter'])).exitCode).toBe(0);
    const before = text.split('\n');
    const after = readFileSync(file, 'utf8').split('\n');
    expect(after.filter((line) => !before.includes(line))).toEqual([expect.stringMatching(/^ {4}"prom-client": "\^15\.\d+\.\d+",?$/)]);
    expect(after).toContain('  "keywords": ["k8s", "pod"]');
  });

  it.each([
    [
      'k8s/kustomization.yaml',
      'ambassador',
      (text: string) => `${text}  - [oops\n`,
      /k8s\/kustomization\.yaml of the project does not read \(.+\).*mend it and run add again/,
    ],
    [
      'package.json',
      'adapter',
      (text: string) => text.replace(/\n\}\n$/, ',\n}\n'),
      /package\.json of the project does not read \(.+\).*mend it and run add again/,
    ],
    [
      'k8s/kustomization.yaml',
      'ambassador',
      (text: string) => text.replace(/resources:\n(\s+- .+\n)+/, 'resources: [deployment.yaml, service.yaml]\n'),
      /cannot add to k8s\/kustomization\.yaml: resources without rewriting what you wrote \(it is written in flow style/,
    ],
  ])(
    'refuses an edited %s it cannot read or add to (add %s), exit 2, and writes nothing (was exit 0 on a broken file, or exit 1)',
    async (path, helper, edit, message) => {
      const project = await generate(join(workspace(), 'project'), 'singleton');
      writeFileSync(join(project, path), edit(readFileSync(join(project, path), 'utf8')));
      const before = tree(project);
      const result = await add(project, [helper]);
      expect(result.exitCode, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(tree(project)).toEqual(before);
    },
  );

  it("refuses a folder of the user's where the helper's code goes, and writes nothing", async () => {
    const project = await generate(join(workspace(), 'project'), 'singleton');
    mkdirSync(join(project, 'containers/log-shipper'));
    writeFileSync(join(project, 'containers/log-shipper/package.json'), '{"name":"ours"}\n');
    const before = tree(project);
    const result = await add(project, ['sidecar']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/containers\/log-shipper already exists and is not the generator's/);
    expect(tree(project)).toEqual(before);
  });
});
