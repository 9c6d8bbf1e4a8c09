// Security-relevant: which boards an actor may register meetings for. An admin may do so for
// every board. A secretary may for a board when the grant is on the board or above it (the
// ordinary rule of coversUnit), and also when it is on a unit inside the board's own subtree:
// a board's secretariat usually sits in the administration under that board.
import type { Actor } from '../accounts/actor.ts';
import { coversUnit } from '../accounts/policy.ts';
import type { OrgUnit } from '../org/org.service.ts';

/** The unit and its ancestors, from an in-memory list of a tenant's units. */
function pathOf(unitId: string, units: readonly OrgUnit[]): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: string[] = [];
  let current = byId.get(unitId);
  while (current && path.length < 100) {
    path.push(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

export function canWriteBoard(actor: Actor, boardUnitId: string, units: readonly OrgUnit[]): boolean {
  const board = units.find((u) => u.id === boardUnitId && u.kind === 'board');
  if (!board) return false;
  if (coversUnit(actor, ['secretary'], pathOf(board.id, units))) return true;
  return actor.grants.some((g) => g.role === 'secretary' && g.unitId !== null && pathOf(g.unitId, units).includes(board.id));
}

/** The boards (of `units`) the actor may register meetings for. */
export function boardsWritableBy(actor: Actor, units: readonly OrgUnit[]): OrgUnit[] {
  return units.filter((u) => u.kind === 'board' && canWriteBoard(actor, u.id, units));
}
