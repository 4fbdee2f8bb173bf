import type http from 'node:http';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { AmbassadorConfig } from './config';
import type { Connector } from './connect';
import { createHealthServer } from './health';
import { log as jsonLog } from './log';
import { createProxyServer } from './proxy';
import { UpstreamPool } from './upstreams';

export interface RunningAmbassador {
  proxy: AddressInfo;
  health: AddressInfo;
  pool: UpstreamPool;
  /** Stops accepting, waits up to `drainMs` for open connections, then cuts the rest. */
  stop(drainMs: number): Promise<void>;
}

export interface AmbassadorDeps {
  connect?: Connector;
  log?: typeof jsonLog;
}

/** Starts the proxy, then the health endpoint: /healthz answers only once the proxy listens. */
export async function startAmbassador(config: AmbassadorConfig, deps: AmbassadorDeps = {}): Promise<RunningAmbassador> {
  const log = deps.log ?? jsonLog;
  const pool = new UpstreamPool(config.upstreams, config.retryAfterMs, (status) =>
    status.state === 'down'
      ? log('warn', 'upstream_down', { upstream: status.address, error: status.lastError })
      : log('info', 'upstream_up', { upstream: status.address }),
  );
  const proxy = createProxyServer({ pool, connectTimeoutMs: config.connectTimeoutMs, idleTimeoutMs: config.idleTimeoutMs, connect: deps.connect });
  const clients = new Set<net.Socket>();
  proxy.on('connection', (socket: net.Socket) => {
    clients.add(socket);
    socket.once('close', () => clients.delete(socket));
  });
  await listen(proxy, config.listenPort, config.listenHost);
  const proxyAddress = proxy.address() as AddressInfo;

  const health = createHealthServer(pool, `${config.listenHost}:${proxyAddress.port}`);
  try {
    await listen(health, config.healthPort); // all interfaces: the kubelet probes the pod IP
  } catch (err) {
    proxy.close();
    throw err;
  }

  return {
    proxy: proxyAddress,
    health: health.address() as AddressInfo,
    pool,
    stop: (drainMs) =>
      new Promise((resolve) => {
        health.close();
        health.closeAllConnections();
        const cutOff = setTimeout(() => clients.forEach((socket) => socket.destroy()), drainMs);
        cutOff.unref();
        proxy.close(() => {
          clearTimeout(cutOff);
          resolve();
        });
      }),
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
