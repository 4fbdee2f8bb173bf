import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, readJson, readYaml, runCli, workspace } from './support/cli.js';

const EXPECTED = {
  singleton: { pod: ['app'], helpers: [], folders: ['app'], appParts: [], extraK8s: [] },
  sidecar: { pod: ['app'], helpers: ['log-shipper'], folders: ['app', 'log-shipper'], appParts: ['access-log'], extraK8s: [] },
  ambassador: {
    pod: ['app'],
    helpers: ['ambassador'],
    folders: ['ambassador', 'app', 'upstream'],
    appParts: ['upstream'],
    extraK8s: ['k8s/upstream-backup.yaml', 'k8s/upstream-primary.yaml'],
  },
  adapter: { pod: ['app'], helpers: ['adapter'], folders: ['adapter', 'app'], appParts: [], extraK8s: [] },
} as const;

describe.each(Object.entries(EXPECTED))('the %s pattern', (pattern, expected) => {
  it('writes a full project: README, package.json, k8s/ and every container with source, Dockerfile and tests', async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'demo'), '--pattern', pattern, '--yes']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('npm run dev');

    const files = listFiles(join(ws, 'demo'));
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'package.json',
        '.gitignore',
        'k8s/kustomization.yaml',
        'k8s/deployment.yaml',
        'k8s/service.yaml',
        ...expected.extraK8s,
      ]),
    );
    const folders = [...new Set(files.filter((f) => f.startsWith('containers/')).map((f) => f.split('/')[1]))].sort();
    expect(folders).toEqual([...expected.folders]);
    for (const folder of folders) {
      expect(files).toContain(`containers/${folder}/Dockerfile`);
      expect(files).toContain(`containers/${folder}/src/index.ts`);
      expect(files.some((f) => f.startsWith(`containers/${folder}/test/`) && f.endsWith('.test.ts'))).toBe(true);
    }
    // The app ships only the optional parts its pod uses: their code and their tests.
    const partsOf = (dir: string) =>
      [...new Set(files.filter((f) => f.startsWith(dir)).map((f) => f.slice(dir.length).split('/')[0]))].sort();
    expect(partsOf('containers/app/src/parts/')).toEqual([...expected.appParts]);
    expect(partsOf('containers/app/test/parts/')).toEqual([...expected.appParts]);
  });

  it('lists in kustomization.yaml exactly the k8s files it writes, and names the containers as the contract says', async () => {
    const ws = workspace();
    const dir = join(ws, 'demo');
    expect((await runCli([dir, '--pattern', pattern, '--yes'])).exitCode).toBe(0);
    const [kustomization] = readYaml(join(dir, 'k8s/kustomization.yaml'));
    const k8sFiles = listFiles(join(dir, 'k8s')).filter((f) => f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(k8sFiles);

    const [deployment] = readYaml(join(dir, 'k8s/deployment.yaml'));
    const pod = deployment.spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(expected.pod);
    expect((pod.initContainers ?? []).map((c: any) => c.name)).toEqual(expected.helpers);
    for (const c of pod.initContainers ?? []) expect(c.restartPolicy).toBe('Always');
  });

  it('gives the project the scripts the contract names', async () => {
    const ws = workspace();
    const dir = join(ws, 'demo');
    expect((await runCli([dir, '--pattern', pattern, '--yes'])).exitCode).toBe(0);
    const pkg = readJson(join(dir, 'package.json'));
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['dev', 'test', 'build', 'images', 'deploy', 'undeploy']));
    expect(pkg.name).toBe('demo');
    for (const script of ['build', 'dev', 'images', 'deploy', 'undeploy'])
      expect(existsSync(join(dir, `scripts/${script}.mjs`))).toBe(true);
  });
});
