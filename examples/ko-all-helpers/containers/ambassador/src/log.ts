import { exitAfterFlush, jsonLogger } from '../../../shared/log';

/** This container's log lines (shared/log.ts), each naming it: `"container":"ambassador"`. */
export const log = jsonLogger('ambassador');

export { exitAfterFlush };
