import { describe, expect, it } from 'vitest';
import { calendarWith } from '../calendar/calendar.service.ts';
import { stockholmLocalToInstant } from '../calendar/local-time.ts';
import { dueState, dueStateLabel, firstResponseDue, resolveFirstResponseDays } from './cases.deadline.ts';

const cal = calendarWith(new Set());

describe('first-response deadline', () => {
  it('is the N-th working day strictly after the local date of receipt', () => {
    // Monday 2026-03-02 + 2 working days = Wednesday 2026-03-04.
    expect(firstResponseDue(new Date('2026-03-02T10:00:00+01:00'), 2, cal)).toEqual({ receivedDate: '2026-03-02', due: '2026-03-04' });
    // Friday → Tuesday.
    expect(firstResponseDue(new Date('2026-03-06T15:00:00+01:00'), 2, cal).due).toBe('2026-03-10');
  });

  it('uses the local (Stockholm) date across the DST change', () => {
    // 2026-03-28T23:30Z is 00:30 on Sunday 2026-03-29 in Stockholm (CET, DST starts 02:00 that night).
    const r = firstResponseDue(new Date('2026-03-28T23:30:00Z'), 2, cal);
    expect(r.receivedDate).toBe('2026-03-29');
    expect(r.due).toBe('2026-03-31');
    // Late evening UTC in summer is the next day locally.
    expect(firstResponseDue(new Date('2026-10-24T22:30:00Z'), 1, cal).receivedDate).toBe('2026-10-25');
  });

  it('skips Easter', () => {
    // Maundy Thursday 2026-04-02; Good Friday 04-03 and Easter Monday 04-06 are holidays.
    expect(firstResponseDue(new Date('2026-04-02T09:00:00+02:00'), 2, cal).due).toBe('2026-04-08');
  });

  it('skips midsommarafton and midsommardagen', () => {
    // Thursday 2026-06-18; Friday 06-19 is midsommarafton.
    expect(firstResponseDue(new Date('2026-06-18T09:00:00+02:00'), 1, cal).due).toBe('2026-06-22');
  });

  it('skips Christmas and New Year', () => {
    // Wednesday 2026-12-23; 24, 25 (Fri) and 26 (Sat) are off; then Mon 28, Tue 29.
    expect(firstResponseDue(new Date('2026-12-23T16:00:00+01:00'), 2, cal).due).toBe('2026-12-29');
    // Wednesday 2026-12-30: nyårsafton 31, nyårsdagen 1 Jan → Monday 2027-01-04, Tuesday 01-05.
    expect(firstResponseDue(new Date('2026-12-30T16:00:00+01:00'), 2, cal).due).toBe('2027-01-05');
  });

  it('honours a tenant’s closed days', () => {
    const closed = calendarWith(new Set(['2026-03-03']));
    expect(firstResponseDue(new Date('2026-03-02T10:00:00+01:00'), 2, closed).due).toBe('2026-03-05');
  });

  it('resolves overrides category > unit (nearest ancestor) > tenant', () => {
    const path = [
      { unitId: 'unit', firstResponseDays: null },
      { unitId: 'dept', firstResponseDays: 3 },
      { unitId: 'admin', firstResponseDays: 5 },
    ];
    expect(resolveFirstResponseDays(2, path, 1)).toBe(1);
    expect(resolveFirstResponseDays(2, path, null)).toBe(3);
    expect(resolveFirstResponseDays(2, [{ unitId: 'u', firstResponseDays: null }], null)).toBe(2);
    expect(resolveFirstResponseDays(2, [{ unitId: 'u', firstResponseDays: 0 }], null)).toBe(0);
  });
});

describe('due state in words', () => {
  const c = (due: string, answered: string | null = null) => ({ firstResponseDue: due, firstResponseDate: answered });
  it('labels each state', () => {
    expect(dueStateLabel(dueState(c('2026-03-04'), '2026-03-04', cal)).text).toBe('Förfaller idag');
    expect(dueStateLabel(dueState(c('2026-03-04'), '2026-03-06', cal)).text).toBe('Försenad 2 arbetsdagar');
    expect(dueStateLabel(dueState(c('2026-03-04'), '2026-03-05', cal)).text).toBe('Försenad 1 arbetsdag');
    expect(dueStateLabel(dueState(c('2026-03-04', '2026-03-03'), '2026-03-10', cal)).text).toBe('Besvarad i tid');
    expect(dueStateLabel(dueState(c('2026-03-04', '2026-03-05'), '2026-03-10', cal)).text).toBe('Besvarad för sent');
    expect(dueStateLabel(dueState(c('2026-03-06'), '2026-03-02', cal)).text).toBe('I tid – 4 arbetsdagar kvar');
  });
});

describe('Stockholm wall-clock times', () => {
  it('converts datetime-local values in winter and summer', () => {
    expect(stockholmLocalToInstant('2026-01-15T09:30')?.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(stockholmLocalToInstant('2026-07-15T09:30')?.toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(stockholmLocalToInstant('2026-07-15 09:30')).toBeUndefined();
  });
});
