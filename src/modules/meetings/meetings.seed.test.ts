import { describe, expect, it } from 'vitest';
import { calendarWith } from '../calendar/calendar.service.ts';
import { localDate } from '../calendar/calendar.ts';
import { demoMeetings } from './meetings.seed.ts';

const calendar = calendarWith(new Set());
const options = { years: [2025, 2026], weekday: 2, week: 1, seed: 42, today: '2026-11-23', calendar, until: '2026-12-31' };

describe('demo meetings', () => {
  it('are deterministic and about ten a year on working days', () => {
    const a = demoMeetings('board', options);
    expect(demoMeetings('board', options)).toEqual(a);
    expect(demoMeetings('board', { ...options, seed: 43 })).not.toEqual(a);
    for (const year of ['2025', '2026']) expect(a.filter((m) => m.meetingDate.startsWith(year))).toHaveLength(10);
    for (const m of a) expect(calendar.isWorkingDay(m.meetingDate)).toBe(true);
  });

  it('publish nothing after today and keep the order meeting → justering → minutes', () => {
    const rows = [1, 2, 3, 4, 5, 6, 7].flatMap((seed) => demoMeetings('board', { ...options, seed }));
    for (const m of rows) {
      if (m.documentsPublishedAt) {
        expect(localDate(m.documentsPublishedAt) <= options.today).toBe(true);
        expect(localDate(m.documentsPublishedAt) < m.meetingDate).toBe(true);
      }
      if (m.minutesApprovedDate) {
        expect(m.minutesApprovedDate > m.meetingDate && m.minutesApprovedDate <= options.today).toBe(true);
      } else {
        expect(m.minutesPublishedAt).toBeUndefined();
      }
      if (m.minutesPublishedAt && m.minutesApprovedDate) {
        const published = localDate(m.minutesPublishedAt);
        expect(published >= m.minutesApprovedDate && published <= options.today).toBe(true);
      }
    }
    // Planned meetings after today have no minutes yet.
    expect(rows.some((m) => m.meetingDate > options.today)).toBe(true);
    expect(rows.filter((m) => m.meetingDate > options.today).every((m) => !m.minutesApprovedDate)).toBe(true);
  });
});
