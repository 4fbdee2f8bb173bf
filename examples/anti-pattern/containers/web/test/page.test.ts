import { createHash } from 'node:crypto';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../src/page';
import { fakeApp, request, startFront, waitUntil } from './helpers';

/** The page's script run against a minimal document and a scripted fetch: what a browser would show. */
type Fetch = (url: string, init: { method: string }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

function runPage(html: string, answers: Record<string, { status: number; body: unknown }>, realFetch?: Fetch) {
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
  const elements: Record<string, { textContent: unknown; click?: () => void }> = {
    count: { textContent: '…' },
    status: { textContent: '' },
    visit: { textContent: '' },
  };
  const calls: string[] = [];
  const document = {
    getElementById: (id: string) => ({
      ...elements[id],
      set textContent(text: unknown) {
        elements[id].textContent = text;
      },
      addEventListener: (_event: string, handler: () => void) => (elements[id].click = handler),
    }),
  };
  const fetch = async (url: string, init: { method: string }) => {
    calls.push(`${init.method} ${url}`);
    if (realFetch) return realFetch(url, init);
    const answer = answers[init.method];
    if (!answer) throw new TypeError('Failed to fetch');
    return { ok: answer.status < 300, status: answer.status, json: async () => answer.body };
  };
  vm.runInNewContext(script, { document, fetch });
  return { elements, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the page at GET /', () => {
  it('is HTML with the count, a button, and a policy that lets only its own script and style run', async () => {
    const front = await startFront(new URL('http://127.0.0.1:1'));
    const page = await request(front, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<title>shop</title>');
    expect(page.text).toContain('<button id="visit"');
    const script = /<script>([\s\S]*)<\/script>/.exec(page.text)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page.headers['content-security-policy']).toContain(`script-src 'sha256-${hash}'`);
    const head = await request(front, 'HEAD', '/');
    expect([head.status, head.text]).toEqual([200, '']);
  });

  it('shows the count on load and after a click, then "database unavailable" when the API says so', async () => {
    const answers: Record<string, { status: number; body: unknown }> = {
      GET: { status: 200, body: { visits: 5, db: 'abc' } },
      POST: { status: 200, body: { visits: 6, db: 'abc' } },
    };
    const { elements, calls } = runPage(renderPage('shop'), answers);
    await settle();
    expect(elements.count.textContent).toBe(5);
    expect(elements.status.textContent).toBe('counted by database abc');

    elements.visit.click?.();
    await settle();
    expect(elements.count.textContent).toBe(6);

    answers.POST = { status: 503, body: { error: 'database unavailable', detail: 'ECONNREFUSED' } };
    elements.visit.click?.();
    await settle();
    expect(elements.status.textContent).toBe('database unavailable');
    expect(calls).toEqual(['GET /api/visits', 'POST /api/visits', 'POST /api/visits']);
  });

  it('says "app unavailable" from the front, and what failed when the page cannot reach it at all', async () => {
    const down = runPage(renderPage('shop'), { GET: { status: 503, body: { error: 'app unavailable' } } });
    await settle();
    expect(down.elements.status.textContent).toBe('app unavailable');
    const unreachable = runPage(renderPage('shop'), {});
    await settle();
    expect(unreachable.elements.status.textContent).toBe('Failed to fetch');
  });

  it('escapes SERVICE_NAME in the page', () => {
    expect(renderPage('<script>x</script>')).toContain('<title>&#60;script&#62;x&#60;/script&#62;</title>');
  });

  it('works end to end: the page script through the front to an app that counts', async () => {
    let visits = 0;
    const app = await fakeApp((req, res) => {
      if (req.method === 'POST') visits += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ visits, db: 'one' }));
    });
    const front = await startFront(app.url);
    const page = await request(front, 'GET', '/');
    const { elements } = runPage(page.text, {}, (url, init) => fetch(`http://127.0.0.1:${front}${url}`, init));
    await waitUntil(() => elements.count.textContent === 0);
    elements.visit.click?.();
    await waitUntil(() => elements.count.textContent === 1);
    expect(app.received.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /visits', 'POST /visits']);
  });
});
