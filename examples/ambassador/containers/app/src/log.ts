import { exitAfterFlush, jsonLogger } from '../../../shared/log';

/** This container's log lines (shared/log.ts), each naming it: `"container":"app"`. */
export const log = jsonLogger('app');

export { exitAfterFlush };
