import { afterEach, describe, expect, it } from 'vitest';
import type { RunningPart } from '../../../src/app-part';
import { visits } from '../../../src/parts/visits';
import { startServer, type AppServer } from '../../../src/server';
import { request, testConfig, waitFor } from '../../helpers';
import { brokenDb, type FakeDb, refusingUrl, resettingDb, workingDb } from './fake-db';

describe('POST and GET /visits, through the database at DB_URL', () => {
  let app: AppServer | undefined;
  let part: RunningPart | undefined;
  const dbs: FakeDb[] = [];
  afterEach(async () => {
    await app?.stop();
    part?.close?.();
    app = part = undefined;
    for (const db of dbs.splice(0)) await db.close();
  });

  const startApp = async (dbUrl: string, timeoutMs = 2000, shutdownDrainMs = 2000) => {
    part = visits({ DB_URL: dbUrl, DB_TIMEOUT_MS: String(timeoutMs) });
    app = await startServer(testConfig({ shutdownDrainMs }), { parts: [part] });
    return app.port;
  };
  const db = async (made: Promise<FakeDb>) => {
    const it = await made;
    dbs.push(it);
    return it;
  };
  const unavailable = { error: 'database unavailable', detail: expect.any(String) };

  it('counts a visit with POST and reads the count with GET, from counter `visits`', async () => {
    const fake = await db(workingDb({ instance: 'db-a' }));
    const port = await startApp(fake.url);
    expect(await request(port, '/visits')).toMatchObject({ status: 200, json: { visits: 0, db: 'db-a' } });
    expect(await request(port, '/visits', 'POST')).toMatchObject({ status: 200, json: { visits: 1, db: 'db-a' } });
    expect(await request(port, '/visits', 'POST')).toMatchObject({ status: 200, json: { visits: 2, db: 'db-a' } });
    expect(await request(port, '/visits')).toMatchObject({ status: 200, json: { visits: 2, db: 'db-a' } });
    expect(fake.received).toEqual(['GET /counters/visits', 'POST /counters/visits', 'POST /counters/visits', 'GET /counters/visits']);
  });

  it('gives 100 concurrent POSTs 100 distinct counts, 1 to 100: none lost, none sent twice', async () => {
    const fake = await db(workingDb({ maxDelayMs: 50 }));
    const port = await startApp(fake.url);
    const answers = await Promise.all(Array.from({ length: 100 }, () => request(port, '/visits', 'POST')));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const counts = answers.map((a) => a.json.visits as number).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(fake.value('visits')).toBe(100);
    expect(fake.received.filter((r) => r === 'POST /counters/visits')).toHaveLength(100);
  });

  it('answers 503 database unavailable when nothing listens at DB_URL, and stays alive and ready', async () => {
    const port = await startApp(await refusingUrl());
    for (const method of ['GET', 'POST']) {
      const answer = await request(port, '/visits', method);
      expect(answer).toMatchObject({ status: 503, json: unavailable });
      expect(answer.json.detail).toMatch(/ECONNREFUSED/);
    }
    // Readiness must not cascade: a database outage must not empty the app's Service.
    expect(await request(port, '/readyz')).toMatchObject({ status: 200, json: { status: 'ready' } });
    expect((await request(port, '/healthz')).status).toBe(200);
  });

  it('answers 503 when the database resets the connection, and sends a POST once, never again', async () => {
    const fake = await db(resettingDb());
    const port = await startApp(fake.url);
    const answer = await request(port, '/visits', 'POST');
    expect(answer).toMatchObject({ status: 503, json: unavailable });
    expect(answer.json.detail).toMatch(/ECONNRESET|socket hang up/);
    expect(fake.received).toEqual(['POST /counters/visits']);
  });

  it('answers 503 when the database resets in the middle of its answer', async () => {
    const fake = await db(
      brokenDb((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100 });
        res.write('{"name":"visits","val');
        setTimeout(() => res.socket?.resetAndDestroy(), 20);
      }),
    );
    const port = await startApp(fake.url);
    expect(await request(port, '/visits', 'POST')).toMatchObject({ status: 503, json: unavailable });
  });

  it('answers 503 after DB_TIMEOUT_MS when the database hangs, for every request, and leaves no call open', async () => {
    const fake = await db(brokenDb(() => {})); // takes the request, never answers
    const port = await startApp(fake.url, 300);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => request(port, '/visits', i % 2 ? 'GET' : 'POST')));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250); // the timer cannot fire early
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(503));
    for (const a of answers)
      expect(a.json).toEqual({ error: 'database unavailable', detail: expect.stringMatching(/no answer within 300 ms/) });
    expect(fake.received).toHaveLength(20);
    await waitFor(() => fake.openConnections() === 0);
  });

  it('answers 503 after DB_TIMEOUT_MS when the database starts its answer and never finishes it', async () => {
    const fake = await db(
      brokenDb((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100 });
        res.write('{"name":');
      }),
    );
    const port = await startApp(fake.url, 300);
    const answer = await request(port, '/visits');
    expect(answer).toMatchObject({
      status: 503,
      json: { error: 'database unavailable', detail: expect.stringMatching(/no answer within 300 ms/) },
    });
    await waitFor(() => fake.openConnections() === 0);
  });

  it.each([
    [500, '{"error":"disk full"}'],
    [404, ''],
    [302, ''],
  ])('answers 503 when the database answers %i', async (status, body) => {
    const fake = await db(brokenDb((_req, res) => res.writeHead(status).end(body)));
    const port = await startApp(fake.url);
    const answer = await request(port, '/visits', 'POST');
    expect(answer).toMatchObject({ status: 503, json: unavailable });
    expect(answer.json.detail).toContain(`answered ${status}`);
  });

  it.each([
    ['HTML', '<html>busy</html>'],
    ['JSON without a value', '{"name":"visits","instance":"db-1"}'],
    ['a negative value', '{"name":"visits","value":-1,"instance":"db-1"}'],
    ['a value that is not a number', '{"name":"visits","value":"7","instance":"db-1"}'],
    ['no instance', '{"name":"visits","value":7}'],
    ['an empty body', ''],
    ['a megabyte of digits', `{"value":${'9'.repeat(1024 * 1024)}}`],
  ])('answers 503 when the database answers 200 with %s', async (_what, body) => {
    const fake = await db(brokenDb((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body)));
    const port = await startApp(fake.url);
    expect(await request(port, '/visits')).toMatchObject({ status: 503, json: unavailable });
  });

  it('answers 405 with Allow for another method', async () => {
    const port = await startApp(await refusingUrl());
    const answer = await request(port, '/visits', 'DELETE');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, POST, HEAD');
  });

  it('stops within SHUTDOWN_DRAIN_MS while a database call hangs, and closing the part ends that call', async () => {
    const fake = await db(brokenDb(() => {}));
    const port = await startApp(fake.url, 600_000, 300);
    const inFlight = request(port, '/visits', 'POST').then(
      (a) => a.status,
      (err: Error) => err.message,
    );
    await waitFor(() => fake.received.length === 1);
    await app!.stop(); // what SIGTERM does: resolves once the drain limit cut the request
    expect(await inFlight).toBe('socket hang up');
    expect(fake.openConnections()).toBe(1); // the app's call to the database is still waiting
    part!.close!();
    await waitFor(() => fake.openConnections() === 0);
  });

  it('wants DB_URL as an http:// URL, and DB_TIMEOUT_MS', () => {
    expect(() => visits({})).toThrow('DB_URL is not set; DB_TIMEOUT_MS is not set');
    expect(() => visits({ DB_URL: 'shop-db:7000', DB_TIMEOUT_MS: '1000' })).toThrow(/DB_URL must be an http:\/\/ URL/);
    expect(() => visits({ DB_URL: 'http://shop-db:7000', DB_TIMEOUT_MS: '0' })).toThrow(/DB_TIMEOUT_MS must be a whole number from 1/);
  });
});
