// The staff page that imports the plan template into a plan (quality or admin): the XLSX workbook,
// or one sheet as CSV, through the same import service as the JSON API. Every error of the file
// is shown on the page (400) and nothing is stored; success redirects to the plan with a summary.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { acceptFileUploads, multipartFields, uploadedFile } from '../../http/multipart.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { requireDefine } from './goals.access.ts';
import { type ImportResult, importPlanCsv, importPlanXlsx } from './goals.import.ts';
import { getPlan } from './goals.service.ts';
import { formErrors, uuidParam } from './goals.staff.routes.ts';
import { SHEETS, type SheetKey } from './goals.transfer.ts';
import { PlanImportPage } from './import.views.tsx';

const MAX_BYTES = 5 * 1024 * 1024;
const isSheet = (v: string | undefined): v is SheetKey => v !== undefined && Object.hasOwn(SHEETS, v);
// An XLSX file is a zip archive; everything else is read as CSV.
const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

export function importSummary(r: ImportResult): string {
  const parts = [
    ['målområden', r.goalAreas],
    ['mål', r.goals],
    ['indikatorer', r.indicators],
    ['värden', r.values],
    ['uppdrag', r.assignments],
  ] as const;
  const changed = parts.filter(([, n]) => n > 0).map(([what, n]) => `${what} ${n}`);
  return changed.length ? `Importen är klar. Nya eller ändrade: ${changed.join(', ')}.` : 'Importen är klar: ingenting behövde ändras.';
}

export function registerPlanImportStaffRoutes(app: App, { db }: AppContext): void {
  const show = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], sheet?: string) => {
    const { actor, session } = staffContext(request, reply);
    requireDefine(actor);
    const plan = await getPlan(actor, uuidParam(request), { db });
    const view = PlanImportPage({ session, plan, sheet, errors, maxMegabytes: MAX_BYTES / 1024 / 1024, flash: takeFlash(request) });
    return html(reply, renderPage(view), errors.length ? 400 : 200);
  };

  app.get('/staff/goals/plans/:id/import', (request, reply) => show(request, reply));

  app.register(async (scope) => {
    await acceptFileUploads(scope, { maxBytes: MAX_BYTES, maxFields: 3 });
    scope.post('/staff/goals/plans/:id/import', async (request, reply) => {
      const { actor } = staffContext(request, reply);
      requireDefine(actor);
      const planId = uuidParam(request);
      const { sheet } = multipartFields(request);
      const file = uploadedFile(request, 'file');
      try {
        if (!file) throw fileError('Välj en XLSX- eller CSV-fil att importera.');
        if (file.tooLarge) throw fileError(`Filen är större än ${MAX_BYTES / 1024 / 1024} MB.`);
        let result: ImportResult;
        if (isZip(file.bytes)) result = await importPlanXlsx(actor, planId, file.bytes, { db });
        else if (!isSheet(sheet))
          throw new AppError('validation', 'Välj vilket blad CSV-filen är.', {
            fields: [{ field: 'sheet', message: 'Välj vilket blad i mallen CSV-filen är.' }],
          });
        else result = await importPlanCsv(actor, planId, sheet, file.bytes, { db });
        request.session.flash = importSummary(result);
        return reply.redirect(`/staff/goals?plan=${planId}`, 303);
      } catch (error) {
        // The file's errors name a sheet, row and column, not a form field: they link to the file input.
        const errors = formErrors(error).map((e) => (e.field === 'sheet' ? e : { ...e, field: 'file' }));
        return show(request, reply, errors, sheet);
      }
    });
  });
}

function fileError(message: string): AppError {
  return new AppError('validation', message, { fields: [{ field: 'file', message }] });
}
