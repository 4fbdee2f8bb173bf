/**
 * Pod Security Standards, "restricted" profile (which includes "baseline"), plus the
 * security-context checks kube-linter, kube-score and Polaris add on top of it.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
import { bool, int, list, rec, str, strings, type ContainerView, type Obj, type PodView } from '../model.js';
import type { Check, PodCheck, Problem } from '../types.js';

/** The lowest uid/gid kube-score accepts: high enough never to collide with a host user. */
export const MIN_USER_ID = 10000;

/** Volume types the restricted profile allows (hostPath is reported by its own check). */
export const RESTRICTED_VOLUME_TYPES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
] as const;

/** Sysctls the baseline profile allows (namespaced, and safe to share a node with). */
export const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
] as const;

const SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];
const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/** A container's setting, or the pod's when the container does not set it (container wins). */
function effective(c: ContainerView, pod: PodView, field: string): unknown {
  return c.securityContext[field] !== undefined ? c.securityContext[field] : pod.securityContext[field];
}

function where(c: ContainerView): string {
  return `container ${c.name}`;
}

function one(container: ContainerView, message: string, fix: string): Problem[] {
  return [{ container: container.name, message, fix }];
}

function idCheck(field: 'runAsUser' | 'runAsGroup', what: string) {
  return (c: ContainerView, pod: PodView): Problem[] => {
    const value = effective(c, pod, field);
    const id = int(value);
    const fix = `Set \`securityContext.${field}: 10001\` (any number >= ${MIN_USER_ID}) in the pod spec, and build the image with a matching numeric USER.`;
    if (value === undefined) return one(c, `${field} is not set, so the image decides the ${what} id, which may be root.`, fix);
    if (id === undefined) return one(c, `${field} is ${JSON.stringify(value)}, not a number.`, fix);
    if (id === 0) return one(c, `${field} is 0: the container runs with the root ${what}.`, fix);
    if (id < MIN_USER_ID) return one(c, `${field} is ${id}, below ${MIN_USER_ID}, so it may match a ${what} on the host.`, fix);
    return [];
  };
}

/** Pod-level switches that share one of the node's namespaces with the pod: one template, three checks. */
const HOST_NAMESPACES = [
  { id: 'host-network', field: 'hostNetwork', namespace: 'network', effect: "the pod uses the node's network stack" },
  { id: 'host-pid', field: 'hostPID', namespace: 'process', effect: "the pod sees and can signal the node's processes" },
  { id: 'host-ipc', field: 'hostIPC', namespace: 'IPC', effect: "the pod shares the node's IPC namespace" },
] as const;

function hostNamespaceCheck({ id, field, namespace, effect }: (typeof HOST_NAMESPACES)[number]): PodCheck {
  return {
    id,
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: `The pod does not share the node's ${namespace} namespace (${field}).`,
    run: (pod) => (pod.spec[field] === true ? [{ message: `${field} is true: ${effect}.`, fix: `Remove \`${field}: true\` from the pod spec.` }] : []),
  };
}

export const podSecurityChecks: Check[] = [
  {
    id: 'privileged-container',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'No container runs privileged: a privileged container has every device and capability of the node.',
    run: (c) =>
      bool(c.securityContext.privileged) === true
        ? one(c, 'securityContext.privileged is true: the container gets full access to the node.', `Remove \`privileged: true\` from ${where(c)}.`)
        : [],
  },
  {
    id: 'privilege-escalation-container',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'Every container sets allowPrivilegeEscalation: false explicitly (the default allows setuid binaries to gain privileges).',
    run: (c) => {
      const value = c.securityContext.allowPrivilegeEscalation;
      if (value === false) return [];
      const message =
        value === undefined
          ? 'securityContext.allowPrivilegeEscalation is not set; it defaults to true.'
          : `securityContext.allowPrivilegeEscalation is ${JSON.stringify(value)}.`;
      return one(c, message, `Set \`securityContext.allowPrivilegeEscalation: false\` in ${where(c)}.`);
    },
  },
  {
    id: 'run-as-non-root',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'runAsNonRoot is true for every container, set on the pod or the container (a container-level false overrides the pod).',
    run: (c, pod) => {
      if (effective(c, pod, 'runAsNonRoot') === true) return [];
      const message =
        c.securityContext.runAsNonRoot === false
          ? 'securityContext.runAsNonRoot is false on the container, overriding the pod.'
          : 'runAsNonRoot is not true on the pod or the container, so nothing stops the container from running as root.';
      return one(c, message, 'Set `securityContext.runAsNonRoot: true` in the pod spec and remove any container-level `runAsNonRoot: false`.');
    },
  },
  {
    id: 'low-user-id',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: `runAsUser is a number >= ${MIN_USER_ID} (never 0), on the pod or the container.`,
    run: idCheck('runAsUser', 'user'),
  },
  {
    id: 'low-group-id',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: `runAsGroup is a number >= ${MIN_USER_ID} (never 0), on the pod or the container.`,
    run: idCheck('runAsGroup', 'group'),
  },
  {
    id: 'seccomp-profile',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'Every container runs with seccomp profile RuntimeDefault or Localhost, set on the pod or on each container.',
    run: (c, pod) => {
      const profile = rec(effective(c, pod, 'seccompProfile'));
      const type = str(profile.type);
      const fix = 'Set `securityContext.seccompProfile: { type: RuntimeDefault }` in the pod spec (and no container-level Unconfined).';
      if (type === 'RuntimeDefault') return [];
      if (type === 'Localhost') {
        return str(profile.localhostProfile) ? [] : one(c, 'seccompProfile is Localhost without localhostProfile.', 'Name the profile in `seccompProfile.localhostProfile`, or use `type: RuntimeDefault`.');
      }
      if (type === undefined) return one(c, 'No seccomp profile is set on the pod or the container.', fix);
      return one(c, `seccompProfile.type is ${type}; only RuntimeDefault or Localhost are allowed.`, fix);
    },
  },
  {
    id: 'drop-all-capabilities',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'Every container drops ALL Linux capabilities.',
    run: (c) =>
      strings(rec(c.securityContext.capabilities).drop).includes('ALL')
        ? []
        : one(c, 'securityContext.capabilities.drop does not include ALL.', `Set \`securityContext.capabilities.drop: [ALL]\` in ${where(c)}.`),
  },
  {
    id: 'added-capabilities',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'No capability is added back except NET_BIND_SERVICE.',
    run: (c) => {
      const extra = strings(rec(c.securityContext.capabilities).add).filter((cap) => cap !== 'NET_BIND_SERVICE');
      return extra.length === 0
        ? []
        : one(
            c,
            `securityContext.capabilities.add includes ${extra.join(', ')}; only NET_BIND_SERVICE may be added.`,
            `Remove ${extra.join(', ')} from capabilities.add in ${where(c)} (listen on a port >= 1024 instead of adding capabilities).`,
          );
    },
  },
  {
    id: 'no-read-only-root-fs',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'Every container has readOnlyRootFilesystem: true; writable paths are emptyDir mounts.',
    run: (c) =>
      c.securityContext.readOnlyRootFilesystem === true
        ? []
        : one(
            c,
            'The root filesystem is writable (securityContext.readOnlyRootFilesystem is not true).',
            `Set \`securityContext.readOnlyRootFilesystem: true\` in ${where(c)} and mount an emptyDir (with sizeLimit) where it must write, e.g. /tmp.`,
          ),
  },
  {
    id: 'host-port',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'No container port is bound on the node (hostPort); reach pods through a Service.',
    run: (c) =>
      c.ports
        .filter((p) => p.hostPort !== undefined && p.hostPort !== 0)
        .map((p) => ({
          container: c.name,
          message: `Port ${p.containerPort ?? p.name} is bound on the node as hostPort ${p.hostPort}.`,
          fix: `Remove \`hostPort\` from ${where(c)}; publish the port with a Service (or kubectl port-forward) instead.`,
        })),
  },
  {
    id: 'unsafe-proc-mount',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: 'procMount is unset or Default, so /proc stays masked.',
    run: (c) => {
      const procMount = c.securityContext.procMount;
      return procMount === undefined || procMount === 'Default'
        ? []
        : one(c, `securityContext.procMount is ${JSON.stringify(procMount)}; /proc is not masked.`, `Remove \`procMount\` from ${where(c)} (or set it to Default).`);
    },
  },
  ...HOST_NAMESPACES.map(hostNamespaceCheck),
  {
    id: 'host-path-volume',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: 'No volume is a hostPath: it exposes the node filesystem to the pod.',
    run: (pod) =>
      pod.volumes
        .filter((v) => v.hostPath !== undefined)
        .map((v) => ({
          message: `Volume ${str(v.name) ?? '?'} is a hostPath (${str(rec(v.hostPath).path) ?? '?'}): the pod reads or writes the node's filesystem.`,
          fix: 'Use an emptyDir (with sizeLimit) for scratch or shared files, a configMap/secret for config, or a persistentVolumeClaim for data.',
        })),
  },
  {
    id: 'restricted-volume-types',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: `Every volume is one of the types the restricted profile allows: ${RESTRICTED_VOLUME_TYPES.join(', ')} (hostPath is reported by host-path-volume).`,
    run: (pod) =>
      pod.volumes.flatMap((v) => {
        const types = Object.keys(v).filter((k) => k !== 'name' && k !== 'hostPath');
        const bad = types.filter((t) => !(RESTRICTED_VOLUME_TYPES as readonly string[]).includes(t));
        return bad.length === 0
          ? []
          : [
              {
                message: `Volume ${str(v.name) ?? '?'} is of type ${bad.join(', ')}, which the restricted profile does not allow.`,
                fix: `Use one of ${RESTRICTED_VOLUME_TYPES.join(', ')} (a persistentVolumeClaim can front most storage).`,
              },
            ];
      }),
  },
  {
    id: 'unsafe-sysctls',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: `Pod sysctls are limited to the safe set: ${SAFE_SYSCTLS.join(', ')}.`,
    run: (pod) =>
      list(pod.securityContext.sysctls)
        .map((s) => str(s.name) ?? '?')
        .filter((name) => !(SAFE_SYSCTLS as readonly string[]).includes(name))
        .map((name) => ({
          message: `Sysctl ${name} is not in the safe set; it can affect other pods on the node.`,
          fix: `Remove ${name} from securityContext.sysctls.`,
        })),
  },
  {
    id: 'apparmor-profile',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: 'AppArmor is not disabled: appArmorProfile (pod or container) and the beta annotations are RuntimeDefault or Localhost.',
    run: (pod) => {
      const problems: Problem[] = [];
      const fix = 'Remove the Unconfined AppArmor setting (RuntimeDefault applies by default), or use `appArmorProfile: { type: RuntimeDefault }`.';
      const check = (profile: unknown, container?: string) => {
        const type = rec(profile).type;
        if (type !== undefined && type !== 'RuntimeDefault' && type !== 'Localhost') {
          problems.push({ container, message: `appArmorProfile.type is ${JSON.stringify(type)}.`, fix });
        }
      };
      check(pod.securityContext.appArmorProfile);
      for (const c of pod.containers) check(c.securityContext.appArmorProfile, c.name);
      for (const [key, value] of Object.entries(pod.annotations)) {
        if (!key.startsWith(APPARMOR_ANNOTATION)) continue;
        if (value === 'runtime/default' || value.startsWith('localhost/')) continue;
        problems.push({ container: key.slice(APPARMOR_ANNOTATION.length), message: `Annotation ${key} is ${value}.`, fix });
      }
      return problems;
    },
  },
  {
    id: 'selinux-options',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: `seLinuxOptions set no user or role, and a type only from ${SELINUX_TYPES.join(', ')}.`,
    run: (pod) => {
      const problems: Problem[] = [];
      const check = (context: Obj, container?: string) => {
        const options = rec(context.seLinuxOptions);
        const type = options.type;
        const bad: string[] = [];
        if (type !== undefined && type !== '' && !SELINUX_TYPES.includes(String(type))) bad.push(`type ${String(type)}`);
        if (options.user !== undefined && options.user !== '') bad.push(`user ${String(options.user)}`);
        if (options.role !== undefined && options.role !== '') bad.push(`role ${String(options.role)}`);
        if (bad.length > 0) {
          problems.push({
            container,
            message: `seLinuxOptions sets ${bad.join(', ')}.`,
            fix: `Remove seLinuxOptions user and role, and use a type from ${SELINUX_TYPES.join(', ')} (or none).`,
          });
        }
      };
      check(pod.securityContext);
      for (const c of pod.containers) check(c.securityContext, c.name);
      return problems;
    },
  },
  {
    id: 'host-process',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: 'No Windows HostProcess container (windowsOptions.hostProcess), which runs with host access.',
    run: (pod) => {
      const fix = 'Remove `windowsOptions.hostProcess: true`.';
      const problems: Problem[] = [];
      if (rec(pod.securityContext.windowsOptions).hostProcess === true) problems.push({ message: 'The pod is a Windows HostProcess pod.', fix });
      for (const c of pod.containers) {
        if (rec(c.securityContext.windowsOptions).hostProcess === true) {
          problems.push({ container: c.name, message: 'The container is a Windows HostProcess container.', fix });
        }
      }
      return problems;
    },
  },
  {
    id: 'automount-service-account-token',
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: 'The pod sets automountServiceAccountToken: false, so no API credential sits in its filesystem unless it needs one.',
    run: (pod) =>
      pod.spec.automountServiceAccountToken === false
        ? []
        : [
            {
              message: 'automountServiceAccountToken is not false: every container gets a Kubernetes API token it does not need.',
              fix: 'Set `automountServiceAccountToken: false` in the pod spec (use a projected token volume in the one container that talks to the API, if any).',
            },
          ],
  },
  {
    id: 'namespace-pod-security',
    family: 'pod-security',
    severity: 'warning',
    appliesTo: 'namespace',
    description: 'A Namespace in the set enforces the restricted Pod Security Standard (label pod-security.kubernetes.io/enforce: restricted).',
    run: (ns) => {
      const level = ns.labels['pod-security.kubernetes.io/enforce'];
      return level === 'restricted'
        ? []
        : [
            {
              message:
                level === undefined
                  ? 'The namespace does not enforce a Pod Security Standard.'
                  : `The namespace enforces Pod Security "${level}", not "restricted".`,
              fix: 'Add the label `pod-security.kubernetes.io/enforce: restricted` to the Namespace.',
            },
          ];
    },
  },
];
