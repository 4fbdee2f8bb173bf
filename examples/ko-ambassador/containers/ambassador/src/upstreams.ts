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
  /**
   * HAProxy's health counter, from 0 (down) to rise + fall - 1 (fully up): a failed check
   * takes one off, a passed one adds one. Going below `rise` means down (and back to 0, so
   * coming back takes `rise` passes); reaching `rise` means up (and straight to the top, so
   * going down takes `fall` failures).
   */
  health: number;
  lastError: string | null;
  lastChange: number | null;
}

export interface Thresholds {
  rise: number;
  fall: number;
}

/**
 * The upstreams and their state, learnt two ways: active health checks (checkPassed,
 * checkFailed), and real traffic (failed: at once down, as HAProxy's `on-error mark-down`;
 * answered: up, if it was still unknown).
 */
export class UpstreamPool {
  private readonly upstreams: Upstream[];
  private readonly top: number;

  constructor(
    addresses: UpstreamAddress[],
    private readonly thresholds: Thresholds,
    /** Called when an upstream goes up or down. */
    private readonly onChange: (status: UpstreamStatus) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.top = thresholds.rise + thresholds.fall - 1;
    // As HAProxy starts a server: counted as up, yet one failed check takes it down.
    this.upstreams = addresses.map((address) => ({
      address,
      state: 'unknown',
      health: thresholds.rise,
      lastError: null,
      lastChange: null,
    }));
  }

  all(): readonly Upstream[] {
    return this.upstreams;
  }

  /**
   * The upstreams to try for a new connection, in preference order: those not down. If they
   * all are, all of them: a chance beats a sure 502.
   */
  candidates(): Upstream[] {
    const usable = this.upstreams.filter((u) => u.state !== 'down');
    return usable.length > 0 ? usable : [...this.upstreams];
  }

  /** Why each upstream left out of candidates() was left out, for the 502 body. */
  skipped(tried: Upstream[]): { upstream: string; error: string }[] {
    const now = this.now();
    return this.upstreams
      .filter((u) => !tried.includes(u))
      .map((u) => ({
        upstream: u.address.label,
        error: `skipped: down for ${now - (u.lastChange ?? now)}ms (${u.lastError ?? 'unknown'})`,
      }));
  }

  /**
   * Real traffic got an answer from it: known to be up if nothing was known yet. A down
   * upstream tried anyway (all were down) stays down until its checks pass `rise` times, as
   * in HAProxy: one lucky answer does not outvote the checks.
   */
  answered(upstream: Upstream): void {
    if (upstream.state !== 'unknown') return;
    upstream.health = this.top;
    this.change(upstream, 'up');
  }

  /** Real traffic failed on it before any answer: out at once, back after `rise` passed checks. */
  failed(upstream: Upstream, error: string): void {
    upstream.health = 0;
    upstream.lastError = error;
    if (upstream.state !== 'down') this.change(upstream, 'down');
  }

  checkPassed(upstream: Upstream): void {
    if (upstream.health < this.top) upstream.health += 1;
    if (upstream.health >= this.thresholds.rise) {
      upstream.health = this.top;
      if (upstream.state !== 'up') this.change(upstream, 'up');
    }
  }

  checkFailed(upstream: Upstream, error: string): void {
    upstream.lastError = error;
    if (upstream.health > 0) upstream.health -= 1;
    if (upstream.health < this.thresholds.rise) {
      upstream.health = 0;
      if (upstream.state !== 'down') this.change(upstream, 'down');
    }
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
