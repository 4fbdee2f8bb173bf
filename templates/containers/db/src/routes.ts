import type { IncomingMessage, ServerResponse } from 'node:http';
import { CounterLimitError, type CounterStore, NAME } from './store';
import { keepBody } from '../../../shared/bounded-body';
import { sendJson } from '../../../shared/send-json';

/** No route takes a body; one this size is a mistake or an attack, refused before it is read. */
export const MAX_BODY_BYTES = 1024;

export interface DbState {
  serviceName: string;
  /** A random id made at each start: a client sees a restart when it changes. */
  instance: string;
  startedAt: string;
  /** Undefined until the journal is replayed. */
  store?: CounterStore;
  isDraining(): boolean;
}

/**
 * The database's HTTP face:
 *   GET /healthz, GET /readyz (200 once the journal is replayed, 503 before and while stopping),
 *   GET / (who answers: instance, start time, number of counters),
 *   GET /counters/<name>, POST /counters/<name> (adds 1, answers once it is on disk).
 */
export function dbRoutes(state: DbState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = path.startsWith('/counters/') ? 'counter' : ['/', '/healthz', '/readyz'].includes(path) ? path : undefined;
    if (!route) return sendJson(res, 404, { error: 'not found', path });
    const methods = route === 'counter' ? ['GET', 'HEAD', 'POST'] : ['GET', 'HEAD'];
    if (!methods.includes(req.method ?? '')) {
      res.setHeader('Allow', methods.join(', '));
      return sendJson(res, 405, { error: 'method not allowed', method: req.method, path });
    }
    void readSmallBody(req).then((small) => {
      if (!small) {
        res.setHeader('Connection', 'close'); // the rest of the body is never read
        return sendJson(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
      }
      if (route === 'counter') return counter(state, req.method === 'POST', path.slice('/counters/'.length), res);
      answer(state, route, res);
    });
  };
}

function answer(state: DbState, path: string, res: ServerResponse): void {
  const ready = state.store !== undefined && !state.isDraining();
  const { serviceName: service, instance, startedAt, store } = state;
  if (path === '/healthz') sendJson(res, 200, { status: 'ok' });
  else if (path === '/readyz') sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : store ? 'draining' : 'starting' });
  else if (!store) sendJson(res, 503, { status: 'starting', service, instance, startedAt });
  else sendJson(res, 200, { service, instance, startedAt, counters: store.count });
}

async function counter(state: DbState, increment: boolean, name: string, res: ServerResponse): Promise<void> {
  if (!NAME.test(name)) return sendJson(res, 400, { error: 'bad counter name: use 1 to 64 of a-z, 0-9 and -', name: name.slice(0, 100) });
  const { store, instance } = state;
  if (!store) return sendJson(res, 503, { error: 'not ready: the journal is being replayed' });
  if (!increment) return sendJson(res, 200, { name, value: store.get(name), instance });
  try {
    sendJson(res, 200, { name, value: await store.increment(name), instance });
  } catch (err) {
    if (err instanceof CounterLimitError) sendJson(res, 507, { error: err.message });
    else sendJson(res, 500, { error: (err as Error).message });
  }
}

/** Reads the body and drops it (nothing here reads one); false as soon as it is over MAX_BODY_BYTES. */
function readSmallBody(req: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    keepBody(req, MAX_BODY_BYTES, () => resolve(false));
    req.on('end', () => resolve(true));
    req.on('error', () => resolve(false));
  });
}
