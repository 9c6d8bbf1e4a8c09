// Local (Europe/Stockholm) wall-clock times <-> instants, for forms and CSV files where staff
// write "2026-03-10 14:00" and mean Swedish time.
import { isValidLocalDate, type LocalDate, TIME_ZONE } from './calendar.ts';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallParts(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Offset of Stockholm from UTC at an instant, in milliseconds. */
function offsetMs(instantMs: number): number {
  const p = wallParts(new Date(instantMs));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** The instant of a Stockholm wall-clock time. A time skipped by the spring DST change moves forward an hour. */
export function stockholmInstant(date: LocalDate, time = '12:00'): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  let instant = guess - offsetMs(guess);
  const second = offsetMs(instant);
  if (second !== offsetMs(guess)) instant = guess - second;
  return new Date(instant);
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses a publication time: an ISO 8601 instant with a zone ("2026-03-10T13:00:00Z"), a
 * Stockholm wall-clock time ("2026-03-10 14:00", "2026-03-10T14:00") or a date alone, which
 * means noon Stockholm time (only the local date matters to the rules). Undefined when invalid.
 */
export function parsePublicationTime(text: string): Date | undefined {
  const value = text.trim();
  if (WITH_ZONE.test(value)) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) || !isValidLocalDate(value.slice(0, 10)) ? undefined : instant;
  }
  const match = LOCAL.exec(value);
  if (!match || !isValidLocalDate(match[1])) return undefined;
  if (match[2] === undefined) return stockholmInstant(match[1]);
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (hour > 23 || minute > 59) return undefined;
  return stockholmInstant(match[1], `${hour}:${minute}`);
}

/** 'YYYY-MM-DDTHH:MM' in Stockholm time, the value of an `<input type="datetime-local">`. */
export function toLocalInput(instant: Date): string {
  const p = wallParts(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** 'HH:MM' from 'HH:MM' or 'HH:MM:SS'; undefined when not a time of day. */
export function parseTimeOfDay(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return undefined;
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}

/** 'YYYY-MM-DDTHH:MM' (a datetime-local input) in Stockholm time → the instant; undefined when malformed. */
export function stockholmLocalToInstant(value: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/.exec(value);
  if (!m || !isValidLocalDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) return undefined;
  return stockholmInstant(m[1], `${m[2]}:${m[3]}`);
}
