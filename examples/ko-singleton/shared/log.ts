/** The log level of a line: `kubectl logs` readers and collectors filter on it. */
export type Level = 'info' | 'warn' | 'error';

/**
 * A logger for one container: one JSON object per line on stdout, naming the container, so
 * `kubectl logs` shows it as is and log collectors parse it without a grammar.
 */
export function jsonLogger(container: string): (level: Level, event: string, fields?: Record<string, unknown>) => void {
  return (level, event, fields = {}) => {
    process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, container, event, ...fields })}\n`);
  };
}

/** Exits once stdout has taken every line written before, so the last log line is never lost. */
export function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}
