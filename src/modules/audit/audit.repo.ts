import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface AuditEntry {
  tenantId: string | null;
  actorUserId: string | null;
  /** Who did it, readable: an e-mail, "cli" or "system". */
  actorLabel: string;
  action: string;
  entity: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Every change is audited; call inside the same transaction as the change. The table is append-only (migration 0060). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await auditInsert(db, entry).execute();
}

/** The insert of an audit entry, to run as part of another statement (one round trip for a change and its audit). */
export function auditInsert(db: Db, entry: AuditEntry) {
  return db.insertInto('audit_log').values({
    tenant_id: entry.tenantId,
    actor_user_id: entry.actorUserId,
    actor_label: entry.actorLabel,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    data: JSON.stringify(entry.data ?? {}),
  });
}

export async function listAudit(db: Db, tenantId: string, limit = 100) {
  return db
    .selectFrom('audit_log')
    .select(['id', 'actor_label', 'action', 'entity', 'entity_id', 'data', 'at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface AuditFilter {
  /** An actor's user id, or text found in the actor's label (an e-mail, "cli"). */
  actorUserId?: string;
  actorText?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Not these kinds of object (outside a role's domain). */
  excludeEntities?: readonly string[];
  /** Keyset paging: entries older than this id. */
  beforeId?: string;
}

export interface AuditRow {
  id: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/** The newest entries matching the filter; each filter is index-backed (migration 0060). */
export function findAuditEntries(db: Db, tenantId: string, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_log')
    .select(['id', 'actor_user_id as actorUserId', 'actor_label as actorLabel', 'action', 'entity', 'entity_id as entityId', 'data', 'at'])
    .where('tenant_id', '=', tenantId);
  if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId);
  if (filter.actorText) q = q.where(sql<boolean>`position(${filter.actorText.toLowerCase()} in lower(actor_label)) > 0`);
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.excludeEntities && filter.excludeEntities.length > 0) q = q.where('entity', 'not in', [...filter.excludeEntities]);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return q.orderBy('id', 'desc').limit(limit).execute() as Promise<AuditRow[]>;
}

/** The kinds of object a tenant's log holds, for the filter's list. */
export async function auditEntityKinds(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('entity').distinct().where('tenant_id', '=', tenantId).orderBy('entity').execute();
  return rows.map((r) => r.entity);
}
