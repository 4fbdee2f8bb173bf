import http from 'node:http';
import { keepBody } from '../../../shared/bounded-body';
import { jsonShape } from './json-shape';

/** Why a read of the app status failed; the label of adapter_scrape_errors_total. */
export type ScrapeErrorReason = 'timeout' | 'connect' | 'http_status' | 'too_large' | 'malformed';
export const SCRAPE_ERROR_REASONS: ScrapeErrorReason[] = ['timeout', 'connect', 'http_status', 'too_large', 'malformed'];

export class ScrapeError extends Error {
  constructor(
    readonly reason: ScrapeErrorReason,
    message: string,
  ) {
    super(message);
  }
}

export interface StatusLimits {
  /** From the request to the last byte of the answer. */
  timeoutMs: number;
  /** Bytes of body read at most; past them the read is cut, so memory never holds more. */
  maxBytes: number;
}

/**
 * The app's format has five objects, three levels deep; an app may add a few of its own.
 * Far more is not a status, and parsing it costs memory well beyond its size.
 */
const MAX_DEPTH = 32;
const MAX_CONTAINERS = 1000;

/**
 * GETs the app's status and parses it as JSON, within `timeoutMs` from start to last
 * byte and `maxBytes` of body. Fails only with a ScrapeError, whose reason says what went wrong.
 */
export function fetchStatus(url: URL, { timeoutMs, maxBytes }: StatusLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: ScrapeError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
      req.destroy(); // stops the app's bytes coming in: nothing more is read or kept
    };
    const timer = setTimeout(() => fail(new ScrapeError('timeout', `no complete answer within ${timeoutMs}ms`)), timeoutMs);
    const tooLarge = () => new ScrapeError('too_large', `status is larger than MAX_STATUS_BYTES (${maxBytes} bytes)`);

    // agent: false, a fresh connection per read: no stale keep-alive socket to trip on.
    const req = http.get(url, { agent: false, headers: { accept: 'application/json' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) return fail(new ScrapeError('http_status', `app answered HTTP ${status}`));
      // Refused before a byte is read when the app says up front how much it will send.
      const kept = keepBody(res, maxBytes, () => fail(tooLarge()));
      res.on('error', (err) => fail(new ScrapeError('connect', err.message)));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const body = kept();
        const shape = jsonShape(body);
        if (shape.depth > MAX_DEPTH)
          return reject(new ScrapeError('malformed', `status nests objects and arrays ${shape.depth} deep, more than ${MAX_DEPTH}`));
        if (shape.containers > MAX_CONTAINERS) {
          return reject(new ScrapeError('malformed', `status holds ${shape.containers} objects and arrays, more than ${MAX_CONTAINERS}`));
        }
        try {
          resolve(JSON.parse(body.toString('utf8')));
        } catch {
          reject(new ScrapeError('malformed', 'status is not JSON'));
        }
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => fail(new ScrapeError('connect', err.code ?? err.message)));
  });
}
