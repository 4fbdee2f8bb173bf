/**
 * YAML merge keys (`<<: *base`), read as kubectl reads them: what a merge gives a container
 * counts (a port merged in is taken), and a key the merge already gives is never written beside
 * it (that would replace what the merge gives, dropping the user's values without a word).
 * Before, `<<` was a plain key: ports 9000 and 9102 merged into the app were taken twice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { workspace } from '../support/cli.js';
import { add } from './support.js';

const manifest = (metadata: string, app: string, after = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  labels: &labels {app: shop, tier: web}
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
${metadata}
    spec:
      initContainers:
      - name: warm
        image: example/warm:1
        volumeMounts: &warmMounts
        - {name: cache, mountPath: /cache}
      containers:
      - name: app
        image: example/shop:1
${app}
${after}      volumes:
      - name: cache
        emptyDir: {}
`;

async function addTo(text: string, helpers: string) {
  const dir = workspace();
  writeFileSync(join(dir, 'manifest.yaml'), text);
  const result = await add(dir, [helpers, '--to', 'manifest.yaml']);
  return { ...result, after: readFileSync(join(dir, 'manifest.yaml'), 'utf8') };
}

describe('add and YAML merge keys', () => {
  it('counts ports a merge gives the app: the ambassador is refused 9000, and nothing is written', async () => {
    const text = manifest('      labels: {app: shop}', '        <<: {ports: [{containerPort: 9000}, {containerPort: 9102}]}');
    const result = await addTo(text, 'ambassador');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/port 9000, which ambassador listens on, is taken by container app/);
    expect(result.after).toBe(text);
  });

  it('refuses to write a key beside a merge that gives it (the merged mounts would be lost), exit 2, nothing written', async () => {
    const text = manifest(
      '      labels: {app: shop}',
      '        <<: {volumeMounts: *warmMounts}\n        ports:\n        - containerPort: 8080',
    );
    const result = await addTo(text, 'sidecar');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/cannot add .*containers\.0\.volumeMounts: its map takes that key from a YAML merge key \(<<\)/);
    expect(result.after).toBe(text);
  });

  it('refuses to add to a list an alias elsewhere stands for (it would grow there too; it was exit 1, "please report"), nothing written', async () => {
    const text = manifest(
      '      labels: {app: shop}',
      '        volumeMounts: &appMounts\n        - {name: cache, mountPath: /cache}',
      '      - name: twin\n        image: example/twin:1\n        volumeMounts: *appMounts\n',
    );
    const result = await addTo(text, 'sidecar');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /cannot add to .*containers\.0\.volumeMounts without rewriting what you wrote \(it is an alias of an anchor used elsewhere\)/,
    );
    expect(result.after).toBe(text);
  });

  it('refuses to add to a list inside a container an alias elsewhere stands for (a second container made from it got the variable too), nothing written', async () => {
    const text = manifest(
      '      labels: {app: shop}',
      '        ports:\n        - containerPort: 8080\n        env:\n        - {name: MODE, value: shop}',
      '      - <<: *app\n        name: twin\n',
    ).replace('      - name: app\n', '      - &app\n        name: app\n');
    expect(text).toContain('      - &app\n        name: app\n');
    const result = await addTo(text, 'ambassador');
    expect(result.stderr).toMatch(/it is an alias of an anchor used elsewhere/);
    expect(result.exitCode).toBe(2);
    expect(result.after).toBe(text);
  });

  it('refuses a map that both writes a key and merges it (kubectl takes the later one, YAML 1.1 the written one), nothing written', async () => {
    const text = manifest(
      '      labels: {app: shop}',
      '        ports:\n        - containerPort: 8080\n        <<: {ports: [{containerPort: 9000}]}',
    );
    const result = await addTo(text, 'ambassador');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/both writes ports and takes it from a YAML merge key \(<<\)/);
    expect(result.after).toBe(text);
  });

  it('adds beside a merge that gives other keys, and what it merges stays as it was', async () => {
    const text = manifest('      <<: {labels: *labels}', '        ports:\n        - containerPort: 8080');
    const result = await addTo(text, 'adapter');
    expect(result.exitCode, result.stderr).toBe(0);
    const deployment = parseAllDocuments(result.after, { merge: true })[0]!.toJS();
    expect(deployment.spec.template.metadata.labels).toEqual({ app: 'shop', tier: 'web' });
    expect(deployment.spec.template.metadata.annotations['prometheus.io/port']).toBe('9102');
  });
});
