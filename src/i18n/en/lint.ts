/**
 * Everything `create-pod-pattern lint` says, in English: the source every other language
 * translates. Check ids, family names, severities and field names are not words to translate.
 */
import { MIN_GRACE_WITH_HELPERS, MIN_USER_ID, RESTRICTED_VOLUME_TYPES, SAFE_SYSCTLS, SELINUX_TYPES } from '../../lint/limits.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const read = (files: number, objects: number) => `${plural(files, 'file')}, ${plural(objects, 'object')}`;

/** The three host namespaces share one template; only these words differ. */
const hostNamespace = (field: string, namespace: string, effect: string) => ({
  description: `The pod does not share the node's ${namespace} namespace (${field}).`,
  message: `${field} is true: ${effect}.`,
  fix: `Remove \`${field}: true\` from the pod spec.`,
});

const ids = {
  description: (field: string) => `${field} is a number >= ${MIN_USER_ID} (never 0), on the pod or the container.`,
  unset: ({ field, what }: { field: string; what: 'user' | 'group' }) =>
    `${field} is not set, so the image decides the ${what} id, which may be root.`,
  notNumber: ({ field, value }: { field: string; value: string }) => `${field} is ${value}, not a number.`,
  root: ({ field, what }: { field: string; what: 'user' | 'group' }) => `${field} is 0: the container runs with the root ${what}.`,
  low: ({ field, id, what }: { field: string; id: number; what: 'user' | 'group' }) =>
    `${field} is ${id}, below ${MIN_USER_ID}, so it may match a ${what} on the host.`,
  fix: ({ field }: { field: string }) =>
    `Set \`securityContext.${field}: 10001\` (any number >= ${MIN_USER_ID}) in the pod spec, and build the image with a matching numeric USER.`,
};

const missingProbe = (field: string, why: string) => ({
  description: `A container (or native sidecar) that declares a port has a ${field}; containers without ports need none.`,
  message: ({ ports }: { ports: string }) => `The container serves port ${ports} but has no ${field}: ${why}`,
  fix: ({ container, examples }: { container: string; examples: string[] }) =>
    `Add a ${field} to container ${container}, e.g. ${examples.join(' or ')}.`,
});

export const lint = {
  usage: `Usage: create-pod-pattern lint <files or folders...> [--format text|json] [--only <family>[,<family>...]] [--lang en|ko]

Checks Kubernetes manifests (Deployments and other pod templates, Services, Namespaces)
against the lessons of the pod patterns (one main service per pod, helpers beside it), the
Pod Security Standards "restricted" profile and the checks of kube-linter, kube-score and
Polaris. Folders are searched for *.yaml and *.yml files. Pod-design findings come first.

Options:
  -f, --format <text|json>  output format (default: text)
      --only <families>     report only these families of checks, comma-separated:
                            pod-design, pod-security, resources, probes, images,
                            workload, services
      --lang <en|ko>        language of the messages (default: from LC_ALL, LC_MESSAGES
                            or LANG; ko* gives Korean)
      --list-checks         print every check id with what it requires
  -h, --help                show this help

Exit status: 0 no findings, 1 findings, 2 bad usage.
`,
  errors: {
    noPaths: 'give at least one file or folder to lint, e.g. `create-pod-pattern lint k8s/`',
    badFormat: ({ value }: { value: string }) => `--format must be text or json, not "${value}"`,
    badLang: ({ value }: { value: string }) => `--lang must be en or ko, not "${value}"`,
    unknownFamily: ({ value, families }: { value: string; families: string }) =>
      `--only: "${value}" is not a family of checks; the families are ${families}`,
    unknownOption: ({ option }: { option: string }) => `unknown option ${option}`,
    missingValue: ({ option }: { option: string }) => `option ${option} needs a value`,
  },
  /** What the loader says about the files it is given: paths it cannot use, YAML that does not parse. */
  loader: {
    noSuchPath: ({ path }: { path: string }) => `${path}: no such file or folder`,
    noYamlInFolder: ({ path }: { path: string }) => `${path}: no .yaml or .yml files in this folder`,
    nothingToLint: 'no file or folder to lint',
    unreadable: ({ path, reason }: { path: string; reason: string }) => `${path}: ${reason}`,
    yamlSyntax: ({ error }: { error: string }) => `The YAML does not parse: ${error}`,
    yamlSyntaxFix: 'Fix the YAML syntax (indentation, quoting, a stray tab or colon) at the place named; `---` separates documents.',
  },
  summary: {
    clean: ({ files, objects }: { files: number; objects: number }) => `No findings (${read(files, objects)}).`,
    found: ({
      findings,
      errors,
      warnings,
      files,
      objects,
    }: {
      findings: number;
      errors: number;
      warnings: number;
      files: number;
      objects: number;
    }) => `${plural(findings, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${read(files, objects)}.`,
  },
  finding: {
    container: ({ name }: { name: string }) => `container ${name}`,
    warning: '(warning)',
  },
  /** Shown where a list of declared ports is empty. */
  none: 'none',
  families: {
    'pod-design': 'What belongs in one pod: the lessons of the pod patterns.',
    'pod-security':
      'The Pod Security Standards "restricted" profile, and the security-context checks kube-linter, kube-score and Polaris add.',
    resources: 'Requests and limits, so the scheduler can place the pod and a leak cannot starve the node.',
    probes: 'Readiness and liveness probes that point at ports the container declares.',
    images: 'Image references that pull the same thing every time.',
    workload: 'Controller settings: selectors, replicas, termination grace.',
    services: 'Services that select pods and target ports those pods declare.',
  },
  docs: {
    title: '# `create-pod-pattern lint`: the checks',
    generated: '<!-- Made by `npm run docs` from src/lint/registry.ts and src/i18n/en/lint.ts; edit those, not this file. -->',
    intro: `Every generated project passes all of them; \`create-pod-pattern lint <files or folders>\` runs
them on any manifest. Ids are stable: scripts may match on them. Exit status: 0 no findings,
1 findings, 2 bad usage. Pod-design findings come first; \`--only <family>\` shows one family.
\`--list-checks\` prints this list; \`--format json\` prints findings as JSON.`,
    header: '| check | severity | requires |',
  },
  checks: {
    // pod design
    'container-port-conflict': {
      description:
        'No two containers of a pod (including native sidecars) declare the same port and protocol: they share one network namespace.',
      message: ({ containers, port }: { containers: string; port: string }) =>
        `Containers ${containers} both use port ${port}; a pod's containers share one network namespace, so only one of them can bind it.`,
      fix: ({ container }: { container: string }) =>
        `Give container ${container} another port (and change its env, probes and Service targetPort to match).`,
    },
    'undeclared-volume-mount': {
      description: "Every volumeMount names a volume declared in the pod's spec.volumes.",
      message: ({ volume, path }: { volume: string; path: string }) => `volumeMount ${volume} (at ${path}) names no volume of the pod.`,
      fix: ({ volume }: { volume: string }) =>
        `Declare it in spec.volumes (e.g. \`- name: ${volume}\` with \`emptyDir: { sizeLimit: 64Mi }\`), or fix the name in the mount.`,
    },
    'multiple-main-services': {
      description:
        'A pod runs one main service and its helpers. A main service is a container of `containers` with a port of its own (not a health or metrics port, not a listener on 127.0.0.1), its own persistent data, or a well-known server image; native sidecars, loopback proxies, metrics adapters and containers without ports are helpers.',
      reasons: {
        port: ({ port }: { port: string }) => `port ${port}`,
        state: ({ path }: { path: string }) => `data in ${path}`,
        server: ({ server }: { server: string }) => `${server} server`,
      },
      service: ({ container, reasons }: { container: string; reasons: string[] }) => `${container} (${reasons.join(', ')})`,
      list: ({ items }: { items: string[] }) =>
        items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`,
      message: ({ count, services }: { count: number; services: string }) =>
        `This pod runs ${count} main services: ${services}. The containers of a pod are scheduled, scaled, restarted and rolled out together, so one failure or one deploy takes them all down, and \`replicas: 3\` would run three of each.`,
      messageWithData: ({ count, services, stateful }: { count: number; services: string; stateful: string }) =>
        `This pod runs ${count} main services: ${services}. The containers of a pod are scheduled, scaled, restarted and rolled out together, so one failure or one deploy takes them all down, and \`replicas: 3\` would mean three separate copies of ${stateful}, each with its own data.`,
      fix: ({ services }: { services: string }) =>
        `Give each of ${services} its own Deployment and its own Service, and let them reach each other by Service name. Only helpers share the app's pod: a log shipper, a proxy on 127.0.0.1, a metrics adapter.`,
      fixWithData: ({ services, stateful }: { services: string; stateful: string }) =>
        `Give ${services} each its own Deployment and Service, and run ${stateful} as a StatefulSet with a PersistentVolumeClaim and its own Service; they reach each other by Service name. Only helpers share the app's pod: a log shipper, a proxy on 127.0.0.1, a metrics adapter.`,
      fixOnlyData: ({ stateful }: { stateful: string }) =>
        `Run each of ${stateful} as its own StatefulSet with a PersistentVolumeClaim and its own Service; they reach each other by Service name.`,
    },

    // pod security
    'privileged-container': {
      description: 'No container runs privileged: a privileged container has every device and capability of the node.',
      message: 'securityContext.privileged is true: the container gets full access to the node.',
      fix: ({ container }: { container: string }) => `Remove \`privileged: true\` from container ${container}.`,
    },
    'privilege-escalation-container': {
      description:
        'Every container sets allowPrivilegeEscalation: false explicitly (the default allows setuid binaries to gain privileges).',
      unset: 'securityContext.allowPrivilegeEscalation is not set; it defaults to true.',
      wrong: ({ value }: { value: string }) => `securityContext.allowPrivilegeEscalation is ${value}.`,
      fix: ({ container }: { container: string }) => `Set \`securityContext.allowPrivilegeEscalation: false\` in container ${container}.`,
    },
    'run-as-non-root': {
      description: 'runAsNonRoot is true for every container, set on the pod or the container (a container-level false overrides the pod).',
      overridden: 'securityContext.runAsNonRoot is false on the container, overriding the pod.',
      unset: 'runAsNonRoot is not true on the pod or the container, so nothing stops the container from running as root.',
      fix: 'Set `securityContext.runAsNonRoot: true` in the pod spec and remove any container-level `runAsNonRoot: false`.',
    },
    'low-user-id': { ...ids, description: ids.description('runAsUser') },
    'low-group-id': { ...ids, description: ids.description('runAsGroup') },
    'seccomp-profile': {
      description: 'Every container runs with seccomp profile RuntimeDefault or Localhost, set on the pod or on each container.',
      unset: 'No seccomp profile is set on the pod or the container.',
      wrong: ({ type }: { type: string }) => `seccompProfile.type is ${type}; only RuntimeDefault or Localhost are allowed.`,
      fix: 'Set `securityContext.seccompProfile: { type: RuntimeDefault }` in the pod spec (and no container-level Unconfined).',
      localhostWithoutProfile: 'seccompProfile is Localhost without localhostProfile.',
      localhostFix: 'Name the profile in `seccompProfile.localhostProfile`, or use `type: RuntimeDefault`.',
    },
    'drop-all-capabilities': {
      description: 'Every container drops ALL Linux capabilities.',
      message: 'securityContext.capabilities.drop does not include ALL.',
      fix: ({ container }: { container: string }) => `Set \`securityContext.capabilities.drop: [ALL]\` in container ${container}.`,
    },
    'added-capabilities': {
      description: 'No capability is added back except NET_BIND_SERVICE.',
      message: ({ capabilities }: { capabilities: string }) =>
        `securityContext.capabilities.add includes ${capabilities}; only NET_BIND_SERVICE may be added.`,
      fix: ({ capabilities, container }: { capabilities: string; container: string }) =>
        `Remove ${capabilities} from capabilities.add in container ${container} (listen on a port >= 1024 instead of adding capabilities).`,
    },
    'no-read-only-root-fs': {
      description: 'Every container has readOnlyRootFilesystem: true; writable paths are emptyDir mounts.',
      message: 'The root filesystem is writable (securityContext.readOnlyRootFilesystem is not true).',
      fix: ({ container }: { container: string }) =>
        `Set \`securityContext.readOnlyRootFilesystem: true\` in container ${container} and mount an emptyDir (with sizeLimit) where it must write, e.g. /tmp.`,
    },
    'host-port': {
      description: 'No container port is bound on the node (hostPort); reach pods through a Service.',
      message: ({ port, hostPort }: { port: string; hostPort: number }) => `Port ${port} is bound on the node as hostPort ${hostPort}.`,
      fix: ({ container }: { container: string }) =>
        `Remove \`hostPort\` from container ${container}; publish the port with a Service (or kubectl port-forward) instead.`,
    },
    'unsafe-proc-mount': {
      description: 'procMount is unset or Default, so /proc stays masked.',
      message: ({ value }: { value: string }) => `securityContext.procMount is ${value}; /proc is not masked.`,
      fix: ({ container }: { container: string }) => `Remove \`procMount\` from container ${container} (or set it to Default).`,
    },
    'host-network': hostNamespace('hostNetwork', 'network', "the pod uses the node's network stack"),
    'host-pid': hostNamespace('hostPID', 'process', "the pod sees and can signal the node's processes"),
    'host-ipc': hostNamespace('hostIPC', 'IPC', "the pod shares the node's IPC namespace"),
    'host-path-volume': {
      description: 'No volume is a hostPath: it exposes the node filesystem to the pod.',
      message: ({ volume, path }: { volume: string; path: string }) =>
        `Volume ${volume} is a hostPath (${path}): the pod reads or writes the node's filesystem.`,
      fix: 'Use an emptyDir (with sizeLimit) for scratch or shared files, a configMap/secret for config, or a persistentVolumeClaim for data.',
    },
    'restricted-volume-types': {
      description: `Every volume is one of the types the restricted profile allows: ${RESTRICTED_VOLUME_TYPES.join(', ')} (hostPath is reported by host-path-volume).`,
      message: ({ volume, types }: { volume: string; types: string }) =>
        `Volume ${volume} is of type ${types}, which the restricted profile does not allow.`,
      fix: `Use one of ${RESTRICTED_VOLUME_TYPES.join(', ')} (a persistentVolumeClaim can front most storage).`,
    },
    'unsafe-sysctls': {
      description: `Pod sysctls are limited to the safe set: ${SAFE_SYSCTLS.join(', ')}.`,
      message: ({ sysctl }: { sysctl: string }) => `Sysctl ${sysctl} is not in the safe set; it can affect other pods on the node.`,
      fix: ({ sysctl }: { sysctl: string }) => `Remove ${sysctl} from securityContext.sysctls.`,
    },
    'apparmor-profile': {
      description: 'AppArmor is not disabled: appArmorProfile (pod or container) and the beta annotations are RuntimeDefault or Localhost.',
      profile: ({ type }: { type: string }) => `appArmorProfile.type is ${type}.`,
      annotation: ({ key, value }: { key: string; value: string }) => `Annotation ${key} is ${value}.`,
      fix: 'Remove the Unconfined AppArmor setting (RuntimeDefault applies by default), or use `appArmorProfile: { type: RuntimeDefault }`.',
    },
    'selinux-options': {
      description: `seLinuxOptions set no user or role, and a type only from ${SELINUX_TYPES.join(', ')}.`,
      message: ({ settings }: { settings: string }) => `seLinuxOptions sets ${settings}.`,
      fix: `Remove seLinuxOptions user and role, and use a type from ${SELINUX_TYPES.join(', ')} (or none).`,
    },
    'host-process': {
      description: 'No Windows HostProcess container (windowsOptions.hostProcess), which runs with host access.',
      pod: 'The pod is a Windows HostProcess pod.',
      container: 'The container is a Windows HostProcess container.',
      fix: 'Remove `windowsOptions.hostProcess: true`.',
    },
    'automount-service-account-token': {
      description: 'The pod sets automountServiceAccountToken: false, so no API credential sits in its filesystem unless it needs one.',
      message: 'automountServiceAccountToken is not false: every container gets a Kubernetes API token it does not need.',
      fix: 'Set `automountServiceAccountToken: false` in the pod spec (use a projected token volume in the one container that talks to the API, if any).',
    },
    'namespace-pod-security': {
      description:
        'A Namespace in the set enforces the restricted Pod Security Standard (label pod-security.kubernetes.io/enforce: restricted).',
      unset: 'The namespace does not enforce a Pod Security Standard.',
      wrong: ({ level }: { level: string }) => `The namespace enforces Pod Security "${level}", not "restricted".`,
      fix: 'Add the label `pod-security.kubernetes.io/enforce: restricted` to the Namespace.',
    },

    // resources
    'unset-cpu-requirements': {
      description: 'Every container requests CPU, so the scheduler reserves it (no CPU limit is required: it only throttles).',
      message: ({ fields }: { fields: string[] }) =>
        `${fields.join(' and ')} ${fields.length === 1 ? 'is' : 'are'} not set: the pod can be packed onto a node without CPU for it.`,
      fix: ({ fields, container }: { fields: string[]; container: string }) =>
        `Set ${fields.map((f) => `\`${f}\``).join(' and ')} in container ${container}, e.g. \`cpu: 50m\`.`,
    },
    'unset-memory-requirements': {
      description: 'Every container requests memory and has a memory limit.',
      message: ({ fields }: { fields: string[] }) =>
        `${fields.join(' and ')} ${fields.length === 1 ? 'is' : 'are'} not set: without a request the scheduler overcommits the node, without a limit a leak can starve the whole node.`,
      fix: ({ fields, container }: { fields: string[]; container: string }) =>
        `Set ${fields.map((f) => `\`${f}\``).join(' and ')} in container ${container}, e.g. \`memory: 64Mi\` in both.`,
    },
    'unset-ephemeral-storage-requirements': {
      description:
        'Every container requests ephemeral-storage and has an ephemeral-storage limit (logs and writable layers fill node disk).',
      message: ({ fields }: { fields: string[] }) =>
        `${fields.join(' and ')} ${fields.length === 1 ? 'is' : 'are'} not set: logs and files written outside volumes can fill the node disk and evict other pods.`,
      fix: ({ fields, container }: { fields: string[]; container: string }) =>
        `Set ${fields.map((f) => `\`${f}\``).join(' and ')} in container ${container}, e.g. \`ephemeral-storage: 64Mi\` as request and \`128Mi\` as limit.`,
    },
    'emptydir-size-limit': {
      description: 'Every emptyDir volume has a sizeLimit, so a runaway writer evicts its own pod instead of filling the node.',
      message: ({ volume }: { volume: string }) => `emptyDir volume ${volume} has no sizeLimit: it can fill the node's disk.`,
      fix: ({ volume }: { volume: string }) =>
        `Set \`emptyDir: { sizeLimit: 64Mi }\` (a size that fits what is written there) on volume ${volume}.`,
    },

    // probes
    'no-readiness-probe': missingProbe('readinessProbe', 'it gets traffic before it can answer, and a broken rollout is not held back.'),
    'no-liveness-probe': missingProbe('livenessProbe', 'a hung process is never restarted.'),
    'identical-probes': {
      description:
        'readinessProbe and livenessProbe check different things (kube-score): when one failure both removes a pod from traffic and restarts it, a passing overload becomes a restart storm.',
      message: ({ target }: { target: string }) => `readinessProbe and livenessProbe are the same check (${target}).`,
      fix: 'Give readiness its own endpoint (e.g. /readyz: ready to take traffic) and keep liveness for "the process is not hung" (e.g. /healthz).',
    },
    'probe-port': {
      description: 'Every httpGet, tcpSocket or grpc probe names or numbers a containerPort of the same container.',
      noPort: ({ probe }: { probe: string }) => `${probe} has no port.`,
      undeclared: ({ probe, port, declared }: { probe: string; port: string; declared: string }) =>
        `${probe}.port ${port} is not a port this container declares (declared: ${declared}).`,
      fix: ({ field, example, container }: { field: string; example: string; container: string }) =>
        `Point ${field} at a declared port by name (e.g. \`port: ${example}\`), or declare the port in container ${container}'s ports.`,
    },
    'probe-host': {
      description:
        "Probes and lifecycle hooks do not set httpGet.host or tcpSocket.host: the kubelet would connect to another host on the pod's behalf.",
      message: ({ field, host }: { field: string; host: string }) =>
        `${field}.host is ${host}: the kubelet would probe another host, not this pod.`,
      fix: ({ field }: { field: string }) =>
        `Remove \`host\` from ${field} (the pod's IP is used); for a virtual host use an httpHeaders Host header.`,
    },

    // images
    'latest-tag': {
      description: 'Every image has an explicit tag other than latest, or a digest.',
      noImage: 'The container has no image.',
      untagged: ({ image }: { image: string }) => `Image ${image} has no tag, so it means :latest and changes under you.`,
      latest: ({ image }: { image: string }) => `Image ${image} uses the :latest tag, which changes under you.`,
      fix: ({ container }: { container: string }) =>
        `Pin the image of container ${container} to a version tag (e.g. \`:1.4.2\`, or \`:dev\` for images built locally) or a digest (\`@sha256:...\`).`,
    },
    'image-pull-policy': {
      description:
        'imagePullPolicy is set explicitly. Any value is accepted: IfNotPresent (or Never) is right for images loaded into a local cluster, Always for mutable tags from a registry.',
      message: 'imagePullPolicy is not set; it silently depends on the tag (Always for :latest, IfNotPresent otherwise).',
      fix: ({ container }: { container: string }) =>
        `Set \`imagePullPolicy: IfNotPresent\` in container ${container} for images loaded into a local cluster, or \`Always\` for a mutable tag pulled from a registry.`,
    },

    // workload
    'unset-replicas': {
      description: 'Deployments, StatefulSets and ReplicaSets set spec.replicas explicitly, so the manifest states how many pods run.',
      message: 'spec.replicas is not set; it defaults to 1 and a later apply resets any scaling silently.',
      fix: 'Set `spec.replicas` (e.g. `replicas: 1`).',
    },
    'mismatching-selector': {
      description: "The controller's selector (matchLabels and matchExpressions) matches its own pod template's labels.",
      empty: 'spec.selector is missing or empty.',
      labelMissing: ({ label }: { label: string }) => `selector label ${label} is not on the pod template.`,
      labelDiffers: ({ label, actual }: { label: string; actual: string }) =>
        `selector label ${label} differs from the pod template's ${actual}.`,
      expression: ({ expression }: { expression: string }) => `selector expression ${expression} does not match the pod template's labels.`,
      message: ({ why }: { why: string }) => `${why} The controller would not own the pods it creates (the API rejects it).`,
      fix: 'Make every spec.selector.matchLabels entry also a label in spec.template.metadata.labels (e.g. both `app.kubernetes.io/name: <name>`).',
    },
    'termination-grace-period': {
      description: `terminationGracePeriodSeconds is set explicitly, and is at least ${MIN_GRACE_WITH_HELPERS}s when helpers run beside the app (the app drains, then helpers flush).`,
      unset: 'terminationGracePeriodSeconds is not set; the default 30s is an accident, not a decision.',
      short: ({ grace, count, containers }: { grace: number; count: number; containers: string }) =>
        `terminationGracePeriodSeconds is ${grace}s but ${count} containers must stop in turn (${containers}); helpers are killed before they flush.`,
      fix: "Set `terminationGracePeriodSeconds` in the pod spec (e.g. 30) to cover the app's drain plus the helpers' flush.",
    },

    // services
    'dangling-service': {
      description:
        "A Service's selector matches the pod template labels of some workload in the same set (selector-less and ExternalName Services are skipped).",
      message: ({ labels }: { labels: string }) =>
        `No pod template in the input carries all of the selector labels ${labels}; the Service would have no endpoints.`,
      fix: "Make spec.selector a subset of the Deployment's spec.template.metadata.labels (or lint the Service together with its Deployment).",
    },
    'service-target-port': {
      description:
        'Each Service port targets (by number or name; targetPort defaults to port) a containerPort declared in every pod it selects.',
      message: ({ port, target, object, declared }: { port: string; target: string; object: string; declared: string }) =>
        `Port ${port} targets ${target}, which no container of ${object} declares (declared: ${declared}).`,
      fix: 'Set targetPort to the name of the container port it should reach (e.g. `targetPort: http`), and declare that port in the container.',
    },
  },
};

export type LintText = typeof lint;
