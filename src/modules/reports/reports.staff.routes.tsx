// Staff pages of reports: post → redirect → get; a form with errors is shown again with an error
// summary and what was typed (400, or 409 for a refused state change).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import type { ReportPrinter } from './report.printer.ts';
import {
  approveReport,
  changesSinceApproval,
  createReport,
  getReport,
  listReports,
  presentReports,
  publishReport,
  REPORT_ROLES,
  reportBoards,
  reportModel,
  updateTexts,
} from './reports.service.ts';
import { ReportListPage, ReportPage } from './reports.views.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERIOD = /^[0-9]{4}(-D[12])?$/;

function idParam(request: FastifyRequest): string {
  const id = (request.params as Record<string, string>).id ?? '';
  if (!UUID.test(id)) throw notFound('Sidan');
  return id;
}

function formBody(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>))
    if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

/** Field errors and refusals are shown on the page; anything else goes to the error page. */
function formErrors(error: unknown): { errors: FieldError[]; status: number } {
  if (error instanceof AppError && error.fields.length > 0) return { errors: error.fields, status: 400 };
  if (error instanceof AppError && ['conflict', 'validation', 'forbidden'].includes(error.code))
    return { errors: [{ field: 'form', message: error.message }], status: error.status };
  throw error;
}

const canWrite = (actor: Actor) => hasAnyRole(actor, REPORT_ROLES);

export function registerReportStaffRoutes(app: App, { db }: AppContext, printer: ReportPrinter): void {
  addStaffNav({ href: '/staff/reports', label: 'Rapporter', order: 45 });

  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    form: Record<string, string> = {},
    status = 200,
  ) {
    const { actor, session } = staffContext(request, reply);
    const q = (request.query ?? {}) as Record<string, string | undefined>;
    const filter = {
      board: q.board && UUID.test(q.board) ? q.board : undefined,
      period: q.period && PERIOD.test(q.period.trim()) ? q.period.trim() : undefined,
    };
    const rows = await listReports(actor, { boardUnitId: filter.board, period: filter.period }, { db });
    const all = await listReports(actor, {}, { db });
    const page = (
      <ReportListPage
        session={session}
        reports={await presentReports(db, actor.tenantId, rows, all)}
        boards={await reportBoards(db, actor.tenantId)}
        filter={filter}
        canWrite={canWrite(actor)}
        errors={errors}
        form={form}
        flash={takeFlash(request)}
      />
    );
    return html(reply, renderPage(page), status);
  }

  async function reportPage(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    form: Record<string, string> = {},
    status = 200,
  ) {
    const { actor, session } = staffContext(request, reply);
    const row = await getReport(actor, idParam(request), { db });
    const versions = await listReports(actor, { boardUnitId: row.board_unit_id, period: row.period }, { db });
    const [report] = await presentReports(db, actor.tenantId, [row], versions);
    if (!report) throw notFound('Rapporten');
    const [model, changes] = await Promise.all([reportModel(actor, row, { db }), changesSinceApproval(actor, row, { db })]);
    const page = (
      <ReportPage
        session={session}
        report={report}
        model={model}
        changes={changes}
        canWrite={canWrite(actor)}
        pdfAvailable={printer.available}
        errors={errors}
        form={form}
        flash={takeFlash(request)}
      />
    );
    return html(reply, renderPage(page), status);
  }

  app.get('/staff/reports', (request, reply) => listPage(request, reply));

  app.post('/staff/reports', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const form = formBody(request);
    try {
      const input = {
        boardUnitId: form.boardUnitId ?? '',
        period: (form.period ?? '').trim(),
        introduction: form.introduction ?? '',
        closing: form.closing ?? '',
      };
      const row = await createReport(actor, input, { db });
      request.session.flash = 'Utkastet är skapat.';
      return reply.redirect(`/staff/reports/${row.id}`, 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      return listPage(
        request,
        reply,
        errors.map((e) => (e.field === 'period' ? { ...e, field: 'newPeriod' } : e)),
        form,
        status,
      );
    }
  });

  app.get('/staff/reports/:id', (request, reply) => reportPage(request, reply));

  app.post('/staff/reports/:id/texts', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = idParam(request);
    const form = formBody(request);
    try {
      await updateTexts(actor, id, { introduction: form.introduction ?? '', closing: form.closing ?? '' }, { db });
      request.session.flash = 'Texterna är sparade.';
      return reply.redirect(`/staff/reports/${id}`, 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      return reportPage(request, reply, errors, form, status);
    }
  });

  app.post('/staff/reports/:id/approve', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = idParam(request);
    const form = formBody(request);
    try {
      await approveReport(
        actor,
        id,
        { decisionDate: (form.decisionDate ?? '').trim(), registrationNumber: form.registrationNumber ?? '' },
        { db },
      );
      request.session.flash = 'Rapporten är fastställd. Uppgifterna den visar är sparade med den.';
      return reply.redirect(`/staff/reports/${id}`, 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      return reportPage(request, reply, errors, form, status);
    }
  });

  app.post('/staff/reports/:id/publish', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = idParam(request);
    try {
      await publishReport(actor, id, { db });
      request.session.flash = 'Rapporten är publicerad på kommunens webbplats.';
      return reply.redirect(`/staff/reports/${id}`, 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      return reportPage(request, reply, errors, {}, status);
    }
  });

  app.post('/staff/reports/:id/new-version', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = idParam(request);
    const form = formBody(request);
    try {
      const old = await getReport(actor, id, { db });
      const row = await createReport(
        actor,
        {
          boardUnitId: old.board_unit_id,
          period: old.period,
          introduction: old.introduction,
          closing: old.closing,
          reason: form.reason ?? '',
        },
        { db },
      );
      request.session.flash = 'En ny version är skapad som utkast.';
      return reply.redirect(`/staff/reports/${row.id}`, 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      return reportPage(request, reply, errors, form, status);
    }
  });
}
