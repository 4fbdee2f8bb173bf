import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import type { createProject as CreateProject } from '../src/cli/create-project.js';
import { resolveOptions } from '../src/cli/options.js';
import { manifestVariants } from '../src/cli/variants.js';
import { SIDECAR_MODES, TARGETS } from '../src/cli/rules.js';
import { LESSON_NAMES, PATTERN_NAMES } from '../src/patterns/index.js';
import { planProject } from '../src/plan/project-plan.js';
// @ts-expect-error: a build script, plain JavaScript
import { leaveOutUnusedSchemas, schemasInUse } from '../scripts/schemas-in-use.mjs';
import { cli as koreanCli } from '../src/i18n/ko/cli.js';
import { CLI, ENGLISH_LOCALE, runCli, workspace } from './support/cli.js';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * The bundled CLI renders precompiled templates and leaves out code it never runs
 * (scripts/build.mjs); it must still write what the source writes, byte for byte.
 */
describe('the bundled CLI', () => {
  it.each(['singleton', 'sidecar', 'ambassador', 'adapter', 'anti-pattern'])(
    'plans the same %s files, of the same sizes, as the source',
    async (pattern) => {
      const args = ['demo', '--pattern', pattern, '--namespace', 'ns', '--yes'];
      const dry = await runCli([...args, '--dry-run']);
      const listed = Object.fromEntries([...dry.stdout.matchAll(/^ {2}(\S+) {2}\((\d+) bytes\)$/gm)].map((m) => [m[1], Number(m[2])]));
      const plan = planProject(resolveOptions({ directory: 'demo', pattern, namespace: 'ns', yes: true }));
      expect(listed).toEqual(Object.fromEntries(plan.files.map((f) => [f.path, Buffer.byteLength(f.content)])));
    },
  );

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

  it('validates every variant with the schemas it keeps: each pattern, target, sidecar mode, namespace or not, replicas', async () => {
    const { createProject } = createRequire(import.meta.url)(join(ROOT, 'dist', 'generate.cjs')) as { createProject: typeof CreateProject };
    const variants = manifestVariants();
    for (const variant of variants) {
      const out: string[] = [];
      const io = { stdout: (t: string) => void out.push(t), stderr: (t: string) => void out.push(t), interactive: false };
      const raw = { directory: join(tmpdir(), 'never-written'), ...variant, yes: true, dryRun: true };
      const code = await createProject(raw, io, () => Promise.reject(new Error('no prompts')));
      expect({ ...variant, code, out: out.join('') }).toMatchObject({ code: 0 });
    }
    // Every pattern, target and sidecar mode, but native sidecars on podman (refused, by design), times namespace and replicas.
    expect(variants.length).toBe((PATTERN_NAMES.length + LESSON_NAMES.length) * (TARGETS.length * SIDECAR_MODES.length - 1) * 4);
  });

  it('fails validation of a field whose schema it left out, rather than letting it through', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpp-schemas-'));
    try {
      const entry = `import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
        export const deployment = (podSpec) => new Deployment({ metadata: { name: 'x' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: podSpec } } });`;
      await build({
        stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
        outfile: join(dir, 'probe.mjs'),
        bundle: true,
        platform: 'node',
        format: 'esm',
        plugins: [leaveOutUnusedSchemas(await schemasInUse())],
        logLevel: 'error',
      });
      const { deployment } = await import(pathToFileURL(join(dir, 'probe.mjs')).href);
      const containers = [{ name: 'app', image: 'app:1' }];
      expect(() => deployment({ containers }).validate()).not.toThrow();
      // Tolerations are valid Kubernetes, but no generated manifest has them.
      expect(() => deployment({ containers, tolerations: [{ operator: 'Exists' }] }).validate()).toThrow(
        /tolerations\/0 must pass "IoK8sApiCoreV1Toleration, left out of create-pod-pattern's bundle/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the Korean words of the command line in dist/ko.cjs, out of the files every run loads', () => {
    // esbuild writes ASCII: a Korean character is in the bundle as \uXXXX.
    const escaped = (text: string) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const korean = escaped(koreanCli.help.split('\n')[0]!).toLowerCase();
    expect(readFileSync(join(ROOT, 'dist', 'ko.cjs'), 'utf8').toLowerCase()).toContain(korean);
    for (const file of ['cli.cjs', 'generate.cjs'])
      expect(readFileSync(join(ROOT, 'dist', file), 'utf8').toLowerCase()).not.toContain(korean);
  });

  it('neither loads node:fs/promises nor lists the templates folder as it writes a project', async () => {
    // The first costs every scaffold ~1 ms (node-plop's file actions reach it; the CLI runs none),
    // the second ~2 ms (the build lists the template files).
    const dir = workspace();
    const record = join(dir, 'loads.json');
    const run = await execa(
      process.execPath,
      ['--require', join(ROOT, 'tests/support/record-loads.cjs'), CLI, 'p', '--pattern', 'sidecar', '--yes'],
      {
        cwd: dir,
        env: { ...ENGLISH_LOCALE, CPP_TEST_RECORD_LOADS: record },
        reject: false,
      },
    );
    expect(run.exitCode).toBe(0);
    const { modules, listed } = JSON.parse(readFileSync(record, 'utf8')) as { modules: string[]; listed: string[] };
    expect(modules.filter((m) => /fs\/promises|readline/.test(m))).toEqual([]);
    expect(listed.filter((path) => path.includes(`${join(ROOT, 'templates')}`))).toEqual([]);
  });

  it("builds no Unicode-property regular expression as it loads: node-plop's case helpers are left out", () => {
    // change-case and title-case make theirs at load, ~7 M instructions of every run, for helpers the CLI never renders with.
    expect(readFileSync(join(ROOT, 'dist', 'generate.cjs'), 'utf8')).not.toMatch(/\\p\{/);
  });
});
