// GET /staff/cases: the inbox. Every query value is read defensively (a link or a hand-edited
// URL must never end in a 500): unknown values fall back to the default.

import type { Db } from '../../db/database.ts';
import type { App } from '../../http/context.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { listUnits } from '../org/org.service.ts';
import { dueState } from './cases.deadline.ts';
import { INBOX_ONLY, INBOX_SORTS, type InboxOnly, type InboxSort, inboxCounts, listCases, MAX_PAGE } from './cases.inbox.ts';
import { InboxPage } from './cases.inbox.views.tsx';
import { CASE_CHANNELS, CASE_STATUSES } from './cases.schemas.ts';
import { MAX_SEARCH_LENGTH } from './cases.search.ts';
import { today } from './cases.service.ts';
import type { Values } from './cases.views.tsx';
import { listCategories } from './categories.service.ts';

const one = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');
const oneOf = <T extends string>(v: string, allowed: readonly T[], fallback: T | ''): T | '' =>
  (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

export function registerInboxRoutes(app: App, { db }: { db: Db }): void {
  app.get('/staff/cases', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const q = (request.query ?? {}) as Record<string, unknown>;
    const status = one(q.status);
    const filters: Values = {
      q: one(q.q).replaceAll('\0', '').trim().slice(0, MAX_SEARCH_LENGTH),
      scope: one(q.scope) === 'mine' ? 'mine' : 'units',
      unit: /^[0-9a-f-]{36}$/i.test(one(q.unit)) ? one(q.unit) : '',
      status: status === 'all' || (CASE_STATUSES as readonly string[]).includes(status) ? status : 'open',
      category: one(q.category).slice(0, 40),
      channel: oneOf(one(q.channel), CASE_CHANNELS, ''),
      sort: oneOf(one(q.sort), INBOX_SORTS, 'priority'),
      only: oneOf(one(q.only), INBOX_ONLY, ''),
    };
    const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(one(q.page) || '1', 10) || 1));
    const query = {
      unitId: filters.unit || undefined,
      status: filters.status === 'all' ? undefined : (filters.status as 'open'),
      assignee: filters.scope === 'mine' ? (actor.userId ?? undefined) : undefined,
      ownUnitsOnly: filters.scope === 'units',
      category: filters.category || undefined,
      channel: filters.channel || undefined,
      q: filters.q || undefined,
      only: (filters.only || undefined) as InboxOnly | undefined,
      sort: filters.sort as InboxSort,
    };
    const [result, counts, units, categories, calendar] = await Promise.all([
      listCases(actor, { ...query, page, pageSize: 50 }, { db }),
      inboxCounts(actor, query, { db }),
      listUnits(db, actor.tenantId),
      listCategories(db, actor.tenantId),
      tenantCalendar(db, actor.tenantId),
    ]);
    const now = today();
    const rows = result.items.map((c) => ({ c, state: dueState(c, now, calendar) }));
    const defaults: Values = { scope: 'units', status: 'open', sort: 'priority' };
    const kept = Object.entries(filters).filter(([k, v]) => v && k !== 'only' && defaults[k] !== v);
    return html(
      reply,
      renderPage(
        InboxPage({
          session,
          rows,
          total: result.total,
          page,
          pageSize: result.pageSize,
          filters,
          counts,
          units,
          categories,
          flash: takeFlash(request),
          query: new URLSearchParams(kept).toString(),
        }),
      ),
    );
  });
}
