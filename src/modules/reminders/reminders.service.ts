// Reminders to case officers: once a day-state per case (due today, overdue — for the first
// feedback and for a promised next feedback), an e-mail to every active officer whose grant
// covers the case's unit. The claim (reminder_sent) and the e-mails are written in one
// transaction, so a reminder is queued exactly once even with several app instances.
import type { Db } from '../../db/database.ts';
import type { ReminderState } from '../../db/schema-mail.ts';
import { formatLongDate } from '../../web/i18n.ts';
import { listAllGrants, listUsers } from '../accounts/accounts.service.ts';
import { localDate } from '../calendar/calendar.ts';
import { CASE_TYPE_NAMES } from '../cases/cases.schemas.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { unitPath } from '../org/org.service.ts';
import { listTenants } from '../tenants/tenants.repo.ts';
import * as repo from './reminders.repo.ts';

const STATE_TEXT: Record<ReminderState, string> = {
  first_response_due_today: 'Återkoppling ska ges idag',
  first_response_overdue: 'Återkopplingen är försenad',
  next_feedback_due_today: 'Utlovad återkoppling ska ges idag',
  next_feedback_overdue: 'Utlovad återkoppling är försenad',
};

/** A digest lists at most this many cases; the rest are in the inbox. */
const MAX_LISTED = 50;

export interface ReminderRunResult {
  reminders: number;
  mails: number;
}

/** One round for every tenant; `now` decides what "today" is (Europe/Stockholm). */
export async function sendDueReminders(db: Db, options: { baseUrl: string; now?: Date }): Promise<ReminderRunResult> {
  const today = localDate(options.now ?? new Date());
  const total: ReminderRunResult = { reminders: 0, mails: 0 };
  for (const tenant of await listTenants(db)) {
    const result = await sendTenantReminders(db, tenant.id, today, options.baseUrl);
    total.reminders += result.reminders;
    total.mails += result.mails;
  }
  return total;
}

export async function sendTenantReminders(db: Db, tenantId: string, today: string, baseUrl: string): Promise<ReminderRunResult> {
  return db.transaction().execute(async (trx) => {
    const claimed = await repo.claimDueReminders(trx, tenantId, today);
    if (claimed.length === 0) return { reminders: 0, mails: 0 };
    const cases = new Map(
      (
        await repo.casesForReminder(
          trx,
          tenantId,
          claimed.map((c) => c.caseId),
        )
      ).map((c) => [c.id, c]),
    );
    const officers = await activeOfficers(trx, tenantId);
    const paths = new Map<string, string[]>();
    // Officer id → the reminders that concern them.
    const perOfficer = new Map<string, { email: string; items: { reminder: repo.ClaimedReminder; c: repo.ReminderCase }[] }>();
    const recipients: { reminder: repo.ClaimedReminder; recipients: number }[] = [];
    for (const reminder of claimed) {
      const c = cases.get(reminder.caseId);
      if (!c) continue;
      let path = paths.get(c.unitId);
      if (!path) {
        path = await unitPath(trx, tenantId, c.unitId);
        paths.set(c.unitId, path);
      }
      const covering = officers.filter((o) => o.unitIds.some((u) => u === null || path.includes(u)));
      recipients.push({ reminder, recipients: covering.length });
      for (const o of covering) {
        const entry = perOfficer.get(o.userId) ?? { email: o.email, items: [] };
        entry.items.push({ reminder, c });
        perOfficer.set(o.userId, entry);
      }
    }
    await repo.setRecipients(trx, tenantId, recipients);
    for (const { email, items } of perOfficer.values()) {
      await enqueueMail(trx, {
        tenantId,
        to: email,
        subject:
          items.length === 1
            ? `Påminnelse: ärende ${items[0].c.caseNumber} – ${STATE_TEXT[items[0].reminder.state].toLowerCase()}`
            : `Påminnelse: ${items.length} ärenden behöver återkoppling`,
        body: reminderBody(items, baseUrl),
        kind: 'case_reminder',
        refId: items.length === 1 ? items[0].c.id : null,
      });
    }
    return { reminders: claimed.length, mails: perOfficer.size };
  });
}

async function activeOfficers(db: Db, tenantId: string) {
  const [users, grants] = await Promise.all([listUsers(db, tenantId), listAllGrants(db, tenantId)]);
  return users
    .filter((u) => u.active)
    .map((u) => ({
      userId: u.id,
      email: u.email,
      unitIds: grants.filter((g) => g.userId === u.id && g.role === 'officer').map((g) => g.unitId),
    }))
    .filter((o) => o.unitIds.length > 0);
}

function reminderBody(items: { reminder: repo.ClaimedReminder; c: repo.ReminderCase }[], baseUrl: string): string {
  const lines = ['Hej!', '', 'Följande ärenden i din enhet behöver återkoppling till invånaren:', ''];
  const shown = [...items].sort((a, b) => a.reminder.dueDate.localeCompare(b.reminder.dueDate)).slice(0, MAX_LISTED);
  for (const { reminder, c } of shown) {
    lines.push(
      `Ärende ${c.caseNumber} (${CASE_TYPE_NAMES[c.type as keyof typeof CASE_TYPE_NAMES] ?? c.type}, ${c.categoryName}, ${c.unitName})`,
      `  ${STATE_TEXT[reminder.state]} – senast ${formatLongDate(reminder.dueDate, 'sv')}.`,
      `  ${baseUrl}/staff/cases/${c.id}`,
      '',
    );
  }
  if (items.length > shown.length) lines.push(`… och ${items.length - shown.length} ärenden till: ${baseUrl}/staff/cases`, '');
  lines.push('Du får detta meddelande en gång per ärende och läge eftersom du är handläggare för enheten.', '', 'Insyn');
  return lines.join('\n');
}
