import type http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { adapter, appServing, fakeApp, get, SAMPLE_STATUS, value } from './helpers';

/** A port nothing listens on. */
async function downPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const answering = (status: number, body: string) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.statusCode = status;
  res.end(body);
};

/** Scrapes once and checks the adapter stayed up, said the app is not readable, and counted `reason`. */
async function expectCountedFailure(adapterPort: number, reason: string): Promise<string> {
  const { status, body } = await get(adapterPort);
  expect(status).toBe(200);
  expect(value(body, 'adapter_up')).toBe(0);
  expect(value(body, `adapter_scrape_errors_total{reason="${reason}"}`)).toBe(1);
  for (const other of ['timeout', 'connect', 'http_status', 'too_large', 'malformed'].filter((r) => r !== reason)) {
    expect(value(body, `adapter_scrape_errors_total{reason="${other}"}`)).toBe(0);
  }
  expect(body).not.toMatch(/^app_/m); // no stale or half-read app values
  return body;
}

describe('an app status that cannot be used', () => {
  it('counts a body that is not JSON as malformed', async () => {
    const amb = await adapter(await fakeApp(answering(200, '{"uptimeSeconds": 12.5,')));
    await expectCountedFailure(amb.port, 'malformed');
    expect(amb.events).toMatchObject([{ event: 'app_status_unreadable', reason: 'malformed', error: 'status is not JSON' }]);
  });

  it('counts wrong types as malformed', async () => {
    const amb = await adapter(await appServing(() => ({ ...SAMPLE_STATUS, uptimeSeconds: 'twelve' })));
    await expectCountedFailure(amb.port, 'malformed');
    expect(amb.events[0].error).toBe('"uptimeSeconds" should be a number, got "twelve"');
  });

  it('counts a JSON array as malformed', async () => {
    const amb = await adapter(await appServing(() => [1, 2, 3]));
    await expectCountedFailure(amb.port, 'malformed');
  });

  it('counts HTTP 500 as http_status', async () => {
    const amb = await adapter(await fakeApp(answering(500, 'boom')));
    await expectCountedFailure(amb.port, 'http_status');
  });

  it('counts an app that does not answer within SCRAPE_TIMEOUT_MS as timeout', async () => {
    const amb = await adapter(await fakeApp(() => {}), { scrapeTimeoutMs: 200 });
    const start = Date.now();
    await expectCountedFailure(amb.port, 'timeout');
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('counts an app that is down as connect', async () => {
    const amb = await adapter(await downPort());
    await expectCountedFailure(amb.port, 'connect');
  });

  it('is up again on the next good read, keeping the error count', async () => {
    let broken = true;
    const amb = await adapter(
      await fakeApp((_req, res) => (broken ? answering(500, 'x')(_req, res) : res.end(JSON.stringify(SAMPLE_STATUS)))),
    );
    await expectCountedFailure(amb.port, 'http_status');

    broken = false;
    const { body } = await get(amb.port);

    expect(value(body, 'adapter_up')).toBe(1);
    expect(value(body, 'adapter_scrape_errors_total{reason="http_status"}')).toBe(1);
    expect(value(body, 'app_uptime_seconds')).toBe(12.5);
    expect(amb.events.map((e) => e.event)).toEqual(['app_status_unreadable', 'app_status_readable']);
  });
});
