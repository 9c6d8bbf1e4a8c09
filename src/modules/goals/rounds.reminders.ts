// Reminders of follow-up rounds: an e-mail to the people who report for a unit with items not
// yet ready, a set number of working days before the deadline, and once when it is overdue.
// Each (round, unit, kind) is claimed through follow_up_reminders' primary key in the
// transaction that queues its e-mails, so it goes once even with several app instances.
import type { Db } from '../../db/database.ts';
import { formatLongDate } from '../../web/i18n.ts';
import { listAllGrants, listUsers } from '../accounts/accounts.service.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { localDate } from '../calendar/calendar.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { listUnits } from '../org/org.service.ts';
import { REPORT_ROLES } from './goals.access.ts';
import * as repo from './rounds.repo.ts';

export interface RoundReminderResult {
  reminders: number;
  mails: number;
}

type Kind = 'before_deadline' | 'overdue';

/** Which reminder is due for a round today, if any: from N working days before the deadline, and after it. */
export function reminderDue(
  deadline: string,
  workingDaysBefore: number,
  today: string,
  workingDaysBetween: (from: string, to: string) => number,
): Kind | null {
  if (today > deadline) return 'overdue';
  if (workingDaysBetween(today, deadline) <= workingDaysBefore) return 'before_deadline';
  return null;
}

export async function sendRoundReminders(
  db: Db,
  options: { baseUrl: string; now?: Date; tenantId?: string },
): Promise<RoundReminderResult> {
  const today = localDate(options.now ?? new Date());
  const total: RoundReminderResult = { reminders: 0, mails: 0 };
  for (const round of await repo.listOpenRoundsAll(db, options.tenantId)) {
    const calendar = await tenantCalendar(db, round.tenant_id);
    const kind = reminderDue(round.deadline, round.reminder_working_days, today, calendar.workingDaysBetween);
    if (!kind) continue;
    const r = await remindRound(db, round, kind, options.baseUrl);
    total.reminders += r.reminders;
    total.mails += r.mails;
  }
  return total;
}

async function remindRound(
  db: Db,
  round: Awaited<ReturnType<typeof repo.listOpenRoundsAll>>[number],
  kind: Kind,
  baseUrl: string,
): Promise<RoundReminderResult> {
  const tenantId = round.tenant_id;
  return db.transaction().execute(async (trx) => {
    const items = await repo.listItems(trx, tenantId, round.id);
    const pending = new Map<string, number>();
    for (const i of items) if (i.state !== 'ready') pending.set(i.owner_unit_id, (pending.get(i.owner_unit_id) ?? 0) + 1);
    const claimed = await repo.claimReminders(trx, tenantId, round.id, kind, [...pending.keys()]);
    if (claimed.length === 0) return { reminders: 0, mails: 0 };
    const [users, grants, units] = await Promise.all([listUsers(trx, tenantId), listAllGrants(trx, tenantId), listUnits(trx, tenantId)]);
    const names = new Map(units.map((u) => [u.id, u.name]));
    let mails = 0;
    for (const unitId of claimed) {
      // The people granted a reporting role on exactly this unit: not everyone above it.
      const recipients = users.filter(
        (u) =>
          u.active && grants.some((g) => g.userId === u.id && g.unitId === unitId && (REPORT_ROLES as readonly string[]).includes(g.role)),
      );
      for (const u of recipients) {
        await enqueueMail(trx, {
          tenantId,
          to: u.email,
          subject:
            kind === 'overdue'
              ? `Försenad rapportering: ${round.title}`
              : `Påminnelse: ${round.title} ska rapporteras senast ${formatLongDate(round.deadline, 'sv')}`,
          body: [
            'Hej!',
            '',
            kind === 'overdue'
              ? `Sista dag för ${round.title} var ${formatLongDate(round.deadline, 'sv')}.`
              : `${round.title} ska vara rapporterad senast ${formatLongDate(round.deadline, 'sv')}.`,
            `${names.get(unitId) ?? 'Enheten'} har ${pending.get(unitId)} punkter kvar att rapportera.`,
            '',
            `Att rapportera: ${baseUrl}/staff/goals/report`,
            '',
            'Du får detta meddelande en gång före sista dag och en gång om rapporteringen är försenad.',
            '',
            'Insyn',
          ].join('\n'),
          kind: `goals_round_${kind}`,
          refId: round.id,
        });
        mails++;
      }
      await repo.setReminderRecipients(trx, round.id, unitId, kind, recipients.length);
    }
    return { reminders: claimed.length, mails };
  });
}
