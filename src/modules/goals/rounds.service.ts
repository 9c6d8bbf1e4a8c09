// Follow-up rounds: the quality strategist opens a round for a period with a deadline; every item
// to report lands in its owner unit's "Att rapportera" list; the owner fills it in and marks it
// ready; the quality strategist sees the progress board, can send an item back, and closes the
// round, which locks its values (a later change needs the quality role, is audited and marked).
import type { Db } from '../../db/database.ts';
import type { ItemKind, ItemState } from '../../db/schema-goals.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { coversUnit } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { listUnits, unitPath } from '../org/org.service.ts';
import * as actionPlans from './action-plans.repo.ts';
import * as assignments from './assignments.repo.ts';
import { canDefine, REPORT_ROLES, requireDefine, requireReader } from './goals.access.ts';
import * as goalsRepo from './goals.repo.ts';
import * as indicators from './indicators.repo.ts';
import { isComputed } from './indicators.service.ts';
import { periodRange } from './periods.ts';
import * as repo from './rounds.repo.ts';
import { RoundInput, SendBackInput } from './rounds.schemas.ts';

type RoundRow = NonNullable<Awaited<ReturnType<typeof repo.findRound>>>;
type ItemRow = NonNullable<Awaited<ReturnType<typeof repo.findItem>>>;

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

function audit(actor: Actor, action: string, entityId: string, data: Record<string, unknown>) {
  return {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action,
    entity: 'follow_up_round',
    entityId,
    data,
  };
}

export function presentRound(r: RoundRow) {
  return {
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    period: r.period,
    deadline: r.deadline,
    reminderWorkingDays: r.reminder_working_days,
    status: r.status,
    openedBy: r.opened_by_label,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  };
}

/** What a round asks for: manual indicators, goals, open assignments of the plan; activities running in the period. */
async function itemsToReport(db: Db, tenantId: string, plan: goalsRepo.PlanRow, period: string) {
  const range = periodRange(period);
  if (!range) return [];
  const areas = await goalsRepo.listGoalAreas(db, tenantId, plan.id);
  const goals = await goalsRepo.listGoals(
    db,
    tenantId,
    areas.map((a) => a.id),
  );
  const goalIds = goals.map((g) => g.id);
  const links = await indicators.listGoalLinks(db, tenantId, { goalIds });
  const inds = await indicators.listIndicators(db, tenantId, { ids: [...new Set(links.map((l) => l.indicator_id))] });
  const root = (await listUnits(db, tenantId)).find((u) => u.parentId === null);
  const goalOwner = plan.board_unit_id ?? root?.id;
  const items: { kind: ItemKind; refId: string; ownerUnitId: string }[] = [];
  for (const i of inds) if (!isComputed(i)) items.push({ kind: 'indicator_value', refId: i.id, ownerUnitId: i.owner_unit_id });
  for (const g of goals) {
    const owner = g.board_unit_id ?? goalOwner;
    if (owner) items.push({ kind: 'goal_assessment', refId: g.id, ownerUnitId: owner });
  }
  for (const a of await assignments.listAssignments(db, tenantId, { goalIds }))
    if (a.status !== 'done' && a.status !== 'cancelled')
      items.push({ kind: 'assignment_status', refId: a.id, ownerUnitId: a.responsible_unit_id });
  const actionPlanIds = (await actionPlans.listPlans(db, tenantId)).map((p) => p.id);
  for (const a of await actionPlans.listActivities(db, tenantId, actionPlanIds)) {
    if (a.start_date <= range.to && a.end_date >= `${range.year}-01-01` && a.status !== 'cancelled')
      items.push({ kind: 'activity_progress', refId: a.id, ownerUnitId: a.responsible_unit_id });
  }
  return items;
}

export async function openRound(actor: Actor, input: unknown, { db }: { db: Db }): Promise<RoundRow> {
  requireDefine(actor);
  const v = validate(RoundInput, input, {
    title: 'Ange omgångens namn, t.ex. Delår 1 2026.',
    period: 'Perioden ska vara 2026, 2026-D1 eller 2026-D2.',
    deadline: 'Ange sista dag som ÅÅÅÅ-MM-DD.',
  });
  const plan = await goalsRepo.findPlan(db, actor.tenantId, v.planId);
  if (!plan) throw notFound('Planen');
  const items = await itemsToReport(db, actor.tenantId, plan, v.period);
  try {
    return await db.transaction().execute(async (trx) => {
      const round = await repo.insertRound(trx, {
        tenant_id: actor.tenantId,
        plan_id: plan.id,
        title: v.title.trim(),
        period: v.period,
        deadline: v.deadline,
        reminder_working_days: v.reminderWorkingDays ?? 5,
        opened_by_label: actor.label,
      });
      await repo.insertItems(trx, actor.tenantId, round.id, items);
      await recordAudit(trx, audit(actor, 'follow_up_round.opened', round.id, { period: v.period, items: items.length }));
      return round;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'Det finns redan en uppföljning av den perioden i planen.', { cause: error });
    throw error;
  }
}

export async function getRound(actor: Actor, id: string, { db }: { db: Db }): Promise<RoundRow> {
  requireReader(actor);
  const round = await repo.findRound(db, actor.tenantId, id);
  if (!round) throw notFound('Uppföljningen');
  return round;
}

export async function listRounds(actor: Actor, { db }: { db: Db }) {
  requireReader(actor);
  return repo.listRounds(db, actor.tenantId);
}

/** Titles of the things items point at, and the names of their units. */
async function describeItems(db: Db, tenantId: string, items: ItemRow[]) {
  const units = new Map((await listUnits(db, tenantId)).map((u) => [u.id, u.name]));
  const ids = (kind: ItemKind) => items.filter((i) => i.kind === kind).map((i) => i.ref_id);
  // One query per kind of item, whatever the number of items.
  const [inds, goals, works, activities] = await Promise.all([
    indicators.listIndicators(db, tenantId, { ids: ids('indicator_value') }),
    goalsRepo.findGoals(db, tenantId, ids('goal_assessment')),
    assignments.listAssignments(db, tenantId, { ids: ids('assignment_status') }),
    actionPlans.findActivities(db, tenantId, ids('activity_progress')),
  ]);
  const titles = new Map<string, string>([
    ...inds.map((i) => [i.id, i.code ? `${i.code} ${i.title}` : i.title] as const),
    ...goals.map((g) => [g.id, `${g.number} ${g.title}`] as const),
    ...works.map((a) => [a.id, a.title] as const),
    ...activities.map((a) => [a.id, `${a.number}. ${a.title}`] as const),
  ]);
  return items.map((i) => ({
    id: i.id,
    roundId: i.round_id,
    kind: i.kind,
    refId: i.ref_id,
    ownerUnitId: i.owner_unit_id,
    ownerUnitName: units.get(i.owner_unit_id) ?? '',
    title: titles.get(i.ref_id) ?? '',
    state: i.state,
    sentBackComment: i.sent_back_comment,
    updatedBy: i.updated_by_label,
    updatedAt: i.updated_at ? new Date(i.updated_at).toISOString() : null,
  }));
}

export type ItemView = Awaited<ReturnType<typeof describeItems>>[number];

function reportsFor(actor: Actor, path: readonly string[]): boolean {
  return actor.grants.some(
    (g) => g.role === 'admin' || (g.unitId !== null && (REPORT_ROLES as readonly string[]).includes(g.role) && path.includes(g.unitId)),
  );
}

/** "Att rapportera": the items of open rounds that the actor's roles report for. */
export async function myItems(actor: Actor, { db }: { db: Db }) {
  requireReader(actor);
  const result: { round: ReturnType<typeof presentRound>; items: ItemView[] }[] = [];
  const paths = new Map<string, string[]>();
  for (const round of (await repo.listRounds(db, actor.tenantId)).filter((r) => r.status === 'open')) {
    const all = await repo.listItems(db, actor.tenantId, round.id);
    const mine: ItemRow[] = [];
    for (const i of all) {
      let path = paths.get(i.owner_unit_id);
      if (!path) {
        path = await unitPath(db, actor.tenantId, i.owner_unit_id);
        paths.set(i.owner_unit_id, path);
      }
      // The quality strategist follows everything on the board; a list holds what a unit grant covers.
      if (reportsFor(actor, path)) mine.push(i);
    }
    if (mine.length) result.push({ round: presentRound(round), items: await describeItems(db, actor.tenantId, mine) });
  }
  return result;
}

async function isFilledIn(db: Db, tenantId: string, item: ItemRow, period: string): Promise<boolean> {
  if (item.kind === 'indicator_value') {
    const values = await indicators.listValues(db, tenantId, [item.ref_id]);
    return values.some((v) => v.period === period && v.kind === 'outcome' && v.value !== null);
  }
  if (item.kind === 'goal_assessment') {
    const a = (await goalsRepo.listAssessments(db, tenantId, [item.ref_id])).find((x) => x.period === period);
    return Boolean(a?.analysis.trim());
  }
  if (item.kind === 'assignment_status')
    return (await assignments.listUpdates(db, tenantId, [item.ref_id])).some((u) => u.period === period);
  return (await actionPlans.listProgress(db, tenantId, [item.ref_id])).some((p) => p.period === period);
}

const NOT_FILLED: Record<ItemKind, string> = {
  indicator_value: 'Fyll i utfallet för perioden innan du markerar indikatorn som klar.',
  goal_assessment: 'Skriv bedömningen och analysen innan du markerar målet som klart.',
  assignment_status: 'Rapportera uppdragets status för perioden innan du markerar det som klart.',
  activity_progress: 'Rapportera aktivitetens status för perioden innan du markerar den som klar.',
};

async function changeItem(
  actor: Actor,
  itemId: string,
  db: Db,
  fn: (trx: Db, item: ItemRow, round: RoundRow) => Promise<[ItemState, string | null]>,
) {
  return db.transaction().execute(async (trx) => {
    const item = await repo.findItem(trx, actor.tenantId, itemId, { lock: true });
    if (!item) throw notFound('Punkten');
    const round = await repo.findRound(trx, actor.tenantId, item.round_id, { lock: true });
    if (!round) throw notFound('Uppföljningen');
    if (round.status === 'closed') throw new AppError('conflict', 'Uppföljningen är stängd.');
    const [state, comment] = await fn(trx, item, round);
    await repo.setItemState(trx, actor.tenantId, itemId, state, actor.label, comment);
    await recordAudit(trx, audit(actor, `follow_up_item.${state}`, round.id, { item: itemId, kind: item.kind, comment }));
  });
}

/** The owner marks an item ready: only once it is filled in. */
export async function markReady(actor: Actor, itemId: string, { db }: { db: Db }): Promise<void> {
  await changeItem(actor, itemId, db, async (trx, item, round) => {
    if (!canDefine(actor) && !coversUnit(actor, REPORT_ROLES, await unitPath(trx, actor.tenantId, item.owner_unit_id)))
      throw new AppError('forbidden', 'Punkten rapporteras av en annan enhet.');
    if (!(await isFilledIn(trx, actor.tenantId, item, round.period))) throw new AppError('conflict', NOT_FILLED[item.kind]);
    return ['ready', null];
  });
}

/** The quality strategist sends an item back with a comment. */
export async function sendBack(actor: Actor, itemId: string, input: unknown, { db }: { db: Db }): Promise<void> {
  requireDefine(actor);
  const v = validate(SendBackInput, input, { comment: 'Skriv varför punkten skickas tillbaka.' });
  await changeItem(actor, itemId, db, async () => ['sent_back', v.comment.trim()]);
}

export async function progressBoard(actor: Actor, roundId: string, { db }: { db: Db }) {
  requireDefine(actor);
  const round = await getRound(actor, roundId, { db });
  const items = await describeItems(db, actor.tenantId, await repo.listItems(db, actor.tenantId, roundId));
  const byUnit = new Map<string, ItemView[]>();
  for (const i of items) byUnit.set(i.ownerUnitId, [...(byUnit.get(i.ownerUnitId) ?? []), i]);
  const count = (list: ItemView[], s: ItemState) => list.filter((i) => i.state === s).length;
  return {
    round: presentRound(round),
    units: [...byUnit.entries()]
      .map(([unitId, list]) => ({
        unitId,
        unitName: list[0]?.ownerUnitName ?? '',
        ready: count(list, 'ready'),
        started: count(list, 'started'),
        notStarted: count(list, 'not_started'),
        sentBack: count(list, 'sent_back'),
        items: list,
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'sv')),
  };
}

export async function closeRound(actor: Actor, roundId: string, { db }: { db: Db }): Promise<RoundRow> {
  requireDefine(actor);
  return db.transaction().execute(async (trx) => {
    const round = await repo.findRound(trx, actor.tenantId, roundId, { lock: true });
    if (!round) throw notFound('Uppföljningen');
    if (round.status === 'closed') throw new AppError('conflict', 'Uppföljningen är redan stängd.');
    const closed = await repo.closeRound(trx, actor.tenantId, roundId);
    await recordAudit(trx, audit(actor, 'follow_up_round.closed', roundId, { period: round.period }));
    return closed;
  });
}
