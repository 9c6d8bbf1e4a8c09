// The municipality's own settings: name, organisation number, default language and the default
// number of working days to first feedback (N). Read by any signed-in staff, changed by admins.
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import type { Tenant } from './tenants.repo.ts';
import { getTenantSettings, TENANT_LANGUAGES, updateTenantSettings } from './tenants.service.ts';
import { type SettingsFormValues, TenantSettingsPage } from './tenants.views.tsx';

const TenantOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: Type.String(),
  orgNumber: Type.Union([Type.String(), Type.Null()]),
  defaultLanguage: Type.Enum(TENANT_LANGUAGES),
  timeZone: Type.String(),
  firstResponseDays: Type.Integer(),
  municipalityCode: Type.Union([Type.String(), Type.Null()], { description: 'Kolada municipality code (four digits)' }),
});

const TenantPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    orgNumber: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 20 })])),
    defaultLanguage: Type.Optional(Type.Enum(TENANT_LANGUAGES)),
    firstResponseDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
    municipalityCode: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 20 })])),
  },
  { additionalProperties: false },
);

function present(tenant: Tenant) {
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    orgNumber: tenant.orgNumber,
    defaultLanguage: tenant.defaultLanguage,
    timeZone: tenant.timeZone,
    firstResponseDays: tenant.firstResponseDays,
    municipalityCode: tenant.municipalityCode,
  };
}

function formValues(tenant: Tenant): SettingsFormValues {
  return {
    name: tenant.name,
    orgNumber: tenant.orgNumber ?? '',
    defaultLanguage: tenant.defaultLanguage,
    firstResponseDays: String(tenant.firstResponseDays),
    municipalityCode: tenant.municipalityCode ?? '',
  };
}

export function registerTenantRoutes(app: App, { db }: AppContext): void {
  addStaffNav({ href: '/staff/settings', label: 'Inställningar', order: 88, roles: ['admin'] });

  app.get(
    '/api/v1/tenant',
    {
      schema: {
        summary: 'The settings of the caller’s municipality',
        tags: ['organisation'],
        security: [{ bearer: [] }],
        response: { 200: TenantOut },
      },
    },
    async (request) => present(await getTenantSettings(requireActor(request), { db })),
  );

  app.patch(
    '/api/v1/tenant',
    {
      schema: {
        summary: 'Change the municipality’s settings (role admin); a new default N applies to cases received afterwards',
        tags: ['organisation'],
        security: [{ bearer: [] }],
        body: TenantPatch,
        response: { 200: TenantOut },
      },
    },
    async (request) => present(await updateTenantSettings(requireActor(request), request.body, { db })),
  );

  // Staff page.
  app.get('/staff/settings', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ['admin']);
    const tenant = await getTenantSettings(actor, { db });
    return html(
      reply,
      renderPage(TenantSettingsPage({ session, tenant, flash: takeFlash(request), errors: [], values: formValues(tenant) })),
    );
  });

  app.post('/staff/settings', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const values: SettingsFormValues = {
      name: body.name ?? '',
      orgNumber: body.orgNumber ?? '',
      defaultLanguage: body.defaultLanguage ?? '',
      firstResponseDays: body.firstResponseDays ?? '',
      municipalityCode: body.municipalityCode ?? '',
    };
    const days = values.firstResponseDays.trim();
    const input = {
      name: values.name,
      orgNumber: values.orgNumber.trim(),
      defaultLanguage: values.defaultLanguage,
      // A non-number stays a string so that validation names the field.
      firstResponseDays: /^\d{1,3}$/.test(days) ? Number(days) : days,
      municipalityCode: values.municipalityCode.trim(),
    };
    try {
      await updateTenantSettings(actor, input, { db });
      request.session.flash = 'Inställningarna har sparats.';
      return reply.redirect('/staff/settings', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const tenant = await getTenantSettings(actor, { db });
      return html(reply, renderPage(TenantSettingsPage({ session, tenant, errors: error.fields, values })), error.status);
    }
  });
}
