import { exitAfterFlush, jsonLogger } from '../../../shared/log';

/** This container's log lines (shared/log.ts), each naming it: `"container":"web"`. */
export const log = jsonLogger('web');

export { exitAfterFlush };
