// The goals module's public face: what other modules (reports, seeding, the app) may use.
export type { AssessmentStatus } from './assessment.ts';
export { ASSESSMENT_NAMES, ASSESSMENT_SYMBOLS, assess } from './assessment.ts';
export { WORK_STATUS_NAMES, WORK_STATUS_SYMBOLS } from './assignments.schemas.ts';
export {
  goalsFingerprint,
  type PublicGoal,
  type PublicGoalArea,
  type PublicIndicator,
  type PublicPlan,
  publicPlans,
} from './goals.public-facing.ts';
export { goalDetail, indicatorDetail, planTree } from './goals.read.ts';
export { type BoardPeriodFollowUp, boardPeriodFollowUp } from './goals.report-facing.ts';
export { registerGoalRoutes } from './goals.routes.ts';
export { seedGoalsDemo } from './goals.seed.ts';
export { createGoal, createGoalArea, createPlan, listPlans } from './goals.service.ts';
// For the kolada module (issue 11): an indicator's row and source, and linking it to a KPI.
export {
  createIndicator,
  getIndicatorRow,
  listIndicatorRows,
  putIndicatorValues,
  sourceOf,
  updateIndicator,
} from './indicators.service.ts';
export { periodName, periodRange } from './periods.ts';
export { sendRoundReminders } from './rounds.reminders.ts';
export { listRounds } from './rounds.service.ts';
export { registerSourceKind, type SourceKind } from './sources.ts';
