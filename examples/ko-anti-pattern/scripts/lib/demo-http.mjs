// The demo's HTTP client: one request on a fresh connection (so a Service picks an endpoint for
// each), its status and JSON body, or what went wrong. Never throws.
import { request as httpRequest } from 'node:http';

export function request(method, url, { timeoutMs = 5000 } = {}) {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method, agent: false, headers: { connection: 'close' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('error', (error) => resolve({ error: error.code ?? error.message }));
      response.on('end', () =>
        resolve({ status: response.statusCode, type: response.headers['content-type'], text, json: parseJson(text) }),
      );
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'TIMEOUT' })));
    req.on('error', (error) => resolve({ error: error.code ?? error.message }));
    req.end();
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A 2xx answer. */
export const isOk = (answer) => answer.status >= 200 && answer.status < 300;

/**
 * A GET asked again, up to `attempts` times in all, until it gets a 2xx: for a reading a lesson
 * is about (each pod's count), on a machine busy enough to let one go unanswered. The last
 * answer when none is OK. Only for a GET: a POST asked again would count twice.
 */
export async function getUntilOk(url, { attempts = 3 } = {}) {
  let answer;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    answer = await request('GET', url);
    if (isOk(answer)) break;
  }
  return answer;
}
