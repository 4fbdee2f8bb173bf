import { describe, expect, it } from 'vitest';
import { catalog } from '../src/i18n/catalog.js';
import { describePattern, PATTERN_NAMES, sampleOptions } from '../src/patterns/index.js';
import type { PatternName } from '../src/patterns/types.js';
import { planProject } from '../src/plan/project-plan.js';

/** The generated README, straight from the plan: what a student reads first. */
function readme(pattern: PatternName, lang: 'en' | 'ko', overrides = {}) {
  const options = sampleOptions({ pattern, lang, name: 'shop', directory: 'shop', imagePrefix: 'local/', ...overrides });
  const text = planProject(options).files.find((f) => f.path === 'README.md')!.content;
  return { text, t: catalog(lang).readme, pod: describePattern(options), options };
}

/** The position of a heading; the lessons come in the order a student reads them. */
const at = (text: string, heading: string) => text.indexOf(`## ${heading}\n`);

describe.each(['en', 'ko'] as const)('every generated README teaches the pod (%s)', (lang) => {
  it.each(PATTERN_NAMES)(
    '%s: the lessons in order: the unit, one IP, volumes, the four patterns, never in one pod, scaling, try it',
    (pattern) => {
      const { text, t } = readme(pattern, lang);
      const order = [t.podHeading, t.networkHeading, t.volumesHeading, t.patternsHeading, t.neverHeading, t.scaleHeading, t.tryHeading].map(
        (h) => at(text, h),
      );
      for (const position of order) expect(position).toBeGreaterThan(0);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(text).toContain(t.never);
      expect(text).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
    },
  );

  it.each(PATTERN_NAMES)('%s: lists every port of this pod, and who reaches whom over localhost', (pattern) => {
    const { text, pod } = readme(pattern, lang);
    for (const c of pod.containers)
      for (const p of c.ports)
        expect(text).toContain(`| \`${c.name}\` | \`${p.scope === 'loopback' ? '127.0.0.1' : '0.0.0.0'}:${p.containerPort}\``);
    const urls = pod.containers.flatMap((c) => Object.values(c.env).filter((v) => /^http:\/\/127\.0\.0\.1:\d+/.test(v)));
    for (const url of urls) expect(text).toContain(`\`${url}\``);
  });

  it('says where this pod shares a volume, and where it does not which pattern does', () => {
    const sidecar = readme('sidecar', lang);
    const volume = sidecar.pod.volumes[0]!;
    expect(sidecar.text).toContain(`\`${volume.name}\``);
    expect(sidecar.text).toContain(volume.sizeLimit);
    for (const c of sidecar.pod.containers) for (const m of c.mounts) expect(sidecar.text).toContain(`\`${m.mountPath}\``);
    const adapter = readme('adapter', lang);
    expect(adapter.text).toContain(adapter.t.volumeNone);
  });

  it('marks this project in the table of the four patterns', () => {
    for (const pattern of PATTERN_NAMES) {
      const { text, t } = readme(pattern, lang);
      const section = text.slice(at(text, t.patternsHeading), at(text, t.neverHeading));
      const rows = section.split('\n').filter((l) => PATTERN_NAMES.some((p) => l.startsWith(`| \`${p}\``)));
      expect(rows).toHaveLength(4);
      expect(rows.filter((r) => r.includes(t.thisOne))).toEqual([expect.stringContaining(`| \`${pattern}\``)]);
    }
  });

  it("says helpers scale with the app, with this project's replicas", () => {
    const { text } = readme('adapter', lang, { replicas: 3 });
    expect(text).toContain('`replicas: 3`');
    expect(text).toMatch(/\b6\b/); // 3 pods x (app + adapter)
  });

  it('gives try-it steps with what to expect: a port clash, the hung primary kept stopped, READY n/n, deploy --dry-run', () => {
    const amb = readme('ambassador', lang);
    expect(amb.text).toContain('npx create-pod-pattern clash --pattern ambassador --port 9000 --yes');
    expect(amb.text).toContain(`kill -STOP ${amb.t.pidOf({ name: 'upstream-primary' })}`);
    expect(amb.text).toContain(`kill -CONT ${amb.t.pidOf({ name: 'upstream-primary' })}`);
    expect(amb.text).toContain(amb.t.expect.podReady({ ready: 2 }));
    expect(amb.text).toContain('npm run deploy -- --dry-run');
    expect(amb.text).toContain('kubectl scale deployment shop-upstream-primary --replicas=0');
  });

  it("names the short file where each container's heart is", () => {
    for (const pattern of PATTERN_NAMES) {
      const { text, pod } = readme(pattern, lang);
      for (const c of [...pod.containers, ...pod.companions.map((x) => x.container)])
        expect(text).toContain(`containers/${c.template}/${c.docs!.start}`);
    }
  });

  it('states what each helper promises under faults, with the values its manifest sets', () => {
    const sidecar = readme('sidecar', lang);
    const shipper = sidecar.pod.containers.find((c) => c.name === 'log-shipper')!;
    const app = sidecar.pod.containers.find((c) => c.name === 'app')!;
    expect(sidecar.text).toContain(`\`access.log.1\` … \`.${app.env.ACCESS_LOG_ROTATED_FILES}\``);
    expect(sidecar.text).toContain(`${Number(app.env.ACCESS_LOG_MAX_BYTES) / 2 ** 20} MiB`);
    expect(sidecar.text).toContain(`${Number(shipper.env.MAX_LINE_BYTES) / 2 ** 20} MiB`);
    expect(sidecar.text).toMatch(/`fileId`.*`offset`/);
    const amb = readme('ambassador', lang);
    const proxy = amb.pod.containers.find((c) => c.name === 'ambassador')!;
    expect(amb.text).toContain(`${proxy.env.FIRST_BYTE_TIMEOUT_MS} ms`);
    expect(amb.text).toContain(`${proxy.env.HEALTH_CHECK_INTERVAL_MS} ms`);
    const adapter = readme('adapter', lang);
    const exporter = adapter.pod.containers.find((c) => c.name === 'adapter')!;
    expect(adapter.text).toContain(`${Number(exporter.env.MAX_STATUS_BYTES) / 1024} KiB`);
    expect(adapter.text).toContain('160Mi');
    expect(readme('singleton', lang).text).not.toContain(`## ${readme('singleton', lang).t.promisesHeading}`);
  });
});
