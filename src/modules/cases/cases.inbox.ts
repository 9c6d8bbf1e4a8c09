// The inbox: the cases an actor may list, filtered, searched and ordered, with the counts of what
// needs attention ("3 förfaller idag, 2 försenade, 1 med nytt från invånaren").
import type { Db } from '../../db/database.ts';
import { forbidden } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { grantRoots, hasAnyRole } from '../accounts/policy.ts';
import { localDate } from '../calendar/calendar.ts';
import { unitSubtree } from '../org/org.service.ts';
import * as inbox from './cases.inbox.repo.ts';
import { presentCase } from './cases.present.ts';
import { parseCaseSearch } from './cases.search.ts';
import { CASE_ROLES } from './cases.service.ts';

export { INBOX_ONLY, INBOX_SORTS, type InboxCounts, type InboxOnly, type InboxSort } from './cases.inbox.repo.ts';

/** Deeper pages than this are not offered: narrow the filter or search instead. */
export const MAX_PAGE = 1000;

export interface CaseListQuery {
  unitId?: string;
  status?: 'new' | 'in_progress' | 'resolved' | 'open';
  dueBefore?: string;
  assignee?: string;
  category?: string;
  channel?: string;
  /** Case number, name, e-mail, phone or words of the text. */
  q?: string;
  only?: inbox.InboxOnly;
  /** Default: by first-feedback deadline. */
  sort?: inbox.InboxSort;
  page?: number;
  pageSize?: number;
  /** Only the units the actor's own grants are on (an agent's inbox), not every case they may read. */
  ownUnitsOnly?: boolean;
  /** The day "due today" and "overdue" are judged on (default: today in Stockholm). */
  now?: Date;
}

/** Units whose cases the actor may list; null = all of the tenant. */
async function readableUnits(actor: Actor, db: Db): Promise<string[] | null> {
  if (hasAnyRole(actor, ['agent'])) return null;
  const roots = grantRoots(actor, ['officer', 'quality']);
  if (roots === null) return null;
  const sets = await Promise.all(roots.map((r) => unitSubtree(db, actor.tenantId, r)));
  return [...new Set(sets.flat())];
}

async function listedUnits(actor: Actor, query: CaseListQuery, db: Db): Promise<string[] | null> {
  let unitIds = await readableUnits(actor, db);
  if (query.ownUnitsOnly) {
    const roots = grantRoots(actor, ['agent', 'officer', 'quality']);
    if (roots !== null) {
      const own = [...new Set((await Promise.all(roots.map((r) => unitSubtree(db, actor.tenantId, r)))).flat())];
      unitIds = unitIds === null ? own : own.filter((u) => unitIds?.includes(u));
    }
  }
  if (query.unitId) {
    const wanted = await unitSubtree(db, actor.tenantId, query.unitId);
    unitIds = unitIds === null ? wanted : wanted.filter((u) => unitIds?.includes(u));
  }
  return unitIds;
}

function filterOf(query: CaseListQuery, unitIds: string[] | null) {
  return {
    unitIds,
    status: query.status,
    dueBefore: query.dueBefore,
    assigneeUserId: query.assignee,
    categoryCode: query.category,
    channel: query.channel,
    search: query.q ? (parseCaseSearch(query.q) ?? undefined) : undefined,
    only: query.only,
    today: localDate(query.now ?? new Date()),
  };
}

export async function listCases(actor: Actor, query: CaseListQuery, { db }: { db: Db }) {
  if (!hasAnyRole(actor, [...CASE_ROLES])) throw forbidden();
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(query.page ?? 1)));
  const pageSize = Math.min(200, Math.max(1, Math.floor(query.pageSize ?? 50)));
  const unitIds = await listedUnits(actor, query, db);
  const { rows, total } = await inbox.listCases(db, actor.tenantId, {
    ...filterOf(query, unitIds),
    sort: query.sort,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map(presentCase), total, page, pageSize };
}

/** The counts above the inbox, over the same filter and search (open cases only). */
export async function inboxCounts(actor: Actor, query: CaseListQuery, { db }: { db: Db }): Promise<inbox.InboxCounts> {
  if (!hasAnyRole(actor, [...CASE_ROLES])) throw forbidden();
  const unitIds = await listedUnits(actor, query, db);
  return inbox.inboxCounts(db, actor.tenantId, filterOf({ ...query, only: undefined }, unitIds));
}
