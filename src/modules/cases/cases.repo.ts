// Every query of cases and their events; all filtered by tenant.
import { type Compilable, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseEventKind, CaseEventTable, CaseStatus, CaseTable } from '../../db/schema-cases.ts';

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function caseQuery(db: Db, tenantId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('categories as cat', (j) => j.onRef('cat.id', '=', 'c.category_id').onRef('cat.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'))
    .leftJoin('users as a', (j) => j.onRef('a.id', '=', 'c.assignee_user_id').onRef('a.tenant_id', '=', 'c.tenant_id'))
    .selectAll('c')
    .select(['cat.code as category_code', 'cat.name as category_name', 'u.name as unit_name', 'a.name as assignee_name'])
    .where('c.tenant_id', '=', tenantId);
}

export function findCase(db: Db, tenantId: string, id: string) {
  return caseQuery(db, tenantId).where('c.id', '=', id).executeTakeFirst();
}

export function findCaseByIdempotencyKey(db: Db, tenantId: string, key: string) {
  return caseQuery(db, tenantId).where('c.idempotency_key', '=', key).executeTakeFirst();
}

export function findCaseByTokenHash(db: Db, tenantId: string, hash: string) {
  return caseQuery(db, tenantId).where('c.tracking_token_hash', '=', hash).executeTakeFirst();
}

/** Locks the case row for the rest of the transaction (one action at a time per case). */
export async function lockCase(db: Db, tenantId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

// Case numbers come from one database sequence per tenant and year (case_number_<tenant>_<year>):
// nextval takes no row lock, so concurrent creates of one municipality do not wait for each
// other's commit. The price: a transaction that fails after taking its number leaves a gap
// (the unique key still forbids duplicates). See "Case numbers" in docs/ARCHITECTURE.md for the
// measurements. case_counters stays the record bulk imports and seeds set; a new sequence starts
// after it and after every number already stored.
export function caseSequenceName(tenantId: string, year: number): string {
  return `case_number_${tenantId.replaceAll('-', '')}_${year}`;
}

const knownSequences = new WeakMap<Db, Set<string>>();

/** Creates the tenant-year's sequence if it is missing. Call before the create transaction. */
export async function ensureCaseSequence(db: Db, tenantId: string, year: number): Promise<void> {
  const name = caseSequenceName(tenantId, year);
  const known = knownSequences.get(db) ?? new Set<string>();
  knownSequences.set(db, known);
  if (known.has(name)) return;
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass(${name}) IS NOT NULL AS present`.execute(db);
  if (!rows[0]?.present) {
    const prefix = `${year}-`;
    const { rows: last } = await sql<{ n: number | null }>`
      SELECT greatest(
        (SELECT last_number FROM case_counters WHERE tenant_id = ${tenantId} AND year = ${year}),
        (SELECT max(substr(case_number, 6)::int) FROM cases WHERE tenant_id = ${tenantId} AND starts_with(case_number, ${prefix}))
      ) AS n`.execute(db);
    const start = Number(last[0]?.n ?? 0) + 1;
    try {
      await sql`CREATE SEQUENCE IF NOT EXISTS ${sql.id(name)} AS bigint START WITH ${sql.lit(start)} MINVALUE 1`.execute(db);
    } catch (error) {
      // Another process created it at the same moment (IF NOT EXISTS is not race-free).
      if (!['23505', '42P07'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
  known.add(name);
}

/** Takes the next case number of a tenant and year (ensureCaseSequence first). Holds no lock. */
export async function nextCaseNumber(db: Db, tenantId: string, year: number): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`SELECT nextval(${caseSequenceName(tenantId, year)}::regclass) AS n`.execute(db);
  return Number(rows[0].n);
}

/** Sets a counter (bulk imports that numbered cases themselves); a live sequence moves past it. */
export async function setCaseCounter(db: Db, tenantId: string, year: number, lastNumber: number): Promise<void> {
  await db
    .insertInto('case_counters')
    .values({ tenant_id: tenantId, year, last_number: lastNumber })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ last_number: lastNumber }))
    .execute();
  await syncCaseSequence(db, tenantId, year, lastNumber);
}

/** The last number a tenant-year's sequence gave out (0 before the first). */
export async function lastSequenceNumber(db: Db, tenantId: string, year: number): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`
    SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS n FROM ${sql.id(caseSequenceName(tenantId, year))}`.execute(db);
  return Number(rows[0].n);
}

/** Moves an existing tenant-year sequence past `lastNumber` (never back). */
export async function syncCaseSequence(db: Db, tenantId: string, year: number, lastNumber: number): Promise<void> {
  const name = caseSequenceName(tenantId, year);
  const { rows } = await sql<{ present: boolean }>`SELECT to_regclass(${name}) IS NOT NULL AS present`.execute(db);
  if (!rows[0]?.present) return;
  await sql`SELECT setval(${name}::regclass, greatest(${lastNumber}::bigint, (SELECT last_value FROM ${sql.id(name)})))`.execute(db);
}

/**
 * Takes the next case number of a tenant and year if the tenant's intake settings are still at
 * `version` (null: take it regardless); otherwise takes none and says which version they are at.
 * One round trip for both (see intake-settings.ts).
 */
export async function takeCaseNumber(
  db: Db,
  tenantId: string,
  year: number,
  version: number | null,
): Promise<{ n: number | null; version: number }> {
  const { rows } = await sql<{ n: string | number | null; version: string | number }>`
    SELECT v.version, CASE WHEN ${version}::bigint IS NULL OR v.version = ${version}::bigint
                           THEN nextval(${caseSequenceName(tenantId, year)}::regclass) END AS n
      FROM (SELECT coalesce((SELECT version FROM intake_settings_versions WHERE tenant_id = ${tenantId}), 0) AS version) v`.execute(db);
  const row = rows[0];
  return { n: row?.n === null || row?.n === undefined ? null : Number(row.n), version: Number(row?.version ?? 0) };
}

/**
 * Inserts a case and, in the same statement, the rows that belong to it (`companions`: insert
 * queries of its events, audit entry, receipt mail): one round trip, all or nothing — a single
 * statement is atomic without BEGIN/COMMIT. Returns the stored case row.
 */
export async function insertCaseWith(
  db: Db,
  values: Insertable<CaseTable>,
  companions: readonly Compilable[],
): Promise<Selectable<CaseTable>> {
  const insert = db.insertInto('cases').values(values).returningAll();
  if (companions.length === 0) return insert.executeTakeFirstOrThrow();
  const ctes = companions.map((q, i) => sql`${sql.id(`companion_${i}`)} AS (${q})`);
  const { rows } = await sql<Selectable<CaseTable>>`WITH ${sql.join(ctes)} ${insert}`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('insertCaseWith: no row returned');
  return row;
}

/** The insert of a case's first events, for insertCaseWith. */
export function eventsInsert(db: Db, events: EventValues[]) {
  return db.insertInto('case_events').values(events.map(eventRow));
}

/** Units with their names and first-feedback overrides (the intake settings). */
export function unitsForIntake(db: Db, tenantId: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'parent_id as parentId', 'name', 'first_response_days as firstResponseDays'])
    .where('tenant_id', '=', tenantId)
    .execute();
}

export async function insertCase(db: Db, values: Insertable<CaseTable>): Promise<string> {
  const row = await db.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Bulk insert for demo data and imports: one JSON parameter per statement instead of tens of
 * thousands of bind parameters (an order of magnitude faster on the embedded database).
 */
export async function insertCasesBulk(db: Db, values: Insertable<CaseTable>[]): Promise<void> {
  if (values.length === 0) return;
  const rows = values.map((v) => ({
    ...v,
    received_at: v.received_at instanceof Date ? v.received_at.toISOString() : v.received_at,
    first_response_at: v.first_response_at instanceof Date ? v.first_response_at.toISOString() : (v.first_response_at ?? null),
    resolved_at: v.resolved_at instanceof Date ? v.resolved_at.toISOString() : (v.resolved_at ?? null),
  }));
  await sql`
    INSERT INTO cases (id, tenant_id, case_number, type, channel, category_id, unit_id, assignee_user_id, language, subject, message,
      contact_name, contact_email, contact_phone, received_at, received_date, first_response_due, first_response_at, first_response_date,
      next_feedback_due, status, resolved_at, resolved_at_first_contact, referred_to, tracking_token_hash, idempotency_key)
    SELECT coalesce(id, gen_random_uuid()), tenant_id, case_number, type, channel, category_id, unit_id, assignee_user_id, coalesce(language, 'sv'), subject, message,
      contact_name, contact_email, contact_phone, received_at, received_date, first_response_due, first_response_at, first_response_date,
      next_feedback_due, coalesce(status, 'new'), resolved_at, coalesce(resolved_at_first_contact, false), referred_to, tracking_token_hash, idempotency_key
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, tenant_id uuid, case_number text, type text, channel text,
      category_id uuid, unit_id uuid, assignee_user_id uuid, language text, subject text, message text, contact_name text,
      contact_email text, contact_phone text, received_at timestamptz, received_date date, first_response_due date,
      first_response_at timestamptz, first_response_date date, next_feedback_due date, status text, resolved_at timestamptz,
      resolved_at_first_contact boolean, referred_to text, tracking_token_hash text, idempotency_key text)`.execute(db);
}

/** Bulk insert of events (demo data and imports), one JSON parameter per statement. */
export async function insertEventsBulk(db: Db, events: EventValues[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({ ...eventRow(e), at: e.at.toISOString(), data: e.data }));
  await sql`
    INSERT INTO case_events (tenant_id, case_id, kind, at, actor_user_id, actor_label, body, data, visible_to_resident)
    SELECT tenant_id, case_id, kind, at, actor_user_id, actor_label, body, coalesce(data, '{}'::jsonb), visible_to_resident
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(tenant_id uuid, case_id uuid, kind text, at timestamptz,
      actor_user_id uuid, actor_label text, body text, data jsonb, visible_to_resident boolean)`.execute(db);
}

export async function updateCase(db: Db, tenantId: string, id: string, set: Updateable<CaseTable>): Promise<void> {
  await db
    .updateTable('cases')
    .set({ ...set, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export interface EventValues {
  tenantId: string;
  caseId: string;
  kind: CaseEventKind;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  body: string | null;
  data: Record<string, unknown>;
  visibleToResident: boolean;
}

function eventRow(e: EventValues): Insertable<CaseEventTable> {
  return {
    tenant_id: e.tenantId,
    case_id: e.caseId,
    kind: e.kind,
    at: e.at,
    actor_user_id: e.actorUserId,
    actor_label: e.actorLabel,
    body: e.body,
    data: JSON.stringify(e.data),
    visible_to_resident: e.visibleToResident,
  };
}

export async function insertEvents(db: Db, events: EventValues[]): Promise<void> {
  if (events.length === 0) return;
  await db.insertInto('case_events').values(events.map(eventRow)).execute();
}

export function listEvents(db: Db, tenantId: string, caseId: string, { residentOnly = false } = {}) {
  let q = db
    .selectFrom('case_events')
    .select(['id', 'kind', 'at', 'actor_user_id', 'actor_label', 'body', 'data', 'visible_to_resident'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId);
  if (residentOnly) q = q.where('visible_to_resident', '=', true);
  return q.orderBy('at').orderBy('created_at').execute();
}

export async function setUnitFirstResponseDays(db: Db, tenantId: string, unitId: string, days: number | null): Promise<boolean> {
  const r = await db
    .updateTable('org_units')
    .set({ first_response_days: days })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface TimingFilter {
  dueFrom: string;
  dueTo: string;
  unitIds?: string[];
  types?: string[];
  categoryCodes?: string[];
  channels?: string[];
}

export interface CaseTimingRow {
  id: string;
  type: CaseTable['type'];
  channel: CaseTable['channel'];
  categoryCode: string;
  categoryName: string;
  unitId: string;
  receivedDate: string;
  firstResponseDue: string;
  firstResponseDate: string | null;
  resolvedDate: string | null;
  status: CaseStatus;
  resolvedAtFirstContact: boolean;
}

/**
 * Cases whose first-response deadline falls in a range, for measurement. Tens of thousands of rows
 * come back as one JSON array: on PGlite that is about 3× faster than row by row (bench/README.md).
 */
export async function caseTimings(db: Db, tenantId: string, f: TimingFilter): Promise<CaseTimingRow[]> {
  if (f.unitIds && f.unitIds.length === 0) return [];
  let q = db
    .selectFrom('cases as c')
    .innerJoin('categories as cat', (j) => j.onRef('cat.id', '=', 'c.category_id').onRef('cat.tenant_id', '=', 'c.tenant_id'))
    .select(
      sql<string>`coalesce(json_agg(json_build_array(
        c.id, c.type, c.channel, cat.code, cat.name, c.unit_id, c.received_date, c.first_response_due,
        c.first_response_date, (c.resolved_at AT TIME ZONE 'Europe/Stockholm')::date, c.status, c.resolved_at_first_contact
      ) ORDER BY c.first_response_due, c.id), '[]')::text`.as('rows'),
    )
    .where('c.tenant_id', '=', tenantId)
    .where('c.first_response_due', '>=', f.dueFrom)
    .where('c.first_response_due', '<=', f.dueTo);
  if (f.unitIds) q = q.where('c.unit_id', 'in', f.unitIds);
  if (f.types?.length) q = q.where('c.type', 'in', f.types as CaseTable['type'][]);
  if (f.channels?.length) q = q.where('c.channel', 'in', f.channels as CaseTable['channel'][]);
  if (f.categoryCodes?.length) q = q.where('cat.code', 'in', f.categoryCodes);
  const { rows } = await q.executeTakeFirstOrThrow();
  type Tuple = [
    string,
    CaseTable['type'],
    CaseTable['channel'],
    string,
    string,
    string,
    string,
    string,
    string | null,
    string | null,
    CaseStatus,
    boolean,
  ];
  return (JSON.parse(rows) as Tuple[]).map((r) => ({
    id: r[0],
    type: r[1],
    channel: r[2],
    categoryCode: r[3],
    categoryName: r[4],
    unitId: r[5],
    receivedDate: r[6],
    firstResponseDue: r[7],
    firstResponseDate: r[8],
    resolvedDate: r[9],
    status: r[10],
    resolvedAtFirstContact: r[11],
  }));
}

export interface OutcomeCountFilter {
  /** Local dates of receipt, inclusive: the range a promise's rule derives from its period. */
  receivedFrom: string;
  receivedTo: string;
  /** What counts as done: first feedback (a resolution without one counts) or resolution. */
  done: 'first_response' | 'resolution';
  unitIds?: string[];
  types?: string[];
  categoryCodes?: string[];
  channels?: string[];
}

export interface OutcomeCount {
  receivedDate: string;
  doneDate: string | null;
  count: number;
}

/**
 * Cases by received date and done date, counted in SQL (a year of a large municipality is a few
 * thousand groups instead of tens of thousands of rows). Uses the (tenant_id, received_date) index.
 */
export async function caseOutcomeCounts(db: Db, tenantId: string, f: OutcomeCountFilter): Promise<OutcomeCount[]> {
  if (f.unitIds && f.unitIds.length === 0) return [];
  const resolvedDate = sql<string | null>`(c.resolved_at AT TIME ZONE 'Europe/Stockholm')::date`;
  const doneDate = f.done === 'first_response' ? sql<string | null>`coalesce(c.first_response_date, ${resolvedDate})` : resolvedDate;
  let q = db
    .selectFrom('cases as c')
    .select([sql<string>`c.received_date`.as('receivedDate'), doneDate.as('doneDate'), sql<number>`count(*)::int`.as('count')])
    .where('c.tenant_id', '=', tenantId)
    .where('c.received_date', '>=', f.receivedFrom)
    .where('c.received_date', '<=', f.receivedTo);
  if (f.unitIds) q = q.where('c.unit_id', 'in', f.unitIds);
  if (f.types?.length) q = q.where('c.type', 'in', f.types as CaseTable['type'][]);
  if (f.channels?.length) q = q.where('c.channel', 'in', f.channels as CaseTable['channel'][]);
  if (f.categoryCodes?.length) {
    const codes = f.categoryCodes;
    q = q.where('c.category_id', 'in', (sub) =>
      sub.selectFrom('categories').select('id').where('tenant_id', '=', tenantId).where('code', 'in', codes),
    );
  }
  const rows = await q.groupBy([sql`1`, sql`2`]).orderBy(sql`1`).orderBy(sql`2`).execute();
  return rows.map((r) => ({ receivedDate: r.receivedDate, doneDate: r.doneDate, count: Number(r.count) }));
}

/** Every unit of a tenant with its parent and override (for resolving many categories at once). */
export function unitOverrideTree(db: Db, tenantId: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'parent_id as parentId', 'first_response_days as firstResponseDays'])
    .where('tenant_id', '=', tenantId)
    .execute();
}
