import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/cli/options.js';
import { catalog } from '../src/i18n/catalog.js';
import { PATTERN_NAMES } from '../src/patterns/index.js';
import { planProject } from '../src/plan/project-plan.js';

/**
 * The anti-pattern project teaches in its README and in its manifests' comments, in English and
 * Korean, each lesson with this project's own values (issue 14).
 */
function project(lang: 'en' | 'ko', overrides: Record<string, string> = {}) {
  const plan = planProject(
    resolveOptions({
      directory: 'shop',
      pattern: 'anti-pattern',
      name: 'shop',
      replicas: '3',
      port: '9090',
      lang,
      yes: true,
      ...overrides,
    }),
  );
  const file = (path: string) => plan.files.find((f) => f.path === path)!.content;
  return { plan, file, readme: file('README.md') };
}

const sections = (readme: string) => readme.split(/^## /m).slice(1);
const mermaid = (readme: string) => [...readme.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe.each(['en', 'ko'] as const)('the anti-pattern README (%s)', (lang) => {
  const { plan, readme } = project(lang);
  const t = catalog(lang).lesson;

  it('draws both designs from their manifests: one pod on one localhost with an emptyDir; three workloads reached by Service name, the db on its claim', () => {
    const [wrong, fix] = mermaid(readme);
    expect(wrong).toMatch(/subgraph shop_all_in_one\[[^\]]*\]\n {4}web\["web :8000"\]\n {4}app\["app :9090"\]\n {4}db\["db :7000"\]/);
    expect(wrong).toContain('web -->|"http://127.0.0.1:9090"| app');
    expect(wrong).toContain('app -->|"http://127.0.0.1:7000"| db');
    expect(wrong).toContain('db ---|"/var/lib/db"| all_in_one_data');
    expect(wrong).toContain(t.picture.emptyDir({ name: 'data' }));
    expect(fix).toContain(`client([${t.picture.client}]) -->|"${t.picture.service({ name: 'shop-web' })}"| web`);
    expect(fix).toContain(t.picture.deployment({ name: 'shop-web', replicas: 3 }));
    expect(fix).toContain(t.picture.deployment({ name: 'shop-app', replicas: 3 }));
    expect(fix).toContain(t.picture.statefulSet({ name: 'shop-db' }));
    expect(fix).toContain('web -->|"http://shop-app:80"| app');
    expect(fix).toContain(`app -->|"http://shop-db:7000 (${t.picture.headless({ name: 'shop-db' })})"| db`);
    expect(fix).toContain(t.picture.claim({ name: 'data-shop-db-0' }));
    expect(fix).not.toContain('127.0.0.1');
  });

  it('says why one pod is wrong (one fate, scale together: three databases, roll out together) and what the fix changes', () => {
    const why = sections(readme).find((s) => s.startsWith(t.whyHeading))!;
    expect(why).toBeDefined();
    const facts = { replicas: 3 } as const;
    for (const point of t.why({
      ...facts,
      name: 'shop',
      ports: { web: 8000, app: 9090, db: 7000 },
      wrong: {
        folder: 'k8s-anti-pattern',
        workload: 'shop-all-in-one',
        service: 'shop-all-in-one',
        volume: 'data',
        sizeLimit: '256Mi',
        dataDir: '/var/lib/db',
        appUrl: 'http://127.0.0.1:9090',
        dbUrl: 'http://127.0.0.1:7000',
      },
      fix: {
        folder: 'k8s',
        web: 'shop-web',
        app: 'shop-app',
        db: 'shop-db',
        claim: 'data-shop-db-0',
        storage: '1Gi',
        appUrl: 'http://shop-app:80',
        dbUrl: 'http://shop-db:7000',
      },
    }))
      expect(why).toContain(point);
    expect(why).toContain(t.fixWhy);
    expect(why).toContain('`replicas: 3`');
  });

  it('explains each of the three steps of `npm run demo` with the numbers to expect, and --json', () => {
    const demo = sections(readme).find((s) => s.startsWith(t.demoHeading))!;
    const steps = demo.split('\n').filter((l) => l.startsWith('1. '));
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('[4, 3, 3]');
    expect(steps[0]).toContain('[10, 10, 10]');
    expect(steps[1]).toContain('SIGKILL');
    expect(steps[1]).toContain('database unavailable');
    expect(steps[2]).toContain('10 → 0');
    expect(steps[2]).toContain('10 → 10');
    expect(demo).toContain('npm run demo -- --json');
    for (const key of ['scaling', 'failure', 'rollout', 'antiPattern', 'fix', 'apiDatabaseUnavailable', 'dbRestarted'])
      expect(demo).toContain(key);
  });

  it('says how to run each design, lint shows the finding, and the db stands for PostgreSQL or MySQL', () => {
    for (const command of [
      'npm run dev ',
      'npm run demo ',
      'npm run demo -- --json',
      'npm run deploy ',
      'npm run deploy -- k8s-anti-pattern',
      'npx create-pod-pattern lint k8s-anti-pattern',
      'npx create-pod-pattern lint k8s ',
    ])
      expect(readme).toContain(command);
    expect(readme).toContain('multiple-main-services');
    expect(readme).toContain('http://127.0.0.1:8000/');
    const db = sections(readme).find((s) => s.startsWith(t.dbHeading))!;
    for (const word of ['PostgreSQL', 'MySQL', '/var/lib/db', 'fsync', '7000', '5432', '3306']) expect(db).toContain(word);
  });

  it('links the lesson to the four good patterns, with the command that makes each', () => {
    const helpers = sections(readme).find((s) => s.startsWith(t.helpersHeading))!;
    const { patterns } = catalog(lang).readme;
    for (const p of PATTERN_NAMES) {
      expect(helpers).toContain(`| \`${p}\` ${patterns[p].title} | ${patterns[p].holds} | ${patterns[p].when} |`);
      expect(helpers).toContain(`--pattern ${p}\n`);
    }
  });

  it('names where to start reading each container, and each of those files is in the project', () => {
    const paths = new Set(plan.files.map((f) => f.path));
    const starts = [...readme.matchAll(/`(containers\/(web|app|db)\/[^`]+)`/g)].map((m) => m[1]!);
    expect(starts.map((s) => s.split('/')[1])).toEqual(['web', 'app', 'db']);
    for (const s of starts) expect(paths.has(s), s).toBe(true);
  });

  it('follows --replicas: one pod, or several, in the words and the pictures', () => {
    const one = project(lang, { replicas: '1' }).readme;
    expect(mermaid(one)[1]).toContain(t.picture.deployment({ name: 'shop-web', replicas: 1 }));
    expect(one).not.toEqual(readme);
  });
});

describe('the Korean README uses the Korean terms of the Kubernetes glossary, in 평어체', () => {
  const { readme } = project('ko');
  it.each([
    '파드',
    '디플로이먼트',
    '스테이트풀셋',
    '서비스',
    '헤드리스 서비스',
    '퍼시스턴트볼륨클레임',
    '레플리카',
    '롤아웃',
    '준비성 프로브',
  ])('%s', (term) => {
    expect(readme).toContain(term);
  });
  it('has no English sentence of the English README, and no 높임말', () => {
    const en = project('en').readme;
    const englishSentences = en.split('\n').filter((l) => /^[A-Z][a-z].{40,}\.$/.test(l));
    expect(englishSentences.length).toBeGreaterThan(5);
    for (const line of englishSentences) expect(readme).not.toContain(line);
    expect(readme).not.toMatch(/[습합됩입]니다|세요/);
  });
});

describe.each(['en', 'ko'] as const)('the manifests of the anti-pattern project explain themselves (%s)', (lang) => {
  const { file } = project(lang);
  const t = catalog(lang).manifests;

  it('the mistake: the three main services in one pod, replicas of everything, the emptyDir that dies with the pod', () => {
    const wrong = file('k8s-anti-pattern/deployment.yaml');
    const comment = (text: string) => text.split('\n').map((l) => ` ${l}`);
    const commented = (text: string) => comment(text).every((line) => wrong.includes(`#${line}`));
    expect(commented(t.mainServicesInOnePod({ containers: ['web', 'app', 'db'] }))).toBe(true);
    expect(commented(t.replicasOfEverything({ replicas: 3, containers: ['web', 'app', 'db'] }))).toBe(true);
    expect(commented(t.dataOnEmptyDir({ name: 'data', containers: ['db'], sizeLimit: '256Mi' }))).toBe(true);
    // Not a helper: the generic sidecar comment would teach the opposite.
    expect(wrong).not.toContain(t.classicSidecar({ name: 'app' }));
    expect(file('k8s-anti-pattern/kustomization.yaml')).toContain(t.kustomization({ folder: 'k8s-anti-pattern' }));
  });

  it('the fix: the StatefulSet, its claim and its headless Service, the one database, the Service names in APP_URL and DB_URL', () => {
    const has = (path: string, text: string) =>
      expect(
        text.split('\n').every((line) => file(path).includes(`# ${line}`)),
        `${path}: ${text}`,
      ).toBe(true);
    has('k8s/db.yaml', t.statefulSetServiceName({ service: 'shop-db' }));
    has('k8s/db.yaml', t.volumeClaimTemplates({ claims: ['data-shop-db-0'] }));
    has('k8s/db.yaml', t.headlessService);
    has('k8s/db.yaml', t.replicasOfDatabase({ replicas: 1 }));
    has('k8s/app.yaml', t.envServiceName({ variable: 'DB_URL', service: 'shop-db' }));
    has('k8s/web.yaml', t.envServiceName({ variable: 'APP_URL', service: 'shop-app' }));
    has('k8s/kustomization.yaml', t.kustomization({ folder: 'k8s' }));
  });
});

describe('the other patterns point to the anti-pattern where they say what never goes into one pod', () => {
  it.each(['en', 'ko'] as const)('%s', (lang) => {
    for (const pattern of PATTERN_NAMES) {
      const readme = planProject(resolveOptions({ directory: 'x', pattern, lang, yes: true })).files.find(
        (f) => f.path === 'README.md',
      )!.content;
      const never = sections(readme).find((s) => s.startsWith(catalog(lang).readme.neverHeading))!;
      expect(never).toContain('--pattern anti-pattern');
    }
  });
});
