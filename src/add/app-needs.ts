/** What a user's own app must do for each helper added beside it: its side of the contract. */
import type { add } from '../i18n/en/add.js';
import type { ManifestEdit } from './edit-manifest.js';

export function appNeeds({ parts }: ManifestEdit, t: (typeof add)['appNeeds']): string {
  const lines = parts.map((part) => {
    const env = part.container.env;
    if (part.helper === 'sidecar') {
      const [name, path] = Object.entries(part.app.env)[0]!;
      return t.sidecar({ env: name, path, volume: part.app.mounts[0]!.volume, container: part.container.name });
    }
    if (part.helper === 'ambassador') {
      const [name, url] = Object.entries(part.app.env).find(([k]) => k === 'UPSTREAM_URL')!;
      return t.ambassador({ env: name, url });
    }
    return t.adapter({ url: env.APP_STATUS_URL!, metricsPort: part.container.ports[0]!.containerPort, metricsPath: env.METRICS_PATH! });
  });
  return `${t.heading}\n${lines.join('\n')}\n`;
}
