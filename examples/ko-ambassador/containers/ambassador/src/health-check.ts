import type { HealthCheckConfig, UpstreamAddress } from './config';
import type { Connector } from './connect';
import type { Upstream, UpstreamPool } from './upstreams';

/**
 * Active health checks, after HAProxy's `check inter rise fall`: each upstream is checked on
 * its own, one check at a time, `intervalMs` after the previous one ended, and the pool counts
 * passes and failures (see Upstream.health). A check must pass within `timeoutMs`, so an
 * upstream that accepts but never answers (hung, or its process stopped while the kernel
 * still completes handshakes) fails, which a connect alone would not show: hence HTTP checks.
 * Returns a function that stops them.
 */
export function startHealthChecks(pool: UpstreamPool, connect: Connector, config: HealthCheckConfig): () => void {
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const checkLoop = (upstream: Upstream) => {
    void checkOnce(connect, upstream.address, config).then((error) => {
      if (stopped) return;
      if (error === null) pool.checkPassed(upstream);
      else pool.checkFailed(upstream, error);
      const timer = setTimeout(() => {
        timers.delete(timer);
        checkLoop(upstream);
      }, config.intervalMs);
      timer.unref(); // never what keeps the process alive
      timers.add(timer);
    });
  };
  pool.all().forEach(checkLoop); // from the start: the state is known before it matters
  return () => {
    stopped = true;
    timers.forEach(clearTimeout);
  };
}

/** One check: resolves with null when it passed, else with why it failed. Never rejects. */
export function checkOnce(connect: Connector, address: UpstreamAddress, config: HealthCheckConfig): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(address);
    let head = '';
    const finish = (error: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(error); // only the first call counts
    };
    const timer = setTimeout(() => finish(`check timeout after ${config.timeoutMs}ms`), config.timeoutMs);
    socket.on('error', (err: NodeJS.ErrnoException) => finish(`check: ${err.code ?? err.message}`));
    socket.once('connect', () => {
      if (config.mode === 'tcp') return finish(null);
      // HTTP/1.0 and Connection: close: the answer ends with the connection, nothing is kept alive.
      socket.write(
        `GET ${config.path} HTTP/1.0\r\nHost: ${address.label}\r\nUser-Agent: ambassador-health-check\r\nConnection: close\r\n\r\n`,
      );
    });
    socket.setEncoding('latin1').on('data', (chunk: string) => {
      head += chunk;
      const lineEnd = head.indexOf('\r\n');
      if (lineEnd === -1 && head.length < 1024) return;
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
      if (status === undefined) finish('check: not an HTTP answer');
      else finish(status.startsWith('2') || status.startsWith('3') ? null : `check: HTTP ${status}`);
    });
    socket.on('end', () => finish('check: closed before answering'));
  });
}
