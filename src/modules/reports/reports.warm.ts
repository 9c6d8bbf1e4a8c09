// Warm-up after the server has started: every published report's DOCX is built once through the
// app (Fastify inject on the public route), so the print worker, Chromium and the chart image it
// draws, and the DOCX worker are running and the file is kept before a resident or a board member
// asks for it. The first DOCX of a fresh process took 2.6 s, almost all of it starting those
// (bench/results.md, "Reports"); afterwards it is read from memory. Runs in the background: the
// port opens at once, and a request that comes first simply builds the file itself.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
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
  let files = 0;
  try {
    for (const tenant of await listTenants(db)) {
      const published = (await listPublishedReports(db, tenant.id)).slice(0, WARM_PER_TENANT);
      for (const report of published) {
        const res = await app.inject({ method: 'GET', url: `/${tenant.slug}/rapporter/${report.id}.docx` });
        if (res.statusCode === 200) files++;
        else log?.warn({ tenant: tenant.slug, report: report.id, status: res.statusCode }, 'warm-up: published report DOCX failed');
      }
    }
  } catch (error) {
    // Shutting down, or the database went away: the files are built on first request instead.
    log?.warn({ err: error }, 'warm-up: published reports stopped');
  }
  const ms = performance.now() - start;
  log?.info({ files, ms: Math.round(ms) }, 'warm-up: published reports built');
  return { files, ms };
}
