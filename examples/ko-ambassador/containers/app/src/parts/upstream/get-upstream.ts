import http from 'node:http';

/** The most of an upstream's answer the app keeps: well over a JSON answer, far under its memory limit. */
export const MAX_UPSTREAM_ANSWER_BYTES = 1024 * 1024;

export type UpstreamAnswer = { ok: true; body: unknown } | { ok: false; error: string; detail?: unknown };

/**
 * GETs `<baseUrl>/` and parses its JSON answer. Never throws: a failure comes back as
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
      if (Number(res.headers['content-length']) > MAX_UPSTREAM_ANSWER_BYTES) return tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_UPSTREAM_ANSWER_BYTES) tooLarge();
        else chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('end', () => {
        const body = parseJson(Buffer.concat(chunks).toString('utf8'));
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300 && body !== undefined) settle({ ok: true, body });
        else if (status >= 200 && status < 300) settle({ ok: false, error: `${url} answered ${status} without a JSON body` });
        else settle({ ok: false, error: `${url} answered ${status}`, detail: body });
      });
    });
    req.on('error', fail);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
