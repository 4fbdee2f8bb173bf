import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type AppServer } from '../src/server';
import { VERSION } from '../src/status';
import { request, testConfig } from './helpers';

describe('GET /status', () => {
  let app: AppServer;
  afterEach(() => app?.stop());

  it('has the shape the adapter reads', async () => {
    app = await startServer(testConfig({ serviceName: 'demo' }));
    const { status, json } = await request(app.port, '/status');
    expect(status).toBe(200);
    expect(Object.keys(json).sort()).toEqual(
      ['service', 'version', 'startedAt', 'uptimeSeconds', 'ready', 'requests', 'memory', 'metrics'].sort(),
    );
    expect(json).toMatchObject({ service: 'demo', version: VERSION, ready: true, metrics: {} });
    expect(new Date(json.startedAt).toISOString()).toBe(json.startedAt);
    expect(json.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(Object.keys(json.requests).sort()).toEqual(['byStatus', 'durationSecondsSum', 'inFlight', 'total']);
    expect(json.memory.rssBytes).toBeGreaterThan(0);
    expect(json.memory.heapUsedBytes).toBeGreaterThan(0);
  });

  it('counts answered requests by status, and the one in flight', async () => {
    app = await startServer(testConfig());
    await request(app.port, '/');
    await request(app.port, '/');
    await request(app.port, '/missing');
    await request(app.port, '/', 'PUT');
    const { json } = await request(app.port, '/status');
    expect(json.requests.total).toBe(4);
    expect(json.requests.byStatus).toEqual({ '200': 2, '404': 1, '405': 1 });
    expect(json.requests.inFlight).toBe(1); // this very request
    expect(json.requests.durationSecondsSum).toBeGreaterThan(0);

    const next = await request(app.port, '/status');
    expect(next.json.requests.total).toBe(5);
    expect(next.json.requests.byStatus['200']).toBe(3);
    expect(next.json.requests.durationSecondsSum).toBeGreaterThanOrEqual(json.requests.durationSecondsSum);
  });

  it('reports the app-defined metrics', async () => {
    app = await startServer(testConfig());
    app.status.metrics.orders_placed = 3;
    app.status.metrics.queue_depth = 0.5;
    const { json } = await request(app.port, '/status');
    expect(json.metrics).toEqual({ orders_placed: 3, queue_depth: 0.5 });
  });
});
