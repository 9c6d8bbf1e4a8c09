// HTTP of a person's data: the staff page (search, register extract as page / PDF / JSON,
// rectification, erasure with a confirm step) and the JSON API. Security-relevant: every route
// takes the person in a POST body, so neither e-mail nor phone reaches a URL or the request log.
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, type StaffContext, staffContext } from '../../web/staff.ts';
import { type Chromium, createChromium } from '../reports/index.ts';
import { printableExtract, registerExtractPage } from './privacy.extract.tsx';
import { ERASE_MESSAGES, EraseInput, PersonQueryInput, personTerm } from './privacy.input.ts';
import { presentPersonData } from './privacy.present.ts';
import { type ExportFormat, erasePersonRecord, exportPerson, PRIVACY_ROLES, rectifyPersonCase, searchPerson } from './privacy.service.ts';
import { ConfirmErasePage, PERSON_PAGE, PersonPage, type SearchValues } from './privacy.views.tsx';

export const PDF_MISSING =
  'PDF kan inte skapas: Chromium finns inte på servern (CHROMIUM_PATH). Visa registerutdraget och skriv ut det från webbläsaren i stället.';

type Body = Record<string, unknown>;

const bodyOf = (body: unknown): Body => (body && typeof body === 'object' ? (body as Body) : {});
const valuesOf = (body: Body): SearchValues => ({
  email: typeof body.email === 'string' ? body.email.slice(0, 254) : '',
  phone: typeof body.phone === 'string' ? body.phone.slice(0, 40) : '',
});

const RECTIFY_FIELDS: Record<string, string> = { contactName: 'name', contactEmail: 'email', contactPhone: 'phone' };

const ErrorOut = Type.Object({
  error: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

const FORMATS: readonly ExportFormat[] = ['html', 'pdf', 'json'];

async function sendExtract(reply: FastifyReply, format: ExportFormat, data: Awaited<ReturnType<typeof exportPerson>>, printer: Chromium) {
  reply.header('cache-control', 'no-store');
  if (format === 'json') {
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="registerutdrag.json"')
      .send(JSON.stringify(presentPersonData(data), null, 2));
  }
  if (format === 'pdf') {
    const pdf = await printer.pdf(printableExtract(data), { footer: `Registerutdrag – ${data.controller.name}` });
    return reply.type('application/pdf').header('content-disposition', 'attachment; filename="registerutdrag.pdf"').send(pdf);
  }
  return html(reply, registerExtractPage(data));
}

export function registerPrivacyRoutes(app: App, { db, config }: AppContext): void {
  addStaffNav({ href: PERSON_PAGE, label: 'Personuppgifter', order: 88, roles: [...PRIVACY_ROLES] });
  // Its own printer: one Chromium started on the first PDF, closed with the app.
  const printer = createChromium(config.chromiumPath);
  app.addHook('onClose', async () => {
    await printer.close();
  });

  /** The page with the person's data (a fresh, audited search) or just the form; `problem` shown on top. */
  async function page(
    reply: FastifyReply,
    staff: StaffContext,
    body: Body,
    extra: { notice?: string; problem?: AppError; errors?: FieldError[] } = {},
  ) {
    const values = valuesOf(body);
    let errors = extra.errors ?? [];
    let data: Awaited<ReturnType<typeof searchPerson>> | undefined;
    let status = extra.problem?.status ?? (errors.length > 0 ? 400 : 200);
    if (values.email || values.phone) {
      try {
        data = await searchPerson(staff.actor, body, { db });
      } catch (error) {
        if (!(error instanceof AppError) || error.fields.length === 0) throw error;
        errors = [...errors, ...error.fields];
        status = 400;
      }
    }
    const problem = extra.problem && extra.problem.fields.length === 0 ? extra.problem.message : undefined;
    return html(reply, renderPage(PersonPage({ session: staff.session, values, data, errors, notice: extra.notice, problem })), status);
  }

  app.get(PERSON_PAGE, async (request, reply) => {
    const staff = staffContext(request, reply);
    if (!PRIVACY_ROLES.some((r) => staff.actor.grants.some((g) => g.role === r)))
      throw new AppError('forbidden', 'Sidan är till för administratörer.');
    return html(reply, renderPage(PersonPage({ session: staff.session, values: { email: '', phone: '' }, errors: [] })));
  });

  app.post(PERSON_PAGE, async (request, reply) => {
    const staff = staffContext(request, reply);
    const body = bodyOf(request.body);
    const values = valuesOf(body);
    if (!values.email && !values.phone) {
      // Checked by the service too; here so that an empty form is a 400 without a search.
      try {
        personTerm(body);
      } catch (error) {
        if (error instanceof AppError) return page(reply, staff, body, { errors: error.fields });
        throw error;
      }
    }
    return page(reply, staff, body);
  });

  app.post(`${PERSON_PAGE}/extract`, async (request, reply) => {
    const staff = staffContext(request, reply);
    const body = bodyOf(request.body);
    const format = FORMATS.find((f) => f === body.format) ?? 'html';
    if (format === 'pdf' && !printer.available) return page(reply, staff, body, { problem: new AppError('unavailable', PDF_MISSING) });
    try {
      const data = await exportPerson(staff.actor, body, format, { db });
      return sendExtract(reply, format, data, printer);
    } catch (error) {
      if (error instanceof AppError && error.fields.length > 0) return page(reply, staff, body, { errors: error.fields });
      throw error;
    }
  });

  app.post(`${PERSON_PAGE}/rectify`, async (request, reply) => {
    const staff = staffContext(request, reply);
    const body = bodyOf(request.body);
    try {
      const caseNumber = await rectifyPersonCase(staff.actor, body, body, { db });
      return page(reply, staff, body, {
        notice: `Kontaktuppgifterna i ärende ${caseNumber} är rättade. Ärendet syns inte längre här om den sökta uppgiften ändrades.`,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const caseId = typeof body.caseId === 'string' ? body.caseId : '';
      const errors = error.fields.map((f) => (RECTIFY_FIELDS[f.field] ? { ...f, field: `c-${caseId}-${RECTIFY_FIELDS[f.field]}` } : f));
      return page(reply, staff, body, { problem: error, errors });
    }
  });

  app.post(`${PERSON_PAGE}/erase`, async (request, reply) => {
    const staff = staffContext(request, reply);
    const body = bodyOf(request.body);
    try {
      if (body.confirmed !== 'yes') {
        // The confirm step: nothing is changed yet; the page says what goes, or why it may not.
        personTerm(body);
        const { kind, id } = validate(EraseInput, { kind: body.kind, id: body.id }, ERASE_MESSAGES);
        if (!PRIVACY_ROLES.some((r) => staff.actor.grants.some((g) => g.role === r)))
          throw new AppError('forbidden', 'Du har inte behörighet att göra detta.');
        return html(reply, renderPage(ConfirmErasePage({ session: staff.session, values: valuesOf(body), kind, id })));
      }
      const kind = await erasePersonRecord(staff.actor, body, { kind: body.kind, id: body.id }, { db });
      return page(reply, staff, body, {
        notice: kind === 'outbox' ? 'Utskicket är raderat.' : 'Nöjdhetsfrågans kontaktuppgifter och kommentar är raderade.',
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return page(reply, staff, body, { problem: error, errors: error.fields });
    }
  });

  app.post(
    '/api/v1/persons/export',
    {
      schema: {
        summary: 'A person’s data (GDPR art. 15 register extract) found by e-mail or phone, as JSON; admin only, audited',
        description:
          'The person is sent in the body, never in the URL, so that it does not reach request logs. Needs an API token without the read-only scope.',
        tags: ['privacy'],
        security: [{ bearer: [] }],
        body: PersonQueryInput,
        response: {
          200: Type.Unknown({
            description: 'controller, purposes, legalBasis, recipients, retention, rights, cases, surveyInvitations, outbox',
          }),
          400: ErrorOut,
          401: ErrorOut,
          403: ErrorOut,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const data = await exportPerson(actor, request.body, 'json', { db });
      return reply.header('cache-control', 'no-store').send(presentPersonData(data));
    },
  );
}
