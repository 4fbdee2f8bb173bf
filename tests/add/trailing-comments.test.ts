/**
 * Comments that end a collection, even indented less than it, are the user's: `add` writes its
 * lines before the next key, never after it. The parser's range of a collection runs over such
 * comments into the next line's indentation; the insertion landed after `selector:` and the
 * read-back stopped the run with exit 1, "please report this file".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { workspace } from '../support/cli.js';
import { add } from './support.js';

const TEXT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels:
        app: web
      # comment ending labels map
    spec:
      containers:
        - name: app
          image: example/web:1.0
          ports:
            - containerPort: 8080
          # comment ending app
  # spec-level comment
  selector:
    matchLabels:
      app: web
`;

describe('add after comments that end a collection', () => {
  it.each([
    ['sidecar', 'native'],
    ['sidecar', 'classic'],
    ['sidecar,ambassador,adapter', 'native'],
  ])('adds %s (%s sidecars), keeping every line in order and the selector where it was', async (helpers, mode) => {
    const dir = workspace();
    writeFileSync(join(dir, 'manifest.yaml'), TEXT);
    const result = await add(dir, [helpers, '--sidecar-mode', mode, '--to', 'manifest.yaml']);
    expect(result.exitCode, result.stderr).toBe(0);
    const after = readFileSync(join(dir, 'manifest.yaml'), 'utf8');
    let at = -1;
    for (const line of TEXT.split('\n')) {
      const next = after.split('\n').indexOf(line, at + 1);
      expect(next, line).toBeGreaterThan(at);
      at = next;
    }
    expect(parseDocument(after).toJS().spec.selector).toEqual({ matchLabels: { app: 'web' } });
  });
});
