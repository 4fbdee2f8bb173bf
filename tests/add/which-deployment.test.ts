/**
 * Which Deployment `add` edits: the only one, or the one --deployment names, by `<name>` or,
 * where two namespaces each have one of that name, by `<namespace>/<name>`. A name that fits
 * two is refused, never taken for the first (it edited namespace a without a word, and b could
 * not be chosen at all).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { workspace } from '../support/cli.js';
import { add } from './support.js';

const deployment = (namespace: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: example/web:1
        ports:
        - containerPort: 8080
`;
const FILE = `${deployment('a')}---\n${deployment('b')}`;

/** The container names of each document's pod, in order. */
const podsOf = (text: string) =>
  parseAllDocuments(text).map((d) => {
    const spec = (d.toJS() as { spec: { template: { spec: { containers: { name: string }[]; initContainers?: { name: string }[] } } } })
      .spec.template.spec;
    return [...(spec.initContainers ?? []), ...spec.containers].map((c) => c.name);
  });

describe('add with one Deployment name in two namespaces', () => {
  it('refuses the bare name, naming both as --deployment takes them, and writes nothing', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'manifest.yaml'), FILE);
    const result = await add(dir, ['sidecar', '--to', 'manifest.yaml', '--deployment', 'web']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/several Deployments \(a\/web, b\/web\); say which with --deployment <name>, or <namespace>\/<name>/);
    expect(readFileSync(join(dir, 'manifest.yaml'), 'utf8')).toBe(FILE);
  });

  it.each([
    ['a/web', [['log-shipper', 'web'], ['web']]],
    ['b/web', [['web'], ['log-shipper', 'web']]],
  ])('edits the one --deployment %s names, and only it', async (wanted, pods) => {
    const dir = workspace();
    writeFileSync(join(dir, 'manifest.yaml'), FILE);
    const result = await add(dir, ['sidecar', '--to', 'manifest.yaml', '--deployment', wanted as string]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(podsOf(readFileSync(join(dir, 'manifest.yaml'), 'utf8'))).toEqual(pods);
  });
});
