import type { TestProject } from 'vitest/node';
import { ensureTemplate, startTestCluster } from './database.js';
import './setup-keyring.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster();
  project.provide('pgAdminUrl', cluster.adminUrl);
  project.provide('pgTemplate', await ensureTemplate(cluster.adminUrl));
  return cluster.stop;
}
