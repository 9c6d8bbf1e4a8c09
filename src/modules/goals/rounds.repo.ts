// Every query of follow-up rounds, their items and reminders.
import { type Insertable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FollowUpRoundsTable, ItemKind, ItemState } from '../../db/schema-goals.ts';

export function findRound(db: Db, tenantId: string, id: string, options: { lock?: boolean } = {}) {
  const q = db.selectFrom('follow_up_rounds').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export function insertRound(db: Db, row: Insertable<FollowUpRoundsTable>) {
  return db.insertInto('follow_up_rounds').values(row).returningAll().executeTakeFirstOrThrow();
}

export function closeRound(db: Db, tenantId: string, id: string) {
  return db
    .updateTable('follow_up_rounds')
    .set({ status: 'closed', closed_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listRounds(db: Db, tenantId: string) {
  return db.selectFrom('follow_up_rounds').selectAll().where('tenant_id', '=', tenantId).orderBy('deadline', 'desc').execute();
}

/** Whether a closed round locks values of this period. */
export async function isPeriodClosed(db: Db, tenantId: string, period: string): Promise<boolean> {
  const row = await db
    .selectFrom('follow_up_rounds')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('period', '=', period)
    .where('status', '=', 'closed')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Marks the open rounds' item for this thing as started when its owner begins (an item sent back
 * stays sent back until marked ready again; a ready item that changes goes back to started).
 */
export async function touchItems(db: Db, tenantId: string, kind: ItemKind, refId: string, period: string, by: string): Promise<void> {
  await sql`
    UPDATE follow_up_items i SET state = CASE WHEN i.state = 'sent_back' THEN 'sent_back' ELSE 'started' END,
           updated_by_label = ${by}, updated_at = now()
      FROM follow_up_rounds r
     WHERE i.tenant_id = ${tenantId} AND i.kind = ${kind} AND i.ref_id = ${refId}
       AND r.tenant_id = i.tenant_id AND r.id = i.round_id AND r.status = 'open' AND r.period = ${period}`.execute(db);
}

export function listItems(db: Db, tenantId: string, roundId: string, filter: { ownerUnitIds?: string[] } = {}) {
  let q = db.selectFrom('follow_up_items').selectAll().where('tenant_id', '=', tenantId).where('round_id', '=', roundId);
  if (filter.ownerUnitIds) {
    if (filter.ownerUnitIds.length === 0) return Promise.resolve([]);
    q = q.where('owner_unit_id', 'in', filter.ownerUnitIds);
  }
  return q.orderBy('kind').execute();
}

export function findItem(db: Db, tenantId: string, id: string, options: { lock?: boolean } = {}) {
  const q = db.selectFrom('follow_up_items').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function setItemState(
  db: Db,
  tenantId: string,
  id: string,
  state: ItemState,
  by: string,
  sentBackComment: string | null,
): Promise<void> {
  await db
    .updateTable('follow_up_items')
    .set({ state, updated_by_label: by, updated_at: new Date(), sent_back_comment: sentBackComment })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function insertItems(
  db: Db,
  tenantId: string,
  roundId: string,
  items: { kind: ItemKind; refId: string; ownerUnitId: string }[],
): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('follow_up_items')
    .values(items.map((i) => ({ tenant_id: tenantId, round_id: roundId, kind: i.kind, ref_id: i.refId, owner_unit_id: i.ownerUnitId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Claims the reminders of a round for the given units: only rows this call inserts come back, so
 * a concurrent caller (another app instance) waits on the primary key and gets none.
 */
export async function claimReminders(
  db: Db,
  tenantId: string,
  roundId: string,
  kind: 'before_deadline' | 'overdue',
  unitIds: string[],
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .insertInto('follow_up_reminders')
    .values(unitIds.map((u) => ({ tenant_id: tenantId, round_id: roundId, owner_unit_id: u, kind })))
    .onConflict((oc) => oc.doNothing())
    .returning('owner_unit_id')
    .execute();
  return rows.map((r) => r.owner_unit_id);
}

export async function setReminderRecipients(db: Db, roundId: string, unitId: string, kind: string, recipients: number): Promise<void> {
  await db
    .updateTable('follow_up_reminders')
    .set({ recipients })
    .where('round_id', '=', roundId)
    .where('owner_unit_id', '=', unitId)
    .where('kind', '=', kind as 'before_deadline' | 'overdue')
    .execute();
}

export function listReminders(db: Db, tenantId: string, roundId: string) {
  return db.selectFrom('follow_up_reminders').selectAll().where('tenant_id', '=', tenantId).where('round_id', '=', roundId).execute();
}

/** Open rounds of every tenant (the reminder job), or of one. */
export function listOpenRoundsAll(db: Db, tenantId?: string) {
  let q = db.selectFrom('follow_up_rounds').selectAll().where('status', '=', 'open');
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  return q.execute();
}
