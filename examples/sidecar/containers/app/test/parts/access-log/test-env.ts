import { join } from 'node:path';

/** What the access-log part needs to start, writing into `dir`. */
export const testEnv = (dir: string) => ({
  ACCESS_LOG: join(dir, 'logs', 'access.log'),
  ACCESS_LOG_MAX_BYTES: '1048576',
  ACCESS_LOG_ROTATED_FILES: '4',
});
