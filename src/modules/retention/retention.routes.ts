// HTTP of retention (gallring): the JSON API (rules, preview, runs) and the staff page /staff/retention.
// Role: admin, for every route.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { localDate } from '../calendar/calendar.ts';
import { formBody } from '../cases/cases.case.routes.ts';
import { listCategories } from '../cases/categories.service.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { PreviewInput, PreviewOut, RuleInput, RuleOut, RunOut } from './retention.schemas.ts';
import { createRule, deactivateRule, listRules, listRuns, previewRetention, RETENTION_ROLES, runRetention } from './retention.service.ts';
import { casesText, RETENTION_PAGE, RetentionPage, type RetentionPageProps } from './retention.views.tsx';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const TAGS = ['retention'];
const SECURITY = [{ bearer: [] }];

/** The rule form as API input: empty selects are "all", a number field that holds a number is one. */
function ruleInputOf(b: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {
    caseType: b.caseType || null,
    categoryCode: b.categoryCode || null,
    monthsAfterClosure: /^\s*\d{1,6}\s*$/.test(b.monthsAfterClosure ?? '') ? Number(b.monthsAfterClosure) : (b.monthsAfterClosure ?? ''),
    decisionReference: b.decisionReference ?? '',
  };
  if (b.scope) input.scope = b.scope;
  if (b.effectiveFrom) input.effectiveFrom = b.effectiveFrom;
  return input;
}

function formErrors(error: unknown, field: string): FieldError[] {
  if (!(error instanceof AppError) || !['validation', 'conflict'].includes(error.code)) throw error;
  return error.fields.length > 0 ? error.fields : [{ field, message: error.message }];
}

export function registerRetentionRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  const now = () => ctx.now?.() ?? new Date();
  addStaffNav({ href: RETENTION_PAGE, label: 'Gallring', order: 88, roles: RETENTION_ROLES });

  app.get(
    '/api/v1/retention/rules',
    {
      schema: {
        summary: 'Retention rules (gallringsregler) of the tenant, active first. Role admin',
        tags: TAGS,
        security: SECURITY,
        response: { 200: Type.Object({ rules: Type.Array(RuleOut) }) },
      },
    },
    async (request) => ({ rules: await listRules(requireActor(request), { db }) }),
  );

  app.post(
    '/api/v1/retention/rules',
    {
      schema: {
        summary:
          'Add a retention rule: case type and/or category (most specific wins: both > category > type > neither), months after closure, the decision it rests on. Role admin',
        tags: TAGS,
        security: SECURITY,
        body: RuleInput,
        response: { 201: RuleOut },
      },
    },
    async (request, reply) => reply.status(201).send(await createRule(requireActor(request), request.body, { db, now: now() })),
  );

  app.post(
    '/api/v1/retention/rules/:id/deactivate',
    {
      schema: {
        summary: 'End a retention rule (kept for the runs that applied it). Role admin',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: RuleOut },
      },
    },
    async (request) => deactivateRule(requireActor(request), request.params.id, { db }),
  );

  app.post(
    '/api/v1/retention/preview',
    {
      // A preview of today with every rule needs no body: no body is an empty object.
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
      schema: {
        summary: 'What a run on a day would clear (default today, or the rule’s effective date): counts and the first cases. Role admin',
        tags: TAGS,
        security: SECURITY,
        body: PreviewInput,
        response: { 200: PreviewOut },
      },
    },
    async (request) => previewRetention(requireActor(request), request.body ?? {}, { db, now: now() }),
  );

  app.get(
    '/api/v1/retention/runs',
    {
      schema: {
        summary: 'Retention runs with their reports, latest first (the last 50). Role admin',
        tags: TAGS,
        security: SECURITY,
        response: { 200: Type.Object({ runs: Type.Array(RunOut) }) },
      },
    },
    async (request) => ({ runs: await listRuns(requireActor(request), { db }) }),
  );

  app.post(
    '/api/v1/retention/runs',
    {
      schema: {
        summary: 'Run retention now (the nightly job does the same). Idempotent: a second run clears nothing new. Role admin',
        tags: TAGS,
        security: SECURITY,
        response: { 201: RunOut },
      },
    },
    async (request, reply) => reply.status(201).send(await runRetention(requireActor(request), { db, now: now() })),
  );

  const page = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<RetentionPageProps> = {}, status = 200) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, RETENTION_ROLES);
    const [rules, runs, categories] = await Promise.all([
      listRules(actor, { db }),
      listRuns(actor, { db }),
      listCategories(db, actor.tenantId),
    ]);
    const props: RetentionPageProps = {
      session,
      rules,
      runs,
      categories: categories.map((c) => ({ code: c.code, name: c.name })),
      today: localDate(now()),
      flash: takeFlash(request),
      ...extra,
    };
    return html(reply, renderPage(RetentionPage(props)), status);
  };

  app.get(RETENTION_PAGE, async (request, reply) => page(request, reply));

  app.post(`${RETENTION_PAGE}/rules`, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const b = formBody(request);
    try {
      await createRule(actor, ruleInputOf(b), { db, now: now() });
    } catch (error) {
      const status = error instanceof AppError && error.code === 'conflict' ? 409 : 400;
      return page(request, reply, { ruleErrors: formErrors(error, 'caseType'), ruleValues: b }, status);
    }
    request.session.flash = 'Regeln har lagts till.';
    return reply.redirect(RETENTION_PAGE, 303);
  });

  app.post(`${RETENTION_PAGE}/rules/:id/deactivate`, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    try {
      await deactivateRule(actor, id, { db });
      request.session.flash = 'Regeln är avslutad.';
    } catch (error) {
      request.session.flash = formErrors(error, 'rule')[0]?.message;
    }
    return reply.redirect(RETENTION_PAGE, 303);
  });

  app.post(`${RETENTION_PAGE}/preview`, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const b = formBody(request);
    const input: Record<string, string> = {};
    if (b.date) input.date = b.date;
    if (b.ruleId) input.ruleId = b.ruleId;
    try {
      const preview = await previewRetention(actor, input, { db, now: now() });
      return page(request, reply, { preview, previewValues: b });
    } catch (error) {
      return page(request, reply, { previewErrors: formErrors(error, 'date'), previewValues: b }, 400);
    }
  });

  app.post(`${RETENTION_PAGE}/runs`, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const run = await runRetention(actor, { db, now: now() });
    request.session.flash = run.error
      ? `Gallringen avbröts: ${run.error}. ${casesText(run.clearedCases)} hann gallras.`
      : `Gallringen är klar: ${casesText(run.clearedCases)} gallrades.`;
    return reply.redirect(RETENTION_PAGE, 303);
  });
}
