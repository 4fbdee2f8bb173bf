import type { UpstreamAddress } from './config';

export type UpstreamState = 'unknown' | 'up' | 'down';

/** What /healthz reports for one upstream. */
export interface UpstreamStatus {
  address: string;
  state: UpstreamState;
  lastError: string | null;
  /** When the state last changed (ISO time), null while it is still unknown. */
  lastChange: string | null;
}

export interface Upstream {
  readonly address: UpstreamAddress;
  state: UpstreamState;
  lastError: string | null;
  lastChange: number | null;
  /** When a connect last failed; the upstream is skipped until retryAfterMs after this. */
  failedAt: number;
}

/**
 * The upstreams and what the proxy has learnt about them from real connections
 * (passive health checking: no probe traffic of its own).
 */
export class UpstreamPool {
  private readonly upstreams: Upstream[];

  constructor(
    addresses: UpstreamAddress[],
    private readonly retryAfterMs: number,
    /** Called when an upstream goes up or down. */
    private readonly onChange: (status: UpstreamStatus) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.upstreams = addresses.map((address) => ({ address, state: 'unknown', lastError: null, lastChange: null, failedAt: 0 }));
  }

  /**
   * The upstreams to try for a new connection, in preference order: those that did not
   * fail in the last retryAfterMs. If they all did, all of them: a chance beats a sure 502.
   */
  candidates(): Upstream[] {
    const now = this.now();
    const usable = this.upstreams.filter((u) => u.state !== 'down' || now - u.failedAt >= this.retryAfterMs);
    return usable.length > 0 ? usable : this.upstreams;
  }

  /** Why each upstream left out of candidates() was left out, for the 502 body. */
  skipped(tried: Upstream[]): { upstream: string; error: string }[] {
    const now = this.now();
    return this.upstreams
      .filter((u) => !tried.includes(u))
      .map((u) => ({ upstream: u.address.label, error: `skipped: failed ${now - u.failedAt}ms ago (${u.lastError ?? 'unknown'})` }));
  }

  markUp(upstream: Upstream): void {
    if (upstream.state === 'up') return;
    this.change(upstream, 'up');
  }

  markDown(upstream: Upstream, error: string): void {
    upstream.failedAt = this.now();
    upstream.lastError = error;
    if (upstream.state !== 'down') this.change(upstream, 'down');
  }

  snapshot(): UpstreamStatus[] {
    return this.upstreams.map(statusOf);
  }

  private change(upstream: Upstream, state: UpstreamState): void {
    upstream.state = state;
    upstream.lastChange = this.now();
    this.onChange(statusOf(upstream));
  }
}

function statusOf(u: Upstream): UpstreamStatus {
  return {
    address: u.address.label,
    state: u.state,
    lastError: u.lastError,
    lastChange: u.lastChange === null ? null : new Date(u.lastChange).toISOString(),
  };
}
