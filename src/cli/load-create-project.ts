import { fileURLToPath } from 'node:url';
import { requireWithCompileCache } from './compile-cache.js';

type CreateProjectModule = typeof import('./create-project.js');

/** Set by scripts/build.mjs: the create-project flow's own CommonJS bundle, beside dist/cli.cjs. */
declare const __GENERATE_BUNDLE__: string | undefined;
declare const __VERSION__: string;

/**
 * The create-project flow, loaded only when creating (--help and lint stay light). In the
 * package it is one CommonJS bundle, so that its compiled code can be cached between runs
 * (compile-cache.ts); run from source, it is the module itself.
 */
export async function loadCreateProject(): Promise<CreateProjectModule> {
  if (typeof __GENERATE_BUNDLE__ === 'string') {
    return requireWithCompileCache(fileURLToPath(new URL(__GENERATE_BUNDLE__, import.meta.url)), __VERSION__) as CreateProjectModule;
  }
  return import('./create-project.js');
}
