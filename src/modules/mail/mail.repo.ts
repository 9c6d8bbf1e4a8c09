import type { Db } from '../../db/database.ts';

export interface OutgoingMail {
  tenantId: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  refId?: string | null;
}

export async function insertMail(db: Db, mail: OutgoingMail): Promise<string> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      tenant_id: mail.tenantId,
      to_address: mail.to,
      subject: mail.subject,
      body: mail.body,
      kind: mail.kind,
      ref_id: mail.refId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
