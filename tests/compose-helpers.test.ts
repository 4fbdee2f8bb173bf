import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../src/lint/index.js';
import { ALL_PATTERNS, describePattern, HELPERS, helpersOf, sampleOptions } from '../src/patterns/index.js';
import { planProject } from '../src/plan/project-plan.js';
import { readYaml, runCli, workspace } from './support/cli.js';

const COMBINATIONS = ALL_PATTERNS.filter((p) => p !== 'singleton');

describe('any set of helpers around the app, in one pod', () => {
  it('has seven combinations of the three helpers, each spelled one way', () => {
    expect(COMBINATIONS).toHaveLength(7);
    expect(helpersOf('adapter,sidecar')).toEqual(helpersOf('sidecar,adapter'));
    for (const bad of ['', 'sidecar,', 'sidecar,sidecar', 'singleton,adapter', 'sidecars']) expect(helpersOf(bad), bad).toBeUndefined();
  });

  describe.each(COMBINATIONS.flatMap((p) => (['native', 'classic'] as const).map((mode) => [p, mode] as const)))(
    '%s (%s)',
    (pattern, sidecarMode) => {
      const options = sampleOptions({ pattern, sidecarMode, name: 'shop', directory: 'shop', imagePrefix: 'local/' });
      const pod = describePattern(options);
      const helpers = helpersOf(pattern)!;

      it('holds the app and every chosen helper, each once', () => {
        expect(pod.containers.map((c) => c.name)).toEqual(['app', ...helpers.map((h) => HELPERS[h](options).container.name)]);
      });

      it('binds every port once across the pod: its containers share one network', () => {
        const ports = pod.containers.flatMap((c) => c.ports.map((p) => p.containerPort));
        expect(new Set(ports).size).toBe(ports.length);
        const all = [...ports, ...pod.companions.flatMap((c) => c.container.ports.map((p) => p.containerPort))];
        expect(new Set(all).size).toBe(all.length);
      });

      it('wires each shared volume once, mounted by the containers that share it', () => {
        const names = pod.volumes.map((v) => v.name);
        expect(new Set(names).size).toBe(names.length);
        for (const v of pod.volumes)
          expect(pod.containers.filter((c) => c.mounts.some((m) => m.volume === v.name)).length).toBeGreaterThanOrEqual(2);
      });

      it('gives the app what each helper needs of it (the env every helper sets for it)', () => {
        const app = pod.containers[0]!;
        for (const h of helpers) expect(app.env).toMatchObject(HELPERS[h](options).app.env);
      });

      it('plans a project whose manifests validate, README shows every container, and lint finds nothing', async () => {
        const plan = planProject(options);
        const readme = plan.files.find((f) => f.path === 'README.md')!.content;
        for (const c of pod.containers) expect(readme).toContain(`\`${c.name}\``);
        for (const c of pod.containers) expect(plan.files.some((f) => f.path === `containers/${c.template}/src/index.ts`)).toBe(true);
        const dir = workspace();
        const { writeFileSync, mkdirSync } = await import('node:fs');
        mkdirSync(join(dir, 'k8s'));
        for (const f of plan.files.filter((f) => f.path.startsWith('k8s/'))) writeFileSync(join(dir, f.path), f.content);
        const { findings } = await lintPaths([join(dir, 'k8s')]);
        expect(findings).toEqual([]);
      });
    },
  );

  it('through the CLI: --pattern adapter,sidecar,ambassador writes one pod with all three, and refuses a port any of them holds', async () => {
    const ws = workspace();
    const result = await runCli([join(ws, 'shop'), '--pattern', 'adapter,sidecar,ambassador', '--yes']);
    expect(result.exitCode).toBe(0);
    const [deployment] = readYaml(join(ws, 'shop/k8s/deployment.yaml'));
    const spec = deployment.spec.template.spec;
    expect([...spec.containers, ...spec.initContainers].map((c: { name: string }) => c.name).sort()).toEqual([
      'adapter',
      'ambassador',
      'app',
      'log-shipper',
    ]);
    for (const port of ['9000', '9102', '9081']) {
      const clash = await runCli([join(ws, `clash-${port}`), '--pattern', 'sidecar,ambassador,adapter', '--port', port, '--yes']);
      expect(clash.exitCode, port).toBe(2);
    }
  });
});
