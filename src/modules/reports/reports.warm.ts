// Warm-up after the server has started: every published report's DOCX is built once through the
// app (Fastify inject on the public route), so the print worker, Chromium and the chart image it
// draws, and the DOCX worker are running and the file is kept before a resident or a board member
// asks for it. The first DOCX of a fresh process took 2.6 s, almost all of it starting those
// (bench/results.md, "Reports"); afterwards it is read from memory. Runs in the background: the
// port opens at once, and a request that comes first simply builds the file itself.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { warmPages } from '../../http/warm-up.ts';
import { listTenants } from '../tenants/tenants.service.ts';
import { listPublishedReports } from './reports.service.ts';

/** How many published reports per municipality are warmed (the newest; the file cache keeps twelve). */
const WARM_PER_TENANT = 3;

export async function warmPublishedReports(
  app: FastifyInstance,
  db: Db,
  { log }: { log?: FastifyBaseLogger } = {},
): Promise<{ files: number; ms: number }> {
  const start = performance.now();
  try {
    const urls: string[] = [];
    for (const tenant of await listTenants(db)) {
      const published = (await listPublishedReports(db, tenant.id)).slice(0, WARM_PER_TENANT);
      urls.push(...published.map((report) => `/${tenant.slug}/rapporter/${report.id}.docx`));
    }
    const { pages } = await warmPages(app, urls, { limitMs: Number.POSITIVE_INFINITY, log, what: 'published report DOCX' });
    return { files: pages, ms: performance.now() - start };
  } catch (error) {
    // Shutting down, or the database went away: the files are built on first request instead.
    log?.warn({ err: error }, 'warm-up: published reports stopped');
    return { files: 0, ms: performance.now() - start };
  }
}
