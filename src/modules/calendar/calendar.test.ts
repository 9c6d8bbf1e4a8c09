import Holidays from 'date-holidays';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  holidaysOfYear,
  isValidLocalDate,
  isWorkingDay,
  type LocalDate,
  localDate,
  MAX_YEAR,
  MIN_YEAR,
  TIME_ZONE,
  weekdayOf,
  workingDaysBetween,
} from './calendar.ts';

const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Helpers and an independent reference implementation for the property tests
// ---------------------------------------------------------------------------------------------

function fromUtcDay(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

const DAY_2000 = Date.UTC(2000, 0, 1) / MS_PER_DAY;
const DAY_2100_END = Date.UTC(2100, 11, 31) / MS_PER_DAY;

/** LocalDates in 2000–2100, generated as integer day offsets. */
const dateArb: fc.Arbitrary<LocalDate> = fc.integer({ min: DAY_2000, max: DAY_2100_END }).map(fromUtcDay);

/** A pair of dates at most ~1.5 years apart (keeps day-by-day counting cheap). */
const nearbyPairArb: fc.Arbitrary<[LocalDate, LocalDate]> = fc
  .tuple(fc.integer({ min: DAY_2000, max: DAY_2100_END }), fc.integer({ min: -550, max: 550 }))
  .map(([day, delta]) => [fromUtcDay(day), fromUtcDay(day + delta)]);

const referenceHolidayDates = new Map<number, Set<LocalDate>>();

function referenceIsWorkingDay(date: LocalDate, closed: ReadonlySet<LocalDate> = new Set()): boolean {
  const year = Number(date.slice(0, 4));
  let holidays = referenceHolidayDates.get(year);
  if (holidays === undefined) {
    holidays = new Set(holidaysOfYear(year).map((d) => d.date));
    referenceHolidayDates.set(year, holidays);
  }
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date) && !closed.has(date);
}

function referenceAddWorkingDays(date: LocalDate, n: number, closed: ReadonlySet<LocalDate> = new Set()): LocalDate {
  let day = Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
  let remaining = n;
  while (remaining > 0) {
    day++;
    if (referenceIsWorkingDay(fromUtcDay(day), closed)) remaining--;
  }
  return fromUtcDay(day);
}

/** Stockholm's UTC offset in hours by the EU rule (since 1996): +2 from the last Sunday of
 * March 01:00 UTC to the last Sunday of October 01:00 UTC, otherwise +1. */
function stockholmOffsetHours(instant: Date): number {
  const year = instant.getUTCFullYear();
  const lastSundayUtc = (month: number): number => {
    const lastDay = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
  };
  const t = instant.getTime();
  return t >= lastSundayUtc(2) && t < lastSundayUtc(9) ? 2 : 1;
}

// ---------------------------------------------------------------------------------------------
// Example tests
// ---------------------------------------------------------------------------------------------

describe('holidaysOfYear', () => {
  it('lists the Swedish holidays and Sunday-like eves of 2026 exactly', () => {
    expect(holidaysOfYear(2026)).toEqual([
      { date: '2026-01-01', name: 'Nyårsdagen' },
      { date: '2026-01-06', name: 'Trettondedag jul' },
      { date: '2026-04-03', name: 'Långfredagen' },
      { date: '2026-04-05', name: 'Påskdagen' },
      { date: '2026-04-06', name: 'Annandag påsk' },
      { date: '2026-05-01', name: 'Första maj' },
      { date: '2026-05-14', name: 'Kristi himmelsfärdsdag' },
      { date: '2026-05-24', name: 'Pingstdagen' },
      { date: '2026-06-06', name: 'Nationaldagen' },
      { date: '2026-06-19', name: 'Midsommarafton' },
      { date: '2026-06-20', name: 'Midsommardagen' },
      { date: '2026-10-31', name: 'Alla helgons dag' },
      { date: '2026-12-24', name: 'Julafton' },
      { date: '2026-12-25', name: 'Juldagen' },
      { date: '2026-12-26', name: 'Annandag jul' },
      { date: '2026-12-31', name: 'Nyårsafton' },
    ]);
  });

  it('does not invent weekly Sundays: only holiday Sundays are listed', () => {
    const sundays = holidaysOfYear(2026).filter((d) => weekdayOf(d.date) === 0);
    expect(sundays.map((d) => d.name)).toEqual(['Påskdagen', 'Pingstdagen']);
  });

  it('keeps one entry per date (2027-11-06 is both Alla helgons dag and Gustav-Adolf-dagen)', () => {
    const entries = holidaysOfYear(2027).filter((d) => d.date === '2027-11-06');
    expect(entries).toEqual([{ date: '2027-11-06', name: 'Alla helgons dag' }]);
  });

  it('returns a fresh copy that callers cannot use to corrupt the cache', () => {
    const first = holidaysOfYear(2026);
    first.length = 0;
    expect(holidaysOfYear(2026)).toHaveLength(16);
  });

  it('agrees with date-holidays and is well-formed in every supported year', () => {
    const source = new Holidays('SE', { languages: ['sv'] });
    for (let year = MIN_YEAR; year <= MAX_YEAR; year++) {
      const days = holidaysOfYear(year);
      const dates = days.map((d) => d.date);
      expect(dates.every((d) => isValidLocalDate(d) && d.startsWith(`${year}-`))).toBe(true);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);

      const expected = new Set(
        source
          .getHolidays(year, 'sv')
          .filter((h) => h.type === 'public' || h.type === 'bank')
          .map((h) => h.date.slice(0, 10)),
      );
      expect(new Set(dates)).toEqual(expected);

      // The only 'bank' entries are the three eves that count as Sundays.
      const bankNames = source
        .getHolidays(year, 'sv')
        .filter((h) => h.type === 'bank')
        .map((h) => h.name)
        .sort();
      expect(bankNames).toEqual(['julafton', 'midsommarafton', 'nyårsafton']);
      expect(days).toContainEqual({ date: `${year}-12-24`, name: 'Julafton' });
      expect(days).toContainEqual({ date: `${year}-12-31`, name: 'Nyårsafton' });
    }
  });

  it('rejects years outside the supported range and non-integers', () => {
    expect(() => holidaysOfYear(MIN_YEAR - 1)).toThrow(RangeError);
    expect(() => holidaysOfYear(MAX_YEAR + 1)).toThrow(RangeError);
    expect(() => holidaysOfYear(2026.5)).toThrow(RangeError);
    expect(() => holidaysOfYear(Number.NaN)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('excludes weekends, holidays and eves, and includes ordinary weekdays', () => {
    expect(isWorkingDay('2026-03-02')).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Långfredagen
    expect(isWorkingDay('2026-06-19')).toBe(false); // Midsommarafton (Friday)
    expect(isWorkingDay('2026-12-24')).toBe(false); // Julafton (Thursday)
    expect(isWorkingDay('2026-12-31')).toBe(false); // Nyårsafton (Thursday)
    expect(isWorkingDay('2028-06-06')).toBe(false); // Nationaldagen (Tuesday)
  });

  it('treats observances and half days as working days', () => {
    expect(isWorkingDay('2026-05-25')).toBe(true); // Annandag pingst, not a holiday since 2005
    expect(isWorkingDay('2026-04-02')).toBe(true); // Skärtorsdagen
    expect(isWorkingDay('2026-04-30')).toBe(true); // Valborgsmässoafton
    expect(isWorkingDay('2026-01-05')).toBe(true); // Trettondagsafton
  });

  it('honours closed days', () => {
    expect(isWorkingDay('2026-03-03', new Set(['2026-03-03']))).toBe(false);
    expect(isWorkingDay('2026-03-03', new Set(['2026-03-04']))).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('skips Easter', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-02', 2)).toBe('2026-04-08');
  });

  it('skips midsommar', () => {
    expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22');
  });

  it('skips Christmas and New Year, across the year boundary', () => {
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    // 12-31 Nyårsafton (Thu), 01-01 Nyårsdagen (Fri), weekend → Monday 2027-01-04.
    expect(addWorkingDays('2026-12-30', 1)).toBe('2027-01-04');
    // 01-06 Trettondedag jul (Wed) is skipped too.
    expect(addWorkingDays('2026-12-30', 3)).toBe('2027-01-07');
  });

  it('counts from a non-working day', () => {
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
    expect(addWorkingDays('2026-12-25', 1)).toBe('2026-12-28');
  });

  it('returns the date itself for N = 0, even on a non-working day', () => {
    expect(addWorkingDays('2026-03-04', 0)).toBe('2026-03-04');
    expect(addWorkingDays('2026-04-04', 0)).toBe('2026-04-04'); // Påskafton, Saturday
    expect(addWorkingDays('2026-12-24', 0)).toBe('2026-12-24');
  });

  it('skips closed days', () => {
    const closed = new Set(['2026-03-03', '2026-03-04']);
    expect(addWorkingDays('2026-03-02', 1, closed)).toBe('2026-03-05');
    expect(addWorkingDays('2026-03-02', 3, closed)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-02', 1, new Set())).toBe('2026-03-03');
  });

  it('rejects invalid input', () => {
    expect(() => addWorkingDays('2026-03-02', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('not a date', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2200-12-30', 5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 10_000_000)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in the half-open interval (from, to]', () => {
    expect(workingDaysBetween('2026-04-02', '2026-04-08')).toBe(2);
    expect(workingDaysBetween('2026-04-08', '2026-04-02')).toBe(-2);
    expect(workingDaysBetween('2026-04-02', '2026-04-02')).toBe(0);
    expect(workingDaysBetween('2026-12-23', '2027-01-04')).toBe(4);
    expect(workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0); // weekend only
  });

  it('counts the working days of 2026', () => {
    // 261 weekdays minus 10 weekday holidays/eves.
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(251);
  });

  it('honours closed days', () => {
    const closed = new Set(['2026-03-04']);
    expect(workingDaysBetween('2026-03-02', '2026-03-06', closed)).toBe(3);
    expect(workingDaysBetween('2026-03-06', '2026-03-02', closed)).toBe(-3);
  });

  it('rejects invalid dates', () => {
    expect(() => workingDaysBetween('2026-02-30', '2026-03-02')).toThrow(RangeError);
    expect(() => workingDaysBetween('2026-03-02', '2026-3-2')).toThrow(RangeError);
  });
});

describe('localDate', () => {
  it('handles the spring DST change (2026-03-29 01:00 UTC)', () => {
    expect(localDate(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28'); // 23:59:59 CET
    expect(localDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29'); // 00:30 CET
    expect(localDate(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29'); // 01:30 CET
    expect(localDate(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29'); // 23:59:59 CEST
    expect(localDate(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30'); // 00:00 CEST
  });

  it('handles the autumn DST change (2026-10-25 01:00 UTC)', () => {
    expect(localDate(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24'); // 23:59:59 CEST
    expect(localDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25'); // 00:30 CEST
    expect(localDate(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25'); // 02:30 CEST
    expect(localDate(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25'); // 23:59:59 CET
    expect(localDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26'); // 00:00 CET
  });

  it('handles instants near local midnight', () => {
    expect(localDate(new Date('2026-01-15T22:59:59.999Z'))).toBe('2026-01-15');
    expect(localDate(new Date('2026-01-15T23:00:00.000Z'))).toBe('2026-01-16');
    expect(localDate(new Date('2026-07-01T21:59:59.999Z'))).toBe('2026-07-01');
    expect(localDate(new Date('2026-07-01T22:00:00.000Z'))).toBe('2026-07-02');
    expect(localDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('accepts another time zone', () => {
    expect(localDate(new Date('2026-01-15T23:30:00Z'), 'UTC')).toBe('2026-01-15');
    expect(localDate(new Date('2026-01-15T23:30:00Z'), TIME_ZONE)).toBe('2026-01-16');
  });

  it('rejects invalid instants and time zones', () => {
    expect(() => localDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => localDate(new Date('2026-01-15T12:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localDate(new Date('1800-01-01T12:00:00Z'))).toThrow(RangeError);
  });
});

describe('isValidLocalDate, addCalendarDays, weekdayOf', () => {
  it('validates strictly', () => {
    expect(isValidLocalDate('2026-01-01')).toBe(true);
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('2000-02-29')).toBe(true);
    expect(isValidLocalDate('2026-02-29')).toBe(false);
    expect(isValidLocalDate('2100-02-29')).toBe(false);
    expect(isValidLocalDate('2026-02-30')).toBe(false);
    expect(isValidLocalDate('2026-04-31')).toBe(false);
    expect(isValidLocalDate('2026-13-01')).toBe(false);
    expect(isValidLocalDate('2026-00-10')).toBe(false);
    expect(isValidLocalDate('2026-01-00')).toBe(false);
    expect(isValidLocalDate('2026-1-1')).toBe(false);
    expect(isValidLocalDate('20260101')).toBe(false);
    expect(isValidLocalDate('2026-01-01T00:00')).toBe(false);
    expect(isValidLocalDate(' 2026-01-01')).toBe(false);
    expect(isValidLocalDate('2026-01-01\n')).toBe(false);
    expect(isValidLocalDate('')).toBe(false);
    expect(isValidLocalDate('1899-12-31')).toBe(false);
    expect(isValidLocalDate('2201-01-01')).toBe(false);
    expect(isValidLocalDate('1900-01-01')).toBe(true);
    expect(isValidLocalDate('2200-12-31')).toBe(true);
  });

  it('does plain calendar arithmetic across DST and leap days', () => {
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addCalendarDays('2026-01-01', 0)).toBe('2026-01-01');
    expect(() => addCalendarDays('2200-12-31', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('1900-01-01', -1)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('gives weekdays with 0 = Sunday', () => {
    expect(weekdayOf('2026-03-01')).toBe(0);
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-07')).toBe(6);
    expect(weekdayOf('1900-01-01')).toBe(1);
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(() => weekdayOf('2026-02-30')).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

describe('properties', () => {
  it('addWorkingDays composes: (d + a) + b === d + (a + b)', () => {
    fc.assert(
      fc.property(dateArb, fc.nat(40), fc.nat(40), (d, a, b) => {
        expect(addWorkingDays(addWorkingDays(d, a), b)).toBe(addWorkingDays(d, a + b));
      }),
    );
  });

  it('for n >= 1 the result is a working day strictly after d and matches a naive reference', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const result = addWorkingDays(d, n);
        expect(result > d).toBe(true);
        expect(isWorkingDay(result)).toBe(true);
        expect(referenceIsWorkingDay(result)).toBe(true);
        expect(result).toBe(referenceAddWorkingDays(d, n));
      }),
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(dateArb, fc.nat(300), (d, n) => {
        expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('workingDaysBetween is antisymmetric', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, a)).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('workingDaysBetween is additive: (a, b) + (b, c) === (a, c)', () => {
    fc.assert(
      fc.property(nearbyPairArb, fc.integer({ min: -400, max: 400 }), ([a, b], delta) => {
        const c = addCalendarDays(b, delta);
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
      }),
    );
  });

  it('closed days are never results and are skipped in counts', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 25 }),
        (d, n, offsets) => {
          const closed = new Set(offsets.map((offset) => addCalendarDays(d, offset)));
          const result = addWorkingDays(d, n, closed);
          expect(closed.has(result)).toBe(false);
          expect(isWorkingDay(result, closed)).toBe(true);
          expect(result).toBe(referenceAddWorkingDays(d, n, closed));
          expect(workingDaysBetween(d, result, closed)).toBe(n);
          expect(result >= addWorkingDays(d, n)).toBe(true);
        },
      ),
    );
  });

  it('localDate agrees with Intl and with the EU summer-time rule for random instants', () => {
    const svFormatter = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 11, 31) }), (ms) => {
        const instant = new Date(ms);
        const result = localDate(instant);
        expect(result).toBe(svFormatter.format(instant));
        const shifted = new Date(ms + stockholmOffsetHours(instant) * 3_600_000);
        expect(result).toBe(shifted.toISOString().slice(0, 10));
      }),
      { numRuns: 500 },
    );
  });

  it('addCalendarDays round-trips and weekdayOf matches Date', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -3000, max: 3000 }), (d, k) => {
        expect(addCalendarDays(addCalendarDays(d, k), -k)).toBe(d);
        expect(workingDaysBetween(d, d)).toBe(0);
        expect(weekdayOf(d)).toBe(new Date(`${d}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it('isValidLocalDate agrees with a Date round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const roundTrip = m >= 1 && m <= 12 && d >= 1 && fromUtcDay(Date.UTC(y, m - 1, d) / MS_PER_DAY) === text;
        expect(isValidLocalDate(text)).toBe(roundTrip);
      }),
    );
  });
});
