// Retention by decision (gallring): the tenant's rules from its document management plan, the
// preview of what a run would clear on a day, and the run itself — set-based batches through the
// cases module's retention facing, each batch one transaction that also updates the run's report,
// so a run that stops halfway has a true report of what it did. Role: admin.
// Security-relevant: removes residents' personal data; every rule change and run is audited.
import type { Db } from '../../db/database.ts';
import type { RetentionReport } from '../../db/schema-retention.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { localDate } from '../calendar/calendar.ts';
import { type ClearingRule, clearDueBatch, previewClearing } from '../cases/cases.retention-facing.ts';
import { findCategoryByCode } from '../cases/categories.service.ts';
import { clearMailOfCases } from '../mail/mail.retention.ts';
import { clearOpen311OfCases } from '../open311/open311.retention.ts';
import { clearAfterContactComments } from '../satisfaction/index.ts';
import * as repo from './retention.repo.ts';
import { PREVIEW_MESSAGES, PreviewInput, RULE_MESSAGES, RuleInput } from './retention.schemas.ts';

export const RETENTION_ROLES = ['admin'] as const;
export const BATCH_SIZE = 500;

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

export interface RuleView {
  id: string;
  caseType: string | null;
  categoryCode: string | null;
  monthsAfterClosure: number;
  decisionReference: string;
  scope: 'contact' | 'contact_and_texts';
  effectiveFrom: string;
  active: boolean;
  createdBy: string;
  createdAt: string;
}

export function presentRule(r: repo.RuleRow): RuleView {
  return {
    id: r.id,
    caseType: r.case_type,
    categoryCode: r.category_code,
    monthsAfterClosure: r.months_after_closure,
    decisionReference: r.decision_reference,
    scope: r.scope,
    effectiveFrom: r.effective_from,
    active: r.active,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

const toClearing = (r: repo.RuleRow): ClearingRule => ({
  id: r.id,
  caseType: r.case_type,
  categoryCode: r.category_code,
  monthsAfterClosure: r.months_after_closure,
  scope: r.scope,
  decisionReference: r.decision_reference,
});

export async function listRules(actor: Actor, { db }: { db: Db }): Promise<RuleView[]> {
  requireAnyRole(actor, RETENTION_ROLES);
  return (await repo.listRules(db, actor.tenantId)).map(presentRule);
}

export async function createRule(actor: Actor, input: unknown, { db, now = new Date() }: { db: Db; now?: Date }): Promise<RuleView> {
  requireAnyRole(actor, RETENTION_ROLES);
  const v = validate(RuleInput, input, RULE_MESSAGES);
  const categoryCode = v.categoryCode ?? null;
  if (categoryCode && !(await findCategoryByCode(db, actor.tenantId, categoryCode))) {
    throw invalid([{ field: 'categoryCode', message: `Kategorin ${categoryCode} finns inte.` }]);
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await repo.insertRule(trx, {
        tenant_id: actor.tenantId,
        case_type: v.caseType ?? null,
        category_code: categoryCode,
        months_after_closure: v.monthsAfterClosure,
        decision_reference: v.decisionReference.trim(),
        scope: v.scope ?? 'contact_and_texts',
        effective_from: v.effectiveFrom ?? localDate(now),
        created_by: actor.label,
      });
      const rule = presentRule(row);
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'create',
        entity: 'retention_rule',
        entityId: rule.id,
        data: { after: { ...rule, createdAt: undefined } },
      });
      return rule;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError(
      'conflict',
      'Det finns redan en gällande regel för samma ärendetyp och kategori. Avsluta den först och lägg sedan till den nya.',
      { cause: error },
    );
  }
}

/** Ends a rule (kept, with its history, for the runs that applied it). */
export async function deactivateRule(actor: Actor, id: string, { db }: { db: Db }): Promise<RuleView> {
  requireAnyRole(actor, RETENTION_ROLES);
  return db.transaction().execute(async (trx) => {
    const row = await repo.lockRule(trx, actor.tenantId, id);
    if (!row) throw notFound('Regeln');
    if (!row.active) throw new AppError('conflict', 'Regeln är redan avslutad.');
    await repo.deactivateRule(trx, actor.tenantId, id, new Date());
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'deactivate',
      entity: 'retention_rule',
      entityId: id,
      data: { before: { active: true, decisionReference: row.decision_reference }, after: { active: false } },
    });
    return presentRule({ ...row, active: false });
  });
}

const NUMBER = new Intl.NumberFormat('sv-SE');

export function previewSummary(total: number, date: string): string {
  return `${NUMBER.format(total)} ${total === 1 ? 'ärende skulle gallras' : 'ärenden skulle gallras'} ${date}`;
}

export interface PreviewView {
  date: string;
  total: number;
  summary: string;
  byRule: { ruleId: string; decisionReference: string; cases: number }[];
  cases: { id: string; caseNumber: string; resolvedDate: string; ruleId: string }[];
}

/**
 * What a run on `date` would clear: the same query as the run, with the rules effective on that
 * day. With `ruleId` only that rule's cases, and the date defaults to the later of today and the
 * rule's effective date ("these 1 234 cases would be cleared on 2027-01-01").
 */
export async function previewRetention(
  actor: Actor,
  input: unknown,
  { db, now = new Date() }: { db: Db; now?: Date },
): Promise<PreviewView> {
  requireAnyRole(actor, RETENTION_ROLES);
  const v = validate(PreviewInput, input ?? {}, PREVIEW_MESSAGES);
  const today = localDate(now);
  let date = v.date ?? today;
  if (v.ruleId) {
    const rule = await repo.findRule(db, actor.tenantId, v.ruleId);
    if (!rule) throw invalid([{ field: 'ruleId', message: 'Regeln finns inte.' }]);
    if (!v.date && rule.effective_from > today) date = rule.effective_from;
  }
  const rules = await repo.effectiveRules(db, actor.tenantId, date);
  const p = await previewClearing(db, actor.tenantId, rules.map(toClearing), date);
  const byRule = rules
    .filter((r) => !v.ruleId || r.id === v.ruleId)
    .map((r) => ({ ruleId: r.id, decisionReference: r.decision_reference, cases: p.byRule[r.id] ?? 0 }));
  const total = byRule.reduce((a, b) => a + b.cases, 0);
  const cases = v.ruleId ? p.sample.filter((c) => c.ruleId === v.ruleId) : p.sample;
  return { date, total, summary: previewSummary(total, date), byRule, cases };
}

export interface RunView {
  id: string;
  runDate: string;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
  clearedCases: number;
  report: RetentionReport;
  error: string | null;
}

export function presentRun(r: repo.RunRow): RunView {
  return {
    id: r.id,
    runDate: r.run_date,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    startedBy: r.started_by,
    clearedCases: r.cleared_cases,
    report: r.report,
    error: r.error,
  };
}

export async function listRuns(actor: Actor, { db }: { db: Db }): Promise<RunView[]> {
  requireAnyRole(actor, RETENTION_ROLES);
  return (await repo.listRuns(db, actor.tenantId)).map(presentRun);
}

export interface RunBy {
  label: string;
  userId: string | null;
}

/** One run for a tenant on the local date of `now`; idempotent (a second run clears nothing new). */
export async function executeRun(
  db: Db,
  tenantId: string,
  by: RunBy,
  { now = new Date(), batchSize = BATCH_SIZE }: { now?: Date; batchSize?: number } = {},
): Promise<RunView> {
  const runDate = localDate(now);
  const ruleRows = await repo.effectiveRules(db, tenantId, runDate);
  const rules = ruleRows.map(toClearing);
  let report: RetentionReport = { rules: {}, mails: 0, open311Requests: 0, surveyComments: 0 };
  for (const r of ruleRows) {
    report.rules[r.id] = { cases: 0, decisionReference: r.decision_reference, scope: r.scope, monthsAfterClosure: r.months_after_closure };
  }
  const { id: runId } = await repo.insertRun(db, {
    tenantId,
    runDate,
    startedAt: now,
    startedBy: by.label,
    startedByUserId: by.userId,
    report,
  });
  let clearedCases = 0;
  let error: string | null = null;
  try {
    for (;;) {
      // The batch's report is the committed one plus this batch, stored in the batch's transaction.
      const next = await db.transaction().execute(async (trx) => {
        const cleared = await clearDueBatch(trx, tenantId, rules, runDate, { runId, now, limit: batchSize });
        if (cleared.length === 0) return null;
        const texts = cleared.filter((c) => c.scope === 'contact_and_texts').map((c) => c.id);
        const contactOnly = cleared.filter((c) => c.scope === 'contact').map((c) => c.id);
        const r: RetentionReport = structuredClone(report);
        r.mails += await clearMailOfCases(trx, tenantId, texts, { texts: true });
        r.mails += await clearMailOfCases(trx, tenantId, contactOnly, { texts: false });
        r.open311Requests += await clearOpen311OfCases(trx, tenantId, texts, { texts: true });
        r.open311Requests += await clearOpen311OfCases(trx, tenantId, contactOnly, { texts: false });
        r.surveyComments += await clearAfterContactComments(trx, tenantId, texts);
        for (const c of cleared) {
          const entry = r.rules[c.ruleId];
          if (entry) entry.cases += 1;
        }
        const total = clearedCases + cleared.length;
        await repo.updateRun(trx, tenantId, runId, { clearedCases: total, report: r });
        return { report: r, total };
      });
      if (!next) break;
      report = next.report;
      clearedCases = next.total;
    }
  } catch (e) {
    error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
  }
  const finishedAt = new Date();
  await db.transaction().execute(async (trx) => {
    await repo.updateRun(trx, tenantId, runId, { clearedCases, report, finishedAt, error });
    await recordAudit(trx, {
      tenantId,
      actorUserId: by.userId,
      actorLabel: by.label,
      action: 'run',
      entity: 'retention_run',
      entityId: runId,
      data: { runDate, clearedCases, rules: Object.keys(report.rules).length, error },
    });
  });
  const row = (await repo.listRuns(db, tenantId, 50)).find((r) => r.id === runId);
  if (!row) throw new Error('retention run vanished');
  return presentRun(row);
}

/** A run started by an admin (API or the staff page). */
export async function runRetention(actor: Actor, { db, now }: { db: Db; now?: Date }): Promise<RunView> {
  requireAnyRole(actor, RETENTION_ROLES);
  return executeRun(db, actor.tenantId, { label: actor.label, userId: actor.userId }, { now });
}

/**
 * The nightly job: after 02:00 Stockholm time, once a day across instances (the instance whose
 * insert of the day's key succeeds), one run per tenant that has rules in effect.
 */
export async function runRetentionNightly(
  db: Db,
  now = new Date(),
  /** `scope` names the series of days (tests use their own, as they share a database). */
  { earliestHour = 2, scope = 'nightly', tenantIds }: { earliestHour?: number; scope?: string; tenantIds?: string[] } = {},
): Promise<{ ran: boolean; runs: RunView[]; error?: string }> {
  const hour = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' }).format(now));
  if (hour < earliestHour) return { ran: false, runs: [] };
  const key = `${scope}:${localDate(now)}`;
  if (!(await repo.claimJobDay(db, key, now))) return { ran: false, runs: [] };
  const runs: RunView[] = [];
  const errors: string[] = [];
  const tenants = tenantIds ?? (await repo.tenantsWithRules(db, localDate(now)));
  for (const tenantId of tenants) {
    const run = await executeRun(db, tenantId, { label: 'job', userId: null }, { now });
    runs.push(run);
    if (run.error) errors.push(run.error);
  }
  await repo.finishJobDay(db, key, new Date(), errors.length ? errors.join('; ').slice(0, 500) : null);
  return { ran: true, runs, ...(errors.length ? { error: errors.join('; ') } : {}) };
}
