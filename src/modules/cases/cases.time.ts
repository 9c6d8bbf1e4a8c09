// Local (Europe/Stockholm) wall-clock times from staff forms, as instants.
import { TIME_ZONE } from '../calendar/calendar.ts';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time of an instant in Stockholm, as milliseconds of a UTC date with those fields. */
function wallClockMs(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** 'YYYY-MM-DDTHH:MM' in Stockholm time → the instant; undefined when malformed. */
export function stockholmLocalToInstant(value: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return undefined;
  const wanted = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (Number.isNaN(wanted)) return undefined;
  // Offset at a first guess, then again at the corrected instant (handles DST changes).
  let instant = wanted - (wallClockMs(new Date(wanted)) - wanted);
  instant = wanted - (wallClockMs(new Date(instant)) - instant);
  return new Date(instant);
}

/** An instant as 'YYYY-MM-DDTHH:MM' in Stockholm time (for datetime-local inputs). */
export function instantToStockholmLocal(instant: Date): string {
  return new Date(wallClockMs(instant)).toISOString().slice(0, 16);
}
