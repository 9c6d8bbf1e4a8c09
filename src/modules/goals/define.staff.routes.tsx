// Staff forms that define the plan (quality or admin; anyone else gets 403): plans, goal areas,
// direction and operational goals, boards' texts per year, indicators (with their source), assignments,
// action plans and their activities. Each form posts to the same service the JSON API uses, so
// the rules and messages are the API's; post → redirect → get, a form with errors is shown again
// with 400, an error summary and what was typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { App, AppContext } from '../../http/context.ts';
import { type FieldError, invalid } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import type { Actor } from '../accounts/actor.ts';
import { listUnits } from '../org/org.service.ts';
import { listPromises } from '../promises/promises.service.ts';
import { INTERVAL_NAMES, INTERVALS } from './action-plans.schemas.ts';
import { addActivity, createActionPlan, getActionPlan, getActivity, updateActivity } from './action-plans.service.ts';
import { WORK_STATUS_NAMES, WORK_STATUSES } from './assignments.schemas.ts';
import { createAssignment, getAssignment, updateAssignment } from './assignments.service.ts';
import { type DefineForm, DefinePage, type FormField, type FormValues, formField, type Option } from './define.views.tsx';
import { requireDefine } from './goals.access.ts';
import * as goalsRepo from './goals.repo.ts';
import { UNITS_OF_MEASURE } from './goals.schemas.ts';
import {
  createGoal,
  createGoalArea,
  createPlan,
  getGoal,
  getGoalArea,
  getPlan,
  listPlans,
  putBoardText,
  updateGoal,
  updateGoalArea,
  updatePlan,
} from './goals.service.ts';
import { formErrors, uuidParam } from './goals.staff.routes.ts';
import { createIndicator, getIndicatorRow, goalLinks, listIndicatorRows, sourceOf, updateIndicator } from './indicators.service.ts';
import { parseDecimal } from './rounds.report.ts';
import { sourceKinds } from './sources.ts';

type Page = Omit<Parameters<typeof DefinePage>[0], 'session' | 'errors' | 'active' | 'flash'>;
type Failed = { form: string; errors: FieldError[]; values: FormValues };
type Show = (request: FastifyRequest, reply: FastifyReply, failed?: Failed) => Promise<FastifyReply>;

// Form values → service input. Empty optional text is left out, an empty nullable one is null; a
// number that is not one is passed on as typed, so the service's schema names the field.
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean);
const opt = (v: string | string[] | undefined) => one(v) || undefined;
const nul = (v: string | string[] | undefined) => one(v) || null;
function int(v: string | string[] | undefined): number | string | undefined {
  const s = one(v).replace(/\s/g, '');
  if (s === '') return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}
const dec = (v: string | string[] | undefined, field: string) => parseDecimal(one(v), field);

/** The form's fields as posted (the CSRF token is checked by the app and left out). */
function readForm(request: FastifyRequest): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

interface Lookups {
  units: Option[];
  boards: Option[];
  plans: Option[];
  goals: Option[];
  directionGoals: (goalAreaId: string) => Option[];
}

async function lookups(db: Db, actor: Actor): Promise<Lookups> {
  const units = await listUnits(db, actor.tenantId);
  const plans = await listPlans(actor, { db });
  const areas = (await Promise.all(plans.map((p) => goalsRepo.listGoalAreas(db, actor.tenantId, p.id)))).flat();
  const goals = await goalsRepo.listGoals(
    db,
    actor.tenantId,
    areas.map((a) => a.id),
  );
  const planOf = new Map(areas.map((a) => [a.id, plans.find((p) => p.id === a.plan_id)?.title ?? '']));
  return {
    units: units.map((u) => ({ value: u.id, label: u.name })),
    boards: units.filter((u) => u.kind === 'board' || u.kind === 'council').map((u) => ({ value: u.id, label: u.name })),
    plans: plans.map((p) => ({ value: p.id, label: p.title })),
    goals: goals.map((g) => ({
      value: g.id,
      label: `${g.kind === 'operational' ? 'Verksamhetsmål' : 'Inriktningsmål'} ${g.number} ${g.title} (${planOf.get(g.goal_area_id)})`,
    })),
    directionGoals: (goalAreaId) =>
      goals
        .filter((g) => g.goal_area_id === goalAreaId && g.kind === 'direction')
        .map((g) => ({ value: g.id, label: `${g.number} ${g.title}` })),
  };
}

const YEAR_HINT = 'Fyra siffror, till exempel 2026.';
const DATE_HINT = 'ÅÅÅÅ-MM-DD, till exempel 2026-04-30.';
const TEXT_HINT = 'Vanlig text. Tom rad mellan stycken, "- " först på raden i en lista.';

function planFields(l: Lookups, isNew: boolean): FormField[] {
  return [
    { kind: 'text', name: 'title', label: 'Planens namn', hint: 'Till exempel Mål och budget 2025–2027.' },
    { kind: 'number', name: 'firstYear', label: 'Första år', hint: YEAR_HINT },
    { kind: 'number', name: 'lastYear', label: 'Sista år', hint: YEAR_HINT },
    { kind: 'text', name: 'decidedBy', label: 'Beslutad av', hint: 'Till exempel Kommunfullmäktige.' },
    { kind: 'date', name: 'decisionDate', label: 'Beslutsdatum', hint: DATE_HINT },
    { kind: 'text', name: 'registrationNumber', label: 'Diarienummer' },
    ...(isNew
      ? ([
          {
            kind: 'select',
            name: 'parentPlanId',
            label: 'Överordnad plan',
            options: l.plans,
            empty: 'Ingen – kommunens egen plan',
            hint: 'Välj planen och nämnden för en nämnds verksamhetsplan.',
          },
          { kind: 'select', name: 'boardUnitId', label: 'Nämnd', options: l.boards, empty: 'Ingen' },
        ] satisfies FormField[])
      : []),
  ];
}

const planInput = (v: FormValues) => ({
  title: one(v.title),
  firstYear: int(v.firstYear),
  lastYear: int(v.lastYear),
  decidedBy: nul(v.decidedBy),
  decisionDate: nul(v.decisionDate),
  registrationNumber: nul(v.registrationNumber),
});

const areaFields: FormField[] = [
  { kind: 'number', name: 'number', label: 'Nummer', hint: 'Målområdets nummer, 1–99.' },
  { kind: 'text', name: 'title', label: 'Namn' },
  { kind: 'textarea', name: 'ambition', label: 'Ambition 2035', hint: TEXT_HINT },
  { kind: 'textarea', name: 'inPractice', label: 'Vad betyder det i praktiken?', hint: TEXT_HINT },
  { kind: 'number', name: 'position', label: 'Ordning', hint: 'Lägre visas först. Tomt = samma som numret.' },
];
const areaInput = (v: FormValues) => ({
  number: int(v.number),
  title: one(v.title),
  ambition: one(v.ambition),
  inPractice: one(v.inPractice),
  position: int(v.position),
});

const goalFields: FormField[] = [
  { kind: 'text', name: 'number', label: 'Nummer', hint: 'Till exempel 1.1, eller 1.1.2 för ett verksamhetsmål.' },
  { kind: 'text', name: 'title', label: 'Namn' },
  { kind: 'textarea', name: 'text', label: 'Text', hint: TEXT_HINT },
  { kind: 'number', name: 'position', label: 'Ordning', hint: 'Lägre visas först.' },
];
const goalInput = (v: FormValues) => ({ number: one(v.number), title: one(v.title), text: one(v.text), position: int(v.position) });

function boardTextForm(action: string, l: Lookups): DefineForm {
  return {
    action,
    heading: 'Nämndens text för ett år',
    submit: 'Spara texten',
    fields: [
      { kind: 'select', name: 'boardUnitId', label: 'Nämnd', options: l.boards, empty: 'Välj nämnd' },
      { kind: 'number', name: 'year', label: 'År', hint: YEAR_HINT },
      { kind: 'textarea', name: 'text', label: 'Text', hint: TEXT_HINT },
    ],
  };
}
const boardTextInput = (v: FormValues) => ({ boardUnitId: one(v.boardUnitId), year: int(v.year), text: one(v.text) });

/** Prefills the board-text form from ?board=…&year=… (the "Ändra" links beside each text). */
function boardTextValues(request: FastifyRequest, texts: { board_unit_id: string; year: number; text: string }[]): FormValues {
  const q = (request.query ?? {}) as Record<string, string | undefined>;
  const t = texts.find((x) => x.board_unit_id === q.board && String(x.year) === q.year);
  return t ? { boardUnitId: t.board_unit_id, year: String(t.year), text: t.text } : {};
}

// Indicators: the source kind is chosen from the registry, so a kind another module registers
// (satisfaction, Kolada) appears here with its own settings without a change in this file.
function sourceConfigFields(units: Option[], promises: Option[]): FormField[] {
  const seen = new Set<string>();
  const fields: FormField[] = [];
  for (const kind of sourceKinds()) {
    for (const prop of Object.keys(kind.schema.properties ?? {})) {
      if (prop === 'type' || seen.has(prop)) continue;
      seen.add(prop);
      const name = `source_${prop}`;
      if (prop === 'unitId')
        fields.push({
          kind: 'select',
          name,
          label: 'Enhet som mäts',
          options: units,
          empty: 'Ingen',
          hint: 'För källorna som beräknas från ärenden: enheten och allt under den.',
        });
      else if (prop === 'promiseId')
        fields.push({ kind: 'select', name, label: 'Servicelöfte', options: promises, empty: 'Inget', hint: 'För källan servicelöfte.' });
      else fields.push({ kind: 'text', name, label: `Inställning ${prop}`, hint: `För källorna som har inställningen ${prop}.` });
    }
  }
  return fields;
}

function indicatorFields(l: Lookups, promises: Option[]): FormField[] {
  return [
    { kind: 'text', name: 'code', label: 'Kod (valfri)', hint: 'Fast nyckel vid import och export, till exempel 2.1.3.' },
    { kind: 'text', name: 'title', label: 'Namn' },
    {
      kind: 'select',
      name: 'level',
      label: 'Nivå',
      options: [
        { value: 'KF', label: 'Kommunfullmäktige (KF)' },
        { value: 'board', label: 'Nämnd' },
      ],
    },
    { kind: 'select', name: 'ownerUnitId', label: 'Ansvarig enhet', options: l.units, empty: 'Välj enhet' },
    { kind: 'text', name: 'unit', label: 'Enhet', hint: `${UNITS_OF_MEASURE.join(', ')} eller egen text.` },
    { kind: 'number', name: 'decimals', label: 'Antal decimaler', hint: '0–4.' },
    {
      kind: 'select',
      name: 'direction',
      label: 'Bättre är',
      options: [
        { value: 'higher', label: 'Högre' },
        { value: 'lower', label: 'Lägre' },
        { value: 'interval', label: 'Inom ett intervall' },
      ],
    },
    { kind: 'text', name: 'intervalMin', label: 'Intervallets lägsta värde', hint: 'Bara när bättre är inom ett intervall.' },
    { kind: 'text', name: 'intervalMax', label: 'Intervallets högsta värde', hint: 'Bara när bättre är inom ett intervall.' },
    {
      kind: 'text',
      name: 'tolerance',
      label: 'Tolerans i procent av målet',
      hint: 'Delvis uppfyllt inom så här många procent av målet. Tomt = kommunens standard.',
    },
    { kind: 'textarea', name: 'definition', label: 'Definition', hint: TEXT_HINT },
    { kind: 'text', name: 'dataSource', label: 'Datakälla i ord' },
    { kind: 'heading', label: 'Var utfallen kommer ifrån' },
    {
      kind: 'select',
      name: 'sourceType',
      label: 'Källa',
      options: sourceKinds().map((k) => ({ value: k.type, label: k.label })),
      hint: 'Beräknade utfall kan inte skrivas över, bara kommenteras.',
    },
    ...sourceConfigFields(l.units, promises),
    { kind: 'checkboxes', name: 'goalIds', label: 'Mål som indikatorn mäter', options: l.goals },
  ];
}

const SOURCE_MISSING: Record<string, string> = {
  unitId: 'Välj vilken enhet som ska mätas för den valda källan.',
  promiseId: 'Välj vilket servicelöfte som ska mätas för den valda källan.',
};

function indicatorInput(v: FormValues) {
  const kind = sourceKinds().find((k) => k.type === one(v.sourceType));
  const missing = (kind?.schema.required ?? []).filter((prop: string) => prop !== 'type' && !opt(v[`source_${prop}`]));
  if (missing.length)
    throw invalid(
      missing.map((prop: string) => ({
        field: `source_${prop}`,
        message: SOURCE_MISSING[prop] ?? `Fyll i ${prop} för den valda källan.`,
      })),
    );
  const source = kind
    ? Object.fromEntries(
        Object.keys(kind.schema.properties ?? {}).flatMap((prop) =>
          prop === 'type' ? [['type', kind.type]] : opt(v[`source_${prop}`]) ? [[prop, one(v[`source_${prop}`])]] : [],
        ),
      )
    : undefined;
  const tolerance = dec(v.tolerance, 'tolerance');
  if (tolerance !== null && (tolerance < 0 || tolerance > 100))
    throw invalid([{ field: 'tolerance', message: 'Ange toleransen i procent av målet, 0–100.' }]);
  const direction = one(v.direction);
  return {
    code: nul(v.code),
    title: one(v.title),
    level: one(v.level),
    ownerUnitId: one(v.ownerUnitId),
    unit: one(v.unit),
    decimals: int(v.decimals) ?? 0,
    direction,
    intervalMin: direction === 'interval' ? dec(v.intervalMin, 'intervalMin') : null,
    intervalMax: direction === 'interval' ? dec(v.intervalMax, 'intervalMax') : null,
    tolerance: tolerance === null ? null : tolerance / 100,
    definition: one(v.definition),
    dataSource: one(v.dataSource),
    source,
    goalIds: list(v.goalIds),
  };
}

function assignmentFields(l: Lookups): FormField[] {
  return [
    {
      kind: 'select',
      name: 'kind',
      label: 'Slag',
      options: [
        { value: 'assignment', label: 'Uppdrag' },
        { value: 'initiative', label: 'Nämndinitiativ' },
      ],
    },
    { kind: 'text', name: 'code', label: 'Kod (valfri)', hint: 'Fast nyckel vid import och export.' },
    { kind: 'text', name: 'title', label: 'Uppdraget' },
    { kind: 'text', name: 'originBody', label: 'Från', hint: 'Vilket organ gav uppdraget, till exempel Kommunfullmäktige.' },
    { kind: 'date', name: 'originDecisionDate', label: 'Beslutsdatum', hint: DATE_HINT },
    { kind: 'text', name: 'originRegistrationNumber', label: 'Diarienummer' },
    { kind: 'select', name: 'goalId', label: 'Inriktningsmål som uppdraget tjänar', options: l.goals, empty: 'Inget' },
    { kind: 'select', name: 'responsibleUnitId', label: 'Ansvarig enhet', options: l.units, empty: 'Välj enhet' },
    { kind: 'checkbox', name: 'isNew', label: 'Nytt uppdrag (inte kvar från en tidigare plan)' },
    { kind: 'date', name: 'endDate', label: 'Slutdatum', hint: DATE_HINT },
    { kind: 'text', name: 'decisionInstance', label: 'Beslutsinstans' },
    { kind: 'date', name: 'boardReportDate', label: 'Återrapport till nämnden', hint: DATE_HINT },
    { kind: 'date', name: 'secretariatDate', label: 'Inlämning till sekretariatet', hint: DATE_HINT },
    { kind: 'textarea', name: 'description', label: 'Egen beskrivning', hint: TEXT_HINT },
    { kind: 'textarea', name: 'doneCriteria', label: 'Vad ska ha hänt för att uppdraget ska räknas som klart?', hint: TEXT_HINT },
    { kind: 'select', name: 'status', label: 'Status', options: WORK_STATUSES.map((s) => ({ value: s, label: WORK_STATUS_NAMES[s] })) },
  ];
}

const assignmentInput = (v: FormValues) => ({
  kind: one(v.kind),
  code: nul(v.code),
  title: one(v.title),
  originBody: one(v.originBody),
  originDecisionDate: nul(v.originDecisionDate),
  originRegistrationNumber: nul(v.originRegistrationNumber),
  goalId: nul(v.goalId),
  responsibleUnitId: one(v.responsibleUnitId),
  isNew: one(v.isNew) === 'true',
  endDate: nul(v.endDate),
  decisionInstance: one(v.decisionInstance),
  boardReportDate: nul(v.boardReportDate),
  secretariatDate: nul(v.secretariatDate),
  description: one(v.description),
  doneCriteria: one(v.doneCriteria),
  status: opt(v.status),
});

function actionPlanFields(l: Lookups, indicators: Option[]): FormField[] {
  return [
    { kind: 'text', name: 'title', label: 'Namn' },
    { kind: 'textarea', name: 'purpose', label: 'Syfte', hint: TEXT_HINT },
    { kind: 'select', name: 'responsibleUnitId', label: 'Ansvarig enhet', options: l.units, empty: 'Välj enhet' },
    { kind: 'date', name: 'periodFrom', label: 'Period från', hint: DATE_HINT },
    { kind: 'date', name: 'periodTo', label: 'Period till', hint: DATE_HINT },
    { kind: 'textarea', name: 'goalsText', label: 'Mål', hint: TEXT_HINT },
    { kind: 'checkboxes', name: 'indicatorIds', label: 'Indikatorer som mäter målen', options: indicators },
    {
      kind: 'textarea',
      name: 'budget',
      label: 'Budget per år i kronor',
      hint: 'Ett år per rad: år, kolon, belopp. Till exempel 2025: 450 000',
    },
    {
      kind: 'select',
      name: 'followUpInterval',
      label: 'Uppföljning',
      options: INTERVALS.map((i) => ({ value: i, label: INTERVAL_NAMES[i] })),
    },
  ];
}

/** "2025: 450 000" per line → {"2025": 450000}; a line that is not that is a field error. */
export function parseBudget(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [n, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4})\s*[:=]\s*(\d[\d\s]*)(\s*kr)?$/i.exec(line);
    if (!m) throw invalid([{ field: 'budget', message: `Rad ${n + 1} i budgeten ska se ut som 2025: 450 000.` }]);
    if (m[1] in out) throw invalid([{ field: 'budget', message: `Året ${m[1]} står två gånger i budgeten.` }]);
    out[m[1]] = Number(m[2].replace(/\s/g, ''));
  }
  return out;
}

const actionPlanInput = (v: FormValues) => ({
  title: one(v.title),
  purpose: one(v.purpose),
  responsibleUnitId: one(v.responsibleUnitId),
  periodFrom: one(v.periodFrom),
  periodTo: one(v.periodTo),
  goalsText: one(v.goalsText),
  indicatorIds: list(v.indicatorIds),
  budget: parseBudget(one(v.budget)),
  followUpInterval: one(v.followUpInterval),
});

function activityFields(l: Lookups): FormField[] {
  return [
    { kind: 'number', name: 'number', label: 'Nummer', hint: '1–999.' },
    { kind: 'text', name: 'title', label: 'Aktivitet' },
    { kind: 'textarea', name: 'purpose', label: 'Syfte', hint: TEXT_HINT },
    { kind: 'textarea', name: 'steps', label: 'Steg', hint: 'Ett steg per rad, med "- " först.' },
    { kind: 'date', name: 'startDate', label: 'Start', hint: DATE_HINT },
    { kind: 'date', name: 'endDate', label: 'Slut', hint: DATE_HINT },
    { kind: 'select', name: 'responsibleUnitId', label: 'Ansvarig enhet', options: l.units, empty: 'Välj enhet' },
    { kind: 'select', name: 'status', label: 'Status', options: WORK_STATUSES.map((s) => ({ value: s, label: WORK_STATUS_NAMES[s] })) },
  ];
}
const activityInput = (v: FormValues) => ({
  number: int(v.number),
  title: one(v.title),
  purpose: one(v.purpose),
  steps: one(v.steps),
  startDate: one(v.startDate),
  endDate: one(v.endDate),
  responsibleUnitId: one(v.responsibleUnitId),
  status: opt(v.status),
});

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const numberText = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));

export function registerDefineStaffRoutes(app: App, { db }: AppContext): void {
  const CHECKBOX_LISTS = { formArrays: ['goalIds', 'indicatorIds'] };

  /** A GET page of forms; returns the function that shows it again with a failed form. */
  const page = (path: string, build: (actor: Actor, request: FastifyRequest) => Promise<Page>): Show => {
    const show: Show = async (request, reply, failed) => {
      const { actor, session } = staffContext(request, reply);
      requireDefine(actor);
      const spec = await build(actor, request);
      const forms = failed ? spec.forms.map((f) => (f.id === failed.form ? { ...f, values: failed.values } : f)) : spec.forms;
      const view = DefinePage({ ...spec, forms, session, errors: failed?.errors ?? [], active: failed?.form, flash: takeFlash(request) });
      return html(reply, renderPage(view), failed ? 400 : 200);
    };
    app.get(path, (request, reply) => show(request, reply));
    return show;
  };

  /** A form's POST: the service's refusal is shown in the form, success redirects with a flash. */
  const post = (
    path: string,
    show: Show,
    formId: string,
    save: (actor: Actor, request: FastifyRequest, values: FormValues) => Promise<{ to: string; flash: string }>,
  ) => {
    app.post(path, { config: CHECKBOX_LISTS }, async (request, reply) => {
      const { actor } = staffContext(request, reply);
      requireDefine(actor);
      const values = readForm(request);
      try {
        const done = await save(actor, request, values);
        request.session.flash = done.flash;
        return reply.redirect(done.to, 303);
      } catch (error) {
        const errors = formErrors(error).map((e) => ({ ...e, field: formField(e.field) }));
        return show(request, reply, { form: formId, errors, values });
      }
    });
  };

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

function BoardTextLinks(p: { texts: { board_unit_id: string; year: number }[]; boards: Option[]; href: string; what: string }) {
  if (p.texts.length === 0) return null;
  return (
    <>
      <h2>Nämndernas texter</h2>
      <ul>
        {p.texts.map((t) => (
          <li>
            <a href={`${p.href}?board=${t.board_unit_id}&year=${t.year}#board-text-form`}>
              Ändra {p.boards.find((b) => b.value === t.board_unit_id)?.label ?? 'nämndens'} {p.what} {t.year}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
