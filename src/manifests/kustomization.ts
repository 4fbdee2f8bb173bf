/** kustomize has no OpenAPI type in kubernetes-models; this is its small, fixed shape. */
export interface Kustomization extends Record<string, unknown> {
  apiVersion: 'kustomize.config.k8s.io/v1beta1';
  kind: 'Kustomization';
  namespace?: string;
  resources: string[];
}

export function renderKustomization(resources: string[], namespace?: string): Kustomization {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    ...(namespace ? { namespace } : {}),
    resources,
  };
}
