/**
 * A generated singleton project, used as a user uses it: generate, install, `npm test`,
 * `npm run dev`, then look from outside: HTTP in, prefixed lines out, and every way of stopping
 * the runner leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAppServes, expectCleanStopOnSigterm, expectPortsFree, expectPrefixedOutput } from '../support/dev-checks.js';
import { startDev, type DevRun, servingDev } from '../support/dev-run.js';
import { npm, request, waitForFreePorts, type GeneratedProject, installedProject } from '../support/generated-project.js';

describe.skipIf(process.platform !== 'linux')('a generated singleton project', () => {
  let project: GeneratedProject;

  beforeAll(async () => {
    project = await installedProject('singleton');
  }, 300_000);
  afterAll(() => project?.remove());

  it('passes its own container tests (npm test)', async () => {
    const result = await npm(project, ['test'], 180_000);
    expect(result.exitCode, result.output).toBe(0);
  }, 200_000);

  describe('npm run dev', () => {
    let dev: DevRun;
    beforeAll(async () => {
      dev = await servingDev(project, { ports: [project.port] });
    }, 150_000);
    afterAll(() => dev?.dispose());

    it('serves GET / (JSON), /healthz, /readyz and /status on the --port given', async () => {
      await expectAppServes(project);

      const ready = await request(project.port, '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.json).toEqual({ status: 'ready' });

      const missing = await request(project.port, '/no-such-page');
      expect(missing.status).toBe(404);
      expect(missing.json).toMatchObject({ error: 'not found', path: '/no-such-page' });

      const status = await request(project.port, '/status');
      expect(status.status).toBe(200);
      expect(status.headers['content-type']).toMatch(/^application\/json/);
      expect(status.json).toMatchObject({ service: project.name, ready: true, requests: { byStatus: { 404: 1 } } });
      expect(status.json.requests.total).toBeGreaterThanOrEqual(4);
    }, 30_000);

    it('prefixes every line of the app with "app | "', () => {
      expectPrefixedOutput(dev, ['app']);
      expect(dev.jsonOf('app')).toContainEqual(expect.objectContaining({ event: 'listening', port: project.port }));
    });

    it('stops on SIGTERM: the app exits 0, `npm run dev` exits 0, no process or port is left', async () => {
      await expectCleanStopOnSigterm(dev, { order: [['app']], ports: [project.port] });
      expect(dev.jsonOf('app').map((entry) => entry.event)).toEqual(expect.arrayContaining(['draining', 'stopped']));
    }, 60_000);
  });

  // Ctrl-C signals the whole foreground job (npm, its shell and the runner); a closing terminal
  // sends SIGHUP; a process manager or `kill <pid>` signals npm alone, which passes it to its
  // shell only. Each must still stop the app gracefully and free its port.
  describe.each([
    { how: 'Ctrl-C (SIGINT to the process group)', stop: (dev: DevRun) => dev.signalGroup('SIGINT'), reason: 'SIGINT' },
    { how: 'a closing terminal (SIGHUP to the process group)', stop: (dev: DevRun) => dev.signalGroup('SIGHUP'), reason: 'SIGHUP' },
    { how: 'SIGTERM to the npm process alone', stop: (dev: DevRun) => dev.signalNpm('SIGTERM'), reason: 'parent process gone' },
  ])('npm run dev, stopped by $how', ({ stop, reason }) => {
    let dev: DevRun | undefined;
    afterAll(() => dev?.dispose());

    it('stops the app gracefully and leaves no process and no port behind', async () => {
      await waitForFreePorts([project.port], 30_000);
      dev = startDev(project);
      await dev.waitUntilServing();
      expect((await request(project.port, '/')).status).toBe(200);

      stop(dev);
      const end = await dev.ended(30_000);
      expect(
        end.leftovers.map((p) => `${p.pid} ${p.cmdline}`),
        dev.tail(),
      ).toEqual([]);
      // The runner says why it stops, then stops the app with SIGTERM, as the kubelet would.
      expect(
        dev.lines.map((line) => line.text),
        dev.tail(),
      ).toContain(`${reason}: stopping the app first, then its helpers, then the companions`);
      const events = dev.jsonOf('app');
      expect(events, dev.tail()).toContainEqual(expect.objectContaining({ event: 'draining', signal: 'SIGTERM' }));
      expect(events, dev.tail()).toContainEqual(expect.objectContaining({ event: 'stopped' }));
      expect(
        dev.containerLines('app').map((line) => line.body),
        dev.tail(),
      ).toContain('-- stopped (code 0)');
      await expectPortsFree([project.port]);
    }, 90_000);
  });
});
