// A person is looked for by e-mail or phone. Security-relevant: both are personal data, so they
// arrive in a POST body (never in a URL that reaches the request log), are validated here and
// reach the audit log only masked.
import { Type } from 'typebox';
import { invalid } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { maskEmail, maskText } from '../audit/audit.mask.ts';

const NO_CONTROL = '^[^\\u0000-\\u001f\\u007f\\uD800-\\uDFFF]*$';

export const PersonQueryInput = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 254, pattern: NO_CONTROL, description: 'E-mail address (case-insensitive)' })),
  phone: Type.Optional(
    Type.String({ maxLength: 40, pattern: NO_CONTROL, description: 'Phone number: +46 or 0, spaces and dashes allowed' }),
  ),
});

export const QUERY_MESSAGES = {
  email: 'Ange en giltig e-postadress, till exempel namn@exempel.se.',
  phone: 'Ange ett telefonnummer med siffror, till exempel 070-123 45 67 eller +46 70 123 45 67.',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A phone number as compared: spaces, dashes, dots, slashes and parentheses out; +46 or 0046 (and
 * a "(0)" after it) to a leading 0; another international 00 to +. Mirrors the SQL in
 * cases.person-facing.ts. Null when what is left is not 5–15 digits (with an optional +).
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw
    .trim()
    .replace(/[\s().\\/-]/g, '')
    .replace(/^(\+46|0046)0?/, '0')
    .replace(/^00/, '+');
  return /^\+?\d{5,15}$/.test(compact) ? compact : null;
}

export const normaliseEmail = (raw: string) => raw.trim().toLowerCase();

export interface PersonTerm {
  email?: string;
  phone?: string;
  /** What was searched for, masked: for the audit log and the page. */
  masked: string;
}

/** The validated, normalised search: at least one of e-mail and phone. */
export function personTerm(input: unknown): PersonTerm {
  const raw = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  // A blank field is not searched for; anything else that is not a string fails validation.
  const picked: Record<string, unknown> = {};
  for (const key of ['email', 'phone']) {
    const v = raw[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    picked[key] = v;
  }
  const value = validate(PersonQueryInput, picked, QUERY_MESSAGES);
  const fields = [];
  const email = value.email === undefined ? undefined : normaliseEmail(value.email);
  if (email !== undefined && !EMAIL.test(email)) fields.push({ field: 'email', message: QUERY_MESSAGES.email });
  const phone = value.phone === undefined ? undefined : normalisePhone(value.phone);
  if (phone === null) fields.push({ field: 'phone', message: QUERY_MESSAGES.phone });
  if (fields.length > 0) throw invalid(fields);
  if (email === undefined && phone === undefined) {
    throw invalid([{ field: 'email', message: 'Ange en e-postadress eller ett telefonnummer att söka på.' }]);
  }
  const masked = [email && maskEmail(email), phone && maskText(phone)].filter(Boolean).join(', ');
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}), masked };
}

export const ERASABLE_KINDS = ['case', 'outbox', 'survey_invitation'] as const;
export type ErasableKind = (typeof ERASABLE_KINDS)[number];

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const EraseInput = Type.Object({
  kind: Type.Union([Type.Literal('case'), Type.Literal('outbox'), Type.Literal('survey_invitation')]),
  id: Type.String({ pattern: UUID }),
});

export const ERASE_MESSAGES = {
  kind: 'Välj vad som ska raderas: ett ärende, ett utskick eller en enkätinbjudan.',
  id: 'Uppgiften finns inte. Sök igen.',
};

export const RectifyInput = Type.Object({
  caseId: Type.String({ pattern: UUID }),
  version: Type.String({ maxLength: 40, pattern: '^[0-9T:.Z-]+$' }),
  contactName: Type.String({ maxLength: 200, pattern: NO_CONTROL }),
  contactEmail: Type.String({
    maxLength: 254,
    pattern: '^$|^[^\\s@\\u0000-\\u001f\\u007f]+@[^\\s@\\u0000-\\u001f\\u007f]+\\.[^\\s@\\u0000-\\u001f\\u007f]+$',
  }),
  contactPhone: Type.String({ maxLength: 40, pattern: '^$|^[0-9+\\-() ]{5,40}$' }),
});

export const RECTIFY_MESSAGES = {
  caseId: 'Ärendet finns inte. Sök igen.',
  version: 'Sök igen och gör om rättelsen.',
  contactName: 'Ange namnet med högst 200 tecken, utan styrtecken.',
  contactEmail: 'Ange en giltig e-postadress, till exempel namn@exempel.se, eller lämna fältet tomt.',
  contactPhone: 'Ange ett giltigt telefonnummer (siffror, +, - och mellanslag) eller lämna fältet tomt.',
};
