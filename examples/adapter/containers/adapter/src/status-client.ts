import http from 'node:http';

/** Why a read of the app status failed; the label of adapter_scrape_errors_total. */
export type ScrapeErrorReason = 'timeout' | 'connect' | 'http_status' | 'malformed';
export const SCRAPE_ERROR_REASONS: ScrapeErrorReason[] = ['timeout', 'connect', 'http_status', 'malformed'];

export class ScrapeError extends Error {
  constructor(
    readonly reason: ScrapeErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** A status bigger than this is refused rather than held in memory. */
const MAX_STATUS_BYTES = 8 * 1024 * 1024;

/**
 * GETs the app's status and parses it as JSON, within `timeoutMs` from start to last
 * byte. Fails only with a ScrapeError, whose reason says what went wrong.
 */
export function fetchStatus(url: URL, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // Settling twice is harmless: a promise keeps its first outcome.
    const fail = (error: ScrapeError) => {
      clearTimeout(timer);
      reject(error);
      req.destroy();
    };
    const timer = setTimeout(() => fail(new ScrapeError('timeout', `no complete answer within ${timeoutMs}ms`)), timeoutMs);

    // agent: false, a fresh connection per read: no stale keep-alive socket to trip on.
    const req = http.get(url, { agent: false, headers: { accept: 'application/json' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) return fail(new ScrapeError('http_status', `app answered HTTP ${status}`));
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_STATUS_BYTES) fail(new ScrapeError('malformed', `status is larger than ${MAX_STATUS_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on('error', (err) => fail(new ScrapeError('connect', err.message)));
      res.on('end', () => {
        clearTimeout(timer);
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new ScrapeError('malformed', 'status is not JSON'));
        }
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => fail(new ScrapeError('connect', err.code ?? err.message)));
  });
}
