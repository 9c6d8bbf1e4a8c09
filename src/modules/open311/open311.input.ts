// What Open311 accepts, decided once at the edge: a text, a W3C date-time, a coordinate, a list
// and the attribute[code] parameters. Security-relevant: a NUL byte or a lone UTF-16 surrogate
// never reaches the database (PostgreSQL refuses both, which used to end in a 500).
import { Type } from 'typebox';
import { dateTimeFormat } from '../../web/i18n.ts';
import { isValidLocalDate } from '../calendar/calendar.ts';
import { stockholmInstant } from '../calendar/local-time.ts';

export class Open311Error extends Error {
  readonly status: number;
  constructor(status: number, description: string) {
    super(description);
    this.status = status;
  }
}

const bad = (description: string) => new Open311Error(400, description);

/** A text without NUL and without lone surrogates (JSON Schema pattern; Ajv compiles it with the u flag). */
export const SAFE_TEXT_PATTERN = '^[^\\u0000\\uD800-\\uDFFF]*$';
const UNSAFE = /\p{Surrogate}/u;

/** Schema of a text parameter of at most `max` characters. */
export const Text = (max: number, description?: string) =>
  Type.String({ maxLength: max, pattern: SAFE_TEXT_PATTERN, ...(description ? { description } : {}) });

/** A trimmed text or undefined when absent or blank; 400 for anything that is not a clean text. */
export function text(value: unknown, name: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw bad(`${name} must be given once, as text.`);
  if (value.includes('\0') || UNSAFE.test(value)) throw bad(`${name} contains characters that are not allowed.`);
  const trimmed = value.trim();
  if (trimmed.length > max) throw bad(`${name} may have at most ${max} characters.`);
  return trimmed || undefined;
}

const W3C = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A W3C date-time ("2026-09-01T08:00:00+02:00", "…Z", or a date alone = Stockholm midnight).
 * Impossible dates and times (2026-02-30, 25:00) are refused, not rolled over.
 */
export function w3cInstant(value: string | undefined, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const m = W3C.exec(value.trim());
  const hint = `${name} must be a W3C date-time, e.g. 2026-09-01T00:00:00+02:00.`;
  if (!m || !isValidLocalDate(m[1])) throw bad(hint);
  const [, date, hh, mm, ss, , zone] = m;
  if (hh === undefined) return stockholmInstant(date, '00:00');
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) throw bad(hint);
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4)) > 59)) throw bad(hint);
  const instant = new Date(value.trim());
  if (Number.isNaN(instant.getTime())) throw bad(hint);
  return instant;
}

/** An instant as W3C date-time in Stockholm time with its offset, to the second (what FixMyStreet parses). */
const W3C_PARTS: Intl.DateTimeFormatOptions = {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
};

export function w3c(instant: Date): string {
  const parts = Object.fromEntries(
    dateTimeFormat('en-GB', W3C_PARTS)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName?.replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

const DECIMAL = /^[-+]?\d{1,3}(\.\d{1,15})?$/;

/** A latitude or longitude in decimal degrees (WGS 84) within ±limit; 400 for NaN, Infinity, 1e5 or text. */
export function coordinate(value: unknown, name: string, limit: number): number | undefined {
  const raw = typeof value === 'number' ? String(value) : text(value, name, 30);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!DECIMAL.test(raw) || !Number.isFinite(n) || Math.abs(n) > limit) {
    throw bad(`${name} must be a number of decimal degrees between -${limit} and ${limit}.`);
  }
  return n;
}

/** A comma-separated list, trimmed, without empty items; undefined when there is none. */
export function list(value: string | undefined, max = 1000): string[] | undefined {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items && items.length > max) throw bad(`At most ${max} values are allowed in one list.`);
  return items?.length ? items : undefined;
}

export type Attributes = Record<string, string | string[]>;

const ATTRIBUTE_KEY = /^attribute\[([A-Za-z0-9_.:-]{1,100})\](\[\])?$/;
const MAX_ATTRIBUTES = 50;

/**
 * Every attribute the client sent: form fields attribute[code]=v and attribute[code][]=v (repeated
 * for a multivaluelist), or a JSON object under "attribute". Values are clean texts.
 */
export function attributesOf(params: Record<string, unknown>): Attributes {
  const out: Attributes = {};
  const add = (code: string, value: unknown, multi: boolean) => {
    const name = `attribute[${code}]`;
    const values = (Array.isArray(value) ? value : [value]).map((v) => text(typeof v === 'number' ? String(v) : v, name, 1000));
    const clean = values.filter((v): v is string => v !== undefined);
    if (clean.length > 50) throw bad(`${name} may have at most 50 values.`);
    if (clean.length === 0) return;
    if (multi || clean.length > 1) out[code] = [...((Array.isArray(out[code]) ? out[code] : []) as string[]), ...clean];
    else out[code] = clean[0];
  };
  for (const [key, value] of Object.entries(params)) {
    const m = ATTRIBUTE_KEY.exec(key);
    if (m) add(m[1], value, m[2] !== undefined);
    else if (key.startsWith('attribute[')) throw bad(`${key.slice(0, 120)} is not a valid attribute name.`);
  }
  const nested = params.attribute;
  if (nested !== undefined) {
    if (typeof nested !== 'object' || nested === null || Array.isArray(nested)) throw bad('attribute must be an object of codes.');
    for (const [code, value] of Object.entries(nested)) {
      if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(code)) throw bad('attribute has a code that is not allowed.');
      add(code, value, Array.isArray(value));
    }
  }
  if (Object.keys(out).length > MAX_ATTRIBUTES) throw bad(`At most ${MAX_ATTRIBUTES} attributes are allowed.`);
  return out;
}
