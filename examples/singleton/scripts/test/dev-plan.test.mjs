import { describe, expect, it } from 'vitest';
import { devUrls, emptyDirsOf, planDev, portProblems, stopPhases } from '../lib/dev-plan.mjs';
import { serviceAddresses } from '../lib/manifests.mjs';
import { fill } from '../lib/text-fill.mjs';
import { ambassadorPattern, app, deployment, sidecarPattern, text } from './fixtures.mjs';

const byName = (processes) => Object.fromEntries(processes.map((p) => [p.name, p]));
const names = (groups) => groups.map((group) => group.map((p) => p.name));

describe('emptyDir volumes', () => {
  it('become one temp folder each, and env paths under a mountPath point into it', () => {
    const manifests = sidecarPattern();
    expect(emptyDirsOf(manifests)).toEqual([{ key: 'demo/app-logs', deployment: 'demo', volume: 'app-logs' }]);
    const { app: appProcess, 'log-shipper': shipper } = byName(planDev(manifests, { volumeDirs: { 'demo/app-logs': '/tmp/logs1' } }));
    expect(appProcess.env).toEqual({ PORT: '8080', ACCESS_LOG: '/tmp/logs1/access.log' });
    expect(shipper.env).toEqual({
      LOG_FILE: '/tmp/logs1/access.log',
      OFFSET_FILE: '/tmp/logs1/.log-shipper.offset',
      POLL_INTERVAL_MS: '200',
    });
  });

  it('leaves paths that only look alike, and containers without the mount, alone', () => {
    const mounts = [{ name: 'logs', mountPath: '/var/log/app/' }];
    const manifests = {
      workload: 'demo',
      objects: [
        deployment('demo', {
          volumes: [{ name: 'logs', emptyDir: {} }],
          containers: [
            app({ A: '/var/log/app', B: '/var/log/application/x', C: 'see /var/log/app/x' }, { volumeMounts: mounts }),
            { name: 'other', image: 'x', env: [{ name: 'D', value: '/var/log/app/x' }] },
          ],
        }),
      ],
    };
    const { app: appProcess, other } = byName(planDev(manifests, { volumeDirs: { 'demo/logs': '/tmp/v' } }));
    expect(appProcess.env).toMatchObject({ A: '/tmp/v', B: '/var/log/application/x', C: 'see /var/log/app/x' });
    expect(other.env).toEqual({ D: '/var/log/app/x' });
  });
});

describe('Service addresses', () => {
  const upstreamsFor = (upstreams, namespace) =>
    byName(planDev(ambassadorPattern({ upstreams, namespace }), { volumeDirs: {} })).ambassador.env.UPSTREAMS;

  it('resolve named targetPorts through the selected Deployment', () => {
    expect(serviceAddresses(ambassadorPattern()).map(({ host, port, target, targetPort }) => [host, port, target, targetPort])).toEqual([
      ['demo', 80, 'demo', 8080],
      ['demo-upstream-primary', 9081, 'demo-upstream-primary', 9081],
      ['demo-upstream-backup', 9082, 'demo-upstream-backup', 9082],
    ]);
  });

  it('become 127.0.0.1:<targetPort> in every DNS form, so the ambassador reaches the local upstreams', () => {
    expect(upstreamsFor('demo-upstream-primary:9081,demo-upstream-backup:9082')).toBe('127.0.0.1:9081,127.0.0.1:9082');
    expect(upstreamsFor('demo-upstream-primary.shop:9081,demo-upstream-backup.shop.svc:9082', 'shop')).toBe(
      '127.0.0.1:9081,127.0.0.1:9082',
    );
    expect(upstreamsFor('http://demo.shop.svc.cluster.local:80/status', 'shop')).toBe('http://127.0.0.1:8080/status');
  });

  it('leaves other hosts, namespaces and ports alone', () => {
    for (const value of ['demo.other:80', 'my-demo:80', 'demo:8080', 'demo:800', 'demo-upstream-primary-x:9081', 'x.demo:80']) {
      expect(upstreamsFor(value, 'shop')).toBe(value);
    }
  });

  it('accept any namespace when the manifests set none (the context decides)', () => {
    expect(upstreamsFor('demo.team-a.svc:80')).toBe('127.0.0.1:8080');
  });
});

describe('start and stop order', () => {
  it('starts companions, then native sidecars, then containers; companions are named by their suffix', () => {
    const processes = planDev(ambassadorPattern(), { volumeDirs: {} });
    expect(processes.map((p) => [p.name, p.role, p.script])).toEqual([
      ['upstream-primary', 'companion', 'containers/upstream/dist/index.cjs'],
      ['upstream-backup', 'companion', 'containers/upstream/dist/index.cjs'],
      ['ambassador', 'helper', 'containers/ambassador/dist/index.cjs'],
      ['app', 'main', 'containers/app/dist/index.cjs'],
    ]);
  });

  it("waits for a native sidecar's startup probe, resolving its named port", () => {
    const { ambassador, app: appProcess } = byName(planDev(ambassadorPattern(), { volumeDirs: {} }));
    expect(ambassador.waitFor).toEqual({ port: 9001, path: '/healthz' });
    expect(appProcess.waitFor).toBeUndefined();
  });

  it('stops the app first, then helpers in reverse start order, then companions', () => {
    expect(names(stopPhases(planDev(ambassadorPattern(), { volumeDirs: {} })))).toEqual([
      ['app'],
      ['ambassador'],
      ['upstream-primary', 'upstream-backup'],
    ]);
    const twoHelpers = sidecarPattern();
    twoHelpers.objects[0].spec.template.spec.initContainers.push({ name: 'second', image: 'x', restartPolicy: 'Always' });
    expect(names(stopPhases(planDev(twoHelpers, { volumeDirs: {} })))).toEqual([['app'], ['second'], ['log-shipper']]);
  });

  it('treats a classic sidecar as a helper, after the default container', () => {
    const processes = planDev(sidecarPattern({ mode: 'classic' }), { volumeDirs: {} });
    expect(processes.map((p) => [p.name, p.role])).toEqual([
      ['app', 'main'],
      ['log-shipper', 'helper'],
    ]);
    expect(names(stopPhases(processes))).toEqual([['app'], ['log-shipper']]);
    expect(processes[0].graceSeconds).toBe(30);
  });
});

describe('port conflicts', () => {
  const processes = planDev(ambassadorPattern(), { volumeDirs: {} });

  it('finds none when the ports are free', () => {
    expect(portProblems(processes, new Set(), text)).toEqual([]);
  });

  it('names the container and port that is already taken on this machine', () => {
    expect(portProblems(processes, new Set([9001]), text)).toEqual([fill(text.dev.portBusy, { port: 9001, name: 'ambassador' })]);
  });

  it('finds two processes wanting one port, which only locally share a network', () => {
    const clash = ambassadorPattern();
    clash.objects[0].spec.template.spec.containers[0].ports[0].containerPort = 9081;
    expect(portProblems(planDev(clash, { volumeDirs: {} }), new Set(), text)).toEqual([
      fill(text.dev.portTwice, { port: 9081, first: 'upstream-primary', second: 'app' }),
    ]);
  });
});

describe('URLs printed at start', () => {
  it('shows the app, its /upstream and the Prometheus scrape target when present', () => {
    expect(devUrls(ambassadorPattern())).toEqual(['http://127.0.0.1:8080/', 'http://127.0.0.1:8080/upstream']);
    const adapter = sidecarPattern();
    adapter.objects[0].spec.template.metadata.annotations = {
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9102',
      'prometheus.io/path': '/metrics',
    };
    expect(devUrls(adapter)).toEqual(['http://127.0.0.1:8080/', 'http://127.0.0.1:9102/metrics']);
  });
});
