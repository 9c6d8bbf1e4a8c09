// Start-up warm-ups render pages once through the app (Fastify inject) so that the first visitor
// of a fresh process gets a kept page. They say they are a bot, so the portal's page counter
// ("Vad läser invånarna?") does not count them as readers.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

export const WARM_UP_USER_AGENT = 'insyn-warm-up-bot';

export interface WarmUpReport {
  pages: number;
  ms: number;
  /** Pages left unwarmed when the time limit was reached. */
  skipped: number;
}

/** GETs each URL once, in order; stops (without failing) after `limitMs`. */
export async function warmPages(
  app: FastifyInstance,
  urls: readonly string[],
  { limitMs, log, what }: { limitMs: number; log?: FastifyBaseLogger; what: string },
): Promise<WarmUpReport> {
  const start = performance.now();
  let pages = 0;
  let skipped = 0;
  for (const url of urls) {
    if (performance.now() - start > limitMs) {
      skipped++;
      continue;
    }
    const res = await app.inject({ method: 'GET', url, headers: { 'user-agent': WARM_UP_USER_AGENT } });
    if (res.statusCode === 200) pages++;
    else log?.warn({ url, status: res.statusCode }, `warm-up: ${what} failed`);
  }
  const ms = performance.now() - start;
  log?.info({ pages, skipped, ms: Math.round(ms) }, `warm-up: ${what} rendered`);
  return { pages, ms, skipped };
}
