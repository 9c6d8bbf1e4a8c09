// Security-relevant: who may read the audit trail. An admin reads all of the tenant's; quality
// (kvalitetsstrateg/controller) reads their domain — the organisation's work (cases, promises,
// goals, meetings, categories …) — but not the security entries of accounts and sign-in.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { CalendarDate } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasAnyRole, requireAnyRole } from '../accounts/policy.ts';
import { stockholmInstant } from '../calendar/local-time.ts';
import { maskPersonalData } from './audit.mask.ts';
import * as repo from './audit.repo.ts';

/** Entries about accounts and sign-in: for admins only. */
export const SECURITY_ENTITIES = [
  'user',
  'api_token',
  'sign_on',
  'role_rule',
  'account_policy',
  'tenant',
  'session',
  'person',
  'audit_log',
] as const;

export const PAGE_SIZE = 100;
export const EXPORT_LIMIT = 50_000;

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const AuditQuery = Type.Object({
  who: Type.Optional(Type.String({ maxLength: 254, pattern: '^[^\\u0000-\\u001f\\u007f]*$' })),
  entity: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z0-9_.]*$' })),
  entityId: Type.Optional(Type.String({ maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f]*$' })),
  from: Type.Optional(Type.Union([CalendarDate(), Type.Literal('')])),
  to: Type.Optional(Type.Union([CalendarDate(), Type.Literal('')])),
  before: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{1,18}$' }), Type.Literal('')])),
});

const QUERY_MESSAGES = {
  who: 'Ange vem som en e-postadress, en del av den eller ett användar-id.',
  entity: 'Välj en sorts objekt i listan.',
  entityId: 'Objektets id får ha högst 200 tecken.',
  from: 'Ange från-datum som ÅÅÅÅ-MM-DD.',
  to: 'Ange till-datum som ÅÅÅÅ-MM-DD.',
  before: 'Sidan finns inte. Börja om från första sidan.',
};

export type AuditQueryValues = { who: string; entity: string; entityId: string; from: string; to: string };

export interface ShownEntry extends repo.AuditRow {
  /** data with personal data masked. */
  shown: Record<string, unknown>;
}

function nextDay(date: string): Date {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return stockholmInstant(d.toISOString().slice(0, 10), '00:00');
}

export function canReadAudit(actor: Actor): boolean {
  return hasAnyRole(actor, ['admin', 'quality']);
}

function filterFor(actor: Actor, input: unknown): { values: AuditQueryValues; filter: repo.AuditFilter } {
  requireAnyRole(actor, ['admin', 'quality']);
  const q = validate(AuditQuery, input, QUERY_MESSAGES);
  const values = {
    who: q.who?.trim() ?? '',
    entity: q.entity ?? '',
    entityId: q.entityId?.trim() ?? '',
    from: q.from ?? '',
    to: q.to ?? '',
  };
  const filter: repo.AuditFilter = {};
  if (new RegExp(UUID).test(values.who)) filter.actorUserId = values.who.toLowerCase();
  else if (values.who) filter.actorText = values.who;
  if (values.entity) filter.entity = values.entity;
  if (values.entityId) filter.entityId = values.entityId;
  if (values.from) filter.from = stockholmInstant(values.from, '00:00');
  if (values.to) filter.to = nextDay(values.to);
  if (q.before) filter.beforeId = q.before;
  if (!hasAnyRole(actor, ['admin'])) filter.excludeEntities = SECURITY_ENTITIES;
  return { values, filter };
}

const shown = (rows: repo.AuditRow[]): ShownEntry[] =>
  rows.map((r) => ({ ...r, shown: maskPersonalData(r.data, r.entity) as Record<string, unknown> }));

export async function searchAudit(actor: Actor, input: unknown, { db }: { db: Db }) {
  const { values, filter } = filterFor(actor, input);
  const [rows, kinds] = await Promise.all([
    repo.findAuditEntries(db, actor.tenantId, filter, PAGE_SIZE + 1),
    repo.auditEntityKinds(db, actor.tenantId),
  ]);
  const visibleKinds = hasAnyRole(actor, ['admin']) ? kinds : kinds.filter((k) => !(SECURITY_ENTITIES as readonly string[]).includes(k));
  const page = rows.slice(0, PAGE_SIZE);
  const nextBefore = rows.length > PAGE_SIZE ? page[page.length - 1]?.id : undefined;
  return { values, entries: shown(page), kinds: visibleKinds, nextBefore };
}

/** The CSV export of a filter (masked like the page); the export itself is audited. */
export async function exportAudit(actor: Actor, input: unknown, { db }: { db: Db }): Promise<ShownEntry[]> {
  const { values, filter } = filterFor(actor, input);
  const rows = await repo.findAuditEntries(db, actor.tenantId, { ...filter, beforeId: undefined }, EXPORT_LIMIT);
  await repo.recordAudit(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action: 'export',
    entity: 'audit_log',
    data: { filter: values, rows: rows.length },
  });
  return shown(rows);
}
