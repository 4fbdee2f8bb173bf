/**
 * Logs one JSON object per line on stdout: `kubectl logs` shows it as is, and log
 * collectors parse it without a grammar.
 */
export function log(level: 'info' | 'warn' | 'error', event: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, container: 'app', event, ...fields })}\n`);
}

/** Exits once stdout has taken every line written before, so the last log line is never lost. */
export function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}
