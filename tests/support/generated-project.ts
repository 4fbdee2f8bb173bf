/**
 * A generated project, made the way a user makes one: the real CLI, `npm install`, `npm test`.
 * Used by the e2e suites (tests/e2e/*-project.e2e.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { parseAllDocuments } from 'yaml';
import { runCli } from './cli.js';
import { describeListeners } from './processes.js';

/** `singleton`, a helper, or several joined by commas (`sidecar,ambassador,adapter`). */
export type PatternName = string;

export interface GeneratedProject {
  pattern: PatternName;
  /** The workload's name (the directory's base name). */
  name: string;
  dir: string;
  /** The app container's port (`--port`). */
  port: number;
  /** Removes the project and its temp folder. */
  remove(): void;
}

/**
 * The environment for npm and the project's scripts: ours, minus what the npm and vitest running
 * this suite put there for themselves (a nested `npm`/`vitest` must not take them as its own).
 * The npm cache and registry settings stay, so every install shares the user's cache.
 */
export function projectEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_package_|npm_lifecycle_|VITEST)/.test(key)) continue;
    if (['npm_command', 'npm_execpath', 'npm_node_execpath', 'INIT_CWD', 'NODE_ENV', 'TEST', 'FORCE_COLOR'].includes(key)) continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** `create-pod-pattern <tmp>/<name> --pattern <p> --port <port> --yes`, with the built CLI. */
export async function generateProject(pattern: PatternName, port: number): Promise<GeneratedProject> {
  const label = pattern.replaceAll(',', '-');
  const root = mkdtempSync(join(tmpdir(), `cpp-e2e-${label}-`));
  const name = `e2e-${label}`;
  const dir = join(root, name);
  const result = await runCli([dir, '--pattern', pattern, '--port', String(port), '--yes']);
  if (result.exitCode !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`create-pod-pattern exited ${result.exitCode}\n${result.stdout}\n${result.stderr}`);
  }
  return { pattern, name, dir, port, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A project generated from `pattern`, changed by `prepare` (e.g. `add`), and installed: what each
 * e2e suite of a generated project starts from. Removed again if any step fails.
 */
export async function installedProject(
  pattern: PatternName,
  prepare: (project: GeneratedProject) => Promise<void> = async () => {},
): Promise<GeneratedProject> {
  const project = await generateProject(pattern, await freePort());
  try {
    await prepare(project);
    const install = await npmInstall(project);
    if (install.exitCode !== 0) throw new Error(`npm install exited ${install.exitCode}\n${install.output}`);
    return project;
  } catch (error) {
    project.remove();
    throw error;
  }
}

/** The value of an env variable of a container of the workload, as k8s/deployment.yaml sets it. */
export function manifestEnv(project: GeneratedProject, container: string, name: string): string {
  const docs = parseAllDocuments(readFileSync(join(project.dir, 'k8s/deployment.yaml'), 'utf8')).map((d) => d.toJS());
  const pod = docs.find((d) => d?.kind === 'Deployment').spec.template.spec;
  const found = [...(pod.initContainers ?? []), ...pod.containers].find((c: any) => c.name === container);
  const value = found?.env?.find((e: any) => e.name === name)?.value;
  if (value === undefined) throw new Error(`k8s/deployment.yaml sets no ${name} for ${container}`);
  return value;
}

export interface NpmResult {
  exitCode: number;
  /** stdout and stderr interleaved, for failure messages. */
  output: string;
  durationMs: number;
}

/** Runs `npm <args>` in the project, bounded in time; never throws on failure. */
export async function npm(project: GeneratedProject, args: string[], timeoutMs: number): Promise<NpmResult> {
  const started = Date.now();
  const result = await execa('npm', args, {
    cwd: project.dir,
    env: projectEnv(),
    extendEnv: false,
    reject: false,
    all: true,
    stdin: 'ignore',
    timeout: timeoutMs,
    forceKillAfterDelay: 2000,
  });
  const how = result.timedOut ? `timed out after ${timeoutMs} ms` : `exit ${result.exitCode}`;
  return {
    exitCode: result.timedOut ? -1 : (result.exitCode ?? -1),
    output: `$ npm ${args.join(' ')} (${how})\n${String(result.all ?? '')}`,
    durationMs: Date.now() - started,
  };
}

/** `npm install`, sharing the npm cache and preferring what it holds. */
export const npmInstall = (project: GeneratedProject) => npm(project, ['install', '--no-audit', '--no-fund', '--prefer-offline'], 240_000);

/**
 * A TCP port nothing listens on right now, for `--port`: below the kernel's ephemeral range, so
 * no outgoing connection can take it while the app is down (e.g. between two of its restarts).
 */
export async function freePort(): Promise<number> {
  let lowestEphemeral = 32768;
  try {
    lowestEphemeral = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || lowestEphemeral;
  } catch {
    // not Linux: keep the usual default
  }
  const low = 20_000;
  const high = Math.max(low + 1000, Math.min(lowestEphemeral, 32_768));
  for (let tries = 0; tries < 200; tries += 1) {
    const port = low + Math.floor(Math.random() * (high - low));
    if ((await canListen(port, '0.0.0.0')) && (await canListen(port, '127.0.0.1'))) return port;
  }
  throw new Error(`no free port found between ${low} and ${high}`);
}

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Waits until `npm run dev` could bind every port: the helpers' ports are fixed (9000, 9001,
 * 9081, 9082, 9102), and another project's `npm run dev` or a podman pod may hold them for a while.
 */
export async function waitForFreePorts(ports: number[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy: number[] = [];
    for (const port of ports) {
      if (!(await canListen(port, '0.0.0.0')) || !(await canListen(port, '127.0.0.1'))) busy.push(port);
    }
    if (busy.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `ports still in use after ${timeoutMs} ms, so \`npm run dev\` cannot start: ${busy.map((p) => describeListeners(p) || String(p)).join('; ')}`,
      );
    }
    await sleep(500);
  }
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed body, undefined when it is not JSON. */
  json: any;
}

/** One HTTP request to 127.0.0.1:port on a fresh connection, bounded in time. */
export function request(
  port: number,
  path: string,
  { method = 'GET', timeoutMs = 10_000, agent = false }: { method?: string; timeoutMs?: number; agent?: http.Agent | false } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} 127.0.0.1:${port}${path}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Makes `count` requests, `concurrency` at a time over keep-alive connections, at most
 * `perSecond` a second when given; returns their statuses.
 */
export async function burst(
  port: number,
  count: number,
  pathOf: (i: number) => string,
  { concurrency = 16, method = 'GET', perSecond }: { concurrency?: number; method?: string; perSecond?: number } = {},
): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = new Array<number>(count);
  const started = Date.now();
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = next++;
          const due = perSecond ? started + (i * 1000) / perSecond : 0;
          if (due > Date.now()) await sleep(due - Date.now());
          statuses[i] = (await request(port, pathOf(i), { method, agent })).status;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return statuses;
}

/** Whether a TCP connection to 127.0.0.1:port is refused (nothing listens). */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
    socket.connect(port, '127.0.0.1');
  });
}
