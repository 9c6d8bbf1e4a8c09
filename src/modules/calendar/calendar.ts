// Working-day calendar for Swedish municipalities.
//
// Pure functions, no database. All arithmetic is done on calendar dates represented internally
// as "day numbers" (whole days since 1970-01-01, computed with Date.UTC), never on local-time
// midnights, so daylight-saving changes cannot shift a date.
//
// A working day is a weekday (Monday–Friday) that is neither a Swedish public holiday
// (date-holidays type 'public') nor one of the eves that Swedish law treats like a Sunday
// (midsommarafton, julafton, nyårsafton — date-holidays type 'bank'; cf. lag (1930:173) om
// beräkning av lagstadgad tid), and not one of the caller's extra closed days.

import Holidays from 'date-holidays';

/** A calendar date in Europe/Stockholm, formatted 'YYYY-MM-DD'. */
export type LocalDate = string;

export interface NamedDay {
  date: LocalDate;
  name: string;
}

export const TIME_ZONE = 'Europe/Stockholm';

/** Earliest year this calendar accepts; anything outside MIN_YEAR–MAX_YEAR throws RangeError. */
export const MIN_YEAR = 1900;
/** Latest year this calendar accepts. */
export const MAX_YEAR = 2200;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Day numbers
// ---------------------------------------------------------------------------------------------

/** Day number of the first day of `year` (valid for MIN_YEAR..MAX_YEAR + 1). */
function yearStartDayNumber(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** Parses a LocalDate into a day number, or returns undefined if it is not a valid, supported date. */
function tryParse(value: string): number | undefined {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (month < 1 || month > 12 || day < 1) return undefined;
  // Day 0 of the next month is the last day of this month.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function parseOrThrow(value: LocalDate, what = 'date'): number {
  const dayNumber = typeof value === 'string' ? tryParse(value) : undefined;
  if (dayNumber === undefined) {
    throw new RangeError(`Invalid ${what}: ${JSON.stringify(value)} (expected YYYY-MM-DD, years ${MIN_YEAR}–${MAX_YEAR})`);
  }
  return dayNumber;
}

// Formatting is memoised by day number: closed-day lookups format every candidate day, and
// the supported range is only ~110 000 days.
const FIRST_DAY_NUMBER = Date.UTC(MIN_YEAR, 0, 1) / MS_PER_DAY;
const DAY_COUNT = Date.UTC(MAX_YEAR + 1, 0, 1) / MS_PER_DAY - FIRST_DAY_NUMBER;
const formattedDays = new Array<LocalDate | undefined>(DAY_COUNT).fill(undefined);

function formatDayNumber(dayNumber: number): LocalDate {
  const index = dayNumber - FIRST_DAY_NUMBER;
  let text = formattedDays[index];
  if (text === undefined) {
    text = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
    if (index >= 0 && index < DAY_COUNT) formattedDays[index] = text;
  }
  return text;
}

function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year ${year} is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Holidays (cached per year)
// ---------------------------------------------------------------------------------------------

interface YearData {
  readonly days: readonly NamedDay[];
  readonly dayNumbers: ReadonlySet<number>;
}

const yearCache = new Map<number, YearData>();
let holidaySource: Holidays | undefined;

function getHolidaySource(): Holidays {
  if (holidaySource === undefined) {
    holidaySource = new Holidays('SE', { languages: ['sv'], timezone: TIME_ZONE });
  }
  return holidaySource;
}

function capitalise(name: string): string {
  return name.charAt(0).toLocaleUpperCase('sv-SE') + name.slice(1);
}

function loadYear(year: number): YearData {
  assertSupportedYear(year);
  const cached = yearCache.get(year);
  if (cached !== undefined) return cached;

  // One entry per date; a 'public' holiday wins over a 'bank' eve on the same date.
  const byDate = new Map<LocalDate, { name: string; isPublic: boolean }>();
  for (const holiday of getHolidaySource().getHolidays(year, 'sv')) {
    if (holiday.type !== 'public' && holiday.type !== 'bank') continue;
    // `date` is "YYYY-MM-DD hh:mm:ss" in the country's local time: the date part is the
    // calendar date we want (never derive it from the `start` instant).
    const date = holiday.date.slice(0, 10);
    if (tryParse(date) === undefined || !date.startsWith(`${year}-`)) continue;
    const isPublic = holiday.type === 'public';
    const existing = byDate.get(date);
    if (existing === undefined || (isPublic && !existing.isPublic)) {
      byDate.set(date, { name: capitalise(holiday.name), isPublic });
    }
  }

  const days: NamedDay[] = [...byDate.entries()]
    .map(([date, entry]) => ({ date, name: entry.name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const dayNumbers = new Set<number>();
  for (const day of days) dayNumbers.add(parseOrThrow(day.date));

  const data: YearData = { days, dayNumbers };
  yearCache.set(year, data);
  return data;
}

/**
 * Walks day numbers forwards while keeping the holiday set of the current year at hand, so
 * long loops do not look up the cache (or compute the year) for every day.
 */
function isWorkingDayNumber(dayNumber: number, holidays: ReadonlySet<number>, closedDays: ReadonlySet<LocalDate> | undefined): boolean {
  const weekday = weekdayOfDayNumber(dayNumber);
  if (weekday === 0 || weekday === 6) return false;
  if (holidays.has(dayNumber)) return false;
  if (closedDays !== undefined && closedDays.size > 0 && closedDays.has(formatDayNumber(dayNumber))) {
    return false;
  }
  return true;
}

/** Number of working days d with startExclusive < d <= endInclusive (requires start <= end). */
function countWorkingDays(startExclusive: number, endInclusive: number, closedDays: ReadonlySet<LocalDate> | undefined): number {
  let dayNumber = startExclusive + 1;
  if (dayNumber > endInclusive) return 0;
  let year = yearOfDayNumber(dayNumber);
  let holidays = loadYear(year).dayNumbers;
  let nextYearStart = yearStartDayNumber(year + 1);
  let count = 0;
  for (; dayNumber <= endInclusive; dayNumber++) {
    if (dayNumber >= nextYearStart) {
      year++;
      holidays = loadYear(year).dayNumbers;
      nextYearStart = yearStartDayNumber(year + 1);
    }
    if (isWorkingDayNumber(dayNumber, holidays, closedDays)) count++;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * True for a strict 'YYYY-MM-DD' string naming a real calendar date (no 2026-02-30) whose year
 * lies in the supported range MIN_YEAR–MAX_YEAR.
 */
export function isValidLocalDate(value: string): boolean {
  return typeof value === 'string' && tryParse(value) !== undefined;
}

/**
 * Swedish public holidays of `year` plus midsommarafton, julafton and nyårsafton, whatever
 * weekday they fall on, sorted by date, one entry per date. Names are date-holidays' Swedish
 * names with the first letter capitalised ("Nyårsdagen", "Midsommarafton", …). Ordinary
 * Sundays are not listed; Sundays that are holidays in their own right (påskdagen,
 * pingstdagen, …) are. Returns a fresh array on every call.
 */
export function holidaysOfYear(year: number): NamedDay[] {
  return loadYear(year).days.map((day) => ({ date: day.date, name: day.name }));
}

/** Not Saturday or Sunday, not a holiday or eve from holidaysOfYear, and not in closedDays. */
export function isWorkingDay(date: LocalDate, closedDays?: ReadonlySet<LocalDate>): boolean {
  const dayNumber = parseOrThrow(date);
  return isWorkingDayNumber(dayNumber, loadYear(yearOfDayNumber(dayNumber)).dayNumbers, closedDays);
}

/**
 * The `days`-th working day strictly after `date`. `days` = 0 returns `date` unchanged, even if
 * it is not a working day. Throws RangeError for negative or non-integer `days`, an invalid
 * date, or a result beyond MAX_YEAR.
 */
export function addWorkingDays(date: LocalDate, days: number, closedDays?: ReadonlySet<LocalDate>): LocalDate {
  let dayNumber = parseOrThrow(date);
  if (typeof days !== 'number' || !Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${String(days)}`);
  }
  if (days === 0) return date;

  let year = yearOfDayNumber(dayNumber);
  let holidays = loadYear(year).dayNumbers;
  let nextYearStart = yearStartDayNumber(year + 1);
  let remaining = days;
  while (remaining > 0) {
    dayNumber++;
    if (dayNumber >= nextYearStart) {
      year++;
      holidays = loadYear(year).dayNumbers; // throws RangeError past MAX_YEAR
      nextYearStart = yearStartDayNumber(year + 1);
    }
    if (isWorkingDayNumber(dayNumber, holidays, closedDays)) remaining--;
  }
  return formatDayNumber(dayNumber);
}

/**
 * Number of working days d with from < d <= to. When to < from the result is negative:
 * −(number of working days d with to < d <= from). 0 when from === to.
 * Thus addWorkingDays(a, n) === b implies workingDaysBetween(a, b) === n for n >= 0.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate, closedDays?: ReadonlySet<LocalDate>): number {
  const fromDay = parseOrThrow(from, 'from date');
  const toDay = parseOrThrow(to, 'to date');
  if (fromDay === toDay) return 0;
  if (fromDay < toDay) return countWorkingDays(fromDay, toDay, closedDays);
  // `0 - n` rather than `-n`: no negative zero when no working day lies between.
  return 0 - countWorkingDays(toDay, fromDay, closedDays);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown time zone.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date of `instant` in `timeZone` (default Europe/Stockholm), correct across DST
 * changes. Throws RangeError for an invalid Date or a date outside MIN_YEAR–MAX_YEAR.
 */
export function localDate(instant: Date, timeZone: string = TIME_ZONE): LocalDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('localDate: invalid Date');
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of dateFormatter(timeZone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  const result = `${year}-${month}-${day}`;
  parseOrThrow(result, 'local date');
  return result;
}

/** Plain calendar arithmetic (negative `days` allowed); throws RangeError outside MIN_YEAR–MAX_YEAR. */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const dayNumber = parseOrThrow(date);
  if (typeof days !== 'number' || !Number.isSafeInteger(days)) {
    throw new RangeError(`days must be an integer, got ${String(days)}`);
  }
  const result = dayNumber + days;
  assertSupportedYear(yearOfDayNumber(result));
  return formatDayNumber(result);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return weekdayOfDayNumber(parseOrThrow(date));
}
