// The retention module's public face (gallring): its routes and the nightly job.
export { registerRetentionRoutes } from './retention.routes.ts';
export { DEMO_DECISION, seedRetentionDemo } from './retention.seed.ts';
export { executeRun, runRetentionNightly } from './retention.service.ts';
