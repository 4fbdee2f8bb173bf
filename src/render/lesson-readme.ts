import { catalog } from '../i18n/catalog.js';
import type { LessonFacts } from '../i18n/en/lesson.js';
import { imageName } from '../manifests/container.js';
import { DEMO } from '../patterns/anti-pattern.js';
import { PATTERN_NAMES } from '../patterns/index.js';
import type { ContainerSpec, DesignSpec, LessonDescription, ProjectOptions, WorkloadSpec } from '../patterns/types.js';

/**
 * What templates/anti-pattern/README.md.hbs lays out: the two designs of the lesson, drawn and
 * explained from their description, every sentence from the reader's catalog.
 */
export function lessonReadmeContext(options: ProjectOptions, lesson: LessonDescription) {
  const text = catalog(options.lang);
  const t = text.lesson;
  const [fix, wrong] = lesson.designs as [DesignSpec, DesignSpec];
  const facts = lessonFacts(options, fix, wrong);
  const spread = Array.from(
    { length: DEMO.replicas },
    (_, i) => Math.floor(DEMO.writes / DEMO.replicas) + (i < DEMO.writes % DEMO.replicas ? 1 : 0),
  );
  return {
    t,
    heading: t.heading(facts),
    intro: t.intro(facts),
    wrongHeading: t.wrongHeading(facts),
    wrongText: t.wrongText(facts),
    wrongPicture: picture(options, wrong, t.picture),
    fixHeading: t.fixHeading(facts),
    fixText: t.fixText(facts),
    fixPicture: picture(options, fix, t.picture),
    containers: lesson.containers.map((c) => ({
      name: c.name,
      purpose:
        (t.containers as Partial<Record<string, { purpose: string }>>)[c.name]?.purpose ?? text.readme.containers[c.template].purpose,
      listens: c.ports.map((p) => `0.0.0.0:${p.containerPort} (${p.name})`).join(', '),
      image: imageName(options, c),
    })),
    why: t.why(facts),
    demoSteps: t.demoSteps({ ...DEMO, spread }),
    runDev: t.runDev(facts),
    wrongFolder: wrong.folder,
    deployText: t.deployText(facts),
    lintText: t.lintText(facts),
    db: t.db(facts),
    patterns: PATTERN_NAMES.map((p) => ({ ...text.readme.patterns[p], name: p })),
    where: t.where(facts),
    start: lesson.containers
      .filter((c) => c.docs)
      .map((c) =>
        t.start({
          container: c.name,
          file: `containers/${c.template}/${c.docs!.start}`,
          heart: (t.containers as Partial<Record<string, { heart: string }>>)[c.name]?.heart ?? text.readme.containers[c.template].heart,
        }),
      ),
    security: text.readme.security,
    generatedBy: text.readme.generatedBy,
  };
}

/** The README's values, read from the two designs (never restated). */
function lessonFacts(options: ProjectOptions, fix: DesignSpec, wrong: DesignSpec): LessonFacts {
  const objectName = (w: WorkloadSpec) => `${options.name}-${w.suffix}`;
  const holding = (design: DesignSpec, name: string) => design.workloads.find((w) => w.containers.some((c) => c.name === name))!;
  const container = (design: DesignSpec, name: string) => holding(design, name).containers.find((c) => c.name === name)!;
  const port = (name: string) => container(fix, name).ports[0]!.containerPort;
  const pod = wrong.workloads[0]!;
  const volume = pod.volumes[0]!;
  const dataDir = container(wrong, 'db').mounts.find((m) => m.volume === volume.name)!.mountPath;
  const db = holding(fix, 'db');
  const claim = db.claims[0]!;
  return {
    name: options.name,
    replicas: options.replicas,
    ports: { web: port('web'), app: port('app'), db: port('db') },
    wrong: {
      folder: wrong.folder,
      workload: objectName(pod),
      service: objectName(pod),
      volume: volume.name,
      sizeLimit: volume.sizeLimit,
      dataDir,
      appUrl: container(wrong, 'web').env.APP_URL!,
      dbUrl: container(wrong, 'app').env.DB_URL!,
    },
    fix: {
      folder: fix.folder,
      web: objectName(holding(fix, 'web')),
      app: objectName(holding(fix, 'app')),
      db: objectName(db),
      // A StatefulSet names each pod's claim <template>-<statefulset>-<ordinal>.
      claim: `${claim.name}-${objectName(db)}-0`,
      storage: claim.storage,
      appUrl: container(fix, 'web').env.APP_URL!,
      dbUrl: container(fix, 'app').env.DB_URL!,
    },
  };
}

type PictureText = ReturnType<typeof catalog>['lesson']['picture'];

/**
 * A Mermaid picture of a design: each workload a box (a pod's containers share it), who reaches
 * whom as their env says (a Service name, or 127.0.0.1 in one pod), and where the data lives.
 */
function picture(options: ProjectOptions, design: DesignSpec, t: PictureText): string {
  const id = (s: string) => s.replace(/[^a-zA-Z0-9]/g, '_');
  const objectName = (w: WorkloadSpec) => `${options.name}-${w.suffix}`;
  const all = design.workloads.flatMap((w) => w.containers.map((c) => ({ c, w })));
  const edges = all.flatMap(({ c }) => reaches(c, all, options).map((edge) => ({ from: c.name, ...edge })));
  // The client's way in: the workload no other container reaches.
  const front = design.workloads.find((w) => !w.containers.some((c) => edges.some((e) => e.to === c.name))) ?? design.workloads[0]!;
  const lines = ['flowchart LR'];
  lines.push(`  client([${t.client}]) -->|"${t.service({ name: objectName(front) })}"| ${id(front.containers[0]!.name)}`);
  // As a request meets them (the kustomization lists them in start order, the other way round).
  for (const w of [...design.workloads].reverse()) {
    const title =
      w.containers.length > 1
        ? t.onePod({ name: objectName(w) })
        : w.kind === 'StatefulSet'
          ? t.statefulSet({ name: objectName(w) })
          : t.deployment({ name: objectName(w), replicas: w.replicas });
    lines.push(`  subgraph ${id(objectName(w))}["${title}"]`);
    for (const c of w.containers) lines.push(`    ${id(c.name)}["${c.name} :${c.ports.map((p) => p.containerPort).join(' :')}"]`);
    for (const v of w.volumes) lines.push(`    ${id(`${w.suffix}-${v.name}`)}[("${t.emptyDir({ name: v.name })}")]`);
    lines.push('  end');
    for (const claim of w.claims)
      lines.push(`  ${id(`${w.suffix}-${claim.name}`)}[("${t.claim({ name: `${claim.name}-${objectName(w)}-0` })}")]`);
  }
  for (const edge of edges) lines.push(`  ${id(edge.from)} -->|"${edge.label(t)}"| ${id(edge.to)}`);
  for (const { c, w } of all)
    for (const m of c.mounts) lines.push(`  ${id(c.name)} ---|"${m.mountPath}"| ${id(`${w.suffix}-${m.volume}`)}`);
  return lines.join('\n');
}

/** The containers `from` reaches, read from its env: `127.0.0.1:<port>` in its own pod, or `<service>:<port>`. */
function reaches(from: ContainerSpec, all: { c: ContainerSpec; w: WorkloadSpec }[], options: ProjectOptions) {
  return Object.values(from.env).flatMap((value) => {
    const m = /^[a-z]+:\/\/([a-z0-9.-]+):(\d+)/.exec(value);
    if (!m) return [];
    const [, host, port] = m;
    const target =
      host === '127.0.0.1'
        ? all.find(({ c }) => c !== from && c.ports.some((p) => p.containerPort === Number(port)))
        : all.find(({ w }) => `${options.name}-${w.suffix}` === host);
    if (!target) return [];
    const headless = target.w.service === 'headless' && host !== '127.0.0.1';
    return [{ to: target.c.name, label: (t: PictureText) => (headless ? `${value} (${t.headless({ name: host! })})` : value) }];
  });
}
