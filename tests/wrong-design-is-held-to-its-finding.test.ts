import { describe, expect, it } from 'vitest';
import { ManifestError, validateManifests } from '../src/manifests/validate.js';
import { buildDesignManifests } from '../src/manifests/project-manifests.js';
import { describeProject, sampleOptions } from '../src/patterns/index.js';
import type { LessonDescription } from '../src/patterns/types.js';

/**
 * The anti-pattern's wrong design is generated to fail lint, but only as it teaches: generation
 * holds it to exactly the findings its description names. Should lint stop finding the mistake,
 * or should the wrong design pick up another finding (a real bug), generation stops, as for any
 * invalid manifest, instead of shipping a lesson that no longer shows what it says.
 */
const options = sampleOptions({ pattern: 'anti-pattern', name: 'shop' });
const project = describeProject(options);
const lesson = (project.kind === 'lesson' ? project.lesson : undefined) as LessonDescription;
const [fix, wrong] = lesson.designs;
const files = (design: typeof fix) => buildDesignManifests(options, design!, false);
const problems = (run: () => void) => {
  try {
    run();
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as ManifestError).problems;
  }
};

describe('a design is held to the lint findings it is built to show', () => {
  it('the wrong design shows exactly multiple-main-services; the fix shows none', () => {
    expect(wrong!.expectedFindings).toEqual(['multiple-main-services']);
    expect(fix!.expectedFindings).toEqual([]);
    expect(problems(() => validateManifests(files(wrong), 'en', wrong!.expectedFindings))).toEqual([]);
    expect(problems(() => validateManifests(files(fix), 'en', fix!.expectedFindings))).toEqual([]);
  });

  it('the wrong design without its expected finding is refused, naming the finding', () => {
    const found = problems(() => validateManifests(files(wrong), 'en', []));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('[multiple-main-services]');
  });

  it('a finding that is expected but no longer reported is refused too, in the reader language', () => {
    expect(problems(() => validateManifests(files(fix), 'en', ['multiple-main-services']))).toEqual([
      'k8s/ is built to show the lint finding multiple-main-services, and lint no longer reports it',
    ]);
    expect(problems(() => validateManifests(files(fix), 'ko', ['multiple-main-services']))[0]).toContain(
      '린트 발견 사항(multiple-main-services)',
    );
  });

  it('an expected finding excuses only itself: any other finding of the wrong design still stops generation', () => {
    const broken = files(wrong).map((f) => ({
      ...f,
      objects: f.objects.map((o) => structuredClone((o as { toJSON?: () => unknown }).toJSON?.() ?? o)),
    }));
    const deployment = broken.flatMap((f) => f.objects as any[]).find((o) => o.kind === 'Deployment');
    delete deployment.spec.template.spec.containers[2].securityContext.runAsNonRoot;
    deployment.spec.template.spec.containers[2].securityContext.allowPrivilegeEscalation = true;
    const found = problems(() => validateManifests(broken as never, 'en', wrong!.expectedFindings));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((p) => !p.includes('[multiple-main-services]'))).toBe(true);
  });
});
