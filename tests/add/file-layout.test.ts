/**
 * What `add` inserts follows the file as written: CRLF line endings stay CRLF (it added LF
 * lines, a mixed file), a byte order mark is not taken for indentation (the block came one
 * space deep), and an empty `env:` takes the variables below it (it was refused as flow style).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { workspace } from '../support/cli.js';
import { add } from './support.js';

const deployment = (env = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: example/web:1
          ports:
            - containerPort: 8080
${env}`;

async function addTo(text: string, helpers: string) {
  const dir = workspace();
  writeFileSync(join(dir, 'manifest.yaml'), text);
  const result = await add(dir, [helpers, '--to', 'manifest.yaml']);
  expect(result.exitCode, result.stderr).toBe(0);
  return readFileSync(join(dir, 'manifest.yaml'), 'utf8');
}

describe('add follows the layout of the file', () => {
  it('keeps a CRLF file all CRLF', async () => {
    const after = await addTo(deployment().replace(/\n/g, '\r\n'), 'sidecar,ambassador,adapter');
    expect(after.split('\r\n').length).toBeGreaterThan(100);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('indents as the file does after a byte order mark', async () => {
    const after = await addTo(`\uFEFF${deployment()}`, 'sidecar');
    expect(after.startsWith('\uFEFFapiVersion: apps/v1\n')).toBe(true);
    expect(after).toContain('\n      initContainers:\n        - name: log-shipper\n');
  });

  it('puts the variables under an empty env: key, keeping its comment', async () => {
    const after = await addTo(deployment('          env: # none yet\n'), 'sidecar');
    expect(after).toContain('          env: # none yet\n            - name: ACCESS_LOG\n');
    const app = parseDocument(after).toJS().spec.template.spec.containers[0];
    expect(app.env.map((e: { name: string }) => e.name)).toContain('ACCESS_LOG');
  });
});
