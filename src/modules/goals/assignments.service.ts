// Assignments (uppdrag from the council or the executive board) and board initiatives: defined
// by quality or admin, their status per follow-up period reported by the responsible unit's roles.
import type { Static } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { WorkStatus } from '../../db/schema-goals.ts';
import { AppError, type FieldError, invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits, unitSubtree } from '../org/org.service.ts';
import * as repo from './assignments.repo.ts';
import { AssignmentInput, AssignmentPatch, StatusReportInput } from './assignments.schemas.ts';
import { canDefine, requireDefine, requireReader, requireReport } from './goals.access.ts';
import * as goalsRepo from './goals.repo.ts';
import { savePeriodStatus } from './period-status.ts';

export type { AssignmentRow } from './assignments.repo.ts';

const MESSAGES = {
  kind: 'Välj uppdrag (assignment) eller nämndinitiativ (initiative).',
  title: 'Ange uppdragets namn (högst 500 tecken).',
  responsibleUnitId: 'Välj ansvarig enhet.',
  endDate: 'Ange slutdatum som ÅÅÅÅ-MM-DD.',
  status: 'Status ska vara not_started, ongoing, done, delayed eller cancelled.',
};

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

async function checkRefs(db: Db, tenantId: string, v: { responsibleUnitId?: string; goalId?: string | null }) {
  const errors: FieldError[] = [];
  if (v.responsibleUnitId && !(await listUnits(db, tenantId)).some((u) => u.id === v.responsibleUnitId))
    errors.push({ field: 'responsibleUnitId', message: 'Den ansvariga enheten finns inte.' });
  if (v.goalId && !(await goalsRepo.findGoal(db, tenantId, v.goalId))) errors.push({ field: 'goalId', message: 'Målet finns inte.' });
  if (errors.length) throw invalid(errors);
}

function audit(actor: Actor, action: string, entityId: string, data: Record<string, unknown>) {
  return { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.label, action, entity: 'assignment', entityId, data };
}

type Input = Partial<Static<typeof AssignmentInput>>;
function columns(v: Input) {
  return {
    code: v.code === undefined ? undefined : v.code?.trim() || null,
    kind: v.kind,
    title: v.title?.trim(),
    origin_body: v.originBody,
    origin_decision_date: v.originDecisionDate,
    origin_registration_number: v.originRegistrationNumber,
    goal_id: v.goalId,
    responsible_unit_id: v.responsibleUnitId,
    is_new: v.isNew,
    end_date: v.endDate,
    decision_instance: v.decisionInstance,
    board_report_date: v.boardReportDate,
    secretariat_date: v.secretariatDate,
    description: v.description,
    done_criteria: v.doneCriteria,
    status: v.status,
  };
}

export async function createAssignment(actor: Actor, input: unknown, { db }: { db: Db }): Promise<repo.AssignmentRow> {
  requireDefine(actor);
  const v = validate(AssignmentInput, input, MESSAGES);
  await checkRefs(db, actor.tenantId, v);
  try {
    return await db.transaction().execute(async (trx) => {
      const c = columns(v);
      const row = await repo.insertAssignment(trx, {
        ...c,
        tenant_id: actor.tenantId,
        kind: v.kind,
        title: v.title.trim(),
        responsible_unit_id: v.responsibleUnitId,
      });
      await recordAudit(trx, audit(actor, 'assignment.created', row.id, { title: row.title }));
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Det finns redan ett uppdrag med den koden.', { cause: error });
    throw error;
  }
}

export async function updateAssignment(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.AssignmentRow> {
  requireDefine(actor);
  const v = validate(AssignmentPatch, input, MESSAGES);
  await checkRefs(db, actor.tenantId, v);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await repo.updateAssignment(trx, actor.tenantId, id, columns(v));
      if (!row) throw notFound('Uppdraget');
      await recordAudit(trx, audit(actor, 'assignment.updated', id, { changes: v }));
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Det finns redan ett uppdrag med den koden.', { cause: error });
    throw error;
  }
}

export async function getAssignment(actor: Actor, id: string, { db }: { db: Db }) {
  requireReader(actor);
  const row = await repo.findAssignment(db, actor.tenantId, id);
  if (!row) throw notFound('Uppdraget');
  return { row, updates: await repo.listUpdates(db, actor.tenantId, [id]) };
}

export interface AssignmentListQuery {
  unitId?: string;
  status?: WorkStatus;
  overdue?: boolean;
  sort?: 'end_date' | 'title';
  goalIds?: string[];
}

export async function listAssignments(actor: Actor, q: AssignmentListQuery, { db, today }: { db: Db; today?: string }) {
  requireReader(actor);
  const unitIds = q.unitId ? await unitSubtree(db, actor.tenantId, q.unitId) : undefined;
  const rows = await repo.listAssignments(db, actor.tenantId, {
    unitIds,
    statuses: q.status ? [q.status] : undefined,
    overdueOn: q.overdue ? (today ?? localDate(new Date())) : undefined,
    goalIds: q.goalIds,
    sort: q.sort,
  });
  const updates = await repo.listUpdates(
    db,
    actor.tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ row, updates: updates.filter((u) => u.assignment_id === row.id) }));
}

export function isOverdue(row: repo.AssignmentRow, today: string): boolean {
  return row.end_date !== null && row.end_date < today && row.status !== 'done' && row.status !== 'cancelled';
}

/** The status and comment of an assignment for a follow-up period; also its current status. */
export async function reportAssignmentStatus(actor: Actor, id: string, period: string, input: unknown, { db }: { db: Db }): Promise<void> {
  const v = validate(StatusReportInput, input, MESSAGES);
  const { row } = await getAssignment(actor, id, { db });
  if (!canDefine(actor)) await requireReport(db, actor, row.responsible_unit_id);
  await db.transaction().execute(async (trx) => {
    const locked = await repo.findAssignment(trx, actor.tenantId, id, { lock: true });
    if (!locked) throw notFound('Uppdraget');
    const saved = await savePeriodStatus(trx, actor, 'assignment', id, period, v);
    if (!saved) return;
    const { closed } = saved;
    await repo.updateAssignment(trx, actor.tenantId, id, { status: v.status });
    await recordAudit(
      trx,
      audit(actor, closed ? 'assignment.status_changed_after_close' : 'assignment.status_reported', id, { period, status: v.status }),
    );
  });
}

export function presentAssignment(
  a: { row: repo.AssignmentRow; updates: Awaited<ReturnType<typeof repo.listUpdates>> },
  today = localDate(new Date()),
) {
  const r = a.row;
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    title: r.title,
    originBody: r.origin_body,
    originDecisionDate: r.origin_decision_date,
    originRegistrationNumber: r.origin_registration_number,
    goalId: r.goal_id,
    responsibleUnitId: r.responsible_unit_id,
    isNew: r.is_new,
    endDate: r.end_date,
    decisionInstance: r.decision_instance,
    boardReportDate: r.board_report_date,
    secretariatDate: r.secretariat_date,
    description: r.description,
    doneCriteria: r.done_criteria,
    status: r.status,
    overdue: isOverdue(r, today),
    updates: a.updates.map((u) => ({
      period: u.period,
      status: u.status,
      comment: u.comment,
      by: u.by_label,
      at: new Date(u.at).toISOString(),
      changedAfterClose: u.changed_after_close,
    })),
  };
}
