import { exitAfterFlush, jsonLogger } from '../../../shared/log';

/** This container's log lines (shared/log.ts), each naming it: `"container":"adapter"`. */
export const log = jsonLogger('adapter');

export { exitAfterFlush };
