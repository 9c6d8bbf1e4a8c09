// Telling the unit that a resident has written on a closed case (which reopens it): an e-mail
// through the outbox, in the transaction that reopened the case, to the case's officer and every
// active officer whose grant covers the case's unit. No resident data in the mail, only a link.
import type { Db } from '../../db/database.ts';
import { listAllGrants, listUsers } from '../accounts/accounts.service.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { unitPath } from '../org/org.service.ts';

/** Active users who work the unit's cases: officers covering it (or the whole tenant) and the assignee; else its admins. */
export async function caseOfficers(db: Db, tenantId: string, unitId: string, assigneeUserId: string | null) {
  const [users, grants, path] = await Promise.all([listUsers(db, tenantId), listAllGrants(db, tenantId), unitPath(db, tenantId, unitId)]);
  const holders = (role: string) =>
    new Set(grants.filter((g) => g.role === role && (g.unitId === null || path.includes(g.unitId))).map((g) => g.userId));
  const covering = holders('officer');
  const officers = users.filter((u) => u.active && (covering.has(u.id) || u.id === assigneeUserId));
  if (officers.length > 0) return officers;
  // A unit without officers of its own: its administrators hear of it instead, so no one is left out.
  const admins = holders('admin');
  return users.filter((u) => u.active && admins.has(u.id));
}

export async function notifyReopenedByResident(
  trx: Db,
  c: { tenantId: string; id: string; caseNumber: string; unitId: string; unitName: string; assigneeUserId: string | null },
  baseUrl: string | undefined,
): Promise<number> {
  const officers = await caseOfficers(trx, c.tenantId, c.unitId, c.assigneeUserId);
  const link = `${baseUrl ?? ''}/staff/cases/${c.id}`;
  for (const o of officers) {
    await enqueueMail(trx, {
      tenantId: c.tenantId,
      to: o.email,
      kind: 'case_reopened_by_resident',
      refId: c.id,
      subject: `Ärende ${c.caseNumber} har öppnats igen – invånaren har skrivit`,
      body: [
        'Hej!',
        '',
        `Invånaren har skrivit ett nytt meddelande i ärende ${c.caseNumber} (${c.unitName}), som var avslutat.`,
        'Ärendet har därför öppnats igen och visas i inkorgen som "Nytt från invånaren".',
        '',
        link,
        '',
        'Du får detta meddelande eftersom du är handläggare för enheten eller ärendet.',
        '',
        'Insyn',
      ].join('\n'),
    });
  }
  return officers.length;
}
