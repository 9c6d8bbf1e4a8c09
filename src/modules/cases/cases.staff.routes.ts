// Staff pages of cases: inbox, intake ("Ny kontakt"), case page with actions, categories and
// statistics. Plain forms, post → redirect → get; errors re-render the form with status 400.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import type { FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { stockholmLocalToInstant, toLocalInput } from '../calendar/local-time.ts';
import { listUnits, unitPath } from '../org/org.service.ts';
import { fieldErrorsOf, registerCaseAdminRoutes } from './cases.admin.routes.ts';
import { registerCasePageRoutes } from './cases.case.routes.ts';
import { registerInboxRoutes } from './cases.inbox.routes.ts';
import { canActOnCase, createCase, firstResponseDaysByCategory } from './cases.service.ts';
import { IntakePage, type Values } from './cases.views.tsx';
import { listCategories } from './categories.service.ts';
import { registerResponseTemplateRoutes } from './response-templates.routes.ts';

const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, string>;

export function registerCaseStaffRoutes(app: App, { db }: AppContext): void {
  addStaffNav({ href: '/staff/cases', label: 'Ärenden', order: 10, roles: ['agent', 'officer', 'quality', 'admin'] });
  addStaffNav({ href: '/staff/cases/new', label: 'Ny kontakt', order: 11, roles: ['agent', 'officer', 'admin'] });
  addStaffNav({ href: '/staff/stats', label: 'Statistik', order: 20 });
  addStaffNav({ href: '/staff/categories', label: 'Kategorier', order: 70, roles: ['admin'] });

  registerInboxRoutes(app, { db });

  const intake = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: FieldError[], status = 200) => {
    const { actor, session } = staffContext(request, reply);
    const [categories, units, days] = await Promise.all([
      listCategories(db, actor.tenantId, { activeOnly: true }),
      listUnits(db, actor.tenantId),
      firstResponseDaysByCategory(db, actor.tenantId),
    ]);
    const options = categories.map((category) => ({
      category,
      unitName: units.find((u) => u.id === category.unitId)?.name ?? '–',
      days: days.get(category.id) ?? 2,
    }));
    return html(reply, renderPage(IntakePage({ session, categories: options, values, errors, flash: takeFlash(request) })), status);
  };

  app.get('/staff/cases/new', async (request, reply) =>
    intake(request, reply, { channel: 'phone', type: 'question', language: 'sv', receivedAt: toLocalInput(new Date()) }, []),
  );

  app.post('/staff/cases/new', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const b = body(request);
    const values: Values = {
      channel: b.channel ?? '',
      type: b.type ?? '',
      category: b.category ?? '',
      subject: b.subject ?? '',
      message: b.message ?? '',
      'contact.name': b['contact.name'] ?? '',
      'contact.email': b['contact.email'] ?? '',
      'contact.phone': b['contact.phone'] ?? '',
      language: b.language ?? 'sv',
      receivedAt: b.receivedAt ?? '',
      resolved: b.resolved === 'yes' ? 'yes' : '',
      answer: b.answer ?? '',
    };
    const receivedAt = values.receivedAt ? stockholmLocalToInstant(values.receivedAt) : new Date();
    if (!receivedAt)
      return intake(request, reply, values, [{ field: 'receivedAt', message: 'Ange datum och tid då kontakten kom in.' }], 400);
    if (values.resolved && !values.answer.trim()) {
      return intake(request, reply, values, [{ field: 'answer', message: 'Skriv svaret som gavs vid första kontakten.' }], 400);
    }
    const input = {
      type: values.type,
      channel: values.channel,
      category: values.category,
      subject: values.subject || null,
      message: values.message,
      contact: { name: values['contact.name'] || null, email: values['contact.email'] || null, phone: values['contact.phone'] || null },
      language: values.language,
      receivedAt: receivedAt.toISOString(),
      ...(values.resolved ? { resolvedAtFirstContact: { answer: values.answer } } : {}),
    };
    try {
      const { case: c } = await createCase(actor, input, { db });
      const path = await unitPath(db, actor.tenantId, c.unitId);
      request.session.flash = `Ärende ${c.caseNumber} har registrerats${c.status === 'resolved' ? ' och avslutats' : ''}. Återkoppling senast ${c.firstResponseDue} (${c.unitName}).`;
      // The agent may not cover the owning unit; then the next contact follows.
      return reply.redirect(canActOnCase(actor, path) || hasAnyRole(actor, ['agent']) ? `/staff/cases/${c.id}` : '/staff/cases/new', 303);
    } catch (error) {
      const errors = fieldErrorsOf(error).map((e) => ({ ...e, field: e.field === 'resolvedAtFirstContact.answer' ? 'answer' : e.field }));
      return intake(request, reply, values, errors, 400);
    }
  });

  registerCasePageRoutes(app, { db });
  registerCaseAdminRoutes(app, { db });
  registerResponseTemplateRoutes(app, { db });
}
