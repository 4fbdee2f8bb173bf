import type { ServerResponse } from 'node:http';
import type { AppPart } from '../../app-part';
import { readEnv } from '../../config';
import { sendJson } from '../../../../../shared/send-json';
import { counterClient } from './counter-client';

/**
 * Visits: POST /visits counts a visit, GET /visits tells the count; the number lives in the
 * database at DB_URL (its counter `visits`), so every replica of the app tells the same one.
 * When the database cannot answer, only these answers say so (503): the app itself stays
 * alive and ready, or one database outage would take every app replica out of its Service.
 */
export const visits: AppPart = (env) => {
  const { dbUrl, timeoutMs } = readEnv(env, (read) => ({
    dbUrl: read.httpUrl('DB_URL'),
    timeoutMs: read.integer('DB_TIMEOUT_MS', 1, 600_000),
  }));
  const counter = counterClient(`${dbUrl.replace(/\/+$/, '')}/counters/visits`, timeoutMs);
  const answer = (method: 'GET' | 'POST') => async (_req: unknown, res: ServerResponse) => {
    const result = await counter.call(method);
    if (res.destroyed) return; // the client went away, or the drain ran out
    if (result.ok) sendJson(res, 200, { visits: result.value, db: result.instance });
    else sendJson(res, 503, { error: 'database unavailable', detail: result.detail });
  };
  return {
    describe: { db: dbUrl },
    routes: { '/visits': { GET: answer('GET'), POST: answer('POST') } },
    close: () => counter.abortAll(),
  };
};
