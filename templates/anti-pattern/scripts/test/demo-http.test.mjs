// The demo's HTTP client: a reading asked again while unanswered, and never more than allowed.
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { getUntilOk } from '../lib/demo-http.mjs';

let server;
afterEach(() => server?.close());

/** A server answering each request with the next status of `statuses` (the last one from then on); counts them. */
async function answering(statuses) {
  const seen = { requests: 0 };
  server = createServer((req, res) => {
    const status = statuses[Math.min(seen.requests, statuses.length - 1)];
    seen.requests += 1;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status, method: req.method }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/api/visits`, seen };
}

describe('getUntilOk', () => {
  it('asks again while the answer is not OK, and returns the first OK one', async () => {
    const { url, seen } = await answering([503, 503, 200]);
    const answer = await getUntilOk(url);
    expect(answer.status).toBe(200);
    expect(answer.json.method).toBe('GET');
    expect(seen.requests).toBe(3);
  });

  it('gives up after three requests in all, with the last answer', async () => {
    const { url, seen } = await answering([503]);
    expect((await getUntilOk(url)).status).toBe(503);
    expect(seen.requests).toBe(3);
  });

  it('asks once when the first answer is OK', async () => {
    const { url, seen } = await answering([200]);
    expect((await getUntilOk(url)).status).toBe(200);
    expect(seen.requests).toBe(1);
  });
});
