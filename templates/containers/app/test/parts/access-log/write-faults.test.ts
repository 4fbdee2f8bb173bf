import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startBundled } from '../../../../../test-support/bundled-process';
import { partsTestEnv, request, tempDir, waitFor } from '../../helpers';

const ENTRY = new URL('../../../src/index.ts', import.meta.url);

/** util-linux's prlimit sets a limit on a running process; Linux only. */
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

/** Each line of the file parsed, or the text of a line that is not JSON. */
function linesOf(path: string): (Record<string, unknown> | string)[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        return line;
      }
    });
}

/** GETs `path` on the one connection `agent` keeps open: the app needs no new file descriptor for it. */
function getOn(agent: http.Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

describe('the built app when its access log cannot be written for a while', () => {
  it.skipIf(!hasPrlimit)('leaves no torn line behind: every line written once there is room again is whole', async () => {
    const env: Record<string, string> = { PORT: '0', SERVICE_NAME: 'demo', SHUTDOWN_DRAIN_MS: '5000', ...(await partsTestEnv(tempDir())) };
    const app = await startBundled(ENTRY, env);
    try {
      const { port } = (await app.waitFor('listening')) as { port: number };
      const serve = async (tag: string, count: number) => {
        for (let i = 0; i < count; i++) expect((await request(port, `/?${tag}`)).status).toBe(200);
      };
      await serve('before', 20);
      // A line is written once its answer is sent, which may be just after the client has read it.
      await waitFor(() => linesOf(env.ACCESS_LOG!).length === 20);

      // A file size limit half a line past the end, as a full disk: the next line is cut short
      // (write() takes part of it), the ones after it fail outright (EFBIG). Only the soft limit (`<soft>:`),
      // so it can be raised again without privileges.
      const size = statSync(env.ACCESS_LOG!).size;
      execFileSync('prlimit', ['--pid', String(app.child.pid), `--fsize=${size + 40}:`]);
      await serve('full', 5);
      const failures = () => app.lines.filter((line) => line.event === 'access log write failed');
      await waitFor(() => failures().length === 5);
      execFileSync('prlimit', ['--pid', String(app.child.pid), '--fsize=unlimited:']);
      await serve('after', 20);

      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      const lines = linesOf(env.ACCESS_LOG!);
      // The five lines the full disk refused are lost, and said so, one error each; nothing else is.
      expect(failures()).toHaveLength(5);
      expect(failures()[0].error).toMatch(/EFBIG/);
      expect(lines.filter((line) => typeof line === 'string')).toEqual([]);
      expect(lines).toHaveLength(40);
      expect(lines.every((line) => typeof line === 'object' && line.status === 200 && line.path === '/')).toBe(true);
    } finally {
      app.child.kill('SIGKILL');
    }
  });

  it.skipIf(!hasPrlimit)('keeps the file it rotated, and starts a fresh one as soon as a file can be made again', async () => {
    const env: Record<string, string> = {
      PORT: '0',
      SERVICE_NAME: 'demo',
      SHUTDOWN_DRAIN_MS: '5000',
      ...(await partsTestEnv(tempDir())),
      ACCESS_LOG_MAX_BYTES: '1000', // about ten lines a file
    };
    const app = await startBundled(ENTRY, env);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const { port } = (await app.waitFor('listening')) as { port: number };
      const serve = async (tag: string, count: number) => {
        // A path of its own per request (answered 404), so the log says which ones it kept.
        for (let i = 0; i < count; i++) expect(await getOn(agent, port, `/${tag}/${i}`)).toBe(404);
      };
      await serve('before', 5);

      // No file descriptor left below the access log's own (EMFILE), as when no new file can be
      // made (ENOSPC: no inode left): the next rotation renames the full file, then cannot open a fresh one.
      const fds = `/proc/${app.child.pid}/fd`;
      const logFd = readdirSync(fds).find((fd) => readlinkSync(`${fds}/${fd}`) === env.ACCESS_LOG);
      const limit = (value: string) => execFileSync('prlimit', ['--pid', String(app.child.pid), `--nofile=${value}:`]);
      const softLimit = execFileSync('prlimit', ['--pid', String(app.child.pid), '--nofile', '--output=SOFT', '--noheadings', '--raw']);
      limit(String(logFd));
      await serve('no-files', 10);
      limit(String(softLimit).trim());
      await serve('after', 5);
      agent.destroy();

      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
      const failed = app.lines.filter((line) => line.event === 'access log write failed').length;
      const kept = [env.ACCESS_LOG, `${env.ACCESS_LOG}.1`, `${env.ACCESS_LOG}.2`].flatMap((path) => {
        try {
          return linesOf(path);
        } catch {
          return []; // not there
        }
      });
      const keptPaths = kept.map((line) => (typeof line === 'object' ? line.path : line));
      const paths = (tag: string, count: number) => Array.from({ length: count }, (_, i) => `/${tag}/${i}`);
      // Lost: only lines that came while no file could be made, each said so. Every other one is kept.
      console.log(`lines failed ${failed}, kept ${keptPaths.length} of 20`);
      expect(failed).toBeGreaterThan(0);
      expect(keptPaths).toHaveLength(20 - failed);
      expect(keptPaths).toEqual(expect.arrayContaining([...paths('before', 5), ...paths('after', 5)]));
    } finally {
      agent.destroy();
      app.child.kill('SIGKILL');
    }
  });
});
