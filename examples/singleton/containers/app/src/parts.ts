import type { AppPart } from './app-part';

/**
 * The optional parts of this app, each in its own folder under src/parts/, there because its
 * pod needs them (this pod needs none: your own code goes in src/routes.ts).
 * create-pod-pattern wrote this list; `create-pod-pattern add` adds to it.
 */
export const parts: AppPart[] = [];
