import { exitAfterFlush, jsonLogger } from '../../../shared/log';

/** This container's log lines (shared/log.ts), each naming it: `"container":"upstream"`. */
export const log = jsonLogger('upstream');

export { exitAfterFlush };
