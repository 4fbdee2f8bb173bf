import { describe, expect, it } from 'vitest';
import { lintObjects } from '../../src/lint/index.js';
import { mainServices } from '../../src/lint/main-services.js';
import { buildModel } from '../../src/lint/model.js';

/**
 * A StatefulSet's pods get a volume from each of its volumeClaimTemplates (a PersistentVolumeClaim
 * per pod, `<template>-<statefulset>-<ordinal>`): the linter must see them as the pod's volumes, as
 * the kubelet does, or a database run the right way (the anti-pattern project's fix) is reported
 * for mounting a volume it never declared.
 */
const RESTRICTED = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  runAsUser: 10001,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

function database(claims: string[], mounts: string[]) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'shop-db' },
    spec: {
      serviceName: 'shop-db',
      replicas: 1,
      selector: { matchLabels: { app: 'shop-db' } },
      template: {
        metadata: { labels: { app: 'shop-db' } },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'db',
              image: 'local/shop-db:dev',
              imagePullPolicy: 'IfNotPresent',
              ports: [{ name: 'db', containerPort: 7000 }],
              securityContext: RESTRICTED,
              resources: {
                requests: { cpu: '50m', memory: '64Mi', 'ephemeral-storage': '16Mi' },
                limits: { cpu: '500m', memory: '192Mi', 'ephemeral-storage': '64Mi' },
              },
              readinessProbe: { httpGet: { path: '/readyz', port: 'db' } },
              livenessProbe: { httpGet: { path: '/healthz', port: 'db' } },
              volumeMounts: mounts.map((name) => ({ name, mountPath: '/var/lib/db' })),
            },
          ],
        },
      },
      volumeClaimTemplates: claims.map((name) => ({
        metadata: { name },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      })),
    },
  };
}
const headless = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'shop-db' },
  spec: { clusterIP: 'None', selector: { app: 'shop-db' }, ports: [{ name: 'db', port: 7000, targetPort: 'db' }] },
};

const design = (objects: unknown[]) => lintObjects(objects, undefined, { only: ['pod-design'] });

describe('a StatefulSet mounts what its volumeClaimTemplates make', () => {
  it('passes: a claim template mounted by its container is a declared volume', () => {
    expect(design([database(['data'], ['data']), headless])).toEqual([]);
  });

  it('fails: a mount with neither a volume nor a claim template of that name is still undeclared', () => {
    const findings = design([database(['data'], ['journal']), headless]);
    expect(findings.map((f) => [f.check, f.container])).toEqual([['undeclared-volume-mount', 'db']]);
  });

  it("counts the claim as the container's own persistent state (a database), named by its PersistentVolumeClaim", () => {
    const [pod] = buildModel([{ object: database(['data'], ['data']) }]).pods;
    expect(pod!.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'data-shop-db' } }]);
    const [db] = mainServices(pod!);
    expect(db!.stateful).toBe(true);
    expect(db!.reasons).toContainEqual({ kind: 'state', path: '/var/lib/db' });
  });
});
