import { appContainer } from './app.js';
import type { PodSpecPlan, ProjectOptions } from './types.js';

export function singletonPattern(options: ProjectOptions): PodSpecPlan {
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
