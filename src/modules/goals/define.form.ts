// The harness of the staff forms that define the plan: form values → service input, the lookups
// the selects offer, and a GET page of forms with the POST that shows it again on a refusal.
// Post → redirect → get; a form with errors is shown again with 400, an error summary and what
// was typed. Only quality or admin may use them (anyone else gets 403).

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { App } from '../../http/context.ts';
import type { FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import type { Actor } from '../accounts/actor.ts';
import { listUnits } from '../org/org.service.ts';
import { DefinePage, type FormValues, formField, type Option } from './define.views.tsx';
import { requireDefine } from './goals.access.ts';
import * as goalsRepo from './goals.repo.ts';
import { listPlans } from './goals.service.ts';
import { formErrors } from './goals.staff.routes.ts';
import { parseDecimal } from './rounds.report.ts';

export type Page = Omit<Parameters<typeof DefinePage>[0], 'session' | 'errors' | 'active' | 'flash'>;
export type Failed = { form: string; errors: FieldError[]; values: FormValues };
export type Show = (request: FastifyRequest, reply: FastifyReply, failed?: Failed) => Promise<FastifyReply>;

// Form values → service input. Empty optional text is left out, an empty nullable one is null; a
// number that is not one is passed on as typed, so the service's schema names the field.
export const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
export const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []).filter(Boolean);
export const opt = (v: string | string[] | undefined) => one(v) || undefined;
export const nul = (v: string | string[] | undefined) => one(v) || null;
export function int(v: string | string[] | undefined): number | string | undefined {
  const s = one(v).replace(/\s/g, '');
  if (s === '') return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}
export const dec = (v: string | string[] | undefined, field: string) => parseDecimal(one(v), field);

/** The form's fields as posted (the CSRF token is checked by the app and left out). */
export function readForm(request: FastifyRequest): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export interface Lookups {
  units: Option[];
  boards: Option[];
  plans: Option[];
  goals: Option[];
  directionGoals: (goalAreaId: string) => Option[];
}

export async function lookups(db: Db, actor: Actor): Promise<Lookups> {
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

export const YEAR_HINT = 'Fyra siffror, till exempel 2026.';
export const DATE_HINT = 'ÅÅÅÅ-MM-DD, till exempel 2026-04-30.';
export const TEXT_HINT = 'Vanlig text. Tom rad mellan stycken, "- " först på raden i en lista.';

export const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
export const numberText = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));

const CHECKBOX_LISTS = { formArrays: ['goalIds', 'indicatorIds'] };

/** The page and post helpers of the define forms, bound to the app and database. */
export function defineForms(app: App, _db: Db) {
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
  return { page, post };
}
