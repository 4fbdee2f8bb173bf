import { Namespace } from 'kubernetes-models/v1/Namespace';

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
