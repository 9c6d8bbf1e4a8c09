// Security-relevant: who may define and who may report. Defining the plan (goal areas, goals,
// indicators, targets, assignments, action plans, rounds) is for the quality strategist or an
// admin; reporting (outcomes, forecasts, statuses, assessments) is for the roles granted on the
// owner unit (or above it), and for the quality strategist anywhere.
import type { Db } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { coversUnit, hasAnyRole } from '../accounts/policy.ts';
import { unitPath } from '../org/org.service.ts';

export const DEFINE_ROLES = ['quality', 'admin'] as const satisfies readonly Role[];
/** Roles that report for the unit they are granted on (and its subtree). */
export const REPORT_ROLES = ['quality', 'officer', 'agent', 'secretary'] as const satisfies readonly Role[];

export function canDefine(actor: Actor): boolean {
  return hasAnyRole(actor, DEFINE_ROLES);
}

export function requireDefine(actor: Actor): void {
  if (!canDefine(actor)) throw new AppError('forbidden', 'Bara kvalitetsstrateg eller administratör kan ändra planen.');
}

/** Any staff role may read the plan. */
export function requireReader(actor: Actor): void {
  if (actor.grants.length === 0) throw new AppError('forbidden', 'Du har ingen roll i organisationen.');
}

export async function canReport(db: Db, actor: Actor, ownerUnitId: string): Promise<boolean> {
  if (canDefine(actor)) return true;
  return coversUnit(actor, REPORT_ROLES, await unitPath(db, actor.tenantId, ownerUnitId));
}

export async function requireReport(db: Db, actor: Actor, ownerUnitId: string): Promise<void> {
  if (!(await canReport(db, actor, ownerUnitId))) throw forbidden();
}
