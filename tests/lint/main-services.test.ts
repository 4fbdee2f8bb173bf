import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintObjects, lintPaths, type Finding } from '../../src/lint/index.js';
import { mainServices } from '../../src/lint/main-services.js';
import { buildModel } from '../../src/lint/model.js';
import { writeFixtures } from './support/fixtures.js';

type Doc = Record<string, any>;
const fixture = writeFixtures();
const TEACHER = fileURLToPath(new URL('./manifests/teacher-shop.yaml', import.meta.url));
const BASE = readFileSync(fileURLToPath(new URL('./fixtures/base.yaml', import.meta.url)), 'utf8');

function base(): [Doc, Doc] {
  return parseAllDocuments(BASE).map((d) => d.toJS()) as [Doc, Doc];
}
const podOf = (d: Doc) => d.spec.template.spec;
const mains = (deployment: Doc) => mainServices(buildModel([{ object: deployment }]).pods[0]!).map((m) => m.container.name);
const design = (findings: Finding[]) => findings.filter((f) => f.check === 'multiple-main-services');

/** A container from a local image (no well-known name), clean for every other check. */
function container(name: string, extra: Doc = {}): Doc {
  return {
    name,
    image: `local/${name}:dev`,
    imagePullPolicy: 'IfNotPresent',
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    resources: {
      requests: { cpu: '10m', memory: '32Mi', 'ephemeral-storage': '16Mi' },
      limits: { memory: '64Mi', 'ephemeral-storage': '32Mi' },
    },
    ...extra,
  };
}
const probed = (port: string) => ({
  readinessProbe: { httpGet: { path: '/readyz', port } },
  livenessProbe: { httpGet: { path: '/healthz', port } },
});

describe('multiple-main-services decides by shape, not image name (issue 14)', () => {
  it("finds the teacher's web, api and db in one pod, with no well-known image name, and lists it before every other finding", async () => {
    const { findings } = await lintPaths([TEACHER]);
    expect(findings.length).toBeGreaterThan(30);
    expect(findings[0]!.check).toBe('multiple-main-services');
    expect(design(findings)).toHaveLength(1);
    const [finding] = design(findings);
    // What was found: every container, with what marks it.
    expect(finding!.message).toContain('web (port 80), api (port 8080) and db (mysql server, port 3306)');
    // Why it is wrong, in the words a student needs.
    for (const why of ['scheduled, scaled, restarted and rolled out together', 'one failure', '`replicas: 3`', 'copies of db'])
      expect(finding!.message).toContain(why);
    // How to mend it: a Deployment and Service each, the database a StatefulSet.
    expect(finding!.fix).toContain('Give web and api each its own Deployment and Service');
    expect(finding!.fix).toContain('run db as a StatefulSet with a PersistentVolumeClaim');
  });

  it('finds a web front end and an app without a database (fixture fail-web-app)', async () => {
    const { findings } = await lintPaths([fixture('multiple-main-services/fail-web-app.yaml')]);
    expect(findings.map((f) => f.check)).toEqual(['multiple-main-services']);
    expect(findings[0]!.message).toContain('web (port web (8081)) and app (port http (8080))');
    expect(findings[0]!.message).not.toContain('data');
    expect(findings[0]!.fix).toContain('Give each of web and app its own Deployment and its own Service');
  });

  it.each(['pass.yaml', 'pass-classic-ambassador.yaml', 'pass-classic-log-shipper.yaml'])(
    'counts the helper of %s as a helper, in containers',
    async (file) => {
      const { findings } = await lintPaths([fixture(`multiple-main-services/${file}`)]);
      expect(findings).toEqual([]);
    },
  );

  it('counts a container with its own PersistentVolumeClaim as a main service, even without ports', async () => {
    const { findings } = await lintPaths([fixture('multiple-main-services/fail-data-volume.yaml')]);
    expect(design(findings)).toHaveLength(1);
    expect(design(findings)[0]!.message).toContain('store (data in /srv/store)');
  });

  it('tells a loopback listener (a helper) from a client that connects to loopback (a main service)', () => {
    const [deployment] = base();
    podOf(deployment).containers.push(
      container('proxy', { ports: [{ name: 'proxy', containerPort: 9000 }], args: ['--listen', '127.0.0.1:9000'] }),
    );
    expect(mains(deployment)).toEqual(['app']);
    podOf(deployment).containers[1] = container('proxy', { ports: [{ name: 'proxy', containerPort: 9000 }], args: ['--bind=localhost'] });
    expect(mains(deployment)).toEqual(['app']);
    // DB_HOST names where a client connects, not where it listens.
    podOf(deployment).containers[1] = container('api', {
      ports: [{ name: 'api', containerPort: 9000 }],
      env: [{ name: 'DB_HOST', value: '127.0.0.1' }],
    });
    expect(mains(deployment)).toEqual(['app', 'api']);
  });

  it('counts a metrics port, by name or by the prometheus.io/port annotation, as a helper port', () => {
    const [deployment] = base();
    podOf(deployment).containers.push(container('exporter', { ports: [{ containerPort: 9187 }] }));
    expect(mains(deployment)).toEqual(['app', 'exporter']);
    deployment.spec.template.metadata.annotations = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9187' };
    expect(mains(deployment)).toEqual(['app']);
    podOf(deployment).containers[1] = container('exporter', { ports: [{ name: 'db-metrics', containerPort: 9188 }] });
    expect(mains(deployment)).toEqual(['app']);
  });

  it('counts a data directory of its own as state, but not one it shares with the app', () => {
    const [deployment] = base();
    podOf(deployment).volumes.push({ name: 'data', emptyDir: { sizeLimit: '1Gi' } });
    podOf(deployment).containers.push(container('cache', { volumeMounts: [{ name: 'data', mountPath: '/var/lib/cache' }] }));
    expect(mains(deployment)).toEqual(['app', 'cache']);
    podOf(deployment).containers[0].volumeMounts.push({ name: 'data', mountPath: '/srv/shared' });
    expect(mains(deployment)).toEqual(['app']);
  });

  it('never counts native sidecars, init containers or a single main service', () => {
    const [deployment, service] = base();
    podOf(deployment).initContainers.push(
      container('proxy', { restartPolicy: 'Always', ports: [{ name: 'web', containerPort: 8443 }], ...probed('web') }),
    );
    podOf(deployment).initContainers.push(container('migrate', { ports: [{ name: 'migrate', containerPort: 7000 }] }));
    expect(mains(deployment)).toEqual(['app']);
    expect(design(lintObjects([deployment, service]))).toEqual([]);
  });

  it('advises a StatefulSet for each database when every main service keeps data', () => {
    const [deployment, service] = base();
    podOf(deployment).containers = [
      container('pg', { ports: [{ containerPort: 5432 }] }),
      container('cache', { ports: [{ name: 'redis', containerPort: 6380 }] }),
    ];
    const [finding] = design(lintObjects([deployment, service]));
    expect(finding!.message).toContain('pg (port 5432) and cache (port redis (6380))');
    expect(finding!.fix).toContain('Run each of pg and cache as its own StatefulSet');
  });
});
