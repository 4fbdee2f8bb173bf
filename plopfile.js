// `npx plop` looks for plopfile.js first; the generators live in plopfile.ts,
// loaded through tsx so plop needs no TypeScript setup of its own.
import { tsImport } from 'tsx/esm/api';

export default async function plopfile(plop) {
  const { default: register } = await tsImport('./plopfile.ts', import.meta.url);
  return register(plop);
}
