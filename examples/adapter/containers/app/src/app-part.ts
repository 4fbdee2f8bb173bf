import type { Env } from './config';
import type { Routes } from './routes';

/** A request as the server saw it, once its answer is complete or its client went away. */
export interface FinishedRequest {
  time: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** Present when the client went away before the answer was complete. */
  aborted?: true;
}

/**
 * An optional part of the app, there only in the pods that use it (the access log beside a
 * sidecar logger, the way out through an ambassador, ...). src/parts.ts lists the ones this
 * app holds. A part reads its own variables (throwing to name any that are missing or wrong)
 * and says how it plugs in.
 */
export type AppPart = (env: Env) => RunningPart;

export interface RunningPart {
  /** Shown in the `listening` log line: where the part sends or reads things. */
  describe?: Record<string, unknown>;
  /** Endpoints it adds to the app's own (src/routes.ts). */
  routes?: Routes;
  /** Called once per request, before the server counts it as done; must not throw. */
  onRequestDone?: (request: FinishedRequest) => void;
  /** Called once the server has stopped: nothing is in flight any more. */
  close?: () => void;
}
