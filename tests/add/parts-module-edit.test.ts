/** The in-place edit of an app's parts module (src/parts.ts) that its user changed. */
import { describe, expect, it } from 'vitest';
import { addAppParts } from '../../src/add/app-parts.js';

describe('addAppParts', () => {
  const planned =
    "import type { AppPart } from './app-part';\nimport { accessLog } from './parts/access-log';\nimport { visits } from './parts/visits';\n\nexport const parts: AppPart[] = [accessLog, visits];\n";

  it('adds only what is missing, to a list written one entry a line', () => {
    const current =
      "// ours\nimport type { AppPart } from './app-part';\nimport {\n  accessLog,\n} from './parts/access-log';\n\nexport const parts: AppPart[] = [\n  accessLog,\n  mine,\n];\n";
    expect(addAppParts(current, planned)).toBe(
      "// ours\nimport type { AppPart } from './app-part';\nimport {\n  accessLog,\n} from './parts/access-log';\nimport { visits } from './parts/visits';\n\nexport const parts: AppPart[] = [\n  accessLog,\n  mine,\n  visits,\n];\n",
    );
  });

  it('changes nothing when every part is there', () => {
    const current =
      "import type { AppPart } from './app-part';\nimport { accessLog } from './parts/access-log';\nimport { visits } from './parts/visits';\nexport const parts: AppPart[] = [visits, accessLog];\n";
    expect(addAppParts(current, planned)).toBe(current);
  });
});
