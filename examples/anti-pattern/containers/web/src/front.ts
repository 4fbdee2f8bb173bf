import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendToApp } from './app-client';
import type { WebConfig } from './config';
import { log } from './log';
import { CONTENT_SECURITY_POLICY, renderPage } from './page';
import { keepBody } from '../../../shared/bounded-body';
import { sendJson } from '../../../shared/send-json';

const API = '/api/';
const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The web front's heart. It owns the page and nothing else: every /api/<rest> request goes
 * to the app at APP_URL/<rest> (method, status and body passed through), so the browser
 * talks to one address and the app's own answers, errors included, reach it as they are.
 *   GET /           the page
 *   /api/<rest>     the app; 503 {error: 'app unavailable'} when it refuses, resets or hangs
 *   GET /healthz    the process answers
 *   GET /readyz     ready unless stopping; never asks the app (readiness must not cascade)
 */
export function frontRoutes(config: WebConfig, isDraining: () => boolean): (req: IncomingMessage, res: ServerResponse) => void {
  const page = renderPage(config.serviceName);
  return (req, res) => {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    if (path === '/api' || path.startsWith(API)) return void proxyToApp(config, req, res, url.slice(API.length - 1));
    if (!['/', '/healthz', '/readyz'].includes(path)) return sendJson(res, 404, { error: 'not found', path });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, { error: 'method not allowed' });
    }
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/readyz') return isDraining() ? sendJson(res, 503, { status: 'draining' }) : sendJson(res, 200, { status: 'ready' });
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(page),
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    res.end(req.method === 'HEAD' ? undefined : page);
  };
}

/** `appPath` is what follows /api: "/visits?x=1" goes to APP_URL/visits?x=1. */
async function proxyToApp(config: WebConfig, req: IncomingMessage, res: ServerResponse, appPath: string): Promise<void> {
  if (!API_METHODS.includes(req.method ?? '')) {
    res.setHeader('Allow', API_METHODS.join(', '));
    return sendJson(res, 405, { error: 'method not allowed' });
  }
  if (!staysInside(appPath.split('?')[0])) return sendJson(res, 400, { error: 'bad path: no . or .. segments, no encoded / or \\' });
  const body = await readBody(req, config.bodyMaxBytes);
  if (!body) {
    res.setHeader('Connection', 'close'); // the rest of the body is never read
    return sendJson(res, 413, { error: `request body over ${config.bodyMaxBytes} bytes` });
  }
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  const answer = await sendToApp(
    config.appUrl,
    {
      method: req.method ?? 'GET',
      path: appPath.startsWith('/') ? appPath : `/${appPath}`,
      contentType: req.headers['content-type'],
      body,
    },
    { timeoutMs: config.appTimeoutMs, maxBytes: config.bodyMaxBytes },
    gone.signal,
  );
  if (!answer.ok) log('warn', `app ${answer.reason}`, { method: req.method, path: appPath, detail: answer.detail });
  if (!answer.ok && answer.reason === 'too large') return sendJson(res, 502, { error: 'app answer too large', detail: answer.detail });
  if (!answer.ok) return sendJson(res, 503, { error: 'app unavailable', detail: answer.detail });
  res.writeHead(answer.status, { 'Content-Type': answer.contentType ?? 'application/octet-stream', 'Content-Length': answer.body.length });
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}

/**
 * True when no segment of the path can climb out of the app's space: the app, or a proxy in
 * front of it, may resolve "..", "%2e%2e" or an encoded slash, so none is passed on.
 */
function staysInside(path: string): boolean {
  return path.split('/').every((segment) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    return decoded !== '.' && decoded !== '..' && !/[/\\\0]/.test(decoded);
  });
}

/** The whole body, or undefined as soon as it is over `maxBytes` (never buffered past it). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const body = keepBody(req, maxBytes, () => resolve(undefined));
    req.on('end', () => resolve(body()));
    req.on('error', () => resolve(undefined));
  });
}
