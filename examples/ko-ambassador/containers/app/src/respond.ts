import type { ServerResponse } from 'node:http';

/** Answers with a JSON body; every answer of the app, errors included, is JSON. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendJsonText(res, status, JSON.stringify(body));
}

/** Answers with `text`, which is JSON already. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * `fields` as JSON, with `key` holding `json`: a JSON text that was checked and is passed
 * through as it is, never turned into objects (none when `json` is undefined).
 */
export function jsonWithText(fields: Record<string, unknown>, key: string, json: string | undefined): string {
  const text = JSON.stringify(fields);
  if (json === undefined) return text;
  return `${text.slice(0, -1)}${text === '{}' ? '' : ','}${JSON.stringify(key)}:${json}}`;
}
