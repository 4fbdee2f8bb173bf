import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/cli/options.js';
import { planProject } from '../src/plan/project-plan.js';
import { runCli } from './support/cli.js';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The bundled CLI renders precompiled templates and leaves out code it never runs
 * (scripts/build.mjs); it must still write what the source writes, byte for byte.
 */
describe('the bundled CLI', () => {
  it.each(['singleton', 'sidecar', 'ambassador', 'adapter'])('plans the same %s files, of the same sizes, as the source', async (pattern) => {
    const args = ['demo', '--pattern', pattern, '--namespace', 'ns', '--yes'];
    const dry = await runCli([...args, '--dry-run']);
    const listed = Object.fromEntries([...dry.stdout.matchAll(/^ {2}(\S+) {2}\((\d+) bytes\)$/gm)].map((m) => [m[1], Number(m[2])]));
    const plan = planProject(resolveOptions({ directory: 'demo', pattern, namespace: 'ns', yes: true }));
    expect(listed).toEqual(Object.fromEntries(plan.files.map((f) => [f.path, Buffer.byteLength(f.content)])));
  });

  it('needs no schema format it leaves out: the Kubernetes schemas use only these', () => {
    const used = new Set<string>();
    for (const pkg of ['kubernetes-models', '@kubernetes-models/apimachinery']) {
      const dir = join(ROOT, 'node_modules', pkg, '_schemas');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')))
        for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/formats(?:\.([\w$]+)|\["([^"]+)"\])/g)) used.add(m[1] ?? m[2]!);
    }
    // Kept: ajv-formats' full set and kubernetes-models' own (byte, quantity); left out: draft-2019 and cidr.
    expect([...used].filter((f) => !['byte', 'date-time', 'double', 'int32', 'int64', 'quantity'].includes(f))).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });
});
