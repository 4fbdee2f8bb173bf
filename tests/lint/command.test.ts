import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { CHECKS, findCheck, runLintCommand } from '../../src/lint/index.js';
import { runCli, workspace } from '../support/cli.js';
import { writeFixtures } from './support/fixtures.js';

const fixture = writeFixtures();
const TEACHER = fileURLToPath(new URL('./manifests/teacher-shop.yaml', import.meta.url));
const GENERATED_VARIANTS = [
  'singleton',
  'sidecar',
  'sidecar --sidecar-mode classic',
  'ambassador --namespace shop',
  'ambassador --target podman',
  'adapter --replicas 3',
];

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runLintCommand(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    // English whatever the locale of the machine running the tests.
    env: {},
  });
  return { code, stdout, stderr };
}

describe('create-pod-pattern lint', () => {
  it('exits 0 and says so when there is nothing to report', async () => {
    const { code, stdout, stderr } = await run(fixture('base.yaml'));
    expect(code).toBe(0);
    expect(stdout).toBe('No findings (1 file, 2 objects).\n');
    expect(stderr).toBe('');
  });

  it('exits 1 and prints one line per finding, then a summary', async () => {
    const file = fixture('no-read-only-root-fs/fail.yaml');
    const { code, stdout } = await run(file);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Deployment/web container log-shipper: \\[no-read-only-root-fs\\] .+ — .+`,
        ),
      ),
      '1 finding (1 error, 0 warnings) in 1 file, 2 objects.',
      '',
    ]);
  });

  it('prints JSON with --format json (and -f json, --format=json)', async () => {
    for (const args of [['--format', 'json'], ['-f', 'json'], ['--format=json']]) {
      const { code, stdout } = await run(fixture('host-pid'), ...args);
      expect(code).toBe(1);
      const parsed = JSON.parse(stdout);
      expect(parsed.files).toBe(2);
      expect(parsed.findings.map((f: { check: string }) => f.check)).toEqual(['host-pid']);
    }
    const clean = await run(fixture('host-pid/pass.yaml'), '--format', 'json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ files: 1, objects: 2, findings: [] });
  });

  it('exits 2 with a message on bad usage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-cmd-'));
    mkdirSync(join(dir, 'empty'));
    try {
      const cases: [string[], RegExp][] = [
        [[], /give at least one file or folder/],
        [[join(dir, 'missing.yaml')], /missing\.yaml: no such file or folder/],
        [[join(dir, 'empty')], /no \.yaml or \.yml files/],
        [[fixture('base.yaml'), '--format', 'xml'], /--format must be text or json/],
        [[fixture('base.yaml'), '--strict'], /unknown option --strict/],
        [[fixture('base.yaml'), '--format'], /option -f, --format <value> needs a value/],
        [
          [fixture('base.yaml'), '--only', 'security'],
          /--only: "security" is not a family of checks; the families are pod-design, pod-security, resources, probes, images, workload, services/,
        ],
        [[fixture('base.yaml'), '--only', 'pod-design,probs'], /"probs" is not a family/],
        [[fixture('base.yaml'), '--only', ','], /is not a family/],
        [[fixture('base.yaml'), '--lang', 'fr'], /--lang must be en or ko, not "fr"/],
      ];
      for (const [argv, message] of cases) {
        const { code, stdout, stderr } = await run(...argv);
        expect(code, argv.join(' ')).toBe(2);
        expect(stderr).toMatch(message);
        expect(stderr).toContain('Usage: create-pod-pattern lint');
        expect(stdout).toBe('');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('also writes to plain functions, as the CLI passes them', async () => {
    const out: string[] = [];
    const code = await runLintCommand([fixture('base.yaml')], { stdout: (s: string) => void out.push(s), stderr: () => {}, env: {} });
    expect(code).toBe(0);
    expect(out.join('')).toContain('No findings');
  });

  it('shows help and the list of checks', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format <text|json>');
    expect(help.stdout).toContain('--only <families>');
    expect(help.stdout).toContain('--lang <en|ko>');
    expect(help.stdout).toContain('Pod-design findings come first');
    const list = await run('--list-checks');
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(CHECKS.length);
  });

  it.each(GENERATED_VARIANTS)('finds nothing to report in a project generated with --pattern %s', async (variant) => {
    const [pattern, ...flags] = variant.split(' ');
    const ws = workspace();
    const generated = await runCli([join(ws, 'p'), '--pattern', pattern!, ...flags, '--yes']);
    expect(generated.exitCode, generated.stderr).toBe(0);
    const result = await runCli(['lint', join(ws, 'p/k8s')]);
    expect(result.stdout + result.stderr).not.toMatch(/\[[a-z-]+\]/);
    expect(result.exitCode).toBe(0);
  });

  it('lists pod-design findings before all others, across files, and --only shows just the families asked for', async () => {
    // The teacher's shop (its own labels, so no Service of one file selects the other's pods) between two fixtures.
    const files = [fixture('host-pid/fail.yaml'), TEACHER, fixture('container-port-conflict/fail.yaml')];
    const all = await run(...files, '--format', 'json');
    const checks: string[] = JSON.parse(all.stdout).findings.map((f: { check: string }) => f.check);
    const families = checks.map((id) => findCheck(id)!.family);
    const firstOther = families.findIndex((f) => f !== 'pod-design');
    expect(checks.slice(0, firstOther)).toEqual(['multiple-main-services', 'container-port-conflict']);
    expect(families.slice(firstOther)).not.toContain('pod-design');
    // The rest keep the order they were found in: the first file's finding first.
    expect(checks[firstOther]).toBe('host-pid');
    expect(checks.length).toBeGreaterThan(30);

    const design = await run(...files, '--only', 'pod-design', '--format', 'json');
    expect(design.code).toBe(1);
    expect(JSON.parse(design.stdout).findings.map((f: { check: string }) => f.check)).toEqual([
      'multiple-main-services',
      'container-port-conflict',
    ]);
    const security = await run(
      fixture('host-pid/fail.yaml'),
      fixture('latest-tag/fail.yaml'),
      '--only=pod-security,images',
      '--format',
      'json',
    );
    expect(JSON.parse(security.stdout).findings.map((f: { check: string }) => f.check)).toEqual(['host-pid', 'latest-tag']);
    const none = await run(fixture('host-pid/fail.yaml'), '--only', 'probes');
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('No findings (1 file, 2 objects).\n');
    const listed = await run('--list-checks', '--only', 'pod-design');
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' ')[0]),
    ).toEqual(['container-port-conflict', 'undeclared-volume-mount', 'multiple-main-services']);
  });

  it('reports the pod-design mistakes of a hand-written Deployment with their check ids, exit 1, through the CLI', async () => {
    const files = ['container-port-conflict/fail.yaml', 'undeclared-volume-mount/fail.yaml', 'multiple-main-services/fail.yaml'];
    const result = await runCli(['lint', ...files.map(fixture)]);
    expect(result.exitCode).toBe(1);
    for (const id of ['container-port-conflict', 'undeclared-volume-mount', 'multiple-main-services'])
      expect(result.stdout).toContain(`[${id}]`);
  });

  it('says what is wrong with no path or a missing one, exit 2, through the CLI', async () => {
    expect((await runCli(['lint'])).exitCode).toBe(2);
    const missing = await runCli(['lint', '/nonexistent/k8s']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('/nonexistent/k8s');
  });
});
