// Every query of the reminders module. The candidate cases are read from the cases table in the
// same statement that claims them, so the claim and the choice cannot drift apart.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ReminderState } from '../../db/schema-mail.ts';

export interface ClaimedReminder {
  caseId: string;
  state: ReminderState;
  dueDate: string;
}

/**
 * Records a reminder for every open case of the tenant whose first feedback (or promised next
 * feedback) is due today or overdue and that has not had a reminder for that state and deadline.
 * Returns only the rows this call inserted: a concurrent caller waits on the unique key and gets
 * nothing, so each reminder is claimed by exactly one transaction.
 */
export async function claimDueReminders(db: Db, tenantId: string, today: string): Promise<ClaimedReminder[]> {
  const result = await sql<ClaimedReminder>`
    INSERT INTO reminder_sent (tenant_id, case_id, state, due_date)
    SELECT tenant_id, id,
           CASE WHEN first_response_due = ${today}::date THEN 'first_response_due_today' ELSE 'first_response_overdue' END,
           first_response_due
      FROM cases
     WHERE tenant_id = ${tenantId} AND status <> 'resolved' AND first_response_at IS NULL
       AND first_response_due <= ${today}::date
    UNION ALL
    SELECT tenant_id, id,
           CASE WHEN next_feedback_due = ${today}::date THEN 'next_feedback_due_today' ELSE 'next_feedback_overdue' END,
           next_feedback_due
      FROM cases
     WHERE tenant_id = ${tenantId} AND status <> 'resolved' AND first_response_at IS NOT NULL
       AND next_feedback_due IS NOT NULL AND next_feedback_due <= ${today}::date
    ON CONFLICT DO NOTHING
    RETURNING case_id AS "caseId", state, due_date AS "dueDate"`.execute(db);
  return result.rows;
}

/** How many officers each claimed reminder went to: one statement for the whole round. */
export async function setRecipients(db: Db, tenantId: string, rows: { reminder: ClaimedReminder; recipients: number }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE reminder_sent AS r SET recipients = v.recipients
      FROM unnest(${rows.map((x) => x.reminder.caseId)}::uuid[], ${rows.map((x) => x.reminder.state)}::text[],
                  ${rows.map((x) => x.reminder.dueDate)}::date[], ${rows.map((x) => x.recipients)}::int[])
           AS v (case_id, state, due_date, recipients)
     WHERE r.tenant_id = ${tenantId} AND r.case_id = v.case_id AND r.state = v.state AND r.due_date = v.due_date`.execute(db);
}

export interface ReminderCase {
  id: string;
  caseNumber: string;
  type: string;
  unitId: string;
  unitName: string;
  categoryName: string;
}

/** What a reminder says about a case: no resident data (name, contact, message). */
export function casesForReminder(db: Db, tenantId: string, ids: string[]): Promise<ReminderCase[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return (
    db
      .selectFrom('cases as c')
      .innerJoin('org_units as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'))
      .innerJoin('categories as cat', (j) => j.onRef('cat.id', '=', 'c.category_id').onRef('cat.tenant_id', '=', 'c.tenant_id'))
      .select(['c.id', 'c.case_number as caseNumber', 'c.type', 'c.unit_id as unitId', 'u.name as unitName', 'cat.name as categoryName'])
      .where('c.tenant_id', '=', tenantId)
      // One array parameter, not one per id: a backlog of tens of thousands stays one statement.
      .where('c.id', '=', sql<string>`any(${ids}::uuid[])`)
      .execute()
  );
}

export function countReminders(db: Db, tenantId: string, caseId: string) {
  return db
    .selectFrom('reminder_sent')
    .select(['state', 'due_date as dueDate', 'recipients'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('sent_at')
    .execute();
}
