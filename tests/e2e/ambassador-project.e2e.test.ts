/**
 * A generated ambassador project: the app reaches its upstream only through the ambassador on
 * 127.0.0.1:9000, which fails over between the two demo upstreams. Checked from outside through
 * `npm run dev`: GET /upstream while the upstream processes are killed, stopped and restarted.
 *
 * How "dead" is made deterministic: SIGKILL of an upstream's process. Its port then refuses
 * connections at once (ECONNREFUSED), until the runner restarts it after its backoff (1 s after a
 * first crash, 2 s after a second within 10 s), so the requests right after the kill see it dead.
 * A stopped process (SIGSTOP) is another kind of dead: the kernel still completes the TCP
 * handshake for it and takes the request, and nothing ever answers. The ambassador gives it
 * FIRST_BYTE_TIMEOUT_MS, then sends the request to the backup, and its health checks take it out
 * of rotation; that case is counted too. (Resets and closes before the answer are counted by the
 * project's own tests, with fake upstreams: the demo upstream does not misbehave on demand.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAppServes, expectCleanStopOnSigterm, expectPrefixedOutput } from '../support/dev-checks.js';
import { eventually, type DevRun, servingDev } from '../support/dev-run.js';
import { connectionRefused, manifestEnv, npm, request, type GeneratedProject, installedProject } from '../support/generated-project.js';

/** Fixed by the pattern (src/patterns/constants.ts). */
const PROXY_PORT = 9000;
const HEALTH_PORT = 9001;
const PRIMARY_PORT = 9081;
const BACKUP_PORT = 9082;

describe.skipIf(process.platform !== 'linux')('a generated ambassador project', () => {
  let project: GeneratedProject;

  beforeAll(async () => {
    project = await installedProject('ambassador');
  }, 300_000);
  afterAll(() => project?.remove());

  it('passes its own container tests (npm test)', async () => {
    const result = await npm(project, ['test'], 180_000);
    expect(result.exitCode, result.output).toBe(0);
  }, 200_000);

  describe('npm run dev', () => {
    let dev: DevRun;
    beforeAll(async () => {
      dev = await servingDev(project, { ports: [project.port, PROXY_PORT, HEALTH_PORT, PRIMARY_PORT, BACKUP_PORT] });
    }, 180_000);
    afterAll(() => dev?.dispose());

    const upstream = () => request(project.port, '/upstream', { timeoutMs: 15_000 });
    /** SIGKILL the upstream listening on `port` (a crash), and wait until its port refuses connections. */
    const crash = async (port: number) => {
      const listener = dev.listenerOn(port);
      if (!listener) throw new Error(`no process of this run listens on ${port}\n${dev.tail()}`);
      process.kill(listener.pid, 'SIGKILL');
      await eventually(() => connectionRefused(port), { timeoutMs: 900, intervalMs: 10, what: `port ${port} to refuse connections` });
    };
    /**
     * Until the ambassador's health checks see both upstreams up. The runner starts them beside
     * the ambassador, and a check that finds one not listening yet (at start, or after a crash
     * and restart) takes it out until RISE checks pass: each failover test starts from both up.
     */
    const bothUp = () =>
      eventually(
        async () => {
          const health = await request(HEALTH_PORT, '/healthz');
          const states = (health.json?.upstreams ?? []) as { state: string }[];
          return states.length === 2 && states.every((u) => u.state === 'up');
        },
        { timeoutMs: 20_000, intervalMs: 200, what: "both upstreams up in the ambassador's health checks", context: () => dev.tail(20) },
      );
    /** Until GET /upstream answers from `name` again (the runner restarts a crashed upstream). */
    const recovered = (name: string) =>
      eventually(async () => (await upstream()).json?.upstream?.upstream === name, {
        timeoutMs: 20_000,
        intervalMs: 250,
        what: `GET /upstream to answer from the ${name} upstream again`,
        context: () => dev.tail(20),
      });

    it('serves GET / (JSON) and /healthz; the ambassador listens on loopback only; every container prints prefixed lines', async () => {
      await expectAppServes(project);
      expect(dev.listenerOn(PROXY_PORT)?.address).toBe('127.0.0.1');
      const health = await request(HEALTH_PORT, '/healthz');
      expect(health.status).toBe(200);
      expectPrefixedOutput(dev, ['app', 'ambassador', 'upstream-primary', 'upstream-backup']);
    }, 30_000);

    it('GET /upstream answers from the primary upstream, through the ambassador', async () => {
      await bothUp();
      const answer = await upstream();
      expect(answer.status, answer.text).toBe(200);
      expect(answer.json).toMatchObject({ via: 'ambassador', upstream: { upstream: 'primary' } });
    }, 30_000);

    it('fails over to the backup when the primary crashes, and goes back once the runner has restarted it', async () => {
      await bothUp();
      await crash(PRIMARY_PORT);
      const during = await upstream();
      expect(during.status, during.text).toBe(200);
      expect(during.json).toMatchObject({ via: 'ambassador', upstream: { upstream: 'backup' } });
      await dev.waitForLine(
        (line) => /^upstream-primary +\| -- exited \(signal SIGKILL\); restarting/.test(line.text),
        'the runner to restart upstream-primary',
      );
      await recovered('primary');
    }, 40_000);

    it('answers 502 with a JSON error naming each attempt when both upstreams are down, and recovers', async () => {
      await bothUp();
      await crash(PRIMARY_PORT);
      await crash(BACKUP_PORT);
      const down = await upstream();
      expect(down.status, down.text).toBe(502);
      expect(down.headers['content-type']).toMatch(/^application\/json/);
      expect(down.json.detail, down.text).toMatchObject({ error: expect.stringMatching(/no upstream reachable/) });
      // Each upstream is named, refused: tried now, or skipped as a health check or an earlier
      // request had just found it refusing.
      expect(down.json.detail.attempts.map((a: { upstream: string }) => a.upstream).sort(), down.text).toEqual([
        `127.0.0.1:${PRIMARY_PORT}`,
        `127.0.0.1:${BACKUP_PORT}`,
      ]);
      for (const attempt of down.json.detail.attempts) expect(attempt.error, down.text).toMatch(/ECONNREFUSED/);
      await recovered('primary');
    }, 40_000);

    it('answers from the backup while the primary is stopped (SIGSTOP: accepts, never answers): 0 of 10 requests fail, and /healthz says down', async () => {
      await bothUp();
      const listener = dev.listenerOn(PRIMARY_PORT);
      if (!listener) throw new Error(`no process of this run listens on ${PRIMARY_PORT}`);
      process.kill(listener.pid, 'SIGSTOP');
      try {
        const failed: string[] = [];
        for (let i = 0; i < 10; i++) {
          const answer = await upstream().catch((err: Error) => ({ status: 0, text: err.message, json: undefined }));
          if (answer.status !== 200 || answer.json?.upstream?.upstream !== 'backup') failed.push(`${answer.status} ${answer.text}`);
        }
        expect(failed, dev.tail(20)).toEqual([]);
        const health = await request(HEALTH_PORT, '/healthz');
        expect(health.json.upstreams, health.text).toMatchObject([
          { address: `127.0.0.1:${PRIMARY_PORT}`, state: 'down' },
          { address: `127.0.0.1:${BACKUP_PORT}`, state: 'up' },
        ]);
      } finally {
        process.kill(listener.pid, 'SIGCONT');
      }
      await recovered('primary');
      // A hung upstream costs FIRST_BYTE_TIMEOUT_MS once: it must leave the backup time inside the app's bound.
      const appTimeoutMs = Number(manifestEnv(project, 'app', 'UPSTREAM_TIMEOUT_MS'));
      expect(Number(manifestEnv(project, 'ambassador', 'FIRST_BYTE_TIMEOUT_MS'))).toBeLessThan(appTimeoutMs / 2);
    }, 90_000);

    it('on SIGTERM stops the app, then the ambassador, then the upstreams, and exits 0 leaving no port held', async () => {
      await expectCleanStopOnSigterm(dev, {
        order: [['app'], ['ambassador'], ['upstream-primary', 'upstream-backup']],
        ports: [project.port, PROXY_PORT, HEALTH_PORT, PRIMARY_PORT, BACKUP_PORT],
      });
    }, 60_000);
  });
});
