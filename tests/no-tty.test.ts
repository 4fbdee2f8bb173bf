import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, readYaml, runCli, workspace } from './support/cli.js';

describe('without a TTY the CLI never prompts', () => {
  it('a missing pattern is an error (exit 2) that says how to mend it, and nothing is written', async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'demo')]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/no pattern given: pass --pattern <singleton\|sidecar\|ambassador\|adapter\|anti-pattern>/);
    expect(existsSync(join(ws, 'demo'))).toBe(false);
  });

  it('a missing directory is an error (exit 2) unless --yes', async () => {
    const ws = workspace();
    const result = await runCli(['--pattern', 'sidecar'], { cwd: ws });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no directory given');
    expect(listFiles(ws)).toEqual([]);
  });

  it('--yes takes the default for everything not given', async () => {
    const ws = workspace();
    const result = await runCli(['--yes'], { cwd: ws });
    expect(result.exitCode).toBe(0);
    const [deployment] = readYaml(join(ws, 'pod-pattern/k8s/deployment.yaml'));
    expect(deployment.metadata.name).toBe('pod-pattern');
    expect(deployment.metadata.labels['app.kubernetes.io/component']).toBe('singleton');
  });

  it('given flags are enough: no --yes needed when the directory and pattern are given', async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'svc'), '--pattern', 'adapter']);
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(ws, 'svc/containers/adapter/Dockerfile'))).toBe(true);
  });
});
