// The portal's own tenant settings: the name shown, logo, accent colour (contrast enforced),
// licence of the open data, and the facts of the accessibility statement. One row per tenant in
// portal_settings; every change in one transaction under the row lock, with an audit entry.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { invalid } from '../../http/errors.ts';
import { CalendarDate, Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findCategoryByCode } from '../cases/categories.service.ts';
import { checkAccent, LOGO_MAX_BYTES, logoType } from './portal.theme.ts';

export const LICENCES = {
  'CC0-1.0': { name: 'CC0 1.0 (fri användning)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
  'CC-BY-4.0': { name: 'CC BY 4.0 (ange källa)', url: 'https://creativecommons.org/licenses/by/4.0/' },
} as const;
export type Licence = keyof typeof LICENCES;

export interface PortalSettings {
  displayName: string | null;
  accentColour: string | null;
  licence: Licence;
  hasLogo: boolean;
  logoType: 'image/png' | 'image/jpeg' | null;
  contactEmail: string | null;
  feedbackCategory: string | null;
  compliance: 'full' | 'partial' | 'none';
  knownIssues: string;
  assessedOn: string | null;
  /** Changes with every save: the version in theme and logo URLs and ETags. */
  version: string;
}

export const DEFAULT_SETTINGS: PortalSettings = {
  displayName: null,
  accentColour: null,
  licence: 'CC0-1.0',
  hasLogo: false,
  logoType: null,
  contactEmail: null,
  feedbackCategory: null,
  compliance: 'partial',
  knownIssues: '',
  assessedOn: null,
  version: '0',
};

export async function getPortalSettings(db: Db, tenantId: string): Promise<PortalSettings> {
  const row = await db
    .selectFrom('portal_settings')
    .select([
      'display_name',
      'accent_colour',
      'licence',
      'logo_type',
      'contact_email',
      'feedback_category',
      'compliance',
      'known_issues',
      'assessed_on',
      'updated_at',
    ])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return {
    displayName: row.display_name,
    accentColour: row.accent_colour,
    licence: row.licence,
    hasLogo: row.logo_type !== null,
    logoType: row.logo_type,
    contactEmail: row.contact_email,
    feedbackCategory: row.feedback_category,
    compliance: row.compliance,
    knownIssues: row.known_issues,
    assessedOn: row.assessed_on,
    version: new Date(row.updated_at).getTime().toString(36),
  };
}

export async function getLogo(db: Db, tenantId: string) {
  return db.selectFrom('portal_settings').select(['logo', 'logo_type', 'updated_at']).where('tenant_id', '=', tenantId).executeTakeFirst();
}

export const SettingsInput = Type.Object(
  {
    displayName: Type.Optional(Text({ max: 200 })),
    accentColour: Type.Optional(Type.String({ pattern: '^(#[0-9a-fA-F]{6})?$' })),
    adjustColour: Type.Optional(Type.Union([Type.Literal('yes'), Type.Literal('')])),
    licence: Type.Optional(Type.Union([Type.Literal('CC0-1.0'), Type.Literal('CC-BY-4.0')])),
    contactEmail: Type.Optional(Type.String({ maxLength: 254, pattern: '^([^@\\s\\u0000]+@[^@\\s\\u0000]+\\.[^@\\s\\u0000]+)?$' })),
    feedbackCategory: Type.Optional(Type.String({ pattern: '^([a-z0-9_-]{2,40})?$' })),
    compliance: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('none')])),
    knownIssues: Type.Optional(Text({ max: 5000 })),
    assessedOn: Type.Optional(Type.Union([Type.Literal(''), CalendarDate()])),
  },
  { additionalProperties: false },
);

export const SETTINGS_MESSAGES: Record<string, string> = {
  displayName: 'Skriv namnet med högst 200 tecken.',
  accentColour: 'Ange färgen som #rrggbb, till exempel #1a5b8f, eller lämna fältet tomt.',
  adjustColour: 'Välj om färgen får justeras.',
  licence: 'Välj CC0 1.0 eller CC BY 4.0.',
  contactEmail: 'Ange en e-postadress som namn@kommun.se, eller lämna fältet tomt.',
  feedbackCategory: 'Ange koden för ett område, till exempel webb, eller lämna fältet tomt.',
  compliance: 'Välj hur väl webbplatsen uppfyller lagen.',
  knownIssues: 'Beskriv bristerna med högst 5 000 tecken.',
  assessedOn: 'Ange datumet som ÅÅÅÅ-MM-DD, eller lämna fältet tomt.',
};

const fmtRatio = (r: number) => r.toFixed(2).replace('.', ',');

/** Saves the settings; returns them and, when the colour was darkened, a message that says so. */
export async function savePortalSettings(
  actor: Actor,
  input: unknown,
  { db }: { db: Db },
): Promise<{ settings: PortalSettings; notice?: string }> {
  requireAnyRole(actor, ['admin']);
  const value = validate(SettingsInput, input, SETTINGS_MESSAGES);
  let accent: string | null | undefined;
  let notice: string | undefined;
  if (value.accentColour !== undefined) {
    if (value.accentColour === '') accent = null;
    else {
      const check = checkAccent(value.accentColour.toLowerCase());
      if (check.ok) accent = check.colour;
      else if (value.adjustColour === 'yes') {
        accent = check.suggestion;
        notice = `Färgen ${check.colour} hade kontrasten ${fmtRatio(check.contrast)}:1 och justerades till ${check.suggestion} (${fmtRatio(check.suggestionContrast)}:1), så att text och knappar syns.`;
      } else {
        throw invalid([
          {
            field: 'accentColour',
            message: `Färgen ${check.colour} har kontrasten ${fmtRatio(check.contrast)}:1 mot vit bakgrund; minst 4,5:1 behövs. Välj en mörkare färg, till exempel ${check.suggestion}, eller kryssa i att färgen får justeras.`,
          },
        ]);
      }
    }
  }
  if (value.feedbackCategory) {
    const category = await findCategoryByCode(db, actor.tenantId, value.feedbackCategory);
    if (!category?.active) throw invalid([{ field: 'feedbackCategory', message: 'Det finns inget aktivt område med den koden.' }]);
  }
  const patch = {
    ...(value.displayName !== undefined ? { display_name: value.displayName.trim() || null } : {}),
    ...(accent !== undefined ? { accent_colour: accent } : {}),
    ...(value.licence ? { licence: value.licence } : {}),
    ...(value.contactEmail !== undefined ? { contact_email: value.contactEmail.trim() || null } : {}),
    ...(value.feedbackCategory !== undefined ? { feedback_category: value.feedbackCategory || null } : {}),
    ...(value.compliance ? { compliance: value.compliance } : {}),
    ...(value.knownIssues !== undefined ? { known_issues: value.knownIssues.trim() } : {}),
    ...(value.assessedOn !== undefined ? { assessed_on: value.assessedOn || null } : {}),
  };
  await writeSettings(db, actor, patch, 'update');
  return { settings: await getPortalSettings(db, actor.tenantId), notice };
}

type Patch = Partial<{
  display_name: string | null;
  accent_colour: string | null;
  licence: Licence;
  contact_email: string | null;
  feedback_category: string | null;
  compliance: 'full' | 'partial' | 'none';
  known_issues: string;
  assessed_on: string | null;
  logo: Buffer | null;
  logo_type: 'image/png' | 'image/jpeg' | null;
}>;

async function writeSettings(db: Db, actor: Actor, patch: Patch, action: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The tenant's row lock orders concurrent saves; the first save inserts the row.
    await trx.selectFrom('tenants').select('id').where('id', '=', actor.tenantId).forUpdate().executeTakeFirstOrThrow();
    const now = new Date();
    await trx
      .insertInto('portal_settings')
      .values({ tenant_id: actor.tenantId, ...patch, updated_at: now })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...patch, updated_at: now }))
      .execute();
    const { logo: _logo, ...audited } = patch;
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action,
      entity: 'portal_settings',
      entityId: actor.tenantId,
      data: { after: { ...audited, ...(patch.logo !== undefined ? { logoBytes: patch.logo?.length ?? 0 } : {}) } },
    });
  });
}

/** Stores a PNG or JPEG logo (magic bytes checked, at most 200 KB); SVG and other files are refused. */
export async function saveLogo(actor: Actor, bytes: Uint8Array | null, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  if (bytes === null || bytes.length === 0) {
    await writeSettings(db, actor, { logo: null, logo_type: null }, 'remove_logo');
    return;
  }
  if (bytes.length > LOGO_MAX_BYTES) {
    throw invalid([{ field: 'logo', message: `Logotypen får vara högst 200 kB; filen är ${Math.ceil(bytes.length / 1024)} kB.` }]);
  }
  const type = logoType(bytes);
  if (!type)
    throw invalid([{ field: 'logo', message: 'Logotypen måste vara en PNG- eller JPEG-bild. SVG och andra filer tas inte emot.' }]);
  await writeSettings(db, actor, { logo: Buffer.from(bytes), logo_type: type }, 'update_logo');
}
