/**
 * Pod Security Standards, "restricted" profile (which includes "baseline"), plus the
 * security-context checks kube-linter, kube-score and Polaris add on top of it.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
import { MIN_USER_ID, RESTRICTED_VOLUME_TYPES, SAFE_SYSCTLS, SELINUX_TYPES } from '../limits.js';
import { bool, int, list, rec, securityContexts, str, strings, type ContainerView, type PodView } from '../model.js';
import type { LintText } from '../text.js';
import type { Check, ContainerCheck, PodCheck, Problem } from '../types.js';

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/** A container's setting, or the pod's when the container does not set it (container wins). */
function effective(c: ContainerView, pod: PodView, field: string): unknown {
  return c.securityContext[field] !== undefined ? c.securityContext[field] : pod.securityContext[field];
}

function one(container: ContainerView, message: string, fix: string): Problem[] {
  return [{ container: container.name, message, fix }];
}

/** runAsUser and runAsGroup: one template, two checks. */
function idCheck(
  t: LintText,
  id: 'low-user-id' | 'low-group-id',
  field: 'runAsUser' | 'runAsGroup',
  what: 'user' | 'group',
): ContainerCheck {
  const say = t.checks[id];
  return {
    id,
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'container',
    description: say.description,
    run: (c, pod) => {
      const value = effective(c, pod, field);
      const uid = int(value);
      const fix = say.fix({ field });
      if (value === undefined) return one(c, say.unset({ field, what }), fix);
      if (uid === undefined) return one(c, say.notNumber({ field, value: JSON.stringify(value) }), fix);
      if (uid === 0) return one(c, say.root({ field, what }), fix);
      if (uid < MIN_USER_ID) return one(c, say.low({ field, id: uid, what }), fix);
      return [];
    },
  };
}

/** Pod-level switches that share one of the node's namespaces with the pod: one template, three checks. */
const HOST_NAMESPACES = [
  { id: 'host-network', field: 'hostNetwork' },
  { id: 'host-pid', field: 'hostPID' },
  { id: 'host-ipc', field: 'hostIPC' },
] as const;

function hostNamespaceCheck(t: LintText, { id, field }: (typeof HOST_NAMESPACES)[number]): PodCheck {
  const say = t.checks[id];
  return {
    id,
    family: 'pod-security',
    severity: 'error',
    appliesTo: 'pod',
    description: say.description,
    run: (pod) => (pod.spec[field] === true ? [{ message: say.message, fix: say.fix }] : []),
  };
}

export function podSecurityChecks(t: LintText): Check[] {
  const { checks } = t;
  return [
    {
      id: 'privileged-container',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['privileged-container'].description,
      run: (c) => {
        const say = checks['privileged-container'];
        return bool(c.securityContext.privileged) === true ? one(c, say.message, say.fix({ container: c.name })) : [];
      },
    },
    {
      id: 'privilege-escalation-container',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['privilege-escalation-container'].description,
      run: (c) => {
        const say = checks['privilege-escalation-container'];
        const value = c.securityContext.allowPrivilegeEscalation;
        if (value === false) return [];
        const message = value === undefined ? say.unset : say.wrong({ value: JSON.stringify(value) });
        return one(c, message, say.fix({ container: c.name }));
      },
    },
    {
      id: 'run-as-non-root',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['run-as-non-root'].description,
      run: (c, pod) => {
        const say = checks['run-as-non-root'];
        if (effective(c, pod, 'runAsNonRoot') === true) return [];
        return one(c, c.securityContext.runAsNonRoot === false ? say.overridden : say.unset, say.fix);
      },
    },
    idCheck(t, 'low-user-id', 'runAsUser', 'user'),
    idCheck(t, 'low-group-id', 'runAsGroup', 'group'),
    {
      id: 'seccomp-profile',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['seccomp-profile'].description,
      run: (c, pod) => {
        const say = checks['seccomp-profile'];
        const profile = rec(effective(c, pod, 'seccompProfile'));
        const type = str(profile.type);
        if (type === 'RuntimeDefault') return [];
        if (type === 'Localhost') return str(profile.localhostProfile) ? [] : one(c, say.localhostWithoutProfile, say.localhostFix);
        return one(c, type === undefined ? say.unset : say.wrong({ type }), say.fix);
      },
    },
    {
      id: 'drop-all-capabilities',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['drop-all-capabilities'].description,
      run: (c) => {
        const say = checks['drop-all-capabilities'];
        return strings(rec(c.securityContext.capabilities).drop).includes('ALL') ? [] : one(c, say.message, say.fix({ container: c.name }));
      },
    },
    {
      id: 'added-capabilities',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['added-capabilities'].description,
      run: (c) => {
        const say = checks['added-capabilities'];
        const extra = strings(rec(c.securityContext.capabilities).add).filter((cap) => cap !== 'NET_BIND_SERVICE');
        if (extra.length === 0) return [];
        const capabilities = extra.join(', ');
        return one(c, say.message({ capabilities }), say.fix({ capabilities, container: c.name }));
      },
    },
    {
      id: 'no-read-only-root-fs',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['no-read-only-root-fs'].description,
      run: (c) => {
        const say = checks['no-read-only-root-fs'];
        return c.securityContext.readOnlyRootFilesystem === true ? [] : one(c, say.message, say.fix({ container: c.name }));
      },
    },
    {
      id: 'host-port',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['host-port'].description,
      run: (c) => {
        const say = checks['host-port'];
        return c.ports
          .filter((p) => p.hostPort !== undefined && p.hostPort !== 0)
          .map((p) => ({
            container: c.name,
            message: say.message({ port: String(p.containerPort ?? p.name), hostPort: p.hostPort! }),
            fix: say.fix({ container: c.name }),
          }));
      },
    },
    {
      id: 'unsafe-proc-mount',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'container',
      description: checks['unsafe-proc-mount'].description,
      run: (c) => {
        const say = checks['unsafe-proc-mount'];
        const procMount = c.securityContext.procMount;
        if (procMount === undefined || procMount === 'Default') return [];
        return one(c, say.message({ value: JSON.stringify(procMount) }), say.fix({ container: c.name }));
      },
    },
    ...HOST_NAMESPACES.map((spec) => hostNamespaceCheck(t, spec)),
    {
      id: 'host-path-volume',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['host-path-volume'].description,
      run: (pod) => {
        const say = checks['host-path-volume'];
        return pod.volumes
          .filter((v) => v.hostPath !== undefined)
          .map((v) => ({ message: say.message({ volume: str(v.name) ?? '?', path: str(rec(v.hostPath).path) ?? '?' }), fix: say.fix }));
      },
    },
    {
      id: 'restricted-volume-types',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['restricted-volume-types'].description,
      run: (pod) => {
        const say = checks['restricted-volume-types'];
        return pod.volumes.flatMap((v) => {
          const types = Object.keys(v).filter((k) => k !== 'name' && k !== 'hostPath');
          const bad = types.filter((type) => !(RESTRICTED_VOLUME_TYPES as readonly string[]).includes(type));
          return bad.length === 0 ? [] : [{ message: say.message({ volume: str(v.name) ?? '?', types: bad.join(', ') }), fix: say.fix }];
        });
      },
    },
    {
      id: 'unsafe-sysctls',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['unsafe-sysctls'].description,
      run: (pod) => {
        const say = checks['unsafe-sysctls'];
        return list(pod.securityContext.sysctls)
          .map((s) => str(s.name) ?? '?')
          .filter((sysctl) => !(SAFE_SYSCTLS as readonly string[]).includes(sysctl))
          .map((sysctl) => ({ message: say.message({ sysctl }), fix: say.fix({ sysctl }) }));
      },
    },
    {
      id: 'apparmor-profile',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['apparmor-profile'].description,
      run: (pod) => {
        const say = checks['apparmor-profile'];
        const problems: Problem[] = [];
        for (const { container, context } of securityContexts(pod)) {
          const type = rec(context.appArmorProfile).type;
          if (type !== undefined && type !== 'RuntimeDefault' && type !== 'Localhost') {
            problems.push({ container, message: say.profile({ type: JSON.stringify(type) }), fix: say.fix });
          }
        }
        for (const [key, value] of Object.entries(pod.annotations)) {
          if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX)) continue;
          if (value === 'runtime/default' || value.startsWith('localhost/')) continue;
          problems.push({ container: key.slice(APPARMOR_ANNOTATION_PREFIX.length), message: say.annotation({ key, value }), fix: say.fix });
        }
        return problems;
      },
    },
    {
      id: 'selinux-options',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['selinux-options'].description,
      run: (pod) => {
        const say = checks['selinux-options'];
        return securityContexts(pod).flatMap(({ container, context }): Problem[] => {
          const options = rec(context.seLinuxOptions);
          const bad: string[] = [];
          if (options.type !== undefined && options.type !== '' && !(SELINUX_TYPES as readonly string[]).includes(String(options.type)))
            bad.push(`type ${String(options.type)}`);
          if (options.user !== undefined && options.user !== '') bad.push(`user ${String(options.user)}`);
          if (options.role !== undefined && options.role !== '') bad.push(`role ${String(options.role)}`);
          return bad.length > 0 ? [{ container, message: say.message({ settings: bad.join(', ') }), fix: say.fix }] : [];
        });
      },
    },
    {
      id: 'host-process',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['host-process'].description,
      run: (pod) => {
        const say = checks['host-process'];
        return securityContexts(pod)
          .filter(({ context }) => rec(context.windowsOptions).hostProcess === true)
          .map(({ container }) => ({ container, message: container === undefined ? say.pod : say.container, fix: say.fix }));
      },
    },
    {
      id: 'automount-service-account-token',
      family: 'pod-security',
      severity: 'error',
      appliesTo: 'pod',
      description: checks['automount-service-account-token'].description,
      run: (pod) => {
        const say = checks['automount-service-account-token'];
        return pod.spec.automountServiceAccountToken === false ? [] : [{ message: say.message, fix: say.fix }];
      },
    },
    {
      id: 'namespace-pod-security',
      family: 'pod-security',
      severity: 'warning',
      appliesTo: 'namespace',
      description: checks['namespace-pod-security'].description,
      run: (ns) => {
        const say = checks['namespace-pod-security'];
        const level = ns.labels['pod-security.kubernetes.io/enforce'];
        if (level === 'restricted') return [];
        return [{ message: level === undefined ? say.unset : say.wrong({ level }), fix: say.fix }];
      },
    },
  ];
}
