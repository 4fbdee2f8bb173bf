/** The numbers and lists checks hold manifests to; the catalogs quote them in their texts. */

/** The lowest uid/gid kube-score accepts: high enough never to collide with a host user. */
export const MIN_USER_ID = 10000;

/** Seconds a pod with helpers needs at least: the app drains, then helpers flush and exit. */
export const MIN_GRACE_WITH_HELPERS = 10;

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

export const SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'] as const;

/** The families of checks, in the order their findings are reported: pod design first. */
export const FAMILIES = ['pod-design', 'pod-security', 'resources', 'probes', 'images', 'workload', 'services'] as const;
