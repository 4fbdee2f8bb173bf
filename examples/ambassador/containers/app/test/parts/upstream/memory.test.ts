import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { MAX_CONNECTIONS } from '../../../../../shared/http-server';
import { startBundled } from '../../../../../test-support/bundled-process';
import { canHoldConnections, declaredContainer, HEADROOM, mib, peakRss } from '../../../../../test-support/declared-limits';
import { MAX_UPSTREAM_ANSWER_BYTES } from '../../../src/parts/upstream/get-upstream';
import { listen, partsTestEnv, tempDir } from '../../helpers';

const ENTRY = new URL('../../../src/index.ts', import.meta.url);

/** The project's k8s/deployment.yaml; in create-pod-pattern's repository, the golden example's. */
const MANIFESTS = [
  new URL('../../../../../k8s/deployment.yaml', import.meta.url),
  new URL('../../../../../../examples/ambassador/k8s/deployment.yaml', import.meta.url),
];

/** Every connection the app holds, each waiting on an upstream call (the test holds two descriptors per call). */
const CALLS = MAX_CONNECTIONS;

describe.skipIf(!canHoldConnections(CALLS))('the app under every /upstream call it can hold at once', () => {
  it(`stays under its manifest's memory limit, with headroom, when ${CALLS} upstream answers of the largest size it takes come at once`, async () => {
    const manifest = declaredContainer(MANIFESTS, 'app');
    // The costliest JSON per byte: empty objects, a third of the bytes each. All calls are held until the
    // last has come, then answered together, so every answer is in the app at the same time.
    const body = `[${Array(Math.floor((MAX_UPSTREAM_ANSWER_BYTES - 2) / 3))
      .fill('{}')
      .join(',')}]`;
    const held: (() => void)[] = [];
    const upstream = await listen((_req, res) => {
      held.push(() => res.end(body));
      if (held.length === CALLS) for (const answer of held) answer();
    });
    const app = await startBundled(ENTRY, {
      ...manifest.env,
      ...(await partsTestEnv(tempDir())),
      PORT: '0',
      UPSTREAM_URL: `http://127.0.0.1:${upstream.port}`,
      UPSTREAM_TIMEOUT_MS: '60000',
    });
    const agent = new http.Agent({ maxSockets: Number.POSITIVE_INFINITY });
    try {
      const { port } = (await app.waitFor('listening')) as { port: number };
      // Clients that do not read their answer: it stays with the app until the socket takes it.
      const statuses = await Promise.all(
        Array.from(
          { length: CALLS },
          () =>
            new Promise<number | string>((resolve) => {
              const req = http.get({ host: '127.0.0.1', port, path: '/upstream', agent }, (res) => {
                res.pause();
                resolve(res.statusCode ?? 0);
              });
              req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
            }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const peak = peakRss(app.child.pid!);
      const bound = manifest.memoryLimitBytes * (1 - HEADROOM);
      console.log(`app peak RSS ${mib(peak)} with ${CALLS} answers of ${body.length} bytes at once (bound ${mib(bound)})`);
      expect(new Set(statuses)).toEqual(new Set([200]));
      expect(peak, `peak RSS ${mib(peak)}, bound ${mib(bound)}`).toBeLessThan(bound);
    } finally {
      agent.destroy();
      app.child.kill('SIGKILL');
      await upstream.close();
    }
  }, 120_000);
});
