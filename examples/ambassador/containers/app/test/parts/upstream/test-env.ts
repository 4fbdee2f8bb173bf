/** What the upstream part needs to start; nothing listens there until a test puts something there. */
export const testEnv = (_dir: string) => ({ UPSTREAM_URL: 'http://127.0.0.1:9', UPSTREAM_TIMEOUT_MS: '3000' });
