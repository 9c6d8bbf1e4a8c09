// Staff pages of the promise register: post → redirect → get; on errors the form is shown
// again with status 400, an error summary and what was typed.
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import type { Actor } from '../accounts/actor.ts';
import { coversUnit, hasAnyRole } from '../accounts/policy.ts';
import { localDate } from '../calendar/calendar.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { listUnits, unitPath } from '../org/org.service.ts';
import type { Fulfilment } from './fulfilment.ts';
import { formErrors, formToInput, parsePercent, promiseToForm } from './promises.form.ts';
import { createResultsLoader, promiseSummary, promiseYearResults } from './promises.results.ts';
import {
  addClaim,
  addMeasurements,
  createPromise,
  getPromise,
  listClaims,
  listMeasurements,
  listPromiseEvents,
  listPromises,
  minCount,
  type PromiseView,
  setMinCount,
  transitionPromise,
  updatePromise,
  WRITE_ROLES,
} from './promises.service.ts';
import type { FormValues } from './promises.staff.components.tsx';
import { ClaimsPage, MeasurementsPage, ResultsPage } from './promises.staff.results.views.tsx';
import { PromiseFormPage, PromiseListPage, PromisePage } from './promises.staff.views.tsx';

function body(request: FastifyRequest): FormValues {
  const raw = (request.body ?? {}) as Record<string, unknown>;
  const out: FormValues = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** The promise form's checkbox groups and multi-selects: the input guard keeps these as lists. */
const FORM_LISTS = { formArrays: ['metric.filter.types', 'metric.filter.channels', 'metric.boardUnitIds'] };

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** Field errors are shown in the form; anything else is the error page. */
function fieldErrorsOf(error: unknown): FieldError[] {
  if (error instanceof AppError && error.fields.length > 0) return formErrors(error.fields);
  if (error instanceof AppError && (error.code === 'conflict' || error.code === 'validation'))
    return [{ field: 'form', message: error.message }];
  throw error;
}

/** A lost race or a refused state change is a 409 on the form too; other field errors are 400. */
function failureStatus(error: unknown): number {
  return error instanceof AppError && error.code === 'conflict' ? 409 : 400;
}

const NOT_WRITER =
  'Du kan läsa det här servicelöftet men inte ändra det. Löften ändras av kvalitetsstrateger och administratörer för löftets enhet.';
const NOT_CREATOR = 'Du kan läsa servicelöftena men inte skapa nya. Löften skapas av kvalitetsstrateger och administratörer.';

async function canWrite(db: AppContext['db'], actor: Actor, p?: PromiseView): Promise<boolean> {
  if (!hasAnyRole(actor, WRITE_ROLES)) return false;
  if (!p) return true;
  return coversUnit(actor, WRITE_ROLES, await unitPath(db, actor.tenantId, p.current.unitId));
}

export function registerPromiseStaffRoutes(app: App, { db }: AppContext): void {
  addStaffNav({ href: '/staff/promises', label: 'Servicelöften', order: 30 });

  const listPage = async (request: FastifyRequest, reply: Parameters<typeof staffContext>[1], errors: FieldError[] = []) => {
    const { actor, session } = staffContext(request, reply);
    const [promises, units, min] = await Promise.all([
      listPromises(db, actor.tenantId),
      listUnits(db, actor.tenantId),
      minCount(db, actor.tenantId),
    ]);
    // The overview shares case loads between requests for a minute (like the public pages).
    const today = localDate(new Date());
    const loader = createResultsLoader(db, actor.tenantId, today, { shared: true });
    const thisYear = new Map<string, Fulfilment>();
    for (const p of promises) {
      if (p.status === 'draft') continue;
      thisYear.set(p.id, (await promiseSummary(loader, p, Number(today.slice(0, 4)))).thisYear);
    }
    const page = PromiseListPage({
      session,
      promises,
      units,
      canWrite: hasAnyRole(actor, WRITE_ROLES),
      minCount: min,
      thisYear,
      flash: takeFlash(request),
      errors,
    });
    return html(reply, renderPage(page), errors.length ? 400 : 200);
  };

  app.get('/staff/promises', (request, reply) => listPage(request, reply));

  app.post('/staff/promises/settings', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    try {
      const n = await setMinCount(actor, { minCount: str(body(request).minCount) }, { db });
      request.session.flash = `Minsta antal för en bedömning är nu ${n}.`;
      return reply.redirect('/staff/promises', 303);
    } catch (error) {
      return listPage(request, reply, fieldErrorsOf(error));
    }
  });

  const formPage = async (
    request: FastifyRequest,
    reply: Parameters<typeof staffContext>[1],
    values: FormValues,
    errors: FieldError[],
    promise?: PromiseView,
    status = errors.length ? 400 : 200,
  ) => {
    const { actor, session } = staffContext(request, reply);
    const units = await listUnits(db, actor.tenantId);
    return html(reply, renderPage(PromiseFormPage({ session, units, errors, values, promise })), status);
  };

  app.get('/staff/promises/new', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    if (!(await canWrite(db, actor))) throw new AppError('forbidden', NOT_CREATOR);
    return formPage(request, reply, { validFrom: localDate(new Date()), kind: 'guarantee', 'metric.valueKind': 'counts' }, []);
  });

  app.post('/staff/promises/new', { config: FORM_LISTS }, async (request, reply) => {
    const { actor } = staffContext(request, reply);
    if (!(await canWrite(db, actor))) throw new AppError('forbidden', NOT_CREATOR);
    const values = body(request);
    try {
      const created = await createPromise(actor, formToInput(values, 'create'), { db });
      request.session.flash = `Utkastet ”${created.current.title}” har skapats.`;
      return reply.redirect(`/staff/promises/${created.id}`, 303);
    } catch (error) {
      return formPage(request, reply, values, fieldErrorsOf(error), undefined, failureStatus(error));
    }
  });

  const promisePage = async (
    request: FastifyRequest,
    reply: Parameters<typeof staffContext>[1],
    id: string,
    errors: FieldError[] = [],
    values: FormValues = {},
    status = errors.length ? 400 : 200,
  ) => {
    const { actor, session } = staffContext(request, reply);
    const p = await getPromise(db, actor.tenantId, uuidOr404(id));
    const [events, units] = await Promise.all([listPromiseEvents(db, actor.tenantId, p.id), listUnits(db, actor.tenantId)]);
    const page = PromisePage({
      session,
      p,
      events,
      units,
      canWrite: await canWrite(db, actor, p),
      flash: takeFlash(request),
      errors,
      values,
    });
    return html(reply, renderPage(page), status);
  };

  app.get('/staff/promises/:id', (request, reply) => promisePage(request, reply, (request.params as { id: string }).id));

  app.post('/staff/promises/:id/transitions', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const values = body(request);
    const to = str(values.to);
    const input: Record<string, unknown> = { to };
    if (to === 'decided') {
      input.decision = {
        board: str(values['decision.board']),
        date: str(values['decision.date']),
        registrationNumber: str(values['decision.registrationNumber']),
      };
    }
    if (to === 'retired' && str(values.retiredOn)) input.retiredOn = str(values.retiredOn);
    try {
      const p = await transitionPromise(actor, id, input, { db });
      request.session.flash =
        to === 'decided' ? 'Beslutet är registrerat.' : to === 'published' ? 'Löftet är publicerat.' : 'Löftet är avslutat.';
      return reply.redirect(`/staff/promises/${p.id}`, 303);
    } catch (error) {
      return promisePage(request, reply, id, fieldErrorsOf(error), values, failureStatus(error));
    }
  });

  // Only someone who may change the promise gets its form: others learn it before they type.
  const editable = async (request: FastifyRequest, reply: Parameters<typeof staffContext>[1]) => {
    const { actor } = staffContext(request, reply);
    const p = await getPromise(db, actor.tenantId, uuidOr404((request.params as { id: string }).id));
    if (!(await canWrite(db, actor, p))) throw new AppError('forbidden', NOT_WRITER);
    if (p.status === 'retired') throw new AppError('conflict', 'Löftet är avslutat och kan inte ändras.');
    return { actor, p };
  };

  app.get('/staff/promises/:id/edit', async (request, reply) => {
    const { p } = await editable(request, reply);
    return formPage(request, reply, promiseToForm(p), [], p);
  });

  app.post('/staff/promises/:id/edit', { config: FORM_LISTS }, async (request, reply) => {
    const { actor, p } = await editable(request, reply);
    const values = body(request);
    try {
      // The form carries the version it was opened on: saving over a newer version is a 409.
      const expectedVersion = Number(str(values.expectedVersion));
      const input = {
        ...formToInput(values, p.status === 'draft' ? 'edit-draft' : 'edit-decided'),
        ...(Number.isInteger(expectedVersion) && expectedVersion > 0 ? { expectedVersion } : {}),
      };
      const updated = await updatePromise(actor, p.id, input, { db });
      request.session.flash =
        updated.current.version > p.current.version
          ? `Ändringen är sparad som version ${updated.current.version} från ${updated.current.validFrom}.`
          : 'Ändringen är sparad.';
      return reply.redirect(`/staff/promises/${p.id}`, 303);
    } catch (error) {
      return formPage(request, reply, values, fieldErrorsOf(error), p, failureStatus(error));
    }
  });

  const measurementsPage = async (
    request: FastifyRequest,
    reply: Parameters<typeof staffContext>[1],
    errors: FieldError[] = [],
    values: FormValues = {},
  ) => {
    const { actor, session } = staffContext(request, reply);
    const p = await getPromise(db, actor.tenantId, uuidOr404((request.params as { id: string }).id));
    const rows = await listMeasurements(db, actor.tenantId, p.id);
    const page = MeasurementsPage({ session, p, rows, canWrite: await canWrite(db, actor, p), flash: takeFlash(request), errors, values });
    return html(reply, renderPage(page), errors.length ? 400 : 200);
  };

  app.get('/staff/promises/:id/measurements', (request, reply) => measurementsPage(request, reply));

  app.post('/staff/promises/:id/measurements', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const values = body(request);
    const input: Record<string, unknown> = { period: str(values.period) };
    const errors: FieldError[] = [];
    for (const f of ['numerator', 'denominator'] as const) {
      if (values[f] === undefined) continue;
      if (!/^\d+$/.test(str(values[f])))
        errors.push({
          field: f,
          message: f === 'numerator' ? 'Ange antal som klarade löftet som ett heltal.' : 'Ange antal som mättes som ett heltal.',
        });
      else input[f] = Number(str(values[f]));
    }
    if (values.value !== undefined) {
      const v = parsePercent(str(values.value));
      if (v === undefined) errors.push({ field: 'value', message: 'Ange värdet i procent, 0–100 (t.ex. 99,7).' });
      else input.value = v;
    }
    if (str(values.comment)) input.comment = str(values.comment);
    try {
      if (errors.length) throw new AppError('validation', 'Uppgifterna är inte giltiga.', { fields: errors });
      await addMeasurements(actor, id, input, { db });
      request.session.flash = `Värdet för ${input.period} är sparat.`;
      return reply.redirect(`/staff/promises/${id}/measurements`, 303);
    } catch (error) {
      const fields = fieldErrorsOf(error).map((e) =>
        e.field === 'value' ? { ...e, message: 'Ange värdet i procent, 0–100 (t.ex. 99,7).' } : e,
      );
      return measurementsPage(request, reply, fields, values);
    }
  });

  const claimsPage = async (
    request: FastifyRequest,
    reply: Parameters<typeof staffContext>[1],
    errors: FieldError[] = [],
    values: FormValues = {},
  ) => {
    const { actor, session } = staffContext(request, reply);
    const p = await getPromise(db, actor.tenantId, uuidOr404((request.params as { id: string }).id));
    const rows = await listClaims(db, actor.tenantId, p.id);
    const page = ClaimsPage({ session, p, rows, canWrite: await canWrite(db, actor, p), flash: takeFlash(request), errors, values });
    return html(reply, renderPage(page), errors.length ? 400 : 200);
  };

  app.get('/staff/promises/:id/claims', (request, reply) => claimsPage(request, reply));

  app.post('/staff/promises/:id/claims', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const values = body(request);
    const cost = str(values.costSek).replace(/\s/g, '').replace(',', '.');
    try {
      if (cost && !Number.isFinite(Number(cost))) {
        throw new AppError('validation', 'Ogiltig kostnad.', {
          fields: [{ field: 'costSek', message: 'Ange kostnaden i kronor som ett tal.' }],
        });
      }
      await addClaim(
        actor,
        id,
        {
          claimedOn: str(values.claimedOn),
          description: str(values.description),
          remedyGiven: str(values.remedyGiven),
          ...(cost ? { costSek: Number(cost) } : {}),
        },
        { db },
      );
      request.session.flash = 'Den åberopade garantin är registrerad.';
      return reply.redirect(`/staff/promises/${id}/claims`, 303);
    } catch (error) {
      return claimsPage(request, reply, fieldErrorsOf(error), values);
    }
  });

  app.get('/staff/promises/:id/results', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const p = await getPromise(db, actor.tenantId, uuidOr404((request.params as { id: string }).id));
    const today = localDate(new Date());
    const thisYear = Number(today.slice(0, 4));
    const asked = Number((request.query as { year?: string }).year);
    const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
    const results = await promiseYearResults(createResultsLoader(db, actor.tenantId, today), p, year);
    const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
    return html(reply, renderPage(ResultsPage({ session, p, results, years, canWrite: await canWrite(db, actor, p) })));
  });
}
