// Import and export of a plan as the XLSX template (and CSV per sheet).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { importPlanCsv, importPlanXlsx } from './goals.import.ts';
import { ERRORS, IdParams } from './goals.schemas.ts';
import { exportPlanCsv, exportPlanXlsx, SHEETS, type SheetKey } from './goals.transfer.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TAGS = ['goals'];
const SECURITY = [{ bearer: [] }];

export function registerTransferApi(app: App, { db }: AppContext): void {
  app.get(
    '/api/v1/goal-plans/:id/export',
    {
      schema: {
        summary:
          'The plan as the XLSX template filled in, or one sheet as CSV (format=csv&sheet=areas|goals|indicators|values|assignments)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])),
          sheet: Type.Optional(Type.Union(Object.keys(SHEETS).map((k) => Type.Literal(k)))),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (request.query.format === 'csv') {
        const sheet = (request.query.sheet ?? 'indicators') as SheetKey;
        const csv = await exportPlanCsv(actor, request.params.id, sheet, { db });
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="plan-${sheet}.csv"`).send(csv);
      }
      const file = await exportPlanXlsx(actor, request.params.id, { db });
      return reply.type(XLSX).header('content-disposition', 'attachment; filename="plan.xlsx"').send(file);
    },
  );

  // The XLSX body parser lives in this scope only, so the rest of the app keeps its parsers.
  app.register(async (plain) => {
    const scoped = plain.withTypeProvider<TypeBoxTypeProvider>();
    scoped.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));
    scoped.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_request, body, done) => done(null, body));
    scoped.post(
      '/api/v1/goal-plans/:id/import',
      {
        schema: {
          summary:
            'Import the XLSX template into a plan (quality or admin): all rows checked first, nothing stored when any is wrong; importing the same file twice changes nothing',
          description:
            'Send the workbook as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, or one sheet as text/csv (UTF-8, ; or , separated, the header row first) with ?sheet=areas|goals|indicators|values|assignments. A CSV sheet may refer to goal areas, goals and indicators already in the plan.',
          tags: TAGS,
          security: SECURITY,
          params: IdParams,
          querystring: Type.Object({ sheet: Type.Optional(Type.Union(Object.keys(SHEETS).map((k) => Type.Literal(k)))) }),
          response: {
            200: Type.Object({
              goalAreas: Type.Integer(),
              goals: Type.Integer(),
              indicators: Type.Integer(),
              values: Type.Integer(),
              assignments: Type.Integer(),
            }),
            ...ERRORS,
          },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError('validation', `Skicka filen som ${XLSX} eller ett blad som text/csv.`);
        if (request.headers['content-type']?.startsWith('text/csv')) {
          const sheet = request.query.sheet as SheetKey | undefined;
          if (!sheet)
            throw new AppError('validation', `Ange vilket blad CSV-filen är: sheet=${Object.keys(SHEETS).join('|')}.`, {
              fields: [{ field: 'query.sheet', message: `Ange vilket blad CSV-filen är: ${Object.keys(SHEETS).join(', ')}.` }],
            });
          return importPlanCsv(requireActor(request), request.params.id, sheet, request.body, { db });
        }
        return importPlanXlsx(requireActor(request), request.params.id, request.body, { db });
      },
    );
  });
}
