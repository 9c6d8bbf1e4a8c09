// Demo meetings: about ten a year per board for 2025 and 2026 up to today, a few planned ahead.
// Documents usually come out 7–10 days before (sometimes only 4–5: late); justering 2–7 days
// after the meeting; minutes usually the same or the next working day (sometimes 2–4: late).
// Deterministic: a seeded PRNG, so every demo database looks the same for the same "today".
import type { Db } from '../../db/database.ts';
import type { DemoTenants } from '../../db/seed/demo.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { type TenantCalendar, tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays, type LocalDate, localDate } from '../calendar/calendar.ts';
import { stockholmInstant } from '../calendar/local-time.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import * as repo from './meetings.repo.ts';
import { listBoards } from './meetings.service.ts';

/** mulberry32: small, fast, good enough for demo data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = { boardUnitId: string; meetingDate: string } & repo.MeetingValues;

const MONTHS = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12];

function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function timeOfDay(random: () => number, fromHour: number, toHour: number): string {
  return `${between(random, fromHour, toHour)}:${String(between(random, 0, 11) * 5).padStart(2, '0')}`;
}

/** The nearest working day on or before `date`. */
function workingDayOnOrBefore(date: LocalDate, calendar: TenantCalendar): LocalDate {
  let d = date;
  while (!calendar.isWorkingDay(d)) d = addCalendarDays(d, -1);
  return d;
}

function workingDayOnOrAfter(date: LocalDate, calendar: TenantCalendar): LocalDate {
  let d = date;
  while (!calendar.isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

/**
 * One board's meetings in [firstMonth, lastMonth] of the given years. `weekday` (1 = Monday)
 * and `week` (0-based week of the month) give each board its own rhythm.
 */
export function demoMeetings(
  boardUnitId: string,
  options: { years: number[]; weekday: number; week: number; seed: number; today: LocalDate; calendar: TenantCalendar; until: LocalDate },
): Row[] {
  const random = prng(options.seed);
  const rows: Row[] = [];
  for (const year of options.years) {
    // About ten a year: one month without a meeting besides July.
    const skip = MONTHS[between(random, 0, MONTHS.length - 1)];
    for (const month of MONTHS) {
      if (month === skip) continue;
      const first = `${year}-${String(month).padStart(2, '0')}-01`;
      const firstWeekday = new Date(`${first}T00:00:00Z`).getUTCDay();
      const offset = ((options.weekday - firstWeekday + 7) % 7) + 7 * options.week;
      const meetingDate = workingDayOnOrAfter(addCalendarDays(first, offset), options.calendar);
      if (meetingDate > options.until) continue;
      rows.push(demoMeeting(boardUnitId, meetingDate, random, options.today, options.calendar));
    }
  }
  return rows;
}

function demoMeeting(boardUnitId: string, meetingDate: LocalDate, random: () => number, today: LocalDate, calendar: TenantCalendar): Row {
  const row: Row = { boardUnitId, meetingDate, startsAt: random() < 0.5 ? '09:00' : '13:00' };
  // Documents on a working day: mostly 7–10 days before, sometimes exactly 6 (just in time),
  // sometimes 4–5 (late).
  const roll = random();
  const [min, max] = roll < 0.8 ? [7, 10] : roll < 0.87 ? [6, 6] : [4, 5];
  const candidates: LocalDate[] = [];
  for (let d = min; d <= max; d++) {
    const date = addCalendarDays(meetingDate, -d);
    if (calendar.isWorkingDay(date)) candidates.push(date);
  }
  const documentsDate =
    candidates.length > 0
      ? candidates[between(random, 0, candidates.length - 1)]
      : workingDayOnOrBefore(addCalendarDays(meetingDate, -max), calendar);
  const neverPublished = random() < 0.01;
  if (documentsDate <= today && !neverPublished) row.documentsPublishedAt = stockholmInstant(documentsDate, timeOfDay(random, 8, 16));
  if (meetingDate >= today) return row;
  // Justering 2–7 days after the meeting, on a working day.
  const approved = workingDayOnOrAfter(addCalendarDays(meetingDate, between(random, 2, 7)), calendar);
  if (approved > today) return row;
  row.minutesApprovedDate = approved;
  const late = random();
  const after = late < 0.62 ? 0 : late < 0.88 ? 1 : between(random, 2, 4);
  const minutesDate = calendar.addWorkingDays(approved, after);
  if (minutesDate <= today && random() > 0.01) row.minutesPublishedAt = stockholmInstant(minutesDate, timeOfDay(random, 9, 16));
  return row;
}

const RHYTHM = [
  { weekday: 2, week: 1 },
  { weekday: 3, week: 2 },
  { weekday: 4, week: 1 },
  { weekday: 2, week: 3 },
  { weekday: 3, week: 0 },
  { weekday: 4, week: 2 },
  { weekday: 1, week: 2 },
];

async function seedTenant(db: Db, tenant: Tenant, years: number[], until: LocalDate, seed: number): Promise<number> {
  const today = localDate(new Date());
  const calendar = await tenantCalendar(db, tenant.id);
  const boards = await listBoards(db, tenant.id);
  const rows = boards.flatMap((board, i) =>
    demoMeetings(board.id, { ...RHYTHM[i % RHYTHM.length], years, seed: seed + i * 7919, today, calendar, until }),
  );
  return db.transaction().execute(async (trx) => {
    const count = await repo.insertMeetings(trx, tenant.id, rows);
    await recordAudit(trx, {
      tenantId: tenant.id,
      actorUserId: null,
      actorLabel: 'seed',
      action: 'import',
      entity: 'meeting',
      data: { created: count, source: 'demo' },
    });
    return count;
  });
}

/** Demo data of this module for the demo tenants. */
export async function seedMeetingsDemo(db: Db, tenants: DemoTenants): Promise<void> {
  const year = Number(localDate(new Date()).slice(0, 4));
  // Norrtälje: last year and this year, planned meetings through February next year.
  await seedTenant(db, tenants.norrtalje, [year - 1, year, year + 1], `${year + 1}-02-28`, 20250101);
  // Luleå: a few meetings this year.
  await seedTenant(db, tenants.lulea, [year], `${year}-06-30`, 9700);
}
