// Staff forms for the work under the plan (quality or admin; anyone else gets 403): indicators
// (with their source), assignments and initiatives, action plans and their activities.

import type { App, AppContext } from '../../http/context.ts';
import type { Actor } from '../accounts/actor.ts';
import { listPromises } from '../promises/promises.service.ts';
import { addActivity, createActionPlan, getActionPlan, getActivity, updateActionPlan, updateActivity } from './action-plans.service.ts';
import { createAssignment, getAssignment, updateAssignment } from './assignments.service.ts';
import { defineForms, lookups, numberText, s } from './define.form.ts';
import {
  actionPlanFields,
  actionPlanInput,
  activityFields,
  activityInput,
  assignmentFields,
  assignmentInput,
  budgetText,
  indicatorFields,
  indicatorInput,
} from './define.work-fields.ts';
import { uuidParam } from './goals.staff.routes.ts';
import { createIndicator, getIndicatorRow, goalLinks, listIndicatorRows, sourceOf, updateIndicator } from './indicators.service.ts';

export function registerDefineWorkStaffRoutes(app: App, { db }: AppContext): void {
  const { page, post } = defineForms(app, db);
  const back = { href: '/staff/goals', label: 'Mål och uppföljning' };

  // Indicators
  const indicatorLookups = async (actor: Actor) => {
    const l = await lookups(db, actor);
    const promises = (await listPromises(db, actor.tenantId)).map((p) => ({ value: p.id, label: p.current.title }));
    return indicatorFields(l, promises);
  };
  const newIndicator = page('/staff/goals/indicators/new', async (actor, request) => {
    const goal = ((request.query ?? {}) as Record<string, string | undefined>).goal;
    return {
      title: 'Ny indikator',
      back,
      forms: [
        {
          id: 'indicator-form',
          form: { action: '/staff/goals/indicators', fields: await indicatorLookups(actor), submit: 'Skapa indikatorn' },
          values: { level: 'KF', decimals: '0', direction: 'higher', sourceType: 'manual', goalIds: goal ? [goal] : [] },
        },
      ],
    };
  });
  post('/staff/goals/indicators', newIndicator, 'indicator-form', async (actor, _request, v) => {
    const row = await createIndicator(actor, indicatorInput(v), { db });
    return { to: `/staff/goals/indicators/${row.id}`, flash: `${row.title} är skapad.` };
  });

  const editIndicator = page('/staff/goals/indicators/:id/edit', async (actor, request) => {
    const i = await getIndicatorRow(actor, uuidParam(request), { db });
    const links = await goalLinks(db, actor.tenantId, { indicatorIds: [i.id] });
    const source = sourceOf(i) as unknown as Record<string, unknown>;
    return {
      title: `Ändra ${i.title}`,
      back: { href: `/staff/goals/indicators/${i.id}`, label: 'Tillbaka till indikatorn' },
      forms: [
        {
          id: 'indicator-form',
          form: { action: `/staff/goals/indicators/${i.id}`, fields: await indicatorLookups(actor), submit: 'Spara indikatorn' },
          values: {
            code: s(i.code),
            title: i.title,
            level: i.level,
            ownerUnitId: i.owner_unit_id,
            unit: i.unit,
            decimals: s(i.decimals),
            direction: i.direction,
            intervalMin: numberText(i.interval_min),
            intervalMax: numberText(i.interval_max),
            tolerance: i.tolerance === null ? '' : numberText(Math.round(i.tolerance * 10000) / 100),
            definition: i.definition,
            dataSource: i.data_source,
            sourceType: String(source.type),
            ...Object.fromEntries(Object.entries(source).flatMap(([k, x]) => (k === 'type' ? [] : [[`source_${k}`, String(x)]]))),
            goalIds: links.map((x) => x.goal_id),
          },
        },
      ],
    };
  });
  post('/staff/goals/indicators/:id', editIndicator, 'indicator-form', async (actor, request, v) => {
    const row = await updateIndicator(actor, uuidParam(request), indicatorInput(v), { db });
    return { to: `/staff/goals/indicators/${row.id}`, flash: 'Indikatorn är sparad.' };
  });

  // Assignments and initiatives
  const newAssignment = page('/staff/goals/assignments/new', async (actor) => ({
    title: 'Nytt uppdrag eller nämndinitiativ',
    back: { href: '/staff/goals/assignments', label: 'Uppdrag och initiativ' },
    forms: [
      {
        id: 'assignment-form',
        form: { action: '/staff/goals/assignments', fields: assignmentFields(await lookups(db, actor)), submit: 'Skapa uppdraget' },
        values: { kind: 'assignment', isNew: 'true', status: 'not_started' },
      },
    ],
  }));
  post('/staff/goals/assignments', newAssignment, 'assignment-form', async (actor, _request, v) => {
    const row = await createAssignment(actor, assignmentInput(v), { db });
    return { to: '/staff/goals/assignments', flash: `${row.title} är skapat.` };
  });

  const editAssignment = page('/staff/goals/assignments/:id/edit', async (actor, request) => {
    const { row: a } = await getAssignment(actor, uuidParam(request), { db });
    return {
      title: `Ändra ${a.title}`,
      back: { href: '/staff/goals/assignments', label: 'Uppdrag och initiativ' },
      forms: [
        {
          id: 'assignment-form',
          form: {
            action: `/staff/goals/assignments/${a.id}`,
            fields: assignmentFields(await lookups(db, actor)),
            submit: 'Spara uppdraget',
          },
          values: {
            kind: a.kind,
            code: s(a.code),
            title: a.title,
            originBody: a.origin_body,
            originDecisionDate: s(a.origin_decision_date),
            originRegistrationNumber: s(a.origin_registration_number),
            goalId: s(a.goal_id),
            responsibleUnitId: a.responsible_unit_id,
            isNew: a.is_new ? 'true' : '',
            endDate: s(a.end_date),
            decisionInstance: a.decision_instance,
            boardReportDate: s(a.board_report_date),
            secretariatDate: s(a.secretariat_date),
            description: a.description,
            doneCriteria: a.done_criteria,
            status: a.status,
          },
        },
      ],
    };
  });
  post('/staff/goals/assignments/:id', editAssignment, 'assignment-form', async (actor, request, v) => {
    const row = await updateAssignment(actor, uuidParam(request), assignmentInput(v), { db });
    return { to: '/staff/goals/assignments', flash: `${row.title} är sparat.` };
  });

  // Action plans and their activities
  const newActionPlan = page('/staff/goals/action-plans/new', async (actor) => {
    const indicators = (await listIndicatorRows(actor, {}, { db })).map((i) => ({ value: i.id, label: i.title }));
    return {
      title: 'Ny handlingsplan',
      back: { href: '/staff/goals/action-plans', label: 'Handlingsplaner' },
      intro: <p>Aktiviteterna läggs till på handlingsplanens sida när planen är skapad.</p>,
      forms: [
        {
          id: 'action-plan-form',
          form: {
            action: '/staff/goals/action-plans',
            fields: actionPlanFields(await lookups(db, actor), indicators),
            submit: 'Skapa handlingsplanen',
          },
          values: { followUpInterval: 'tertial' },
        },
      ],
    };
  });
  post('/staff/goals/action-plans', newActionPlan, 'action-plan-form', async (actor, _request, v) => {
    const id = await createActionPlan(actor, actionPlanInput(v), { db });
    return { to: `/staff/goals/action-plans/${id}`, flash: 'Handlingsplanen är skapad. Lägg till aktiviteterna.' };
  });

  const editActionPlan = page('/staff/goals/action-plans/:id/edit', async (actor, request) => {
    const plan = await getActionPlan(actor, uuidParam(request), { db });
    const indicators = (await listIndicatorRows(actor, {}, { db })).map((i) => ({ value: i.id, label: i.title }));
    return {
      title: `Ändra ${plan.title}`,
      back: { href: `/staff/goals/action-plans/${plan.id}`, label: 'Tillbaka till handlingsplanen' },
      intro: <p>Aktiviteterna ändras var för sig på handlingsplanens sida.</p>,
      forms: [
        {
          id: 'action-plan-form',
          form: {
            action: `/staff/goals/action-plans/${plan.id}`,
            fields: actionPlanFields(await lookups(db, actor), indicators),
            submit: 'Spara handlingsplanen',
          },
          values: {
            title: plan.title,
            purpose: plan.purpose,
            responsibleUnitId: plan.responsibleUnitId,
            periodFrom: plan.periodFrom,
            periodTo: plan.periodTo,
            goalsText: plan.goalsText,
            indicatorIds: plan.indicatorIds,
            budget: budgetText(plan.budget),
            followUpInterval: plan.followUpInterval,
          },
        },
      ],
    };
  });
  post('/staff/goals/action-plans/:id', editActionPlan, 'action-plan-form', async (actor, request, v) => {
    const id = uuidParam(request);
    await updateActionPlan(actor, id, actionPlanInput(v), { db });
    return { to: `/staff/goals/action-plans/${id}`, flash: 'Handlingsplanen är sparad.' };
  });

  const newActivity = page('/staff/goals/action-plans/:id/activities/new', async (actor, request) => {
    const plan = await getActionPlan(actor, uuidParam(request), { db });
    const next = Math.max(0, ...plan.activities.map((a) => a.number)) + 1;
    return {
      title: `Ny aktivitet i ${plan.title}`,
      back: { href: `/staff/goals/action-plans/${plan.id}`, label: 'Tillbaka till handlingsplanen' },
      forms: [
        {
          id: 'activity-form',
          form: {
            action: `/staff/goals/action-plans/${plan.id}/activities`,
            fields: activityFields(await lookups(db, actor)),
            submit: 'Lägg till aktiviteten',
          },
          values: { number: String(next), responsibleUnitId: plan.responsibleUnitId, status: 'not_started' },
        },
      ],
    };
  });
  post('/staff/goals/action-plans/:id/activities', newActivity, 'activity-form', async (actor, request, v) => {
    const id = uuidParam(request);
    const row = await addActivity(actor, id, activityInput(v), { db });
    return { to: `/staff/goals/action-plans/${id}`, flash: `Aktivitet ${row.number} är tillagd.` };
  });

  const editActivity = page('/staff/goals/activities/:id/edit', async (actor, request) => {
    const a = await getActivity(actor, uuidParam(request), { db });
    return {
      title: `Ändra aktivitet ${a.number}`,
      back: { href: `/staff/goals/action-plans/${a.action_plan_id}`, label: 'Tillbaka till handlingsplanen' },
      forms: [
        {
          id: 'activity-form',
          form: {
            action: `/staff/goals/activities/${a.id}`,
            fields: activityFields(await lookups(db, actor)),
            submit: 'Spara aktiviteten',
          },
          values: {
            number: s(a.number),
            title: a.title,
            purpose: a.purpose,
            steps: a.steps,
            startDate: a.start_date,
            endDate: a.end_date,
            responsibleUnitId: a.responsible_unit_id,
            status: a.status,
          },
        },
      ],
    };
  });
  post('/staff/goals/activities/:id', editActivity, 'activity-form', async (actor, request, v) => {
    const row = await updateActivity(actor, uuidParam(request), activityInput(v), { db });
    return { to: `/staff/goals/action-plans/${row?.action_plan_id ?? ''}`, flash: 'Aktiviteten är sparad.' };
  });
}
