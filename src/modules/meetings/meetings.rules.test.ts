import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarWith } from '../calendar/calendar.service.ts';
import { addCalendarDays, addWorkingDays, localDate } from '../calendar/calendar.ts';
import { parsePublicationTime, parseTimeOfDay, stockholmInstant, toLocalInput } from '../calendar/local-time.ts';
import { calendarDaysBetween, documentsDeadline, documentsVerdict, minutesDeadline, minutesVerdict } from './meetings.rules.ts';

const plain = calendarWith(new Set());
const docs = (meetingDate: string, publishedAt: string | null, today = '2030-01-01') =>
  documentsVerdict({ meetingDate, documentsPublishedAt: publishedAt ? new Date(publishedAt) : null }, { daysBefore: 6, today });
const minutes = (approved: string | null, publishedAt: string | null, today = '2030-01-01', calendar = plain) =>
  minutesVerdict(
    { minutesApprovedDate: approved, minutesPublishedAt: publishedAt ? new Date(publishedAt) : null },
    { workingDays: 1, today, calendar },
  );

describe('documents: at least 6 calendar days before the meeting', () => {
  it('exactly 6 days before is on time, 5 is late', () => {
    // Meeting Thursday 12 March 2026: the deadline is Friday 6 March.
    expect(documentsDeadline('2026-03-12', 6)).toBe('2026-03-06');
    expect(docs('2026-03-12', '2026-03-06T15:00:00+01:00')).toEqual({
      deadline: '2026-03-06',
      outcome: 'met',
      publishedDate: '2026-03-06',
    });
    expect(docs('2026-03-12', '2026-03-07T08:00:00+01:00').outcome).toBe('missed');
    expect(docs('2026-03-12', '2026-03-02T08:00:00+01:00').outcome).toBe('met');
  });

  it('counts calendar days, not working days (a weekend in between does not matter)', () => {
    // Meeting Monday 16 March: the deadline is Tuesday 10 March.
    expect(documentsDeadline('2026-03-16', 6)).toBe('2026-03-10');
    expect(docs('2026-03-16', '2026-03-10T16:00:00+01:00').outcome).toBe('met');
    expect(docs('2026-03-16', '2026-03-11T09:00:00+01:00').outcome).toBe('missed');
  });

  it('uses the Stockholm date of publication around midnight UTC (winter time)', () => {
    // 22:59Z on 6 March is 23:59 in Stockholm (on time); 23:30Z is 00:30 on 7 March (late).
    expect(docs('2026-03-12', '2026-03-06T22:59:00Z').outcome).toBe('met');
    expect(docs('2026-03-12', '2026-03-06T23:30:00Z')).toMatchObject({ outcome: 'missed', publishedDate: '2026-03-07' });
  });

  it('uses the Stockholm date across the spring DST change and in summer time', () => {
    // Clocks go forward on 29 March 2026; the meeting on 4 April has its deadline on 29 March.
    // 21:59Z is 23:59 CEST on the 29th (on time); 22:00Z is already midnight of the 30th (late).
    expect(docs('2026-04-04', '2026-03-29T21:59:00Z').outcome).toBe('met');
    expect(docs('2026-04-04', '2026-03-29T22:00:00Z')).toMatchObject({ outcome: 'missed', publishedDate: '2026-03-30' });
    // The same UTC time a day before the change is 23:00 CET on 28 March: on time.
    expect(docs('2026-04-04', '2026-03-28T22:00:00Z').publishedDate).toBe('2026-03-28');
    // Summer: 22:30Z on 5 June is 00:30 on 6 June.
    expect(docs('2026-06-11', '2026-06-05T21:59:00Z').outcome).toBe('met');
    expect(docs('2026-06-11', '2026-06-05T22:30:00Z').outcome).toBe('missed');
  });

  it('unpublished: pending up to and including the deadline day, missed after it', () => {
    expect(docs('2026-03-12', null, '2026-03-05')).toEqual({ deadline: '2026-03-06', outcome: 'pending', publishedDate: null });
    expect(docs('2026-03-12', null, '2026-03-06').outcome).toBe('pending');
    expect(docs('2026-03-12', null, '2026-03-07').outcome).toBe('missed');
  });

  it('is met exactly when publication is at least D calendar days before (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -5, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        (publishedAt, offset, daysBefore) => {
          const meetingDate = addCalendarDays(localDate(publishedAt), offset);
          const v = documentsVerdict({ meetingDate, documentsPublishedAt: publishedAt }, { daysBefore, today: '2031-01-01' });
          expect(v.outcome).toBe(offset >= daysBefore ? 'met' : 'missed');
          expect(calendarDaysBetween(v.deadline ?? '', meetingDate)).toBe(daysBefore);
        },
      ),
    );
  });
});

describe('minutes: at most 1 working day after justering', () => {
  it('published on the justering day or the next working day is on time, the day after is late', () => {
    expect(minutes('2026-03-10', '2026-03-10T16:00:00+01:00')).toEqual({
      deadline: '2026-03-11',
      outcome: 'met',
      publishedDate: '2026-03-10',
    });
    expect(minutes('2026-03-10', '2026-03-11T16:00:00+01:00').outcome).toBe('met');
    expect(minutes('2026-03-10', '2026-03-12T08:00:00+01:00').outcome).toBe('missed');
  });

  it('justering on a Friday: the deadline is Monday', () => {
    expect(minutesDeadline('2026-03-13', 1, plain)).toBe('2026-03-16');
    expect(minutes('2026-03-13', '2026-03-16T10:00:00+01:00').outcome).toBe('met');
    expect(minutes('2026-03-13', '2026-03-17T10:00:00+01:00').outcome).toBe('missed');
  });

  it('justering before midsommar: midsommarafton is not a working day', () => {
    // Thursday 18 June 2026; Friday 19 June is midsommarafton, so the deadline is Monday 22 June.
    expect(minutesDeadline('2026-06-18', 1, plain)).toBe('2026-06-22');
    expect(minutes('2026-06-18', '2026-06-22T09:00:00+02:00').outcome).toBe('met');
    expect(minutes('2026-06-18', '2026-06-23T09:00:00+02:00').outcome).toBe('missed');
    // The Friday the week before: next working day Monday 15 June.
    expect(minutesDeadline('2026-06-12', 1, plain)).toBe('2026-06-15');
    // Friday before midsommar 2025 (midsommarafton 20 June): justering Thursday 19 June → Monday 23 June.
    expect(minutesDeadline('2025-06-19', 1, plain)).toBe('2025-06-23');
  });

  it('justering before Christmas and Easter', () => {
    // Wednesday 23 Dec 2026: julafton, juldagen, the weekend (annandag jul is a Saturday) → Monday 28 Dec.
    expect(minutesDeadline('2026-12-23', 1, plain)).toBe('2026-12-28');
    expect(minutes('2026-12-23', '2026-12-28T12:00:00+01:00').outcome).toBe('met');
    expect(minutes('2026-12-23', '2026-12-29T12:00:00+01:00').outcome).toBe('missed');
    // Friday 19 Dec 2025 → Monday 22 Dec; Monday 22 Dec → Tuesday 23 Dec.
    expect(minutesDeadline('2025-12-19', 1, plain)).toBe('2025-12-22');
    expect(minutesDeadline('2025-12-23', 1, plain)).toBe('2025-12-29');
    // Maundy Thursday 2 April 2026: Good Friday, the weekend and Easter Monday → Tuesday 7 April.
    expect(minutesDeadline('2026-04-02', 1, plain)).toBe('2026-04-07');
    expect(minutes('2026-04-02', '2026-04-07T15:00:00+02:00').outcome).toBe('met');
    expect(minutes('2026-04-02', '2026-04-08T09:00:00+02:00').outcome).toBe('missed');
  });

  it('uses the Stockholm date of publication, and the tenant’s closed days', () => {
    expect(minutes('2026-03-10', '2026-03-11T22:30:00Z').outcome).toBe('met');
    expect(minutes('2026-03-10', '2026-03-11T23:30:00Z')).toMatchObject({ outcome: 'missed', publishedDate: '2026-03-12' });
    const closed = calendarWith(new Set(['2026-03-11']));
    expect(minutes('2026-03-10', '2026-03-12T10:00:00+01:00', '2030-01-01', closed).outcome).toBe('met');
  });

  it('unpublished: pending until the deadline has passed; without justering there is no deadline', () => {
    expect(minutes('2026-03-10', null, '2026-03-11')).toEqual({ deadline: '2026-03-11', outcome: 'pending', publishedDate: null });
    expect(minutes('2026-03-10', null, '2026-03-12').outcome).toBe('missed');
    expect(minutes(null, null, '2026-12-31')).toEqual({ deadline: null, outcome: 'pending', publishedDate: null });
  });

  it('publishing k working days after justering is met exactly when k <= N (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), (dayOffset, k, n) => {
        const approved = addCalendarDays('2022-01-01', dayOffset);
        const published = stockholmInstant(addWorkingDays(approved, k), '15:00');
        const v = minutesVerdict(
          { minutesApprovedDate: approved, minutesPublishedAt: published },
          { workingDays: n, today: '2040-01-01', calendar: plain },
        );
        expect(v.outcome).toBe(k <= n ? 'met' : 'missed');
      }),
    );
  });
});

describe('local times', () => {
  it('turns Stockholm wall-clock times into instants in winter and summer', () => {
    expect(stockholmInstant('2026-03-10', '14:00').toISOString()).toBe('2026-03-10T13:00:00.000Z');
    expect(stockholmInstant('2026-06-10', '14:00').toISOString()).toBe('2026-06-10T12:00:00.000Z');
    expect(stockholmInstant('2026-03-29', '03:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toLocalInput(new Date('2026-06-10T12:05:00Z'))).toBe('2026-06-10T14:05');
  });

  it('parses publication times with a zone, without one, and dates alone', () => {
    expect(parsePublicationTime('2026-03-10T13:00:00Z')?.toISOString()).toBe('2026-03-10T13:00:00.000Z');
    expect(parsePublicationTime('2026-03-10 14:00')?.toISOString()).toBe('2026-03-10T13:00:00.000Z');
    expect(parsePublicationTime('2026-03-10T14:00')?.toISOString()).toBe('2026-03-10T13:00:00.000Z');
    expect(localDate(parsePublicationTime('2026-03-10') ?? new Date(0))).toBe('2026-03-10');
    for (const bad of ['', 'igår', '2026-02-30', '2026-03-10 25:00', '10/3/2026']) expect(parsePublicationTime(bad)).toBeUndefined();
    expect(parseTimeOfDay('9:05')).toBe('09:05');
    expect(parseTimeOfDay('24:00')).toBeUndefined();
  });

  it('any instant round-trips through its Stockholm wall-clock time to the minute (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const local = toLocalInput(d);
        const back = stockholmInstant(local.slice(0, 10), local.slice(11));
        // The repeated hour at the autumn change maps to one of its two instants.
        expect(toLocalInput(back)).toBe(local);
      }),
    );
  });
});
