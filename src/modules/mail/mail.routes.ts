import { Type } from 'typebox';
import type { App, AppContext } from '../../http/context.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { listOutbox, MAIL_STATUSES, retryMail } from './mail.service.ts';
import { OutboxPage } from './mail.views.tsx';

const OutboxQuery = Type.Object({ status: Type.Optional(Type.Enum(MAIL_STATUSES)) });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export function registerMailRoutes(app: App, { db, config }: AppContext): void {
  addStaffNav({ href: '/staff/outbox', label: 'Utkorg', order: 95, roles: ['admin'] });

  app.get('/staff/outbox', { schema: { querystring: OutboxQuery } }, async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const { status } = request.query;
    const { messages, counts } = await listOutbox(actor, { status }, { db });
    const page = OutboxPage({ session, messages, counts, status, smtpConfigured: Boolean(config.smtpUrl), flash: takeFlash(request) });
    return html(reply, renderPage(page));
  });

  app.post('/staff/outbox/:id/retry', { schema: { params: IdParams } }, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    await retryMail(actor, request.params.id, { db });
    request.session.flash = 'Meddelandet skickas igen.';
    return reply.redirect('/staff/outbox', 303);
  });
}
