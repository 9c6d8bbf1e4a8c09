// What the satisfaction module may read of cases: resolved cases with an e-mail address, for the
// after-contact question. One set-based query; the case's own language decides the e-mail's.
import type { Db } from '../../db/database.ts';
import type { CaseChannel, CaseLanguage } from '../../db/schema-cases.ts';

export interface ResolvedCaseContact {
  id: string;
  caseNumber: string;
  email: string;
  language: CaseLanguage;
  unitId: string;
  categoryId: string;
  channel: CaseChannel;
  resolvedAt: Date;
}

/** Cases of a tenant resolved in [from, to) that are still resolved and have an e-mail address, oldest first. */
export async function resolvedCasesWithEmail(
  db: Db,
  tenantId: string,
  range: { from: Date; to: Date },
  limit = 500,
): Promise<ResolvedCaseContact[]> {
  const rows = await db
    .selectFrom('cases')
    .select([
      'id',
      'case_number as caseNumber',
      'contact_email as email',
      'language',
      'unit_id as unitId',
      'category_id as categoryId',
      'channel',
      'resolved_at as resolvedAt',
    ])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'resolved')
    .where('contact_email', 'is not', null)
    .where('resolved_at', '>=', range.from)
    .where('resolved_at', '<', range.to)
    .orderBy('resolved_at')
    .limit(limit)
    .execute();
  return rows as ResolvedCaseContact[];
}
