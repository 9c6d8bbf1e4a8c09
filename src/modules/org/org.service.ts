// The organisation of a municipality: a tree of units rooted in its council.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { OrgUnitKind } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './org.repo.ts';

export type { OrgUnit } from './org.repo.ts';

export const UNIT_KINDS = ['council', 'board', 'administration', 'department', 'unit'] as const satisfies readonly OrgUnitKind[];
/** Kinds a unit below the council can have. */
export const CHILD_UNIT_KINDS = ['board', 'administration', 'department', 'unit'] as const satisfies readonly OrgUnitKind[];

export const UNIT_KIND_NAMES: Record<OrgUnitKind, string> = {
  council: 'Kommunfullmäktige',
  board: 'Styrelse/nämnd',
  administration: 'Förvaltning',
  department: 'Avdelning',
  unit: 'Enhet',
};

export const UnitInput = Type.Object({
  name: Text({ min: 1, max: 200 }),
  kind: Type.Enum(CHILD_UNIT_KINDS),
  parentId: Type.String({ format: 'uuid' }),
});
export type UnitInput = Type.Static<typeof UnitInput>;

const MESSAGES = {
  name: 'Ange ett namn (1–200 tecken).',
  kind: 'Välj en typ: styrelse/nämnd, förvaltning, avdelning eller enhet.',
  parentId: 'Välj vilken enhet den nya enheten hör till.',
};

export interface OrgTreeNode extends repo.OrgUnit {
  children: OrgTreeNode[];
}

export function buildTree(units: repo.OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map(units.map((u) => [u.id, { ...u, children: [] as OrgTreeNode[] }]));
  const roots: OrgTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function getOrgTree(db: Db, tenantId: string): Promise<OrgTreeNode[]> {
  return buildTree(await repo.listUnits(db, tenantId));
}

export function listUnits(db: Db, tenantId: string) {
  return repo.listUnits(db, tenantId);
}

export async function getUnit(db: Db, tenantId: string, id: string): Promise<repo.OrgUnit> {
  const unit = await repo.findUnit(db, tenantId, id);
  if (!unit) throw notFound('Enheten');
  return unit;
}

export function unitPath(db: Db, tenantId: string, id: string): Promise<string[]> {
  return repo.unitPathIds(db, tenantId, id);
}

export function unitSubtree(db: Db, tenantId: string, id: string): Promise<string[]> {
  return repo.subtreeIds(db, tenantId, id);
}

export function createRootUnit(db: Db, tenantId: string, name: string): Promise<repo.OrgUnit> {
  return repo.insertUnit(db, tenantId, { name, kind: 'council', parentId: null });
}

async function requireParent(db: Db, tenantId: string, parentId: string): Promise<void> {
  if (!(await repo.findUnit(db, tenantId, parentId))) {
    throw new AppError('validation', 'Den överordnade enheten finns inte.', {
      fields: [{ field: 'parentId', message: 'Den överordnade enheten finns inte.' }],
    });
  }
}

const unitInUse = (cause: unknown) =>
  new AppError('conflict', 'Enheten används (av ärenden, löften eller behörigheter) och kan inte tas bort.', { cause });

/** Every change of the tree runs here: under the tree lock, with the checks read inside it. */
function changeTree<T>(db: Db, tenantId: string, change: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (!(await repo.lockTree(trx, tenantId))) throw notFound('Organisationen');
    return change(trx);
  });
}

export async function createUnit(actor: Actor, input: unknown, { db }: { db: Db }): Promise<repo.OrgUnit> {
  requireAnyRole(actor, ['admin']);
  const value = validate(UnitInput, input, MESSAGES);
  return changeTree(db, actor.tenantId, async (trx) => {
    await requireParent(trx, actor.tenantId, value.parentId);
    const unit = await repo.insertUnit(trx, actor.tenantId, { ...value, name: value.name.trim() });
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'create',
      entity: 'org_unit',
      entityId: unit.id,
      data: value,
    });
    return unit;
  });
}

export async function updateUnit(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.OrgUnit> {
  requireAnyRole(actor, ['admin']);
  return changeTree(db, actor.tenantId, async (trx) => {
    const existing = await getUnit(trx, actor.tenantId, id);
    if (existing.kind === 'council') {
      // The root keeps its kind and place; only its name can change.
      const { name } = validate(Type.Object({ name: UnitInput.properties.name }), { name: (input as { name?: unknown })?.name }, MESSAGES);
      return save(actor, existing, { name: name.trim(), kind: 'council', parentId: null }, trx);
    }
    const value = validate(UnitInput, input, MESSAGES);
    await requireParent(trx, actor.tenantId, value.parentId);
    const parentPath = await repo.unitPathIds(trx, actor.tenantId, value.parentId);
    if (parentPath.includes(id)) {
      throw new AppError('validation', 'En enhet kan inte flyttas in under sig själv.', {
        fields: [{ field: 'parentId', message: 'Välj en enhet som inte ligger under den här enheten.' }],
      });
    }
    return save(actor, existing, { ...value, name: value.name.trim() }, trx);
  });
}

async function save(
  actor: Actor,
  existing: repo.OrgUnit,
  values: { name: string; kind: OrgUnitKind; parentId: string | null },
  trx: Db,
): Promise<repo.OrgUnit> {
  const unit = await repo.updateUnit(trx, actor.tenantId, existing.id, values);
  if (!unit) throw notFound('Enheten');
  await recordAudit(trx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: 'update',
    entity: 'org_unit',
    entityId: unit.id,
    data: { before: existing, after: values },
  });
  return unit;
}

export async function deleteUnit(actor: Actor, id: string, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  try {
    await changeTree(db, actor.tenantId, async (trx) => {
      const existing = await getUnit(trx, actor.tenantId, id);
      if (existing.kind === 'council') throw new AppError('conflict', 'Kommunfullmäktige kan inte tas bort.');
      if ((await repo.countChildren(trx, actor.tenantId, id)) > 0) {
        throw new AppError('conflict', 'Enheten har underenheter. Flytta eller ta bort dem först.');
      }
      await repo.deleteUnit(trx, actor.tenantId, id);
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'delete',
        entity: 'org_unit',
        entityId: id,
        data: { name: existing.name },
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23503') throw unitInUse(error);
    throw error;
  }
}
