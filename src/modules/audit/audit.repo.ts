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

/** Every change is audited; call inside the same transaction as the change. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
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
