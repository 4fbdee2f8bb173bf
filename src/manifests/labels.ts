/** Labels that tie a Deployment, its pods and its Service together. */
export function selectorLabels(objectName: string): Record<string, string> {
  return { 'app.kubernetes.io/name': objectName };
}

export function objectLabels(objectName: string, partOf: string, component: string): Record<string, string> {
  return {
    ...selectorLabels(objectName),
    'app.kubernetes.io/part-of': partOf,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/managed-by': 'create-pod-pattern',
  };
}
