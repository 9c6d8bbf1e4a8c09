// Staff pages of satisfaction: HTTP in, the services, pages out (no SQL here).
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { acceptFileUploads, uploadedFile } from '../../http/multipart.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { localDate } from '../calendar/calendar.ts';
import { type AfterContactDimension, afterContactResults } from './after-contact.service.ts';
import { AfterContactPageStaff } from './after-contact.views.tsx';
import { IMPORT_FIELDS, importInsikt } from './insikt.import.ts';
import { areaNames, getSettings, listTargets, readResults, saveResult, saveSettings, saveTarget, WRITE_ROLES } from './insikt.service.ts';
import { ImportPage, InsiktPage, ResultFormPage, SettingsPage } from './insikt.views.tsx';
import { distributionChart, nkiChart } from './satisfaction.chart.ts';
import { closeSurvey, createInvitations, createSurvey, listSurveys, surveyResults } from './surveys.service.ts';
import { QUESTION_SLOTS, SurveyDetailPage, SurveyFormPage, SurveysPage } from './surveys.views.tsx';

const body = (request: FastifyRequest): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((request.body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
};

/** Field errors of a failed form post; anything else propagates. */
function formErrors(error: unknown): { errors: FieldError[]; status: number } {
  if (error instanceof AppError && (error.code === 'validation' || error.code === 'conflict')) {
    return { errors: error.fields.length > 0 ? error.fields : [{ field: 'form', message: error.message }], status: error.status };
  }
  throw error;
}

/** "12" → 12, "12,5" → 12.5, "" → undefined; anything else stays text for the schema to refuse. */
const num = (s: string | undefined): number | string | undefined => {
  const t = (s ?? '').trim().replace(',', '.');
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
};
const nullableNum = (s: string | undefined) => num(s) ?? null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerSatisfactionStaffRoutes(app: App, { db, config }: AppContext): void {
  addStaffNav({ href: '/staff/satisfaction', label: 'Nöjdhet', order: 62, roles: ['quality', 'admin', 'agent', 'reader'] });

  const areaList = async (tenantId: string) => [...(await areaNames(db, tenantId))] as [string, string][];

  app.get('/staff/satisfaction', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const [results, targets, settings, names] = await Promise.all([
      readResults(db, actor.tenantId, {}),
      listTargets(db, actor.tenantId),
      getSettings(db, actor.tenantId),
      areaNames(db, actor.tenantId),
    ]);
    const areas = [...new Set(results.map((r) => r.area))].sort((a, b) => (a === 'total' ? -1 : b === 'total' ? 1 : a.localeCompare(b)));
    const sections = areas.map((area) => {
      const rows = results.filter((r) => r.area === area).sort((a, b) => b.year - a.year || a.period.localeCompare(b.period));
      const outcome = rows.filter((r) => r.period === '' && r.nki !== null).map((r) => ({ year: r.year, value: r.nki as number }));
      const areaTargets = targets.filter((t) => t.area === area).map((t) => ({ year: t.year, value: t.target }));
      const name = names.get(area) ?? area;
      const chartSvg =
        outcome.length + areaTargets.length > 0
          ? nkiChart(outcome, areaTargets, `Diagram: NKI för ${name} per år (linje) och mål (prickad). Värdena finns i tabellen.`)
          : null;
      return { area, name, chartSvg, rows };
    });
    return html(reply, renderPage(InsiktPage({ session, sections, settings, flash: takeFlash(request) })));
  });

  // ---- import ---------------------------------------------------------------------------------

  app.get('/staff/satisfaction/import', async (request, reply) => {
    const { session } = staffContext(request, reply);
    return html(reply, renderPage(ImportPage({ session, values: {}, errors: [], flash: takeFlash(request) })));
  });

  // The import form is multipart when a file is chosen (XLSX or CSV); pasted CSV still posts as a
  // plain form. An uploaded XLSX file rides along base64 in a hidden field to the mapping step.
  app.register(async (scope) => {
    await acceptFileUploads(scope, { maxBytes: IMPORT_MAX_BYTES, maxFields: 40, maxFieldBytes: Math.ceil(IMPORT_MAX_BYTES * 1.4) });
    scope.post('/staff/satisfaction/import', async (request, reply) => {
      const { actor, session } = staffContext(request, reply);
      const b = body(request);
      const file = uploadedFile(request, 'file');
      const values = { data: b.data ?? '', xlsx: b.xlsx ?? '' };
      const sentMapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, b[`mapping.${f}`] ?? '']).filter(([, h]) => h));
      // A new file starts over at the mapping step.
      const preview = b.step !== 'import' || file !== null;
      let headers: string[] | undefined;
      let mapping: Record<string, string> | undefined;
      try {
        if (file?.tooLarge) throw fileTooLarge();
        if (file && isZip(file.bytes)) Object.assign(values, { xlsx: file.bytes.toString('base64'), data: '' });
        else if (file) Object.assign(values, { data: file.bytes.toString('utf8').replace(/^\uFEFF/, ''), xlsx: '' });
        const source = values.xlsx ? { format: 'xlsx' as const, data: values.xlsx } : { format: 'csv' as const, data: values.data };
        const r = await importInsikt(actor, { ...source, preview: true, ...(preview ? {} : { mapping: sentMapping }) }, { db });
        headers = r.headers;
        mapping = preview ? r.mapping : sentMapping;
        if (preview) return html(reply, renderPage(ImportPage({ session, values, errors: [], headers, mapping })));
        const done = await importInsikt(actor, { ...source, mapping: sentMapping }, { db });
        request.session.flash = `${done.stored} resultat har importerats. Kolumnmappningen är sparad till nästa gång.`;
        return reply.redirect('/staff/satisfaction', 303);
      } catch (error) {
        const { errors, status } = formErrors(error);
        // The file's content is the `data` field of the service; an uploaded file shows at the file input.
        const shown = values.xlsx || file ? errors.map((e) => (e.field === 'data' ? { ...e, field: 'file' } : e)) : errors;
        return html(reply, renderPage(ImportPage({ session, values, errors: shown, headers, mapping })), status);
      }
    });
  });

  // ---- manual entry ---------------------------------------------------------------------------

  app.get('/staff/satisfaction/result', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const values = { year: String(Number(localDate(new Date()).slice(0, 4)) - 1), period: '' };
    return html(reply, renderPage(ResultFormPage({ session, values, errors: [], areas: await areaList(actor.tenantId) })));
  });

  app.post('/staff/satisfaction/result', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const values = body(request);
    const input: Record<string, unknown> = {
      year: num(values.year),
      period: values.period ?? '',
      area: values.area ?? '',
      n: num(values.n),
      responseRate: nullableNum(values.responseRate),
      nki: nullableNum(values.nki),
      bemotandeQuestion: nullableNum(values.bemotandeQuestion),
    };
    for (const f of ['information', 'tillganglighet', 'bemotande', 'kompetens', 'rattssakerhet', 'effektivitet'])
      input[f] = nullableNum(values[f]);
    try {
      const r = await saveResult(actor, input, { db });
      request.session.flash = `Resultatet för ${r.areaName} ${r.year} har sparats.`;
      return reply.redirect('/staff/satisfaction', 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      return html(reply, renderPage(ResultFormPage({ session, values, errors, areas: await areaList(actor.tenantId) })), status);
    }
  });

  // ---- settings and targets -------------------------------------------------------------------

  const settingsPage = async (
    request: FastifyRequest,
    reply: Parameters<typeof staffContext>[1],
    form?: { values: Record<string, string>; errors: FieldError[] },
    target?: { values: Record<string, string>; errors: FieldError[] },
    status = 200,
  ) => {
    const { actor, session } = staffContext(request, reply);
    const s = await getSettings(db, actor.tenantId);
    const values = form?.values ?? {
      minAnswers: String(s.minAnswers),
      'bands.veryHigh': String(s.bands.veryHigh),
      'bands.high': String(s.bands.high),
      'bands.pass': String(s.bands.pass),
      'bands.low': String(s.bands.low),
      afterContactEnabled: s.afterContactEnabled ? 'yes' : 'no',
      afterContactDelayHours: String(s.afterContactDelayHours),
    };
    const page = SettingsPage({
      session,
      values,
      errors: form?.errors ?? [],
      targetValues: target?.values ?? {},
      targetErrors: target?.errors ?? [],
      targets: await listTargets(db, actor.tenantId),
      areas: await areaList(actor.tenantId),
      flash: takeFlash(request),
    });
    return html(reply, renderPage(page), status);
  };

  app.get('/staff/satisfaction/settings', async (request, reply) => settingsPage(request, reply));

  app.post('/staff/satisfaction/settings', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const values = body(request);
    try {
      await saveSettings(
        actor,
        {
          minAnswers: num(values.minAnswers),
          bands: {
            veryHigh: num(values['bands.veryHigh']),
            high: num(values['bands.high']),
            pass: num(values['bands.pass']),
            low: num(values['bands.low']),
          },
          afterContactEnabled: values.afterContactEnabled === 'yes',
          afterContactDelayHours: num(values.afterContactDelayHours),
        },
        { db },
      );
      request.session.flash = 'Inställningarna har sparats.';
      return reply.redirect('/staff/satisfaction/settings', 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      return settingsPage(request, reply, { values, errors }, undefined, status);
    }
  });

  app.post('/staff/satisfaction/targets', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const values = body(request);
    try {
      await saveTarget(actor, { area: values.area ?? '', year: num(values.year), target: num(values.target) }, { db });
      request.session.flash = 'Målet har sparats.';
      return reply.redirect('/staff/satisfaction/settings', 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      const renamed = errors.map((e) => ({ ...e, field: `target-${e.field}` }));
      return settingsPage(request, reply, undefined, { values, errors: renamed }, status);
    }
  });

  // ---- surveys --------------------------------------------------------------------------------

  app.get('/staff/surveys', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    return html(reply, renderPage(SurveysPage({ session, surveys: await listSurveys(actor, { db }), flash: takeFlash(request) })));
  });

  app.get('/staff/surveys/new', async (request, reply) => {
    const { session } = staffContext(request, reply);
    return html(reply, renderPage(SurveyFormPage({ session, values: {}, errors: [] })));
  });

  app.post('/staff/surveys/new', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const values = body(request);
    const optional = (s: string | undefined) => (s?.trim() ? s : null);
    const questions = Array.from({ length: QUESTION_SLOTS }, (_, i) => i)
      .filter((i) => values[`questions.${i}.text`]?.trim())
      .map((i) => {
        const type = values[`questions.${i}.type`] ?? 'scale5';
        const options = (values[`questions.${i}.options`] ?? '')
          .split(/\r?\n/)
          .map((o) => o.trim())
          .filter(Boolean)
          .map((sv) => ({ sv }));
        return {
          type,
          text: values[`questions.${i}.text`],
          textFi: optional(values[`questions.${i}.textFi`]),
          textEn: optional(values[`questions.${i}.textEn`]),
          required: values[`questions.${i}.required`] === 'yes',
          ...(type === 'choice' || options.length > 0 ? { options } : {}),
        };
      });
    try {
      const { id } = await createSurvey(
        actor,
        {
          title: values.title ?? '',
          titleFi: optional(values.titleFi),
          titleEn: optional(values.titleEn),
          intro: values.intro ?? '',
          openLink: values.openLink === 'yes',
          questions,
        },
        { db },
      );
      request.session.flash = 'Enkäten har skapats.';
      return reply.redirect(`/staff/surveys/${id}`, 303);
    } catch (error) {
      const { errors, status } = formErrors(error);
      return html(reply, renderPage(SurveyFormPage({ session, values, errors })), status);
    }
  });

  const surveyPage = async (
    request: FastifyRequest,
    reply: Parameters<typeof staffContext>[1],
    id: string,
    extra: { newTokens?: string[]; errors?: FieldError[]; status?: number } = {},
  ) => {
    const { actor, session } = staffContext(request, reply);
    if (!UUID.test(id)) throw new AppError('not_found', 'Enkäten finns inte.');
    const r = await surveyResults(actor, id, { db });
    const questions = r.questions.map((q) => ({
      ...q,
      chartSvg:
        q.distribution.length > 0
          ? distributionChart(
              q.distribution.map((d) => ({ label: q.type === 'choice' ? `Alt. ${d.value + 1}` : d.label, count: d.count })),
              `Diagram: antal svar per ${q.type === 'choice' ? 'alternativ' : 'värde'} för fråga ${q.position}. Värdena finns i tabellen.`,
            )
          : null,
    }));
    const page = SurveyDetailPage({
      session,
      survey: r.survey,
      openUrl: r.survey.openLink ? `${config.baseUrl}/${actor.tenantSlug}/enkat/${r.survey.openToken}` : null,
      responses: r.responses,
      invitations: r.invitations,
      minAnswers: r.minAnswers,
      questions,
      newTokens: extra.newTokens,
      baseUrl: config.baseUrl,
      tenantSlug: actor.tenantSlug,
      canClose: hasAnyRole(actor, WRITE_ROLES),
      errors: extra.errors ?? [],
      flash: takeFlash(request),
    });
    reply.header('Cache-Control', 'no-store');
    return html(reply, renderPage(page), extra.status ?? 200);
  };

  app.get('/staff/surveys/:id', async (request, reply) => surveyPage(request, reply, (request.params as { id: string }).id));

  app.post('/staff/surveys/:id/invitations', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = (request.params as { id: string }).id;
    if (!UUID.test(id)) throw new AppError('not_found', 'Enkäten finns inte.');
    try {
      const tokens = await createInvitations(actor, id, { count: num(body(request).count) }, { db });
      return surveyPage(request, reply, id, { newTokens: tokens });
    } catch (error) {
      const { errors, status } = formErrors(error);
      return surveyPage(request, reply, id, { errors, status });
    }
  });

  app.post('/staff/surveys/:id/close', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = (request.params as { id: string }).id;
    if (!UUID.test(id)) throw new AppError('not_found', 'Enkäten finns inte.');
    const { alreadyClosed } = await closeSurvey(actor, id, { db });
    request.session.flash = alreadyClosed ? 'Enkäten var redan stängd.' : 'Enkäten är stängd. Den tar inte emot fler svar.';
    return reply.redirect(`/staff/surveys/${id}`, 303);
  });

  // ---- after-contact results ------------------------------------------------------------------

  app.get('/staff/satisfaction/after-contact', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const q = request.query as Record<string, string | undefined>;
    const by: AfterContactDimension = q.by === 'category' || q.by === 'channel' ? q.by : 'unit';
    const today = localDate(new Date());
    const valid = (s: string | undefined) =>
      typeof s === 'string' &&
      /^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(s) &&
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
    const from = valid(q.from) ? (q.from as string) : `${today.slice(0, 4)}-01-01`;
    const to = valid(q.to) ? (q.to as string) : today;
    const [r, settings] = await Promise.all([afterContactResults(actor, { by, from, to }, { db }), getSettings(db, actor.tenantId)]);
    return html(reply, renderPage(AfterContactPageStaff({ session, by, from, to, ...r, minAnswers: settings.minAnswers })));
  });
}

const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
// An XLSX file is a zip archive; anything else is read as CSV text.
const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
const fileTooLarge = () =>
  new AppError('validation', 'Filen är för stor.', { fields: [{ field: 'file', message: 'Filen är större än 5 MB.' }] });
