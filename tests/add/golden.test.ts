/**
 * `add` on hand-written manifests, against golden after-files: comments, anchors and aliases,
 * flow and block styles, a %YAML directive, 4-space indents, a file without a last newline,
 * several documents of other kinds. Outside what it adds, nothing may differ by one byte.
 */
import { readFileSync } from 'node:fs';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { lintDocuments } from '../../src/lint/lint.js';
import { findCheck } from '../../src/lint/registry.js';
import { add, copyFixture, documentTexts, fixture } from './support.js';

const CASES = [
  { before: 'shop.before.yaml', args: ['sidecar,adapter'], after: 'shop.sidecar-adapter.after.yaml', edited: 1 },
  { before: 'shop.before.yaml', args: ['ambassador', '--sidecar-mode', 'classic'], after: 'shop.ambassador-classic.after.yaml', edited: 1 },
  { before: 'jobs.before.yaml', args: ['ambassador', '--deployment', 'worker'], after: 'jobs.worker.ambassador.after.yaml', edited: 2 },
];

/** Lines of `before` must all be in `after`, in order: add only adds. */
function removedLines(before: string, after: string): string[] {
  const rest = after.split('\n');
  const missing: string[] = [];
  let at = 0;
  for (const line of before.split('\n')) {
    const found = rest.indexOf(line, at);
    if (found === -1) missing.push(line);
    else at = found + 1;
  }
  return missing;
}

describe.each(CASES)('add $args to $before', ({ before, args, after, edited }) => {
  it('writes exactly the golden file', async () => {
    const { dir, file } = copyFixture(before);
    const result = await add(dir, [...args, '--to', 'manifest.yaml']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(fixture(after));
  });

  it('keeps every other document byte for byte, and every line of the edited one', () => {
    const was = documentTexts(fixture(before));
    const now = documentTexts(fixture(after));
    expect(now).toHaveLength(was.length);
    const changed = was.flatMap((text, i) => (now[i] === text ? [] : [i]));
    expect(changed).toEqual([edited]);
    expect(removedLines(was[edited]!, now[edited]!)).toEqual([]);
  });

  it('gives a schema-valid Deployment with the helpers, clean of pod-design findings', () => {
    const objects = parseAllDocuments(fixture(after)).map((d) => d.toJS());
    const deployment = objects[edited];
    expect(() => new Deployment(deployment).validate()).not.toThrow();
    const podDesign = lintDocuments(objects.map((object) => ({ object }))).filter((f) => findCheck(f.check)?.family === 'pod-design');
    expect(podDesign).toEqual([]);
    const pod = deployment.spec.template.spec;
    const names = [...(pod.initContainers ?? []), ...pod.containers].map((c: { name: string }) => c.name);
    for (const helper of args[0]!.split(','))
      expect(names).toContain({ sidecar: 'log-shipper', ambassador: 'ambassador', adapter: 'adapter' }[helper]);
    const ports = [...(pod.initContainers ?? []), ...pod.containers].flatMap((c: { ports?: { containerPort: number }[] }) =>
      (c.ports ?? []).map((p) => p.containerPort),
    );
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('refuses to add the same helpers twice, and leaves the file as it is', async () => {
    const { dir, file } = copyFixture(after);
    const result = await add(dir, [...args, '--to', 'manifest.yaml']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/already holds the \w+ helper/);
    expect(readFileSync(file, 'utf8')).toBe(fixture(after));
  });
});

describe('the helpers as a generated pod has them', () => {
  it('puts native sidecars in initContainers with restartPolicy Always, classic ones in containers', () => {
    const native = parseAllDocuments(fixture('shop.sidecar-adapter.after.yaml'))[1]!.toJS().spec.template.spec;
    expect(native.initContainers.map((c: { name: string; restartPolicy: string }) => [c.name, c.restartPolicy])).toEqual([
      ['log-shipper', 'Always'],
      ['adapter', 'Always'],
    ]);
    const classic = parseAllDocuments(fixture('shop.ambassador-classic.after.yaml'))[1]!.toJS().spec.template.spec;
    expect(classic.initContainers).toBeUndefined();
    expect(classic.containers.map((c: { name: string }) => c.name)).toEqual(['web', 'ambassador']);
  });

  it("reads the app's port from its first port, for the adapter's status URL", () => {
    const pod = parseAllDocuments(fixture('shop.sidecar-adapter.after.yaml'))[1]!.toJS().spec.template.spec;
    const adapter = pod.initContainers.find((c: { name: string }) => c.name === 'adapter');
    expect(adapter.env).toContainEqual({ name: 'APP_STATUS_URL', value: 'http://127.0.0.1:3000/status' });
  });
});
