import type { AppPart } from '../../app-part';
import { readEnv } from '../../config';
import { sendJsonText } from '../../../../../shared/send-json';
import { jsonWithText } from './json-with-text';
import { getUpstream } from './get-upstream';

/**
 * Ambassador: GET /upstream asks UPSTREAM_URL, the ambassador on loopback. The app knows this
 * one address; the ambassador owns the way out (which upstream, failover, health checks).
 */
export const upstream: AppPart = (env) => {
  const { url, timeoutMs } = readEnv(env, (read) => ({
    url: read.httpUrl('UPSTREAM_URL'),
    timeoutMs: read.integer('UPSTREAM_TIMEOUT_MS', 1, 600_000),
  }));
  return {
    describe: { upstream: url },
    routes: {
      '/upstream': async (_req, res) => {
        const answer = await getUpstream(url, timeoutMs);
        if (answer.ok) sendJsonText(res, 200, jsonWithText({ via: 'ambassador' }, 'upstream', answer.json));
        else sendJsonText(res, 502, jsonWithText({ error: answer.error }, 'detail', answer.detail));
      },
    },
  };
};
