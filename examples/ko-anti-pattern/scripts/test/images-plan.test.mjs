import { describe, expect, it } from 'vitest';
import { chooseEngine, imageBuildSteps } from '../lib/images-plan.mjs';
import { ambassadorPattern, sidecarPattern, text } from './fixtures.mjs';

const probes = ({ docker = false, podman = false } = {}) => ({ dockerRuns: () => docker, podmanInstalled: () => podman });
const commands = (steps) => steps.map((step) => step.run.join(' '));

describe('chooseEngine', () => {
  it('takes CONTAINER_ENGINE first, without probing', () => {
    const never = { dockerRuns: () => expect.fail('probed docker'), podmanInstalled: () => expect.fail('probed podman') };
    expect(chooseEngine({ text, env: { CONTAINER_ENGINE: 'nerdctl' }, target: 'podman' }, never)).toBe('nerdctl');
  });

  it('uses podman for the podman target and for kind on podman', () => {
    expect(chooseEngine({ text, env: {}, target: 'podman' }, probes({ docker: true }))).toBe('podman');
    expect(chooseEngine({ text, env: { KIND_EXPERIMENTAL_PROVIDER: 'podman' }, target: 'kind' }, probes({ docker: true }))).toBe('podman');
  });

  it('prefers a running docker, then an installed podman, else says what to do', () => {
    expect(chooseEngine({ text, env: {}, target: 'kind' }, probes({ docker: true, podman: true }))).toBe('docker');
    expect(chooseEngine({ text, env: {}, target: 'kind' }, probes({ podman: true }))).toBe('podman');
    expect(() => chooseEngine({ text, env: {}, target: 'kind' }, probes())).toThrow(text.target.noEngine);
  });
});

describe('imageBuildSteps', () => {
  it('builds each distinct image once, from its container folder', () => {
    expect(commands(imageBuildSteps(ambassadorPattern(), { text, engine: 'docker', env: {} }))).toEqual([
      'docker build -t local/demo-ambassador:dev containers/ambassador',
      'docker build -t local/demo-app:dev containers/app',
      'docker build -t local/demo-upstream:dev containers/upstream',
    ]);
  });

  it('passes BASE_IMAGE and IMAGE_BUILD_FLAGS', () => {
    const env = { BASE_IMAGE: 'localhost/node-base:bookworm', IMAGE_BUILD_FLAGS: ' --isolation=chroot  --quiet ' };
    expect(commands(imageBuildSteps(sidecarPattern(), { text, engine: 'podman', env }))).toEqual([
      'podman build --isolation=chroot --quiet --build-arg BASE_IMAGE=localhost/node-base:bookworm -t local/demo-log-shipper:dev containers/log-shipper',
      'podman build --isolation=chroot --quiet --build-arg BASE_IMAGE=localhost/node-base:bookworm -t local/demo-app:dev containers/app',
    ]);
  });
});
