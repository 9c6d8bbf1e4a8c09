// Every query of the promises module; each is filtered by tenant.
import type { Db } from '../../db/database.ts';
import type { PromiseKind, PromiseStatus } from '../../db/schema-promises.ts';

export interface PromiseRow {
  id: string;
  kind: PromiseKind;
  status: PromiseStatus;
  retiredOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VersionValues {
  title: string;
  publicText: string;
  translations: unknown;
  boardUnitId: string;
  unitId: string;
  promised: string;
  metric: unknown;
  measurementText: string;
  target: number | null;
  remedy: string;
  counterRequirement: string;
  decisionBoard: string | null;
  decisionBoardUnitId: string | null;
  decisionDate: string | null;
  decisionRegistrationNumber: string | null;
  validFrom: string;
  validTo: string | null;
  decided: boolean;
}

/** A stored version: its values plus identity and who made it. */
export interface VersionRow extends VersionValues {
  id: string;
  promiseId: string;
  version: number;
  createdAt: Date;
  createdByLabel: string;
}

const PROMISE_COLUMNS = ['id', 'kind', 'status', 'retired_on as retiredOn', 'created_at as createdAt', 'updated_at as updatedAt'] as const;

const VERSION_COLUMNS = [
  'id',
  'promise_id as promiseId',
  'version',
  'title',
  'public_text as publicText',
  'translations',
  'board_unit_id as boardUnitId',
  'unit_id as unitId',
  'promised',
  'metric',
  'measurement_text as measurementText',
  'target',
  'remedy',
  'counter_requirement as counterRequirement',
  'decision_board as decisionBoard',
  'decision_board_unit_id as decisionBoardUnitId',
  'decision_date as decisionDate',
  'decision_registration_number as decisionRegistrationNumber',
  'valid_from as validFrom',
  'valid_to as validTo',
  'decided',
  'created_at as createdAt',
  'created_by_label as createdByLabel',
] as const;

function versionColumns(v: VersionValues) {
  return {
    title: v.title,
    public_text: v.publicText,
    translations: JSON.stringify(v.translations ?? {}),
    board_unit_id: v.boardUnitId,
    unit_id: v.unitId,
    promised: v.promised,
    metric: v.metric === null ? null : JSON.stringify(v.metric),
    measurement_text: v.measurementText,
    target: v.target,
    remedy: v.remedy,
    counter_requirement: v.counterRequirement,
    decision_board: v.decisionBoard,
    decision_board_unit_id: v.decisionBoardUnitId,
    decision_date: v.decisionDate,
    decision_registration_number: v.decisionRegistrationNumber,
    valid_from: v.validFrom,
    valid_to: v.validTo,
    decided: v.decided,
  };
}

export async function insertPromise(db: Db, tenantId: string, kind: PromiseKind): Promise<PromiseRow> {
  return db.insertInto('promises').values({ tenant_id: tenantId, kind }).returning(PROMISE_COLUMNS).executeTakeFirstOrThrow();
}

export function findPromise(db: Db, tenantId: string, id: string): Promise<PromiseRow | undefined> {
  return db.selectFrom('promises').select(PROMISE_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Locks the promise row for the rest of the transaction; false when there is no such promise. */
export async function lockPromise(db: Db, tenantId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('promises')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export function listPromiseRows(db: Db, tenantId: string, statuses?: readonly PromiseStatus[]): Promise<PromiseRow[]> {
  let q = db.selectFrom('promises').select(PROMISE_COLUMNS).where('tenant_id', '=', tenantId);
  if (statuses) q = q.where('status', 'in', [...statuses]);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function updatePromiseRow(
  db: Db,
  tenantId: string,
  id: string,
  values: { status?: PromiseStatus; kind?: PromiseKind; retiredOn?: string | null },
): Promise<void> {
  await db
    .updateTable('promises')
    .set({
      ...(values.status ? { status: values.status } : {}),
      ...(values.kind ? { kind: values.kind } : {}),
      ...(values.retiredOn !== undefined ? { retired_on: values.retiredOn } : {}),
      updated_at: new Date(),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function insertVersion(
  db: Db,
  tenantId: string,
  promiseId: string,
  version: number,
  values: VersionValues,
  by: { userId: string | null; label: string },
): Promise<VersionRow> {
  return db
    .insertInto('promise_versions')
    .values({
      tenant_id: tenantId,
      promise_id: promiseId,
      version,
      ...versionColumns(values),
      created_by_user_id: by.userId,
      created_by_label: by.label,
    })
    .returning(VERSION_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function updateVersion(db: Db, tenantId: string, versionId: string, values: VersionValues): Promise<void> {
  await db
    .updateTable('promise_versions')
    .set(versionColumns(values))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', versionId)
    .execute();
}

export function listVersions(db: Db, tenantId: string, promiseIds: readonly string[]): Promise<VersionRow[]> {
  if (promiseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('promise_versions')
    .select(VERSION_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('promise_id', 'in', [...promiseIds])
    .orderBy('promise_id')
    .orderBy('version')
    .execute();
}

export interface EventRow {
  id: string;
  fromStatus: PromiseStatus | null;
  toStatus: PromiseStatus;
  version: number;
  note: string | null;
  actorLabel: string;
  at: Date;
}

export async function insertEvent(
  db: Db,
  tenantId: string,
  promiseId: string,
  e: {
    fromStatus: PromiseStatus | null;
    toStatus: PromiseStatus;
    version: number;
    note?: string | null;
    userId: string | null;
    label: string;
  },
): Promise<void> {
  await db
    .insertInto('promise_events')
    .values({
      tenant_id: tenantId,
      promise_id: promiseId,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      version: e.version,
      note: e.note ?? null,
      actor_user_id: e.userId,
      actor_label: e.label,
    })
    .execute();
}

export function listEvents(db: Db, tenantId: string, promiseId: string): Promise<EventRow[]> {
  return db
    .selectFrom('promise_events')
    .select(['id', 'from_status as fromStatus', 'to_status as toStatus', 'version', 'note', 'actor_label as actorLabel', 'at'])
    .where('tenant_id', '=', tenantId)
    .where('promise_id', '=', promiseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export interface MeasurementRow {
  id: string;
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  enteredByLabel: string;
  enteredAt: Date;
}

const MEASUREMENT_COLUMNS = [
  'id',
  'period',
  'numerator',
  'denominator',
  'value',
  'comment',
  'entered_by_label as enteredByLabel',
  'entered_at as enteredAt',
] as const;

export interface MeasurementValues {
  period: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
}

/** One value per month: entering a month again replaces it (the audit log keeps the old one). */
export async function upsertMeasurements(
  db: Db,
  tenantId: string,
  promiseId: string,
  rows: readonly MeasurementValues[],
  by: { userId: string | null; label: string },
): Promise<MeasurementRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('promise_measurements')
    .values(
      rows.map((m) => ({
        tenant_id: tenantId,
        promise_id: promiseId,
        period: m.period,
        numerator: m.numerator,
        denominator: m.denominator,
        value: m.value,
        comment: m.comment,
        entered_by_user_id: by.userId,
        entered_by_label: by.label,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['promise_id', 'period']).doUpdateSet((eb) => ({
        numerator: eb.ref('excluded.numerator'),
        denominator: eb.ref('excluded.denominator'),
        value: eb.ref('excluded.value'),
        comment: eb.ref('excluded.comment'),
        entered_by_user_id: eb.ref('excluded.entered_by_user_id'),
        entered_by_label: eb.ref('excluded.entered_by_label'),
        entered_at: new Date(),
      })),
    )
    .returning(MEASUREMENT_COLUMNS)
    .execute();
}

export function listMeasurements(
  db: Db,
  tenantId: string,
  promiseId: string,
  range?: { from: string; to: string },
): Promise<MeasurementRow[]> {
  let q = db
    .selectFrom('promise_measurements')
    .select(MEASUREMENT_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('promise_id', '=', promiseId);
  if (range) q = q.where('period', '>=', range.from).where('period', '<=', range.to);
  return q.orderBy('period').execute();
}

export interface ClaimRow {
  id: string;
  claimedOn: string;
  description: string;
  remedyGiven: string;
  costSek: number;
  enteredByLabel: string;
  enteredAt: Date;
}

const CLAIM_COLUMNS = [
  'id',
  'claimed_on as claimedOn',
  'description',
  'remedy_given as remedyGiven',
  'cost_sek as costSek',
  'entered_by_label as enteredByLabel',
  'entered_at as enteredAt',
] as const;

export async function insertClaims(
  db: Db,
  tenantId: string,
  promiseId: string,
  rows: readonly { claimedOn: string; description: string; remedyGiven: string; costSek: number }[],
  by: { userId: string | null; label: string },
): Promise<ClaimRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('promise_claims')
    .values(
      rows.map((c) => ({
        tenant_id: tenantId,
        promise_id: promiseId,
        claimed_on: c.claimedOn,
        description: c.description,
        remedy_given: c.remedyGiven,
        cost_sek: c.costSek,
        entered_by_user_id: by.userId,
        entered_by_label: by.label,
      })),
    )
    .returning(CLAIM_COLUMNS)
    .execute();
}

export function listClaims(db: Db, tenantId: string, promiseId: string): Promise<ClaimRow[]> {
  return db
    .selectFrom('promise_claims')
    .select(CLAIM_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('promise_id', '=', promiseId)
    .orderBy('claimed_on')
    .orderBy('entered_at')
    .execute();
}

export async function findMinCount(db: Db, tenantId: string): Promise<number | undefined> {
  const row = await db.selectFrom('promise_settings').select('min_count').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row?.min_count;
}

export async function upsertMinCount(db: Db, tenantId: string, minCount: number): Promise<void> {
  await db
    .insertInto('promise_settings')
    .values({ tenant_id: tenantId, min_count: minCount })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ min_count: minCount, updated_at: new Date() }))
    .execute();
}

/** Demo data only: dates the status changes of a seeded promise when they happened in the story. */
export async function backdateEvents(db: Db, tenantId: string, promiseId: string, at: Partial<Record<PromiseStatus, Date>>): Promise<void> {
  for (const [status, when] of Object.entries(at)) {
    await db
      .updateTable('promise_events')
      .set({ at: when })
      .where('tenant_id', '=', tenantId)
      .where('promise_id', '=', promiseId)
      .where('to_status', '=', status as PromiseStatus)
      .execute();
  }
}
