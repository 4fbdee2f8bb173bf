import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintObjects } from '../../src/lint/index.js';

type Doc = Record<string, any>;
const BASE = readFileSync(fileURLToPath(new URL('./fixtures/base.yaml', import.meta.url)), 'utf8');

/** The fix of no-readiness-probe and no-liveness-probe for an app with these ports and no probes. */
function advice(ports: Doc[]): { readiness: string; liveness: string } {
  const [deployment, service] = parseAllDocuments(BASE).map((d) => d.toJS()) as [Doc, Doc];
  const app = deployment.spec.template.spec.containers[0];
  app.ports = ports;
  delete app.readinessProbe;
  delete app.livenessProbe;
  service.spec.ports[0].targetPort = ports[0]!.name ?? ports[0]!.containerPort;
  const findings = lintObjects([deployment, service]);
  const fix = (check: string) => findings.find((f) => f.check === check && f.container === 'app')!.fix;
  return { readiness: fix('no-readiness-probe'), liveness: fix('no-liveness-probe') };
}

describe('a missing probe is advised to fit what the port speaks', () => {
  it.each([
    [{ name: 'http', containerPort: 8080 }, 'http'],
    [{ name: 'web', containerPort: 3001 }, 'web'],
    [{ containerPort: 80 }, '80'],
    [{ containerPort: 8443 }, '8443'],
    [{ name: 'metrics', containerPort: 9187 }, 'metrics'],
  ])('httpGet for an HTTP port %o', (port, ref) => {
    const { readiness, liveness } = advice([port]);
    expect(readiness).toContain(`\`httpGet: { path: /readyz, port: ${ref} }\``);
    expect(liveness).toContain(`\`httpGet: { path: /healthz, port: ${ref} }\``);
    expect(readiness).not.toContain('tcpSocket');
  });

  it.each([
    [{ containerPort: 5432 }, '`tcpSocket: { port: 5432 }` or `exec: { command: [pg_isready] }`'],
    [{ name: 'postgres', containerPort: 15432 }, '`tcpSocket: { port: postgres }` or `exec: { command: [pg_isready] }`'],
    [{ containerPort: 3306 }, '`tcpSocket: { port: 3306 }` or `exec: { command: [mysqladmin, ping] }`'],
    [{ name: 'redis', containerPort: 6379 }, '`tcpSocket: { port: redis }` or `exec: { command: [redis-cli, ping] }`'],
    [{ containerPort: 27017 }, '`tcpSocket: { port: 27017 }` or `exec: { command: [mongosh, --eval, \'db.adminCommand("ping")\'] }`'],
    [{ containerPort: 9042 }, '`tcpSocket: { port: 9042 }`'],
    [{ containerPort: 11211 }, '`tcpSocket: { port: 11211 }`.'],
  ])('tcpSocket (or the server’s own check) for a database port %o', (port, expected) => {
    const { readiness, liveness } = advice([port]);
    expect(readiness).toContain(expected);
    expect(liveness).toContain(expected);
    expect(readiness).not.toContain('httpGet');
  });

  it('offers tcpSocket first for a port nothing is known about, and httpGet if it speaks HTTP', () => {
    expect(advice([{ name: 'game', containerPort: 7777 }]).readiness).toContain(
      '`tcpSocket: { port: game }` or `httpGet: { path: /readyz, port: game }`',
    );
  });

  it('asks gRPC with a grpc probe, by number', () => {
    expect(advice([{ name: 'grpc', containerPort: 50051 }]).readiness).toContain('`grpc: { port: 50051 }`');
  });

  it('probes a health port rather than the port that serves', () => {
    const { liveness } = advice([
      { name: 'proxy', containerPort: 9000 },
      { name: 'health', containerPort: 9001 },
    ]);
    expect(liveness).toContain('`httpGet: { path: /healthz, port: health }`');
  });
});
