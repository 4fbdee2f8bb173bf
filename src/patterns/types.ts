import type { Lang } from '../i18n/lang.js';

/**
 * The one description of a pod pattern. Manifests, container code, docs, the dev
 * runner and the linter all read this; nothing else restates a port, path or name.
 */

export type PatternName = 'singleton' | 'sidecar' | 'ambassador' | 'adapter';

/** A container directory under templates/containers/ and containers/ in a project. */
export type ContainerTemplate = 'app' | 'log-shipper' | 'ambassador' | 'adapter' | 'upstream';

export interface PortSpec {
  /** IANA-style port name (<= 15 chars), used by probes and the Service. */
  name: string;
  containerPort: number;
  /** Served on every interface (probe-able from the kubelet) or loopback only. */
  scope: 'pod' | 'loopback';
  /** Published by the workload's Service. */
  service?: { port: number };
}

export interface ProbeSpec {
  /** HTTP path served on `port`. */
  path: string;
  /** Name of a port in the same container. */
  port: string;
}

export interface MountSpec {
  volume: string;
  mountPath: string;
  readOnly?: boolean;
}

export interface ContainerSpec {
  name: string;
  template: ContainerTemplate;
  /** `main` runs in `containers`; `helper` is a sidecar (native or classic). */
  role: 'main' | 'helper';
  /** What the container is for, one line; used in docs and comments. */
  purpose: string;
  ports: PortSpec[];
  /** Every port, path and upstream the code uses comes from here. */
  env: Record<string, string>;
  mounts: MountSpec[];
  readiness?: ProbeSpec;
  liveness?: ProbeSpec;
  /** A startup probe gates the containers after a native sidecar. */
  startup?: ProbeSpec;
}

export interface VolumeSpec {
  name: string;
  /** emptyDir size limit, a Kubernetes quantity. */
  sizeLimit: string;
  purpose: string;
}

/** A workload outside the pod that the pattern needs to work offline (the demo upstream). */
export interface CompanionSpec {
  /** Suffix of the object names: `<name>-<suffix>`. */
  suffix: string;
  container: ContainerSpec;
}

export interface PodSpecPlan {
  pattern: PatternName;
  title: string;
  summary: string;
  containers: ContainerSpec[];
  volumes: VolumeSpec[];
  companions: CompanionSpec[];
  /** Pod template annotations (e.g. Prometheus scrape hints). */
  annotations: Record<string, string>;
}

/** Everything the user chose, validated. */
export interface ProjectOptions {
  /** The language of everything the project says to a person: README, manifest comments, picture. */
  lang: Lang;
  directory: string;
  pattern: PatternName;
  name: string;
  namespace?: string;
  port: number;
  replicas: number;
  sidecarMode: 'native' | 'classic';
  target: 'kind' | 'minikube' | 'k3d' | 'docker-desktop' | 'podman';
  imagePrefix: string;
}
