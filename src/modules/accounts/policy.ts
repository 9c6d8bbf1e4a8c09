// Security-relevant: who may do what. A role granted on a unit covers its subtree; `admin`
// and grants without a unit cover the whole tenant.
import type { Role } from '../../db/schema.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import type { Actor } from './actor.ts';

/** No role, no access: an account whose grants are all revoked reaches only its own account page. */
export function requireSomeRole(actor: Actor): void {
  if (actor.grants.length === 0) {
    throw new AppError('forbidden', 'Ditt konto har ingen behörighet i Insyn. Be en administratör i din organisation om behörighet.');
  }
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

export function requireAnyRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasAnyRole(actor, roles)) throw forbidden();
}

/** `unitPath`: the unit's ancestors and the unit itself (order irrelevant). */
export function coversUnit(actor: Actor, roles: readonly Role[], unitPath: readonly string[]): boolean {
  return actor.grants.some(
    (g) => (g.role === 'admin' || roles.includes(g.role)) && (g.role === 'admin' || g.unitId === null || unitPath.includes(g.unitId)),
  );
}

export function requireUnit(actor: Actor, roles: readonly Role[], unitPath: readonly string[]): void {
  if (!coversUnit(actor, roles, unitPath)) throw forbidden();
}

/** Units an actor's grants start from for the given roles; null = the whole tenant. */
export function grantRoots(actor: Actor, roles: readonly Role[]): string[] | null {
  const grants = actor.grants.filter((g) => g.role === 'admin' || roles.includes(g.role));
  if (grants.some((g) => g.role === 'admin' || g.unitId === null)) return null;
  return grants.map((g) => g.unitId).filter((id): id is string => id !== null);
}
