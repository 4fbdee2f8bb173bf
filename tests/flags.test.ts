import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifests } from '../src/manifests/project-manifests.js';
import { readJson, readYaml, runCli, workspace } from './support/cli.js';

async function generate(args: string[], dirName = 'demo') {
  const ws = workspace();
  const dir = join(ws, dirName);
  const result = await runCli([dir, ...args]);
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  const deployment = readYaml(join(dir, 'k8s/deployment.yaml'))[0];
  return { dir, result, deployment, pod: deployment.spec.template.spec };
}

const env = (container: any) => Object.fromEntries(container.env.map((e: any) => [e.name, e.value]));
const allContainers = (pod: any) => [...(pod.initContainers ?? []), ...pod.containers];

describe('command-line flags', () => {
  it('--name names the workload, its Service, its images and the package', async () => {
    const { dir, deployment, pod } = await generate(['-p', 'sidecar', '--name', 'shop', '--yes'], 'folder');
    expect(deployment.metadata.name).toBe('shop');
    expect(readYaml(join(dir, 'k8s/service.yaml'))[0].metadata.name).toBe('shop');
    expect(allContainers(pod).map((c: any) => c.image)).toEqual(['local/shop-log-shipper:dev', 'local/shop-app:dev']);
    expect(readJson(join(dir, 'package.json')).name).toBe('shop');
  });

  it("defaults the name to the directory's base name", async () => {
    const { deployment } = await generate(['--pattern', 'singleton', '--yes'], 'web-api');
    expect(deployment.metadata.name).toBe('web-api');
  });

  it('--namespace puts every object in the namespace and ships a namespace that enforces the restricted profile', async () => {
    const { dir } = await generate(['--pattern', 'ambassador', '--namespace', 'demo-ns', '--yes']);
    const kustomization = readYaml(join(dir, 'k8s/kustomization.yaml'))[0];
    expect(kustomization.namespace).toBe('demo-ns');
    const namespace = readYaml(join(dir, 'k8s/namespace.yaml'))[0];
    expect(namespace.metadata.name).toBe('demo-ns');
    expect(namespace.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    for (const file of kustomization.resources.filter((r: string) => r !== 'namespace.yaml'))
      for (const object of readYaml(join(dir, 'k8s', file))) expect(object.metadata.namespace).toBe('demo-ns');
  });

  it("--namespace default puts every object there, but ships no Namespace object: the cluster's own is not relabelled", async () => {
    const { dir, result } = await generate(['--pattern', 'sidecar', '--namespace', 'default', '--yes']);
    const kustomization = readYaml(join(dir, 'k8s/kustomization.yaml'))[0];
    expect(kustomization.namespace).toBe('default');
    expect(kustomization.resources).not.toContain('namespace.yaml');
    for (const file of kustomization.resources)
      for (const object of readYaml(join(dir, 'k8s', file))) {
        expect(object.kind).not.toBe('Namespace');
        expect(object.metadata.namespace).toBe('default');
      }
    expect(result.stdout).toMatch(/Namespace default belongs to the cluster: .*does not create, label or delete it/);
  });

  it('no cluster-owned namespace (default, kube-*) is ever shipped as an object, whatever reaches the manifests', () => {
    for (const namespace of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      const options = {
        lang: 'en',
        directory: 'x',
        pattern: 'adapter',
        name: 'x',
        namespace,
        port: 8080,
        replicas: 1,
        sidecarMode: 'native',
        target: 'kind',
        imagePrefix: 'local/',
      } as const;
      const files = buildManifests(options);
      expect(
        files.map((f) => f.path),
        namespace,
      ).not.toContain('k8s/namespace.yaml');
      const kinds = files.flatMap((f) => f.objects.map((o) => (o as { kind?: string }).kind));
      expect(kinds, namespace).not.toContain('Namespace');
    }
  });

  it('without --namespace no object names a namespace', async () => {
    const { dir } = await generate(['--pattern', 'adapter', '--yes']);
    expect(readFileSync(join(dir, 'k8s/deployment.yaml'), 'utf8')).not.toContain('namespace:');
    expect(readYaml(join(dir, 'k8s/kustomization.yaml'))[0].namespace).toBeUndefined();
  });

  it('--port sets the app container port, its PORT and every reference to it', async () => {
    const { dir, pod } = await generate(['--pattern', 'adapter', '--port', '3000', '--yes']);
    const app = pod.containers.find((c: any) => c.name === 'app');
    expect(app.ports[0].containerPort).toBe(3000);
    expect(env(app).PORT).toBe('3000');
    const adapter = pod.initContainers.find((c: any) => c.name === 'adapter');
    expect(env(adapter).APP_STATUS_URL).toBe('http://127.0.0.1:3000/status');
    const service = readYaml(join(dir, 'k8s/service.yaml'))[0];
    expect(service.spec.ports.find((p: any) => p.name === 'http').targetPort).toBe('http');
  });

  it('the app port defaults to 8080 and replicas to 1', async () => {
    const { deployment, pod } = await generate(['--pattern', 'singleton', '--yes']);
    expect(pod.containers[0].ports[0].containerPort).toBe(8080);
    expect(deployment.spec.replicas).toBe(1);
  });

  it('--replicas sets the Deployment replicas', async () => {
    const { deployment } = await generate(['--pattern', 'singleton', '--replicas', '3', '--yes']);
    expect(deployment.spec.replicas).toBe(3);
  });

  it('--sidecar-mode classic puts helpers in containers; native (default) makes them restartable init containers', async () => {
    const classic = await generate(['--pattern', 'sidecar', '--sidecar-mode', 'classic', '--yes']);
    expect(classic.pod.containers.map((c: any) => c.name)).toEqual(['app', 'log-shipper']);
    expect(classic.pod.initContainers).toBeUndefined();
    const native = await generate(['--pattern', 'sidecar', '--sidecar-mode', 'native', '--yes']);
    expect(native.pod.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['log-shipper', 'Always']]);
  });

  it('--target podman never emits native sidecars and is recorded for the deploy script', async () => {
    const { dir, pod } = await generate(['--pattern', 'ambassador', '--target', 'podman', '--yes']);
    expect(pod.initContainers).toBeUndefined();
    expect(pod.containers.map((c: any) => c.name)).toEqual(['app', 'ambassador']);
    expect(readJson(join(dir, 'package.json')).config.target).toBe('podman');
  });

  it('--target defaults to kind', async () => {
    const { dir } = await generate(['--pattern', 'singleton', '--yes']);
    expect(readJson(join(dir, 'package.json')).config.target).toBe('kind');
  });

  it('--image-prefix prefixes every image, companions included', async () => {
    const { dir, pod } = await generate(['--pattern', 'ambassador', '--image-prefix', 'registry.local:5000/team/', '--yes']);
    expect(
      allContainers(pod)
        .map((c: any) => c.image)
        .sort(),
    ).toEqual(['registry.local:5000/team/demo-ambassador:dev', 'registry.local:5000/team/demo-app:dev']);
    const upstream = readYaml(join(dir, 'k8s/upstream-primary.yaml'))[0];
    expect(upstream.spec.template.spec.containers[0].image).toBe('registry.local:5000/team/demo-upstream:dev');
  });

  it('-h/--help prints the usage with every option, and -v/--version the version', async () => {
    for (const flag of ['-h', '--help']) {
      const result = await runCli([flag]);
      expect(result.exitCode).toBe(0);
      for (const option of [
        '--pattern',
        '--name',
        '--namespace',
        '--port',
        '--replicas',
        '--sidecar-mode',
        '--target',
        '--image-prefix',
        '--yes',
        '--force',
        '--dry-run',
      ])
        expect(result.stdout).toContain(option);
    }
    const pkg = readJson(join(import.meta.dirname, '../package.json'));
    for (const flag of ['-v', '--version']) expect((await runCli([flag])).stdout.trim()).toBe(pkg.version);
  });
});
