import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import { APP_MEMORY_LIMIT, HELPER_MEMORY_LIMIT, IMAGE_TAG, RUN_AS_GID, RUN_AS_UID } from '../patterns/constants.js';
import type { ContainerSpec, ProbeSpec, ProjectOptions } from '../patterns/types.js';

/** `<image-prefix><name>-<container>:dev`, the one rule for image names. */
export function imageName(options: Pick<ProjectOptions, 'imagePrefix' | 'name'>, container: Pick<ContainerSpec, 'template'>): string {
  return `${options.imagePrefix}${options.name}-${container.template}:${IMAGE_TAG}`;
}

/**
 * Small, explicit budgets. A Node.js container idles at ~40 MiB; the helpers' measured peaks
 * stay well under their 160Mi: the log-shipper ~50 MiB shipping a million-line backlog
 * (npm run bench), the adapter under 100 MiB on hostile statuses (its memory-bound test).
 */
const RESOURCES = {
  main: {
    requests: { cpu: '50m', memory: '64Mi', 'ephemeral-storage': '16Mi' },
    limits: { cpu: '500m', memory: APP_MEMORY_LIMIT, 'ephemeral-storage': '64Mi' },
  },
  helper: {
    requests: { cpu: '20m', memory: '48Mi', 'ephemeral-storage': '16Mi' },
    limits: { cpu: '250m', memory: HELPER_MEMORY_LIMIT, 'ephemeral-storage': '64Mi' },
  },
} as const;

function httpProbe(probe: ProbeSpec, timing: Partial<IProbe>): IProbe {
  return { httpGet: { path: probe.path, port: probe.port }, timeoutSeconds: 2, ...timing };
}

/** The restricted Pod Security Standard, container half; the pod half is in deployment.ts. */
export const containerSecurityContext = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  runAsUser: RUN_AS_UID,
  runAsGroup: RUN_AS_GID,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' as const },
};

export function renderContainer(spec: ContainerSpec, options: ProjectOptions, asNativeSidecar: boolean): IContainer {
  const container: IContainer = {
    name: spec.name,
    image: imageName(options, spec),
    imagePullPolicy: 'IfNotPresent',
    ...(asNativeSidecar ? { restartPolicy: 'Always' } : {}),
    ports: spec.ports.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: 'TCP' })),
    env: Object.entries(spec.env).map(([name, value]) => ({ name, value })),
    resources: structuredClone(RESOURCES[spec.role]) as IContainer['resources'],
    securityContext: structuredClone(containerSecurityContext),
    volumeMounts: spec.mounts.map((m) => ({ name: m.volume, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true } : {}) })),
  };
  if (spec.startup) container.startupProbe = httpProbe(spec.startup, { periodSeconds: 1, failureThreshold: 30 });
  if (spec.readiness) container.readinessProbe = httpProbe(spec.readiness, { periodSeconds: 5, failureThreshold: 3 });
  if (spec.liveness) container.livenessProbe = httpProbe(spec.liveness, { periodSeconds: 10, failureThreshold: 3 });
  if (!container.ports?.length) delete container.ports;
  if (!container.volumeMounts?.length) delete container.volumeMounts;
  return container;
}
