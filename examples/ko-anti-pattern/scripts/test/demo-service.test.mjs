// A Service of the demo: each new connection to the next ready endpoint, round robin; none ready,
// the connection is refused at once. Counted over many requests, not timed.
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeShopProject, importLib } from './shop.mjs';

const root = await fakeShopProject();
const { startService } = await importLib(root, 'demo-service.mjs');
const { request } = await importLib(root, 'demo-http.mjs');

const servers = [];
async function endpoint(name) {
  const server = createServer((_req, res) => res.end(JSON.stringify({ name })));
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { name, host: '127.0.0.1', port: server.address().port };
}
afterAll(async () => {
  for (const server of servers) server.close();
  rmSync(root, { recursive: true, force: true });
});

const namesOf = async (url, count) => {
  const names = [];
  for (let i = 0; i < count; i += 1) names.push((await request('GET', url)).json?.name ?? 'no answer');
  return names;
};

describe('a Service', () => {
  it('sends each connection to the next ready endpoint, and follows the endpoints as they change', async () => {
    const [a, b, c] = [await endpoint('a'), await endpoint('b'), await endpoint('c')];
    let ready = [a, b, c];
    const service = startService(() => ready);
    const url = `http://127.0.0.1:${await service.listening}/`;
    expect(await namesOf(url, 10)).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c', 'a']);
    ready = [b];
    expect(await namesOf(url, 3)).toEqual(['b', 'b', 'b']);
    await service.close();
  });

  it('with no ready endpoint refuses every connection at once: 20 of 20 get no answer', async () => {
    const service = startService(() => []);
    const url = `http://127.0.0.1:${await service.listening}/`;
    const answers = [];
    for (let i = 0; i < 20; i += 1) answers.push(await request('GET', url, { timeoutMs: 10_000 }));
    expect(answers.filter((answer) => answer.status === undefined && answer.error !== 'TIMEOUT')).toHaveLength(20);
    await service.close();
  });

  it('passes a failed upstream on as a failed connection, never as an answer', async () => {
    const gone = await endpoint('gone');
    await new Promise((resolve) => servers.at(-1).close(resolve));
    const service = startService(() => [gone]);
    const answers = [];
    for (let i = 0; i < 5; i += 1)
      answers.push(await request('GET', `http://127.0.0.1:${await service.listening}/`, { timeoutMs: 10_000 }));
    expect(answers.map((answer) => answer.status)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    await service.close();
  });
});
