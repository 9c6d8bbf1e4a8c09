// The satisfaction module's public face: what the app, the background jobs, the demo seed and
// the umbrella site (portal) may use. Importing it registers the goals model's indicator sources
// `nki`, `survey` and `after_contact` (satisfaction.sources.ts).
import './satisfaction.sources.ts';
// Fills the reports' "Nöjdhet" section.
import './satisfaction.report-section.ts';
import type { Db } from '../../db/database.ts';
import { readResults } from './insikt.service.ts';
import type { Grade } from './nki.ts';

export { clearAfterContactComments } from './after-contact.retention.ts';
export { sendAfterContactQuestions } from './after-contact.service.ts';
export { GRADE_NAMES } from './nki.ts';
export { registerSatisfactionRoutes } from './satisfaction.routes.ts';
export { seedSatisfactionDemo } from './satisfaction.seed.ts';

export interface SatisfactionSummary {
  year: number;
  /** The total NKI (four mandatory areas), rounded as published. */
  nki: number;
  grade: Grade;
  /** Change of the rounded NKI against the previous year, when both are shown. */
  trend: number | null;
  n: number;
  /** Demo data made up to look plausible. */
  generated: boolean;
}

/**
 * For the umbrella site's start page: the year's total NKI with grade and trend, or null when
 * there is none or it has fewer answers than the tenant's minimum.
 */
export async function satisfactionSummary(db: Db, tenantId: string, year: number): Promise<SatisfactionSummary | null> {
  const [total] = await readResults(db, tenantId, { year, area: 'total', period: '' });
  if (!total || total.rounded === null || total.grade === null) return null;
  return { year, nki: total.rounded, grade: total.grade, trend: total.trend, n: total.n, generated: total.generated };
}
// A person's data (the privacy module).
export {
  eraseSurveyInvitationOfPerson,
  findSatisfactionOfPerson,
  type PersonSatisfaction,
  type PersonSurveyInvitation,
} from './satisfaction.person-facing.ts';
