// Deadlines of a case, as pure functions: which N applies, when first feedback is due, and how
// a case stands against its deadline on a given day. The tenant calendar is passed in.

import type { TenantCalendar } from '../calendar/calendar.service.ts';
import { type LocalDate, localDate } from '../calendar/calendar.ts';

/** A unit on the path from a case's unit up to the council, nearest first. */
export interface UnitOverride {
  unitId: string;
  firstResponseDays: number | null;
}

/**
 * Working days to first feedback: the category's override, else the nearest unit (itself or an
 * ancestor) with an override, else the tenant's default. The one rule: intake, the public form,
 * Open311 and the promises module all reach it through the cases service
 * (`firstResponseDaysByCategory`, `firstResponseDaysForCategory`), never with their own copy.
 */
export function resolveFirstResponseDays(
  tenantDays: number,
  unitPathNearestFirst: readonly UnitOverride[],
  categoryDays: number | null,
): number {
  if (categoryDays !== null) return categoryDays;
  for (const unit of unitPathNearestFirst) if (unit.firstResponseDays !== null) return unit.firstResponseDays;
  return tenantDays;
}

/** Working days to first feedback of every category, by category id, from the tenant's unit tree. */
export function resolveDaysByCategory(
  tenantDays: number,
  units: readonly { id: string; parentId: string | null; firstResponseDays: number | null }[],
  categories: readonly { id: string; unitId: string; firstResponseDays: number | null }[],
): Map<string, number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const result = new Map<string, number>();
  for (const c of categories) {
    const path: UnitOverride[] = [];
    for (let u = byId.get(c.unitId); u && path.length < 100; u = u.parentId ? byId.get(u.parentId) : undefined) {
      path.push({ unitId: u.id, firstResponseDays: u.firstResponseDays });
    }
    result.set(c.id, resolveFirstResponseDays(tenantDays, path, c.firstResponseDays));
  }
  return result;
}

/** First feedback is due on the N-th working day strictly after the local date of receipt. */
export function firstResponseDue(receivedAt: Date, days: number, calendar: TenantCalendar): { receivedDate: LocalDate; due: LocalDate } {
  const receivedDate = localDate(receivedAt);
  return { receivedDate, due: calendar.addWorkingDays(receivedDate, days) };
}

export type DueState =
  | { kind: 'answered_on_time' }
  | { kind: 'answered_late'; days: number }
  | { kind: 'due_today' }
  | { kind: 'overdue'; days: number }
  | { kind: 'on_track'; daysLeft: number };

/** How a case stands against its first-feedback deadline on `today`. */
export function dueState(
  c: { firstResponseDue: LocalDate; firstResponseDate: LocalDate | null },
  today: LocalDate,
  calendar: TenantCalendar,
): DueState {
  if (c.firstResponseDate !== null) {
    if (c.firstResponseDate <= c.firstResponseDue) return { kind: 'answered_on_time' };
    return { kind: 'answered_late', days: Math.max(1, calendar.workingDaysBetween(c.firstResponseDue, c.firstResponseDate)) };
  }
  if (today === c.firstResponseDue) return { kind: 'due_today' };
  if (today > c.firstResponseDue) return { kind: 'overdue', days: Math.max(1, calendar.workingDaysBetween(c.firstResponseDue, today)) };
  return { kind: 'on_track', daysLeft: calendar.workingDaysBetween(today, c.firstResponseDue) };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "1 arbetsdag", "2 arbetsdagar" (Swedish staff pages; public pages have their own three languages). */
export function formatWorkingDays(n: number): string {
  return plural(n, 'arbetsdag', 'arbetsdagar');
}

/** The state in words (Swedish), and a CSS class for its colour; the words carry the meaning. */
export function dueStateLabel(state: DueState): { text: string; className: string } {
  switch (state.kind) {
    case 'answered_on_time':
      return { text: 'Besvarad i tid', className: 'due-ok' };
    case 'answered_late':
      return { text: 'Besvarad för sent', className: 'due-late' };
    case 'due_today':
      return { text: 'Förfaller idag', className: 'due-today' };
    case 'overdue':
      return { text: `Försenad ${formatWorkingDays(state.days)}`, className: 'due-overdue' };
    case 'on_track':
      return { text: `I tid – ${formatWorkingDays(state.daysLeft)} kvar`, className: 'due-on-track' };
  }
}
