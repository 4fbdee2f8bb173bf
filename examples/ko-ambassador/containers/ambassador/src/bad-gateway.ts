/** One failed try, as the app sees it in the 502 body. */
export interface Attempt {
  upstream: string;
  error: string;
}

/**
 * A complete HTTP/1.1 502 response: the app fronted by this proxy speaks HTTP, so a
 * clear answer beats a connection closed without a word.
 */
export function badGatewayResponse(attempts: Attempt[]): string {
  const body = JSON.stringify({ error: 'ambassador: no upstream reachable', attempts });
  return (
    'HTTP/1.1 502 Bad Gateway\r\n' +
    'Content-Type: application/json\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n' +
    '\r\n' +
    body
  );
}
