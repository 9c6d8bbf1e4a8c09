// A tenant's working-day calendar: the Swedish rules of calendar.ts plus the days the
// municipality has closed itself.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { CalendarDate, Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './calendar.repo.ts';
import {
  addWorkingDays,
  holidaysOfYear,
  isValidLocalDate,
  isWorkingDay,
  type LocalDate,
  type NamedDay,
  workingDaysBetween,
} from './calendar.ts';

export interface TenantCalendar {
  closedDays: ReadonlySet<LocalDate>;
  isWorkingDay(date: LocalDate): boolean;
  addWorkingDays(date: LocalDate, days: number): LocalDate;
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
}

export function calendarWith(closedDays: ReadonlySet<LocalDate>): TenantCalendar {
  return {
    closedDays,
    isWorkingDay: (date) => isWorkingDay(date, closedDays),
    addWorkingDays: (date, days) => addWorkingDays(date, days, closedDays),
    workingDaysBetween: (from, to) => workingDaysBetween(from, to, closedDays),
  };
}

/** Loads a tenant's closed days once; use the result for many computations. */
export async function tenantCalendar(db: Db, tenantId: string | undefined): Promise<TenantCalendar> {
  if (!tenantId) return calendarWith(new Set());
  const rows = await repo.listClosedDays(db, tenantId);
  return calendarWith(new Set(rows.map((r) => r.date)));
}

/** Public holidays, the three eves and (for a tenant) its own closed days of a year, by date. */
export async function daysOffOfYear(db: Db, year: number, tenantId?: string): Promise<NamedDay[]> {
  const days = holidaysOfYear(year);
  if (!tenantId) return days;
  const closed = await repo.listClosedDays(db, tenantId, { from: `${year}-01-01`, to: `${year}-12-31` });
  const taken = new Set(days.map((d) => d.date));
  return [...days, ...closed.filter((c) => !taken.has(c.date))].sort((a, b) => a.date.localeCompare(b.date));
}

export function listClosedDays(db: Db, tenantId: string) {
  return repo.listClosedDays(db, tenantId);
}

export const ClosedDayInput = Type.Object({
  date: CalendarDate(),
  name: Text({ min: 1, max: 100 }),
});

const MESSAGES = { date: 'Ange ett datum som ÅÅÅÅ-MM-DD.', name: 'Ange vad dagen heter (1–100 tecken).' };

export async function addClosedDay(actor: Actor, input: unknown, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  const value = validate(ClosedDayInput, input, MESSAGES);
  if (!isValidLocalDate(value.date)) {
    throw new AppError('validation', 'Datumet finns inte.', { fields: [{ field: 'date', message: 'Datumet finns inte i kalendern.' }] });
  }
  await db.transaction().execute(async (trx) => {
    if (!(await repo.insertClosedDay(trx, actor.tenantId, value.date, value.name.trim()))) {
      throw new AppError('conflict', 'Dagen är redan stängd.', { fields: [{ field: 'date', message: 'Den dagen finns redan i listan.' }] });
    }
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'create',
      entity: 'closed_day',
      entityId: value.date,
      data: { name: value.name },
    });
  });
}

export async function removeClosedDay(actor: Actor, date: string, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteClosedDay(trx, actor.tenantId, date))) throw notFound('Dagen');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'delete',
      entity: 'closed_day',
      entityId: date,
    });
  });
}
