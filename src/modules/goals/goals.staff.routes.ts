// Staff pages of goals and follow-up: post → redirect → get; a form with errors is shown again
// with status 400, an error summary and what was typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits } from '../org/org.service.ts';
import { getActionPlan, listActionPlans } from './action-plans.service.ts';
import { ActionPlanPage, ActionPlansPage } from './action-plans.views.tsx';
import { WORK_STATUSES } from './assignments.schemas.ts';
import { listAssignments, presentAssignment } from './assignments.service.ts';
import { AssignmentsPage } from './assignments.views.tsx';
import { formField } from './define.views.tsx';
import { canDefine, canReport } from './goals.access.ts';
import { indicatorChart, timelineChart } from './goals.chart.ts';
import { goalDetail, indicatorDetail, planTree } from './goals.read.ts';
import * as goalsRepo from './goals.repo.ts';
import { getGoalArea, listPlans } from './goals.service.ts';
import { GoalPage, PlanTreePage } from './goals.views.tsx';
import { IndicatorPage } from './indicator.views.tsx';
import { listIndicatorRows, putIndicatorValues } from './indicators.service.ts';
import { periodRange } from './periods.ts';
import { parseDecimal } from './rounds.report.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function uuidParam(request: FastifyRequest, name = 'id'): string {
  const value = (request.params as Record<string, string>)[name] ?? '';
  if (!UUID.test(value)) throw notFound('Sidan');
  return value;
}

export function formBody(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>))
    if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

/** Field errors and refusals are shown in the form; anything else goes to the error page. */
export function formErrors(error: unknown): FieldError[] {
  if (error instanceof AppError && error.fields.length > 0) return error.fields;
  if (error instanceof AppError && ['conflict', 'validation', 'forbidden'].includes(error.code))
    return [{ field: 'form', message: error.message }];
  throw error;
}

const query = (request: FastifyRequest) => (request.query ?? {}) as Record<string, string | undefined>;
const optionalUuid = (v: string | undefined) => (v && UUID.test(v) ? v : undefined);

export function registerGoalStaffRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  // Read per request, so a test can set the clock.
  const today = () => localDate(ctx.now?.() ?? new Date());
  addStaffNav({ href: '/staff/goals', label: 'Mål och uppföljning', order: 40 });
  addStaffNav({
    href: '/staff/goals/report',
    label: 'Att rapportera',
    order: 41,
    roles: ['quality', 'officer', 'agent', 'secretary', 'admin'],
  });

  app.get('/staff/goals', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const q = query(request);
    const plans = await listPlans(actor, { db });
    // Without a choice: the council's plan if it holds goal areas, else the first plan that does (a board's verksamhetsplan).
    const withAreas = plans.filter((p) => Number(p.goal_area_count) > 0);
    const planId = optionalUuid(q.plan) ?? (withAreas.find((p) => p.parent_plan_id === null) ?? withAreas[0] ?? plans[0])?.id;
    const filter = { board: optionalUuid(q.board), unit: optionalUuid(q.unit) };
    const tree = planId ? await planTree(actor, planId, { boardUnitId: filter.board, unitId: filter.unit }, { db }) : null;
    const verdicts = new Map<string, { status: 'met' | 'partly' | 'not_met' | 'no_data'; reason: string; period: string }>();
    const cache = new Map<string, Promise<number | null>>();
    for (const i of tree?.indicators ?? []) {
      const d = await indicatorDetail(actor, i.id, { db, cache });
      const judged = d.assessments.filter((a) => a.status !== 'no_data');
      const last = judged.at(-1) ?? d.assessments.at(-1);
      if (last) verdicts.set(i.id, last);
    }
    const units = await listUnits(db, actor.tenantId);
    return html(
      reply,
      renderPage(PlanTreePage({ session, plans, tree, units, filter, verdicts, canDefine: canDefine(actor), flash: takeFlash(request) })),
    );
  });

  const indicatorPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    values: Record<string, string> = {},
  ) => {
    const { actor, session } = staffContext(request, reply);
    const indicator = await indicatorDetail(actor, uuidParam(request), { db });
    const years = (kind: string) =>
      indicator.values
        .filter((v) => v.kind === kind && v.value !== null && periodRange(v.period)?.kind === 'year')
        .map((v) => ({ year: Number(v.period), value: v.value ?? 0 }));
    const series = { outcome: years('outcome'), target: years('target'), forecast: years('forecast') };
    const hasData = series.outcome.length + series.target.length + series.forecast.length > 0;
    const chartSvg = hasData
      ? indicatorChart({ ...series, decimals: indicator.decimals, ariaLabel: 'Diagram: utfall, mål och prognos per år för indikatorn' })
      : null;
    const units = await listUnits(db, actor.tenantId);
    const page = IndicatorPage({
      session,
      indicator,
      ownerName: units.find((u) => u.id === indicator.ownerUnitId)?.name ?? '',
      chartSvg,
      canReport: await canReport(db, actor, indicator.ownerUnitId),
      canDefine: canDefine(actor),
      flash: takeFlash(request),
      errors,
      values,
    });
    return html(reply, renderPage(page), errors.length ? 400 : 200);
  };

  app.get('/staff/goals/indicators/:id', (request, reply) => indicatorPage(request, reply));

  app.post('/staff/goals/indicators/:id/values', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidParam(request);
    const form = formBody(request);
    try {
      const value = parseDecimal(form.value, 'value');
      const { changed } = await putIndicatorValues(
        actor,
        id,
        [{ period: (form.period ?? '').trim(), kind: form.kind ?? 'outcome', value, comment: form.comment || null }],
        { db },
      );
      request.session.flash = changed ? 'Värdet är sparat.' : 'Inget ändrades.';
      return reply.redirect(`/staff/goals/indicators/${id}`, 303);
    } catch (error) {
      const errors = formErrors(error).map((e) => ({ ...e, field: formField(e.field) }));
      return indicatorPage(request, reply, errors, form);
    }
  });

  app.get('/staff/goals/goals/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const goal = await goalDetail(actor, uuidParam(request), { db });
    const area = await getGoalArea(actor, goal.goalAreaId, { db });
    const siblings = await goalsRepo.listGoals(db, actor.tenantId, [area.id]);
    const parent = siblings.find((x) => x.id === goal.parentGoalId) ?? null;
    const [indicators, assignments] = await Promise.all([
      listIndicatorRows(actor, { ids: goal.indicatorIds }, { db }),
      listAssignments(actor, { goalIds: [goal.id] }, { db }),
    ]);
    const units = new Map((await listUnits(db, actor.tenantId)).map((u) => [u.id, u.name]));
    const page = GoalPage({
      session,
      goal,
      planId: area.plan_id,
      parent: parent && { id: parent.id, number: parent.number, title: parent.title },
      children: siblings.filter((x) => x.parent_goal_id === goal.id).map((x) => ({ id: x.id, number: x.number, title: x.title })),
      indicators: indicators.map((i) => ({ id: i.id, title: i.title })),
      assignments: assignments.map(({ row }) => ({ id: row.id, title: row.title, status: row.status, endDate: row.end_date })),
      unitName: (id) => units.get(id) ?? '',
      canDefine: canDefine(actor),
      flash: takeFlash(request),
    });
    return html(reply, renderPage(page));
  });

  app.get('/staff/goals/assignments', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const q = query(request);
    const status = WORK_STATUSES.find((s) => s === q.status);
    const filter = {
      unit: optionalUuid(q.unit),
      status,
      overdue: q.overdue === 'true',
      sort: q.sort === 'title' ? ('title' as const) : ('end_date' as const),
    };
    const day = today();
    const rows = await listAssignments(
      actor,
      { unitId: filter.unit, status, overdue: filter.overdue, sort: filter.sort },
      { db, today: day },
    );
    const units = await listUnits(db, actor.tenantId);
    const page = AssignmentsPage({
      session,
      assignments: rows.map((r) => presentAssignment(r, day)),
      units,
      filter,
      canDefine: canDefine(actor),
      flash: takeFlash(request),
    });
    return html(reply, renderPage(page));
  });

  app.get('/staff/goals/action-plans', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    return html(reply, renderPage(ActionPlansPage({ session, plans: await listActionPlans(actor, { db }), canDefine: canDefine(actor) })));
  });

  app.get('/staff/goals/action-plans/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const plan = await getActionPlan(actor, uuidParam(request), { db });
    const units = new Map((await listUnits(db, actor.tenantId)).map((u) => [u.id, u.name]));
    const indicators = (await listIndicatorRows(actor, { ids: plan.indicatorIds }, { db })).map((i) => ({ id: i.id, title: i.title }));
    const chartSvg = timelineChart(
      plan.activities.map((a) => ({ label: `${a.number}`, start: a.startDate, end: a.endDate, done: a.status === 'done' })),
      'Diagram: handlingsplanens aktiviteter på en tidslinje',
    );
    const page = ActionPlanPage({
      session,
      plan,
      unitName: (id) => units.get(id) ?? '',
      indicators,
      chartSvg,
      canDefine: canDefine(actor),
      flash: takeFlash(request),
    });
    return html(reply, renderPage(page));
  });
}
