// Intake ("Ny kontakt"): an agent or officer registers a contact. Before saving, the form shows
// the unit that will own the case and the date first feedback is due — with a plain round trip
// ("Visa ansvarig och svarsdatum"), and live through /staff/cases/new/preview and intake.js.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { App } from '../../http/context.ts';
import type { FieldError } from '../../http/errors.ts';
import { formatLongDate } from '../../web/i18n.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { stockholmLocalToInstant, toLocalInput } from '../calendar/local-time.ts';
import { listUnits, unitPath } from '../org/org.service.ts';
import { fieldErrorsOf } from './cases.admin.routes.ts';
import { formBody } from './cases.case.routes.ts';
import { canActOnCase, createCase, firstResponseDaysByCategory, previewFirstResponse } from './cases.service.ts';
import { IntakePage, previewText, type Values } from './cases.views.tsx';
import { listCategories } from './categories.service.ts';

export function registerIntakeRoutes(app: App, { db }: { db: Db }): void {
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
    const receivedAt = (values.receivedAt && stockholmLocalToInstant(values.receivedAt)) || new Date();
    const preview = values.category ? await previewFirstResponse(actor, { category: values.category, receivedAt }, { db }) : undefined;
    const page = IntakePage({ session, categories: options, values, errors, preview, flash: takeFlash(request) });
    return html(reply, renderPage(page), status);
  };

  app.get('/staff/cases/new', async (request, reply) =>
    intake(request, reply, { channel: 'phone', type: 'question', language: 'sv', receivedAt: toLocalInput(new Date()) }, []),
  );

  app.post('/staff/cases/new', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const b = formBody(request);
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
    // "Visa ansvarig och svarsdatum": show the form again with the owner and due date, save nothing.
    if (b.action === 'preview') {
      const errors = values.category ? [] : [{ field: 'category', message: 'Välj ett område för att se ansvarig enhet och svarsdatum.' }];
      return intake(request, reply, values, errors, errors.length > 0 ? 400 : 200);
    }
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
      request.session.flash = `Ärende ${c.caseNumber} har registrerats${c.status === 'resolved' ? ' och avslutats' : ''}. Återkoppling senast ${formatLongDate(c.firstResponseDue, 'sv')} (${c.unitName}).`;
      // The agent may not cover the owning unit; then the next contact follows.
      return reply.redirect(canActOnCase(actor, path) || hasAnyRole(actor, ['agent']) ? `/staff/cases/${c.id}` : '/staff/cases/new', 303);
    } catch (error) {
      const errors = fieldErrorsOf(error).map((e) => ({ ...e, field: e.field === 'resolvedAtFirstContact.answer' ? 'answer' : e.field }));
      return intake(request, reply, values, errors, 400);
    }
  });

  // For intake.js: the same sentence the round trip shows, as JSON (empty text for no area).
  app.get('/staff/cases/new/preview', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const q = (request.query ?? {}) as Record<string, unknown>;
    const category = typeof q.category === 'string' ? q.category.slice(0, 40) : '';
    const local = typeof q.receivedAt === 'string' ? q.receivedAt.slice(0, 20) : '';
    const receivedAt = (local && stockholmLocalToInstant(local)) || new Date();
    const preview = category ? await previewFirstResponse(actor, { category, receivedAt }, { db }) : undefined;
    return reply.header('cache-control', 'no-store').send({ text: preview ? previewText(preview) : '' });
  });
}
