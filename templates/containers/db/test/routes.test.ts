import net from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type DbState, dbRoutes } from '../src/routes';
import { startServer } from '../../../shared/http-server';
import { CounterStore } from '../src/store';
import { request, tempDir } from './helpers';

/** The db's routes on a free port, the store not yet attached (as while the journal replays). */
async function serve(maxCounters = 1000) {
  const state: DbState = { serviceName: 'shop-db', instance: 'abc123', startedAt: '2026-11-30T00:00:00.000Z', isDraining: () => false };
  const server = await startServer(0, dbRoutes(state));
  state.isDraining = server.isDraining;
  const attach = async () => {
    const [store] = await CounterStore.open(tempDir(), { maxCounters, maxJournalBytes: 1024 * 1024 }, () => {});
    state.store = store;
    onTestFinished(() => store.close());
  };
  onTestFinished(() => server.stop(0));
  return { port: server.port, attach };
}

/** Sends raw bytes on one connection and returns all the server answered before closing. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('db routes', () => {
  it('is live but not ready, and takes no counter request, until the journal is replayed', async () => {
    const db = await serve();
    expect((await request(db.port, 'GET', '/healthz')).status).toBe(200);
    expect(await request(db.port, 'GET', '/readyz')).toMatchObject({ status: 503, json: { status: 'starting' } });
    expect(await request(db.port, 'POST', '/counters/visits')).toMatchObject({ status: 503 });
    expect(await request(db.port, 'GET', '/')).toMatchObject({ status: 503, json: { status: 'starting', instance: 'abc123' } });

    await db.attach();
    expect(await request(db.port, 'GET', '/readyz')).toMatchObject({ status: 200, json: { status: 'ready' } });
    expect(await request(db.port, 'POST', '/counters/visits')).toMatchObject({
      status: 200,
      json: { name: 'visits', value: 1, instance: 'abc123' },
    });
  });

  it('counts with POST, reads with GET (0 for a new name), and says who it is at /', async () => {
    const db = await serve();
    await db.attach();
    expect((await request(db.port, 'GET', '/counters/orders')).json).toEqual({ name: 'orders', value: 0, instance: 'abc123' });
    await request(db.port, 'POST', '/counters/visits');
    const second = await request(db.port, 'POST', '/counters/visits?ignored=1');
    expect(second.json).toEqual({ name: 'visits', value: 2, instance: 'abc123' });
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await request(db.port, 'GET', '/counters/visits')).json.value).toBe(2);
    expect((await request(db.port, 'GET', '/')).json).toEqual({
      service: 'shop-db',
      instance: 'abc123',
      startedAt: '2026-11-30T00:00:00.000Z',
      counters: 1,
    });
  });

  it.each(['Visits', 'a_b', 'a%2Fb', 'a/b', '..', '', 'x'.repeat(65), 'caf%C3%A9'])('answers 400 to the name "%s"', async (name) => {
    const db = await serve();
    await db.attach();
    const answer = await request(db.port, 'POST', `/counters/${name}`);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/^bad counter name/);
  });

  it('answers 413 to a body over 1 KiB, whether its length is declared or streamed, and counts nothing', async () => {
    const db = await serve();
    await db.attach();
    expect((await request(db.port, 'POST', '/counters/visits', Buffer.alloc(1024, 'x'))).status).toBe(200);
    expect((await request(db.port, 'POST', '/counters/visits', Buffer.alloc(1025, 'x'))).status).toBe(413);
    const chunked = await raw(
      db.port,
      `POST /counters/visits HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n${'400\r\n'}${'y'.repeat(1024)}\r\n${'10\r\n'}${'z'.repeat(16)}\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 413 /);
    expect(chunked).toMatch(/connection: close/i);
    expect((await request(db.port, 'GET', '/counters/visits')).json.value).toBe(1);
  });

  it('answers 404 elsewhere and 405 with Allow for other methods', async () => {
    const db = await serve();
    await db.attach();
    expect((await request(db.port, 'GET', '/counters')).status).toBe(404);
    expect((await request(db.port, 'GET', '/admin')).status).toBe(404);
    const del = await request(db.port, 'DELETE', '/counters/visits');
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET, HEAD, POST');
    expect((await request(db.port, 'POST', '/')).headers.allow).toBe('GET, HEAD');
  });

  it('answers 507 to a new name past MAX_COUNTERS, and still counts the names it holds', async () => {
    const db = await serve(2);
    await db.attach();
    await request(db.port, 'POST', '/counters/a');
    await request(db.port, 'POST', '/counters/b');
    const refused = await request(db.port, 'POST', '/counters/c');
    expect(refused.status).toBe(507);
    expect(refused.json.error).toContain('MAX_COUNTERS');
    expect((await request(db.port, 'POST', '/counters/a')).json.value).toBe(2);
    expect((await request(db.port, 'GET', '/')).json.counters).toBe(2);
  });
});
