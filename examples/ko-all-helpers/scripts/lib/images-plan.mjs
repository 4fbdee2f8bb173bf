// The plan of `npm run images`: which engine builds which image from which folder. Pure; what it
// says comes from `text` (lib/text.mjs, handed in by the runner).
import { imagesOf } from './manifests.mjs';
import { fill } from './text-fill.mjs';

/**
 * $CONTAINER_ENGINE if set; podman when the target is podman or kind runs on podman; docker
 * when its daemon answers; else podman when installed. The probes run only when needed.
 */
export function chooseEngine({ env, target, text }, { dockerRuns, podmanInstalled }) {
  if (env.CONTAINER_ENGINE) return env.CONTAINER_ENGINE;
  if (target === 'podman' || env.KIND_EXPERIMENTAL_PROVIDER === 'podman') return 'podman';
  if (dockerRuns()) return 'docker';
  if (podmanInstalled()) return 'podman';
  throw new Error(text.target.noEngine);
}

/**
 * One build per image of the manifests, tagged as the manifests name it, from containers/<container>.
 * BASE_IMAGE replaces the Dockerfiles' base image; IMAGE_BUILD_FLAGS adds engine flags
 * (e.g. `--isolation=chroot` where podman's default isolation is refused).
 */
export function imageBuildSteps(manifests, { engine, env, text }) {
  const flags = (env.IMAGE_BUILD_FLAGS ?? '').split(/\s+/).filter(Boolean);
  const baseImage = env.BASE_IMAGE ? ['--build-arg', `BASE_IMAGE=${env.BASE_IMAGE}`] : [];
  return imagesOf(manifests).map(({ image, context }) => ({
    run: [engine, 'build', ...flags, ...baseImage, '-t', image, context],
    fix: fill(text.plan.buildFix, { engine, context }),
  }));
}
