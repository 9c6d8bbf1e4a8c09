// Cookie-less counting of public page views, without personal data. Per tenant, page path and
// day: views, and visitors de-duplicated within the day by a hash of (salt, client address, user
// agent, path). The salt is random, lives only in memory and is replaced when the day changes,
// so yesterday's hashes cannot be recomputed; the hashes themselves are dropped with the day and
// never written. Bots (by user agent) are not counted. Counts are batched in memory and flushed
// with one upsert per batch (every 10 seconds, at 500 distinct keys, and when the app closes).
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const BOT =
  /bot|crawl|spider|slurp|curl|wget|python|httpclient|java\/|go-http|headless|lighthouse|preview|monitor|scan|fetch|axios|node-fetch|okhttp|^$/i;

export function isBot(userAgent: string | undefined): boolean {
  return BOT.test(userAgent ?? '');
}

interface Pending {
  tenantId: string;
  path: string;
  day: string;
  views: number;
  visitors: number;
}

export interface PageViewCounter {
  count(input: { tenantId: string; path: string; day: string; clientAddress: string; userAgent: string | undefined }): void;
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export function createPageViewCounter(db: Db, options: { flushEveryMs?: number; maxPending?: number } = {}): PageViewCounter {
  const maxPending = options.maxPending ?? 500;
  let day = '';
  let salt = randomBytes(32);
  let seen = new Set<string>();
  let pending = new Map<string, Pending>();
  let flushing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    if (pending.size === 0) return flushing;
    const batch = [...pending.values()];
    pending = new Map();
    flushing = flushing.then(async () => {
      try {
        await db
          .insertInto('portal_page_views')
          .values(batch.map((b) => ({ tenant_id: b.tenantId, path: b.path, day: b.day, views: b.views, visitors: b.visitors })))
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'day', 'path']).doUpdateSet({
              views: sql`portal_page_views.views + excluded.views`,
              visitors: sql`portal_page_views.visitors + excluded.visitors`,
            }),
          )
          .execute();
      } catch {
        // Counting must never break a page; a lost batch (database away, tenant deleted) is only a lost count.
      }
    });
    return flushing;
  }

  const timer = setInterval(() => void flush(), options.flushEveryMs ?? 10_000);
  timer.unref();

  return {
    count({ tenantId, path, day: today, clientAddress, userAgent }) {
      if (isBot(userAgent)) return;
      if (today !== day) {
        // A new day: a new salt, and yesterday's hashes are forgotten.
        day = today;
        salt = randomBytes(32);
        seen = new Set();
      }
      const hash = createHash('sha256')
        .update(salt)
        .update(`\0${clientAddress}\0${userAgent ?? ''}\0${tenantId}\0${path}`)
        .digest('base64url');
      const first = !seen.has(hash);
      if (first) seen.add(hash);
      const key = `${tenantId}|${today}|${path}`;
      const p = pending.get(key) ?? { tenantId, path, day: today, views: 0, visitors: 0 };
      p.views += 1;
      if (first) p.visitors += 1;
      pending.set(key, p);
      if (pending.size >= maxPending) void flush();
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

export interface ReadingStats {
  top: { path: string; views: number; visitors: number; previous: number }[];
  days: { day: string; views: number }[];
  totalViews: number;
}

/** Most read pages of the last `days` days (with the views of the period before, for a trend), and views per day. */
export async function readingStats(db: Db, tenantId: string, today: string, days = 30): Promise<ReadingStats> {
  const top = await sql<{ path: string; views: number; visitors: number; previous: number }>`
    select path,
      coalesce(sum(views) filter (where day > ${today}::date - ${days}::int), 0)::int as views,
      coalesce(sum(visitors) filter (where day > ${today}::date - ${days}::int), 0)::int as visitors,
      coalesce(sum(views) filter (where day <= ${today}::date - ${days}::int), 0)::int as previous
    from portal_page_views
    where tenant_id = ${tenantId} and day > ${today}::date - ${2 * days}::int and day <= ${today}::date
    group by path
    order by views desc, path
    limit 50`.execute(db);
  const perDay = await sql<{ day: string; views: number }>`
    select to_char(day, 'YYYY-MM-DD') as day, sum(views)::int as views
    from portal_page_views
    where tenant_id = ${tenantId} and day > ${today}::date - ${days}::int and day <= ${today}::date
    group by day order by day`.execute(db);
  return {
    top: top.rows.filter((r) => r.views > 0),
    days: perDay.rows,
    totalViews: perDay.rows.reduce((s, r) => s + r.views, 0),
  };
}

/** Of the given paths, those nobody opened in the last `days` days. */
export async function unreadPaths(db: Db, tenantId: string, paths: readonly string[], today: string, days = 30): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const read = await db
    .selectFrom('portal_page_views')
    .select('path')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('path', 'in', paths as string[])
    .where(sql<boolean>`day > ${today}::date - ${days}::int and day <= ${today}::date`)
    .execute();
  const opened = new Set(read.map((r) => r.path));
  return new Set(paths.filter((p) => !opened.has(p)));
}
