import type { App, AppContext } from '../../http/context.ts';
import { defineForms, lookups, nul, s } from './define.form.ts';
import {
  areaFields,
  areaInput,
  BoardTextLinks,
  boardTextForm,
  boardTextInput,
  boardTextValues,
  goalFields,
  goalInput,
  planFields,
  planInput,
} from './define.plan-fields.tsx';
import { registerDefineWorkStaffRoutes } from './define.work.staff.routes.tsx';
import * as goalsRepo from './goals.repo.ts';
import {
  createGoal,
  createGoalArea,
  createPlan,
  getGoal,
  getGoalArea,
  getPlan,
  putBoardText,
  updateGoal,
  updateGoalArea,
  updatePlan,
} from './goals.service.ts';
import { uuidParam } from './goals.staff.routes.ts';

export function registerDefineStaffRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  const { page, post } = defineForms(app, db);

  const back = { href: '/staff/goals', label: 'Mål och uppföljning' };
  const planBack = (planId: string) => ({ href: `/staff/goals?plan=${planId}`, label: 'Tillbaka till planen' });

  // Plans
  const newPlan = page('/staff/goals/plans/new', async (actor) => ({
    title: 'Ny plan',
    back,
    forms: [
      {
        id: 'plan-form',
        form: { action: '/staff/goals/plans', fields: planFields(await lookups(db, actor), true), submit: 'Skapa planen' },
        values: {},
      },
    ],
  }));
  post('/staff/goals/plans', newPlan, 'plan-form', async (actor, _request, v) => {
    const row = await createPlan(actor, { ...planInput(v), parentPlanId: nul(v.parentPlanId), boardUnitId: nul(v.boardUnitId) }, { db });
    return { to: `/staff/goals?plan=${row.id}`, flash: `${row.title} är skapad.` };
  });

  const editPlan = page('/staff/goals/plans/:id/edit', async (actor, request) => {
    const p = await getPlan(actor, uuidParam(request), { db });
    return {
      title: `Ändra ${p.title}`,
      back: planBack(p.id),
      forms: [
        {
          id: 'plan-form',
          form: { action: `/staff/goals/plans/${p.id}`, fields: planFields(await lookups(db, actor), false), submit: 'Spara planen' },
          values: {
            title: p.title,
            firstYear: s(p.first_year),
            lastYear: s(p.last_year),
            decidedBy: s(p.decided_by),
            decisionDate: s(p.decision_date),
            registrationNumber: s(p.registration_number),
          },
        },
      ],
    };
  });
  post('/staff/goals/plans/:id', editPlan, 'plan-form', async (actor, request, v) => {
    const row = await updatePlan(actor, uuidParam(request), planInput(v), { db });
    return { to: `/staff/goals?plan=${row.id}`, flash: 'Planen är sparad.' };
  });

  // Goal areas
  const newArea = page('/staff/goals/plans/:id/goal-areas/new', async (actor, request) => {
    const p = await getPlan(actor, uuidParam(request), { db });
    return {
      title: `Nytt målområde i ${p.title}`,
      back: planBack(p.id),
      forms: [
        {
          id: 'area-form',
          form: { action: `/staff/goals/plans/${p.id}/goal-areas`, fields: areaFields, submit: 'Skapa målområdet' },
          values: {},
        },
      ],
    };
  });
  post('/staff/goals/plans/:id/goal-areas', newArea, 'area-form', async (actor, request, v) => {
    const row = await createGoalArea(actor, uuidParam(request), areaInput(v), { db });
    return { to: `/staff/goals?plan=${row.plan_id}#area-${row.number}`, flash: `Målområde ${row.number} är skapat.` };
  });

  const editArea = page('/staff/goals/goal-areas/:id/edit', async (actor, request) => {
    const a = await getGoalArea(actor, uuidParam(request), { db });
    const texts = await goalsRepo.listBoardTexts(db, actor.tenantId, { goalAreaIds: [a.id], goalIds: [] });
    const l = await lookups(db, actor);
    return {
      title: `Ändra målområde ${a.number}`,
      back: planBack(a.plan_id),
      intro: BoardTextLinks({ texts, boards: l.boards, href: `/staff/goals/goal-areas/${a.id}/edit`, what: 'bidrag' }),
      forms: [
        {
          id: 'area-form',
          form: { action: `/staff/goals/goal-areas/${a.id}`, fields: areaFields, submit: 'Spara målområdet' },
          values: { number: s(a.number), title: a.title, ambition: a.ambition, inPractice: a.in_practice, position: s(a.position) },
        },
        {
          id: 'board-text-form',
          form: { ...boardTextForm(`/staff/goals/goal-areas/${a.id}/board-texts`, l), heading: 'Nämndens bidrag till målområdet ett år' },
          values: boardTextValues(request, texts),
        },
      ],
    };
  });
  post('/staff/goals/goal-areas/:id', editArea, 'area-form', async (actor, request, v) => {
    const row = await updateGoalArea(actor, uuidParam(request), areaInput(v), { db });
    return { to: `/staff/goals?plan=${row.plan_id}#area-${row.number}`, flash: 'Målområdet är sparat.' };
  });
  post('/staff/goals/goal-areas/:id/board-texts', editArea, 'board-text-form', async (actor, request, v) => {
    const id = uuidParam(request);
    await putBoardText(actor, { goalAreaId: id }, boardTextInput(v), { db });
    return { to: `/staff/goals/goal-areas/${id}/edit`, flash: 'Nämndens text är sparad.' };
  });

  // Goals: a direction goal, or a board's operational goal under one
  const newGoal = page('/staff/goals/goal-areas/:id/goals/new', async (actor, request) => {
    const a = await getGoalArea(actor, uuidParam(request), { db });
    const l = await lookups(db, actor);
    const parent = ((request.query ?? {}) as Record<string, string | undefined>).parent;
    return {
      title: `Nytt mål i målområde ${a.number}`,
      back: planBack(a.plan_id),
      forms: [
        {
          id: 'goal-form',
          form: {
            action: `/staff/goals/goal-areas/${a.id}/goals`,
            submit: 'Skapa målet',
            fields: [
              ...goalFields,
              {
                kind: 'heading',
                label: 'Verksamhetsmål',
                hint: 'Fyll i båda för en nämnds verksamhetsmål; lämna tomma för ett inriktningsmål.',
              },
              { kind: 'select', name: 'parentGoalId', label: 'Under inriktningsmål', options: l.directionGoals(a.id), empty: 'Inget' },
              { kind: 'select', name: 'boardUnitId', label: 'Nämnd', options: l.boards, empty: 'Ingen' },
            ],
          },
          values: { parentGoalId: parent },
        },
      ],
    };
  });
  post('/staff/goals/goal-areas/:id/goals', newGoal, 'goal-form', async (actor, request, v) => {
    const parentGoalId = nul(v.parentGoalId);
    const row = await createGoal(
      actor,
      uuidParam(request),
      { ...goalInput(v), kind: parentGoalId ? 'operational' : 'direction', parentGoalId, boardUnitId: nul(v.boardUnitId) },
      { db },
    );
    return { to: `/staff/goals/goals/${row.id}`, flash: `Mål ${row.number} är skapat.` };
  });

  const editGoal = page('/staff/goals/goals/:id/edit', async (actor, request) => {
    const g = await getGoal(actor, uuidParam(request), { db });
    const texts = await goalsRepo.listBoardTexts(db, actor.tenantId, { goalAreaIds: [], goalIds: [g.id] });
    const l = await lookups(db, actor);
    return {
      title: `Ändra mål ${g.number}`,
      back: { href: `/staff/goals/goals/${g.id}`, label: `Tillbaka till mål ${g.number}` },
      intro: BoardTextLinks({ texts, boards: l.boards, href: `/staff/goals/goals/${g.id}/edit`, what: 'arbete' }),
      forms: [
        {
          id: 'goal-form',
          form: { action: `/staff/goals/goals/${g.id}`, fields: goalFields, submit: 'Spara målet' },
          values: { number: g.number, title: g.title, text: g.text, position: s(g.position) },
        },
        {
          id: 'board-text-form',
          form: { ...boardTextForm(`/staff/goals/goals/${g.id}/board-texts`, l), heading: 'Nämndens arbete inom målet ett år' },
          values: boardTextValues(request, texts),
        },
      ],
    };
  });
  post('/staff/goals/goals/:id', editGoal, 'goal-form', async (actor, request, v) => {
    const row = await updateGoal(actor, uuidParam(request), goalInput(v), { db });
    return { to: `/staff/goals/goals/${row.id}`, flash: 'Målet är sparat.' };
  });
  post('/staff/goals/goals/:id/board-texts', editGoal, 'board-text-form', async (actor, request, v) => {
    const id = uuidParam(request);
    await putBoardText(actor, { goalId: id }, boardTextInput(v), { db });
    return { to: `/staff/goals/goals/${id}`, flash: 'Nämndens text är sparad.' };
  });
  registerDefineWorkStaffRoutes(app, ctx);
}
