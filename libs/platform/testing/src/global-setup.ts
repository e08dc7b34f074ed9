import type { TestProject } from 'vitest/node';
import { startTestServices } from './test-services';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    redisUrl: string;
  }
}

/** Starts (or finds) PostgreSQL and Redis once for the whole integration run. */
export default async function setup(project: TestProject) {
  const services = await startTestServices();
  project.provide('postgresAdminUrl', services.postgresAdminUrl);
  project.provide('redisUrl', services.redisUrl);
  return services.stop;
}
