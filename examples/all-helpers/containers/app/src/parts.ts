import type { AppPart } from './app-part';
import { accessLog } from './parts/access-log';
import { upstream } from './parts/upstream';

/**
 * The optional parts of this app, each in its own folder under src/parts/, there because its
 * pod needs them.
 * create-pod-pattern wrote this list; `create-pod-pattern add` adds to it.
 */
export const parts: AppPart[] = [accessLog, upstream];
