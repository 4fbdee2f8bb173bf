import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from './support/cli.js';

const FIXTURES = resolve(import.meta.dirname, 'lint/fixtures');
const VARIANTS = [
  'singleton',
  'sidecar',
  'sidecar --sidecar-mode classic',
  'ambassador --namespace shop',
  'ambassador --target podman',
  'adapter --replicas 3',
];

describe('create-pod-pattern lint', () => {
  it.each(VARIANTS)('finds nothing to report in a project generated with --pattern %s', async (variant) => {
    const [pattern, ...flags] = variant.split(' ');
    const ws = workspace();
    expect((await runCli([join(ws, 'p'), '--pattern', pattern!, ...flags, '--yes'])).exitCode).toBe(0);
    const result = await runCli(['lint', join(ws, 'p/k8s')]);
    expect(result.stdout + result.stderr).not.toMatch(/\[[a-z-]+\]/);
    expect(result.exitCode).toBe(0);
  });

  it('reports the pod-design mistakes of a hand-written Deployment with their check ids, exit 1', async () => {
    const result = await runCli(['lint', join(FIXTURES, 'container-port-conflict/fail.yaml'), join(FIXTURES, 'undeclared-volume-mount/fail.yaml'), join(FIXTURES, 'multiple-main-services/fail.yaml')]);
    expect(result.exitCode).toBe(1);
    for (const id of ['container-port-conflict', 'undeclared-volume-mount', 'multiple-main-services']) expect(result.stdout).toContain(`[${id}]`);
  });

  it('says what is wrong with no path or a missing one, exit 2', async () => {
    expect((await runCli(['lint'])).exitCode).toBe(2);
    const missing = await runCli(['lint', '/nonexistent/k8s']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/k8s');
  });
});
