/**
 * Podman for the e2e suites: is it there, its environment (`. .ci/podman-env.sh`), commands run
 * with a time limit, and HTTP requests made inside a pod's network namespace (nothing is
 * published on the host).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { execa } from 'execa';

const ROOT = resolve(import.meta.dirname, '../..');

/** `podman --version`, or undefined when podman is not installed. */
function podmanVersion(): string | undefined {
  try {
    return execFileSync('podman', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** CONTAINERS_CONF, PODMAN_BASE_IMAGE, ... as `. .ci/podman-env.sh` sets them (it keeps what is set). */
function podmanEnv(): Record<string, string> {
  const out = execFileSync('bash', ['-c', '. .ci/podman-env.sh && env -0'], { cwd: ROOT, encoding: 'utf8' });
  const env: Record<string, string> = {};
  for (const entry of out.split('\0').filter(Boolean)) {
    const i = entry.indexOf('=');
    env[entry.slice(0, i)] = entry.slice(i + 1);
  }
  return env;
}

/**
 * podman's version, for a suite that needs it; undefined when podman is missing: the suite is
 * then skipped, unless E2E_REQUIRE_PODMAN=1 (CI) makes that a failure.
 */
export function requirePodman(suite: string): string | undefined {
  const version = podmanVersion();
  if (!version) {
    const message = 'podman is not installed: run .ci/podman-setup.sh (as root), then `. .ci/podman-env.sh`';
    if (process.env.E2E_REQUIRE_PODMAN === '1') throw new Error(`E2E_REQUIRE_PODMAN=1 but ${message}`);
    console.warn(`[${suite}] SKIPPED: ${message}`);
  }
  return version;
}

/**
 * What a generated project's npm scripts get on podman: the local Node base image (no image is
 * pulled here), chroot builds, DEPLOY_TARGET=podman.
 */
export function podmanProjectEnv(version: string | undefined): { env: Record<string, string | undefined>; baseImage: string } {
  const fromScript = version ? podmanEnv() : {};
  const baseImage = fromScript.PODMAN_BASE_IMAGE ?? 'localhost/node-base:24-bookworm';
  const env = {
    ...process.env,
    ...fromScript,
    BASE_IMAGE: baseImage,
    IMAGE_BUILD_FLAGS: '--isolation=chroot',
    DEPLOY_TARGET: 'podman',
    NO_COLOR: '1',
    // Set by an outer `npm run`, read by the project's scripts before its package.json.
    npm_package_config_target: undefined,
  };
  return { env, baseImage };
}

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a command in `env` with a time limit; never throws on a non-zero exit. */
export async function runIn(
  env: Record<string, string | undefined>,
  command: string,
  args: string[],
  { cwd, timeoutSeconds = 60 }: { cwd?: string; timeoutSeconds?: number } = {},
): Promise<Run> {
  const result = await execa(command, args, {
    cwd,
    env,
    reject: false,
    timeout: timeoutSeconds * 1000,
    forceKillAfterDelay: 5000,
    stdin: 'ignore',
  });
  if (result.timedOut)
    throw new Error(`\`${command} ${args.join(' ')}\` timed out after ${timeoutSeconds} s\n${result.stdout}\n${result.stderr}`);
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Like runIn, but a non-zero exit throws with the command's output. */
export async function okIn(
  env: Record<string, string | undefined>,
  command: string,
  args: string[],
  options?: { cwd?: string; timeoutSeconds?: number },
): Promise<Run> {
  const result = await runIn(env, command, args, options);
  if (result.exitCode !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` exited ${result.exitCode}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

/** An HTTP request made with the container's own node: status and body as JSON on stdout. */
const REQUEST_SCRIPT = `
const [method, url] = process.argv.slice(1);
const req = require('http').request(url, { method, agent: false }, (r) => {
  let b = '';
  r.setEncoding('utf8');
  r.on('data', (d) => (b += d));
  r.on('end', () => process.stdout.write(JSON.stringify({ status: r.statusCode, type: r.headers['content-type'], body: b })));
});
req.setTimeout(5000, () => req.destroy(new Error('no answer within 5 s')));
req.on('error', (e) => { console.error(e.message); process.exit(2); });
req.end();
`;

export interface PodAnswer {
  status: number;
  type?: string;
  body: string;
}

/** `method url` from inside `container` (its pod's network namespace). */
export async function requestInPod(
  env: Record<string, string | undefined>,
  container: string,
  method: string,
  url: string,
): Promise<PodAnswer> {
  const result = await runIn(env, 'podman', ['exec', container, 'node', '-e', REQUEST_SCRIPT, method, url], { timeoutSeconds: 20 });
  if (result.exitCode !== 0) throw new Error(`${method} ${url} in ${container}: ${result.stderr.trim() || `exit ${result.exitCode}`}`);
  return JSON.parse(result.stdout) as PodAnswer;
}

/** Retries `check` until it passes (returns its value) or `seconds` have gone by (throws its last error). */
export async function eventually<T>(check: () => Promise<T>, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
