import { parseAllDocuments, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { manifests as en } from '../src/i18n/en/manifests.js';
import { manifests as ko } from '../src/i18n/ko/manifests.js';
import { buildManifests } from '../src/manifests/project-manifests.js';
import { serializeManifest } from '../src/manifests/serialize.js';
import { describePattern, sampleOptions } from '../src/patterns/index.js';
import { planProject } from '../src/plan/project-plan.js';
import type { PatternName, ProjectOptions } from '../src/patterns/types.js';

const TEXTS = { en, ko };

function project(pattern: PatternName, sidecarMode: 'native' | 'classic', lang: 'en' | 'ko') {
  const options: ProjectOptions = {
    lang,
    directory: 'demo',
    pattern,
    name: 'demo',
    namespace: 'shop',
    port: 8080,
    replicas: 3,
    sidecarMode,
    target: 'kind',
    imagePrefix: 'local/',
  };
  const plan = describePattern(options);
  const containers = [...plan.containers, ...plan.companions.map((c) => c.container)];
  const files = buildManifests(options, plan);
  return Object.fromEntries(
    files.map((f) => [f.path, { plain: serializeManifest(f), commented: serializeManifest(f, { text: TEXTS[lang], containers }) }]),
  );
}

/** The comment lines right above the first line (after the line holding `after`) that starts with `line`, a list's `- ` aside. */
function commentAbove(yaml: string, line: string, after = ''): string {
  const lines = yaml.split('\n');
  const start = after ? lines.findIndex((l) => l.trim().replace(/^- /, '') === after) : 0;
  const key = line.includes(':') ? line : `${line}:`;
  const at = lines.findIndex((l, i) => i > start && l.trim().replace(/^- /, '').startsWith(key));
  expect(at, `${line} after ${after}`).toBeGreaterThan(0);
  const comments: string[] = [];
  for (let i = at - 1; i >= 0 && /^\s*#/.test(lines[i]!); i--) comments.unshift(lines[i]!.trim());
  return comments.join('\n');
}

describe.each(['en', 'ko'] as const)('generated manifests explain themselves (%s)', (lang) => {
  it('say the same thing as without comments: comments only, no value changed', () => {
    for (const pattern of ['singleton', 'sidecar', 'ambassador', 'adapter'] as const)
      for (const mode of ['native', 'classic'] as const)
        for (const [path, { plain, commented }] of Object.entries(project(pattern, mode, lang))) {
          expect(
            parseAllDocuments(commented).map((d) => d.toJS()),
            `${pattern} ${mode} ${path}`,
          ).toEqual(parseAllDocuments(plain).map((d) => d.toJS()));
          for (const doc of parseAllDocuments(commented)) expect(doc.errors).toEqual([]);
        }
  });

  it('teach the pod: replicas repeat every container, the template is one pod, one IP for all ports', () => {
    const yaml = project('sidecar', 'native', lang)['k8s/deployment.yaml']!.commented;
    expect(commentAbove(yaml, 'replicas')).toContain(
      TEXTS[lang].replicas({ replicas: 3, containers: ['app', 'log-shipper'] }).split('\n')[0],
    );
    expect(commentAbove(yaml, 'template')).toContain(TEXTS[lang].podTemplate.split('\n')[0]);
    expect(commentAbove(yaml, 'ports')).toBe(`# ${TEXTS[lang].ports}`);
  });

  it("mark a native sidecar's restartPolicy: Always, and a classic sidecar as the helper it is", () => {
    const native = project('sidecar', 'native', lang)['k8s/deployment.yaml']!.commented;
    expect(commentAbove(native, 'restartPolicy')).toContain(TEXTS[lang].nativeSidecar({ name: 'log-shipper' }).split('\n')[0]);
    const classic = project('sidecar', 'classic', lang)['k8s/deployment.yaml']!.commented;
    expect(commentAbove(classic, 'name: log-shipper')).toBe(`# ${TEXTS[lang].classicSidecar({ name: 'log-shipper' })}`);
    expect(classic).not.toContain('restartPolicy');
  });

  it('show the shared emptyDir where it is declared and where each container mounts it', () => {
    const yaml = project('sidecar', 'native', lang)['k8s/deployment.yaml']!.commented;
    expect(commentAbove(yaml, 'name: app-logs', 'volumes:')).toContain(
      TEXTS[lang].volumes({ name: 'app-logs', containers: ['app', 'log-shipper'], sizeLimit: '' }).split(' ')[0],
    );
    expect(commentAbove(yaml, 'volumeMounts', 'name: log-shipper')).toBe(
      `# ${TEXTS[lang].volumeMount({ volume: 'app-logs', others: ['app'] })}`,
    );
    expect(commentAbove(yaml, 'volumeMounts', 'name: app')).toBe(
      `# ${TEXTS[lang].volumeMount({ volume: 'app-logs', others: ['log-shipper'] })}`,
    );
  });

  it("say why the ambassador's loopback port is declared, and what the scrape annotations do", () => {
    const amb = project('ambassador', 'native', lang)['k8s/deployment.yaml']!.commented;
    expect(commentAbove(amb, 'ports', 'name: ambassador')).toContain('127.0.0.1:9000');
    const adapter = project('adapter', 'native', lang)['k8s/deployment.yaml']!.commented;
    expect(commentAbove(adapter, 'annotations', 'template:')).toContain(':9102/metrics');
  });

  it('explain the security context, resources and probes once each', () => {
    const yaml = project('adapter', 'classic', lang)['k8s/deployment.yaml']!.commented;
    const t = TEXTS[lang];
    for (const text of [t.securityContext, t.readinessProbe, t.livenessProbe]) expect(yaml.split(`# ${text}`).length - 1, text).toBe(1);
    expect(commentAbove(yaml, 'resources')).toContain(t.resources({ memory: '192Mi' }));
  });

  it('call an env value a Service address only when it is one (SERVICE_NAME=<name> is a name, not an address)', () => {
    for (const pattern of ['singleton', 'sidecar', 'ambassador', 'adapter'] as const) {
      const options = { ...sampleOptions({ pattern, lang, name: 'demo' }), directory: 'demo' };
      const yaml = planProject(options).files.find((f) => f.path === 'k8s/deployment.yaml')!.content;
      expect(yaml, pattern).not.toContain(TEXTS[lang].envServiceName({ variable: 'SERVICE_NAME', service: 'demo' }).split('\n')[0]);
    }
  });

  it('are written through the Document API: every comment is a YAML comment of the document', () => {
    const yaml = project('sidecar', 'native', lang)['k8s/deployment.yaml']!.commented;
    const doc = parseDocument(yaml);
    expect(String(doc)).toBe(yaml);
  });
});
