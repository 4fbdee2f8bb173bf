import { Namespace } from 'kubernetes-models/v1/Namespace';

/**
 * Namespaces every cluster has and the cluster owns. The project puts its objects in one of
 * them when asked, but never ships it as an object: applying it would label the cluster's
 * own namespace `enforce: restricted` (breaking whatever else runs there), and
 * `kubectl delete -k` would try to delete it.
 */
export const CLUSTER_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export function isClusterNamespace(name: string): boolean {
  return CLUSTER_NAMESPACES.includes(name);
}

/** The namespace enforces the restricted profile, so the cluster itself checks the pod. */
export function renderNamespace(name: string): Namespace {
  return new Namespace({
    metadata: {
      name,
      labels: {
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
      },
    },
  });
}
