import type http from 'node:http';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { AmbassadorConfig } from './config';
import { tcpConnector, type Connector } from './connect';
import { cachingLookup } from './resolver';
import { createHealthServer } from './health';
import { startHealthChecks } from './health-check';
import { log as jsonLog } from './log';
import { createProxyServer } from './proxy';
import { UpstreamPool } from './upstreams';

export interface RunningAmbassador {
  proxy: AddressInfo;
  health: AddressInfo;
  pool: UpstreamPool;
  /**
   * Graceful stop, as after SIGTERM: /readyz turns 503 at once, but the proxy goes on
   * accepting and proxying new connections for `drainMs`; then it stops accepting, gives
   * the connections still open up to `drainMs` more, cuts the rest and closes the health
   * endpoint. Calling it again returns the same promise.
   */
  stop(drainMs: number): Promise<void>;
  /** Stops at once (a second signal): no more accepting, open connections cut. */
  stopNow(): Promise<void>;
}

export interface AmbassadorDeps {
  connect?: Connector;
  log?: typeof jsonLog;
  /** False leaves the upstreams' state to real traffic alone (tests of the passive path). */
  activeHealthChecks?: boolean;
}

/** Starts the proxy, then the health endpoint: /healthz and /readyz answer only once the proxy listens. */
export async function startAmbassador(config: AmbassadorConfig, deps: AmbassadorDeps = {}): Promise<RunningAmbassador> {
  const log = deps.log ?? jsonLog;
  const pool = new UpstreamPool(config.upstreams, config.healthCheck, (status) =>
    status.state === 'down'
      ? log('warn', 'upstream_down', { upstream: status.address, error: status.lastError })
      : log('info', 'upstream_up', { upstream: status.address }),
  );
  let connect = deps.connect;
  let stopResolving = () => {};
  if (!connect) {
    const lookup = cachingLookup(config.dnsRefreshMs);
    // From the start, so that no connection, a failover least of all, waits for DNS.
    stopResolving = lookup.keepResolved(config.upstreams.map((u) => u.host));
    connect = tcpConnector(lookup);
  }
  let stopChecking = () => {};
  const stopBackgroundWork = () => {
    stopResolving();
    stopChecking();
  };
  const proxy = createProxyServer({
    pool,
    connectTimeoutMs: config.connectTimeoutMs,
    firstByteTimeoutMs: config.firstByteTimeoutMs,
    replayBufferBytes: config.replayBufferBytes,
    idleTimeoutMs: config.idleTimeoutMs,
    connect,
    log,
  });
  const clients = new Set<net.Socket>();
  proxy.on('connection', (socket: net.Socket) => {
    clients.add(socket);
    socket.once('close', () => clients.delete(socket));
  });
  await listen(proxy, config.listenPort, config.listenHost);
  const proxyAddress = proxy.address() as AddressInfo;

  let ready = true;
  const health = createHealthServer(pool, `${config.listenHost}:${proxyAddress.port}`, () => ready);
  try {
    await listen(health, config.healthPort); // all interfaces: the kubelet probes the pod IP
  } catch (err) {
    stopBackgroundWork();
    proxy.close();
    throw err;
  }
  if (deps.activeHealthChecks !== false) stopChecking = startHealthChecks(pool, connect, config.healthCheck);

  let stopped: Promise<void> | undefined;
  let resolveStopped = () => {};
  let acceptWindow: NodeJS.Timeout | undefined;
  let cutOff: NodeJS.Timeout | undefined;
  let accepting = true;

  const beginStop = () => {
    ready = false;
    stopped ??= new Promise<void>((resolve) => (resolveStopped = resolve));
    return stopped;
  };
  const cutOpenConnections = () => {
    if (clients.size > 0) log('warn', 'connections_cut', { connections: clients.size });
    for (const socket of clients) socket.destroy();
  };
  /** Stops accepting (if it still does) and cuts what is still open after `graceMs`. */
  const closeProxy = (graceMs: number) => {
    clearTimeout(acceptWindow);
    clearTimeout(cutOff);
    if (accepting) {
      accepting = false;
      // The callback runs once the last connection has closed, by itself or cut.
      stopBackgroundWork();
      proxy.close(() => {
        clearTimeout(cutOff);
        // Last: /healthz stays 200 as long as anything is left to proxy.
        health.close();
        health.closeAllConnections();
        resolveStopped();
      });
      log('info', 'proxy_closed', { openConnections: clients.size }); // once it is true
    }
    if (graceMs === 0) cutOpenConnections();
    else cutOff = setTimeout(cutOpenConnections, graceMs);
  };

  return {
    proxy: proxyAddress,
    health: health.address() as AddressInfo,
    pool,
    stop: (drainMs) => {
      if (stopped) return stopped;
      const done = beginStop();
      acceptWindow = setTimeout(() => closeProxy(drainMs), drainMs);
      return done;
    },
    stopNow: () => {
      const done = beginStop();
      closeProxy(0);
      return done;
    },
  };
}

function listen(server: net.Server | http.Server, port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
