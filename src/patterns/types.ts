import type { readme } from '../i18n/en/readme.js';
import type { Lang } from '../i18n/lang.js';

/**
 * The one description of a pod pattern. Manifests, container code, docs, the dev
 * runner and the linter all read this; nothing else restates a port, path or name.
 */

/** A helper pattern: one more container beside the app. */
export type HelperName = 'sidecar' | 'ambassador' | 'adapter';
/** The four named patterns: the app alone, or the app and one helper. */
export type PatternName = 'singleton' | HelperName;

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
  /** npm packages its code needs beyond the project's own (name -> version range). */
  dependencies?: Record<string, string>;
  /** What the container teaches in the generated README. */
  docs?: ContainerDocs;
}

/** A step of the README's "try it": a command to run and what the reader should see. */
export interface TryStep {
  /** `dev`: beside `npm run dev` on this machine; `cluster`: after `npm run deploy`. */
  where: 'dev' | 'cluster';
  command: string;
  expect: (text: (typeof readme)['expect']) => string;
}

/** An arrow of the pod picture that the pod's wiring (ports, volumes, env) does not already draw. */
export interface PictureEdge {
  from: string;
  to: string;
  label?: string;
}

export interface ContainerDocs {
  /** The short file that holds what the container is for (the README says to start reading there). */
  start: string;
  tryIt?: TryStep[];
  /** Arrows to things outside the pod; `to` names a companion's suffix or a thing outside (drawn round). */
  edges?: PictureEdge[];
  /** What the container promises when things go wrong, with this pod's values. */
  promise?: (text: (typeof readme)['promises']) => string;
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

/** What one helper pattern adds around the app; a pod is the app plus any set of these. */
export interface HelperPart {
  helper: HelperName;
  /** What the app needs to work with this helper: env it reads, volumes it mounts. */
  app: { env: Record<string, string>; mounts: MountSpec[] };
  container: ContainerSpec;
  volumes: VolumeSpec[];
  companions: CompanionSpec[];
  /** Pod template annotations (e.g. Prometheus scrape hints). */
  annotations: Record<string, string>;
}

/** One pod, described once: manifests, code, docs, the dev runner and lint all read it. */
export interface PodDescription {
  /** `singleton`, or the helpers' names joined by commas in their canonical order. */
  pattern: string;
  /** The helpers around the app, in the order their containers come. */
  helpers: HelperName[];
  containers: ContainerSpec[];
  volumes: VolumeSpec[];
  companions: CompanionSpec[];
  /** Pod template annotations (e.g. Prometheus scrape hints). */
  annotations: Record<string, string>;
}

/** Everything the user chose, validated. */
export interface ProjectOptions {
  /** `singleton`, a helper, or several helpers joined by commas (see helpersOf). */
  pattern: string;
  /** The language of everything the project says to a person: README, manifest comments, picture. */
  lang: Lang;
  directory: string;
  name: string;
  namespace?: string;
  port: number;
  replicas: number;
  sidecarMode: 'native' | 'classic';
  target: 'kind' | 'minikube' | 'k3d' | 'docker-desktop' | 'podman';
  imagePrefix: string;
}
