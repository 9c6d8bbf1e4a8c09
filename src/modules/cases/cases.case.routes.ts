// The staff page of one case and its actions. Plain forms, post → redirect → get; an action that
// fails re-renders the page with what was typed (400, or 409 for a lost race). Choosing a response
// template is a post of the same form, so the text typed so far is kept and the template added.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { App } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { listUsers } from '../accounts/accounts.service.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays } from '../calendar/calendar.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { listUnits, unitPath } from '../org/org.service.ts';
import { fieldErrorsOf } from './cases.admin.routes.ts';
import { CasePage, type CasePageFailure } from './cases.case.views.tsx';
import { dueState } from './cases.deadline.ts';
import { LEGAL_HOLD_ROLES } from './cases.legal-hold.ts';
import { caseRetentionState } from './cases.retention-facing.ts';
import { addCaseEvent, canActOnCase, getCase, today } from './cases.service.ts';
import type { Values } from './cases.views.tsx';
import { fillTemplate, templatesForCase } from './response-templates.service.ts';

/** A form value as one string: a repeated field (an array) counts as its first value. */
export function formBody(request: FastifyRequest): Values {
  const raw = (request.body ?? {}) as Record<string, unknown>;
  const out: Values = {};
  for (const [k, v] of Object.entries(raw)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === 'string') out[k] = value;
  }
  return out;
}

const TEMPLATE_FORMS: Record<string, 'answer' | 'resolve'> = { first_response: 'answer', resolved: 'resolve' };

export function registerCasePageRoutes(app: App, { db }: { db: Db }): void {
  const casePage = async (request: FastifyRequest, reply: FastifyReply, id: string, failed?: CasePageFailure, status?: number) => {
    const { actor, session } = staffContext(request, reply);
    const c = await getCase(actor, id, { db });
    const [units, users, calendar, path, templates, retentionState] = await Promise.all([
      listUnits(db, actor.tenantId),
      listUsers(db, actor.tenantId),
      tenantCalendar(db, actor.tenantId),
      unitPath(db, actor.tenantId, c.unitId),
      templatesForCase(db, actor.tenantId, c),
      caseRetentionState(db, actor.tenantId, c.id),
    ]);
    const now = today();
    const start = [c.receivedDate, now].sort()[1]; // the later of two dates
    const workingDays: string[] = [];
    for (let d = addCalendarDays(start, 1); workingDays.length < 30; d = addCalendarDays(d, 1))
      if (calendar.isWorkingDay(d)) workingDays.push(d);
    const page = CasePage({
      session,
      c,
      state: dueState(c, now, calendar),
      units,
      users: users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })),
      canAct: canActOnCase(actor, path),
      canChangeDeadline: canActOnCase(actor, path) && hasAnyRole(actor, ['admin', 'quality']),
      workingDays,
      flash: takeFlash(request),
      failed,
      templates: templates.map((t) => ({ id: t.id, title: t.title })),
      retention: retentionState && {
        state: retentionState,
        canHold: hasAnyRole(actor, LEGAL_HOLD_ROLES),
      },
    });
    return html(reply, renderPage(page), status ?? (failed && failed.errors.length > 0 ? 400 : 200));
  };

  app.get('/staff/cases/:id', async (request, reply) => casePage(request, reply, uuidOr404((request.params as { id: string }).id)));

  /** "Infoga mallen": the template's text, filled for this case, added after what was typed. */
  const insertTemplate = async (request: FastifyRequest, reply: FastifyReply, id: string, kind: string, b: Values) => {
    const { actor } = staffContext(request, reply);
    const c = await getCase(actor, id, { db });
    const template = (await templatesForCase(db, actor.tenantId, c)).find((t) => t.id === b.template);
    if (!template) {
      return casePage(request, reply, id, { kind, errors: [{ field: 'template', message: 'Välj en svarsmall.' }], values: b });
    }
    const filled = fillTemplate(template.body, {
      caseNumber: c.caseNumber,
      tenantName: actor.tenantName,
      language: c.language,
      firstResponseDue: c.firstResponseDue,
      nextFeedbackDue: c.nextFeedbackDue,
      officerName: actor.name,
      unitName: c.unitName,
    });
    const typed = (b.body ?? '').trimEnd();
    const values = { ...b, body: typed ? `${typed}\n\n${filled}` : filled };
    return casePage(request, reply, id, { kind, errors: [], values, templateTitle: template.title });
  };

  app.post('/staff/cases/:id/events', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const b = formBody(request);
    const kind = b.kind ?? '';
    if (b.action === 'template' && TEMPLATE_FORMS[kind]) return insertTemplate(request, reply, id, kind, b);
    const input: Record<string, unknown> = { kind };
    if (b.body !== undefined) input.body = b.body;
    if (b.nextFeedbackDate) input.nextFeedbackDate = b.nextFeedbackDate;
    if (b.reason !== undefined) input.reason = b.reason;
    if (b.newDueDate !== undefined) input.newDueDate = b.newDueDate;
    if (kind === 'referred') input.authority = (b.otherAuthority ?? '').trim() || b.authority || '';
    if (kind === 'reassigned') {
      if (b.unitId) input.unitId = b.unitId;
      input.assigneeUserId = b.assigneeUserId || null;
    }
    if (kind === 'next_feedback_promised' && !b.nextFeedbackDate) {
      return casePage(request, reply, id, { kind, errors: [{ field: 'nextFeedbackDate', message: 'Välj en arbetsdag.' }], values: b });
    }
    let updated: Awaited<ReturnType<typeof addCaseEvent>>;
    try {
      updated = await addCaseEvent(actor, id, input, { db });
    } catch (error) {
      const errors: FieldError[] = fieldErrorsOf(error);
      const status = error instanceof AppError && error.code === 'conflict' ? 409 : 400;
      return casePage(request, reply, id, { kind, errors, values: b }, status);
    }
    // A case moved to a unit the officer does not cover is no longer theirs to see: back to the inbox.
    const stillReadable = await getCase(actor, id, { db }).then(
      () => true,
      (error) => {
        if (error instanceof AppError && error.code === 'not_found') return false;
        throw error;
      },
    );
    if (!stillReadable) {
      request.session.flash = `Ärende ${updated.caseNumber} har flyttats till ${updated.unitName}. Du har inte längre tillgång till det.`;
      return reply.redirect('/staff/cases', 303);
    }
    request.session.flash = 'Åtgärden har sparats.';
    return reply.redirect(`/staff/cases/${id}`, 303);
  });
}
