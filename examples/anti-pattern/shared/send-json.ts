import type { ServerResponse } from 'node:http';

/** Answers with `body` as JSON: every HTTP container answers this way, errors included. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** Answers with `text`, which is JSON already. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
