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
export type ContainerTemplate = 'app' | 'log-shipper' | 'ambassador' | 'adapter' | 'upstream' | 'web' | 'db';

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
  /**
   * The optional code parts of its template this container holds (src/parts/<part>/ and
   * test/parts/<part>/ of templates/containers/<template>/); a project gets only these.
   */
  parts?: string[];
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
  /** What the app needs to work with this helper: env it reads, volumes it mounts, the code part that does it. */
  app: { env: Record<string, string>; mounts: MountSpec[]; parts?: string[] };
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

/**
 * A workload of a design that is not one pod pattern (the anti-pattern project): a Deployment or
 * a StatefulSet and the Service in front of it, named `<name>-<suffix>`.
 */
export interface WorkloadSpec {
  suffix: string;
  kind: 'Deployment' | 'StatefulSet';
  /** The file under the design's folder that holds the workload. */
  file: string;
  /** The file that holds its Service (the workload's own file when absent). */
  serviceFile?: string;
  replicas: number;
  containers: ContainerSpec[];
  /** emptyDir volumes of the pod: they die with it. */
  volumes: VolumeSpec[];
  /** A StatefulSet's volumeClaimTemplates: one PersistentVolumeClaim per pod, which outlives it. */
  claims: ClaimSpec[];
  /** `headless`: clusterIP None, the governing Service of a StatefulSet (its DNS names the pods). */
  service: 'cluster-ip' | 'headless';
}

export interface ClaimSpec {
  name: string;
  /** Requested size, a Kubernetes quantity. */
  storage: string;
}

/** One way of running the same containers: a folder of manifests that `kubectl apply -k` takes. */
export interface DesignSpec {
  /** `k8s` (what the project runs) or another folder beside it. */
  folder: string;
  workloads: WorkloadSpec[];
  /** Lint check ids this design is built to fail (the wrong design); generation holds it to exactly these. */
  expectedFindings: string[];
}

/** A project that teaches by contrast: the same containers in a wrong design and in the fix. */
export interface LessonDescription {
  pattern: string;
  /** The fix first: its folder is k8s/. */
  designs: DesignSpec[];
  /** Every container the designs run, once per template (what the project builds). */
  containers: ContainerSpec[];
  /** The folder under templates/ laid over templates/project/ (a file at the same path replaces it). */
  overlay: string;
  /** npm scripts its package.json adds, by name. */
  scripts: Record<string, string>;
  /** Modules rendered from an area of the reader's catalog (`export const text = {...};`), by path. */
  texts: Record<string, TextArea>;
}

/** The areas of the catalog a project's scripts read as plain text (see planProject). */
export type TextArea = 'demo' | 'scripts';

/** Everything the user chose, validated. */
export interface ProjectOptions {
  /** `singleton`, a helper, or several helpers joined by commas (see helpersOf). */
  pattern: string;
  /** The language of everything the project says to a person: README, manifest comments, picture, scripts. */
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
