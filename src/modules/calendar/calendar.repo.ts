import type { Db } from '../../db/database.ts';

export function listClosedDays(db: Db, tenantId: string, range?: { from: string; to: string }) {
  let query = db.selectFrom('closed_days').select(['date', 'name']).where('tenant_id', '=', tenantId);
  if (range) query = query.where('date', '>=', range.from).where('date', '<=', range.to);
  return query.orderBy('date').execute();
}

export async function insertClosedDay(db: Db, tenantId: string, date: string, name: string): Promise<boolean> {
  const row = await db
    .insertInto('closed_days')
    .values({ tenant_id: tenantId, date, name })
    .onConflict((oc) => oc.doNothing())
    .returning('date')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteClosedDay(db: Db, tenantId: string, date: string): Promise<boolean> {
  const r = await db.deleteFrom('closed_days').where('tenant_id', '=', tenantId).where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
