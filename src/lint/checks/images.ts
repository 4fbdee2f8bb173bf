/** Images: what runs must be named precisely, and how the node gets it must be stated. */
import type { ContainerView } from '../model.js';
import type { Check } from '../types.js';

export interface ImageRef {
  /** Everything before the tag or digest. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageRef {
  const [withoutDigest, digest] = image.split('@', 2) as [string, string | undefined];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  // A colon before the last slash belongs to a registry host:port, not a tag.
  if (colon > slash) return { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
  return { repository: withoutDigest, digest };
}

function imageProblem(c: ContainerView): string | undefined {
  if (!c.image) return 'The container has no image.';
  const ref = parseImage(c.image);
  if (ref.digest) return undefined;
  if (!ref.tag) return `Image ${c.image} has no tag, so it means :latest and changes under you.`;
  if (ref.tag === 'latest') return `Image ${c.image} uses the :latest tag, which changes under you.`;
  return undefined;
}

export const imageChecks: Check[] = [
  {
    id: 'latest-tag',
    family: 'images',
    severity: 'error',
    appliesTo: 'container',
    description: 'Every image has an explicit tag other than latest, or a digest.',
    run: (c) => {
      const message = imageProblem(c);
      return message === undefined
        ? []
        : [
            {
              container: c.name,
              message,
              fix: `Pin the image of container ${c.name} to a version tag (e.g. \`:1.4.2\`, or \`:dev\` for images built locally) or a digest (\`@sha256:...\`).`,
            },
          ];
    },
  },
  {
    id: 'image-pull-policy',
    family: 'images',
    severity: 'warning',
    appliesTo: 'container',
    description:
      'imagePullPolicy is set explicitly. Any value is accepted: IfNotPresent (or Never) is right for images loaded into a local cluster, Always for mutable tags from a registry.',
    run: (c) =>
      c.spec.imagePullPolicy !== undefined
        ? []
        : [
            {
              container: c.name,
              message: 'imagePullPolicy is not set; it silently depends on the tag (Always for :latest, IfNotPresent otherwise).',
              fix: `Set \`imagePullPolicy: IfNotPresent\` in container ${c.name} for images loaded into a local cluster, or \`Always\` for a mutable tag pulled from a registry.`,
            },
          ],
  },
];
