import http from 'node:http';
import { keepBody } from '../../../shared/bounded-body';

export interface AppRequest {
  method: string;
  /** Path and query on the app, starting with "/". */
  path: string;
  contentType?: string;
  body: Buffer;
}

export type AppAnswer =
  | { ok: true; status: number; contentType?: string; body: Buffer }
  | { ok: false; reason: 'unavailable' | 'too large'; detail: string };

export interface AppLimits {
  /** For the whole exchange, from connecting to the last byte of the answer. */
  timeoutMs: number;
  /** The largest answer body taken; a bigger one is dropped, not buffered. */
  maxBytes: number;
}

/**
 * Sends one request to the app and reads its whole answer, within the limits. Never throws:
 * refused, reset, hung or oversized comes back as `ok: false`. `cancel` aborts it (the
 * browser went away), so nothing is left open on the app's side.
 *
 * A new connection per request (no keep-alive): a Service balances connections, not
 * requests, so this spreads the requests over every app pod behind it.
 */
export function sendToApp(appUrl: URL, request: AppRequest, limits: AppLimits, cancel: AbortSignal): Promise<AppAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: AppAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      cancel.removeEventListener('abort', onCancel);
      req.destroy(); // a no-op once the answer is read; otherwise it frees the app's side
      resolve(answer);
    };
    const unavailable = (detail: string) => settle({ ok: false, reason: 'unavailable', detail });
    const tooLarge = () => settle({ ok: false, reason: 'too large', detail: `the app's answer is over ${limits.maxBytes} bytes` });
    const timer = setTimeout(() => unavailable(`no answer within ${limits.timeoutMs} ms`), limits.timeoutMs);
    const onCancel = () => unavailable('the client went away');
    cancel.addEventListener('abort', onCancel);

    const headers: http.OutgoingHttpHeaders = { Accept: 'application/json', 'Content-Length': request.body.length };
    if (request.contentType) headers['Content-Type'] = request.contentType;
    const req = http.request(
      {
        host: appUrl.hostname,
        port: appUrl.port || 80,
        method: request.method,
        // Joined as text, never resolved as a URL: "//other-host/x" stays a path on the app.
        path: appUrl.pathname.replace(/\/+$/, '') + request.path,
        headers,
        agent: false,
      },
      (res) => {
        const body = keepBody(res, limits.maxBytes, tooLarge);
        res.on('end', () => settle({ ok: true, status: res.statusCode ?? 502, contentType: res.headers['content-type'], body: body() }));
        res.on('close', () => {
          if (!res.complete) unavailable('the app closed the connection mid-answer');
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => unavailable(err.code ? `${err.code}: ${err.message}` : err.message));
    if (cancel.aborted) onCancel();
    req.end(request.body);
  });
}
