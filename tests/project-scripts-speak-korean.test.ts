/**
 * A project generated with `--lang ko` runs its scripts in Korean: every sentence `npm run deploy`,
 * `undeploy`, `images` and `dev` print comes from the project's language (commands, flags, paths,
 * object and signal names stay as they are), and an English project prints what it always printed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGLISH_LOCALE, runCli } from './support/cli.js';
import { eventually } from './support/dev-run.js';
import { freePort, projectEnv } from './support/generated-project.js';

const REPO = resolve(import.meta.dirname, '..');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** `create-pod-pattern <tmp>/demo --pattern <pattern> --lang <lang> --yes`, with the repository's node_modules as if installed. */
async function generate(pattern: string, lang: 'en' | 'ko', extra: string[] = []): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), `cpp-scripts-${lang}-`));
  roots.push(root);
  const dir = join(root, 'demo');
  const result = await runCli([dir, '--pattern', pattern, '--lang', lang, '--yes', ...extra]);
  expect(result.exitCode, result.stderr).toBe(0);
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The lines `npm run <script> -- <args>` prints (stdout and stderr as a terminal shows them), temp folders made stable. */
async function npmRun(dir: string, script: string, args: string[], env: Record<string, string> = {}) {
  const result = await execa('npm', ['run', '--silent', script, '--', ...args], {
    cwd: dir,
    all: true,
    reject: false,
    env: projectEnv({ ...ENGLISH_LOCALE, ...env }),
  });
  return { code: result.exitCode, lines: lines(String(result.all)) };
}

/** `node scripts/<script>` with nothing but node on PATH (no kubectl, podman or docker). */
async function withoutTools(dir: string, script: string, env: Record<string, string> = {}) {
  const bin = join(dir, '..', 'bin');
  mkdirSync(bin, { recursive: true });
  const result = await execa(process.execPath, [`scripts/${script}`], {
    cwd: dir,
    all: true,
    reject: false,
    extendEnv: false,
    env: { PATH: bin, HOME: process.env.HOME ?? '/tmp', ...env },
  });
  return { code: result.exitCode, lines: lines(String(result.all)) };
}

/** Output lines, with what changes per run or per machine (the temp folder, a number) made fixed. */
const lines = (output: string) =>
  output
    .replaceAll(`${tmpdir()}/pod-pattern-`, '<tmp>/pod-pattern-')
    .replace(/pod-pattern-\d+/g, 'pod-pattern-N')
    .replace(/\n$/, '')
    .split('\n');

/**
 * Lines a person reads as English: three English words in a row once commands (`$ ...`), code
 * spans, paths, names and the containers' own output (`name | ...` not from the runner) are set aside.
 */
function englishSentences(output: string[]): string[] {
  return output.filter((line) => {
    if (line.startsWith('$ ')) return false;
    const prefixed = /^[a-z0-9./-]+ *\| (.*)$/.exec(line);
    if (prefixed && !prefixed[1]!.startsWith('-- ')) return false;
    // Paths and names (`demo-app`, `k8s/`, `0.0.0.0`) are not words.
    const prose = line.replace(/`[^`]*`/g, '').replace(/\S*[/._-]\S*/g, '');
    return /\b[A-Za-z]{2,}[,;]? [A-Za-z]{2,}[,;]? [A-Za-z]{2,}\b/.test(prose);
  });
}

const HANGUL = /[\uac00-\ud7a3]/;
const korean = (output: string[]) => output.filter((line) => HANGUL.test(line));

/**
 * `npm run dev` until every container said it started and the app answers on `port`, then SIGTERM
 * to npm and the runner (as a terminal's Ctrl-C reaches them), and its lines once it has stopped.
 */
async function devUntilStarted(dir: string, containers: string[], port: number) {
  const child = spawn('npm', ['run', '--silent', 'dev'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: projectEnv(ENGLISH_LOCALE),
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    await eventually(() => containers.every((name) => new RegExp(`^${name} +\\| -- .*\\d+\\)?$`, 'm').test(out)), {
      timeoutMs: 60_000,
      what: `${containers.join(', ')} to start`,
      context: () => out,
    });
    // Started is not yet ready: a container still loading its code when SIGTERM comes dies of
    // it (the signal's default), never 'stopped (code 0)'. Each says its first JSON line once
    // its handlers are in place.
    await eventually(() => containers.every((name) => new RegExp(`^${name} +\\| \\{`, 'm').test(out)), {
      timeoutMs: 60_000,
      what: `${containers.join(', ')} to say they are running`,
      context: () => out,
    });
    // Once the app answers it has its SIGTERM handler: its stop is its own, not the signal's.
    await eventually(() => fetch(`http://127.0.0.1:${port}/`).then((response) => response.ok), {
      timeoutMs: 30_000,
      what: 'the app to answer',
      context: () => out,
    });
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
  await closed;
  return lines(out);
}

/** Holds `port` on all interfaces until closed. */
const hold = (port: number) =>
  new Promise<Server>((resolve) => {
    const server = createServer().listen(port, () => resolve(server));
  });

describe('a Korean project', () => {
  it("holds the scripts' words in its language, as a module of the catalog (every kind of project)", async () => {
    const { catalog } = await import('../src/i18n/catalog.js');
    for (const lang of ['en', 'ko'] as const) {
      for (const pattern of ['singleton', 'anti-pattern']) {
        const dir = await generate(pattern, lang);
        const module = await import(join(dir, 'scripts/lib/text.mjs'));
        expect(module.text).toEqual(JSON.parse(JSON.stringify(catalog(lang).scripts)));
      }
    }
  }, 60_000);

  it('deploys, undeploys and builds images in Korean (sidecar: kind and podman, dry runs)', async () => {
    const dir = await generate('sidecar', 'ko');
    const runs = [
      await npmRun(dir, 'deploy', ['--dry-run'], { DEPLOY_TARGET: 'kind', CONTAINER_ENGINE: 'docker' }),
      await npmRun(dir, 'deploy', ['--dry-run'], { DEPLOY_TARGET: 'podman' }),
      await npmRun(dir, 'undeploy', ['--dry-run'], { DEPLOY_TARGET: 'kind' }),
      await npmRun(dir, 'undeploy', ['--dry-run'], { DEPLOY_TARGET: 'podman' }),
      await npmRun(dir, 'images', ['--dry-run'], { CONTAINER_ENGINE: 'podman' }),
      await npmRun(dir, 'deploy', ['--dry-run'], { DEPLOY_TARGET: 'eks' }),
    ];
    const all = runs.flatMap((run) => run.lines);
    expect(englishSentences(all)).toEqual([]);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 0, 0, 1]);
    expect(all).toContain('# 대상: kind 클러스터 "kind"(DEPLOY_TARGET에 따름), 이미지 빌드: docker');
    expect(all).toContain('# demo 파드가 실행될 때까지 기다린다');
    expect(all).toContain('✗ 알 수 없는 대상 "eks": kind, minikube, k3d, docker-desktop, podman 중 하나여야 한다');
    // The podman notes are Korean, the names in them as they are.
    expect(korean(runs[1]!.lines).some((line) => line.includes('demo/log-shipper'))).toBe(true);
    // Commands are never translated.
    expect(all).toContain('$ kubectl apply -k k8s/ --context kind-kind');
  }, 120_000);

  it('says in Korean why a step failed and how to fix it', async () => {
    const dir = await generate('sidecar', 'ko');
    const run = await withoutTools(dir, 'deploy.mjs', { DEPLOY_TARGET: 'kind', CONTAINER_ENGINE: 'docker' });
    expect(run.code).toBe(1);
    expect(englishSentences(run.lines)).toEqual([]);
    expect(run.lines).toContain('✗ `kubectl` 명령이 설치되어 있지 않다(또는 PATH에 없다)');
    expect(run.lines.find((line) => line.startsWith('  해결: '))).toContain('`kind create cluster --name kind` 명령으로');
  }, 60_000);

  it('runs npm run dev in Korean: what runs, each pid, the stop order, each stop; and a busy port', async () => {
    const port = await freePort();
    const dir = await generate('sidecar', 'ko', ['--port', String(port)]);
    const output = await devUntilStarted(dir, ['app', 'log-shipper'], port);
    expect(englishSentences(output)).toEqual([]);
    expect(output).toContain('실행한다: log-shipper, app(Ctrl-C를 누르면 모두 멈춘다)');
    expect(output.filter((line) => /^app +\| -- 시작했다\(pid \d+\)$/.test(line))).toHaveLength(1);
    expect(output).toContain('SIGTERM: 앱을 먼저 멈추고, 그다음 헬퍼, 마지막으로 함께 띄운 워크로드를 멈춘다');
    expect(output.filter((line) => / \| -- 멈췄다\(종료 코드 0\)$/.test(line))).toHaveLength(2);

    const server = await hold(port);
    try {
      const busy = await npmRun(dir, 'dev', []);
      expect(busy.code).toBe(1);
      expect(englishSentences(busy.lines)).toEqual([]);
      expect(busy.lines.find((line) => line.startsWith('✗ '))).toMatch(
        new RegExp(`^✗ 포트 ${port}번\\(app\\)은 이 컴퓨터에서 이미 쓰이고 있다`),
      );
    } finally {
      server.close();
    }
  }, 120_000);

  it('deploys and undeploys both designs of the anti-pattern lesson in Korean', async () => {
    const dir = await generate('anti-pattern', 'ko');
    const runs = [];
    for (const folder of [[], ['k8s-anti-pattern']]) {
      for (const target of ['kind', 'podman']) {
        runs.push(await npmRun(dir, 'deploy', [...folder, '--dry-run'], { DEPLOY_TARGET: target, CONTAINER_ENGINE: 'docker' }));
        runs.push(await npmRun(dir, 'undeploy', [...folder, '--dry-run'], { DEPLOY_TARGET: target }));
      }
    }
    const all = runs.flatMap((run) => run.lines);
    expect(runs.every((run) => run.code === 0)).toBe(true);
    expect(englishSentences(all)).toEqual([]);
    // The StatefulSet's claim outlives it, and the note says so in Korean.
    expect(all.find((line) => line.startsWith('# 남겨 둔다: data-demo-db-0'))).toBeDefined();
  }, 180_000);
});

describe('an English project', () => {
  it('prints what it always printed', async () => {
    const dir = await generate('sidecar', 'en');
    const podman = await npmRun(dir, 'deploy', ['--dry-run'], { DEPLOY_TARGET: 'podman' });
    expect(podman.lines.filter((line) => !line.startsWith('✓ '))).toEqual([
      '# target: podman (from DEPLOY_TARGET); images built with podman',
      '$ podman build -t local/demo-log-shipper:dev containers/log-shipper',
      '$ podman build -t local/demo-app:dev containers/app',
      '# left out, podman runs none: Service demo; each Deployment runs as a Pod of its name, and env addresses of Services name that Pod',
      '# run as classic sidecars, as podman 4 starts nothing after a native one: demo/log-shipper',
      '# probes left out in demo: podman would run them as curl healthchecks the images cannot run, and restart the containers',
      "# ports left out in demo: podman would publish every containerPort on the host's 0.0.0.0; pods reach each other by name, and `podman exec` reaches a pod from inside",
      '# write <tmp>/pod-pattern-N/demo.kube.yaml',
      '$ podman kube play --replace <tmp>/pod-pattern-N/demo.kube.yaml',
      '# wait: pods of demo running',
    ]);
    const kind = await npmRun(dir, 'undeploy', ['--dry-run'], { DEPLOY_TARGET: 'kind' });
    expect(kind.lines).toEqual([
      '# target: kind cluster "kind" (from DEPLOY_TARGET)',
      '$ kubectl delete -k k8s/ --ignore-not-found --context kind-kind',
    ]);
    const failed = await withoutTools(dir, 'deploy.mjs', { DEPLOY_TARGET: 'kind', CONTAINER_ENGINE: 'docker' });
    expect(failed.lines).toEqual([
      '# target: kind cluster "kind" (from DEPLOY_TARGET); images built with docker',
      '$ kubectl cluster-info --context kind-kind --request-timeout=10s',
      '',
      '✗ `kubectl` is not installed (or not on PATH)',
      '  fix: no kind cluster "kind" answered: start one with `kind create cluster --name kind`, or pass DEPLOY_TARGET=<kind|minikube|k3d|docker-desktop|podman>',
    ]);
    const eks = await npmRun(dir, 'undeploy', ['--dry-run'], { DEPLOY_TARGET: 'eks' });
    expect(eks.lines).toEqual(['✗ unknown target "eks": use one of kind, minikube, k3d, docker-desktop, podman']);
  }, 120_000);

  it('runs npm run dev in English, as before', async () => {
    const port = await freePort();
    const dir = await generate('sidecar', 'en', ['--port', String(port)]);
    const output = await devUntilStarted(dir, ['app', 'log-shipper'], port);
    const runner = output.filter((line) => !/^[a-z-]+ +\| (?!-- )/.test(line) && !line.startsWith('✓ ') && !line.startsWith('  '));
    expect(runner.map((line) => line.replace(/pid \d+/, 'pid N'))).toEqual([
      'Running log-shipper, app (Ctrl-C stops them)',
      'log-shipper | -- started, pid N',
      'app         | -- started, pid N',
      '',
      'SIGTERM: stopping the app first, then its helpers, then the companions',
      'app         | -- stopped (code 0)',
      'log-shipper | -- stopped (code 0)',
    ]);
  }, 120_000);
});
