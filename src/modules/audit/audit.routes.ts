// The audit trail's staff page and its CSV export (admin; quality for their domain).
import type { App, AppContext } from '../../http/context.ts';
import { toCsv } from '../../http/csv.ts';
import { AppError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext } from '../../web/staff.ts';
import { toLocalInput } from '../calendar/local-time.ts';
import { exportAudit, searchAudit } from './audit.service.ts';
import { AuditPage, describeData } from './audit.views.tsx';

export const AUDIT_PAGE = '/staff/audit';

export function registerAuditRoutes(app: App, { db }: AppContext): void {
  addStaffNav({ href: AUDIT_PAGE, label: 'Händelselogg', order: 87, roles: ['admin', 'quality'] });

  app.get(AUDIT_PAGE, async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const query = (request.query ?? {}) as Record<string, unknown>;
    try {
      const result = await searchAudit(actor, query, { db });
      return html(reply, renderPage(AuditPage({ session, ...result, errors: [] })));
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const result = await searchAudit(actor, {}, { db });
      return html(reply, renderPage(AuditPage({ session, ...result, entries: [], nextBefore: undefined, errors: error.fields })), 400);
    }
  });

  app.get(`${AUDIT_PAGE}.csv`, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const rows = await exportAudit(actor, request.query ?? {}, { db });
    const header = ['id', 'tid', 'vem', 'användar-id', 'handling', 'objekt', 'objekt-id', 'uppgifter'];
    const body = rows.map((r) => [
      r.id,
      toLocalInput(r.at).replace('T', ' '),
      r.actorLabel,
      r.actorUserId ?? '',
      r.action,
      r.entity,
      r.entityId ?? '',
      describeData(r.shown),
    ]);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="handelselogg.csv"')
      .header('cache-control', 'no-store')
      .send(`\uFEFF${toCsv([header, ...body], { delimiter: ';' })}`);
  });
}
