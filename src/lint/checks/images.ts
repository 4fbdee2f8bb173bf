/** Images: what runs must be named precisely, and how the node gets it must be stated. */
import type { ContainerView } from '../model.js';
import type { LintText } from '../text.js';
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

function imageProblem(c: ContainerView, say: LintText['checks']['latest-tag']): string | undefined {
  if (!c.image) return say.noImage;
  const ref = parseImage(c.image);
  if (ref.digest) return undefined;
  if (!ref.tag) return say.untagged({ image: c.image });
  if (ref.tag === 'latest') return say.latest({ image: c.image });
  return undefined;
}

export function imageChecks(t: LintText): Check[] {
  const { checks } = t;
  return [
    {
      id: 'latest-tag',
      family: 'images',
      severity: 'error',
      appliesTo: 'container',
      description: checks['latest-tag'].description,
      run: (c) => {
        const message = imageProblem(c, checks['latest-tag']);
        return message === undefined ? [] : [{ container: c.name, message, fix: checks['latest-tag'].fix({ container: c.name }) }];
      },
    },
    {
      id: 'image-pull-policy',
      family: 'images',
      severity: 'warning',
      appliesTo: 'container',
      description: checks['image-pull-policy'].description,
      run: (c) => {
        const say = checks['image-pull-policy'];
        return c.spec.imagePullPolicy !== undefined
          ? []
          : [{ container: c.name, message: say.message, fix: say.fix({ container: c.name }) }];
      },
    },
  ];
}
