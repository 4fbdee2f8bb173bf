import { exitAfterFlush, jsonLogger } from '../../../shared/log';

/** This container's log lines (shared/log.ts), each naming it: `"container":"db"`. */
export const log = jsonLogger('db');

export { exitAfterFlush };
