// What the retention module may do to cases (gallring): find the closed cases a set of rules makes
// due on a date, and clear their personal data in set-based batches. The cases module owns the
// tables; the rules arrive as plain values, so this file never reads the retention module's tables.
// Security-relevant: this is the one place that removes residents' personal data from cases.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseType } from '../../db/schema-cases.ts';
import type { RetentionScope } from '../../db/schema-retention.ts';

/** A rule as the query needs it. Both selectors optional; the most specific match wins. */
export interface ClearingRule {
  id: string;
  caseType: CaseType | null;
  categoryCode: string | null;
  monthsAfterClosure: number;
  scope: RetentionScope;
  decisionReference: string;
}

/** What a cleared message reads: the column is required, and a dash says "nothing here" in every language. */
export const CLEARED_MESSAGE = '—';

/**
 * Precedence when several rules match a case: type and category (3) > category only (2) >
 * type only (1) > neither, the tenant's default (0).
 */
export function ruleSpecificity(r: Pick<ClearingRule, 'caseType' | 'categoryCode'>): number {
  return (r.categoryCode ? 2 : 0) + (r.caseType ? 1 : 0);
}

/**
 * Cases resolved after this instant cannot be due on runDate under any of the rules (the
 * shortest period, with two days' margin for the time zone): an indexed range on resolved_at.
 */
function resolvedBefore(rules: ClearingRule[], runDate: string): Date {
  const shortest = Math.min(...rules.map((r) => r.monthsAfterClosure));
  const [y, m, d] = runDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - shortest, d + 2));
}

/** FROM … WHERE of the cases due on runDate, each with the rule that applies to it (as `rule`). */
function dueCases(tenantId: string, rules: ClearingRule[], runDate: string) {
  const values = sql.join(
    rules.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.caseType}::text, ${r.categoryCode}::text, ${r.monthsAfterClosure}::integer, ${r.scope}::text, ${ruleSpecificity(r)}::integer, ${r.decisionReference}::text)`,
    ),
  );
  return sql`
    FROM cases c
    JOIN categories cat ON cat.tenant_id = c.tenant_id AND cat.id = c.category_id
    CROSS JOIN LATERAL (
      SELECT r.id, r.months, r.scope, r.decision
      FROM (VALUES ${values}) AS r (id, case_type, category_code, months, scope, specificity, decision)
      WHERE (r.case_type IS NULL OR r.case_type = c.type) AND (r.category_code IS NULL OR r.category_code = cat.code)
      ORDER BY r.specificity DESC
      LIMIT 1
    ) AS rule
    WHERE c.tenant_id = ${tenantId}
      AND c.status = 'resolved'
      AND c.legal_hold_at IS NULL
      AND c.resolved_at < ${resolvedBefore(rules, runDate)}
      AND ((c.resolved_at AT TIME ZONE 'Europe/Stockholm')::date + make_interval(months => rule.months)) <= ${runDate}::date
      AND (c.personal_data_cleared_scope IS NULL
        OR (c.personal_data_cleared_scope = 'contact' AND rule.scope = 'contact_and_texts'))`;
}

export interface ClearingPreview {
  total: number;
  byRule: Record<string, number>;
  /** The first cases (oldest closure first), up to the sample limit. */
  sample: { id: string; caseNumber: string; resolvedDate: string; ruleId: string }[];
}

/** What a run on runDate would clear with these rules: counts in SQL, and a sample of cases. */
export async function previewClearing(
  db: Db,
  tenantId: string,
  rules: ClearingRule[],
  runDate: string,
  sampleLimit = 100,
): Promise<ClearingPreview> {
  if (rules.length === 0) return { total: 0, byRule: {}, sample: [] };
  const from = dueCases(tenantId, rules, runDate);
  const counts = await sql<{ rule_id: string; n: string }>`SELECT rule.id AS rule_id, count(*) AS n ${from} GROUP BY rule.id`.execute(db);
  const sample = await sql<{ id: string; case_number: string; resolved_date: string; rule_id: string }>`
    SELECT c.id, c.case_number, to_char((c.resolved_at AT TIME ZONE 'Europe/Stockholm')::date, 'YYYY-MM-DD') AS resolved_date,
      rule.id AS rule_id
    ${from}
    ORDER BY c.resolved_at, c.id
    LIMIT ${sampleLimit}`.execute(db);
  const byRule: Record<string, number> = {};
  for (const r of counts.rows) byRule[r.rule_id] = Number(r.n);
  return {
    total: Object.values(byRule).reduce((a, b) => a + b, 0),
    byRule,
    sample: sample.rows.map((r) => ({ id: r.id, caseNumber: r.case_number, resolvedDate: r.resolved_date, ruleId: r.rule_id })),
  };
}

export interface ClearedCase {
  id: string;
  ruleId: string;
  scope: RetentionScope;
}

/**
 * Clears one batch (call inside a transaction): locks up to `limit` due cases (skipping those
 * another run holds), removes the contact details — and for 'contact_and_texts' the subject, the
 * message and the timeline's texts — and marks each case with when, rule and run. What statistics
 * need stays: dates, type, channel, category, unit, status, timings and the events' kinds and times.
 */
export async function clearDueBatch(
  trx: Db,
  tenantId: string,
  rules: ClearingRule[],
  runDate: string,
  { runId, now, limit = 500 }: { runId: string; now: Date; limit?: number },
): Promise<ClearedCase[]> {
  if (rules.length === 0) return [];
  const texts = sql<boolean>`due.scope = 'contact_and_texts'`;
  const result = await sql<{ id: string; rule_id: string; scope: RetentionScope }>`
    WITH due AS (
      SELECT c.id, rule.id AS rule_id, rule.scope, rule.decision
      ${dueCases(tenantId, rules, runDate)}
      ORDER BY c.resolved_at, c.id
      LIMIT ${limit}
      FOR UPDATE OF c SKIP LOCKED
    )
    UPDATE cases AS u SET
      contact_name = NULL,
      contact_email = NULL,
      contact_phone = NULL,
      subject = CASE WHEN ${texts} THEN NULL ELSE u.subject END,
      message = CASE WHEN ${texts} THEN ${CLEARED_MESSAGE} ELSE u.message END,
      personal_data_cleared_at = ${now},
      personal_data_cleared_scope = due.scope,
      personal_data_cleared_rule_id = due.rule_id,
      personal_data_cleared_run_id = ${runId}::uuid,
      personal_data_cleared_decision = due.decision,
      updated_at = ${now}
    FROM due
    WHERE u.tenant_id = ${tenantId} AND u.id = due.id
    RETURNING u.id, due.rule_id, due.scope`.execute(trx);
  const cleared = result.rows.map((r) => ({ id: r.id, ruleId: r.rule_id, scope: r.scope }));
  const textIds = cleared.filter((c) => c.scope === 'contact_and_texts').map((c) => c.id);
  if (textIds.length > 0) {
    // Resident messages, answers and notes may all name the resident: their texts go; the kind,
    // time and facts such as the authority referred to stay. Free-text reasons go with the texts.
    await sql`
      UPDATE case_events SET body = NULL,
        data = CASE WHEN data->>'reason' = 'resident_message' THEN data - 'text' ELSE data - 'reason' - 'text' END
      WHERE tenant_id = ${tenantId} AND case_id = ANY(${textIds}::uuid[])
        AND (body IS NOT NULL OR data ? 'reason' OR data ? 'text')`.execute(trx);
  }
  return cleared;
}

export interface CaseRetentionState {
  legalHold: { at: Date; reason: string; by: string } | null;
  cleared: { at: Date; scope: RetentionScope; ruleId: string | null; runId: string | null; decision: string | null } | null;
}

/** The retention marks of one case (for its staff page). */
export async function caseRetentionState(db: Db, tenantId: string, caseId: string): Promise<CaseRetentionState | undefined> {
  const r = await db
    .selectFrom('cases')
    .select([
      'legal_hold_at',
      'legal_hold_reason',
      'legal_hold_by',
      'personal_data_cleared_at',
      'personal_data_cleared_scope',
      'personal_data_cleared_rule_id',
      'personal_data_cleared_run_id',
      'personal_data_cleared_decision',
    ])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    legalHold:
      r.legal_hold_at && r.legal_hold_reason ? { at: r.legal_hold_at, reason: r.legal_hold_reason, by: r.legal_hold_by ?? '' } : null,
    cleared:
      r.personal_data_cleared_at && r.personal_data_cleared_scope
        ? {
            at: r.personal_data_cleared_at,
            scope: r.personal_data_cleared_scope,
            ruleId: r.personal_data_cleared_rule_id,
            runId: r.personal_data_cleared_run_id,
            decision: r.personal_data_cleared_decision,
          }
        : null,
  };
}
