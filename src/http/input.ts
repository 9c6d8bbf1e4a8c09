// What a text, a date and a number are, decided once at the edge and reused by every schema.
// Security-relevant: hostile input must end in a 4xx with a message, never in a 500 from the
// database (PostgreSQL refuses NUL in text and lone UTF-16 surrogates in jsonb; CHECKs refuse
// blank names) and never half stored. The schema builders below are checked both by Fastify's
// Ajv (route schemas) and by TypeBox's Value.Check (`validate()` in services); both compile
// patterns with the `u` flag, where `\uD800-\uDFFF` matches only a *lone* surrogate.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isLang, type Lang, pickLang } from '../web/i18n.ts';
import type { App } from './context.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Form fields this route takes as a list (checkbox groups, multi-selects); others keep one value. */
    formArrays?: readonly string[];
  }
}

const ALLOWED_CHARS = '[^\\u0000\\uD800-\\uDFFF]';
/** Any text without NUL or a lone surrogate. */
const TEXT = `^${ALLOWED_CHARS}*$`;
/** The same, with at least one character that is not white space. */
const FILLED_TEXT = `^(?=[\\s\\S]*\\S)${ALLOWED_CHARS}*$`;

export interface TextOptions {
  /** Minimum length; 1 or more also refuses text that is only white space. */
  min?: number;
  max: number;
  description?: string;
}

/** A text a person typed: at most `max` characters, no NUL or lone surrogate, not blank when required. */
export function Text({ min = 0, max, description }: TextOptions) {
  return Type.String({
    ...(min > 0 ? { minLength: min } : {}),
    maxLength: max,
    pattern: min > 0 ? FILLED_TEXT : TEXT,
    ...(description ? { description } : {}),
  });
}

/** A local calendar date YYYY-MM-DD that exists (2026-02-30 does not), years 1900–2199. */
export function CalendarDate(options: { description?: string } = {}) {
  return Type.String({
    format: 'date',
    pattern: '^(19|20|21)\\d{2}-\\d{2}-\\d{2}$',
    description: options.description ?? 'Local date YYYY-MM-DD (Europe/Stockholm)',
  });
}

/** A month YYYY-MM, 01–12. */
export function Month(options: { description?: string } = {}) {
  return Type.String({ pattern: '^(19|20|21)\\d{2}-(0[1-9]|1[0-2])$', description: options.description ?? 'Month, YYYY-MM' });
}

/** A whole number in [min, max]: 1e309 (Infinity) and 1e308 are refused, not computed with. */
export function Integer({ min, max, description }: { min: number; max: number; description?: string }) {
  return Type.Integer({ minimum: min, maximum: max, ...(description ? { description } : {}) });
}

/** A calendar year the product can compute with. */
export const Year = (description = 'Calendar year') => Integer({ min: 1900, max: 2200, description });
/** A page number of a listing. */
export const Page = (description = 'Page number, from 1') => Integer({ min: 1, max: 100_000, description });

/** The year in a query string of a page without a schema, or undefined when absent or not a plausible year. */
export function yearParam(raw: unknown): number | undefined {
  return typeof raw === 'string' && /^(19|20|21)\d{2}$/.test(raw) ? Number(raw) : undefined;
}

/** The page in a query string of a page without a schema: 1 when absent or not a page number. */
export function pageParam(raw: unknown): number {
  return typeof raw === 'string' && /^[1-9]\d{0,4}$/.test(raw) ? Number(raw) : 1;
}

// ---- the guard every request passes ----------------------------------------------------------

/** NUL or a lone surrogate: never a character a person meant, and the database refuses both. */
function unusable(text: string): boolean {
  return text.includes('\u0000') || /\p{Cs}/u.test(text);
}

type Problem = { field: string; kind: 'text' | 'number' };

/** The first key or value that is unusable, with its path ("contact.name"); JSON's 1e309 is Infinity. */
function findUnusable(value: unknown, path: string, depth = 0): Problem | undefined {
  if (typeof value === 'string') return unusable(value) ? { field: path || 'value', kind: 'text' } : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { field: path || 'value', kind: 'number' };
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = Array.isArray(value) ? path : path ? `${path}.${key}` : key;
    if (unusable(key)) return { field: at, kind: 'text' };
    const found = findUnusable(item, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

const UNUSABLE: Record<Lang, string> = {
  sv: 'innehåller tecken som inte kan sparas (till exempel ett NUL-tecken). Ta bort dem och försök igen.',
  fi: 'sisältää merkkejä, joita ei voi tallentaa (esimerkiksi NUL-merkin). Poista ne ja yritä uudelleen.',
  en: 'contains characters that cannot be saved (such as a NUL character). Remove them and try again.',
};
const NOT_A_NUMBER: Record<Lang, string> = {
  sv: 'måste vara ett tal inom de tillåtna gränserna.',
  fi: 'on oltava luku sallituissa rajoissa.',
  en: 'must be a number within the allowed range.',
};
const FIELD_WORD: Record<Lang, string> = { sv: 'Fältet', fi: 'Kenttä', en: 'The field' };

type SchemaPart = 'params' | 'querystring' | 'body';
type PropertySchema = { type?: unknown; anyOf?: PropertySchema[] };
const properties = (request: FastifyRequest, part: SchemaPart) =>
  (request.routeOptions.schema?.[part] as { properties?: Record<string, PropertySchema> } | undefined)?.properties ?? {};
const isNumeric = (p: PropertySchema): boolean => p.type === 'integer' || p.type === 'number' || (p.anyOf ?? []).some(isNumeric);

/**
 * Ajv coerces "1e309" and "Infinity" in a query string to Infinity and then skips minimum and
 * maximum (they apply to finite numbers only), so a numeric field of a schema that arrives as
 * text for an infinite number is refused here.
 */
function findInfinite(request: FastifyRequest, part: SchemaPart, values: unknown): Problem | undefined {
  if (!values || typeof values !== 'object') return undefined;
  for (const [name, property] of Object.entries(properties(request, part))) {
    const raw = (values as Record<string, unknown>)[name];
    for (const one of [raw].flat()) {
      if (typeof one === 'string' && isNumeric(property) && Math.abs(Number(one)) === Number.POSITIVE_INFINITY) {
        return { field: name, kind: 'number' };
      }
    }
  }
  return undefined;
}

/** Staff pages and the API speak Swedish; public pages the page's language (?lang=, cookie, or the API body's `language`). */
function languageOf(request: FastifyRequest): Lang {
  const url = request.url;
  if (url.startsWith('/staff') || (url.startsWith('/api/') && !url.startsWith('/api/v1/public/'))) return 'sv';
  const body = request.body as { language?: unknown } | undefined;
  const query = (request.query as { lang?: unknown } | undefined)?.lang;
  return pickLang(isLang(query) ? query : body?.language, request.cookies?.['insyn.lang']);
}

/**
 * Names a route may receive more than once: arrays of its schema for that part, the form
 * routes' `config.formArrays` (checkbox groups, multi-selects), and names ending in `[]`.
 */
function arrayFields(request: FastifyRequest, part: 'querystring' | 'body'): (name: string) => boolean {
  const names = new Set<string>(part === 'body' ? (request.routeOptions.config.formArrays ?? []) : []);
  for (const [name, property] of Object.entries(properties(request, part))) if (property.type === 'array') names.add(name);
  return (name) => names.has(name) || name.endsWith('[]');
}

/**
 * The first field sent more than once where the route expects one value. Guessing which value
 * was meant is unsafe (`action=grant&action=revoke`), so such a request is refused.
 */
function repeatedField(values: Record<string, unknown>, isArray: (name: string) => boolean): string | undefined {
  return Object.entries(values).find(([key, value]) => Array.isArray(value) && !isArray(key))?.[0];
}

const REPEATED: Record<Lang, string> = {
  sv: 'kom flera gånger. Formuläret kom fram skadat – ladda om sidan och försök igen.',
  fi: 'tuli useita kertoja. Lomake saapui vioittuneena – lataa sivu uudelleen ja yritä uudestaan.',
  en: 'arrived more than once. The form arrived damaged – reload the page and try again.',
};

/**
 * Before any schema or handler sees a request: refuse NUL and lone surrogates anywhere (params,
 * query, body keys and values, any content type) with a 400 that names the field, and give a
 * field sent twice is refused too, unless the route takes a list there.
 */
export function registerInputGuard(app: App): void {
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['querystring', request.query],
      ['body', request.body],
    ] as const) {
      const problem = findUnusable(value, '') ?? findInfinite(request, part, value);
      if (problem === undefined) continue;
      const lang = languageOf(request);
      const message = `${FIELD_WORD[lang]} ”${problem.field}” ${problem.kind === 'number' ? NOT_A_NUMBER[lang] : UNUSABLE[lang]}`;
      const field = part === 'body' ? problem.field : `${part === 'querystring' ? 'query' : part}.${problem.field}`;
      throw new AppError('validation', message, { fields: [{ field, message }] });
    }
    // Open311 clients send GeoReport's own lists (attribute[code]); that module reads its parameters itself.
    if (request.url.startsWith('/open311/')) return;
    // A path no route serves is a 404 whatever its parameters.
    if (request.routeOptions.url === undefined) return;
    const query = request.query as Record<string, unknown> | undefined;
    const form = request.headers['content-type']?.startsWith('application/x-www-form-urlencoded');
    const repeated =
      (query && typeof query === 'object' ? repeatedField(query, arrayFields(request, 'querystring')) : undefined) ??
      (form && request.body && typeof request.body === 'object'
        ? repeatedField(request.body as Record<string, unknown>, arrayFields(request, 'body'))
        : undefined);
    if (repeated !== undefined) {
      const lang = languageOf(request);
      const message = `${FIELD_WORD[lang]} ”${repeated}” ${REPEATED[lang]}`;
      throw new AppError('validation', message, { fields: [{ field: repeated, message }] });
    }
  });
}
