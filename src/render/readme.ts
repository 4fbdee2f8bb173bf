import { catalog } from '../i18n/catalog.js';
import type { Lang } from '../i18n/lang.js';
import { imageName } from '../manifests/container.js';
import { namespaceFlag, PID_PLACEHOLDER } from '../patterns/commands.js';
import { containersToBuild, PATTERN_NAMES } from '../patterns/index.js';
import type { ContainerSpec, PodDescription, PortSpec, ProjectOptions, TryStep } from '../patterns/types.js';
import { localhostUses, podPicture } from './pod-picture.js';

/**
 * What templates/project/README.md.hbs lays out: every sentence from the reader's catalog,
 * every value from this pod's description. Nothing here knows one pattern from another.
 */
export function readmeContext(options: ProjectOptions, pod: PodDescription) {
  const t = catalog(options.lang).readme;
  const containers = pod.containers.map((c) => c.name);
  const helpers = pod.containers.filter((c) => c.role === 'helper');
  const facts = {
    name: options.name,
    containers,
    helpers: helpers.map((c) => c.name),
    replicas: options.replicas,
    sidecarMode: options.sidecarMode,
  };
  const address = (c: ContainerSpec) => c.ports.map((p) => `${listenAddress(p)} (${p.name})`).join(', ');
  const describe = (c: ContainerSpec, owner: string) => {
    const purpose = t.containers[c.template].purpose;
    return {
      owner,
      name: c.name,
      role: c.role === 'main' ? t.roleMain({ purpose }) : t.roleHelper({ mode: options.sidecarMode, purpose }),
      companion: t.roleCompanion({ name: c.name, purpose }),
      listens: address(c) || t.nothing,
      image: imageName(options, c),
    };
  };
  const helperPort = helpers.flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, container: c.name })))[0];
  const steps = trySteps(options, pod, helperPort);
  const text = (s: TryStep) => ({
    command: s.command.replace(PID_PLACEHOLDER, (_, name: string) => t.pidOf({ name })),
    expect: s.expect(t.expect),
  });

  return {
    t,
    title: t.title({ name: options.name, pattern: patternTitle(options.lang, pod) }),
    summary: (pod.helpers.length ? pod.helpers : (['singleton'] as const)).map((p) => t.patterns[p].summary).join(' '),
    podUnit: t.podUnit(facts),
    helperKind: helpers.length === 0 ? '' : options.sidecarMode === 'native' ? t.nativeSidecar : t.classicSidecar,
    ports: pod.containers.flatMap((c) =>
      c.ports.map((p) => ({
        container: c.name,
        address: listenAddress(p),
        name: p.name,
        onlyInside: p.scope === 'loopback',
      })),
    ),
    localhost: localhostUses(pod).map((u) => t.localhostUse(u)),
    portClash: helperPort ? t.portClash(helperPort) : '',
    volumes: pod.volumes.map((v) =>
      t.volumeShared({
        name: v.name,
        sizeLimit: v.sizeLimit,
        mounts: pod.containers.flatMap((c) =>
          c.mounts.filter((m) => m.volume === v.name).map((m) => ({ container: c.name, path: m.mountPath, readOnly: Boolean(m.readOnly) })),
        ),
      }),
    ),
    patterns: PATTERN_NAMES.map((p) => ({
      ...t.patterns[p],
      name: p,
      marker: (p === 'singleton' ? pod.helpers.length === 0 : pod.helpers.includes(p)) ? t.thisOne : '',
    })),
    scale: t.scale(facts),
    promises: pod.containers.flatMap((c) => (c.docs?.promise ? [c.docs.promise(t.promises)] : [])),
    tryDev: steps.filter((s) => s.where === 'dev').map(text),
    tryCluster: steps.filter((s) => s.where === 'cluster').map(text),
    picture: podPicture(pod, options),
    containers: pod.containers.map((c) => describe(c, options.name)),
    companions: pod.companions.map((c) => describe(c.container, `${options.name}-${c.suffix}`)),
    deploy: t.deploy({ target: options.target }),
    namespace: !options.namespace
      ? t.namespaceNone
      : options.namespace === 'default'
        ? t.namespaceShared({ namespace: options.namespace })
        : t.namespaceOwn({ namespace: options.namespace }),
    start: containersToBuild(pod)
      .filter((c) => c.docs)
      .map((c) =>
        t.whereStart({ container: c.template, file: `containers/${c.template}/${c.docs!.start}`, heart: t.containers[c.template].heart }),
      ),
  };
}

/** Where a port listens: every interface of the pod, or its loopback only. */
function listenAddress(p: PortSpec): string {
  return `${p.scope === 'loopback' ? '127.0.0.1' : '0.0.0.0'}:${p.containerPort}`;
}

/** "Sidecar logger", or "Sidecar logger + Adapter monitor" for a pod with both helpers. */
export function patternTitle(lang: Lang, pod: PodDescription): string {
  const t = catalog(lang).readme;
  return (pod.helpers.length ? pod.helpers : (['singleton'] as const)).map((p) => t.patterns[p].title).join(' + ');
}

/** The pod's own steps, then what every pod shows: a port clash refused, READY n/n, deploy's plan. */
function trySteps(options: ProjectOptions, pod: PodDescription, helperPort: { port: number; container: string } | undefined): TryStep[] {
  const own = pod.containers.flatMap((c) => c.docs?.tryIt ?? []);
  const ready = pod.containers.length;
  const common: TryStep[] = [
    ...(helperPort
      ? [
          {
            where: 'dev' as const,
            command: `npx create-pod-pattern clash --pattern ${pod.pattern} --port ${helperPort.port} --yes`,
            expect: (e: Parameters<TryStep['expect']>[0]) => e.portClash(helperPort),
          },
        ]
      : []),
    {
      where: 'cluster',
      command: `kubectl get pods -l app.kubernetes.io/name=${options.name}${namespaceFlag(options)}`,
      expect: (e) => e.podReady({ ready }),
    },
    { where: 'cluster', command: 'npm run deploy -- --dry-run', expect: (e) => e.deployDryRun },
  ];
  return [...own, ...common];
}
