/**
 * The shipper's own messages, one JSON object per line on stderr: stdout carries only the
 * shipped log lines, so a collector reading it never mistakes one for the other.
 */
export function log(level: 'info' | 'warn' | 'error', event: string, fields: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, container: 'log-shipper', event, ...fields })}\n`);
}
