/**
 * A generated anti-pattern project, used as a user uses it: generate (both languages), install,
 * `npm test`, `npm run demo -- --json` (the three lessons, measured), and `npm run dev` serving
 * the fix: visits counted through web -> app -> db, stopped web first, database last.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanStopOnSigterm } from '../support/dev-checks.js';
import { eventually, startDev, type DevRun } from '../support/dev-run.js';
import {
  freePort,
  generateProject,
  npm,
  npmInstall,
  projectEnv,
  request,
  waitForFreePorts,
  type GeneratedProject,
} from '../support/generated-project.js';
import { runCli } from '../support/cli.js';

/** The web's and the database's ports, as the design fixes them (the app's is --port). */
const WEB_PORT = 8000;
const DB_PORT = 7000;

/** `npm run demo [-- args]`: stdout and stderr apart (--json promises stdout holds only the JSON). */
async function demo(dir: string, args: string[] = []) {
  const result = await execa('npm', ['run', '--silent', 'demo', ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: dir,
    env: projectEnv(),
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    timeout: 300_000,
    forceKillAfterDelay: 2000,
  });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Pids of processes running the project's built containers (none may outlive the demo). */
function containerProcesses(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(`${dir}/containers/`)) found.push(`${pid} ${cmdline}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe.skipIf(process.platform !== 'linux')('a generated anti-pattern project', () => {
  let project: GeneratedProject;

  beforeAll(async () => {
    project = await generateProject('anti-pattern', await freePort());
    const install = await npmInstall(project);
    expect(install.exitCode, install.output).toBe(0);
  }, 300_000);
  afterAll(() => project?.remove());

  it('passes its own tests (npm test): the containers and the scripts, the demo among them', async () => {
    const result = await npm(project, ['test'], 280_000);
    expect(result.exitCode, result.output).toBe(0);
  }, 300_000);

  it('npm run demo -- --json: the three lessons, measured, and nothing else on stdout', async () => {
    const run = await demo(project.dir, ['--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout), run.stderr).toEqual({
      scaling: {
        antiPattern: { replicas: 3, writes: 10, databases: 3, answers: [4, 3, 3] },
        fix: { replicas: 3, writes: 10, databases: 1, answers: [10, 10, 10] },
      },
      failure: {
        antiPattern: { requests: 10, pageOk: 0, apiDatabaseUnavailable: 0, failed: 10 },
        fix: { requests: 10, pageOk: 10, apiDatabaseUnavailable: 10, failed: 0 },
      },
      rollout: {
        antiPattern: { dbRestarted: true, visitsBefore: 10, visitsAfter: 0 },
        fix: { dbRestarted: false, visitsBefore: 10, visitsAfter: 10 },
      },
    });
    // Each step said as it happened, on stderr: both databases came back after the crash.
    expect(run.stderr.match(/the database is back \(pid \d+\): page 200, API 200$/gm), run.stderr).toHaveLength(2);
    expect(containerProcesses(project.dir)).toEqual([]);
  }, 320_000);

  it('npm run demo speaks Korean in a project generated with --lang ko', async () => {
    const root = join(tmpdir(), `cpp-e2e-anti-ko-${process.pid}`);
    const dir = join(root, 'shop');
    try {
      const generated = await runCli([dir, '--pattern', 'anti-pattern', '--lang', 'ko', '--yes']);
      expect(generated.exitCode, generated.stderr).toBe(0);
      const ko: GeneratedProject = { pattern: 'anti-pattern', name: 'shop', dir, port: 8080, remove: () => {} };
      const install = await npmInstall(ko);
      expect(install.exitCode, install.output).toBe(0);
      const run = await demo(dir);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain('1. 스케일: 레플리카 세 개, 방문 열 번');
      expect(run.stdout).toMatch(/^롤아웃 +앱 롤아웃으로 데이터베이스가 재시작했나 +예 +아니요$/m);
      expect(run.stdout).toMatch(/^장애 +데이터베이스가 멈춘 동안 열린 페이지 +0\/10 +10\/10$/m);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 400_000);

  describe('npm run dev runs the fix', () => {
    let dev: DevRun;
    const claims: string[] = [];
    beforeAll(async () => {
      await waitForFreePorts([WEB_PORT, project.port, DB_PORT], 60_000);
      dev = startDev(project);
      await dev.waitUntilServing();
      // The app answering is not enough: the web starts after it, and the db may still replay
      // its journal (a request to either then was refused, or the test's SIGTERM came first).
      for (const [port, path] of [
        [WEB_PORT, '/healthz'],
        [DB_PORT, '/readyz'],
      ] as const) {
        await eventually(async () => (await request(port, path, { timeoutMs: 1000 })).status === 200, {
          timeoutMs: 30_000,
          what: `GET 127.0.0.1:${port}${path} to answer 200`,
          context: () => dev.tail(),
        });
      }
    }, 150_000);
    afterAll(async () => {
      await dev?.dispose();
      // The project's folder of claims (dev keeps it between runs, as a claim outlives its pod).
      for (const claim of claims) rmSync(dirname(claim), { recursive: true, force: true });
    });

    it('counts visits through the web: POST and GET /api/visits reach the one database', async () => {
      const claim = dev.lines.map((line) => /PersistentVolumeClaim data-\S+-db-0: (\S+)/.exec(line.text)?.[1]).find(Boolean);
      expect(claim, dev.tail()).toBeTruthy();
      claims.push(claim!);
      const page = await request(WEB_PORT, '/');
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      const counts: number[] = [];
      const databases = new Set<string>();
      for (let i = 0; i < 5; i += 1) {
        const answer = await request(WEB_PORT, '/api/visits', { method: 'POST' });
        expect(answer.status, answer.text).toBe(200);
        counts.push(answer.json.visits);
        databases.add(answer.json.db);
      }
      // The claim outlives earlier runs: count on from wherever it stood.
      expect(counts).toEqual(counts.map((_, i) => counts[0] + i));
      const read = await request(WEB_PORT, '/api/visits');
      expect(read.json).toEqual({ visits: counts[4], db: [...databases][0] });
      expect(databases.size).toBe(1);
    }, 60_000);

    it('stops on SIGTERM in reverse start order (web, app, db), each exiting 0, leaving no process or port', async () => {
      await expectCleanStopOnSigterm(dev, { order: [['web'], ['app'], ['db']], ports: [WEB_PORT, project.port, DB_PORT] });
      expect(dev.lines.map((line) => line.text)).toContain('SIGTERM: stopping in reverse start order');
    }, 90_000);
  });
});
