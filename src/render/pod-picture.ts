import { ADAPTER_METRICS_PORT } from '../patterns/constants.js';
import type { PodSpecPlan, ProjectOptions } from '../patterns/types.js';

/** A Mermaid picture of the pod, drawn from the pattern description (GitHub renders it). */
export function podPicture(plan: PodSpecPlan, options: ProjectOptions): string {
  const id = (s: string) => s.replace(/[^a-zA-Z0-9]/g, '_');
  const lines = ['flowchart LR'];
  lines.push(`  client([client]) -->|"Service ${options.name}"| app`);
  const shares = plan.volumes.length ? 'one network namespace (localhost) and shared volumes' : 'one network namespace (localhost)';
  lines.push(`  subgraph pod["Pod ${options.name}: ${shares}"]`);
  for (const c of plan.containers) {
    const ports = c.ports.map((p) => `${p.scope === 'loopback' ? '127.0.0.1:' : ':'}${p.containerPort}`).join(' ');
    lines.push(`    ${id(c.name)}["${c.name}${ports ? ` ${ports}` : ''}"]`);
  }
  for (const v of plan.volumes) lines.push(`    ${id(v.name)}[("emptyDir ${v.name}")]`);
  lines.push('  end');
  for (const v of plan.volumes)
    for (const c of plan.containers.filter((c) => c.mounts.some((m) => m.volume === v.name))) {
      const mount = c.mounts.find((m) => m.volume === v.name)!;
      lines.push(`  ${id(c.name)} ---|"${mount.mountPath}"| ${id(v.name)}`);
    }
  if (plan.pattern === 'ambassador') {
    const app = plan.containers.find((c) => c.name === 'app')!;
    lines.push(`  app -->|"${app.env.UPSTREAM_URL}"| ambassador`);
    for (const c of plan.companions) lines.push(`  ambassador --> ${id(c.suffix)}["${options.name}-${c.suffix} :${c.container.ports[0]!.containerPort}"]`);
  }
  if (plan.pattern === 'adapter') {
    lines.push(`  prometheus([Prometheus]) -->|":${ADAPTER_METRICS_PORT}/metrics"| adapter`);
    lines.push('  adapter -->|"GET /status"| app');
  }
  if (plan.pattern === 'sidecar') lines.push('  log_shipper -->|"JSON lines on stdout"| logs([kubectl logs])');
  return lines.join('\n');
}
