// Every query of the meetings module; each one is filtered by tenant.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface Meeting {
  id: string;
  boardUnitId: string;
  boardName: string;
  meetingDate: string;
  /** 'HH:MM' local time, or null. */
  startsAt: string | null;
  title: string | null;
  registrationNumber: string | null;
  documentsPublishedAt: Date | null;
  minutesApprovedDate: string | null;
  minutesPublishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeetingValues {
  startsAt?: string | null;
  title?: string | null;
  registrationNumber?: string | null;
  documentsPublishedAt?: Date | null;
  minutesApprovedDate?: string | null;
  minutesPublishedAt?: Date | null;
}

function baseQuery(db: Db, tenantId: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('org_units as b', (join) => join.onRef('b.id', '=', 'm.board_unit_id').onRef('b.tenant_id', '=', 'm.tenant_id'))
    .select([
      'm.id',
      'm.board_unit_id as boardUnitId',
      'b.name as boardName',
      'm.meeting_date as meetingDate',
      'm.starts_at as startsAt',
      'm.title',
      'm.registration_number as registrationNumber',
      'm.documents_published_at as documentsPublishedAt',
      'm.minutes_approved_date as minutesApprovedDate',
      'm.minutes_published_at as minutesPublishedAt',
      'm.created_at as createdAt',
      'm.updated_at as updatedAt',
    ])
    .where('m.tenant_id', '=', tenantId);
}

function present(row: Meeting): Meeting {
  return { ...row, startsAt: row.startsAt ? row.startsAt.slice(0, 5) : null };
}

export interface MeetingFilter {
  boardUnitIds?: readonly string[];
  /** Meeting dates, inclusive. */
  from?: string;
  to?: string;
  /** Approval (justering) dates, inclusive. */
  approvedFrom?: string;
  approvedTo?: string;
}

export async function listMeetings(db: Db, tenantId: string, filter: MeetingFilter = {}): Promise<Meeting[]> {
  let query = baseQuery(db, tenantId);
  if (filter.boardUnitIds) {
    if (filter.boardUnitIds.length === 0) return [];
    query = query.where('m.board_unit_id', 'in', filter.boardUnitIds);
  }
  if (filter.from) query = query.where('m.meeting_date', '>=', filter.from);
  if (filter.to) query = query.where('m.meeting_date', '<=', filter.to);
  if (filter.approvedFrom) query = query.where('m.minutes_approved_date', '>=', filter.approvedFrom);
  if (filter.approvedTo) query = query.where('m.minutes_approved_date', '<=', filter.approvedTo);
  const rows = await query.orderBy('b.name').orderBy('m.meeting_date').orderBy('m.starts_at').execute();
  return rows.map(present);
}

export async function findMeeting(db: Db, tenantId: string, id: string): Promise<Meeting | undefined> {
  const row = await baseQuery(db, tenantId).where('m.id', '=', id).executeTakeFirst();
  return row && present(row);
}

/** Locks the meeting row for the rest of the transaction; false when there is no such meeting. */
export async function lockMeeting(db: Db, tenantId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export async function findMeetingByBoardDate(
  db: Db,
  tenantId: string,
  boardUnitId: string,
  meetingDate: string,
): Promise<Meeting | undefined> {
  const row = await baseQuery(db, tenantId)
    .where('m.board_unit_id', '=', boardUnitId)
    .where('m.meeting_date', '=', meetingDate)
    .executeTakeFirst();
  return row && present(row);
}

function columns(values: MeetingValues) {
  return {
    ...(values.startsAt !== undefined ? { starts_at: values.startsAt } : {}),
    ...(values.title !== undefined ? { title: values.title } : {}),
    ...(values.registrationNumber !== undefined ? { registration_number: values.registrationNumber } : {}),
    ...(values.documentsPublishedAt !== undefined ? { documents_published_at: values.documentsPublishedAt } : {}),
    ...(values.minutesApprovedDate !== undefined ? { minutes_approved_date: values.minutesApprovedDate } : {}),
    ...(values.minutesPublishedAt !== undefined ? { minutes_published_at: values.minutesPublishedAt } : {}),
  };
}

export async function insertMeeting(
  db: Db,
  tenantId: string,
  key: { boardUnitId: string; meetingDate: string },
  values: MeetingValues,
): Promise<string> {
  const row = await db
    .insertInto('meetings')
    .values({ tenant_id: tenantId, board_unit_id: key.boardUnitId, meeting_date: key.meetingDate, ...columns(values) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Several meetings in one statement (demo data). */
export async function insertMeetings(
  db: Db,
  tenantId: string,
  rows: ({ boardUnitId: string; meetingDate: string } & MeetingValues)[],
): Promise<number> {
  if (rows.length === 0) return 0;
  await db
    .insertInto('meetings')
    .values(rows.map((r) => ({ tenant_id: tenantId, board_unit_id: r.boardUnitId, meeting_date: r.meetingDate, ...columns(r) })))
    .execute();
  return rows.length;
}

export async function updateMeeting(
  db: Db,
  tenantId: string,
  id: string,
  values: MeetingValues & { boardUnitId?: string; meetingDate?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({
      ...columns(values),
      ...(values.boardUnitId !== undefined ? { board_unit_id: values.boardUnitId } : {}),
      ...(values.meetingDate !== undefined ? { meeting_date: values.meetingDate } : {}),
      updated_at: new Date(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Years (of meeting dates) that have meetings, newest first. */
export async function meetingYears(db: Db, tenantId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('meetings')
    .select(sql<number>`extract(year from meeting_date)::int`.as('year'))
    .where('tenant_id', '=', tenantId)
    .groupBy(sql`extract(year from meeting_date)::int`)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => Number(r.year));
}
