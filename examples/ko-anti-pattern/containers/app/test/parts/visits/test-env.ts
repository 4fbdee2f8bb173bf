/** What the visits part needs to start; no database listens there until a test puts one there. */
export const testEnv = (_dir: string) => ({ DB_URL: 'http://127.0.0.1:9', DB_TIMEOUT_MS: '1000' });
