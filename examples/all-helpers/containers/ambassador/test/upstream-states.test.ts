import { describe, expect, it } from 'vitest';
import { UpstreamPool } from '../src/upstreams';
import { address } from './helpers';

/** A pool of one upstream, and the states it was logged going through. */
function onePool(rise: number, fall: number) {
  const changes: string[] = [];
  const pool = new UpstreamPool([address(9081)], { rise, fall }, (status) => changes.push(status.state));
  return { pool, upstream: pool.all()[0]!, changes };
}

describe('upstream states (rise and fall, as HAProxy counts them)', () => {
  it('the first check decides an unknown upstream, either way', () => {
    const passing = onePool(2, 3);
    passing.pool.checkPassed(passing.upstream);
    expect(passing.changes).toEqual(['up']);

    const failing = onePool(2, 3);
    failing.pool.checkFailed(failing.upstream, 'check: ECONNREFUSED');
    expect(failing.changes).toEqual(['down']);
  });

  it('goes down after exactly FALL failed checks in a row; a pass in between starts the count again', () => {
    const { pool, upstream, changes } = onePool(2, 3);
    pool.checkPassed(upstream);
    pool.checkFailed(upstream, 'x');
    pool.checkFailed(upstream, 'x');
    pool.checkPassed(upstream); // back to fully up
    pool.checkFailed(upstream, 'x');
    pool.checkFailed(upstream, 'x');
    expect(changes).toEqual(['up']);
    pool.checkFailed(upstream, 'check timeout after 500ms');
    expect(changes).toEqual(['up', 'down']);
    expect(pool.snapshot()[0]).toMatchObject({ state: 'down', lastError: 'check timeout after 500ms' });
  });

  it('comes back after exactly RISE passed checks in a row; a failure in between starts the count again', () => {
    const { pool, upstream, changes } = onePool(3, 2);
    pool.checkFailed(upstream, 'x');
    pool.checkPassed(upstream);
    pool.checkPassed(upstream);
    pool.checkFailed(upstream, 'x'); // back to 0
    pool.checkPassed(upstream);
    pool.checkPassed(upstream);
    expect(changes).toEqual(['down']);
    pool.checkPassed(upstream);
    expect(changes).toEqual(['down', 'up']);
  });

  it('a failed request takes an up upstream out at once; then it needs RISE passed checks', () => {
    const { pool, upstream, changes } = onePool(2, 3);
    pool.checkPassed(upstream);
    pool.failed(upstream, 'ECONNRESET');
    expect(changes).toEqual(['up', 'down']);
    expect(pool.candidates()).toEqual([upstream]); // all down: tried anyway
    pool.answered(upstream); // one lucky answer does not outvote the checks
    expect(changes).toEqual(['up', 'down']);
    pool.checkPassed(upstream);
    pool.checkPassed(upstream);
    expect(changes).toEqual(['up', 'down', 'up']);
  });

  it('leaves a down upstream out of the candidates while another is not down', () => {
    const pool = new UpstreamPool([address(9081), address(9082)], { rise: 1, fall: 1 });
    const [primary, backup] = pool.all();
    pool.failed(primary!, 'ECONNREFUSED');
    expect(pool.candidates()).toEqual([backup]);
    pool.checkPassed(primary!);
    expect(pool.candidates()).toEqual([primary, backup]);
  });
});
