import http from 'node:http';
import { keepBody } from '../../../../../shared/bounded-body';

/**
 * The most of an upstream's answer the app keeps: far more than an answer of this demo, and
 * small enough that every connection the app holds (shared/http-server.ts) waiting on one
 * fits in its memory limit at once.
 */
export const MAX_UPSTREAM_ANSWER_BYTES = 16 * 1024;

/** `json` and `detail` are the upstream's JSON text, checked, never parsed into objects that stay. */
export type UpstreamAnswer = { ok: true; json: string } | { ok: false; error: string; detail?: string };

/**
 * GETs `<baseUrl>/` and checks that its answer is JSON. Never throws: a failure comes back as
 * `{ ok: false }` with what went wrong, and the body of an error answer as `detail`
 * (the ambassador explains a 502 with `{ error, attempts }`). An answer over
 * MAX_UPSTREAM_ANSWER_BYTES is a failure too, and the connection is closed on it.
 */
export function getUpstream(baseUrl: string, timeoutMs: number): Promise<UpstreamAnswer> {
  const url = `${baseUrl.replace(/\/+$/, '')}/`;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: UpstreamAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const fail = (err: Error) => settle({ ok: false, error: `${url}: ${err.message}` });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    // Hanging up stops the bytes coming in: nothing more is read or kept.
    const tooLarge = () => req.destroy(new Error(`answer larger than ${MAX_UPSTREAM_ANSWER_BYTES} bytes`));

    // A new connection per request (no keep-alive): the ambassador picks an upstream per
    // connection, so this lets it fail over between requests.
    const req = http.get(url, { agent: false, headers: { Accept: 'application/json' } }, (res) => {
      const body = keepBody(res, MAX_UPSTREAM_ANSWER_BYTES, tooLarge);
      res.on('error', fail);
      res.on('end', () => {
        const text = body().toString('utf8');
        const json = isJson(text) ? text : undefined;
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300 && json !== undefined) settle({ ok: true, json });
        else if (status >= 200 && status < 300) settle({ ok: false, error: `${url} answered ${status} without a JSON body` });
        else settle({ ok: false, error: `${url} answered ${status}`, detail: json });
      });
    });
    req.on('error', fail);
  });
}

/**
 * Whether `text` is JSON. The objects the check makes are dropped at once: 16 KiB of `[{},{},…]`
 * is 5,000 objects, and kept for every answer in flight they would outgrow the memory limit.
 */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
