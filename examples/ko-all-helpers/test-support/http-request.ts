import http from 'node:http';

/** What a test reads of an answer: status, headers, body as text, and the body parsed if it is JSON. */
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed body (any: tests read fields freely), undefined if not JSON. */
  json: any;
}

/**
 * One request on a fresh connection to 127.0.0.1:port (no keep-alive agent, so no test sees a
 * connection another one left open); rejects if the connection fails.
 */
export function request(
  port: number,
  method: string,
  path: string,
  body?: Buffer | string,
  headers: http.OutgoingHttpHeaders = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
