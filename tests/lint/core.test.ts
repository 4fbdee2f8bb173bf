import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseImage } from '../../src/lint/checks/images.js';
import { standaloneService } from '../../src/lint/main-services.js';
import { selectorMismatch } from '../../src/lint/checks/workload.js';
import { lintDocuments, lintObjects, type Finding } from '../../src/lint/index.js';

type Doc = Record<string, any>;
const BASE = readFileSync(fileURLToPath(new URL('./fixtures/base.yaml', import.meta.url)), 'utf8');

/** A fresh copy of the good base: [Deployment, Service]. */
function base(): [Doc, Doc] {
  return parseAllDocuments(BASE).map((d) => d.toJS()) as [Doc, Doc];
}
const podOf = (d: Doc) => d.spec.template.spec;
const checksOf = (findings: Finding[], container?: string) =>
  [...new Set(findings.filter((f) => container === undefined || f.container === container).map((f) => f.check))].sort();

describe('lintObjects', () => {
  it('finds nothing in the good base, and passes the source through', () => {
    expect(lintObjects(base(), 'k8s/all.yaml')).toEqual([]);
    const [deployment, service] = base();
    delete podOf(deployment).automountServiceAccountToken;
    expect(lintObjects([deployment, service], 'k8s/all.yaml')).toEqual([
      {
        check: 'automount-service-account-token',
        severity: 'error',
        object: 'Deployment/web',
        message: expect.any(String),
        fix: expect.stringContaining('automountServiceAccountToken: false'),
        source: 'k8s/all.yaml',
      },
    ]);
  });

  it('checks ephemeral containers for security, but not for resources or probes they may not have', () => {
    const [deployment, service] = base();
    podOf(deployment).ephemeralContainers = [{ name: 'debug', image: 'busybox:1.36', ports: [{ containerPort: 7000 }] }];
    expect(checksOf(lintObjects([deployment, service]), 'debug')).toEqual([
      'drop-all-capabilities',
      'image-pull-policy',
      'no-read-only-root-fs',
      'privilege-escalation-container',
    ]);
  });

  it('asks regular init containers for resources but not probes', () => {
    const [deployment, service] = base();
    podOf(deployment).initContainers.push({
      name: 'migrate',
      image: 'local/web-migrate:dev',
      imagePullPolicy: 'IfNotPresent',
      ports: [{ containerPort: 8080 }],
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    });
    const findings = lintObjects([deployment, service]);
    expect(checksOf(findings, 'migrate')).toEqual([
      'unset-cpu-requirements',
      'unset-ephemeral-storage-requirements',
      'unset-memory-requirements',
    ]);
    // It runs before the app, so sharing the app's port is no conflict.
    expect(checksOf(findings)).not.toContain('container-port-conflict');
  });

  it('asks native sidecars that serve a port for readiness and liveness probes', () => {
    const [deployment, service] = base();
    podOf(deployment).initContainers[0].ports = [{ name: 'health', containerPort: 9001 }];
    expect(checksOf(lintObjects([deployment, service]), 'log-shipper')).toEqual(['no-liveness-probe', 'no-readiness-probe']);
  });

  it('checks every pod-making kind, names the object by its kind, and skips other kinds', () => {
    const bare = (kind: string, spec: Doc) => ({ apiVersion: 'v1', kind, metadata: { name: 'x' }, spec });
    const container = { name: 'c', image: 'busybox:1.36' };
    const template = { template: { spec: { containers: [container] } } };
    const objects = [
      bare('Pod', { containers: [container] }),
      bare('StatefulSet', template),
      bare('DaemonSet', template),
      bare('Job', template),
      bare('CronJob', { jobTemplate: { spec: template } }),
      bare('ConfigMap', {}),
      { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [] },
      null,
      'text',
      42,
    ];
    const findings = lintObjects(objects);
    expect(new Set(findings.map((f) => f.object))).toEqual(new Set(['Pod/x', 'StatefulSet/x', 'DaemonSet/x', 'Job/x', 'CronJob/x']));
    for (const object of ['Pod/x', 'StatefulSet/x', 'DaemonSet/x', 'Job/x', 'CronJob/x']) {
      expect(findings.filter((f) => f.object === object).map((f) => f.check)).toContain('run-as-non-root');
    }
    const replicas = findings.filter((f) => f.check === 'unset-replicas').map((f) => f.object);
    expect(replicas).toEqual(['StatefulSet/x']);
  });

  it('unwraps a List', () => {
    const [deployment, service] = base();
    delete deployment.spec.replicas;
    const findings = lintObjects([{ apiVersion: 'v1', kind: 'List', items: [deployment, service] }]);
    expect(checksOf(findings)).toEqual(['unset-replicas']);
  });

  it('does not crash on wrong shapes', () => {
    const weird = [
      { kind: 'Deployment', metadata: 'x', spec: { template: { spec: { containers: 'app', volumes: [1, null] } } } },
      {
        kind: 'Deployment',
        spec: {
          template: { spec: { containers: [{ name: 'a', ports: 5, securityContext: [], resources: 'big', readinessProbe: 'yes' }] } },
        },
      },
      { kind: 'Service', spec: { selector: 'app', ports: {} } },
      { kind: 'Namespace' },
    ];
    expect(() => lintObjects(weird)).not.toThrow();
    expect(lintObjects(weird).map((f) => f.object)).toContain('Deployment/<unnamed>');
  });
});

describe('Services are matched across the whole input', () => {
  it('finds the Deployment of a Service given in another file', () => {
    const [deployment, service] = base();
    expect(
      lintDocuments([
        { object: service, source: 'service.yaml' },
        { object: deployment, source: 'deployment.yaml' },
      ]),
    ).toEqual([]);
  });

  it('does not match a Deployment in another namespace', () => {
    const [deployment, service] = base();
    deployment.metadata.namespace = 'a';
    service.metadata.namespace = 'b';
    expect(checksOf(lintObjects([deployment, service]))).toEqual(['dangling-service']);
  });

  it('skips Services without a selector and ExternalName Services', () => {
    const external = { kind: 'Service', metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } };
    const manual = { kind: 'Service', metadata: { name: 'legacy' }, spec: { ports: [{ port: 80 }] } };
    expect(lintObjects([external, manual])).toEqual([]);
  });

  it('accepts a targetPort that only a native sidecar declares', () => {
    const [deployment, service] = base();
    const sidecar = podOf(deployment).initContainers[0];
    sidecar.ports = [{ name: 'metrics', containerPort: 9102 }];
    sidecar.readinessProbe = { httpGet: { path: '/readyz', port: 'metrics' } };
    sidecar.livenessProbe = { httpGet: { path: '/healthz', port: 'metrics' } };
    service.spec.ports.push({ name: 'metrics', port: 9102, targetPort: 'metrics' });
    expect(lintObjects([deployment, service])).toEqual([]);
  });
});

describe('pod design', () => {
  function serving(name: string, image: string, port: number): Doc {
    return {
      name,
      image,
      imagePullPolicy: 'IfNotPresent',
      ports: [{ name, containerPort: port }],
      readinessProbe: { tcpSocket: { port } },
      livenessProbe: { exec: { command: ['true'] } },
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
      resources: {
        requests: { cpu: '10m', memory: '64Mi', 'ephemeral-storage': '1Mi' },
        limits: { memory: '64Mi', 'ephemeral-storage': '1Mi' },
      },
    };
  }

  it('reports a web server, an app and a database packed into one pod, once', () => {
    const [deployment, service] = base();
    podOf(deployment).containers.unshift(serving('web', 'nginx:1.27', 8081));
    podOf(deployment).containers.push(serving('db', 'mysql:8.4', 3306));
    const findings = lintObjects([deployment, service]).filter((f) => f.check === 'multiple-main-services');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain(
      'web (nginx server, port web (8081)), app (port http (8080)) and db (mysql server, port db (3306))',
    );
    expect(findings[0]!.fix).toContain('own Deployment');
    expect(findings[0]!.fix).toContain('run db as a StatefulSet');
  });

  it('counts a well-known server without ports as a main service too', () => {
    const [deployment, service] = base();
    const redis = serving('cache', 'redis:7.4', 6379);
    delete redis.ports;
    delete redis.readinessProbe;
    delete redis.livenessProbe;
    podOf(deployment).containers.push(redis);
    expect(checksOf(lintObjects([deployment, service]))).toEqual(['multiple-main-services']);
  });

  it('does not count a native sidecar, or a lone well-known server', () => {
    const [deployment, service] = base();
    podOf(deployment).initContainers.push({ ...serving('proxy', 'nginx:1.27', 8443), restartPolicy: 'Always' });
    expect(checksOf(lintObjects([deployment, service]))).toEqual([]);
    const [single] = base();
    podOf(single).containers = [serving('web', 'nginx:1.27', 8080)];
    expect(checksOf(lintObjects([single]))).toEqual([]);
  });

  it('names well-known images whatever their registry, tag or digest', () => {
    expect(standaloneService('docker.io/library/postgres:16.4')).toBe('postgres');
    expect(standaloneService('bitnami/redis@sha256:abc')).toBe('redis');
    expect(standaloneService('localhost:5000/nginx')).toBe('nginx');
    expect(standaloneService('nginx/nginx-prometheus-exporter:1.3')).toBeUndefined();
    expect(standaloneService('local/web-app:dev')).toBeUndefined();
    expect(standaloneService(undefined)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('parses image references', () => {
    expect(parseImage('nginx')).toEqual({ repository: 'nginx', digest: undefined });
    expect(parseImage('localhost:5000/app:1.0')).toEqual({ repository: 'localhost:5000/app', tag: '1.0', digest: undefined });
    expect(parseImage('localhost:5000/app')).toEqual({ repository: 'localhost:5000/app', digest: undefined });
    expect(parseImage('app:1.0@sha256:abc')).toEqual({ repository: 'app', tag: '1.0', digest: 'sha256:abc' });
  });

  it('matches label selectors with expressions', () => {
    const labels = { app: 'web', tier: 'front' };
    expect(selectorMismatch({ matchLabels: { app: 'web' } }, labels)).toBeUndefined();
    expect(selectorMismatch({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['back'] }] }, labels)).toBeUndefined();
    expect(selectorMismatch({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, labels)).toBeUndefined();
    expect(selectorMismatch({ matchExpressions: [{ key: 'canary', operator: 'DoesNotExist' }] }, labels)).toBeUndefined();
    expect(selectorMismatch({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, labels)).toMatch(/tier In/);
    expect(selectorMismatch({}, labels)).toMatch(/missing or empty/);
    expect(selectorMismatch(undefined, labels)).toMatch(/missing or empty/);
  });
});
