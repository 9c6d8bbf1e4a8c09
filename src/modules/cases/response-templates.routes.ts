// Staff pages of response templates (admin, quality): list + create, edit, deactivate.
// Post → redirect → get; validation errors re-render the form with status 400.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { App } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { fieldErrorsOf, formStatus } from './cases.admin.routes.ts';
import type { Values } from './cases.views.tsx';
import { listCategories } from './categories.service.ts';
import {
  createResponseTemplate,
  deactivateResponseTemplate,
  getResponseTemplate,
  listResponseTemplates,
  updateResponseTemplate,
} from './response-templates.service.ts';
import { ResponseTemplatesPage } from './response-templates.views.tsx';

const HREF = '/staff/response-templates';
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, string>;
const idOf = (request: FastifyRequest) => uuidOr404((request.params as { id: string }).id);

const formValues = (b: Record<string, string>, withActive: boolean): Values => ({
  title: b.title ?? '',
  body: b.body ?? '',
  categoryId: b.categoryId ?? '',
  language: b.language ?? 'sv',
  active: withActive ? (b.active === 'yes' ? 'yes' : 'no') : 'yes',
});
const input = (v: Values) => ({
  title: v.title,
  body: v.body,
  categoryId: v.categoryId || null,
  language: v.language,
  active: v.active === 'yes',
});

export function registerResponseTemplateRoutes(app: App, { db }: { db: Db }): void {
  addStaffNav({ href: HREF, label: 'Svarsmallar', order: 72, roles: ['admin', 'quality'] });

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: FieldError[],
    editingId?: string,
    status = 400,
  ) => {
    const { actor, session } = staffContext(request, reply);
    if (!hasAnyRole(actor, ['admin', 'quality'])) throw new AppError('forbidden', 'Du har inte behörighet att göra detta.');
    const [templates, categories, editing] = await Promise.all([
      editingId ? Promise.resolve([]) : listResponseTemplates(actor, { db }),
      listCategories(db, actor.tenantId),
      editingId ? getResponseTemplate(actor, editingId, { db }) : Promise.resolve(undefined),
    ]);
    const view = ResponseTemplatesPage({ session, templates, categories, values, errors, flash: takeFlash(request), editing });
    return html(reply, renderPage(view), errors.length > 0 ? status : 200);
  };

  app.get(HREF, async (request, reply) => page(request, reply, { active: 'yes', language: 'sv' }, []));
  app.post(HREF, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const values = formValues(body(request), false);
    try {
      const template = await createResponseTemplate(actor, input(values), { db });
      request.session.flash = `Mallen ”${template.title}” har lagts till.`;
      return reply.redirect(HREF, 303);
    } catch (error) {
      return page(request, reply, values, fieldErrorsOf(error), undefined, formStatus(error));
    }
  });

  app.get(`${HREF}/:id`, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = idOf(request);
    const t = await getResponseTemplate(actor, id, { db });
    return page(
      request,
      reply,
      { title: t.title, body: t.body, categoryId: t.categoryId ?? '', language: t.language, active: t.active ? 'yes' : 'no' },
      [],
      id,
    );
  });
  app.post(`${HREF}/:id`, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = idOf(request);
    const values = formValues(body(request), true);
    try {
      const template = await updateResponseTemplate(actor, id, input(values), { db });
      request.session.flash = `Mallen ”${template.title}” har sparats.`;
      return reply.redirect(HREF, 303);
    } catch (error) {
      return page(request, reply, values, fieldErrorsOf(error), id, formStatus(error));
    }
  });
  app.post(`${HREF}/:id/deactivate`, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const template = await deactivateResponseTemplate(actor, idOf(request), { db });
    request.session.flash = `Mallen ”${template.title}” har inaktiverats.`;
    return reply.redirect(HREF, 303);
  });
}
