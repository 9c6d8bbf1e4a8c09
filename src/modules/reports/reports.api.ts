// JSON API of reports: list, create, the model as JSON, the DOCX / XLSX / PDF files, approve and
// publish. Writes need a token of a quality strategist or admin; any staff role reads.
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { docxOf, fileName, pdfOf, xlsxOf } from './report.formats.tsx';
import type { ReportModel } from './report.model.ts';
import type { ReportPrinter } from './report.printer.ts';
import type { ReportRow } from './reports.repo.ts';
import { ApproveInput, ERRORS, ErrorOut, REPORT_PERIOD, ReportInput, ReportOut } from './reports.schemas.ts';
import { approveReport, createReport, getReport, listReports, presentReports, publishReport, reportModel } from './reports.service.ts';

const TAGS = ['reports'];
const SECURITY = [{ bearer: [] }];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const READ_ERRORS = { 401: ErrorOut, 403: ErrorOut, 404: ErrorOut };

export const MEDIA = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
export type FileFormat = keyof typeof MEDIA;

export const PDF_MISSING =
  'PDF kan inte skapas här: webbläsaren Chromium som skriver ut PDF saknas på servern. Rapporten finns som webbsida, DOCX och XLSX.';

/** Renders one format of a model and sends it as a download. */
export async function sendFile(reply: FastifyReply, model: ReportModel, format: FileFormat, printer: ReportPrinter) {
  if (format === 'pdf' && !printer.available) throw new AppError('unavailable', PDF_MISSING);
  const body = format === 'docx' ? await docxOf(model, printer) : format === 'xlsx' ? await xlsxOf(model) : await pdfOf(model, printer);
  return reply
    .type(MEDIA[format])
    .header('content-disposition', `attachment; filename="${fileName(model, format)}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

async function present(db: AppContext['db'], actor: Actor, row: ReportRow) {
  const versions = await listReports(actor, { boardUnitId: row.board_unit_id, period: row.period }, { db });
  const [view] = await presentReports(db, actor.tenantId, [row], versions);
  if (!view) throw new Error('report not presented');
  return view;
}

export function registerReportsApi(app: App, { db }: AppContext, printer: ReportPrinter): void {
  app.get(
    '/api/v1/reports',
    {
      schema: {
        summary: 'Reports of a board and period, newest version first',
        tags: TAGS,
        security: SECURITY,
        querystring: Type.Object({
          board: Type.Optional(Type.String({ format: 'uuid' })),
          period: Type.Optional(REPORT_PERIOD),
        }),
        response: { 200: Type.Object({ reports: Type.Array(ReportOut) }), 400: ErrorOut, ...READ_ERRORS },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listReports(actor, { boardUnitId: request.query.board, period: request.query.period }, { db });
      return { reports: await presentReports(db, actor.tenantId, rows) };
    },
  );

  app.post(
    '/api/v1/reports',
    {
      schema: {
        summary: 'Create the draft report of a board (or the council) for a period; a new version of an approved one needs a reason',
        tags: TAGS,
        security: SECURITY,
        body: ReportInput,
        response: { 201: ReportOut, ...ERRORS },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await createReport(actor, request.body, { db });
      return reply.status(201).send(await present(db, actor, row));
    },
  );

  app.get(
    '/api/v1/reports/:id',
    {
      schema: {
        summary: 'The report’s model as JSON: what every format shows (frozen once approved)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: {
          200: Type.Unknown({
            description: 'title, board, period, status, areas[goals[indicators, assignments]], actionPlans, promises, sections',
          }),
          ...READ_ERRORS,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return reportModel(actor, await getReport(actor, request.params.id, { db }), { db });
    },
  );

  for (const format of Object.keys(MEDIA) as FileFormat[]) {
    app.get(
      `/api/v1/reports/:id.${format}`,
      {
        schema: {
          summary: `The report as ${format.toUpperCase()}${format === 'pdf' ? ' (tagged, with an outline; 503 where Chromium is missing)' : ''}`,
          tags: TAGS,
          security: SECURITY,
          params: IdParams,
          response: { ...READ_ERRORS, 503: ErrorOut },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const model = await reportModel(actor, await getReport(actor, request.params.id, { db }), { db });
        return sendFile(reply, model, format, printer);
      },
    );
  }

  app.post(
    '/api/v1/reports/:id/approve',
    {
      schema: {
        summary: 'Approve (fastställ) a draft with the board’s decision date and registration number; freezes its model',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: ApproveInput,
        response: { 200: ReportOut, ...ERRORS },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return present(db, actor, await approveReport(actor, request.params.id, request.body, { db }));
    },
  );

  app.post(
    '/api/v1/reports/:id/publish',
    {
      schema: {
        summary: 'Publish an approved report on the municipality’s public pages',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: ReportOut, ...ERRORS },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return present(db, actor, await publishReport(actor, request.params.id, { db }));
    },
  );
}
