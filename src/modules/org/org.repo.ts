import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OrgUnitKind } from '../../db/schema.ts';

export interface OrgUnit {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrgUnitKind;
}

const COLUMNS = ['id', 'parent_id as parentId', 'name', 'kind'] as const;

export function listUnits(db: Db, tenantId: string): Promise<OrgUnit[]> {
  return db.selectFrom('org_units').select(COLUMNS).where('tenant_id', '=', tenantId).orderBy('name').execute();
}

export function findUnit(db: Db, tenantId: string, id: string): Promise<OrgUnit | undefined> {
  return db.selectFrom('org_units').select(COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * Call inside a transaction: serialises changes of a tenant's tree by locking its root (the
 * council). Checks such as "not under itself" read the whole path, so one row lock per unit
 * would not do. FOR NO KEY UPDATE leaves rows referring to the council (cases, grants) free.
 */
export async function lockTree(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_units')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('parent_id', 'is', null)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export function insertUnit(
  db: Db,
  tenantId: string,
  values: { name: string; kind: OrgUnitKind; parentId: string | null },
): Promise<OrgUnit> {
  return db
    .insertInto('org_units')
    .values({ tenant_id: tenantId, name: values.name, kind: values.kind, parent_id: values.parentId })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateUnit(
  db: Db,
  tenantId: string,
  id: string,
  values: { name: string; kind: OrgUnitKind; parentId: string | null },
): Promise<OrgUnit | undefined> {
  return db
    .updateTable('org_units')
    .set({ name: values.name, kind: values.kind, parent_id: values.parentId, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
}

export async function deleteUnit(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('org_units').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countChildren(db: Db, tenantId: string, id: string): Promise<number> {
  const row = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The unit and all its ancestors, root last. */
export async function unitPathIds(db: Db, tenantId: string, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM org_units WHERE tenant_id = ${tenantId} AND id = ${id}
      UNION ALL
      SELECT o.id, o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id
      WHERE o.tenant_id = ${tenantId} AND up.depth < 100
    )
    SELECT id FROM up ORDER BY depth`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The unit and every unit below it. */
export async function subtreeIds(db: Db, tenantId: string, id: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE down AS (
      SELECT id, 0 AS depth FROM org_units WHERE tenant_id = ${tenantId} AND id = ${id}
      UNION ALL
      SELECT o.id, down.depth + 1 FROM org_units o JOIN down ON o.parent_id = down.id
      WHERE o.tenant_id = ${tenantId} AND down.depth < 100
    )
    SELECT id FROM down`.execute(db);
  return result.rows.map((r) => r.id);
}
