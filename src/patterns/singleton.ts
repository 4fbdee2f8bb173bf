import { appContainer } from './app.js';
import type { PodDescription, ProjectOptions } from './types.js';

export function singletonPattern(options: ProjectOptions): PodDescription {
  return {
    pattern: 'singleton',
    title: 'Singleton',
    summary: 'One container in the pod: the baseline every other pattern extends.',
    containers: [appContainer(options)],
    volumes: [],
    companions: [],
    annotations: {},
  };
}
