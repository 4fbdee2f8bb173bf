import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  formatFinding,
  formatFindings,
  formatJson,
  formatSummary,
  lintPaths,
  LintPathError,
  YAML_SYNTAX_CHECK,
} from '../../src/lint/index.js';

const BASE = readFileSync(fileURLToPath(new URL('./fixtures/base.yaml', import.meta.url)), 'utf8');
const [DEPLOYMENT, SERVICE] = BASE.replace(/^#.*\n/gm, '').split(/^---\n/m) as [string, string];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lint-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
function write(path: string, text: string): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

describe('lintPaths', () => {
  it('reads folders recursively: *.yaml and *.yml, not other files, dot folders or node_modules', async () => {
    write('k8s/deployment.yaml', DEPLOYMENT);
    write('k8s/nested/service.yml', SERVICE);
    write('k8s/README.md', 'not yaml: [');
    write('k8s/.hidden/broken.yaml', 'a: [');
    write('k8s/node_modules/pkg/broken.yaml', 'a: [');
    const result = await lintPaths([join(dir, 'k8s')]);
    expect(result).toEqual({ findings: [], files: 2, objects: 2 });
  });

  it('matches a Service in one file with the Deployment in another', async () => {
    const service = write('service.yaml', SERVICE.replace('name: web\nspec', 'name: web\n  namespace: demo\nspec'));
    const alone = await lintPaths([service]);
    expect(alone.findings.map((f) => f.check)).toEqual(['dangling-service']);
    const together = await lintPaths([service, write('deployment.yaml', DEPLOYMENT)]);
    expect(together.findings).toEqual([]);
  });

  it('reads every document of a multi-document file, skipping empty ones', async () => {
    const file = write(
      'all.yaml',
      `---\n${DEPLOYMENT}---\n# only a comment\n---\n${SERVICE.replace('name: http\n      port: 80\n      targetPort: http', 'name: http\n      port: 80\n      targetPort: nope')}`,
    );
    const result = await lintPaths([file]);
    expect(result.files).toBe(1);
    expect(result.objects).toBe(2);
    expect(result.findings.map((f) => [f.check, f.object, f.source])).toEqual([['service-target-port', 'Service/web', file]]);
  });

  it('reports a YAML syntax error as a finding and still lints the other documents and files', async () => {
    const broken = write('a/broken.yaml', `${DEPLOYMENT.replace('  replicas: 1\n', '')}---\nkind: Service\nmetadata:\n  name: [oops\n`);
    write('a/good.yaml', SERVICE);
    const result = await lintPaths([join(dir, 'a')]);
    expect(result.files).toBe(2);
    const syntax = result.findings.filter((f) => f.check === YAML_SYNTAX_CHECK);
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax[0]).toMatchObject({ severity: 'error', object: 'document 2', source: broken });
    expect(syntax[0]!.message).toMatch(/line \d+/);
    expect(result.findings.map((f) => f.check)).toContain('unset-replicas');
  });

  it('follows linked folders, but reads each real folder once: a link back up the tree is not a loop', async () => {
    write('k8s/deployment.yaml', DEPLOYMENT);
    write('shared/service.yaml', SERVICE);
    symlinkSync(join(dir, 'shared'), join(dir, 'k8s/shared'));
    symlinkSync('..', join(dir, 'k8s/up'));
    symlinkSync('.', join(dir, 'k8s/self'));
    symlinkSync(join(dir, 'k8s'), join(dir, 'shared/back'));
    const result = await lintPaths([join(dir, 'k8s')]);
    expect(result).toEqual({ findings: [], files: 2, objects: 2 });
  });

  it('reads a file named explicitly whatever its extension, once even if named twice', async () => {
    const file = write('manifest.txt', `${DEPLOYMENT}---\n${SERVICE}`);
    expect(await lintPaths([file, file])).toEqual({ findings: [], files: 1, objects: 2 });
  });

  it('throws a LintPathError for a missing path, a folder without YAML, or no path', async () => {
    await expect(lintPaths([join(dir, 'nope.yaml')])).rejects.toThrow(LintPathError);
    await expect(lintPaths([join(dir, 'nope.yaml')])).rejects.toThrow(/no such file or folder/);
    mkdirSync(join(dir, 'empty'));
    await expect(lintPaths([join(dir, 'empty')])).rejects.toThrow(/no \.yaml or \.yml files/);
    await expect(lintPaths([])).rejects.toThrow(LintPathError);
  });
});

describe('formatting', () => {
  const finding = {
    check: 'no-read-only-root-fs',
    severity: 'error' as const,
    object: 'Deployment/web',
    container: 'app',
    message: 'The root filesystem is writable.',
    fix: 'Set readOnlyRootFilesystem: true.',
    source: 'k8s/deployment.yaml',
  };

  it('prints one line per finding', () => {
    expect(formatFinding(finding)).toBe(
      'k8s/deployment.yaml: Deployment/web container app: [no-read-only-root-fs] The root filesystem is writable. — Set readOnlyRootFilesystem: true.',
    );
    const { container: _c, source: _s, ...bare } = finding;
    expect(formatFinding({ ...bare, severity: 'warning' })).toBe(
      'Deployment/web: [no-read-only-root-fs] (warning) The root filesystem is writable. — Set readOnlyRootFilesystem: true.',
    );
    expect(formatFindings([finding, finding]).split('\n')).toHaveLength(3);
    expect(formatFindings([])).toBe('');
  });

  it('summarises and renders JSON', () => {
    expect(formatSummary({ findings: [], files: 1, objects: 2 })).toBe('No findings (1 file, 2 objects).\n');
    expect(formatSummary({ findings: [finding], files: 2, objects: 1 })).toBe('1 finding (1 error, 0 warnings) in 2 files, 1 object.\n');
    expect(JSON.parse(formatJson({ findings: [finding], files: 1, objects: 1 }))).toEqual({ files: 1, objects: 1, findings: [finding] });
  });
});
