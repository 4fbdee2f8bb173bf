import http from 'node:http';
import { keepBody } from '../../../../../shared/bounded-body';

export type CounterAnswer = { ok: true; value: number; instance: string } | { ok: false; detail: string };

/** A counter's answer is a few dozen bytes; more than this is not one. */
const MAX_ANSWER_BYTES = 16 * 1024;

/**
 * Calls one counter of the database (`GET` reads it, `POST` adds one) and never throws: any
 * failure (refused, reset, no complete answer within `timeoutMs`, a non-2xx status, a body
 * that is not `{ value, instance }`) comes back as `{ ok: false, detail }`.
 */
export function counterClient(url: string, timeoutMs: number) {
  const inFlight = new Set<http.ClientRequest>();

  const call = (method: 'GET' | 'POST'): Promise<CounterAnswer> =>
    new Promise((resolve) => {
      let settled = false;
      const settle = (answer: CounterAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        inFlight.delete(req);
        req.destroy();
        resolve(answer);
      };
      const fail = (why: string) => settle({ ok: false, detail: `${method} ${url}: ${why}` });

      // A fresh connection per call, and never a retry: a POST sent twice would count twice.
      const req = http.request(url, { method, agent: false, headers: { Accept: 'application/json', 'Content-Length': 0 } });
      inFlight.add(req);
      // The whole exchange, connect to last byte, must fit in timeoutMs: a hung database
      // holds no request of the app longer than that.
      const timer = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
      req.on('error', (err) => fail(err.message));
      req.on('response', (res) => {
        const body = keepBody(res, MAX_ANSWER_BYTES, () => fail(`answer larger than ${MAX_ANSWER_BYTES} bytes`));
        res.on('error', (err) => fail(err.message));
        res.on('close', () => fail('connection closed before the answer was complete'));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) return fail(`answered ${status}`);
          const counter = parseCounter(body().toString('utf8'));
          settle(counter ? { ok: true, ...counter } : { ok: false, detail: `${method} ${url}: answered ${status} with no counter in it` });
        });
      });
      req.end();
    });

  /** Ends every call still waiting (the app is stopping): each answers `{ ok: false }`. */
  const abortAll = () => {
    for (const req of inFlight) req.destroy(new Error('the app is stopping'));
  };

  return { call, abortAll };
}

function parseCounter(text: string): { value: number; instance: string } | undefined {
  try {
    const { value, instance } = JSON.parse(text) as { value?: unknown; instance?: unknown };
    if (Number.isSafeInteger(value) && (value as number) >= 0 && typeof instance === 'string') return { value: value as number, instance };
  } catch {
    // not JSON: no counter
  }
  return undefined;
}
