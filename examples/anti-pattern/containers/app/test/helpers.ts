import http from 'node:http';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { AppConfig } from '../src/config';
import { type Answer, request as httpRequest } from '../../../test-support/http-request';

/** A config as the manifest would give it, on a free port. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { port: 0, serviceName: 'demo', shutdownDrainMs: 2000, ...overrides };
}

/** One request on a fresh connection to 127.0.0.1:port (path first: most app tests only GET). */
export function request(port: number, path: string, method = 'GET'): Promise<Answer> {
  return httpRequest(port, method, path);
}

/** An HTTP server on a free loopback port, closed by the returned close(). */
export async function listen(handler: http.RequestListener): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh folder, removed when the current test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The variables every optional part of this app needs to start (each part's test/parts/<part>/test-env.ts),
 * for tests that run the whole app: it starts only when every part it holds is configured.
 */
export async function partsTestEnv(dir: string): Promise<Record<string, string>> {
  const folder = new URL('./parts/', import.meta.url);
  const parts = existsSync(folder) ? readdirSync(folder) : [];
  const envs = await Promise.all(
    parts.map(async (part) =>
      ((await import(`./parts/${part}/test-env.ts`)) as { testEnv: (dir: string) => Record<string, string> }).testEnv(dir),
    ),
  );
  return Object.assign({}, ...envs);
}
